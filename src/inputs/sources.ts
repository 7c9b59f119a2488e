// The `sources` input, read: which image each line names (pure), and which other inputs cannot go with it.
// Nothing is built from sources, so every input that only shapes a build must be left at its default.
import { ref, ROWS, inputName, setting, type InputKey, type InputValues } from './table.js'
import { parseAnnotation } from '../metadata/levels.js'
import {
  hostProblem,
  isValidDigest,
  looksLikeHost,
  nameLengthProblem,
  normalizeRegistry,
  pathProblem,
  registryProblem,
  remotePath,
  tagProblem
} from '../core/reference.js'
import { goBool } from '../core/go-bool.js'
import { quote } from '../core/text.js'
import { InputProblem } from '../core/problem.js'

export interface SourceRef {
  /** The line as written, to name it in messages. */
  line: string
  /** Normalized host[:port]. */
  registry: string
  /** The repository as the registry API names it (`library/x` on Docker Hub). */
  name: string
  tag?: string
  digest?: string
  /** A line ending in `*`: every tag that starts with this (possibly empty) prefix. */
  prefix?: string
}

/** Where a local image is read from, with the transport names of skopeo and podman. */
export const TRANSPORTS = ['docker-daemon', 'oci', 'oci-archive', 'docker-archive'] as const
export type Transport = (typeof TRANSPORTS)[number]

/** An image on this machine rather than in a registry. */
export interface LocalSourceRef {
  line: string
  transport: Transport
  /** The directory or file; for `docker-daemon`, the image reference or ID as given. */
  path: string
  /** Which image of several: an `org.opencontainers.image.ref.name`, or an archive's repo tag. */
  reference?: string
}

export type Source = SourceRef | LocalSourceRef

export const isLocal = (source: Source): source is LocalSourceRef => 'transport' in source

// `docker-daemon:` takes a reference or an ID as docker does; `-` first would read as a flag.
const DAEMON_IMAGE = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/
// An `org.opencontainers.image.ref.name` or a repo tag, loosely: what the layout spec and docker allow.
const LOCAL_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/

/**
 * `transport:rest` for a local image, a problem for a transport we do not read (`dir:/x`, `docker://…`),
 * or undefined for a registry reference. The path ends at its first `:`, as skopeo reads it.
 */
function parseLocal(line: string): LocalSourceRef | string | undefined {
  const m = /^([a-z][a-z0-9-]*):(.*)$/.exec(line)
  if (!m) return undefined
  const [, transport, rest] = m
  if (!(TRANSPORTS as readonly string[]).includes(transport)) {
    // A path after the colon is no tag: a transport, then, that is not one of ours.
    if (!/^(?:\/|\.\.?\/|~)/.test(rest)) return undefined
    return `${quote(line)}: unknown transport ${quote(transport)}; local images are read with ${TRANSPORTS.map(t => `${t}:`).join(', ')}, and a registry image is written without a transport`
  }
  const t = transport as Transport
  if (t === 'docker-daemon') {
    if (!DAEMON_IMAGE.test(rest) || (rest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(rest)))
      return `${quote(line)}: ${quote(rest)} is not an image reference or a sha256:<64 hex> image ID`
    return { line, transport: t, path: rest }
  }
  const colon = rest.indexOf(':')
  const file = colon < 0 ? rest : rest.slice(0, colon)
  const reference = colon < 0 ? undefined : rest.slice(colon + 1)
  if (!file) return `${quote(line)}: names no ${t === 'oci' ? 'directory' : 'file'} after ${quote(`${t}:`)}`
  if (reference !== undefined && !LOCAL_REFERENCE.test(reference))
    return `${quote(line)}: ${quote(reference)} is not an image reference (org.opencontainers.image.ref.name or repo:tag)`
  return { line, transport: t, path: file, ...(reference !== undefined ? { reference } : {}) }
}

const TAG_PREFIX = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/

/**
 * One line of `sources` on `registry`/`image` (both validated): a bare tag or digest of the image itself,
 * `repo:tag`, `repo@digest` or `repo:tag@digest` on the same registry, or a reference with its own registry
 * host. A trailing `*` makes the tag a prefix. A local image has its transport first (`oci:dir`). Throws an
 * InputProblem saying why when the line is none of these.
 */
export function parseSource(line: string, registry: string, image: string): Source {
  const source = sourceOrWhy(line, registry, image)
  if (typeof source === 'string') throw new InputProblem(source)
  return source
}

/** parseSource's reading, with the reason as a string: its helpers return one at the first thing wrong. */
function sourceOrWhy(line: string, registry: string, image: string): Source | string {
  const local = parseLocal(line)
  if (local !== undefined) return local
  const glob = line.endsWith('*')
  const body = glob ? line.slice(0, -1) : line
  if (body.includes('*')) return `${quote(line)}: "*" may only end a line (a tag prefix)`
  const plain = !/[/:@]/.test(body)
  if (!glob && /^[A-Za-z][A-Za-z0-9]*:/.test(body) && !body.includes('/') && isValidDigest(body))
    return { line, registry, name: remotePath(registry, image), digest: body }
  if (plain) return finish(line, registry, image, glob ? { prefix: body } : { tag: body })

  let repo: string
  let pin: { tag?: string; digest?: string; prefix?: string }
  const at = body.indexOf('@')
  if (at >= 0) {
    if (glob) return `${quote(line)}: a digest cannot end in "*"; a glob is a tag prefix`
    repo = body.slice(0, at)
    pin = { digest: body.slice(at + 1) }
    if (!isValidDigest(pin.digest!))
      return `${quote(line)}: ${quote(pin.digest!)} is not a digest like sha256:<hex>`
    // `name:tag@digest`, as docker takes it: the digest decides, the tag is only checked for its grammar.
    const colon = repo.lastIndexOf(':')
    if (colon > repo.lastIndexOf('/')) {
      const tag = repo.slice(colon + 1)
      if (tagProblem(tag)) return `${quote(line)}: ${quote(tag)}: ${tagProblem(tag)}`
      repo = repo.slice(0, colon)
    }
  } else {
    const colon = body.lastIndexOf(':')
    if (colon <= body.lastIndexOf('/')) {
      if (glob) return finish(line, registry, image, { prefix: '' }, body)
      return `${quote(line)} names no tag or digest; write ${quote(`${body}:TAG`)} or ${quote(`${body}@sha256:…`)}`
    }
    repo = body.slice(0, colon)
    const tag = body.slice(colon + 1)
    pin = glob ? { prefix: tag } : { tag }
  }
  return finish(line, registry, image, pin, repo)
}

function finish(
  line: string,
  registry: string,
  image: string,
  pin: { tag?: string; digest?: string; prefix?: string },
  repo?: string
): SourceRef | string {
  let host = registry
  let path = repo ?? image
  const slash = path.indexOf('/')
  if (repo !== undefined && slash > 0 && looksLikeHost(path.slice(0, slash))) {
    host = path.slice(0, slash)
    path = path.slice(slash + 1)
    const problem = hostProblem(host) ?? registryProblem(host)
    if (problem) return `${quote(line)}: the registry ${quote(host)} ${problem}`
    host = normalizeRegistry(host)
  }
  const problem = pathProblem(path)
  if (problem) return `${quote(line)}: ${quote(path)} is not a repository path: ${problem}`
  const long = nameLengthProblem(host, path)
  if (long) return `${quote(line)}: ${long}`
  if (pin.tag !== undefined && tagProblem(pin.tag))
    return `${quote(line)}: ${quote(pin.tag)}: ${tagProblem(pin.tag)}`
  if (pin.prefix !== undefined && !TAG_PREFIX.test(pin.prefix))
    return `${quote(line)}: ${quote(pin.prefix)} cannot begin a tag: ${tagProblem('-')}`
  return { line, registry: host, name: remotePath(host, path), ...pin }
}

/** The inputs that shape a build beyond those marked buildx-only in the table. */
const BUILD_INPUTS: InputKey[] = [
  'context',
  'file',
  'buildArgs',
  'labels',
  'target',
  'noCache',
  'pull',
  'load',
  'addHosts',
  'network',
  'shmSize',
  'ulimit',
  'cgroupParent'
]
/**
 * buildx inputs that mean something without a build: `annotations` go on a merge's index, and `sbom: true`
 * asks for the SBOM files of what is pushed.
 */
const WITH_SOURCES: InputKey[] = ['annotations', 'sbom']

/**
 * Throws an InputProblem naming the input that cannot go together with `sources`: `platforms` and every
 * other build input must be at its default (`defaults`, read as the parser reads them), and the result is
 * pushed.
 */
export function checkSourcesAlone(values: InputValues, defaults: InputValues): void {
  if (!values.push)
    throw new InputProblem(
      `${ref('sources')} always pushes (the sources are put in the registry): ${setting('push', 'true')}`,
      'push'
    )
  if (values.platforms.length)
    throw new InputProblem(
      `cannot be used with ${ref('sources')}: nothing is built, and each source brings its own platforms`,
      'platforms'
    )
  if (values.sbom.trim() !== '' && goBool(values.sbom.trim()) === undefined)
    throw new InputProblem(
      `with ${ref('sources')} nothing is built: only true (write the SBOM files the pushed image carries) or false`,
      'sbom'
    )
  for (const [key, row] of ROWS) {
    if (key === 'sources' || WITH_SOURCES.includes(key) || (!row.buildx && !BUILD_INPUTS.includes(key)))
      continue
    if (JSON.stringify(values[key]) !== JSON.stringify(defaults[key]))
      throw new InputProblem(
        `cannot be used with ${ref('sources')}: nothing is built from sources, so build inputs must keep their defaults`,
        inputName(key)
      )
  }
}
/**
 * `annotations` with `sources`, as key → value for the merged index: a merge writes only the index (the
 * platform manifests stay as they are), so only `index:` or unprefixed ones apply. An InputProblem otherwise.
 */
export function indexAnnotations(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of lines) {
    const a = parseAnnotation(line)
    if (a.levels.some(l => l.level !== 'index'))
      throw new InputProblem(
        `${quote(line)}: a merge writes only the index; the platform manifests stay as they are, so only index annotations apply`
      )
    out[a.key] = a.value
  }
  return out
}
