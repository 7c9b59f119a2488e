// docker build's own `--secret` grammar, `id=ID[,env=VAR][,src=FILE][,type=env|file]`, read as buildx and
// BuildKit read it, so that a command line written for docker means the same here: `--secret id=API_TOKEN`
// is the secret API_TOKEN from $API_TOKEN, never a secret named "id".
import { InputProblem } from '../core/problem.js'
import { csvRecords } from '../inputs/csv.js'
import { SECRET_ID, SECRET_ID_RULE } from '../inputs/validators.js'
import { isFile } from '../inputs/build-options.js'

/** The keys of docker's form; a value whose first key is one of them (or that has several fields) is that form. */
const KEYS = ['id', 'type', 'src', 'source', 'env']

/** Whether a `--secret` value is docker's form rather than the CLI's own `ID=ENV`. */
export function isDockerSecret(spec: string): boolean {
  const key = spec.slice(0, Math.max(spec.indexOf('='), 0)).toLowerCase()
  return spec.includes(',') || KEYS.includes(key)
}

/** Where one secret of docker's form comes from: an environment variable, or a file. */
export type DockerSecret = { id: string; env: string } | { id: string; file: string }

/**
 * docker's `--secret` value: `env=` names a variable, `src=` (or `source=`) a file, `type=env` makes `src=`
 * a variable's name; with neither, the variable named by the id if it is set, else the file of that name
 * (BuildKit's rule).
 */
export function dockerSecret(spec: string, env: NodeJS.ProcessEnv): DockerSecret {
  const records = csvRecords(spec)
  if (records.length !== 1) throw new InputProblem('takes one line')
  const given: Record<string, string> = {}
  for (const field of records[0]) {
    const eq = field.indexOf('=')
    const key = field.slice(0, eq).toLowerCase()
    if (eq < 0 || !KEYS.includes(key))
      throw new InputProblem(`${JSON.stringify(field)} is none of id=, env=, src=, type=env|file`)
    given[key === 'source' ? 'src' : key] = field.slice(eq + 1)
  }
  const { id = '', type, src = '' } = given
  if (!SECRET_ID.test(id)) throw new InputProblem(`needs id=ID with ${SECRET_ID_RULE}`)
  if (type !== undefined && type !== 'env' && type !== 'file')
    throw new InputProblem(`type=${type}: the type is env or file`)
  const variable = given.env || (type === 'env' ? src : '')
  if (variable) return { id, env: variable }
  if (src) {
    if (!isFile(src)) throw new InputProblem(`${JSON.stringify(src)} is not a file`)
    return { id, file: src }
  }
  if (env[id] !== undefined) return { id, env: id }
  if (isFile(id)) return { id, file: id }
  throw new InputProblem(`neither the environment variable ${id} nor a file ${id} exists`)
}
