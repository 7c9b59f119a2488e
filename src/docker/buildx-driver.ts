// Which buildx driver a build will run on, read from buildx's own files instead of asking it: a
// `docker buildx inspect` would cost a process on every build.
import { readFileSync } from 'node:fs'
import path from 'node:path'

const readJson = (file: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/**
 * The driver of the builder named by the `builder` input, else BUILDX_BUILDER, else the one `docker buildx
 * use` chose for this engine (buildx/current). No builder, or a name without an instance file (the default
 * builder, a docker context), is the `docker` driver.
 */
export function builderDriver(
  configDir: string,
  builder: string,
  env: NodeJS.ProcessEnv = process.env
): string {
  let name = builder || env.BUILDX_BUILDER || ''
  if (!name) {
    const current = readJson(path.join(configDir, 'buildx', 'current'))
    const endpoint = env.DOCKER_HOST || 'unix:///var/run/docker.sock'
    if (typeof current?.Name === 'string' && (current.Global === true || current.Key === endpoint))
      name = current.Name
  }
  if (!name) return 'docker'
  const instance = readJson(path.join(configDir, 'buildx', 'instances', name.toLowerCase()))
  return typeof instance?.Driver === 'string' && instance.Driver ? instance.Driver : 'docker'
}
