// The action's two ends: inputs from the runner, outputs and summary back to it, through @actions/core.
// The only place that calls setFailed.
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inputName, ROWS } from '../inputs/table.js'
import { actionTerm, asInput, InputError, parseInputs, renderInputRefs } from '../inputs/parse.js'
import { createFence, drainOf, singleLine } from '../log/fence.js'
import { whereOf, type Reporter, type Where } from '../log/reporter.js'
import { credentialsIn, loadRegistryAuthParser, type RegistryLogin } from '../inputs/registry-auth.js'
import type { Credentials } from '../registry/challenge.js'
import { credentialSecrets, proxySecrets, urlSecrets } from '../log/masks.js'
import { metadataEnvExports } from '../metadata/outputs.js'
import { outputs, summaryMarkdown, summaryWanted } from './summary.js'
import { STATE_POST, STATE_WORKDIR } from './state.js'
import { messageOf } from '../core/text.js'
import { declarePushed } from '../pipeline/subjects.js'
import { sinceStart } from '../core/clock.js'

const words = (message: string): string => renderInputRefs(message, actionTerm)

/** docker's output goes through the fence; each of our own lines closes its region first. */
const fence = createFence(chunk => process.stdout.write(chunk), { drain: drainOf(process.stdout) })
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

/** The main step. The runner calls the post step (post.ts) after the job, through run.ts. */
export async function main(): Promise<void> {
  try {
    // Inside the try: a GITHUB_STATE naming no file (a broken runner) fails the step with one error line.
    core.saveState(STATE_POST, 'true')
    maskCredentials(core.getInput('username'), core.getInput('password').trim(), v => core.setSecret(v))
    const registryAuth = core.getInput('registry-auth')
    if (registryAuth.trim()) {
      await loadRegistryAuthParser()
      for (const login of credentialsIn(registryAuth))
        maskCredentials(login.username, login.password, v => core.setSecret(v))
    }
    // Before anything can quote an input: a URL's userinfo in any of them (a git context's token).
    for (const [key] of ROWS) urlSecrets(core.getInput(inputName(key))).forEach(v => core.setSecret(v))
    // And the proxy's credentials, which the registry client sends and docker's output may quote.
    proxySecrets(process.env).forEach(v => core.setSecret(v))
    const untrimmed = new Set(
      ROWS.filter(([, row]) => row.secret || row.untrimmed).map(([key]) => inputName(key))
    )
    const get = (name: string): string => core.getInput(name, { trimWhitespace: !untrimmed.has(name) })
    const { inputs, notices, warnings } = parseInputs(get)
    const summary = asInput('', () => summaryWanted(process.env, w => core.warning(w)))
    notices.forEach(n => core.notice(words(n)))
    warnings.forEach(w => core.warning(words(w)))

    // Loaded after validation: bad input, the most common failure, fails without loading it.
    const { execute } = await import('../pipeline/index.js')
    const tempRoot = process.env.RUNNER_TEMP || tmpdir()
    let resolve = async (login: RegistryLogin): Promise<Credentials> => login
    const result = await execute(inputs, {
      reporter: actionReporter,
      tempRoot,
      out: fence,
      // Asked of the runner by us, not core.getIDToken: that masks whatever it is given, unchecked.
      idToken: async request => (await import('../registry/cloud/github-oidc.js')).githubIdToken(request),
      onWorkDir: dir => core.saveState(STATE_WORKDIR, dir),
      onLogins: logins => (resolve = login => logins.resolve(login))
    })

    fence.close()
    // Only after a run that succeeded: a failed one leaves the job's docker config as it found it.
    // Loaded only when asked for: the ledger reads this host's identity as it loads.
    if (inputs.keepLogin) {
      const { keepLogins } = await import('./keep-login.js')
      await keepLogins(inputs.logins, { resolve, tempRoot, reporter: actionReporter })
    }
    const values = outputs(inputs, result)
    for (const [name, value] of Object.entries(values)) core.setOutput(name, value)
    for (const [name, value] of Object.entries(metadataEnvExports(inputs, values)))
      core.exportVariable(name, value)
    await declareArtifacts(inputs, result.digest)
    if (summary) await writeSummary(summaryMarkdown(inputs, result))
    actionReporter.debug(`done ${Math.round(sinceStart())} ms after the process started`)
  } catch (error) {
    fence.close()
    fail(error)
  }
}

/** A declaration that cannot be written must not fail a step that has already pushed: attest then says so. */
async function declareArtifacts(inputs: Parameters<typeof declarePushed>[0], digest: string): Promise<void> {
  try {
    const lines = await declarePushed(inputs, digest)
    if (lines.length) actionReporter.info(`Declared to the runner (GITHUB_ARTIFACTS): ${lines.join(', ')}`)
  } catch (error) {
    core.warning(`could not declare the pushed images in GITHUB_ARTIFACTS: ${messageOf(error)}`)
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
  // Each run of whitespace that holds a line break becomes one space, matched once per run: a pattern such
  // as `\s*\n\s*` retries every start inside a long run without one, in time quadratic in its length.
  const line = words(messageOf(error))
    .replace(/\s+/g, run => (run.includes('\n') ? ' ' : run))
    .trim()
  return error instanceof InputError ? line : line || 'build-tag-push failed'
}
