// The names handed to actions/attest: `subject-name` as its registry client reaches the repository, and
// the runner's GITHUB_ARTIFACTS lines.
import { testDir } from '../helpers/temp.js'
import { describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseImages } from '../../src/inputs/images.js'
import { artifactLines, declarePushed, subjectName, subjectNames } from '../../src/pipeline/subjects.js'

const DIGEST = `sha256:${'c'.repeat(64)}`

describe('subjectName', () => {
  it.each([
    ['ghcr.io/octo/app', 'ghcr.io/octo/app'],
    ['octo/app', 'index.docker.io/octo/app'],
    ['nginx', 'index.docker.io/library/nginx'],
    ['docker.io/octo/app', 'index.docker.io/octo/app'],
    ['registry-1.docker.io/octo/app', 'index.docker.io/octo/app'],
    ['localhost:5000/a/b/c', 'localhost:5000/a/b/c'],
    ['Registry.Example.COM:8443/octo/app', 'registry.example.com:8443/octo/app']
  ])('%s → %s', (image, name) => {
    expect(subjectName(parseImages([image])[0])).toBe(name)
  })

  it('names each target once, in order', () => {
    expect(subjectNames(parseImages(['ghcr.io/o/a', 'o/a', 'docker.io/o/a']))).toEqual([
      'ghcr.io/o/a',
      'index.docker.io/o/a'
    ])
  })
})

describe('GITHUB_ARTIFACTS', () => {
  const targets = parseImages(['ghcr.io/o/a', 'o/a'])

  it('one oci:// line per pushed image, none without a digest', () => {
    expect(artifactLines(subjectNames(targets), DIGEST)).toEqual([
      `oci://ghcr.io/o/a@${DIGEST}`,
      `oci://index.docker.io/o/a@${DIGEST}`
    ])
    expect(artifactLines(subjectNames(targets), '')).toEqual([])
  })

  it('appends after what the file holds, on a line of its own', async () => {
    const file = join(await testDir('btp-artifacts-'), 'artifacts')
    await writeFile(file, 'dist/app.tar.gz')
    const env = { GITHUB_ARTIFACTS: file }
    await declarePushed({ declareArtifacts: true, targets }, DIGEST, env)
    expect(await readFile(file, 'utf8')).toBe(
      `dist/app.tar.gz\noci://ghcr.io/o/a@${DIGEST}\noci://index.docker.io/o/a@${DIGEST}\n`
    )
  })

  it('writes nothing when turned off, when nothing was pushed, or when the runner has no such file', async () => {
    const file = join(await testDir('btp-artifacts-'), 'artifacts')
    await writeFile(file, '')
    const env = { GITHUB_ARTIFACTS: file }
    expect(await declarePushed({ declareArtifacts: false, targets }, DIGEST, env)).toEqual([])
    expect(await declarePushed({ declareArtifacts: true, targets }, '', env)).toEqual([])
    expect(await declarePushed({ declareArtifacts: true, targets }, DIGEST, {})).toEqual([])
    expect(await readFile(file, 'utf8')).toBe('')
  })
})
