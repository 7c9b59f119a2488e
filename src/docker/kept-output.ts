// How much of a docker command's output is kept to be read back. Only node's own imports: the exec funnel,
// which the action loads at its start, needs it, and the bounds of the build path stay out of that chunk.
import { StringDecoder } from 'node:string_decoder'

/**
 * How much of a command's stdout and of its stderr is kept, each: its end, from a line's start.
 * BuildKit writes the whole build log to stderr, which the log shows as it comes; what is read back (the
 * error line, the failed Dockerfile line, the pushed digest, a cache export's error) is at the end. The
 * text read is cut back once it holds twice as much, not on every chunk: each cut copies what is kept.
 */
export const KEPT_OUTPUT_CHARS = 4 * 1024 * 1024

/** The end of `text` that is kept: at most KEPT_OUTPUT_CHARS, from the first whole line in them. */
export function keptEnd(text: string): string {
  if (text.length <= KEPT_OUTPUT_CHARS) return text
  const from = text.length - KEPT_OUTPUT_CHARS
  const line = text.indexOf('\n', from)
  return text.slice(line < 0 ? from : line + 1)
}

/** One stream's output as it comes (bytes), decoded and cut back to its kept end. */
export interface KeptOutput {
  /** Takes a chunk; returns it decoded. */
  write: (chunk: Buffer) => string
  /** All that is kept, once the stream ended. */
  end: () => string
}

export function keptOutput(): KeptOutput {
  const decoder = new StringDecoder('utf8')
  let text = ''
  return {
    write: chunk => {
      const decoded = decoder.write(chunk)
      text += decoded
      if (text.length > 2 * KEPT_OUTPUT_CHARS) text = keptEnd(text)
      return decoded
    },
    end: () => keptEnd(text + decoder.end())
  }
}
