// The action's two ends: inputs from the runner, outputs and summary back to it, through @actions/core.
// The only place that calls setFailed.
import * as core from '@actions/core'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inputName, ROWS } from '../inputs/table.js'
import { actionTerm, InputError, parseInputs, renderInputRefs } from '../inputs/parse.js'
import { createFence, singleLine } from '../log/fence.js'
import { whereOf, type Reporter, type Where } from '../log/reporter.js'
import { credentialsIn } from '../inputs/registry-auth.js'
import { credentialSecrets } from '../log/masks.js'
import { outputs, summaryMarkdown } from './summary.js'
import { keepLogin, removeKeptLogin, STATE_KEPT_CONFIG } from './keep-login.js'
import { messageOf } from '../core/text.js'

const STATE_POST = 'isPost'
const STATE_WORKDIR = 'workDir'

const words = (message: string): string => renderInputRefs(message, actionTerm)

/** docker's output goes through the fence; each of our own lines closes its region first. */
const fence = createFence(chunk => process.stdout.write(chunk))
const own =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R => {
    fence.close()
    return fn(...args)
  }

export const actionReporter: Reporter = {
  info: own((m: string) => core.info(singleLine(words(m)))),
  notice: own((m: string) => core.notice(words(m))),
  warning: own((m: string, where?: Where) =>
    core.warning(
      words(m),
      where && { file: workspacePath(where.file), startLine: where.line, endLine: where.endLine }
    )
  ),
  // Debug lines only when the run asks for them (RUNNER_DEBUG): they need not cross the log otherwise.
  debug: (m: string) => {
    if (core.isDebug()) own(core.debug)(words(m))
  },
  setSecret: own((v: string) => core.setSecret(v)),
  group: (name, fn) => {
    fence.close()
    return core.group(name, async () => {
      try {
        return await fn()
      } finally {
        fence.close()
      }
    })
  }
}

/** A file as annotations name it: relative to the workspace. */
const workspacePath = (file: string): string =>
  path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), path.resolve(file))

/** Masks the password, its lines and the base64 forms docker writes into config files, before anything is logged. */
export function maskCredentials(username: string, password: string, setSecret: (v: string) => void): void {
  credentialSecrets(username, password).forEach(setSecret)
}

export async function run(): Promise<void> {
  if (core.getState(STATE_POST) === 'true') return post()
  core.saveState(STATE_POST, 'true')
  try {
    maskCredentials(core.getInput('username'), core.getInput('password').trim(), v => core.setSecret(v))
    for (const login of credentialsIn(core.getInput('registry-auth')))
      maskCredentials(login.username, login.password, v => core.setSecret(v))
    const untrimmed = new Set(
      ROWS.filter(([, row]) => row.secret || row.untrimmed).map(([key]) => inputName(key))
    )
    const get = (name: string): string => core.getInput(name, { trimWhitespace: !untrimmed.has(name) })
    const { inputs, notices } = parseInputs(get)
    notices.forEach(n => core.notice(words(n)))

    // Loaded after validation: bad input, the most common failure, fails without loading it.
    let kept = ''
    const { execute } = await import('../pipeline/index.js')
    const result = await execute(inputs, {
      reporter: actionReporter,
      tempRoot: process.env.RUNNER_TEMP || tmpdir(),
      out: fence,
      idToken: audience => core.getIDToken(audience),
      onWorkDir: dir => core.saveState(STATE_WORKDIR, dir),
      onKeptConfig: dir => {
        kept = dir
        core.saveState(STATE_KEPT_CONFIG, dir)
      }
    })

    fence.close()
    if (kept) keepLogin(kept, actionReporter)
    for (const [name, value] of Object.entries(outputs(inputs, result))) core.setOutput(name, value)
    await writeSummary(summaryMarkdown(inputs, result))
    actionReporter.debug(`done ${Math.round(performance.now())} ms after the process started`)
  } catch (error) {
    fence.close()
    fail(error)
  }
}

/** One error line; an annotation on the Dockerfile line when the builder named it. */
function fail(error: unknown): void {
  const where = whereOf(error)
  if (!where) return core.setFailed(errorLine(error))
  process.exitCode = core.ExitCode.Failure
  core.error(errorLine(error), {
    title: 'Build failed',
    file: workspacePath(where.file),
    startLine: where.line
  })
}

/** A summary that cannot be written must not fail a step that has already pushed. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (error) {
    core.warning(`could not write the job summary: ${messageOf(error)}`)
  }
}

/** One line: the action's failure message must not spill over several annotations. */
export function errorLine(error: unknown): string {
  const line = words(messageOf(error))
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim()
  return error instanceof InputError ? line : line || 'build-tag-push failed'
}

/**
 * The post step: remove the private directory even when main was cancelled or crashed, and the kept login
 * (keep-login). With neither in the state it does nothing: it runs after every job that used the action.
 */
async function post(): Promise<void> {
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
