// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.
import { existsSync } from 'node:fs'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { HUB_AUTH_KEY, isDockerHub } from '../core/reference.js'

/** Directories that carry plugins, builders and contexts rather than credentials. */
export const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts']

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

/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
export async function createPrivateConfig(
  dir: string,
  userDir: string,
  loginRegistries: string | string[] = []
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  let user: Record<string, unknown> = {}
  const userFile = path.join(userDir, 'config.json')
  if (existsSync(userFile)) {
    try {
      user = JSON.parse(await readFile(userFile, 'utf8')) as Record<string, unknown>
    } catch {
      // An unreadable config gives the same result as none: docker would refuse it anyway.
      user = {}
    }
  }
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
    mode: 0o600
  })
  for (const name of LINKED_DIRS) {
    const target = path.join(userDir, name)
    if (existsSync(target)) await symlink(target, path.join(dir, name))
  }
}
