// `docker-daemon:` sources: the engine's own image, exported with `docker save` and read as an archive.
// On the containerd image store the image ID is the digest of the image's index (or manifest), and the
// export holds it byte for byte. The classic store keeps no manifest, so the image gets a new one (its
// layers compressed anew), and the identity that survives is its config digest, the image ID there.
import path from 'node:path'
import { DockerError } from '../../docker/errors.js'
import type { Docker } from '../../docker/docker.js'
import type { Reporter } from '../../log/reporter.js'
import type { LocalSourceRef } from '../../inputs/sources.js'
import { archiveTree } from './files.js'
import { readDockerArchive } from './docker-archive.js'
import { failOn, type LocalImage } from './layout.js'

/** How an image is named in messages: an ID by its first 12 hex digits, as docker shows it. */
const shortImage = (image: string): string => {
  const hex = imageIdHex(image)
  return hex ? hex.slice(0, 12) : image
}

const imageIdHex = (image: string): string | undefined => /^(?:sha256:)?([a-f0-9]{64})$/.exec(image)?.[1]

/** Why an ID may find nothing, and what finds the image: said for an ID only. */
const BY_TAG =
  ': on the containerd image store an image ID is its manifest or index digest, and a config digest (buildx 0.13 writes one to --iidfile for an image without attestations) names no image there; name the image by its tag'

export async function readDaemonImage(
  source: LocalSourceRef,
  ctx: { docker: Docker; scratch: () => Promise<string>; reporter: Reporter }
): Promise<LocalImage & { id: string }> {
  const fail = failOn(source)
  const info = await ctx.docker.inspect(source.path).catch(error => {
    if (error instanceof DockerError && /no such (?:image|object)/i.test(error.stderr))
      fail(
        `the docker engine has no image ${JSON.stringify(shortImage(source.path))}${imageIdHex(source.path) ? BY_TAG : ''}`
      )
    throw error
  })
  const dir = await ctx.scratch()
  const file = path.join(dir, 'image.tar')
  // By ID, so that what is exported is what was inspected, whatever a tag points to meanwhile.
  await ctx.docker.save(info.id, file, info.size)
  const image = await readDockerArchive(
    await archiveTree(file),
    { ...source, reference: undefined },
    async () => dir
  )
  const short = shortImage(info.id)
  if (image.top.digest === info.id)
    ctx.reporter.info(
      `Source ${source.line}: image ${short} is its ${image.top.mediaType}, pushed byte for byte`
    )
  else if (image.config === info.id)
    ctx.reporter.info(
      `Source ${source.line}: this docker engine's image store keeps no manifest, so a new one is written (${image.top.digest}, the layers gzip-compressed as docker push does); the pushed config digest is image ${short}`
    )
  else
    throw new Error(
      `docker save of image ${short} exported ${image.top.digest} with config ${image.config ?? 'none'}: neither is the image ID, so it cannot be proven the same image`
    )
  return { ...image, id: info.id }
}
