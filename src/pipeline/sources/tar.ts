// Reads a tar archive's table of contents without reading the files in it: one 512-byte header per entry,
// then each file is a byte range of the archive, opened on demand. A blob in an `oci-archive` or a
// `docker save` archive is streamed from its range, never read whole.
import { open, type FileHandle } from 'node:fs/promises'
import path from 'node:path'

export interface TarEntry {
  /** Where the file's bytes begin in the archive. */
  offset: number
  size: number
}

export class TarFormatError extends Error {}

const BLOCK = 512
/** An archive with more entries than this is not an image. */
const MAX_ENTRIES = 100_000
/** Pax and GNU long-name records are small; a larger one is not a name. */
const MAX_META = 1024 * 1024

const field = (h: Buffer, start: number, length: number): string => {
  const raw = h.subarray(start, start + length)
  const nul = raw.indexOf(0)
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8')
}

function number(h: Buffer, start: number, length: number): number {
  // GNU base-256 for sizes past 8 GB: the high bit of the first byte set.
  if (h[start] & 0x80) {
    let n = h[start] & 0x7f
    for (let i = start + 1; i < start + length; i++) n = n * 256 + h[i]
    return n
  }
  const text = field(h, start, length).trim()
  if (text && !/^[0-7]+$/.test(text))
    throw new TarFormatError(`bad number ${JSON.stringify(text)} in a header`)
  return text ? Number.parseInt(text, 8) : 0
}

function checksumOk(h: Buffer): boolean {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]
  try {
    return sum === number(h, 148, 8)
  } catch {
    return false
  }
}

/** `key=value` records of a pax extended header (`<len> key=value\n`). */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const length = Number.parseInt(data.subarray(at, space).toString('ascii'), 10)
    if (space < 0 || !(length > 0)) break
    const record = data.subarray(space + 1, at + length - 1).toString('utf8')
    const eq = record.indexOf('=')
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1)
    at += length
  }
  return out
}

const clean = (name: string): string =>
  path.posix.normalize(name.replace(/^(?:\.\/)+/, '')).replace(/\/+$/, '')

/** Every regular file of the archive by its normalized path; symbolic and hard links resolved. */
export async function indexTar(file: string): Promise<Map<string, TarEntry>> {
  const fh = await open(file, 'r')
  try {
    const { size: total } = await fh.stat()
    const files = new Map<string, TarEntry>()
    const links = new Map<string, string>()
    let pos = 0
    let count = 0
    let longName: string | undefined
    let longLink: string | undefined
    let pax: Record<string, string> = {}
    for (;;) {
      const h = await readAt(fh, pos, BLOCK)
      if (h.length < BLOCK || h.every(b => b === 0)) break
      if (!checksumOk(h))
        throw new TarFormatError(`no tar header at byte ${pos}: not a tar archive, or damaged`)
      if (++count > MAX_ENTRIES) throw new TarFormatError(`more than ${MAX_ENTRIES} entries`)
      const type = String.fromCharCode(h[156] || 0x30)
      const size = pax.size !== undefined ? Number(pax.size) : number(h, 124, 12)
      const offset = pos + BLOCK
      if (!Number.isSafeInteger(size) || size < 0 || offset + size > total)
        throw new TarFormatError(`the entry at byte ${pos} runs past the end of the archive (truncated?)`)
      pos = offset + Math.ceil(size / BLOCK) * BLOCK
      if (type === 'x' || type === 'L' || type === 'K') {
        if (size > MAX_META) throw new TarFormatError(`a ${size}-byte extended header`)
        const data = await readAt(fh, offset, size)
        if (type === 'x') pax = paxRecords(data)
        else if (type === 'L') longName = field(data, 0, data.length)
        else longLink = field(data, 0, data.length)
        continue
      }
      // POSIX ustar has a name prefix there; the old GNU format (magic "ustar  ") keeps times in its place.
      const prefix = h.subarray(257, 263).toString('latin1') === 'ustar\0' ? field(h, 345, 155) : ''
      const name = clean(
        pax.path ?? longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100))
      )
      const link = pax.linkpath ?? longLink ?? field(h, 157, 100)
      pax = {}
      longName = longLink = undefined
      if (type === '0' || type === '7') files.set(name, { offset, size })
      else if (type === '1') links.set(name, clean(link))
      else if (type === '2') links.set(name, clean(path.posix.join(path.posix.dirname(name), link)))
    }
    // `docker save` links a layer that two images share to the first copy.
    for (const [name, target] of links) {
      let to = target
      for (let hops = 0; hops < 8 && !files.has(to) && links.has(to); hops++) to = links.get(to)!
      const entry = files.get(to)
      if (entry) files.set(name, entry)
    }
    return files
  } finally {
    await fh.close()
  }
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  let got = 0
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got)
    if (!bytesRead) break
    got += bytesRead
  }
  return buf.subarray(0, got)
}
