// Attestation flags as build-push-action passes them: provenance names this run as its builder, and
// `provenance`/`sbom` take precedence over `attests` entries of their type. Inputs → the exact argv.
import { describe, expect, it } from '@jest/globals'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { buildArgs } from '../../src/docker/build-flags.js'
import { attestArgs, provenanceArgs, withBuilderId } from '../../src/docker/attests.js'
import type { Inputs } from '../../src/inputs/parse.js'

const RUN = 'https://github.com/octo/app/actions/runs/42/attempts/2'

describe('the attestation flags of a buildx build', () => {
  const cases: [string, Partial<Inputs>, string | undefined, string[]][] = [
    ['neither input: buildx keeps its default', {}, RUN, []],
    ['provenance true names the run', { provenance: 'true' }, RUN, [`--provenance=builder-id=${RUN}`]],
    [
      'provenance True (any boolean spelling)',
      { provenance: 'True' },
      RUN,
      [`--provenance=builder-id=${RUN}`]
    ],
    ['provenance false stays off, no builder', { provenance: 'false' }, RUN, ['--provenance=false']],
    // buildx reads a boolean with Go's ParseBool: `1,builder-id=…` would be a field without `=` it refuses.
    [
      "provenance 1 (Go's word for true) names the run",
      { provenance: '1' },
      RUN,
      [`--provenance=builder-id=${RUN}`]
    ],
    [
      "provenance t (Go's word for true) names the run",
      { provenance: 't' },
      RUN,
      [`--provenance=builder-id=${RUN}`]
    ],
    ["provenance 0 (Go's word for false) stays off", { provenance: '0' }, RUN, ['--provenance=false']],
    ["provenance F (Go's word for false) stays off", { provenance: 'F' }, RUN, ['--provenance=false']],
    [
      'provenance attributes get the builder',
      { provenance: 'mode=max' },
      RUN,
      [`--provenance=mode=max,builder-id=${RUN}`]
    ],
    [
      'a builder-id given is kept',
      { provenance: 'mode=max,builder-id=https://ci.example/1' },
      RUN,
      ['--provenance=mode=max,builder-id=https://ci.example/1']
    ],
    ['outside a run: no builder-id', { provenance: 'true' }, undefined, ['--provenance=true']],
    ['outside a run, attributes as given', { provenance: 'mode=max' }, undefined, ['--provenance=mode=max']],
    [
      'a provenance entry in attests gets the builder',
      { attests: ['type=sbom', 'type=provenance,mode=max'] },
      RUN,
      ['--attest=type=sbom', `--attest=type=provenance,mode=max,builder-id=${RUN}`]
    ],
    [
      'provenance has precedence over an attests entry: one flag, never both',
      { provenance: 'mode=min', attests: ['type=provenance,mode=max', 'type=sbom'] },
      RUN,
      ['--attest=type=sbom', `--provenance=mode=min,builder-id=${RUN}`]
    ],
    [
      'provenance false has precedence too',
      { provenance: 'false', attests: ['type=provenance,mode=max'] },
      RUN,
      ['--provenance=false']
    ],
    [
      'sbom has precedence over an attests sbom entry',
      { sbom: 'true', attests: ['type=sbom,generator=x/y'] },
      RUN,
      ['--sbom=true']
    ],
    [
      'a quoted type field is read as buildx reads it',
      { provenance: 'true', attests: ['"type=provenance",mode=max'] },
      RUN,
      [`--provenance=builder-id=${RUN}`]
    ]
  ]
  it.each(cases)('%s', (_, over, builderId, expected) => {
    const args = buildArgs(makeInputs(over), { refs: [], labels: [], builderId }, true)
    expect(args.filter(a => /^--(provenance|sbom|attest)=/.test(a))).toEqual(expected)
  })
})

describe('pieces', () => {
  it('withBuilderId adds nothing without a run, and to an empty value only the builder', () => {
    expect(withBuilderId('mode=max')).toBe('mode=max')
    expect(withBuilderId('', RUN)).toBe(`builder-id=${RUN}`)
  })
  it('provenanceArgs of an empty input is nothing', () => {
    expect(provenanceArgs('', RUN)).toEqual([])
  })
  it('attestArgs keeps other types whatever provenance says', () => {
    expect(attestArgs({ provenance: 'true', sbom: '', attests: ['type=spdx'] }, RUN)).toEqual([
      '--attest=type=spdx'
    ])
  })
})
