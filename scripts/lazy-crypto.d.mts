// Types of lazy-crypto.mjs, for the TypeScript tests.
/** src/lazy/crypto.cjs. */
export const SHIM: string
/** The line ncc writes for the external builtin `name`. */
export function externalLine(name: string): string
/** `source` with the crypto externals replaced by `shim` (the text of SHIM), called with node's require. */
export function withLazyCrypto(source: string, shim: string): string
