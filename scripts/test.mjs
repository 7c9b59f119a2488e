#!/usr/bin/env node
// `npm test`: type-check, the unit tests, then the end-to-end tests on the BuildKit engine when one is
// configured (.ci/run always configures it, and sets BTP_REQUIRE_BUILDKIT=1 so that a missing engine fails
// instead of quietly shrinking the matrix), then the end-to-end tests on the default engine. Each step
// prints how long it took.
//
// The images the end-to-end files leave are removed once their step has ended (see removal below). On the
// containerd image store that takes about 0.5–2.5 s an image (the store's garbage collection, slower the
// more images it holds), minutes for a run's 150 or so, so the BuildKit engine's removal goes on while the
// default engine's tests run, and the script waits for it at the end.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { removeImagesUnder } from './images.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = name => path.join(root, 'node_modules', '.bin', name)
const extra = process.argv.slice(2)
const seconds = ms => `${(ms / 1000).toFixed(1)} s`

/**
 * Removes the images an end-to-end step's files listed in BTP_CLEANUP_FILE, after the step: deleting one
 * while another file's classic build looks for a cached step fails that build ("unable to find image"),
 * and on the containerd store a deletion's garbage collection can take content another file's build or
 * push still needs, so no file deletes them itself. Resolves once all are gone.
 */
function removal(file, env) {
  if (!existsSync(file)) return Promise.resolve()
  const prefixes = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))]
  rmSync(file, { force: true })
  return removeImagesUnder(prefixes, env)
}

/** Removals started by the steps so far. */
const pending = []

/**
 * Runs one step and starts the removal of the images it left; exits on failure once every removal so far
 * is done. Returns the removal, for the caller to wait for (in an object: awaiting the step must not
 * await it).
 */
async function step(title, command, args, env = process.env) {
  console.error(`\n=== ${title} ===`)
  const started = Date.now()
  const cleanupFile = path.join(tmpdir(), `btp-cleanup-${process.pid}-${Date.now()}`)
  // Not spawnSync: the event loop must run meanwhile, for the other engine's removal to go on.
  const r = await new Promise(resolve =>
    spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...env, BTP_CLEANUP_FILE: cleanupFile } })
      .on('error', error => resolve({ status: 1, signal: error.message }))
      .on('close', (status, signal) => resolve({ status, signal }))
  )
  console.error(`=== ${title}: ${seconds(Date.now() - started)} ===`)
  const listed = existsSync(cleanupFile)
  const removed = removal(cleanupFile, env).then(() => {
    if (listed)
      console.error(`=== ${title}: images removed, ${seconds(Date.now() - started)} after its start ===`)
  })
  pending.push(removed)
  if (r.status !== 0) {
    // The other engine's too: the process ends here, and what is still queued would never be removed.
    await Promise.all(pending)
    console.error(`=== ${title}: FAILED (exit ${r.status ?? r.signal}) ===`)
    process.exit(r.status || 1)
  }
  return { removed }
}

const jestEnv = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim()
}
// Arguments that pick tests (a file, -t) may pick none in one of the steps.
const jest = args => [...args, ...(extra.length ? ['--passWithNoTests', ...extra] : [])]
const e2e = ['--testPathPatterns', 'e2e']
// End-to-end files named *.no-engine.e2e.test.ts use no docker engine (npm's install, say): they run on the
// default engine's step only, as a second run on the BuildKit engine would test nothing new.
// Files named *.solo.e2e.test.ts prune the engine's build cache, which lets BuildKit collect content another
// file's build still needs ("failed to solve: not found"): each engine runs them alone, once its other
// files are done and their images removed.
const SOLO = '\\.solo\\.e2e\\.test\\.ts$'
const notSolo = ['--testPathIgnorePatterns', SOLO]
const engineFreeNotSolo = ['--testPathIgnorePatterns', '(\\.no-engine|\\.solo)\\.e2e\\.test\\.ts$']
// A run that picks its own tests (`npm test -- <file>`) runs the solo files only where it picks them.
const soloRun = extra.length ? extra.some(a => /solo/.test(a)) : true
const solo = ['--testPathPatterns', SOLO, '--runInBand']

await step('typecheck (src + tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.test.json'])
// The unit files wait on timers and child processes as much as they compute: four at a time kept the suite
// at 26-28 s on two cores, where three took 30-33 s (side by side, empty caches, as a fresh clone runs it).
const UNIT_WORKERS = ['--maxWorkers', '4']
await step('unit tests', bin('jest'), jest(['--testPathIgnorePatterns', 'e2e', ...UNIT_WORKERS]), jestEnv)

const host = process.env.BTP_BUILDKIT_DOCKER_HOST
let buildkit = { removed: Promise.resolve() }
if (host) {
  buildkit = await step(
    `end-to-end tests on the BuildKit engine (${host})`,
    bin('jest'),
    jest([...e2e, ...engineFreeNotSolo]),
    {
      ...jestEnv,
      DOCKER_HOST: host,
      DOCKER_CONFIG: process.env.BTP_BUILDKIT_DOCKER_CONFIG ?? ''
    }
  )
} else if (process.env.BTP_REQUIRE_BUILDKIT === '1') {
  console.error(
    'BTP_REQUIRE_BUILDKIT=1 but BTP_BUILDKIT_DOCKER_HOST is not set: run scripts/engine-buildkit.sh'
  )
  process.exit(1)
} else {
  console.error(
    '\nnote: BTP_BUILDKIT_DOCKER_HOST is not set, so the BuildKit engine leg does not run (see .ci/run)'
  )
}
const defaultHost = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock'
const ours = await step(
  `end-to-end tests on the default engine (${defaultHost})`,
  bin('jest'),
  jest([...e2e, ...notSolo]),
  jestEnv
)
await ours.removed
if (soloRun) {
  const alone = await step(
    `end-to-end tests run alone on the default engine (${defaultHost})`,
    bin('jest'),
    jest(solo),
    jestEnv
  )
  await alone.removed
}
await buildkit.removed
if (host && soloRun) {
  const alone = await step(
    `end-to-end tests run alone on the BuildKit engine (${host})`,
    bin('jest'),
    jest(solo),
    {
      ...jestEnv,
      DOCKER_HOST: host,
      DOCKER_CONFIG: process.env.BTP_BUILDKIT_DOCKER_CONFIG ?? ''
    }
  )
  await alone.removed
}
