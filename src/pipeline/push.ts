// Phase 3: the push. docker pushes the layers once, under the first tag; the other tags are the same
// manifest, put through the registry API, which re-uploads nothing and costs a request, not a process.
import { pushedDigests, type Docker, type ImageInfo } from '../docker/docker.js'
import type { Inputs } from '../inputs/parse.js'
import type { Manifest, RegistryClient } from '../registry/api.js'
import type { Reporter } from '../log/reporter.js'
import { allOrStop } from '../core/limiter.js'
import { retry } from '../core/retry.js'
import { messageOf } from '../core/text.js'
import { inspectBuilt, PUSH_RETRY_WINDOW_MS, type Built } from './build.js'
import { withHint } from './hints.js'
import { retrying, type Plan, type Target } from './plan.js'
import { isBuilt, VerificationError } from './verify.js'

export interface Pushed {
  /** The digests docker (or buildx) says it pushed; empty when it did not say. */
  digests: string[]
  image?: ImageInfo
}

/**
 * Pushes to every target at once. With docker, each target's first tag goes up with `docker push` and
 * the rest through its registry's API; the local image is inspected once, beside the pushes.
 */
export async function push(
  inputs: Inputs,
  plan: Plan,
  built: Built,
  deps: {
    docker: Docker
    clients: Map<string, RegistryClient>
    reporter: Reporter
    sleep?: (ms: number) => Promise<void>
    /** The run's cancel (runCancelled when absent): it ends a wait between attempts. */
    cancelled?: AbortSignal
  }
): Promise<Pushed> {
  if (plan.pushedBy === 'buildx') {
    // buildx pushed every platform and tag itself, and says what in its metadata file.
    const digest = built.metadata['containerimage.digest']
    return { digests: typeof digest === 'string' && digest ? [digest] : [] }
  }
  const { docker } = deps
  // The inspect (image ID, size, platform) runs beside the push, off the critical path.
  const inspecting = inspectBuilt(docker, built, plan.build.refs)
  inspecting.catch(() => undefined)
  // The push's stall bound and ceiling grow with the image's size, known once the inspect answers.
  const size = inspecting.then(
    image => image.size,
    () => undefined
  )
  // One target failing stops the others' pushes and fallbacks, and the phase ends only once every push has:
  // nothing of the run goes on writing to a registry after its error line.
  const perTarget = await allOrStop(
    plan.targets.map(
      target => (signal: AbortSignal) =>
        pushTarget(inputs, target, built, size, inspecting, {
          ...deps,
          client: deps.clients.get(target.registry)!,
          signal
        })
    )
  )
  return { digests: [...new Set(perTarget.flat())], image: await inspecting }
}

async function pushTarget(
  inputs: Inputs,
  target: Target,
  built: Built,
  size: Promise<number | undefined>,
  inspecting: Promise<ImageInfo>,
  deps: {
    docker: Docker
    client: RegistryClient
    reporter: Reporter
    sleep?: (ms: number) => Promise<void>
    cancelled?: AbortSignal
    /** Aborted once another target failed. */
    signal: AbortSignal
  }
): Promise<string[]> {
  const { docker, client, reporter, signal } = deps
  const refs = target.refs
  const hint = withHint(inputs, target)
  const pushDocker = (ref: string): Promise<string> => {
    const retries = retrying(`push of ${ref}`, inputs.retries, reporter, deps.sleep, deps.cancelled)
    return retry(() => docker.push(ref, size, signal), {
      ...retries,
      maxElapsedMs: PUSH_RETRY_WINDOW_MS,
      windowFromFailure: true,
      // Another target's failure, or the run's cancel, ends a wait between attempts.
      signal: AbortSignal.any([signal, retries.signal!])
    }).catch(hint)
  }

  const reported = await pushDocker(refs[0]).catch(async error => {
    throw await movedDuringPush(docker, built, refs[0], error)
  })
  let digests = reported ? [reported] : pushedDigests((await inspecting).repoDigests, target.repository)
  if (refs.length > 1) {
    signal.throwIfAborted()
    const tagged =
      digests.length === 1 && (await tagByApi(client, target, digests[0], built.identity, reporter))
    // The registry API may have failed only because the step is ending: no docker push after that.
    signal.throwIfAborted()
    if (!tagged) for (const ref of refs.slice(1)) digests.push(await pushDocker(ref))
    digests = [...new Set(digests.filter(Boolean))]
  }
  return digests
}

/**
 * A push that failed because another build took the tag meanwhile (the containerd store then pushes an
 * index whose manifests it never uploaded, and the registry refuses it) says so: the tag no longer names
 * this run's image. Any other failure is passed on as it is.
 */
async function movedDuringPush(docker: Docker, built: Built, ref: string, error: unknown): Promise<unknown> {
  const now = await docker.inspect(ref).catch(() => undefined)
  if (!now || built.identity.includes(now.id)) return error
  return new VerificationError(
    `another build moved the tag ${ref} on this docker engine during the push (${messageOf(error)}); nothing of this run's image is verified`
  )
}

/**
 * Puts the manifest docker just pushed (fetched by digest, so its bytes are checked) under the other tags,
 * once it is known to be this run's image: another run on the engine may have moved the first tag before
 * docker pushed it, and its image must not land under tags only this run names. False when the registry
 * API refuses: the caller then falls back to `docker push` for those tags.
 */
async function tagByApi(
  client: RegistryClient,
  target: Target,
  digest: string,
  identity: string[],
  reporter: Reporter
): Promise<boolean> {
  const tags = target.tags.slice(1)
  let manifest: Manifest
  try {
    manifest = await client.getManifest(target.name, digest)
  } catch (error) {
    reporter.info(
      `The registry API did not answer for ${digest} (${messageOf(error)}); pushing the other tags with docker`
    )
    return false
  }
  if (!isBuilt(manifest, identity))
    throw new VerificationError(
      `docker pushed ${target.refs[0]} as ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag on this docker engine before the push; ${tags.join(', ')} left as they were, nothing of this run's image is verified`
    )
  try {
    await Promise.all(
      tags.map(tag => client.putManifest(target.name, tag, manifest.body, manifest.mediaType))
    )
    reporter.info(`Tagged ${tags.join(', ')} on ${target.repository} through the registry API (no re-upload)`)
    return true
  } catch (error) {
    reporter.info(
      `The registry API did not take the extra tags (${messageOf(error)}); pushing them with docker`
    )
    return false
  }
}
