// What gets masked: one home for every rule that turns a secret into the strings to register as masks.

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

/**
 * The secrets in an http(s) URL's userinfo, as a git context carries them
 * (`https://x-access-token:…@github.com/o/r.git#main:sub`): the password, or the user name when there is no
 * password (a token alone), and the whole userinfo. Raw and percent-decoded, and base64(`user:password`) as git
 * sends it. To mask.
 */
export function urlSecrets(value: string): string[] {
  const found: string[] = []
  for (const m of value.matchAll(/\bhttps?:\/\/([^/?#@\s]+)@/gi)) {
    const userinfo = m[1]
    const colon = userinfo.indexOf(':')
    const secret = colon < 0 ? userinfo : userinfo.slice(colon + 1)
    if (!secret) continue
    found.push(secret, decoded(secret))
    // The userinfo as written too: `x-access-token:<token>` is what a log would show of the URL.
    if (colon >= 0)
      found.push(
        userinfo,
        decoded(userinfo),
        Buffer.from(`${decoded(userinfo.slice(0, colon))}:${decoded(secret)}`).toString('base64')
      )
  }
  return [...new Set(found)]
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
