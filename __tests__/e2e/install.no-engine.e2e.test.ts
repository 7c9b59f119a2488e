// The CLI installs the way node CLIs do: `npm install -g` of the package (a tarball, a git URL, a clone)
// and `npx`, with nothing to fetch: the bundles hold every dependency. The tarball is the one a release
// ships, so what it holds is checked here too. No docker engine: npm test runs this file on one leg only
// (see scripts/test.mjs); it is here rather than among the unit tests for the npm processes it starts.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/action.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  bin: Record<string, string>
}

const tmp = mkdtempSync(join(tmpdir(), 'btp-install-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** `npm pack` of the repository into tmp: the tarball's name and the paths it holds, sorted. */
function pack(): { tarball: string; files: string[] } {
  const r = spawnSync('npm', ['pack', '--pack-destination', tmp, '--ignore-scripts', '--json'], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  expect(r.stderr).not.toMatch(/npm (ERR|error)/)
  expect(r.status).toBe(0)
  const [report] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[]
  return { tarball: join(tmp, report.filename), files: report.files.map(f => f.path).sort() }
}

const packed = pack()

describe('npm pack', () => {
  const files = packed.files

  it('ships the bundles, the action metadata and the documents', () => {
    for (const f of [
      'action.yml',
      'dist/index.js',
      'dist/package.json',
      'dist/cli/index.js',
      'dist/cli/package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'package.json',
      ...Object.values(pkg.bin)
    ])
      expect(files).toContain(f)
  })

  it('ships no sources, tests or fixtures', () => {
    const unwanted = files.filter(f =>
      /^(src|__tests__|__fixtures__|scripts|bench|examples|docs|\.github|\.ci)\/|^tsconfig|\.ts$/.test(f)
    )
    expect(unwanted).toEqual([])
  })
})

describe('installed the way node CLIs are', () => {
  // Offline, into a private prefix and cache: nothing is fetched, and the machine's global install is untouched.
  const npm = (args: string[]) =>
    spawnSync('npm', ['--offline', '--no-audit', '--no-fund', ...args], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_update_notifier: 'false' },
      timeout: 60_000
    })
  const expectVersion = (r: ReturnType<typeof spawnSync>) => {
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' })
    expect(String(r.stdout).trim()).toBe(`build-tag-push ${pkg.version}`)
  }

  it('`npm install -g` of the packed tarball puts a working build-tag-push on PATH', () => {
    const install = npm(['install', '--global', '--prefix', join(tmp, 'prefix'), packed.tarball])
    expect(install.status).toBe(0)
    expectVersion(
      spawnSync(join(tmp, 'prefix', 'bin', 'build-tag-push'), ['--version'], { encoding: 'utf8' })
    )
  })

  it('`npx <path of a clone>` runs it', () => {
    expectVersion(npm(['exec', '--yes', '--', ROOT, '--version']))
  })
})
