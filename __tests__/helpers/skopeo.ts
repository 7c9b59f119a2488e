import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'

export interface Creds {
  username: string
  password: string
}

export interface RawManifest {
  /** Exact manifest bytes as served by the registry. */
  body: Buffer
  /** 'sha256:' + hex sha256 of body, i.e. the content digest of what the registry holds. */
  digest: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifest, index or schema1: callers pick fields
  json: any
}

interface RawResult {
  code: number
  stdout: Buffer
  stderr: string
}

function skopeo(args: string[]): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('skopeo', args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new Error('skopeo not found on PATH (install skopeo, see .ci/run)') : e)
    )
    child.on('close', code =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') })
    )
  })
}

// Anonymous unless creds are given, so ambient auth files (~/.docker, containers auth.json) never leak in.
function credArgs(creds?: Creds): string[] {
  return creds ? ['--creds', `${creds.username}:${creds.password}`] : ['--no-creds']
}

function withoutSecret(args: string[]): string {
  return args.map((a, i) => (args[i - 1] === '--creds' ? '***' : a)).join(' ')
}

async function skopeoOk(args: string[]): Promise<Buffer> {
  const res = await skopeo(args)
  if (res.code !== 0) {
    throw new Error(`skopeo ${withoutSecret(args)} exited ${res.code}: ${res.stderr.trim()}`)
  }
  return res.stdout
}

/** Splits 'my/app:tag' or 'my/app@sha256:…' (tag defaults to latest). */
export function splitRef(repoRef: string): { repo: string; tag?: string; digest?: string } {
  const at = repoRef.indexOf('@')
  if (at >= 0) return { repo: repoRef.slice(0, at), digest: repoRef.slice(at + 1) }
  const colon = repoRef.lastIndexOf(':')
  if (colon > repoRef.lastIndexOf('/'))
    return { repo: repoRef.slice(0, colon), tag: repoRef.slice(colon + 1) }
  return { repo: repoRef, tag: 'latest' }
}

function imageUrl(host: string, repoRef: string): string {
  const { repo, tag, digest } = splitRef(repoRef)
  return `docker://${host}/${repo}${digest ? '@' + digest : ':' + tag}`
}

/** The registry's raw manifest (or index) for a tag or digest, and the digest of those exact bytes. */
export async function inspectRaw(host: string, repoRef: string, creds?: Creds): Promise<RawManifest> {
  const body = await skopeoOk([
    'inspect',
    '--raw',
    '--tls-verify=false',
    ...credArgs(creds),
    imageUrl(host, repoRef)
  ])
  const digest = 'sha256:' + createHash('sha256').update(body).digest('hex')
  return { body, digest, json: JSON.parse(body.toString('utf8')) }
}

export async function listTags(host: string, repo: string, creds?: Creds): Promise<string[]> {
  const out = await skopeoOk([
    'list-tags',
    '--tls-verify=false',
    ...credArgs(creds),
    `docker://${host}/${repo}`
  ])
  const parsed = JSON.parse(out.toString('utf8')) as { Tags?: string[] | null }
  return parsed.Tags ?? []
}

// skopeo 1.9 reports a missing repo on list-tags only as 'invalid status code from registry 404 (Not Found)'.
const NOT_FOUND = /manifest unknown|name unknown|not known to registry|404 \(Not Found\)/i

/** True if the tag (or digest) exists; false if the registry says it or its repo doesn't; throws otherwise. */
export async function tagExists(host: string, repoRef: string, creds?: Creds): Promise<boolean> {
  const { repo, tag } = splitRef(repoRef)
  try {
    if (tag !== undefined) return (await listTags(host, repo, creds)).includes(tag)
    await inspectRaw(host, repoRef, creds)
    return true
  } catch (e) {
    if (NOT_FOUND.test((e as Error).message)) return false
    throw e
  }
}

/** The image labels the registry serves for a tag or digest (from its image config, see inspectConfig). */
export async function remoteLabels(
  host: string,
  repoRef: string,
  creds?: Creds
): Promise<Record<string, string>> {
  const config = await inspectConfig(host, repoRef, creds)
  return (config?.config?.Labels ?? {}) as Record<string, string>
}

/** The image config (os, architecture, history, …) of a single-platform manifest, via `skopeo inspect --config`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OCI image config: callers pick fields
export async function inspectConfig(host: string, repoRef: string, creds?: Creds): Promise<any> {
  const out = await skopeoOk([
    'inspect',
    '--config',
    '--tls-verify=false',
    ...credArgs(creds),
    imageUrl(host, repoRef)
  ])
  return JSON.parse(out.toString('utf8'))
}
