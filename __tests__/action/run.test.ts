import { afterEach, describe, expect, it } from '@jest/globals'
import { Writable } from 'node:stream'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exitOnceWritten, postHasWork } from '../../src/action/run.js'
import { STATE_KEPT_LOGIN, STATE_WORKDIR } from '../../src/action/state.js'

const keys = [`STATE_${STATE_WORKDIR}`, `STATE_${STATE_KEPT_LOGIN}`]
afterEach(() => keys.forEach(k => delete process.env[k]))

describe('postHasWork: the post step loads nothing when there is nothing to undo', () => {
  it('no state at all (main never got that far)', () => {
    expect(postHasWork()).toBe(false)
  })
  it('a private directory the main step already removed', () => {
    process.env[`STATE_${STATE_WORKDIR}`] = path.join(tmpdir(), 'btp-run-test-gone-7f3a')
    expect(postHasWork()).toBe(false)
  })
  it('a private directory still there (main was killed)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'btp-run-test-'))
    try {
      process.env[`STATE_${STATE_WORKDIR}`] = dir
      expect(postHasWork()).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('a kept login, whatever the directory', () => {
    process.env[`STATE_${STATE_KEPT_LOGIN}`] = '{"config":"/x/config.json","undo":"/x/undo"}'
    expect(postHasWork()).toBe(true)
  })
})

/** A stream that holds each write until told to finish it, as a pipe nobody is reading yet does. */
function slowStream(fail = false): { stream: Writable; written: string[]; finish: () => void } {
  const written: string[] = []
  const pending: Array<() => void> = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, callback) {
      pending.push(() => {
        written.push(chunk.toString())
        callback(fail ? new Error('EPIPE') : null)
      })
    }
  })
  stream.on('error', () => undefined)
  return { stream, written, finish: () => pending.splice(0).forEach(f => f()) }
}

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('exitOnceWritten: the step ends only after its output has left', () => {
  it('waits for every write still in flight on every stream, then exits once', async () => {
    const out = slowStream()
    const err = slowStream()
    out.stream.write('::set-output-like last line\n')
    err.stream.write('last error line\n')
    let exits = 0
    const done = exitOnceWritten([out.stream, err.stream], () => exits++)
    await tick()
    expect(exits).toBe(0)
    out.finish()
    await tick()
    out.finish()
    await tick()
    expect(exits).toBe(0)
    err.finish()
    await tick()
    err.finish()
    await done
    expect(exits).toBe(1)
    expect(out.written[0]).toBe('::set-output-like last line\n')
    expect(err.written[0]).toBe('last error line\n')
  })
  it('still exits when a stream fails (a reader that went away)', async () => {
    const out = slowStream(true)
    let exits = 0
    const done = exitOnceWritten([out.stream], () => exits++)
    await tick()
    out.finish()
    await done
    expect(exits).toBe(1)
  })
})
