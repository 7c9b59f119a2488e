// The plan passes the git fetch's credentials as secret files in the private directory, masked first, and
// gives docker the URL without them.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { buildArgs } from '../../src/docker/build-flags.js'
import { makePlan } from '../../src/pipeline/plan.js'
import type { Reporter } from '../../src/log/reporter.js'

let workDir: string
let masked: string[]
const reporter: Reporter = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  setSecret: v => void masked.push(v),
  group: (_n, fn) => fn()
}
beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'btp-plan-git-'))
  masked = []
})
afterEach(() => rmSync(workDir, { recursive: true, force: true }))

const git = { serverUrl: 'https://github.com', defaultContext: 'https://github.com/o/r.git#abc' }

describe('makePlan, git contexts', () => {
  it('{{defaultContext}} with buildx: the token in a 0600 file as GIT_AUTH_TOKEN.github.com, masked, never in argv', async () => {
    const inputs = makeInputs({
      context: '{{defaultContext}}:app',
      remoteContext: true,
      githubToken: 'ghs_tok123'
    })
    const plan = await makePlan(inputs, { workDir, buildx: true, reporter, git })
    expect(plan.build.context).toBe('https://github.com/o/r.git#abc:app')
    const secret = plan.build.secretFiles?.find(s => s.id === 'GIT_AUTH_TOKEN.github.com')
    expect(secret).toBeDefined()
    expect(readFileSync(secret!.path, 'utf8')).toBe('ghs_tok123')
    expect(statSync(secret!.path).mode & 0o777).toBe(0o600)
    expect(path.dirname(secret!.path).startsWith(workDir)).toBe(true)
    expect(masked).toContain('ghs_tok123')
    const args = buildArgs(inputs, plan.build, true)
    expect(args.join(' ')).not.toContain('ghs_tok123')
    expect(args).toContain('https://github.com/o/r.git#abc:app')
  })

  it('a local context gets no token secret', async () => {
    const plan = await makePlan(makeInputs({ githubToken: 'ghs_tok123' }), {
      workDir,
      buildx: true,
      reporter,
      git
    })
    expect(plan.build.secretFiles).toEqual([])
    expect(plan.build.context).toBe('.')
  })

  it("a git URL's userinfo leaves the URL for a secret, masked", async () => {
    const context = 'https://x-access-token:ghs_url456@github.com/o/r.git#main'
    const plan = await makePlan(makeInputs({ context, remoteContext: true }), {
      workDir,
      buildx: true,
      reporter,
      git
    })
    expect(plan.build.context).toBe('https://github.com/o/r.git#main')
    const secret = plan.build.secretFiles!.find(s => s.id === 'GIT_AUTH_TOKEN.github.com')!
    expect(readFileSync(secret.path, 'utf8')).toBe('ghs_url456')
    expect(masked).toContain('ghs_url456')
  })
})
