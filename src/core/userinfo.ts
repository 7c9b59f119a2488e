// A URL's userinfo as Go's net/url (docker, BuildKit) and the WHATWG URL parser (node) find it: the
// authority, from `scheme://` to the first `/`, `?`, `#` or whitespace, split at its LAST `@`, so a password
// holding an unencoded `@` (`https://u:p@ss@host`) stays whole instead of leaking its tail into the host.
import { isValidDigest } from './reference.js'

export interface Authority {
  /** As written (`https`, `HTTP`, `docker-image`). */
  scheme: string
  /** Where the authority starts in the text, just after `scheme://`. */
  index: number
  /** Before the last `@`, as written (not decoded); undefined without userinfo. */
  userinfo?: string
  /** After the last `@` (host and port), or the whole authority without userinfo. */
  host: string
  /** The text after the authority: the path, query and fragment, and whatever follows. */
  rest: string
}

const SCHEME = /\b([a-z][a-z0-9+.-]*):\/\//gi
const AUTHORITY = /^[^/?#\s]*/
/** `sha256:<hex>` at the head of what follows an `@`: a pinned image (`docker-image://alpine:3.19@sha256:…`). */
const DIGEST_HEAD = /^[A-Za-z0-9+._-]+:[0-9A-Fa-f]+/

/** The authority of the URL at `text`'s start, undefined when `text` does not start with `scheme://`. */
export function authorityOf(text: string): Authority | undefined {
  const found = urlAuthorities(text)[0]
  return found && found.index === found.scheme.length + 3 ? found : undefined
}

/**
 * The authority of every `scheme://` in free text (an input's value, a command line). What follows an `@`
 * and starts with a digest is an image reference's digest, not a host: `alpine:latest` before it is no
 * userinfo.
 */
export function urlAuthorities(text: string): Authority[] {
  return [...text.matchAll(SCHEME)].map(m => {
    const index = m.index + m[0].length
    const authority = AUTHORITY.exec(text.slice(index))![0]
    const rest = text.slice(index + authority.length)
    const at = authority.lastIndexOf('@')
    const host = authority.slice(at + 1)
    const digest = DIGEST_HEAD.exec(host)?.[0]
    if (at < 0 || (digest && isValidDigest(digest))) return { scheme: m[1], index, host: authority, rest }
    return { scheme: m[1], index, userinfo: authority.slice(0, at), host, rest }
  })
}

/** Userinfo split at its first `:` as Go's url.UserPassword reads it, as written; no password without `:`. */
export function splitUserinfo(userinfo: string): { user: string; password?: string } {
  const colon = userinfo.indexOf(':')
  return colon < 0
    ? { user: userinfo }
    : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) }
}

/** `text` with the userinfo of each URL whose scheme `schemes` accepts replaced by `shown`. */
export function replaceUserinfo(text: string, shown: string, schemes: RegExp): string {
  let out = ''
  let from = 0
  for (const a of urlAuthorities(text)) {
    if (a.userinfo === undefined || !schemes.test(a.scheme)) continue
    out += text.slice(from, a.index) + shown
    from = a.index + a.userinfo.length
  }
  return out + text.slice(from)
}
