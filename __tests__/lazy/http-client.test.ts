// The lazy @actions/http-client shim, as the bundle runs it: a run that fails on its inputs (the most common
// failure) and the post step load no http, https or tls; the real module is still there for the runs that
// ask for a token or call the API (getIDToken, Octokit's proxy agent: labels.e2e and the OIDC logins).
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/action.js'

/** The node builtins a run of the committed bundle loaded, with `env` as its environment. */
function builtinsLoaded(env: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'btp-lazy-'))
  const hook = join(dir, 'hook.cjs')
  const out = join(dir, 'modules.txt')
  writeFileSync(
    hook,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')))`
  )
  spawnSync(process.execPath, ['-r', hook, join(ROOT, 'dist', 'index.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, GITHUB_OUTPUT: join(dir, 'out'), ...env },
    encoding: 'utf8'
  })
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter(l => l.startsWith('NativeModule '))
    .map(l => l.slice('NativeModule '.length))
}

describe('src/lazy/http-client.cjs in the bundle', () => {
  it.each([
    ['an input error', {}],
    ['the post step with nothing to do', { STATE_isPost: 'true' }]
  ])('%s loads neither http, https nor tls', (_what, env) => {
    const loaded = builtinsLoaded(env)
    expect(loaded.length).toBeGreaterThan(0)
    expect(loaded.filter(m => ['http', 'https', 'tls', '_tls_wrap'].includes(m))).toEqual([])
  })

  it('is mapped for the bundle, and the real module stays in it', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> }
    }
    expect(tsconfig.compilerOptions.paths['@actions/http-client']).toEqual(['./src/lazy/http-client.cjs'])
    const bundle = readdirSync(join(ROOT, 'dist'))
      .filter(f => f.endsWith('.js'))
      .map(f => readFileSync(join(ROOT, 'dist', f), 'utf8'))
      .join('\n')
    expect(bundle).toContain('getProxyAgentDispatcher')
  })
})
