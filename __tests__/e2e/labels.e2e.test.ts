// The repository's metadata labels, read from a stand-in GitHub API on 127.0.0.1 that GITHUB_API_URL
// points at, in the pushed image's config; with buildx, the same OCI keys as annotations on the manifest and
// on the index. An API that is down costs one warning and the build goes on. The token is never logged.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { EXPECTED_BUILDER, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, remoteLabels } from '../helpers/skopeo.js'
import { cleanUp, serve, type TestServer } from '../helpers/stand-in.js'

const TOKEN = `ghs_${randomBytes(16).toString('hex')}`
const SHA = 'c0ffee' + '0'.repeat(34)
const OCI = 'org.opencontainers.image'
const REPO = {
  name: 'app',
  full_name: 'octo/app',
  description: `An app, described ${randomBytes(3).toString('hex')}`,
  html_url: 'https://github.example/octo/app',
  license: { key: 'apache-2.0', spdx_id: 'Apache-2.0' }
}

let base: string
let registry: TestRegistry
const contexts: string[] = []
let n = 0
const repo = (name: string): string => `labels/${name}-${process.pid}-${++n}`

/** A GitHub API under a GHE-style /api/v3 prefix; `answer` decides each response. */
const githubApi = (answer: 'ok' | 'down'): Promise<TestServer> =>
  serve((req, res) => {
    if (answer === 'down') {
      res.writeHead(503, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: 'Service Unavailable' }))
      return
    }
    if (req.url !== '/api/v3/repos/octo/app' || req.headers.authorization !== `token ${TOKEN}`) {
      res.writeHead(404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: 'Not Found' }))
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(REPO))
  })

/** What the runner sets on a push to main, with the API at `api`. */
const actionsEnv = (api: TestServer): NodeJS.ProcessEnv => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: SHA,
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: `http://${api.host}/api/v3`
})

async function build(
  image: string,
  api: TestServer,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const context = await makeContext({
    Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(6).toString('hex')} > /id\n`
  })
  contexts.push(context)
  const r = await runAction(
    { context, image, registry: registry.host, tags: 'v1', 'github-token': TOKEN, retries: '2', ...inputs },
    { env: actionsEnv(api) }
  )
  expectSucceeded(r)
  return r
}

/** Lines of the log that show the token outside the `::add-mask::` line that hides it. */
const tokenShown = (r: ActionRun): string[] =>
  r.log.split('\n').filter(l => l.includes(TOKEN) && l !== `::add-mask::${TOKEN}`)

const warnings = (r: ActionRun): string[] => r.log.split('\n').filter(l => l.startsWith('::warning'))

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterEach(cleanUp)

afterAll(async () => {
  await registry?.stop()
  await Promise.all(contexts.map(d => rm(d, { recursive: true, force: true })))
})

describe('labels from the repository', () => {
  it('title, description, url and licenses come from the API, beside source and revision; the token is masked and never shown', async () => {
    const api = await githubApi('ok')
    const image = repo('api')
    const r = await build(image, api)

    expect(api.seen.map(s => `${s.method} ${s.url}`)).toEqual(['GET /api/v3/repos/octo/app'])
    const labels = await remoteLabels(registry.host, `${image}:v1`)
    expect(labels).toMatchObject({
      [`${OCI}.title`]: 'app',
      [`${OCI}.description`]: REPO.description,
      [`${OCI}.url`]: REPO.html_url,
      [`${OCI}.licenses`]: 'Apache-2.0',
      [`${OCI}.source`]: 'https://github.example/octo/app',
      [`${OCI}.revision`]: SHA,
      [`${OCI}.version`]: 'v1'
    })
    expect(r.log).toContain(`::add-mask::${TOKEN}`)
    expect(tokenShown(r)).toEqual([])
    expect(`${r.stderr}\n${r.post?.stderr ?? ''}`).not.toContain(TOKEN)
    expect(warnings(r)).toEqual([])
  })

  it('with buildx the same OCI keys are annotations on the index and on the manifest; the labels input overrides both', async () => {
    const api = await githubApi('ok')
    const image = repo('annotations')
    const mine = 'my own description, with a comma'
    const r = await build(image, api, { labels: `${OCI}.description=${mine}` })
    const top = await inspectRaw(registry.host, `${image}:v1`)
    expect(top.digest).toBe(r.outputs.digest)
    expect((await remoteLabels(registry.host, `${image}:v1`))[`${OCI}.description`]).toBe(mine)

    if (EXPECTED_BUILDER === 'classic') {
      // The classic builder sets no annotations: a docker v2 manifest has nowhere to put them.
      expect(top.json.annotations).toBeUndefined()
      return
    }
    // buildx's default provenance makes an index here (the containerd store).
    expect(top.json.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const expected = {
      [`${OCI}.title`]: 'app',
      [`${OCI}.description`]: mine,
      [`${OCI}.url`]: REPO.html_url,
      [`${OCI}.licenses`]: 'Apache-2.0',
      [`${OCI}.source`]: 'https://github.example/octo/app',
      [`${OCI}.revision`]: SHA
    }
    expect(top.json.annotations).toMatchObject(expected)
    const image0 = (top.json.manifests as { digest: string; annotations?: Record<string, string> }[]).find(
      m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
    )!
    const manifest = await inspectRaw(registry.host, `${image}@${image0.digest}`)
    expect(manifest.json.annotations).toMatchObject(expected)
  })

  it("labels and annotations take metadata-action's expressions, and keep any other {{…}} as written; the annotations input overrides ours at each level", async () => {
    const api = await githubApi('ok')
    const image = repo('annotations-input')
    // The second line as metadata-action's labels output hands on a description holding a Helm template.
    const labels = `${OCI}.vendor={{branch}}-{{sha}}\norg.example.note=Render {{ .Values.x }} on {{branch}}`
    const expectLabels = async (r: ActionRun) => {
      expect(await remoteLabels(registry.host, `${image}:v1`)).toMatchObject({
        [`${OCI}.vendor`]: 'main-c0ffee0',
        'org.example.note': 'Render {{ .Values.x }} on main'
      })
      expect(r.log).toContain('::notice::the "labels" input keeps {{ .Values.x }} as written')
    }
    if (EXPECTED_BUILDER === 'classic') {
      const r = await build(image, api, { labels })
      expect(r.outputs.labels.split('\n')).toContain(`${OCI}.vendor=main-c0ffee0`)
      await expectLabels(r)
      return
    }
    const annotations = [`${OCI}.description=mine on {{branch}}`, 'index:org.example.team=core'].join('\n')
    const r = await build(image, api, { labels, annotations })
    await expectLabels(r)
    const top = await inspectRaw(registry.host, `${image}:v1`)
    expect(top.json.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    // GHCR shows the index's description: the user's, not the API's, on the index as on the manifest
    expect(top.json.annotations).toMatchObject({
      [`${OCI}.description`]: 'mine on main',
      [`${OCI}.vendor`]: 'main-c0ffee0',
      'org.example.team': 'core'
    })
    const image0 = (top.json.manifests as { digest: string; annotations?: Record<string, string> }[]).find(
      m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
    )!
    const manifest = await inspectRaw(registry.host, `${image}@${image0.digest}`)
    expect(manifest.json.annotations).toMatchObject({ [`${OCI}.description`]: 'mine on main' })
    expect(manifest.json.annotations).not.toHaveProperty('org.example.team')
    // the output says what the manifest holds (metadata-action's default level)
    expect(r.outputs.annotations.split('\n')).toContain(`manifest:${OCI}.description=mine on main`)
  })

  it('one platform without attestations (no index): the annotations go on the manifest, and the build does not fail', async () => {
    const api = await githubApi('ok')
    const image = repo('no-index')
    if (EXPECTED_BUILDER === 'classic') {
      // provenance is buildx-only: the classic path is covered above.
      await build(image, api)
      return
    }
    const r = await build(image, api, { provenance: 'false' })
    const top = await inspectRaw(registry.host, `${image}:v1`)
    expect(top.digest).toBe(r.outputs.digest)
    expect(top.json.manifests).toBeUndefined()
    expect(top.json.annotations).toMatchObject({
      [`${OCI}.title`]: 'app',
      [`${OCI}.description`]: REPO.description
    })
  })

  it('an API that is down: the usual retries, one warning, and the build goes on with the labels it has', async () => {
    const api = await githubApi('down')
    const image = repo('down')
    const r = await build(image, api)
    expect(api.seen).toHaveLength(2)
    expect(warnings(r)).toEqual([
      expect.stringMatching(/could not read the repository's metadata from the GitHub API/)
    ])
    const labels = await remoteLabels(registry.host, `${image}:v1`)
    expect(labels[`${OCI}.revision`]).toBe(SHA)
    expect(labels[`${OCI}.source`]).toBe('https://github.example/octo/app')
    expect(labels[`${OCI}.title`]).toBeUndefined()
    expect(labels[`${OCI}.description`]).toBeUndefined()
    expect(tokenShown(r)).toEqual([])
  })
})
