// Automatic tags and OCI labels from the git context, end to end: the committed action bundle
// runs with a GitHub-like environment and event payload, and skopeo reads back from the registry which
// tags exist and which labels the pushed image config carries.
import { testDir } from '../helpers/temp.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EXPECTED_BUILDER, runAction, type ActionRun, expectSucceeded } from '../helpers/action.js'
import { makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, listTags, remoteLabels } from '../helpers/skopeo.js'

const SOURCE = 'org.opencontainers.image.source'
const REVISION = 'org.opencontainers.image.revision'
const CREATED = 'org.opencontainers.image.created'
const VERSION = 'org.opencontainers.image.version'

const SERVER_URL = 'https://github.example.com'
const REPOSITORY = 'octo-org/hello-world'
/** GITHUB_SHA of pushes; on pull requests, the merge commit. */
const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d'
/** pull_request.head.sha: the commit the PR author pushed. */
const HEAD_SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432'
/** head_commit.timestamp with an offset, and the same instant in UTC as the label must carry it. */
const COMMIT_TIME = '2024-05-01T14:34:56+02:00'
const COMMIT_TIME_UTC = '2024-05-01T12:34:56Z'
const RFC3339_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/

let registry: TestRegistry
let n = 0
const temps: string[] = []
/** A fresh repository per build, so every tag list is exactly what one run pushed. */
const repo = (name: string): string => `ctx/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
  for (const dir of temps) await rm(dir, { recursive: true, force: true })
})

interface GitEvent {
  eventName: string
  ref: string
  sha?: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>
}

const repositoryPayload = { full_name: REPOSITORY, default_branch: 'main' }
const headCommit = { id: SHA, timestamp: COMMIT_TIME }
const push = (ref: string): GitEvent => ({
  eventName: 'push',
  ref,
  payload: { ref, after: SHA, repository: repositoryPayload, head_commit: headCommit }
})
const pullRequest: GitEvent = {
  eventName: 'pull_request',
  ref: 'refs/pull/42/merge',
  payload: {
    action: 'synchronize',
    number: 42,
    pull_request: { number: 42, head: { sha: HEAD_SHA, ref: 'feature/x' }, base: { ref: 'main' } },
    repository: repositoryPayload
  }
}

/** The variables the runner sets, with the event payload written to a file as the runner does. */
async function githubEnv(event: GitEvent, actions = true): Promise<NodeJS.ProcessEnv> {
  const dir = await testDir('btp-event-')
  temps.push(dir)
  const eventPath = join(dir, 'event.json')
  await writeFile(eventPath, JSON.stringify(event.payload))
  return {
    ...(actions ? { GITHUB_ACTIONS: 'true' } : {}),
    GITHUB_EVENT_NAME: event.eventName,
    GITHUB_REF: event.ref,
    GITHUB_SHA: event.sha ?? SHA,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_EVENT_PATH: eventPath
  }
}

/** A tiny FROM scratch image; the same content every time, so the engine's cache keeps builds fast. */
async function context(): Promise<string> {
  const dir = await makeContext({
    Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
    'hello.txt': 'hello\n'
  })
  temps.push(dir)
  return dir
}

async function build(
  image: string,
  env: NodeJS.ProcessEnv,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const run = await runAction(
    { context: await context(), image, registry: registry.host, tags: '', ...inputs },
    { env }
  )
  expectSucceeded(run)
  return run
}

const sorted = (xs: string[]): string[] => [...xs].sort()

interface Row {
  name: string
  event: GitEvent
  tags: string[]
  version: string
  /** The sha in the revision label and the sha- tag. */
  revision: string
  /** The created label; undefined: "now". */
  created?: string
  /** More variables for the step (DOCKER_METADATA_PR_HEAD_SHA). */
  env?: NodeJS.ProcessEnv
}

const rows: Row[] = [
  {
    name: 'push of semver tag v1.2.3',
    event: push('refs/tags/v1.2.3'),
    tags: ['1.2.3', '1.2', '1', 'latest', `sha-${SHA.slice(0, 7)}`],
    version: '1.2.3',
    revision: SHA,
    created: COMMIT_TIME_UTC
  },
  {
    name: 'push of semver tag without the v, 3.4.5',
    event: push('refs/tags/3.4.5'),
    tags: ['3.4.5', '3.4', '3', 'latest', `sha-${SHA.slice(0, 7)}`],
    version: '3.4.5',
    revision: SHA,
    created: COMMIT_TIME_UTC
  },
  {
    name: 'push of prerelease tag v2.0.0-rc.1',
    event: push('refs/tags/v2.0.0-rc.1'),
    tags: ['2.0.0-rc.1', `sha-${SHA.slice(0, 7)}`],
    version: '2.0.0-rc.1',
    revision: SHA,
    created: COMMIT_TIME_UTC
  },
  {
    name: 'push to the default branch',
    event: push('refs/heads/main'),
    tags: ['latest', 'main', `sha-${SHA.slice(0, 7)}`],
    version: 'main',
    revision: SHA,
    created: COMMIT_TIME_UTC
  },
  {
    name: 'push to another branch, feature/Login_page',
    event: push('refs/heads/feature/Login_page'),
    tags: ['feature-Login_page', `sha-${SHA.slice(0, 7)}`],
    version: 'feature-Login_page',
    revision: SHA,
    created: COMMIT_TIME_UTC
  },
  {
    name: 'pull_request #42 (sha is GITHUB_SHA, the merge commit, as metadata-action has it)',
    event: pullRequest,
    tags: ['pr-42', `sha-${SHA.slice(0, 7)}`],
    version: 'pr-42',
    revision: SHA
  },
  {
    name: 'pull_request #42 with DOCKER_METADATA_PR_HEAD_SHA=true (sha from pull_request.head.sha)',
    event: pullRequest,
    tags: ['pr-42', `sha-${HEAD_SHA.slice(0, 7)}`],
    version: 'pr-42',
    revision: HEAD_SHA,
    env: { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
  },
  {
    name: 'push of a tag that is not semver, release/2024.1',
    event: push('refs/tags/release/2024.1'),
    tags: ['release-2024.1', `sha-${SHA.slice(0, 7)}`],
    version: 'release-2024.1',
    revision: SHA,
    created: COMMIT_TIME_UTC
  }
]

describe('automatic tags and labels when the tags input is empty, checked in the registry', () => {
  it.each(rows)('$name', async row => {
    const image = repo('row')
    const before = Date.now()
    const run = await build(image, { ...(await githubEnv(row.event)), ...row.env })

    // Exactly the table's tags exist in the registry, all serving the digest the action reported.
    expect(sorted(await listTags(registry.host, image))).toEqual(sorted(row.tags))
    for (const tag of row.tags)
      expect((await inspectRaw(registry.host, `${image}:${tag}`)).digest).toBe(run.outputs.digest)
    expect(sorted(run.outputs.tags.split('\n'))).toEqual(
      sorted(row.tags.map(t => `${registry.host}/${image}:${t}`))
    )

    const labels = await remoteLabels(registry.host, `${image}:${row.tags[0]}`)
    expect(labels[SOURCE]).toBe(`${SERVER_URL}/${REPOSITORY}`)
    expect(labels[REVISION]).toBe(row.revision)
    expect(labels[VERSION]).toBe(row.version)
    expect(labels[CREATED]).toMatch(RFC3339_UTC)
    if (row.created) expect(labels[CREATED]).toBe(row.created)
    else {
      // No commit time in the event: "now", to the second.
      const created = Date.parse(labels[CREATED])
      expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
      expect(created).toBeLessThanOrEqual(Date.now())
    }
  })

  it('a rebuild of the same commit gives the same image: created is the commit time, not the build time', async () => {
    const first = await build(repo('again'), await githubEnv(push('refs/heads/main')))
    // Let the wall clock move on past a whole second, so that a "now" label would differ.
    await new Promise(r => setTimeout(r, 1100))
    const image = repo('again')
    const second = await build(image, await githubEnv(push('refs/heads/main')))
    expect((await remoteLabels(registry.host, `${image}:main`))[CREATED]).toBe(COMMIT_TIME_UTC)
    // The image manifest (config and layers) is the same...
    const platforms = JSON.parse(second.outputs['platform-digests']) as Record<string, string>
    expect(Object.keys(platforms).length).toBeGreaterThan(0)
    expect(platforms).toEqual(JSON.parse(first.outputs['platform-digests']))
    const served = await inspectRaw(registry.host, `${image}:main`)
    expect(served.digest).toBe(second.outputs.digest)
    // ...and so is the pushed digest, unless an attestation (BuildKit's default provenance, which records
    // the build's start and end times) rides along in an index.
    const attested = (served.json.manifests ?? []).some(
      (m: { annotations?: Record<string, string> }) =>
        m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
    )
    if (EXPECTED_BUILDER === 'classic') expect(attested).toBe(false)
    if (!attested) expect(second.outputs.digest).toBe(first.outputs.digest)
  })
})

describe('inputs over the automatic set', () => {
  it('the labels input overrides an automatic label and keeps the others', async () => {
    const image = repo('labels')
    await build(image, await githubEnv(push('refs/heads/feature/Login_page')), {
      labels: [`${VERSION}=custom-1`, `${SOURCE}=https://example.com/mirror`, 'com.example.team=core'].join(
        '\n'
      )
    })
    // The tags are still automatic.
    expect(sorted(await listTags(registry.host, image))).toEqual(
      sorted(['feature-Login_page', `sha-${SHA.slice(0, 7)}`])
    )
    const labels = await remoteLabels(registry.host, `${image}:feature-Login_page`)
    expect(labels[VERSION]).toBe('custom-1')
    expect(labels[SOURCE]).toBe('https://example.com/mirror')
    expect(labels['com.example.team']).toBe('core')
    expect(labels[REVISION]).toBe(SHA)
    expect(labels[CREATED]).toBe(COMMIT_TIME_UTC)
  })

  it('an explicit tags input replaces the automatic set', async () => {
    const image = repo('explicit')
    await build(image, await githubEnv(push('refs/tags/v1.2.3')), { tags: 'latest\nmine' })
    expect(sorted(await listTags(registry.host, image))).toEqual(['latest', 'mine'])
    const labels = await remoteLabels(registry.host, `${image}:mine`)
    expect(labels[SOURCE]).toBe(`${SERVER_URL}/${REPOSITORY}`)
    expect(labels[REVISION]).toBe(SHA)
    expect(labels[VERSION]).toBeDefined()
    expect(labels[VERSION]).not.toBe('latest')
  })

  it('outside GitHub Actions (no GITHUB_ACTIONS), only latest, whatever the other variables say', async () => {
    const image = repo('outside')
    const before = Date.now()
    await build(image, await githubEnv(push('refs/tags/v1.2.3'), false))
    expect(await listTags(registry.host, image)).toEqual(['latest'])
    const labels = await remoteLabels(registry.host, `${image}:latest`)
    expect(labels[VERSION]).toBeUndefined()
    expect(labels[CREATED]).toMatch(RFC3339_UTC)
    expect(Date.parse(labels[CREATED])).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
  })
})
