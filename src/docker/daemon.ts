// What the engine says of a registry: whether its daemon.json lets it skip TLS (insecure-registries), as
// dockerd decides it, asked only when HTTPS fails.
import { BlockList, isIP } from 'node:net'
import { splitHostPort } from '../core/reference.js'

/** The part of `docker info`'s RegistryConfig that says which registries may skip TLS. */
export interface DaemonRegistryConfig {
  IndexConfigs?: Record<string, { Secure?: boolean }> | null
  InsecureRegistryCIDRs?: string[] | null
}

/**
 * Whether dockerd treats `registry` (host[:port]) as insecure, by its own rule: a listed name decides;
 * otherwise any of the host's addresses inside an insecure CIDR does.
 */
export function insecureByConfig(
  config: DaemonRegistryConfig,
  registry: string,
  addresses: string[]
): boolean {
  // Read as docker's answer, not assumed to be its shape: a field of another type counts as not set.
  const indexes = config.IndexConfigs
  const named = indexes && typeof indexes === 'object' ? indexes[registry] : undefined
  if (named && typeof named === 'object') return named.Secure === false
  const cidrs = new BlockList()
  const listed = Array.isArray(config.InsecureRegistryCIDRs) ? config.InsecureRegistryCIDRs : []
  for (const cidr of listed) {
    if (typeof cidr !== 'string') continue
    const [net, bits] = cidr.split('/')
    const family = isIP(net)
    const prefix = /^\d{1,3}$/.test(bits ?? '') ? Number(bits) : -1
    if (family && prefix >= 0 && prefix <= (family === 6 ? 128 : 32))
      cidrs.addSubnet(net, prefix, family === 6 ? 'ipv6' : 'ipv4')
  }
  return addresses.some(a => isIP(a) !== 0 && cidrs.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4'))
}

/** Asks the daemon, then resolves the host the way it would, to apply insecureByConfig. */
export async function dockerTreatsAsInsecure(
  docker: { registryConfig(): Promise<DaemonRegistryConfig> },
  registry: string
): Promise<boolean> {
  const { host } = splitHostPort(registry)
  const [config, addresses] = await Promise.all([
    docker.registryConfig(),
    isIP(host)
      ? [host]
      : import('node:dns/promises')
          .then(dns => dns.lookup(host, { all: true }))
          .then(
            found => found.map(f => f.address),
            () => []
          )
  ])
  return insecureByConfig(config, registry, addresses)
}
