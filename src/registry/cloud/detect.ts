// Which logins are a cloud's short-lived ones, decided once from the registry's host, the entry's `ecr` key
// and the environment: no SDK is loaded here, so the input checks stay cheap.
import { isDockerHub, splitHostPort } from '../../core/reference.js'

/** How a login's username and password are obtained before `docker login`. */
export type CloudLogin =
  | {
      kind: 'ecr'
      /** The region of the ECR API to ask. */
      region: string
      /** The account named by the host, asked for by `registryIds`; absent for a host that names none. */
      registryId?: string
    }
  | { kind: 'ecr-public'; region: string }
  | {
      kind: 'hub-oidc'
      connectionId: string
      /** Seconds the Hub token lives (DOCKERHUB_OIDC_EXPIREIN). */
      expiresIn: number
      /** The OIDC token's audience: Docker's identity service, whatever URL the exchange is reached at. */
      audience: string
      /** Where the exchange is posted: `<base>/oauth/token`. */
      endpoint: string
    }

// Private ECR: <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn], the European Sovereign Cloud's
// .amazonaws.eu, and the dual-stack <account>.dkr-ecr[-fips].<region>.on.aws.
const ECR_PRIVATE = [
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.(?:com|com\.cn|eu)$/,
  /^(\d{12})\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/
]
// ECR Public, and its dual-stack name.
const ECR_PUBLIC = new Set(['public.ecr.aws', 'ecr-public.aws.com'])
// ECR Public's API answers in us-east-1 only.
const ECR_PUBLIC_REGION = 'us-east-1'

/** An ECR host's account and region, or whether it is ECR Public; undefined for any other host. */
export function ecrHost(
  registry: string
): { public: true } | { public: false; account: string; region: string; fips: boolean } | undefined {
  const { host, port } = splitHostPort(registry.toLowerCase())
  if (port) return undefined
  if (ECR_PUBLIC.has(host)) return { public: true }
  for (const re of ECR_PRIVATE) {
    const m = re.exec(host)
    if (m) return { public: false, account: m[1], region: m[2], fips: host.includes('-fips.') }
  }
  return undefined
}

// Docker Hub and the hosts behind it that Docker's OIDC connections cover, as login-action takes them.
const HUB_OIDC_HOSTS = new Set(['registry-1.docker.io', 'registry-1-stage.docker.io', 'dhi.io'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EXPIRES_IN = { default: 300, min: 300, max: 3600 }

const isHubOidcHost = (registry: string): boolean =>
  isDockerHub(registry) || HUB_OIDC_HOSTS.has(registry.toLowerCase())

/** The login as the inputs give it; `ecr` unset means detect from the host. */
export interface LoginEntry {
  registry: string
  username: string
  password: string
  ecr?: boolean
}

/**
 * How `login` is obtained: from ECR's GetAuthorizationToken (an ECR host, or `ecr: true`), from Docker Hub's
 * OIDC exchange (a Hub host with a username, no password, and DOCKERHUB_OIDC_CONNECTIONID set), or as given
 * (undefined). Throws an Error whose message says what is missing; the caller names the input.
 */
export function cloudLoginOf(login: LoginEntry, env: NodeJS.ProcessEnv): CloudLogin | undefined {
  const host = login.ecr === false ? undefined : ecrHost(login.registry)
  // login-action does not take a FIPS host for ECR: a username and password there (`AWS` and `aws ecr
  // get-login-password`'s token) are its ordinary docker login, not an access key id and its secret.
  const asGiven = login.ecr === undefined && host?.public === false && host.fips && login.password !== ''
  const ecr = asGiven ? undefined : host
  if (ecr || login.ecr === true) {
    if ((login.username === '') !== (login.password === ''))
      throw new Error(
        'with ECR, username and password are an AWS access key id and its secret: give both, or neither to use the credentials in the environment'
      )
    if (ecr?.public) return { kind: 'ecr-public', region: ECR_PUBLIC_REGION }
    const region = ecr?.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
    if (!region) throw new Error('the host names no AWS region: set AWS_REGION')
    return { kind: 'ecr', region, ...(ecr ? { registryId: ecr.account } : {}) }
  }
  // Only a login asked for by a username: the variable is often set for the whole job, and a step that logs
  // in nowhere (no username, no password) must not read it, as login-action reads it only in a login step.
  const oidc = login.username !== '' && login.password === '' && isHubOidcHost(login.registry)
  if (oidc && env.DOCKERHUB_OIDC_CONNECTIONID !== undefined) return hubOidc(login, env)
  return undefined
}

function hubOidc(login: LoginEntry, env: NodeJS.ProcessEnv): CloudLogin {
  const connectionId = (env.DOCKERHUB_OIDC_CONNECTIONID ?? '').trim()
  if (!UUID.test(connectionId)) throw new Error('DOCKERHUB_OIDC_CONNECTIONID is not a UUID')
  const given = (env.DOCKERHUB_OIDC_EXPIREIN ?? '').trim()
  const expiresIn = given === '' ? EXPIRES_IN.default : Number(given)
  if ((given !== '' && !/^[0-9]+$/.test(given)) || expiresIn < EXPIRES_IN.min || expiresIn > EXPIRES_IN.max)
    throw new Error(
      `DOCKERHUB_OIDC_EXPIREIN is ${JSON.stringify(given.slice(0, 20))}: give whole seconds from ${EXPIRES_IN.min} to ${EXPIRES_IN.max}`
    )
  const identity =
    login.registry.toLowerCase() === 'registry-1-stage.docker.io'
      ? 'https://identity-stage.docker.com'
      : 'https://identity.docker.com'
  // The exchange's base URL can be pointed elsewhere, as AWS_ENDPOINT_URL_<SERVICE> points the AWS SDK.
  const base = (env.DOCKERHUB_OIDC_ENDPOINT_URL ?? '').trim() || identity
  let endpoint: URL
  try {
    endpoint = new URL(`${base.replace(/\/+$/, '')}/oauth/token`)
  } catch {
    throw new Error('DOCKERHUB_OIDC_ENDPOINT_URL is not a URL')
  }
  if (!/^https?:$/.test(endpoint.protocol) || endpoint.username || endpoint.password)
    throw new Error('DOCKERHUB_OIDC_ENDPOINT_URL must be an http(s) URL without credentials')
  return { kind: 'hub-oidc', connectionId, expiresIn, audience: identity, endpoint: endpoint.href }
}

/** What the user reads about a cloud login. */
export const cloudService = (cloud: CloudLogin): string =>
  cloud.kind === 'ecr'
    ? 'AWS ECR'
    : cloud.kind === 'ecr-public'
      ? 'AWS ECR Public'
      : "Docker Hub's OIDC exchange"
