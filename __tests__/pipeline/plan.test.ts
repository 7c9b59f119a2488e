import { describe, expect, it } from '@jest/globals'
import { destinations, exportsFiles, pushesOutput } from '../../src/pipeline/plan.js'

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
