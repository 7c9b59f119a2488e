#!/usr/bin/env node
// Builds the two committed bundles: the action (dist/) and the CLI (dist/cli/), and dist/licenses.txt with the
// license of every package either bundle holds. Every bundle is rewritten as ASCII (scripts/ascii.mjs says why),
// with node's crypto loaded on first use (scripts/lazy-crypto.mjs).
// `node scripts/package.mjs DIR` builds into DIR instead.
//
// The bundles are CommonJS, though the sources are ES modules: node loads a chunk through `require` in one
// go, where its ES module loader resolves, reads and links each chunk as a module job, and a run loads six
// chunks before its build. Measured side by side (docs/design.md), the action's own time was 7 to 11 ms
// shorter. ncc's command line picks ES modules for a package of `"type": "module"`; its API takes the
// format, so this calls the API.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { asciiOnly } from './ascii.mjs'
import { SHIM, withLazyCrypto } from './lazy-crypto.mjs'
import { bundledPackageDirs, licensesText } from './licenses.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'))
const ncc = createRequire(import.meta.url)('@vercel/ncc')
// webpack names modules relative to the working directory: the licenses are found from those names.
process.chdir(root)

// ncc does not clear its output: a chunk renamed by a change would linger beside the new one.
rmSync(out, { recursive: true, force: true })
const stats = []
for (const [entry, dir] of [
  ['src/index.ts', out],
  ['src/bin.ts', path.join(out, 'cli')]
]) {
  let built
  try {
    built = await ncc(path.join(root, entry), { esm: false, quiet: true })
  } catch (error) {
    process.stderr.write(`ncc: ${entry}: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
  const { code, assets } = built
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'index.js'), code, { mode: code.startsWith('#!') ? 0o755 : 0o644 })
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), asset.source, { mode: asset.permissions })
  }
  // The root package.json says `"type": "module"`; this one makes node read the bundle as CommonJS.
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
  stats.push(built.stats.toJson())
}
writeFileSync(path.join(out, 'licenses.txt'), licensesText(root, bundledPackageDirs(stats)))
const cryptoShim = readFileSync(SHIM, 'utf8')
for (const file of readdirSync(out, { recursive: true })) {
  if (!file.endsWith('.js')) continue
  const at = path.join(out, file)
  const source = readFileSync(at, 'utf8')
  const ascii = asciiOnly(withLazyCrypto(source, cryptoShim), {
    sourceType: 'script',
    name: path.relative(root, at)
  })
  if (ascii !== source) writeFileSync(at, ascii)
}
