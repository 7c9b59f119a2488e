// The CLI installs the way node CLIs do, with nothing to fetch: the bundles hold every dependency. A clone
// installs its dev dependencies without running an install script nobody decided on.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/action.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>
  scripts: Record<string, string>
  allowScripts?: Record<string, boolean>
}

describe('installed the way node CLIs are', () => {
  // What npm does with the package (pack, install -g, npx) is tested in e2e/install.no-engine.e2e.test.ts.
  it('needs nothing at run time: every dependency is in the bundles, none to fetch on install', () => {
    // A runtime dependency would be downloaded by `npm install -g` and `npx` for nothing: dist/ holds it.
    expect(pkg.dependencies ?? {}).toEqual({})
    // No prepare/install step either: an install from git or a tarball runs the committed bundle as it is.
    expect(Object.keys(pkg.scripts).filter(s => /^(pre|post)?(prepare|install)$/.test(s))).toEqual([])
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
