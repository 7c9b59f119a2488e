// The WWW-Authenticate challenge as RFC 9110 spells it, and the credentials that answer one: what both the
// authenticator (auth.ts) and the token endpoint (token.ts) speak. Pure.

/** Docker's convention for identity (refresh) tokens: username `<token>`, password = the token. */
export interface Credentials {
  username: string
  password: string
}
export type CredentialLookup = (registry: string) => Promise<Credentials | undefined>

export interface Challenge {
  /** Lowercased: `basic`, `bearer`, ... */
  scheme: string
  /** Parameter names lowercased, values unquoted. */
  params: Record<string, string>
  /** The token68 form (`Negotiate abc==`), which has no params. */
  token68?: string
}

// RFC 9110 token characters, the token68 form, and one auth-param (value quoted or bare).
const WS_COMMA = /[\s,]*/y
const SCHEME = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y
const TOKEN68 = /[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*(?=,|$)/y
const PARAM = /[\s,]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"?|([^\s,"]*))/y

/**
 * Parses a WWW-Authenticate value, possibly holding several challenges. A comma ends a challenge only
 * when what follows is not `name=value`, which is how quoted commas and multiple challenges coexist.
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let i = 0
  while (i < header.length) {
    WS_COMMA.lastIndex = i
    WS_COMMA.exec(header)
    i = WS_COMMA.lastIndex
    if (i >= header.length) break
    SCHEME.lastIndex = i
    const scheme = SCHEME.exec(header)
    if (!scheme) {
      i++ // not a challenge; skip the stray character
      continue
    }
    i = SCHEME.lastIndex
    const challenge: Challenge = { scheme: scheme[0].toLowerCase(), params: {} }
    TOKEN68.lastIndex = i
    const token68 = TOKEN68.exec(header)
    if (token68) {
      challenge.token68 = token68[1]
      i = TOKEN68.lastIndex
    } else {
      for (;;) {
        PARAM.lastIndex = i
        const param = PARAM.exec(header)
        if (!param) break
        challenge.params[param[1].toLowerCase()] =
          param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]
        i = PARAM.lastIndex
      }
    }
    challenges.push(challenge)
  }
  return challenges
}
