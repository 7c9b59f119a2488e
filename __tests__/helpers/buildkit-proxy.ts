// A "remote BuildKit" for tests, offline: dockerd serves its embedded BuildKit's gRPC API behind
// `POST /grpc` with an h2c upgrade (that is how buildx's docker driver reaches it). This proxy does the
// upgrade for every connection, so `docker buildx create --driver remote unix://<socket>` makes a second
// builder that really is a remote-driver builder, and the test can count the connections it gets.
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dockerOk } from './docker.js'

export interface BuildkitProxy {
  /** `unix:///…/buildkit.sock`, for `docker buildx create --driver remote`. */
  endpoint: string
  /** Connections upgraded to dockerd's BuildKit since the start or the last reset. */
  connections: number
  reset(): void
  stop(): Promise<void>
}

/** The unix socket path of a `unix://` DOCKER_HOST; anything else is an error the test should show. */
export function unixSocketOf(dockerHost: string | undefined): string {
  if (!dockerHost?.startsWith('unix://'))
    throw new Error(`the BuildKit proxy needs a unix:// DOCKER_HOST, got ${JSON.stringify(dockerHost)}`)
  return dockerHost.slice('unix://'.length)
}

const UPGRADE =
  'POST /grpc HTTP/1.1\r\nHost: docker\r\nUpgrade: h2c\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n'

function bridge(client: Socket, engineSocket: string, onUpgraded: () => void): void {
  const early: Buffer[] = []
  const hold = (b: Buffer): void => void early.push(b)
  client.on('data', hold)
  const engine = createConnection(engineSocket, () => engine.write(UPGRADE))
  let head = Buffer.alloc(0)
  const onHead = (b: Buffer): void => {
    head = Buffer.concat([head, b])
    const end = head.indexOf('\r\n\r\n')
    if (end < 0) return
    engine.off('data', onHead)
    if (!head.subarray(0, 12).toString().startsWith('HTTP/1.1 101')) {
      client.destroy()
      engine.destroy()
      return
    }
    onUpgraded()
    const rest = head.subarray(end + 4)
    if (rest.length) client.write(rest)
    client.off('data', hold)
    for (const b of early) engine.write(b)
    client.pipe(engine)
    engine.pipe(client)
  }
  engine.on('data', onHead)
  engine.on('error', () => client.destroy())
  client.on('error', () => engine.destroy())
  engine.on('close', () => client.destroy())
  client.on('close', () => engine.destroy())
}

/** Starts the proxy on a fresh unix socket in front of the engine at `engineSocket`. */
export async function startBuildkitProxy(engineSocket: string): Promise<BuildkitProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'btp-bkproxy-'))
  const path = join(dir, 'buildkit.sock')
  const sockets = new Set<Socket>()
  const proxy: BuildkitProxy = {
    endpoint: `unix://${path}`,
    connections: 0,
    reset() {
      proxy.connections = 0
    },
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await rm(dir, { recursive: true, force: true })
    }
  }
  const server: Server = createServer(client => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    bridge(client, engineSocket, () => proxy.connections++)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve())
  })
  server.unref()
  return proxy
}

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
