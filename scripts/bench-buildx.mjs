// The buildx section of `npm run bench`: the action against `docker buildx build --push` with the same tags,
// on the engine's own builder (the `docker` driver) and on a remote-driver builder, where BuildKit pushes.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { inTurn, median, pass, ratio, round1, run } from './bench-lib.mjs'
import { startBuildkitProxy, unixSocketOf } from './buildkit-proxy.mjs'

// `bench`: { runAction(registry, repo, tags, mb, inputs), newContext(mb), baseEnv, work, rounds, mb, log },
// from scripts/bench.mjs.

/** The hand-written buildx equivalent: one build that pushes every tag itself. */
async function runRawBuildx(bench, registry, repo, tags, env) {
  const { log } = bench
  const ctx = bench.newContext(bench.mb)
  const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const args = ['buildx', 'build', '--push', `--label=org.opencontainers.image.created=${created}`]
  for (const tag of tags) args.push(`--tag=${registry}/${repo}:${tag}`)
  let r = await run('docker', [...args, ctx], env)
  // docker-registry 2.8 sometimes answers the docker driver's burst of per-tag pushes with a 500: that is
  // the raw side's own flake, not the action's; the round is run again once, and said so.
  if (r.code !== 0 && /500 Internal Server Error/.test(r.err)) {
    log(`raw docker buildx hit a registry 500; running that round again`)
    r = await run('docker', [...args, ctx], env)
  }
  if (r.code !== 0) throw new Error(`raw docker buildx failed:\n${r.err}`)
  rmSync(ctx, { recursive: true, force: true })
  return { ms: r.ms }
}

/**
 * Against `docker buildx build --push` with the same tags, 1 and 10, a fresh BUILDX_MB layer per run, in
 * pairs whose order alternates. On the engine's own builder (the `docker` driver) the action loads and
 * pushes by ID (see src/pipeline/plan.ts); on a builder of setup-buildx-action's kind (here the remote
 * driver, the one that runs offline) it pushes straight from BuildKit, as the raw command does.
 */
export async function benchBuildx(bench, registry) {
  const tenTags = Array.from({ length: 10 }, (_, k) => `v${k}`)
  const out = {}
  for (const [name, tags] of [
    ['oneTag', ['v1']],
    ['tenTags', tenTags]
  ])
    out[name] = await compareBuildx(bench, registry, name, tags)
  const remote = await remoteBuilder(bench)
  try {
    // One unmeasured pair first: the builder's first session sets itself up.
    await compareBuildx(bench, registry, 'remoteWarmUp', ['v1'], remote.env, 1)
    out.oneTagRemote = await compareBuildx(bench, registry, 'oneTagRemote', ['v1'], remote.env)
  } finally {
    await remote.proxy.stop()
  }
  return out
}

async function compareBuildx(bench, registry, name, tags, env = bench.baseEnv, rounds = bench.rounds) {
  const { log } = bench
  const action = []
  const raw = []
  const own = []
  const inputs = env === bench.baseEnv ? {} : { DOCKER_CONFIG: env.DOCKER_CONFIG }
  for (let i = 0; i < rounds; i++) {
    const a = () => bench.runAction(registry, `bench/bx-action-${name.toLowerCase()}`, tags, bench.mb, inputs)
    const b = () => runRawBuildx(bench, registry, `bench/bx-raw-${name.toLowerCase()}`, tags, env)
    const [ra, rr] = await inTurn(i, a, b)
    action.push(ra.ms)
    raw.push(rr.ms)
    own.push(ra.ownMs)
    log(
      `buildx ${name} round ${i + 1}: action ${ra.ms.toFixed(0)} ms (own ${ra.ownMs.toFixed(0)} ms, ${ra.metadata.counts?.docker} docker process(es)), raw ${rr.ms.toFixed(0)} ms`
    )
  }
  return {
    actionMedianMs: round1(median(action)),
    rawMedianMs: round1(median(raw)),
    ratio: ratio(median(action), median(raw)),
    medianPairedRatio: ratio(median(action.map((x, k) => x / raw[k])), 1),
    medianOverheadMs: round1(median(action.map((x, k) => x - raw[k]))),
    ownMedianMs: round1(median(own)),
    target: 1.03,
    samples: { action: action.map(round1), raw: raw.map(round1) }
  }
}

/** A remote-driver builder on the engine's own BuildKit, chosen with `docker buildx use` in a config of its own. */
async function remoteBuilder({ baseEnv, work }) {
  const proxy = await startBuildkitProxy(
    unixSocketOf(process.env.DOCKER_HOST || 'unix:///var/run/docker.sock')
  )
  const config = path.join(work, 'remote-builder-config')
  mkdirSync(config)
  const plugins = process.env.DOCKER_CONFIG && path.join(process.env.DOCKER_CONFIG, 'cli-plugins')
  if (plugins && existsSync(plugins)) symlinkSync(plugins, path.join(config, 'cli-plugins'))
  writeFileSync(path.join(config, 'config.json'), '{}\n')
  const env = { ...baseEnv, DOCKER_CONFIG: config }
  const name = `btp-bench-${process.pid}`
  for (const args of [
    ['buildx', 'create', '--name', name, '--driver', 'remote', proxy.endpoint],
    ['buildx', 'use', name]
  ]) {
    const r = await run('docker', args, env)
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed:\n${r.err}`)
  }
  return { proxy, env }
}

/** The section's rows of bench/results.md. */
export function buildxRows(buildx, rounds, mb) {
  const rows = []
  for (const [name, label] of [
    ['oneTag', "1 tag, the engine's own builder (`docker` driver: load, then push by ID)"],
    ['tenTags', "10 tags, the engine's own builder"],
    [
      'oneTagRemote',
      "1 tag, a remote-driver builder (pushes from BuildKit, as on setup-buildx-action's builders)"
    ]
  ]) {
    const b = buildx?.[name]
    if (b)
      rows.push(
        `| buildx: action / raw \`docker buildx build --push\`, ${label} (median of ${rounds}, ${mb} MB layer) | ${b.ratio} (${b.actionMedianMs} ms / ${b.rawMedianMs} ms); paired ${b.medianPairedRatio}, overhead ${b.medianOverheadMs} ms, own time ${b.ownMedianMs} ms | ≤ ${b.target} | ${pass(b.medianPairedRatio, b.target)} |`
      )
  }
  return rows
}
