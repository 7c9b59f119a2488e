// Puts src/lazy/crypto.cjs in place of a bundle's `crypto` and `node:crypto` externals, so that node's crypto
// is loaded on first use rather than with `@actions/core` (the shim says why). ncc writes each builtin the
// bundle imports as a module of one line; a builtin cannot be redirected before that (tsconfig `paths` does
// not apply to builtins), so the line is rewritten after. The bundle-loading tests hold the result.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SHIM = path.join(root, 'src', 'lazy', 'crypto.cjs')

/** The line ncc writes for the external builtin `name` in a CommonJS bundle. */
export const externalLine = name => `module.exports = require(${JSON.stringify(name)});`

/** `source` with the crypto externals replaced by `shim` (the text of SHIM), called with node's require. */
export function withLazyCrypto(source, shim) {
  const inline = `((module) => {\n${shim}\nreturn module.exports\n})({ exports: {} })(require)`
  let out = source
  for (const name of ['crypto', 'node:crypto'])
    out = out.split(externalLine(name)).join(`module.exports = ${inline};`)
  return out
}
