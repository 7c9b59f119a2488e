// What `docker save` writes on docker 25 and later with the classic image store (moby
// image/tarexport/save.go, moby#47072), made from a classic archive as dockerd 20.10 writes it: the same
// config and uncompressed layer tars, now at blobs/sha256/<digest> (a layer's digest is its diff_id), an
// OCI manifest naming them `application/vnd.oci.image.layer.v1.tar`, index.json and oci-layout, and a
// manifest.json pointing into blobs/. The engines here are dockerd 20.10 (classic store, the old archive)
// and dockerd 26 on the containerd store (compressed layers): neither writes this one, so it is made from
// either's archive, a compressed layer decompressed (its diff_id is the digest of the plain tar).
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/**
 * Rewrites the extracted archive in `from` into the docker ≥ 25 layout in `to` (a directory). With
 * `layerless`, the manifest lists no layers, as docker 25.0.0's did (moby#47065).
 */
export async function asDocker25ClassicSave(
  from: string,
  to: string,
  opts: { layerless?: boolean } = {}
): Promise<void> {
  const [entry] = JSON.parse(await readFile(join(from, 'manifest.json'), 'utf8')) as {
    Config: string
    RepoTags: string[]
    Layers: string[]
  }[]
  const blobs = join(to, 'blobs', 'sha256')
  await mkdir(blobs, { recursive: true })
  const put = async (body: Buffer): Promise<string> => {
    const hex = sha256(body)
    await writeFile(join(blobs, hex), body)
    return hex
  }
  const configBody = await readFile(join(from, entry.Config))
  const config = JSON.parse(configBody.toString('utf8')) as { architecture: string; os: string }
  const configHex = await put(configBody)
  const layers = []
  for (const name of entry.Layers) {
    const saved = await readFile(join(from, name))
    const body = saved[0] === 0x1f && saved[1] === 0x8b ? gunzipSync(saved) : saved
    layers.push({
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      digest: `sha256:${await put(body)}`,
      size: body.length
    })
  }
  const platform = { architecture: config.architecture, os: config.os }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${configHex}`,
        size: configBody.length
      },
      layers: opts.layerless ? [] : layers
    })
  )
  const manifestHex = await put(manifest)
  const name = entry.RepoTags[0]
  await writeFile(
    join(to, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${manifestHex}`,
          size: manifest.length,
          annotations: {
            'io.containerd.image.name': `docker.io/${name}`,
            'org.opencontainers.image.ref.name': name.slice(name.lastIndexOf(':') + 1)
          },
          platform
        }
      ]
    })
  )
  await writeFile(join(to, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  await writeFile(
    join(to, 'manifest.json'),
    JSON.stringify([
      {
        Config: `blobs/sha256/${configHex}`,
        RepoTags: entry.RepoTags,
        Layers: layers.map(l => `blobs/sha256/${l.digest.slice(7)}`)
      }
    ])
  )
}
