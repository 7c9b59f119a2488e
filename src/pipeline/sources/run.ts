// The `sources` phase, instead of build and push: resolve every source (in a registry, or on this machine),
// then promote one (its bytes, to every target × tag) or merge several (one new index), and verify it in
// each target like any digest. Everything that can be wrong with the sources is found before anything is
// written.
import type { Docker } from '../../docker/docker.js'
import { asInput, InputError, type Inputs } from '../../inputs/parse.js'
import { ref } from '../../inputs/table.js'
import { manifestDigest, type Manifest, type RegistryClient } from '../../registry/api.js'
import { isMissing, RegistryError } from '../../registry/errors.js'
import { listTags } from '../../registry/tags-list.js'
import type { Reporter } from '../../log/reporter.js'
import { timed } from '../../log/reporter.js'
import {
  indexAnnotations,
  isLocal,
  parseSource,
  type LocalSourceRef,
  type SourceRef
} from '../../inputs/sources.js'
import { messageOf, splitKeyValue } from '../../core/text.js'
import { MAX_INDEX_ENTRIES, MAX_MANIFESTS, type RegistryBounds } from '../../registry/bounds.js'
import { MAX_SOCKETS } from '../../registry/transport.js'
import { allOrStop, eachLimited } from '../../core/limiter.js'
import { checkBelow, Copier, sameRepository, Tally, type Moved } from './copy.js'
import { mergeIndex, platformOfConfig, type Part } from './merge.js'
import type { Plan } from '../plan.js'
import { resultOf, type Result } from '../result.js'
import { checkManifests, platformDigests } from '../verify.js'
import { platformString } from '../../registry/oci.js'
import { readSource, type Side, type SourceManifest } from './read.js'
import { fallbackTag, findReferrers, placeReferrers } from '../referrers.js'
import type { TagWrite } from '../cosign-tags.js'
import { readLocal } from './local.js'
import { registryStore, type SourceStore } from './store.js'

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
  bounds: RegistryBounds
}

interface Resolved extends Part {
  from: SourceStore
  manifest: SourceManifest
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
  const sideOf = (t: Plan['targets'][number]): Side => ({ client: deps.clientFor(t.registry), name: t.name })
  const { parts, referrers } = await reporter.group('Resolve sources', () =>
    timed(durations, 'resolve', async () => {
      const parts = await resolveAll(inputs, deps)
      // A promotion keeps the digest, so what was attached to it still applies: it comes along, and is
      // checked now. A merge makes a new digest, which nothing is attached to.
      const from = parts.length === 1 ? parts[0].from.side : undefined
      const carried = from && targets.some(t => !sameRepository(from, sideOf(t)))
      return { parts, referrers: carried ? await findReferrers(from, parts[0].manifest.digest) : undefined }
    })
  )
  const top = parts.length === 1 ? promotion(inputs, parts[0]) : merged(inputs, plan, parts, reporter)
  reporter.info(
    parts.length === 1
      ? `Promoting ${parts[0].source} (${top.digest}) as it is`
      : `Merging ${parts.length} sources into one ${top.mediaType} (${top.digest})`
  )

  // Every target at once, and none tagged before all hold the image and its referrers: a target that
  // fails stops the others, and no tag has moved anywhere.
  const stop = new AbortController()
  const copier = new Copier({
    retries: inputs.retries,
    reporter,
    bounds: deps.bounds,
    sleep: deps.sleep,
    signal: stop.signal
  })
  await reporter.group('Copy', () =>
    timed(durations, 'copy', async () => {
      const placed = await allOrStop(
        targets.map(target => async () => {
          const dst = sideOf(target)
          if (parts.length === 1) await copier.place(parts[0].from, dst, parts[0].manifest)
          else await Promise.all(parts.map(part => placeChildren(copier, part, dst)))
          // After the image (their subject); their tags with the image's.
          if (!referrers || sameRepository(referrers.src, dst)) return { target, dst, writes: [] }
          const c = await placeReferrers(copier, referrers, dst)
          if (c.referrers || c.cosignTags.length)
            reporter.info(
              `Referrers of ${top.digest} carried over to ${target.repository}: ${c.referrers} (found through the ${c.via === 'api' ? 'referrers API' : `${fallbackTag(top.digest)} tag`})${c.cosignTags.length ? `, and cosign's ${c.cosignTags.join(', ')}` : ''}`
            )
          return { target, dst, writes: c.writes }
        }),
        stop
      )
      // The referrers' tags first: a target that refuses them moves none of the image's.
      const put = (steps: (p: (typeof placed)[number]) => TagWrite[]) =>
        allOrStop(
          placed.flatMap(p =>
            steps(p).map(w => () => p.dst.client.putManifest(p.dst.name, w.tag, w.body, w.mediaType))
          )
        )
      await put(p => p.writes)
      await put(p => p.target.tags.map(tag => ({ tag, body: top.body, mediaType: top.mediaType })))
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
        const manifests = await Promise.all(target.tags.map(tag => client.getManifest(target.name, tag)))
        deps.verification.requests += client.requestCount - before
        checkManifests(target.tags, manifests, [top.digest], [top.digest], reporter)
      }
    })
  )
  reporter.info(`Verified: every tag of ${targets.length} target(s) serves ${top.digest}`)
  // Nothing was built: no builder, no size of ours; the image ID only of a local image promoted alone.
  return {
    ...resultOf({
      refs: targets.flatMap(t => t.tags.map(tag => `${t.repository}:${tag}`)),
      builder: 'none',
      durations,
      iid: parts.length === 1 ? (parts[0].imageid ?? '') : '',
      verified: {
        repository: targets[0].repository,
        repositories: targets.map(t => t.repository),
        digest: top.digest,
        manifest: top,
        platformDigests: top.platformDigests
      }
    }),
    // What was pushed carries no label of ours (the configs are the sources'), and annotations only on a
    // merged index.
    meta: {
      version: '',
      labels: [],
      annotations: Object.entries(top.annotations).map(([k, v]) => `${k}=${v}`),
      levels: ['index']
    },
    moved: m
  }
}

/** What a merged index refers to, from one part: an index's entries, or the single manifest itself. */
async function placeChildren(copier: Copier, part: Resolved, dst: Side): Promise<void> {
  if (part.from.side && sameRepository(part.from.side, dst)) return
  if (part.manifest.parsed.kind !== 'index') return copier.place(part.from, dst, part.manifest)
  await copier.placeChildren(part.from, dst, part.manifest)
}

interface Top extends Manifest {
  platformDigests: Record<string, string>
  /** The annotations this run wrote on it: a merged index's; none on a promotion. */
  annotations: Record<string, string>
}

/** One source: its own bytes; annotations would change them, so they are refused. */
function promotion(inputs: Inputs, part: Resolved): Top {
  if (inputs.annotations.length)
    throw new InputError(
      'annotations',
      `a single source is promoted byte for byte, so nothing can be added to it; annotations apply when ${ref('sources')} merge several images`
    )
  const single = part.platform ? platformString(part.platform) : undefined
  return { ...part.manifest, platformDigests: platformDigests(part.manifest, single), annotations: {} }
}

function merged(inputs: Inputs, plan: Plan, parts: Resolved[], reporter: Reporter): Top {
  const user = asInput('annotations', () => indexAnnotations(inputs.annotations))
  // The automatic labels of a build (created, source, revision, version) describe the index here.
  const automatic = Object.fromEntries(
    plan.build.labels.map(l => splitKeyValue(l)!).map(kv => [kv.key, kv.value])
  )
  const index = asInput('sources', () => mergeIndex(parts, { user, automatic }))
  if (index.why) reporter.debug(`OCI index: ${index.why}`)
  return {
    digest: manifestDigest(index.body),
    mediaType: index.mediaType,
    body: index.body,
    platformDigests: index.platformDigests,
    annotations: index.annotations
  }
}

/** Every line resolved to manifests, globs expanded; the same manifest reached twice counts once. */
async function resolveAll(inputs: Inputs, deps: SourcesDeps): Promise<Resolved[]> {
  const refs = inputs.sources.map(line =>
    asInput('sources', () => parseSource(line, inputs.registry, inputs.image))
  )
  const lists = await Promise.all(refs.map(r => (isLocal(r) ? resolveLocal(r, deps) : resolveOne(r, deps))))
  const seen = new Set<string>()
  const parts = lists.flat().filter(p => !seen.has(p.manifest.digest) && seen.add(p.manifest.digest))
  const listed = new Tally(MAX_MANIFESTS, 'manifests')
  await Promise.all(
    parts.map(async p => {
      const parsed = p.manifest.parsed
      // The indexes an index lists are read now, counted and bounded as a copy reads them.
      if (parsed.kind === 'index') return checkBelow(p.from, p.manifest, false, listed)
      const config = await p.from.smallBlob(parsed.config.digest).catch((error: unknown) => {
        if (!(error instanceof RegistryError)) throw error
        throw new RegistryError(`source ${p.manifest.label}: ${error.message}`, error.kind, error)
      })
      p.platform = platformOfConfig(config)
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
  const label = JSON.stringify(source.line)
  const fail = (error: unknown): never => {
    if (isMissing(error))
      throw new InputError(
        'sources',
        `${label}: no such image in ${where} (${messageOf(error).replace(`source ${label}: `, '')})`
      )
    if (error instanceof RegistryError && !error.message.startsWith('source '))
      throw new RegistryError(`source ${label}: ${error.message}`, error.kind, {
        status: error.status,
        code: error.code
      })
    throw error
  }
  if (source.prefix === undefined) {
    const reference = source.digest ?? source.tag!
    const manifest = await readSource(side, reference, label).catch(fail)
    return [{ source: source.line, manifest, from }]
  }
  const prefix = source.prefix
  const tags = (
    await listTags(side.client, source.name, {
      keep: t => t.startsWith(prefix),
      maxRead: deps.bounds.maxTagsRead
    }).catch(fail)
  ).sort()
  if (!tags.length) throw new InputError('sources', `${label} matches no tag in ${where}`)
  // As many reads at once as the client has sockets (more would only queue), each body held once per
  // digest: a thousand tags of one image hold one manifest.
  const parts: Resolved[] = new Array(tags.length)
  const byDigest = new Map<string, SourceManifest>()
  await eachLimited(tags, MAX_SOCKETS, async (tag, i) => {
    const read = await readSource(side, tag).catch(fail)
    const manifest = byDigest.get(read.digest) ?? read
    byDigest.set(manifest.digest, manifest)
    if (byDigest.size > MAX_INDEX_ENTRIES)
      throw new InputError(
        'sources',
        `${label} matches more than ${MAX_INDEX_ENTRIES} different images in ${where}, more than one index holds`
      )
    parts[i] = { source: `${where}:${tag}`, manifest, from }
  })
  return parts
}
