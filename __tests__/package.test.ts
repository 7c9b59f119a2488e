// What a release says: the CHANGELOG has notes for the version package.json names, in the form the release
// workflow reads them. What the npm tarball holds is checked where it is packed and installed
// (e2e/install.no-engine.e2e.test.ts).
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/action.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
}

function releaseNotes(version: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'release-notes.mjs'), version], {
    cwd: ROOT,
    encoding: 'utf8'
  })
}

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
