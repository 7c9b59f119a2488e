// The post step, which the runner calls after a failed or cancelled job, or after one that kept a login
// (action.yml's post-if): it loads only this, so that a job pays little for it.
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { messageOf } from '../core/text.js'
import { removeKeptLogin } from './keep-login.js'
import { STATE_WORKDIR } from './state.js'

/**
 * Removes the private directory even when main was cancelled or crashed, and the kept login (keep-login).
 * A directory still there means main did not end by itself: what it left running (a build, a push) is
 * stopped first, so that nothing of the run goes on, or writes there again, after the job.
 * With neither in the state it does nothing.
 */
export async function post(): Promise<void> {
  const workDir = core.getState(STATE_WORKDIR)
  if (workDir && existsSync(workDir)) {
    // Loaded only here: after a kept login, the usual reason for a post step, main ended by itself.
    const { stopProcessesNaming } = await import('../docker/orphans.js')
    const stopped = await stopProcessesNaming(workDir)
    if (stopped) core.info(`Stopped ${stopped} process(es) the main step left running (docker, buildx)`)
    try {
      await rm(workDir, { recursive: true, force: true })
    } catch (error) {
      core.warning(`could not remove ${workDir}: ${messageOf(error)}`)
    }
  }
  await removeKeptLogin()
}
