// tag-template.ts against handlebars (which metadata-action renders its expressions with), on generated
// templates and values: plain text, `{{x}}` (HTML-escaped), `{{{x}}}` (not), `{{ x }}`, `\{{x}}` (a literal)
// and comments. Dates are tag-date.ts's own tests: handlebars only calls metadata-action's moment helpers.
import { describe, expect, it } from '@jest/globals'
import Handlebars from 'handlebars'
import { parseTemplate, render } from '../src/tag-template.js'
import { picker } from './helpers/generate.js'

const NAMES = ['branch', 'tag', 'sha', 'base_ref', 'is_default_branch', 'is_not_default_branch'] as const

function template(pick: ReturnType<typeof picker>): string {
  const parts = Array.from({ length: 1 + pick.int(5) }, () => {
    const name = pick(NAMES)
    return pick([
      () => pick(['v', '-', 'release_', '.', 'a b', '&', '}', '{', '=', "it's"]),
      () => `{{${name}}}`,
      () => `{{ ${name} }}`,
      () => `{{{${name}}}}`,
      () => `\\{{${name}}}`,
      () => `{{! a comment }}`
    ])()
  })
  return parts.join('')
}

function values(pick: ReturnType<typeof picker>): Record<string, string> {
  const text = () => pick(['main', 'feature/x', 'a&b', '<tag>', '"q"', "it's", 'x=y', '`tick`', '', 'v1.2.3'])
  return Object.fromEntries(NAMES.map(n => [n, text()]))
}

const attempt = (fn: () => string): string => {
  try {
    return fn()
  } catch {
    return '(refused)'
  }
}

describe('tag-template.ts renders as handlebars does', () => {
  it('2000 generated templates and values', () => {
    const pick = picker(1730)
    const differences: string[] = []
    for (let i = 0; i < 2000; i++) {
      const source = template(pick)
      const v = values(pick)
      // Both may refuse a template; then they agree.
      const ours = attempt(() => render(parseTemplate(source, 'global'), v))
      const theirs = attempt(() => Handlebars.compile(source)(v))
      if (ours !== theirs)
        differences.push(
          `${JSON.stringify(source)} ${JSON.stringify(v)}: ${JSON.stringify(ours)} here, ${JSON.stringify(theirs)} there`
        )
    }
    expect(differences).toEqual([])
  })
})
