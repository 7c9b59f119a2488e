// The build cache's round trip through a registry: cache-to, the RUN step's own records pruned from the
// engine's build cache, then cache-from. A file of its own that `npm test` runs alone, after the others
// (*.solo.e2e.test.ts): a prune lets BuildKit collect content, and another file's build on the same engine
// then fails at its export with "failed to solve: not found". CI saw that when this test pruned the whole
// cache, and once more after it pruned only its own records (a faults test's build, most likely while this
// prune ran beside it: nothing else on the engine prunes or deletes during a run).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { EXPECTED_BUILDER, runAction } from '../helpers/action.js'
import { expectVerified, runStep } from '../helpers/buildx-checks.js'
import { expectBuildxOnly } from '../helpers/buildx-only.js'
import { dockerOk, ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { tagExists } from '../helpers/skopeo.js'

let registry: TestRegistry
let base: string
let n = 0
/** A fresh repository per test. No "cache" in it: a cache-export error line must not match by accident. */
const repo = (name: string): string => `bxc/${name}-${process.pid}-${++n}`
const warnings = (log: string): string[] => log.split('\n').filter(l => l.startsWith('::warning::'))

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

if (EXPECTED_BUILDER === 'classic')
  it('classic engine: cache-from is an input error before any build', async () => {
    await expectBuildxOnly('cache-from', `type=registry,ref=${registry.host}/bxc/app:buildcache`)
  })
else
  describe('BuildKit engine: the registry cache', () => {
    /** Prunes the build cache records whose description names `text` (a RUN step's nonce); there must be one. */
    async function pruneRecordsOf(text: string): Promise<void> {
      const { stdout } = await dockerOk(['buildx', 'du', '--verbose'])
      const ids: string[] = []
      let id = ''
      for (const line of stdout.split('\n')) {
        if (line.startsWith('ID:')) id = line.slice(3).trim()
        else if (line.startsWith('Description:') && line.includes(text) && id) ids.push(id)
      }
      expect(ids).not.toEqual([])
      for (const record of ids) await dockerOk(['buildx', 'prune', '-af', '--filter', `id=${record}`])
    }

    // FROM the base under a name of its own, so that no other build shares the FROM vertex. BuildKit
    // merges identical vertices of concurrent builds on one engine, and when another build (a test file
    // running in parallel, FROM ${base}) has resolved that vertex afresh after the prune, the RUN step on
    // top of it is not matched against this build's --cache-from and runs again (CI saw it; a build FROM
    // the same image started between the prune and the second build makes it happen in most tries).
    // The alias is the same image, so the cache keys and the registry cache are unchanged.
    it('cache-to then, after its RUN step is pruned from the build cache, cache-from: the step is CACHED from the registry', async () => {
      const nonce = randomBytes(8).toString('hex')
      const alias = `btp-test/busybox-${nonce}:1`
      await dockerOk(['tag', base, alias])
      try {
        const ctx = await makeContext({
          Dockerfile: `FROM ${alias}\nRUN echo ${nonce} > /nonce && sleep 1\n`
        })
        const image = repo('regcache')
        const cacheRef = `${registry.host}/${image}:buildcache`
        const first = await runAction({
          context: ctx,
          image,
          registry: registry.host,
          tags: 'first',
          'cache-to': `type=registry,ref=${cacheRef},mode=max`
        })
        await expectVerified(first, registry.host, image, ['first'])
        expect(runStep(first.log, nonce).cached).toBe(false)
        expect(warnings(first.log)).toEqual([])
        expect(await tagExists(registry.host, `${image}:buildcache`)).toBe(true)

        // Nothing local left to hit: only the registry can make the step CACHED now. Only this step's
        // records go: an engine-wide prune races the other files' builds, which then fail with BuildKit's
        // "failed to solve: not found" (CI saw it).
        await pruneRecordsOf(nonce)

        const second = await runAction({
          context: ctx,
          image,
          registry: registry.host,
          tags: 'second',
          'cache-from': `type=registry,ref=${cacheRef}`
        })
        await expectVerified(second, registry.host, image, ['second'])
        // On a miss, what BuildKit said is the thing to read: show its progress lines.
        const progress = second.log.split('\n').filter(l => /^#\d+ /.test(l))
        expect(runStep(second.log, nonce).cached ? 'CACHED' : progress.join('\n')).toBe('CACHED')
      } finally {
        await dockerOk(['image', 'rm', alias])
      }
    }, 180_000)
  })
