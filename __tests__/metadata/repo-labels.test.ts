// The repository's metadata labels: the mapping (a table), and the real Octokit against a stand-in GitHub
// API on 127.0.0.1 that GITHUB_API_URL points at (the GitHub Enterprise path prefix included).
import { afterEach, describe, expect, it } from '@jest/globals'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { GitContext } from '../../src/metadata/context.js'
import { defaultInputs } from '../../src/inputs/parse.js'
import { buildMetadata } from '../../src/metadata/build-metadata.js'
import {
  classified,
  repositoryLabels,
  type RepoMetadata,
  loadCommitDate,
  loadRepository,
  repositoryFacts
} from '../../src/metadata/repo-labels.js'
import type { Reporter } from '../../src/log/reporter.js'
import { cleanUp, serve } from '../helpers/stand-in.js'
import { cpuMs } from '../helpers/cpu-time.js'

afterEach(cleanUp)

const TOKEN = 'ghs_standInToken0123456789abcdef'
const TITLE = 'org.opencontainers.image.title'
const DESC = 'org.opencontainers.image.description'
const URL_ = 'org.opencontainers.image.url'
const LICENSES = 'org.opencontainers.image.licenses'

const REPO = {
  name: 'app',
  full_name: 'octo/app',
  description: 'An app, with a comma',
  html_url: 'https://github.example/octo/app',
  license: { key: 'mit', spdx_id: 'MIT' }
}

const ctx = (over: Partial<GitContext> = {}): GitContext => ({
  actions: true,
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: 'a'.repeat(40),
  serverUrl: 'https://github.example',
  repository: 'octo/app',
  payload: {},
  ...over
})

function recorder() {
  const events: string[] = []
  const reporter: Reporter = {
    info: m => events.push(`info ${m}`),
    notice: m => events.push(`notice ${m}`),
    warning: m => events.push(`warning ${m}`),
    debug: m => events.push(`debug ${m}`),
    setSecret: v => events.push(`secret ${v}`),
    group: (_n, fn) => fn()
  }
  return { events, reporter, warnings: () => events.filter(e => e.startsWith('warning ')) }
}

const noSleep = async () => {}

const loadRepositoryLabels = async (...a: Parameters<typeof loadRepository>) =>
  (await loadRepository(...a)).labels

describe('repositoryLabels', () => {
  const cases: [string, RepoMetadata, Record<string, string>][] = [
    [
      'every field',
      REPO,
      { [TITLE]: 'app', [DESC]: 'An app, with a comma', [URL_]: REPO.html_url, [LICENSES]: 'MIT' }
    ],
    [
      'no description, no license',
      { ...REPO, description: null, license: null },
      { [TITLE]: 'app', [URL_]: REPO.html_url }
    ],
    [
      'a blank description',
      { ...REPO, description: '  ' },
      { [TITLE]: 'app', [URL_]: REPO.html_url, [LICENSES]: 'MIT' }
    ],
    [
      'a license GitHub could not identify',
      { ...REPO, license: { spdx_id: 'NOASSERTION' } },
      { [TITLE]: 'app', [DESC]: REPO.description, [URL_]: REPO.html_url }
    ],
    [
      'an SPDX expression',
      { ...REPO, license: { spdx_id: 'Apache-2.0' } },
      { [TITLE]: 'app', [DESC]: REPO.description, [URL_]: REPO.html_url, [LICENSES]: 'Apache-2.0' }
    ],
    ['nothing', {}, {}],
    [
      'a description over several lines: one line',
      {
        ...REPO,
        description: 'first line\r\nsecond\n\n  third\u2028fourth ',
        license: { spdx_id: 'MIT\nX' }
      },
      {
        [TITLE]: 'app',
        [DESC]: 'first line second third fourth',
        [URL_]: REPO.html_url,
        [LICENSES]: 'MIT X'
      }
    ]
  ]
  it.each(cases)('%s', (_name, repo, expected) => {
    expect(repositoryLabels(repo)).toEqual(expected)
  })

  // The pattern before took about 1.2 s per 40 000 spaces (quadratic); the bound is far above one pass.
  it('takes time linear in a description, whatever its whitespace', () => {
    const ms = cpuMs(() => {
      const description = `a${' '.repeat(200_000)}b\n${'\t'.repeat(200_000)}`
      expect(repositoryLabels({ ...REPO, description })[DESC]).toBe(`a${' '.repeat(200_000)}b`)
    })
    expect(ms).toBeLessThan(1000)
  })
})

describe('classified', () => {
  const cases: [unknown, 'transient' | 'fatal'][] = [
    [Object.assign(new Error('Server Error'), { status: 500 }), 'transient'],
    [Object.assign(new Error('Bad Gateway'), { status: 502 }), 'transient'],
    [Object.assign(new Error('rate limited'), { status: 429 }), 'transient'],
    [Object.assign(new Error('Not Found'), { status: 404 }), 'fatal'],
    [Object.assign(new Error('Bad credentials'), { status: 401 }), 'fatal'],
    [Object.assign(new Error('Forbidden'), { status: 403 }), 'fatal'],
    [new Error('fetch failed'), 'transient']
  ]
  it.each(cases)('%s → %s', (error, kind) => {
    expect(classified(error).kind).toBe(kind)
  })
})

describe('loadRepository against a stand-in API', () => {
  it('reads GET /repos/{owner}/{repo} under GITHUB_API_URL (a GHE /api/v3 prefix) with the token, masked first', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(REPO))
    })
    const r = recorder()
    const labels = await loadRepositoryLabels(ctx(), {
      token: TOKEN,
      attempts: 3,
      reporter: r.reporter,
      env: { GITHUB_API_URL: `http://${api.host}/api/v3/` },
      sleep: noSleep
    })
    expect(labels).toEqual({
      [TITLE]: 'app',
      [DESC]: 'An app, with a comma',
      [URL_]: REPO.html_url,
      [LICENSES]: 'MIT'
    })
    expect(api.seen.map(s => `${s.method} ${s.url}`)).toEqual(['GET /api/v3/repos/octo/app'])
    expect(api.seen[0].headers.authorization).toBe(`token ${TOKEN}`)
    expect(r.events[0]).toBe(`secret ${TOKEN}`)
    expect(r.warnings()).toEqual([])
  })

  it('an API that keeps failing: the usual attempts, then one warning without the token, and no labels', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: `unavailable ${TOKEN}` }))
    })
    const r = recorder()
    const labels = await loadRepositoryLabels(ctx(), {
      token: TOKEN,
      attempts: 3,
      reporter: r.reporter,
      env: { GITHUB_API_URL: `http://${api.host}` },
      sleep: noSleep
    })
    expect(labels).toEqual({})
    expect(api.seen).toHaveLength(3)
    expect(r.warnings()).toHaveLength(1)
    expect(r.warnings()[0]).toMatch(/could not read the repository's metadata from the GitHub API/)
    // Masked before the first request; the runner hides it in whatever follows.
    expect(r.events.indexOf(`secret ${TOKEN}`)).toBe(0)
  })

  it('an API that does not answer: each attempt times out, then one warning', async () => {
    const api = await serve(() => {
      // never answers
    })
    const r = recorder()
    const labels = await loadRepositoryLabels(ctx(), {
      token: TOKEN,
      attempts: 2,
      reporter: r.reporter,
      env: { GITHUB_API_URL: `http://${api.host}` },
      sleep: noSleep,
      timeoutMs: 300
    })
    expect(labels).toEqual({})
    expect(api.seen).toHaveLength(2)
    expect(r.warnings()).toHaveLength(1)
    expect(r.warnings()[0]).toContain('no answer within 0.3 s (timed out)')
    expect(r.warnings()[0]).not.toContain('HTTP 500')
  })

  it('an API that does not answer while node collects garbage: the timeout still fires', async () => {
    // A timeout signal that only a composite refers to can be collected before it fires (nodejs/node#57736).
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const api = await serve(() => {
      // never answers
    })
    const collecting = setInterval(gc, 20)
    try {
      const r = recorder()
      const labels = await loadRepositoryLabels(ctx(), {
        token: TOKEN,
        attempts: 1,
        reporter: r.reporter,
        env: { GITHUB_API_URL: `http://${api.host}` },
        sleep: noSleep,
        timeoutMs: 300
      })
      expect(labels).toEqual({})
      expect(r.warnings()[0]).toContain('no answer within 0.3 s (timed out)')
    } finally {
      clearInterval(collecting)
    }
  }, 10_000)

  it('a host that does not resolve: the warning says so, not "HTTP 500"', async () => {
    const r = recorder()
    await loadRepositoryLabels(ctx(), {
      token: TOKEN,
      attempts: 1,
      reporter: r.reporter,
      env: { GITHUB_API_URL: 'http://api.does-not-exist.invalid' },
      sleep: noSleep
    })
    expect(r.warnings()).toHaveLength(1)
    expect(r.warnings()[0]).toMatch(
      /no answer: getaddrinfo (ENOTFOUND|EAI_AGAIN) api\.does-not-exist\.invalid/
    )
    expect(r.warnings()[0]).not.toContain('HTTP 500')
  })

  it('a real 500 is said as one', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: 'boom' }))
    })
    const r = recorder()
    await loadRepositoryLabels(ctx(), {
      token: TOKEN,
      attempts: 1,
      reporter: r.reporter,
      env: { GITHUB_API_URL: `http://${api.host}` },
      sleep: noSleep
    })
    expect(r.warnings()).toEqual([expect.stringMatching(/HTTP 500: boom/)])
  })

  it('nothing listening: one warning, no labels', async () => {
    const api = await serve(() => {})
    const host = api.host
    await api.close()
    const r = recorder()
    expect(
      await loadRepositoryLabels(ctx(), {
        token: TOKEN,
        attempts: 2,
        reporter: r.reporter,
        env: { GITHUB_API_URL: `http://${host}` },
        sleep: noSleep
      })
    ).toEqual({})
    expect(r.warnings()).toHaveLength(1)
    expect(r.warnings()[0]).toMatch(/no answer: connect ECONNREFUSED/)
    expect(r.warnings()[0]).not.toContain('HTTP 500')
  })

  it('a refusal (404: the token cannot see the repository) is the answer: asked once, one warning', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: 'Not Found' }))
    })
    const r = recorder()
    expect(
      await loadRepositoryLabels(ctx(), {
        token: TOKEN,
        attempts: 3,
        reporter: r.reporter,
        env: { GITHUB_API_URL: `http://${api.host}` },
        sleep: noSleep
      })
    ).toEqual({})
    expect(api.seen).toHaveLength(1)
    expect(r.warnings()).toEqual([expect.stringMatching(/HTTP 404/)])
  })

  const skipped: [string, Partial<GitContext>, string][] = [
    ['outside Actions', { actions: false }, TOKEN],
    ['without a repository', { repository: '' }, TOKEN],
    ['without a token', {}, '']
  ]
  it.each(skipped)('%s: no request, no warning', async (_name, over, token) => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(REPO))
    })
    const r = recorder()
    expect(
      await loadRepositoryLabels(ctx(over), {
        token,
        attempts: 3,
        reporter: r.reporter,
        env: { GITHUB_API_URL: `http://${api.host}` },
        sleep: noSleep
      })
    ).toEqual({})
    expect(api.seen).toEqual([])
    expect(r.events).toEqual([])
  })
})

describe("the repository's default branch", () => {
  it.each<[unknown, string | undefined]>([
    ['main', 'main'],
    ['release/2.x', 'release/2.x'],
    ['', undefined],
    [null, undefined],
    [42, undefined],
    ['has space', undefined],
    ['a..b', undefined],
    ['/lead', undefined],
    ['x'.repeat(256), undefined]
  ])('%j → %j', (branch, expected) => {
    expect(repositoryFacts({ ...REPO, default_branch: branch as string }).defaultBranch).toBe(expected)
  })

  it('comes with the labels from the one request', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ ...REPO, default_branch: 'trunk' }))
    })
    const r = recorder()
    const facts = await loadRepository(ctx(), {
      token: TOKEN,
      attempts: 1,
      reporter: r.reporter,
      env: { GITHUB_API_URL: `http://${api.host}` },
      sleep: noSleep
    })
    expect(facts.defaultBranch).toBe('trunk')
    expect(facts.labels[TITLE]).toBe('app')
    expect(api.seen).toHaveLength(1)
  })
})

describe("loadCommitDate: the commit's date when the event carries none", () => {
  const SHA = 'b'.repeat(40)
  const commitApi = (body: unknown, status = 200) =>
    serve((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    })
  const load = (host: string, r = recorder(), sha = SHA) =>
    loadCommitDate(ctx(), sha, {
      token: TOKEN,
      attempts: 2,
      reporter: r.reporter,
      env: { GITHUB_API_URL: `http://${host}/api/v3` },
      sleep: noSleep
    })

  it("reads GET /repos/{owner}/{repo}/commits/{sha}: the committer's date", async () => {
    const api = await commitApi({
      sha: SHA,
      commit: {
        author: { date: '2024-01-01T00:00:00Z' },
        committer: { date: '2024-02-03T04:05:06+01:00' }
      }
    })
    const r = recorder()
    expect((await load(api.host, r))?.toISOString()).toBe('2024-02-03T03:05:06.000Z')
    expect(api.seen.map(s => `${s.method} ${s.url}`)).toEqual([`GET /api/v3/repos/octo/app/commits/${SHA}`])
    expect(api.seen[0].headers.authorization).toBe(`token ${TOKEN}`)
    expect(r.events[0]).toBe(`secret ${TOKEN}`)
    expect(r.warnings()).toEqual([])
  })

  it.each<[string, unknown, number]>([
    ['no committer date', { commit: {} }, 200],
    ['a date that is not RFC 3339', { commit: { committer: { date: 'yesterday' } } }, 200],
    ['a refusal', { message: 'Not Found' }, 404]
  ])('%s: one warning, undefined (the run time is used)', async (_name, body, status) => {
    const api = await commitApi(body, status)
    const r = recorder()
    expect(await load(api.host, r)).toBeUndefined()
    expect(r.warnings()).toEqual([
      expect.stringMatching(/could not read the commit's date from the GitHub API/)
    ])
  })

  it('asks nothing for a sha that is not one', async () => {
    const api = await commitApi({})
    expect(await load(api.host, recorder(), '../../etc')).toBeUndefined()
    expect(api.seen).toEqual([])
  })
})

describe('buildMetadata with the repository labels', () => {
  const now = new Date('2026-01-02T03:04:05Z')
  it('come first, as metadata-action orders them, and the labels input still overrides them in place', () => {
    const inputs = defaultInputs({ image: 'octo/app', labels: `${DESC}=mine\ncom.example.x=1` })
    const { labels } = buildMetadata(inputs, ctx(), now, {}, repositoryLabels(REPO))
    expect(labels).toEqual([
      `${TITLE}=app`,
      `${DESC}=mine`,
      `${URL_}=${REPO.html_url}`,
      `${LICENSES}=MIT`,
      'org.opencontainers.image.source=https://github.example/octo/app',
      `org.opencontainers.image.revision=${'a'.repeat(40)}`,
      'org.opencontainers.image.created=2026-01-02T03:04:05Z',
      'org.opencontainers.image.version=main',
      'com.example.x=1'
    ])
  })
})
