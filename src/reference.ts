// The docker image reference grammar (distribution/reference), as pure functions.

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/
const DOMAIN_LABEL = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/
const IPV6 = /^\[[A-Fa-f0-9:.]+(?:%[A-Za-z0-9]+)?\]$/
const NAME_MAX = 255

export const DOCKER_HUB = 'docker.io'
/** The key docker uses for Docker Hub in config.json `auths`, and what credential helpers are asked for. */
export const HUB_AUTH_KEY = 'https://index.docker.io/v1/'
const HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com'
])

export const TAG_RULE = 'a tag is 1-128 characters of [A-Za-z0-9_.-] and must not start with "." or "-"'
export const PATH_RULE =
  'path components are lowercase [a-z0-9] separated by ".", "_", "__" or "-", joined by "/"'
export const HOST_RULE =
  'a registry is host[:port]: DNS labels of [A-Za-z0-9-] separated by ".", or a bracketed IPv6 address, and a port 1-65535'

/** Returns an explanation when `tag` is not a valid tag, otherwise undefined. */
export function tagProblem(tag: string): string | undefined {
  return TAG.test(tag) ? undefined : TAG_RULE
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag)
}

/** Validates a repository path such as `my/nginx` (no host, no tag). */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'it is empty'
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT.test(component)) return PATH_RULE
  }
  return undefined
}

/** Validates `host[:port]`, including `[::1]:5000`. */
export function hostProblem(registry: string): string | undefined {
  let host = registry
  let port: string | undefined
  if (registry.startsWith('[')) {
    const end = registry.indexOf(']')
    if (end < 0) return HOST_RULE
    host = registry.slice(0, end + 1)
    const rest = registry.slice(end + 1)
    if (rest !== '') {
      if (!rest.startsWith(':')) return HOST_RULE
      port = rest.slice(1)
    }
    if (!IPV6.test(host)) return HOST_RULE
  } else {
    const colon = registry.lastIndexOf(':')
    if (colon >= 0) {
      host = registry.slice(0, colon)
      port = registry.slice(colon + 1)
    }
    if (host === '' || !host.split('.').every(label => DOMAIN_LABEL.test(label))) return HOST_RULE
  }
  if (port !== undefined) {
    if (!/^[0-9]{1,5}$/.test(port)) return HOST_RULE
    const n = Number(port)
    if (n < 1 || n > 65535) return HOST_RULE
  }
  return undefined
}

/** `index.docker.io` and friends all mean Docker Hub. */
export function normalizeRegistry(registry: string): string {
  const lower = registry.toLowerCase()
  return HUB_ALIASES.has(lower) ? DOCKER_HUB : registry
}

export function isDockerHub(registry: string): boolean {
  return normalizeRegistry(registry) === DOCKER_HUB
}

/**
 * The repository path as the registry knows it: Docker Hub puts one-component names under `library/`.
 */
export function remotePath(registry: string, path: string): string {
  return isDockerHub(registry) && !path.includes('/') ? `library/${path}` : path
}

/** Fully qualified repository, e.g. `docker.io/library/nginx` or `localhost:5000/my/nginx`. */
export function repository(registry: string, path: string): string {
  return `${normalizeRegistry(registry)}/${remotePath(registry, path)}`
}

export function nameLengthProblem(registry: string, path: string): string | undefined {
  const name = repository(registry, path)
  return name.length > NAME_MAX
    ? `the full name ${name.length} characters long exceeds ${NAME_MAX}`
    : undefined
}

/** Hosts that docker (and we) talk to over plain HTTP: loopback only. */
export function isLoopbackRegistry(registry: string): boolean {
  const h = splitHostPort(registry).host.toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(h)
}

/**
 * Docker treats the first component of a name as a registry host when it has a "." or ":" or is
 * "localhost". Such an `image` belongs in the `registry` input.
 */
export function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost'
}

/** `host[:port]` split into the host (IPv6 without brackets) and the port ('' when none). */
export function splitHostPort(registry: string): { host: string; port: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(registry)
  if (bracketed) return { host: bracketed[1], port: bracketed[2] ?? '' }
  const m = /^(.*?)(?::(\d+))?$/.exec(registry)!
  return { host: m[1], port: m[2] ?? '' }
}
