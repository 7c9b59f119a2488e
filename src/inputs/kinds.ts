// The generic reading of a raw input by its kind in the table: booleans, numbers, choices, and the list
// kinds read as build-push-action reads them (CSV, KEY=VALUE). Pure: a bad value is an InputProblem, and the
// row being read names the input (parse.ts).
import { type InputKey, type InputValues, type Row } from './table.js'

import { InputProblem, reworded } from '../core/problem.js'
import { csvList, type ListOptions } from './csv.js'
import { splitKeyValue, YAML_FALSE, YAML_TRUE } from '../core/text.js'
import { quote } from '../core/text.js'

/** A list input's entries (see csvList); a quote left open says how to quote. */
const csvEntries = (raw: string, opts: ListOptions): string[] =>
  reworded(
    () => csvList(raw, opts),
    m => `${m}: quote an entry as a whole, and double a quote inside it`
  )

/** Newline and/or comma separated (CSV: quoted entries keep commas), trimmed, empties and duplicates dropped. */
export function splitList(raw: string): string[] {
  return [...new Set(csvEntries(raw, {}))]
}

/** One entry per line, commas kept (CSV: a quoted entry may span lines). */
export function splitLines(raw: string): string[] {
  return csvEntries(raw, { ignoreComma: true })
}

/** How a list row is read, as build-push-action reads the input of that name. */
export function listOptions(row: Row): ListOptions {
  return {
    ...(row.kind !== 'list' && { ignoreComma: true }),
    ...(row.keepQuotes && { quote: false }),
    ...(row.untrimmed && { trim: false })
  }
}

/** The entries of a row that takes comments, without those that start with `#`. */
const uncommented = (row: Row, entries: string[]): string[] =>
  row.comments ? entries.filter(entry => !entry.startsWith('#')) : entries

/**
 * KEY=VALUE entries, keys trimmed; a KEY alone where the row keeps them (`bareKeys`). Errors name the key (or
 * entry number) but never echo the value.
 */
function keyValues(row: Row, entries: string[]): string[] {
  return entries.map((entry, i) => {
    const kv = splitKeyValue(entry)
    if (!kv && row.bareKeys) {
      // A name a Dockerfile's ARG can read. Not echoed: such a line may be the rest of a value split by mistake.
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.trim()))
        throw new InputProblem(
          `entry ${i + 1} has no "=" and is no variable name: each entry is KEY=VALUE, or a NAME alone for the environment's value`
        )
      return entry.trim()
    }
    // build-push-action passes a bare label on, empty; here it is refused: it is as often the second line of
    // a value split by mistake, which docker would log.
    if (!kv)
      throw new InputProblem(
        `entry ${i + 1} has no "=": each entry must be KEY=VALUE (a variable of the environment: KEY=\${{ env.KEY }} in a workflow, KEY="$KEY" in a shell)`
      )
    if (kv.key === '') throw new InputProblem(`entry ${i + 1} has an empty key: each entry must be KEY=VALUE`)
    if (/\s/.test(kv.key)) throw new InputProblem(`key ${quote(kv.key)} contains whitespace`)
    return `${kv.key}=${kv.value.trim()}`
  })
}

/** The generic reading of a raw value by its row's kind. */
export function byKind(row: Row, raw: string): InputValues[InputKey] {
  const value = row.secret || row.untrimmed ? raw : raw.trim()
  switch (row.kind) {
    case 'string':
      return value
    case 'boolean': {
      const v = value.trim() || row.default
      if (YAML_TRUE.test(v)) return true
      if (YAML_FALSE.test(v)) return false
      throw new InputProblem(`${quote(v)} is not a boolean; use true or false`)
    }
    case 'list':
      return [...new Set(csvEntries(value, listOptions(row)))]
    case 'lines':
      return uncommented(row, csvEntries(value, listOptions(row)))
    case 'key-value':
      return keyValues(row, uncommented(row, splitLines(value)))
    case 'number': {
      const v = value || row.default
      const n = Number(v)
      if (!/^[0-9]+$/.test(v) || n < (row.min ?? 0) || n > (row.max ?? Number.MAX_SAFE_INTEGER))
        throw new InputProblem(`${quote(v)} must be a whole number from ${row.min} to ${row.max}`)
      return n
    }
    case 'choice': {
      const v = value || row.default
      // Any casing, as docker's actions read such words (login-action's `ecr: True`).
      const choice = row.choices?.find(c => c.toLowerCase() === v.toLowerCase())
      if (choice === undefined)
        throw new InputProblem(`${quote(v)} must be one of ${row.choices?.join(', ')}`)
      return choice
    }
  }
}
