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
  const named = config.IndexConfigs?.[registry]
  if (named) return named.Secure === false
  const cidrs = new BlockList()
  for (const cidr of config.InsecureRegistryCIDRs ?? []) {
    const [net, bits] = cidr.split('/')
    const type = isIP(net) === 6 ? 'ipv6' : 'ipv4'
    if (isIP(net) && bits !== undefined) cidrs.addSubnet(net, Number(bits), type)
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
