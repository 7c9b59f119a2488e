// The `registry-auth` input: login-action's YAML list, one entry per registry, read with js-yaml as
// login-action reads it (anchors, quoting, block scalars, `~`):
//   - registry: ghcr.io
//     username: ${{ github.actor }}
//     password: ${{ secrets.GITHUB_TOKEN }}
// js-yaml is loaded only when the input is set (loadRegistryAuthParser), so that runs without it do not
// pay for it at start. Errors name the entry by position and registry, never a value, and never repeat
// js-yaml's own message, which quotes the input. A mistake is an InputProblem, and the caller names the
// input (targets.ts).

import { InputProblem } from '../core/problem.js'
import { advice } from '../core/input-ref.js'
import { messageOf } from '../core/text.js'
import { cloudLoginOf, type CloudLogin } from '../registry/cloud/detect.js'
import { loginServerHost } from '../core/reference.js'

export interface RegistryLogin {
  /** As given; normalized by the caller. Empty means Docker Hub, as login-action takes it. */
  registry: string
  username: string
  password: string
  /** login-action's `ecr` key: true or false; unset (or `auto`) detects ECR from the host. */
  ecr?: boolean
  /** Set when the username and password come from a cloud's token service (registry/cloud) instead. */
  cloud?: CloudLogin
  /**
   * login-action's `scope`: which repositories the login is for when it is kept for later steps. The
   * step's own push always uses the full login.
   */
  scope?: string
}

const KEYS = ['registry', 'username', 'password', 'ecr', 'scope']

type Load = (text: string) => unknown
let load: Load | undefined

/** Loads js-yaml; call (and await) before parseRegistryAuth or credentialsIn. */
export async function loadRegistryAuthParser(): Promise<void> {
  if (!load) load = (await import('js-yaml')).load
}

/** Whether js-yaml is loaded (the input-error path must not load it for nothing). */
export const registryAuthParserLoaded = (): boolean => load !== undefined

/** The YAML document, or an InputProblem that says where it stopped parsing (and nothing of the text). */
function readYaml(text: string): unknown {
  if (!load) throw new Error('registry-auth read before loadRegistryAuthParser()')
  try {
    return load(text)
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark
    const where = mark?.line === undefined ? '' : ` (line ${mark.line + 1}, column ${(mark.column ?? 0) + 1})`
    throw new InputProblem(`is not valid YAML${where} (${advice('multi-line-secret')})`)
  }
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/** A scalar as login-action would pass it on: strings, and numbers or booleans as written. */
function scalarOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

export function parseRegistryAuth(text: string, env: NodeJS.ProcessEnv = process.env): RegistryLogin[] {
  const doc = readYaml(text)
  if (doc === undefined || doc === null) return []
  if (!Array.isArray(doc))
    throw new InputProblem(
      isMapping(doc)
        ? 'is a mapping, and a list is expected: start each entry with "- "'
        : 'is not a list of entries'
    )
  return doc.map((entry: unknown, i): RegistryLogin => {
    if (!isMapping(entry))
      throw new InputProblem(`entry ${i + 1} is not a mapping of registry, username and password`)
    // docker login takes a URL (`https://index.docker.io/v1/`): its host is the registry, ECR's and Hub's too.
    const registry = loginServerHost(scalarOf(entry.registry) ?? '')
    const where = `entry ${i + 1}${registry ? ` (${JSON.stringify(registry)})` : ''}`
    for (const key of Object.keys(entry))
      if (!KEYS.includes(key))
        throw new InputProblem(`${where}: unknown key ${JSON.stringify(key)} (${KEYS.join(', ')})`)
    const field = (key: string): string | undefined => {
      const value = entry[key]
      if (value === undefined || value === null) return undefined
      const s = scalarOf(value)
      if (s === undefined) throw new InputProblem(`${where}: ${key} must be a string (quote it)`)
      return s
    }
    if (entry.registry !== undefined && entry.registry !== null) field('registry')
    const username = field('username') ?? ''
    const password = field('password')?.trim() ?? ''
    // Any casing, as login-action reads it (`ecr: "False"`).
    const ecrText = field('ecr')?.toLowerCase()
    if (ecrText !== undefined && !['true', 'false', 'auto'].includes(ecrText))
      throw new InputProblem(`${where}: ecr is true, false or auto`)
    const ecr = ecrText === undefined || ecrText === 'auto' ? undefined : ecrText === 'true'
    const scope = field('scope')
    const login = { registry, username, password, ...(ecr !== undefined && { ecr }) }
    let cloud: CloudLogin | undefined
    try {
      cloud = cloudLoginOf({ ...login, registry: registry || 'docker.io' }, env)
    } catch (error) {
      throw new InputProblem(`${where}: ${messageOf(error)}`)
    }
    // A cloud login gets its password from the cloud's token service: the entry may name none.
    if (!cloud && !username) throw new InputProblem(`${where} has no username`)
    if (!cloud && !password) throw new InputProblem(`${where} has no password`)
    return { ...login, ...(cloud && { cloud }), ...(scope !== undefined && { scope }) }
  })
}

/** A `password:` line's value in text that does not parse: YAML syntax alone is never a value. */
const SYNTAX_ONLY = /^(?:[|>][-+0-9]*|[{[&*!].*|)$/

/**
 * Every username/password pair in `text`, for masking before anything else reads it: the entries'
 * passwords (those of entries that are otherwise invalid too), or, when the text does not parse, every
 * plain `password:` value found line by line (never YAML syntax such as `|` or `{`, which a mask would
 * then hide everywhere in the log).
 */
export function credentialsIn(text: string): { username: string; password: string }[] {
  let doc: unknown
  try {
    doc = readYaml(text)
  } catch (error) {
    if (!(error instanceof InputProblem)) throw error
    return [...text.matchAll(/password\s*:[ \t]*(.*)$/gm)]
      .map(m => m[1].replace(/\s+#.*$/, '').trim())
      .map(v => v.replace(/^(['"])(.*)\1$/, '$2'))
      .filter(v => !SYNTAX_ONLY.test(v))
      .map(password => ({ username: '', password }))
  }
  const entries = Array.isArray(doc) ? doc : [doc]
  return entries.filter(isMapping).flatMap(e => {
    const password = scalarOf(e.password)?.trim()
    return password ? [{ username: scalarOf(e.username) ?? '', password }] : []
  })
}
