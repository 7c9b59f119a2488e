// Removing the images a run left in a docker engine: every reference whose repository starts with one of
// the given prefixes, tagged ones by tag and untagged ones by digest (the containerd store keeps
// `repo@digest` for them), as __tests__/helpers/docker.ts's removeImages does. Used by `npm test` after
// each end-to-end step and by `npm run bench` at its end.
import { spawn, spawnSync } from 'node:child_process'

/**
 * Deletions at once: on the containerd store each deletion waits for the store's garbage collection
 * (0.5 s with a few images, 2.5 s with 300), and deletions that overlap share one.
 */
const REMOVERS = 8

/** Removes every reference under `prefixes` from the engine `env` names; resolves once all are gone. */
export function removeImagesUnder(prefixes, env = process.env) {
  if (!prefixes.length) return Promise.resolve()
  const ls = spawnSync(
    'docker',
    ['image', 'ls', '--digests', '--format', '{{.Repository}}\t{{.Tag}}\t{{.Digest}}'],
    { env, encoding: 'utf8' }
  )
  const refs = new Set()
  for (const line of (ls.stdout ?? '').split('\n')) {
    const [repo, tag, digest] = line.split('\t')
    if (!repo || repo === '<none>' || !prefixes.some(p => repo.startsWith(p))) continue
    if (tag && tag !== '<none>') refs.add(`${repo}:${tag}`)
    else if (digest && digest !== '<none>') refs.add(`${repo}@${digest}`)
  }
  const queue = [...refs]
  const remover = () =>
    new Promise(resolve => {
      const batch = queue.splice(0, 10)
      if (!batch.length) return resolve()
      spawn('docker', ['image', 'rm', '-f', '--no-prune', ...batch], { env, stdio: 'ignore' })
        .on('error', () => resolve())
        .on('close', () => resolve(remover()))
    })
  return Promise.all(Array.from({ length: REMOVERS }, remover)).then(() => undefined)
}
