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
 * What to mask for a secret value: the value, and each line of a multi-line one (a JSON key file or a PEM
 * key is masked line by line, since a multi-line mask matches nothing in a line-based log).
 */
export function valueSecrets(value: string): string[] {
  if (!value.trim()) return []
  const lines = value.includes('\n')
    ? value
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l.length >= MIN_LINE_MASK)
    : []
  return [...new Set([value, ...lines])]
}

/** Everything to mask for a password: its value and lines, and the base64 forms docker writes and sends. */
export function credentialSecrets(username: string, password: string): string[] {
  if (!password.trim()) return []
  return [
    ...new Set([
      ...valueSecrets(password),
      Buffer.from(`${username}:${password}`).toString('base64'),
      Buffer.from(password).toString('base64')
    ])
  ]
}
