// The `sources` phase, instead of build and push: resolve every source (in a registry, or on this machine),
// then promote one (its bytes, to every target × tag) or merge several (one new index), and verify it in
// each target like any digest. Everything that can be wrong with the sources is found before anything is
// written.
import type { Docker } from '../docker.js'
import { InputError, type Inputs } from '../inputs.js'
import { ref } from '../input-table.js'
import { manifestDigest, type Manifest, type RegistryClient } from '../registry/api.js'
import { RegistryError } from '../registry/errors.js'
import { listTags } from '../registry/tags-list.js'
import type { Reporter } from '../reporter.js'
import { timed } from '../reporter.js'
import { isLocal, parseAnnotation, parseSource, type LocalSourceRef, type SourceRef } from '../sources.js'
import { messageOf, splitKeyValue } from '../text.js'
import { Copier, sameRepository, type Moved } from './copy.js'
import { descriptorsOf, isIndex, mergeIndex, MergeError, platformOfConfig, type Part } from './merge.js'
import type { Plan } from './plan.js'
import { resultOf, type Result } from './result.js'
import { readLocal } from './sources/local.js'
import { registryStore, type Side, type SourceStore } from './sources/store.js'
import { checkManifests } from './verify.js'

export interface SourcesDeps {
  reporter: Reporter
  /** The engine, for `docker-daemon:` sources only; nothing else here runs docker. */
  docker: Docker
  /** The run's private directory (`docker save` exports go there). */
  workDir: string
  /** The client for a registry host; the same object for the same host (mounts depend on it). */
  clientFor: (registry: string) => RegistryClient
  sleep?: (ms: number) => Promise<void>
  durations: Record<string, number>
  verification: { requests: number }
}

interface Resolved extends Part {
  from: SourceStore
  /** What `imageid` says of a local image promoted alone. */
  imageid?: string
}

export async function fromSources(
  inputs: Inputs,
  plan: Plan,
  deps: SourcesDeps
): Promise<Omit<Result, 'counts'> & { moved: Moved }> {
  const { reporter, durations } = deps
  const targets = plan.targets
  const parts = await reporter.group('Resolve sources', () =>
    timed(durations, 'resolve', () => resolveAll(inputs, deps))
  )
  const top = parts.length === 1 ? promotion(inputs, parts[0]) : merged(inputs, plan, parts, reporter)
  reporter.info(
    parts.length === 1
      ? `Promoting ${parts[0].source} (${top.digest}) as it is`
      : `Merging ${parts.length} sources into one ${top.mediaType} (${top.digest})`
  )

  const copier = new Copier({ retries: inputs.retries, reporter, sleep: deps.sleep })
  await reporter.group('Copy', () =>
    timed(durations, 'copy', async () => {
      for (const target of targets) {
        const dst = { client: deps.clientFor(target.registry), name: target.name }
        if (parts.length === 1) await copier.place(parts[0].from, dst, top)
        else await Promise.all(parts.map(part => placeChildren(copier, part, dst)))
        await Promise.all(
          plan.tags.map(tag => dst.client.putManifest(dst.name, tag, top.body, top.mediaType))
        )
      }
    })
  )
  const m = copier.moved
  reporter.info(
    `Blobs: ${m.blobsCopied} copied (${m.blobBytes} bytes), ${m.blobsMounted} mounted, ${m.blobsPresent} already there`
  )

  await reporter.group('Verify', () =>
    timed(durations, 'verify', async () => {
      for (const target of targets) {
        const client = deps.clientFor(target.registry)
        const before = client.requestCount
        const manifests = await Promise.all(plan.tags.map(tag => client.getManifest(target.name, tag)))
        deps.verification.requests += client.requestCount - before
        checkManifests(plan.tags, manifests, [top.digest], [top.digest], reporter)
      }
    })
  )
  reporter.info(`Verified: every tag of ${targets.length} target(s) serves ${top.digest}`)
  const result = resultOf({
    refs: targets.flatMap(t => t.refs),
    builder: 'none',
    durations,
    iid: parts.length === 1 ? (parts[0].imageid ?? '') : '',
    verified: {
      repository: targets[0].repository,
      repositories: targets.map(t => t.repository),
      digest: top.digest,
      manifest: top,
      described: { size: 0, platform: top.platform }
    }
  })
  return { ...result, moved: m }
}

/** What a merged index refers to, from one part: an index's entries, or the single manifest itself. */
async function placeChildren(copier: Copier, part: Resolved, dst: Side): Promise<void> {
  if (part.from.side && sameRepository(part.from.side, dst)) return
  if (!isIndex(part.manifest.mediaType)) return copier.place(part.from, dst, part.manifest)
  await Promise.all(
    descriptorsOf(part).map(async d => copier.place(part.from, dst, await part.from.manifest(d.digest)))
  )
}

interface Top extends Manifest {
  /** os/arch[/variant] of a single-platform manifest promoted as it is. */
  platform?: string
}

/** One source: its own bytes; annotations would change them, so they are refused. */
function promotion(inputs: Inputs, part: Resolved): Top {
  if (inputs.annotations.length)
    throw new InputError(
      'annotations',
      `a single source is promoted byte for byte, so nothing can be added to it; annotations apply when ${ref('sources')} merge several images`
    )
  const single = part.platform
    ? [part.platform.os, part.platform.architecture, part.platform.variant].filter(Boolean).join('/')
    : undefined
  return { ...part.manifest, platform: single }
}

function merged(inputs: Inputs, plan: Plan, parts: Resolved[], reporter: Reporter): Top {
  const user: Record<string, string> = {}
  for (const line of inputs.annotations) {
    const a = parseAnnotation(line)
    if (typeof a === 'string') throw new InputError('annotations', a)
    if (a.level !== undefined && a.level !== 'index')
      throw new InputError(
        'annotations',
        `${JSON.stringify(line)}: a merge writes only the index; the platform manifests stay as they are, so only index annotations apply`
      )
    user[a.key] = a.value
  }
  // The automatic labels of a build (created, source, revision, version) describe the index here.
  const automatic = Object.fromEntries(
    plan.build.labels.map(l => splitKeyValue(l)!).map(kv => [kv.key, kv.value])
  )
  try {
    const index = mergeIndex(parts, { user, automatic })
    if (index.why) reporter.debug(`OCI index: ${index.why}`)
    return { digest: manifestDigest(index.body), mediaType: index.mediaType, body: index.body }
  } catch (error) {
    if (error instanceof MergeError) throw new InputError(error.input, error.message)
    throw error
  }
}

/** Every line resolved to manifests, globs expanded; the same manifest reached twice counts once. */
async function resolveAll(inputs: Inputs, deps: SourcesDeps): Promise<Resolved[]> {
  const refs = inputs.sources.map(line => {
    const parsed = parseSource(line, inputs.registry, inputs.image)
    if (typeof parsed === 'string') throw new InputError('sources', parsed)
    return parsed
  })
  const lists = await Promise.all(refs.map(r => (isLocal(r) ? resolveLocal(r, deps) : resolveOne(r, deps))))
  const seen = new Set<string>()
  const parts = lists.flat().filter(p => !seen.has(p.manifest.digest) && seen.add(p.manifest.digest))
  await Promise.all(
    parts.map(async p => {
      if (isIndex(p.manifest.mediaType)) return
      const config = (JSON.parse(p.manifest.body.toString('utf8')) as { config?: { digest?: string } }).config
        ?.digest
      if (config) p.platform = platformOfConfig(await p.from.smallBlob(config))
    })
  )
  for (const p of parts)
    deps.reporter.info(`Source ${p.source}: ${p.manifest.digest} (${p.manifest.mediaType})`)
  return parts
}

async function resolveLocal(source: LocalSourceRef, deps: SourcesDeps): Promise<Resolved[]> {
  const image = await readLocal(source, deps)
  return [{ source: source.line, manifest: image.top, from: image.store, imageid: image.imageid }]
}

async function resolveOne(source: SourceRef, deps: SourcesDeps): Promise<Resolved[]> {
  const side = { client: deps.clientFor(source.registry), name: source.name }
  const from = registryStore(side)
  const where = `${source.registry}/${source.name}`
  const fail = (error: unknown): never => {
    if (error instanceof RegistryError && error.status === 404)
      throw new InputError(
        'sources',
        `${JSON.stringify(source.line)}: no such image in ${where} (${messageOf(error)})`
      )
    if (error instanceof RegistryError)
      throw new RegistryError(`source ${JSON.stringify(source.line)}: ${error.message}`, error.kind, {
        status: error.status,
        code: error.code
      })
    throw error
  }
  if (source.prefix === undefined) {
    const reference = source.digest ?? source.tag!
    const manifest = await side.client.getManifest(source.name, reference).catch(fail)
    return [{ source: source.line, manifest, from }]
  }
  const prefix = source.prefix
  const tags = (await listTags(side.client, source.name).catch(fail)).filter(t => t.startsWith(prefix)).sort()
  if (!tags.length)
    throw new InputError('sources', `${JSON.stringify(source.line)} matches no tag in ${where}`)
  return Promise.all(
    tags.map(async tag => ({
      source: `${where}:${tag}`,
      manifest: await side.client.getManifest(source.name, tag).catch(fail),
      from
    }))
  )
}
