import { describe, expect, it } from '@jest/globals'
import { csvList, csvRecords } from '../../src/inputs/csv.js'
import { InputProblem } from '../../src/core/problem.js'

describe('csvRecords', () => {
  it.each([
    ['a,b\nc', [['a', 'b'], ['c']]],
    ['a\n\nb\r\n', [['a'], ['b']]],
    ['"c,d",e', [['c,d', 'e']]],
    ['"x""y"', [['x"y']]],
    ['"multi\nline",z', [['multi\nline', 'z']]],
    ['type=match,"pattern=v(\\d.\\d)$"', [['type=match', 'pattern=v(\\d.\\d)$']]],
    ['a"b,c', [['a"b', 'c']]],
    // As csv-parse reads it: a quote after blanks is an ordinary character.
    [' "q,r"', [[' "q', 'r"']]],
    ['a, "b,c"', [['a', ' "b', 'c"']]],
    // Text after the closing quote: the quotes are part of the value, as csv-parse reads it.
    ['"a"b,c', [['"a"b', 'c']]]
  ])('%j', (text, records) => {
    expect(csvRecords(text)).toEqual(records)
  })

  it('refuses an unclosed quote', () => {
    expect(() => csvRecords('"open,')).toThrow(InputProblem)
  })
})

describe('csvList', () => {
  it('splits on commas and lines, trimmed, empties dropped', () => {
    expect(csvList('a, b\n c ,,\n')).toEqual(['a', 'b', 'c'])
  })
  it('with ignoreComma keeps a line whole and a quoted value with its newlines', () => {
    expect(csvList('"github_token=a,b"\nK=v,w\n"PEM=one\ntwo"', { ignoreComma: true })).toEqual([
      'github_token=a,b',
      'K=v,w',
      'PEM=one\ntwo'
    ])
  })
})
