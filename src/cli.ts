// The same job outside Actions: flags become the action's inputs, and results go to stdout.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { parseArgs } from 'node:util'
import { InputError, parseInputs } from './inputs.js'
import { execute } from './pipeline.js'
import { credentialSecrets, type Reporter } from './reporter.js'
import { outputs } from './summary.js'

export const USAGE = `Usage: build-tag-push --image PATH [options]

Build a container image, tag it, push it, and print the digest the registry really serves.

  --context DIR|URL     build context: a directory or a git URL (default .)
  --file PATH           Dockerfile (default: Dockerfile in the context)
  --image PATH          repository path, e.g. my/app (required)
  --registry HOST       registry host[:port] (default docker.io), e.g. localhost:5000
  --tag TAG             a tag; repeat for more (default: latest, or from the git context in Actions)
  --build-arg K=V       a build argument; repeatable
  --label K=V           an image label; repeatable
  --target STAGE        build stage to stop at
  --platform LIST       buildx platforms, e.g. linux/amd64,linux/arm64; repeatable
  --cache-from SPEC     buildx cache source; repeatable
  --cache-to SPEC       buildx cache destination; repeatable
  --provenance VALUE    buildx provenance attestation (true, false, mode=max)
  --sbom VALUE          buildx SBOM attestation
  --secret ID=ENV       a build secret whose value is read from the environment variable ENV; repeatable
  --builder NAME        buildx builder
  --no-push             build and tag only
  --no-cache            build without cache
  --pull                always pull base images
  --username USER       registry user; the password is read from stdin (--password-stdin)
  --password-stdin      read the registry password from stdin
  --retries N           attempts for transient failures, 1-10 (default 3)
  --json                print the outputs as one JSON object
  -h, --help            show this help

Exit status: 0 success, 1 failure, 2 bad usage or invalid input.`

const OPTIONS = {
  context: { type: 'string' },
  file: { type: 'string' },
  image: { type: 'string' },
  registry: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'build-arg': { type: 'string', multiple: true },
  label: { type: 'string', multiple: true },
  target: { type: 'string' },
  platform: { type: 'string', multiple: true },
  'cache-from': { type: 'string', multiple: true },
  'cache-to': { type: 'string', multiple: true },
  provenance: { type: 'string' },
  sbom: { type: 'string' },
  secret: { type: 'string', multiple: true },
  builder: { type: 'string' },
  'no-push': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  pull: { type: 'boolean' },
  username: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  retries: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export class UsageError extends Error {}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']

/** Maps flags onto the action's input names, so both ends share one validator. */
export function flagsToInputs(values: Values, env: NodeJS.ProcessEnv, password: string): Map<string, string> {
  const lines = (v?: string[]): string => (v ?? []).join('\n')
  const secrets = (values.secret ?? []).map(spec => {
    const eq = spec.indexOf('=')
    if (eq <= 0) throw new UsageError(`--secret takes ID=ENV, got ${JSON.stringify(spec)}`)
    const name = spec.slice(eq + 1)
    const value = env[name]
    if (value === undefined)
      throw new UsageError(`--secret ${spec.slice(0, eq)}: environment variable ${name} is not set`)
    return `${spec.slice(0, eq)}=${value}`
  })
  return new Map<string, string>([
    ['context', values.context ?? ''],
    ['file', values.file ?? ''],
    ['image', values.image ?? ''],
    ['registry', values.registry ?? ''],
    ['tags', lines(values.tag)],
    ['build-args', lines(values['build-arg'])],
    ['labels', lines(values.label)],
    ['target', values.target ?? ''],
    ['platforms', lines(values.platform)],
    ['cache-from', lines(values['cache-from'])],
    ['cache-to', lines(values['cache-to'])],
    ['provenance', values.provenance ?? ''],
    ['sbom', values.sbom ?? ''],
    ['secrets', secrets.join('\n')],
    ['builder', values.builder ?? ''],
    ['push', values['no-push'] ? 'false' : 'true'],
    ['no-cache', values['no-cache'] ? 'true' : 'false'],
    ['pull', values.pull ? 'true' : 'false'],
    ['username', values.username ?? ''],
    ['password', password],
    ['retries', values.retries ?? '']
  ])
}

/** The CLI has no runner to mask secrets, so it masks them itself. */
export const maskAll = (text: string, secrets: string[]): string =>
  secrets.reduce((acc, x) => (x ? acc.split(x).join('***') : acc), text)

/** Phases on stderr with their durations; docker's own output streams there too. */
export function cliReporter(err: NodeJS.WritableStream, secrets: string[]): Reporter {
  const mask = (s: string): string => maskAll(s, secrets)
  return {
    info: m => err.write(`${mask(m)}\n`),
    notice: m => err.write(`notice: ${mask(m)}\n`),
    warning: m => err.write(`warning: ${mask(m)}\n`),
    debug: m => {
      if (process.env.BTP_DEBUG) err.write(`debug: ${mask(m)}\n`)
    },
    setSecret: v => secrets.push(v),
    group: async (name, fn) => {
      const start = performance.now()
      err.write(`==> ${name}\n`)
      try {
        return await fn()
      } finally {
        err.write(`<== ${name} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`)
      }
    }
  }
}

/** Input names as the CLI user knows them. */
const FLAG_OF: Record<string, string> = {
  tags: '--tag',
  'build-args': '--build-arg',
  labels: '--label',
  platforms: '--platform',
  secrets: '--secret',
  push: '--no-push',
  password: '--password-stdin'
}

/** "Invalid input "tags": …" reads "invalid --tag: …" on a command line. */
export function flagMessage(error: InputError): string {
  const flag = FLAG_OF[error.input] ?? `--${error.input}`
  return error.message.replace(`Invalid input "${error.input}"`, `invalid ${flag}`)
}

export interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr }
): Promise<number> {
  let values: Values
  try {
    values = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }).values
  } catch (error) {
    io.stderr.write(`build-tag-push: ${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`)
    return 0
  }
  const secrets: string[] = []
  const reporter = cliReporter(io.stderr, secrets)
  let password = ''
  if (values['password-stdin']) password = readFileSync(0, 'utf8').replace(/\r?\n$/, '')
  secrets.push(...credentialSecrets(values.username ?? '', password))
  let inputs
  const start = performance.now()
  try {
    const map = flagsToInputs(values, process.env, password)
    for (const line of (map.get('secrets') ?? '').split('\n')) secrets.push(line.slice(line.indexOf('=') + 1))
    const parsed = parseInputs(name => map.get(name) ?? '')
    parsed.notices.forEach(n => reporter.notice(n))
    inputs = parsed.inputs
    // Printed only once it passed: a rejected input gets its one error line and nothing else.
    io.stderr.write(`==> Validate\n<== Validate (${((performance.now() - start) / 1000).toFixed(1)} s)\n`)
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      io.stderr.write(`build-tag-push: ${error instanceof InputError ? flagMessage(error) : error.message}\n`)
      return 2
    }
    throw error
  }
  try {
    const result = await execute(inputs, { reporter, tempRoot: tmpdir(), out: io.stderr })
    if (values.json) io.stdout.write(`${JSON.stringify(outputs(inputs, result))}\n`)
    else {
      io.stdout.write(
        result.digest
          ? `${result.imageRef}\n`
          : `built ${result.imageid} as ${result.tags.join(', ')} (not pushed)\n`
      )
    }
    reporter.info(`done in ${((performance.now() - start) / 1000).toFixed(1)} s`)
    return 0
  } catch (error) {
    // Some input problems can only be seen once docker is known (BuildKit inputs without buildx).
    if (error instanceof InputError) {
      io.stderr.write(`build-tag-push: ${flagMessage(error)}\n`)
      return 2
    }
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\r?\n\s*/g, ' ')
    io.stderr.write(`build-tag-push: error: ${maskAll(message, secrets)}\n`)
    return 1
  }
}
