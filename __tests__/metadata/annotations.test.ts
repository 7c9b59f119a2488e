// The OCI labels as buildx annotations: which levels, when an index can take them, and the one rebuild
// without the index levels when buildx finds no index.
import { describe, expect, it } from '@jest/globals'
import {
  annotationEntries,
  annotationsAt,
  mayHaveIndex,
  ociAnnotations,
  withoutIndexLevels,
  buildLevels
} from '../../src/metadata/annotations.js'
import type { BuildPlan } from '../../src/docker/build-flags.js'
import { DockerError } from '../../src/docker/errors.js'
import { buildAnnotations, withIndexFallback } from '../../src/pipeline/annotate.js'
import { readMetadataEnv } from '../../src/metadata/env.js'
import { metadataOutputs } from '../../src/metadata/outputs.js'
import { InputProblem } from '../../src/core/problem.js'

const TITLE = 'org.opencontainers.image.title'
const DESC = 'org.opencontainers.image.description'

describe('DOCKER_METADATA_ANNOTATIONS_LEVELS: one reader, a default for each use', () => {
  const levelsOf = (raw: string | undefined) =>
    readMetadataEnv(raw === undefined ? {} : { DOCKER_METADATA_ANNOTATIONS_LEVELS: raw })
  const cases: [string | undefined, string[], string[]][] = [
    // unset: our builds annotate the manifest and the index; the annotations output is metadata-action's manifest
    [undefined, ['manifest', 'index'], ['manifest']],
    ['', ['manifest', 'index'], ['manifest']],
    ['  ', ['manifest', 'index'], ['manifest']],
    ['manifest', ['manifest'], ['manifest']],
    ['index', ['index'], ['index']],
    ['Manifest, INDEX ,manifest', ['manifest', 'index'], ['manifest', 'index', 'manifest']],
    [
      'manifest-descriptor,index-descriptor',
      ['manifest-descriptor', 'index-descriptor'],
      ['manifest-descriptor', 'index-descriptor']
    ],
    // split at every comma, as metadata-action splits it; each level in its one spelling
    [
      'manifest[linux/amd64],manifest[Linux/ARM64], index,',
      ['manifest[linux/amd64]', 'manifest[linux/arm64]', 'index'],
      ['manifest[linux/amd64]', 'manifest[linux/arm64]', 'index']
    ]
  ]
  it.each(cases)('%j → builds %j, output %j', (raw, build, output) => {
    const metadataEnv = levelsOf(raw)
    expect(buildLevels({ metadataEnv })).toEqual(build)
    const out = metadataOutputs({ version: '', labels: [], annotations: [`${TITLE}=a`] }, [], { metadataEnv })
    expect(out.annotations).toEqual(output.map(level => `${level}:${TITLE}=a`))
  })

  it("the output holds the user's annotations: unleveled ones at every level, leveled ones at theirs", () => {
    const metadataEnv = levelsOf('manifest,index')
    const entries = annotationEntries(
      [`${TITLE}=app`, `${DESC}=from the API`, 'com.example.label=1'],
      [`${DESC}=mine`, 'com.example.team=core', `index:${TITLE}=index title`]
    )
    expect(
      metadataOutputs({ version: '', labels: [], annotations: entries }, [], { metadataEnv }).annotations
    ).toEqual([
      'manifest:com.example.team=core',
      `manifest:${DESC}=mine`,
      `manifest:${TITLE}=app`,
      'index:com.example.team=core',
      `index:${DESC}=mine`,
      `index:${TITLE}=index title`
    ])
  })

  it('the levels a result names (a merged index: index only) decide over the variable', () => {
    const metadataEnv = levelsOf('manifest')
    const meta = { version: '', labels: [], annotations: [`${TITLE}=a`], levels: ['index'] }
    expect(metadataOutputs(meta, [], { metadataEnv }).annotations).toEqual([`index:${TITLE}=a`])
  })

  it('an unknown level is an error naming the variable, for both uses', () => {
    expect(() => levelsOf('manifest,layer')).toThrow(InputProblem)
    expect(() => levelsOf('manifest,layer')).toThrow(/"layer" is not an annotation level/)
  })

  it('a platform list in one level is an error saying what to write: metadata-action splits it at the comma', () => {
    let problem: InputProblem | undefined
    try {
      levelsOf('index,manifest[linux/amd64,linux/arm64]')
    } catch (error) {
      problem = error as InputProblem
    }
    expect(problem).toBeInstanceOf(InputProblem)
    expect(problem?.subject).toBe('DOCKER_METADATA_ANNOTATIONS_LEVELS')
    expect(problem?.message).toContain(
      'a level names one platform, and metadata-action splits the list at every comma; write "index,manifest[linux/amd64],manifest[linux/arm64]"'
    )
  })
})

describe('mayHaveIndex', () => {
  const cases: [
    string,
    { platforms?: string[]; provenance?: string; sbom?: string },
    NodeJS.ProcessEnv,
    boolean
  ][] = [
    ['one platform, buildx default provenance', {}, {}, true],
    ['default attestations off', {}, { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' }, false],
    ['provenance false', { provenance: 'false' }, {}, false],
    ['provenance FALSE', { provenance: 'FALSE' }, {}, false],
    ['provenance mode=max', { provenance: 'mode=max' }, {}, true],
    [
      'provenance true, default attestations off',
      { provenance: 'true' },
      { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' },
      true
    ],
    ['provenance false but an sbom', { provenance: 'false', sbom: 'true' }, {}, true],
    ['sbom false, provenance false', { provenance: 'false', sbom: 'false' }, {}, false],
    [
      'two platforms, no attestations',
      { platforms: ['linux/amd64', 'linux/arm64'], provenance: 'false' },
      {},
      true
    ],
    ['one platform given, no attestations', { platforms: ['linux/amd64'], provenance: 'false' }, {}, false]
  ]
  it.each(cases)('%s → %s', (_name, inputs, env, expected) => {
    expect(mayHaveIndex({ platforms: [], provenance: '', sbom: '', ...inputs }, env)).toBe(expected)
  })
})

describe('ociAnnotations', () => {
  const labels = [`${TITLE}=app`, `${DESC}=An app, with commas = and equals`, 'com.example.team=core', 'x']
  const cases: [string, string[], boolean, string[]][] = [
    [
      'manifest and index, with an index',
      ['manifest', 'index'],
      true,
      [
        `manifest:${TITLE}=app`,
        `manifest:${DESC}=An app, with commas = and equals`,
        `index:${TITLE}=app`,
        `index:${DESC}=An app, with commas = and equals`
      ]
    ],
    [
      'manifest and index, no index: manifest only',
      ['manifest', 'index'],
      false,
      [`manifest:${TITLE}=app`, `manifest:${DESC}=An app, with commas = and equals`]
    ],
    ['index only, no index: none', ['index', 'index-descriptor'], false, []],
    [
      'descriptors',
      ['manifest-descriptor', 'index-descriptor'],
      true,
      [
        `manifest-descriptor:${TITLE}=app`,
        `manifest-descriptor:${DESC}=An app, with commas = and equals`,
        `index-descriptor:${TITLE}=app`,
        `index-descriptor:${DESC}=An app, with commas = and equals`
      ]
    ],
    ['no levels', [], true, []]
  ]
  it.each(cases)('%s', (_name, levels, index, expected) => {
    expect(ociAnnotations(labels, [], levels, index)).toEqual(expected)
  })

  it('only OCI keys: other labels stay labels', () => {
    expect(
      ociAnnotations(['com.example.x=1', 'org.opencontainers.imagex=2'], [], ['manifest'], true)
    ).toEqual([])
  })

  // The user's --annotation flags are passed as given (build-flags.ts); ours must not undo them.
  const both = ['manifest', 'index']
  const auto = [`${TITLE}=app`, `${DESC}=from the API`]
  it('an unleveled annotation of the user replaces ours at every level, the manifest left to its own flag', () => {
    expect(ociAnnotations(auto, [`${DESC}=mine`], both, true)).toEqual([
      `manifest:${TITLE}=app`,
      `index:${TITLE}=app`,
      `index:${DESC}=mine`
    ])
  })

  it("the user's unleveled annotations join ours at every level, as metadata-action's custom ones", () => {
    expect(ociAnnotations([`${TITLE}=app`], ['com.example.team=core'], both, true)).toEqual([
      `manifest:${TITLE}=app`,
      `index:${TITLE}=app`,
      'index:com.example.team=core'
    ])
  })

  it('a leveled annotation of the user replaces ours at that level only', () => {
    expect(ociAnnotations(auto, [`index:${DESC}=mine`], both, true)).toEqual([
      `manifest:${TITLE}=app`,
      `manifest:${DESC}=from the API`,
      `index:${TITLE}=app`
    ])
    expect(
      ociAnnotations(auto, [`manifest[linux/amd64]:${DESC}=mine`], ['manifest[linux/amd64]'], true)
    ).toEqual([`manifest[linux/amd64]:${TITLE}=app`])
  })
})

describe('a line naming several levels is the several levels it names', () => {
  const both = ['manifest', 'index']
  const auto = [`${TITLE}=app`, `${DESC}=from the API`]

  it("ociAnnotations leaves the key to the user's line at each level it names, and only there", () => {
    expect(ociAnnotations(auto, [`index,manifest:${DESC}=mine`], both, true)).toEqual([
      `manifest:${TITLE}=app`,
      `index:${TITLE}=app`
    ])
    expect(
      ociAnnotations(
        auto,
        [`index,manifest[Linux/x86_64]:${DESC}=mine`],
        [...both, 'manifest[linux/amd64]'],
        true
      )
    ).toEqual([
      `manifest:${TITLE}=app`,
      `manifest:${DESC}=from the API`,
      `index:${TITLE}=app`,
      `manifest[linux/amd64]:${TITLE}=app`
    ])
  })

  it('the annotations output holds it at each of its levels', () => {
    const entries = annotationEntries(auto, [`index,manifest:${DESC}=mine`, 'manifest-descriptor,index:k=v'])
    expect(annotationsAt(entries, 'index')).toEqual([
      [TITLE, 'app'],
      [DESC, 'mine'],
      ['k', 'v']
    ])
    const metadataEnv = readMetadataEnv({
      DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,manifest-descriptor'
    })
    expect(
      metadataOutputs({ version: '', labels: [], annotations: entries }, [], { metadataEnv }).annotations
    ).toEqual([
      `manifest:${DESC}=mine`,
      `manifest:${TITLE}=app`,
      'manifest-descriptor:k=v',
      `manifest-descriptor:${DESC}=from the API`,
      `manifest-descriptor:${TITLE}=app`
    ])
  })

  it('withoutIndexLevels keeps its other levels, one per line', () => {
    expect(
      withoutIndexLevels([
        `index,manifest:${DESC}=a`,
        `index-descriptor,index:${TITLE}=a`,
        `manifest[Linux/x86_64],index,manifest-descriptor:k=a:b`,
        `manifest,manifest-descriptor:k=v`
      ])
    ).toEqual([
      `manifest:${DESC}=a`,
      'manifest[linux/amd64]:k=a:b',
      'manifest-descriptor:k=a:b',
      'manifest,manifest-descriptor:k=v'
    ])
  })
})

describe('withoutIndexLevels', () => {
  it('drops index and index-descriptor entries, keeps the rest in order', () => {
    expect(
      withoutIndexLevels([
        `manifest:${TITLE}=a`,
        `index:${TITLE}=a`,
        `index-descriptor:${TITLE}=a`,
        `manifest-descriptor:${TITLE}=a`
      ])
    ).toEqual([`manifest:${TITLE}=a`, `manifest-descriptor:${TITLE}=a`])
  })
})

describe('buildAnnotations', () => {
  it('puts the OCI labels at the levels read with the inputs; index levels only where an index may be', () => {
    const inputs = (raw: string) => ({
      platforms: [],
      provenance: 'false',
      sbom: '',
      annotations: [],
      metadataEnv: readMetadataEnv({ DOCKER_METADATA_ANNOTATIONS_LEVELS: raw })
    })
    expect(buildAnnotations(inputs('index,manifest'), [`${TITLE}=a`, 'team=x'], {})).toEqual([
      `manifest:${TITLE}=a`
    ])
    expect(buildAnnotations({ ...inputs('index,manifest'), provenance: '' }, [`${TITLE}=a`], {})).toEqual([
      `index:${TITLE}=a`,
      `manifest:${TITLE}=a`
    ])
    expect(
      buildAnnotations({ ...inputs('index[linux/amd64]'), provenance: 'false' }, [`${TITLE}=a`], {})
    ).toEqual([])
    // a level for some platforms reaches the build (it was ignored, with a warning)
    expect(buildAnnotations(inputs('manifest[linux/amd64]'), [`${TITLE}=a`], {})).toEqual([
      `manifest[linux/amd64]:${TITLE}=a`
    ])
  })
})

describe('withIndexFallback', () => {
  const plan = (annotations: string[]): BuildPlan => ({ refs: ['r'], iidfile: '/i', labels: [], annotations })
  const refused = new DockerError(
    'buildx build',
    1,
    '#6 exporting to image\nERROR: failed to solve: index annotations not supported for single platform export\n'
  )

  it('runs once more without the index levels when buildx finds no index, and says so', async () => {
    const seen: (string[] | undefined)[] = []
    const infos: string[] = []
    const result = await withIndexFallback(
      plan([`manifest:${TITLE}=a`, `index:${TITLE}=a`]),
      async p => {
        seen.push(p.annotations)
        if (p.annotations?.some(a => a.startsWith('index:'))) throw refused
        return 'built'
      },
      { info: m => infos.push(m) }
    )
    expect(result).toBe('built')
    expect(seen).toEqual([[`manifest:${TITLE}=a`, `index:${TITLE}=a`], [`manifest:${TITLE}=a`]])
    expect(infos).toEqual([expect.stringMatching(/no image index/)])
  })

  it('any other failure is the build failing: not run again', async () => {
    let calls = 0
    const failed = new DockerError(
      'buildx build',
      1,
      'ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1'
    )
    await expect(
      withIndexFallback(
        plan([`index:${TITLE}=a`]),
        async () => {
          calls++
          throw failed
        },
        { info: () => {} }
      )
    ).rejects.toBe(failed)
    expect(calls).toBe(1)
  })

  it('the refusal without index annotations of ours is not ours to handle', async () => {
    let calls = 0
    await expect(
      withIndexFallback(
        plan([`manifest:${TITLE}=a`]),
        async () => {
          calls++
          throw refused
        },
        { info: () => {} }
      )
    ).rejects.toBe(refused)
    expect(calls).toBe(1)
  })
})
