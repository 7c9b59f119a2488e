// `sources` on a bad network: the copy path between registries under the fault proxy (a 503 on
// a blob upload is retried, a 401 is not), and a source registry that redirects blob reads to storage on
// another host, which must never see the source's Authorization. The committed bundle, either engine.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, expectSucceeded, runAction } from '../helpers/action.js'
import { makeContext, requireDocker } from '../helpers/docker.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import { startRedirectProxy, type RedirectProxy } from '../helpers/redirect-proxy.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

let source: TestRegistry
let target: TestRegistry
let proxy: FaultProxy | undefined
let redirect: RedirectProxy | undefined
const id = `${process.pid}${randomBytes(3).toString('hex')}`
const image = `faults/app-${id}`
let seed: string
let n = 0
const fresh = () => `dst/app-${id}-${++n}`

beforeAll(async () => {
  await requireDocker()
  ;[source, target] = await Promise.all([startRegistry(), startRegistry()])
  const ctx = await makeContext({
    Dockerfile: 'FROM scratch\nCOPY data.bin /data.bin\n',
    'data.bin': randomBytes(256 * 1024).toString('base64')
  })
  const run = await runAction({ context: ctx, image, registry: source.host, tags: 'seed' })
  expectSucceeded(run)
  seed = run.outputs.digest
}, 120_000)

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop(), proxy?.stop(), redirect?.stop()])
})

const uploads = (p: FaultProxy) => p.log.filter(e => e.method === 'PUT' && /\/blobs\/uploads\//.test(e.path))
const digestOf = (path: string) => new URL(path, 'http://x').searchParams.get('digest')

describe('the fault proxy on the copy path (target behind it)', () => {
  it('a 503 on a blob upload is retried, and the promotion completes with the source digest', async () => {
    proxy = await startFaultProxy(target.host, {
      kind: 'status',
      status: 503,
      match: 'blob-upload',
      times: 1
    })
    const dst = fresh()
    const run = await runAction({
      image: dst,
      registry: proxy.host,
      sources: `${source.host}/${image}:seed`,
      tags: 'v1'
    })
    expectSucceeded(run)
    expect(run.outputs.digest).toBe(seed)
    expect((await inspectRaw(target.host, `${dst}:v1`)).digest).toBe(seed)
    const puts = uploads(proxy)
    const failed = puts.filter(e => e.fault === 'status-503')
    expect(failed).toHaveLength(1)
    // The same blob went again, in a new upload session, and was taken.
    const again = puts.filter(e => digestOf(e.path) === digestOf(failed[0].path) && e.status === 201)
    expect(again).toHaveLength(1)
    expect(run.log).toMatch(
      /::warning::copy of sha256:[0-9a-f]{64} to .* failed \(attempt 1 of 3\), retrying/
    )
    await proxy.stop()
    proxy = undefined
  }, 60_000)

  it('a 401 on a blob upload is not retried: one error line, and the tag is never written', async () => {
    proxy = await startFaultProxy(target.host, { kind: 'status', status: 401, match: 'blob-upload' })
    const dst = fresh()
    const run = await runAction({
      image: dst,
      registry: proxy.host,
      sources: `${source.host}/${image}:seed`,
      tags: 'v1'
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/blob upload PUT .* failed with HTTP 401/)
    expect(run.log).not.toMatch(/retrying/)
    const puts = uploads(proxy)
    expect(puts.length).toBeGreaterThan(0)
    const digests = puts.map(e => digestOf(e.path))
    expect(new Set(digests).size).toBe(digests.length)
    expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
    await proxy.stop()
    proxy = undefined
  }, 60_000)
})

describe('several targets', () => {
  it('a second target that refuses every write fails the step before any tag moves on the first', async () => {
    const readonly = await startRegistry({ readonly: true })
    try {
      const dst = fresh()
      const run = await runAction({
        images: `${target.host}/${dst}\n${readonly.host}/${dst}`,
        sources: `${source.host}/${image}:seed`,
        tags: 'v1'
      })
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(readonly.host)
      // The healthy target holds what was placed, but no tag: both are placed first, then both tagged.
      expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
    } finally {
      await readonly.stop()
    }
  }, 60_000)
})

describe('a source that redirects blob reads to storage on another host', () => {
  it('follows the 307, and no Authorization reaches the storage host', async () => {
    const creds = { username: 'reader', password: `pw-${randomBytes(8).toString('hex')}` }
    redirect = await startRedirectProxy(source.host, creds)
    // The source's credentials, as an earlier docker login (or registry-auth) leaves them.
    const config = await mkdtemp(join(tmpdir(), 'btp-config-'))
    try {
      const auth = Buffer.from(`${creds.username}:${creds.password}`).toString('base64')
      await writeFile(join(config, 'config.json'), JSON.stringify({ auths: { [redirect.host]: { auth } } }))
      const dst = fresh()
      const run = await runAction(
        { image: dst, registry: target.host, sources: `${redirect.host}/${image}:seed`, tags: 'v1' },
        { env: { DOCKER_CONFIG: config } }
      )
      expectSucceeded(run)
      expect(run.outputs.digest).toBe(seed)
      expect((await inspectRaw(target.host, `${dst}:v1`)).digest).toBe(seed)
      const blobGets = redirect.seen.filter(e => e.method === 'GET' && /\/blobs\/sha256:/.test(e.path))
      expect(blobGets.length).toBeGreaterThan(0)
      // Every blob GET the proxy redirected carried the source's Basic credentials…
      expect(blobGets.every(e => e.auth === 'Basic')).toBe(true)
      // …and the storage host served them all without ever being sent one.
      expect(redirect.storageSeen.length).toBe(blobGets.length)
      expect(redirect.storageSeen.filter(e => e.authorization !== undefined)).toEqual([])
    } finally {
      await rm(config, { recursive: true, force: true })
    }
  }, 60_000)
})
