// Temporary directories the helpers make for one test file (a step's runner files, a build context), removed
// once the file's tests have run: a run of the suite used to leave some thousand of them in the temp dir.
import { afterAll } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

afterAll(async () => {
  await Promise.all(made.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

/** A new directory under the temp dir, removed after this test file. */
export async function testDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
