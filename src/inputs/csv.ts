// CSV as docker's actions read their list inputs (csv-parse with relaxed quotes): a quoted field may hold
// commas, newlines and doubled quotes; a quote inside an unquoted field is an ordinary character.

export class CsvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CsvError'
  }
}

/** The records of `text`, fields as written (untrimmed, quotes removed). Empty lines yield no record. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  // A field opens a quote only at its start (after blanks); `wasQuoted` stops a second opening.
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
    } else if (c === '"' && !wasQuoted && field.trim() === '') {
      inQuotes = wasQuoted = true
      lead = field
      field = ''
    } else if (c === ',') endField()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else {
      // Text after the closing quote other than blanks: the quotes were part of the value, as csv-parse's
      // relaxed quotes read `"a"b` (the doubled quotes inside stay undone).
      if (closedAt >= 0 && c !== ' ' && c !== '\t') {
        field = `${lead}"${field.slice(0, closedAt)}"${field.slice(closedAt)}`
        closedAt = -1
      }
      field += c
    }
  }
  if (inQuotes) throw new CsvError('a quoted entry is not closed')
  if (field !== '' || record.length) endRecord()
  return records
}

/**
 * A list input as build-push-action reads it: entries one per line or comma-separated, quoted entries
 * kept whole. With `ignoreComma` a line is one entry whatever its commas (unless quoted fields split it
 * into several, which are joined back). Entries are trimmed; empty ones dropped.
 */
export function csvList(text: string, opts: { ignoreComma?: boolean } = {}): string[] {
  const out: string[] = []
  for (const record of csvRecords(text)) {
    if (opts.ignoreComma) out.push(record.length === 1 ? record[0] : record.join(','))
    else out.push(...record)
  }
  return out.map(s => s.trim()).filter(s => s !== '')
}
