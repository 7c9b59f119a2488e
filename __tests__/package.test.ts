// What a release ships: the npm tarball holds what a user runs and nothing else, and the CHANGELOG has notes
// for the version package.json names, in the form the release workflow reads them.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/action.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  bin: Record<string, string>
}

/** The paths `npm pack` would put in the tarball, relative to the package root. */
function packedFiles(): string[] {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  expect(r.stderr).not.toMatch(/npm (ERR|error)/)
  expect(r.status).toBe(0)
  const [report] = JSON.parse(r.stdout) as { files: { path: string }[] }[]
  return report.files.map(f => f.path).sort()
}

function releaseNotes(version: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'release-notes.mjs'), version], {
    cwd: ROOT,
    encoding: 'utf8'
  })
}

describe('npm pack', () => {
  const files = packedFiles()

  it('ships the bundles, the action metadata and the documents', () => {
    for (const f of [
      'action.yml',
      'dist/index.js',
      'dist/package.json',
      'dist/cli/index.js',
      'dist/cli/package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'package.json',
      ...Object.values(pkg.bin)
    ])
      expect(files).toContain(f)
  })

  it('ships no sources, tests or fixtures', () => {
    const unwanted = files.filter(f =>
      /^(src|__tests__|__fixtures__|scripts|bench|examples|docs|\.github|\.ci)\/|^tsconfig|\.ts$/.test(f)
    )
    expect(unwanted).toEqual([])
  })
})

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
  const headings = changelog.split('\n').filter(l => l.startsWith('## '))

  it("has a section for package.json's version, or an Unreleased one on the way to it", () => {
    const names = headings.map(h => h.split(/\s+/)[1].replace(/^\[|\]$/g, ''))
    expect(names.some(n => n === pkg.version || n === 'Unreleased')).toBe(true)
  })

  it('gives the release workflow the notes of a section, and fails for a missing one', () => {
    const current = headings[0].split(/\s+/)[1].replace(/^\[|\]$/g, '')
    const notes = releaseNotes(current)
    expect(notes.stderr).toBe('')
    expect(notes.status).toBe(0)
    expect(notes.stdout.trim()).not.toBe('')
    expect(notes.stdout).not.toMatch(/^## /m)

    const missing = releaseNotes('99.0.0')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('no non-empty "## [99.0.0]" section')
  })
})
