// Reads a step's output the way the Actions runner does (actions/runner: OutputManager.OnDataReceived,
// ActionCommandManager.TryProcessCommand, ActionCommand.TryParseV2/TryParse), to tell which workflow
// commands in it are live: lines end at \n, \r\n or a lone \r; `::name …::data` counts after leading blanks,
// `##[name …]data` anywhere in a line; `::stop-commands::T` turns everything off until a `T` command.

export interface LiveCommand {
  command: string
  properties: Record<string, string>
  data: string
  /** The line it came from. */
  line: string
}

/** The commands the runner knows (names are case-insensitive). */
const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning'
]

/** The runner's line split. */
export const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/)

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
const unescapeLegacy = (s: string): string =>
  s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%')

function parseV2(line: string, registered: Set<string>): Omit<LiveCommand, 'line'> | undefined {
  const message = line.trimStart()
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!registered.has(command.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0)
    for (const p of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeProperty(p.slice(eq + 1))
    }
  return { command, properties, data: unescapeData(message.slice(end + 2)) }
}

function parseLegacy(line: string, registered: Set<string>): Omit<LiveCommand, 'line'> | undefined {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const rb = line.indexOf(']', prefix)
  if (rb < 0) return undefined
  const info = line.slice(prefix + 3, rb)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!registered.has(command.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0)
    for (const p of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeLegacy(p.slice(eq + 1))
    }
  return { command, properties, data: unescapeLegacy(line.slice(rb + 1)) }
}

/** The commands the runner would act on, in order (stop and resume included). */
export function liveCommands(output: string): LiveCommand[] {
  const registered = new Set(REGISTERED)
  const live: LiveCommand[] = []
  let stopToken: string | undefined
  for (const line of runnerLines(output)) {
    if (!line || (!line.includes('##[') && !line.includes('::'))) continue
    const parsed = parseV2(line, registered) ?? parseLegacy(line, registered)
    if (!parsed) continue
    if (stopToken !== undefined) {
      if (stopToken !== '' && parsed.command.toLowerCase() === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase())
        stopToken = undefined
        live.push({ ...parsed, line })
      }
      continue
    }
    if (parsed.command.toLowerCase() === 'stop-commands') {
      stopToken = parsed.data
      registered.add(stopToken.toLowerCase())
    }
    live.push({ ...parsed, line })
  }
  return live
}

/** Our fences' tokens: 128 random bits in hex. */
const FENCE_TOKEN = /^[0-9a-f]{32}$/

/** The live commands other than the stop/resume pairs of our fences (a forged stop-commands stays in). */
export function issuedCommands(output: string): LiveCommand[] {
  const live = liveCommands(output)
  const fences = new Set(
    live.filter(c => c.command === 'stop-commands' && FENCE_TOKEN.test(c.data)).map(c => c.data)
  )
  return live.filter(c => !(c.command === 'stop-commands' ? fences.has(c.data) : fences.has(c.command)))
}
