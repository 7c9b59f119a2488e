import { describe, expect, it } from '@jest/globals'
import { maskedOutput } from '../../src/cli/masked-output.js'

describe('maskedOutput', () => {
  const run = (chunks: (string | Uint8Array)[], fenced = false) => {
    const written: string[] = []
    const out = maskedOutput(
      t => written.push(t),
      t => t.split('s3cret').join('***'),
      fenced
    )
    for (const c of chunks) out.write(c)
    const beforeClose = written.join('')
    out.close()
    return { beforeClose, all: written.join('') }
  }

  it('masks a secret split between chunks, a line at a time', () => {
    const r = run(['#5 0.39 s3', 'cret\n#5 done s3c', 'ret\r', 'tail s3c'])
    expect(r.beforeClose).toBe('#5 0.39 ***\n#5 done ***\r')
    expect(r.all).toBe('#5 0.39 ***\n#5 done ***\rtail s3c')
  })

  it('decodes bytes split inside a character, and masks them too', () => {
    const bytes = Buffer.from('é s3cret\n')
    expect(run([bytes.subarray(0, 1), bytes.subarray(1)]).all).toBe('é ***\n')
  })

  it('a line that never ends goes out at 64 KiB', () => {
    expect(run(['x'.repeat(70_000)]).beforeClose).toHaveLength(70_000)
  })

  it('in a workflow the output is fenced off from the runner as well', () => {
    const all = run(['::set-output name=x::s3cret\n'], true).all.split('\n')
    expect(all[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/)
    expect(all[1]).toBe('::set-output name=x::***')
    expect(all[2]).toBe(`::${all[0].slice('::stop-commands::'.length)}::`)
  })
})

describe("maskedOutput and a reader that is behind (docker's output waits for it)", () => {
  it("says so when the stream's write does, and tells its drain", () => {
    let behind = false
    const drains: (() => void)[] = []
    const out = maskedOutput(
      () => !behind,
      t => t,
      false,
      then => void drains.push(then)
    )
    expect(out.write('a line\n')).toBe(true)
    behind = true
    expect(out.write('another\n')).toBe(false)
    // A part of a line is held, not written: nothing is behind for it.
    behind = false
    expect(out.write('part')).toBe(true)
    let drained = false
    out.whenDrained?.(() => (drained = true))
    drains.forEach(then => then())
    expect(drained).toBe(true)
  })
})
