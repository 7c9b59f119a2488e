// The one validated value every input becomes (parse.ts), as the rest of the program reads it.
import type { InputValues } from './table.js'
import type { TagRefGroup } from './tags.js'
import type { Flavor, TagRule } from '../metadata/rules/parse.js'
import type { MetadataEnv } from '../metadata/env.js'
import type { ImageName } from './images.js'
import type { RegistryLogin } from './registry-auth.js'

export interface Inputs extends InputValues {
  /** True for git or http(s) URLs: docker fetches them, so there is nothing local to check. */
  remoteContext: boolean
  // `tags` holds three kinds of entry (tag-input.ts): `tags` keeps the bare tags, these the others.
  /** metadata-action's `type=…` rules, in input order (tags.ts applies them per event). */
  tagRules: TagRule[]
  /**
   * Full references in `tags`, grouped by image; empty unless `tags` has only references. With one
   * image, `registry`, `image` and `tags` are set from it as well.
   */
  tagRefs: TagRefGroup[]
  /** `flavor`, read. */
  tagFlavor: Flavor
  /** metadata-action's DOCKER_METADATA_* variables. */
  metadataEnv: MetadataEnv
  /** Where the image goes: `images`, or `registry` + `image` as one. */
  targets: ImageName[]
  /** `registry-auth`'s logins, registries normalized; with `username`/`password`, that one login. */
  logins: RegistryLogin[]
  /** `push` was given, not left to its default (the CLI never gives it: it has only `--no-push`). */
  pushGiven: boolean
}

/** Returns the raw value of an input by its action.yml name ('' when unset). */
export type InputSource = (name: string) => string

export interface ParsedInputs {
  inputs: Inputs
  /** Things worth telling the user that are not errors (e.g. lowercasing). */
  notices: string[]
  /** What build-push-action warns of and goes on (a secret with an empty value, left out). */
  warnings: string[]
}
