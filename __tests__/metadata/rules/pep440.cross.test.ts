// src/pep440.ts against @renovate/pep440, which metadata-action's type=pep440 rule uses, on generated
// versions: validity, the normalized form, the release numbers and "pre-, post- or dev-release" agree,
// except where listed below, each a decision.
import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import {
  isPep440Special,
  normalizePep440,
  parsePep440,
  releasePart
} from '../../../src/metadata/rules/pep440.js'
import { picker } from '../../helpers/seeded.js'

interface Explained {
  epoch: number
  release: number[]
  public: string
  local: string | null
  is_prerelease: boolean
  is_postrelease: boolean
  is_devrelease: boolean
}
const lib = createRequire(import.meta.url)('@renovate/pep440') as {
  valid(v: string): string | null
  clean(v: string): string | null
  explain(v: string): Explained | null
  major(v: string): number
  minor(v: string): number
  patch(v: string): number
}

/** A local part JavaScript's Number() reads though it is not all digits: the library makes it a number. */
const numberish = (part: string): boolean => !/^[0-9]+$/.test(part) && !Number.isNaN(Number(part))

const DIFFERENCES = [
  {
    why: 'surrounding blanks are allowed, as pep440.clean allows them (pep440.valid, which metadata-action asks, refuses them; a git tag never has any)',
    input: ' 1.2.0 ',
    check: () => {
      expect(lib.valid(' 1.2.0 ')).toBeNull()
      expect(normalizePep440(parsePep440(' 1.2.0 ')!)).toBe('1.2.0')
    }
  },
  {
    why: "a local version is written with dots, PEP 440's normal form (pep440.clean joins its parts with commas: it prints an array)",
    input: '1.0+Ubuntu-5',
    check: () => {
      expect(lib.clean('1.0+Ubuntu-5')).toBe('1.0+ubuntu,5')
      expect(lib.explain('1.0+Ubuntu-5')!.local).toBe('ubuntu.5')
      expect(normalizePep440(parsePep440('1.0+Ubuntu-5')!)).toBe('1.0+ubuntu.5')
    }
  },
  {
    why: 'a local part is a number only when it is all digits, as PEP 440 says (the library reads 1e3 as 1000 and 0x1f as 31)',
    input: '1.0+1e3.0x1f',
    check: () => {
      expect(lib.explain('1.0+1e3.0x1f')!.local).toBe('1000.31')
      expect(parsePep440('1.0+1e3.0x1f')!.local).toBe('1e3.0x1f')
    }
  }
]

function version(pick: ReturnType<typeof picker>): string {
  const sep = () => pick.one(['', '', '.', '-', '_'])
  const num = () => pick.one(['0', '1', '2', '3', '10', '07', '123', '2024'])
  const cased = (word: string) => [...word].map(c => (pick.chance(0.2) ? c.toUpperCase() : c)).join('')
  let v = pick.one(['', '', '', 'v', 'V'])
  if (pick.chance(0.15)) v += `${num()}!`
  v += Array.from({ length: 1 + pick.int(4) }, num).join('.')
  if (pick.chance(0.35))
    v +=
      sep() +
      cased(pick.one(['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'])) +
      sep() +
      (pick.chance(0.7) ? num() : '')
  if (pick.chance(0.25))
    v += pick.chance(0.3)
      ? `-${num()}`
      : sep() + cased(pick.one(['post', 'rev', 'r'])) + sep() + (pick.chance(0.7) ? num() : '')
  if (pick.chance(0.25)) v += sep() + cased('dev') + sep() + (pick.chance(0.7) ? num() : '')
  if (pick.chance(0.2))
    v +=
      '+' +
      Array.from({ length: 1 + pick.int(3) }, () =>
        cased(pick.one(['abc', '1', '007', 'ubuntu', 'x1', '1e3', '0x1f']))
      ).join(pick.one(['.', '-', '_']))
  // Breakage: a character inserted or removed anywhere, so that near-misses are compared too.
  if (pick.chance(0.2)) {
    const at = pick.int(v.length + 1)
    v = pick.chance(0.5)
      ? v.slice(0, at) + pick.one([...'.-_!+ab1xV ']) + v.slice(at)
      : v.slice(0, at) + v.slice(at + 1)
  }
  if (pick.chance(0.03)) v = ` ${v} `
  return v
}

describe('parsePep440 against @renovate/pep440', () => {
  it.each(DIFFERENCES)('differs on purpose: $why', d => d.check())

  it('agrees on 5000 generated versions once the listed differences are set aside', () => {
    const pick = picker(440)
    const disagreements: string[] = []
    let valid = 0
    for (let i = 0; i < 5000; i++) {
      const input = version(pick)
      const text = input.trim() // the first difference
      const ours = parsePep440(input)
      const theirs = lib.explain(text)
      if ((ours === undefined) !== (theirs === null)) {
        disagreements.push(`${JSON.stringify(input)}: valid for ${ours ? 'us' : 'them'} only`)
        continue
      }
      if (!ours || !theirs) continue
      valid++
      const local = ours.local?.split('.') ?? []
      const theirsNormal = theirs.public + (theirs.local === null ? '' : `+${theirs.local}`) // the second
      const same =
        (local.some(numberish) || normalizePep440(ours) === theirsNormal) && // the third
        ours.epoch === theirs.epoch &&
        JSON.stringify(ours.release) === JSON.stringify(theirs.release) &&
        isPep440Special(ours) === (theirs.is_prerelease || theirs.is_postrelease || theirs.is_devrelease) &&
        [0, 1, 2].every(n => releasePart(ours, n) === [lib.major, lib.minor, lib.patch][n](text))
      if (!same)
        disagreements.push(`${JSON.stringify(input)}: ours ${normalizePep440(ours)}, theirs ${theirsNormal}`)
    }
    expect(valid).toBeGreaterThan(2000)
    expect(disagreements).toEqual([])
  })
})
