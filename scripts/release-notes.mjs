#!/usr/bin/env node
// `node scripts/release-notes.mjs 1.2.3` prints the body of CHANGELOG.md's `## [1.2.3] - date` section: the
// release workflow uses it as the GitHub release's notes. Fails when the section is missing or empty, so a
// release cannot go out without notes. `Unreleased` works as a version too.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The lines under the `## ` heading whose first word is `version` or `[version]`, up to the next one. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/)
  const isHeading = line => /^## /.test(line)
  const start = lines.findIndex(l => isHeading(l) && [version, `[${version}]`].includes(l.split(/\s+/)[1]))
  if (start < 0) return null
  const end = lines.findIndex((l, i) => i > start && isHeading(l))
  return lines
    .slice(start + 1, end < 0 ? lines.length : end)
    .filter(l => !/^\[[^\]]+\]: /.test(l)) // link definitions belong to the whole file
    .join('\n')
    .trim()
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = (process.argv[2] ?? '').replace(/^v/, '')
  if (!version) {
    console.error('usage: node scripts/release-notes.mjs <version>')
    process.exit(2)
  }
  const notes = releaseNotes(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version)
  if (!notes) {
    console.error(
      `CHANGELOG.md has no non-empty "## [${version}]" section (rename "## [Unreleased]" to "## [${version}] - YYYY-MM-DD")`
    )
    process.exit(1)
  }
  process.stdout.write(`${notes}\n`)
}
