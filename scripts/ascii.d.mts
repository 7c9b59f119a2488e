// Types of ascii.mjs, for the TypeScript tests.
/** `source` with every non-ASCII character escaped, with the same meaning; throws where that cannot be. */
export function asciiOnly(
  source: string,
  options?: { sourceType?: 'module' | 'script'; name?: string }
): string
