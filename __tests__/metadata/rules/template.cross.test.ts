// src/tag-template.ts against Handlebars, which metadata-action renders its `{{…}}` expressions with, on
// generated templates and values: where ours accepts a template, both render the same text. Ours refuses
// more, on purpose, at input time; those refusals are listed below.
import { describe, expect, it } from '@jest/globals'
import Handlebars from 'handlebars'
import { formatDate } from '../../../src/metadata/rules/date.js'
import { parseTemplate, render, type Values } from '../../../src/metadata/rules/template.js'
import { picker } from '../../helpers/seeded.js'
import { InputProblem } from '../../../src/core/problem.js'

const NOW = new Date('2024-03-09T22:05:07Z')
/** metadata-action's date helpers, here with our formatter: the parsing of their arguments is what is compared. */
const helpers = {
  date: (format: string, options: { hash: { tz?: string } }) =>
    formatDate(NOW, format, options.hash.tz ?? 'UTC'),
  commit_date: (format: string, options: { hash: { tz?: string } }) =>
    formatDate(NOW, format, options.hash.tz ?? 'UTC')
}
const theirs = (source: string, context: Record<string, string>): string | 'error' => {
  try {
    return Handlebars.compile(source)(context, { helpers })
  } catch {
    return 'error'
  }
}

/**
 * Templates ours refuses where Handlebars renders something: a typo or a feature metadata-action's tags do
 * not use fails the step before any build, naming the expression, instead of tagging with an empty string.
 */
const REFUSALS: { why: string; source: string; message: RegExp }[] = [
  {
    why: 'a name the rule cannot use renders empty in Handlebars',
    source: 'v-{{versoin}}',
    message: /not available/
  },
  {
    why: 'blocks, partials and whitespace control',
    source: '{{#if branch}}x{{/if}}',
    message: /blocks, partials/
  }
]

/**
 * A line of blanks and comments only: Handlebars drops the blanks with the comment (a "standalone" tag), ours
 * keeps them. Such a value is blank either way, and a blank tag is refused when the tags are checked.
 */
const COMMENT_ONLY = /^(?:\s|\{\{!.*?\}\})*$/
const STANDALONE = { source: ' {{! note }} ', theirs: '', ours: '  ' }

const VALUE_PIECES = ['main', 'v1.2', '-', '/', '&', '<', '>', '"', "'", '`', '=', ' ', 'é']
const NAMES = ['branch', 'tag', 'sha', 'base_ref', 'is_default_branch']

function template(pick: ReturnType<typeof picker>): string {
  const name = () => pick.one(NAMES)
  const pieces = [
    () => pick.one(['a', '-', ' ', '.', '}', '{', '&', '\\', 'x}}']),
    () => `{{${name()}}}`,
    () => `{{ ${name()} }}`,
    () => `{{{${name()}}}}`,
    () => `\\{{${name()}}}`,
    () => `{{! a comment }}`,
    () => `{{date '${pick.one(['YYYYMMDD', 'YYYY-MM-DD', 'HHmmss', 'x'])}'}}`,
    () => `{{commit_date "YYYY.MM" tz="${pick.one(['UTC', 'Asia/Tokyo', 'America/New_York'])}"}}`,
    () => `{{${name()}`
  ]
  return Array.from({ length: 1 + pick.int(6) }, () => pick.one(pieces)()).join('')
}

describe('parseTemplate + render against Handlebars', () => {
  it.each(REFUSALS)('refuses on purpose: $why ($source)', r => {
    expect(theirs(r.source, { branch: 'main' })).not.toBe('error')
    expect(() => parseTemplate(r.source, 'global')).toThrow(r.message)
  })

  it('differs on purpose: a line of blanks and comments keeps its blanks', () => {
    expect(COMMENT_ONLY.test(STANDALONE.source)).toBe(true)
    expect(theirs(STANDALONE.source, {})).toBe(STANDALONE.theirs)
    expect(render(parseTemplate(STANDALONE.source, 'global'), {})).toBe(STANDALONE.ours)
  })

  it('renders what Handlebars renders on 1200 generated templates and values', () => {
    const pick = picker(1718)
    let rendered = 0
    const disagreements: string[] = []
    for (let i = 0; i < 1200; i++) {
      const source = template(pick)
      const values: Values & Record<string, string> = Object.fromEntries(
        NAMES.map(n => [n, pick.string(VALUE_PIECES, 0, 4)])
      )
      if (COMMENT_ONLY.test(source)) continue
      const expected = theirs(source, values)
      let got: string
      try {
        got = render(parseTemplate(source, 'global'), { ...values, date: NOW, commit_date: NOW })
      } catch (e) {
        if (!(e instanceof InputProblem)) throw e
        // Both refuse (an expression left open), or ours refuses one of the listed kinds.
        if (expected !== 'error' && !REFUSALS.some(r => r.message.test(e.message)))
          disagreements.push(
            `${JSON.stringify(source)}: Handlebars ${JSON.stringify(expected)}, ours: ${e.message}`
          )
        continue
      }
      rendered++
      if (got !== expected)
        disagreements.push(
          `${JSON.stringify(source)} with ${JSON.stringify(values)}: Handlebars ${JSON.stringify(expected)}, ours ${JSON.stringify(got)}`
        )
    }
    expect(rendered).toBeGreaterThan(400)
    expect(disagreements).toEqual([])
  })
})
