// The repository's metadata labels: the mapping (a table), and the real Octokit against a stand-in GitHub
// API on 127.0.0.1 that GITHUB_API_URL points at (the GitHub Enterprise path prefix included).
import { afterEach, describe, expect, it } from '@jest/globals'
import type { GitContext } from '../../src/metadata/context.js'
import { defaultInputs } from '../../src/inputs/parse.js'
import { buildMetadata } from '../../src/metadata/build-metadata.js'
import { classified, loadRepositoryLabels, repositoryLabels, type RepoMetadata } from '../../src/metadata/repo-labels.js'
import type { Reporter } from '../../src/log/reporter.js'
import { cleanUp, serve } from '../helpers/stand-in.js'

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

describe('loadRepositoryLabels against a stand-in API', () => {
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
