// How the runner starts the action, for the scripts and tests that run it as the runner would (`npm run
// bench`, the e2e helpers): with which node, how it reads the command files the action writes, and whether
// it starts the post step. It evaluates `post-if` after the job's other steps, with the status functions
// reading the job's status and `env` holding what earlier steps exported through GITHUB_ENV. Only the
// expression action.yml has today is understood: any other one is refused, so that a change there cannot
// leave the bench timing post steps the runner would skip, or skipping ones it would run.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

/**
 * The node the runner starts the action with (`runs.using: node24`): node 24 from the `node` dev dependency
 * under `root`, whatever node runs the caller; `fallback` where it is not installed.
 */
export function runnerNode(root, fallback = process.execPath) {
  const node = path.join(root, 'node_modules', 'node', 'bin', 'node')
  return existsSync(node) ? node : fallback
}

/** A GITHUB_OUTPUT, GITHUB_STATE or GITHUB_ENV file: name → value (the `name<<delimiter` form). */
export function parseCommandFile(text) {
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    out[m[1]] = value.join('\n')
  }
  return out
}

/** The post step's environment for what the main step saved in GITHUB_STATE: `STATE_<name>`, as the runner sets it. */
export const stateEnv = state => Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))

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
      `action.yml's post-if is now ${JSON.stringify(postIf)}: say in scripts/runner.mjs what the runner does with it`
    )
  return !jobSucceeded || env[VARIABLE] === 'true'
}
