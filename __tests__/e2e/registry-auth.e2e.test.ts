// `registry-auth` read as login-action reads it (YAML): a GCR-style `_json_key` in a block scalar logs in
// and the push reaches the registry; anchors send what they mean; a malformed list is one error naming the
// input and no value, with nothing masked that is only YAML syntax.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { errorLines, expectSucceeded, runAction } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

/** Short: bcrypt (htpasswd -B) reads only the first 72 bytes. */
const JSON_KEY = `{\n  "type": "service_account",\n  "id": "k-${randomBytes(4).toString('hex')}"\n}`
const KEY_AUTH = { username: '_json_key', password: JSON_KEY }
const PW = `pw-${randomBytes(8).toString('hex')}`
const PW_AUTH = { username: 'octo', password: PW }

let keyed: TestRegistry
let plain: TestRegistry
let base: string
let n = 0
const repo = (): string => `ra/app-${process.pid}-${++n}`
const fresh = (): string => `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
/** The log as the runner shows it: `::add-mask::` lines are consumed, never printed. */
const shown = (log: string): string =>
  log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
const masks = (log: string): string[] =>
  log
    .split('\n')
    .filter(l => l.startsWith('::add-mask::'))
    .map(l => l.slice('::add-mask::'.length))

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  ;[keyed, plain] = await Promise.all([startRegistry({ auth: KEY_AUTH }), startRegistry({ auth: PW_AUTH })])
})

afterAll(async () => {
  await Promise.all([keyed?.stop(), plain?.stop()])
})

describe('registry-auth as YAML', () => {
  // One entry: two logins at once race on docker's config file today (the sequential logins fix that).
  it('a _json_key in a block scalar, an anchor and a scope log in; the push reaches the registry; no key line shows', async () => {
    const image = repo()
    const block = JSON_KEY.split('\n')
      .map(l => `    ${l}`)
      .join('\n')
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      images: `${keyed.host}/${image}`,
      tags: 'v1',
      'registry-auth': [
        `- registry: ${keyed.host}`,
        '  username: &who _json_key',
        '  scope: ignored/for@push',
        '  password: |',
        block
      ].join('\n')
    })
    expectSucceeded(run)
    expect((await inspectRaw(keyed.host, `${image}:v1`, KEY_AUTH)).digest).toBe(run.outputs.digest)
    for (const line of JSON_KEY.split('\n').filter(l => l.length >= 6))
      expect(shown(run.log)).not.toContain(line)
  })

  it('!!str sends the password as written', async () => {
    const image = repo()
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      image,
      registry: plain.host,
      tags: 'v1',
      'registry-auth': `- registry: ${plain.host}\n  username: octo\n  password: !!str ${PW}`
    })
    expectSucceeded(run)
    expect((await inspectRaw(plain.host, `${image}:v1`, PW_AUTH)).digest).toBe(run.outputs.digest)
    expect(shown(run.log)).not.toContain(PW)
  })

  it('a mapping where the list belongs is one error naming registry-auth, before any build, nothing pushed', async () => {
    const image = repo()
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      image,
      registry: plain.host,
      'registry-auth': `registry: ${plain.host}\nusername: octo\npassword: ${PW}`
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Invalid input "registry-auth": is a mapping, and a list is expected')
    expect(shown(run.log)).not.toContain(PW)
    expect(masks(run.log)).toContain(PW)
    expect(run.log).not.toMatch(/\[command\]docker (buildx )?build/)
    expect(await tagExists(plain.host, `${image}:latest`, PW_AUTH)).toBe(false)
  })

  it('YAML that does not parse: one error with its position, no value, and no mask of YAML syntax', async () => {
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      image: repo(),
      registry: plain.host,
      'registry-auth': `- registry: ${plain.host}\n  username: octo\n  password: '${PW}\n- password: |\n    x\n- password: {a`
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/Invalid input "registry-auth": is not valid YAML \(line \d+, column \d+\)/)
    expect(shown(run.log)).not.toContain(PW)
    for (const m of masks(run.log)) expect(m).not.toMatch(/^[|>{[]/)
  })
})
