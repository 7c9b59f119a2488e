// The build options end to end: the committed bundle on the engine under test, each option
// checked inside the pushed image, pulled back by its digest (not from the local store: with buildx the
// pushed image need not be there). The classic engine takes add-hosts, shm-size and ulimit as well.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import {
  errorLines,
  EXPECTED_BUILDER,
  expectSucceeded,
  runAction,
  type ActionRun
} from '../helpers/action.js'
import {
  dockerOk,
  ensureBaseImage,
  makeContext,
  removeImages,
  requireDocker,
  runCommand
} from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectConfig, inspectRaw, tagExists } from '../helpers/skopeo.js'

let registry: TestRegistry
let base: string
let n = 0
const repo = (name: string): string => `opt/${name}-${process.pid}-${++n}`
const temps: string[] = []
const tempDir = async (prefix: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
  await Promise.all(temps.map(d => rm(d, { recursive: true, force: true })))
})

/** The run pushed and verified; returns `host/repo@digest`, pulled from the registry into the engine. */
async function pulledByDigest(run: ActionRun, image: string): Promise<string> {
  expectSucceeded(run)
  expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  const ref = `${registry.host}/${image}@${run.outputs.digest}`
  expect(run.outputs['image-ref']).toBe(ref)
  // Whatever the build left in the local store goes first: what is read below came from the registry.
  await removeImages(`${registry.host}/${image}`)
  await dockerOk(['pull', ref])
  return ref
}

/** A file of the image, read by running `cat` in it. */
async function fileIn(ref: string, file: string): Promise<string> {
  return (await dockerOk(['run', '--rm', '--network=none', ref, 'cat', file])).stdout
}

// One build reads the RUN environment: /etc/hosts, /dev/shm's size and the open-files limit. The classic
// builder's cache keys a RUN step by its command alone, not by these flags: a nonce makes every run build it.
const RUN_ENV = (b: string): string =>
  `FROM ${b}\nRUN echo ${randomBytes(6).toString('hex')} && mkdir -p /out && cat /etc/hosts > /out/hosts && df -k /dev/shm > /out/shm && ulimit -n > /out/nofile && ulimit -Hn > /out/nofile-hard\n`

describe(`the RUN environment (${EXPECTED_BUILDER})`, () => {
  let ref: string
  beforeAll(async () => {
    const image = repo('runenv')
    const context = await makeContext({ Dockerfile: RUN_ENV(base) })
    const run = await runAction({
      context,
      image,
      registry: registry.host,
      tags: 'v1',
      // my_db: docker checks the IP only, and the host only for a ":" (not a DNS name's rules).
      'add-hosts': 'btp-e2e.test:10.11.12.13,other.test=10.11.12.14,my_db:10.11.12.15',
      'shm-size': '96m',
      ulimit: 'nofile=1234:2345'
    })
    ref = await pulledByDigest(run, image)
  }, 180_000)

  it('add-hosts: every entry in /etc/hosts', async () => {
    const hosts = await fileIn(ref, '/out/hosts')
    expect(hosts).toMatch(/^10\.11\.12\.13\s+btp-e2e\.test\s*$/m)
    expect(hosts).toMatch(/^10\.11\.12\.14\s+other\.test\s*$/m)
    expect(hosts).toMatch(/^10\.11\.12\.15\s+my_db\s*$/m)
  })

  it('shm-size: /dev/shm is 96 MiB in df', async () => {
    // `Filesystem 1K-blocks Used Available Use% Mounted on`, then shm's line: 96 MiB = 98304 KiB.
    const line = (await fileIn(ref, '/out/shm')).trim().split('\n').at(-1) ?? ''
    expect(line.split(/\s+/)[1]).toBe('98304')
  })

  it('ulimit: ulimit -n is the soft limit, -Hn the hard one', async () => {
    expect((await fileIn(ref, '/out/nofile')).trim()).toBe('1234')
    expect((await fileIn(ref, '/out/nofile-hard')).trim()).toBe('2345')
  })
})

if (EXPECTED_BUILDER === 'classic')
  describe('classic engine: the buildx-only build inputs are input errors before any build', () => {
    it.each([
      ['call', 'check'],
      ['annotations', 'org.opencontainers.image.title=x'],
      ['no-cache-filters', 'deps'],
      ['allow', 'network.host']
    ])('%s = %j', async (input, value) => {
      const context = await makeContext({ Dockerfile: `FROM ${base}\n` })
      const image = repo('classic-refused')
      const run = await runAction({ context, image, registry: registry.host, tags: 'v1', [input]: value })
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`Invalid input "${input}"`)
      expect(errors[0]).toMatch(/needs docker buildx/)
      expect(run.log).not.toContain('[command]docker')
      expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
    })
  })

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine: the buildx build inputs, checked in the pushed image', () => {
    it('build-contexts: a named context serves COPY --from', async () => {
      const marker = `named context ${randomBytes(6).toString('hex')}\n`
      const extra = await makeContext({ 'marker.txt': marker })
      const context = await makeContext({
        Dockerfile: `FROM ${base}\nCOPY --from=extra /marker.txt /from-extra.txt\n`
      })
      const image = repo('contexts')
      const run = await runAction({
        context,
        image,
        registry: registry.host,
        tags: 'v1',
        'build-contexts': `extra=${extra}`
      })
      const ref = await pulledByDigest(run, image)
      expect(await fileIn(ref, '/from-extra.txt')).toBe(marker)
    })

    it('secret-envs and secret-files reach RUN --mount=type=secret, and neither is in the log, the config or the history', async () => {
      const envValue = `env-secret-${randomBytes(8).toString('hex')}`
      const fileLines = [
        `-----BEGIN BTP KEY-----`,
        randomBytes(24).toString('base64'),
        '-----END BTP KEY-----'
      ]
      const fileValue = `${fileLines.join('\n')}\n`
      const dir = await tempDir('btp-opt-secret-')
      const secretFile = join(dir, 'key.pem')
      await writeFile(secretFile, fileValue, { mode: 0o600 })
      const context = await makeContext({
        Dockerfile: [
          `FROM ${base}`,
          'RUN --mount=type=secret,id=envsec,required=true --mount=type=secret,id=filesec,required=true \\',
          // A secret is not part of BuildKit's cache key: the nonce keeps an earlier run's step from answering.
          `  echo ${randomBytes(6).toString('hex')} && mkdir -p /out \\`,
          '  && sha256sum /run/secrets/envsec | cut -d" " -f1 > /out/envsec \\',
          '  && sha256sum /run/secrets/filesec | cut -d" " -f1 > /out/filesec',
          ''
        ].join('\n')
      })
      const image = repo('secrets')
      const run = await runAction(
        {
          context,
          image,
          registry: registry.host,
          tags: 'v1',
          'secret-envs': 'envsec=BTP_OPT_SECRET',
          'secret-files': `filesec=${secretFile}`
        },
        { env: { BTP_OPT_SECRET: envValue } }
      )
      const ref = await pulledByDigest(run, image)
      const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
      expect((await fileIn(ref, '/out/envsec')).trim()).toBe(sha(envValue))
      expect((await fileIn(ref, '/out/filesec')).trim()).toBe(sha(fileValue))

      const values = [envValue, fileLines[1]]
      // Masked first (the runner hides the value from then on), and never printed at all.
      expect(run.stdout).toContain(`::add-mask::${envValue}`)
      const printed = run.log.split('\n').filter(l => !l.startsWith('::add-mask::'))
      for (const v of values) expect(printed.filter(l => l.includes(v))).toEqual([])
      const config = JSON.stringify(await inspectConfig(registry.host, `${image}@${run.outputs.digest}`))
      for (const v of values) expect(config).not.toContain(v)
      const history = (await dockerOk(['history', '--no-trunc', '--format', '{{.CreatedBy}}', ref])).stdout
      expect(history).toContain('sha256sum /run/secrets/envsec')
      for (const v of values) expect(history).not.toContain(v)
    })

    describe('ssh: default, through an ssh-agent the test starts', () => {
      let agent: ChildProcess | undefined
      let sock: string
      let publicKey: string

      beforeAll(async () => {
        const dir = await tempDir('btp-opt-ssh-')
        sock = join(dir, 'agent.sock')
        agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' })
        const key = join(dir, 'id_ed25519')
        const keygen = await runCommand('ssh-keygen', [
          '-q',
          '-t',
          'ed25519',
          '-N',
          '',
          '-C',
          'btp-e2e',
          '-f',
          key
        ])
        expect(keygen.code).toBe(0)
        publicKey = (await readFile(`${key}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ')
        for (let i = 0; i < 50; i++) {
          const added = await runCommand('ssh-add', [key], { env: { ...process.env, SSH_AUTH_SOCK: sock } })
          if (added.code === 0) break
          await new Promise(r => setTimeout(r, 100))
        }
      })

      afterAll(() => {
        agent?.kill()
      })

      it('RUN --mount=type=ssh lists the agent key with ssh-add -L', async () => {
        const context = await makeContext({
          Dockerfile: [
            `FROM ${base}`,
            'COPY tools /tools',
            // The agent's keys are not in the step's cache key: the nonce keeps an earlier run from answering.
            `RUN --mount=type=ssh echo ${randomBytes(6).toString('hex')} && mkdir -p /out && test -S "$SSH_AUTH_SOCK" \\`,
            '  && /tools/ld.so --library-path /tools/lib /tools/ssh-add -L > /out/keys',
            ''
          ].join('\n')
        })
        // busybox has no ssh client: ssh-add itself goes into the context, with the libraries it links.
        await copySshAdd(context)
        const image = repo('ssh')
        const run = await runAction(
          { context, image, registry: registry.host, tags: 'v1', ssh: 'default' },
          { env: { SSH_AUTH_SOCK: sock } }
        )
        const ref = await pulledByDigest(run, image)
        expect(await fileIn(ref, '/out/keys')).toContain(publicKey)
      })
    })

    it('annotations: on the pushed manifest, read with skopeo', async () => {
      const value = `btp e2e ${randomBytes(4).toString('hex')}, with a comma`
      const context = await makeContext({ Dockerfile: `FROM ${base}\nRUN echo annotated > /a.txt\n` })
      const image = repo('annotations')
      const run = await runAction({
        context,
        image,
        registry: registry.host,
        tags: 'v1',
        annotations: `org.opencontainers.image.description=${value}\nmanifest:com.example.level=manifest`
      })
      expectSucceeded(run)
      const pushed = await inspectRaw(registry.host, `${image}@${run.outputs.digest}`)
      // With an attestation the digest is an index: the image's own manifest is the one with a platform.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw OCI index JSON
      const own = pushed.json.manifests?.find((m: any) => m.platform && m.platform.os !== 'unknown')
      const manifest = own ? await inspectRaw(registry.host, `${image}@${own.digest}`) : pushed
      expect(manifest.json.annotations).toMatchObject({
        'org.opencontainers.image.description': value,
        'com.example.level': 'manifest'
      })
    })

    it('annotations: a line naming several levels lands on the index and on each manifest, one key', async () => {
      const value = `several levels ${randomBytes(4).toString('hex')}`
      const context = await makeContext({ Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\n', 'a.txt': value })
      const image = repo('levels')
      const run = await runAction({
        context,
        image,
        registry: registry.host,
        tags: 'v1',
        platforms: 'linux/amd64,linux/arm64',
        provenance: 'false',
        annotations: `index,manifest:com.example.levels=${value}\nmanifest:com.example:colon=1`
      })
      expectSucceeded(run)
      const top = await inspectRaw(registry.host, `${image}@${run.outputs.digest}`)
      expect(top.json.mediaType).toBe('application/vnd.oci.image.index.v1+json')
      expect(top.json.annotations).toMatchObject({ 'com.example.levels': value })
      expect(top.json.annotations).not.toHaveProperty('com.example:colon')
      const children = top.json.manifests as {
        digest: string
        platform: { os: string; architecture: string }
      }[]
      expect(children.map(m => `${m.platform.os}/${m.platform.architecture}`).sort()).toEqual([
        'linux/amd64',
        'linux/arm64'
      ])
      for (const child of children) {
        const annotations = (await inspectRaw(registry.host, `${image}@${child.digest}`)).json.annotations
        expect(annotations).toMatchObject({ 'com.example.levels': value, 'com.example:colon': '1' })
        // buildx 0.13 makes `index,manifest:…` one key named so, unless each level has its own flag
        expect(Object.keys(annotations).filter(k => k.includes(','))).toEqual([])
      }
    })

    it('call: check needs buildx 0.15: one input error naming both versions, before any build, nothing pushed', async () => {
      const version = /\bv?(\d+\.\d+\.\d+)/.exec((await dockerOk(['buildx', 'version'])).stdout)?.[1] ?? ''
      expect(version).toMatch(/^0\.(1[0-4]|[0-9])\./)
      const context = await makeContext({ Dockerfile: `FROM ${base}\n` })
      const image = repo('call')
      const run = await runAction({ context, image, registry: registry.host, tags: 'v1', call: 'check' })
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('Invalid input "call"')
      expect(errors[0]).toContain('needs buildx 0.15.0 or later')
      expect(errors[0]).toContain(`this docker has buildx ${version}`)
      expect(run.log).not.toMatch(/docker buildx build/)
      expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
    })
  })

/** ssh-add and the shared libraries ldd names, copied into `<context>/tools` (`ssh-add`, `lib/…`, `ld.so`). */
async function copySshAdd(context: string): Promise<void> {
  const bin = (await runCommand('sh', ['-c', 'command -v ssh-add'])).stdout.trim()
  const ldd = (await runCommand('ldd', [bin])).stdout
  const dir = join(context, 'tools')
  await mkdir(join(dir, 'lib'), { recursive: true })
  await copyFile(bin, join(dir, 'ssh-add'))
  for (const m of ldd.matchAll(/=>\s+(\/\S+)/g)) await copyFile(m[1], join(dir, 'lib', basename(m[1])))
  const loader = /^\s*(\/\S*ld-linux\S*)/m.exec(ldd)?.[1]
  if (!loader) throw new Error(`no dynamic loader in ldd's output for ${bin}:\n${ldd}`)
  await copyFile(loader, join(dir, 'ld.so'))
}
