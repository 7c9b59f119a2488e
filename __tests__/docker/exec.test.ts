// The exec funnel with real processes (node scripts standing in for docker): bounds, process groups,
// stopping (cancel.ts's part too), the fence around streamed output.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createExecRunner, type ExecResult } from '../../src/docker/exec.js'
import { KILL_AFTER_MS, liveChildren, stopChildren } from '../../src/docker/cancel.js'
import { createFence } from '../../src/log/fence.js'
import { KEPT_OUTPUT_CHARS, keptEnd } from '../../src/docker/kept-output.js'
import { issuedCommands } from '../helpers/workflow-commands.js'

const NODE = process.execPath
/** Shaped like the real ones (helpers/workflow-commands tells fences by it). */
const TOKEN = 'f'.repeat(32)

function sink() {
  let text = ''
  const fence = createFence(chunk => (text += String(chunk)), { token: () => TOKEN })
  return { fence, text: () => text }
}

/** A node script as argv. */
const script = (code: string): string[] => ['-e', code]
/**
 * Where the child only has to exit, print a line or wait, a shell stands in for it: to the funnel it is a
 * process like any other, and it starts for a hundredth of node's CPU.
 */
const SH = '/bin/sh'
const shell = (code: string): string[] => ['-c', code]

/** Whether a pid is alive (signal 0). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) return false
    await new Promise(r => setTimeout(r, 20))
  }
  return true
}

afterEach(() => {
  expect(liveChildren()).toBe(0)
})

describe('streamed commands (child_process, own process group)', () => {
  it('stream through the fence, the [command] line outside it, and return what they printed', async () => {
    const { fence, text } = sink()
    const run = createExecRunner(fence)
    const result = await run(
      NODE,
      script(`console.log('::error::forged'); console.error('to stderr'); process.stdout.write('tail')`),
      process.env,
      { stream: true, display: 'docker build --tag=x\n::error::display' }
    )
    expect(result).toEqual({ exitCode: 0, stdout: '::error::forged\ntail', stderr: 'to stderr\n' })
    expect(text()).toMatch(/^\[command\]docker build --tag=x ::error::display\n::stop-commands::f{32}\n/)
    expect(text()).toMatch(/\n::f{32}::\n$/)
    expect(issuedCommands(text())).toEqual([])
  })

  it('a plain stream other than stdout is not fenced outside a workflow', async () => {
    let text = ''
    const stream = { write: (c: string | Uint8Array) => ((text += String(c)), true) } as NodeJS.WritableStream
    await createExecRunner(stream, {})(NODE, script(`console.log('hi')`), process.env, { stream: true })
    expect(text).toBe(`[command]${NODE} -e console.log('hi')\nhi\n`)
    text = ''
    await createExecRunner(stream, { GITHUB_ACTIONS: 'true' })(
      NODE,
      script(`console.log('hi')`),
      process.env,
      {
        stream: true
      }
    )
    expect(text).toMatch(/^\[command\].*\n::stop-commands::[0-9a-f]{32}\nhi\n::[0-9a-f]{32}::\n$/)
  })

  it(`keep the last ${KEPT_OUTPUT_CHARS} characters of each stream, from a line's start; show all of it`, async () => {
    let shown = 0
    const stream = { write: (c: string | Uint8Array) => ((shown += c.length), true) } as NodeJS.WritableStream
    // 12 MiB on stdout, 9 MiB on stderr, each ending in a line of its own.
    const code = `const line = 'x'.repeat(1023) + '\\n'
      for (let i = 0; i < 12 * 1024; i++) process.stdout.write(line)
      for (let i = 0; i < 9 * 1024; i++) process.stderr.write(line)
      process.stdout.write('LAST OUT\\n'); process.stderr.write('ERROR: last words\\n')`
    const result = await createExecRunner(stream, {})(NODE, script(code), process.env, { stream: true })
    expect(result.exitCode).toBe(0)
    for (const text of [result.stdout, result.stderr]) {
      expect(text.length).toBeLessThanOrEqual(KEPT_OUTPUT_CHARS)
      expect(text.length).toBeGreaterThan(KEPT_OUTPUT_CHARS - 1024)
      expect(text.startsWith('x'.repeat(1023) + '\n')).toBe(true)
    }
    expect(result.stdout.endsWith('\nLAST OUT\n')).toBe(true)
    expect(result.stderr.endsWith('\nERROR: last words\n')).toBe(true)
    expect(shown).toBeGreaterThan(21 * 1024 * 1024)
  })

  it('pass their exit code through', async () => {
    const result = await createExecRunner(sink().fence)(SH, shell('exit 7'), process.env, {
      stream: true
    })
    expect(result.exitCode).toBe(7)
    expect(result.stopped).toBeUndefined()
  })

  it('a stall: stopped once nothing was printed for stallMs, with what it started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'btp-exec-'))
    const pidFile = join(dir, 'grandchild')
    // Like docker running its buildx plugin: a child of its own, which must go too.
    const code = `
      const { spawn } = require('node:child_process')
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
      require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid))
      console.log('Preparing')
      setInterval(() => {}, 1000)`
    const start = Date.now()
    // The window counts from the spawn: wide enough for node to start and print on a loaded machine.
    const result = await createExecRunner(sink().fence)(NODE, script(code), process.env, {
      stream: true,
      watch: () => ({ stallMs: 1500, ceilingMs: 60_000 })
    })
    const ms = Date.now() - start
    expect(result.stopped).toEqual({ reason: 'stall', afterMs: 1500 })
    expect(result.stdout).toBe('Preparing\n')
    expect(ms).toBeGreaterThanOrEqual(1500)
    // SIGTERM ended it: no wait for the SIGKILL.
    expect(ms - 1500).toBeLessThan(KILL_AFTER_MS)
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    expect(await until(() => !alive(grandchild), 3000)).toBe(true)
  })

  it('progress resets the stall window; the ceiling still ends it', async () => {
    const code = `let i = 0; setInterval(() => console.log('line ' + ++i), 50)`
    const start = Date.now()
    const result = await createExecRunner(sink().fence)(NODE, script(code), process.env, {
      stream: true,
      // The stall window is wide enough for node to start on a loaded machine, and far wider than 50 ms.
      watch: () => ({ stallMs: 1500, ceilingMs: 3000 })
    })
    expect(result.stopped).toEqual({ reason: 'ceiling', afterMs: 3000 })
    expect(Date.now() - start).toBeGreaterThanOrEqual(3000)
    expect(result.stdout.split('\n').length).toBeGreaterThan(8)
  })

  it('reads its bounds on every check, so they can grow while it runs', async () => {
    let watch = { stallMs: 200, ceilingMs: 60_000 }
    setTimeout(() => (watch = { stallMs: 60_000, ceilingMs: 700 }), 50)
    const result = await createExecRunner(sink().fence)(SH, shell('exec sleep 10'), process.env, {
      stream: true,
      watch: () => watch
    })
    expect(result.stopped).toEqual({ reason: 'ceiling', afterMs: 700 })
  })

  it('a child that ignores SIGTERM gets SIGKILL after KILL_AFTER_MS', async () => {
    const code = `process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000)`
    const start = Date.now()
    const result = await createExecRunner(sink().fence)(NODE, script(code), process.env, {
      stream: true,
      // Wide enough for node to start and install its handler on a loaded machine.
      watch: () => ({ stallMs: 1500 })
    })
    expect(result.stopped?.reason).toBe('stall')
    expect(result.stdout).toContain('ignored')
    expect(Date.now() - start).toBeGreaterThanOrEqual(1500 + KILL_AFTER_MS - 100)
  })

  it('stopChildren stops every live one as cancelled, and the signal handlers come and go with them', async () => {
    const before = process.listenerCount('SIGINT')
    // SIGHUP (the CLI's terminal closed) too: node's default would end us with the children left running.
    const hupBefore = process.listenerCount('SIGHUP')
    const runner = createExecRunner(sink().fence)
    const running = [1, 2].map(() =>
      runner(SH, shell('echo up; exec sleep 60'), process.env, { stream: true })
    )
    expect(await until(() => liveChildren() === 2, 5000)).toBe(true)
    expect(process.listenerCount('SIGINT')).toBe(before + 1)
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0)
    const hupWhileRunning = process.listenerCount('SIGHUP')
    expect(stopChildren('SIGINT')).toBe(2)
    const results: ExecResult[] = await Promise.all(running)
    for (const r of results) expect(r.stopped).toEqual({ reason: 'signal', signal: 'SIGINT' })
    expect(process.listenerCount('SIGINT')).toBe(before)
    // Checked once they are stopped, so that a failure leaves no child to the tests after it.
    expect(hupWhileRunning).toBe(hupBefore + 1)
    expect(process.listenerCount('SIGHUP')).toBe(hupBefore)
  })

  it('an abort (the step failed elsewhere) stops it, and keeps one from starting', async () => {
    const stop = new AbortController()
    const running = createExecRunner(sink().fence)(SH, shell('echo up; exec sleep 60'), process.env, {
      stream: true,
      signal: stop.signal
    })
    expect(await until(() => liveChildren() === 1, 5000)).toBe(true)
    stop.abort()
    expect((await running).stopped).toEqual({ reason: 'aborted' })
    const never = await createExecRunner(sink().fence)(NODE, script('process.exit(0)'), process.env, {
      stream: true,
      signal: stop.signal
    })
    expect(never).toEqual({ exitCode: 1, stdout: '', stderr: '', stopped: { reason: 'aborted' } })
  })

  it('a command that cannot be started rejects', async () => {
    await expect(
      createExecRunner(sink().fence)('/nonexistent/docker', [], process.env, { stream: true })
    ).rejects.toThrow(/could not run \/nonexistent\/docker/)
  })

  it('a program that is not on PATH: says so, not spawn ENOENT', async () => {
    await expect(
      createExecRunner(sink().fence)('btp-no-such-program', [], { PATH: '/nonexistent' }, { stream: true })
    ).rejects.toMatchObject({
      message: 'could not run btp-no-such-program: it is not installed, or not on PATH',
      // Kept for whoever tells a missing program apart: credential helpers (credentials.ts).
      code: 'ENOENT'
    })
  })

  describe('a reader slower than the command', () => {
    /** A stream that takes 64 KiB every `ms`; records the most it ever held. */
    function slowReader(ms: number) {
      const seen = { bytes: 0, mostHeld: 0 }
      const stream = new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _encoding, done) {
          seen.bytes += chunk.length
          seen.mostHeld = Math.max(seen.mostHeld, stream.writableLength)
          setTimeout(done, ms)
        }
      })
      return { stream, seen }
    }

    it("holds no more than a few chunks of the command's output: the command waits for the reader", async () => {
      const { stream, seen } = slowReader(1)
      const size = 8 * 1024 * 1024
      const result = await createExecRunner(stream, {})(SH, shell(`head -c ${size} /dev/zero`), process.env, {
        stream: true
      })
      expect(result.exitCode).toBe(0)
      await new Promise(resolve => stream.end(resolve))
      // All of it reached the reader (after the command line), none of it held all at once.
      expect(seen.bytes).toBe(size + `[command]${SH} -c head -c ${size} /dev/zero\n`.length)
      expect(seen.mostHeld).toBeLessThan(1024 * 1024)
    })

    it('a command waiting for the reader is not taken for a stalled one', async () => {
      // Each chunk takes the reader longer than the stall window; 192 KiB, under a second in all.
      const { stream, seen } = slowReader(250)
      const size = 192 * 1024
      const result = await createExecRunner(stream, {})(SH, shell(`head -c ${size} /dev/zero`), process.env, {
        stream: true,
        watch: () => ({ stallMs: 150 })
      })
      expect(result.stopped).toBeUndefined()
      expect(result.exitCode).toBe(0)
      await new Promise(resolve => stream.end(resolve))
      expect(seen.bytes).toBeGreaterThan(size)
    })
  })
})

describe('captured commands (@actions/exec under timeout; given stdin, the funnel itself)', () => {
  it('return their output and exit code, and take stdin', async () => {
    const result = await createExecRunner(sink().fence)(
      NODE,
      script(
        `let s = ''; process.stdin.on('data', d => (s += d)).on('end', () => { console.log(s.toUpperCase()); process.exit(3) })`
      ),
      process.env,
      { input: Buffer.from('secret'), deadlineMs: 10_000 }
    )
    expect(result).toEqual({ exitCode: 3, stdout: 'SECRET\n', stderr: '' })
  })

  it('are stopped at their deadline by coreutils timeout', async () => {
    expect(existsSync('/usr/bin/timeout') || existsSync('/bin/timeout')).toBe(true)
    const start = Date.now()
    const result = await createExecRunner(sink().fence)(SH, shell('exec sleep 20'), process.env, {
      deadlineMs: 300
    })
    expect(result.stopped).toEqual({ reason: 'deadline', afterMs: 300 })
    expect(result.exitCode).toBe(124)
    expect(Date.now() - start).toBeLessThan(5000)
  })

  it('without timeout on PATH, the same deadline is enforced by the funnel', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'btp-nopath-'))
    const result = await createExecRunner(sink().fence)(
      NODE,
      script('setTimeout(() => {}, 20000)'),
      { ...process.env, PATH: empty },
      { deadlineMs: 300 }
    )
    expect(result.stopped).toEqual({ reason: 'deadline', afterMs: 300 })
  })

  it.each([
    ['with a deadline', 10_000],
    ['without one', undefined]
  ])(
    'one that exits without reading its stdin fails as itself, not with an EPIPE that ends our process (%s)',
    async (_how, deadlineMs) => {
      // More than a pipe holds, so the write cannot land before the child is gone: a helper that is not
      // installed (timeout exits 127) is the case in the field.
      const result = await createExecRunner(sink().fence)(SH, shell('exit 5'), process.env, {
        input: Buffer.alloc(4 * 1024 * 1024, 'x'),
        deadlineMs
      })
      expect(result).toEqual({ exitCode: 5, stdout: '', stderr: '' })
    }
  )

  it('given stdin, are stopped at their deadline all the same', async () => {
    const result = await createExecRunner(sink().fence)(SH, shell('exec sleep 20'), process.env, {
      input: Buffer.from('secret'),
      deadlineMs: 300
    })
    expect(result.stopped).toEqual({ reason: 'deadline', afterMs: 300 })
  })

  it.each([
    ['read no stdin', undefined],
    ['given stdin', Buffer.from('x')]
  ])(`keep the last ${KEPT_OUTPUT_CHARS} characters of each stream (%s)`, async (_how, input) => {
    const code = `const line = 'x'.repeat(1023) + '\\n'
      for (let i = 0; i < 5 * 1024; i++) { process.stdout.write(line); process.stderr.write(line) }
      process.stdout.write('LAST OUT\\n'); process.stderr.write('last words\\n')`
    const result = await createExecRunner(sink().fence)(NODE, script(code), process.env, {
      input,
      deadlineMs: 60_000
    })
    expect(result.exitCode).toBe(0)
    for (const text of [result.stdout, result.stderr]) {
      expect(text.length).toBeLessThanOrEqual(KEPT_OUTPUT_CHARS)
      expect(text.length).toBeGreaterThan(KEPT_OUTPUT_CHARS - 1024)
    }
    expect(result.stdout.endsWith('\nLAST OUT\n')).toBe(true)
    expect(result.stderr.endsWith('\nlast words\n')).toBe(true)
  })

  it('print nothing of their own', async () => {
    const { fence, text } = sink()
    await createExecRunner(fence)(SH, shell(`echo '::error::x'`), process.env, {
      deadlineMs: 10_000
    })
    expect(text()).toBe('')
  })
})

describe('keptEnd', () => {
  it.each([
    ['short text, whole', 'a\nb', 'a\nb'],
    ['exactly the bound, whole', 'y'.repeat(KEPT_OUTPUT_CHARS), 'y'.repeat(KEPT_OUTPUT_CHARS)],
    [
      'longer: from the first line that starts inside the bound',
      `${'a'.repeat(10)}\n${'b'.repeat(KEPT_OUTPUT_CHARS - 5)}\nc`,
      `${'b'.repeat(KEPT_OUTPUT_CHARS - 5)}\nc`
    ],
    [
      'one endless line: its last characters',
      'z'.repeat(KEPT_OUTPUT_CHARS + 3),
      'z'.repeat(KEPT_OUTPUT_CHARS)
    ]
  ])('%s', (_what, text, kept) => {
    expect(keptEnd(text)).toBe(kept)
  })
})
