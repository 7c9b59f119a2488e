// docker's output cannot forge workflow commands: whatever a build step or a registry prints reaches the log
// as text, while the action's own commands (its error line, its masks) stay live. The log is read the way
// the runner reads it (helpers/workflow-commands.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { EXPECTED_BUILDER, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw } from '../helpers/skopeo.js'
import { issuedCommands, liveCommands, type LiveCommand } from '../helpers/workflow-commands.js'

let registry: TestRegistry
let base: string
const proxies: FaultProxy[] = []
let n = 0
const repo = (name: string): string => `wfc/${name}-${process.pid}-${++n}`

/**
 * A step that prints workflow commands: plain, indented, legacy (`##[…]`), behind a lone CR (which gets past
 * BuildKit's `#5 0.1 ` prefix, since the runner splits lines there), and last a stop-commands that would
 * silence every command after it.
 */
const FORGERIES = [
  `printf '%s\\n' '::error::forged-error' '::set-output name=digest::sha256:forged' '::add-mask::forged-mask'`,
  `printf '%s\\n' '   ::warning::forged-indented' '##[error]forged-legacy' '::notice title=x::forged-notice'`,
  `printf 'cr\\r::error::forged-cr\\n'`,
  `printf 'cr\\r##[warning]forged-cr-legacy\\n'`,
  `printf 'cr\\r::add-mask::forged-cr-mask\\n'`,
  `printf '::stop-commands::forged-stop\\n'`
].join(' && ')

const dockerfile = (tail = ''): string =>
  `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id && ${FORGERIES}${tail}\n`

/** A live command that a forgery issued (ours may quote one in its message, which is fine). */
const isForged = (c: LiveCommand): boolean => /forged/.test(c.command) || /^(sha256:)?forged/.test(c.data)

/** No live command carries a forgery; and the forgeries did reach the log (as text). */
function expectNoForgery(run: ActionRun): void {
  expect(liveCommands(run.stdout).filter(isForged)).toEqual([])
  expect(run.stdout).toContain('::error::forged-error')
  expect(run.stdout).toContain('forged-cr')
}

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await Promise.all(proxies.map(p => p.stop()))
  await registry?.stop()
})

describe(`a build that prints workflow commands (${EXPECTED_BUILDER})`, () => {
  it('succeeds with the real digest, and none of its commands is live', async () => {
    const image = repo('ok')
    const run = await runAction({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: registry.host,
      tags: 'v1'
    })
    expectSucceeded(run)
    expectNoForgery(run)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    // Our own commands stayed live: the groups around docker's output.
    const ours = issuedCommands(run.stdout).map(c => c.command)
    expect(ours).toContain('group')
    expect(ours).toContain('endgroup')
    expect(
      ours.filter(c => c === 'error' || c === 'warning' || c === 'add-mask' || c === 'set-output')
    ).toEqual([])
  })

  it('fails with our own error line live, and only that one', async () => {
    const run = await runAction({
      context: await makeContext({ Dockerfile: dockerfile(' && exit 3') }),
      image: repo('fail'),
      registry: registry.host,
      tags: 'v1'
    })
    expect(run.code).toBe(1)
    expectNoForgery(run)
    const errors = issuedCommands(run.stdout).filter(c => c.command === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].data).toMatch(/^docker (buildx )?build failed \(exit \d+\)/)
  })
})

describe('a registry whose error message carries workflow commands', () => {
  it('is quoted in our error line, and none of its commands is live', async () => {
    const message =
      'bad manifest\n::error::forged-registry\r::add-mask::forged-registry-mask\n##[error]forged-legacy'
    const p = await startFaultProxy(registry.host, {
      kind: 'status',
      status: 400,
      match: 'manifest-put',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errors: [{ code: 'MANIFEST_INVALID', message, detail: message }] })
    })
    proxies.push(p)
    const run = await runAction({
      context: await makeContext({
        Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
      }),
      image: repo('registry'),
      registry: p.host,
      tags: 'v1'
    })
    expect(run.code).toBe(1)
    expect(p.log.some(e => e.fault === 'status-400')).toBe(true)
    expect(liveCommands(run.stdout).filter(isForged)).toEqual([])
    const errors = issuedCommands(run.stdout).filter(c => c.command === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].data).toMatch(/^docker push failed/)
    expect(issuedCommands(run.stdout).filter(c => c.command === 'add-mask')).toEqual([])
  })
})
