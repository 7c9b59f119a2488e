// Removing the images a run left in a docker engine: every reference whose repository starts with one of
// the given prefixes, tagged ones by tag and untagged ones by digest (the containerd store keeps
// `repo@digest` for them). Used by `npm test` after each end-to-end step, by `npm run bench` at its end,
// and by the e2e helpers' removeImages.
import { spawn, spawnSync } from 'node:child_process'

/**
 * Deletions at once: on the containerd store each deletion waits for the store's garbage collection
 * (0.5 s with a few images, 2.5 s with 300), and deletions that overlap share one.
 */
const REMOVERS = 8

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
    const ls = spawnSync('docker', IMAGE_LS_ARGS, { env, encoding: 'utf8' })
    const queue = [...imageRefs(ls.stdout ?? '', prefixes).keys()]
    // Done, or stuck: references the last pass tried and could not remove are not tried again.
    if (queue.every(ref => tried.has(ref))) return
    tried = new Set(queue)
    const remover = () =>
      new Promise(resolve => {
        const batch = queue.splice(0, 10)
        if (!batch.length) return resolve()
        spawn('docker', ['image', 'rm', '-f', ...batch], { env, stdio: 'ignore' })
          .on('error', () => resolve())
          .on('close', () => resolve(remover()))
      })
    await Promise.all(Array.from({ length: REMOVERS }, remover))
  }
}
