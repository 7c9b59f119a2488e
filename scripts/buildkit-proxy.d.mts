// Types of buildkit-proxy.mjs, for the TypeScript tests.
export interface BuildkitProxy {
  /** `unix:///…/buildkit.sock`, for `docker buildx create --driver remote`. */
  endpoint: string
  /** Connections upgraded to dockerd's BuildKit since the start or the last reset. */
  connections: number
  reset(): void
  stop(): Promise<void>
}

/** The unix socket path of a `unix://` DOCKER_HOST; anything else is an error the test should show. */
export function unixSocketOf(dockerHost: string | undefined): string
/** Starts the proxy on a fresh unix socket in front of the engine at `engineSocket`. */
export function startBuildkitProxy(engineSocket: string): Promise<BuildkitProxy>
