// The push phase with docker: the first tag by `docker push`, the others through the registry API, and
// never another build's image under tags only this run names (two jobs on one engine, the shared first tag
// moved between the build and the push). The real race runs in e2e/race.e2e.test.ts.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { Docker, ImageInfo } from '../../src/docker/docker.js'
import { push } from '../../src/pipeline/push.js'
import type { Plan, Target } from '../../src/pipeline/plan.js'
import type { Manifest, RegistryClient } from '../../src/registry/api.js'
import { VerificationError } from '../../src/pipeline/verify.js'
import { DockerError } from '../../src/docker/errors.js'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { quietReporter } from '../helpers/reporter.js'
import { cancelAtFirstWait } from '../helpers/cancel.js'

const d = (c: string): string => `sha256:${c.repeat(64)}`
const OCI = 'application/vnd.oci.image.manifest.v1+json'

/** A manifest whose config is `config`, named by the digest of its bytes. */
function manifestOf(config: string): Manifest {
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI, config: { digest: config } }))
  return { digest: `sha256:${createHash('sha256').update(body).digest('hex')}`, mediaType: OCI, body }
}

const OURS = manifestOf(d('a'))
const THEIRS = manifestOf(d('b'))

const target: Target = {
  registry: 'localhost:5000',
  repository: 'localhost:5000/my/app',
  name: 'my/app',
  tags: ['shared', 'ours-only', 'sha-1'],
  refs: ['localhost:5000/my/app:shared', 'localhost:5000/my/app:ours-only', 'localhost:5000/my/app:sha-1']
}

const plan = { pushedBy: 'docker', targets: [target], build: { refs: target.refs } } as unknown as Plan

/** docker as it answers once the first tag names `pushed`; the registry holds both manifests. */
function world(pushed: Manifest) {
  const puts: string[] = []
  const dockerPushes: string[] = []
  const image: ImageInfo = { id: d('a'), repoDigests: [], size: 1024, platform: 'linux/amd64' }
  const docker = {
    push: async (ref: string) => {
      dockerPushes.push(ref)
      return pushed.digest
    },
    inspect: async () => image
  } as unknown as Docker
  const byDigest = new Map([OURS, THEIRS].map(m => [m.digest, m]))
  const client = {
    getManifest: async (_repo: string, reference: string) => byDigest.get(reference)!,
    putManifest: async (_repo: string, tag: string) => {
      puts.push(tag)
      return pushed.digest
    }
  } as unknown as RegistryClient
  const run = () =>
    push(
      makeInputs({ retries: 1 }),
      plan,
      { iid: d('a'), identity: [d('a')], metadata: {} },
      {
        docker,
        clients: new Map([[target.registry, client]]),
        reporter: quietReporter
      }
    )
  return { run, puts, dockerPushes }
}

describe('push with docker', () => {
  it("puts this run's manifest under the other tags through the registry API", async () => {
    const w = world(OURS)
    expect((await w.run()).digests).toEqual([OURS.digest])
    expect(w.puts).toEqual(['ours-only', 'sha-1'])
    expect(w.dockerPushes).toEqual([target.refs[0]])
  })

  it('another build took the first tag before docker pushed it: its image goes under no other tag', async () => {
    const w = world(THEIRS)
    const failed = await w.run().catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(VerificationError)
    expect((failed as Error).message).toContain('not the image this run built')
    expect((failed as Error).message).toContain('ours-only, sha-1 left as they were')
    expect(w.puts).toEqual([])
    expect(w.dockerPushes).toEqual([target.refs[0]])
  })

  it('one target failing stops the others: no push goes on, no tag is put, and the phase ends after them', async () => {
    const at = (registry: string): Target => ({
      ...target,
      registry,
      repository: `${registry}/my/app`,
      refs: target.tags.map(tag => `${registry}/my/app:${tag}`)
    })
    const [slow, bad] = [at('slow.example'), at('bad.example')]
    const events: string[] = []
    const docker = {
      push: (ref: string, _size: unknown, signal?: AbortSignal) => {
        if (ref === bad.refs[0]) return Promise.reject(new Error('unauthorized: authentication required'))
        // A push that takes long, unless the step stops it.
        return new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => resolve(OURS.digest), 2_000)
          signal?.addEventListener('abort', () => {
            clearTimeout(timer)
            events.push(`stopped ${ref}`)
            setTimeout(() => reject(new Error('stopped')), 50)
          })
        })
      },
      inspect: async () => ({ id: d('a'), repoDigests: [], size: 1, platform: 'linux/amd64' })
    } as unknown as Docker
    const client = {
      getManifest: async () => OURS,
      putManifest: async (_repo: string, tag: string) => void events.push(`put ${tag}`)
    } as unknown as RegistryClient
    const twoTargets = { ...plan, targets: [slow, bad] } as Plan
    const started = Date.now()
    const failed = await push(
      makeInputs({ retries: 1 }),
      twoTargets,
      { iid: d('a'), identity: [d('a')], metadata: {} },
      {
        docker,
        clients: new Map([
          [slow.registry, client],
          [bad.registry, client]
        ]),
        reporter: quietReporter
      }
    ).catch((error: unknown) => error)
    events.push('phase ended')
    expect((failed as Error).message).toMatch(/unauthorized/)
    expect(events).toEqual([`stopped ${slow.refs[0]}`, 'phase ended'])
    expect(Date.now() - started).toBeLessThan(1_500)
  })
})

describe('the push retry window', () => {
  afterEach(() => void jest.restoreAllMocks())

  it('opens when the first push fails: a push stopped after its 60 s stall window is still retried', async () => {
    let clock = 1_000_000
    jest.spyOn(Date, 'now').mockImplementation(() => clock)
    const attempts: number[] = []
    const docker = {
      push: async () => {
        attempts.push(clock)
        clock += 60_000 // the stall window passes before docker push is stopped
        if (attempts.length === 1)
          throw new DockerError('push', 143, '', {
            message: 'docker push stalled: no progress for 60 s',
            kind: 'transient'
          })
        return OURS.digest
      },
      inspect: async () => ({ id: d('a'), repoDigests: [], size: 1024, platform: 'linux/amd64' })
    } as unknown as Docker
    const one = { ...target, tags: ['v1'], refs: [`${target.repository}:v1`] }
    const result = await push(
      makeInputs({ retries: 5 }),
      { ...plan, targets: [one] } as Plan,
      { iid: d('a'), identity: [d('a')], metadata: {} },
      {
        docker,
        clients: new Map([[one.registry, {} as RegistryClient]]),
        reporter: quietReporter,
        sleep: async () => undefined
      }
    )
    expect(result.digests).toEqual([OURS.digest])
    expect(attempts).toEqual([1_000_000, 1_060_000])
  })
})

describe('a cancel during the push phase', () => {
  it('ends the wait before another docker push at once, with the cancel as the error', async () => {
    const cancel = cancelAtFirstWait()
    let pushes = 0
    const docker = {
      push: async () => {
        pushes++
        throw new DockerError('push', 1, 'received unexpected HTTP status: 502 Bad Gateway')
      },
      inspect: async () => ({ id: d('a'), repoDigests: [], size: 1024, platform: 'linux/amd64' })
    } as unknown as Docker
    const pending = push(
      makeInputs({ retries: 5 }),
      plan,
      { iid: d('a'), identity: [d('a')], metadata: {} },
      {
        docker,
        clients: new Map([[target.registry, {} as RegistryClient]]),
        reporter: quietReporter,
        cancelled: cancel.signal,
        sleep: cancel.sleep
      }
    )
    await expect(pending).rejects.toThrow('the run was cancelled (SIGINT)')
    expect(pushes).toBe(1)
    expect(cancel.waits).toHaveLength(1)
  })
})
