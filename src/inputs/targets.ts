// Where the image goes and who logs in: `image` + `registry`, `images`, or full references in `tags`, and
// `registry-auth` or `username`/`password`; the tag inputs read on the way.
import { ref, setting, type InputValues } from './table.js'

import { asInput, InputError } from './error.js'
import { reworded } from '../core/problem.js'
import {
  DOCKER_HUB,
  imageProblem,
  normalizeRegistry,
  registryProblem,
  remotePath,
  repository
} from '../core/reference.js'
import { readMetadataEnv } from '../metadata/env.js'
import { classifyTags, groupRefs, parseFullRef, type TagRefGroup } from './tags.js'
import { namedImages, pushesByDigest, pushesImage, pushesOutput } from './build-options.js'
import { parseFlavor } from '../metadata/rules/parse.js'
import { parseImages, type ImageName } from './images.js'
import { parseRegistryAuth, type RegistryLogin } from './registry-auth.js'
import type { CloudLogin } from '../registry/cloud/detect.js'
import { quote } from '../core/text.js'
import type { Inputs } from './types.js'

/** The image under the registry it goes to; lowercased with a notice, as docker wants it. */
function checkImage(value: string, registry: string, notices: string[]): string {
  const problem = imageProblem(value, registry)
  if (problem) throw new InputError('image', `${quote(value)} ${problem}`)
  const lower = value.toLowerCase()
  if (lower !== value) notices.push(`image ${quote(value)} was lowercased to ${quote(lower)}`)
  return lower
}

type TagInputs = Pick<Inputs, 'tags' | 'tagRules' | 'tagRefs' | 'tagFlavor' | 'metadataEnv'>

/**
 * `tags` sorted into bare tags, rules and references; `flavor` and the DOCKER_METADATA_* variables read.
 * Given `notices` (the parser's), a word in `tags` with no `image` or `images` to tag is an image name, as
 * build-push-action reads it, and the notice says so.
 */
export function readTagInputs(values: InputValues, env: NodeJS.ProcessEnv, notices?: string[]): TagInputs {
  const bareAreRefs = notices !== undefined && values.image === '' && !values.images.length
  const entries = asInput('tags', () => classifyTags(values.tags, bareAreRefs))
  if (entries.bareRefs.length)
    notices?.push(
      `${ref('tags')} ${entries.bareRefs.map(quote).join(', ')}: with ${ref('image')} empty, each names an image as in build-push-action (${entries.refs.flatMap(g => g.tags.map(t => `${repository(g.registry, g.image)}:${t}`)).join(', ')}); give ${ref('image')} to make them its tags`
    )
  return {
    tags: entries.tags,
    tagRules: entries.rules,
    tagRefs: entries.refs,
    tagFlavor: asInput('flavor', () => parseFlavor(values.flavor)),
    // Each of its problems names its variable.
    metadataEnv: asInput('', () => readMetadataEnv(env))
  }
}

/**
 * Full references in `tags` name the targets themselves: never beside `image` or `images`, and beside
 * `registry` only where they all go to it (login-action's `registry` beside build-push-action's `tags`: the
 * registry the login is for). Each image gets the tags given for it, as build-push-action pushes exactly the
 * references it is given.
 */
export function targetsFromRefs(
  values: InputValues,
  tagged: TagInputs,
  input: 'tags' | 'outputs' = 'tags'
): ImageName[] {
  const groups = tagged.tagRefs
  const first = groups[0]
  const named = (g: TagRefGroup): string =>
    JSON.stringify(`${g.registry}/${g.image}${g.tags.length ? `:${g.tags[0]}` : ''}`)
  const example = named(first)
  const elsewhere = groups.find(g => g.registry !== values.registry)
  if (values.registry !== DOCKER_HUB && elsewhere && !values.images.length && values.image === '')
    throw new InputError(
      input,
      `${ref(input)} ${input === 'tags' ? 'holds full references' : 'names images'} such as ${named(elsewhere)}, ` +
        `which go to ${quote(elsewhere.registry)}, not to ${quote(values.registry)} as ${ref('registry')} says: ` +
        `name only ${quote(values.registry)} in them, or leave ${ref('registry')} empty (logins for several registries go in ${ref('registry-auth')})`
    )
  const given = (['image', 'images'] as const).filter(name => values[name].length)
  // The error names `tags`, as build-push-action would refuse its references beside metadata-action's images.
  // `registry` is not among what to empty: it may stay where they all go to it (checked above once image is).
  if (given.length)
    throw new InputError(
      'tags',
      `${ref('tags')} holds full references such as ${example}, which name their own registry and image: ` +
        `leave ${ref(...given)} empty (${ref('registry')} may stay if they all go to the registry it names), ` +
        `or give bare tags (e.g. "${first.tags[0]}") with ${ref(given.includes('images') ? 'images' : 'image')}`
    )
  // The first image stands for the run where one name is needed, as with `images`.
  values.registry = first.registry
  values.image = first.image
  if (input === 'tags') tagged.tags = first.tags
  return groups.map(g => ({ registry: g.registry, image: g.image, tags: g.tags }))
}

/**
 * With no `image`, `images` or references in `tags`: an image output's `name=` names the targets (buildx
 * pushes there, and a push by digest takes no tag); else nothing names the image, which build-push-action
 * allows wherever no name is needed: nothing pushed and no rules to tag with (a build-only check, files
 * exported, an untagged load).
 */
function unnamedTargets(values: InputValues, tagged: TagInputs, pushGiven: boolean): ImageName[] {
  const required = (why: string, buildOnly = false): InputError =>
    new InputError(
      'image',
      `is required: ${why}; give it, e.g. "my/app" (in a workflow, \${{ github.repository }}), or full references such as ghcr.io/octo/app:1.0 in ${ref('tags')}${buildOnly ? `, or ${setting('push', 'false')} to build only` : ''}`
    )
  if (tagged.tagRules.length) throw required(`the rules in ${ref('tags')} tag the image under it`)
  if (values.sources.length) throw required(`${ref('sources')} are pushed to it`)
  const named = values.outputs.flatMap(spec =>
    namedImages(spec).map(name => {
      const r = asInput('outputs', () => parseFullRef(name))
      // A push by digest tags nothing.
      return pushesByDigest(spec) ? { registry: r.registry, image: r.image } : r
    })
  )
  if (named.length) return targetsFromRefs(values, { ...tagged, tagRefs: groupRefs(named) }, 'outputs')
  if (pushesImage({ ...values, pushGiven })) {
    const why = values.outputs.some(pushesOutput)
      ? `${ref('outputs')} push and name no image`
      : `the image is pushed${pushGiven ? '' : ' (the default)'}`
    throw required(why, true)
  }
  return []
}

/** `images`, or `registry` + `image`: never both; neither where nothing needs a name (unnamedTargets). */
export function checkTargets(
  values: InputValues,
  tagged: TagInputs,
  notices: string[],
  pushGiven: boolean
): ImageName[] {
  if (!values.images.length) {
    if (values.image === '') return unnamedTargets(values, tagged, pushGiven)
    values.image = checkImage(values.image, values.registry, notices)
    return [{ registry: values.registry, image: values.image }]
  }
  if (values.image !== '')
    throw new InputError(
      'images',
      `give either ${ref('images')} (full names) or ${ref('image')} with ${ref('registry')}, not both`
    )
  const targets = asInput('images', () => parseImages(values.images))
  if (!targets.length)
    throw new InputError('images', 'every image is disabled (enable=false): nothing to push to')
  const seen = new Set<string>()
  for (const t of targets) {
    const key = `${t.registry}/${t.image}`
    if (seen.has(key)) throw new InputError('images', `${quote(key)} is given twice`)
    seen.add(key)
  }
  // login-action's `registry` beside metadata-action's `images`: the login is for one of them. Another host
  // there would have its username and password sent to the images' registry instead.
  if (values.registry !== DOCKER_HUB && !targets.some(t => t.registry === values.registry))
    throw new InputError(
      'registry',
      `${quote(values.registry)} is not a registry ${ref('images')} pushes to (${[...new Set(targets.map(t => t.registry))].join(', ')}): name one of those, leave ${ref('registry')} empty, or give its login in ${ref('registry-auth')} (a login for the build's pulls)`
    )
  // The first image stands for the run where one name is needed (summary, messages).
  values.registry = targets[0].registry
  values.image = targets[0].image
  return targets
}

/**
 * `username` or `password` beside `registry-auth`, named as given: checked before the pair's own rule (both
 * or neither), which would otherwise ask for the other half of a login that cannot be used.
 */
export function checkLoginSources(values: InputValues): void {
  if (values.registryAuth.trim() === '') return
  const given = (['username', 'password'] as const).filter(name => values[name] !== '')
  if (given.length)
    throw new InputError(
      given[0],
      `${ref(...given)} and ${ref('registry-auth')} cannot be used together: put every login in ${ref('registry-auth')}`
    )
}

/** `registry-auth` entries, or `username`/`password` for a single registry. */
export function checkLogins(
  values: InputValues,
  cloud?: CloudLogin,
  targets: ImageName[] = [],
  notices: string[] = []
): RegistryLogin[] {
  if (values.registryAuth.trim() === '')
    return values.username || cloud
      ? [
          {
            registry: values.registry,
            username: values.username,
            password: values.password,
            ...(cloud ? { cloud } : {})
          }
        ]
      : []
  const logins = asInput('registry-auth', () =>
    reworded(
      () => parseRegistryAuth(values.registryAuth),
      m => `${m}; expected login-action's list (- registry: … / username: … / password: …)`
    )
  )
  const normalized = logins.map((login, i) => {
    const registry = login.registry || DOCKER_HUB
    const problem = registryProblem(registry)
    if (problem)
      throw new InputError('registry-auth', `entry ${i + 1}: the registry ${quote(registry)} ${problem}`)
    return { ...login, registry: normalizeRegistry(registry) }
  })
  const registries = [...new Set(normalized.map(l => l.registry))]
  return registries.map(registry =>
    oneLoginFor(
      registry,
      normalized.filter(l => l.registry === registry),
      targets,
      notices
    )
  )
}

/** A `scope`'s repository path (before its `@actions`); '' for none or the whole registry. */
const scopePath = (login: RegistryLogin): string =>
  (login.scope ?? '').split('@')[0].replace(/^\/+|\/+$/g, '')

/**
 * The one login this step uses for `registry`: login-action v3.7 takes one entry per `scope` (each written to
 * its own buildx config), but a docker config holds one login per registry. The entry whose scope is a
 * repository this step pushes wins; else the one for the whole registry (no scope). A notice says which.
 */
function oneLoginFor(
  registry: string,
  entries: RegistryLogin[],
  targets: ImageName[],
  notices: string[]
): RegistryLogin {
  if (entries.length === 1) return entries[0]
  const scopes = entries.map(e => e.scope ?? '')
  if (new Set(scopes).size < scopes.length)
    throw new InputError(
      'registry-auth',
      `${quote(registry)} has two entries with the same scope (or none): give it one entry, or each entry its own scope (login-action's scope, e.g. scope: my/app@push)`
    )
  const pushed = new Set(targets.filter(t => t.registry === registry).map(t => remotePath(registry, t.image)))
  const matching = entries.filter(e => scopePath(e) !== '' && pushed.has(remotePath(registry, scopePath(e))))
  const whole = entries.filter(e => scopePath(e) === '')
  const chosen = matching.length === 1 ? matching[0] : matching.length === 0 ? whole[0] : undefined
  if (!chosen || (matching.length === 0 && whole.length > 1))
    throw new InputError(
      'registry-auth',
      `${quote(registry)} has ${entries.length} entries (scopes ${scopes.map(sc => quote(sc || 'none')).join(', ')}) and this step logs in to it once: ` +
        `give one entry without scope, or one whose scope is the repository pushed (${[...pushed].join(', ') || 'none'})`
    )
  notices.push(
    `${ref('registry-auth')}: ${entries.length} entries for ${quote(registry)}; this step logs in with the one ${chosen.scope ? `for scope ${quote(chosen.scope)} (the repository it pushes)` : 'without scope'}`
  )
  return chosen
}

/**
 * Whether the logins outlive the step: `keep-login`, or login-action's `logout: false`, which there leaves
 * the login in the docker config after the job, so the job's later steps have it; here they get it as
 * keep-login gives it. `logout: true` only says the login is gone when the job ends, as it is either way.
 */
export function keepsLogin(values: InputValues, keepLoginGiven: boolean): boolean {
  if (values.logout) return values.keepLogin
  if (keepLoginGiven && !values.keepLogin)
    throw new InputError(
      'logout',
      `false keeps the logins for the job's later steps and ${ref('keep-login')} false drops them after this step: leave one of the two out`
    )
  return true
}
