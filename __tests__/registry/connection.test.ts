// The wait for a connection through a proxy's tunnel, which node's own deadlines leave open, and the queue
// behind the pool, which must not count.
import { afterEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import https from 'node:https'
import net, { type AddressInfo } from 'node:net'
import { boundConnection } from '../../src/registry/connection.js'

const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach(close => close()))

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok))
  const sockets = new Set<net.Socket>()
  server.on('connection', s => sockets.add(s))
  closers.push(() => {
    sockets.forEach(s => s.destroy())
    server.close()
  })
  return (server.address() as AddressInfo).port
}

/** The request's end: its error, or 'answered'; 'still waiting' after `guardMs`. */
function outcome(req: http.ClientRequest, guardMs: number): Promise<string> {
  return new Promise(resolve => {
    const guard = setTimeout(() => resolve('still waiting'), guardMs)
    req.on('response', res => {
      res.resume()
      res.on('end', () => {
        clearTimeout(guard)
        resolve('answered')
      })
    })
    req.on('error', err => {
      clearTimeout(guard)
      resolve(`${(err as { code?: string }).code}: ${err.message}`)
    })
  })
}

describe('boundConnection', () => {
  it('ends a request whose proxy answers CONNECT and then sends nothing', async () => {
    const proxy = http.createServer()
    proxy.on('connect', (_req, socket: net.Socket) =>
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    )
    const port = await listen(proxy)
    const agent = new https.Agent({ proxyEnv: { HTTPS_PROXY: `http://127.0.0.1:${port}` }, timeout: 300 })
    closers.push(() => agent.destroy())
    const req = https.request('https://registry.example.test/v2/', { agent })
    // As the registry client listens: the proxy's socket closing later is an error of a request already ended.
    req.on('error', () => {})
    const told = new Promise<string>(resolve => {
      boundConnection(req, agent, 300, err => resolve(err.message))
      setTimeout(() => resolve('still waiting'), 3000).unref()
    })
    req.end()
    expect(await told).toBe('no connection within 300 ms')
    // Destroyed too, so that a socket the agent hands it later is closed at once.
    expect(req.destroyed).toBe(true)
  })

  it('does not count the time a request waits in the queue for a pooled socket', async () => {
    // One socket: the second request waits for the first, which the server answers after 600 ms.
    const server = http.createServer((req, res) => {
      setTimeout(() => res.end('ok'), req.url === '/slow' ? 600 : 0)
    })
    const port = await listen(server)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    closers.push(() => agent.destroy())
    const first = http.request(`http://127.0.0.1:${port}/slow`, { agent })
    const second = http.request(`http://127.0.0.1:${port}/fast`, { agent })
    const told: string[] = []
    for (const req of [first, second]) {
      boundConnection(req, agent, 200, err => told.push(err.message))
      req.end()
    }
    expect(await Promise.all([outcome(first, 3000), outcome(second, 3000)])).toEqual(['answered', 'answered'])
    expect(told).toEqual([])
  })
})
