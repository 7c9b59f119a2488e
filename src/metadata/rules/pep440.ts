// PEP 440 versions, as far as metadata-action's `type=pep440` rule reads them: validity, the normalized
// form, the release numbers and whether it is a pre-, post- or dev-release. Pure; no dependency.

export interface Pep440 {
  epoch: number
  release: number[]
  /** Normalized pre-release label (`a`, `b`, `rc`) and number. */
  pre?: { label: 'a' | 'b' | 'rc'; n: number }
  post?: number
  dev?: number
  /** Normalized local label: lowercase, `.`-separated, numeric parts without leading zeros. */
  local?: string
}

// PEP 440's appendix B pattern, case-insensitive, with surrounding whitespace allowed.
const PEP440 = new RegExp(
  '^\\s*v?' +
    '(?:([0-9]+)!)?' + // epoch
    '([0-9]+(?:\\.[0-9]+)*)' + // release
    '(?:[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?([0-9]+)?)?' + // pre-release
    '(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?' + // post-release
    '(?:[-_.]?(dev)[-_.]?([0-9]+)?)?' + // dev release
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?' + // local version
    '\\s*$',
  'i'
)

const PRE_LABELS: Record<string, 'a' | 'b' | 'rc'> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc'
}

const num = (s: string | undefined): number => (s === undefined ? 0 : Number.parseInt(s, 10))

/** The parsed version, or undefined when `text` is not a PEP 440 version. */
export function parsePep440(text: string): Pep440 | undefined {
  const m = PEP440.exec(text)
  if (!m) return undefined
  const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m
  const v: Pep440 = { epoch: num(epoch), release: release.split('.').map(n => num(n)) }
  if (preL !== undefined) v.pre = { label: PRE_LABELS[preL.toLowerCase()], n: num(preN) }
  if (postN1 !== undefined) v.post = num(postN1)
  else if (postL !== undefined) v.post = num(postN2)
  if (devL !== undefined) v.dev = num(devN)
  if (local !== undefined)
    v.local = local
      .toLowerCase()
      .split(/[-_.]/)
      .map(p => (/^[0-9]+$/.test(p) ? String(num(p)) : p))
      .join('.')
  return v
}

/** The normalized form: `1.0.dev4`, `1.1b2`, `1!2.0.post1+local.7`. */
export function normalizePep440(v: Pep440): string {
  let s = v.epoch !== 0 ? `${v.epoch}!` : ''
  s += v.release.join('.')
  if (v.pre) s += `${v.pre.label}${v.pre.n}`
  if (v.post !== undefined) s += `.post${v.post}`
  if (v.dev !== undefined) s += `.dev${v.dev}`
  if (v.local !== undefined) s += `+${v.local}`
  return s
}

/** A pre-, post- or dev-release: metadata-action gives such versions no partial tags and no `latest`. */
export const isPep440Special = (v: Pep440): boolean =>
  v.pre !== undefined || v.post !== undefined || v.dev !== undefined

/** The n-th release number (0 = major); 0 when the release has fewer numbers. */
export const releasePart = (v: Pep440, n: number): number => v.release[n] ?? 0
