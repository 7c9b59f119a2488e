// The committed bundle run as a step, on the runner's node, for tests of what it loads: node's own list of the
// builtins the run loaded (process.moduleLoadList, written at exit by a preloaded hook), and what it printed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, RUNNER_NODE } from './action.js'

/**
 * Runs dist/index.js with `env` (over a bare runner-like one), its stdout a pipe as the runner's is: its output,
 * its exit status, and the node builtins it loaded.
 */
export function runBundle(env: Record<string, string>): {
  out: string
  stdout: string
  status: number | null
  builtins: string[]
} {
  const dir = mkdtempSync(join(tmpdir(), 'btp-bundle-'))
  try {
    const hook = join(dir, 'hook.cjs')
    const list = join(dir, 'modules.txt')
    writeFileSync(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')))`
    )
    for (const f of ['out', 'state']) writeFileSync(join(dir, f), '')
    const r = spawnSync(RUNNER_NODE, ['-r', hook, join(ROOT, 'dist', 'index.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        RUNNER_TEMP: dir,
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STATE: join(dir, 'state'),
        ...env
      },
      encoding: 'utf8'
    })
    const builtins = readFileSync(list, 'utf8')
      .split('\n')
      .filter(l => l.startsWith('NativeModule '))
      .map(l => l.slice('NativeModule '.length))
    return { out: r.stdout + r.stderr, stdout: r.stdout, status: r.status, builtins }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
