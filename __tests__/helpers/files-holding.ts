// What a run left on disk: the files that hold a secret, for the tests that no secret outlives its step.
import { existsSync } from 'node:fs'
import { runCommand } from './docker.js'

/** grep's line for a file it listed and could not open: the file went while grep walked the tree. */
const VANISHED = /^grep: .*: No such file or directory$/

/**
 * The files under each of `dirs` (those that exist) that hold `secret`, by `grep -rlF` (status 1: none). A
 * file that goes while grep walks the tree holds nothing any more, and is let pass: buildx writes its
 * `current` through a temporary file beside it, and the other test files' builds share the engine's docker
 * config. Any other error of grep fails the test.
 */
export async function filesHolding(secret: string, ...dirs: string[]): Promise<string[]> {
  const found: string[] = []
  for (const dir of dirs.filter(d => d && existsSync(d))) {
    const res = await runCommand('grep', ['-rlF', '--', secret, dir])
    const errors = res.stderr.split('\n').filter(l => l.trim() && !VANISHED.test(l))
    if (res.code > 1 && (errors.length || !res.stderr.trim()))
      throw new Error(`grep -r ${dir}: ${res.stderr}`)
    found.push(...res.stdout.split('\n').filter(Boolean))
  }
  return found
}
