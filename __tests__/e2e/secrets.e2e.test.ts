// Secrets that reach docker in other forms than the runner masks by itself: a password with surrounding
// whitespace (docker trims it), a multi-line password (a JSON key file), and a git URL context with a token
// in it, which docker prints, and clones into $TMPDIR, and leaves there with the URL in .git/config.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPECTED_BUILDER, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import {
  dockerCli,
  dockerOk,
  ensureBaseImage,
  makeContext,
  removeImages,
  removeLater,
  requireDocker,
  runCommand
} from '../helpers/docker.js'
import { makeBareRepo, startGitHttp, type GitHttpServer } from '../helpers/git-http.js'
import { MANIFEST_TYPES, startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw } from '../helpers/skopeo.js'
import { filesHolding } from '../helpers/files-holding.js'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

const USERNAME = 'btp-secrets-user'
const PASSWORD = 's3cret-pw'
/** What the user pastes: the password with spaces and a CRLF around it. docker logs in with PASSWORD. */
const PASSWORD_INPUT = `  ${PASSWORD} \r\n`

const KEY_USER = '_json_key'
/** A JSON key file, short: bcrypt (htpasswd -B) uses only the first 72 bytes. */
const JSON_KEY = `{\n  "type": "service_account",\n  "private_key_id": "k3y1d-${randomBytes(3).toString('hex')}"\n}`

const TOKEN = `ghs_${randomBytes(16).toString('hex')}`
const GIT_USER = 'x-access-token'
const MESSAGE = `from the git subdir ${randomBytes(6).toString('hex')}\n`

let base: string
let pwRegistry: TestRegistry
let keyRegistry: TestRegistry
let openRegistry: TestRegistry
let gitServer: GitHttpServer
let gitRoot: string
const temps: string[] = []
let n = 0
const repo = (name: string): string => `secrets/${name}-${process.pid}-${++n}`

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

const dockerfile = (): string => `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`

/** `http://x-access-token:<token>@127.0.0.1:<port>/app.git#main:sub`: the sub/ directory of branch main. */
const gitContext = (): string => `${gitServer.url('app')}#main:sub`

/**
 * The user's buildx directory for a process with this HOME: the engine's DOCKER_CONFIG (the BuildKit leg's),
 * else ~/.docker. buildx (0.13) writes <it>/refs/<builder>/<node>/<ref> for every build, before any fetch,
 * with the context as given, and never removes it.
 */
const userBuildx = (home: string): string =>
  join(process.env.DOCKER_CONFIG || join(home, '.docker'), 'buildx')

/** The value of an `::add-mask::` line, unescaped as the runner reads it. */
const unescapeCommand = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/** The values the run registered with `::add-mask::`. */
const maskedValues = (output: string): string[] =>
  output
    .split('\n')
    .filter(l => l.startsWith('::add-mask::'))
    .map(l => unescapeCommand(l.slice('::add-mask::'.length)))

/** The values registered by the `::add-mask::` lines that open stdout, before anything else is printed. */
const maskedFirst = (output: string): string[] => {
  const lines = output.split('\n')
  const end = lines.findIndex(l => !l.startsWith('::add-mask::'))
  return maskedValues(lines.slice(0, end < 0 ? lines.length : end).join('\n'))
}

/**
 * Stdout as the runner shows it: the `::add-mask::` lines are not shown, and every later line has the
 * values registered so far replaced by `***` (a value printed before its mask is not masked).
 */
function asShown(output: string): string[] {
  const masks: string[] = []
  const shown: string[] = []
  for (const line of output.split('\n')) {
    if (line.startsWith('::add-mask::')) {
      masks.push(unescapeCommand(line.slice('::add-mask::'.length)))
      masks.sort((a, b) => b.length - a.length)
      continue
    }
    shown.push(masks.reduce((l, mask) => (mask ? l.split(mask).join('***') : l), line))
  }
  return shown
}

/** Lines of the run's output that hold any of `secrets` outside an `::add-mask::` line: none may. */
const unmaskedLines = (r: ActionRun, secrets: string[]): string[] =>
  r.log.split('\n').filter(l => secrets.some(s => l.includes(s)) && !l.startsWith('::add-mask::'))

/**
 * Every blob the registry serves for `ref` (manifests, configs, layers, attestations: BuildKit's
 * provenance names the build's git source) that contains `secret`. The registry is anonymous.
 */
async function blobsContaining(
  host: string,
  repository: string,
  ref: string,
  secret: string
): Promise<string[]> {
  const hits: string[] = []
  const get = async (kind: 'manifests' | 'blobs', digest: string): Promise<Buffer> => {
    const res = await fetch(`http://${host}/v2/${repository}/${kind}/${digest}`, {
      headers: { Accept: MANIFEST_TYPES.join(', ') }
    })
    if (!res.ok) throw new Error(`GET ${kind}/${digest}: ${res.status}`)
    const body = Buffer.from(await res.arrayBuffer())
    if (body.includes(secret)) hits.push(`${kind}/${digest}`)
    return body
  }
  const walk = async (digest: string): Promise<void> => {
    const manifest = JSON.parse((await get('manifests', digest)).toString('utf8')) as {
      manifests?: { digest: string }[]
      config?: { digest: string }
      layers?: { digest: string }[]
    }
    for (const m of manifest.manifests ?? []) await walk(m.digest)
    for (const b of [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])])
      await get('blobs', b.digest)
  }
  await walk(ref)
  return hits
}

/** Pulls the image back by digest and reads one file from it (the images are FROM scratch: no cat). */
async function fileInImage(imageRef: string, repoPrefix: string, file: string): Promise<string> {
  await removeImages(repoPrefix)
  await dockerOk(['pull', imageRef])
  const name = `btp-secrets-${process.pid}-${++n}`
  await dockerOk(['create', '--name', name, imageRef, '/none'])
  try {
    const dir = await tempDir('btp-secrets-out-')
    await dockerOk(['cp', `${name}:${file}`, join(dir, 'out')])
    return await readFile(join(dir, 'out'), 'utf8')
  } finally {
    await dockerCli(['rm', '-f', name])
  }
}

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  ;[pwRegistry, keyRegistry, openRegistry] = await Promise.all([
    startRegistry({ auth: { username: USERNAME, password: PASSWORD } }),
    startRegistry({ auth: { username: KEY_USER, password: JSON_KEY } }),
    startRegistry()
  ])
  gitRoot = await tempDir('btp-git-http-')
  await makeBareRepo(gitRoot, 'app', {
    'README.md': 'the image is built from sub/\n',
    'sub/Dockerfile': 'FROM scratch\nCOPY message.txt /message.txt\n',
    'sub/message.txt': MESSAGE
  })
  gitServer = await startGitHttp(gitRoot, { username: GIT_USER, password: TOKEN })
  // The server really wants the token: git without it is refused, with it clones.
  const probe = await tempDir('btp-git-probe-')
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null'
  }
  const lsRemote = (url: string) => runCommand('git', ['ls-remote', url], { env, cwd: probe })
  const noToken = await lsRemote(`http://127.0.0.1:${gitServer.port}/app.git`)
  expect(noToken.code).not.toBe(0)
  expect(noToken.stderr).toMatch(/Authentication failed|401|could not read Username/i)
  expect((await lsRemote(gitServer.url('app'))).stdout).toMatch(/refs\/heads\/main/)
  gitServer.reset()
})

afterAll(async () => {
  await gitServer?.stop()
  for (const r of [pwRegistry, keyRegistry, openRegistry]) if (r) await removeImages(`${r.host}/`)
  await Promise.all([pwRegistry?.stop(), keyRegistry?.stop(), openRegistry?.stop()])
  await Promise.all(temps.map(d => rm(d, { recursive: true, force: true })))
})

describe('the password input', () => {
  it('surrounding whitespace is trimmed as docker trims it, with a notice; the trimmed value and its base64 forms are masked', async () => {
    const image = repo('trim')
    const r = await runAction({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: pwRegistry.host,
      tags: 'v1',
      username: USERNAME,
      password: PASSWORD_INPUT
    })
    expectSucceeded(r)
    const creds = { username: USERNAME, password: PASSWORD }
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs.digest).toBe((await inspectRaw(pwRegistry.host, `${image}:v1`, creds)).digest)
    expect(r.log).toMatch(/^::notice::.*password.*trimmed/m)

    // What docker sends and stores: the trimmed password, base64(user:pw) in config.json `auth` and in
    // `Authorization: Basic`, and base64(pw).
    const forms = [PASSWORD, b64(`${USERNAME}:${PASSWORD}`), b64(PASSWORD)]
    // Registered before anything is printed, the notice included.
    expect(maskedFirst(r.stdout)).toEqual(expect.arrayContaining(forms))
    expect(unmaskedLines(r, forms)).toEqual([])
  })

  it('a multi-line password (a JSON key file for _json_key) logs in and pushes; each of its lines is masked alone, and its base64 forms', async () => {
    const image = repo('json-key')
    const r = await runAction({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: keyRegistry.host,
      tags: 'v1',
      username: KEY_USER,
      password: JSON_KEY
    })
    expectSucceeded(r)
    const creds = { username: KEY_USER, password: JSON_KEY }
    expect(r.outputs.digest).toBe((await inspectRaw(keyRegistry.host, `${image}:v1`, creds)).digest)
    expect(r.log).toContain(`Logged in to ${keyRegistry.host} as ${KEY_USER}`)

    // The log is line based: a mask holding a newline matches nothing, so every line has its own.
    const lines = JSON_KEY.split('\n')
      .map(l => l.trim())
      .filter(l => l.length >= 6)
    expect(lines).toHaveLength(2)
    const forms = [...lines, b64(`${KEY_USER}:${JSON_KEY}`), b64(JSON_KEY)]
    const masked = maskedValues(r.stdout)
    expect(maskedFirst(r.stdout)).toEqual(expect.arrayContaining(forms))
    // Short lines (`{`, `}`) are not masked: they would hide every brace in the log.
    expect(masked).not.toContain('{')
    expect(masked).not.toContain('}')
    expect(unmaskedLines(r, forms)).toEqual([])
  })
})

describe('a git URL context with a token in it', () => {
  it('builds #main:sub from a host that wants the token, pushes it, and the token is masked before docker prints it', async () => {
    const image = repo('git')
    const r = await runAction({ context: gitContext(), image, registry: openRegistry.host, tags: 'v1' })
    expectSucceeded(r)
    const remote = await inspectRaw(openRegistry.host, `${image}:v1`)
    expect(r.outputs.digest).toBe(remote.digest)
    // git went through the server with the token; without it the server answers 401 and nothing else.
    expect(gitServer.requests.some(q => q.authorized && q.status === 200)).toBe(true)
    expect(gitServer.requests.filter(q => !q.authorized).every(q => q.status === 401)).toBe(true)

    // Registered before anything prints it: the token, and the userinfo as written.
    expect(maskedValues(r.stdout)).toEqual(expect.arrayContaining([TOKEN, `${GIT_USER}:${TOKEN}`]))
    const shown = asShown(`${r.stdout}\n${r.post?.stdout ?? ''}`)
    expect(shown.filter(l => l.includes(TOKEN))).toEqual([])
    // The URL itself was printed, its userinfo hidden (docker's command line, BuildKit's "load git source").
    const hidden = new RegExp(
      `http://([^@\\s]*:)?\\*\\*\\*@127\\.0\\.0\\.1:${gitServer.port}/app\\.git#main:sub`
    )
    expect(shown.filter(l => hidden.test(l))).not.toEqual([])
    // Nothing on stderr may hold it: the runner may not see a mask before a line there.
    expect(`${r.stderr}\n${r.post?.stderr ?? ''}`).not.toContain(TOKEN)

    // Nor does the image: no config, layer or provenance attestation the registry serves holds it.
    expect(await blobsContaining(openRegistry.host, image, r.outputs.digest, TOKEN)).toEqual([])

    // Pulled back by digest, the image holds sub/message.txt of branch main.
    expect(await fileInImage(r.outputs['image-ref'], `${openRegistry.host}/${image}`, '/message.txt')).toBe(
      MESSAGE
    )
  })

  it("docker's temporary clone (the token in its .git/config) goes with the step, not into the user's TMPDIR", async () => {
    // Control: docker itself, given this TMPDIR, leaves its clone there when the context names a subdir
    // (the classic builder: the docker CLI clones); buildx hands the URL to BuildKit, which clones in the
    // engine and leaves nothing in TMPDIR (the engine keeps the URL in its own build history, out of reach).
    const control = await tempDir('btp-tmpdir-control-')
    await dockerOk(['build', '--tag', `btp-secrets-control-${process.pid}:x`, gitContext()], {
      env: { ...process.env, TMPDIR: control }
    })
    await removeLater([`btp-secrets-control-${process.pid}:x`])
    // docker itself leaves the URL with the token in the user's buildx refs (buildx only): the control's
    // record is the test's to remove, and no run of the action may leave one (the next test).
    const records = await filesHolding(TOKEN, userBuildx(homedir()))
    await Promise.all(records.map(f => rm(f)))
    expect(records).toHaveLength(EXPECTED_BUILDER === 'buildx' ? 1 : 0)
    const left = await readdir(control)
    if (EXPECTED_BUILDER === 'classic') {
      expect(left).toEqual([expect.stringMatching(/^docker-build-git/)])
      expect(await filesHolding(TOKEN, control)).toEqual([join(control, left[0], '.git', 'config')])
    } else {
      expect(left).toEqual([])
    }

    const userTmp = await tempDir('btp-user-tmpdir-')
    const image = repo('tmpdir')
    const r = await runAction(
      { context: gitContext(), image, registry: openRegistry.host, tags: 'v1' },
      { env: { TMPDIR: userTmp } }
    )
    expectSucceeded(r)
    expect(r.outputs.digest).toBe((await inspectRaw(openRegistry.host, `${image}:v1`)).digest)
    expect(await readdir(userTmp)).toEqual([])
    expect(await filesHolding(TOKEN, userTmp)).toEqual([])
    // The private work dir, where docker's TMPDIR was, is gone with the step; RUNNER_TEMP is empty.
    expect(r.state.workDir).toContain(r.runnerTemp)
    expect(existsSync(r.state.workDir)).toBe(false)
    expect(await readdir(r.runnerTemp)).toEqual([])
    expect(await filesHolding(TOKEN, r.runnerTemp)).toEqual([])
  })

  it("buildx's record of each build's context (refs/, the URL with the token) goes with the step, a failed build's too", async () => {
    const image = repo('refs')
    const ok = await runAction({ context: gitContext(), image, registry: openRegistry.host, tags: 'v1' })
    expectSucceeded(ok)
    const failed = await runAction({
      context: `${gitServer.url('app')}#no-such-branch:sub`,
      image,
      registry: openRegistry.host,
      tags: 'v2'
    })
    expect(failed.code).not.toBe(0)
    expect(existsSync(userBuildx(ok.home))).toBe(EXPECTED_BUILDER === 'buildx')
    expect(await filesHolding(TOKEN, userBuildx(ok.home), ok.home, failed.home)).toEqual([])
  })
})
