// dist/licenses.txt: the license of every package the bundles hold. ncc's own --license misses packages
// whose package.json `exports` does not expose ./package.json (the ESM-only @actions/* and @octokit/*), so the
// list is computed here from what webpack actually bundled: the module paths in ncc's --stats-out files.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The package directories (relative to the project root, posix) whose files are in a bundle, from webpack
 * stats: every module named `./node_modules/...`, concatenated modules included. Sorted, without repeats.
 * @param {{ modules?: { name?: string, modules?: unknown[] }[] }[]} statsList
 * @returns {string[]}
 */
export function bundledPackageDirs(statsList) {
  const dirs = new Set()
  const visit = modules => {
    for (const m of modules ?? []) {
      const name = typeof m.name === 'string' ? m.name.replace(/^\.\//, '') : ''
      const at = name.lastIndexOf('node_modules/')
      if (at >= 0) {
        const rest = name.slice(at + 'node_modules/'.length).split('/')
        const pkg = rest[0].startsWith('@') ? rest.slice(0, 2).join('/') : rest[0]
        dirs.add(name.slice(0, at) + 'node_modules/' + pkg)
      }
      visit(m.modules)
    }
  }
  for (const stats of statsList) visit(stats.modules)
  return [...dirs].sort()
}

/** A package's license file: LICENSE, LICENCE, COPYING, with or without an extension, any case. */
function licenseFile(dir) {
  const names = readdirSync(dir)
    .filter(n => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(n))
    .sort()
  return names.length ? path.join(dir, names[0]) : undefined
}

/**
 * The text of dist/licenses.txt for these package directories: per package its name on a line of its own, its
 * license identifier, then the license text, with a blank line between packages. Throws when a package names
 * no license at all: a bundle must not ship code under unknown terms.
 * @param {string} root the project root
 * @param {string[]} dirs package directories relative to root
 * @returns {string}
 */
export function licensesText(root, dirs) {
  const entries = new Map()
  for (const dir of dirs) {
    const abs = path.join(root, dir)
    const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8'))
    const id = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? '')
    const file = licenseFile(abs)
    if (!id && !file) throw new Error(`${pkg.name} (${dir}) is bundled but names no license`)
    const text = file
      ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n').trim()
      : `(${pkg.name} ships no license file)`
    const entry = `${pkg.name}\n${id || 'see below'}\n${text}`
    // Two copies of one package (nested node_modules) are listed once when their terms are the same.
    const key = `${pkg.name}\0${entry}`
    if (!entries.has(key)) entries.set(key, entry)
  }
  return (
    [...entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e)
      .join('\n\n') + '\n'
  )
}
