// Git contexts as BuildKit fetches them: build-push-action's `{{defaultContext}}` resolved to this commit's
// URL, and the credentials for the fetch passed as build secrets (`GIT_AUTH_TOKEN.<host>`, which BuildKit's
// git source looks up by the URL's host) instead of in the URL, where argv, the log and BuildKit's build
// history would keep them. Pure.
import { InputError } from '../inputs/error.js'
import { DEFAULT_CONTEXT } from '../inputs/build-options.js'
import type { GitContext } from '../metadata/context.js'
import { ref } from '../inputs/table.js'
import { percentDecoded, splitKeyValue } from '../core/text.js'
import { authorityOf, splitUserinfo, type Authority } from '../core/userinfo.js'

/**
 * This commit's git context as @docker/actions-toolkit builds it: `<server>/<owner>/<repo>.git#<ref>`,
 * where the ref is the commit sha, except on pull requests, whose `refs/pull/N/merge` is kept (or
 * `refs/pull/N/head` with DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF=true).
 */
export function defaultGitContext(ctx: GitContext, env: NodeJS.ProcessEnv = process.env): string {
  let gitRef = ctx.ref
  if (ctx.sha && gitRef && !gitRef.startsWith('refs/')) gitRef = `refs/heads/${gitRef}`
  if (ctx.sha && !gitRef.startsWith('refs/pull/')) gitRef = ctx.sha
  else if (gitRef.startsWith('refs/pull/') && env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF === 'true')
    gitRef = gitRef.replace(/\/merge$/, '/head')
  return `${ctx.serverUrl}/${ctx.repository}.git#${gitRef}`
}

/** `{{defaultContext}}` → the URL; `{{defaultContext}}:sub` → the URL with `:sub` after its ref. */
export function expandDefaultContext(value: string, url: string | undefined, input: string): string {
  const m = DEFAULT_CONTEXT.exec(value)
  if (!m) return value
  if (!url)
    throw new InputError(
      input,
      `{{defaultContext}} is this commit on GitHub, and there is no GitHub context here (GITHUB_REPOSITORY is not set); give ${ref(input)} a path or a git URL`
    )
  return m[1] ? `${url}:${m[1]}` : url
}

/** An http(s) URL that docker and BuildKit treat as a git repository. */
export function isHttpGitUrl(value: string, githubHost?: string): boolean {
  const url = httpAuthority(value)
  if (!url?.host) return false
  return /\.git$/.test(/^[^#\s]*/.exec(url.rest)![0]) || url.host.toLowerCase() === githubHost
}

/** An http(s) URL's authority (urlAuthorities: userinfo before the last `@`), undefined for anything else. */
function httpAuthority(value: string): Authority | undefined {
  const url = authorityOf(value)
  return url && /^https?$/i.test(url.scheme) ? url : undefined
}

export interface Secret {
  key: string
  value: string
}

export interface GitSources {
  context: string
  buildContexts: string[]
  /** Build secrets for BuildKit's git fetches: `GIT_AUTH_TOKEN.<host>` or `GIT_AUTH_HEADER.<host>`. */
  secrets: Secret[]
}

/**
 * The context and named contexts as docker gets them, and the secrets that authenticate their fetches.
 * With buildx, an https git URL's userinfo moves into a secret: `x-access-token:<token>` (the GitHub form)
 * becomes `GIT_AUTH_TOKEN.<host>`, any other user the Basic header `GIT_AUTH_HEADER.<host>`, so the
 * fetch sends what the URL would have. `github-token` becomes `GIT_AUTH_TOKEN.<github host>` when a git
 * URL goes to the GitHub host, as build-push-action passes it, unless a secret of that id is given.
 */
export function gitSources(
  inputs: { context: string; buildContexts: string[]; githubToken: string; secrets: string[] },
  opts: { buildx: boolean; serverUrl: string; defaultContext?: string }
): GitSources {
  const context = expandDefaultContext(inputs.context, opts.defaultContext, 'context')
  const named = inputs.buildContexts.map(entry => {
    const { key, value } = splitKeyValue(entry)!
    return { key, value: expandDefaultContext(value, opts.defaultContext, 'build-contexts') }
  })
  const join = (n: { key: string; value: string }): string => `${n.key}=${n.value}`
  // The classic builder's git clones the URL itself: it gets the URL as written.
  if (!opts.buildx) return { context, buildContexts: named.map(join), secrets: [] }

  const githubHost = httpAuthority(opts.serverUrl)?.host.toLowerCase() ?? ''
  const secrets = new Map<string, string>()
  const gitHosts = new Set<string>()
  const strip = (value: string): string => {
    if (!isHttpGitUrl(value, githubHost)) return value
    const url = httpAuthority(value)!
    // The host as BuildKit's secret ids name it: with the port, lowercased.
    const host = url.host.toLowerCase()
    gitHosts.add(host)
    // https only: over plain http this BuildKit (0.13, dockerd 26) sends no secret with the fetch (tried
    // against a local git server), so an http URL keeps its userinfo, masked as before.
    if (url.userinfo === undefined || !/^https$/i.test(url.scheme)) return value
    const { user, password = '' } = splitUserinfo(url.userinfo)
    const [name, secret] = [percentDecoded(user), percentDecoded(password)]
    if (name === 'x-access-token' && secret) secrets.set(`GIT_AUTH_TOKEN.${host}`, secret)
    else
      secrets.set(`GIT_AUTH_HEADER.${host}`, `basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`)
    return `${value.slice(0, url.scheme.length + 3)}${url.host}${url.rest}`
  }
  const resolved = {
    context: strip(context),
    buildContexts: named.map(n => join({ ...n, value: strip(n.value) }))
  }

  const given = new Set(inputs.secrets.map(line => splitKeyValue(line)!.key))
  const tokenId = `GIT_AUTH_TOKEN.${githubHost}`
  const taken = [tokenId, 'GIT_AUTH_TOKEN', `GIT_AUTH_HEADER.${githubHost}`].some(
    id => given.has(id) || secrets.has(id)
  )
  if (inputs.githubToken && gitHosts.has(githubHost) && !taken) secrets.set(tokenId, inputs.githubToken)
  // A user's own secret of the same id wins: theirs is passed, ours not.
  for (const id of given) secrets.delete(id)
  return { ...resolved, secrets: [...secrets].map(([key, value]) => ({ key, value })) }
}
