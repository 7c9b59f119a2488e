// How a message names an input, or advises, without knowing which interface shows it: a marker that the
// action renders as input names and workflow steps, the CLI as --flags and commands. A leaf, so that the
// reference grammar can name inputs too.
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
/**
 * What the user can do where the interfaces differ: a step to add in a workflow, a command to run or a flag
 * to pass on a command line. Each interface's term says its own (`adviceIn`).
 */
const ADVICE = {
  checkout: {
    action:
      'add an actions/checkout step before this one, or set the "context" input to {{defaultContext}} to build this commit from git without a checkout',
    cli: 'run it where your Dockerfile is, or pass --context DIR'
  },
  'install-buildx': {
    action: 'set up buildx, e.g. with docker/setup-buildx-action',
    cli: "install the buildx plugin: Docker's docker-buildx-plugin package, or a release of github.com/docker/buildx as ~/.docker/cli-plugins/docker-buildx"
  },
  'update-buildx': {
    action: 'update buildx, e.g. with docker/setup-buildx-action',
    cli: "update the buildx plugin: Docker's docker-buildx-plugin package, or a release of github.com/docker/buildx as ~/.docker/cli-plugins/docker-buildx"
  },
  'log-in': { action: 'docker login, or login-action in an earlier step', cli: 'docker login' },
  'multi-line-secret': {
    action:
      'a secret of several lines, such as a GCR key file, breaks the YAML when pasted in: write it as password: ${{ toJSON(secrets.NAME) }}',
    cli: 'a password of several lines goes in a block scalar (password: |) indented as a whole, or as one JSON string'
  },
  'ssh-agent': {
    action: 'start an agent, e.g. with webfactory/ssh-agent',
    cli: 'start an agent: eval "$(ssh-agent)" && ssh-add'
  }
} as const satisfies Record<string, Record<'action' | 'cli', string>>

/** Stands for the advice KEY, which each interface words its own way (see ADVICE). */
export const advice = (key: keyof typeof ADVICE): string => `\u0001?${key}\u0002`

/** The words of an advice marker's name (`?KEY`) in one interface; undefined for a name that is an input. */
export const adviceIn = (name: string, side: 'action' | 'cli'): string | undefined =>
  name.startsWith('?') ? ADVICE[name.slice(1) as keyof typeof ADVICE][side] : undefined

// eslint-disable-next-line no-control-regex -- the markers are control characters so that no value can hold them
const REF = /\u0001([a-z0-9,-]+(?:=[a-z]+)?|\?[a-z-]+)\u0002/g

/** Replaces every ref() in `text` with `term(names)`. */
export const renderInputRefs = (text: string, term: (names: string[]) => string): string =>
  text.replace(REF, (_, names: string) => term(names.split(',')))

/** How the action names inputs: `the "tags" input`, `the "username" and "password" inputs`. */
export const actionTerm = (names: string[]): string =>
  adviceIn(names[0], 'action') ??
  (names.length === 1 && names[0].includes('=')
    ? `set the "${names[0].split('=')[0]}" input to ${names[0].split('=')[1]}`
    : names.length === 1
      ? `the "${names[0]}" input`
      : `the ${names
          .map(n => `"${n}"`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' and $1')} inputs`)
