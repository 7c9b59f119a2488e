// How the pipeline talks to its user. The action maps this onto workflow commands; the CLI onto stderr.
import { now } from '../core/clock.js'

/** A place in a file, 1-based lines. */
export interface Where {
  file: string
  line?: number
  endLine?: number
}

/** Where a failure points, when the builder named a file and line (a build step, a check's finding). */
export const whereOf = (error: unknown): Where | undefined => {
  const where = (error as { location?: Partial<Where> } | null | undefined)?.location
  return where?.file ? { ...where, file: where.file } : undefined
}

export interface Reporter {
  info(message: string): void
  notice(message: string): void
  /** With `where`, an annotation on that file and line (a Dockerfile check's finding). */
  warning(message: string, where?: Where): void
  debug(message: string): void
  /** Masks a value in everything printed afterwards. */
  setSecret(value: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** Milliseconds since `start`, rounded. */
export const since = (start: number): number => Math.round(now() - start)

/** Runs `fn` and records its duration under `name`. */
export async function timed<T>(
  durations: Record<string, number>,
  name: string,
  fn: () => Promise<T>
): Promise<T> {
  const start = now()
  try {
    return await fn()
  } finally {
    durations[name] = since(start)
  }
}
