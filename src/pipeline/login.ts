// The login phase: every registry-auth login through `docker login`, one after another, each checked to
// have landed in the run's DOCKER_CONFIG.
//
// One after another because `docker login` reads config.json, changes its entry and writes the file whole:
// two at once lose one of the logins, and the loss shows only later as a refused push. We keep docker
// writing the file, rather than writing it ourselves, because docker login first checks the credentials
// with the registry (a wrong password fails here, in docker's words) and stores what the registry hands
// back (an identity token instead of the password where the registry issues one); the seeded config pins
// each login host to the file store (docker-config.ts), so no credsStore or helper takes the login away
// from the file that dies with the run. A login takes well under a second: the cost of the order is small.
import { credentialsFromDockerConfig } from '../docker/credentials.js'
import type { Docker } from '../docker/docker.js'
import type { Inputs } from '../inputs/parse.js'
import type { Reporter } from '../log/reporter.js'
import { ClassifiedError, retry } from '../core/retry.js'
import { loginHost, withHint } from './hints.js'
import { retrying } from './plan.js'
import type { Logins } from './cloud-logins.js'

/** docker's placeholder user for a login stored as an identity token. */
const TOKEN_USER = '<token>'

export interface LoginDeps {
  docker: Docker
  reporter: Reporter
  /** The run's DOCKER_CONFIG, where each login must be found afterwards. */
  dockerConfig?: string
  sleep?: (ms: number) => Promise<void>
  /** Turns a login into what `docker login` gets: itself, or a cloud login's token (logins.ts). */
  logins?: Pick<Logins, 'resolve'>
  /** The run's cancel (runCancelled when absent): it ends a wait between attempts. */
  cancelled?: AbortSignal
}

export async function logIn(inputs: Inputs, deps: LoginDeps): Promise<void> {
  const { docker, reporter } = deps
  const users = new Map<string, string>()
  for (const login of inputs.logins) {
    const { username, password } = deps.logins ? await deps.logins.resolve(login) : login
    await retry(
      () => docker.login(loginHost(login.registry), username, password),
      retrying(`login to ${login.registry}`, inputs.retries, reporter, deps.sleep, deps.cancelled)
    ).catch(withHint(inputs, { registry: login.registry, repository: login.registry }))
    reporter.info(`Logged in to ${login.registry} as ${username}`)
    users.set(login.registry, username)
  }
  if (deps.dockerConfig) await checkLanded(inputs, deps.dockerConfig, users)
}

/**
 * Each login is found in the config, read afresh, the way the registry client will look it up. Whatever
 * rewrote the file in between, the error says so instead of blaming the credentials.
 */
async function checkLanded(inputs: Inputs, dockerConfig: string, users: Map<string, string>): Promise<void> {
  // Helpers are never run: the login hosts are pinned to the file store.
  const lookup = credentialsFromDockerConfig(dockerConfig, () => Promise.reject(new Error('not found')))
  for (const login of inputs.logins) {
    const found = await lookup(login.registry)
    if (found && (found.username === users.get(login.registry) || found.username === TOKEN_USER)) continue
    throw new ClassifiedError(
      `docker login to ${login.registry} succeeded, but ${dockerConfig}/config.json no longer holds that login: something else rewrote the file during the step`,
      'fatal'
    )
  }
}
