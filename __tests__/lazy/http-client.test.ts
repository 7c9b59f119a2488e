// The lazy @actions/http-client shim, as the bundle runs it: a run that fails on its inputs (the most common
// failure) and the post step load no http, https or tls; the real module is still there for the runs that
// ask for a token or call the API (getIDToken, Octokit's proxy agent: labels.e2e and the OIDC logins).
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/action.js'
import { runBundle } from '../helpers/bundle.js'

describe('src/lazy/http-client.cjs in the bundle', () => {
  it.each([
    ['an input error', {}],
    ['the post step with nothing to do', { STATE_isPost: 'true' }]
  ])('%s loads neither http, https nor tls', (_what, env) => {
    const loaded = runBundle(env).builtins
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
