// The same job outside Actions: flags become the action's inputs, and results go to stdout. The flags,
// the usage text and the mapping onto inputs all come from the input table.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { parseArgs } from 'node:util'
import { flagName, inputName, isListKind, ROWS, rowByName, type InputKey, type Row } from '../inputs/table.js'
import { InputProblem } from '../core/problem.js'
import { SECRET_ID, SECRET_ID_RULE } from '../inputs/validators.js'
import { dockerSecret, isDockerSecret, type DockerSecret } from './docker-secret.js'
import { InputError, parseInputs, renderInputRefs } from '../inputs/parse.js'
import { execute } from '../pipeline/index.js'
import { loadsOutput, outputDest } from '../pipeline/plan.js'
import type { Result } from '../pipeline/result.js'
import type { Inputs } from '../inputs/types.js'
import { cancelOnClosedOutput } from '../docker/cancel.js'
import { whereOf, type Reporter } from '../log/reporter.js'
import { drainOf, singleLine } from '../log/fence.js'
import { maskedOutput } from './masked-output.js'
import { credentialsIn, loadRegistryAuthParser } from '../inputs/registry-auth.js'
import { credentialSecrets, proxySecrets, urlSecrets } from '../log/masks.js'
import { typedOutputs } from '../action/summary.js'
import { messageOf, oneLine, splitKeyValue } from '../core/text.js'
import { VERSION } from '../core/version.js'
import { adviceIn } from '../core/input-ref.js'
import { declarePushed } from '../pipeline/subjects.js'
import { now } from '../core/clock.js'

type Option = { type: 'string' | 'boolean'; multiple?: boolean; short?: string }

/** The inputs that have a flag, each with its spelling: all but those that mean nothing outside a workflow. */
const FLAGGED = ROWS.flatMap(([key, row]) => (row.cli ? [{ key, row, cli: row.cli }] : []))

/** `--push` beside `--no-push`: the flag that gives a boolean outright, where its row has one. */
const onFlag = (key: InputKey, row: Row): string | undefined => (row.cli?.onHelp ? inputName(key) : undefined)

/** parseArgs options: one per input that has a flag (two for a boolean given either way), plus the CLI's own. */
export const OPTIONS: Record<string, Option> = {
  ...Object.fromEntries(
    FLAGGED.flatMap(({ key, row, cli }): [string, Option][] => [
      [
        flagName(key),
        row.kind === 'boolean' || cli.from === 'stdin'
          ? { type: 'boolean' }
          : { type: 'string', multiple: isListKind(row.kind) }
      ],
      ...(onFlag(key, row) ? [[onFlag(key, row)!, { type: 'boolean' }] as [string, Option]] : [])
    ])
  ),
  json: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
}

const FLAG_ROWS: [string, string][] = [
  ...FLAGGED.flatMap(({ key, row, cli }): [string, string][] => [
    ...(onFlag(key, row) ? [[`--${onFlag(key, row)}`, cli.onHelp!] as [string, string]] : []),
    [`--${flagName(key)}${cli.value && cli.from !== 'stdin' ? ` ${cli.value}` : ''}`, cli.help]
  ]),
  ['--json', 'print the outputs as one JSON object'],
  ['--version', 'print the version'],
  ['-h, --help', 'show this help']
]
/** The help column starts two spaces past the longest flag, so no flag runs into its text. */
const FLAG_WIDTH = Math.max(...FLAG_ROWS.map(([left]) => left.length)) + 2

export const USAGE = [
  'Usage: build-tag-push --image PATH [options]',
  '',
  'Build a container image, tag it, push it, and print the digest the registry really serves.',
  '',
  ...FLAG_ROWS.map(([left, help]) => `  ${left.padEnd(FLAG_WIDTH)}${help}`),
  '',
  'Exit status: 0 success, 1 failure, 2 bad usage or invalid input, 128 + N after signal N, 141 on a closed output.'
].join('\n')

export class UsageError extends Error {}

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

/** One flag's value as the input's raw text: repeated flags one per line, booleans as true/false. */
function rawValue(key: InputKey, row: Row, values: Values, env: NodeJS.ProcessEnv): string {
  const value = values[flagName(key)]
  if (row.kind === 'boolean') {
    const on = onFlag(key, row)
    if (on && values[on] && value)
      throw new UsageError(`--${on} and --${flagName(key)} say opposite things: give one of them`)
    if (on && values[on]) return 'true'
    if (value === undefined) return row.unsetInAction ? '' : row.default
    // `--no-push` sets push to false; `--pull` sets pull to true.
    return String(flagName(key).startsWith('no-') && row.default === 'true' ? !value : value)
  }
  const items = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String)
  if (row.cli?.from === 'file') return items.map(file => fromFile(flagName(key), file)).join('\n')
  if (row.cli?.from === 'env-name') return fromEnvName(flagName(key), items[0], env)
  if (row.cli?.from === 'env')
    return items.map(spec => csvQuoted(fromEnv(flagName(key), spec, env))).join('\n')
  // Entries read one per line as CSV, quotes taken off: a value with a quote or a line break is quoted whole,
  // so it stays one, as given. Other kinds read the text as it is (a string, a list split at commas, a list
  // whose quotes are kept for buildx's or the rules' own reader).
  const csvLines = (row.kind === 'lines' || row.kind === 'key-value') && !row.keepQuotes
  return (csvLines ? items.map(csvQuoted) : items).join('\n')
}

const csvQuoted = (item: string): string => (/["\r\n]/.test(item) ? `"${item.replace(/"/g, '""')}"` : item)

/** The flag names a variable (GITHUB_TOKEN unless given); the token itself is never an argument. */
function fromEnvName(flag: string, name: string | undefined, env: NodeJS.ProcessEnv): string {
  if (name === undefined) return env.GITHUB_TOKEN ?? ''
  const value = env[name]
  if (value === undefined) throw new UsageError(`--${flag}: environment variable ${name} is not set`)
  return value
}

/** `ID=ENV` → `ID=<value of $ENV>`: the value never appears in argv. */
function fromEnv(flag: string, spec: string, env: NodeJS.ProcessEnv): string {
  const kv = splitKeyValue(spec)
  if (!kv || !SECRET_ID.test(kv.key))
    throw new UsageError(
      `--${flag} takes ID=ENV (or docker's id=ID[,env=ENV|,src=FILE]) with ${SECRET_ID_RULE}, got ${JSON.stringify(spec)}`
    )
  const value = env[kv.value]
  if (value === undefined)
    throw new UsageError(`--${flag} ${kv.key}: environment variable ${kv.value} is not set`)
  return `${kv.key}=${value}`
}

/** A value kept out of argv: the flag names the file that holds it. */
function fromFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`--${flag} ${JSON.stringify(file)}: ${messageOf(error)}`)
  }
}

/**
 * docker's `--secret id=…[,env=…|,src=…]` said in the CLI's own flags: `--secret ID=ENV` for a variable,
 * `--secret-file ID=PATH` for a file.
 */
function dockerSecrets(values: Values, env: NodeJS.ProcessEnv): Values {
  const [own, files] = [flagName('secrets'), flagName('secretFiles')]
  const given = ((values[own] ?? []) as string[]).map(String)
  if (!given.some(isDockerSecret)) return values
  const secrets: string[] = []
  const secretFiles = ((values[files] ?? []) as string[]).map(String)
  for (const spec of given) {
    if (!isDockerSecret(spec)) {
      secrets.push(spec)
      continue
    }
    let secret: DockerSecret
    try {
      secret = dockerSecret(spec, env)
    } catch (error) {
      if (error instanceof InputProblem)
        throw new UsageError(`--${own} ${JSON.stringify(spec)}: ${error.message}`)
      throw error
    }
    if ('env' in secret) secrets.push(`${secret.id}=${secret.env}`)
    else secretFiles.push(`${secret.id}=${secret.file}`)
  }
  return { ...values, [own]: secrets, [files]: secretFiles }
}

/** Maps flags onto the action's input names, so both ends share one validator. */
export function flagsToInputs(given: Values, env: NodeJS.ProcessEnv, password: string): Map<string, string> {
  const values = dockerSecrets(given, env)
  return new Map(
    ROWS.map(([key, row]) => [
      inputName(key),
      !row.cli ? '' : row.cli.from === 'stdin' ? password : rawValue(key, row, values, env)
    ])
  )
}

/** The CLI has no runner to mask secrets, so it masks them itself. */
export const maskAll = (text: string, secrets: string[]): string =>
  secrets.reduce((acc, x) => (x ? acc.split(x).join('***') : acc), text)

/** Inputs as a CLI user knows them: `--tag`, `--username and --password-stdin`. */
export const cliTerm = (names: string[]): string =>
  adviceIn(names[0], 'cli') ??
  names
    .map(n => {
      const [name, value] = n.split('=')
      const found = rowByName(name)
      if (!found) return n
      const flag = `--${flagName(found[0])}`
      if (value === undefined) return flag
      if (found[1].kind !== 'boolean') return `pass ${flag} ${value}`
      // A switch says its value by being there: --no-push is push=false.
      const on = String(!flag.startsWith('--no-'))
      return `${value === on ? 'pass' : 'leave out'} ${flag}`
    })
    .join(' and ')

const words = (message: string): string => renderInputRefs(message, cliTerm)

/**
 * Inside a workflow the runner reads stderr too: our lines, which may quote what docker or a registry said,
 * are made single lines that issue no command there (docker's own output is fenced).
 */
const forRunner = (line: string): string => (process.env.GITHUB_ACTIONS === 'true' ? singleLine(line) : line)

/** Phases on stderr with their durations; docker's own output streams there too. */
export function cliReporter(err: NodeJS.WritableStream, secrets: string[]): Reporter {
  const say = (prefix: string, m: string): void =>
    void err.write(`${prefix}${maskAll(forRunner(words(m)), secrets)}\n`)
  return {
    info: m => say('', m),
    notice: m => say('notice: ', m),
    warning: (m, where) =>
      say(`warning: ${where ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}`, m),
    debug: m => {
      if (process.env.BTP_DEBUG) say('debug: ', m)
    },
    setSecret: v => secrets.push(v),
    group: async (name, fn) => {
      const start = now()
      err.write(`==> ${name}\n`)
      try {
        return await fn()
      } finally {
        err.write(`<== ${name} (${((now() - start) / 1000).toFixed(1)} s)\n`)
      }
    }
  }
}

/** "Invalid input "tags": …" reads "invalid --tag: …" on a command line. */
export function flagMessage(error: InputError): string {
  return `invalid ${cliTerm([error.input])}: ${words(error.template)}`
}

/** The flags of one image's place, which `--images` gives for several. */
const ONE_IMAGE = [flagName('registry'), flagName('image')]

/** A flag of one value given twice is a mistake: parseArgs would keep the last one without a word. */
function checkGivenOnce(tokens: { kind: string; name?: string }[]): void {
  const seen = new Set<string>()
  for (const { kind, name } of tokens) {
    if (kind !== 'option' || !name || OPTIONS[name].type !== 'string' || OPTIONS[name].multiple) continue
    if (seen.has(name))
      throw new UsageError(
        `--${name} given twice, and it takes one value${ONE_IMAGE.includes(name) ? `: for several images, give each full name (host/path) with --${flagName('images')}, which repeats` : ''}`
      )
    seen.add(name)
  }
}

/**
 * What a build that pushed nothing left, and where: tags name an image in the engine only where it is
 * there (no --output, --load, or an output that loads it); an output that writes files is named by its file.
 */
export function builtLine(
  inputs: Pick<Inputs, 'outputs' | 'load'>,
  result: Pick<Result, 'imageid' | 'tags'>
): string {
  const local = !inputs.outputs.length || inputs.load || inputs.outputs.some(loadsOutput)
  const where = inputs.outputs
    .filter(spec => !loadsOutput(spec))
    .map(spec => `exported ${outputDest(spec) ? `to ${outputDest(spec)}` : `by --output ${spec}`}`)
  const built = [
    result.imageid ? `built ${result.imageid}` : 'built',
    ...(local ? [result.tags.length ? `as ${result.tags.join(', ')}` : 'untagged'] : [])
  ].join(' ')
  return `${[built, ...where].join(' and ')} (not pushed)`
}

export interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr }
): Promise<number> {
  // From the first line: `| head` that had enough stops the run as SIGPIPE would, cleaned up (exit 141).
  cancelOnClosedOutput([io.stdout, io.stderr])
  let values: Values
  try {
    const parsed = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: false,
      strict: true,
      tokens: true
    })
    values = parsed.values
    if (!values.help && !values.version) checkGivenOnce(parsed.tokens)
  } catch (error) {
    // One line, as every failure: node's own message for an ambiguous value runs over three.
    io.stderr.write(`build-tag-push: ${oneLine(messageOf(error))} (see --help)\n`)
    return 2
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (values.version) {
    io.stdout.write(`build-tag-push ${VERSION}\n`)
    return 0
  }
  const secrets: string[] = []
  const reporter = cliReporter(io.stderr, secrets)
  // As `docker login --password-stdin` reads it: the line's end is not part of the password.
  const password = values['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : ''
  secrets.push(...credentialSecrets(String(values.username ?? ''), password.trim()))
  // The proxy's credentials, which the registry client sends and docker's output may quote.
  secrets.push(...proxySecrets(process.env))
  let inputs
  const start = now()
  try {
    if (values['password-stdin'] && password.trim() === '')
      throw new UsageError('--password-stdin: standard input held no password')
    const map = flagsToInputs(values, process.env, password)
    // Before anything can quote a flag: a URL's userinfo in any of them (a git context's token).
    for (const value of map.values()) secrets.push(...urlSecrets(value))
    const registryAuth = map.get('registry-auth') ?? ''
    if (registryAuth.trim()) {
      await loadRegistryAuthParser()
      for (const login of credentialsIn(registryAuth))
        secrets.push(...credentialSecrets(login.username, login.password))
    }
    for (const line of (map.get('secrets') ?? '').split('\n')) {
      const value = splitKeyValue(line)?.value.trim()
      if (value) secrets.push(value)
    }
    const parsed = parseInputs(name => map.get(name) ?? '')
    // The login lives in a private DOCKER_CONFIG; without the action's post step nothing would remove it.
    if (parsed.inputs.keepLogin)
      throw new InputError(
        'keep-login',
        'is for the action, whose post step removes the login: the CLI has no post step; log in with docker login for later commands'
      )
    parsed.notices.forEach(n => reporter.notice(n))
    parsed.warnings.forEach(w => reporter.warning(w))
    inputs = parsed.inputs
    secrets.push(inputs.githubToken)
    // Printed only once it passed: a rejected input gets its one error line and nothing else.
    io.stderr.write(`==> Validate\n<== Validate (${((now() - start) / 1000).toFixed(1)} s)\n`)
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      const message = error instanceof InputError ? flagMessage(error) : error.message
      io.stderr.write(`build-tag-push: ${maskAll(message, secrets)}\n`)
      return 2
    }
    throw error
  }
  try {
    const out = maskedOutput(
      text => io.stderr.write(text),
      text => maskAll(text, secrets),
      process.env.GITHUB_ACTIONS === 'true',
      drainOf(io.stderr)
    )
    const result = await execute(inputs, { reporter, tempRoot: tmpdir(), out })
    // In a workflow's `run:` step the runner offers GITHUB_ARTIFACTS to the CLI as to the action.
    for (const line of await declarePushed(inputs, result.digest))
      reporter.info(`Declared to the runner (GITHUB_ARTIFACTS): ${line}`)
    if (values.json) io.stdout.write(`${JSON.stringify(typedOutputs(inputs, result))}\n`)
    else {
      io.stdout.write(`${result.digest ? result.imageRef : builtLine(inputs, result)}\n`)
    }
    reporter.info(`done in ${((now() - start) / 1000).toFixed(1)} s`)
    return 0
  } catch (error) {
    // Some input problems can only be seen once docker is known (BuildKit inputs without buildx).
    if (error instanceof InputError) {
      io.stderr.write(`build-tag-push: ${maskAll(flagMessage(error), secrets)}\n`)
      return 2
    }
    const where = whereOf(error)
    const at = where ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''
    const line = forRunner(oneLine(words(messageOf(error))))
    io.stderr.write(`build-tag-push: error: ${at}${maskAll(line, secrets)}\n`)
    return 1
  }
}
