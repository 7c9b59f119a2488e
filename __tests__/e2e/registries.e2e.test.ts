// The several registries in one step: `images` names them, `registry-auth` logs in to each, every
// tag goes to every image, and each registry must serve the one digest (read back by skopeo).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { errorLines, expectSucceeded, runAction } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

const AUTH = { username: 'octo', password: `pw-${randomBytes(8).toString('hex')}` }
let open: TestRegistry
let locked: TestRegistry
let base: string
let n = 0
const repo = (name: string): string => `multi/${name}-${process.pid}-${++n}`
const fresh = (): string => `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
/** The log as the runner shows it: `::add-mask::` lines are consumed, never printed. */
const shown = (log: string): string =>
  log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
/** Masked before anything else was printed: the opening `::add-mask::` lines hold it. */
function expectMaskedFirst(log: string, secret: string): void {
  const lines = log.split('\n')
  const first = lines.findIndex(l => !l.startsWith('::add-mask::'))
  expect(lines.slice(0, first)).toContain(`::add-mask::${secret}`)
}
const registryAuth = (password = AUTH.password): string =>
  `- registry: ${locked.host}\n  username: ${AUTH.username}\n  password: '${password}'\n`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  ;[open, locked] = await Promise.all([startRegistry(), startRegistry({ auth: AUTH })])
})

afterAll(async () => {
  await Promise.all([open?.stop(), locked?.stop()])
})

describe('images on two registries, one of them behind a login from registry-auth', () => {
  it('pushes every tag to both, and both serve the one digest', async () => {
    const image = repo('both')
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      images: `${open.host}/${image}\nname=${locked.host}/${image}`,
      'registry-auth': registryAuth(),
      tags: 'v1,latest'
    })
    expectSucceeded(run)
    expectMaskedFirst(run.stdout, AUTH.password)
    expect(shown(run.log)).not.toContain(AUTH.password)
    const digest = run.outputs.digest
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    for (const tag of ['v1', 'latest']) {
      expect((await inspectRaw(open.host, `${image}:${tag}`)).digest).toBe(digest)
      expect((await inspectRaw(locked.host, `${image}:${tag}`, AUTH)).digest).toBe(digest)
    }
    expect(run.outputs['image-ref']).toBe(`${open.host}/${image}@${digest}`)
    expect(run.outputs['image-refs'].split('\n')).toEqual([
      `${open.host}/${image}@${digest}`,
      `${locked.host}/${image}@${digest}`
    ])
    expect(run.outputs.tags.split('\n')).toEqual([
      `${open.host}/${image}:v1`,
      `${open.host}/${image}:latest`,
      `${locked.host}/${image}:v1`,
      `${locked.host}/${image}:latest`
    ])
    expect(run.log).toContain(`Logged in to ${locked.host} as ${AUTH.username}`)
  })

  it('an image disabled with enable=false gets nothing', async () => {
    const image = repo('disabled')
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      images: `${open.host}/${image}\nname=${locked.host}/${image},enable=false`,
      tags: 'v1'
    })
    expectSucceeded(run)
    expect(run.outputs['image-refs'].split('\n')).toHaveLength(1)
    expect(await tagExists(locked.host, `${image}:v1`, AUTH)).toBe(false)
  })

  it('a wrong password for one registry fails before the build, with one error and nothing pushed', async () => {
    const image = repo('wrong')
    const wrong = `nope-${randomBytes(6).toString('hex')}`
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      images: `${open.host}/${image}\n${locked.host}/${image}`,
      'registry-auth': registryAuth(wrong),
      tags: 'v1'
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(locked.host)
    expect(errors[0]).toContain('registry-auth')
    expectMaskedFirst(run.stdout, wrong)
    expect(shown(run.log)).not.toContain(wrong)
    expect(run.log).not.toMatch(/\[command\]docker (buildx )?build/)
    expect(await tagExists(open.host, `${image}:v1`)).toBe(false)
  })

  it('username and password with images on two registries is an input error pointing to registry-auth', async () => {
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      images: `${open.host}/${repo('pair')}\n${locked.host}/${repo('pair')}`,
      username: AUTH.username,
      password: AUTH.password
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Invalid input "username"')
    expect(errors[0]).toContain('"registry-auth"')
    expect(shown(run.log)).not.toContain(AUTH.password)
  })
})
