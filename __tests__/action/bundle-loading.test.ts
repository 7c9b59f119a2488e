// What the committed bundle loads, by path: the post step runs after every job and most of them have nothing
// to undo; a build has no use for the sources modules (the copier, the archive readers, zlib). Both are read
// off node's own list of the builtins a run loaded, since each chunk we skip takes its builtins with it.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/action.js'
import { closedPort } from '../helpers/fault-proxy.js'

/** Runs dist/index.js with `env`; its output and the node builtins it loaded. */
function runBundle(env: Record<string, string>): { out: string; builtins: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'btp-loading-'))
  const hook = join(dir, 'hook.cjs')
  const list = join(dir, 'modules.txt')
  writeFileSync(
    hook,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')))`
  )
  for (const f of ['out', 'state']) writeFileSync(join(dir, f), '')
  const r = spawnSync(process.execPath, ['-r', hook, join(ROOT, 'dist', 'index.js')], {
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
  return { out: r.stdout + r.stderr, builtins }
}

describe('the post step', () => {
  it('with nothing to undo loads no chunk: not even @actions/core (and its crypto)', () => {
    const { builtins } = runBundle({ STATE_isPost: 'true', STATE_workDir: join(tmpdir(), 'btp-gone-e91c') })
    expect(builtins.length).toBeGreaterThan(0)
    expect(builtins).not.toContain('crypto')
  })
  it('with a private directory left behind loads the post step, and removes it', () => {
    const left = mkdtempSync(join(tmpdir(), 'btp-left-'))
    mkdirSync(join(left, 'docker-config'))
    const { builtins } = runBundle({ STATE_isPost: 'true', STATE_workDir: left })
    expect(builtins).toContain('crypto')
    expect(() => readFileSync(join(left, 'docker-config'))).toThrow(/ENOENT/)
  })
})

describe('a build', () => {
  it('loads the pipeline without the sources modules (no zlib)', async () => {
    const context = mkdtempSync(join(tmpdir(), 'btp-loading-ctx-'))
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\n')
    const registry = await closedPort()
    const { out, builtins } = runBundle({
      INPUT_CONTEXT: context,
      INPUT_IMAGE: 'loading/app',
      INPUT_REGISTRY: registry,
      INPUT_TAGS: 'v1',
      INPUT_RETRIES: '1'
    })
    // The run got as far as the registry preflight: the pipeline was loaded.
    expect(out).toContain(`::error::`)
    expect(out).toContain(registry)
    expect(builtins).toContain('http')
    expect(builtins).not.toContain('zlib')
  })
})
