// The `[type[,type…]:]key=value` grammar as buildx reads an annotation (util/buildflags/export.go,
// ParseAnnotations): cut at the first `=`, then at the first `:`, the types split at every comma, each a
// level for at most one platform. What current buildx refuses, or 0.13 reads as part of the key, is refused.
import { describe, expect, it } from '@jest/globals'
import {
  onePlatformEach,
  parseAnnotation,
  parseLevels,
  singleLevelLines,
  type Annotation
} from '../../src/metadata/levels.js'
import { problemOf } from '../helpers/problem.js'

const DESC = 'org.opencontainers.image.description'

describe('parseAnnotation: what buildx takes, and what it means', () => {
  const cases: [string, Annotation][] = [
    ['k=v', { levels: [], key: 'k', value: 'v' }],
    [`index:${DESC}=A=B`, { levels: [{ level: 'index' }], key: DESC, value: 'A=B' }],
    ['index:k=a:b', { levels: [{ level: 'index' }], key: 'k', value: 'a:b' }],
    [
      'manifest[linux/amd64]:k=',
      { levels: [{ level: 'manifest', platform: 'linux/amd64' }], key: 'k', value: '' }
    ],
    ['manifest-descriptor:k=v', { levels: [{ level: 'manifest-descriptor' }], key: 'k', value: 'v' }],
    // buildx's documented multi-level form: one line, several types
    [
      `index,manifest:${DESC}=x, y`,
      { levels: [{ level: 'index' }, { level: 'manifest' }], key: DESC, value: 'x, y' }
    ],
    [
      'index,manifest[Linux/x86_64],manifest-descriptor:k=v',
      {
        levels: [
          { level: 'index' },
          { level: 'manifest', platform: 'linux/amd64' },
          { level: 'manifest-descriptor' }
        ],
        key: 'k',
        value: 'v'
      }
    ],
    [
      'manifest[linux/amd64],manifest[linux/arm64]:k=v',
      {
        levels: [
          { level: 'manifest', platform: 'linux/amd64' },
          { level: 'manifest', platform: 'linux/arm64' }
        ],
        key: 'k',
        value: 'v'
      }
    ],
    // the first ":" ends the levels: the rest is the key's own (buildx 0.13 and later alike)
    ['manifest:com.example:x=1', { levels: [{ level: 'manifest' }], key: 'com.example:x', value: '1' }]
  ]
  it.each(cases)('%s', (line, want) => {
    expect(parseAnnotation(line)).toEqual(want)
  })

  const refused: [string, string][] = [
    ['novalue', '"novalue" is not [level:]key=value'],
    ['=v', 'is not [level:]key=value'],
    ['bogus:k=v', '"bogus" is not a level'],
    // no level but a colon: buildx refuses it (unknown annotation type "foo"); a level first keeps the colon
    ['foo:bar=1', '"foo" is not a level'],
    ['com.example:x=1', '"com.example" is not a level'],
    // buildx takes lowercase types only; 0.13 makes such a prefix part of the key
    ['Manifest:k=v', '"Manifest" is not a level'],
    [':k=v', '"" is not a level'],
    ['index,:k=v', '"" is not a level'],
    ['index,layer:k=v', '"layer" is not a level'],
    ['manifest[local]:k=v', '"manifest[local]" is not a level'],
    // a platform list in one level: buildx splits it at the comma (current buildx refuses, 0.13 keeps it in the key)
    [
      'manifest[linux/amd64,linux/arm64]:k=v',
      'a level names one platform, and buildx reads every comma before the key as one between levels; write "manifest[linux/amd64],manifest[linux/arm64]:k=…"'
    ],
    [
      'index,manifest[linux/amd64, linux/arm64]:k=v',
      'write "index,manifest[linux/amd64],manifest[linux/arm64]:k=…"'
    ],
    ['k k=v', 'the key "k k" must be'],
    ['manifest::k=v', 'the key ":k" must be']
  ]
  it.each(refused)('%s is refused: %s', (line, why) => {
    const message = problemOf(() => parseAnnotation(line))
    expect(message).toContain(JSON.stringify(line))
    expect(message).toContain(why)
  })
})

describe('parseLevels and onePlatformEach', () => {
  it('reads each comma-separated level in its one spelling, or none when one is not a level', () => {
    expect(parseLevels('index,manifest[Linux/x86_64]')).toEqual([
      { level: 'index' },
      { level: 'manifest', platform: 'linux/amd64' }
    ])
    expect(parseLevels('index,')).toBeUndefined()
    expect(parseLevels('manifest[linux/amd64,linux/arm64]')).toBeUndefined()
  })

  it.each([
    ['manifest[linux/amd64,linux/arm64]', 'manifest[linux/amd64],manifest[linux/arm64]'],
    ['index,manifest-descriptor[a/b,c/d]', 'index,manifest-descriptor[a/b],manifest-descriptor[c/d]'],
    ['manifest[linux/amd64],index', undefined],
    ['index,manifest', undefined]
  ])('%s → %s', (text, want) => {
    expect(onePlatformEach(text)).toBe(want)
  })
})

describe('singleLevelLines: one level per --annotation flag, as buildx 0.13 reads them', () => {
  it.each([
    ['k=v', ['k=v']],
    ['index:k=v', ['index:k=v']],
    ['manifest[Linux/x86_64]:k=v', ['manifest[Linux/x86_64]:k=v']],
    [`index,manifest:${DESC}=a, b=c`, [`index:${DESC}=a, b=c`, `manifest:${DESC}=a, b=c`]],
    [
      'index,manifest[Linux/x86_64]:com.example:x=1',
      ['index:com.example:x=1', 'manifest[linux/amd64]:com.example:x=1']
    ],
    ['not an annotation', ['not an annotation']]
  ])('%s → %j', (line, want) => {
    expect(singleLevelLines(line)).toEqual(want)
  })
})
