// What one input needs beyond its kind's reading: names, platforms, specs and secrets checked before any
// build. Each is pure and throws an InputProblem saying the rule; the row it reads names the input.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { ref, type InputKey, type InputValues } from './table.js'

import { InputError } from './error.js'
import { InputProblem, reworded } from '../core/problem.js'
import * as options from './build-options.js'
import { splitKeyValue } from '../core/text.js'
import { quote } from '../core/text.js'
import { parseFullRef } from './tags.js'
import { DOCKER_HUB, normalizeRegistry, registryProblem } from '../core/reference.js'
import { formatSpecifier, namesHost, parseBuildxPlatform, SPECIFIER_FORMS } from '../core/platform-spec.js'

/** A path that names a regular file (a directory is not one). */
export const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()

const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
/** A build secret's id, as every secret input and the CLI's --secret take it. */
export const SECRET_ID = /^[A-Za-z0-9_.-]+$/

/** The registry host an image goes to, Docker Hub when empty. */
function parseRegistry(raw: string): string {
  const value = raw || DOCKER_HUB
  const problem = registryProblem(value)
  if (problem) throw new InputProblem(`${quote(value)} ${problem}`)
  return normalizeRegistry(value)
}

/**
 * `--platform` entries as buildx reads them: split at commas (it splits the joined flag there, untrimmed),
 * each parsed as it parses one; passed on as written. A platform named again in another spelling
 * (`linux/x86_64` after `linux/amd64`) is dropped with a notice: buildx 0.13 would put it in the index twice.
 * What leaves a part to the host (`local`, `arm64`) is never taken for a repeat, since the host buildx sees
 * may differ in its variant.
 */
function platformList(list: string[], notices: string[]): string[] {
  const seen = new Map<string, string>()
  const out: string[] = []
  for (const specifier of list.flatMap(entry => entry.split(','))) {
    const platform = reworded(
      () => parseBuildxPlatform(specifier),
      message => `${message}; a platform is ${SPECIFIER_FORMS}`
    )
    const key = namesHost(specifier) ? undefined : formatSpecifier(platform)
    const first = key === undefined ? undefined : seen.get(key)
    if (first !== undefined) {
      notices.push(`platform ${quote(specifier)} is ${quote(first)} again (${key}): it is built once`)
      continue
    }
    if (key !== undefined) seen.set(key, specifier)
    out.push(specifier)
  }
  return out
}

/** Stage and builder names: plain words, so nothing can be read as a flag. */
function plainName(value: string): string {
  if (value !== '' && !STAGE.test(value))
    throw new InputProblem(`${quote(value)} is not a valid name: letters, digits, "_", "." and "-"`)
  return value
}

/** `type=…,key=value` specs, or buildx's shorthand: registry references, comma-separated, no `=`. */
function cacheSpecs(specs: string[]): string[] {
  for (const spec of specs)
    if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+(,[^=,]+)*$/.test(spec))
      throw new InputProblem(`${quote(spec)} is not a cache spec like type=registry,ref=host/repo:cache`)
  return specs
}

const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker', 'image', 'registry', 'cacheonly']

/**
 * `type=…,key=value` specs, or a bare path (buildx reads it as type=local,dest=PATH). A push by digest
 * names repositories only: BuildKit refuses to push a tagged name by digest.
 */
function outputSpecs(specs: string[]): string[] {
  for (const spec of specs) {
    const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1]
    if (spec.startsWith('-') || (type === undefined ? spec.includes('=') : !OUTPUT_TYPES.includes(type)))
      throw new InputProblem(
        `${quote(spec)} is not an output spec: type=${OUTPUT_TYPES.join('|')},… (e.g. type=local,dest=out)`
      )
    if (!options.pushesByDigest(spec) || !options.pushesOutput(spec)) continue
    for (const name of options.outputNames(spec)) {
      if (name.includes('@') || name.lastIndexOf(':') > name.lastIndexOf('/'))
        throw new InputProblem(
          `${quote(spec)}: name ${quote(name)} has a tag or digest; push-by-digest=true pushes a repository by its digest alone, so name it without one`
        )
      parseFullRef(name)
    }
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
      throw new InputProblem(
        `entry ${i + 1} must be id=value with an id of [A-Za-z0-9_.-]; quote a multi-line secret whole ("id=…"), or put it in ${ref('secret-files', 'secret-envs')}`
      )
    return `${kv.key}=${kv.value}`
  })
}

/** `id=path` or `id=ENVNAME` entries (parseInputs checks that the file exists or the variable is set). */
const secretSources =
  (what: 'path' | 'ENVNAME') =>
  (lines: string[]): string[] =>
    lines.map((line, i) => {
      const kv = splitKeyValue(line)
      const value = kv?.value.trim() ?? ''
      if (!kv || !SECRET_ID.test(kv.key) || value === '')
        throw new InputProblem(`entry ${i + 1} must be id=${what} with an id of [A-Za-z0-9_.-]`)
      return `${kv.key}=${value}`
    })

/** Each `id=path` names a file, and each `id=ENVNAME` a variable that is set: before any build. */
export function checkSecretSources(
  files: string[],
  envs: string[],
  cwd: string,
  env: NodeJS.ProcessEnv
): void {
  for (const line of files) {
    const { key, value } = splitKeyValue(line)!
    if (!isFile(path.resolve(cwd, value)))
      throw new InputError('secret-files', `${quote(key)}: ${quote(value)} is not a file`)
  }
  for (const line of envs) {
    const { key, value } = splitKeyValue(line)!
    if (env[value] === undefined)
      throw new InputError('secret-envs', `${quote(key)}: ${quote(value)} is not set`)
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
export const VALIDATORS: Validators = {
  registry: parseRegistry,
  target: plainName,
  builder: plainName,
  password: trimPassword,
  platforms: (list, notices) => platformList(list, notices),
  cacheFrom: cacheSpecs,
  cacheTo: cacheSpecs,
  provenance: options.attestationValue,
  sbom: options.attestationValue,
  outputs: outputSpecs,
  secrets: secretLines,
  secretFiles: secretSources('path'),
  secretEnvs: secretSources('ENVNAME'),
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
  labels: options.labels,
  attests: options.attests,
  noCacheFilters: options.noCacheFilters,
  call: options.call,
  context: value => {
    // metadata-action's own `context` input, carried over with its other inputs.
    if ((value === 'git' || value === 'workflow') && !existsSync(value))
      throw new InputProblem(
        `${quote(value)} is metadata-action's context (where it reads the commit); here it is the build's, and no such directory exists: drop it (the commit comes from the workflow's event)`
      )
    return value || '.'
  }
}
