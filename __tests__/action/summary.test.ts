import { describe, it, expect } from '@jest/globals'
import { makeInputs as baseInputs } from '../../__fixtures__/inputs.js'
import type { Inputs } from '../../src/inputs/parse.js'
import type { Result } from '../../src/pipeline/result.js'
import { metadata, summaryMarkdown, summaryWanted, typedOutputs } from '../../src/action/summary.js'

const DIGEST = `sha256:${'a'.repeat(64)}`
const IMAGEID = `sha256:${'f'.repeat(64)}`

function makeInputs(over: Partial<Inputs> = {}): Inputs {
  return baseInputs({ registry: 'ghcr.io', tags: ['v1', 'latest'], ...over })
}

function makeResult(over: Partial<Result> = {}): Result {
  return {
    digest: DIGEST,
    imageRef: `ghcr.io/my/app@${DIGEST}`,
    imageRefs: [`ghcr.io/my/app@${DIGEST}`],
    imageid: IMAGEID,
    tags: ['ghcr.io/my/app:v1', 'ghcr.io/my/app:latest'],
    platformDigests: {},
    builder: 'classic',
    buildx: {},
    size: 1536,
    durations: { build: 12345, push: 2000, verify: 50 },
    counts: { docker: 3, registry: 2, verification: 1 },
    ...over
  }
}

const notPushed = (): Partial<Result> => ({ digest: '', imageRef: '', imageRefs: [] })

describe('metadata', () => {
  it('has exactly the documented keys', () => {
    expect(Object.keys(metadata(makeInputs(), makeResult())).sort()).toEqual(
      [
        'builder',
        'counts',
        'digest',
        'durations',
        'image',
        'image-ref',
        'image-refs',
        'imageid',
        'platform-digests',
        'pushed',
        'registry',
        'size',
        'tags'
      ].sort()
    )
  })

  it('carries the values of a pushed build', () => {
    expect(metadata(makeInputs(), makeResult())).toEqual({
      image: 'my/app',
      registry: 'ghcr.io',
      digest: DIGEST,
      'image-ref': `ghcr.io/my/app@${DIGEST}`,
      'image-refs': [`ghcr.io/my/app@${DIGEST}`],
      imageid: IMAGEID,
      tags: ['ghcr.io/my/app:v1', 'ghcr.io/my/app:latest'],
      pushed: true,
      'platform-digests': {},
      builder: 'classic',
      size: 1536,
      durations: { build: 12345, push: 2000, verify: 50 },
      counts: { docker: 3, registry: 2, verification: 1 }
    })
  })

  it('says pushed: false with empty digest and ref when not pushed', () => {
    const m = metadata(makeInputs({ push: false }), makeResult(notPushed()))
    expect(m.pushed).toBe(false)
    expect(m.digest).toBe('')
    expect(m['image-ref']).toBe('')
    expect(m.imageid).toBe(IMAGEID)
  })

  it('with no image (nothing pushed, nothing named): no image, no registry, no tag; the image ID alone', () => {
    const inputs = makeInputs({ push: false, image: '', registry: 'docker.io', targets: [], tags: [] })
    const result = makeResult({ ...notPushed(), tags: [] })
    expect(metadata(inputs, result)).toMatchObject({
      image: '',
      registry: '',
      tags: [],
      imageid: IMAGEID,
      pushed: false
    })
    expect(typedOutputs(inputs, result)).toMatchObject({
      digest: '',
      'image-ref': '',
      'image-refs': [],
      'image-name': '',
      'image-names': [],
      imageid: IMAGEID,
      tags: [],
      'tag-names': [],
      json: { tags: [] }
    })
    const md = summaryMarkdown(inputs, result)
    expect(md).toContain('| Image | _none_ |')
    expect(md).toContain('**Built (not pushed):**\n\n_untagged_')
  })

  it('is JSON-serializable', () => {
    const m = metadata(makeInputs(), makeResult())
    expect(JSON.parse(JSON.stringify(m))).toEqual(m)
  })
})

describe('summaryMarkdown', () => {
  it('shows the digest, image ref, image id and every pushed ref', () => {
    const md = summaryMarkdown(makeInputs(), makeResult())
    expect(md).toContain('### build-tag-push')
    expect(md).toContain('| Image | `ghcr.io/my/app` |')
    expect(md).toContain(`| Digest | \`${DIGEST}\` |`)
    expect(md).toContain(`| Image ref | \`ghcr.io/my/app@${DIGEST}\` |`)
    expect(md).toContain(`| Image ID | \`${IMAGEID}\` |`)
    expect(md).toContain('**Pushed:**')
    expect(md).toContain('- `ghcr.io/my/app:v1`\n- `ghcr.io/my/app:latest`')
    expect(md).not.toContain('not pushed')
  })

  it('says "not pushed" when push is false', () => {
    const md = summaryMarkdown(makeInputs({ push: false }), makeResult(notPushed()))
    expect(md).toContain('| Digest | _not pushed_ |')
    expect(md).toContain('| Image ref | _not pushed_ |')
    expect(md).toContain('**Built (not pushed):**')
    expect(md).not.toContain('**Pushed:**')
    expect(md).toContain('- `ghcr.io/my/app:v1`')
    expect(md).toContain(`| Image ID | \`${IMAGEID}\` |`)
  })

  it('a push by digest (push-by-digest=true) lists what the registry holds, name@digest, and claims no tag', () => {
    const md = summaryMarkdown(makeInputs(), makeResult({ tags: [] }))
    expect(md).toContain('**Pushed by digest, no tag:**')
    expect(md).toContain(`- \`ghcr.io/my/app@${DIGEST}\``)
    expect(md).not.toContain('**Pushed:**')
    expect(md).not.toContain('_untagged_')
  })

  it('a copy (no local image) has no Image ID row, rather than an empty one', () => {
    const md = summaryMarkdown(makeInputs(), makeResult({ imageid: '', builder: 'none' }))
    expect(md).not.toContain('Image ID')
    expect(md).not.toContain('``')
  })

  it('platform strings from a source stay in their cell: no row, column or code span of their own', () => {
    const hostile = 'linux/amd64 | x |\n| injected | row |`<b>`'
    const md = summaryMarkdown(makeInputs(), makeResult({ platformDigests: { [hostile]: DIGEST } }))
    const row = md.split('\n').find(l => l.includes('Platform'))!
    expect(md).not.toContain('\n| injected')
    expect(row).toBe(`| Platform \`linux/amd64 \\| x \\| \\| injected \\| row \\|'<b>'\` | \`${DIGEST}\` |`)
    // Exactly three unescaped pipes: the row's two cells.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(3)
  })

  it('lists durations in seconds', () => {
    const md = summaryMarkdown(makeInputs(), makeResult())
    expect(md).toContain('| build time | 12.3 s |')
    expect(md).toContain('| push time | 2.0 s |')
    expect(md).toContain('| verify time | 0.1 s |')
  })

  it('is a well-formed table', () => {
    const lines = summaryMarkdown(makeInputs(), makeResult()).split('\n')
    const table = lines.filter(l => l.startsWith('|'))
    expect(table.slice(0, 2)).toEqual(['| | |', '|---|---|'])
    for (const row of table) expect(row.endsWith('|')).toBe(true)
  })

  it.each([
    [0, '_n/a_'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
    [2 * 1024 ** 4, '2048.0 GiB']
  ])('size %d → %s', (size, shown) => {
    expect(summaryMarkdown(makeInputs(), makeResult({ size }))).toContain(`| Size | ${shown} |`)
  })
})

describe("summaryWanted: build-push-action's DOCKER_BUILD_SUMMARY", () => {
  it.each([
    [undefined, true],
    ['', true],
    ['true', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['0', false]
  ])('%j → %s', (value, wanted) => {
    expect(summaryWanted(value === undefined ? {} : { DOCKER_BUILD_SUMMARY: value })).toBe(wanted)
  })

  // build-push-action v6 reads the deprecated variable first, warns, and inverts it.
  it.each([
    [{ DOCKER_BUILD_NO_SUMMARY: 'true' }, false],
    [{ DOCKER_BUILD_NO_SUMMARY: '1' }, false],
    [{ DOCKER_BUILD_NO_SUMMARY: 'false' }, true],
    [{ DOCKER_BUILD_NO_SUMMARY: 'true', DOCKER_BUILD_SUMMARY: 'true' }, false],
    [{ DOCKER_BUILD_NO_SUMMARY: 'false', DOCKER_BUILD_SUMMARY: 'false' }, true]
  ])('%j → %s, with the deprecation warning', (env, wanted) => {
    const warnings: string[] = []
    expect(summaryWanted(env, w => warnings.push(w))).toBe(wanted)
    expect(warnings).toEqual([
      'DOCKER_BUILD_NO_SUMMARY is deprecated: set DOCKER_BUILD_SUMMARY to false instead'
    ])
  })

  it('warns of nothing without DOCKER_BUILD_NO_SUMMARY', () => {
    const warnings: string[] = []
    expect(
      summaryWanted({ DOCKER_BUILD_NO_SUMMARY: '', DOCKER_BUILD_SUMMARY: 'false' }, w => warnings.push(w))
    ).toBe(false)
    expect(warnings).toEqual([])
  })

  it('a DOCKER_BUILD_NO_SUMMARY Go refuses is a problem naming it', () => {
    expect(() => summaryWanted({ DOCKER_BUILD_NO_SUMMARY: 'yes' })).toThrow(
      expect.objectContaining({ subject: 'DOCKER_BUILD_NO_SUMMARY' })
    )
  })

  it.each(['no', 'off', 'FaLsE', ' false'])('%j is a problem naming the variable', value => {
    expect(() => summaryWanted({ DOCKER_BUILD_SUMMARY: value })).toThrow(
      expect.objectContaining({
        subject: 'DOCKER_BUILD_SUMMARY',
        message: `(an environment variable) ${JSON.stringify(value)} must be true or false`
      })
    )
  })
})
