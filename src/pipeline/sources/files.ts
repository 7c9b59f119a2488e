// The files of an image on disk, alike whether they sit in a directory (an OCI layout) or in a tar archive
// (an `oci-archive`, a `docker save` archive): a size to check, a small file read whole, a large one
// streamed.
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { indexTar, type TarEntry } from './tar.js'

export interface FileTree {
  /** The directory or archive, to name it in messages. */
  readonly where: string
  /** The file's size, or undefined when there is no such file. */
  size(name: string): Promise<number | undefined>
  /** A small file whole (an index, a manifest, a config); longer than `max` bytes is an error. */
  read(name: string, max: number): Promise<Buffer>
  /** The file's bytes as a stream. */
  open(name: string): Readable
}

export class TooLarge extends Error {}

/** A relative name from inside the image (a layer path in manifest.json): never outside the tree. */
export function insideName(name: string): string | undefined {
  const n = path.posix.normalize(name.replace(/^(?:\.\/)+/, ''))
  return n.startsWith('/') || n === '..' || n.startsWith('../') ? undefined : n
}

export function directoryTree(dir: string): FileTree {
  const at = (name: string) => path.join(dir, ...name.split('/'))
  return {
    where: dir,
    size: name =>
      stat(at(name)).then(
        s => (s.isFile() ? s.size : undefined),
        () => undefined
      ),
    async read(name, max) {
      const fh = await open(at(name), 'r')
      try {
        const { size } = await fh.stat()
        if (size > max) throw new TooLarge(`${name} is ${size} bytes, more than ${max}`)
        return await fh.readFile()
      } finally {
        await fh.close()
      }
    },
    open: name => createReadStream(at(name))
  }
}

export async function archiveTree(file: string): Promise<FileTree> {
  const entries = await indexTar(file)
  const entry = (name: string): TarEntry => {
    const e = entries.get(name)
    if (!e) throw Object.assign(new Error(`${file} has no ${name}`), { code: 'ENOENT' })
    return e
  }
  const range = (e: TarEntry) => ({ start: e.offset, end: e.offset + e.size - 1 })
  return {
    where: file,
    size: async name => entries.get(name)?.size,
    async read(name, max) {
      const e = entry(name)
      if (e.size > max) throw new TooLarge(`${name} is ${e.size} bytes, more than ${max}`)
      if (!e.size) return Buffer.alloc(0)
      const chunks: Buffer[] = []
      for await (const chunk of createReadStream(file, range(e))) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    open(name) {
      const e = entry(name)
      // An empty range would read the whole file: an empty blob is an empty stream.
      return e.size ? createReadStream(file, range(e)) : Readable.from([])
    }
  }
}
