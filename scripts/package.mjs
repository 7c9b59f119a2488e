#!/usr/bin/env node
// Builds the two committed bundles: the action (dist/) and the CLI (dist/cli/). `node scripts/package.mjs DIR`
// builds into DIR instead, which is how the dist freshness test compares a fresh build with the committed one.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'))
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

// ncc does not clear its output: a chunk renamed by a change would linger beside the new one.
rmSync(out, { recursive: true, force: true })

for (const [entry, dir, extra] of [
  ['src/index.ts', out, ['--license', 'licenses.txt']],
  ['src/bin.ts', path.join(out, 'cli'), []]
]) {
  const r = spawnSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--quiet', ...extra], {
    cwd: root,
    stdio: 'inherit'
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
