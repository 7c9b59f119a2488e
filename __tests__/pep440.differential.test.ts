// pep440.ts against @renovate/pep440 (the library metadata-action reads PEP 440 versions with), on
// generated versions: validity, the normalized form, the release numbers and whether it is a pre-, post- or
// dev-release. Where they differ on purpose, the difference is written out below.
import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import { isPep440Special, normalizePep440, parsePep440, releasePart } from '../src/pep440.js'
import { picker } from './helpers/generate.js'

interface Explained {
  is_prerelease: boolean
  is_postrelease: boolean
  is_devrelease: boolean
}
const renovate = createRequire(import.meta.url)('@renovate/pep440') as {
  valid(v: string): string | null
  clean(v: string): string
  explain(v: string): Explained
  major(v: string): number
  minor(v: string): number
  patch(v: string): number
}

function version(pick: ReturnType<typeof picker>): string {
  const sep = () => pick(['', '', '.', '-', '_'])
  const num = () => (pick.chance(0.1) ? '0' : '') + String(pick.int(30))
  const cased = (s: string) => (pick.chance(0.2) ? s.toUpperCase() : s)
  let v = pick(['', '', 'v'])
  if (pick.chance(0.1)) v += `${pick.int(3)}!`
  v += Array.from({ length: 1 + pick.int(3) }, num).join('.')
  if (pick.chance(0.4))
    v +=
      sep() +
      cased(pick(['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'])) +
      sep() +
      (pick.chance(0.8) ? num() : '')
  if (pick.chance(0.3))
    v += pick.chance(0.3)
      ? `-${num()}`
      : sep() + cased(pick(['post', 'rev', 'r'])) + sep() + (pick.chance(0.8) ? num() : '')
  if (pick.chance(0.3)) v += sep() + cased('dev') + sep() + (pick.chance(0.8) ? num() : '')
  if (pick.chance(0.2))
    v +=
      '+' +
      Array.from({ length: 1 + pick.int(2) }, () => pick(['abc', 'Local', '07', 'x9', 'ubuntu'])).join(
        pick(['.', '-', '_'])
      )
  // Mutations that a version must not survive (or may, by the grammar): both parsers decide.
  if (pick.chance(0.15)) {
    const at = pick.int(v.length)
    v = v.slice(0, at) + pick(['..', '+', '!', '-', 'x', '/', '~']) + v.slice(at)
  }
  return v
}

/**
 * Differences by decision. The local label's segments are joined with `.` as PEP 440 normalizes them;
 * @renovate/pep440 joins them with `,` (`1.0+abc.def` → `1.0+abc,def`). And a segment like `0x7` is text
 * to PEP 440 (only all-digit segments are numbers); @renovate/pep440 reads it as JavaScript's hex 7.
 */
const decided = (v: string): boolean => /\+(?:.*[-_.])?0x[0-9a-f]+(?:[-_.]|$)/i.test(v)

/**
 * The first difference by decision: the local label's segments are joined with `.` as PEP 440 normalizes
 * them; @renovate/pep440 joins them with `,` (`1.0+abc.def` → `1.0+abc,def`). Tags sanitize both to
 * something valid; ours keeps the dots PEP 440 writes.
 */
const renovateLocalAsPep440 = (clean: string): string => {
  const plus = clean.indexOf('+')
  return plus < 0 ? clean : clean.slice(0, plus + 1) + clean.slice(plus + 1).replace(/,/g, '.')
}

describe('pep440.ts reads versions as @renovate/pep440 does', () => {
  const pick = picker(440)
  const cases = Array.from({ length: 3000 }, () => version(pick))

  it('3000 generated versions: validity, normalized form, release numbers, pre/post/dev', () => {
    const differences: string[] = []
    for (const v of cases) {
      const ours = parsePep440(v)
      const valid = renovate.valid(v) !== null
      if (!!ours !== valid) {
        differences.push(`${JSON.stringify(v)}: valid ${!!ours} here, ${valid} in @renovate/pep440`)
        continue
      }
      if (!ours || decided(v)) continue
      const theirs = {
        clean: renovateLocalAsPep440(renovate.clean(v)),
        parts: [renovate.major(v), renovate.minor(v), renovate.patch(v)].map(Number),
        special: ((e: Explained) => e.is_prerelease || e.is_postrelease || e.is_devrelease)(
          renovate.explain(v)
        )
      }
      const mine = {
        clean: normalizePep440(ours),
        parts: [0, 1, 2].map(n => releasePart(ours, n)),
        special: isPep440Special(ours)
      }
      if (JSON.stringify(mine) !== JSON.stringify(theirs))
        differences.push(
          `${JSON.stringify(v)}: ${JSON.stringify(mine)} here, ${JSON.stringify(theirs)} there`
        )
    }
    expect(differences).toEqual([])
    // The generator reaches both sides of every question.
    expect(cases.filter(v => parsePep440(v)).length).toBeGreaterThan(1500)
    expect(cases.filter(v => !parsePep440(v)).length).toBeGreaterThan(100)
    expect(cases.filter(v => parsePep440(v)?.local).length).toBeGreaterThan(100)
  })

  it('by decision: a local segment 0x7 is text, not the number 7', () => {
    expect(normalizePep440(parsePep440('1.0+0x7')!)).toBe('1.0+0x7')
    expect(renovate.clean('1.0+0x7')).toBe('1.0+7')
  })

  it('by decision: surrounding whitespace is allowed (PEP 440 says so); @renovate/pep440 refuses it', () => {
    expect(parsePep440(' 1.0 ')).toBeDefined()
    expect(renovate.valid(' 1.0 ')).toBeNull()
  })
})
