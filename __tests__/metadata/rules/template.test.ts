// parseLabelLine: a labels or annotations line, where only our expressions are expressions. The tag rules
// keep parseTemplate's strict reading, where any other {{…}} is a mistake.
import { describe, expect, it } from '@jest/globals'
import { parseLabelLine, parseTemplate, render } from '../../../src/metadata/rules/template.js'
import { problemOf } from '../../helpers/problem.js'

const values = { branch: 'main', sha: '4e7d1c9' }

describe('parseLabelLine', () => {
  it.each([
    ['k=Render {{ name }} templates', 'k=Render {{ name }} templates', ['{{ name }}']],
    ['k={{ .Values.x }}-{{branch}}', 'k={{ .Values.x }}-main', ['{{ .Values.x }}']],
    ['k={{{ raw }}} {{{branch}}}', 'k={{{ raw }}} main', ['{{{ raw }}}']],
    ['k={{! a comment }}', 'k={{! a comment }}', ['{{! a comment }}']],
    ['k={{ name', 'k={{ name', ['{{']],
    ['k={{ shaX }}', 'k={{ shaX }}', ['{{ shaX }}']],
    // Backslashes as Handlebars reads them: `\{{` is a literal `{{` whatever follows; before text that stays
    // text, two stay two.
    ['k=\\{{sha}} \\{{ name }}', 'k={{sha}} {{ name }}', undefined],
    ['k=\\\\{{ name }} \\\\{{sha}}', 'k=\\\\{{ name }} \\4e7d1c9', ['{{ name }}']],
    ['k={{sha}}', 'k=4e7d1c9', undefined]
  ])('%s renders %s', (line, rendered, kept) => {
    const template = parseLabelLine(line)
    expect(render(template, values)).toBe(rendered)
    expect(template.kept).toEqual(kept)
  })

  it.each([
    ['k={{sha', /not closed/],
    ["k={{date 'Mo'}}", /Mo/],
    ['k={{branch x}}', /takes no arguments/],
    ['k={{sha}}}', /not closed as it opens/]
  ])('%s, written as one of ours, is still a mistake', (line, message) => {
    expect(problemOf(() => parseLabelLine(line))).toMatch(message)
  })

  it('the tag rules stay strict: {{ name }} there is not available', () => {
    expect(problemOf(() => parseTemplate('v-{{ name }}', 'global'))).toMatch(/not available in value/)
  })
})
