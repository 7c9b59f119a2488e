// Reads every input of the table once, validates it, and returns one typed value. Nothing after this reads
// raw inputs. Each kind has its generic reading (kinds.ts); the validators add what one input needs beyond it
// (validators.ts); targets.ts says where the image goes and who logs in.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { quote } from '../core/text.js'
import path from 'node:path'
import { inputName, ref, ROWS, rowByName, type InputValues } from './table.js'
import { advice } from '../core/input-ref.js'

export { actionTerm, ref, renderInputRefs, setting } from './table.js'
export { asInput, InputError } from './error.js'
import { asInput, InputError } from './error.js'
import * as options from './build-options.js'
import { DEFAULT_METADATA_ENV } from '../metadata/env.js'
import { DEFAULT_FLAVOR } from '../metadata/rules/parse.js'
import { parseSource, checkSourcesAlone, indexAnnotations } from './sources.js'
import { singleCloudLogin } from './cloud-login.js'
import { byKind } from './kinds.js'
import { checkSecretSources, VALIDATORS } from './validators.js'
import {
  checkLogins,
  checkLoginSources,
  checkTargets,
  keepsLogin,
  readTagInputs,
  targetsFromRefs
} from './targets.js'
import type { Inputs, InputSource, ParsedInputs } from './types.js'
export type { Inputs, InputSource, ParsedInputs } from './types.js'

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory()
export { splitLines, splitList, listOptions } from './kinds.js'

const GIT_URL = /^(?:git:\/\/|git@|github\.com\/|ssh:\/\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/
const HTTP_URL = /^https?:\/\//

/**
 * Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles); and
 * build-push-action's `{{defaultContext}}`, this commit's git URL.
 */
export function isRemoteContext(context: string): boolean {
  return GIT_URL.test(context) || HTTP_URL.test(context) || options.DEFAULT_CONTEXT.test(context)
}

/** Every row read by its kind and validator, with nothing checked on disk. */
export function readRows(get: InputSource, notices: string[] = [], warnings: string[] = []): InputValues {
  const values: Record<string, unknown> = {}
  for (const [key, row] of ROWS) {
    const name = inputName(key)
    const raw = get(name)
    const validate = VALIDATORS[key] as ((v: unknown, n: string[], w: string[]) => unknown) | undefined
    // Every row's problem gets the name of the input it was read from here: the parsers do not know it.
    values[key] = asInput(name, () => {
      const value = byKind(row, raw)
      return validate ? validate(value, notices, warnings) : value
    })
  }
  return values as InputValues
}

function checkLocalContext(context: string, file: string, cwd: string): void {
  const dir = path.resolve(cwd, context)
  if (!isDir(dir))
    throw new InputError('context', `${quote(context)} is not a directory (resolved to ${quote(dir)})`)
  if (file !== '') {
    const f = path.resolve(cwd, file)
    if (!options.isFile(f))
      throw new InputError('file', `${quote(file)} does not exist (resolved to ${quote(f)})`)
  } else if (!options.isFile(path.resolve(cwd, options.dockerfilePath(context, '', cwd)))) {
    // Left at `.` in an empty workspace: most likely no checkout ran.
    if (context === '.' && isEmptyWorkspace(dir))
      throw new InputError('context', options.noDockerfileHere(dir))
    throw new InputError('file', `no Dockerfile in context ${quote(context)}; add one or set ${ref('file')}`)
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

function checkSources(values: InputValues, cwd: string): void {
  asInput('sources', () => {
    checkSourcesAlone(
      values,
      readRows(name => rowByName(name)?.[1].default ?? '')
    )
    for (const line of values.sources) {
      const source = parseSource(line, values.registry, values.image)
      // A file on this machine is looked for now, before any registry is asked.
      if (!('transport' in source) || source.transport === 'docker-daemon') continue
      const directory = source.transport === 'oci'
      const where = path.resolve(cwd, source.path)
      if (!existsSync(where) || isDir(where) !== directory)
        throw new InputError(
          'sources',
          `${quote(line)}: ${quote(source.path)}: no such ${directory ? 'directory' : 'file'}`
        )
    }
  })
  asInput('annotations', () => indexAnnotations(values.annotations))
}

/** Reads and validates every input. Throws InputError on the first invalid one. */
export function parseInputs(get: InputSource, cwd = process.cwd()): ParsedInputs {
  const [notices, warnings]: string[][] = [[], []]
  const values = readRows(get, notices, warnings)
  const pushGiven = get('push').trim() !== ''
  const tagged = readTagInputs(values, process.env, notices)
  const targets = tagged.tagRefs.length
    ? targetsFromRefs(values, tagged)
    : checkTargets(values, tagged, notices, pushGiven)
  const remoteContext = isRemoteContext(values.context)
  // With sources nothing is built: there is no context to check, and no build input may be set.
  if (values.sources.length) checkSources(values, cwd)
  else if (!remoteContext) checkLocalContext(values.context, values.file, cwd)
  checkSecretSources(values.secretFiles, values.secretEnvs, cwd, process.env, warnings)
  options.checkBuildSources(values, cwd, process.env)
  if (targets.length > 1 && new Set(targets.map(t => t.registry)).size > 1 && values.username)
    throw new InputError(
      'username',
      `${ref('username', 'password')} log in to one registry, and ${ref('images')} names several: give each its login in ${ref('registry-auth')}`
    )
  checkLoginSources(values)
  const cloud = singleCloudLogin(values, process.env)
  if (!cloud && (values.username === '') !== (values.password === ''))
    throw new InputError(
      values.username === '' ? 'username' : 'password',
      `${ref('username', 'password')} must be given together (or neither, to use an existing docker login)`
    )
  const logins = checkLogins(values, cloud, targets, notices)
  // login-action logs in to each account it lists; here each ECR registry is a login of its own.
  if (process.env.AWS_ACCOUNT_IDS && logins.some(l => l.cloud?.kind === 'ecr'))
    warnings.push(
      `AWS_ACCOUNT_IDS is set and not read: each ECR registry logs in for the account its host names; give each its own entry in ${ref('registry-auth')}`
    )
  const keepLogin = keepsLogin(values, get('keep-login').trim() !== '')
  const inputs = { ...values, ...tagged, keepLogin, remoteContext, targets, logins, pushGiven }
  return { inputs, notices, warnings }
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
  // buildx fetches an ssh:// context with the agent's keys; the classic builder looks for it on disk.
  if (!buildx && /^ssh:\/\//i.test(inputs.context))
    throw new InputError(
      'context',
      `${quote(inputs.context)}: the classic builder does not fetch ssh:// contexts (buildx does); write it as git@host:owner/repo.git#ref`
    )
  const used = buildxOnlyInputs(inputs)
  if (!buildx && used.length)
    throw new InputError(
      used[0],
      `needs docker buildx, and this docker has no buildx plugin (${advice('install-buildx')}, or drop ${ref(...used)})`
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
    logins: [],
    pushGiven: over.push !== undefined
  }
}
