// The BuildKit path end to end: the committed bundle on the engine under test. On the classic
// engine every buildx-only input must be refused before any build; on the BuildKit engine each of them
// must do what it says, checked in the registry with skopeo.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { errorLines, EXPECTED_BUILDER, runAction, expectSucceeded } from '../helpers/action.js'
import { remoteBuilder, type BuildkitProxy, type RemoteBuilder } from '../helpers/buildkit-proxy.js'
import { dockerOk, ensureBaseImage, makeContext, removeLater, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectConfig, inspectRaw, tagExists, type Creds } from '../helpers/skopeo.js'
import { expectVerified, runStep } from '../helpers/buildx-checks.js'

let registry: TestRegistry
let base: string
let n = 0
/** A fresh repository per test. No "cache" in it: a cache-export error line must not match by accident. */
const repo = (name: string): string => `bx/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

const SIMPLE = (b: string): string => `FROM ${b}\nRUN echo built > /built.txt\n`
const warnings = (log: string): string[] => log.split('\n').filter(l => l.startsWith('::warning::'))

if (EXPECTED_BUILDER === 'classic')
  describe('classic engine: buildx-only inputs are input errors before any build', () => {
    let ctx: string
    beforeAll(async () => {
      ctx = await makeContext({ Dockerfile: SIMPLE(base) })
    })

    const cases: [string, string][] = [
      ['platforms', 'linux/amd64,linux/arm64'],
      ['cache-from', 'type=registry,ref=127.0.0.1:1/bx/app:buildcache'],
      ['cache-to', 'type=registry,ref=127.0.0.1:1/bx/app:buildcache,mode=max'],
      ['provenance', 'false'],
      ['sbom', 'true'],
      ['secrets', 'tok=classic-secret-value-4f1c'],
      ['builder', 'btp-builder']
    ]

    it.each(cases)('%s = %j', async (input, value) => {
      const image = repo('classic-refused')
      const run = await runAction({ context: ctx, image, registry: registry.host, tags: 'x', [input]: value })
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`Invalid input "${input}"`)
      expect(errors[0]).toMatch(/buildx/)
      expect(run.log).not.toContain('[command]docker')
      expect(run.log).not.toContain('classic-secret-value-4f1c')
      expect(await tagExists(registry.host, `${image}:x`)).toBe(false)
    })
  })

/** os/arch[/variant] → digest of an index's image manifests (attestations, unknown/unknown, left out). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw OCI index JSON
function indexPlatforms(index: any): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of index.manifests ?? []) {
    const p = m.platform
    if (!p || p.os === 'unknown') continue
    out[[p.os, p.architecture, p.variant].filter(Boolean).join('/')] = m.digest
  }
  return out
}

const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
]
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(p)))
    else if (entry.isFile()) out.push(p)
  }
  return out
}

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine: buildx inputs, checked in the registry', () => {
    it('platforms: one index with both platforms, platform-digests equal to its entries, all tags serve it', async () => {
      const ctx = await makeContext({
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
        'hello.txt': 'hello from every platform\n'
      })
      const image = repo('platforms')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1\nlatest',
        platforms: 'linux/amd64, linux/arm64'
      })
      const index = await expectVerified(run, registry.host, image, ['v1', 'latest'])
      expect(INDEX_TYPES).toContain(index.json.mediaType)
      const entries = indexPlatforms(index.json)
      expect(Object.keys(entries).sort()).toEqual(['linux/amd64', 'linux/arm64'])
      expect(JSON.parse(run.outputs['platform-digests'])).toEqual(entries)
      // Each platform digest is a real manifest for that platform in the registry.
      for (const [platform, digest] of Object.entries(entries)) {
        const m = await inspectRaw(registry.host, `${image}@${digest}`)
        expect(m.digest).toBe(digest)
        expect(MANIFEST_TYPES).toContain(m.json.mediaType)
        const config = await inspectConfig(registry.host, `${image}@${digest}`)
        expect(`${config.os}/${config.architecture}`).toBe(platform)
      }
      expect(JSON.parse(run.outputs.metadata)).toMatchObject({ builder: 'buildx', digest: index.digest })
      expect(run.log).toContain('[command]docker buildx build')
    })

    // Written as a build-push-action workflow may write them: buildx takes upper case and containerd's
    // aliases, and linux/x86_64 after Linux/AMD64 is the same platform, built once.
    it('platforms in upper case and aliases: one entry per platform, pushed and verified', async () => {
      const ctx = await makeContext({
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
        'hello.txt': 'hi\n'
      })
      const image = repo('platform-spellings')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        platforms: 'Linux/AMD64, linux/aarch64, linux/x86_64'
      })
      const index = await expectVerified(run, registry.host, image, ['v1'])
      const entries = indexPlatforms(index.json)
      expect(Object.keys(entries).sort()).toEqual(['linux/amd64', 'linux/arm64'])
      expect(
        index.json.manifests.filter((m: { platform?: { os?: string } }) => m.platform?.os === 'linux')
      ).toHaveLength(2)
      expect(JSON.parse(run.outputs['platform-digests'])).toEqual(entries)
      expect(run.log).toContain('--platform=Linux/AMD64,linux/aarch64 ')
      expect(run.log).toMatch(/"linux\/x86_64" is "Linux\/AMD64" again/)
    })

    it('platforms: local is the platform of the machine buildx runs on', async () => {
      const ctx = await makeContext({
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
        'hello.txt': 'hi\n'
      })
      const image = repo('platform-local')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        platforms: 'local'
      })
      await expectVerified(run, registry.host, image, ['v1'])
      const config = await inspectConfig(registry.host, `${image}:v1`)
      const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string] ?? process.arch
      expect(`${config.os}/${config.architecture}`).toBe(`linux/${arch}`)
      expect(run.log).toContain('--platform=local ')
    })

    it('provenance: false pushes a plain manifest, and digest is its digest', async () => {
      const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
      const plain = repo('noprov')
      const run = await runAction({
        context: ctx,
        image: plain,
        registry: registry.host,
        tags: 'v1',
        provenance: 'false'
      })
      const manifest = await expectVerified(run, registry.host, plain, ['v1'])
      expect(MANIFEST_TYPES).toContain(manifest.json.mediaType)
      expect(manifest.json.manifests).toBeUndefined()
      expect(manifest.json.config?.digest).toMatch(/^sha256:/)
      expect(JSON.parse(run.outputs['platform-digests'])).toEqual({ 'linux/amd64': manifest.digest })
    })

    it('with default attestations a single platform is pushed as an index, and digest is the index digest', async () => {
      const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
      const attested = repo('attested')
      const def = await runAction({ context: ctx, image: attested, registry: registry.host, tags: 'v1' })
      const index = await expectVerified(def, registry.host, attested, ['v1'])
      expect(INDEX_TYPES).toContain(index.json.mediaType)
      expect(Array.isArray(index.json.manifests)).toBe(true)
      // The attestation manifest is in the index, and platform-digests leaves it out.
      expect(
        index.json.manifests.some((m: { platform?: { os?: string } }) => m.platform?.os === 'unknown')
      ).toBe(true)
      const entries = indexPlatforms(index.json)
      expect(Object.keys(entries)).toEqual(['linux/amd64'])
      expect(JSON.parse(def.outputs['platform-digests'])).toEqual(entries)
    })

    it('secrets reach RUN --mount=type=secret but never the log, the image, or the disk after the run', async () => {
      const value = `btp-secret-${randomBytes(12).toString('hex')}`
      const hash = createHash('sha256').update(value).digest('hex')
      // The Dockerfile holds only the hash: the value itself must come from the secret mount.
      const ctx = await makeContext({
        Dockerfile: [
          `FROM ${base}`,
          `RUN --mount=type=secret,id=tok test "$(sha256sum /run/secrets/tok | cut -d ' ' -f 1)" = "${hash}" && echo ok > /proof`,
          ''
        ].join('\n')
      })
      const image = repo('secrets')
      const ref = `${registry.host}/${image}:v1`
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        push: 'false',
        secrets: `tok=${value}`
      })
      expectSucceeded(run)
      expect(runStep(run.log, hash).cached).toBe(false)
      expect(run.log).toMatch(/--secret=id=tok,src=\S+/)

      // The runner consumes ::add-mask:: and never shows it; everything else is what users see.
      const shown = run.log
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
      expect(run.log).toContain(`::add-mask::${value}`)
      expect(shown).not.toContain(value)

      const inspect = await dockerOk(['image', 'inspect', ref])
      const history = await dockerOk(['history', '--no-trunc', ref])
      expect(history.stdout).toContain(hash)
      expect(inspect.stdout).not.toContain(value)
      expect(history.stdout).not.toContain(value)
      const proof = await dockerOk(['run', '--rm', '--network', 'none', ref, 'cat', '/proof'])
      expect(proof.stdout.trim()).toBe('ok')

      // RUNNER_TEMP and the rest of the run's files (outputs, state, summary, home).
      expect(existsSync(run.state.workDir)).toBe(false)
      const files = await filesUnder(dirname(run.runnerTemp))
      for (const f of files)
        expect({ f, leaked: (await readFile(f)).includes(value) }).toEqual({ f, leaked: false })
    })

    // BuildKit's default scanner is an image on Docker Hub, out of reach here; the generator protocol
    // (BUILDKIT_SCAN_SOURCE in, $BUILDKIT_SCAN_DESTINATION/<name>.spdx.json out) is small enough to serve
    // with a shell script in a local image, which proves the sbom input end to end just the same.
    it('sbom: an SPDX attestation of the built filesystem is pushed with the image', async () => {
      const scanner = `btp-test/sbom-scanner:${process.pid}`
      const scan = [
        'set -e',
        'name=$(basename "$BUILDKIT_SCAN_SOURCE")',
        'seen=$(ls "$BUILDKIT_SCAN_SOURCE" | tr "\\n" " ")',
        'cat > "$BUILDKIT_SCAN_DESTINATION/$name.spdx.json" <<JSON',
        '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],' +
          '"predicate":{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT",' +
          '"name":"btp-test-scan","documentNamespace":"https://btp.invalid/scan",' +
          '"creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: btp-test-scanner"]},' +
          '"comment":"btp-test-scanner saw: $seen"}}',
        'JSON',
        ''
      ].join('\n')
      await dockerOk([
        'build',
        '-q',
        '-t',
        scanner,
        await makeContext({
          Dockerfile: `FROM ${base}\nCOPY scan.sh /scan.sh\nENTRYPOINT ["/bin/sh", "/scan.sh"]\n`,
          'scan.sh': scan
        })
      ])
      try {
        const image = repo('sbom')
        const run = await runAction({
          context: await makeContext({ Dockerfile: `FROM ${base}\nRUN echo scanned > /sbom-marker.txt\n` }),
          image,
          registry: registry.host,
          tags: 'v1',
          sbom: `generator=${scanner}`
        })
        expect(run.log).toContain(`--sbom=generator=${scanner}`)
        const index = await expectVerified(run, registry.host, image, ['v1'])
        const imageDigest = JSON.parse(run.outputs['platform-digests'])['linux/amd64']
        const attestation = index.json.manifests.find(
          (m: { annotations?: Record<string, string> }) =>
            m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' &&
            m.annotations['vnd.docker.reference.digest'] === imageDigest
        )
        expect(attestation).toBeDefined()
        const layers = (await inspectRaw(registry.host, `${image}@${attestation.digest}`)).json.layers as {
          digest: string
          annotations?: Record<string, string>
        }[]
        const spdx = layers.find(
          l => l.annotations?.['in-toto.io/predicate-type'] === 'https://spdx.dev/Document'
        )
        expect(spdx).toBeDefined()
        // The blob itself, straight from the registry: its bytes hash to its digest and hold our scan.
        const res = await fetch(`http://${registry.host}/v2/${image}/blobs/${spdx!.digest}`)
        const blob = Buffer.from(await res.arrayBuffer())
        expect(`sha256:${createHash('sha256').update(blob).digest('hex')}`).toBe(spdx!.digest)
        const statement = JSON.parse(blob.toString('utf8'))
        expect(statement.subject[0].digest.sha256).toBe(imageDigest.replace('sha256:', ''))
        expect(statement.predicate.comment).toMatch(/btp-test-scanner saw: .*sbom-marker\.txt/)
      } finally {
        await removeLater([scanner])
      }
    })

    describe('with a registry that needs a login', () => {
      const creds: Creds = { username: 'btp-user', password: `pw-${randomBytes(8).toString('hex')}` }
      let authRegistry: TestRegistry
      beforeAll(async () => {
        authRegistry = await startRegistry({ auth: creds })
      })
      afterAll(async () => {
        await authRegistry?.stop()
      })

      it('a cache-to the registry refuses (401) still gives a verified build, with a ::warning::', async () => {
        const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
        const image = repo('refused')
        const run = await runAction({
          context: ctx,
          image,
          registry: registry.host,
          tags: 'v1',
          'cache-to': `type=registry,ref=${authRegistry.host}/${repo('refusedwrite')}:buildcache,mode=max`
        })
        await expectVerified(run, registry.host, image, ['v1'])
        // The setup really made the export fail …
        expect(run.log).toMatch(/401 Unauthorized/)
        // … and the user hears of it as a warning, not as a failure.
        expect(errorLines(run.stdout)).toEqual([])
        expect(warnings(run.log).some(w => /cache/i.test(w))).toBe(true)
      })

      it('logs in, then builds with buildx (cli-plugins and buildx/ survive the private config)', async () => {
        const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
        const image = repo('login')
        const run = await runAction({
          context: ctx,
          image,
          registry: authRegistry.host,
          tags: 'v1',
          username: creds.username,
          password: creds.password
        })
        await expectVerified(run, authRegistry.host, image, ['v1'], creds)
        expect(run.log).toContain(`Logged in to ${authRegistry.host}`)
        expect(run.log).toContain('[command]docker buildx build')
        expect(JSON.parse(run.outputs.metadata)).toMatchObject({ builder: 'buildx', pushed: true })
        expect(
          run.log
            .split('\n')
            .filter(l => !l.startsWith('::add-mask::'))
            .join('\n')
        ).not.toContain(creds.password)
      })
    })

    describe('builder: a second buildx builder (remote driver) runs the build', () => {
      let remote: RemoteBuilder
      let proxy: BuildkitProxy
      let userConfig: string
      const NAME = 'btp-remote'
      beforeAll(async () => {
        // The user's own config, as setup-buildx-action would leave it: the plugin plus one more builder.
        remote = await remoteBuilder(NAME)
        ;({ proxy, userConfig } = remote)
      })
      afterAll(async () => {
        await remote?.stop()
      })

      it('with builder set, the build goes to that builder, and the pushed digest is verified', async () => {
        const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
        const image = repo('builder')
        proxy.reset()
        const run = await runAction(
          { context: ctx, image, registry: registry.host, tags: 'v1', builder: NAME },
          { env: { DOCKER_CONFIG: userConfig } }
        )
        expect(run.log).toContain(`--builder=${NAME}`)
        expect(run.log).toContain(`building with "${NAME}" instance using remote driver`)
        expect(proxy.connections).toBeGreaterThan(0)
        await expectVerified(run, registry.host, image, ['v1'])
      })

      it('without builder, the same config builds on the default builder and the remote one is idle', async () => {
        const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
        const image = repo('nobuilder')
        proxy.reset()
        const run = await runAction(
          { context: ctx, image, registry: registry.host, tags: 'v1' },
          { env: { DOCKER_CONFIG: userConfig } }
        )
        await expectVerified(run, registry.host, image, ['v1'])
        expect(run.log).toContain('building with "default" instance using docker driver')
        expect(proxy.connections).toBe(0)
      })

      it('an unknown builder fails the build with one error naming it, and pushes nothing', async () => {
        const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
        const image = repo('nosuchbuilder')
        const run = await runAction(
          { context: ctx, image, registry: registry.host, tags: 'v1', builder: 'btp-no-such-builder' },
          { env: { DOCKER_CONFIG: userConfig } }
        )
        expect(run.code).toBe(1)
        const errors = errorLines(run.stdout)
        expect(errors).toHaveLength(1)
        expect(errors[0]).toContain('btp-no-such-builder')
        expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
      })
    })
  })
