// Reads every input of the table once, validates it, and returns one typed value. Nothing after this reads
// raw inputs. Each kind has its generic reading; the validators below add what one input needs beyond it.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  actionTerm,
  inputName,
  ref,
  renderInputRefs,
  ROWS,
  rowByName,
  type InputKey,
  type InputValues,
  type Row
} from './input-table.js'

export { actionTerm, ref, renderInputRefs } from './input-table.js'
import { DOCKER_HUB, imageProblem, normalizeRegistry, registryProblem, tagProblem } from './reference.js'
import { splitKeyValue } from './text.js'
import { parseAnnotation, parseSource, sourcesConflict } from './sources.js'

export interface Inputs extends InputValues {
  /** True for git or http(s) URLs: docker fetches them, so there is nothing local to check. */
  remoteContext: boolean
}

/** Returns the raw value of an input by its action.yml name ('' when unset). */
export type InputSource = (name: string) => string

export class InputError extends Error {
  /** The message with ref() markers, for interfaces that name inputs otherwise. */
  readonly template: string
  constructor(
    readonly input: string,
    message: string
  ) {
    super(renderInputRefs(`Invalid input "${input}": ${message}`, actionTerm))
    this.template = message
    this.name = 'InputError'
  }
}

export interface ParsedInputs {
  inputs: Inputs
  /** Things worth telling the user that are not errors (e.g. lowercasing). */
  notices: string[]
}

const show = (value: string): string => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)

/** Newline and/or comma separated, trimmed, empties dropped, duplicates removed. */
export function splitList(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(s => s !== '')
    )
  ]
}

/** One entry per line: values may hold commas. */
export function splitLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map(s => s.trim())
    .filter(s => s !== '')
}

/** KEY=VALUE lines, keys trimmed. Errors name the key (or line number) but never echo the value. */
function keyValues(name: string, raw: string): string[] {
  const out: string[] = []
  raw.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    const kv = splitKeyValue(line)
    if (!kv) throw new InputError(name, `line ${i + 1} has no "=": each line must be KEY=VALUE`)
    if (kv.key === '')
      throw new InputError(name, `line ${i + 1} has an empty key: each line must be KEY=VALUE`)
    if (/\s/.test(kv.key)) throw new InputError(name, `key ${show(kv.key)} contains whitespace`)
    out.push(`${kv.key}=${kv.value.trim()}`)
  })
  return out
}

// The YAML 1.2 core schema's spellings, as core.getBooleanInput takes them.
const TRUE = /^(?:true|True|TRUE)$/
const FALSE = /^(?:false|False|FALSE)$/

/** The generic reading of a raw value by its row's kind. */
function byKind(name: string, row: Row, raw: string): InputValues[InputKey] {
  const value = row.secret ? raw : raw.trim()
  switch (row.kind) {
    case 'string':
      return value
    case 'boolean': {
      const v = value.trim() || row.default
      if (TRUE.test(v)) return true
      if (FALSE.test(v)) return false
      throw new InputError(name, `${show(v)} is not a boolean; use true or false`)
    }
    case 'list':
      return splitList(value)
    case 'lines':
      return splitLines(value)
    case 'key-value':
      return keyValues(name, value)
    case 'number': {
      const v = value || row.default
      const n = Number(v)
      if (!/^[0-9]+$/.test(v) || n < (row.min ?? 0) || n > (row.max ?? Number.MAX_SAFE_INTEGER))
        throw new InputError(name, `${show(v)} must be a whole number from ${row.min} to ${row.max}`)
      return n
    }
    case 'choice': {
      const v = value || row.default
      if (!row.choices?.includes(v))
        throw new InputError(name, `${show(v)} must be one of ${row.choices?.join(', ')}`)
      return v
    }
  }
}

const GIT_URL = /^(?:git:\/\/|git@|github\.com\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/
const HTTP_URL = /^https?:\/\//

/** Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles). */
export function isRemoteContext(context: string): boolean {
  return GIT_URL.test(context) || HTTP_URL.test(context)
}

/** The image under the registry it goes to; lowercased with a notice, as docker wants it. */
function checkImage(value: string, registry: string, notices: string[]): string {
  if (value === '') throw new InputError('image', 'is required, e.g. "my/app" or ${{ github.repository }}')
  const problem = imageProblem(value, registry)
  if (problem) throw new InputError('image', `${show(value)} ${problem}`)
  const lower = value.toLowerCase()
  if (lower !== value) notices.push(`image ${show(value)} was lowercased to ${show(lower)}`)
  return lower
}

function parseRegistry(raw: string): string {
  const value = raw || DOCKER_HUB
  const problem = registryProblem(value)
  if (problem) throw new InputError('registry', `${show(value)} ${problem}`)
  return normalizeRegistry(value)
}

function checkTags(tags: string[]): string[] {
  for (const tag of tags) {
    if (tag.includes(':') || tag.includes('/') || tag.includes('@'))
      throw new InputError(
        'tags',
        `${show(tag)} is a reference, not a tag; give bare tags like "v1" (image and registry are separate inputs)`
      )
    const problem = tagProblem(tag)
    if (problem) throw new InputError('tags', `${show(tag)} is not a valid tag: ${problem}`)
  }
  return tags
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory()
const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()

const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_.]+)?$/
const SECRET_ID = /^[A-Za-z0-9_.-]+$/

/** Stage and builder names: plain words, so nothing can be read as a flag. */
const plainName = (name: string) => (value: string) => {
  if (value !== '' && !STAGE.test(value))
    throw new InputError(name, `${show(value)} is not a valid name: letters, digits, "_", "." and "-"`)
  return value
}

const attestation = (name: string) => (value: string) => {
  if (value.startsWith('-') || /\s/.test(value))
    throw new InputError(name, `${show(value)} must be true, false or a buildx attestation spec`)
  return value
}

const cacheSpecs = (name: string) => (specs: string[]) => {
  for (const spec of specs)
    if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+$/.test(spec))
      throw new InputError(name, `${show(spec)} is not a cache spec like type=registry,ref=host/repo:cache`)
  return specs
}

/** id=value lines; the value is trimmed at both ends. Errors never echo a value. */
function secretLines(lines: string[]): string[] {
  return lines.map((line, i) => {
    const kv = splitKeyValue(line)
    if (!kv || !SECRET_ID.test(kv.key))
      throw new InputError(
        'secrets',
        `line ${i + 1} must be id=value with an id of [A-Za-z0-9_.-]; a multi-line secret (a PEM key) goes in ${ref('secret-files', 'secret-envs')}`
      )
    return `${kv.key}=${kv.value.trim()}`
  })
}

/** `id=path` or `id=ENVNAME` lines (parseInputs checks that the file exists or the variable is set). */
const secretSources =
  (name: string, what: 'path' | 'ENVNAME') =>
  (lines: string[]): string[] =>
    lines.map((line, i) => {
      const kv = splitKeyValue(line)
      const value = kv?.value.trim() ?? ''
      if (!kv || !SECRET_ID.test(kv.key) || value === '')
        throw new InputError(name, `line ${i + 1} must be id=${what} with an id of [A-Za-z0-9_.-]`)
      return `${kv.key}=${value}`
    })

/** Each `id=path` names a file, and each `id=ENVNAME` a variable that is set: before any build. */
function checkSecretSources(files: string[], envs: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  for (const line of files) {
    const { key, value } = splitKeyValue(line)!
    if (!isFile(path.resolve(cwd, value)))
      throw new InputError('secret-files', `${show(key)}: ${show(value)} is not a file`)
  }
  for (const line of envs) {
    const { key, value } = splitKeyValue(line)!
    if (env[value] === undefined)
      throw new InputError('secret-envs', `${show(key)}: ${show(value)} is not set`)
  }
}

/** docker trims the password it sends; do the same, so that what we mask is what docker uses. */
function trimPassword(raw: string, notices: string[]): string {
  const trimmed = raw.trim()
  if (trimmed !== raw && trimmed !== '')
    notices.push(`the password's surrounding whitespace was trimmed, as docker trims it`)
  return trimmed
}

type Validators = { [K in InputKey]?: (value: InputValues[K], notices: string[]) => InputValues[K] }

/** What an input needs beyond its kind's reading. */
const VALIDATORS: Validators = {
  registry: parseRegistry,
  tags: checkTags,
  target: plainName('target'),
  builder: plainName('builder'),
  password: trimPassword,
  platforms: list => {
    for (const p of list)
      if (!PLATFORM.test(p))
        throw new InputError(
          'platforms',
          `${show(p)} is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7`
        )
    return list
  },
  cacheFrom: cacheSpecs('cache-from'),
  cacheTo: cacheSpecs('cache-to'),
  provenance: attestation('provenance'),
  sbom: attestation('sbom'),
  secrets: secretLines,
  secretFiles: secretSources('secret-files', 'path'),
  secretEnvs: secretSources('secret-envs', 'ENVNAME'),
  annotations: lines => {
    for (const line of lines) {
      const parsed = parseAnnotation(line)
      if (typeof parsed === 'string') throw new InputError('annotations', parsed)
    }
    return lines
  },
  context: value => {
    // docker takes git@host:repo.git and https URLs, but looks for ssh:// URLs on disk ("path not found").
    if (/^ssh:\/\//i.test(value))
      throw new InputError(
        'context',
        `${show(value)}: docker does not fetch ssh:// contexts; write it as git@host:owner/repo.git#ref`
      )
    return value || '.'
  }
}

/** Every row read by its kind and validator, with nothing checked on disk. */
export function readRows(get: InputSource, notices: string[] = []): InputValues {
  const values: Record<string, unknown> = {}
  for (const [key, row] of ROWS) {
    const value = byKind(inputName(key), row, get(inputName(key)))
    const validate = VALIDATORS[key] as ((v: unknown, n: string[]) => unknown) | undefined
    values[key] = validate ? validate(value, notices) : value
  }
  return values as InputValues
}

function checkLocalContext(context: string, file: string, cwd: string): void {
  const dir = path.resolve(cwd, context)
  if (!isDir(dir))
    throw new InputError('context', `${show(context)} is not a directory (resolved to ${show(dir)})`)
  if (file !== '') {
    const f = path.resolve(cwd, file)
    if (!isFile(f)) throw new InputError('file', `${show(file)} does not exist (resolved to ${show(f)})`)
  } else if (!isFile(path.join(dir, 'Dockerfile'))) {
    throw new InputError('file', `no Dockerfile in context ${show(context)}; add one or set ${ref('file')}`)
  }
}

function checkSources(values: InputValues): void {
  const conflict = sourcesConflict(
    values,
    readRows(name => rowByName(name)?.[1].default ?? '')
  )
  if (conflict) throw new InputError(conflict.input, conflict.message)
  for (const line of values.sources) {
    const source = parseSource(line, values.registry, values.image)
    if (typeof source === 'string') throw new InputError('sources', source)
  }
}

/** Reads and validates every input. Throws InputError on the first invalid one. */
export function parseInputs(get: InputSource, cwd = process.cwd()): ParsedInputs {
  const notices: string[] = []
  const values = readRows(get, notices)
  values.image = checkImage(values.image, values.registry, notices)
  const remoteContext = isRemoteContext(values.context)
  // With sources nothing is built: there is no context to check, and no build input may be set.
  if (values.sources.length) checkSources(values)
  // Until the build path passes annotations to buildx, they would be dropped silently there.
  else if (values.annotations.length)
    throw new InputError('annotations', `applies only to a merge of ${ref('sources')} in this version`)
  else if (!remoteContext) checkLocalContext(values.context, values.file, cwd)
  checkSecretSources(values.secretFiles, values.secretEnvs, cwd, process.env)
  if ((values.username === '') !== (values.password === ''))
    throw new InputError(
      values.username === '' ? 'username' : 'password',
      `${ref('username', 'password')} must be given together (or neither, to use an existing docker login)`
    )
  return { inputs: { ...values, remoteContext }, notices }
}

/** The inputs that only buildx understands and that are set here. */
export function buildxOnlyInputs(inputs: Inputs): string[] {
  return ROWS.filter(([key, row]) => {
    if (!row.buildx) return false
    const value: unknown = inputs[key]
    return Array.isArray(value) ? value.length > 0 : value !== '' && value !== false
  }).map(([key]) => inputName(key))
}

/** Asking for a buildx-only input where docker has no buildx is an input error, before anything runs. */
export function checkBuilder(inputs: Inputs, buildx: boolean): void {
  const used = buildxOnlyInputs(inputs)
  if (!buildx && used.length)
    throw new InputError(
      used[0],
      `needs docker buildx, and this docker has no buildx plugin (set up buildx, e.g. with docker/setup-buildx-action, or drop ${ref(...used)})`
    )
}

/** The table's defaults, as the parser reads them (tests build on this; `image` is required, so given). */
export const defaultInputs = (over: Record<string, string> = {}): Inputs => {
  const values = readRows(name => over[name] ?? rowByName(name)?.[1].default ?? '')
  return { ...values, remoteContext: isRemoteContext(values.context) }
}
