// argv tables for the build options: input → exact flags, on both builders.
import { describe, expect, it } from '@jest/globals'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { buildArgs, callArg, optionArgs, type BuildPlan } from '../../src/docker/build-flags.js'
import type { Inputs } from '../../src/inputs/parse.js'

const REF = 'localhost:5000/my/app:v1'
const IID = '/w/iid'
const plan = (over: Partial<BuildPlan> = {}): BuildPlan => ({
  refs: [REF],
  iidfile: IID,
  labels: [],
  ...over
})

describe('optionArgs', () => {
  const cases: [string, Partial<Inputs>, Partial<BuildPlan>, boolean, string[]][] = [
    ['nothing set, classic', {}, {}, false, []],
    ['nothing set, buildx', {}, {}, true, []],
    [
      'add-hosts, one flag each',
      { addHosts: ['a:10.0.0.1', 'b:::1'] },
      {},
      false,
      ['--add-host=a:10.0.0.1', '--add-host=b:::1']
    ],
    ['network', { network: 'host' }, {}, true, ['--network=host']],
    ['shm-size', { shmSize: '128m' }, {}, false, ['--shm-size=128m']],
    [
      'ulimit, one flag each',
      { ulimit: ['nofile=1024:2048', 'nproc=64'] },
      {},
      true,
      ['--ulimit=nofile=1024:2048', '--ulimit=nproc=64']
    ],
    ['cgroup-parent', { cgroupParent: '/ci' }, {}, false, ['--cgroup-parent=/ci']],
    [
      'classic gets the five it understands and none of the buildx ones',
      {
        addHosts: ['a:10.0.0.1'],
        network: 'none',
        shmSize: '1g',
        ulimit: ['nofile=10'],
        cgroupParent: 'p',
        allow: ['network.host'],
        buildContexts: ['x=./x'],
        ssh: ['default'],
        annotations: ['k=v'],
        attests: ['type=sbom'],
        noCacheFilters: ['deps'],
        call: 'check'
      },
      {},
      false,
      ['--add-host=a:10.0.0.1', '--network=none', '--shm-size=1g', '--ulimit=nofile=10', '--cgroup-parent=p']
    ],
    [
      'allow, one flag each',
      { allow: ['network.host', 'security.insecure'] },
      {},
      true,
      ['--allow=network.host', '--allow=security.insecure']
    ],
    [
      'build-contexts from the inputs',
      { buildContexts: ['base=docker-image://alpine', 'src=./src'] },
      {},
      true,
      ['--build-context=base=docker-image://alpine', '--build-context=src=./src']
    ],
    [
      'build-contexts as the plan resolved them',
      { buildContexts: ['src={{defaultContext}}'] },
      { buildContexts: ['src=https://github.com/o/r.git#abc'] },
      true,
      ['--build-context=src=https://github.com/o/r.git#abc']
    ],
    ['ssh', { ssh: ['default', 'key=/k/id,/k/id2'] }, {}, true, ['--ssh=default', '--ssh=key=/k/id,/k/id2']],
    [
      'annotations keep their level',
      { annotations: ['index:a=1', 'manifest[linux/amd64]:b=x, y'] },
      {},
      true,
      ['--annotation=index:a=1', '--annotation=manifest[linux/amd64]:b=x, y']
    ],
    [
      'an annotation naming several levels: one flag per level (buildx 0.13 reads one level per flag)',
      { annotations: ['index,manifest:a=1, 2', 'k=v'] },
      {},
      true,
      ['--annotation=index:a=1, 2', '--annotation=manifest:a=1, 2', '--annotation=k=v']
    ],
    [
      'attests',
      { attests: ['type=sbom', 'type=provenance,mode=max'] },
      {},
      true,
      ['--attest=type=sbom', '--attest=type=provenance,mode=max']
    ],
    [
      'no-cache-filters',
      { noCacheFilters: ['deps', 'test'] },
      {},
      true,
      ['--no-cache-filter=deps', '--no-cache-filter=test']
    ],
    ['call check asks for JSON findings', { call: 'check' }, {}, true, ['--call=check,format=json']],
    ['call outline', { call: 'outline' }, {}, true, ['--call=outline']],
    ['call build', { call: 'build' }, {}, true, ['--call=build']]
  ]
  it.each(cases)('%s', (_name, over, planOver, buildx, expected) => {
    expect(optionArgs(makeInputs(over), planOver, buildx)).toEqual(expected)
  })

  it.each([
    ['check', 'check,format=json'],
    ['targets', 'targets'],
    // buildx's grammar: check's exit status is ours to decide (pipeline/call.ts), its format always JSON.
    ['check,ignorestatus=true', 'check,format=json'],
    ['check,format=text', 'check,format=json'],
    ['outline,format=json', 'outline,format=json'],
    ['targets,format=json', 'targets,format=json']
  ])('callArg(%s) → %s', (call, arg) => expect(callArg(call)).toBe(arg))
})

describe('buildArgs places them', () => {
  it('classic: after the cache flags, before the tags; the context as the plan resolved it', () => {
    expect(
      buildArgs(
        makeInputs({ noCache: true, addHosts: ['h:10.1.1.1'], shmSize: '64m' }),
        plan({ context: '/abs/ctx' })
      )
    ).toEqual([
      'build',
      '--force-rm',
      `--iidfile=${IID}`,
      '--no-cache',
      '--add-host=h:10.1.1.1',
      '--shm-size=64m',
      `--tag=${REF}`,
      '/abs/ctx'
    ])
  })

  it('buildx: a git context without its userinfo (moved to a secret by the plan)', () => {
    const inputs = makeInputs({
      context: 'https://x-access-token:ghs_tok@github.com/o/r.git#main',
      remoteContext: true,
      ssh: ['default'],
      call: 'check'
    })
    const args = buildArgs(
      inputs,
      plan({
        context: 'https://github.com/o/r.git#main',
        secretFiles: [{ id: 'GIT_AUTH_TOKEN.github.com', path: '/w/secrets/0' }],
        exports: ['--push']
      }),
      true
    )
    expect(args).toEqual([
      'buildx',
      'build',
      `--iidfile=${IID}`,
      '--ssh=default',
      '--call=check,format=json',
      '--secret=id=GIT_AUTH_TOKEN.github.com,src=/w/secrets/0',
      '--push',
      `--tag=${REF}`,
      'https://github.com/o/r.git#main'
    ])
    expect(args.join(' ')).not.toContain('ghs_tok')
  })
})
