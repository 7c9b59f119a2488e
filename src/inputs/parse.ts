// Reads every input of the table once, validates it, and returns one typed value. Nothing after this reads
// raw inputs. Each kind has its generic reading; the validators below add what one input needs beyond it.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { inputName, ref, ROWS, rowByName, type InputKey, type InputValues, type Row } from './table.js'

export { actionTerm, ref, renderInputRefs } from './table.js'
export { InputError } from './error.js'
import { InputError } from './error.js'
import { DOCKER_HUB, imageProblem, normalizeRegistry, registryProblem } from '../core/reference.js'
import * as options from './build-options.js'
import { CsvError, csvList, type ListOptions } from './csv.js'
import { DEFAULT_METADATA_ENV, MetadataEnvError, readMetadataEnv, type MetadataEnv } from '../metadata/env.js'
import { classifyTags, RuleError, type TagRefGroup } from './tags.js'
import { DEFAULT_FLAVOR, parseFlavor, type Flavor, type TagRule } from '../metadata/rules/parse.js'
import { splitKeyValue, YAML_FALSE, YAML_TRUE } from '../core/text.js'
import { parseImages, type ImageName } from './images.js'
import { parseRegistryAuth, type RegistryLogin, RegistryAuthError } from './registry-auth.js'
import { parseSource, sourcesConflict, indexAnnotations } from './sources.js'
import type { CloudLogin } from '../registry/cloud/detect.js'
import { singleCloudLogin } from './cloud-login.js'

export interface Inputs extends InputValues {
  /** True for git or http(s) URLs: docker fetches them, so there is nothing local to check. */
  remoteContext: boolean
  // `tags` holds three kinds of entry (tag-input.ts): `tags` keeps the bare tags, these the others.
  /** metadata-action's `type=…` rules, in input order (tags.ts applies them per event). */
  tagRules: TagRule[]
  /**
   * Full references in `tags`, grouped by image; empty unless `tags` has only references. With one
   * image, `registry`, `image` and `tags` are set from it as well.
   */
  tagRefs: TagRefGroup[]
  /** `flavor`, read. */
  tagFlavor: Flavor
  /** metadata-action's DOCKER_METADATA_* variables. */
  metadataEnv: MetadataEnv
  /** Where the image goes: `images`, or `registry` + `image` as one. */
  targets: ImageName[]
  /** `registry-auth`'s logins, registries normalized; with `username`/`password`, that one login. */
  logins: RegistryLogin[]
}

/** Returns the raw value of an input by its action.yml name ('' when unset). */
export type InputSource = (name: string) => string

export interface ParsedInputs {
  inputs: Inputs
  /** Things worth telling the user that are not errors (e.g. lowercasing). */
  notices: string[]
}

const show = (value: string): string => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)

/** A list input's entries (see csvList); a quote left open is an input error. */
function csvEntries(name: string, raw: string, opts: ListOptions): string[] {
  try {
    return csvList(raw, opts)
  } catch (error) {
    if (error instanceof CsvError)
      throw new InputError(name, `${error.message}: quote an entry as a whole, and double a quote inside it`)
    throw error
  }
}

/** Newline and/or comma separated (CSV: quoted entries keep commas), trimmed, empties and duplicates dropped. */
export function splitList(raw: string, name = 'list'): string[] {
  return [...new Set(csvEntries(name, raw, {}))]
}

/** One entry per line, commas kept (CSV: a quoted entry may span lines). */
export function splitLines(raw: string, name = 'list'): string[] {
  return csvEntries(name, raw, { ignoreComma: true })
}

/** How a list row is read, as build-push-action reads the input of that name. */
export function listOptions(row: Row): ListOptions {
  return {
    ...(row.kind !== 'list' && { ignoreComma: true }),
    ...(row.keepQuotes && { quote: false }),
    ...(row.untrimmed && { trim: false })
  }
}

/** KEY=VALUE entries, keys trimmed. Errors name the key (or entry number) but never echo the value. */
function keyValues(name: string, raw: string): string[] {
  return splitLines(raw, name).map((entry, i) => {
    const kv = splitKeyValue(entry)
    if (!kv) throw new InputError(name, `entry ${i + 1} has no "=": each entry must be KEY=VALUE`)
    if (kv.key === '')
      throw new InputError(name, `entry ${i + 1} has an empty key: each entry must be KEY=VALUE`)
    if (/\s/.test(kv.key)) throw new InputError(name, `key ${show(kv.key)} contains whitespace`)
    return `${kv.key}=${kv.value.trim()}`
  })
}

/** The generic reading of a raw value by its row's kind. */
function byKind(name: string, row: Row, raw: string): InputValues[InputKey] {
  const value = row.secret || row.untrimmed ? raw : raw.trim()
  switch (row.kind) {
    case 'string':
      return value
    case 'boolean': {
      const v = value.trim() || row.default
      if (YAML_TRUE.test(v)) return true
      if (YAML_FALSE.test(v)) return false
      throw new InputError(name, `${show(v)} is not a boolean; use true or false`)
    }
    case 'list':
      return [...new Set(csvEntries(name, value, listOptions(row)))]
    case 'lines':
      return csvEntries(name, value, listOptions(row))
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

/**
 * Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles); and
 * build-push-action's `{{defaultContext}}`, this commit's git URL.
 */
export function isRemoteContext(context: string): boolean {
  return GIT_URL.test(context) || HTTP_URL.test(context) || options.DEFAULT_CONTEXT.test(context)
}

/** The image under the registry it goes to; lowercased with a notice, as docker wants it. */
function checkImage(value: string, registry: string, notices: string[]): string {
  if (value === '')
    throw new InputError(
      'image',
      `is required, e.g. "my/app" or \${{ github.repository }} (or full references such as ghcr.io/octo/app:1.0 in ${ref('tags')})`
    )
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

type TagInputs = Pick<Inputs, 'tags' | 'tagRules' | 'tagRefs' | 'tagFlavor' | 'metadataEnv'>

/** `tags` sorted into bare tags, rules and references; `flavor` and the DOCKER_METADATA_* variables read. */
function readTagInputs(values: InputValues, env: NodeJS.ProcessEnv): TagInputs {
  const guard = <T>(input: string, fn: () => T): T => {
    try {
      return fn()
    } catch (error) {
      if (error instanceof RuleError) throw new InputError(input, error.message)
      if (error instanceof MetadataEnvError)
        throw new InputError(error.variable, `(an environment variable) ${error.message}`)
      throw error
    }
  }
  const entries = guard('tags', () => classifyTags(values.tags))
  return {
    tags: entries.tags,
    tagRules: entries.rules,
    tagRefs: entries.refs,
    tagFlavor: guard('flavor', () => parseFlavor(values.flavor)),
    metadataEnv: guard('', () => readMetadataEnv(env))
  }
}

/**
 * Full references in `tags` name the targets themselves: never beside `image`, `registry` or `images`. Each
 * image gets the tags given for it, as build-push-action pushes exactly the references it is given.
 */
function targetsFromRefs(values: InputValues, tagged: TagInputs): ImageName[] {
  const groups = tagged.tagRefs
  const first = groups[0]
  const example = JSON.stringify(`${first.registry}/${first.image}:${first.tags[0]}`)
  const other = values.images.length
    ? 'images'
    : values.image !== ''
      ? 'image'
      : values.registry !== DOCKER_HUB
        ? 'registry'
        : ''
  // The error names `tags`, as build-push-action would refuse its references beside metadata-action's images.
  if (other)
    throw new InputError(
      'tags',
      `${ref('tags')} holds full references such as ${example}, which name their own registry and image: ` +
        `leave ${ref('image', 'registry', 'images')} empty, or give bare tags (e.g. "${first.tags[0]}") with ${ref(other === 'images' ? 'images' : 'image')}`
    )
  // The first image stands for the run where one name is needed, as with `images`.
  values.registry = first.registry
  values.image = first.image
  tagged.tags = first.tags
  return groups.map(g => ({ registry: g.registry, image: g.image, tags: g.tags }))
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

const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker', 'image', 'registry', 'cacheonly']

/** `type=…,key=value` specs, or a bare path (buildx reads it as type=local,dest=PATH). */
function outputSpecs(specs: string[]): string[] {
  for (const spec of specs) {
    const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1]
    if (spec.startsWith('-') || (type === undefined ? spec.includes('=') : !OUTPUT_TYPES.includes(type)))
      throw new InputError(
        'outputs',
        `${show(spec)} is not an output spec: type=${OUTPUT_TYPES.join('|')},… (e.g. type=local,dest=out)`
      )
  }
  return specs
}

/**
 * id=value entries; the value is kept as given, trailing whitespace and newlines included (a PEM key
 * needs its final newline), as build-push-action 7.3 keeps it. Errors never echo a value.
 */
function secretLines(lines: string[]): string[] {
  return lines.map((line, i) => {
    const kv = splitKeyValue(line.trimStart())
    if (!kv || !SECRET_ID.test(kv.key))
      throw new InputError(
        'secrets',
        `entry ${i + 1} must be id=value with an id of [A-Za-z0-9_.-]; quote a multi-line secret whole ("id=…"), or put it in ${ref('secret-files', 'secret-envs')}`
      )
    return `${kv.key}=${kv.value}`
  })
}

/** `id=path` or `id=ENVNAME` entries (parseInputs checks that the file exists or the variable is set). */
const secretSources =
  (name: string, what: 'path' | 'ENVNAME') =>
  (lines: string[]): string[] =>
    lines.map((line, i) => {
      const kv = splitKeyValue(line)
      const value = kv?.value.trim() ?? ''
      if (!kv || !SECRET_ID.test(kv.key) || value === '')
        throw new InputError(name, `entry ${i + 1} must be id=${what} with an id of [A-Za-z0-9_.-]`)
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
  // A line starting with `#` is a comment, as in the tag rules.
  sources: lines => lines.filter(line => !line.startsWith('#')),
  registry: parseRegistry,
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
  outputs: outputSpecs,
  secrets: secretLines,
  secretFiles: secretSources('secret-files', 'path'),
  secretEnvs: secretSources('secret-envs', 'ENVNAME'),
  addHosts: options.addHosts,
  network: options.network,
  shmSize: options.shmSize,
  ulimit: options.ulimits,
  cgroupParent: options.cgroupParent,
  allow: options.allow,
  buildContexts: options.buildContexts,
  ssh: options.ssh,
  githubToken: options.githubToken,
  annotations: options.annotations,
  attests: options.attests,
  noCacheFilters: options.noCacheFilters,
  call: options.call,
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
    // Left at `.` in an empty workspace: most likely no checkout ran.
    if (context === '.' && isEmptyWorkspace(dir)) throw new InputError('context', options.NO_CHECKOUT_HINT)
    throw new InputError('file', `no Dockerfile in context ${show(context)}; add one or set ${ref('file')}`)
  }
}

/** A workspace without a checkout: nothing in it but dotfiles a runner may leave. */
function isEmptyWorkspace(dir: string): boolean {
  try {
    return readdirSync(dir).every(name => name.startsWith('.') && name !== '.git')
  } catch {
    return false
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
  const annotations = indexAnnotations(values.annotations)
  if (typeof annotations === 'string') throw new InputError('annotations', annotations)
}

/** Reads and validates every input. Throws InputError on the first invalid one. */
export function parseInputs(get: InputSource, cwd = process.cwd()): ParsedInputs {
  const notices: string[] = []
  const values = readRows(get, notices)
  const tagged = readTagInputs(values, process.env)
  const targets = tagged.tagRefs.length ? targetsFromRefs(values, tagged) : checkTargets(values, notices)
  const remoteContext = isRemoteContext(values.context)
  // With sources nothing is built: there is no context to check, and no build input may be set.
  if (values.sources.length) checkSources(values)
  else if (!remoteContext) checkLocalContext(values.context, values.file, cwd)
  checkSecretSources(values.secretFiles, values.secretEnvs, cwd, process.env)
  options.checkBuildSources(values, cwd, process.env)
  if (targets.length > 1 && new Set(targets.map(t => t.registry)).size > 1 && values.username)
    throw new InputError(
      'username',
      `${ref('username', 'password')} log in to one registry, and ${ref('images')} names several: give each its login in ${ref('registry-auth')}`
    )
  const cloud = singleCloudLogin(values, process.env)
  if (!cloud && (values.username === '') !== (values.password === ''))
    throw new InputError(
      values.username === '' ? 'username' : 'password',
      `${ref('username', 'password')} must be given together (or neither, to use an existing docker login)`
    )
  const logins = checkLogins(values, cloud)
  return { inputs: { ...values, ...tagged, remoteContext, targets, logins }, notices }
}

/** `images`, or `registry` + `image`: never both. */
function checkTargets(values: InputValues, notices: string[]): ImageName[] {
  if (!values.images.length) {
    values.image = checkImage(values.image, values.registry, notices)
    return [{ registry: values.registry, image: values.image }]
  }
  if (values.image !== '')
    throw new InputError(
      'images',
      `give either ${ref('images')} (full names) or ${ref('image')} with ${ref('registry')}, not both`
    )
  let targets: ImageName[]
  try {
    targets = parseImages(values.images)
  } catch (error) {
    throw new InputError('images', (error as Error).message)
  }
  if (!targets.length)
    throw new InputError('images', 'every image is disabled (enable=false): nothing to push to')
  const seen = new Set<string>()
  for (const t of targets) {
    const key = `${t.registry}/${t.image}`
    if (seen.has(key)) throw new InputError('images', `${show(key)} is given twice`)
    seen.add(key)
  }
  // The first image stands for the run where one name is needed (summary, messages).
  values.registry = targets[0].registry
  values.image = targets[0].image
  return targets
}

/** `registry-auth` entries, or `username`/`password` for a single registry. */
function checkLogins(values: InputValues, cloud?: CloudLogin): RegistryLogin[] {
  if (values.registryAuth.trim() === '')
    return values.username || cloud
      ? [
          {
            registry: values.registry,
            username: values.username,
            password: values.password,
            ...(cloud ? { cloud } : {})
          }
        ]
      : []
  if (values.username)
    throw new InputError(
      'username',
      `${ref('username', 'password')} and ${ref('registry-auth')} cannot be used together: put every login in ${ref('registry-auth')}`
    )
  let logins: RegistryLogin[]
  try {
    logins = parseRegistryAuth(values.registryAuth)
  } catch (error) {
    if (!(error instanceof RegistryAuthError)) throw error
    throw new InputError(
      'registry-auth',
      `${error.message}; expected login-action's list (- registry: … / username: … / password: …)`
    )
  }
  const seen = new Set<string>()
  return logins.map((login, i) => {
    const registry = login.registry || DOCKER_HUB
    const problem = registryProblem(registry)
    if (problem)
      throw new InputError('registry-auth', `entry ${i + 1}: the registry ${show(registry)} ${problem}`)
    const normalized = normalizeRegistry(registry)
    if (seen.has(normalized)) throw new InputError('registry-auth', `${show(normalized)} has two entries`)
    seen.add(normalized)
    return { ...login, registry: normalized }
  })
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
  // With sources nothing is built; their own check refused every build input already.
  if (inputs.sources.length) return
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
  const tagged =
    over.tags || over.flavor
      ? readTagInputs(values, {})
      : { tagRules: [], tagRefs: [], tagFlavor: DEFAULT_FLAVOR, metadataEnv: DEFAULT_METADATA_ENV }
  return {
    ...values,
    ...tagged,
    remoteContext: isRemoteContext(values.context),
    targets: [{ registry: values.registry, image: values.image }],
    logins: []
  }
}
