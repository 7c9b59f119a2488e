// Stand-ins for the cloud services a login asks before `docker login`, on 127.0.0.1: ECR's API answering
// GetAuthorizationToken over the AWS JSON protocol (reached through the SDK's own endpoint override), GitHub's
// OIDC token endpoint, and Docker Hub's OIDC exchange. Each records what it was sent, and speaks HTTPS when
// given a certificate (as the real services do, for a test behind a CONNECT proxy).
import type https from 'node:https'
import { serve, type Seen, type TestServer } from './stand-in.js'

export const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'
export const ECR_PUBLIC_TARGET = 'SpencerFrontendService.GetAuthorizationToken'

/** What the ECR stand-in answers: a login, or the service's error. */
export type EcrAnswer =
  | { username: string; password: string; expiresAt?: Date }
  | { status: number; type: string; message: string }
  | { raw: unknown }
  /** Never answers: the caller's deadline must end the request. */
  | { hang: true }

export interface EcrApi extends TestServer {
  /** The URL to give the SDK as AWS_ENDPOINT_URL_ECR (or _ECR_PUBLIC). */
  url: string
  /** GetAuthorizationToken calls, in order. */
  calls: Seen[]
  /** The access key id each call was signed with (SigV4 `Credential=<id>/…`). */
  keyIds(): string[]
  answer: EcrAnswer
}

/** `http://host:port`, or `https://` for a stand-in given a certificate. */
const urlOf = (server: TestServer, tls?: https.ServerOptions): string =>
  `${tls ? 'https' : 'http'}://${server.host}`

export async function startEcrApi(
  answer: EcrAnswer,
  target = ECR_TARGET,
  tls?: https.ServerOptions
): Promise<EcrApi> {
  const calls: Seen[] = []
  const server = await serve(
    (req, res) => {
      if (req.headers['x-amz-target'] !== target) {
        res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1' })
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `not ${target}` }))
        return
      }
      calls.push(req)
      const a = api.answer
      if ('hang' in a) return
      if ('status' in a) {
        res.writeHead(a.status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': a.type })
        res.end(JSON.stringify({ __type: a.type, message: a.message }))
        return
      }
      const body =
        'raw' in a
          ? a.raw
          : ((): unknown => {
              const data = {
                authorizationToken: Buffer.from(`${a.username}:${a.password}`).toString('base64'),
                expiresAt: (a.expiresAt ?? new Date(Date.now() + 12 * 3600_000)).getTime() / 1000
              }
              return target === ECR_TARGET
                ? { authorizationData: [{ ...data, proxyEndpoint: 'https://stand-in.invalid' }] }
                : { authorizationData: data }
            })()
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify(body))
    },
    undefined,
    tls
  )
  const api: EcrApi = Object.assign(server, {
    url: urlOf(server, tls),
    calls,
    answer,
    keyIds: () =>
      calls.map(
        c => /Credential=([^/,\s]+)\//.exec(String(c.headers.authorization ?? ''))?.[1] ?? '(unsigned)'
      )
  })
  return api
}

/**
 * The environment a run needs to reach the stand-in and nothing else of AWS: no shared config files, no
 * instance metadata, the region given.
 */
export const awsEnv = (api: { url: string }, over: Record<string, string> = {}): Record<string, string> => ({
  AWS_ENDPOINT_URL_ECR: api.url,
  AWS_ENDPOINT_URL_ECR_PUBLIC: api.url,
  AWS_REGION: 'eu-west-1',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  ...over
})

export interface OidcEndpoint extends TestServer {
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN for the run. */
  env: Record<string, string>
  /** The audiences asked for, in order. */
  audiences(): (string | null)[]
}

/** GitHub's OIDC token endpoint: `GET ?audience=…` with the request token as Bearer → `{"value": idToken}`. */
export async function startOidcEndpoint(
  idToken: string,
  requestToken: string,
  tls?: https.ServerOptions
): Promise<OidcEndpoint> {
  const server = await serve(
    (req, res) => {
      if (req.headers.authorization !== `Bearer ${requestToken}`) {
        res.writeHead(401).end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ value: idToken }))
    },
    undefined,
    tls
  )
  return Object.assign(server, {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${urlOf(server, tls)}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    },
    audiences: () => server.seen.map(s => new URL(s.url, 'http://x').searchParams.get('audience'))
  })
}

/** Status 0: the exchange never answers. */
export type ExchangeAnswer = { status: number; body: unknown; headers?: Record<string, string> }

export interface HubExchange extends TestServer {
  /** The base URL to give as DOCKERHUB_OIDC_ENDPOINT_URL. */
  url: string
  /** The form fields of each POST to /oauth/token. */
  forms(): Record<string, string>[]
  answers: ExchangeAnswer[]
}

/** Docker Hub's OIDC exchange: answers each POST /oauth/token with the next of `answers` (the last repeats). */
export async function startHubExchange(
  answers: ExchangeAnswer[],
  tls?: https.ServerOptions
): Promise<HubExchange> {
  let n = 0
  const server = await serve(
    (req, res) => {
      if (req.method !== 'POST' || !req.url.startsWith('/oauth/token')) {
        res.writeHead(404).end()
        return
      }
      const a = ex.answers[Math.min(n++, ex.answers.length - 1)]
      if (a.status === 0) return // never answers
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers })
      res.end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body))
    },
    undefined,
    tls
  )
  const ex: HubExchange = Object.assign(server, {
    url: urlOf(server, tls),
    answers,
    forms: () =>
      server.seen
        .filter(s => s.url.startsWith('/oauth/token'))
        .map(s => Object.fromEntries(new URLSearchParams(s.body.toString('utf8'))))
  })
  return ex
}
