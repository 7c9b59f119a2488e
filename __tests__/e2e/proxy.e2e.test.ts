// Behind a proxy, end to end (the committed bundle, a real registry, checked with skopeo): the registry is
// named by a host only the proxy resolves (registry.proxy.test), so a push and its verification succeed only
// through the proxy. It speaks TLS with a private CA and asks for a client certificate, both from
// /etc/docker/certs.d, which must hold through the CONNECT tunnel. An oci-archive source needs no docker
// engine. Also: the proxy's password is masked and printed nowhere else, a 407 ends in one error line with no
// retry, and NO_PROXY sends a registry around the proxy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI, errorLines, expectSucceeded, runAction } from '../helpers/action.js'
import { PROXIED_DOMAIN, startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js'
import { runCommand } from '../helpers/docker.js'
import { memoryImage, writeArchive, type MemoryImage } from '../helpers/hostile-source.js'
import { lanAddress, makeCertificates, startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

const PASSWORD = `pw-${randomBytes(8).toString('hex')}`
const id = `${process.pid}${randomBytes(3).toString('hex')}`
const image = `proxy/app-${id}`

let registry: TestRegistry
/** The registry by a name only the proxies resolve. */
let named: string
let open: ConnectProxy
let guarded: ConnectProxy
let work: string
let archive: string
let pushed: MemoryImage
const trustDirs: string[] = []

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'btp-proxy-'))
  const address = lanAddress()
  const tls = await makeCertificates(work, address, [`registry.${PROXIED_DOMAIN}`])
  registry = await startRegistry({ address, tls: { ...tls, clientCas: [tls.ca] } })
  named = `registry.${PROXIED_DOMAIN}:${registry.port}`
  // Where dockerd (and skopeo) look for this registry's CA and client pair, under both its names.
  for (const host of [named, registry.host]) {
    const dir = join('/etc/docker/certs.d', host)
    await mkdir(dir, { recursive: true })
    trustDirs.push(dir)
    await copyFile(tls.ca, join(dir, 'ca.crt'))
    await copyFile(tls.client.cert, join(dir, 'client.cert'))
    await copyFile(tls.client.key, join(dir, 'client.key'))
  }
  open = await startConnectProxy({ upstream: address })
  guarded = await startConnectProxy({
    upstream: address,
    credentials: { username: 'proxy-user', password: PASSWORD }
  })
  pushed = memoryImage()
  archive = await writeArchive(work, pushed)
}, 120_000)

afterAll(async () => {
  for (const dir of trustDirs) await rm(dir, { recursive: true, force: true })
  await open?.stop()
  await guarded?.stop()
  await registry?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

/** The action pushing the archive to `registry` as `tag`, with `env` beside the step's (no docker engine). */
const pushArchive = (host: string, tag: string, env: NodeJS.ProcessEnv) =>
  runAction(
    { image, registry: host, sources: `oci-archive:${archive}`, tags: tag },
    { env: { DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}`, ...env } }
  )

/** Lines of `text` holding `secret` other than the runner's mask commands. */
const leaks = (text: string, secret: string): string[] =>
  text.split('\n').filter(l => l.includes(secret) && !l.startsWith('::add-mask::'))

const connectsTo = (proxy: ConnectProxy, host: string) =>
  proxy.seen.filter(s => s.method === 'CONNECT' && s.target === host)

describe('a registry reached only through a proxy', () => {
  it('the action pushes and verifies through HTTPS_PROXY with credentials, which it masks and prints nowhere', async () => {
    const before = guarded.seen.length
    const run = await pushArchive(named, 'via-action', {
      HTTPS_PROXY: `http://proxy-user:${PASSWORD}@127.0.0.1:${guarded.port}`
    })
    expectSucceeded(run)
    const served = await inspectRaw(registry.host, `${image}:via-action`)
    expect(served.digest).toBe(pushed.manifest.digest)
    expect(run.outputs.digest).toBe(served.digest)
    // Every request went through the tunnel, each with the proxy's credentials.
    const seen = guarded.seen.slice(before)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every(s => s.method === 'CONNECT' && s.target === named && s.status === 200)).toBe(true)
    // Masked before anything ran, and in no other line of the step's output.
    expect(run.stdout.split('\n')).toContain(`::add-mask::${PASSWORD}`)
    expect(leaks(run.log, PASSWORD)).toEqual([])
  }, 120_000)

  it('the CLI does the same through https_proxy', async () => {
    const before = connectsTo(open, named).length
    const r = await runCommand(
      process.execPath,
      [
        CLI,
        '--registry',
        named,
        '--image',
        image,
        '--json',
        '--source',
        `oci-archive:${archive}`,
        '--tag',
        'via-cli'
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: work,
          DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}`,
          https_proxy: open.url
        }
      }
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).digest).toBe(pushed.manifest.digest)
    expect((await inspectRaw(registry.host, `${image}:via-cli`)).digest).toBe(pushed.manifest.digest)
    expect(connectsTo(open, named).length).toBeGreaterThan(before)
  }, 120_000)

  it('a proxy that refuses the credentials (407): one error line naming the proxy and the registry, not retried', async () => {
    const wrong = `${PASSWORD}-wrong`
    const before = guarded.seen.length
    const run = await pushArchive(named, 'refused', {
      HTTPS_PROXY: `http://proxy-user:${wrong}@127.0.0.1:${guarded.port}`
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`https://${named}/v2/`)
    expect(errors[0]).toContain(
      `the proxy http://127.0.0.1:${guarded.port} (HTTPS_PROXY) refused the credentials in HTTPS_PROXY (HTTP 407)`
    )
    // One CONNECT, refused: a 407 is no reason to try again.
    expect(guarded.seen.slice(before).map(s => s.status)).toEqual([407])
    expect(run.log).not.toMatch(/retrying/)
    expect(leaks(run.log, wrong)).toEqual([])
    expect(await tagExists(registry.host, `${image}:refused`)).toBe(false)
  }, 120_000)

  it('a proxy that answers CONNECT and then stalls: one error line naming the proxy, within the deadlines', async () => {
    const stalled = await startConnectProxy({ upstream: lanAddress(), stall: true })
    try {
      const started = Date.now()
      const run = await pushArchive(named, 'stalled', {
        HTTPS_PROXY: stalled.url,
        BTP_REQUEST_TIMEOUT_MS: '1000',
        INPUT_RETRIES: '2'
      })
      expect(run.code).toBe(1)
      // Two attempts of at most two deadlines each, and the backoff between them.
      expect(Date.now() - started).toBeLessThan(15_000)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`https://${named}/v2/`)
      expect(errors[0]).toContain(`through the proxy ${stalled.url} (HTTPS_PROXY)`)
      expect(errors[0]).toContain('no connection within 1000 ms')
      expect(stalled.seen.map(s => s.method)).toEqual(['CONNECT', 'CONNECT'])
    } finally {
      await stalled.stop()
    }
  }, 120_000)

  it('NO_PROXY sends one registry around the proxy while the other goes through it (a promotion)', async () => {
    // Pushed beside the action, straight to the registry (skopeo reads the same certs.d).
    const seeded = await runCommand('skopeo', [
      'copy',
      '--quiet',
      '--dest-no-creds',
      `oci-archive:${archive}`,
      `docker://${registry.host}/${image}:seed`
    ])
    expect(seeded.stderr).toBe('')
    const before = open.seen.length
    // The source by the name only the proxy resolves; the target by its address, listed in NO_PROXY.
    const run = await runAction(
      { image, registry: registry.host, sources: `${named}/${image}:seed`, tags: 'promoted' },
      {
        env: {
          DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}`,
          HTTPS_PROXY: open.url,
          NO_PROXY: `example.invalid,${registry.host.split(':')[0]}`
        }
      }
    )
    expectSucceeded(run)
    // Promoted byte for byte: whatever skopeo made of the archive.
    const seed = await inspectRaw(registry.host, `${image}:seed`)
    expect((await inspectRaw(registry.host, `${image}:promoted`)).digest).toBe(seed.digest)
    expect(run.outputs.digest).toBe(seed.digest)
    const targets = new Set(open.seen.slice(before).map(s => s.target))
    expect([...targets]).toEqual([named])
  }, 120_000)
})
