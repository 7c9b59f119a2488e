// A remote-driver builder for tests, on the BuildKit proxy of scripts/buildkit-proxy.mjs (shared with the
// benchmark), and the user's docker config that knows it.
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBuildkitProxy, unixSocketOf, type BuildkitProxy } from '../../scripts/buildkit-proxy.mjs'
import { dockerOk } from './docker.js'

export { startBuildkitProxy, unixSocketOf, type BuildkitProxy } from '../../scripts/buildkit-proxy.mjs'

export interface RemoteBuilder {
  proxy: BuildkitProxy
  /** The user's DOCKER_CONFIG that knows the builder. */
  userConfig: string
  stop(): Promise<void>
}

/**
 * The user's docker config as setup-buildx-action leaves it: the buildx plugin plus a remote-driver builder
 * `name`, on a proxy in front of this engine's BuildKit; with `use`, chosen with `docker buildx use`.
 */
export async function remoteBuilder(name: string, opts: { use?: boolean } = {}): Promise<RemoteBuilder> {
  const proxy = await startBuildkitProxy(
    unixSocketOf(process.env.DOCKER_HOST || 'unix:///var/run/docker.sock')
  )
  const userConfig = await mkdtemp(join(tmpdir(), 'btp-userconfig-'))
  // A plugin installed system-wide (as on GitHub's runners) is found without this link.
  const plugins = process.env.DOCKER_CONFIG && join(process.env.DOCKER_CONFIG, 'cli-plugins')
  if (plugins && existsSync(plugins)) await symlink(plugins, join(userConfig, 'cli-plugins'))
  await writeFile(join(userConfig, 'config.json'), '{}\n')
  const env = { ...process.env, DOCKER_CONFIG: userConfig }
  await dockerOk(['buildx', 'create', '--name', name, '--driver', 'remote', proxy.endpoint], { env })
  if (opts.use) await dockerOk(['buildx', 'use', name], { env })
  return {
    proxy,
    userConfig,
    async stop() {
      await proxy.stop()
      await rm(userConfig, { recursive: true, force: true })
    }
  }
}
