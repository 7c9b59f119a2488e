// The lazy crypto shim (src/lazy/crypto.cjs), as `npm run package` puts it in place of the bundle's crypto
// externals: it loads node:crypto only when something other than a small random value is asked of it, and
// its own random values have the form and the spread of node's.
import { describe, expect, it } from '@jest/globals'
import * as nodeCrypto from 'node:crypto'
import * as nodeFs from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT } from '../helpers/action.js'
import { runBundle } from '../helpers/bundle.js'

type Crypto = typeof nodeCrypto
const makeShim = createRequire(import.meta.url)(join(ROOT, 'src', 'lazy', 'crypto.cjs')) as (
  nodeRequire: (id: string) => unknown
) => Crypto

/** The shim over a `require` that records what it was asked for; `fs` replaces node:fs. */
function shim(fs: unknown = nodeFs): { crypto: Crypto; required: string[] } {
  const required: string[] = []
  const crypto = makeShim(id => {
    required.push(id)
    if (id === 'node:crypto') return nodeCrypto
    if (id === 'node:fs') return fs
    throw new Error(`unexpected require of ${id}`)
  })
  return { crypto, required }
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('src/lazy/crypto.cjs', () => {
  it('draws randomUUID and small randomBytes without loading node:crypto', () => {
    const { crypto, required } = shim()
    expect(crypto.randomUUID()).toMatch(UUID_V4)
    const bytes = crypto.randomBytes(16)
    expect(Buffer.isBuffer(bytes)).toBe(true)
    expect(bytes).toHaveLength(16)
    // What the bundle's module interop and `await` read on sight loads nothing either.
    expect((crypto as unknown as Record<string, unknown>).__esModule).toBeUndefined()
    expect((crypto as unknown as Record<string, unknown>).then).toBeUndefined()
    expect(required).toEqual(['node:fs'])
  })

  it('gives UUIDs of the form node gives, every nibble spread as evenly', () => {
    const { crypto } = shim()
    const ours = Array.from({ length: 4000 }, () => crypto.randomUUID())
    const nodes = Array.from({ length: 4000 }, () => nodeCrypto.randomUUID())
    for (const u of [...ours.slice(0, 50), ...nodes.slice(0, 50)]) expect(u).toMatch(UUID_V4)
    expect(new Set(ours).size).toBe(ours.length)
    // Each random hex position: counts of its 16 values, ours against node's, within chance (4000 draws,
    // 250 expected per value; a spread of 5 standard deviations is about 76).
    const counts = (uuids: string[], at: number): number[] => {
      const c = new Array<number>(16).fill(0)
      for (const u of uuids) c[parseInt(u[at], 16)]++
      return c
    }
    for (const at of [0, 9, 15, 20, 35]) {
      const theirs = counts(nodes, at)
      counts(ours, at).forEach((n, value) => expect(Math.abs(n - theirs[value])).toBeLessThan(110))
    }
    // The variant position takes only 8, 9, a and b, as node's does.
    expect(new Set(ours.map(u => u[19]))).toEqual(new Set(nodes.map(u => u[19])))
  })

  it('loads node:crypto for anything else, and gives node own', () => {
    const { crypto, required } = shim()
    expect(crypto.createHash('sha256').update('x').digest('hex')).toBe(
      nodeCrypto.createHash('sha256').update('x').digest('hex')
    )
    expect(required).toContain('node:crypto')
    expect('createHash' in crypto).toBe(true)
    expect(Object.keys(crypto)).toEqual(Object.keys(nodeCrypto))
    expect(crypto.webcrypto).toBe(nodeCrypto.webcrypto)
  })

  it('leaves large, asynchronous and invalid randomBytes to node', async () => {
    const { crypto, required } = shim()
    expect(crypto.randomBytes(100_000)).toHaveLength(100_000)
    expect(required).toContain('node:crypto')
    const viaCallback = await new Promise<Buffer>((resolve, reject) =>
      crypto.randomBytes(8, (error, buf) => (error ? reject(error) : resolve(buf)))
    )
    expect(viaCallback).toHaveLength(8)
    expect(() => crypto.randomBytes(-1)).toThrow(/size/)
  })

  it('falls back to node:crypto where /dev/urandom cannot be read (Windows)', () => {
    const noUrandom = {
      ...nodeFs,
      openSync: () => {
        throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' })
      }
    }
    const { crypto, required } = shim(noUrandom)
    expect(crypto.randomUUID()).toMatch(UUID_V4)
    expect(crypto.randomBytes(16)).toHaveLength(16)
    expect(required).toContain('node:crypto')
  })

  it('is what the bundle holds in place of node:crypto: an input error loads no crypto', () => {
    const loaded = runBundle({}).builtins
    expect(loaded.length).toBeGreaterThan(0)
    expect(loaded).not.toContain('crypto')
  })
})
