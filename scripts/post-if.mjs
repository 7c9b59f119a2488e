// What the runner decides from action.yml's `post-if`, for the scripts that run the action as the runner
// would (`npm run bench`). The runner evaluates it after the job's other steps, with the status functions
// reading the job's status and `env` holding what earlier steps exported through GITHUB_ENV. Only the
// expression action.yml has today is understood: any other one is refused, so that a change there cannot
// leave the bench timing post steps the runner would skip, or skipping ones it would run.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** What keep-login exports (ENV_POST_WANTED in src/action/state.ts; a test holds the two together). */
const VARIABLE = 'BUILD_TAG_PUSH_POST'

export const KNOWN_POST_IF = `!success() || env.${VARIABLE} == 'true'`

/** action.yml's `runs.post-if`, as the runner reads it ('always()' when absent). */
export function postIfOf(actionYml) {
  return parse(readFileSync(actionYml, 'utf8'))?.runs?.['post-if'] ?? 'always()'
}

/** Whether the runner starts the post step: `jobSucceeded` is the job's status, `env` what it exported. */
export function runnerRunsPost(postIf, { jobSucceeded, env }) {
  if (postIf !== KNOWN_POST_IF)
    throw new Error(
      `action.yml's post-if is now ${JSON.stringify(postIf)}: say in scripts/post-if.mjs what the runner does with it`
    )
  return !jobSucceeded || env[VARIABLE] === 'true'
}
