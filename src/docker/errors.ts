// How a docker command failed, in docker's own words: the last line that means something, the phase it
// stopped in, and whether another attempt could help.
import type { ExecResult, Stop } from './exec.js'
import { classify, ClassifiedError, NO_ENGINE, type FailureKind } from '../core/retry.js'
import { formatSeconds } from '../core/bounds.js'
import { oneLine } from '../core/text.js'

export class DockerError extends ClassifiedError {
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string,
    /** Our own account, when we stopped the process (a bound, a cancel): docker's last words are fallout. */
    own?: { message: string; kind: FailureKind }
  ) {
    const detail = lastMeaningfulLine(stderr)
    // Classified whole, shown cut: a line a build step printed can be megabytes long. Cut between words:
    // nothing has redacted it yet, and half a secret would escape the runner's mask.
    const shown = oneLine(detail, MAX_DETAIL, true)
    // Whatever the command (a build, an inspect of a source), no engine has one remedy.
    const hint = NO_ENGINE_LINE.test(detail) ? ` (${NO_ENGINE_HINT})` : ''
    super(
      own?.message ?? `docker ${command} failed (exit ${exitCode})${shown ? `: ${shown}${hint}` : ''}`,
      own?.kind ?? classify(detail)
    )
    this.name = 'DockerError'
  }
}

export const NO_ENGINE_HINT =
  'no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine'

/** The most of docker's final line an error shows. */
const MAX_DETAIL = 1000

/** What a stopped process's error says: a bound is transient (retried), a cancel is not. */
export function stoppedError(command: string, result: ExecResult, stop: Stop, subject?: string): DockerError {
  const on = subject ? ` on ${subject}` : ''
  const own =
    stop.reason === 'signal'
      ? {
          message: `docker ${command} stopped: the run was cancelled (${stop.signal})`,
          kind: 'fatal' as const
        }
      : stop.reason === 'aborted'
        ? { message: `docker ${command}${on} stopped: the step failed elsewhere`, kind: 'fatal' as const }
        : stop.reason === 'stall'
          ? {
              message: `docker ${command} stalled: no progress for ${formatSeconds(stop.afterMs)} s${on}${queued(result.stdout)}`,
              kind: 'transient' as const
            }
          : {
              message: `docker ${command} timed out after ${formatSeconds(stop.afterMs)} s${on}`,
              kind: 'transient' as const
            }
  return new DockerError(command, result.exitCode, result.stderr, own)
}

/**
 * A push whose layers still wait for an upload slot: dockerd uploads a few layers at a time across all its
 * pushes, so another job's large push on the same engine leaves ours silent without anything being wrong.
 */
function queued(stdout: string): string {
  const last = new Map<string, string>()
  for (const m of stdout.matchAll(/^([0-9a-f]{12}): (\S.*)$/gm)) last.set(m[1], m[2].trim())
  const waiting = [...last.values()].filter(status => status === 'Waiting').length
  if (!waiting) return ''
  return ` (${waiting} of its layers were still waiting for an upload slot: another push on this docker engine may hold them)`
}

/**
 * docker's own final error line: the one that says what went wrong, and the only text a failure is
 * classified on. On BuildKit stderr holds the whole build log, so words a build step prints ("connection
 * refused", "permission denied") must not count: build log lines (`#5 0.1 …`) are skipped, and buildx's
 * closing `ERROR: ` line wins. Deprecation notices are skipped too.
 */
export function lastMeaningfulLine(text: string): string {
  const lines: string[] = []
  let inNotice = false
  for (const raw of text.split(/\r?\n/)) {
    // A notice is a "DEPRECATED:" line followed by indented continuation lines.
    inNotice = raw.startsWith('DEPRECATED:') || (inNotice && /^\s/.test(raw))
    if (!inNotice && raw.trim() !== '') lines.push(raw.trim())
  }
  // No engine: the CLI's own sentence says it; the log lines around it are only the fallout.
  const noEngine = lines.find(l => NO_ENGINE_LINE.test(l))
  if (noEngine) return noEngine.replace(/^(ERROR|docker):\s*/, '')
  const own = lines.filter(l => !BUILD_LOG_LINE.test(l))
  const last = (test: (l: string) => boolean): number => own.findLastIndex(test)
  let at = last(l => l.startsWith('ERROR: '))
  if (at < 0) at = last(l => /error|denied|unauthorized|failed|invalid/i.test(l))
  if (at < 0) at = own.length - 1
  return continued(own, at).replace(/^ERROR:\s*/, '')
}

/**
 * A line with the lines that finish its sentence: git breaks `fatal: unable to connect to 127.0.0.1:` from
 * `127.0.0.1[0: 127.0.0.1]: errno=Connection refused`, and docker adds `: exit status 128` on a line of its
 * own. A line ending in ":" goes on, and so does one that the next line continues with ":".
 */
function continued(lines: string[], at: number): string {
  if (at < 0) return ''
  let text = lines[at]
  for (let i = at + 1; i < lines.length && (text.endsWith(':') || lines[i].startsWith(':')); i++)
    text = text.endsWith(':') && !lines[i].startsWith(':') ? `${text} ${lines[i]}` : `${text}${lines[i]}`
  return text
}

/** buildx's progress once it pushes: from BuildKit (`pushing layers`) or through the docker driver. */
export const PUSH_PHASE = /^#\d+ pushing (?:layers|manifest|layer |\S+ with docker)/m

/** A line of BuildKit's plain progress: `#5 [2/2] RUN …`, `#5 0.123 what the step printed`. */
const BUILD_LOG_LINE = /^#\d+ /
/** The CLI's no-engine sentence as it starts a line of its own (not quoted by a build step). */
const NO_ENGINE_LINE = new RegExp(`^(ERROR:\\s*|docker:\\s*)?(${NO_ENGINE.source})`, 'i')
