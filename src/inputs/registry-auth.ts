// The `registry-auth` input: login-action's YAML list, one entry per registry.
//   - registry: ghcr.io
//     username: ${{ github.actor }}
//     password: ${{ secrets.GITHUB_TOKEN }}
// Only that shape is read (a list of flat maps of scalars), so no YAML library joins the bundle. Errors
// name the entry and key, never a value.
import { cloudLoginOf, type CloudLogin } from '../registry/cloud/detect.js'

export interface RegistryLogin {
  /** As given; normalized by the caller. Empty means Docker Hub, as login-action takes it. */
  registry: string
  username: string
  password: string
  /** login-action's `ecr` key: true or false; unset (or `auto`) detects ECR from the host. */
  ecr?: boolean
  /** Set when the username and password come from a cloud's token service (detect.ts) instead. */
  cloud?: CloudLogin
}

const KEYS = ['registry', 'username', 'password', 'ecr']

/** An unquoted, 'single' or "double" quoted YAML scalar. */
function scalar(raw: string, where: string): string {
  const v = raw.trim()
  if (v.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(v)) throw new Error(`${where}: the quoted value is not closed`)
    return v.slice(1, -1).replace(/''/g, "'")
  }
  if (v.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(v)) throw new Error(`${where}: the quoted value is not closed`)
    return JSON.parse(v) as string
  }
  if (/^[|>]/.test(v)) throw new Error(`${where}: block scalars (| or >) are not supported; quote the value`)
  // A comment after a plain value starts with " #".
  return v.replace(/\s+#.*$/, '')
}

export function parseRegistryAuth(text: string, env: NodeJS.ProcessEnv = process.env): RegistryLogin[] {
  const entries: Record<string, string>[] = []
  let current: Record<string, string> | undefined
  let indent = -1
  text.split(/\r?\n/).forEach((line, i) => {
    const where = `line ${i + 1}`
    if (line.trim() === '' || line.trim().startsWith('#')) return
    let rest = line
    const item = /^(\s*)-\s+(.*)$/.exec(line)
    if (item) {
      current = {}
      entries.push(current)
      indent = item[1].length + 2
      rest = item[2]
    } else {
      if (!current) throw new Error(`${where}: expected a list entry starting with "- registry:"`)
      const lead = /^\s*/.exec(line)![0].length
      if (lead < indent) throw new Error(`${where}: not indented under its "-" entry`)
      rest = line.trim()
    }
    const kv = /^([A-Za-z_-]+)\s*:(?:\s+(.*))?$/.exec(rest.trim())
    if (!kv) throw new Error(`${where}: expected "key: value"`)
    const key = kv[1].toLowerCase()
    if (!KEYS.includes(key)) throw new Error(`${where}: unknown key "${kv[1]}" (${KEYS.join(', ')})`)
    if (key in current!) throw new Error(`${where}: "${key}" given twice in one entry`)
    current![key] = scalar(kv[2] ?? '', `${where} (${key})`)
  })
  return entries.map((e, i) => {
    const where = `entry ${i + 1}${e.registry ? ` (${e.registry})` : ''}`
    const ecr = ecrKey(e.ecr, where)
    const login = {
      registry: e.registry ?? '',
      username: e.username ?? '',
      password: (e.password ?? '').trim(),
      ...(ecr === undefined ? {} : { ecr })
    }
    let cloud: CloudLogin | undefined
    try {
      cloud = cloudLoginOf({ ...login, registry: login.registry || 'docker.io' }, env)
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`)
    }
    if (!cloud && !e.username) throw new Error(`${where} has no username`)
    if (!cloud && !e.password) throw new Error(`${where} has no password`)
    return { ...login, ...(cloud ? { cloud } : {}) }
  })
}

function ecrKey(value: string | undefined, where: string): boolean | undefined {
  if (value === undefined || value === 'auto') return undefined
  if (value === 'true' || value === 'false') return value === 'true'
  throw new Error(`${where}: ecr is true, false or auto`)
}

/**
 * Every username/password pair in `text`, for masking before anything else reads it: the parsed entries,
 * or, when the text does not parse, every `password:` value found line by line.
 */
export function credentialsIn(text: string): { username: string; password: string }[] {
  try {
    return parseRegistryAuth(text)
  } catch {
    return [...text.matchAll(/password\s*:\s*(.*)$/gm)].map(m => ({
      username: '',
      password: m[1].trim().replace(/^(['"])(.*)\1$/, '$2')
    }))
  }
}
