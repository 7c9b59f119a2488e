import { testDir } from '../helpers/temp.js'
import { describe, expect, it } from '@jest/globals'
import { DockerError } from '../../src/docker/errors.js'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build, failedLine, readImageId, tagTaken } from '../../src/pipeline/build.js'
import type { Docker } from '../../src/docker/docker.js'
import { makePlan } from '../../src/pipeline/plan.js'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { quietReporter } from '../helpers/reporter.js'
import { VerificationError } from '../../src/pipeline/verify.js'
import { cpuMs } from '../helpers/cpu-time.js'
import { cancelAtFirstWait } from '../helpers/cancel.js'

describe('tagTaken: the containerd store refusing a name another build took at the same moment', () => {
  it('says another build moved the tag, naming it', () => {
    const refused = new DockerError(
      'buildx build',
      1,
      'ERROR: failed to solve: image "127.0.0.1:5000/race/app:shared": already exists'
    )
    const said = tagTaken(refused)
    expect(said).toBeInstanceOf(VerificationError)
    expect((said as Error).message).toMatch(
      /^another build moved the tag 127\.0\.0\.1:5000\/race\/app:shared /
    )
  })
  it.each([
    [['--output=type=registry', '--load']],
    [['--output=type=docker', '--push']],
    [['--push', '--load']]
  ])(
    'with two exports of the name (%j), says this build exported it twice, not that another build took it',
    exports => {
      const refused = new DockerError(
        'buildx build',
        1,
        'ERROR: failed to solve: image "127.0.0.1:5000/o/app:v1": already exists'
      )
      const message = (tagTaken(refused, exports) as Error).message
      expect(message).toMatch(
        /^the engine's store refused the name 127\.0\.0\.1:5000\/o\/app:v1 as taken: this build exports it 2 times/
      )
      expect(message).toContain(exports.join(' '))
      expect(message).not.toMatch(/another build/)
    }
  )
  it('one export of the name (or one that writes files beside it) is still the race with another build', () => {
    const refused = new DockerError(
      'buildx build',
      1,
      'ERROR: failed to solve: image "a/b:1": already exists'
    )
    for (const exports of [
      ['--load'],
      ['--output=type=local,dest=out', '--load'],
      ['--output=type=docker,dest=x.tar', '--push']
    ])
      expect((tagTaken(refused, exports) as Error).message).toMatch(/^another build moved the tag a\/b:1 /)
  })
  it('passes any other failure through', () => {
    const other = new DockerError('buildx build', 1, 'ERROR: failed to solve: something else')
    expect(tagTaken(other)).toBe(other)
  })
})

describe('failedLine: the Dockerfile line a failed build names', () => {
  it.each([
    [
      "BuildKit's block",
      '#6 ERROR: process "/bin/sh -c false" did not complete\n------\n Dockerfile:7\n--------------------\n   6 |',
      7
    ],
    ['a file in a folder, with a suffix', 'ERROR: x\n ci/Dockerfile.prod:12\r\n', 12],
    [
      "the classic builder's parse error",
      'Error response from daemon: Dockerfile parse error line 3: unknown instruction: RUNN',
      3
    ],
    ['a line that only mentions a Dockerfile', '#5 0.1 see Dockerfile:7 for details\n', undefined],
    ['nothing', 'ERROR: failed to solve: denied', undefined]
  ])('%s', (_what, stderr, line) => {
    expect(failedLine(stderr)).toBe(line)
  })

  // A build step may print any run of line breaks before it fails: the pattern before took 8-10 s on 40 000
  // of them (quadratic). The bound is far above what one pass takes.
  it.each([
    ['line feeds', '\n'],
    ['carriage returns', '\r'],
    ['line separators', '\u2028']
  ])('takes time linear in the log, whatever its %s', (_what, brk) => {
    const ms = cpuMs(() => {
      expect(failedLine(`#5 1.2 ${brk.repeat(200_000)}x\n Dockerfile:9\n`)).toBe(9)
      expect(failedLine(`\t${`${brk}\t`.repeat(200_000)}`)).toBeUndefined()
    })
    expect(ms).toBeLessThan(1000)
  })
})

describe('readImageId: what docker wrote to --iidfile', () => {
  const DIGEST = `sha256:${'4'.repeat(64)}`
  const iidfile = async (text: string) => {
    const file = join(await testDir('btp-iid-'), 'iid')
    await writeFile(file, text)
    return file
  }

  it.each([
    [`${DIGEST}\n`, DIGEST],
    ['', '']
  ])('%j → %j', async (text, want) => {
    expect(await readImageId(await iidfile(text))).toBe(want)
  })

  it.each([['latest'], [`${DIGEST}\n::error::x`], ['sha256:abc']])(
    'an ID that is no digest (%j) fails, rather than become the imageid output',
    async text => {
      await expect(readImageId(await iidfile(text))).rejects.toThrow(
        /^docker wrote an image ID that is no digest to its --iidfile: /
      )
    }
  )
})

describe('a cancel during a build that pushes (buildx)', () => {
  it('ends the wait before another attempt at once, with the cancel as the error', async () => {
    const workDir = await testDir('btp-build-cancel-')
    const inputs = makeInputs({ retries: 5 })
    const plan = await makePlan(inputs, {
      workDir,
      buildx: true,
      driver: 'docker-container',
      reporter: quietReporter
    })
    expect(plan.pushedBy).toBe('buildx')
    const cancel = cancelAtFirstWait()
    let builds = 0
    const docker = {
      env: {},
      build: async () => {
        builds++
        throw new DockerError('buildx build', 1, 'ERROR: failed to push: 502 Bad Gateway')
      }
    } as unknown as Docker
    const pending = build(inputs, plan, {
      docker,
      reporter: quietReporter,
      cancelled: cancel.signal,
      sleep: cancel.sleep
    })
    await expect(pending).rejects.toThrow('the run was cancelled (SIGINT)')
    expect(builds).toBe(1)
    expect(cancel.waits).toHaveLength(1)
  })
})
