// docker's output on the CLI's stderr with every secret the run knows hidden. The action leaves that to the
// runner, which masks what it was told to; a terminal masks nothing, and a build step can print a build
// secret. Whole lines go out (a line ends at \n or \r), so that a secret split between two chunks is still
// found; the rest of a line waits for its end, for the region's close, or for 64 KiB.
import { StringDecoder } from 'node:string_decoder'
import { createFence, type Fence, type FenceOptions } from '../log/fence.js'

const HELD_MAX = 64 * 1024

/**
 * A Fence over `write` (fenced as the runner wants it when `fenced`: the CLI in a workflow) whose text is
 * passed through `mask` a line at a time.
 */
export function maskedOutput(
  /** False when the reader is behind (a stream's write), as Fence.write says it on. */
  write: (text: string) => unknown,
  mask: (text: string) => string,
  fenced: boolean,
  drain?: FenceOptions['drain']
): Fence {
  const decoder = new StringDecoder('utf8')
  let held = ''
  const flush = (): unknown => {
    const text = held
    held = ''
    return text ? write(mask(text)) : true
  }
  const fence = createFence(
    chunk => {
      held += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk))
      const end = Math.max(held.lastIndexOf('\n'), held.lastIndexOf('\r'))
      let flowing: unknown = true
      if (end >= 0) {
        flowing = write(mask(held.slice(0, end + 1)))
        held = held.slice(end + 1)
      }
      return held.length > HELD_MAX ? flush() !== false && flowing !== false : flowing
    },
    { enabled: fenced, drain }
  )
  return {
    write: chunk => fence.write(chunk),
    ...(fence.whenDrained && { whenDrained: fence.whenDrained }),
    own: text => fence.own(text),
    close: () => {
      fence.close()
      flush()
    }
  }
}
