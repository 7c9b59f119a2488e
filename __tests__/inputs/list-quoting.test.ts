// Every list input is read as build-push-action reads the input of that name (docker/actions-toolkit's
// getInputList with the options BPA passes). The table names BPA's options per input; each option set is
// then checked on the same samples, quotes, commas and whitespace.
import { describe, expect, it } from '@jest/globals'
import { csvList, type ListOptions } from '../../src/inputs/csv.js'
import { buildArgs } from '../../src/docker/build-flags.js'
import { defaultInputs, listOptions } from '../../src/inputs/parse.js'
import { isListKind, rowByName } from '../../src/inputs/table.js'

/** build-push-action's getInputs: the options of each list input it reads. */
const BPA: Record<string, ListOptions> = {
  'add-hosts': {},
  allow: {},
  annotations: { ignoreComma: true },
  attests: { ignoreComma: true },
  'build-args': { ignoreComma: true },
  'build-contexts': { ignoreComma: true },
  'cache-from': { ignoreComma: true },
  'cache-to': { ignoreComma: true },
  labels: { ignoreComma: true },
  'no-cache-filters': {},
  outputs: { ignoreComma: true, quote: false },
  platforms: {},
  secrets: { ignoreComma: true, trim: false },
  'secret-envs': {},
  'secret-files': { ignoreComma: true },
  ssh: {},
  ulimit: { ignoreComma: true }
}

const SAMPLES = ['a,b\n c ', '"x,y"', 'k=1,"v=2,3"', 'id=v  ', '"p=one\ntwo\n"', 'a, "b,c"']
/** What each option set makes of the samples, as csv-parse with relaxed quotes and getList's loop do. */
const EXPECTED: [ListOptions, string[][]][] = [
  [{}, [['a', 'b', 'c'], ['x', 'y'], ['k=1', 'v=2,3'], ['id=v'], ['p=one\ntwo'], ['a', '"b', 'c"']]],
  [{ ignoreComma: true }, [['a,b', 'c'], ['x,y'], ['k=1,v=2,3'], ['id=v'], ['p=one\ntwo'], ['a, "b,c"']]],
  [
    { ignoreComma: true, quote: false },
    [['a,b', 'c'], ['"x,y"'], ['k=1,"v=2,3"'], ['id=v'], ['"p=one', 'two', '"'], ['a, "b,c"']]
  ],
  [
    { ignoreComma: true, trim: false },
    [['a,b', ' c '], ['x,y'], ['k=1,v=2,3'], ['id=v  '], ['p=one\ntwo\n'], ['a, "b,c"']]
  ]
]

describe('each list input is read with build-push-action options', () => {
  it.each(Object.entries(BPA))('%s', (name, bpa) => {
    const row = rowByName(name)
    expect(row).toBeDefined()
    expect(isListKind(row![1].kind)).toBe(true)
    expect(listOptions(row![1])).toEqual(bpa)
  })
})

describe.each(EXPECTED)('reading with %j', (opts, results) => {
  it.each(SAMPLES.map((s, i): [string, string[]] => [s, results[i]]))('%j → %j', (sample, expected) => {
    expect(csvList(sample, opts)).toEqual(expected)
  })
})

describe('through the parser, to the argv', () => {
  it('tags: a quoted line of tags is split as BPA splits it, and a rule keeps its quoted value', () => {
    expect(defaultInputs({ image: 'my/app', tags: '"v1,v2"' }).tags).toEqual(['v1', 'v2'])
    const rules = defaultInputs({ image: 'my/app', tags: 'type=raw,"value=a,b",enable=false' }).tagRules
    expect(rules.map(r => r.value?.source)).toEqual(['a,b'])
  })

  it('outputs: quoted fields reach buildx as written, for its own CSV reader', () => {
    const spec = 'type=image,"name=r/a:1,r/a:2",push-by-digest=true'
    const inputs = defaultInputs({ image: 'my/app', outputs: spec })
    expect(inputs.outputs).toEqual([spec])
    expect(buildArgs(inputs, { refs: [], labels: [], exports: [`--output=${spec}`] }, true)).toContain(
      `--output=${spec}`
    )
  })

  it('secrets: a value keeps its trailing newline; the id loses the line indentation', () => {
    expect(
      defaultInputs({ image: 'my/app', secrets: '"key=-----BEGIN-----\nk\n-----END-----\n"\n  t=1 ' }).secrets
    ).toEqual(['key=-----BEGIN-----\nk\n-----END-----\n', 't=1 '])
  })

  it('platforms: a quoted list is split as BPA splits it', () => {
    expect(defaultInputs({ image: 'my/app', platforms: '"linux/amd64,linux/arm64"' }).platforms).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
  })
})
