// Runs the committed bundle the way the Actions runner does: INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STATE files, then the post step with the saved state.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { hasBuildxPlugin } from '../../src/docker/docker.js'
import { runCommand, type CliResult } from './docker.js'
import { testDir } from './temp.js'
import { parseCommandFile, postIfOf, runnerNode, runnerRunsPost, stateEnv } from '../../scripts/runner.mjs'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const ACTION = join(ROOT, 'dist', 'index.js')
export const CLI = join(ROOT, 'dist', 'cli', 'index.js')
/** The node the runner starts the action with (node 24), so that the bundle is tested on the runner's major. */
export const RUNNER_NODE = runnerNode(ROOT)
const POST_IF = postIfOf(join(ROOT, 'action.yml'))

/** The builder the action should pick: buildx where the user's config or a system plugin dir has it. */
export const EXPECTED_BUILDER = hasBuildxPlugin(process.env.DOCKER_CONFIG || join(tmpdir(), 'btp-no-config'))
  ? 'buildx'
  : 'classic'

export interface ActionRun extends CliResult {
  outputs: Record<string, string>
  state: Record<string, string>
  /** Every line the step printed, stdout then stderr. */
  log: string
  runnerTemp: string
  home: string
  summary: string
  /** What the step exported through GITHUB_ENV (main, then post), as the runner hands it on. */
  exported: Record<string, string>
  post?: CliResult
}

/** The runner's command files (`name<<delimiter`) and its STATE_ variables for the post step. */
export { parseCommandFile, stateEnv }

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
}

export interface LaterStep {
  env: NodeJS.ProcessEnv
  /** The outputs and the saved state of main. */
  outputs: Record<string, string>
  state: Record<string, string>
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /**
   * Skip the post step. It runs by default, even where action.yml's post-if would have the runner skip it (a
   * successful job with no kept login): whenever it runs, it must do no harm. Where the runner would skip
   * it, the main step must have left RUNNER_TEMP as the job's later steps should find it (mainLeftovers).
   */
  noPost?: boolean
  /**
   * A later step of the job, run between main and post with the environment the runner would give it:
   * the run's, plus what main exported through GITHUB_ENV.
   */
  laterStep?: (step: LaterStep) => Promise<void>
}

/** A step's own directory, laid out as the runner gives it: RUNNER_TEMP, HOME and its command files, empty. */
export interface StepDir {
  base: string
  runnerTemp: string
  home: string
  files: { GITHUB_OUTPUT: string; GITHUB_STATE: string; GITHUB_ENV: string; GITHUB_STEP_SUMMARY: string }
}

export async function stepDir(prefix = 'btp-run-'): Promise<StepDir> {
  const base = await testDir(prefix)
  const step: StepDir = {
    base,
    runnerTemp: join(base, 'runner-temp'),
    home: join(base, 'home'),
    files: {
      GITHUB_OUTPUT: join(base, 'output'),
      GITHUB_STATE: join(base, 'state'),
      GITHUB_ENV: join(base, 'env'),
      GITHUB_STEP_SUMMARY: join(base, 'summary')
    }
  }
  for (const f of Object.values(step.files)) await writeFile(f, '')
  await mkdir(step.runnerTemp)
  await mkdir(step.home)
  return step
}

/**
 * The main step's environment: PATH plus what the runner sets, and the engine under test (the CI matrix sets
 * DOCKER_HOST and DOCKER_CONFIG), seen by the action as the user's own setup; no other inherited variable.
 * `extra` goes last.
 */
export const stepEnv = (
  step: StepDir,
  inputs: Record<string, string>,
  extra: NodeJS.ProcessEnv = {}
): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: step.home,
  RUNNER_TEMP: step.runnerTemp,
  ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
  ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {}),
  ...step.files,
  ...inputEnv(inputs),
  ...extra
})

/**
 * The post step after a main step that ran with `env` in `step`, as the runner starts it: that environment,
 * what main exported through GITHUB_ENV, and STATE_<name> for what it saved.
 */
export function runPost(step: StepDir, env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  const exported = parseCommandFile(readFileSync(step.files.GITHUB_ENV, 'utf8'))
  const state = parseCommandFile(readFileSync(step.files.GITHUB_STATE, 'utf8'))
  return runIn(ACTION, { ...env, ...exported, ...stateEnv(state) }, cwd)
}

/** A clean environment: PATH plus what the runner sets; no inherited INPUT_* or DOCKER_CONFIG. */
export async function runAction(inputs: Record<string, string>, opts: RunOptions = {}): Promise<ActionRun> {
  const step = await stepDir()
  const { runnerTemp, home, files } = step
  const env = stepEnv(step, inputs, opts.env)
  const main = await runIn(ACTION, env, opts.cwd)
  const state = parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8'))
  const exportedByMain = parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8'))
  if (!runnerRunsPost(POST_IF, { jobSucceeded: main.code === 0, env: exportedByMain })) {
    const left = mainLeftovers(await readdir(runnerTemp))
    if (left.length)
      throw new Error(
        `the main step succeeded and the runner would not start the post step, yet main left ${left.join(', ')} in RUNNER_TEMP:\n${main.stdout}\n${main.stderr}`
      )
  }
  await opts.laterStep?.({
    env: { ...env, ...exportedByMain },
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state
  })
  let post: CliResult | undefined
  if (!opts.noPost) post = await runPost(step, env, opts.cwd)
  return {
    ...main,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state,
    log: `${main.stdout}\n${main.stderr}\n${post?.stdout ?? ''}\n${post?.stderr ?? ''}`,
    runnerTemp,
    home,
    summary: existsSync(files.GITHUB_STEP_SUMMARY) ? readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') : '',
    exported: parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    post
  }
}

/**
 * What a successful main step left in RUNNER_TEMP that no later step is meant to read: everything but the
 * SBOM files it hands on (`sbom-paths`). Without a kept login nothing else may stay, since the runner then
 * starts no post step to remove it.
 */
export const mainLeftovers = (entries: string[]): string[] =>
  entries.filter(name => !name.startsWith('build-tag-push-sbom-'))

function runIn(script: string, env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return runCommand(RUNNER_NODE, [script], { env, cwd })
}

/** The `::error::` lines of a run. */
/** `::error::…` lines, and `::error file=…,line=…::…` annotations. */
export const errorLines = (log: string): string[] =>
  log.split('\n').filter(l => /^::error(?: [^:]*)?::/.test(l))

/** Asserts exit 0; on failure the message carries the run's last lines, so a CI log shows why. */
export function expectSucceeded(run: CliResult & { log?: string }): void {
  if (run.code === 0) return
  const log = run.log ?? `${run.stdout}\n${run.stderr}`
  const tail = log.trimEnd().split('\n').slice(-40).join('\n')
  throw new Error(`the action exited ${run.code}; its last lines:\n${tail}`)
}
