// keep-login: the run's DOCKER_CONFIG, with its logins, handed on to the job's later steps, and taken back
// by the post step.
//
// Why DOCKER_CONFIG through GITHUB_ENV, not a write into ~/.docker: docker, cosign, crane (and everything
// on go-containerregistry or containers/image) read DOCKER_CONFIG before ~/.docker; the user's
// ~/.docker/config.json may send credentials to a credsStore (a keychain outliving the job), and on a
// self-hosted runner it is shared with other jobs, so editing and restoring it would race them. Our own
// directory is removed in one `rm`, and it sits under RUNNER_TEMP, which the runner empties after the job
// even when the post step never runs.
import * as core from '@actions/core'
import { rm } from 'node:fs/promises'
import type { Reporter } from '../log/reporter.js'
import { messageOf } from '../core/text.js'

export const STATE_KEPT_CONFIG = 'keptConfig'
/** Set once DOCKER_CONFIG was exported: the value it had before, for the post step to put back. */
export const STATE_PREVIOUS_CONFIG = 'previousDockerConfig'
const STATE_EXPORTED = 'exportedDockerConfig'

/** Later steps of the job see `dir` as their DOCKER_CONFIG. */
export function keepLogin(dir: string, reporter: Pick<Reporter, 'info'>): void {
  core.saveState(STATE_PREVIOUS_CONFIG, process.env.DOCKER_CONFIG ?? '')
  core.saveState(STATE_EXPORTED, 'true')
  core.exportVariable('DOCKER_CONFIG', dir)
  reporter.info(`keep-login: the job's later steps use DOCKER_CONFIG=${dir}; the post step removes it`)
}

/**
 * Removes the kept config and gives later post steps their DOCKER_CONFIG back (GITHUB_ENV cannot unset a
 * variable: an empty one is what docker, cosign and crane read as unset). Nothing to do, nothing done.
 */
export async function removeKeptLogin(): Promise<void> {
  const dir = core.getState(STATE_KEPT_CONFIG)
  if (!dir) return
  try {
    await rm(dir, { recursive: true, force: true })
  } catch (error) {
    core.warning(`could not remove the kept login ${dir}: ${messageOf(error)}`)
  }
  if (core.getState(STATE_EXPORTED) === 'true')
    core.exportVariable('DOCKER_CONFIG', core.getState(STATE_PREVIOUS_CONFIG))
}
