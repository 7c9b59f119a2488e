// Authentication on top of the transport: the WWW-Authenticate challenge, Basic credentials and Bearer
// tokens (cached per scope, identity tokens exchanged by POST), and what to tell the user when it fails.

import { ref } from '../core/input-ref.js'
import { messageOf, oneLine } from '../core/text.js'
import { headerValue, RegistryError, where } from './errors.js'
import { parseChallenges, type Challenge, type CredentialLookup, type Credentials } from './challenge.js'
import { basicHeader, requestToken, type Token } from './token.js'
import type { Response, Transport } from './transport.js'

export { parseChallenges, type Challenge, type CredentialLookup, type Credentials } from './challenge.js'

interface Authorization {
  header: string
  /** Obtained by this very request, so a 401 with it means the credentials are wrong. */
  fresh: boolean
  /** The cached token promise it came from, to drop it if the registry rejects it. */
  cached?: Promise<Token>
  scope?: string
}

export type Actions = 'pull' | 'pull,push'

export class Authenticator {
  private readonly transport: Transport
  private readonly registry: string
  private readonly lookup?: CredentialLookup
  private credentialsPromise?: Promise<Credentials | undefined>
  /** Set once the registry asked for Basic and we had credentials; sent preemptively from then on. */
  private basic?: string
  /** The registry's Bearer challenge, remembered so new scopes fetch a token without a 401 first. */
  private bearer?: Challenge
  private readonly tokens = new Map<string, Promise<Token>>()

  constructor(transport: Transport, lookup?: CredentialLookup) {
    this.transport = transport
    this.registry = transport.registry
    this.lookup = lookup
  }

  /** One registry API call with authentication: anonymous or cached first, then whatever a 401 asks for. */
  async request(
    method: string,
    url: URL,
    repo: string,
    actions: Actions,
    headers: Record<string, string>,
    body?: Buffer,
    /** Another scope the same token needs, e.g. `repository:<from>:pull` for a cross-repository mount. */
    alsoScope?: string
  ): Promise<Response> {
    const scope = `repository:${repo}:${actions}${alsoScope ? ` ${alsoScope}` : ''}`
    let auth = await this.knownAuthorization(scope)
    let res = await this.transport.send(method, url, withAuth(headers, auth), body)
    this.refuseForeignChallenge(method, url, res)
    if (res.status === 401 && !auth?.fresh) {
      if (auth?.cached && this.tokens.get(auth.scope!) === auth.cached) this.tokens.delete(auth.scope!)
      auth = await this.authorize(res, scope, method, url)
      res = await this.transport.send(method, url, withAuth(headers, auth), body)
      this.refuseForeignChallenge(method, url, res)
    }
    if (res.status === 401 || res.status === 403) {
      throw await this.authError(this.transport.httpError(method, url, res, 'auth'), actions, repo)
    }
    return res
  }

  /**
   * The preflight of a push, given the 401 that GET /v2/ answered: fails only when the push surely cannot
   * authenticate. Basic without credentials fails; Bearer fails only when the token endpoint refuses a
   * push-scoped token (a token it hands out is not inspected: an anonymous one may still lack push, but
   * a push that could succeed is never blocked). What it obtains is kept for the requests that follow.
   */
  async checkPushAccess(res: Response, repo: string, url: URL): Promise<void> {
    this.refuseForeignChallenge('GET', url, res)
    const challenges = parseChallenges(headerValue(res.headers['www-authenticate']) ?? '')
    const bearer = challenges.find(c => c.scheme === 'bearer' && c.params.realm)
    if (bearer) {
      this.bearer = bearer
      try {
        await this.tokenFor(`repository:${repo}:pull,push`)
      } catch (err) {
        // Only a refusal is certain; a token server failing now may answer the push. A client closed meanwhile
        // (the run cancelled, or failed elsewhere) is no token server failing: the run must not go on.
        if (err instanceof RegistryError && (err.status === 401 || err.status === 403)) throw err
        if (this.transport.closed.signal.aborted) throw err
      }
      return
    }
    if (!challenges.some(c => c.scheme === 'basic')) return
    // An unreadable store is no proof: docker reads its own when it pushes.
    const credentials = await this.credentials().catch(() => null)
    if (credentials === undefined) {
      throw new RegistryError(`no credentials for ${this.registry}: the registry asks for a login`, 'auth', {
        status: 401
      })
    }
    if (credentials) this.basic = basicHeader(credentials)
  }

  /**
   * The Authorization header for a request whose body is a stream, which cannot be resent after a 401:
   * what an earlier request to the same scope obtained (undefined for an anonymous registry).
   */
  async headerFor(repo: string, actions: Actions): Promise<string | undefined> {
    return (await this.knownAuthorization(`repository:${repo}:${actions}`))?.header
  }

  /** What we can send without being asked: Basic once the registry wanted it, or a Bearer token. */
  private async knownAuthorization(scope: string): Promise<Authorization | undefined> {
    if (this.basic) return { header: this.basic, fresh: true }
    if (!this.bearer) return undefined
    // A pull,push token also grants pull.
    for (const candidate of scope.endsWith(':pull') ? [scope, `${scope},push`] : [scope]) {
      const cached = this.tokens.get(candidate)
      if (!cached) continue
      try {
        const token = await cached
        if (token.expiresAt > Date.now())
          return { header: token.header, fresh: false, cached, scope: candidate }
      } catch {
        // a failed fetch is dropped from the cache by tokenFor; fetch anew below
      }
      if (this.tokens.get(candidate) === cached) this.tokens.delete(candidate)
    }
    return { header: (await this.tokenFor(scope)).header, fresh: true }
  }

  /** Reacts to a 401: picks the challenge and obtains what it asks for. */
  private async authorize(res: Response, scope: string, method: string, url: URL): Promise<Authorization> {
    const challenges = parseChallenges(headerValue(res.headers['www-authenticate']) ?? '')
    const bearer = challenges.find(c => c.scheme === 'bearer')
    if (bearer) {
      if (!bearer.params.realm) {
        throw new RegistryError(`${method} ${where(url)}: Bearer challenge without a realm`, 'auth', {
          status: 401
        })
      }
      this.bearer = bearer
      return { header: (await this.tokenFor(scope)).header, fresh: true }
    }
    if (challenges.some(c => c.scheme === 'basic')) {
      const credentials = await this.credentials()
      if (!credentials) {
        throw new RegistryError(
          `${method} ${where(url)} requires authentication, and ${noCredentials(this.registry)}`,
          'auth',
          { status: 401 }
        )
      }
      this.basic = basicHeader(credentials)
      return { header: this.basic, fresh: true }
    }
    const offered = challenges.map(c => c.scheme).join(', ') || 'none'
    throw new RegistryError(
      `${method} ${where(url)}: HTTP 401 with no supported authentication challenge (offered: ${offered})`,
      'auth',
      { status: 401 }
    )
  }

  /** Concurrent requests for the same scope share one token fetch. */
  private tokenFor(scope: string): Promise<Token> {
    const existing = this.tokens.get(scope)
    if (existing) return existing
    const pending = this.fetchToken(scope)
    this.tokens.set(scope, pending)
    pending.catch(() => {
      if (this.tokens.get(scope) === pending) this.tokens.delete(scope)
    })
    return pending
  }

  private async fetchToken(scope: string): Promise<Token> {
    const credentials = await this.credentials()
    try {
      return await requestToken(this.transport, this.bearer!, scope, credentials)
    } catch (err) {
      // The token server said no: say what the user can do about it.
      if (err instanceof RegistryError && (err.status === 401 || err.status === 403))
        throw await this.authError(err, scope.endsWith(',push') ? 'pull,push' : 'pull', scope.split(':')[1])
      throw err
    }
  }

  /** Looked up once per client, and only when a registry asks, so anonymous registries spawn no helper. */
  private credentials(): Promise<Credentials | undefined> {
    if (!this.lookup) return Promise.resolve(undefined)
    this.credentialsPromise ??= this.lookup(this.registry).then(
      credentials => {
        // The password (or identity token) and the Basic header made of it, masked before either is sent.
        if (credentials) {
          this.transport.secret(credentials.password)
          this.transport.secret(basicHeader(credentials).slice('Basic '.length))
        }
        return credentials
      },
      (err: unknown) => {
        throw new RegistryError(
          `could not read credentials for ${this.registry}: ${oneLine(messageOf(err), 300)}`,
          'fatal'
        )
      }
    )
    return this.credentialsPromise
  }

  /**
   * A 401 or 403 from where a redirect led on another origin (a registry's storage, a CDN) is that host's
   * answer, not the registry's: its challenge would choose where our credentials go, so it is not followed.
   */
  private refuseForeignChallenge(method: string, url: URL, res: Response): void {
    if (res.status !== 401 && res.status !== 403) return
    if (!res.from || this.transport.effective(res.from).origin === this.transport.effective(url).origin)
      return
    throw new RegistryError(
      `${method} ${where(url)} was redirected to ${res.from.origin}, which answered HTTP ${res.status}; the credentials for ${this.registry} are not sent to another origin`,
      'auth',
      { status: res.status }
    )
  }

  /** Adds what the user can do about an auth failure. */
  private async authError(error: RegistryError, actions: Actions, repo: string): Promise<RegistryError> {
    let hint: string
    try {
      hint = (await this.credentials())
        ? `the credentials for ${this.registry} were rejected or lack ${actions} access to ${repo}`
        : noCredentials(this.registry)
    } catch {
      hint = `credentials for ${this.registry} could not be read`
    }
    return new RegistryError(`${error.message} (${hint})`, 'auth', { status: error.status, code: error.code })
  }
}

/**
 * No login for a registry the run reads or writes, sources included: registry-auth entries are logged in
 * before anything is read, and docker config logins from earlier steps are read too.
 */
export const noCredentials = (registry: string): string =>
  `no credentials were found for ${registry} (give it a login in ${ref('registry-auth')}, or run docker login ${registry} beforehand)`

function withAuth(headers: Record<string, string>, auth: Authorization | undefined): Record<string, string> {
  return auth ? { ...headers, Authorization: auth.header } : headers
}
