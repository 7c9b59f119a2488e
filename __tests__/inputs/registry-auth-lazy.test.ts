// js-yaml is loaded only for a run that sets registry-auth: reading every other input never needs it, so
// the input-error path and runs without logins do not pay for it.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { registryAuthParserLoaded } from '../../src/inputs/registry-auth.js'

describe('registry-auth parser, lazily', () => {
  it('parsing inputs without registry-auth leaves js-yaml unloaded', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'btp-lazy-yaml-'))
    writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
    const values: Record<string, string> = { image: 'my/app', username: 'u', password: 'p' }
    parseInputs(name => values[name] ?? '', cwd)
    expect(registryAuthParserLoaded()).toBe(false)
  })

  it('registry-auth read before the parser is loaded is a programming error, not a silent pass', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'btp-lazy-yaml-'))
    writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
    const values: Record<string, string> = {
      image: 'my/app',
      'registry-auth': '- username: u\n  password: p'
    }
    expect(() => parseInputs(name => values[name] ?? '', cwd)).toThrow(/before loadRegistryAuthParser/)
  })
})
