import { createHash } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { get as httpsGet } from 'node:https'
import { constants, readFileSync } from 'node:fs'
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Socket } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { imagesGoWith, runCommand } from './docker.js'

export interface RegistryAuth {
  username: string
  password: string
}

export interface TestRegistry {
  /** '127.0.0.1:PORT' (or '[::1]:PORT'); dockerd treats loopback as insecure, so plain HTTP works. */
  host: string
  port: number
  dir: string
  stop(): Promise<void>
}

/** The manifest media types a test asks a registry for: an index or a manifest, OCI's or docker's. */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

const BINARY = 'docker-registry'
const START_TIMEOUT_MS = 10_000
const LOG_TAIL_BYTES = 4000

async function findOnPath(name: string): Promise<string | undefined> {
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    if (!d) continue
    const candidate = join(d, name)
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false
      )
    )
      return candidate
  }
  return undefined
}

function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, address, () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))))
    })
  })
}

/** PEM files for the registry's own certificate (https://…); plain HTTP without. */
export interface RegistryTls {
  certificate: string
  key: string
  /** When set, the registry demands a client certificate signed by one of these CAs (mutual TLS). */
  clientCas?: string[]
  /** The client pair the start-up probe presents to such a registry. */
  client?: { cert: string; key: string }
}

function configYaml(
  dir: string,
  host: string,
  htpasswdPath?: string,
  tls?: RegistryTls,
  readonly = false
): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    // Read-only: every write (an upload, a manifest) is refused with 405, as in a maintenance window.
    ...(readonly ? ['    readonly:', '      enabled: true'] : []),
    'http:',
    `  addr: "${host}"`,
    // A fixed secret silences the "generated random secret" warning.
    `  secret: ${randomBytes(16).toString('hex')}`,
    ...(tls ? ['  tls:', `    certificate: ${tls.certificate}`, `    key: ${tls.key}`] : []),
    ...(tls?.clientCas ? ['    clientcas:', ...tls.clientCas.map(ca => `      - ${ca}`)] : [])
  ]
  if (htpasswdPath) {
    lines.push('auth:', '  htpasswd:', '    realm: btp-test', `    path: ${htpasswdPath}`)
  }
  return lines.join('\n') + '\n'
}

/**
 * Whether a registry answers GET /v2/ on `host` as ours would: 401 when it has a login, 200 otherwise. Another
 * test's registry that took the port first answers too, so the answer must be ours (see launch()).
 */
async function probe(host: string, tls?: RegistryTls, auth = false): Promise<boolean> {
  const ours = (status: number | undefined): boolean =>
    status === (auth ? 401 : 200) || (!!tls && status === 401)
  if (tls) {
    // Up is all that is asked here, not trust: the tests decide who trusts the certificate.
    const client = tls.client
      ? { cert: readFileSync(tls.client.cert), key: readFileSync(tls.client.key) }
      : {}
    return new Promise(resolve => {
      const options = { rejectUnauthorized: false, timeout: 1000, ...client }
      const req = httpsGet(`https://${host}/v2/`, options, res => {
        res.resume()
        resolve(ours(res.statusCode) || res.statusCode === 200)
      })
      req.on('error', () => resolve(false))
      req.on('timeout', () => req.destroy())
    })
  }
  try {
    const res = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) })
    await res.arrayBuffer().catch(() => undefined)
    return ours(res.status)
  } catch {
    return false
  }
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise(resolve => {
    const t = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(t)
      resolve(true)
    })
  })
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  if (!(await waitExit(child, 5000))) {
    child.kill('SIGKILL')
    await waitExit(child, 5000)
  }
}

/** Starts a throwaway distribution registry on a free port, optionally with htpasswd auth. */
export async function startRegistry(
  /** `address`: where to listen, 127.0.0.1 by default; dockerd holds only loopback insecure by default. */
  /** `auth`: one user, or several (each with a password of its own). */
  /** `readonly`: a registry that refuses every write. */
  opts: { auth?: RegistryAuth | RegistryAuth[]; address?: string; tls?: RegistryTls; readonly?: boolean } = {}
): Promise<TestRegistry> {
  const address = opts.address ?? '127.0.0.1'
  const dir = await mkdtemp(join(tmpdir(), 'btp-registry-'))
  try {
    let htpasswdPath: string | undefined
    if (opts.auth) {
      htpasswdPath = join(dir, 'htpasswd')
      const lines: string[] = []
      for (const { username, password } of [opts.auth].flat()) {
        const res = await runCommand('htpasswd', ['-Bbn', username, password]).catch((e: Error) => ({
          code: -1,
          stdout: '',
          stderr: e.message
        }))
        if (res.code !== 0) throw new Error(`htpasswd failed (install apache2-utils): ${res.stderr.trim()}`)
        lines.push(res.stdout.trim())
      }
      await writeFile(htpasswdPath, lines.join('\n') + '\n', { mode: 0o600 })
    }
    await mkdir(join(dir, 'data'))
    // Another process may grab the port between our probe and the registry's bind: retry a few times.
    let lastError: Error | undefined
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort(address)
      try {
        const host = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
        const registry = await launch(dir, host, port, htpasswdPath, opts.tls, opts.readonly)
        const prefixes = [`${host}/`, ...(address === '127.0.0.1' ? [`localhost:${port}/`] : [])]
        registry.stop = await imagesGoWith(prefixes, registry.stop)
        return registry
      } catch (e) {
        lastError = e as Error
        if (!/address already in use/i.test(lastError.message)) break
      }
    }
    throw lastError ?? new Error('registry did not start')
  } catch (e) {
    await rm(dir, { recursive: true, force: true })
    throw e
  }
}

async function launch(
  dir: string,
  host: string,
  port: number,
  htpasswdPath?: string,
  tls?: RegistryTls,
  readonly?: boolean
): Promise<TestRegistry> {
  const configPath = join(dir, `config-${port}.yml`)
  await writeFile(configPath, configYaml(dir, host, htpasswdPath, tls, readonly))

  let log = ''
  const append = (b: Buffer) => {
    log = (log + b.toString('utf8')).slice(-LOG_TAIL_BYTES)
  }
  const bin = await findOnPath(BINARY)
  if (!bin) throw new Error(`${BINARY} not found on PATH (install the docker-registry package, see .ci/run)`)
  // pdeathsig: the registry dies with this process even if a test never calls stop() or jest is killed.
  const setpriv = await findOnPath('setpriv')
  const [cmd, args] = setpriv
    ? [setpriv, ['--pdeathsig', 'TERM', '--', bin, 'serve', configPath]]
    : [bin, ['serve', configPath]]
  // Explicit env: under jest, process.env here is the sandbox's copy, which spawn's default would ignore.
  const child = spawn(cmd, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  // Unref so a forgotten stop() cannot keep jest from exiting.
  child.unref()
  ;(child.stdout as Socket | null)?.unref()
  ;(child.stderr as Socket | null)?.unref()
  let spawnError: Error | undefined
  child.on('error', e => (spawnError = e))

  const fail = async (why: string): Promise<never> => {
    await kill(child)
    throw new Error(`${BINARY} on ${host} ${why}\n--- log tail ---\n${log.trim() || '(empty)'}`)
  }

  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (spawnError) {
      return fail(`could not be spawned: ${spawnError.message}`)
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`exited early (code ${child.exitCode}, signal ${child.signalCode})`)
    }
    if (await probe(host, tls, !!htpasswdPath)) {
      // A registry that lost the port to another one exits with "address already in use": give it the time
      // to, so that a probe answered by the other registry is not taken for ours.
      await new Promise(r => setTimeout(r, 150))
      if (child.exitCode !== null || child.signalCode !== null)
        return fail(`exited early (code ${child.exitCode}, signal ${child.signalCode})`)
      break
    }
    if (Date.now() > deadline) return fail(`did not answer GET /v2/ within ${START_TIMEOUT_MS / 1000} s`)
    await new Promise(r => setTimeout(r, 100))
  }

  let stopped: Promise<void> | undefined
  return {
    host,
    port,
    dir,
    stop() {
      stopped ??= (async () => {
        await kill(child)
        await rm(dir, { recursive: true, force: true })
      })()
      return stopped
    }
  }
}

/**
 * A local IPv4 address that is not loopback, for a registry docker does not hold insecure by default:
 * the BuildKit test engine's bridge when there is one (its daemon.json lists that network as insecure).
 */
export function lanAddress(): string {
  const all = networkInterfaces()
  const preferred = process.env.BTP_BUILDKIT_BRIDGE || 'btpbk0'
  const pick = (name: string) => all[name]?.find(a => a.family === 'IPv4' && !a.internal)?.address
  const found = pick(preferred) ?? Object.keys(all).map(pick).find(Boolean)
  if (!found)
    throw new Error('no non-loopback IPv4 address on this machine (the BuildKit engine script makes one)')
  return found
}

/**
 * A private CA and a certificate it signed for `ip` (and `names`), made with openssl in `dir`: what a self-hosted
 * registry with its own CA looks like.
 */
export async function makeCertificates(
  dir: string,
  ip: string,
  /** Names the certificate holds too (a name only a proxy resolves). */
  names: string[] = []
): Promise<RegistryTls & { ca: string; client: { cert: string; key: string } }> {
  const f = (name: string) => join(dir, name)
  const openssl = async (...args: string[]) => {
    const res = await runCommand('openssl', args)
    if (res.code !== 0) throw new Error(`openssl ${args[0]} failed: ${res.stderr.trim()}`)
  }
  const KEY = ['-newkey', 'rsa:2048', '-nodes']
  /** A key and a certificate for `cn` signed by the CA, with extra `x509 -req` options. */
  const signed = async (name: string, cn: string, ...extra: string[]) => {
    await openssl('req', ...KEY, '-subj', `/CN=${cn}`, '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`))
    await openssl(
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '1',
      ...extra,
      '-out',
      f(`${name}.cert`)
    )
  }
  await writeFile(f('san.ext'), `subjectAltName=${[`IP:${ip}`, ...names.map(n => `DNS:${n}`)].join(',')}\n`)
  await openssl(
    'req',
    '-x509',
    ...KEY,
    '-days',
    '1',
    '-subj',
    '/CN=btp-test-ca',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt')
  )
  await signed('server', ip, '-extfile', f('san.ext'))
  // A client pair from the same CA, for registries that demand one.
  await signed('client', 'btp-client')
  return {
    ca: f('ca.crt'),
    certificate: f('server.cert'),
    key: f('server.key'),
    client: { cert: f('client.cert'), key: f('client.key') }
  }
}

/**
 * The manifest a registry serves for a tag, read with fetch and hashed: for names skopeo's reference parser
 * cannot take (IPv6 hosts; host/path longer than 255).
 */
export async function servedManifest(
  host: string,
  image: string,
  tag: string
): Promise<{ status: number; digest?: string }> {
  const res = await fetch(`http://${host}/v2/${image}/manifests/${tag}`, {
    headers: { Accept: MANIFEST_TYPES.join(', ') }
  })
  const body = Buffer.from(await res.arrayBuffer())
  if (res.status !== 200) return { status: res.status }
  return { status: 200, digest: `sha256:${createHash('sha256').update(body).digest('hex')}` }
}
