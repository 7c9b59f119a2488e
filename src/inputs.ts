// Reads every input once, validates it, and returns one typed value. Nothing after this reads raw inputs.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  HOST_RULE,
  hostProblem,
  looksLikeHost,
  nameLengthProblem,
  normalizeRegistry,
  pathProblem,
  tagProblem
} from './reference.js'

export interface Inputs {
  context: string
  /** True for git or http(s) URLs: docker fetches them, so there is nothing local to check. */
  remoteContext: boolean
  /** Dockerfile path as given ('' means Dockerfile in the context). */
  file: string
  /** Lowercased repository path without host or tag, e.g. `my/nginx`. */
  image: string
  /** Normalized host[:port]; Docker Hub aliases become `docker.io`. */
  registry: string
  /** Bare tags; empty means "derive them" (see context.ts). */
  tags: string[]
  buildArgs: string[]
  labels: string[]
  target: string
  push: boolean
  noCache: boolean
  pull: boolean
  username: string
  password: string
  retries: number
  platforms: string[]
  cacheFrom: string[]
  cacheTo: string[]
  provenance: string
  sbom: string
  /** `id=value` lines; values are secrets. */
  secrets: string[]
  builder: string
}

/** Returns the raw value of an input by its action.yml name ('' when unset). */
export type InputSource = (name: string) => string

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Invalid input "${input}": ${message}`)
    this.name = 'InputError'
  }
}

export interface ParsedInputs {
  inputs: Inputs
  /** Things worth telling the user that are not errors (e.g. lowercasing). */
  notices: string[]
}

const show = (value: string): string => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

function bool(get: InputSource, name: string, fallback: boolean): boolean {
  const raw = get(name).trim()
  if (raw === '') return fallback
  if (TRUE.includes(raw)) return true
  if (FALSE.includes(raw)) return false
  throw new InputError(name, `${show(raw)} is not a boolean; use true or false`)
}

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
function keyValues(get: InputSource, name: string): string[] {
  const out: string[] = []
  get(name)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return
      const eq = line.indexOf('=')
      if (eq < 0) throw new InputError(name, `line ${i + 1} has no "=": each line must be KEY=VALUE`)
      const key = line.slice(0, eq).trim()
      if (key === '')
        throw new InputError(name, `line ${i + 1} has an empty key: each line must be KEY=VALUE`)
      if (/\s/.test(key)) throw new InputError(name, `key ${show(key)} contains whitespace`)
      out.push(`${key}=${line.slice(eq + 1).trim()}`)
    })
  return out
}

const GIT_URL = /^(?:git:\/\/|git@|github\.com\/|ssh:\/\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/
const HTTP_URL = /^https?:\/\//

/** Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles). */
export function isRemoteContext(context: string): boolean {
  return GIT_URL.test(context) || HTTP_URL.test(context)
}

function parseImage(raw: string, notices: string[]): string {
  const value = raw.trim()
  if (value === '') throw new InputError('image', 'is required, e.g. "my/app" or ${{ github.repository }}')
  if (value.includes('@'))
    throw new InputError('image', `${show(value)} contains a digest; image is the repository path only`)
  const slash = value.indexOf('/')
  if (slash > 0 && looksLikeHost(value.slice(0, slash)))
    throw new InputError(
      'image',
      `${show(value)} starts with a registry host; put "${value.slice(0, slash)}" in the "registry" input`
    )
  if (value.includes(':'))
    throw new InputError('image', `${show(value)} contains a tag; put tags in the "tags" input`)
  const lower = value.toLowerCase()
  const problem = pathProblem(lower)
  if (problem) throw new InputError('image', `${show(value)} is not a valid repository path: ${problem}`)
  if (lower !== value) notices.push(`image ${show(value)} was lowercased to ${show(lower)}`)
  return lower
}

function parseRegistry(raw: string): string {
  const value = raw.trim() || 'docker.io'
  if (/^[a-z]+:\/\//i.test(value))
    throw new InputError('registry', `${show(value)} has a scheme; give host[:port] only, e.g. ghcr.io`)
  if (value.includes('/'))
    throw new InputError('registry', `${show(value)} has a path; put the path in the "image" input`)
  const problem = hostProblem(value)
  if (problem) throw new InputError('registry', `${show(value)} is not valid: ${HOST_RULE}`)
  return normalizeRegistry(value)
}

function parseTags(raw: string): string[] {
  const tags = splitList(raw)
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

function parseRetries(raw: string): number {
  const value = raw.trim() || '3'
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > 10)
    throw new InputError('retries', `${show(value)} must be a whole number of attempts from 1 to 10`)
  return Number(value)
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory()
const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()

function checkLocalContext(context: string, file: string, cwd: string): void {
  const dir = path.resolve(cwd, context)
  if (!isDir(dir))
    throw new InputError('context', `${show(context)} is not a directory (resolved to ${show(dir)})`)
  if (file !== '') {
    const f = path.resolve(cwd, file)
    if (!isFile(f)) throw new InputError('file', `${show(file)} does not exist (resolved to ${show(f)})`)
  } else if (!isFile(path.join(dir, 'Dockerfile'))) {
    throw new InputError('file', `no Dockerfile in context ${show(context)}; add one or set "file"`)
  }
}

const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_.]+)?$/
const SECRET_ID = /^[A-Za-z0-9_.-]+$/

/** Stage and builder names: plain words, so nothing can be read as a flag. */
function parseName(get: InputSource, name: string): string {
  const value = get(name).trim()
  if (value !== '' && !STAGE.test(value))
    throw new InputError(name, `${show(value)} is not a valid name: letters, digits, "_", "." and "-"`)
  return value
}

function parsePlatforms(raw: string): string[] {
  const list = splitList(raw)
  for (const p of list)
    if (!PLATFORM.test(p))
      throw new InputError(
        'platforms',
        `${show(p)} is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7`
      )
  return list
}

function parseSecrets(get: InputSource): string[] {
  const lines = splitLines(get('secrets'))
  lines.forEach((line, i) => {
    const eq = line.indexOf('=')
    const id = eq < 0 ? '' : line.slice(0, eq).trim()
    if (eq < 0 || !SECRET_ID.test(id))
      throw new InputError('secrets', `line ${i + 1} must be id=value with an id of [A-Za-z0-9_.-]`)
  })
  return lines
}

function parseAttestation(get: InputSource, name: string): string {
  const value = get(name).trim()
  if (value.startsWith('-') || /[\s]/.test(value))
    throw new InputError(name, `${show(value)} must be true, false or a buildx attestation spec`)
  return value
}

function parseCacheSpecs(get: InputSource, name: string): string[] {
  const specs = splitLines(get(name))
  for (const spec of specs)
    if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+$/.test(spec))
      throw new InputError(name, `${show(spec)} is not a cache spec like type=registry,ref=host/repo:cache`)
  return specs
}

/** Reads and validates every input. Throws InputError on the first invalid one. */
export function parseInputs(get: InputSource, cwd = process.cwd()): ParsedInputs {
  const notices: string[] = []
  const image = parseImage(get('image'), notices)
  const registry = parseRegistry(get('registry'))
  const lengthProblem = nameLengthProblem(registry, image)
  if (lengthProblem) throw new InputError('image', lengthProblem)
  const tags = parseTags(get('tags'))
  const context = get('context').trim() || '.'
  const file = get('file').trim()
  const remoteContext = isRemoteContext(context)
  if (!remoteContext) checkLocalContext(context, file, cwd)

  const username = get('username').trim()
  const password = get('password')
  if ((username === '') !== (password === ''))
    throw new InputError(
      username === '' ? 'username' : 'password',
      'username and password must be given together (or neither, to use an existing docker login)'
    )

  const inputs: Inputs = {
    context,
    remoteContext,
    file,
    image,
    registry,
    tags,
    buildArgs: keyValues(get, 'build-args'),
    labels: keyValues(get, 'labels'),
    target: parseName(get, 'target'),
    push: bool(get, 'push', true),
    noCache: bool(get, 'no-cache', false),
    pull: bool(get, 'pull', false),
    username,
    password,
    retries: parseRetries(get('retries')),
    platforms: parsePlatforms(get('platforms')),
    cacheFrom: parseCacheSpecs(get, 'cache-from'),
    cacheTo: parseCacheSpecs(get, 'cache-to'),
    provenance: parseAttestation(get, 'provenance'),
    sbom: parseAttestation(get, 'sbom'),
    secrets: parseSecrets(get),
    builder: parseName(get, 'builder')
  }
  return { inputs, notices }
}

/** The inputs that only buildx understands; asking for them on the classic builder is an input error. */
export function buildxOnlyInputs(inputs: Inputs): string[] {
  const used: string[] = []
  if (inputs.platforms.length) used.push('platforms')
  if (inputs.cacheFrom.length) used.push('cache-from')
  if (inputs.cacheTo.length) used.push('cache-to')
  if (inputs.provenance) used.push('provenance')
  if (inputs.sbom) used.push('sbom')
  if (inputs.secrets.length) used.push('secrets')
  if (inputs.builder) used.push('builder')
  return used
}
