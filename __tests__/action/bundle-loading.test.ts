// What the committed bundle loads, by path: the post step runs after every failed job and most of them have
// nothing to undo; a build has no use for the sources modules (the copier, the archive readers, zlib), nor for
// node's crypto before it builds. All are read off node's own list of the builtins a run loaded, since each
// chunk we skip takes its builtins.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundle } from '../helpers/bundle.js'
import { closedPort } from '../helpers/fault-proxy.js'

describe('the post step', () => {
  it('with nothing to undo loads no chunk: not even @actions/core (and its os and assert)', () => {
    const { builtins } = runBundle({ STATE_isPost: 'true', STATE_workDir: join(tmpdir(), 'btp-gone-e91c') })
    expect(builtins.length).toBeGreaterThan(0)
    expect(builtins).not.toContain('os')
    expect(builtins).not.toContain('assert')
    expect(builtins).not.toContain('crypto')
  })
  it('with a private directory left behind loads the post step, and removes it', () => {
    const left = mkdtempSync(join(tmpdir(), 'btp-left-'))
    mkdirSync(join(left, 'docker-config'))
    const { builtins } = runBundle({ STATE_isPost: 'true', STATE_workDir: left })
    expect(builtins).toContain('os')
    expect(builtins).toContain('assert')
    expect(() => readFileSync(join(left, 'docker-config'))).toThrow(/ENOENT/)
  })
})

describe('a build', () => {
  it('loads the pipeline without the sources modules (no zlib)', async () => {
    const context = mkdtempSync(join(tmpdir(), 'btp-loading-ctx-'))
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\n')
    const registry = await closedPort()
    const { out, stdout, status, builtins } = runBundle({
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
    // node's crypto waits for its first use (src/lazy/crypto.cjs): the file commands' random delimiters and
    // the log fence's token come from /dev/urandom.
    expect(builtins).not.toContain('crypto')
    // The run times itself without the global `performance`, whose first read loads perf_hooks.
    expect(builtins).not.toContain('perf_hooks')
    // The step ends as soon as its output is written (run.ts), and still as a failure, its error line last.
    expect(status).toBe(1)
    const last = stdout.trimEnd().split('\n').at(-1)
    expect(last).toMatch(/^::error::/)
    expect(last).toContain(registry)
  })
})
