// What one input needs beyond its kind's reading: names, platforms, specs and secrets checked before any
// build. Each is pure and throws an InputProblem saying the rule; the row it reads names the input.
import { existsSync } from 'node:fs'
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

const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
/**
 * A build secret's id, as every secret input and the CLI's --secret take it: what buildx's and the
 * Dockerfile's CSV fields can carry unquoted (no `,`, `=` or `"`), with no whitespace, which is a typo
 * (`tok = x`) that would leave the Dockerfile's `id=tok` without its secret. BuildKit's own ids have dots and
 * colons: `GIT_AUTH_TOKEN.<host:port>`.
 */
export const SECRET_ID = /^[^\s,="]+$/
/** SECRET_ID in words, for the messages that refuse one. */
export const SECRET_ID_RULE = 'an id without whitespace, ",", "=" or \'"\''

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
 * needs its final newline), as build-push-action 7.3 keeps it. Errors never echo a value. An empty value
 * (`tok=`, what `${{ secrets.X }}` gives a fork's pull request) is left out with a warning, as
 * build-push-action leaves it out: a `required=true` mount then fails rather than reading an empty file.
 */
function secretLines(lines: string[], _notices: string[], warnings: string[]): string[] {
  const kept: string[] = []
  lines.forEach((line, i) => {
    const kv = splitKeyValue(line.trimStart())
    if (!kv || !SECRET_ID.test(kv.key))
      throw new InputProblem(
        `entry ${i + 1} must be id=value with ${SECRET_ID_RULE}; quote a multi-line secret whole ("id=…"), or put it in ${ref('secret-files', 'secret-envs')}`
      )
    if (kv.value === '')
      warnings.push(
        `${ref('secrets')}: ${quote(kv.key)} has an empty value, so the build gets no such secret (as build-push-action leaves it out)`
      )
    else kept.push(`${kv.key}=${kv.value}`)
  })
  return kept
}

/**
 * `id=path` or `id=ENVNAME` entries (parseInputs checks that the file exists). One with nothing after the
 * `=` is left out with a warning, as build-push-action leaves out any secret entry with an empty value.
 */
const secretSources =
  (input: 'secret-files' | 'secret-envs', what: 'path' | 'ENVNAME') =>
  (lines: string[], _notices: string[], warnings: string[]): string[] => {
    const kept: string[] = []
    lines.forEach((line, i) => {
      const kv = splitKeyValue(line)
      if (!kv || !SECRET_ID.test(kv.key))
        throw new InputProblem(`entry ${i + 1} must be id=${what} with ${SECRET_ID_RULE}`)
      const value = kv.value.trim()
      if (value === '')
        warnings.push(
          `${ref(input)}: ${quote(kv.key)} names no ${what === 'path' ? 'file' : 'variable'}, so the build gets no such secret (as build-push-action leaves it out)`
        )
      else kept.push(`${kv.key}=${value}`)
    })
    return kept
  }

/**
 * Each `id=path` names a file, before any build. An `id=ENVNAME` whose variable is unset or empty is passed
 * empty, as build-push-action passes it (BuildKit reads the variable, and an unset one as empty), with a
 * warning: a `required=true` mount then reads an empty file.
 */
export function checkSecretSources(
  files: string[],
  envs: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  warnings: string[]
): void {
  for (const line of files) {
    const { key, value } = splitKeyValue(line)!
    if (!options.isFile(path.resolve(cwd, value)))
      throw new InputError('secret-files', `${quote(key)}: ${quote(value)} is not a file`)
  }
  for (const line of envs) {
    const { key, value } = splitKeyValue(line)!
    if (!env[value])
      warnings.push(
        `${ref('secret-envs')}: ${quote(key)}: the variable ${value} is ${env[value] === undefined ? 'not set' : 'empty'}, so the build gets the secret empty (as build-push-action passes it)`
      )
  }
}

/** docker trims the password it sends; do the same, so that what we mask is what docker uses. */
function trimPassword(raw: string, notices: string[]): string {
  const trimmed = raw.trim()
  if (trimmed !== raw && trimmed !== '')
    notices.push(`the password's surrounding whitespace was trimmed, as docker trims it`)
  return trimmed
}

type Validators = {
  [K in InputKey]?: (value: InputValues[K], notices: string[], warnings: string[]) => InputValues[K]
}

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
