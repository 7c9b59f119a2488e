// SBOM files: BuildKit's SBOM attestations, written for the job's later steps (actions/attest's
// `sbom-path`) under RUNNER_TEMP, outside the step's private directory, each the very predicate the
// registry serves for that platform. The scanner is an image of our own, built offline on the static
// busybox base, following BuildKit's generator protocol (BUILDKIT_SCAN_SOURCE in,
// $BUILDKIT_SCAN_DESTINATION/<name>.spdx.json out), pushed to a local registry for BuildKit to pull.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { EXPECTED_BUILDER, expectSucceeded, runAction } from '../helpers/action.js'
import { dockerOk, ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw } from '../helpers/skopeo.js'

const SPDX = 'https://spdx.dev/Document'
let base: string
let registry: TestRegistry
const dirs: string[] = []
const id = `${process.pid}${randomBytes(3).toString('hex')}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })))
})

const context = async (files: Record<string, string>): Promise<string> => {
  const dir = await makeContext(files)
  dirs.push(dir)
  return dir
}

/** The scanner: one SPDX statement per scanned root filesystem, naming what it found there. */
async function pushScanner(): Promise<string> {
  const scanner = `${registry.host}/sbom/scanner-${id}:1`
  const scan = [
    'set -e',
    'name=$(basename "$BUILDKIT_SCAN_SOURCE")',
    'found=$(cat "$BUILDKIT_SCAN_SOURCE/platform.txt")',
    'cat > "$BUILDKIT_SCAN_DESTINATION/$name.spdx.json" <<JSON',
    '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],' +
      '"predicate":{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT",' +
      '"name":"btp-sbom-$found","documentNamespace":"https://btp.invalid/sbom/$found",' +
      '"creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: btp-test-scanner"]},' +
      '"packages":[{"name":"platform-file","SPDXID":"SPDXRef-Package-1","versionInfo":"$found","downloadLocation":"NOASSERTION"}]}}',
    'JSON',
    ''
  ].join('\n')
  const ctx = await context({
    Dockerfile: `FROM ${base}\nCOPY scan.sh /scan.sh\nENTRYPOINT ["/bin/sh", "/scan.sh"]\n`,
    'scan.sh': scan
  })
  await dockerOk(['build', '-q', '-t', scanner, ctx], { env: { ...process.env, DOCKER_BUILDKIT: '0' } })
  await dockerOk(['push', '-q', scanner])
  return scanner
}

describe('SBOM files', () => {
  it('without SBOM attestations: sbom-path is empty and sbom-paths {}', async () => {
    const r = await runAction({
      context: await context({ Dockerfile: `FROM ${base}\nRUN echo ${id} > /id\n` }),
      image: `sbom/none-${id}`,
      registry: registry.host,
      tags: 'v1'
    })
    expectSucceeded(r)
    expect(r.outputs['sbom-path']).toBe('')
    expect(JSON.parse(r.outputs['sbom-paths'])).toEqual({})
  })

  if (EXPECTED_BUILDER === 'buildx')
    it('attests: type=sbom,generator=…: each platform’s SPDX document in a file under RUNNER_TEMP, equal to the registry’s predicate', async () => {
      const scanner = await pushScanner()
      const image = `sbom/app-${id}`
      const r = await runAction({
        context: await context({
          Dockerfile: 'FROM scratch\nARG TARGETARCH\nCOPY platform-$TARGETARCH.txt /platform.txt\n',
          'platform-amd64.txt': 'amd64',
          'platform-arm64.txt': 'arm64'
        }),
        image,
        registry: registry.host,
        tags: 'v1',
        platforms: 'linux/amd64,linux/arm64',
        attests: `type=sbom,generator=${scanner}`
      })
      expectSucceeded(r)
      const paths = JSON.parse(r.outputs['sbom-paths']) as Record<string, string>
      const platforms = JSON.parse(r.outputs['platform-digests']) as Record<string, string>
      expect(Object.keys(paths)).toEqual(Object.keys(platforms))
      expect(Object.keys(paths).sort()).toEqual(['linux/amd64', 'linux/arm64'])
      expect(r.outputs['sbom-path']).toBe(paths[Object.keys(platforms)[0]])

      const index = await inspectRaw(registry.host, `${image}:v1`)
      expect(index.digest).toBe(r.outputs.digest)
      for (const [platform, file] of Object.entries(paths)) {
        // Under RUNNER_TEMP, outside the step's private directory (removed by now), still there.
        expect(file.startsWith(r.runnerTemp + '/')).toBe(true)
        expect(file.startsWith(r.state.workDir)).toBe(false)
        expect(existsSync(r.state.workDir)).toBe(false)
        expect(dirname(file)).not.toBe(r.runnerTemp)
        // The registry's predicate for that platform, read independently: attestation manifest → blob.
        const attestation = index.json.manifests.find(
          (m: { annotations?: Record<string, string> }) =>
            m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' &&
            m.annotations['vnd.docker.reference.digest'] === platforms[platform]
        )
        const layers = (await inspectRaw(registry.host, `${image}@${attestation.digest}`)).json.layers as {
          digest: string
          annotations?: Record<string, string>
        }[]
        const spdx = layers.find(l => l.annotations?.['in-toto.io/predicate-type'] === SPDX)!
        const res = await fetch(`http://${registry.host}/v2/${image}/blobs/${spdx.digest}`)
        const blob = Buffer.from(await res.arrayBuffer())
        expect(`sha256:${createHash('sha256').update(blob).digest('hex')}`).toBe(spdx.digest)
        const statement = JSON.parse(blob.toString('utf8'))
        const written = JSON.parse(await readFile(file, 'utf8'))
        expect(written).toEqual(statement.predicate)
        // And it is that platform's scan.
        expect(written.packages[0].versionInfo).toBe(platform.split('/')[1])
      }

      // A promotion of that index asked for them (sbom: true) gives the same SBOM files, read from where it
      // was promoted to.
      const promoted = await runAction({
        sources: `${registry.host}/${image}:v1`,
        image: `sbom/promoted-${id}`,
        registry: registry.host,
        tags: 'v1',
        sbom: 'true'
      })
      expectSucceeded(promoted)
      const again = JSON.parse(promoted.outputs['sbom-paths']) as Record<string, string>
      expect(Object.keys(again)).toEqual(Object.keys(paths))
      for (const [platform, file] of Object.entries(again)) {
        expect(file.startsWith(promoted.runnerTemp + '/')).toBe(true)
        expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(
          JSON.parse(await readFile(paths[platform], 'utf8'))
        )
      }

      // Not asked for, they are not read: no SBOM file, and not one attestation manifest requested.
      const plain = await runAction({
        sources: `${registry.host}/${image}:v1`,
        image: `sbom/promoted-plain-${id}`,
        registry: registry.host,
        tags: 'v1'
      })
      expectSucceeded(plain)
      expect(plain.outputs['sbom-path']).toBe('')
      expect(JSON.parse(plain.outputs['sbom-paths'])).toEqual({})
      expect(readdirSync(plain.runnerTemp).filter(f => f.startsWith('build-tag-push-sbom-'))).toEqual([])
    })
})
