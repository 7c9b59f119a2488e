// node's crypto, loaded on first use. `@actions/core` imports it for the random delimiter of its file
// commands, and so loaded it at the start of every run: about 9 ms on a slow machine, before the build, and
// most of the cold start an input error pays beyond node's own. A builtin cannot be mapped through tsconfig
// `paths` as `@actions/http-client` is (ncc makes it external before it resolves anything), so
// `npm run package` puts this in place of the bundle's `crypto` and `node:crypto` externals
// (scripts/lazy-crypto.mjs), with node's `require` as its argument.
//
// The random values a run draws before its build (the file commands' delimiters, the log fence's token) come
// from /dev/urandom, the kernel's generator that OpenSSL seeds itself from: sixteen bytes read there cost a
// few microseconds. Everything else, and these too where there is no /dev/urandom (Windows), is node's own.
// The pipeline loads the real module while the build runs, for the verification's hashes (whileDockerRuns).
'use strict'
module.exports = nodeRequire => {
  let real
  const load = () => (real ??= nodeRequire('node:crypto'))
  const fs = nodeRequire('node:fs')

  /** `size` bytes from /dev/urandom; undefined where it cannot be read. */
  const urandom = size => {
    let fd
    try {
      fd = fs.openSync('/dev/urandom', 'r')
    } catch {
      return undefined
    }
    try {
      const bytes = Buffer.alloc(size)
      for (let at = 0; at < size;) {
        const got = fs.readSync(fd, bytes, at, size - at, null)
        if (got <= 0) return undefined
        at += got
      }
      return bytes
    } catch {
      return undefined
    } finally {
      fs.closeSync(fd)
    }
  }

  const own = {
    randomBytes(size, callback) {
      const small = callback === undefined && Number.isSafeInteger(size) && size >= 0 && size <= 65536
      return (small && urandom(size)) || load().randomBytes(size, callback)
    },
    randomUUID(options) {
      const bytes = urandom(16)
      if (!bytes) return load().randomUUID(options)
      // RFC 9562 version 4: the version in the high nibble of byte 6, the variant in the top bits of byte 8.
      bytes[6] = (bytes[6] & 0x0f) | 0x40
      bytes[8] = (bytes[8] & 0x3f) | 0x80
      const hex = bytes.toString('hex')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    }
  }

  // Names node:crypto does not have, that the bundle's module interop and `await` read on sight.
  const absent = new Set(['__esModule', 'then'])
  return new Proxy(
    {},
    {
      get: (_, name) => (Object.hasOwn(own, name) ? own[name] : absent.has(name) ? undefined : load()[name]),
      has: (_, name) => name in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, name) => {
        if (Object.hasOwn(own, name))
          return { value: own[name], writable: false, enumerable: true, configurable: true }
        const d = Object.getOwnPropertyDescriptor(load(), name)
        return d && { ...d, configurable: true }
      }
    }
  )
}
