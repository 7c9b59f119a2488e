// A "remote BuildKit", offline: dockerd serves its embedded BuildKit's gRPC API behind `POST /grpc` with an
// h2c upgrade (that is how buildx's docker driver reaches it). This proxy does the upgrade for every
// connection, so `docker buildx create --driver remote unix://<socket>` makes a second builder that really is
// a remote-driver builder (the kind setup-buildx-action makes). The e2e tests and `npm run bench` use it.
import { mkdtemp, rm } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The unix socket path of a `unix://` DOCKER_HOST; anything else is an error the test should show. */
export function unixSocketOf(dockerHost) {
  if (!dockerHost?.startsWith('unix://'))
    throw new Error(`the BuildKit proxy needs a unix:// DOCKER_HOST, got ${JSON.stringify(dockerHost)}`)
  return dockerHost.slice('unix://'.length)
}

const UPGRADE =
  'POST /grpc HTTP/1.1\r\nHost: docker\r\nUpgrade: h2c\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n'

function bridge(client, engineSocket, onUpgraded) {
  const early = []
  const hold = b => void early.push(b)
  client.on('data', hold)
  const engine = createConnection(engineSocket, () => engine.write(UPGRADE))
  let head = Buffer.alloc(0)
  const onHead = b => {
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
/** @returns {Promise<import('./buildkit-proxy.d.mts').BuildkitProxy>} */
export async function startBuildkitProxy(engineSocket) {
  const dir = await mkdtemp(join(tmpdir(), 'btp-bkproxy-'))
  const path = join(dir, 'buildkit.sock')
  const sockets = new Set()
  const proxy = {
    endpoint: `unix://${path}`,
    connections: 0,
    reset() {
      proxy.connections = 0
    },
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise(resolve => server.close(() => resolve()))
      await rm(dir, { recursive: true, force: true })
    }
  }
  const server = createServer(client => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    bridge(client, engineSocket, () => proxy.connections++)
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve())
  })
  server.unref()
  return proxy
}
