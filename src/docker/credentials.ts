// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.

import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { HUB_AUTH_KEY, isDockerHub } from '../core/reference.js'
import type { CredentialLookup, Credentials } from '../registry/auth.js'
import { messageOf } from '../core/text.js'

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

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker')
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

/** The entry for `registry`, preferring an exact key over a merely equivalent one. */
function entryFor<T>(map: Record<string, T> | undefined, registry: string): T | undefined {
  if (!map || typeof map !== 'object') return undefined
  const exact = isDockerHub(registry) ? HUB_AUTH_KEY : registry
  if (Object.hasOwn(map, exact)) return map[exact]
  const key = Object.keys(map).find(k => matches(k, registry))
  return key === undefined ? undefined : map[key]
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

/** A runner that spawns `docker-credential-<helper>` directly (no shell), killed after `timeoutMs`. */
export function helperRunner({
  env = process.env,
  timeoutMs = HELPER_TIMEOUT_MS
}: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): HelperRunner {
  return (helper, input) =>
    new Promise((resolve, reject) => {
      const program = `docker-credential-${helper}`
      const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true })
      const out: Buffer[] = []
      const err: Buffer[] = []
      let settled = false
      const settle = (error: Error | undefined, stdout = '') => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (error) reject(error)
        else resolve(stdout)
      }
      // Our own deadline: spawn's `timeout` leaves its timer behind when the binary is missing, and waiting
      // for 'close' would also wait for any grandchild still holding the pipes.
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        child.stdout.destroy()
        child.stderr.destroy()
        settle(new Error(`${program} timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
      child.on('error', error => settle(error))
      // A helper that exits before reading stdin makes the write fail with EPIPE; its exit status says more.
      child.stdin.on('error', () => {})
      child.on('close', (code, signal) => {
        const stdout = Buffer.concat(out).toString('utf8')
        if (code === 0) return settle(undefined, stdout)
        const said = (Buffer.concat(err).toString('utf8') || stdout).replace(/\s+/g, ' ').trim().slice(0, 200)
        const how = signal ? `was killed by ${signal}` : `exited with ${code}`
        settle(new Error(`${program} ${how}${said ? `: ${said}` : ''}`))
      })
      child.stdin.end(input)
    })
}

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
  try {
    const parsed = JSON.parse(text) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as DockerConfig) : {}
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`)
  }
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
      output = await run(helper, isDockerHub(registry) ? HUB_AUTH_KEY : registry)
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
    const helper = entryFor(credHelpers, registry)
    const inline = fromAuthEntry(entryFor(auths, registry))
    // An empty credHelpers entry is docker's way to pin a host to the file store, bypassing credsStore.
    if (helper === '') return inline
    if (helper !== undefined) return viaHelper(helper, registry)
    return inline ?? (credsStore ? viaHelper(credsStore, registry) : undefined)
  }
}
