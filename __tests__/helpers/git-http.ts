// A git repository served over HTTP with Basic auth, offline: git's "dumb HTTP" protocol is static files
// (after `git update-server-info` in the bare repository), so a small node server that demands the right
// credentials and serves the repository's files is a git host that needs a token, as GitHub does.
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { runCommand, type CliResult } from './docker.js'

export interface GitHttpRequest {
  path: string
  /** The request carried the right credentials. */
  authorized: boolean
  status: number
}

export interface GitHttpServer {
  /** `http://user:password@127.0.0.1:PORT/<repo>.git`, the credentials URL-encoded. */
  url(repo: string): string
  port: number
  /** Every request since the start or the last reset. */
  requests: GitHttpRequest[]
  reset(): void
  stop(): Promise<void>
}

/** git with no system or user configuration, and an author of its own. */
export const gitEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'btp',
  GIT_AUTHOR_EMAIL: 'btp@example.com',
  GIT_COMMITTER_NAME: 'btp',
  GIT_COMMITTER_EMAIL: 'btp@example.com'
})

export async function git(args: string[], cwd: string): Promise<CliResult> {
  const res = await runCommand('git', args, { cwd, env: gitEnv() })
  if (res.code !== 0) throw new Error(`git ${args.join(' ')} exited ${res.code}: ${res.stderr}`)
  return res
}

/**
 * A bare repository `<root>/<name>.git` with one commit of `files` on branch `main`, ready for dumb HTTP.
 * Returns the bare repository's path.
 */
export async function makeBareRepo(
  root: string,
  name: string,
  files: Record<string, string>
): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'btp-git-work-'))
  try {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(dirname(join(work, file)), { recursive: true })
      await writeFile(join(work, file), content)
    }
    await git(['init', '--quiet', '--initial-branch=main'], work)
    await git(['add', '.'], work)
    await git(['commit', '--quiet', '-m', 'content'], work)
    const bare = join(root, `${name}.git`)
    await git(['clone', '--quiet', '--bare', work, bare], root)
    await git(['update-server-info'], bare)
    return bare
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Serves the files under `root` on 127.0.0.1 to requests with these Basic credentials; 401 to others. */
export async function startGitHttp(
  root: string,
  credentials: { username: string; password: string }
): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
  const requests: GitHttpRequest[] = []
  const sockets = new Set<Socket>()
  const base = resolve(root)
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://git').pathname
    const authorized = req.headers.authorization === expected
    const answer = (status: number, headers: Record<string, string> = {}): void => {
      requests.push({ path, authorized, status })
      res.writeHead(status, headers)
      res.end()
    }
    if (!authorized) return answer(401, { 'WWW-Authenticate': 'Basic realm="btp-git"' })
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405)
    const file = resolve(base, `.${decodeURIComponent(path)}`)
    if (file !== base && !file.startsWith(base + sep)) return answer(404)
    stat(file).then(
      st => {
        if (!st.isFile()) return answer(404)
        requests.push({ path, authorized, status: 200 })
        // No smart-HTTP content type: git falls back to the dumb protocol, the files themselves.
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': st.size })
        if (req.method === 'HEAD') return res.end()
        createReadStream(file).pipe(res)
      },
      () => answer(404)
    )
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolvePromise())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const userinfo = `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}`
  let stopped: Promise<void> | undefined
  const api: GitHttpServer = {
    url: repo => `http://${userinfo}@127.0.0.1:${port}/${repo}.git`,
    port,
    requests,
    reset() {
      requests.length = 0
    },
    stop() {
      stopped ??= new Promise<void>(resolvePromise => {
        for (const s of sockets) s.destroy()
        server.close(() => resolvePromise())
      })
      return stopped
    }
  }
  return api
}
