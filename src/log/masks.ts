// What gets masked: one home for every rule that turns a secret into the strings to register as masks.
import { percentDecoded } from '../core/text.js'
import { splitUserinfo, urlAuthorities } from '../core/userinfo.js'

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

/** A value a registry issues (a bearer token) shorter than this is not masked: see maskableToken. */
const MIN_TOKEN_MASK = 8
const DIGEST_ALGORITHMS = ['sha256:', 'sha384:', 'sha512:']

/** Whether `value` could be a piece of some `algorithm:hex` digest (`sha256`, `256:ab`, `deadbeef`, a digest). */
function digestPiece(value: string): boolean {
  if (/^[0-9a-f]+$/.test(value)) return true
  return DIGEST_ALGORITHMS.some(algorithm => {
    for (let i = 0; i < algorithm.length; i++) {
      const rest = algorithm.slice(i)
      if (rest.startsWith(value)) return true
      if (value.startsWith(rest) && /^[0-9a-f]*$/.test(value.slice(rest.length))) return true
    }
    return false
  })
}

/**
 * Whether a value a registry issued (a token, a refresh token) is registered as a mask. The runner hides
 * every occurrence of a mask and drops any job output that holds one, and a registry, a source we do not
 * control among them, chooses its tokens: a token of `sha256` or a piece of the digest it serves would hide
 * every digest and drop the `digest` output, and a short one (`latest`, `app`) the tags and names. Such a
 * value is no credential worth the name; it is still kept out of our own messages (transport.ts redacts
 * it), just not handed to the runner. Real registries issue JWTs or base64 far longer than this.
 */
export function maskableToken(value: string): boolean {
  return value.length >= MIN_TOKEN_MASK && !digestPiece(value)
}

/**
 * The secrets in a URL's userinfo (urlAuthorities: split at the authority's last `@`), as a git context
 * carries them (`https://x-access-token:…@github.com/o/r.git#main:sub`): the password and the whole
 * userinfo, raw and percent-decoded, and base64(`user:password`) as git sends it; for http(s), a user name
 * without a password when it is long enough to be a token (maskableToken: `https://<token>@host`, while
 * `https://git@host` names a user, and `ssh://git@…` always does). To mask.
 */
export function urlSecrets(value: string): string[] {
  const found: string[] = []
  for (const { scheme, userinfo } of urlAuthorities(value)) {
    if (userinfo === undefined) continue
    const { user, password } = splitUserinfo(userinfo)
    if (password === undefined) {
      if (/^https?$/i.test(scheme) && maskableToken(percentDecoded(user)))
        found.push(user, percentDecoded(user))
      continue
    }
    if (!password) continue
    // The userinfo as written too: `x-access-token:<token>` is what a log would show of the URL.
    found.push(password, percentDecoded(password), userinfo, percentDecoded(userinfo))
    found.push(Buffer.from(`${percentDecoded(user)}:${percentDecoded(password)}`).toString('base64'))
  }
  return [...new Set(found)]
}

/**
 * The secrets in the proxy variables (`HTTPS_PROXY`, `http_proxy`, in any case): the userinfo of each, as
 * urlSecrets finds it, a value without a scheme read as `http://` (as docker reads it). To mask before
 * anything runs: the registry client sends them to the proxy, and docker's output may quote them.
 */
export function proxySecrets(env: NodeJS.ProcessEnv): string[] {
  const found = Object.entries(env)
    .filter(([name, value]) => /^https?_proxy$/i.test(name) && value)
    .flatMap(([, value]) =>
      urlSecrets(/^[a-z][a-z0-9+.-]*:\/\//i.test(value!.trim()) ? value! : `http://${value!.trim()}`)
    )
  return [...new Set(found)]
}
