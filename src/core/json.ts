// Reading parsed JSON (and YAML) by shape: what came from a file or a server is `unknown` until checked.

/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
