// The CLI installs the way node CLIs do: `npm install -g` of the package (a tarball, a git URL, a clone)
// and `npx`, with nothing to fetch: the bundles hold every dependency.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './helpers/action.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  dependencies?: Record<string, string>
  scripts: Record<string, string>
  allowScripts?: Record<string, boolean>
}

describe('installed the way node CLIs are', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'btp-install-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
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

  it('needs nothing at run time: every dependency is in the bundles, none to fetch on install', () => {
    // A runtime dependency would be downloaded by `npm install -g` and `npx` for nothing: dist/ holds it.
    expect(pkg.dependencies ?? {}).toEqual({})
    // No prepare/install step either: an install from git or a tarball runs the committed bundle as it is.
    expect(Object.keys(pkg.scripts).filter(s => /^(pre|post)?(prepare|install)$/.test(s))).toEqual([])
  })

  it('`npm install -g` of the packed tarball puts a working build-tag-push on PATH', () => {
    const packed = spawnSync('npm', ['pack', '--pack-destination', tmp, '--ignore-scripts', '--silent'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(packed.status).toBe(0)
    const tarball = readdirSync(tmp).find(f => f.endsWith('.tgz'))!
    const install = npm(['install', '--global', '--prefix', join(tmp, 'prefix'), join(tmp, tarball)])
    expect(install.status).toBe(0)
    expectVersion(
      spawnSync(join(tmp, 'prefix', 'bin', 'build-tag-push'), ['--version'], { encoding: 'utf8' })
    )
  })

  it('`npx <path of a clone>` runs it', () => {
    expectVersion(npm(['exec', '--yes', '--', ROOT, '--version']))
  })
})

describe('a clone installs its dev dependencies without an unreviewed install script', () => {
  // npm 11.16 and later list every dependency whose install script package.json's allowScripts does not
  // decide, at the end of each install; npm 12 no longer runs those scripts. `node` must run its own: it
  // fetches nothing, it puts the node 24 binary under node_modules/node/bin, which the bench and the e2e
  // helpers start the action with, as the runner would.
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { hasInstallScript?: boolean }>
  }
  const withScripts = Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length))

  it('each dependency with an install script is allowed or denied in package.json', () => {
    expect(withScripts.length).toBeGreaterThan(0)
    expect(withScripts.filter(name => typeof pkg.allowScripts?.[name] !== 'boolean')).toEqual([])
  })

  it("node's, which installs the runner's node, is allowed", () => {
    expect(pkg.allowScripts?.node).toBe(true)
  })
})
