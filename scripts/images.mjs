// Removing the images a run left in a docker engine: every reference whose repository starts with one of
// the given prefixes, tagged ones by tag and untagged ones by digest (the containerd store keeps
// `repo@digest` for them). Used by `npm test` after each end-to-end step, by `npm run bench` at its end,
// and by the e2e helpers' removeImages.
import { spawn, spawnSync } from 'node:child_process'
import { request } from 'node:http'

/**
 * Deletions at once. On the containerd store each deletion waits for the store's garbage collection (0.5 s
 * with a few images, 2.5 s with 300), and deletions that overlap share one, so many go at once, over the
 * engine's API where it is a unix socket (no process each). Measured on the BuildKit engine, 200 images:
 * 52.7 s as 8 `docker image rm` of 10 references each, 15–18 s as 64 requests at once, 5.4–6.8 s as 200.
 */
const IN_FLIGHT = 256

/** Removers at once where the engine is not a unix socket: `docker image rm` of BATCH references each. */
const REMOVERS = 8
const BATCH = 10

/** A request to the engine may take this long: a deletion waits for the store's garbage collection. */
const REQUEST_MS = 120_000

/** `docker image ls` arguments whose lines imageRefs reads. */
export const IMAGE_LS_ARGS = [
  'image',
  'ls',
  '--digests',
  '--no-trunc',
  '--format',
  '{{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}'
]

/**
 * The references under `prefixes` in IMAGE_LS_ARGS's output, each with its image ID: a tagged image by tag,
 * an untagged one by digest (the containerd store keeps `repo@digest` for it).
 */
export function imageRefs(lsOutput, prefixes) {
  const refs = new Map()
  for (const line of lsOutput.split('\n')) {
    const [repo, tag, digest, id] = line.split('\t')
    if (!repo || repo === '<none>' || !prefixes.some(p => repo.startsWith(p))) continue
    if (tag && tag !== '<none>') refs.set(`${repo}:${tag}`, id)
    else if (digest && digest !== '<none>') refs.set(`${repo}@${digest}`, id)
  }
  return refs
}

/**
 * Passes of listing and removing: `docker image ls` shows an image once, under one of its names, so an
 * image pushed to two registries shows its second name only once the first is gone.
 */
const PASSES = 5

/**
 * Removes every reference under `prefixes` from the engine `env` names; resolves once all are gone. Their
 * untagged parents go with them (the classic builder's intermediate images: kept, they piled up on the
 * default engine by a hundred or more a run). So it runs where no build can be looking up a cached step
 * among those parents: after a test step, at the bench's end (and in the harness's test of it, on a base
 * of that test's own).
 */
export async function removeImagesUnder(prefixes, env = process.env) {
  if (!prefixes.length) return
  let tried = new Set()
  for (let pass = 0; pass < PASSES; pass++) {
    const ls = spawnSync('docker', IMAGE_LS_ARGS, { env, encoding: 'utf8', timeout: REQUEST_MS })
    const queue = [...imageRefs(ls.stdout ?? '', prefixes).keys()]
    // Done, or stuck: references the last pass tried and could not remove are not tried again.
    if (queue.every(ref => tried.has(ref))) return
    tried = new Set(queue)
    await removeAll(queue, env)
  }
}

/** Removes `refs` (forced, untagged parents with them); a reference that cannot go is left for the next pass. */
function removeAll(refs, env) {
  const socket = env.DOCKER_HOST?.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : ''
  if (socket) {
    const remover = () => {
      const ref = refs.shift()
      return ref ? deleteImage(socket, ref).then(remover) : Promise.resolve()
    }
    return Promise.all(Array.from({ length: Math.min(IN_FLIGHT, refs.length) }, remover))
  }
  const remover = () =>
    new Promise(resolve => {
      const batch = refs.splice(0, BATCH)
      if (!batch.length) return resolve()
      spawn('docker', ['image', 'rm', '-f', ...batch], { env, stdio: 'ignore', timeout: REQUEST_MS })
        .on('error', () => resolve())
        .on('close', () => resolve(remover()))
    })
  return Promise.all(Array.from({ length: REMOVERS }, remover))
}

/** `DELETE /images/{ref}?force=1` on the engine at `socket`: `docker image rm -f ref`; settles, never throws. */
function deleteImage(socket, ref) {
  return new Promise(resolve => {
    const req = request(
      {
        socketPath: socket,
        method: 'DELETE',
        path: `/images/${encodeURIComponent(ref)}?force=1`,
        agent: false
      },
      res => res.resume().on('end', resolve).on('error', resolve)
    )
    req.setTimeout(REQUEST_MS, () => req.destroy())
    req.on('error', resolve).end()
  })
}
