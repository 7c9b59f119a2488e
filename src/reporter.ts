// How the pipeline talks to its user. The action maps this onto workflow commands; the CLI onto stderr.

export interface Reporter {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** Masks a value in everything printed afterwards. */
  setSecret(value: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** Milliseconds since `start`, rounded. */
export const since = (start: number): number => Math.round(performance.now() - start)

/** Runs `fn` and records its duration under `name`. */
export async function timed<T>(
  durations: Record<string, number>,
  name: string,
  fn: () => Promise<T>
): Promise<T> {
  const start = performance.now()
  try {
    return await fn()
  } finally {
    durations[name] = since(start)
  }
}

/** Lines shorter than this are not masked alone: a mask of `{` would hide every brace in the log. */
const MIN_LINE_MASK = 6

/**
 * Everything to mask for a password: the value docker uses, each line of a multi-line one (a JSON key file
 * is registered line by line, since a multi-line mask matches nothing in a line-based log), and the base64
 * forms docker writes into config files and headers.
 */
export function credentialSecrets(username: string, password: string): string[] {
  if (!password.trim()) return []
  const lines = password.includes('\n')
    ? password
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l.length >= MIN_LINE_MASK)
    : []
  return [
    ...new Set([
      password,
      ...lines,
      Buffer.from(`${username}:${password}`).toString('base64'),
      Buffer.from(password).toString('base64')
    ])
  ]
}
