// metadata-action's tag rules end to end: the committed bundle runs on one of the project's event fixtures
// (__fixtures__/events), pushes to a real registry, and skopeo, not our code,
// says which tags exist and which labels the image carries.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import { dockerOk, makeContext, removeLater, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, listTags, remoteLabels, tagExists } from '../helpers/skopeo.js'
import { eventEnv, SHAS } from '../helpers/events.js'
import { cleanUp, serve } from '../helpers/stand-in.js'

const RUNNER_VARS = [
  'GITHUB_ACTIONS',
  'GITHUB_EVENT_NAME',
  'GITHUB_REF',
  'GITHUB_SHA',
  'GITHUB_REPOSITORY',
  'GITHUB_SERVER_URL'
]

let registry: TestRegistry
let n = 0
const temps: string[] = []
const untagged: string[] = []
const repo = (name: string): string => `tags/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  registry = await startRegistry()
})

afterEach(cleanUp)

afterAll(async () => {
  await registry?.stop()
  // Untagged builds of this file, by their own IDs (nothing else names them).
  await removeLater(untagged)
  for (const dir of temps) await rm(dir, { recursive: true, force: true })
})

/** The runner's variables of a fixture, with its payload copied where GITHUB_EVENT_PATH points. */
async function fixtureEnv(name: string, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const vars = eventEnv(name)
  const env: NodeJS.ProcessEnv = Object.fromEntries(RUNNER_VARS.map(key => [key, vars[key]]))
  const dir = await mkdtemp(join(tmpdir(), 'btp-tags-event-'))
  temps.push(dir)
  env.GITHUB_EVENT_PATH = join(dir, 'event.json')
  await copyFile(vars.GITHUB_EVENT_PATH, env.GITHUB_EVENT_PATH)
  return { ...env, ...extra }
}

/**
 * Content of its own for every build: on the classic engine a build that reuses another file's cached step
 * fails ("unable to find image") when that file removes its images meanwhile.
 */
async function context(): Promise<string> {
  const dir = await makeContext({
    Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
    'hello.txt': `tags ${randomBytes(6).toString('hex')}\n`
  })
  temps.push(dir)
  return dir
}

async function run(inputs: Record<string, string>, env: NodeJS.ProcessEnv): Promise<ActionRun> {
  return runAction({ context: await context(), registry: registry.host, ...inputs }, { env })
}

const sorted = (xs: string[]): string[] => [...xs].sort()

describe('tag rules on the event fixtures, checked in the registry', () => {
  it('push of tag v2.4.1: semver rules, a sha rule and flavor; outputs as metadata-action writes them', async () => {
    const image = repo('semver')
    const result = await run(
      {
        image,
        tags: [
          'type=semver,pattern={{version}}',
          'type=semver,pattern={{major}}.{{minor}}',
          'type=semver,pattern={{major}}',
          'type=sha'
        ].join('\n'),
        flavor: 'suffix=-x,onlatest=true',
        'sep-tags': ','
      },
      await fixtureEnv('push-tag')
    )
    expectSucceeded(result)
    const tags = ['2.4.1-x', '2.4-x', '2-x', 'sha-c8e1f4a-x', 'latest-x']
    expect(sorted(await listTags(registry.host, image))).toEqual(sorted(tags))
    for (const tag of tags)
      expect((await inspectRaw(registry.host, `${image}:${tag}`)).digest).toBe(result.outputs.digest)
    expect(result.outputs.tags).toBe(tags.map(t => `${registry.host}/${image}:${t}`).join(','))
    expect(result.outputs.version).toBe('2.4.1-x')
    expect(result.outputs['tag-names']).toBe(tags.join(','))
    // metadata-action's outputs also reach later steps as DOCKER_METADATA_OUTPUT_<NAME>
    expect(result.exported.DOCKER_METADATA_OUTPUT_TAG_NAMES).toBe(tags.join(','))
    expect(result.exported.DOCKER_METADATA_OUTPUT_VERSION).toBe('2.4.1-x')
    expect(result.exported.DOCKER_METADATA_OUTPUT_TAGS).toBe(result.outputs.tags)
    expect(result.exported.DOCKER_METADATA_OUTPUT_LABELS).toBe(result.outputs.labels)
    expect(result.exported.DOCKER_METADATA_OUTPUT_ANNOTATIONS).toBe(result.outputs.annotations)
    expect(result.exported.DOCKER_METADATA_OUTPUT_JSON).toBe(result.outputs.json)
    expect(result.log).toContain(`Tags from the rules: ${tags.join(', ')}`)

    const labels = await remoteLabels(registry.host, `${image}:2.4.1-x`)
    expect(labels['org.opencontainers.image.version']).toBe('2.4.1-x')
    expect(labels['org.opencontainers.image.revision']).toBe('c8e1f4a2d7b05936e1c8a4f2d0b7e5c3a9f6d104')
    expect(result.outputs.labels.split('\n')).toContain('org.opencontainers.image.version=2.4.1-x')
    expect(result.outputs.annotations.split('\n')).toContain(
      'manifest:org.opencontainers.image.version=2.4.1-x'
    )
    const json = JSON.parse(result.outputs.json)
    expect(json.tags).toEqual(tags.map(t => `${registry.host}/${image}:${t}`))
    expect(json.labels['org.opencontainers.image.revision']).toBe('c8e1f4a2d7b05936e1c8a4f2d0b7e5c3a9f6d104')
  })

  it('pull_request: the pr and sha rules, the sha being GITHUB_SHA (the merge commit)', async () => {
    const image = repo('pr')
    const result = await run(
      { image, tags: 'type=ref,event=pr\ntype=sha\ntype=ref,event=branch' },
      await fixtureEnv('pull-request', { DOCKER_METADATA_SET_OUTPUT_ENV: 'false' })
    )
    expectSucceeded(result)
    // DOCKER_METADATA_SET_OUTPUT_ENV=false: the outputs only
    expect(Object.keys(result.exported).filter(k => k.startsWith('DOCKER_METADATA_OUTPUT_'))).toEqual([])
    expect(result.outputs['tag-names']).toBe('pr-27\nsha-e3b9a7d')
    expect(sorted(await listTags(registry.host, image))).toEqual(['pr-27', 'sha-e3b9a7d'])
    const labels = await remoteLabels(registry.host, `${image}:pr-27`)
    expect(labels['org.opencontainers.image.revision']).toBe('e3b9a7d15c2f08e4b6a1d9c3f7e5b0a2d8c4f691')
  })

  it('full references in tags stand in for image and registry', async () => {
    const image = repo('refs')
    const result = await run(
      { registry: '', tags: `${registry.host}/${image}:1.0, ${registry.host}/${image}:stable` },
      await fixtureEnv('push-develop')
    )
    expectSucceeded(result)
    expect(sorted(await listTags(registry.host, image))).toEqual(['1.0', 'stable'])
    expect(result.outputs['image-ref']).toBe(`${registry.host}/${image}@${result.outputs.digest}`)
    // no rules: this step does not stand in for metadata-action, so it exports nothing of its
    expect(Object.keys(result.exported).filter(k => k.startsWith('DOCKER_METADATA_OUTPUT_'))).toEqual([])
  })

  it("images in metadata-action's form: a bare name followed by attributes, one image disabled", async () => {
    const [a, b] = [repo('images-a'), repo('images-b')]
    const result = await run(
      {
        registry: '',
        images: `${registry.host}/${a},enable=true\n${registry.host}/${b},enable=false`,
        tags: 'type=ref,event=branch'
      },
      await fixtureEnv('push-develop')
    )
    expectSucceeded(result)
    expect(await listTags(registry.host, a)).toEqual(['develop'])
    expect(await tagExists(registry.host, `${b}:develop`)).toBe(false)
    expect(result.outputs['tag-names']).toBe('develop')
  })

  it("metadata-action's tags output for two images: both images get the tags", async () => {
    const [a, b] = [repo('refs-a'), repo('refs-b')]
    const refs = [
      `${registry.host}/${a}:1.0`,
      `${registry.host}/${a}:stable`,
      `${registry.host}/${b}:1.0`,
      `${registry.host}/${b}:stable`
    ]
    const result = await run({ registry: '', tags: refs.join('\n') }, await fixtureEnv('push-develop'))
    expectSucceeded(result)
    for (const image of [a, b]) {
      expect(sorted(await listTags(registry.host, image))).toEqual(['1.0', 'stable'])
      expect((await inspectRaw(registry.host, `${image}:stable`)).digest).toBe(result.outputs.digest)
    }
  })
})

describe("this run's metadata in the build, as metadata-action's recipe passes it", () => {
  // `steps.<id>.outputs.version` cannot reach the step's own inputs: a build-arg NAME alone reads the
  // DOCKER_METADATA_OUTPUT_* variables this run sets in the build's environment, values never in argv.
  it('build-args DOCKER_METADATA_OUTPUT_VERSION alone: the build gets the version this run computed', async () => {
    const image = repo('meta-arg')
    const dir = await makeContext({
      Dockerfile: [
        'FROM scratch',
        'ARG DOCKER_METADATA_OUTPUT_VERSION',
        'ARG DOCKER_METADATA_OUTPUT_TAG_NAMES',
        'LABEL built.version=$DOCKER_METADATA_OUTPUT_VERSION built.tags=$DOCKER_METADATA_OUTPUT_TAG_NAMES',
        'COPY hello.txt /hello.txt',
        ''
      ].join('\n'),
      'hello.txt': `meta ${randomBytes(6).toString('hex')}\n`
    })
    temps.push(dir)
    const result = await runAction(
      {
        context: dir,
        registry: registry.host,
        image,
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}',
        'sep-tags': ',',
        'build-args': 'DOCKER_METADATA_OUTPUT_VERSION\nDOCKER_METADATA_OUTPUT_TAG_NAMES'
      },
      // An earlier metadata-action step's value in the job's environment: this run's wins in the build.
      { env: await fixtureEnv('push-tag', { DOCKER_METADATA_OUTPUT_VERSION: 'stale' }) }
    )
    expectSucceeded(result)
    const labels = await remoteLabels(registry.host, `${image}:2.4.1`)
    expect(labels['built.version']).toBe('2.4.1')
    expect(labels['built.tags']).toBe('2.4.1,2.4,latest')
    expect(result.outputs.version).toBe('2.4.1')
    const command = result.log.split('\n').find(l => l.startsWith('[command]docker') && l.includes(' build'))!
    expect(command).toContain('--build-arg=DOCKER_METADATA_OUTPUT_VERSION ')
    expect(command).not.toContain('2.4.1,2.4')
  })
})

describe('what the event does not carry comes from the GitHub API, as metadata-action reads it', () => {
  const TOKEN = 'ghs_tagsStandIn0123456789abcdef01'
  /** A stand-in GitHub API on 127.0.0.1: the repository (default branch main) and the built commit. */
  const githubApi = () =>
    serve((req, res) => {
      const answers: Record<string, unknown> = {
        '/repos/acme/widget': { name: 'widget', full_name: 'acme/widget', default_branch: 'main' },
        [`/repos/acme/widget/commits/${SHAS.main}`]: {
          sha: SHAS.main,
          commit: { committer: { date: '2025-03-14T23:59:58+09:00' } }
        }
      }
      const body = req.headers.authorization === `token ${TOKEN}` ? answers[req.url] : undefined
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body ?? { message: 'Not Found' }))
    })

  it("schedule: type=edge on the repository's default branch, and {{commit_date}} from the commit", async () => {
    const api = await githubApi()
    const image = repo('schedule')
    const result = await run(
      {
        image,
        tags: "type=edge\ntype=raw,value=built-{{commit_date 'YYYYMMDD-HHmmss'}}",
        'github-token': TOKEN
      },
      await fixtureEnv('schedule', { GITHUB_API_URL: `http://${api.host}` })
    )
    expectSucceeded(result)
    expect(sorted(await listTags(registry.host, image))).toEqual(['built-20250314-145958', 'edge'])
    expect(api.seen.map(s => s.url).sort()).toEqual(
      ['/repos/acme/widget', `/repos/acme/widget/commits/${SHAS.main}`].sort()
    )
  })

  it('schedule: type=edge alone tags the default branch the API names (no input error before asking)', async () => {
    const api = await githubApi()
    const image = repo('edge')
    const result = await run(
      { image, tags: 'type=edge', 'github-token': TOKEN },
      await fixtureEnv('schedule', { GITHUB_API_URL: `http://${api.host}` })
    )
    expectSucceeded(result)
    expect(await listTags(registry.host, image)).toEqual(['edge'])
  })
})

describe('rules that yield no tag for this event', () => {
  const rules = 'type=ref,event=tag\ntype=ref,event=pr'

  it('with push: an input error naming the rules, before any build; nothing pushed', async () => {
    const image = repo('none')
    const result = await run({ image, tags: rules }, await fixtureEnv('push-develop'))
    expect(result.code).not.toBe(0)
    const errors = errorLines(result.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      'Invalid input "tags": no rule yields a tag for this event (push on refs/heads/develop)'
    )
    expect(errors[0]).toContain('"type=ref,event=tag", "type=ref,event=pr"')
    expect(result.log).not.toContain('::group::Build')
    expect(await tagExists(registry.host, `${image}:develop`)).toBe(false)
  })

  it('with push: false, the image is built untagged and imageid is its ID', async () => {
    const image = repo('untagged')
    const result = await run({ image, tags: rules, push: 'false' }, await fixtureEnv('push-develop'))
    expectSucceeded(result)
    const id = result.outputs.imageid
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/)
    untagged.push(id)
    expect(result.outputs.tags).toBe('')
    expect(result.outputs.digest).toBe('')
    // The engine has the image, and no name points at it.
    const repoTags = await dockerOk(['image', 'inspect', '--format', '{{json .RepoTags}}', id])
    expect(JSON.parse(repoTags.stdout)).toEqual([])
    // buildx without an output flag lets the driver decide whether the image is local: no ", untagged" then.
    expect(result.log).toMatch(new RegExp(`^Built ${id}(, untagged)?$`, 'm'))
    expect(result.log).not.toMatch(/^Built .*, tagged/m)
    expect(result.summary).toContain('_untagged_')
  })
})
