// metadata-action's outputs as the action writes them: version, tag-names, labels, annotations and json,
// with the sep-* separators and DOCKER_METADATA_ANNOTATIONS_LEVELS, and the DOCKER_METADATA_OUTPUT_*
// variables it exports for later steps.
import { describe, expect, it } from '@jest/globals'
import { makeInputs } from '../../__fixtures__/inputs.js'
import type { Result } from '../../src/pipeline/result.js'
import { outputs, typedOutputs } from '../../src/action/summary.js'
import { DEFAULT_METADATA_ENV, readMetadataEnv } from '../../src/metadata/env.js'
import { metadataEnvExports } from '../../src/metadata/outputs.js'
import { classifyTags } from '../../src/inputs/tags.js'
import { InputProblem } from '../../src/core/problem.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

function result(over: Partial<Result> = {}): Result {
  return {
    digest: DIGEST,
    imageRef: `ghcr.io/my/app@${DIGEST}`,
    imageRefs: [`ghcr.io/my/app@${DIGEST}`],
    imageid: DIGEST,
    tags: ['ghcr.io/my/app:1.2.3', 'ghcr.io/my/app:latest'],
    platformDigests: {},
    builder: 'classic',
    buildx: {},
    size: 1,
    durations: {},
    counts: { docker: 1, registry: 1, verification: 1 },
    meta: {
      version: '1.2.3',
      labels: ['org.opencontainers.image.version=1.2.3', 'custom=a=b', 'org.opencontainers.image.created=T'],
      annotations: ['org.opencontainers.image.version=1.2.3', 'org.opencontainers.image.created=T']
    },
    ...over
  }
}

describe('metadata-action outputs', () => {
  it('newline-separated by default: labels sorted by key, annotations at the manifest level', () => {
    const o = outputs(makeInputs(), result())
    expect(o.version).toBe('1.2.3')
    expect(o.tags).toBe('ghcr.io/my/app:1.2.3\nghcr.io/my/app:latest')
    expect(o.labels).toBe(
      'custom=a=b\norg.opencontainers.image.created=T\norg.opencontainers.image.version=1.2.3'
    )
    expect(o.annotations).toBe(
      'manifest:org.opencontainers.image.created=T\nmanifest:org.opencontainers.image.version=1.2.3'
    )
    expect(JSON.parse(o.json)).toEqual({
      tags: ['ghcr.io/my/app:1.2.3', 'ghcr.io/my/app:latest'],
      labels: {
        custom: 'a=b',
        'org.opencontainers.image.created': 'T',
        'org.opencontainers.image.version': '1.2.3'
      },
      annotations: [
        'manifest:org.opencontainers.image.created=T',
        'manifest:org.opencontainers.image.version=1.2.3'
      ]
    })
  })

  it('joins with sep-tags, sep-labels and sep-annotations, each annotation once per level', () => {
    const inputs = makeInputs({
      sepTags: ',',
      sepLabels: ' ',
      sepAnnotations: ';',
      metadataEnv: { ...DEFAULT_METADATA_ENV, annotationLevels: ['index', 'manifest'] }
    })
    const o = outputs(
      inputs,
      result({ meta: { version: 'v', labels: ['b=2', 'a=1'], annotations: ['k=v'] } })
    )
    expect(o.tags).toBe('ghcr.io/my/app:1.2.3,ghcr.io/my/app:latest')
    expect(o.labels).toBe('a=1 b=2')
    expect(o.annotations).toBe('index:k=v;manifest:k=v')
    expect(JSON.parse(o.json).annotations).toEqual(['index:k=v', 'manifest:k=v'])
  })

  it('the CLI gets lists and an object, not joined text', () => {
    const t = typedOutputs(makeInputs({ sepLabels: ',' }), result())
    expect(t.labels).toEqual([
      'custom=a=b',
      'org.opencontainers.image.created=T',
      'org.opencontainers.image.version=1.2.3'
    ])
    expect((t.json as { tags: string[] }).tags).toEqual(['ghcr.io/my/app:1.2.3', 'ghcr.io/my/app:latest'])
  })

  it('an untagged build has empty tags and json tags', () => {
    const o = outputs(makeInputs(), result({ tags: [], digest: '', imageRef: '' }))
    expect(o.tags).toBe('')
    expect(JSON.parse(o.json).tags).toEqual([])
  })
})

describe('tag-names', () => {
  it('the tags without the image name, each once, joined by sep-tags', () => {
    const tags = [
      'ghcr.io/my/app:1.2.3',
      'ghcr.io/my/app:latest',
      'localhost:5000/my/app:1.2.3',
      'localhost:5000/my/app:latest'
    ]
    expect(outputs(makeInputs(), result({ tags }))['tag-names']).toBe('1.2.3\nlatest')
    expect(outputs(makeInputs({ sepTags: ',' }), result({ tags }))['tag-names']).toBe('1.2.3,latest')
    expect(typedOutputs(makeInputs(), result({ tags }))['tag-names']).toEqual(['1.2.3', 'latest'])
    expect(outputs(makeInputs(), result({ tags: [] }))['tag-names']).toBe('')
  })
})

describe('DOCKER_METADATA_OUTPUT_* for later steps', () => {
  const rules = classifyTags(['type=semver,pattern={{version}}']).rules
  const values = outputs(makeInputs(), result())

  it('with tag rules: every metadata-action output under its name, with the same value', () => {
    expect(metadataEnvExports(makeInputs({ tagRules: rules }), values)).toEqual({
      DOCKER_METADATA_OUTPUT_VERSION: values.version,
      DOCKER_METADATA_OUTPUT_TAGS: values.tags,
      DOCKER_METADATA_OUTPUT_TAG_NAMES: values['tag-names'],
      DOCKER_METADATA_OUTPUT_LABELS: values.labels,
      DOCKER_METADATA_OUTPUT_ANNOTATIONS: values.annotations,
      DOCKER_METADATA_OUTPUT_JSON: values.json
    })
    expect(values['tag-names']).toBe('1.2.3\nlatest')
  })

  it('none without rules, or with DOCKER_METADATA_SET_OUTPUT_ENV=false', () => {
    expect(metadataEnvExports(makeInputs(), values)).toEqual({})
    for (const off of ['false', 'False', '0', 'f'])
      expect(
        metadataEnvExports(
          makeInputs({
            tagRules: rules,
            metadataEnv: readMetadataEnv({ DOCKER_METADATA_SET_OUTPUT_ENV: off })
          }),
          values
        )
      ).toEqual({})
    const on = makeInputs({
      tagRules: rules,
      metadataEnv: readMetadataEnv({ DOCKER_METADATA_SET_OUTPUT_ENV: 'true' })
    })
    expect(Object.keys(metadataEnvExports(on, values))).toHaveLength(6)
  })

  it('DOCKER_METADATA_SET_OUTPUT_ENV that is no boolean is an error naming it', () => {
    expect(() => readMetadataEnv({ DOCKER_METADATA_SET_OUTPUT_ENV: 'yes' })).toThrow(InputProblem)
  })
})
