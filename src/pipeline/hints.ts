// What the user can do about a failure, added to its one error line in the words of the interface in use.
import type { Inputs } from '../inputs/parse.js'
import { ref } from '../inputs/parse.js'
import { advice } from '../core/input-ref.js'
import { isDockerHub } from '../core/reference.js'
import { ClassifiedError, isBuildStepFailure, kindOf } from '../core/retry.js'
import { messageOf } from '../core/text.js'

/** Says where to look: auth failures are never retried, and some docker errors hide their cause. */
export function withHint(
  inputs: Inputs,
  /** The image the failure concerns, when the run has several. */
  target?: { registry: string; repository: string }
): (error: unknown) => never {
  const registry = target?.registry ?? inputs.registry
  const where = target?.repository ?? `${inputs.registry}/${inputs.image}`
  return error => {
    // A failed build step printed whatever it printed: its words are not docker's, and get no hint.
    if (isBuildStepFailure(error)) throw error
    const kind = kindOf(error)
    const message = messageOf(error)
    if (kind === 'auth') {
      const entry = inputs.logins.find(l => l.registry === registry)
      const login = entry !== undefined || (inputs.username !== '' && registry === inputs.registry)
      // A login for a registry nothing is pushed to is there for the build's pulls (base images).
      const pushed = inputs.targets.some(t => t.registry === registry)
      const access = pushed ? `push to ${where}` : `pull from ${registry}`
      // An ECR login without a key comes from the environment's AWS credentials, not from the inputs.
      const fromEnv = entry?.cloud?.kind.startsWith('ecr') === true && entry.username === ''
      const names = inputs.registryAuth ? ['registry-auth'] : ['username', 'password']
      const what = fromEnv
        ? 'the AWS credentials in the environment are'
        : `${ref(...names)} ${names.length > 1 ? 'are' : 'is'}`
      const hint = login
        ? `check that ${what} right and may ${access}`
        : inputs.targets.length > 1 || inputs.registryAuth
          ? `give ${registry} a login in ${ref('registry-auth')}, or log in to it beforehand (${advice('log-in')})`
          : `set ${ref('username', 'password')}, or log in to ${registry} beforehand (${advice('log-in')})`
      throw new ClassifiedError(`${message} (${hint})`, kind)
    }
    // Our grammar takes [::1]:5000, as newer engines do; older ones (20.10) reject it with a bare message.
    if (registry.startsWith('[') && /invalid reference format/i.test(message))
      throw new ClassifiedError(
        `${message} (this docker engine does not accept an IPv6 address in an image reference; 20.10 does not, 26.1 does: give the registry a host name, e.g. in /etc/hosts, or use a newer engine)`,
        kind
      )
    // buildx's docker driver pushes through the daemon, which speaks HTTPS to whatever it holds secure.
    if (/server gave HTTP response to HTTPS client/i.test(message))
      throw new ClassifiedError(
        `${message} (the docker engine holds ${registry} secure: list it in "insecure-registries" in the engine's daemon.json${registry.startsWith('[') ? '; the default list covers 127.0.0.0/8 but not ::1' : ''})`,
        kind
      )
    throw error
  }
}

/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
export const loginHost = (registry: string): string | undefined =>
  isDockerHub(registry) ? undefined : registry
