// Every input, once. This table drives the action's parser (parse.ts), the CLI's flags, usage and --help
// (cli/main.ts), the test fixture, and the generated parts of action.yml and the docs. Adding an input is one
// row here (or in build-rows.ts for a build option) plus the code that uses it, and its place in groups.ts.
import { BUILD_ROWS } from './build-rows.js'
import type { Kind, Row } from './row.js'

export type { CliSpec, Kind, Row } from './row.js'

export const INPUTS = {
  context: {
    kind: 'string',
    default: '.',
    description:
      'Build context: a directory, or a git URL that docker build accepts (`https://github.com/o/r.git#branch:subdir`).',
    cli: { value: 'DIR|URL', help: 'build context: a directory or a git URL (default .)' }
  },
  sources: {
    kind: 'lines',
    default: '',
    comments: true,
    description:
      'Images already built, one per line; nothing is built. In a registry: a bare tag or `sha256:…` is on `image`, `repo:tag` and `repo@digest` on `registry`, or give a full reference with its host; a trailing `*` takes every tag with that prefix. On this machine: `docker-daemon:<ref or image ID>`, `oci:<dir>[:<ref>]`, `oci-archive:<file>[:<ref>]`, `docker-archive:<file>[:<ref>]` (the last three need no docker engine). One source is copied byte for byte to every tag (promote); several are merged into one index ([multi-platform runners](#sources-merge-and-promote-without-a-build)).',
    cli: {
      flag: 'source',
      value: 'REF',
      help: 'an image to promote or merge instead of building (a registry reference, or docker-daemon:, oci:, oci-archive:, docker-archive:); repeatable'
    }
  },
  file: {
    kind: 'string',
    default: '',
    description:
      'Dockerfile path: with a directory context, relative to the working directory (as `docker build -f` takes it); with a git context, inside the context (`Dockerfile` for `…#main:app`, not `app/Dockerfile`). Empty means `Dockerfile` in the context.',
    cli: { value: 'PATH', help: 'Dockerfile (default: Dockerfile in the context)' }
  },
  image: {
    kind: 'string',
    default: '',
    description:
      "Repository path such as `my/nginx` or `${{ github.repository }}`, under `registry`. Needed to push or to tag by rules, unless `images`, full references in `tags` or an image output's `name=` say where; left empty, a word in `tags` names an image as in build-push-action (`myapp` is `docker.io/myapp:latest`, said in a notice), and a build that pushes nothing (`push: false`, files exported) needs no name. Uppercase is lowercased with a notice. A tag, digest or host in it is an error.",
    cli: {
      value: 'PATH',
      help: 'repository path, e.g. my/app (needed to push, unless --images, full references in --tag or an --output name=)'
    }
  },
  registry: {
    kind: 'string',
    default: 'docker.io',
    description: 'Registry `host[:port]`: `ghcr.io`, `localhost:5000`, `[::1]:5000`.',
    cli: { value: 'HOST', help: 'registry host[:port] (default docker.io), e.g. localhost:5000' }
  },
  images: {
    kind: 'lines',
    default: '',
    comments: true,
    description:
      'Full image names, one per line, as metadata-action takes them (`ghcr.io/octo/app`, or `name=docker.io/octo/app,enable=false`). Instead of `registry` + `image`: every tag goes to every image, and each registry must serve the one digest.',
    cli: {
      flag: 'images',
      value: 'NAME',
      help: 'a full image name (host/path); repeat for several registries'
    }
  },
  registryAuth: {
    kind: 'string',
    default: '',
    secret: true,
    description:
      "Logins, one per registry, as login-action's YAML list (read with js-yaml, as login-action reads it): `- registry: ghcr.io` / `username: …` / `password: …`; login-action's `ecr` and `scope` keys are accepted. Passwords are masked before anything else runs and go to `docker login` on stdin. For several registries; `username`/`password` stay for one.",
    cli: {
      flag: 'registry-auth-file',
      value: 'PATH',
      from: 'file',
      help: 'a file with the registry-auth list (YAML), kept out of argv'
    }
  },
  tags: {
    kind: 'lines',
    default: '',
    keepQuotes: true,
    description:
      "Bare tags (newline and/or comma separated), metadata-action's rules (one `type=…` line each, CSV, quoted fields allowed; [table](#tag-rules)), or full references such as `ghcr.io/octo/app:1.0` instead of `image` (each image gets exactly the tags named for it, as build-push-action pushes them; `registry` may stay, as login-action's, where they all go to it). With `image` and `images` empty every word is a reference, as build-push-action reads it: `myapp` is `docker.io/myapp:latest`. Empty derives them from the git context ([table](#automatic-tags-and-labels)).",
    cli: {
      flag: 'tag',
      value: 'TAG',
      help: 'a tag, a type=… rule or a full reference; repeat for more (default: latest, or from the git context in Actions)'
    }
  },
  flavor: {
    kind: 'lines',
    default: '',
    description:
      "metadata-action's flavor for the rules, one entry per line: `latest=auto` (or `true`, `false`), `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]`.",
    cli: { value: 'SPEC', help: 'tag rules flavor (latest=auto|true|false, prefix=…, suffix=…); repeatable' }
  },
  sepTags: {
    kind: 'string',
    default: '',
    untrimmed: true,
    description: 'Separator of the `tags` output. Empty means a newline.',
    cli: { value: 'SEP', help: 'separator of the tags output (default newline)' }
  },
  sepLabels: {
    kind: 'string',
    default: '',
    untrimmed: true,
    description: 'Separator of the `labels` output. Empty means a newline.',
    cli: { value: 'SEP', help: 'separator of the labels output (default newline)' }
  },
  sepAnnotations: {
    kind: 'string',
    default: '',
    untrimmed: true,
    description: 'Separator of the `annotations` output. Empty means a newline.',
    cli: { value: 'SEP', help: 'separator of the annotations output (default newline)' }
  },
  buildArgs: {
    kind: 'key-value',
    bareKeys: true,
    default: '',
    description:
      "One `KEY=VALUE` per line; values may contain commas and `=`. A `KEY` alone takes the variable's value from the build's environment, as docker does (left out when unset); the build's environment has this run's `DOCKER_METADATA_OUTPUT_*`, so `DOCKER_METADATA_OUTPUT_VERSION` alone passes this run's version.",
    cli: {
      flag: 'build-arg',
      value: 'K[=V]',
      help: 'a build argument, K alone from the environment; repeatable'
    }
  },
  labels: {
    kind: 'key-value',
    default: '',
    comments: true,
    description:
      "One `KEY=VALUE` per line. They override the automatic OCI labels. Expressions such as `{{branch}}` or `{{date 'YYYYMMDD'}}` are rendered, as in the tag rules (`\\{{` keeps the braces); any other `{{…}}`, such as a Helm template in a repository description that metadata-action's `labels` output passes on, stays as written, with a notice.",
    cli: { flag: 'label', value: 'K=V', help: 'an image label; repeatable' }
  },
  target: {
    kind: 'string',
    default: '',
    description: 'Build stage to stop at.',
    cli: { value: 'STAGE', help: 'build stage to stop at' }
  },
  push: {
    kind: 'boolean',
    default: 'true',
    unsetInAction: true,
    description:
      'Push. With `false` the image is only built and tagged. Not given, it is `true`; beside `outputs`, which then decide, only a `true` given outright also pushes, as build-push-action adds `--push`.',
    cli: { help: 'build and tag only', onHelp: 'push, beside an --output that exports files too' }
  },
  load: {
    kind: 'boolean',
    default: 'false',
    description:
      'Also load the image into the local image store (buildx `--load`). With buildx the image is pushed straight from BuildKit, so without `load` it may not be in the local store (the `docker` driver keeps it anyway). The classic engine always keeps it.',
    cli: { help: 'buildx: also load the image into the local image store' }
  },
  outputs: {
    kind: 'lines',
    default: '',
    buildx: true,
    keepQuotes: true,
    description:
      "buildx: `--output` specs, one per line (`type=local,dest=out`, `type=oci,dest=img.tar`, `type=registry`), quotes kept for buildx's own CSV reader (`type=image,\"name=a:1,a:2\",push=true`). When set they decide where the result goes: an output that only exports files pushes nothing and yields no digest, unless `push: true` is given outright (build-push-action's `--push`). With no `image`, `images` or references in `tags`, an image, registry or docker output's `name=` names the targets. With `push-by-digest=true` (docker's multi-runner recipe) nothing is tagged: buildx gets each image's name without a tag (or the output's `name=` alone), `digest` is verified at name@digest on each, and `tags` is empty; buildx's docker driver cannot do it (an input error). On that driver, outputs that load and push one image (`type=docker` beside `push: true`, `type=registry` beside `load: true`) load it once and `docker push` it, as `load` with `push` does.",
    cli: { flag: 'output', value: 'SPEC', help: 'buildx output spec (type=local,dest=DIR, …); repeatable' }
  },
  noCache: {
    kind: 'boolean',
    default: 'false',
    description: 'Build without cache.',
    cli: { help: 'build without cache' }
  },
  pull: {
    kind: 'boolean',
    default: 'false',
    description: 'Always pull newer base images.',
    cli: { help: 'always pull base images' }
  },
  username: {
    kind: 'string',
    default: '',
    description: 'Registry username. With `password`, logs in before the build.',
    cli: { value: 'USER', help: 'registry user; the password is read from stdin (--password-stdin)' }
  },
  password: {
    kind: 'string',
    default: '',
    secret: true,
    description:
      'Registry password or token: on stdin only, masked. Surrounding whitespace is trimmed, as docker trims it.',
    cli: { flag: 'password-stdin', from: 'stdin', help: 'read the registry password from stdin' }
  },
  ecr: {
    kind: 'choice',
    default: 'auto',
    choices: ['auto', 'true', 'false'],
    description:
      "Whether `registry` is AWS ECR, as login-action's `ecr`: `auto` detects it from the host (`<account>.dkr.ecr.<region>.amazonaws.com` and its other forms, `public.ecr.aws`). An ECR login comes from `GetAuthorizationToken` with the AWS credentials and region in the environment; `username`/`password` are then an access key id and its secret. In `registry-auth`, each entry has its own `ecr` key.",
    cli: { value: 'auto|true|false', help: 'whether the registry is AWS ECR (default auto: from the host)' }
  },
  keepLogin: {
    kind: 'boolean',
    default: 'false',
    unsetInAction: true,
    description:
      "Keep the logins for the job's later steps (`docker`, `cosign`, `crane`, `actions/attest` …), as login-action does: static `auths` entries in the job's docker config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), used for those registries even where the config names a `credsStore`. The post step removes exactly those entries and puts back what was there before. With `false` nothing of the login outlives this step.",
    cli: { help: 'not for the CLI: it has no post step to remove the login' }
  },
  logout: {
    kind: 'boolean',
    default: 'true',
    description:
      "login-action's `logout`, for workflows moving from it: `false` keeps the logins for the job's later steps, as `keep-login: true` does, and the post step still removes them when the job ends (login-action leaves them on a self-hosted runner). `true` asks for nothing more: the logins are gone at the job's end either way. `false` beside `keep-login: false` is an error."
  },
  declareArtifacts: {
    kind: 'boolean',
    default: 'true',
    description:
      "Declare each pushed image to the runner as `oci://<image-name>@<digest>` in `GITHUB_ARTIFACTS` (where the runner offers it), for `actions/attest` without `subject-name`. Turn it off when another step declares the same names, or to give attest's `push-to-registry` one subject of several targets through `subject-name`.",
    cli: { flag: 'no-artifacts', help: 'do not append the pushed images to $GITHUB_ARTIFACTS' }
  },
  retries: {
    kind: 'number',
    default: '3',
    min: 1,
    max: 10,
    description: 'Total attempts (1-10) for pushes, login and verification requests that fail transiently.',
    cli: { value: 'N', help: 'attempts for transient failures, 1-10 (default 3)' }
  },
  ...BUILD_ROWS
} as const satisfies Record<string, Row>

export type InputKey = keyof typeof INPUTS

interface KindValue {
  string: string
  boolean: boolean
  list: string[]
  lines: string[]
  'key-value': string[]
  number: number
  choice: string
}

/** The validated value of every input, typed by its kind. */
export type InputValues = { -readonly [K in InputKey]: KindValue[(typeof INPUTS)[K]['kind']] }

/** `buildArgs` → `build-args`: the action.yml name of a table key. */
export const inputName = (key: string): string => key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)

export const ROWS: [InputKey, Row][] = Object.entries(INPUTS) as [InputKey, Row][]

/** Kinds whose CLI flag may be repeated, each occurrence one entry. */
export const isListKind = (kind: Kind): boolean => kind === 'list' || kind === 'lines' || kind === 'key-value'

/** The CLI flag name (no dashes) of a row. */
export function flagName(key: InputKey): string {
  const row: Row = INPUTS[key]
  if (row.cli?.flag) return row.cli.flag
  if (row.kind === 'boolean' && row.default === 'true') return `no-${inputName(key)}`
  return inputName(key)
}

/** The row for an action.yml name, if there is one. */
export function rowByName(name: string): [InputKey, Row] | undefined {
  return ROWS.find(([key]) => inputName(key) === name)
}

export { actionTerm, ref, renderInputRefs, setting } from '../core/input-ref.js'
