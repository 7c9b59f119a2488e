// Referrers as actions/attest and cosign leave them: an artifact manifest whose `subject` is an image
// digest, listed in the `sha256-<hex>` fallback index where the registry has no referrers API, and a
// cosign-style `sha256-<hex>.sig` tag. Written straight over HTTP to an anonymous registry on loopback.
// startReferrersProxy: distribution 2.8 has no referrers API, so a proxy in front of it answers
// GET /v2/<name>/referrers/<digest> from the manifests with a `subject` that were PUT through it, one to a
// page, each page naming the next in a Link header.
import { createHash, randomBytes } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const EMPTY = 'application/vnd.oci.empty.v1+json'

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function ok(res: Response, what: string): Promise<Response> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return res
}

export async function pushBlob(host: string, repo: string, data: Buffer): Promise<Descriptor> {
  const digest = sha256(data)
  const start = await ok(
    await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' }),
    `upload to ${repo}`
  )
  const url = new URL(start.headers.get('location') ?? '', `http://${host}`)
  url.searchParams.set('digest', digest)
  await ok(
    await fetch(url, {
      method: 'PUT',
      body: data,
      headers: { 'Content-Type': 'application/octet-stream' }
    }),
    `blob ${digest}`
  )
  return { mediaType: 'application/octet-stream', digest, size: data.length }
}

export async function putManifest(
  host: string,
  repo: string,
  reference: string,
  body: Buffer,
  mediaType: string
): Promise<Descriptor> {
  await ok(
    await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, {
      method: 'PUT',
      body,
      headers: { 'Content-Type': mediaType }
    }),
    `manifest ${reference}`
  )
  return { mediaType, digest: sha256(body), size: body.length }
}

/** An artifact (a stand-in for a sigstore bundle) attached to `subject`; listed in the fallback index when asked. */
export async function attachReferrer(
  host: string,
  repo: string,
  subject: Descriptor,
  opts: { fallback: boolean; artifactType?: string }
): Promise<Descriptor> {
  const artifactType = opts.artifactType ?? 'application/vnd.dev.sigstore.bundle.v0.3+json'
  const config = await pushBlob(host, repo, Buffer.from('{}'))
  const layer = await pushBlob(
    host,
    repo,
    Buffer.from(JSON.stringify({ bundle: randomBytes(8).toString('hex') }))
  )
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: { ...config, mediaType: EMPTY },
      layers: [{ ...layer, mediaType: artifactType }],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size }
    })
  )
  const d = await putManifest(host, repo, sha256(body), body, OCI_MANIFEST)
  const descriptor = { ...d, artifactType }
  if (opts.fallback) {
    const index = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [descriptor] })
    )
    await putManifest(host, repo, subject.digest.replace(':', '-'), index, OCI_INDEX)
  }
  return descriptor
}

/** A cosign-style signature tag `sha256-<hex>.sig` for `digest`. */
export async function cosignTag(host: string, repo: string, digest: string): Promise<Descriptor> {
  const config = await pushBlob(
    host,
    repo,
    Buffer.from('{"architecture":"","os":"","rootfs":{"type":"layers","diff_ids":[]}}')
  )
  const layer = await pushBlob(
    host,
    repo,
    Buffer.from(`{"critical":{"image":{"docker-manifest-digest":"${digest}"}}}`)
  )
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { ...config, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: [{ ...layer, mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json' }]
    })
  )
  return putManifest(host, repo, `${digest.replace(':', '-')}.sig`, body, OCI_MANIFEST)
}

export interface ReferrersProxy {
  /** '127.0.0.1:PORT': the registry, with a referrers API. */
  host: string
  /** Referrers API requests it answered: `<name>@<digest>`. */
  asked: string[]
  stop(): Promise<void>
}

const REFERRERS = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/
const MANIFEST_PUT = /^\/v2\/(.+)\/manifests\/[^/]+$/

export async function startReferrersProxy(upstream: string): Promise<ReferrersProxy> {
  // name → subject digest → referrers, as the registry would index them on PUT.
  const index = new Map<string, Map<string, Descriptor[]>>()
  const asked: string[] = []
  const forward = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    const headers = { ...req.headers }
    const out = http.request(`http://${upstream}${req.url}`, { method: req.method, headers }, up => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    out.on('error', () => res.destroy())
    if (body) out.end(body)
    else req.pipe(out)
  }
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const ref = REFERRERS.exec(path)
    if (req.method === 'GET' && ref) {
      asked.push(`${ref[1]}@${ref[2]}`)
      // One referrer a page, each page linking to the next, as a registry with a small page size answers.
      const all = index.get(ref[1])?.get(ref[2]) ?? []
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 0)
      const link = page + 1 < all.length ? { Link: `<${path}?page=${page + 1}>; rel="next"` } : {}
      res.writeHead(200, { 'Content-Type': OCI_INDEX, ...link })
      res.end(
        JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: all.slice(page, page + 1) })
      )
      return
    }
    const put = MANIFEST_PUT.exec(path)
    if (req.method === 'PUT' && put) {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        try {
          const m = JSON.parse(body.toString('utf8')) as {
            subject?: { digest: string }
            artifactType?: string
            mediaType?: string
            annotations?: Record<string, string>
          }
          if (m.subject?.digest) {
            const byName = index.get(put[1]) ?? new Map<string, Descriptor[]>()
            index.set(put[1], byName)
            const list = byName.get(m.subject.digest) ?? []
            const digest = sha256(body)
            if (!list.some(d => d.digest === digest))
              list.push({
                mediaType: m.mediaType ?? OCI_MANIFEST,
                digest,
                size: body.length,
                ...(m.artifactType ? { artifactType: m.artifactType } : {})
              })
            byName.set(m.subject.digest, list)
            res.setHeader('OCI-Subject', m.subject.digest)
          }
        } catch {
          // not JSON: the registry says so
        }
        forward(req, res, body)
      })
      return
    }
    forward(req, res)
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
  return {
    host: `127.0.0.1:${port}`,
    asked,
    stop: () => new Promise(resolve => server.close(() => resolve()))
  }
}

/**
 * cosign's `sha256-<hex>.sig` for `digest` as cosign leaves it after signing once per payload: one layer a
 * signature, in order, and a config whose diff_ids and history pair with them (go-containerregistry's
 * append). Each payload is a signature's text: the same payload is the same layer.
 */
export async function cosignSignatures(
  host: string,
  repo: string,
  digest: string,
  payloads: string[]
): Promise<Descriptor> {
  const layers: Descriptor[] = []
  for (const payload of payloads) {
    const blob = await pushBlob(
      host,
      repo,
      Buffer.from(
        JSON.stringify({ critical: { image: { 'docker-manifest-digest': digest } }, optional: { payload } })
      )
    )
    layers.push({
      ...blob,
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      annotations: { 'dev.cosignproject.cosign/signature': `sig-of-${payload}` }
    })
  }
  const created = '0001-01-01T00:00:00Z'
  const config = await pushBlob(
    host,
    repo,
    Buffer.from(
      JSON.stringify({
        architecture: '',
        created,
        history: layers.map(() => ({ created })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map(l => l.digest) },
        config: {}
      })
    )
  )
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { ...config, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers
    })
  )
  return putManifest(host, repo, `${digest.replace(':', '-')}.sig`, body, OCI_MANIFEST)
}
