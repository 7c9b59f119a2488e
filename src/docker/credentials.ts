// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.

import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { isDockerHub } from '../core/reference.js'
import type { CredentialLookup, Credentials } from '../registry/auth.js'
import { messageOf, oneLine } from '../core/text.js'
import { createExecRunner, type ExecResult, type Runner } from './exec.js'
import { credentialKey, parseDockerConfig } from './config.js'

/** Runs `docker-credential-<helper> get` with `input` on stdin and resolves with its stdout. */
export type HelperRunner = (helper: string, input: string) => Promise<string>

interface AuthEntry {
  auth?: unknown
  username?: unknown
  password?: unknown
  identitytoken?: unknown
}

interface DockerConfig {
  auths?: Record<string, AuthEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
}

const HELPER_TIMEOUT_MS = 10000
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * The user's docker config directory, absolute: docker reads a relative DOCKER_CONFIG from the working
 * directory, and the private config's links into it must lead there from wherever they are.
 */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG ? resolve(env.DOCKER_CONFIG) : join(homedir(), '.docker')
}

/** Config keys may be `host`, `host/`, `https://host`, `http://host/v1/`: compare by host alone. */
function keyHost(key: string): string {
  return key
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')[0]
    .toLowerCase()
}

function matches(key: string, registry: string): boolean {
  const host = keyHost(key)
  return isDockerHub(registry) ? isDockerHub(host) : host === registry.toLowerCase()
}

/** The `auths` entry for `registry`: docker's file store takes an exact key, else one naming the same host. */
function authFor<T>(map: Record<string, T> | undefined, registry: string): T | undefined {
  if (!map || typeof map !== 'object') return undefined
  const exact = credentialKey(registry)
  if (Object.hasOwn(map, exact)) return map[exact]
  const key = Object.keys(map).find(k => matches(k, registry))
  return key === undefined ? undefined : map[key]
}

/**
 * The `credHelpers` entry for `registry`, as docker reads it: by its exact key (the host, Docker Hub's
 * auths key) and no other. A `https://host` or `host/` key names no helper to docker, which then reads
 * the file or credsStore; asking that helper here would verify with other credentials than docker pushes.
 */
function helperFor(map: Record<string, string> | undefined, registry: string): string | undefined {
  if (!map || typeof map !== 'object') return undefined
  const key = credentialKey(registry)
  return Object.hasOwn(map, key) ? map[key] : undefined
}

function fromAuthEntry(entry: AuthEntry | undefined): Credentials | undefined {
  if (!entry || typeof entry !== 'object') return undefined
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
    return { username: '<token>', password: entry.identitytoken }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':') // the password may itself contain colons
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string')
    return { username: entry.username, password: entry.password }
  return undefined
}

/**
 * A runner that starts `docker-credential-<helper> get` through the exec funnel (exec.ts: no shell, a
 * fixed deadline, nothing started once the run is cancelled). A missing binary fails with code ENOENT.
 */
export function helperRunner({
  env = process.env,
  timeoutMs = HELPER_TIMEOUT_MS,
  runner
}: { env?: NodeJS.ProcessEnv; timeoutMs?: number; runner?: Runner } = {}): HelperRunner {
  let run = runner
  return async (helper, input) => {
    const program = `docker-credential-${helper}`
    // Made on first use: most runs never ask a helper.
    run ??= createExecRunner(process.stderr, env)
    let result: ExecResult
    try {
      result = await run(program, ['get'], env, { input: Buffer.from(input), deadlineMs: timeoutMs })
    } catch (error) {
      const notFound =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ||
        /Unable to locate executable/i.test(messageOf(error))
      throw notFound ? missing(program) : error
    }
    if (result.stopped?.reason === 'signal') throw new Error(`${program} stopped: the run was cancelled`)
    if (result.stopped) throw new Error(`${program} timed out after ${timeoutMs} ms`)
    if (result.exitCode === 0) return result.stdout
    // 127: coreutils `timeout` (or a shell) found no such program.
    if (result.exitCode === 127 && !result.stdout) throw missing(program)
    const said = oneLine(result.stderr || result.stdout, 200)
    throw new Error(`${program} exited with ${result.exitCode}${said ? `: ${said}` : ''}`)
  }
}

const missing = (program: string): Error =>
  Object.assign(new Error(`${program} is not installed (ENOENT)`), { code: 'ENOENT' })

export const runCredentialHelper: HelperRunner = helperRunner()

async function readConfig(configDir: string): Promise<DockerConfig> {
  const file = join(configDir, 'config.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return {}
    throw err
  }
  return parseDockerConfig(file, text) as DockerConfig
}

/**
 * Credentials for a registry host, looked up like the docker CLI: credHelpers, then inline auths, then
 * credsStore. A helper that is missing or has nothing for the host yields undefined; `warn` hears about
 * helpers that fail for other reasons (never with secrets).
 */
export function credentialsFromDockerConfig(
  configDir: string,
  run: HelperRunner = runCredentialHelper,
  warn?: (message: string) => void
): CredentialLookup {
  let config: Promise<DockerConfig> | undefined

  const viaHelper = async (helper: unknown, registry: string): Promise<Credentials | undefined> => {
    if (typeof helper !== 'string' || !HELPER_NAME.test(helper)) {
      if (helper) warn?.(`ignoring credential helper ${JSON.stringify(helper)}: not a plain helper name`)
      return undefined
    }
    let output: string
    try {
      output = await run(helper, credentialKey(registry))
    } catch (err) {
      const code = (err as { code?: string }).code
      const message = messageOf(err)
      // Missing binaries and "credentials not found" are ordinary: the registry may allow anonymous access.
      if (code !== 'ENOENT' && !/not found/i.test(message)) warn?.(message)
      return undefined
    }
    try {
      const { Username, Secret } = JSON.parse(output) as { Username?: unknown; Secret?: unknown }
      if (typeof Secret !== 'string' || Secret === '') return undefined
      return { username: typeof Username === 'string' ? Username : '', password: Secret }
    } catch {
      warn?.(`docker-credential-${helper} printed something that is not JSON`)
      return undefined
    }
  }

  return async registry => {
    config ??= readConfig(configDir)
    const { auths, credHelpers, credsStore } = await config
    const helper = helperFor(credHelpers, registry)
    const inline = fromAuthEntry(authFor(auths, registry))
    // An empty credHelpers entry is docker's way to pin a host to the file store, bypassing credsStore.
    if (helper === '') return inline
    if (helper !== undefined) return viaHelper(helper, registry)
    return inline ?? (credsStore ? viaHelper(credsStore, registry) : undefined)
  }
}
