// What one row of the input table says of an input: how its raw value is read, its default, its description
// (action.yml, docs) and its CLI flag.

/**
 * How a raw value is read:
 * - `string`: trimmed;
 * - `boolean`: true or false (any case of those words);
 * - `list`: CSV as build-push-action reads lists: newline and/or comma separated, quoted entries kept
 *   whole beside other fields (a line that is one quoted field is still split at its commas, as there),
 *   trimmed, empties and duplicates dropped;
 * - `lines`: CSV with commas ignored (build-push-action's `ignoreComma`): one entry per line, a quoted
 *   entry may span lines, trimmed, empties dropped;
 * - `key-value`: `KEY=VALUE` entries read as `lines`, for values that may hold commas and `=`;
 * - `number`: a whole number within `min`..`max`;
 * - `choice`: one of `choices`.
 */
export type Kind = 'string' | 'boolean' | 'list' | 'lines' | 'key-value' | 'number' | 'choice'

export interface Row {
  kind: Kind
  /** The default; '' for none. */
  default: string
  /**
   * Left out of action.yml, so that the runner passes '' when the input is not given and giving it can be
   * told apart from the default (`push: true` beside `outputs`).
   */
  unsetInAction?: boolean
  required?: boolean
  /** One description, in action.yml and the README (markdown). */
  description: string
  /** Only buildx understands it: asking for it without buildx is an input error. */
  buildx?: boolean
  /** Never trimmed before its validator sees it, never echoed (passwords). */
  secret?: boolean
  /** Read as given, surrounding whitespace included (separators such as `sep-tags`; a list's entries). */
  untrimmed?: boolean
  /** A list whose quotes are ordinary characters, kept for the CSV reader of whoever reads each entry next. */
  keepQuotes?: boolean
  /** A list where a line starting with `#` is a comment, as metadata-action reads its list inputs. */
  comments?: boolean
  /**
   * A `key-value` input where a KEY alone is kept, as docker reads `--build-arg NAME`: the value from the
   * build's environment, the argument left out when it is unset.
   */
  bareKeys?: boolean
  min?: number
  max?: number
  choices?: string[]
  /**
   * None for an input that means nothing outside a workflow (login-action's `logout`: the CLI's login lives
   * in a docker config of its own that goes with the run). The CLI then has no flag for it, and reads it as
   * not given.
   */
  cli?: CliSpec
}

/**
 * The CLI's spelling. By default a value input is `--<name> VALUE` (list kinds repeatable), a boolean
 * `--<name>`, or `--no-<name>` when it defaults to true.
 */
export interface CliSpec {
  /** Flag name without dashes, when it is not the input's name (e.g. `tag` for `tags`). */
  flag?: string
  /** Placeholder in the usage text. */
  value?: string
  /** The short help line. */
  help: string
  /**
   * A boolean that defaults to true and whose being given outright matters (`unsetInAction`): the help line
   * of `--<name>`, which gives it outright, beside `--no-<name>`.
   */
  onHelp?: string
  /**
   * Where the value comes from instead of the flag's argument: stdin; `env`: `ID=ENV` specs, each value read
   * from ENV; `env-name`: the flag names the variable that holds the value (a token never in argv); `file`:
   * the flag names a file that holds it.
   */
  from?: 'stdin' | 'env' | 'env-name' | 'file'
}
