// `sources` end to end, the committed bundle against real registries, checked with skopeo: two
// legs build one platform each at the same time, a third run merges them by glob without building, and a
// fourth promotes the merged index to a second registry with basic auth. Bad input fails before anything
// is written, on either engine.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  errorLines,
  EXPECTED_BUILDER,
  expectSucceeded,
  runAction,
  type ActionRun
} from '../helpers/action.js'
import { makeContext, requireDocker, runCommand } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectConfig, inspectRaw, listTags, tagExists, type Creds } from '../helpers/skopeo.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const AUTH: Creds = { username: 'promoter', password: `pw-${randomBytes(8).toString('hex')}` }

let registry: TestRegistry
let production: TestRegistry
const id = `${process.pid}${randomBytes(3).toString('hex')}`
const image = `src/app-${id}`

beforeAll(async () => {
  await requireDocker()
  ;[registry, production] = await Promise.all([startRegistry(), startRegistry({ auth: AUTH })])
})

afterAll(async () => {
  await Promise.all([registry?.stop(), production?.stop()])
})

/** A FROM scratch image: nothing runs in the build, so an arm64 leg needs no emulation. */
const context = (text: string) =>
  makeContext({ Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n', 'hello.txt': `${text}\n` })

/** os/arch[/variant] → digest of an index's image manifests (attestations, unknown/unknown, left out). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw index JSON
function indexPlatforms(index: any): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of index.manifests ?? []) {
    const p = m.platform
    if (!p || p.os === 'unknown') continue
    out[[p.os, p.architecture, p.variant].filter(Boolean).join('/')] = m.digest
  }
  return out
}

/** The one error line of a failed run, and that it ran no docker build. */
function failedBeforeAnything(run: ActionRun): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  expect(run.log).not.toMatch(/\[command\]docker (?:buildx )?build/)
  return errors[0]
}

describe('bad input: one error line, nothing built, nothing written', () => {
  it('sources with platforms', async () => {
    const run = await runAction({
      image,
      registry: registry.host,
      sources: 'build-1-*',
      platforms: 'linux/amd64',
      tags: 'bad-platforms'
    })
    expect(failedBeforeAnything(run)).toContain(
      'Invalid input "platforms": cannot be used with the "sources" input'
    )
    expect(run.log).not.toContain('[command]docker')
    expect(await tagExists(registry.host, `${image}:bad-platforms`)).toBe(false)
  })

  it('a glob that matches nothing', async () => {
    const run = await runAction({ image, registry: registry.host, sources: `none-${id}-*`, tags: 'bad-glob' })
    expect(failedBeforeAnything(run)).toContain(
      `Invalid input "sources": "none-${id}-*" matches no tag in ${registry.host}/${image}`
    )
    expect(await tagExists(registry.host, `${image}:bad-glob`)).toBe(false)
  })

  it('a source that does not exist', async () => {
    const run = await runAction({
      image,
      registry: registry.host,
      sources: `missing-${id}`,
      tags: 'bad-missing'
    })
    expect(failedBeforeAnything(run)).toMatch(
      new RegExp(`Invalid input "sources": "missing-${id}": no such image in ${registry.host}/${image}.*404`)
    )
  })

  it('a source on a registry that asks for credentials nobody gave', async () => {
    const run = await runAction({
      image,
      registry: registry.host,
      sources: `${production.host}/prod/app:v1`,
      tags: 'bad-creds'
    })
    expect(failedBeforeAnything(run)).toMatch(
      new RegExp(
        `source "${production.host}/prod/app:v1": .*no credentials were found for ${production.host}`
      )
    )
    expect(await tagExists(registry.host, `${image}:bad-creds`)).toBe(false)
  })
})

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine: legs on their own "runners", merged by glob, promoted elsewhere', () => {
    let amd64: ActionRun
    let arm64: ActionRun
    let merged: ActionRun

    beforeAll(async () => {
      const [ctxA, ctxB] = await Promise.all([context('amd64 leg'), context('arm64 leg')])
      // At the same time, as two matrix legs would: default attestations on one, none on the other.
      ;[amd64, arm64] = await Promise.all([
        runAction({
          context: ctxA,
          image,
          registry: registry.host,
          tags: `build-${id}-amd64`,
          platforms: 'linux/amd64'
        }),
        runAction({
          context: ctxB,
          image,
          registry: registry.host,
          tags: `build-${id}-arm64`,
          platforms: 'linux/arm64',
          provenance: 'false'
        })
      ])
      expectSucceeded(amd64)
      expectSucceeded(arm64)
      merged = await runAction({
        image,
        registry: registry.host,
        sources: `# the legs of this run\nbuild-${id}-*`,
        tags: 'v1\nlatest',
        annotations: 'index:org.example.merged-by=btp-test'
      })
    }, 240_000)

    it('the merge holds both platform manifests with the digests each leg output, and builds nothing', async () => {
      expectSucceeded(merged)
      expect(merged.log).not.toMatch(/\[command\]docker (?:buildx )?build/)
      const served = await Promise.all(['v1', 'latest'].map(t => inspectRaw(registry.host, `${image}:${t}`)))
      for (const s of served) expect(s.digest).toBe(merged.outputs.digest)
      const index = served[0].json
      expect(index.mediaType).toBe(OCI_INDEX)
      expect(index.annotations['org.example.merged-by']).toBe('btp-test')
      // The outputs describe what was pushed: no label of ours (the configs are the legs'), and the
      // index's annotations at the index level.
      expect(merged.outputs.labels).toBe('')
      const annotations = merged.outputs.annotations.split('\n')
      expect(annotations).toContain('index:org.example.merged-by=btp-test')
      expect(annotations.sort()).toEqual(
        Object.entries(index.annotations)
          .map(([k, v]) => `index:${k}=${v}`)
          .sort()
      )
      expect(JSON.parse(merged.outputs.json).labels).toEqual({})
      const legs = {
        ...JSON.parse(amd64.outputs['platform-digests']),
        ...JSON.parse(arm64.outputs['platform-digests'])
      }
      expect(Object.keys(legs).sort()).toEqual(['linux/amd64', 'linux/arm64'])
      expect(indexPlatforms(index)).toEqual(legs)
      expect(JSON.parse(merged.outputs['platform-digests'])).toEqual(legs)
      expect(merged.outputs['image-ref']).toBe(`${registry.host}/${image}@${served[0].digest}`)
      const metadata = JSON.parse(merged.outputs.metadata)
      expect(metadata.builder).toBe('none')
      // Not one docker process: no build, no push, no login (none was asked for).
      expect(metadata.counts.docker).toBe(0)
      // Within one registry and repository: only manifests move.
      expect(metadata.counts.blobBytes).toBe(0)
      expect(metadata.counts.blobsCopied).toBe(0)
    })

    it('the amd64 leg’s attestation manifest stays, with its annotations, beside its image', async () => {
      const leg = await inspectRaw(registry.host, `${image}:build-${id}-amd64`)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw index JSON
      const attestation = leg.json.manifests.find((m: any) => m.platform?.os === 'unknown')
      expect(attestation.annotations['vnd.docker.reference.type']).toBe('attestation-manifest')
      const index = (await inspectRaw(registry.host, `${image}:v1`)).json
      expect(index.manifests).toContainEqual(attestation)
      expect(attestation.annotations['vnd.docker.reference.digest']).toBe(
        indexPlatforms(index)['linux/amd64']
      )
    })

    it('promotes the merged index to a second registry with basic auth: same digest, every platform copyable', async () => {
      const target = `prod/app-${id}`
      const run = await runAction({
        image: target,
        registry: production.host,
        username: AUTH.username,
        password: AUTH.password,
        // name:tag@digest, as docker takes it: the digest decides.
        sources: `${registry.host}/${image}:v1@${merged.outputs.digest}`,
        tags: 'release'
      })
      expectSucceeded(run)
      // Masked first (the runner hides it from then on), and never printed otherwise.
      const printed = run.log.split('\n').filter(l => !l.startsWith('::add-mask::'))
      expect(printed.join('\n')).not.toContain(AUTH.password)
      expect(run.outputs.digest).toBe(merged.outputs.digest)
      // Promoted byte for byte: nothing of ours is on it, and the outputs say so.
      expect(run.outputs.labels).toBe('')
      expect(run.outputs.annotations).toBe('')
      expect(JSON.parse(run.outputs.json)).toMatchObject({ labels: {}, annotations: [] })
      const served = await inspectRaw(production.host, `${target}:release`, AUTH)
      expect(served.digest).toBe(merged.outputs.digest)
      expect(await listTags(production.host, target, AUTH)).toEqual(['release'])
      expect(JSON.parse(run.outputs['platform-digests'])).toEqual(
        JSON.parse(merged.outputs['platform-digests'])
      )
      const metadata = JSON.parse(run.outputs.metadata)
      expect(metadata.counts.blobBytes).toBeGreaterThan(0)

      // Every blob of every platform is in the second registry: skopeo copies each platform out of it.
      for (const [platform, digest] of Object.entries(indexPlatforms(served.json))) {
        const dir = await mkdtemp(join(tmpdir(), 'btp-copy-'))
        try {
          const res = await runCommand('skopeo', [
            'copy',
            '--src-tls-verify=false',
            '--src-creds',
            `${AUTH.username}:${AUTH.password}`,
            `docker://${production.host}/${target}@${digest}`,
            `dir:${dir}`
          ])
          expect(res.stderr).toBe('')
          expect(res.code).toBe(0)
          expect((await readdir(dir)).length).toBeGreaterThanOrEqual(3)
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
        const config = await inspectConfig(production.host, `${target}@${digest}`, AUTH)
        expect(`${config.os}/${config.architecture}`).toBe(platform)
      }
    })

    it('a merge from another registry: the platform manifests and their blobs are copied into the target first', async () => {
      const target = `prod/merged-${id}`
      const run = await runAction({
        image: target,
        registry: production.host,
        username: AUTH.username,
        password: AUTH.password,
        sources: `${registry.host}/${image}:build-${id}-*`,
        tags: 'm1'
      })
      expectSucceeded(run)
      const served = await inspectRaw(production.host, `${target}:m1`, AUTH)
      expect(served.digest).toBe(run.outputs.digest)
      expect(indexPlatforms(served.json)).toEqual(JSON.parse(merged.outputs['platform-digests']))
      // Every entry, attestation manifests too, is there by digest, with its blobs.
      for (const m of served.json.manifests) {
        const child = await inspectRaw(production.host, `${target}@${m.digest}`, AUTH)
        expect(child.digest).toBe(m.digest)
      }
      expect(JSON.parse(run.outputs.metadata).counts.blobBytes).toBeGreaterThan(0)
    })

    it('a promotion within the registry mounts, and adds nothing: the same bytes under a new tag', async () => {
      const other = `src/other-${id}`
      const run = await runAction({
        image: other,
        registry: registry.host,
        sources: `${image}:v1`,
        tags: 'copy'
      })
      expectSucceeded(run)
      expect(run.outputs.digest).toBe(merged.outputs.digest)
      expect((await inspectRaw(registry.host, `${other}:copy`)).digest).toBe(merged.outputs.digest)
      const counts = JSON.parse(run.outputs.metadata).counts
      expect(counts.blobBytes).toBe(0)
      expect(counts.blobsMounted).toBeGreaterThan(0)
    })

    it('two sources with one platform: an error naming both, and nothing written', async () => {
      const ctx = await context('another amd64')
      const dup = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: `dup-${id}`,
        platforms: 'linux/amd64',
        provenance: 'false'
      })
      expectSucceeded(dup)
      const run = await runAction({
        image,
        registry: registry.host,
        sources: `build-${id}-amd64\ndup-${id}`,
        tags: 'bad-dup'
      })
      expect(failedBeforeAnything(run)).toContain(
        `Invalid input "sources": "build-${id}-amd64" and "dup-${id}" both hold linux/amd64`
      )
      expect(await tagExists(registry.host, `${image}:bad-dup`)).toBe(false)
    }, 120_000)
  })
