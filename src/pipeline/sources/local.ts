// A local source line to an image to push: an OCI layout directory, a tar of one, a `docker save`
// archive, or an image of the docker engine. Only the last needs the engine; the files are read by
// the registry client's side of this program alone.
import { mkdir, mkdtemp, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Docker } from '../../docker/docker.js'
import type { Reporter } from '../../log/reporter.js'
import type { LocalSourceRef } from '../../inputs/sources.js'
import { isIndex } from '../../registry/oci.js'
import { readDaemonImage } from './daemon.js'
import { archiveTree, directoryTree } from './files.js'
import { readDockerArchive } from './docker-archive.js'
import { failOn, readLayout, type LocalImage } from './layout.js'
import { TarFormatError } from './tar.js'

export interface LocalContext {
  docker: Docker
  /** The run's private directory: `docker save` exports and compressed layers go there. */
  workDir: string
  reporter: Reporter
}

/** The image, and what `imageid` says of it: the engine's image ID, else the config (or index) digest. */
export async function readLocal(
  source: LocalSourceRef,
  ctx: LocalContext
): Promise<LocalImage & { imageid: string }> {
  const dir = path.join(ctx.workDir, 'sources')
  // A fresh directory each time: two lines may name the same image.
  const scratch = async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    return mkdtemp(path.join(dir, 'image-'))
  }
  if (source.transport === 'docker-daemon') {
    const image = await readDaemonImage(source, { ...ctx, scratch })
    return { ...image, imageid: image.id }
  }
  const fail = failOn(source)
  const where = path.resolve(source.path)
  const found = await stat(where).catch(() => undefined)
  const directory = source.transport === 'oci'
  if (!found || found.isDirectory() !== directory)
    fail(`${JSON.stringify(source.path)}: no such ${directory ? 'directory' : 'file'}`)
  const tree = directory
    ? directoryTree(where)
    : await archiveTree(where).catch(error =>
        error instanceof TarFormatError
          ? fail(`${JSON.stringify(source.path)}: ${error.message}`)
          : Promise.reject(error)
      )
  const image =
    source.transport === 'docker-archive'
      ? await readDockerArchive(tree, source, scratch)
      : await readLayout(tree, source)
  return {
    ...image,
    imageid: isIndex(image.top.mediaType) ? image.top.digest : (image.config ?? image.top.digest)
  }
}
