// docker's output, fenced off from the runner's workflow-command parser.
//
// The runner reads a step's stdout and stderr line by line (a line ends at \n, \r\n or a lone \r) and acts on
// every line that starts with `::name` (after leading blanks) or holds `##[name` anywhere. What docker prints
// comes from the build (a Dockerfile's RUN), the registry (its error messages) and the engine: none of it may
// issue a command. So everything docker prints goes between `::stop-commands::<token>` and `::<token>::`,
// where the runner acts on nothing but the closing token. Each region gets a fresh random token, which
// nothing docker runs can see or guess. Our own commands (masks, errors, groups) are written outside the
// regions: while a region is open the runner would ignore an `::add-mask::` too.
import { randomBytes } from 'node:crypto'

/** Writes a chunk; false (a stream's write) when the reader is behind and the chunk waits in memory. */
export type Sink = (chunk: string | Uint8Array) => unknown

export interface Fence {
  /**
   * Writes docker's output, inside a region (opened first when none is); false when the reader is behind:
   * the writer then waits for `whenDrained` before it writes more, so the output is not held in memory.
   */
  write(chunk: string | Uint8Array): boolean
  /** Calls `then` once the reader has caught up (the stream's 'drain'); absent where none is told. */
  whenDrained?: (then: () => void) => void
  /** Ends the open region, if any, on a line of its own; the next `write` opens a new one. */
  close(): void
  /** Writes our own text (whole lines) outside any region: closes the open one first. */
  own(text: string): void
}

export interface FenceOptions {
  /** Off outside the runner (the CLI in a terminal): writes pass through, no region lines. */
  enabled?: boolean
  /** The token generator; tests pin it. */
  token?: () => string
  /** Calls `then` on the sink's next 'drain' (the fence's `whenDrained`). */
  drain?: (then: () => void) => void
}

/** A stream's 'drain', for FenceOptions.drain; none for a stream that cannot tell (a test's stand-in). */
export const drainOf = (stream: NodeJS.WritableStream): FenceOptions['drain'] =>
  typeof stream.once === 'function' ? then => void stream.once('drain', then) : undefined

const lastIsNewline = (chunk: string | Uint8Array): boolean =>
  typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 0x0a

/** One writer for a stream the runner reads, shared by docker's output and our own lines. */
export function createFence(sink: Sink, options: FenceOptions = {}): Fence {
  const enabled = options.enabled ?? true
  const newToken = options.token ?? ((): string => randomBytes(16).toString('hex'))
  let token: string | undefined
  let atLineStart = true
  /** False once the sink said its reader is behind, until the next write. */
  let flowing = true
  const put = (chunk: string | Uint8Array): void => {
    if (chunk.length === 0) return
    if (sink(chunk) === false) flowing = false
    atLineStart = lastIsNewline(chunk)
  }
  const close = (): void => {
    if (token === undefined) return
    if (!atLineStart) put('\n')
    put(`::${token}::\n`)
    token = undefined
  }
  return {
    write(chunk) {
      flowing = true
      if (chunk.length === 0) return true
      if (enabled && token === undefined) {
        if (!atLineStart) put('\n')
        token = newToken()
        put(`::stop-commands::${token}\n`)
      }
      put(chunk)
      return flowing
    },
    ...(options.drain && { whenDrained: options.drain }),
    close,
    own(text) {
      close()
      // Our line must start a line of its own, or its command would not be one.
      if (!atLineStart) put('\n')
      put(text)
    }
  }
}

/**
 * Foreign text (a registry's message, a label, a user name) made safe to echo as a plain log line: line
 * breaks become spaces, and what the runner would read as a command (`::` at the start, `##[` anywhere)
 * is broken up. Inside a command's message (`::error::…`) escaping the data is enough; this is for the rest.
 */
export function singleLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/##\[/g, '## [')
    .replace(/^(\s*)::/, '$1: :')
}
