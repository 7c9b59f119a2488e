// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { HUB_AUTH_KEY, isDockerHub } from '../core/reference.js'

/** Directories that carry plugins, builders and contexts rather than credentials. */
export const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts']

/**
 * What of buildx's directory stays with the run: `refs`, where buildx (0.13) writes every build's context
 * as given, failed builds too, and never removes it; an http git context keeps its token in the URL
 * (git-context.ts), so in the user's directory the token would outlive the job.
 */
const PRIVATE_BUILDX = new Set(['refs'])

export const credentialKey = (registry: string): string => (isDockerHub(registry) ? HUB_AUTH_KEY : registry)

/**
 * The user's config with the file store forced for `loginRegistry`: an empty credHelpers entry makes the
 * docker CLI skip any credsStore for that host, so the login lands in our file and dies with it.
 */
export function seedConfig(
  user: Record<string, unknown>,
  loginRegistries: string | string[] = []
): Record<string, unknown> {
  const config = { ...user }
  const registries = typeof loginRegistries === 'string' ? [loginRegistries] : loginRegistries
  if (registries.length) {
    const helpers = { ...((user.credHelpers as Record<string, string> | undefined) ?? {}) }
    // A stale entry for the same host must not shadow the fresh login.
    const auths = { ...((user.auths as Record<string, unknown> | undefined) ?? {}) }
    for (const registry of registries) {
      helpers[credentialKey(registry)] = ''
      if (!isDockerHub(registry)) helpers[registry] = ''
      delete auths[credentialKey(registry)]
    }
    config.credHelpers = helpers
    config.auths = auths
  }
  return config
}

/**
 * A docker config.json's text as an object; empty (or blank) as docker reads it, `{}`. One that is not an
 * object (bad JSON, `null`, a list) is an error naming the file: read as empty, its credHelpers, credsStore
 * and proxies would vanish without a word, and the run would fail later for a reason nobody could see.
 */
export function parseDockerConfig(file: string, text: string): Record<string, unknown> {
  if (!text.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    // V8 quotes the text around an unexpected token, and here that is credentials: the token alone.
    const why = (error as Error).message.replace(/^(Unexpected token .+?), .* is not valid JSON$/s, '$1')
    throw new Error(`${file} is malformed: ${why}; docker's config.json is a JSON object`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(
      `${file} is malformed: it holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, and docker's config.json is a JSON object`
    )
  return parsed as Record<string, unknown>
}

/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
export async function createPrivateConfig(
  dir: string,
  userDir: string,
  loginRegistries: string | string[] = []
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const userFile = path.join(userDir, 'config.json')
  const user = existsSync(userFile) ? parseDockerConfig(userFile, await readFile(userFile, 'utf8')) : {}
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
    mode: 0o600
  })
  for (const name of LINKED_DIRS) {
    const target = path.join(userDir, name)
    if (!existsSync(target)) continue
    if (name === 'buildx' && (await stat(target)).isDirectory())
      await linkEntries(target, path.join(dir, name))
    else await symlink(target, path.join(dir, name))
  }
}

/** `to` as a directory of links to each entry of `from` (builders, their state, the lock), but PRIVATE_BUILDX. */
async function linkEntries(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o700 })
  for (const entry of await readdir(from))
    if (!PRIVATE_BUILDX.has(entry)) await symlink(path.join(from, entry), path.join(to, entry))
}
