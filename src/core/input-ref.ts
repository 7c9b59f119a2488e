// How a message names an input without knowing which interface shows it: a marker that the action renders
// as input names and the CLI as --flags. A leaf, so that the reference grammar can name inputs too.
/**
 * Stands for "the input(s) NAMES" in a message, so that each interface can say it its own way: the action
 * as input names, the CLI as --flags (see renderInputRefs). JSON-quoted values cannot contain the markers.
 */
export const ref = (...names: string[]): string => `\u0001${names.join(',')}\u0002`
/**
 * Stands for "set the input NAME to VALUE", which the CLI says its own way: `pass --no-push`, `leave out
 * --no-push` (its term gets `NAME=VALUE`).
 */
export const setting = (name: string, value: string): string => `\u0001${name}=${value}\u0002`
// eslint-disable-next-line no-control-regex -- the markers are control characters so that no value can hold them
const REF = /\u0001([a-z0-9,-]+(?:=[a-z]+)?)\u0002/g

/** Replaces every ref() in `text` with `term(names)`. */
export const renderInputRefs = (text: string, term: (names: string[]) => string): string =>
  text.replace(REF, (_, names: string) => term(names.split(',')))

/** How the action names inputs: `the "tags" input`, `the "username" and "password" inputs`. */
export const actionTerm = (names: string[]): string =>
  names.length === 1 && names[0].includes('=')
    ? `set the "${names[0].split('=')[0]}" input to ${names[0].split('=')[1]}`
    : names.length === 1
      ? `the "${names[0]}" input`
      : `the ${names
          .map(n => `"${n}"`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' and $1')} inputs`
