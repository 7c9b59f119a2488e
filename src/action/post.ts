// The post step, which the runner calls after a failed or cancelled job, or after one that kept a login
// (action.yml's post-if): it loads only this, so that a job pays little for it.
import * as core from '@actions/core'
import { rm } from 'node:fs/promises'
import { messageOf } from '../core/text.js'
import { removeKeptLogin } from './keep-login.js'
import { STATE_WORKDIR } from './state.js'

/**
 * Removes the private directory even when main was cancelled or crashed, and the kept login (keep-login).
 * With neither in the state it does nothing.
 */
export async function post(): Promise<void> {
  const workDir = core.getState(STATE_WORKDIR)
  if (workDir) {
    try {
      await rm(workDir, { recursive: true, force: true })
    } catch (error) {
      core.warning(`could not remove ${workDir}: ${messageOf(error)}`)
    }
  }
  await removeKeptLogin()
}
