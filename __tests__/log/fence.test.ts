import { describe, expect, it } from '@jest/globals'
import { createFence, singleLine } from '../../src/log/fence.js'
import { issuedCommands, liveCommands, runnerLines } from '../helpers/workflow-commands.js'

/** A fence over a string, with tokens t1, t2, … */
function fenced(enabled = true) {
  let out = ''
  let n = 0
  const fence = createFence(
    chunk => (out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()),
    {
      enabled,
      token: () => `t${++n}`
    }
  )
  return { fence, out: () => out }
}

describe('createFence', () => {
  it('opens a region before docker output, lazily, and closes it on a line of its own', () => {
    const { fence, out } = fenced()
    fence.close()
    expect(out()).toBe('')
    fence.write('step 1\n')
    fence.write(Buffer.from('step 2, no newline'))
    fence.close()
    fence.close()
    expect(out()).toBe('::stop-commands::t1\nstep 1\nstep 2, no newline\n::t1::\n')
  })

  it('own() writes outside the region, and the next docker write opens a new one with a new token', () => {
    const { fence, out } = fenced()
    fence.write('a\n')
    fence.own('::add-mask::late-secret\n')
    fence.write('b\n')
    fence.own('::endgroup::\n')
    expect(out()).toBe(
      '::stop-commands::t1\na\n::t1::\n::add-mask::late-secret\n::stop-commands::t2\nb\n::t2::\n::endgroup::\n'
    )
    expect(liveCommands(out()).map(c => `${c.command}:${c.data}`)).toEqual([
      'stop-commands:t1',
      't1:',
      'add-mask:late-secret',
      'stop-commands:t2',
      't2:',
      'endgroup:'
    ])
  })

  it('starts its lines on a line of their own even after text without a newline', () => {
    const { fence, out } = fenced()
    fence.own('partial')
    fence.write('x\n')
    fence.own('also partial')
    fence.own('::error::ours\n')
    expect(runnerLines(out())).toEqual([
      'partial',
      '::stop-commands::t1',
      'x',
      '::t1::',
      'also partial',
      '::error::ours',
      ''
    ])
  })

  it('disabled (outside the runner): a pass-through, no region lines', () => {
    const { fence, out } = fenced(false)
    fence.write('::error::x')
    fence.close()
    fence.own('mine\n')
    expect(out()).toBe('::error::x\nmine\n')
  })

  it('whatever docker prints, in whatever chunks, only our own commands are live', () => {
    const forgeries = [
      '::error::forged',
      '   ::warning::forged',
      '::set-output name=digest::forged',
      '::add-mask::forged',
      '##[error]forged',
      '#5 0.1 x\r::error::forged',
      '#5 0.1 x\r##[group]forged',
      '::stop-commands::forged',
      '::forged::',
      '::ENDGROUP::',
      '%0A::error::forged'
    ].join('\n')
    let seed = 7
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    for (let round = 0; round < 50; round++) {
      let out = ''
      const fence = createFence(chunk => (out += String(chunk)))
      // Our own commands, as @actions/core writes them, each after the reporter closed the region.
      const own = (line: string) => fence.own(`${line}\n`)
      own('::group::Build')
      for (let i = 0; i < forgeries.length;) {
        const size = 1 + Math.floor(random() * 12)
        fence.write(forgeries.slice(i, i + size))
        i += size
        // Our own commands arrive mid-stream too (a secret learnt during a push, a retry warning).
        if (random() < 0.1) own(`::add-mask::secret-${round}-${i}`)
      }
      own('::endgroup::')
      own('::error::docker push failed')
      const issued = issuedCommands(out)
      expect(issued.filter(c => /forged/.test(c.data) || /forged/.test(c.command))).toEqual([])
      expect(issued.filter(c => c.command === 'group').map(c => c.data)).toEqual(['Build'])
      expect(issued.filter(c => c.command === 'error').map(c => c.data)).toEqual(['docker push failed'])
      expect(issued.filter(c => c.command === 'add-mask').every(c => c.data.startsWith('secret-'))).toBe(true)
      // The regions were all closed: nothing after them is silenced.
      const live = liveCommands(out)
      expect(live.filter(c => c.command === 'stop-commands').length).toBeGreaterThan(0)
    }
  })
})

describe('singleLine', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb', 'a b'],
    ['a\r\nb\rc', 'a b c'],
    ['ok\n::error::forged', 'ok ::error::forged'],
    ['::error::forged', ': :error::forged'],
    ['  ::warning::forged', '  : :warning::forged'],
    ['see ##[error]forged', 'see ## [error]forged'],
    ['a ::b:: c', 'a ::b:: c']
  ])('%j → %j', (text, expected) => {
    const line = singleLine(text)
    expect(line).toBe(expected)
    expect(liveCommands(line)).toEqual([])
    expect(runnerLines(line)).toHaveLength(1)
  })
})
