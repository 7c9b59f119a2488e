// The table's rows for the build: platforms, cache, attestations, secrets, the builder and the build
// sandbox, as build-push-action names and reads them. table.ts puts them after the other rows.
import type { Row } from './row.js'

export const BUILD_ROWS = {
  platforms: {
    kind: 'list',
    default: '',
    buildx: true,
    description:
      'buildx: target platforms, e.g. `linux/amd64,linux/arm64`. Several platforms are pushed as one index.',
    cli: {
      flag: 'platform',
      value: 'LIST',
      help: 'buildx platforms, e.g. linux/amd64,linux/arm64; repeatable'
    }
  },
  cacheFrom: {
    kind: 'lines',
    default: '',
    buildx: true,
    description:
      "buildx: cache sources, one spec per line (`type=registry,ref=…`, `type=gha`). A `type=gha` entry without `scope=` gets the image's own (with `-<target>` when `target` is set), so that images built in one workflow keep apart caches; the log says so once.",
    cli: { value: 'SPEC', help: 'buildx cache source; repeatable' }
  },
  cacheTo: {
    kind: 'lines',
    default: '',
    buildx: true,
    description:
      'buildx: cache destinations, one per line. An export that fails (the cache unreachable, refused, full) is a warning, not a failed build; a destination buildx cannot set up at all (a bad token, an unknown type) still fails it. A `type=gha` entry gets the scope `cache-from` gets, and `repository=` and `ghtoken=` (the `github-token`) as build-push-action adds them, unless given.',
    cli: { value: 'SPEC', help: 'buildx cache destination; repeatable' }
  },
  provenance: {
    kind: 'string',
    default: '',
    buildx: true,
    description:
      'buildx: `--provenance` (`true`, `false`, `mode=max`; booleans as buildx reads them: `1`, `0`, `t` …). In a workflow run the provenance names the run as its builder (`builder-id=<server>/<owner/repo>/actions/runs/<id>/attempts/<n>`, as build-push-action sets it) unless a `builder-id` is given. It takes precedence over a provenance entry in `attests`.',
    cli: { value: 'VALUE', help: 'buildx provenance attestation (true, false, mode=max)' }
  },
  sbom: {
    kind: 'string',
    default: '',
    buildx: true,
    description:
      'buildx: `--sbom`. With `sources`, nothing is built: `true` writes the SBOM files that the pushed image carries (`sbom-path`), which are not read otherwise.',
    cli: { value: 'VALUE', help: 'buildx SBOM attestation; with sources, true writes its files' }
  },
  secrets: {
    kind: 'lines',
    default: '',
    buildx: true,
    secret: true,
    untrimmed: true,
    description:
      'buildx: build secrets, one `id=value` per line, for `RUN --mount=type=secret,id=…`. Values are masked and kept as given, trailing whitespace and newlines included (quote a multi-line value whole: `"id=…"`). An empty value is left out with a warning, as build-push-action leaves it out.',
    cli: {
      flag: 'secret',
      value: 'ID=ENV',
      from: 'env',
      help: "a build secret whose value is read from the environment variable ENV, or docker's id=ID[,env=ENV|,src=FILE]; repeatable"
    }
  },
  secretFiles: {
    kind: 'lines',
    default: '',
    buildx: true,
    description:
      'buildx: build secrets from files, one `id=path` per line (a PEM key, any multi-line secret). Each file must exist.',
    cli: { flag: 'secret-file', value: 'ID=PATH', help: 'a build secret read from a file; repeatable' }
  },
  secretEnvs: {
    kind: 'list',
    default: '',
    buildx: true,
    description:
      'buildx: build secrets from environment variables, `id=ENVNAME`, separated by newlines and/or commas. Values are masked; an unset or empty variable gives an empty secret with a warning, as build-push-action passes it.',
    cli: {
      flag: 'secret-env',
      value: 'ID=ENV',
      help: 'a build secret read from an environment variable; repeatable'
    }
  },
  builder: {
    kind: 'string',
    default: '',
    buildx: true,
    description: 'buildx: builder name (setup-buildx-action, or `docker buildx create --driver remote …`).',
    cli: { value: 'NAME', help: 'buildx builder' }
  },
  addHosts: {
    kind: 'list',
    default: '',
    description:
      'Extra `/etc/hosts` entries for `RUN`, `host:ip`, separated by newlines and/or commas (`docker build --add-host`).',
    cli: { flag: 'add-host', value: 'HOST:IP', help: 'an /etc/hosts entry for RUN; repeatable' }
  },
  network: {
    kind: 'string',
    default: '',
    description:
      'Network mode for `RUN` (`default`, `none`, `host`; the classic builder also takes a network name).',
    cli: { value: 'MODE', help: 'network mode for RUN (default, none, host)' }
  },
  shmSize: {
    kind: 'string',
    default: '',
    description: 'Size of `/dev/shm` for `RUN`: bytes with an optional unit, e.g. `128m`, `1g`.',
    cli: { value: 'SIZE', help: 'size of /dev/shm for RUN, e.g. 128m' }
  },
  ulimit: {
    kind: 'lines',
    default: '',
    description: 'Ulimits for `RUN`, one `name=soft[:hard]` per line, e.g. `nofile=1024:2048`.',
    cli: { value: 'NAME=SOFT[:HARD]', help: 'a ulimit for RUN; repeatable' }
  },
  cgroupParent: {
    kind: 'string',
    default: '',
    description: 'Parent cgroup for `RUN` (`docker build --cgroup-parent`).',
    cli: { value: 'PATH', help: 'parent cgroup for RUN' }
  },
  allow: {
    kind: 'list',
    default: '',
    buildx: true,
    description:
      'buildx: extra privileged entitlements, e.g. `network.host`, `security.insecure` (the builder must allow them too).',
    cli: { value: 'ENTITLEMENT', help: 'buildx entitlement, e.g. network.host; repeatable' }
  },
  buildContexts: {
    kind: 'lines',
    default: '',
    buildx: true,
    description:
      'buildx: named contexts for `FROM name` and `COPY --from=name`, one `name=source` per line; the source is a path, a git or https URL, `docker-image://ref` or `oci-layout://path`.',
    cli: { flag: 'build-context', value: 'NAME=SRC', help: 'buildx named build context; repeatable' }
  },
  ssh: {
    kind: 'list',
    default: '',
    buildx: true,
    description:
      'buildx: SSH agent sockets or keys for `RUN --mount=type=ssh`: `default` (the agent at `SSH_AUTH_SOCK`) or `id=path`.',
    cli: { value: 'default|ID=PATH', help: 'buildx SSH agent or key for RUN; repeatable' }
  },
  githubToken: {
    kind: 'string',
    default: '${{ github.token }}',
    secret: true,
    description:
      "Token for GitHub: BuildKit fetches git contexts on the GitHub host with it (`{{defaultContext}}`, as a `GIT_AUTH_TOKEN.<host>` build secret), and the OCI labels read the repository's title, description, URL and license from the API at `GITHUB_API_URL`. Masked; never in the log, and in argv only as a `type=gha` cache export's `ghtoken=`, as build-push-action passes it.",
    cli: {
      flag: 'github-token-env',
      value: 'VAR',
      from: 'env-name',
      help: 'environment variable holding the token for git contexts on GitHub (default GITHUB_TOKEN)'
    }
  },
  annotations: {
    kind: 'lines',
    default: '',
    comments: true,
    buildx: true,
    description:
      "buildx: OCI annotations, one `key=value` per line, with an optional `index:`, `manifest:`, `manifest-descriptor:` or `index-descriptor:` level prefix. As with buildx, a prefix may name several levels (`index,manifest:`), each optionally for one platform (`manifest[linux/amd64]:`). Without a prefix they join the automatic OCI annotations at each of their levels and override them, as metadata-action's do; with one, at that level. Expressions are rendered, and any other `{{…}}` kept as written, as in `labels`. With `sources`, `index:` (or unprefixed) annotations go on the merged index.",
    cli: { flag: 'annotation', value: '[LEVEL[,LEVEL…]:]K=V', help: 'buildx OCI annotation; repeatable' }
  },
  attests: {
    kind: 'lines',
    default: '',
    buildx: true,
    description:
      'buildx: attestations, one `type=sbom` or `type=provenance,…` per line (`--attest`). A provenance entry gets the run as its builder as `provenance` does; `provenance` and `sbom`, when set, take precedence over an entry of their type.',
    cli: { flag: 'attest', value: 'SPEC', help: 'buildx attestation, e.g. type=sbom; repeatable' }
  },
  noCacheFilters: {
    kind: 'list',
    default: '',
    buildx: true,
    description: 'buildx: stages to build without cache, separated by newlines and/or commas.',
    cli: { flag: 'no-cache-filter', value: 'STAGE', help: 'buildx stage to build without cache; repeatable' }
  },
  call: {
    kind: 'string',
    default: '',
    buildx: true,
    description:
      'buildx 0.15 or later: what the build evaluates: `build` (the default), `check` (Dockerfile checks, findings as annotations), `outline` or `targets`. Anything but `build` pushes nothing.',
    cli: { value: 'METHOD', help: 'buildx 0.15+: build, check, outline or targets' }
  }
} as const satisfies Record<string, Row>
