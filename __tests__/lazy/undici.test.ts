// The lazy undici shim: before preload() only `preload` is there (webpack's interop reads keys and `then`
// when a module is imported), and a real use fails loudly; after it, the real module answers.
import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'

const shim = createRequire(import.meta.url)('../../src/lazy/undici.cjs') as Record<
  string | symbol,
  unknown
> & {
  preload: () => Promise<Record<string, unknown>>
}

describe('src/lazy/undici.cjs', () => {
  it('before preload: only preload, no thenable, and a real use says why it fails', () => {
    expect(Object.keys(shim)).toEqual(['preload'])
    expect(shim.then).toBeUndefined()
    expect(shim.__esModule).toBeUndefined()
    expect(() => shim.fetch).toThrow(/undici is used before preload\(\) loaded it/)
  })

  it('after preload: the real undici, by property', async () => {
    const real = await shim.preload()
    expect(typeof real.fetch).toBe('function')
    expect(shim.fetch).toBe(real.fetch)
    expect(shim.ProxyAgent).toBe(real.ProxyAgent)
    expect(Object.keys(shim)).toEqual(expect.arrayContaining(['preload', 'fetch', 'ProxyAgent']))
  })
})
