// The docker image reference grammar (github.com/distribution/reference v0.6, regexp.go and reference.go),
// as pure functions. Two deliberate differences: a port must be 1-65535 (docker takes any digits), and
// `imageProblem` judges an image once lowercased (the inputs layer lowercases it with a notice).
import { ref } from './input-ref.js'

/** `[\w][\w.-]{0,127}`; Go's `\w` is ASCII only. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
/** alpha-numeric [separator alpha-numeric]*, separator = `[._]|__|[-]+`. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const DOMAIN_COMPONENT = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/
/** docker's `ipv6address`: no zone identifier, no embedded IPv4 tail. */
const IPV6 = /^\[[A-Fa-f0-9:]+\]$/
/** digest-algorithm ":" digest-hex, as regexp.go's digestPat. */
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/
/** RepositoryNameTotalLengthMax: checked on the path after the domain, not on `host/path`. */
export const NAME_MAX = 255

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
  'a registry is host[:port]: DNS labels of [A-Za-z0-9-] separated by ".", or an IPv6 address of hex digits ' +
  'and ":" in brackets (no %zone, no embedded IPv4), and a port 1-65535'
export const LENGTH_RULE = `docker allows a repository path of at most ${NAME_MAX} characters`

/** Returns an explanation when `tag` is not a valid tag, otherwise undefined. */
export function tagProblem(tag: string): string | undefined {
  return TAG.test(tag) ? undefined : TAG_RULE
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag)
}

/** `sha256:<hex>` and the like, as docker's reference grammar reads a digest. */
export function isValidDigest(digest: string): boolean {
  return DIGEST.test(digest)
}

/** Validates a repository path such as `my/nginx` (no host, no tag), exactly: uppercase is refused. */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'it is empty'
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT.test(component)) return PATH_RULE
  }
  return undefined
}

/** `[::ffff:1.2.3.4]` written in hex, `[::ffff:102:304]`, or undefined when the tail is no IPv4 address. */
function hexIPv6(bracketed: string): string | undefined {
  const m = /^\[([A-Fa-f0-9:]*:)([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\]$/.exec(bracketed)
  if (!m) return undefined
  const [a, b, c, d] = m.slice(2).map(Number)
  if ([a, b, c, d].some(n => n > 255)) return undefined
  return `[${m[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`
}

/** Why a bracketed IPv6 host is outside docker's grammar. */
function ipv6Problem(host: string): string | undefined {
  if (IPV6.test(host)) return undefined
  const zone = host.indexOf('%')
  if (zone >= 0)
    return `${JSON.stringify(host.slice(zone, -1))} is an IPv6 zone, which docker does not accept; ${HOST_RULE}`
  const hex = hexIPv6(host)
  if (hex)
    return `${host} embeds an IPv4 address, which docker does not accept; write it in hex, ${hex}; ${HOST_RULE}`
  return HOST_RULE
}

/**
 * Validates `host[:port]` against docker's `domainAndPort` (including `[::1]:5000`), with the port limited
 * to 1-65535. Every answer contains HOST_RULE.
 */
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
    const problem = ipv6Problem(host)
    if (problem) return problem
  } else {
    const colon = registry.lastIndexOf(':')
    if (colon >= 0) {
      host = registry.slice(0, colon)
      port = registry.slice(colon + 1)
    }
    if (host === '' || !host.split('.').every(label => DOMAIN_COMPONENT.test(label))) return HOST_RULE
  }
  if (port !== undefined) {
    if (!/^[0-9]+$/.test(port)) return HOST_RULE
    const n = Number(port)
    if (n < 1 || n > 65535) return `port ${port} is outside 1-65535; ${HOST_RULE}`
  }
  return undefined
}

/**
 * The complete reason the `registry` input is unusable, or undefined. The action hands docker
 * `<registry>/<image>`, and docker reads a first component as a host only when it has a "." or a
 * ":port" or is "localhost"; anything else (`myhost`) would send the push to Docker Hub's `myhost/…`.
 * (docker v0.6 also takes an uppercase first component as a host; dockerd 20.10 does not.)
 */
export function registryProblem(registry: string): string | undefined {
  if (registry === '') return 'is empty; give host[:port], e.g. ghcr.io'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry)) return 'has a scheme; give host[:port] only, e.g. ghcr.io'
  if (registry.includes('/')) return `has a path; put the path in ${ref('image')}`
  const problem = hostProblem(registry)
  if (problem) return `is not valid: ${problem}`
  if (registry !== 'localhost' && !registry.includes('.') && !registry.includes(':')) {
    if (registry.toLowerCase() === 'localhost')
      return `is read by docker as a Docker Hub namespace, not a host, unless written "localhost" in lowercase`
    return (
      `has no "." and no ":port" and is not "localhost", so docker would read ${JSON.stringify(`${registry}/<image>`)} as a ` +
      `Docker Hub repository; give the port (e.g. "${registry}:443") or the full host name`
    )
  }
  return undefined
}

/**
 * `index.docker.io` and friends all mean Docker Hub; any other host in lowercase, since a host name is
 * (`LocalHost:5000` and `localhost:5000` are one registry), where docker's config keys are exact strings.
 */
export function normalizeRegistry(registry: string): string {
  const lower = registry.toLowerCase()
  return HUB_ALIASES.has(lower) ? DOCKER_HUB : lower
}

/**
 * A login's server address as `docker login` takes it, down to host[:port]: an http(s) URL by its host (as
 * docker's ConvertToHostname reads `https://index.docker.io/v1/`), and a bare host with a trailing API version
 * path (`/v1/`, `/v2`). Any other path is kept, for registryProblem to refuse.
 */
export function loginServerHost(address: string): string {
  const url = /^https?:\/\/([^/]*)/i.exec(address)
  if (url) return url[1]
  return address.replace(/\/v[12]\/?$/i, '').replace(/\/$/, '')
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

/**
 * docker's 255-character limit, on the repository path alone (the part after the domain, with the
 * `library/` Docker Hub adds), as distribution/reference v0.6 checks it. dockerd 20.10 still counted
 * `host/path`; the engine itself says so when it is that old.
 */
export function nameLengthProblem(registry: string, path: string): string | undefined {
  const remote = remotePath(registry, path)
  if (remote.length <= NAME_MAX) return undefined
  const library = remote === path ? '' : ' (with the "library/" Docker Hub adds)'
  return `the repository path is ${remote.length} characters long${library}; ${LENGTH_RULE}`
}

/** Hosts that docker (and we) talk to over plain HTTP: loopback only. */
export function isLoopbackRegistry(registry: string): boolean {
  const h = splitHostPort(registry).host.toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(h)
}

/**
 * Docker treats the first component of a name as a registry host when it has a "." or ":" or is
 * "localhost". On Docker Hub (the default registry) such an `image` means a host that belongs in the
 * `registry` input; under any other registry a dotted first component is an ordinary path component.
 */
export function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost'
}

/**
 * The complete reason the `image` input is unusable under `registry` (already normalized), or undefined.
 * Judges the value once lowercased: undefined means `image.toLowerCase()` is a valid repository path.
 * The answer follows the quoted value: `Invalid input "image": "<value>" <answer>`.
 */
export function imageProblem(image: string, registry: string): string | undefined {
  if (image === '') return 'is empty; give the repository path, e.g. "my/app"'
  if (image.includes('@')) return 'contains a digest; image is the repository path only'
  const hub = isDockerHub(registry)
  const slash = image.indexOf('/')
  const first = slash < 0 ? image : image.slice(0, slash)
  const lower = image.toLowerCase()
  // An IPv6 address, or a host:port before a "/", can only be a registry host, never a path.
  const bracketed = first.startsWith('[')
  const hostPort = slash >= 0 && first.includes(':')
  // With no registry given (Docker Hub, whose namespaces have no dots), a first component that is a
  // valid host with a ".", or "localhost", is a host meant for the registry input, as docker reads it.
  const hubHost = hub && slash >= 0 && looksLikeHost(first.toLowerCase()) && !hostProblem(first)
  if (bracketed || hostPort || hubHost) {
    const problem = hostProblem(first)
    if (problem)
      return `starts with ${JSON.stringify(first)}, a registry host but not a valid one (${problem}); a registry goes in ${ref('registry')}`
    if (hub) return `starts with a registry host; put ${JSON.stringify(first)} in ${ref('registry')}`
    return (
      `starts with a registry host ${JSON.stringify(first)}, but the registry is ${JSON.stringify(registry)}; ` +
      `give the host in ${ref('registry')} and only the repository path in ${ref('image')}`
    )
  }
  // The registry's own host again ("ghcr.io/octo/app" under ghcr.io, metadata-action's `images` form): a
  // valid path, but it would push to ghcr.io/ghcr.io/octo/app.
  const firstLower = first.toLowerCase()
  if (slash >= 0 && (firstLower === registry || firstLower === splitHostPort(registry).host))
    return `starts with the registry's host ${JSON.stringify(first)} (the registry is ${JSON.stringify(registry)}); give only the repository path in ${ref('image')}, e.g. ${JSON.stringify(image.slice(slash + 1))}`
  if (image.includes(':')) return `contains a tag; put tags in ${ref('tags')}`
  const problem = pathProblem(lower)
  if (problem) return `is not a valid repository path: ${problem}`
  const length = nameLengthProblem(registry, lower)
  if (length) return `is too long: ${length}`
  return undefined
}

/** `host[:port]` split into the host (IPv6 without brackets) and the port ('' when none). */
export function splitHostPort(registry: string): { host: string; port: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(registry)
  if (bracketed) return { host: bracketed[1], port: bracketed[2] ?? '' }
  const m = /^(.*?)(?::(\d+))?$/.exec(registry)!
  return { host: m[1], port: m[2] ?? '' }
}
