// Retries only for what is transient, judged on docker's own error line, never on what a build step printed:
// a RUN that prints "connection refused" and fails is a failed build, attempted once, with no hint.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { errorLines, EXPECTED_BUILDER, runAction, type ActionRun } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'

let registry: TestRegistry
let base: string
let n = 0
const repo = (name: string): string => `classify/${name}-${process.pid}-${++n}`

const builds = (run: ActionRun): number =>
  run.log.split('\n').filter(l => /^\[command\]docker (buildx )?build /.test(l)).length
const warnings = (run: ActionRun): string[] => run.log.split('\n').filter(l => l.startsWith('::warning::'))
/** What withHint appends for auth failures and for a missing engine. */
const HINT = /username and password|log in to|no docker engine answers/

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

// On BuildKit the build that pushes (several platforms) is the one retried as a whole: use it there. The
// step runs on the build platform, so no emulator is needed for the second one.
const platforms: Record<string, string> =
  EXPECTED_BUILDER === 'buildx' ? { platforms: 'linux/amd64,linux/arm64' } : {}
const from = (): string =>
  EXPECTED_BUILDER === 'buildx' ? `FROM --platform=$BUILDPLATFORM ${base}` : `FROM ${base}`

describe(`a build step that fails printing a transient-looking or auth-looking word (${EXPECTED_BUILDER})`, () => {
  it.each([
    ['connection refused', 'echo connection refused; exit 1'],
    ['permission denied', 'echo permission denied >&2; exit 1'],
    ['503 and unauthorized', 'echo "503 Service Unavailable: unauthorized"; exit 7']
  ])('%s: attempted once, no retry, no hint', async (_what, step) => {
    const run = await runAction({
      context: await makeContext({
        // One step, so that the failed build leaves no image of a step before it (a classic build keeps
        // each finished step's image, untagged, where no name can remove it).
        Dockerfile: `${from()}\nRUN echo ${randomBytes(8).toString('hex')} > /id; ${step}\n`
      }),
      image: repo('step'),
      registry: registry.host,
      tags: 'v1',
      ...platforms
    })
    expect(run.code).toBe(1)
    expect(builds(run)).toBe(1)
    expect(warnings(run).filter(w => /retry/i.test(w))).toEqual([])
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/did not complete successfully|returned a non-zero code/)
    expect(errors[0]).not.toMatch(HINT)
    expect(errors[0]).not.toMatch(/attempt/)
  })
})
