import { describe, expect, it } from '@jest/globals'
import { DockerError } from '../../src/docker/errors.js'
import { tagTaken } from '../../src/pipeline/build.js'
import { VerificationError } from '../../src/pipeline/verify.js'

describe('tagTaken: the containerd store refusing a name another build took at the same moment', () => {
  it('says another build moved the tag, naming it', () => {
    const refused = new DockerError(
      'buildx build',
      1,
      'ERROR: failed to solve: image "127.0.0.1:5000/race/app:shared": already exists'
    )
    const said = tagTaken(refused)
    expect(said).toBeInstanceOf(VerificationError)
    expect((said as Error).message).toMatch(
      /^another build moved the tag 127\.0\.0\.1:5000\/race\/app:shared /
    )
  })
  it('passes any other failure through', () => {
    const other = new DockerError('buildx build', 1, 'ERROR: failed to solve: something else')
    expect(tagTaken(other)).toBe(other)
  })
})
