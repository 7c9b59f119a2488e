// Types of images.mjs, for the TypeScript tests.
/** `docker image ls` arguments whose lines imageRefs reads. */
export const IMAGE_LS_ARGS: string[]
/** The references under `prefixes` in IMAGE_LS_ARGS's output, each with its image ID. */
export function imageRefs(lsOutput: string, prefixes: string[]): Map<string, string>
/** Removes every reference under `prefixes` from the engine `env` names; resolves once all are gone. */
export function removeImagesUnder(prefixes: string[], env?: NodeJS.ProcessEnv): Promise<void>
