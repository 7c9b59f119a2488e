// The digest handed to what follows a push in a workflow: the image-name outputs in the form attest's
// `subject-name` wants, the runner's GITHUB_ARTIFACTS declarations, and a later step in which the real
// registry client of actions/attest (@sigstore/oci) finds the kept login in ~/.docker/config.json and
// attaches an artifact to the digest. The post step then puts ~/.docker/config.json back as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectSucceeded, ROOT, runAction, type LaterStep } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker, runCommand, type CliResult } from '../helpers/docker.js'
import { jobDockerConfig, readJobConfig } from '../helpers/job-config.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, type Creds } from '../helpers/skopeo.js'

const AUTH: Creds = { username: 'attester', password: `pw-${randomBytes(8).toString('hex')}` }
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

let base: string
let registry: TestRegistry
const dirs: string[] = []
const id = `${process.pid}${randomBytes(3).toString('hex')}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry({ auth: AUTH })
})

afterAll(async () => {
  await registry?.stop()
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })))
})

/** What actions/attest does with `push-to-registry: true`, as a later step: its own process and HOME. */
const ATTACH = `
const oci = require('@sigstore/oci')
const [name, digest] = process.argv.slice(1)
const credentials = oci.getRegistryCredentials(name)
oci
  .attachArtifactToImage({
    imageName: name,
    imageDigest: digest,
    artifact: Buffer.from(JSON.stringify({ attested: digest })),
    mediaType: '${BUNDLE}',
    annotations: { 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1' },
    credentials
  })
  .then(d => process.stdout.write(JSON.stringify(d)), e => { process.stderr.write(String(e.message)); process.exit(1) })
`
const attach = (home: string, name: string, digest: string): Promise<CliResult> =>
  runCommand(process.execPath, ['-e', ATTACH, name, digest], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: home }
  })

describe('the digest handed on to attest', () => {
  it('image-name(s), GITHUB_ARTIFACTS lines, @sigstore/oci attaching with the kept login, and ~/.docker/config.json restored by the post step', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btp-attest-'))
    dirs.push(dir)
    const home = join(dir, 'home')
    // The job's own ~/.docker/config.json, there before our step (with the engine's buildx linked in).
    const original = {
      auths: { 'other.example': { auth: Buffer.from('o:p').toString('base64') } },
      detachKeys: 'ctrl-q'
    }
    await jobDockerConfig(original, join(home, '.docker'))
    const artifacts = join(dir, 'artifacts')
    // Another step's declaration, without a final newline.
    await writeFile(artifacts, 'dist/app.tar.gz')
    const ctx = await makeContext({ Dockerfile: `FROM ${base}\nRUN echo ${id} > /id\n` })
    dirs.push(ctx)
    const [first, second] = [`attest/first-${id}`, `attest/Second-${id}`]

    let later:
      | { outputs: Record<string, string>; config: unknown; control: CliResult; attached: CliResult }
      | undefined
    const r = await runAction(
      {
        context: ctx,
        images: `${registry.host}/${first}\n${registry.host}/${second}`,
        tags: 'v1',
        username: AUTH.username,
        password: AUTH.password,
        'keep-login': 'true'
      },
      {
        env: { HOME: home, DOCKER_CONFIG: undefined, GITHUB_ARTIFACTS: artifacts },
        laterStep: async ({ outputs }: LaterStep) => {
          const config = await readJobConfig(join(home, '.docker'))
          // Control: the same client with a HOME that has no login is refused before it sends anything.
          const empty = join(dir, 'empty-home')
          await jobDockerConfig({ auths: {} }, join(empty, '.docker'))
          const control = await attach(empty, outputs['image-name'], outputs.digest)
          const attached = await attach(home, outputs['image-name'], outputs.digest)
          later = { outputs, config, control, attached }
        }
      }
    )
    expectSucceeded(r)
    expect(r.post?.code).toBe(0)
    const { outputs, config, control, attached } = later!
    const digest = (await inspectRaw(registry.host, `${first}:v1`, AUTH)).digest
    expect(outputs.digest).toBe(digest)

    // The names as subject-name wants them: fully qualified, lowercase, no tag; the first, then all.
    const names = [`${registry.host}/${first}`, `${registry.host}/${second.toLowerCase()}`]
    expect(outputs['image-name']).toBe(names[0])
    expect(outputs['image-names']).toBe(names.join('\n'))

    // One declaration per pushed image, after what the file held.
    expect(await readFile(artifacts, 'utf8')).toBe(
      `dist/app.tar.gz\n${names.map(n => `oci://${n}@${digest}`).join('\n')}\n`
    )

    // The kept login is a static entry in ~/.docker/config.json, beside what was there.
    const basic = Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')
    expect(config).toEqual({ ...original, auths: { ...original.auths, [registry.host]: { auth: basic } } })
    expect(control.code).not.toBe(0)
    expect(control.stderr).toMatch(/No credentials found/)
    if (attached.code !== 0) throw new Error(`@sigstore/oci failed: ${attached.stderr}`)
    const descriptor = JSON.parse(attached.stdout) as { digest: string; mediaType: string }

    // The registry has the artifact, pointing at our digest, and lists it under the fallback tag.
    const artifact = await inspectRaw(registry.host, `${first}@${descriptor.digest}`, AUTH)
    expect(artifact.json.subject.digest).toBe(digest)
    expect(artifact.json.artifactType).toBe(BUNDLE)
    const fallback = await inspectRaw(registry.host, `${first}:${digest.replace(':', '-')}`, AUTH)
    expect(fallback.json.manifests.map((m: { digest: string }) => m.digest)).toContain(descriptor.digest)

    // The post step put ~/.docker/config.json back as it was.
    expect(await readJobConfig(join(home, '.docker'))).toEqual(original)
  })

  it('declare-artifacts: false declares nothing; the outputs are there all the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btp-attest-'))
    dirs.push(dir)
    const artifacts = join(dir, 'artifacts')
    await writeFile(artifacts, '')
    const ctx = await makeContext({ Dockerfile: `FROM ${base}\nRUN echo ${id}-off > /id\n` })
    dirs.push(ctx)
    const r = await runAction(
      {
        context: ctx,
        image: `attest/off-${id}`,
        registry: registry.host,
        tags: 'v1',
        username: AUTH.username,
        password: AUTH.password,
        'declare-artifacts': 'false'
      },
      { env: { GITHUB_ARTIFACTS: artifacts } }
    )
    expectSucceeded(r)
    expect(r.outputs['image-name']).toBe(`${registry.host}/attest/off-${id}`)
    expect(await readFile(artifacts, 'utf8')).toBe('')
  })
})
