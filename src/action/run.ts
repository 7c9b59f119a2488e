// The action's entry: the main step, or the post step. Each loads only its own modules: the post step runs
// after every job, and an input error, the most common failure, should cost little more than node itself.
import { existsSync } from 'node:fs'
import { STATE_KEPT_LOGIN, STATE_POST, STATE_WORKDIR } from './state.js'

/** core.getState's reading (STATE_<name>), without loading @actions/core for it. */
const state = (name: string): string => process.env[`STATE_${name}`] ?? ''

/**
 * Whether the post step has anything to undo: a kept login, or a private directory the main step did not
 * remove (it was killed, or crashed). A finished main step removes its own, so most post steps end here.
 */
export function postHasWork(): boolean {
  if (state(STATE_KEPT_LOGIN)) return true
  const workDir = state(STATE_WORKDIR)
  return workDir !== '' && existsSync(workDir)
}

export async function run(): Promise<void> {
  if (state(STATE_POST) === 'true') {
    if (postHasWork()) await (await import('./post.js')).post()
    return
  }
  return (await import('./main.js')).main()
}
