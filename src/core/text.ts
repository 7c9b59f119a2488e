// Small text helpers that several layers need: one spelling of each.

/**
 * An error's message, whatever was thrown. Read by shape: an error from another realm (node's own under
 * a test's VM context) is no `instanceof Error` here.
 */
export const messageOf = (error: unknown): string => {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(error)
}

/**
 * One line, bounded, so foreign text (a registry's, docker's) can go straight into a log or an error. With
 * `wholeWords`, a cut drops the word it would split: text no one has redacted yet (docker's, which only the
 * runner masks) then shows a token, or a URL holding one, whole or not at all, since the runner hides whole
 * values and never the head of one.
 */
export function oneLine(text: string, max = Infinity, wholeWords = false): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const splits = wholeWords && flat[max - 1] !== ' '
  return `${splits ? cut.slice(0, cut.lastIndexOf(' ') + 1).trimEnd() : cut}…`
}

/** `id=value` split at the first `=`; the id trimmed, the value kept as given. Undefined without `=`. */
export function splitKeyValue(line: string): { key: string; value: string } | undefined {
  const eq = line.indexOf('=')
  if (eq < 0) return undefined
  return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1) }
}

/** `%XX` escapes decoded as git and URL parsers decode userinfo; text that is not valid escaping stays as it is. */
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

// The YAML 1.2 core schema's boolean spellings, as core.getBooleanInput takes them.
export const YAML_TRUE = /^(?:true|True|TRUE)$/
export const YAML_FALSE = /^(?:false|False|FALSE)$/

/** A value quoted for a message, cut at 200 characters: enough to recognise it, never a page of input. */
export const quote = (value: string): string =>
  JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)
