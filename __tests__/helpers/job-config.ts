// A docker config directory of the job's own (DOCKER_CONFIG or ~/.docker) for keep-login tests: the given
// config.json, with the engine's buildx plugin and builders linked in, so that the action finds the same
// builder as with the engine's own config, and nothing the test writes touches that shared config.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const LINKED = ['cli-plugins', 'buildx']

/** Creates `dir` (or a fresh temp dir) as a docker config holding `config` (no config.json when undefined). */
export async function jobDockerConfig(config: object | undefined, dir?: string): Promise<string> {
  const at = dir ?? (await mkdtemp(join(tmpdir(), 'btp-job-config-')))
  await mkdir(at, { recursive: true })
  const engine = process.env.DOCKER_CONFIG
  for (const name of LINKED)
    if (engine && existsSync(join(engine, name))) await symlink(join(engine, name), join(at, name))
  if (config !== undefined) await writeFile(join(at, 'config.json'), JSON.stringify(config, null, 2))
  return at
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a docker config's JSON: tests pick fields
type Json = Record<string, any>

/** config.json of a docker config dir, parsed; undefined when there is none. */
export async function readJobConfig(dir: string): Promise<Json | undefined> {
  const file = join(dir, 'config.json')
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Json) : undefined
}
