// src/csv.ts against csv-parse, which docker's actions read their list inputs with (relaxed quotes, ragged
// records, empty lines skipped), on generated inputs. They agree except where listed below, each a decision.
import { describe, expect, it } from '@jest/globals'
import { parse } from 'csv-parse/sync'
import { csvList, csvRecords } from '../../src/inputs/csv.js'
import { picker } from '../helpers/seeded.js'

const OPTIONS = { relaxQuotes: true, relaxColumnCount: true, skipEmptyLines: true }
const theirs = (text: string): string[][] | 'error' => {
  try {
    return parse(text, OPTIONS) as string[][]
  } catch {
    return 'error'
  }
}
const ours = (text: string): string[][] | 'error' => {
  try {
    return csvRecords(text)
  } catch {
    return 'error'
  }
}

/** A list input as docker's actions read it: csv-parse's records, a lone field split at commas, then trimmed. */
function dockerList(text: string, ignoreComma: boolean): string[] {
  if (text === '') return []
  const entries = (parse(text, OPTIONS) as string[][]).flatMap(r =>
    r.length === 1 ? (ignoreComma ? [r[0]] : r[0].split(',')) : ignoreComma ? [r.join(',')] : r
  )
  return entries.filter(e => e !== '').map(e => e.trim())
}

/**
 * Where ours differs on purpose. Each comes with an example, what csv-parse makes of it, and what we do.
 * The generated comparison below first removes each of these from its inputs (or its outputs), so that any
 * other difference fails it.
 */
const DIFFERENCES = [
  {
    why: 'any line ending ends a record; csv-parse takes the first one it meets as the only one, and keeps the others inside fields',
    input: 'a\r\nb\nc',
    theirs: [['a'], ['b\nc']],
    ours: [['a'], ['b'], ['c']]
  },
  {
    why: 'a line holding only "" gives no record (csv-parse: one empty field); as list entries both give nothing',
    input: '""\nx',
    theirs: [[''], ['x']],
    ours: [['x']]
  }
]

/** Where csvList differs from docker's list reading, on top of the record differences above. */
const LIST_DIFFERENCES = [
  {
    why: 'an entry of blanks only is dropped (docker keeps it as an empty entry: it filters before trimming)',
    input: 'a, ,b',
    theirs: ['a', '', 'b'],
    ours: ['a', 'b']
  }
]

const PIECES = ['a', 'b', 'x=1', ' ', '\t', ',', ',', '"', '"', '""', '\n', '\n', '\r\n', '\r']
const generated = (seed: number, count: number): string[] => {
  const pick = picker(seed)
  return Array.from({ length: count }, () => pick.string(PIECES, 1, 14))
}

describe('csvRecords against csv-parse', () => {
  it.each(DIFFERENCES)('differs on purpose: $why', d => {
    expect(theirs(d.input)).toEqual(d.theirs)
    expect(ours(d.input)).toEqual(d.ours)
  })

  it('agrees on 2000 generated inputs once the listed differences are set aside', () => {
    let compared = 0
    const disagreements: string[] = []
    for (const text of generated(440, 2000)) {
      // Line endings: ours reads every style alike (the first difference), so compare with one style only.
      const lf = text.replace(/\r\n?/g, '\n')
      compared++
      const expected = theirs(lf)
      const want = expected === 'error' ? expected : expected.filter(r => !(r.length === 1 && r[0] === ''))
      if (JSON.stringify(ours(lf)) !== JSON.stringify(want))
        disagreements.push(
          `${JSON.stringify(lf)}: csv-parse ${JSON.stringify(want)}, ours ${JSON.stringify(ours(lf))}`
        )
    }
    expect(compared).toBeGreaterThan(700)
    expect(disagreements).toEqual([])
  })
})

describe("csvList against docker's actions' list reading", () => {
  it.each(LIST_DIFFERENCES)('differs on purpose: $why', d => {
    expect(dockerList(d.input, false)).toEqual(d.theirs)
    expect(csvList(d.input)).toEqual(d.ours)
  })

  it.each([false, true])(
    'agrees on 1500 generated inputs (ignoreComma %s) but for the listed differences',
    ignoreComma => {
      let compared = 0
      const disagreements: string[] = []
      for (const text of generated(ignoreComma ? 7 : 6, 1500).map(t => t.replace(/\r\n?/g, '\n'))) {
        const records = theirs(text)
        if (records === 'error') continue
        compared++
        const want = dockerList(text, ignoreComma).filter(e => e !== '')
        const got = csvList(text, { ignoreComma })
        if (JSON.stringify(got) !== JSON.stringify(want))
          disagreements.push(
            `${JSON.stringify(text)}: docker ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`
          )
      }
      expect(compared).toBeGreaterThan(450)
      expect(disagreements).toEqual([])
    }
  )
})
