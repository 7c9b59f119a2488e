// `docker-daemon:` sources the engine does not have: one input error naming `sources` and the line, and for an
// image ID, why an ID from buildx's --iidfile may find nothing and what finds the image.
import { describe, expect, it } from '@jest/globals'
import { Docker } from '../../../src/docker/docker.js'
import type { Runner } from '../../../src/docker/exec.js'
import { readDaemonImage } from '../../../src/pipeline/sources/daemon.js'
import { quietReporter } from '../../helpers/reporter.js'

const CONFIG = `sha256:${'7a'.repeat(32)}`

/** An engine with no images: every inspect answers as dockerd does. */
const noImages: Runner = async (_command, args) => ({
  exitCode: 1,
  stdout: '',
  stderr: `Error response from daemon: No such image: ${args[args.length - 1]}`
})

async function refusal(path: string): Promise<Error> {
  const line = `docker-daemon:${path}`
  const source = { line, transport: 'docker-daemon' as const, path }
  const ctx = {
    docker: new Docker(noImages, {}),
    scratch: async () => '/nonexistent',
    reporter: quietReporter
  }
  return readDaemonImage(source, ctx).then(
    () => {
      throw new Error('read an image the engine does not have')
    },
    (error: Error) => error
  )
}

describe('readDaemonImage: an image the engine does not have', () => {
  it('an ID: says that a config digest names no image on the containerd store, and to use the tag', async () => {
    const error = await refusal(CONFIG)
    expect(error.name).toBe('InputError')
    expect(error.message).toContain(`Invalid input "sources": "docker-daemon:${CONFIG}"`)
    expect(error.message).toContain(`the docker engine has no image "${'7a'.repeat(6)}"`)
    expect(error.message).toMatch(/a config digest .* names no image there; name the image by its tag$/)
  })

  it('a reference: nothing about IDs', async () => {
    const error = await refusal('registry.example/app:test-1')
    expect(error.message).toMatch(/the docker engine has no image "registry.example\/app:test-1"$/)
  })
})
