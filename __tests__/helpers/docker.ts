import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { testDir } from './temp.js'
import { IMAGE_LS_ARGS, imageRefs } from '../../scripts/images.mjs'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  input?: string
  env?: NodeJS.ProcessEnv
  cwd?: string
}

export const BASE_IMAGE = 'btp-test/busybox:1'
const BUSYBOX = '/bin/busybox'

/** Runs a command with an argument array (no shell); never rejects on a non-zero exit. */
export function runCommand(cmd: string, args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', code =>
      resolvePromise({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    )
    // A child that exits before reading stdin would otherwise surface EPIPE as an unhandled error.
    child.stdin.on('error', () => {})
    child.stdin.end(opts.input ?? '')
  })
}

export function dockerCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return runCommand('docker', args, opts).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new Error('docker CLI not found on PATH; e2e tests need it, see .ci/run')
    throw e
  })
}

/** Like dockerCli but throws with the command and its stderr on a non-zero exit. */
export async function dockerOk(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const res = await dockerCli(args, opts)
  if (res.code !== 0) {
    throw new Error(`docker ${args.join(' ')} exited ${res.code}:\n${res.stderr.trim() || res.stdout.trim()}`)
  }
  return res
}

/** Fails loudly: e2e tests must never silently skip when there is no engine. */
export async function requireDocker(): Promise<void> {
  let detail: string
  try {
    const res = await dockerCli(['info', '--format', '{{.ServerVersion}}'])
    if (res.code === 0 && res.stdout.trim() !== '') return
    detail = (res.stderr.trim() || res.stdout.trim() || `exit code ${res.code}`)
      .split('\n')
      .slice(-5)
      .join(' | ')
  } catch (e) {
    detail = (e as Error).message
  }
  const host = process.env.DOCKER_HOST ? ` (DOCKER_HOST=${process.env.DOCKER_HOST})` : ''
  throw new Error(`docker engine not reachable${host}: ${detail}; e2e tests need a real engine, see .ci/run`)
}

async function imageExists(ref: string): Promise<boolean> {
  const res = await dockerCli(['image', 'inspect', '--format', '{{.Id}}', ref])
  return res.code === 0
}

function engineKey(): string {
  const e = process.env
  return [e.DOCKER_HOST ?? '', e.DOCKER_CONTEXT ?? '', e.DOCKER_CONFIG ?? ''].join('|')
}

// Cross-process lock: jest runs test files in parallel workers, and two concurrent builds would
// retag the base image under each other's feet.
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `${name}.lock`)
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const st = await stat(lock).catch(() => undefined)
      if (st && Date.now() - st.mtimeMs > 120_000) {
        await rmdir(lock).catch(() => {}) // stale lock left by a killed worker
        continue
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lock}`)
      await new Promise(r => setTimeout(r, 200))
    }
  }
  try {
    return await fn()
  } finally {
    await rmdir(lock).catch(() => {})
  }
}

const baseImageBuilds = new Map<string, Promise<string>>()

/** Builds btp-test/busybox:1 (FROM scratch + static busybox) on the engine from process.env, once. */
export function ensureBaseImage(): Promise<string> {
  const key = engineKey()
  let p = baseImageBuilds.get(key)
  if (!p) {
    p = buildBaseImage(key)
    baseImageBuilds.set(key, p)
    p.catch(() => baseImageBuilds.delete(key))
  }
  return p
}

async function buildBaseImage(key: string): Promise<string> {
  if (await imageExists(BASE_IMAGE)) return BASE_IMAGE
  const lockName = 'btp-base-image-' + createHash('sha256').update(key).digest('hex').slice(0, 12)
  return withLock(lockName, async () => {
    if (await imageExists(BASE_IMAGE)) return BASE_IMAGE
    const ctx = await mkdtemp(join(tmpdir(), 'btp-base-'))
    try {
      try {
        await copyFile(BUSYBOX, join(ctx, 'busybox'))
      } catch (e) {
        throw new Error(
          `cannot copy ${BUSYBOX} (install busybox-static, see .ci/run): ${(e as Error).message}`
        )
      }
      await writeFile(
        join(ctx, 'Dockerfile'),
        [
          'FROM scratch',
          'COPY busybox /bin/busybox',
          'RUN ["/bin/busybox","--install","-s","/bin"]',
          ''
        ].join('\n')
      )
      // The classic builder needs no buildx plugin and exists on every engine we target.
      const env = { ...process.env, DOCKER_BUILDKIT: '0' }
      const res = await dockerCli(['build', '-t', BASE_IMAGE, ctx], { env })
      if (res.code !== 0) {
        throw new Error(
          `building ${BASE_IMAGE} failed (exit ${res.code}; ${BUSYBOX} must be statically linked):\n` +
            `${res.stdout.slice(-2000)}\n${res.stderr.slice(-2000)}`
        )
      }
      return BASE_IMAGE
    } finally {
      await rm(ctx, { recursive: true, force: true })
    }
  })
}

/** Writes files (keys are relative paths, nested ok) into a fresh temp dir and returns its path. */
export async function makeContext(files: Record<string, string>): Promise<string> {
  for (const name of Object.keys(files)) {
    const rel = relative('/ctx', resolve('/ctx', name))
    if (isAbsolute(name) || rel === '' || rel.startsWith('..')) {
      throw new Error(`makeContext: path ${JSON.stringify(name)} escapes the context dir`)
    }
  }
  const dir = await testDir('btp-ctx-')
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
  return dir
}

/**
 * `docker image ls --digests` on the containerd store fails with "content digest … not found" when another
 * test file deletes an image mid-listing (the files run in parallel); listing again is then right.
 */
async function listImagesWithDigests(): Promise<CliResult> {
  for (let attempt = 1; ; attempt++) {
    const res = await dockerCli(IMAGE_LS_ARGS)
    if (res.code === 0 || attempt === 5 || !/not found/i.test(res.stderr)) {
      if (res.code !== 0)
        throw new Error(`docker ${IMAGE_LS_ARGS.join(' ')} exited ${res.code}:\n${res.stderr.trim()}`)
      return res
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

/**
 * removeImages, after every test file of the run has finished: `npm test` (scripts/test.mjs) sets
 * BTP_CLEANUP_FILE and removes the listed prefixes once jest exits, so that no deletion races another
 * file's build (see removeImages). Run alone, jest removes them at once.
 */
export async function removeImagesLater(prefix: string): Promise<void> {
  if (!prefix) throw new Error('removeImagesLater: empty prefix would match every image')
  const file = process.env.BTP_CLEANUP_FILE
  if (!file) {
    await removeImages(prefix)
    return
  }
  const { appendFile } = await import('node:fs/promises')
  await appendFile(file, `${prefix}\n`)
}

/**
 * `stop`, made to take with it what the engine holds under `prefixes` (the host of a test registry or
 * proxy), so that no file lists its own (a file that forgot left a dozen images a run in the engine). Under
 * `npm test` they are listed at once, so that a file that fails before its afterAll is cleaned up too; run
 * alone, they go when the returned stop is called (once, however often it is).
 */
export async function imagesGoWith(
  prefixes: string[],
  stop: () => Promise<void>
): Promise<() => Promise<void>> {
  if (process.env.BTP_CLEANUP_FILE) {
    for (const prefix of prefixes) await removeImagesLater(prefix)
    return stop
  }
  let stopped: Promise<void> | undefined
  return () =>
    (stopped ??= (async () => {
      await stop()
      for (const prefix of prefixes) await removeImages(prefix)
    })())
}

/**
 * Removes local image references whose repository starts with prefix (e.g. '127.0.0.1:5000/btp-'), so
 * that a pull must ask the registry. By reference, not by ID, so tags outside the prefix survive. Returns
 * the references removed.
 *
 * Under `npm test` (BTP_CLEANUP_FILE set) no image is deleted while other files build: each is first held
 * by a tag of its own, removed with the rest once jest exits, so that only the references go now. A
 * deletion races other files' builds on both engines: dockerd 20.10's classic builder looks for a cached
 * step by listing every image with the same parent (for `FROM scratch`, every such image) and then loading
 * each, and fails with `unable to find image "sha256:…"` when one went meanwhile (seen in CI); on the
 * containerd store a deletion starts the store's garbage collection, under which two BuildKit tests
 * failed (a rebuild that no longer matched, a push of an index whose manifests were gone). `--no-prune`
 * keeps untagged parents when jest runs alone.
 */
export async function removeImages(prefix: string): Promise<string[]> {
  if (!prefix) throw new Error('removeImages: empty prefix would match every image')
  const refs = imageRefs((await listImagesWithDigests()).stdout, [prefix])
  if (process.env.BTP_CLEANUP_FILE && refs.size) await hold([...new Set(refs.values())].filter(Boolean))
  const removed: string[] = []
  const queue = [...refs.keys()]
  const worker = async (): Promise<void> => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) {
      const res = await dockerCli(['image', 'rm', '-f', '--no-prune', ref])
      if (res.code === 0) removed.push(ref)
    }
  }
  await Promise.all(Array.from({ length: Math.min(REMOVERS, queue.length) }, worker))
  return removed
}

/** The repository that holds, under `npm test`, the images removeImages took the references of. */
const HELD = `btp-held-${process.pid}/`

/** Tags each image (by ID or reference) under HELD, which the run removes once jest exits. */
async function hold(images: string[]): Promise<void> {
  for (const image of images) {
    const id = image
      .replace(/^sha256:/, '')
      .replace(/[^a-z0-9]/g, '-')
      .slice(0, 64)
    await dockerCli(['tag', image, `${HELD}image:${id}`])
  }
  await removeImagesLater(HELD)
}

/**
 * Images a file made that no registry prefix names (an untagged build's ID, a local tag): under
 * `npm test` their references go now and the images after jest exits (see removeImages); run alone, now.
 */
export async function removeLater(images: string[]): Promise<void> {
  if (!process.env.BTP_CLEANUP_FILE) {
    for (const image of images) await dockerCli(['image', 'rm', '-f', image])
    return
  }
  await hold(images)
  // Their own names go now (an ID is no name); the held tag keeps each image until the end.
  for (const image of images)
    if (!/^(sha256:)?[0-9a-f]{12,64}$/.test(image)) await dockerCli(['image', 'rm', '--no-prune', image])
}
/** References removed at once by removeImages. */
const REMOVERS = 8
