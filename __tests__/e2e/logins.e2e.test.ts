// `registry-auth` with two registries that both need a login: every login lands in the run's DOCKER_CONFIG,
// the push reaches both, and with keep-login a later step pulls from each. Several runs, because logins
// that race each other for config.json lose one of them only now and then on some machines.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { errorLines, expectSucceeded, runAction } from '../helpers/action.js'
import { jobDockerConfig } from '../helpers/job-config.js'
import {
  ensureBaseImage,
  makeContext,
  removeImages,
  requireDocker,
  runCommand,
  type CliResult
} from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

const ALICE = { username: 'btp-alice', password: `a-${randomBytes(8).toString('hex')}` }
const BOB = { username: 'btp-bob', password: `b-${randomBytes(8).toString('hex')}` }
const RUNS = 3
const b64 = (c: { username: string; password: string }): string =>
  Buffer.from(`${c.username}:${c.password}`).toString('base64')

let base: string
let a: TestRegistry
let b: TestRegistry
const contexts: string[] = []
let n = 0
const repo = (name: string): string => `logins/${name}-${process.pid}-${++n}`

const registryAuth = (bobPassword = BOB.password): string =>
  `- registry: ${a.host}\n  username: ${ALICE.username}\n  password: '${ALICE.password}'\n` +
  `- registry: ${b.host}\n  username: ${BOB.username}\n  password: '${bobPassword}'\n`

async function context(): Promise<string> {
  const dir = await makeContext({
    Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
  })
  contexts.push(dir)
  return dir
}

const pull = (env: NodeJS.ProcessEnv, ref: string): Promise<CliResult> =>
  runCommand('docker', ['pull', ref], { env })

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  ;[a, b] = await Promise.all([startRegistry({ auth: ALICE }), startRegistry({ auth: BOB })])
})

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await Promise.all(contexts.map(d => rm(d, { recursive: true, force: true })))
})

describe('registry-auth with two registries that both need a login', () => {
  it(`every login lands: the push reaches both, and with keep-login a later step pulls from each (${RUNS} runs)`, async () => {
    for (let run = 1; run <= RUNS; run++) {
      const image = repo(`both${run}`)
      let later: { config: string; fromA: CliResult; fromB: CliResult } | undefined
      // The job's own docker config, where keep-login puts the logins for later steps.
      const jobDir = await jobDockerConfig({ auths: {} })
      const r = await runAction(
        {
          context: await context(),
          images: `${a.host}/${image}\n${b.host}/${image}`,
          'registry-auth': registryAuth(),
          tags: 'v1',
          'keep-login': 'true'
        },
        {
          env: { DOCKER_CONFIG: jobDir },
          laterStep: async ({ env, outputs }) => {
            // A failed main has no outputs: expectSucceeded below says why.
            if (!outputs['image-refs']) return
            const refs = outputs['image-refs'].split('\n')
            // Nothing local to pull from: each pull goes to its registry, with the kept logins.
            for (const r of [a, b]) await removeImages(`${r.host}/${image}`)
            const dir = env.DOCKER_CONFIG ?? ''
            later = {
              config: existsSync(join(dir, 'config.json'))
                ? await readFile(join(dir, 'config.json'), 'utf8')
                : '',
              fromA: await pull(env, refs[0]),
              fromB: await pull(env, refs[1])
            }
          }
        }
      )
      expectSucceeded(r)
      expect(r.log).toContain(`Logged in to ${a.host} as ${ALICE.username}`)
      expect(r.log).toContain(`Logged in to ${b.host} as ${BOB.username}`)
      const digest = r.outputs.digest
      expect((await inspectRaw(a.host, `${image}:v1`, ALICE)).digest).toBe(digest)
      expect((await inspectRaw(b.host, `${image}:v1`, BOB)).digest).toBe(digest)
      expect(later).toBeDefined()
      const auths = JSON.parse(later!.config).auths
      expect(auths?.[a.host]?.auth).toBe(b64(ALICE))
      expect(auths?.[b.host]?.auth).toBe(b64(BOB))
      expect(later!.fromA.code).toBe(0)
      expect(later!.fromB.code).toBe(0)
      expect(r.post?.code).toBe(0)
      for (const r of [a, b]) await removeImages(`${r.host}/${image}`)
    }
  })

  it('a wrong password for the second registry fails before the build, naming that registry only', async () => {
    const image = repo('wrong')
    const wrong = `nope-${randomBytes(6).toString('hex')}`
    const r = await runAction({
      context: await context(),
      images: `${a.host}/${image}\n${b.host}/${image}`,
      'registry-auth': registryAuth(wrong),
      tags: 'v1'
    })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(b.host)
    expect(errors[0]).not.toContain(a.host)
    expect(errors[0]).toContain('registry-auth')
    expect(r.log).toContain(`Logged in to ${a.host} as ${ALICE.username}`)
    expect(r.log).not.toContain(`Logged in to ${b.host}`)
    expect(r.log).not.toMatch(/\[command\]docker (buildx )?build/)
    expect(await tagExists(a.host, `${image}:v1`, ALICE)).toBe(false)
  })
})
