import { describe, it, expect } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { Docker } from '../../src/docker/docker.js'
import type { Runner } from '../../src/docker/exec.js'
import { runPipeline } from '../../src/pipeline/index.js'
import { quietReporter } from '../helpers/reporter.js'
import { testDir } from '../helpers/temp.js'
import { warnOnCacheExport } from '../../src/pipeline/build.js'
import { loginHost, withHint } from '../../src/pipeline/hints.js'
import { checkManifests, platformDigests, VerificationError } from '../../src/pipeline/verify.js'
import type { Manifest } from '../../src/registry/api.js'
import { DockerError } from '../../src/docker/errors.js'
import { ClassifiedError } from '../../src/core/retry.js'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { cliTerm } from '../../src/cli/main.js'
import { actionTerm, renderInputRefs } from '../../src/inputs/parse.js'

const d = (c: string): string => `sha256:${c.repeat(64)}`
const A = d('a')
const B = d('b')
const C = d('c')
const IMAGEID = d('f')

const OCI = 'application/vnd.oci.image.manifest.v1+json'

function manifest(digest: string, over: Partial<Manifest> = {}): Manifest {
  return {
    digest,
    mediaType: OCI,
    body: Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI, config: { digest: IMAGEID } })),
    ...over
  }
}

const withConfig = (digest: string, config: string): Manifest =>
  manifest(digest, { body: Buffer.from(JSON.stringify({ schemaVersion: 2, config: { digest: config } })) })

function reporter() {
  const warnings: string[] = []
  return { warnings, reporter: { warning: (m: string) => void warnings.push(m) } }
}

describe('checkManifests accepts', () => {
  it.each([
    ['one tag, pushed', ['v1'], [manifest(A)], [A], A],
    [
      'all tags serve the pushed digest',
      ['v1', 'latest', 'sha-1'],
      [manifest(A), manifest(A), manifest(A)],
      [A],
      A
    ],
    ['pushed holds several digests, one of them served', ['v1'], [manifest(A)], [B, A], A],
    [
      'no pushed digests, digest is the image id',
      ['v1', 'v2'],
      [manifest(IMAGEID), manifest(IMAGEID)],
      [],
      IMAGEID
    ],
    ['no pushed digests, config digest is the image id', ['v1'], [withConfig(A, IMAGEID)], [], A],
    // The containerd store knows the image by its index digest, which is what buildx's iid then is.
    [
      'the served digest is one of the build identity digests',
      ['v1'],
      [withConfig(A, B)],
      [A],
      A,
      [IMAGEID, A]
    ]
  ])('%s', (_name, tags, manifests, pushed, expected, identity = [IMAGEID]) => {
    const r = reporter()
    expect(checkManifests(tags, manifests, pushed, identity, r.reporter)).toBe(expected)
    expect(r.warnings).toEqual([])
  })
})

describe('checkManifests rejects', () => {
  it.each([
    [
      'tags serving different manifests',
      ['v1', 'latest'],
      [manifest(A), manifest(B)],
      [A],
      ['v1', 'latest', A, B, 'different manifests']
    ],
    ['a third tag that moved', ['v1', 'v2', 'v3'], [manifest(A), manifest(A), manifest(C)], [A], ['v3', C]],
    ['a digest docker did not push', ['v1'], [manifest(B)], [A], ['v1', B, A]],
    [
      // Two jobs on one engine: the shared local tag moved to the other build before docker pushed it.
      'docker pushed another build under our tag',
      ['v1'],
      [withConfig(A, B)],
      [A],
      ['v1', A, IMAGEID, 'not the image this run built', 'another build moved the tag']
    ],
    ['no pushed digests and a foreign manifest', ['v1'], [withConfig(A, B)], [], ['v1', A, IMAGEID]],
    [
      'no pushed digests and a body that is not JSON',
      ['v1'],
      [manifest(A, { body: Buffer.from('not json') })],
      [],
      [A]
    ],
    [
      'no pushed digests and no config',
      ['v1'],
      [manifest(A, { body: Buffer.from('{"manifests":[]}') })],
      [],
      [A, IMAGEID]
    ]
  ])('%s', (_name, tags, manifests, pushed, mentions) => {
    let err: unknown
    try {
      checkManifests(tags, manifests, pushed, [IMAGEID])
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(VerificationError)
    expect((err as Error).name).toBe('VerificationError')
    for (const m of mentions) expect((err as Error).message).toContain(m)
  })
})

describe('checkManifests and Docker-Content-Digest', () => {
  it('warns when the header lies and returns the content digest', () => {
    const r = reporter()
    const got = checkManifests(
      ['v1', 'v2'],
      [manifest(A, { headerDigest: B }), manifest(A)],
      [A],
      [IMAGEID],
      r.reporter
    )
    expect(got).toBe(A)
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toContain('v1')
    expect(r.warnings[0]).toContain(A)
    expect(r.warnings[0]).toContain(B)
  })

  it('does not trust a lying header over the pushed digests', () => {
    const r = reporter()
    expect(() =>
      checkManifests(['v1'], [manifest(B, { headerDigest: A })], [A], [IMAGEID], r.reporter)
    ).toThrow(VerificationError)
    expect(r.warnings).toHaveLength(1)
  })

  it('never quotes a header that is no digest: a registry may echo anything there, a password too', () => {
    for (const header of ['x'.repeat(10_000), 'Basic cHJvYmU6U3VwM3I= Sup3r-S3cret!']) {
      const r = reporter()
      checkManifests(['v1'], [manifest(A, { headerDigest: header })], [A], [IMAGEID], r.reporter)
      expect(r.warnings[0]).toContain('for tag v1 (not a digest) does not match')
      expect(r.warnings[0]).not.toMatch(/xxx|S3cret|cHJv/)
    }
  })

  it('is silent when the header matches', () => {
    const r = reporter()
    expect(checkManifests(['v1'], [manifest(A, { headerDigest: A })], [A], [IMAGEID], r.reporter)).toBe(A)
    expect(r.warnings).toEqual([])
  })

  it('works without a reporter', () => {
    expect(checkManifests(['v1'], [manifest(A, { headerDigest: B })], [A], [IMAGEID])).toBe(A)
  })
})

describe('loginHost', () => {
  it.each([
    ['docker.io', undefined],
    ['index.docker.io', undefined],
    ['registry-1.docker.io', undefined],
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['[::1]:5000', '[::1]:5000']
  ])('%s → %p', (registry, expected) => {
    expect(loginHost(registry)).toBe(expected)
  })
})

describe('withHint', () => {
  const thrown = (registry: string, error: Error, username = ''): Error => {
    try {
      const targets = [{ registry, image: 'my/app' }]
      withHint(makeInputs({ registry, username, password: username ? 'p' : '', targets }))(error)
    } catch (e) {
      return e as Error
    }
    throw new Error('withHint returned')
  }
  const refusal = new DockerError('build', 1, 'Error response from daemon: invalid reference format')

  it('says where credentials come from on an auth failure, and keeps it an auth failure', () => {
    const denied = new DockerError('push', 1, 'unauthorized: authentication required')
    const e = thrown('ghcr.io', denied)
    // Each interface names the inputs its own way.
    expect(renderInputRefs(e.message, actionTerm)).toMatch(
      /^docker push failed \(exit 1\): unauthorized.*set the "username" and "password" inputs/
    )
    expect(renderInputRefs(e.message, actionTerm)).toMatch(
      /\(docker login, or login-action in an earlier step\)\)$/
    )
    expect(renderInputRefs(e.message, cliTerm)).toMatch(
      /set --username and --password-stdin, or log in to ghcr\.io beforehand \(docker login\)\)$/
    )
    expect((e as ClassifiedError).kind).toBe('auth')
    expect(thrown('ghcr.io', denied, 'me').message).toContain('may push to ghcr.io/my/app')
  })

  it('explains an engine that rejects an IPv6 registry address', () => {
    const e = thrown('[::1]:5000', refusal)
    expect(e.message).toContain('invalid reference format')
    expect(e.message).toContain('does not accept an IPv6 address')
    expect((e as ClassifiedError).kind).toBe('fatal')
  })

  it('says what to do when no docker engine answers', () => {
    const e = thrown(
      'localhost:5000',
      new DockerError(
        'build',
        1,
        'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?'
      )
    )
    expect(e.message).toContain('Cannot connect to the Docker daemon at unix:///x.sock')
    expect(e.message).toContain('start dockerd, or point DOCKER_HOST at a running engine')
    expect((e as ClassifiedError).kind).toBe('fatal')
  })

  it.each([
    ['localhost:5000', refusal],
    ['[::1]:5000', new DockerError('build', 1, 'failed to solve: exit code: 1')],
    ['[::1]:5000', new DockerError('push', 1, 'received unexpected HTTP status: 503')]
  ])('passes other failures through untouched (%s)', (registry, error) => {
    expect(thrown(registry, error)).toBe(error)
  })
})

describe('platformDigests', () => {
  const D = (c: string): string => `sha256:${c.repeat(64)}`
  const manifest = (body: unknown): Manifest => ({
    digest: D('f'),
    mediaType: 'application/vnd.oci.image.index.v1+json',
    body: Buffer.from(JSON.stringify(body))
  })
  it('lists the platforms of an index, without attestation manifests', () => {
    const index = {
      manifests: [
        { digest: D('1'), platform: { os: 'linux', architecture: 'amd64' } },
        { digest: D('2'), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        { digest: D('3'), platform: { os: 'unknown', architecture: 'unknown' } },
        {
          digest: D('4'),
          platform: { os: 'linux', architecture: 'amd64' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
        }
      ]
    }
    expect(platformDigests(manifest(index))).toEqual({ 'linux/amd64': D('1'), 'linux/arm/v7': D('2') })
  })
  it('names two images that differ only by os.version with it, as containerd formats it, and keeps both', () => {
    const windows = (digest: string, version: string) => ({
      digest,
      platform: { os: 'windows', architecture: 'amd64', 'os.version': version }
    })
    const index = {
      manifests: [
        windows(D('1'), '10.0.17763.5696'),
        windows(D('2'), '10.0.20348.2402'),
        { digest: D('3'), platform: { os: 'linux', architecture: 'amd64', 'os.version': 'x' } }
      ]
    }
    expect(platformDigests(manifest(index))).toEqual({
      'windows(10.0.17763.5696)/amd64': D('1'),
      'windows(10.0.20348.2402)/amd64': D('2'),
      'linux/amd64': D('3')
    })
  })
  it('gives a single manifest the local image platform', () => {
    expect(platformDigests(manifest({ config: {}, layers: [] }), 'linux/arm64')).toEqual({
      'linux/arm64': D('f')
    })
    expect(platformDigests(manifest({ config: {}, layers: [] }))).toEqual({})
  })
})

describe('warnOnCacheExport', () => {
  const warnings = (output: string): string[] => {
    const seen: string[] = []
    warnOnCacheExport(output, { warning: m => seen.push(m) })
    return seen
  }
  it('warns with the ERROR line of the cache export step (which need not say "cache")', () => {
    const out = [
      '#6 exporting to image',
      '#6 DONE 0.1s',
      '#7 exporting cache to registry',
      '#7 preparing build cache for export 0.0s done',
      '#7 ERROR: error writing layer blob: unexpected status from HEAD request: 401 Unauthorized'
    ].join('\n')
    expect(warnings(out)).toEqual([
      'cache export failed; the build succeeded without it: error writing layer blob: unexpected status from HEAD request: 401 Unauthorized'
    ])
  })
  it('ignores errors of other steps and successful exports', () => {
    expect(
      warnings('#5 [2/2] RUN x\n#5 ERROR: failed to solve\n#7 exporting cache to registry\n#7 DONE 0.2s')
    ).toEqual([])
  })
})

// buildx with docker/buildx#3136 and #3952, on the containerd image store: the iidfile holds the digest the
// engine knows the image by (its manifest), while the metadata file still has the config digest beside it.
// build-push-action's imageid is the iidfile; the config digest is no image the engine can run or save.
describe('imageid of a buildx build', () => {
  const MANIFEST = d('1')
  const CONFIG = d('2')
  /** buildx build writing its two files as such a buildx does; every other docker command fails. */
  const newerBuildx: Runner = async (_command, args) => {
    if (args[0] !== 'buildx' || args[1] !== 'build')
      return { exitCode: 1, stdout: '', stderr: 'No such image' }
    const file = (flag: string) => args.find(a => a.startsWith(`--${flag}=`))!.slice(flag.length + 3)
    await writeFile(file('iidfile'), MANIFEST)
    await writeFile(
      file('metadata-file'),
      JSON.stringify({ 'containerimage.config.digest': CONFIG, 'containerimage.digest': MANIFEST })
    )
    return { exitCode: 0, stdout: '', stderr: '' }
  }

  it('is what buildx wrote to --iidfile, as build-push-action reads it', async () => {
    const result = await runPipeline(makeInputs({ push: false }), {
      docker: new Docker(newerBuildx, {}),
      reporter: quietReporter,
      workDir: await testDir('btp-iid-'),
      buildx: true,
      driver: 'docker'
    })
    expect(result.imageid).toBe(MANIFEST)
    expect(result.buildx['containerimage.config.digest']).toBe(CONFIG)
  })
})
