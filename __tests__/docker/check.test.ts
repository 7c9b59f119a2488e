// `call`: the buildx version gate, and `check`'s findings read from buildx's JSON into annotations with a
// file and a line. buildx 0.15 is not on this machine: the parser is held to the documented format
// (BuildKit's frontend/subrequests/lint LintResults, as `--call=check,format=json` prints it).
import { describe, expect, it } from '@jest/globals'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { CheckOutputError, findingText, parseCheckFindings } from '../../src/docker/check.js'
import { Docker } from '../../src/docker/docker.js'
import type { ExecResult, Runner } from '../../src/docker/exec.js'
import { InputError, renderInputRefs } from '../../src/inputs/parse.js'
import { cliTerm } from '../../src/cli/main.js'
import { CheckError, evaluate } from '../../src/pipeline/call.js'
import { isEvaluation } from '../../src/inputs/build-options.js'
import { checkVersionGates, versionBelow } from '../../src/pipeline/gates.js'
import type { Plan } from '../../src/pipeline/plan.js'
import type { Reporter, Where } from '../../src/log/reporter.js'

// Two warnings as buildx prints them: protobuf JSON leaves sourceIndex 0 out, and `data` is base64.
const TWO_WARNINGS = JSON.stringify(
  {
    warnings: [
      {
        ruleName: 'FromAsCasing',
        description: "The 'as' keyword should match the case of the 'from' keyword",
        url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
        detail: "'as' and 'FROM' keywords' casing do not match",
        location: { ranges: [{ start: { line: 1 }, end: { line: 1 } }] }
      },
      {
        ruleName: 'JSONArgsRecommended',
        description:
          'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
        url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
        detail: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
        location: { sourceIndex: 0, ranges: [{ start: { line: 7 }, end: { line: 9 } }] }
      }
    ],
    sources: [{ filename: 'Dockerfile', language: 'Dockerfile', data: 'RlJPTSBidXN5Ym94IGFzIGJhc2U=' }]
  },
  null,
  2
)

describe('parseCheckFindings', () => {
  it('reads every warning with its rule, message, link, file and lines', () => {
    expect(parseCheckFindings(TWO_WARNINGS)).toEqual([
      {
        level: 'warning',
        rule: 'FromAsCasing',
        message: "'as' and 'FROM' keywords' casing do not match",
        url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
        file: 'Dockerfile',
        line: 1
      },
      {
        level: 'warning',
        rule: 'JSONArgsRecommended',
        message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
        url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
        file: 'Dockerfile',
        line: 7,
        endLine: 9
      }
    ])
  })

  it.each([
    ['no findings', '{"warnings":null,"sources":null}', []],
    ['after progress lines on stdout', `some text\n{"warnings":[]}`, []],
    [
      'a build error with its place, in the second source',
      JSON.stringify({
        warnings: [],
        sources: [{ filename: 'Dockerfile' }, { filename: 'other.Dockerfile' }],
        buildError: {
          message: 'unknown instruction: FORM',
          location: { sourceIndex: 1, ranges: [{ start: { line: 3 } }] }
        }
      }),
      [{ level: 'error', rule: '', message: 'unknown instruction: FORM', file: 'other.Dockerfile', line: 3 }]
    ],
    [
      'a warning without a place',
      JSON.stringify({ warnings: [{ ruleName: 'X', description: 'about the build' }] }),
      [{ level: 'warning', rule: 'X', message: 'about the build' }]
    ],
    // Read, not trusted: a field of another type is absent, and nothing throws a TypeError.
    ['warnings that are no list', '{"warnings":{"ruleName":"X"},"buildError":"boom"}', []],
    [
      'fields of other types',
      JSON.stringify({
        warnings: [null, 7, { ruleName: 5, description: ['x'], detail: 'seen', url: {}, location: 'here' }],
        sources: 'Dockerfile',
        buildError: { message: 'failed', location: { sourceIndex: 'a', ranges: [{ start: { line: -2 } }] } }
      }),
      [
        { level: 'warning', rule: '', message: 'seen' },
        { level: 'error', rule: '', message: 'failed' }
      ]
    ],
    [
      'a place in a source that is not listed',
      JSON.stringify({
        sources: [null],
        buildError: { message: 'm', location: { sourceIndex: 9, ranges: [{ start: { line: 2.5 } }, 1] } }
      }),
      [{ level: 'error', rule: '', message: 'm' }]
    ]
  ])('%s', (_name, stdout, expected) => expect(parseCheckFindings(stdout)).toEqual(expected))

  it.each(['', 'Check complete, 1 warning has been found!', '{not json'])('%j is no results', stdout =>
    expect(() => parseCheckFindings(stdout)).toThrow(CheckOutputError)
  )

  it('findingText names the rule and the link', () => {
    expect(findingText(parseCheckFindings(TWO_WARNINGS)[0])).toBe(
      "FromAsCasing: 'as' and 'FROM' keywords' casing do not match (https://docs.docker.com/go/dockerfile/rule/from-as-casing/)"
    )
  })
})

describe('versionBelow', () => {
  it.each([
    ['0.13.1', '0.15.0', true],
    ['0.9.9', '0.15.0', true],
    ['0.15.0', '0.15.0', false],
    ['0.15.1', '0.15.0', false],
    ['1.0.0', '0.15.0', false]
  ])('%s < %s: %s', (a, b, below) => expect(versionBelow(a, b)).toBe(below))
})

function runner(respond: (args: string[]) => Partial<ExecResult>): { runner: Runner; calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    runner: async (_c, args) => {
      calls.push(args)
      return { exitCode: 0, stdout: '', stderr: '', ...respond(args) }
    }
  }
}

describe('the version gate', () => {
  it('asks buildx nothing when no version-gated input is set', async () => {
    const { runner: r, calls } = runner(() => ({}))
    await checkVersionGates(makeInputs({}), new Docker(r, {}))
    expect(calls).toEqual([])
  })

  it('call on buildx 0.13 is an input error naming the version needed and the version found', async () => {
    const { runner: r, calls } = runner(() => ({
      stdout: 'github.com/docker/buildx v0.13.1 788433953af10f2a\n'
    }))
    const error = await checkVersionGates(makeInputs({ call: 'check' }), new Docker(r, {})).catch(
      e => e as InputError
    )
    expect(calls).toEqual([['buildx', 'version']])
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('call')
    expect((error as InputError).message).toMatch(
      /needs buildx 0\.15\.0 or later, and this docker has buildx 0\.13\.1 .*or drop the "call" input\)$/
    )
    // The CLI says it with its flag.
    expect(renderInputRefs((error as InputError).template, cliTerm)).toMatch(
      /\(update the buildx plugin: [^)]*, or drop --call\)$/
    )
    expect(renderInputRefs((error as InputError).template, cliTerm)).not.toContain('setup-buildx-action')
  })

  it('passes on 0.15 (a Debian-style version too)', async () => {
    const { runner: r } = runner(() => ({ stdout: 'github.com/docker/buildx 0.15.1+ds1-1 \n' }))
    await expect(checkVersionGates(makeInputs({ call: 'check' }), new Docker(r, {}))).resolves.toBeUndefined()
  })
})

describe('evaluate (call: check)', () => {
  const plan = {
    buildx: true,
    build: { refs: ['r:1'], iidfile: '/w/iid', labels: [], output: 'push' }
  } as unknown as Plan
  const recorder = (): { reporter: Reporter; warnings: [string, Where | undefined][] } => {
    const warnings: [string, Where | undefined][] = []
    return {
      warnings,
      reporter: {
        info: () => undefined,
        notice: () => undefined,
        warning: (m, w) => void warnings.push([m, w]),
        debug: () => undefined,
        setSecret: () => undefined,
        group: (_n, fn) => fn()
      }
    }
  }

  it('annotates each finding on its Dockerfile line and fails, exporting nothing', async () => {
    const { runner: r, calls } = runner(() => ({ exitCode: 1, stdout: TWO_WARNINGS }))
    const { reporter, warnings } = recorder()
    const inputs = makeInputs({ call: 'check', context: 'app' })
    const error = await evaluate(inputs, plan, { docker: new Docker(r, {}), reporter }).catch(
      e => e as CheckError
    )
    expect(calls[0]).toContain('--call=check,format=json')
    expect(calls[0]).not.toContain('--push')
    expect(calls[0]).not.toContain('--load')
    expect(warnings.map(([, w]) => w)).toEqual([
      { file: 'app/Dockerfile', line: 1, endLine: undefined },
      { file: 'app/Dockerfile', line: 7, endLine: 9 }
    ])
    expect(error).toBeInstanceOf(CheckError)
    expect((error as CheckError).message).toMatch(/2 finding\(s\); the first: FromAsCasing/)
    expect((error as CheckError).location).toEqual({ file: 'app/Dockerfile', line: 1 })
  })

  it('no findings: passes', async () => {
    const { runner: r } = runner(() => ({ stdout: '{"warnings":[]}' }))
    const { reporter, warnings } = recorder()
    await evaluate(makeInputs({ call: 'check' }), plan, { docker: new Docker(r, {}), reporter })
    expect(warnings).toEqual([])
  })

  it('a build that failed before checking is its docker error', async () => {
    const { runner: r } = runner(() => ({ exitCode: 1, stderr: 'ERROR: failed to read dockerfile' }))
    const { reporter } = recorder()
    await expect(
      evaluate(makeInputs({ call: 'check' }), plan, { docker: new Docker(r, {}), reporter })
    ).rejects.toThrow(/failed to read dockerfile/)
  })

  it('check,ignorestatus=true annotates each finding and passes, as buildx then exits 0', async () => {
    const { runner: r, calls } = runner(() => ({ exitCode: 0, stdout: TWO_WARNINGS }))
    const { reporter, warnings } = recorder()
    const inputs = makeInputs({ call: 'check,ignorestatus=true', context: 'app' })
    await evaluate(inputs, plan, { docker: new Docker(r, {}), reporter })
    expect(calls[0]).toContain('--call=check,format=json')
    expect(warnings.map(([, w]) => w?.line)).toEqual([1, 7])
  })

  it('check,ignorestatus=false fails on findings as check does', async () => {
    const { runner: r } = runner(() => ({ exitCode: 1, stdout: TWO_WARNINGS }))
    const { reporter } = recorder()
    const inputs = makeInputs({ call: 'check,ignorestatus=false' })
    await expect(evaluate(inputs, plan, { docker: new Docker(r, {}), reporter })).rejects.toThrow(CheckError)
  })

  it.each([
    ['', false],
    ['build', false],
    ['build,format=json', false],
    ['check', true],
    ['check,ignorestatus=true', true],
    ['outline', true],
    ['outline,format=json', true]
  ])('isEvaluation(%j) → %s', (call, expected) => expect(isEvaluation({ call })).toBe(expected))
})
