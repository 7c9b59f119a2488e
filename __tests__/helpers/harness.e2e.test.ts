import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeImagesUnder } from '../../scripts/images.mjs'
import { EXPECTED_BUILDER } from './action.js'
import {
  dockerCli,
  dockerOk,
  ensureBaseImage,
  makeContext,
  removeImages,
  removeImagesLater,
  requireDocker
} from './docker.js'
import { startRegistry, type TestRegistry } from './registry.js'
import { inspectRaw, listTags, tagExists } from './skopeo.js'

async function repoDigest(ref: string, repoPrefix: string): Promise<string> {
  const res = await dockerOk(['image', 'inspect', '--format', '{{json .RepoDigests}}', ref])
  const digests = JSON.parse(res.stdout) as string[]
  const match = digests.find(d => d.startsWith(`${repoPrefix}@`))
  if (!match) throw new Error(`no RepoDigest for ${repoPrefix} in ${res.stdout}`)
  return match.slice(repoPrefix.length + 1)
}

function pushedDigest(pushOutput: string): string {
  const m = /digest: (sha256:[0-9a-f]{64})/.exec(pushOutput)
  if (!m) throw new Error(`no digest in docker push output:\n${pushOutput}`)
  return m[1]
}

describe('e2e harness', () => {
  let base: string
  const registries: TestRegistry[] = []
  const tempDirs: string[] = []

  beforeAll(async () => {
    await requireDocker()
    base = await ensureBaseImage()
  })

  afterAll(async () => {
    for (const reg of registries) await removeImages(`${reg.host}/`)
    await Promise.all(registries.map(r => r.stop()))
    await Promise.all(tempDirs.map(d => rm(d, { recursive: true, force: true })))
  })

  it('builds the base image idempotently and runs sh in it', async () => {
    expect(await ensureBaseImage()).toBe(base)
    const res = await dockerOk(['run', '--rm', base, 'sh', '-c', 'echo ok'])
    expect(res.stdout.trim()).toBe('ok')
  })

  it('makeContext writes nested files and rejects escaping paths', async () => {
    const dir = await makeContext({ Dockerfile: 'FROM scratch\n', 'a/b/c.txt': 'hi' })
    tempDirs.push(dir)
    expect(await readFile(join(dir, 'a/b/c.txt'), 'utf8')).toBe('hi')
    await expect(makeContext({ '../x': 'no' })).rejects.toThrow(/escapes/)
  })

  it('pushes to a plain registry and skopeo sees the same digest', async () => {
    const reg = await startRegistry()
    registries.push(reg)
    const repo = 'btp/harness'
    const ref = `${reg.host}/${repo}:plain`

    expect(await tagExists(reg.host, `${repo}:plain`)).toBe(false)
    await dockerOk(['tag', base, ref])
    const push = await dockerOk(['push', ref])

    expect(await listTags(reg.host, repo)).toEqual(['plain'])
    expect(await tagExists(reg.host, `${repo}:plain`)).toBe(true)
    expect(await tagExists(reg.host, `${repo}:other`)).toBe(false)

    const raw = await inspectRaw(reg.host, `${repo}:plain`)
    expect(raw.digest).toBe(await repoDigest(ref, `${reg.host}/${repo}`))
    expect(raw.digest).toBe(pushedDigest(push.stdout))
    expect(raw.json.schemaVersion).toBe(2)

    const byDigest = await inspectRaw(reg.host, `${repo}@${raw.digest}`)
    expect(byDigest.body.equals(raw.body)).toBe(true)
    expect(await tagExists(reg.host, `${repo}@${raw.digest}`)).toBe(true)
  })

  it('pushes to an htpasswd registry with an isolated DOCKER_CONFIG', async () => {
    const creds = { username: 'btp-user', password: 'btp-secret-pw' }
    const reg = await startRegistry({ auth: creds })
    registries.push(reg)
    const configDir = await mkdtemp(join(tmpdir(), 'btp-docker-config-'))
    tempDirs.push(configDir)
    const env = { ...process.env, DOCKER_CONFIG: configDir }
    const repo = 'btp/private'
    const ref = `${reg.host}/${repo}:auth`

    await dockerOk(['tag', base, ref])
    const denied = await dockerCli(['push', ref], { env })
    expect(denied.code).not.toBe(0)

    const bad = await dockerCli(['login', reg.host, '-u', creds.username, '--password-stdin'], {
      env,
      input: 'wrong-password'
    })
    expect(bad.code).not.toBe(0)
    await dockerOk(['login', reg.host, '-u', creds.username, '--password-stdin'], {
      env,
      input: creds.password
    })
    expect(await readFile(join(configDir, 'config.json'), 'utf8')).toContain(reg.host)

    const push = await dockerOk(['push', ref], { env })

    await expect(inspectRaw(reg.host, `${repo}:auth`)).rejects.toThrow(
      /unauthorized|authentication required/i
    )
    expect(await tagExists(reg.host, `${repo}:auth`, creds)).toBe(true)
    const raw = await inspectRaw(reg.host, `${repo}:auth`, creds)
    expect(raw.digest).toBe(await repoDigest(ref, `${reg.host}/${repo}`))
    expect(raw.digest).toBe(pushedDigest(push.stdout))
  })

  // The BuildKit engine scripts/engine-buildkit.sh sets up, which npm test's BuildKit leg runs on, outlives
  // the run, and every build of the suite leaves build-cache records of its own: unbounded, a day of runs
  // (8590 records) kept dockerd from answering within its own 10 s start-up deadline. Only that engine is
  // checked: a user's own engine keeps whatever GC policy its owner set.
  if (
    process.env.BTP_BUILDKIT_DOCKER_HOST &&
    process.env.DOCKER_HOST === process.env.BTP_BUILDKIT_DOCKER_HOST
  )
    it("the script's BuildKit engine bounds its build cache", async () => {
      const inspect = await dockerOk(['buildx', 'inspect'])
      const rules = inspect.stdout
        .split(/^GC Policy rule#\d+:$/m)
        .slice(1)
        .filter(r => /^\s*All:\s+true$/m.test(r))
        .map(r => ({ bytes: bytesOf(r), hours: hoursOf(r) }))
      // Records unused for an hour go, whatever their size; the rest is held to 1 GiB.
      expect(rules.some(r => r.hours !== undefined && r.hours <= 1.01 && r.bytes <= 2 ** 20)).toBe(true)
      expect(rules.some(r => r.hours === undefined && r.bytes <= 2 ** 30)).toBe(true)
    })

  // What a run removes must not leave the classic builder's intermediate images behind: they are untagged
  // parents, which `docker image rm --no-prune` keeps, and they piled up on the default engine run after
  // run (the containerd store keeps no such parents). The base is this test's own, removed with the run's
  // images, so that no other file's build looks up a cached step among images deleted here.
  if (EXPECTED_BUILDER === 'classic')
    it('removeImagesUnder takes the untagged parents of what it removes, and stops at a tagged image', async () => {
      const run = `${process.pid}-${Date.now()}`
      const base = `btp-prune-base-${run}/base:1`
      const app = `btp-prune-app-${run}/app:1`
      const classic = { env: { ...process.env, DOCKER_BUILDKIT: '0' } }
      const baseCtx = await makeContext({ Dockerfile: 'FROM scratch\nCOPY id /id\n', id: run })
      const appCtx = await makeContext({
        Dockerfile: `FROM ${base}\nCOPY a /a\nLABEL btp.run=${run}\n`,
        a: run
      })
      tempDirs.push(baseCtx, appCtx)
      await dockerOk(['build', '-q', '-t', base, baseCtx], classic)
      try {
        await dockerOk(['build', '-q', '-t', app, appCtx], classic)
        const parentOf = async (image: string) =>
          (await dockerOk(['image', 'inspect', '--format', '{{.Parent}}', image])).stdout.trim()
        const copyStep = await parentOf(app)
        const baseId = (await dockerOk(['image', 'inspect', '--format', '{{.Id}}', base])).stdout.trim()
        expect(await parentOf(copyStep)).toBe(baseId)

        await removeImagesUnder([`btp-prune-app-${run}/`])
        expect((await dockerCli(['image', 'inspect', app])).code).not.toBe(0)
        expect((await dockerCli(['image', 'inspect', copyStep])).code).not.toBe(0)
        expect((await dockerOk(['image', 'inspect', '--format', '{{.Id}}', base])).stdout.trim()).toBe(baseId)
      } finally {
        // After the run's builds under npm test; at once when jest runs alone.
        await removeImagesLater(`btp-prune-base-${run}/`)
      }
    })

  it('stop() kills the registry and removes its dir', async () => {
    const reg = await startRegistry()
    await reg.stop()
    await reg.stop()
    await expect(stat(reg.dir)).rejects.toThrow(/ENOENT/)
    await expect(fetch(`http://${reg.host}/v2/`)).rejects.toThrow()
  })
})

/** A GC rule's "Keep Bytes" as `docker buildx inspect` prints it (e.g. `1GiB`, `488.3MiB`). */
function bytesOf(rule: string): number {
  const m = /^\s*Keep Bytes:\s+([\d.]+)(B|KiB|MiB|GiB)$/m.exec(rule)
  if (!m) throw new Error(`no Keep Bytes in GC rule:\n${rule}`)
  return Number(m[1]) * 1024 ** ['B', 'KiB', 'MiB', 'GiB'].indexOf(m[2])
}

/** A GC rule's "Keep Duration" in hours (Go's duration text, e.g. `1h0m0.48s`, `48h0m0s`), if it has one. */
function hoursOf(rule: string): number | undefined {
  const m = /^\s*Keep Duration:\s+(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?$/m.exec(rule)
  if (!m) return undefined
  return Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600
}
