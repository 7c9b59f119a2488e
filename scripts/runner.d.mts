// Types of runner.mjs, for the TypeScript tests.
export const KNOWN_POST_IF: string
/** A GITHUB_OUTPUT, GITHUB_STATE or GITHUB_ENV file: name → value (the `name<<delimiter` form). */
export function parseCommandFile(text: string): Record<string, string>
/** The post step's environment for what the main step saved in GITHUB_STATE: `STATE_<name>`, as the runner sets it. */
export function stateEnv(state: Record<string, string>): Record<string, string>
/** The node the runner starts the action with: node 24 of the `node` dev dependency, else `fallback`. */
export function runnerNode(root: string, fallback?: string): string
/** action.yml's `runs.post-if`, as the runner reads it ('always()' when absent). */
export function postIfOf(actionYml: string): string
/** Whether the runner starts the post step: `jobSucceeded` is the job's status, `env` what it exported. */
export function runnerRunsPost(
  postIf: string,
  facts: { jobSucceeded: boolean; env: Record<string, string | undefined> }
): boolean
