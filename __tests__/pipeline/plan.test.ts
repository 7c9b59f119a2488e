import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildArgs } from '../../src/docker/build-flags.js'
import { InputError } from '../../src/inputs/error.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { loadRegistryAuthParser } from '../../src/inputs/registry-auth.js'
import { destinations, exportsFiles, makePlan } from '../../src/pipeline/plan.js'
import { quietReporter } from '../helpers/reporter.js'
import { pushesOutput } from '../../src/inputs/build-options.js'

const inputs = (
  over: { push?: boolean; pushGiven?: boolean; load?: boolean; outputs?: string[]; platforms?: string[] } = {}
) => ({
  push: true,
  pushGiven: false,
  load: false,
  outputs: [],
  platforms: [],
  ...over
})

describe('destinations: where the result goes, as build-push-action decides it', () => {
  it.each([
    ['classic pushes with docker', inputs(), false, { pushedBy: 'docker', local: 'yes' }],
    ['classic, push false', inputs({ push: false }), false, { pushedBy: 'none', local: 'yes' }],
    [
      'buildx pushes straight from BuildKit',
      inputs(),
      true,
      { pushedBy: 'buildx', local: 'maybe', exports: ['--push'] }
    ],
    [
      'buildx with load too',
      inputs({ load: true }),
      true,
      { pushedBy: 'buildx', local: 'yes', exports: ['--push', '--load'] }
    ],
    [
      'buildx, load without push',
      inputs({ push: false, load: true }),
      true,
      { pushedBy: 'none', local: 'yes', exports: ['--load'] }
    ],
    [
      "buildx, neither: the driver's default",
      inputs({ push: false }),
      true,
      { pushedBy: 'none', local: 'maybe', exports: [] }
    ],
    [
      'outputs that export files push nothing, whatever push says',
      inputs({ outputs: ['type=local,dest=out'] }),
      true,
      { pushedBy: 'none', local: 'no', exports: ['--output=type=local,dest=out'] }
    ],
    [
      "push true given outright beside outputs adds buildx's --push, as build-push-action does",
      inputs({ outputs: ['type=local,dest=out'], pushGiven: true }),
      true,
      { pushedBy: 'buildx', local: 'no', exports: ['--output=type=local,dest=out', '--push'] }
    ],
    [
      'push false given beside outputs adds nothing',
      inputs({ push: false, pushGiven: true, outputs: ['type=image'] }),
      true,
      { pushedBy: 'none', local: 'no', exports: ['--output=type=image'] }
    ],
    [
      'an output that pushes already needs no --push',
      inputs({ outputs: ['type=image,push=True'], pushGiven: true }),
      true,
      { pushedBy: 'buildx', local: 'no', exports: ['--output=type=image,push=True'] }
    ],
    [
      'an output to a registry pushes',
      inputs({ push: false, outputs: ['type=registry'] }),
      true,
      { pushedBy: 'buildx', local: 'no', exports: ['--output=type=registry'] }
    ],
    [
      'outputs with load',
      inputs({ outputs: ['type=image,push=true'], load: true }),
      true,
      { pushedBy: 'buildx', local: 'yes', exports: ['--output=type=image,push=true', '--load'] }
    ]
  ])('%s', (_name, given, buildx, expected) => {
    expect(destinations(given, buildx, 'docker-container')).toEqual(expected)
  })

  it('a builder of its own runs a load and a push as buildx is told (no shared store to collide in)', () => {
    expect(
      destinations(inputs({ outputs: ['type=registry'], load: true }), true, 'docker-container')
    ).toEqual({
      pushedBy: 'buildx',
      local: 'yes',
      exports: ['--output=type=registry', '--load']
    })
  })

  it.each([
    [
      'one platform: load, then docker push by ID',
      inputs(),
      { pushedBy: 'docker', local: 'yes', exports: ['--load'] }
    ],
    [
      'several platforms: buildx pushes them',
      inputs({ platforms: ['linux/amd64', 'linux/arm64'] }),
      { pushedBy: 'buildx', local: 'maybe', exports: ['--push'] }
    ],
    [
      'outputs still decide',
      inputs({ outputs: ['type=registry'] }),
      { pushedBy: 'buildx', local: 'no', exports: ['--output=type=registry'] }
    ],
    [
      'push false: the driver loads it',
      inputs({ push: false }),
      { pushedBy: 'none', local: 'maybe', exports: [] }
    ],
    // Two exporters of one name: the containerd store at times refuses the second ("already exists").
    [
      'type=docker beside push: true given: loaded once, then docker push by ID',
      inputs({ outputs: ['type=docker'], pushGiven: true }),
      { pushedBy: 'docker', local: 'yes', exports: ['--load'] }
    ],
    [
      'type=registry beside load: true: the same',
      inputs({ outputs: ['type=registry'], push: false, pushGiven: true, load: true }),
      { pushedBy: 'docker', local: 'yes', exports: ['--load'] }
    ],
    [
      'a named load and a push as outputs: the same',
      inputs({ outputs: ['type=docker,name=a/b:1', 'type=image,push=true'] }),
      { pushedBy: 'docker', local: 'yes', exports: ['--load'] }
    ],
    [
      'type=docker with push not given: a load alone',
      inputs({ outputs: ['type=docker'] }),
      { pushedBy: 'none', local: 'no', exports: ['--output=type=docker'] }
    ],
    [
      'a push with attributes docker push has not (compression) stays with buildx',
      inputs({ outputs: ['type=registry,compression=zstd'], load: true }),
      { pushedBy: 'buildx', local: 'yes', exports: ['--output=type=registry,compression=zstd', '--load'] }
    ],
    [
      'several platforms stay with buildx',
      inputs({ outputs: ['type=registry'], load: true, platforms: ['linux/amd64', 'linux/arm64'] }),
      { pushedBy: 'buildx', local: 'yes', exports: ['--output=type=registry', '--load'] }
    ]
  ])('on the docker driver, %s', (_name, given, expected) => {
    expect(destinations(given, true, 'docker')).toEqual(expected)
  })
})

describe('pushesOutput', () => {
  it.each([
    ['type=registry', true],
    ['type=registry,compression=zstd', true],
    ['type=image,push=true', true],
    ['push=true,type=image,name=x', true],
    // buildx reads it with Go's ParseBool
    ['type=image,push=True', true],
    ['type=image,push=1', true],
    ['type=image,push=t', true],
    ['type=image,push=0', false],
    ['type=image', false],
    ['type=image,push=false', false],
    ['type=local,dest=out', false],
    ['type=oci,dest=x.tar', false],
    ['out', false]
  ])('%s → %s', (spec, expected) => {
    expect(pushesOutput(spec)).toBe(expected)
  })
})

describe('exportsFiles: outputs beside which buildx refuses an iidfile', () => {
  it.each([
    ['type=local,dest=out', true],
    ['type=tar,dest=out.tar', true],
    ['dest=x,type=local', true],
    ['out', true],
    ['type=oci,dest=x.tar', false],
    ['type=registry', false],
    ['type=image,push=true', false]
  ])('%s → %s', (spec, expected) => {
    expect(exportsFiles(spec)).toBe(expected)
  })
})

describe('makePlan: push-by-digest (docker\'s "Distribute build across multiple runners" recipe)', () => {
  const RECIPE = 'type=image,push-by-digest=true,name-canonical=true,push=true'
  let cwd: string
  beforeAll(async () => {
    await loadRegistryAuthParser()
    cwd = mkdtempSync(path.join(tmpdir(), 'btp-plan-pbd-'))
    writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
  })
  const parsed = (values: Record<string, string>) => parseInputs(n => values[n] ?? '', cwd).inputs
  const plan = (values: Record<string, string>, driver = 'docker-container') =>
    makePlan(parsed(values), {
      workDir: mkdtempSync(path.join(tmpdir(), 'btp-plan-pbd-w-')),
      buildx: true,
      driver,
      reporter: quietReporter
    })

  it('the recipe (tags: a bare name): buildx gets the name without a tag, nothing is to be tagged', async () => {
    const inputs = { tags: 'localhost:5000/o/app', outputs: RECIPE, platforms: 'linux/amd64' }
    const p = await plan(inputs)
    expect(p.byDigest).toBe(true)
    expect(p.pushedBy).toBe('buildx')
    expect(p.build.refs).toEqual(['localhost:5000/o/app'])
    expect(p.targets).toEqual([
      { registry: 'localhost:5000', repository: 'localhost:5000/o/app', name: 'o/app', tags: [], refs: [] }
    ])
    const args = buildArgs(parsed(inputs), p.build, true)
    expect(args).toContain('--tag=localhost:5000/o/app')
    expect(args).toContain(`--output=${RECIPE}`)
    expect(args.filter(a => a.startsWith('--tag='))).toEqual(['--tag=localhost:5000/o/app'])
  })

  it('bare tags are not passed: BuildKit refuses to push a tagged name by digest', async () => {
    const p = await plan({ image: 'o/app', registry: 'localhost:5000', tags: 'v1,v2', outputs: RECIPE })
    expect(p.build.refs).toEqual(['localhost:5000/o/app'])
    expect(p.targets.map(t => t.tags)).toEqual([[]])
  })

  it("the output's name= decides where it goes, each name a target; no --tag, which would override it", async () => {
    const p = await plan({
      image: 'o/app',
      registry: 'localhost:5000',
      outputs: 'type=image,"name=localhost:5000/o/a,127.0.0.1:5001/o/b",push-by-digest=true,push=true'
    })
    expect(p.build.refs).toEqual([])
    expect(p.targets.map(t => [t.registry, t.name, t.tags])).toEqual([
      ['localhost:5000', 'o/a', []],
      ['127.0.0.1:5001', 'o/b', []]
    ])
  })

  it("docker's own recipe, the output's name= alone (no image, no tags): it names the target, no --tag", async () => {
    const outputs = 'type=image,name=localhost:5000/o/app,push-by-digest=true,name-canonical=true,push=true'
    const p = await plan({ outputs })
    expect(p.byDigest).toBe(true)
    expect(p.pushedBy).toBe('buildx')
    expect(p.build.refs).toEqual([])
    expect(p.targets).toEqual([
      { registry: 'localhost:5000', repository: 'localhost:5000/o/app', name: 'o/app', tags: [], refs: [] }
    ])
  })

  it('an output that does not push (no push=true) is no push by digest', async () => {
    const p = await plan({ image: 'o/app', outputs: 'type=image,push-by-digest=true', push: 'false' })
    expect(p.byDigest).toBe(false)
  })

  it("on buildx's docker driver it is an input error of outputs before any build", async () => {
    const error = await plan({ tags: 'localhost:5000/o/app', outputs: RECIPE }, 'docker').catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('outputs')
    expect((error as Error).message).toMatch(/push-by-digest.*docker driver/)
  })
})

describe('makePlan with nothing to name the image (no image, nothing pushed)', () => {
  let cwd: string
  beforeAll(async () => {
    await loadRegistryAuthParser()
    cwd = mkdtempSync(path.join(tmpdir(), 'btp-plan-none-'))
    writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
  })
  it.each([
    ['a build-only check, classic', { push: 'false' }, false, 'docker', { pushedBy: 'none', local: 'yes' }],
    [
      'a build-only check, docker driver',
      { push: 'false' },
      true,
      'docker',
      { pushedBy: 'none', local: 'maybe' }
    ],
    [
      'an untagged load',
      { push: 'false', load: 'true' },
      true,
      'docker-container',
      { pushedBy: 'none', local: 'yes' }
    ],
    [
      'files exported',
      { outputs: 'type=local,dest=bin' },
      true,
      'docker-container',
      { pushedBy: 'none', local: 'no' }
    ]
  ])('%s: built untagged, no target, no tag', async (_what, values, buildx, driver, where) => {
    const inputs = parseInputs(n => values[n as keyof typeof values] ?? '', cwd).inputs
    const p = await makePlan(inputs, {
      workDir: mkdtempSync(path.join(tmpdir(), 'btp-plan-none-w-')),
      buildx,
      driver,
      defaultTags: ['main'],
      reporter: quietReporter
    })
    expect(p).toMatchObject({ ...where, targets: [], tags: [], repository: '', name: '' })
    expect(p.build.refs).toEqual([])
    expect(buildArgs(inputs, p.build, buildx).filter(a => a.startsWith('--tag'))).toEqual([])
  })

  it("a type=gha cache without scope gets BuildKit's own default scope, as there is no image's", async () => {
    const values: Record<string, string> = { push: 'false', 'cache-from': 'type=gha' }
    const inputs = parseInputs(n => values[n] ?? '', cwd).inputs
    const p = await makePlan(inputs, {
      workDir: mkdtempSync(path.join(tmpdir(), 'btp-plan-none-w-')),
      buildx: true,
      reporter: quietReporter
    })
    expect(p.build.cacheFrom).toEqual(['type=gha,scope=buildkit'])
  })
})
