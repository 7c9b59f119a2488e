// The `tags` input's three kinds of entry: metadata-action's rule lines (`type=…`), bare tags (`v1`,
// `latest`), and full references as build-push-action takes them (`ghcr.io/octo/app:1.0`), which name
// their own image. Pure: a mistake is an InputProblem, and the caller names the input (targets.ts).
import { csvRecords, csvList } from './csv.js'
import { InputProblem, reworded } from '../core/problem.js'
import { ref } from './table.js'
import {
  DOCKER_HUB,
  looksLikeHost,
  nameLengthProblem,
  normalizeRegistry,
  pathProblem,
  registryProblem,
  tagProblem
} from '../core/reference.js'
import { parseRule, type TagRule } from '../metadata/rules/parse.js'
import { quote } from '../core/text.js'

/** One image named by full references in `tags`, with its tags in input order. */
export interface TagRefGroup {
  /** Normalized registry host, e.g. `ghcr.io`, `docker.io`. */
  registry: string
  /** Repository path under it, e.g. `octo/app` (Docker Hub's one-component names without `library/`). */
  image: string
  tags: string[]
}

export interface TagEntries {
  rules: TagRule[]
  /** Bare tags in input order, duplicates dropped. */
  tags: string[]
  refs: TagRefGroup[]
  /** Bare words read as references (`bareAreRefs`): `myapp` for `docker.io/myapp:latest`. */
  bareRefs: string[]
}

/**
 * A reference as docker reads `-t`: `[host[:port]/]path[:tag]`, the tag `latest` when none. The host is
 * the first component when it has a "." or ":" or is "localhost", as docker decides it.
 */
export function parseFullRef(text: string): { registry: string; image: string; tag: string } {
  if (text.includes('@'))
    throw new InputProblem(`${quote(text)} has a digest; a tag names what is pushed, so give name:tag`)
  const slash = text.lastIndexOf('/')
  const colon = text.lastIndexOf(':')
  const [name, tag] = colon > slash ? [text.slice(0, colon), text.slice(colon + 1)] : [text, 'latest']
  const first = name.split('/')[0]
  const hasHost = name.includes('/') && looksLikeHost(first)
  const registry = hasHost ? first : DOCKER_HUB
  const image = hasHost ? name.slice(first.length + 1) : name
  if (hasHost) {
    const problem = registryProblem(registry)
    if (problem) throw new InputProblem(`${quote(text)}: ${quote(registry)} ${problem}`)
  }
  const pathIssue = pathProblem(image)
  if (pathIssue) throw new InputProblem(`${quote(text)} is not a valid reference: ${pathIssue}`)
  const length = nameLengthProblem(registry, image)
  if (length) throw new InputProblem(`${quote(text)} is too long: ${length}`)
  const tagIssue = tagProblem(tag)
  if (tagIssue) throw new InputProblem(`${quote(text)} has an invalid tag: ${tagIssue}`)
  return { registry: normalizeRegistry(registry), image: image.replace(/^library\/(?=[^/]+$)/, ''), tag }
}

/** A line of tags or references as build-push-action reads `tags`: CSV, quoted entries kept whole. */
const tagEntries = (line: string): string[] =>
  reworded(
    () => csvList(line),
    m => `${quote(line)}: ${m}`
  )

/** A bare entry is a reference when it has a "/" or ":" (no tag does). */
const isReference = (entry: string): boolean => entry.includes('/') || entry.includes(':')

/** References grouped by image, each image's tags in order, each once. */
export function groupRefs(refs: { registry: string; image: string; tag?: string }[]): TagRefGroup[] {
  const groups = new Map<string, TagRefGroup>()
  for (const r of refs) {
    const key = `${r.registry}/${r.image}`
    const group = groups.get(key) ?? { registry: r.registry, image: r.image, tags: [] }
    if (r.tag !== undefined && !group.tags.includes(r.tag)) group.tags.push(r.tag)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/**
 * Sorts the `tags` lines into rules, bare tags and full references. A line starting with `type=` is one
 * rule, CSV-read (quoted fields may hold commas); a line starting with `#` is a comment, as
 * metadata-action reads it; any other line holds bare tags or references, comma-separated. With
 * `bareAreRefs` (no image to tag) a bare word is a reference too, as build-push-action reads `tags`:
 * `myapp` is `docker.io/myapp:latest`.
 */
export function classifyTags(lines: string[], bareAreRefs = false): TagEntries {
  const rules: TagRule[] = []
  const tags: string[] = []
  const found: ReturnType<typeof parseFullRef>[] = []
  const bareRefs: string[] = []
  for (const line of lines) {
    const text = line.trim()
    if (text === '' || text.startsWith('#')) continue
    if (/^type\s*=/i.test(text)) {
      const records = reworded(
        () => csvRecords(text),
        m => `${quote(text)}: ${m}`
      )
      rules.push(
        reworded(
          () => parseRule(records.flat(), text),
          m => `rule ${quote(text)}: ${m}`
        )
      )
      continue
    }
    for (const entry of tagEntries(text)) {
      if (isReference(entry)) {
        found.push(parseFullRef(entry))
        continue
      }
      if (bareAreRefs && !entry.includes('=') && !entry.includes('{{')) {
        found.push(
          reworded(
            () => parseFullRef(entry),
            m =>
              `${m} (with ${ref('image')} empty, a word in ${ref('tags')} names an image, as in build-push-action: give ${ref('image')} to make it a tag)`
          )
        )
        if (!bareRefs.includes(entry)) bareRefs.push(entry)
        continue
      }
      if (entry.includes('=') || entry.includes('{{'))
        throw new InputProblem(
          `${quote(entry)} is not a tag; a rule line starts with type= (e.g. type=raw,value=${entry})`
        )
      const problem = tagProblem(entry)
      if (problem) throw new InputProblem(`${quote(entry)} is not a valid tag: ${problem}`)
      if (!tags.includes(entry)) tags.push(entry)
    }
  }
  const refs = groupRefs(found)
  if (refs.length && (rules.length || tags.length))
    throw new InputProblem(
      `full references (${quote(`${refs[0].registry}/${refs[0].image}:${refs[0].tags[0]}`)}) name their own image, so they cannot be mixed with ${rules.length ? 'rules' : 'bare tags'}; give either full references only, or ${ref('image')} with bare tags and rules`
    )
  return { rules, tags, refs, bareRefs }
}
