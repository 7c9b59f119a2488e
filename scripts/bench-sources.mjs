// The `sources` section of `npm run bench`: a merge within one registry moves no blob bytes
// (read from the action's own `metadata` output), and promoting an index across registries costs at most
// 1.1× `skopeo copy --all` of the same index, side by side, each platform with a fresh random layer.
// Needs buildx (the BuildKit engine) for the two single-platform legs; FROM scratch, so no emulation.
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { freshContext, inTurn, median, ratio, round1, run, runAsRunner, startRegistry } from './bench-lib.mjs'

/**
 * `ctx`: { node, action, baseEnv, work, rounds, mb, log }, from scripts/bench.mjs. Returns the section's
 * results.
 */
export async function benchSources(ctx) {
  const { node, action, baseEnv, work, rounds, mb, log } = ctx
  const source = await startRegistry(path.join(work, 'sources-src'))
  // skopeo remembers where it has seen a blob (its blob info cache, /var/lib/containers/cache as root) and
  // mounts from there: each side and round gets a registry of its own, so that every blob really crosses.
  let registries = 0
  const freshTarget = () => startRegistry(path.join(work, `sources-dst-${++registries}`))
  let seq = 0
  const runAction = inputs => {
    const env = { ...baseEnv }
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
    return runAsRunner({ node, action, env, dir: path.join(work, `sources-run-${++seq}`) })
  }
  try {
    // Two legs, each its own fresh layer, as two runners would push them.
    for (const arch of ['amd64', 'arm64']) {
      const dir = freshContext(path.join(work, `sources-ctx-${arch}`), mb)
      await runAction({
        context: dir,
        image: 'bench/legs',
        registry: source.host,
        tags: `build-1-${arch}`,
        platforms: `linux/${arch}`,
        provenance: 'false'
      })
      rmSync(dir, { recursive: true, force: true })
    }
    const merged = await runAction({
      image: 'bench/legs',
      registry: source.host,
      sources: 'build-1-*',
      tags: 'v1'
    })
    log(`sources: merged ${merged.outputs.digest}, blob bytes moved ${merged.metadata.counts.blobBytes}`)

    const ours = []
    const skopeo = []
    let copied
    let durations
    const from = `${source.host}/bench/legs:v1`
    for (let i = 0; i < rounds; i++) {
      const [ta, tb] = await Promise.all([freshTarget(), freshTarget()])
      const a = async () => {
        const r = await runAction({
          image: `bench/ours-${i}`,
          registry: ta.host,
          sources: from,
          tags: 'v1'
        })
        if (r.outputs.digest !== merged.outputs.digest) throw new Error('the promotion changed the digest')
        copied = r.metadata.counts
        durations = r.metadata.durations
        return r.ms
      }
      const b = async () => {
        const args = ['copy', '--all', '--src-tls-verify=false', '--dest-tls-verify=false']
        const r = await run('skopeo', [
          ...args,
          `docker://${from}`,
          `docker://${tb.host}/bench/skopeo-${i}:v1`
        ])
        if (r.code !== 0) throw new Error(`skopeo copy failed: ${r.err}`)
        return r.ms
      }
      const [ra, rb] = await inTurn(i, a, b)
      ta.stop()
      tb.stop()
      for (const k of [registries - 1, registries])
        rmSync(path.join(work, `sources-dst-${k}`), { recursive: true, force: true })
      ours.push(ra)
      skopeo.push(rb)
      log(
        `sources round ${i + 1}: promote ${ra.toFixed(0)} ms (phases ${JSON.stringify(durations)}), skopeo copy --all ${rb.toFixed(0)} ms`
      )
    }
    return {
      mb,
      mergeBlobBytes: merged.metadata.counts.blobBytes,
      mergeRegistryRequests: merged.metadata.counts.registry,
      promote: {
        actionMedianMs: round1(median(ours)),
        skopeoMedianMs: round1(median(skopeo)),
        ratio: ratio(median(ours), median(skopeo)),
        medianPairedRatio: ratio(median(ours.map((x, i) => x / skopeo[i])), 1),
        blobBytes: copied.blobBytes,
        target: 1.1,
        samples: { action: ours.map(round1), skopeo: skopeo.map(round1) }
      }
    }
  } finally {
    source.stop()
  }
}

/** The section's rows of bench/results.md. */
export function sourcesRows(s, rounds, pass) {
  return [
    `| merge of 2 sources within one registry: blob bytes moved (from \`metadata\`) | ${s.mergeBlobBytes} (${s.mergeRegistryRequests} registry requests) | 0 | ${pass(s.mergeBlobBytes, 0)} |`,
    `| promote across registries / \`skopeo copy --all\` (median of ${rounds}, ${s.mb} MB fresh layer per platform) | ${s.promote.ratio} (${s.promote.actionMedianMs} ms / ${s.promote.skopeoMedianMs} ms, ${s.promote.blobBytes} bytes) | ≤ ${s.promote.target} | ${pass(s.promote.ratio, s.promote.target)} |`,
    `| the same, median of per-round ratios | ${s.promote.medianPairedRatio} | ≤ ${s.promote.target} | ${pass(s.promote.medianPairedRatio, s.promote.target)} |`
  ]
}

/**
 * Pushing an `oci-archive`: the action against `skopeo copy oci-archive:… docker://…` of the same
 * archive, side by side, each side and round into a fresh registry. The archive is written here (a gzip
 * layer of random bytes, so neither side compresses anything), so it needs no docker engine.
 */
export async function benchLocalArchive(ctx) {
  const { node, action, baseEnv, work, rounds, mb, log } = ctx
  const { createHash } = await import('node:crypto')
  const { gzipSync } = await import('node:zlib')
  const layout = path.join(work, 'local-layout')
  mkdirSync(path.join(layout, 'blobs', 'sha256'), { recursive: true })
  const blob = body => {
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`
    writeFileSync(path.join(layout, 'blobs', 'sha256', digest.slice(7)), body)
    return { digest, size: body.length }
  }
  const layer = blob(gzipSync(randomBytes(mb * 1024 * 1024), { level: 1 }))
  const config = blob(
    Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } })
    )
  )
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }]
      })
    )
  )
  writeFileSync(path.join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(
    path.join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }]
    })
  )
  const archive = path.join(work, 'local-image.tar')
  const tar = await run('tar', ['-cf', archive, '-C', layout, '.'])
  if (tar.code !== 0) throw new Error(`tar failed: ${tar.err}`)
  rmSync(layout, { recursive: true, force: true })

  let registries = 0
  const fresh = () => startRegistry(path.join(work, `local-dst-${++registries}`))
  const ours = []
  const skopeo = []
  let counts
  for (let i = 0; i < rounds; i++) {
    const [ta, tb] = await Promise.all([fresh(), fresh()])
    const a = async () => {
      const env = {
        ...baseEnv,
        INPUT_IMAGE: `bench/ours-${i}`,
        INPUT_REGISTRY: ta.host,
        INPUT_SOURCES: `oci-archive:${archive}`,
        INPUT_TAGS: 'v1'
      }
      const r = await runAsRunner({ node, action, env, dir: path.join(work, `local-run-${i}`) })
      if (r.outputs.digest !== manifest.digest) throw new Error('the push changed the digest')
      counts = r.metadata.counts
      return r.ms
    }
    const b = async () => {
      const r = await run('skopeo', [
        'copy',
        '--dest-tls-verify=false',
        `oci-archive:${archive}`,
        `docker://${tb.host}/bench/skopeo-${i}:v1`
      ])
      if (r.code !== 0) throw new Error(`skopeo copy failed: ${r.err}`)
      return r.ms
    }
    const [ra, rb] = await inTurn(i, a, b)
    ta.stop()
    tb.stop()
    for (const k of [registries - 1, registries])
      rmSync(path.join(work, `local-dst-${k}`), { recursive: true, force: true })
    ours.push(ra)
    skopeo.push(rb)
    log(`oci-archive round ${i + 1}: action ${ra.toFixed(0)} ms, skopeo copy ${rb.toFixed(0)} ms`)
  }
  rmSync(archive, { force: true })
  return {
    mb,
    actionMedianMs: round1(median(ours)),
    skopeoMedianMs: round1(median(skopeo)),
    ratio: ratio(median(ours), median(skopeo)),
    medianPairedRatio: ratio(median(ours.map((x, i) => x / skopeo[i])), 1),
    blobBytes: counts.blobBytes,
    dockerProcesses: counts.docker,
    target: 1.1,
    samples: { action: ours.map(round1), skopeo: skopeo.map(round1) }
  }
}

/** The oci-archive rows of bench/results.md. */
export function localArchiveRows(l, rounds, pass) {
  return [
    `| push an \`oci-archive\` / \`skopeo copy\` of it (median of ${rounds}, ${l.mb} MB layer) | ${l.ratio} (${l.actionMedianMs} ms / ${l.skopeoMedianMs} ms, ${l.blobBytes} bytes, ${l.dockerProcesses} docker processes) | ≤ ${l.target} | ${pass(l.ratio, l.target)} |`,
    `| the same, median of per-round ratios | ${l.medianPairedRatio} | ≤ ${l.target} | ${pass(l.medianPairedRatio, l.target)} |`
  ]
}
