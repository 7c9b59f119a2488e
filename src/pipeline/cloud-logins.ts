// Turns each login into the username and password that `docker login` gets: as given, or from a cloud's
// token service. A cloud login is fetched once per registry per run, again only after it expires, and the
// same token serves the registry client (preflight, verification) through the credential lookup.
import type { RegistryLogin } from '../inputs/registry-auth.js'
import type { CredentialLookup, Credentials } from '../registry/auth.js'
import { cloudService, type CloudLogin } from '../registry/cloud/detect.js'
import type { CloudToken } from '../registry/cloud/ecr.js'
import type { IdTokenSource } from '../registry/cloud/github-oidc.js'
import type { ProxyRules } from '../registry/proxy.js'
import type { Reporter } from '../log/reporter.js'
import { credentialSecrets, maskableToken } from '../log/masks.js'
import { ClassifiedError } from '../core/retry.js'

export interface LoginsOptions {
  reporter: Reporter
  /** `retries`: the attempts of each token service request for transient failures. */
  attempts: number
  /** The deadline of one request to a token service. */
  timeoutMs: number
  /** The job's OIDC token (the action's `githubIdToken`); absent where there is none (the CLI). */
  idToken?: IdTokenSource
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** The environment's proxies (registry/proxy.ts), which the token services' requests go through too. */
  proxy?: ProxyRules
  /** The run's cancel: it ends a token request in flight and a wait between attempts. */
  cancelled?: AbortSignal
}

/** A token must last at least this long from when it comes to be used at all. */
const EXPIRY_MARGIN_MS = 60_000

interface Cached {
  promise: Promise<CloudToken>
  token?: CloudToken
}

export class Logins {
  private readonly byRegistry = new Map<string, RegistryLogin>()
  private readonly tokens = new Map<string, Cached>()
  private readonly opts: LoginsOptions
  /** Token service calls made this run, per registry. */
  readonly calls = new Map<string, number>()

  constructor(logins: RegistryLogin[], opts: LoginsOptions) {
    for (const login of logins) this.byRegistry.set(login.registry, login)
    this.opts = opts
  }

  /** The username and password for `login`, masked before they are returned. */
  async resolve(login: RegistryLogin): Promise<Credentials> {
    const { reporter } = this.opts
    // A secret access key given as the password is masked like any password.
    credentialSecrets(login.username, login.password).forEach(v => reporter.setSecret(v))
    if (!login.cloud) return { username: login.username, password: login.password }
    const token = await this.token(login, login.cloud)
    return { username: token.username, password: token.password }
  }

  /** The registry client's credentials: a cloud login's token for its registry, `fallback` for the rest. */
  lookup(fallback?: CredentialLookup): CredentialLookup {
    return async registry => {
      const login = this.byRegistry.get(registry)
      if (login?.cloud) return this.resolve(login)
      return fallback?.(registry)
    }
  }

  private token(login: RegistryLogin, cloud: CloudLogin): Promise<CloudToken> {
    const now = this.opts.now ?? Date.now
    const cached = this.tokens.get(login.registry)
    // A failed fetch stays failed: a refusal is not asked again within the run.
    // Reused while it has the margin a fresh one must have; fetched again once it has not.
    if (cached && !(cached.token && cached.token.expiresAt - EXPIRY_MARGIN_MS <= now())) return cached.promise
    const entry: Cached = { promise: this.fetch(login, cloud) }
    entry.promise.then(
      token => (entry.token = token),
      () => {}
    )
    this.tokens.set(login.registry, entry)
    return entry.promise
  }

  private async fetch(login: RegistryLogin, cloud: CloudLogin): Promise<CloudToken> {
    const { reporter, attempts, timeoutMs } = this.opts
    this.calls.set(login.registry, (this.calls.get(login.registry) ?? 0) + 1)
    let token: CloudToken
    if (cloud.kind === 'hub-oidc') {
      const idToken = this.opts.idToken
      if (!idToken)
        throw new Error(
          `Docker Hub OIDC login for ${login.registry} needs the job's OIDC token, which only the action gets: log in to Docker Hub before running the CLI`
        )
      const { hubOidcToken } = await import('../registry/cloud/hub-oidc.js')
      token = await hubOidcToken({
        registry: login.registry,
        username: login.username,
        settings: cloud,
        idToken,
        attempts,
        timeoutMs,
        sleep: this.opts.sleep,
        onRetry: m => reporter.warning(m),
        onSecret: v => reporter.setSecret(v),
        proxy: this.opts.proxy,
        onWarning: m => reporter.warning(m),
        signal: this.opts.cancelled
      })
    } else {
      const { ecrToken } = await import('../registry/cloud/ecr.js')
      token = await ecrToken({
        registry: login.registry,
        public: cloud.kind === 'ecr-public',
        region: cloud.region,
        registryId: cloud.kind === 'ecr' ? cloud.registryId : undefined,
        accessKey: login.username ? { id: login.username, secret: login.password } : undefined,
        attempts,
        timeoutMs,
        sleep: this.opts.sleep,
        onRetry: m => reporter.warning(m),
        proxy: this.opts.proxy,
        onWarning: m => reporter.warning(m),
        signal: this.opts.cancelled
      })
    }
    // A token that masking would turn against the log (`sha256`, a short word) hides every digest or name
    // and drops the outputs that hold one: no real token service issues one, so it is refused.
    if (!maskableToken(token.password))
      throw new ClassifiedError(
        `${cloudService(cloud)} gave ${login.registry} a token too short or too much like a digest to be masked (${token.password.length} characters)`,
        'fatal'
      )
    // Masked before anything can print or send it.
    credentialSecrets(token.username, token.password).forEach(v => reporter.setSecret(v))
    // A token that is already spent would be used, kept for later steps and asked for again at every lookup.
    const now = (this.opts.now ?? Date.now)()
    if (token.expiresAt <= now + EXPIRY_MARGIN_MS) {
      const at = new Date(token.expiresAt).toISOString()
      throw new ClassifiedError(
        token.expiresAt <= now
          ? `${cloudService(cloud)} gave a token for ${login.registry} that expired at ${at}`
          : `${cloudService(cloud)} gave a token for ${login.registry} that expires at ${at}, in less than ${EXPIRY_MARGIN_MS / 1000} s`,
        'fatal'
      )
    }
    const until = Number.isFinite(token.expiresAt)
      ? `, valid until ${new Date(token.expiresAt).toISOString()}`
      : ''
    reporter.info(`Got a login for ${login.registry} from ${cloudService(cloud)}${until}`)
    return token
  }
}
