// The job summary and the `metadata` output, as pure functions of the result.
import { goBool } from '../core/go-bool.js'
import { InputProblem } from '../core/problem.js'
import type { Inputs } from '../inputs/parse.js'
import type { Result } from '../pipeline/result.js'
import { subjectNames } from '../pipeline/subjects.js'
import { metadataOutputValues, outputText } from '../metadata/outputs.js'

export function metadata(inputs: Inputs, result: Result): Record<string, unknown> {
  return {
    // buildx's keys first, so that workflows written for build-push-action's metadata keep working.
    ...result.buildx,
    image: inputs.image,
    // No image, no registry it went to (`registry` may still name a login's).
    registry: inputs.image ? inputs.registry : '',
    digest: result.digest,
    'image-ref': result.imageRef,
    'image-refs': result.imageRefs,
    imageid: result.imageid,
    tags: result.tags,
    'platform-digests': result.platformDigests,
    builder: result.builder,
    pushed: result.digest !== '',
    size: result.size,
    durations: result.durations,
    counts: result.counts
  }
}

/** The outputs by name with their own types; the CLI prints this object with --json. */
export function typedOutputs(inputs: Inputs, result: Result): Record<string, unknown> {
  const { tags, ...meta } = metadataOutputValues(
    result.meta ?? { version: '', labels: [], annotations: [] },
    result.tags,
    inputs
  )
  const names = subjectNames(inputs.targets)
  return {
    digest: result.digest,
    'image-ref': result.imageRef,
    'image-refs': result.imageRefs,
    'image-name': names[0] ?? '',
    'image-names': names,
    imageid: result.imageid,
    tags,
    'platform-digests': result.platformDigests,
    'sbom-path': Object.values(result.sboms ?? {})[0] ?? '',
    'sbom-paths': result.sboms ?? {},
    metadata: metadata(inputs, result),
    // metadata-action's other outputs, with its separators and shapes
    ...meta
  }
}

/** The action's outputs: strings, as the runner takes them (lists one per line or by sep-*, objects as JSON). */
export function outputs(inputs: Inputs, result: Result): Record<string, string> {
  return Object.fromEntries(
    Object.entries(typedOutputs(inputs, result)).map(([name, value]) => [
      name,
      outputText(name, value, inputs)
    ])
  )
}

/**
 * A code span that stays inside its table cell: no line break, no backtick to close it early, and `|`
 * escaped (GFM splits cells on a bare `|` even inside a code span). Platform strings come from sources'
 * manifests, which a registry we do not control writes.
 */
const code = (s: string): string =>
  `\`${s
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``

function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let n = bytes
  let u = 0
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024
    u++
  }
  return `${n.toFixed(u === 0 ? 0 : 1)} ${units[u]}`
}

export function summaryMarkdown(inputs: Inputs, result: Result): string {
  const rows: [string, string][] = [
    ['Image', inputs.image ? code(`${inputs.registry}/${inputs.image}`) : '_none_'],
    ['Digest', result.digest ? code(result.digest) : '_not pushed_'],
    ['Image ref', result.imageRef ? code(result.imageRef) : '_not pushed_'],
    ...result.imageRefs.slice(1).map((r): [string, string] => ['Also at', code(r)]),
    // A promotion or merge has no local image, so no image ID.
    ...(result.imageid ? [['Image ID', code(result.imageid)] as [string, string]] : []),
    ['Builder', result.builder],
    ...Object.entries(result.platformDigests).map(([p, d]): [string, string] => [
      `Platform ${code(p)}`,
      code(d)
    ]),
    ['Size', result.size ? humanSize(result.size) : '_n/a_'],
    ...Object.entries(result.durations).map(([k, v]): [string, string] => [
      `${k} time`,
      `${(v / 1000).toFixed(1)} s`
    ])
  ]
  const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
  // Pushed with no tag (push-by-digest): what the registry holds is each image's name@digest.
  const byDigest = result.digest !== '' && !result.tags.length
  const verb = byDigest ? 'Pushed by digest, no tag' : result.digest ? 'Pushed' : 'Built (not pushed)'
  const listed = byDigest ? result.imageRefs : result.tags
  const refs = listed.length ? listed.map(t => `- ${code(t)}`).join('\n') : '_untagged_'
  return `### build-tag-push\n\n${table}\n\n**${verb}:**\n\n${refs}\n`
}

/**
 * Whether to write the job summary: build-push-action's DOCKER_BUILD_SUMMARY (default true, Go's words), so
 * that a workflow that turned docker's summary off gets none from this step either; and, as v6 reads it
 * first, the deprecated DOCKER_BUILD_NO_SUMMARY (true: no summary), with v6's warning. A value Go refuses
 * is an InputProblem naming the variable, before any build (build-push-action fails on it after the build).
 */
export function summaryWanted(env: NodeJS.ProcessEnv, warn: (message: string) => void = () => {}): boolean {
  const no = env.DOCKER_BUILD_NO_SUMMARY ?? ''
  if (no !== '') {
    warn('DOCKER_BUILD_NO_SUMMARY is deprecated: set DOCKER_BUILD_SUMMARY to false instead')
    return !boolVariable('DOCKER_BUILD_NO_SUMMARY', no)
  }
  const text = env.DOCKER_BUILD_SUMMARY ?? ''
  return text === '' || boolVariable('DOCKER_BUILD_SUMMARY', text)
}

function boolVariable(name: string, text: string): boolean {
  const value = goBool(text)
  if (value === undefined)
    throw new InputProblem(`(an environment variable) ${JSON.stringify(text)} must be true or false`, name)
  return value
}
