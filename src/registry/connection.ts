// The wait for a connection, bounded where node's deadlines do not reach: through a proxy's tunnel.
import type http from 'node:http'

/**
 * Bounds the wait for a connection, which the deadlines that start with the request's socket do not
 * cover: node hands a request its socket once the connection is ready, and through a proxy's tunnel that is
 * after CONNECT and the TLS handshake inside it, where the agent's own timeout covers only the proxy's
 * answer to CONNECT (a proxy that answers and then stalls held a step for good). Time queued behind the
 * pool (agent.requests) is not counted, as those deadlines do not count it: the wait is at most `ms` after
 * the request leaves the queue, plus `ms` when it leaves just after a look.
 */
export function boundConnection(
  req: http.ClientRequest,
  agent: http.Agent,
  ms: number,
  /** Told of the timeout: a request without a socket emits no error of its own when destroyed. */
  onTimeout: (err: Error) => void
): void {
  let timer: NodeJS.Timeout | undefined
  const queued = (): boolean =>
    Object.values(agent.requests as unknown as Record<string, unknown[] | undefined>).some(q =>
      q?.includes(req)
    )
  const look = (): void => {
    timer = setTimeout(() => {
      if (req.socket || req.destroyed) return
      if (queued()) return look()
      const err = Object.assign(new Error(`no connection within ${ms} ms`), { code: 'ETIMEDOUT' })
      // Destroyed, so that a socket the agent hands it later is closed at once.
      req.destroy(err)
      onTimeout(err)
    }, ms)
    // The request's own connection keeps the process alive while it matters; this timer need not.
    timer.unref()
  }
  look()
  const stop = (): void => clearTimeout(timer)
  req.once('socket', stop)
  req.once('close', stop)
}
