// The input table is the one description of every input: action.yml's inputs, the reference's input table,
// the README's inputs by purpose and the CLI's flags must say what it says. `npm run docs` rewrites action.yml,
// docs/reference.md and the README from it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { OPTIONS, USAGE } from '../../src/cli/main.js'
import { INPUT_GROUPS } from '../../src/inputs/groups.js'
import { flagName, inputName, ROWS, type Row } from '../../src/inputs/table.js'
import { VERSION } from '../../src/core/version.js'
import { ROOT } from '../helpers/action.js'

const ACTION = join(ROOT, 'action.yml')
const README = join(ROOT, 'README.md')
const REFERENCE = join(ROOT, 'docs', 'reference.md')
const update = process.env.UPDATE_DOCS === '1'

/**
 * A description as action.yml shows it: a link to an anchor of docs/reference.md does not work where action.yml is shown
 * (the marketplace, an editor), so it becomes its text and says where to look.
 */
const plainDescription = (description: string): string =>
  description.replace(/\[([^\]]+)\]\(#[^)]*\)/g, '$1 in docs/reference.md')

/** action.yml's entry for a row. */
const actionEntry = (row: Row): Record<string, unknown> =>
  row.required
    ? { description: plainDescription(row.description), required: true }
    : row.unsetInAction
      ? { description: plainDescription(row.description), required: false }
      : { description: plainDescription(row.description), required: false, default: row.default }

const readmeRow = (name: string, row: Row): string =>
  `| \`${name}\` | ${row.required ? '(required)' : row.default ? `\`${row.default}\`` : ''} | ${row.description} |`

function regenerate(): void {
  const yml = readFileSync(ACTION, 'utf8')
  const inputs = stringify(
    { inputs: Object.fromEntries(ROWS.map(([key, row]) => [inputName(key), actionEntry(row)])) },
    { lineWidth: 0 }
  )
  writeFileSync(ACTION, yml.replace(/^inputs:\n[\s\S]*?(?=^outputs:)/m, `${inputs}\n`))
  const md = readFileSync(REFERENCE, 'utf8')
  const table = [
    '| name | default | description |',
    '| --- | --- | --- |',
    ...ROWS.map(([key, row]) => readmeRow(inputName(key), row))
  ].join('\n')
  writeFileSync(REFERENCE, md.replace(/(^## Inputs\n\n)[\s\S]*?(?=\n\n)/m, `$1${table}`))
  const readme = readFileSync(README, 'utf8')
  writeFileSync(README, readme.replace(GROUPS_BLOCK, `$1\n\n${groupsMarkdown()}\n\n$2`))
}

/** The README's generated block: the inputs by purpose, each with the first sentence of its description. */
const GROUPS_BLOCK = /(<!-- inputs:start[^\n]*-->)[\s\S]*?(<!-- inputs:end -->)/

/** Abbreviations whose final `.` ends no sentence: `e.g.`, `i.e.`, `cf.`, `vs.` (before the dot). */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|cf|vs)$/i

/** A description's first sentence: up to the first `. ` outside backticks that ends no abbreviation. */
export function firstSentence(text: string): string {
  let code = false
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') code = !code
    else if (
      !code &&
      text[i] === '.' &&
      (i + 1 === text.length || text[i + 1] === ' ') &&
      !ABBREVIATION.test(text.slice(0, i))
    )
      return text.slice(0, i + 1)
  }
  return text
}

function groupsMarkdown(): string {
  const rows = new Map(ROWS)
  return INPUT_GROUPS.map(
    ([title, keys]) =>
      `**${title}**\n\n${keys
        .map(key => {
          const row = rows.get(key)!
          const fallback = row.default ? ` Default \`${row.default}\`.` : ''
          return `- \`${inputName(key)}\`: ${firstSentence(row.description).replace(/\]\(#/g, '](docs/reference.md#')}${fallback}`
        })
        .join('\n')}`
  ).join('\n\n')
}

if (update) regenerate()

const action = parse(readFileSync(ACTION, 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>
}

/** README input table: name → [default, description], backticks of the name and default stripped. */
function readmeInputs(): Map<string, [string, string]> {
  const section =
    readFileSync(REFERENCE, 'utf8')
      .split(/^## /m)
      .find(s => s.startsWith('Inputs\n')) ?? ''
  return new Map(
    section
      .split('\n')
      .filter(l => l.startsWith('| `'))
      .map(l => l.split(/(?<!\\)\|/).map(c => c.trim()))
      .map(cells => [cells[1].replace(/`/g, ''), [cells[2].replace(/^`|`$/g, ''), cells[3]]])
  )
}

describe('the input table', () => {
  it('is action.yml: names in order, defaults, required, and one description per input', () => {
    expect(Object.keys(action.inputs)).toEqual(ROWS.map(([key]) => inputName(key)))
    for (const [key, row] of ROWS) expect(action.inputs[inputName(key)]).toEqual(actionEntry(row))
  })

  it('gives action.yml descriptions no links to README anchors', () => {
    const linked = Object.entries(action.inputs).filter(([, input]) => /\]\(#/.test(input.description))
    expect(linked.map(([name]) => name)).toEqual([])
  })

  it('puts every input in exactly one group of the README, in the generated block', () => {
    const grouped = INPUT_GROUPS.flatMap(([, keys]) => keys)
    expect([...grouped].sort()).toEqual(ROWS.map(([key]) => key).sort())
    expect(new Set(grouped).size).toBe(grouped.length)
    const block = GROUPS_BLOCK.exec(readFileSync(README, 'utf8'))
    expect(block?.[0]).toBe(`${block?.[1]}\n\n${groupsMarkdown()}\n\n${block?.[2]}`)
  })

  it("is the reference's input table: names, defaults and descriptions", () => {
    const rows = readmeInputs()
    expect([...rows.keys()]).toEqual(ROWS.map(([key]) => inputName(key)))
    for (const [key, row] of ROWS)
      expect(rows.get(inputName(key))).toEqual([row.required ? '(required)' : row.default, row.description])
  })

  it('gives every input one CLI flag, in the usage text with its help, but those that mean nothing outside a workflow', () => {
    const flags = ROWS.map(([key]) => flagName(key))
    expect(new Set(flags).size).toBe(ROWS.length)
    for (const [key, row] of ROWS) {
      if (!row.cli) {
        expect([inputName(key), OPTIONS[flagName(key)], USAGE]).toEqual([
          inputName(key),
          undefined,
          expect.not.stringContaining(`--${flagName(key)}`)
        ])
        continue
      }
      expect(OPTIONS[flagName(key)]).toBeDefined()
      expect(USAGE).toMatch(
        new RegExp(`^  --${flagName(key)}\\b.*${row.cli.help.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm')
      )
    }
    expect(ROWS.filter(([, row]) => !row.cli).map(([key]) => inputName(key))).toEqual(['logout'])
  })

  it('marks what needs buildx in the description too', () => {
    for (const [key, row] of ROWS)
      expect([inputName(key), row.description.startsWith('buildx')]).toEqual([inputName(key), !!row.buildx])
  })
})

describe('firstSentence', () => {
  it.each([
    ['One sentence. Another.', 'One sentence.'],
    [
      'Platforms, e.g. `linux/amd64,linux/arm64`. Several are one index.',
      'Platforms, e.g. `linux/amd64,linux/arm64`.'
    ],
    [
      'Entitlements (e.g. `network.host`), i.e. privileges. More.',
      'Entitlements (e.g. `network.host`), i.e. privileges.'
    ],
    ['A size, E.g. 1g. More.', 'A size, E.g. 1g.'],
    ['A `a. b` code span. More.', 'A `a. b` code span.'],
    ['No end', 'No end']
  ])('%j → %j', (text, sentence) => {
    expect(firstSentence(text)).toBe(sentence)
  })
})

describe('the version', () => {
  it("is package.json's", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })
})
