// CSV as docker's actions read their list inputs (csv-parse with relaxed quotes): a quoted field may hold
// commas, newlines and doubled quotes; a quote anywhere but at a field's very start is an ordinary
// character.
import { InputProblem } from '../core/problem.js'

/** The records of `text`, fields as written (untrimmed, quotes removed). Empty lines yield no record. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  // A field opens a quote only at its very start, as csv-parse reads it (a quote after blanks is an
  // ordinary character); `wasQuoted` stops a second opening.
  let inQuotes = false
  let wasQuoted = false
  // The blanks before the opening quote, and where the quoted text ended (-1: not closed, or undone).
  let lead = ''
  let closedAt = -1
  const endField = (): void => {
    record.push(field)
    field = ''
    wasQuoted = false
    lead = ''
    closedAt = -1
  }
  const endRecord = (): void => {
    endField()
    if (!(record.length === 1 && record[0] === '')) records.push(record)
    record = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inQuotes) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') field += text[++i]
      else {
        inQuotes = false
        closedAt = field.length
      }
    } else if (c === '"' && !wasQuoted && field === '') {
      inQuotes = wasQuoted = true
      lead = field
      field = ''
    } else if (c === ',') endField()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else {
      // Text after the closing quote, blanks too: the quotes were part of the value, as csv-parse's
      // relaxed quotes read `"a"b` and `"a" ` (the doubled quotes inside stay undone).
      if (closedAt >= 0) {
        field = `${lead}"${field.slice(0, closedAt)}"${field.slice(closedAt)}`
        closedAt = -1
      }
      field += c
    }
  }
  if (inQuotes) throw new InputProblem('a quoted entry is not closed')
  if (field !== '' || record.length) endRecord()
  return records
}

/** How a list input is read: build-push-action's options for it (docker/actions-toolkit's getInputList). */
export interface ListOptions {
  /** A line is one entry whatever its commas (quoted fields it holds are joined back). */
  ignoreComma?: boolean
  /** `false`: quotes are ordinary characters, kept for buildx's own CSV reader (`outputs`). */
  quote?: boolean
  /** `false`: entries keep their surrounding whitespace (`secrets`: a PEM key needs its final newline). */
  trim?: boolean
}

/**
 * A list input as build-push-action reads it: entries one per line or comma-separated, quoted entries
 * kept whole when they stand beside other fields. As there, a line that is one quoted field is still split
 * at its commas unless `ignoreComma`. Entries are trimmed (unless `trim: false`); blank ones dropped.
 */
export function csvList(text: string, opts: ListOptions = {}): string[] {
  const records = opts.quote === false ? literalRecords(text) : csvRecords(text)
  const out: string[] = []
  for (const record of records) {
    if (opts.ignoreComma) out.push(record.join(','))
    else if (record.length === 1) out.push(...record[0].split(','))
    else out.push(...record)
  }
  return out.filter(s => s.trim() !== '').map(s => (opts.trim === false ? s : s.trim()))
}

/** Records with quotes as ordinary characters: lines split at commas. */
const literalRecords = (text: string): string[][] =>
  text
    .split(/\r?\n|\r/)
    .filter(line => line !== '')
    .map(line => line.split(','))
