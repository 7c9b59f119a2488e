#!/usr/bin/env node
// `npm run demo`: build examples/hello with the committed CLI bundle and push it to localhost:5000,
// starting a registry there if none answers. Needs only node and a docker engine (no npm install).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const REGISTRY = process.env.DEMO_REGISTRY || 'localhost:5000'
const port = REGISTRY.split(':')[1] || '5000'

const say = msg => process.stderr.write(`demo: ${msg}\n`)
const docker = args => spawnSync('docker', args, { encoding: 'utf8' })

async function registryAnswers() {
  try {
    const res = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(2000) })
    return res.status === 200 || res.status === 401
  } catch {
    return false
  }
}

async function waitForRegistry(seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await registryAnswers()) return true
    await new Promise(r => setTimeout(r, 250))
  }
  return false
}

/** Returns the command that stops what we started, or '' when a registry was already there. */
async function ensureRegistry() {
  if (await registryAnswers()) {
    say(`a registry already answers at ${REGISTRY}`)
    return ''
  }
  say(`no registry at ${REGISTRY}; starting one`)
  const run = docker(['run', '-d', '-p', `${port}:5000`, '--name', 'registry', 'registry:2'])
  if (run.status === 0 && (await waitForRegistry(20))) return 'docker rm -f registry'
  if (run.status === 0) docker(['rm', '-f', 'registry'])
  say('the registry:2 image is not available here; trying the docker-registry binary')
  const probe = spawnSync('docker-registry', ['--version'], { encoding: 'utf8' })
  if (probe.error) {
    say(
      'neither registry:2 nor the docker-registry binary (Debian: apt-get install docker-registry) is available'
    )
    process.exit(1)
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'btp-demo-registry-'))
  const config = path.join(dir, 'config.yml')
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`
  )
  const child = spawn('docker-registry', ['serve', config], { detached: true, stdio: 'ignore' })
  child.unref()
  if (!(await waitForRegistry(10))) {
    say(`docker-registry did not answer on ${REGISTRY}`)
    process.exit(1)
  }
  return `kill ${child.pid} && rm -rf ${dir}`
}

const info = docker(['info', '--format', '{{.ServerVersion}}'])
if (info.error || info.status !== 0) {
  say(
    'no docker engine answers (`docker info` failed). Start Docker (or dockerd) and run `npm run demo` again.'
  )
  say((info.stderr || String(info.error || '')).trim().split('\n').pop() || '')
  process.exit(1)
}
say(`docker engine ${info.stdout.trim()}`)

const cli = path.join(root, 'dist', 'cli', 'index.js')
if (!existsSync(cli)) {
  say('dist/cli/index.js is missing; run `npm run package`')
  process.exit(1)
}
const stop = await ensureRegistry()
const build = spawnSync(
  process.execPath,
  [
    cli,
    '--context',
    path.join(root, 'examples', 'hello'),
    '--image',
    'demo/hello',
    '--registry',
    REGISTRY,
    '--tag',
    'demo',
    '--json'
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
)
if (build.status !== 0) {
  say(`build-tag-push failed (exit ${build.status})`)
  if (stop) say(`stop the registry with: ${stop}`)
  process.exit(build.status || 1)
}
const out = JSON.parse(build.stdout)
console.log(`\nverified digest: ${out.digest}`)
console.log(`image ref:       ${out['image-ref']}`)
console.log(`get it back:     docker pull ${out['image-ref']}`)
if (stop) console.log(`stop the registry this demo started: ${stop}`)
