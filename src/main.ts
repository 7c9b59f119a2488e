// The action's two ends: inputs from the runner, outputs and summary back to it. The only place that
// calls setFailed.
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { Commands } from './commands.js'
import { InputError, parseInputs } from './inputs.js'
import { credentialSecrets, type Reporter } from './reporter.js'
import { outputs, summaryMarkdown } from './summary.js'

const STATE_POST = 'isPost'
const STATE_WORKDIR = 'workDir'

const core = new Commands()

export const actionReporter: Reporter = {
  info: m => core.info(m),
  notice: m => core.notice(m),
  warning: m => core.warning(m),
  debug: m => core.debug(m),
  setSecret: v => core.setSecret(v),
  group: (name, fn) => core.group(name, fn)
}

/** Masks the password and the base64 forms docker writes into config files, before anything is logged. */
export function maskCredentials(username: string, password: string, setSecret: (v: string) => void): void {
  credentialSecrets(username, password).forEach(setSecret)
}

export async function run(): Promise<void> {
  if (core.getState(STATE_POST) === 'true') return post()
  core.saveState(STATE_POST, 'true')
  try {
    maskCredentials(core.getInput('username'), core.getInput('password', false), v => core.setSecret(v))
    const get = (name: string): string => core.getInput(name, name !== 'password' && name !== 'secrets')
    const { inputs, notices } = parseInputs(get)
    notices.forEach(n => core.notice(n))

    // Loaded after validation: bad input, the most common failure, fails without loading it.
    const { execute } = await import('./pipeline.js')
    const result = await execute(inputs, {
      reporter: actionReporter,
      tempRoot: process.env.RUNNER_TEMP || tmpdir(),
      out: process.stdout,
      onWorkDir: dir => core.saveState(STATE_WORKDIR, dir)
    })

    for (const [name, value] of Object.entries(outputs(inputs, result))) core.setOutput(name, value)
    core.summary(summaryMarkdown(inputs, result))
    core.debug(`done ${Math.round(performance.now())} ms after the process started`)
  } catch (error) {
    core.setFailed(errorLine(error))
  }
}

/** One line: the action's failure message must not spill over several annotations. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.replace(/\s*\r?\n\s*/g, ' ').trim()
  return error instanceof InputError ? line : line || 'build-tag-push failed'
}

/** The post step: remove the private docker config even when main was cancelled or crashed. */
async function post(): Promise<void> {
  const workDir = core.getState(STATE_WORKDIR)
  if (workDir) await removeQuietly(workDir)
}

async function removeQuietly(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true })
  } catch (error) {
    core.warning(`could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
