// type=gha cache entries as build-push-action completes them (repository= and ghtoken= on an export), plus
// a scope per image and target when none is given, said once in the log. Inputs → the exact argv.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { buildArgs, displayArgs } from '../../src/docker/build-flags.js'
import { ghaCacheSpecs, ghaScope } from '../../src/docker/gha-cache.js'
import type { Inputs } from '../../src/inputs/parse.js'
import { makePlan } from '../../src/pipeline/plan.js'
import type { Reporter } from '../../src/log/reporter.js'

const CTX = { scope: 'octo/app', repository: 'octo/app', token: 'ghs_tok' }

describe('ghaCacheSpecs', () => {
  const cases: [string, string, boolean, string][] = [
    ['an import gets the scope only', 'type=gha', false, 'type=gha,scope=octo/app'],
    [
      'an export gets the scope, repository and ghtoken',
      'type=gha,mode=max',
      true,
      'type=gha,mode=max,scope=octo/app,repository=octo/app,ghtoken=ghs_tok'
    ],
    ['a scope given is kept', 'type=gha,scope=mine', false, 'type=gha,scope=mine'],
    [
      'repository and ghtoken given are kept',
      'type=gha,scope=s,repository=o/r,ghtoken=t',
      true,
      'type=gha,scope=s,repository=o/r,ghtoken=t'
    ],
    [
      'other types are left alone',
      'type=registry,ref=ghcr.io/o/a:cache',
      true,
      'type=registry,ref=ghcr.io/o/a:cache'
    ],
    ['a bare ref is left alone', 'ghcr.io/o/a:cache', false, 'ghcr.io/o/a:cache']
  ]
  it.each(cases)('%s', (_, spec, exported, expected) => {
    expect(ghaCacheSpecs([spec], CTX, exported)).toEqual([expected])
  })

  it('without a repository or token only the scope is added', () => {
    expect(ghaCacheSpecs(['type=gha'], { scope: 's' }, true)).toEqual(['type=gha,scope=s'])
  })

  it('the scope is the image, with the target when one is built', () => {
    expect(ghaScope('octo/app', '')).toBe('octo/app')
    expect(ghaScope('octo/app', 'prod')).toBe('octo/app-prod')
  })
})

describe('makePlan → argv', () => {
  let workDir: string
  let infos: string[]
  let masked: string[]
  const reporter: Reporter = {
    info: m => void infos.push(m),
    notice: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
    setSecret: v => void masked.push(v),
    group: (_n, fn) => fn()
  }
  beforeEach(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'btp-gha-'))
    infos = []
    masked = []
  })
  afterEach(() => rmSync(workDir, { recursive: true, force: true }))
  const git = { serverUrl: 'https://github.com', repository: 'octo/repo' }
  const argv = async (over: Partial<Inputs>): Promise<string[]> => {
    const inputs = makeInputs(over)
    const plan = await makePlan(inputs, { workDir, buildx: true, reporter, git })
    return buildArgs(inputs, plan.build, true).filter(a => a.startsWith('--cache-'))
  }

  it('a gha entry without scope gets the image and target, said once; an export gets repository and ghtoken', async () => {
    const args = await argv({
      target: 'prod',
      githubToken: 'ghs_tok',
      cacheFrom: ['type=gha'],
      cacheTo: ['type=gha,mode=max']
    })
    expect(args).toEqual([
      '--cache-from=type=gha,scope=my/app-prod',
      '--cache-to=type=gha,mode=max,scope=my/app-prod,repository=octo/repo,ghtoken=ghs_tok,ignore-error=true'
    ])
    expect(infos.filter(m => m.includes('scope='))).toHaveLength(1)
    expect(infos.join('\n')).toContain('scope=my/app-prod')
    expect(masked).toContain('ghs_tok')
  })

  it('the token never shows in the displayed command line', async () => {
    const args = await argv({ githubToken: 'ghs_tok', cacheTo: ['type=gha'] })
    expect(displayArgs(args)).not.toContain('ghs_tok')
    expect(displayArgs(args)).toContain('ghtoken=***')
  })

  it('with a scope given nothing is said, and other caches are as given', async () => {
    const args = await argv({ cacheFrom: ['type=gha,scope=x', 'type=registry,ref=r/a:c'] })
    expect(args).toEqual(['--cache-from=type=gha,scope=x', '--cache-from=type=registry,ref=r/a:c'])
    expect(infos.filter(m => m.includes('scope='))).toEqual([])
  })
})
