#!/usr/bin/env node
// `npm test`: type-check, then every test on the default engine, then the end-to-end tests again on the
// BuildKit engine when one is configured (.ci/run always configures it, and sets BTP_REQUIRE_BUILDKIT=1
// so that a missing engine fails instead of quietly shrinking the matrix).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = name => path.join(root, 'node_modules', '.bin', name)
const extra = process.argv.slice(2)

/**
 * The images the e2e files leave, removed once jest has exited: deleting one while another file's classic
 * build looks for a cached step fails that build ("unable to find image"), so no file deletes them itself.
 */
function cleanup(file, env) {
  if (!existsSync(file)) return
  const prefixes = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))]
  rmSync(file, { force: true })
  const ls = spawnSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], {
    env,
    encoding: 'utf8'
  })
  const refs = (ls.stdout ?? '')
    .split('\n')
    .filter(ref => !ref.endsWith(':<none>') && prefixes.some(p => ref.startsWith(p)))
  for (let i = 0; i < refs.length; i += 50)
    spawnSync('docker', ['image', 'rm', '-f', '--no-prune', ...refs.slice(i, i + 50)], {
      env,
      stdio: 'ignore'
    })
}

function step(title, command, args, env = process.env) {
  console.error(`\n=== ${title} ===`)
  const started = Date.now()
  const cleanupFile = path.join(tmpdir(), `btp-cleanup-${process.pid}-${Date.now()}`)
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, BTP_CLEANUP_FILE: cleanupFile }
  })
  const ran = Date.now()
  cleanup(cleanupFile, env)
  const seconds = ms => (ms / 1000).toFixed(1)
  console.error(`=== ${title}: ${seconds(ran - started)} s, cleanup ${seconds(Date.now() - ran)} s ===`)
  if (r.status !== 0) {
    console.error(`=== ${title}: FAILED (exit ${r.status ?? r.signal}) ===`)
    process.exit(r.status || 1)
  }
}

const jestEnv = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim()
}
step('typecheck (src + tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.test.json'])
step(
  `jest on the default engine (${process.env.DOCKER_HOST || 'unix:///var/run/docker.sock'})`,
  bin('jest'),
  extra,
  jestEnv
)

const host = process.env.BTP_BUILDKIT_DOCKER_HOST
if (host) {
  step(
    `end-to-end tests on the BuildKit engine (${host})`,
    bin('jest'),
    ['--testPathPatterns', 'e2e', ...extra],
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
    '\nnote: BTP_BUILDKIT_DOCKER_HOST is not set, so the BuildKit engine leg did not run (see .ci/run)'
  )
}
