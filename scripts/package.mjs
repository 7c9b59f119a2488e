#!/usr/bin/env node
// Builds the two committed bundles: the action (dist/) and the CLI (dist/cli/), and dist/licenses.txt with the
// license of every package either bundle holds. Every bundle is rewritten as ASCII (scripts/ascii.mjs says why),
// with node's crypto loaded on first use (scripts/lazy-crypto.mjs).
// `node scripts/package.mjs DIR` builds into DIR instead.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { asciiOnly } from './ascii.mjs'
import { SHIM, withLazyCrypto } from './lazy-crypto.mjs'
import { bundledPackageDirs, licensesText } from './licenses.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'))
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

// ncc does not clear its output: a chunk renamed by a change would linger beside the new one.
rmSync(out, { recursive: true, force: true })
// webpack's stats name every bundled module; they stay out of dist/.
const statsDir = mkdtempSync(path.join(tmpdir(), 'btp-package-'))
let status = 0
const stats = []
for (const [entry, dir, name] of [
  ['src/index.ts', out, 'action'],
  ['src/bin.ts', path.join(out, 'cli'), 'cli']
]) {
  const statsFile = path.join(statsDir, `${name}.json`)
  const r = spawnSync(
    process.execPath,
    [ncc, 'build', entry, '-o', dir, '--quiet', '--stats-out', statsFile],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
  status = r.status ?? 1
  if (status !== 0) break
  stats.push(JSON.parse(readFileSync(statsFile, 'utf8')))
}
rmSync(statsDir, { recursive: true, force: true })
if (status !== 0) process.exit(status)
writeFileSync(path.join(out, 'licenses.txt'), licensesText(root, bundledPackageDirs(stats)))
const cryptoShim = readFileSync(SHIM, 'utf8')
for (const file of readdirSync(out, { recursive: true })) {
  if (!file.endsWith('.js')) continue
  const at = path.join(out, file)
  const source = readFileSync(at, 'utf8')
  const ascii = asciiOnly(withLazyCrypto(source, cryptoShim), { name: path.relative(root, at) })
  if (ascii !== source) writeFileSync(at, ascii)
}
