#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 8630:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   eo: () => (/* binding */ envMs),
/* harmony export */   mE: () => (/* binding */ grownMs),
/* harmony export */   wW: () => (/* binding */ MIN_THROUGHPUT)
/* harmony export */ });
// Time bounds that grow with what is moved, and their overrides from the environment (the tests shrink
// them): one rule for docker pushes and for blob copies between registries.
/** The slowest transfer taken for a healthy one: 1 MiB/s. */
const MIN_THROUGHPUT = 1024 * 1024;
/** A positive integer of milliseconds from `env[name]`, or `fallback` when unset or not one. */
function envMs(env, name, fallback) {
    const value = env[name]?.trim();
    return value && /^[1-9][0-9]*$/.test(value) ? Number(value) : fallback;
}
/** At least `minMs`, and as long as `size` bytes take at MIN_THROUGHPUT (0: unknown, the minimum). */
function grownMs(minMs, size = 0) {
    // A size that is no byte count (NaN from a malformed answer) must not make the bound NaN: no time is ever
    // past NaN, so the process would run unbounded.
    const bytes = Number.isFinite(size) && size > 0 ? size : 0;
    return Math.max(minMs, Math.ceil((bytes / MIN_THROUGHPUT) * 1000));
}
/** 4000 \u2192 "4", 2500 \u2192 "2.5". */
const formatSeconds = (ms) => String(Math.round(ms / 100) / 10);


/***/ }),

/***/ 2257:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ sinceStart),
/* harmony export */   t: () => (/* binding */ now)
/* harmony export */ });
// Milliseconds on node's monotonic clock, read without the global `performance`: its first read loads
// perf_hooks (nine modules, 1 to 2 ms on a slow machine, before the build). process.hrtime is the same clock.
/** Milliseconds on the monotonic clock, from an arbitrary origin: for durations. */
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** Milliseconds since the process started. */
const sinceStart = () => process.uptime() * 1000;


/***/ }),

/***/ 8558:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ goBool)
/* harmony export */ });
// A boolean as docker's tools read it from an attribute or an environment variable: Go's strconv.ParseBool
// words, case and all (buildx's output attributes, docker's actions' DOCKER_BUILD_* and DOCKER_METADATA_*).
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);
/** true or false for one of Go's words, undefined for anything else (which Go refuses). */
function goBool(text) {
    if (TRUE.has(text))
        return true;
    if (FALSE.has(text))
        return false;
    return undefined;
}


/***/ }),

/***/ 7571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KR: () => (/* binding */ ref),
/* harmony export */   Pe: () => (/* binding */ setting),
/* harmony export */   f$: () => (/* binding */ actionTerm),
/* harmony export */   nx: () => (/* binding */ renderInputRefs),
/* harmony export */   so: () => (/* binding */ adviceIn),
/* harmony export */   v9: () => (/* binding */ advice)
/* harmony export */ });
// How a message names an input, or advises, without knowing which interface shows it: a marker that the
// action renders as input names and workflow steps, the CLI as --flags and commands. A leaf, so that the
// reference grammar can name inputs too.
/**
 * Stands for "the input(s) NAMES" in a message, so that each interface can say it its own way: the action
 * as input names, the CLI as --flags (see renderInputRefs). JSON-quoted values cannot contain the markers.
 */
const ref = (...names) => `\u0001${names.join(',')}\u0002`;
/**
 * Stands for "set the input NAME to VALUE", which the CLI says its own way: `pass --no-push`, `leave out
 * --no-push` (its term gets `NAME=VALUE`).
 */
const setting = (name, value) => `\u0001${name}=${value}\u0002`;
/**
 * What the user can do where the interfaces differ: a step to add in a workflow, a command to run or a flag
 * to pass on a command line. Each interface's term says its own (`adviceIn`).
 */
const ADVICE = {
    checkout: {
        action: 'add an actions/checkout step before this one, or set the "context" input to {{defaultContext}} to build this commit from git without a checkout',
        cli: 'run it where your Dockerfile is, or pass --context DIR'
    },
    'install-buildx': {
        action: 'set up buildx, e.g. with docker/setup-buildx-action',
        cli: "install the buildx plugin: Docker's docker-buildx-plugin package, or a release of github.com/docker/buildx as ~/.docker/cli-plugins/docker-buildx"
    },
    'update-buildx': {
        action: 'update buildx, e.g. with docker/setup-buildx-action',
        cli: "update the buildx plugin: Docker's docker-buildx-plugin package, or a release of github.com/docker/buildx as ~/.docker/cli-plugins/docker-buildx"
    },
    'log-in': { action: 'docker login, or login-action in an earlier step', cli: 'docker login' },
    'multi-line-secret': {
        action: 'a secret of several lines, such as a GCR key file, breaks the YAML when pasted in: write it as password: ${{ toJSON(secrets.NAME) }}',
        cli: 'a password of several lines goes in a block scalar (password: |) indented as a whole, or as one JSON string'
    },
    'ssh-agent': {
        action: 'start an agent, e.g. with webfactory/ssh-agent',
        cli: 'start an agent: eval "$(ssh-agent)" && ssh-add'
    }
};
/** Stands for the advice KEY, which each interface words its own way (see ADVICE). */
const advice = (key) => `\u0001?${key}\u0002`;
/** The words of an advice marker's name (`?KEY`) in one interface; undefined for a name that is an input. */
const adviceIn = (name, side) => name.startsWith('?') ? ADVICE[name.slice(1)][side] : undefined;
// eslint-disable-next-line no-control-regex -- the markers are control characters so that no value can hold them
const REF = /\u0001([a-z0-9,-]+(?:=[a-z]+)?|\?[a-z-]+)\u0002/g;
/** Replaces every ref() in `text` with `term(names)`. */
const renderInputRefs = (text, term) => text.replace(REF, (_, names) => term(names.split(',')));
/** How the action names inputs: `the "tags" input`, `the "username" and "password" inputs`. */
const actionTerm = (names) => adviceIn(names[0], 'action') ??
    (names.length === 1 && names[0].includes('=')
        ? `set the "${names[0].split('=')[0]}" input to ${names[0].split('=')[1]}`
        : names.length === 1
            ? `the "${names[0]}" input`
            : `the ${names
                .map(n => `"${n}"`)
                .join(', ')
                .replace(/, ([^,]*)$/, ' and $1')} inputs`);


/***/ }),

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject)
/* harmony export */ });
// Reading parsed JSON (and YAML) by shape: what came from a file or a server is `unknown` until checked.
/** A JSON object: not null, not an array. */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);


/***/ }),

/***/ 5543:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PR: () => (/* binding */ allOrStop),
/* harmony export */   jG: () => (/* binding */ Limiter),
/* harmony export */   ko: () => (/* binding */ eachLimited)
/* harmony export */ });
// At most so many tasks at once, the rest queued in order; once one has failed, no queued task starts (each
// rejects with that failure), so a step that has failed sends no more requests and writes nothing more.
class Limiter {
    max;
    active = 0;
    waiting = [];
    failure;
    constructor(max) {
        this.max = max;
    }
    /** `fn`, once fewer than `max` tasks run; rejects without running it when a task has failed meanwhile. */
    async run(fn) {
        while (this.active >= this.max && !this.failure)
            await new Promise(resolve => this.waiting.push(resolve));
        if (this.failure)
            throw this.failure.error;
        this.active++;
        try {
            return await fn();
        }
        catch (error) {
            if (!this.failure) {
                this.failure = { error };
                for (const wake of this.waiting.splice(0))
                    wake();
            }
            throw error;
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
/** `fn` on every item, at most `max` at once; the first failure rejects, and no item starts after it. */
async function eachLimited(items, max, fn) {
    const limiter = new Limiter(max);
    await Promise.all(items.map((item, i) => limiter.run(() => fn(item, i))));
}
/**
 * Every task at once, each handed a signal that aborts at the first failure so the others stop; resolves
 * with their values, or rejects with that first failure once every task has ended, so that nothing of the
 * step goes on writing after its error line.
 */
async function allOrStop(tasks, 
/** Its signal may be handed to what the tasks share (a copier). */
stop = new AbortController()) {
    let failure;
    const settled = await Promise.allSettled(tasks.map(task => task(stop.signal).catch((error) => {
        if (!failure) {
            failure = { error };
            stop.abort(error);
        }
        throw error;
    })));
    if (failure)
        throw failure.error;
    return settled.map(s => s.value);
}


/***/ }),

/***/ 2418:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ namesHost),
/* harmony export */   Gp: () => (/* binding */ formatSpecifier),
/* harmony export */   L0: () => (/* binding */ parseBuildxPlatform),
/* harmony export */   as: () => (/* binding */ parseSpecifier),
/* harmony export */   rE: () => (/* binding */ SPECIFIER_FORMS)
/* harmony export */ });
/* unused harmony export hostPlatform */
/* harmony import */ var _problem_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(652);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2020);
// Docker's platform specifiers (`linux/amd64`, `Linux/x86_64`, `arm64`, `windows(10.0.17763)/amd64`,
// `local`) read as buildx reads `--platform` and annotation levels: containerd's platforms.Parse and
// Normalize (github.com/containerd/platforms 1.0, which current buildx uses; older engines accept a subset
// and refuse the rest themselves), and buildx's `local` (platformutil.Parse). Pure apart from the host,
// which `local` and a lone OS or architecture stand for. A leaf.


/** The forms a specifier may take, for messages. */
const SPECIFIER_FORMS = 'os/arch[/variant] (e.g. linux/amd64, linux/arm/v7, Linux/x86_64), an OS or an architecture alone, or local';
// The first part may carry an OS version and features (`windows(10.0.17763+win32k)`), %-escaped.
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const PART = /^[A-Za-z0-9_.-]+$/;
// Go's GOOS and GOARCH lists, as containerd knows them (isKnownOS, isKnownArch).
const KNOWN_OS = new Set('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(' '));
const KNOWN_ARCH = new Set('386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'.split(' '));
const normalizeOS = (os) => (os.toLowerCase() === 'macos' ? 'darwin' : os.toLowerCase());
/** containerd's normalizeArch: the aliases, and the variants that are each architecture's default. */
function normalizeArch(archIn, variantIn) {
    const arch = archIn.toLowerCase();
    const variant = variantIn.toLowerCase();
    switch (arch) {
        case 'i386':
            return ['386', ''];
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            return ['amd64', variant === 'v1' ? '' : variant];
        case 'aarch64':
        case 'arm64':
            if (['8', 'v8', 'v8.0'].includes(variant))
                return ['arm64', ''];
            return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant];
        case 'armhf':
            return ['arm', 'v7'];
        case 'armel':
            return ['arm', 'v6'];
        case 'arm':
            if (variant === '' || variant === '7')
                return ['arm', 'v7'];
            return ['arm', /^[568]$/.test(variant) ? `v${variant}` : variant];
    }
    return [arch, variant];
}
function hostPlatform() {
    const os = { win32: 'windows', sunos: 'solaris' }[process.platform] ?? process.platform;
    const arm = process.config.variables.arm_version;
    const [architecture, variant] = {
        x64: ['amd64', ''],
        ia32: ['386', ''],
        arm: ['arm', arm ? `v${arm}` : ''],
        ppc64: [os === 'linux' ? 'ppc64le' : 'ppc64', ''],
        mipsel: ['mipsle', '']
    }[process.arch] ?? [process.arch, ''];
    const [a, v] = normalizeArch(architecture, variant);
    return { os, architecture: a, variant: v };
}
/** containerd unescapes an OS version and features as a URL path (Go's PathUnescape): a bad `%` is an error. */
function decodeOption(text, specifier) {
    if (/%(?![0-9A-Fa-f]{2})/.test(text))
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is not valid %-escaping`);
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(text);
}
/**
 * containerd's platforms.Parse followed by Normalize, as buildx applies them: throws an InputProblem saying
 * which rule the specifier breaks. `host` stands in where a lone OS or architecture leaves a part out.
 */
function parseSpecifier(specifier, host = hostPlatform()) {
    if (specifier.includes('*'))
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)}: wildcards are not supported`);
    const parts = specifier.split('/');
    if (parts.length > 3)
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} has more than three parts (os/arch/variant)`);
    const os = OS_PART.exec(parts[0]);
    if (!os)
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(parts[0])} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is not an OS: letters, digits, "_" and "-", optionally with a version as in windows(10.0.17763)`);
    for (const part of parts.slice(1))
        if (!PART.test(part))
            throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(part)} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is not an architecture or variant: letters, digits, "_", "." and "-"`);
    const p = {
        os: normalizeOS(os[1]),
        architecture: '',
        variant: '',
        osVersion: decodeOption(os[2] ?? '', specifier),
        osFeatures: os[3]
            ? os[3]
                .slice(1)
                .split('+')
                .map(f => decodeOption(f, specifier))
            : []
    };
    if (parts.length === 1) {
        if (KNOWN_OS.has(p.os))
            return normalize({ ...p, architecture: host.architecture, variant: host.variant });
        const [architecture, variant] = normalizeArch(parts[0], '');
        if (!KNOWN_ARCH.has(architecture))
            throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is neither a known OS nor a known architecture`);
        return normalize({ ...p, os: host.os, architecture, variant, osVersion: '', osFeatures: [] });
    }
    const [architecture, variant] = normalizeArch(parts[1], parts[2] ?? '');
    return normalize({ ...p, architecture, variant });
}
/** containerd's Normalize: the aliases again (an arm's v7 comes back), OS features sorted and once each. */
function normalize(p) {
    const [architecture, variant] = normalizeArch(p.architecture, p.variant);
    return { ...p, architecture, variant, osFeatures: [...new Set(p.osFeatures)].sort() };
}
/** buildx's `--platform` entry: `local` (any case) is this machine's platform, the rest as containerd reads it. */
const parseBuildxPlatform = (specifier, host = hostPlatform()) => specifier.toLowerCase() === 'local'
    ? normalize({ ...host, osVersion: '', osFeatures: [] })
    : parseSpecifier(specifier, host);
/** Whether a specifier leaves parts to the host (`local`, a lone OS or architecture): its meaning is the host's. */
const namesHost = (specifier) => !specifier.includes('/');
const encodeOption = (text) => text.replace(/[%+()/]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** containerd's FormatAll: `os[(version[+feature\u2026])]/arch[/variant]`, one spelling per platform. */
function formatSpecifier(p) {
    const options = encodeOption(p.osVersion) + p.osFeatures.map(f => `+${encodeOption(f)}`).join('');
    return [options ? `${p.os}(${options})` : p.os, p.architecture, p.variant].filter(Boolean).join('/');
}


/***/ }),

/***/ 652:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ reworded),
/* harmony export */   S: () => (/* binding */ InputProblem)
/* harmony export */ });
// A problem with a value the user gave, found by a parser that does not know which input the value came
// from: the input parsing names the input (inputs/error.ts asInput). A leaf, so that every layer's pure
// parsers can throw it without knowing of the inputs.
class InputProblem extends Error {
    subject;
    constructor(message, 
    /**
     * What the problem names instead of the input being read: another input a check across inputs found
     * at fault, or an environment variable a parser read itself.
     */
    subject) {
        super(message);
        this.subject = subject;
        this.name = 'InputProblem';
    }
}
/** `fn`, whose InputProblem is said again in context: `say` puts the line or entry before it, or a hint after. */
function reworded(fn, say) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof InputProblem)
            throw new InputProblem(say(error.message), error.subject);
        throw error;
    }
}


/***/ }),

/***/ 5378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ imageProblem),
/* harmony export */   Jk: () => (/* binding */ repository),
/* harmony export */   Q8: () => (/* binding */ hostProblem),
/* harmony export */   QZ: () => (/* binding */ remotePath),
/* harmony export */   T7: () => (/* binding */ registryProblem),
/* harmony export */   Ts: () => (/* binding */ HUB_AUTH_KEY),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   cC: () => (/* binding */ splitHostPort),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   l5: () => (/* binding */ normalizeRegistry),
/* harmony export */   nz: () => (/* binding */ nameLengthProblem),
/* harmony export */   oc: () => (/* binding */ looksLikeHost),
/* harmony export */   qH: () => (/* binding */ tagProblem),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   ve: () => (/* binding */ loginServerHost),
/* harmony export */   z9: () => (/* binding */ pathProblem)
/* harmony export */ });
/* unused harmony exports NAME_MAX, TAG_RULE, PATH_RULE, HOST_RULE, LENGTH_RULE */
/* harmony import */ var _input_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7571);
// The docker image reference grammar (github.com/distribution/reference v0.6, regexp.go and reference.go),
// as pure functions. Two deliberate differences: a port must be 1-65535 (docker takes any digits), and
// `imageProblem` judges an image once lowercased (the inputs layer lowercases it with a notice).

/** `[\w][\w.-]{0,127}`; Go's `\w` is ASCII only. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** alpha-numeric [separator alpha-numeric]*, separator = `[._]|__|[-]+`. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/;
/** docker's `ipv6address`: no zone identifier, no embedded IPv4 tail. */
const IPV6 = /^\[[A-Fa-f0-9:]+\]$/;
/** digest-algorithm ":" digest-hex, as regexp.go's digestPat. */
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;
/** RepositoryNameTotalLengthMax: checked on the path after the domain, not on `host/path`. */
const NAME_MAX = 255;
const DOCKER_HUB = 'docker.io';
/** The key docker uses for Docker Hub in config.json `auths`, and what credential helpers are asked for. */
const HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const HUB_ALIASES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com'
]);
const TAG_RULE = 'a tag is 1-128 characters of [A-Za-z0-9_.-] and must not start with "." or "-"';
const PATH_RULE = 'path components are lowercase [a-z0-9] separated by ".", "_", "__" or "-", joined by "/"';
const HOST_RULE = 'a registry is host[:port]: DNS labels of [A-Za-z0-9-] separated by ".", or an IPv6 address of hex digits ' +
    'and ":" in brackets (no %zone, no embedded IPv4), and a port 1-65535';
const LENGTH_RULE = `docker allows a repository path of at most ${NAME_MAX} characters`;
/** Returns an explanation when `tag` is not a valid tag, otherwise undefined. */
function tagProblem(tag) {
    return TAG.test(tag) ? undefined : TAG_RULE;
}
function isValidTag(tag) {
    return TAG.test(tag);
}
/** `sha256:<hex>` and the like, as docker's reference grammar reads a digest. */
function isValidDigest(digest) {
    return DIGEST.test(digest);
}
/** Validates a repository path such as `my/nginx` (no host, no tag), exactly: uppercase is refused. */
function pathProblem(path) {
    if (path === '')
        return 'it is empty';
    for (const component of path.split('/')) {
        if (!PATH_COMPONENT.test(component))
            return PATH_RULE;
    }
    return undefined;
}
/** `[::ffff:1.2.3.4]` written in hex, `[::ffff:102:304]`, or undefined when the tail is no IPv4 address. */
function hexIPv6(bracketed) {
    const m = /^\[([A-Fa-f0-9:]*:)([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\]$/.exec(bracketed);
    if (!m)
        return undefined;
    const [a, b, c, d] = m.slice(2).map(Number);
    if ([a, b, c, d].some(n => n > 255))
        return undefined;
    return `[${m[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`;
}
/** Why a bracketed IPv6 host is outside docker's grammar. */
function ipv6Problem(host) {
    if (IPV6.test(host))
        return undefined;
    const zone = host.indexOf('%');
    if (zone >= 0)
        return `${JSON.stringify(host.slice(zone, -1))} is an IPv6 zone, which docker does not accept; ${HOST_RULE}`;
    const hex = hexIPv6(host);
    if (hex)
        return `${host} embeds an IPv4 address, which docker does not accept; write it in hex, ${hex}; ${HOST_RULE}`;
    return HOST_RULE;
}
/**
 * Validates `host[:port]` against docker's `domainAndPort` (including `[::1]:5000`), with the port limited
 * to 1-65535. Every answer contains HOST_RULE.
 */
function hostProblem(registry) {
    let host = registry;
    let port;
    if (registry.startsWith('[')) {
        const end = registry.indexOf(']');
        if (end < 0)
            return HOST_RULE;
        host = registry.slice(0, end + 1);
        const rest = registry.slice(end + 1);
        if (rest !== '') {
            if (!rest.startsWith(':'))
                return HOST_RULE;
            port = rest.slice(1);
        }
        const problem = ipv6Problem(host);
        if (problem)
            return problem;
    }
    else {
        const colon = registry.lastIndexOf(':');
        if (colon >= 0) {
            host = registry.slice(0, colon);
            port = registry.slice(colon + 1);
        }
        if (host === '' || !host.split('.').every(label => DOMAIN_COMPONENT.test(label)))
            return HOST_RULE;
    }
    if (port !== undefined) {
        if (!/^[0-9]+$/.test(port))
            return HOST_RULE;
        const n = Number(port);
        if (n < 1 || n > 65535)
            return `port ${port} is outside 1-65535; ${HOST_RULE}`;
    }
    return undefined;
}
/**
 * The complete reason the `registry` input is unusable, or undefined. The action hands docker
 * `<registry>/<image>`, and docker reads a first component as a host only when it has a "." or a
 * ":port" or is "localhost"; anything else (`myhost`) would send the push to Docker Hub's `myhost/\u2026`.
 * (docker v0.6 also takes an uppercase first component as a host; dockerd 20.10 does not.)
 */
function registryProblem(registry) {
    if (registry === '')
        return 'is empty; give host[:port], e.g. ghcr.io';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry))
        return 'has a scheme; give host[:port] only, e.g. ghcr.io';
    if (registry.includes('/'))
        return `has a path; put the path in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('image')}`;
    const problem = hostProblem(registry);
    if (problem)
        return `is not valid: ${problem}`;
    if (registry !== 'localhost' && !registry.includes('.') && !registry.includes(':')) {
        if (registry.toLowerCase() === 'localhost')
            return `is read by docker as a Docker Hub namespace, not a host, unless written "localhost" in lowercase`;
        return (`has no "." and no ":port" and is not "localhost", so docker would read ${JSON.stringify(`${registry}/<image>`)} as a ` +
            `Docker Hub repository; give the port (e.g. "${registry}:443") or the full host name`);
    }
    return undefined;
}
/**
 * `index.docker.io` and friends all mean Docker Hub; any other host in lowercase, since a host name is
 * (`LocalHost:5000` and `localhost:5000` are one registry), where docker's config keys are exact strings.
 */
function normalizeRegistry(registry) {
    const lower = registry.toLowerCase();
    return HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
/**
 * A login's server address as `docker login` takes it, down to host[:port]: an http(s) URL by its host (as
 * docker's ConvertToHostname reads `https://index.docker.io/v1/`), and a bare host with a trailing API version
 * path (`/v1/`, `/v2`). Any other path is kept, for registryProblem to refuse.
 */
function loginServerHost(address) {
    const url = /^https?:\/\/([^/]*)/i.exec(address);
    if (url)
        return url[1];
    return address.replace(/\/v[12]\/?$/i, '').replace(/\/$/, '');
}
function isDockerHub(registry) {
    return normalizeRegistry(registry) === DOCKER_HUB;
}
/**
 * The repository path as the registry knows it: Docker Hub puts one-component names under `library/`.
 */
function remotePath(registry, path) {
    return isDockerHub(registry) && !path.includes('/') ? `library/${path}` : path;
}
/** Fully qualified repository, e.g. `docker.io/library/nginx` or `localhost:5000/my/nginx`. */
function repository(registry, path) {
    return `${normalizeRegistry(registry)}/${remotePath(registry, path)}`;
}
/**
 * docker's 255-character limit, on the repository path alone (the part after the domain, with the
 * `library/` Docker Hub adds), as distribution/reference v0.6 checks it. dockerd 20.10 still counted
 * `host/path`; the engine itself says so when it is that old.
 */
function nameLengthProblem(registry, path) {
    const remote = remotePath(registry, path);
    if (remote.length <= NAME_MAX)
        return undefined;
    const library = remote === path ? '' : ' (with the "library/" Docker Hub adds)';
    return `the repository path is ${remote.length} characters long${library}; ${LENGTH_RULE}`;
}
/** Hosts that docker (and we) talk to over plain HTTP: loopback only. */
function isLoopbackRegistry(registry) {
    const h = splitHostPort(registry).host.toLowerCase();
    return h === 'localhost' || h === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(h);
}
/**
 * Docker treats the first component of a name as a registry host when it has a "." or ":" or is
 * "localhost". On Docker Hub (the default registry) such an `image` means a host that belongs in the
 * `registry` input; under any other registry a dotted first component is an ordinary path component.
 */
function looksLikeHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
/**
 * The complete reason the `image` input is unusable under `registry` (already normalized), or undefined.
 * Judges the value once lowercased: undefined means `image.toLowerCase()` is a valid repository path.
 * The answer follows the quoted value: `Invalid input "image": "<value>" <answer>`.
 */
function imageProblem(image, registry) {
    if (image === '')
        return 'is empty; give the repository path, e.g. "my/app"';
    if (image.includes('@'))
        return 'contains a digest; image is the repository path only';
    const hub = isDockerHub(registry);
    const slash = image.indexOf('/');
    const first = slash < 0 ? image : image.slice(0, slash);
    const lower = image.toLowerCase();
    // An IPv6 address, or a host:port before a "/", can only be a registry host, never a path.
    const bracketed = first.startsWith('[');
    const hostPort = slash >= 0 && first.includes(':');
    // With no registry given (Docker Hub, whose namespaces have no dots), a first component that is a
    // valid host with a ".", or "localhost", is a host meant for the registry input, as docker reads it.
    const hubHost = hub && slash >= 0 && looksLikeHost(first.toLowerCase()) && !hostProblem(first);
    if (bracketed || hostPort || hubHost) {
        const problem = hostProblem(first);
        if (problem)
            return `starts with ${JSON.stringify(first)}, a registry host but not a valid one (${problem}); a registry goes in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('registry')}`;
        if (hub)
            return `starts with a registry host; put ${JSON.stringify(first)} in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('registry')}`;
        return (`starts with a registry host ${JSON.stringify(first)}, but the registry is ${JSON.stringify(registry)}; ` +
            `give the host in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('registry')} and only the repository path in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('image')}`);
    }
    // The registry's own host again ("ghcr.io/octo/app" under ghcr.io, metadata-action's `images` form): a
    // valid path, but it would push to ghcr.io/ghcr.io/octo/app.
    const firstLower = first.toLowerCase();
    if (slash >= 0 && (firstLower === registry || firstLower === splitHostPort(registry).host))
        return `starts with the registry's host ${JSON.stringify(first)} (the registry is ${JSON.stringify(registry)}); give only the repository path in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('image')}, e.g. ${JSON.stringify(image.slice(slash + 1))}`;
    if (image.includes(':'))
        return `contains a tag; put tags in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('tags')}`;
    const problem = pathProblem(lower);
    if (problem)
        return `is not a valid repository path: ${problem}`;
    const length = nameLengthProblem(registry, lower);
    if (length)
        return `is too long: ${length}`;
    return undefined;
}
/** `host[:port]` split into the host (IPv6 without brackets) and the port ('' when none). */
function splitHostPort(registry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(registry);
    if (bracketed)
        return { host: bracketed[1], port: bracketed[2] ?? '' };
    const m = /^(.*?)(?::(\d+))?$/.exec(registry);
    return { host: m[1], port: m[2] ?? '' };
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ isBuildStepFailure),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   IP: () => (/* binding */ ClassifiedError),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   Zi: () => (/* binding */ NO_ENGINE),
/* harmony export */   ie: () => (/* binding */ stoppedWhy),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports buildStepFailed, DEFAULT_BASE_MS, DEFAULT_MAX_MS, backoffMs, worstRetryMs */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2020);
// Which registry failures are worth another attempt, and the bounded backoff loop that makes them.

/** An error that carries its classification, and optionally the server's Retry-After. */
class ClassifiedError extends Error {
    kind;
    retryAfterMs;
    constructor(message, kind, retryAfterMs) {
        super(message);
        this.kind = kind;
        this.retryAfterMs = retryAfterMs;
        this.name = 'ClassifiedError';
    }
}
// Order matters: auth words win over transient ones ("unauthorized ... EOF" is still auth).
const AUTH = [
    /\b401\b/,
    /\b403\b/,
    /unauthori[sz]ed/i,
    /\bdenied\b/i,
    /authentication required/i,
    /name[ _-]invalid/i,
    /incorrect username or password/i,
    /no basic auth credentials/i,
    /forbidden/i
];
const TRANSIENT = [
    /\b5[0-9][0-9]\b/,
    /\b429\b/,
    /toomanyrequests|too many requests/i,
    /timed? ?out|timeout|deadline exceeded/i,
    /connection reset|ECONNRESET/i,
    /connection refused|ECONNREFUSED/i,
    /\bEOF\b/,
    /broken pipe|EPIPE/i,
    // Go's wording when the peer drops a connection mid-request (containerd pushes through an io.Pipe).
    /use of closed network connection|read\/write on closed pipe|server closed idle connection/i,
    /connection aborted|ECONNABORTED|network is unreachable|no route to host/i,
    /ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up/i,
    /bad gateway|service unavailable|gateway time-?out|internal server error/i,
    /blob upload unknown|blob upload invalid/i
];
/** What the docker CLI says when no engine answers at DOCKER_HOST. */
const NO_ENGINE = /Cannot connect to the Docker daemon|error during connect/i;
// No docker engine at all: its fallout ("read/write on closed pipe") must not pass for a flaky network.
const FATAL = [NO_ENGINE];
/**
 * A build step that failed: BuildKit's `process "/bin/sh -c \u2026" did not complete successfully` and the classic
 * builder's `The command '/bin/sh -c \u2026' returned a non-zero code`. The quoted command is the user's, and so
 * are any words in it: such a failure is never retried and never taken for an auth problem.
 */
function buildStepFailed(text) {
    // What `/\bprocess ".*" did not complete successfully/` would match, found with one search per line: that
    // pattern, with `.*` between two literals, takes time quadratic in a line that repeats its opening.
    for (const line of text.split(/[\n\r\u2028\u2029]/))
        for (const [open, close] of STEP_FAILED) {
            const at = line.search(open.re);
            if (at >= 0 && line.lastIndexOf(close) >= at + open.length)
                return true;
        }
    return false;
}
const STEP_FAILED = [
    [{ re: /\bprocess "/, length: 'process "'.length }, '" did not complete successfully'],
    [{ re: /\bThe command '/, length: "The command '".length }, "' returned a non-zero code"]
];
/** Whether an error (or its message) says a build step failed: no hint applies to it. */
const isBuildStepFailure = (error) => buildStepFailed((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error));
/** Classifies free text such as docker's error line or an HTTP error line. */
function classify(text) {
    if (buildStepFailed(text))
        return 'fatal';
    if (AUTH.some(re => re.test(text)))
        return 'auth';
    if (FATAL.some(re => re.test(text)))
        return 'fatal';
    if (TRANSIENT.some(re => re.test(text)))
        return 'transient';
    return 'fatal';
}
function kindOf(err) {
    if (err instanceof ClassifiedError)
        return err.kind;
    const code = err?.code;
    if (typeof code === 'string' &&
        /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/.test(code))
        return 'transient';
    return classify((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(err));
}
/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^[0-9]+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // Only an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also take "-5" or "1.5".
    if (!/^[A-Za-z]{3}, /.test(trimmed))
        return undefined;
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
const DEFAULT_BASE_MS = 1000;
const DEFAULT_MAX_MS = 15000;
/** Full-jitter exponential backoff, floored by the server's Retry-After when it gave one. */
function backoffMs(attempt, { baseMs = DEFAULT_BASE_MS, maxMs = DEFAULT_MAX_MS, random = Math.random }, retryAfterMs) {
    const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
    const jittered = Math.round(cap / 2 + (random() * cap) / 2);
    return retryAfterMs === undefined ? jittered : Math.min(Math.max(jittered, retryAfterMs), maxMs * 4);
}
/**
 * The longest retry() runs when each attempt ends within `attemptMs` and no Retry-After stretches a wait:
 * every attempt with the longest wait before it, cut at `maxElapsedMs` (no attempt starts after that).
 */
function worstRetryMs(attemptMs, opts) {
    let total = attemptMs;
    for (let attempt = 1; attempt < opts.attempts; attempt++)
        total += backoffMs(attempt, { ...opts, random: () => 1 }) + attemptMs;
    if (opts.maxElapsedMs === undefined)
        return total;
    const windowOpens = opts.windowFromFailure ? attemptMs : 0;
    return Math.min(total, windowOpens + opts.maxElapsedMs + attemptMs);
}
const realSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Runs `fn` until it succeeds, fails with a non-transient error, or runs out of attempts. */
async function retry(fn, opts) {
    const now = opts.now ?? Date.now;
    let start = opts.windowFromFailure ? undefined : now();
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw aborted(opts.signal);
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (kindOf(error) !== 'transient')
                throw error;
            start ??= now();
            const retryAfter = error instanceof ClassifiedError ? error.retryAfterMs : undefined;
            const delayMs = backoffMs(attempt, opts, retryAfter);
            const outOfTime = opts.maxElapsedMs !== undefined && now() - start + delayMs > opts.maxElapsedMs;
            if (attempt >= opts.attempts || outOfTime)
                throw gaveUp(error, attempt, outOfTime);
            if (opts.signal?.aborted)
                throw error;
            opts.onRetry?.({ attempt, attempts: opts.attempts, delayMs, error });
            await abortable(delayMs, opts.sleep, opts.signal);
        }
    }
}
/** A wait or an attempt that `signal` stopped: a cancel says so alone, as the run's error line. */
function aborted(signal) {
    const why = stoppedWhy(signal);
    return new ClassifiedError(CANCELLED.test(why) ? why : `stopped: ${why}`, 'fatal');
}
const CANCELLED = /^the run was cancelled \(/;
/**
 * Why an aborted `signal` stopped the work, for its error line: its Error's message, a cancel's signal
 * (`runCancelled` aborts with the signal's name), or the step having ended elsewhere.
 */
function stoppedWhy(signal) {
    const reason = signal.reason;
    if (reason instanceof Error)
        return reason.message;
    if (typeof reason === 'string' && /^SIG[A-Z]+$/.test(reason))
        return `the run was cancelled (${reason})`;
    return 'the step has ended';
}
/**
 * A wait that ends at once when `signal` aborts. The real timer is cleared then, so a failed step's process
 * is not kept alive by a backoff nobody waits for.
 */
function abortable(ms, sleep, signal) {
    if (!signal)
        return (sleep ?? realSleep)(ms);
    return new Promise((resolve, reject) => {
        let timer;
        const stop = () => {
            clearTimeout(timer);
            reject(aborted(signal));
        };
        signal.addEventListener('abort', stop, { once: true });
        const done = () => {
            signal.removeEventListener('abort', stop);
            resolve();
        };
        if (sleep)
            sleep(ms).then(done, reject);
        else
            timer = setTimeout(done, ms);
    });
}
/**
 * The last transient error, told how long we tried, so the one error line tells the whole story. The error
 * it got is never changed (a DOMException's message is read-only, and the error may be shared): a copy of
 * the same class when the message is the error's own, so callers still tell a RegistryError or a DockerError
 * by its class and fields; otherwise a ClassifiedError of the same kind. Either has the error as its cause.
 */
function gaveUp(error, attempt, outOfTime) {
    if (attempt === 1 && !outOfTime)
        return error;
    const told = `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}${outOfTime
        ? ` (gave up after ${attempt} attempt(s): no time left for another)`
        : ` (after ${attempt} attempts)`}`;
    const own = typeof error === 'object' && error !== null && Object.getOwnPropertyDescriptor(error, 'message');
    if (error instanceof Error && own && 'value' in own && typeof own.value === 'string') {
        const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error));
        Object.defineProperty(copy, 'message', { ...own, value: told, writable: true });
        Object.defineProperty(copy, 'cause', { value: error, writable: true, configurable: true });
        // A copy is no native error, so V8 gives it no stack: the original's frames, under the new message.
        const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
        Object.defineProperty(copy, 'stack', {
            value: `${error.name}: ${told}${frames ? `\n${frames}` : ''}`,
            writable: true,
            configurable: true
        });
        return copy;
    }
    const copy = new ClassifiedError(told, kindOf(error), error instanceof ClassifiedError ? error.retryAfterMs : undefined);
    copy.cause = error;
    return copy;
}


/***/ }),

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ YAML_TRUE),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   e7: () => (/* binding */ YAML_FALSE),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   oF: () => (/* binding */ percentDecoded),
/* harmony export */   px: () => (/* binding */ splitKeyValue)
/* harmony export */ });
// Small text helpers that several layers need: one spelling of each.
/**
 * An error's message, whatever was thrown. Read by shape: an error from another realm (node's own under
 * a test's VM context) is no `instanceof Error` here.
 */
const messageOf = (error) => {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
};
/**
 * One line, bounded, so foreign text (a registry's, docker's) can go straight into a log or an error. With
 * `wholeWords`, a cut drops the word it would split: text no one has redacted yet (docker's, which only the
 * runner masks) then shows a token, or a URL holding one, whole or not at all, since the runner hides whole
 * values and never the head of one.
 */
function oneLine(text, max = Infinity, wholeWords = false) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max)
        return flat;
    const cut = flat.slice(0, max - 1);
    const splits = wholeWords && flat[max - 1] !== ' ';
    return `${splits ? cut.slice(0, cut.lastIndexOf(' ') + 1).trimEnd() : cut}\u2026`;
}
/** `id=value` split at the first `=`; the id trimmed, the value kept as given. Undefined without `=`. */
function splitKeyValue(line) {
    const eq = line.indexOf('=');
    if (eq < 0)
        return undefined;
    return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
}
/** `%XX` escapes decoded as git and URL parsers decode userinfo; text that is not valid escaping stays as it is. */
function percentDecoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
// The YAML 1.2 core schema's boolean spellings, as core.getBooleanInput takes them.
const YAML_TRUE = /^(?:true|True|TRUE)$/;
const YAML_FALSE = /^(?:false|False|FALSE)$/;
/** A value quoted for a message, cut at 200 characters: enough to recognise it, never a page of input. */
const quote = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}\u2026` : value);


/***/ }),

/***/ 928:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gw: () => (/* binding */ splitUserinfo),
/* harmony export */   YB: () => (/* binding */ replaceUserinfo),
/* harmony export */   vO: () => (/* binding */ authorityOf),
/* harmony export */   zY: () => (/* binding */ urlAuthorities)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5378);
// A URL's userinfo as Go's net/url (docker, BuildKit) and the WHATWG URL parser (node) find it: the
// authority, from `scheme://` to the first `/`, `?`, `#` or whitespace, split at its LAST `@`, so a password
// holding an unencoded `@` (`https://u:p@ss@host`) stays whole instead of leaking its tail into the host.

const SCHEME = /\b([a-z][a-z0-9+.-]*):\/\//gi;
const AUTHORITY = /^[^/?#\s]*/;
/** `sha256:<hex>` at the head of what follows an `@`: a pinned image (`docker-image://alpine:3.19@sha256:\u2026`). */
const DIGEST_HEAD = /^[A-Za-z0-9+._-]+:[0-9A-Fa-f]+/;
/** The authority of the URL at `text`'s start, undefined when `text` does not start with `scheme://`. */
function authorityOf(text) {
    const found = urlAuthorities(text)[0];
    return found && found.index === found.scheme.length + 3 ? found : undefined;
}
/**
 * The authority of every `scheme://` in free text (an input's value, a command line). What follows an `@`
 * and starts with a digest is an image reference's digest, not a host: `alpine:latest` before it is no
 * userinfo.
 */
function urlAuthorities(text) {
    return [...text.matchAll(SCHEME)].map(m => {
        const index = m.index + m[0].length;
        const authority = AUTHORITY.exec(text.slice(index))[0];
        const rest = text.slice(index + authority.length);
        const at = authority.lastIndexOf('@');
        const host = authority.slice(at + 1);
        const digest = DIGEST_HEAD.exec(host)?.[0];
        if (at < 0 || (digest && (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .fH)(digest)))
            return { scheme: m[1], index, host: authority, rest };
        return { scheme: m[1], index, userinfo: authority.slice(0, at), host, rest };
    });
}
/** Userinfo split at its first `:` as Go's url.UserPassword reads it, as written; no password without `:`. */
function splitUserinfo(userinfo) {
    const colon = userinfo.indexOf(':');
    return colon < 0
        ? { user: userinfo }
        : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
}
/** `text` with the userinfo of each URL whose scheme `schemes` accepts replaced by `shown`. */
function replaceUserinfo(text, shown, schemes) {
    let out = '';
    let from = 0;
    for (const a of urlAuthorities(text)) {
        if (a.userinfo === undefined || !schemes.test(a.scheme))
            continue;
        out += text.slice(from, a.index) + shown;
        from = a.index + a.userinfo.length;
    }
    return out + text.slice(from);
}


/***/ }),

/***/ 1092:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ cancelOnClosedOutput),
/* harmony export */   Bj: () => (/* binding */ cancelSignal),
/* harmony export */   LJ: () => (/* binding */ runCancelled),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   rS: () => (/* binding */ cleanUpOnForcedExit),
/* harmony export */   rl: () => (/* binding */ KILL_AFTER_MS),
/* harmony export */   u4: () => (/* binding */ track),
/* harmony export */   vz: () => (/* binding */ untrack),
/* harmony export */   xH: () => (/* binding */ guardSignals)
/* harmony export */ });
/* unused harmony exports EXIT_AFTER_MS, stopChildren, liveChildren */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
// Cancelling a run: the signals, the children to stop, and the abort the rest of the run listens to.
// While a streamed child runs (exec.ts tracks it here), or while a run holds the signals (guardSignals: the
// whole pipeline, so that a cancel in any phase is handled), SIGINT and SIGTERM (the runner cancelling the
// job) and SIGHUP (the CLI's terminal closed) stop every child: SIGTERM to its group, SIGKILL 2 s later;
// `runCancelled` aborts, so requests in flight end and the run unwinds (removing its private directory); a
// captured command still running is no longer waited for (its own deadline ends it); the process then
// exits with 128 + the signal's number. A closed stdout or stderr cancels the run as SIGPIPE
// (cancelOnClosedOutput).

/** After SIGTERM, how long a stopped process group gets before SIGKILL. */
const KILL_AFTER_MS = 2_000;
/** After a cancel, how long the pipeline gets to unwind (remove its private directory) before we exit. */
const EXIT_AFTER_MS = 5_000;
/** Children started by the exec funnel that have not closed yet. */
const live = new Set();
let cancelledBy;
const cancelController = new AbortController();
/** Aborted (with the signal's name) once a signal (or a closed output, as SIGPIPE) cancelled the run. */
const runCancelled = cancelController.signal;
/** Runs holding the signal handlers (guardSignals). */
let holds = 0;
/** What must go even when we exit before the run has unwound (its private directory, with the login). */
const beforeForcedExit = new Set();
/** The signal that cancelled the run, if one did. */
const cancelSignal = () => cancelledBy;
const exitCodeFor = (signal) => 128 + (node_os__WEBPACK_IMPORTED_MODULE_0__.constants.signals[signal] ?? 0);
/** A child to stop on a cancel, until `untrack`: the signal handlers are in place while there is one. */
function track(entry) {
    live.add(entry);
    installSignalHandlers();
}
function untrack(entry) {
    live.delete(entry);
    if (live.size === 0 && holds === 0 && !cancelledBy)
        removeSignalHandlers();
}
/**
 * Holds the signal handlers (and watches stdout and stderr) for a whole run, children or not; returns the
 * release. A cancel then aborts runCancelled and the run fails as cancelled, instead of node dying mute.
 */
function guardSignals() {
    holds++;
    installSignalHandlers();
    cancelOnClosedOutput([process.stdout, process.stderr]);
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        holds--;
        if (live.size === 0 && holds === 0 && !cancelledBy)
            removeSignalHandlers();
        // Unwound after a cancel: the caller prints its error line at once; a captured command we stopped
        // waiting for must not keep the process alive until its own deadline.
        if (cancelledBy && holds === 0)
            setTimeout(() => process.exit(exitCodeFor(cancelledBy)), 200).unref();
    };
}
/**
 * `cleanUp` (synchronous) also runs when a second signal, or a run that does not unwind in time, ends the
 * process before the run's own cleanup could; returns its removal, for when the run cleaned up itself.
 */
function cleanUpOnForcedExit(cleanUp) {
    beforeForcedExit.add(cleanUp);
    return () => beforeForcedExit.delete(cleanUp);
}
function forceExit(code) {
    for (const cleanUp of beforeForcedExit) {
        try {
            cleanUp();
        }
        catch {
            // the exit goes on: what could be removed was
        }
    }
    process.exit(code);
}
/** Stops every live streamed child as cancelled by `signal`. The signal handlers call it; so can a caller. */
function stopChildren(signal = 'SIGTERM') {
    const all = [...live];
    for (const l of all)
        l.halt(signal);
    return all.length;
}
/** How many streamed children are running (tests). */
const liveChildren = () => live.size;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;
function onSignal(signal) {
    if (cancelledBy) {
        // The second signal (the runner's SIGTERM after its SIGINT): no more grace.
        for (const l of live)
            l.kill();
        forceExit(exitCodeFor(signal));
    }
    cancel(signal);
}
/**
 * A failed write to our stdout or stderr (EPIPE: `| head` had its lines; EIO: a closed terminal) would be an
 * uncaught error: node dead, its children running, its private directory (a login) left. It cancels the run
 * instead, as SIGPIPE ends docker's CLI or a C program, but with the cleanup (exit 141); later failed writes
 * change nothing (no escalation as on a second signal). An error line goes to a stream still open.
 */
function cancelOnClosedOutput(streams) {
    for (const s of streams)
        if (!s.listeners('error').includes(onClosedOutput))
            s.on('error', onClosedOutput);
}
const onClosedOutput = () => void (cancelledBy ?? cancel('SIGPIPE'));
function cancel(signal) {
    const code = exitCodeFor(signal);
    cancelledBy = signal;
    // Whatever the unwinding pipeline sets (a failure is 1), a cancelled run ends as the signal says.
    process.on('exit', () => {
        process.exitCode = code;
    });
    stopChildren(signal);
    cancelController.abort(signal);
    // The pipeline now fails, removes its private directory and returns; if anything keeps it, we still go.
    setTimeout(() => forceExit(code), EXIT_AFTER_MS).unref();
}
function installSignalHandlers() {
    if (installed)
        return;
    installed = true;
    for (const s of SIGNALS)
        process.on(s, onSignal);
}
/** Without a child to stop, a signal does what it does by default (ends the process). */
function removeSignalHandlers() {
    if (!installed)
        return;
    installed = false;
    for (const s of SIGNALS)
        process.off(s, onSignal);
}


/***/ }),

/***/ 7457:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DockerError),
/* harmony export */   Wm: () => (/* binding */ stoppedError),
/* harmony export */   Z_: () => (/* binding */ PUSH_PHASE)
/* harmony export */ });
/* unused harmony exports NO_ENGINE_HINT, lastMeaningfulLine */
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7253);
/* harmony import */ var _core_bounds_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8630);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2020);



class DockerError extends _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP {
    command;
    exitCode;
    stderr;
    constructor(command, exitCode, stderr, 
    /** Our own account, when we stopped the process (a bound, a cancel): docker's last words are fallout. */
    own) {
        const detail = lastMeaningfulLine(stderr);
        // Classified whole, shown cut: a line a build step printed can be megabytes long. Cut between words:
        // nothing has redacted it yet, and half a secret would escape the runner's mask.
        const shown = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(detail, MAX_DETAIL, true);
        // Whatever the command (a build, an inspect of a source), no engine has one remedy.
        const hint = NO_ENGINE_LINE.test(detail) ? ` (${NO_ENGINE_HINT})` : '';
        super(own?.message ?? `docker ${command} failed (exit ${exitCode})${shown ? `: ${shown}${hint}` : ''}`, own?.kind ?? (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .classify */ .L8)(detail));
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'DockerError';
    }
}
const NO_ENGINE_HINT = 'no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine';
/** The most of docker's final line an error shows. */
const MAX_DETAIL = 1000;
/** What a stopped process's error says: a bound is transient (retried), a cancel is not. */
function stoppedError(command, result, stop, subject) {
    const on = subject ? ` on ${subject}` : '';
    const own = stop.reason === 'signal'
        ? {
            message: `docker ${command} stopped: the run was cancelled (${stop.signal})`,
            kind: 'fatal'
        }
        : stop.reason === 'aborted'
            ? { message: `docker ${command}${on} stopped: the step failed elsewhere`, kind: 'fatal' }
            : stop.reason === 'stall'
                ? {
                    message: `docker ${command} stalled: no progress for ${(0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSeconds */ .Xo)(stop.afterMs)} s${on}${queued(result.stdout)}`,
                    kind: 'transient'
                }
                : {
                    message: `docker ${command} timed out after ${(0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSeconds */ .Xo)(stop.afterMs)} s${on}`,
                    kind: 'transient'
                };
    return new DockerError(command, result.exitCode, result.stderr, own);
}
/**
 * A push whose layers still wait for an upload slot: dockerd uploads a few layers at a time across all its
 * pushes, so another job's large push on the same engine leaves ours silent without anything being wrong.
 */
function queued(stdout) {
    const last = new Map();
    for (const m of stdout.matchAll(/^([0-9a-f]{12}): (\S.*)$/gm))
        last.set(m[1], m[2].trim());
    const waiting = [...last.values()].filter(status => status === 'Waiting').length;
    if (!waiting)
        return '';
    return ` (${waiting} of its layers were still waiting for an upload slot: another push on this docker engine may hold them)`;
}
/**
 * docker's own final error line: the one that says what went wrong, and the only text a failure is
 * classified on. On BuildKit stderr holds the whole build log, so words a build step prints ("connection
 * refused", "permission denied") must not count: build log lines (`#5 0.1 \u2026`) are skipped, and buildx's
 * closing `ERROR: ` line wins. Deprecation notices are skipped too.
 */
function lastMeaningfulLine(text) {
    const lines = [];
    let inNotice = false;
    for (const raw of text.split(/\r?\n/)) {
        // A notice is a "DEPRECATED:" line followed by indented continuation lines.
        inNotice = raw.startsWith('DEPRECATED:') || (inNotice && /^\s/.test(raw));
        if (!inNotice && raw.trim() !== '')
            lines.push(raw.trim());
    }
    // No engine: the CLI's own sentence says it; the log lines around it are only the fallout.
    const noEngine = lines.find(l => NO_ENGINE_LINE.test(l));
    if (noEngine)
        return noEngine.replace(/^(ERROR|docker):\s*/, '');
    const own = lines.filter(l => !BUILD_LOG_LINE.test(l));
    const last = (test) => own.findLastIndex(test);
    let at = last(l => l.startsWith('ERROR: '));
    if (at < 0)
        at = last(l => /error|denied|unauthorized|failed|invalid/i.test(l));
    if (at < 0)
        at = own.length - 1;
    return continued(own, at).replace(/^ERROR:\s*/, '');
}
/**
 * A line with the lines that finish its sentence: git breaks `fatal: unable to connect to 127.0.0.1:` from
 * `127.0.0.1[0: 127.0.0.1]: errno=Connection refused`, and docker adds `: exit status 128` on a line of its
 * own. A line ending in ":" goes on, and so does one that the next line continues with ":".
 */
function continued(lines, at) {
    if (at < 0)
        return '';
    let text = lines[at];
    for (let i = at + 1; i < lines.length && (text.endsWith(':') || lines[i].startsWith(':')); i++)
        text = text.endsWith(':') && !lines[i].startsWith(':') ? `${text} ${lines[i]}` : `${text}${lines[i]}`;
    return text;
}
/** buildx's progress once it pushes: from BuildKit (`pushing layers`) or through the docker driver. */
const PUSH_PHASE = /^#\d+ pushing (?:layers|manifest|layer |\S+ with docker)/m;
/** A line of BuildKit's plain progress: `#5 [2/2] RUN \u2026`, `#5 0.123 what the step printed`. */
const BUILD_LOG_LINE = /^#\d+ /;
/** The CLI's no-engine sentence as it starts a line of its own (not quoted by a build step). */
const NO_ENGINE_LINE = new RegExp(`^(ERROR:\\s*|docker:\\s*)?(${_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_ENGINE */ .Zi.source})`, 'i');


/***/ }),

/***/ 8042:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ DEFAULT_CONTEXT),
/* harmony export */   Ij: () => (/* binding */ pushesOutput),
/* harmony export */   Mf: () => (/* binding */ parseCall),
/* harmony export */   NF: () => (/* binding */ noCacheFilters),
/* harmony export */   Nm: () => (/* binding */ network),
/* harmony export */   Q5: () => (/* binding */ ulimits),
/* harmony export */   Qn: () => (/* binding */ namedImages),
/* harmony export */   SC: () => (/* binding */ outputAttrs),
/* harmony export */   Se: () => (/* binding */ dockerfilePath),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   WD: () => (/* binding */ labels),
/* harmony export */   WW: () => (/* binding */ attestationFields),
/* harmony export */   ZU: () => (/* binding */ outputsPush),
/* harmony export */   a7: () => (/* binding */ pushesImage),
/* harmony export */   bU: () => (/* binding */ githubToken),
/* harmony export */   cw: () => (/* binding */ allow),
/* harmony export */   fB: () => (/* binding */ cgroupParent),
/* harmony export */   fo: () => (/* binding */ isFile),
/* harmony export */   g7: () => (/* binding */ shmSize),
/* harmony export */   gr: () => (/* binding */ outputNames),
/* harmony export */   hI: () => (/* binding */ ssh),
/* harmony export */   hk: () => (/* binding */ annotations),
/* harmony export */   iq: () => (/* binding */ pushesByDigest),
/* harmony export */   j8: () => (/* binding */ buildContexts),
/* harmony export */   lZ: () => (/* binding */ isEvaluation),
/* harmony export */   mP: () => (/* binding */ noDockerfileHere),
/* harmony export */   p0: () => (/* binding */ attests),
/* harmony export */   pQ: () => (/* binding */ checkBuildSources),
/* harmony export */   q7: () => (/* binding */ attestationValue),
/* harmony export */   ve: () => (/* binding */ addHosts)
/* harmony export */ });
/* unused harmony exports ULIMIT_NAMES, CALLS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1551);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(652);
/* harmony import */ var _core_input_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(7571);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6080);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(2020);
/* harmony import */ var _core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(8558);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(3881);
/* harmony import */ var _metadata_levels_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(6814);
/* harmony import */ var _metadata_rules_template_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(5730);
// The rules of the build options build-push-action has and we share, by name and format: what each input
// must look like before any build (pure: an InputProblem, named by the row that is read), and what must
// exist on disk or in the environment (an InputError naming the input).













/** A path that names a regular file (a directory is not one). */
const isFile = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
/**
 * `host:ip` or `host=ip` as docker's and buildx's add-host read them: split at the first `=`, else at the
 * first `:` (an IPv6 address keeps its colons); the IP may be bracketed, or docker's `host-gateway`. Like
 * docker, only the IP is checked: the host is any non-empty name without `:` (`my_db` is one).
 */
function addHosts(entries) {
    for (const entry of entries) {
        const at = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':');
        const host = at < 0 ? '' : entry.slice(0, at);
        const ip = at < 0 ? '' : entry.slice(at + 1).replace(/^\[(.+)\]$/, '$1');
        if (host === '' || host.includes(':') || (ip !== 'host-gateway' && (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(ip) === 0))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not host:ip with a valid IP address, e.g. db.local:10.0.0.5`);
    }
    return entries;
}
/** Network modes and names: a plain word (`default`, `none`, `host`, a network name, `container:<id>`). */
function network(value) {
    if (value !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(value))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} is not a network mode such as default, none or host`);
    return value;
}
/** docker's RAMInBytes: a number, then an optional unit (b, k, m, g, t, p; `kb`, `MiB` \u2026). */
const BYTES = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const UNIT = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
function shmSize(value) {
    if (value === '')
        return value;
    const m = BYTES.exec(value);
    if (!m || Number(m[1]) * UNIT[(m[2]?.toLowerCase() ?? '')] < 1)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} is not a size: bytes with an optional unit, e.g. 64m or 1g`);
    return value;
}
/** The names docker's ulimit parser knows (go-units). */
const ULIMIT_NAMES = [
    'core',
    'cpu',
    'data',
    'fsize',
    'locks',
    'memlock',
    'msgqueue',
    'nice',
    'nofile',
    'nproc',
    'rss',
    'rtprio',
    'rttime',
    'sigpending',
    'stack'
];
function ulimits(entries) {
    for (const entry of entries) {
        const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(entry);
        if (!m)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not name=soft[:hard], e.g. nofile=1024:2048`);
        if (!ULIMIT_NAMES.includes(m[1]))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(m[1])} is not a ulimit name; use one of ${ULIMIT_NAMES.join(', ')}`);
        const [soft, hard] = [Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
        // -1 is "unlimited", and unlimited is above any number.
        if (hard !== undefined && hard !== -1 && (soft === -1 || soft > hard))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)}: the soft limit is above the hard limit`);
    }
    return entries;
}
function cgroupParent(value) {
    if (value !== '' && (value.startsWith('-') || /\s/.test(value)))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} is not a cgroup path`);
    return value;
}
/** buildx's entitlements; `device` and the `fs` ones take a value in newer buildx. */
const ENTITLEMENT = /^(?:network\.host|security\.insecure|ssh|device(?:=.+)?|fs(?:\.read|\.write)?=.+)$/;
function allow(entries) {
    for (const entry of entries)
        if (!ENTITLEMENT.test(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not an entitlement: network.host, security.insecure, device, ssh, or fs[.read|.write]=path`);
    return entries;
}
/** The name of a named context: what `FROM` or `COPY --from` names (an image reference is one too). */
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/;
const CONTEXT_SCHEME = /^(?:docker-image|oci-layout|target):\/\//;
const URL_SOURCE = /^(?:https?:\/\/|git:\/\/|git@)/;
function buildContexts(entries) {
    return entries.map(entry => {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .splitKeyValue */ .px)(entry);
        const value = kv?.value.trim() ?? '';
        if (!kv || !CONTEXT_NAME.test(kv.key) || value === '' || value.startsWith('-'))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not name=path|url|docker-image://ref|oci-layout://path`);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !CONTEXT_SCHEME.test(value) && !URL_SOURCE.test(value))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(kv.key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} has an unknown scheme; use a path, a git or https URL, docker-image:// or oci-layout://`);
        return `${kv.key}=${value}`;
    });
}
/** `default`, `id` (the agent at SSH_AUTH_SOCK) or `id=path[,path]` (sockets or keys). */
function ssh(entries) {
    for (const entry of entries)
        if (!/^[A-Za-z0-9_.-]+(?:=[^,]+(?:,[^,]+)*)?$/.test(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not default or id=path (an agent socket or a key file)`);
    return entries;
}
/** `[level[platforms]:]key=value`, as buildx reads it (metadata/levels.ts), with expressions as in labels. */
function annotations(entries, notices) {
    for (const entry of entries)
        (0,_metadata_levels_js__WEBPACK_IMPORTED_MODULE_9__/* .parseAnnotation */ .fr)(entry);
    return labelLines('annotations', entries, notices);
}
/** KEY=VALUE lines with expressions as metadata-action renders them (`{{branch}}`, `{{date 'YYYYMMDD'}}`). */
const labels = (entries, notices) => labelLines('labels', entries, notices);
/**
 * Our expressions must parse; any other `{{\u2026}}` is kept as written (parseLabelLine says why), with a notice,
 * since it may as well be a misspelt expression.
 */
function labelLines(input, entries, notices) {
    const kept = new Set();
    for (const entry of entries) {
        if (!entry.includes('{{'))
            continue;
        const template = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .reworded */ .F)(() => (0,_metadata_rules_template_js__WEBPACK_IMPORTED_MODULE_10__/* .parseLabelLine */ .uM)(entry), m => `${m} (to keep a {{ as written, write \\{{)`);
        for (const text of template.kept ?? [])
            kept.add(text);
    }
    const shown = [...kept].slice(0, 5).join(', ') + (kept.size > 5 ? ` and ${kept.size - 5} more` : '');
    if (kept.size)
        notices.push(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_6__/* .ref */ .KR)(input)} keeps ${shown} as written: not an expression of this action's, which are ${(0,_metadata_rules_template_js__WEBPACK_IMPORTED_MODULE_10__/* .expressionsOf */ .Bi)('global')}`);
    return entries;
}
/** The fields of an attestation spec as buildx reads it (one CSV record): `key` trimmed, `value` undefined without `=`. */
function attestationFields(spec) {
    return ((0,_csv_js__WEBPACK_IMPORTED_MODULE_8__/* .csvRecords */ .X)(spec)[0] ?? []).map(field => {
        const at = field.indexOf('=');
        return at < 0
            ? { key: field.trim() }
            : { key: field.slice(0, at).trim(), value: field.slice(at + 1).trim() };
    });
}
/**
 * `provenance` and `sbom` as buildx reads them: one of Go's boolean words (strconv.ParseBool), or
 * attributes `key=value,\u2026`. buildx refuses a field without `=` and a `disabled=` that is no boolean only once
 * the build has started, and without naming the input.
 */
function attestationValue(value) {
    if (value === '' || (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(value) !== undefined)
        return value;
    const refused = (why) => new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} must be true, false (or another of Go's boolean words: 1, 0, t, f \u2026) or a buildx attestation spec like mode=max${why}`);
    if (value.startsWith('-') || /\s/.test(value))
        throw refused('');
    for (const field of attestationFields(value)) {
        if (field.value === undefined)
            throw refused(`: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(field.key)} is no key=value`);
        if (field.key.toLowerCase() === 'disabled' && (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(field.value) === undefined)
            throw refused(`: disabled=${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(field.value)} is no boolean`);
    }
    return value;
}
function attests(entries) {
    for (const entry of entries)
        if (!/(?:^|,)type=[a-z]+(?:,|$)/.test(entry) || entry.startsWith('-'))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not an attestation like type=sbom or type=provenance,mode=max`);
    return entries;
}
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function noCacheFilters(entries) {
    for (const entry of entries)
        if (!STAGE.test(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not a stage name`);
    return entries;
}
/** What `--call` may evaluate (buildx's subrequests). */
const CALLS = ['build', 'check', 'outline', 'targets'];
/** buildx's grammar: CSV fields, one bare name (`build` when none), `format=` and `ignorestatus=` (Go's booleans). */
function parseCall(value) {
    const call = { name: '', ignoreStatus: false };
    for (const field of (0,_csv_js__WEBPACK_IMPORTED_MODULE_8__/* .csvRecords */ .X)(value)[0] ?? []) {
        const eq = field.indexOf('=');
        const [key, setting] = eq < 0 ? [field, undefined] : [field.slice(0, eq), field.slice(eq + 1)];
        if (setting === undefined) {
            if (call.name !== '' || !CALLS.includes(key))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} must be one of ${CALLS.join(', ')}, optionally with ,format=json|text and ,ignorestatus=true`);
            call.name = key;
        }
        else if (key === 'format')
            call.format = setting;
        else if (key === 'ignorestatus') {
            const bool = (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(setting);
            if (bool === undefined)
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)}: ignorestatus=${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(setting)} is no boolean`);
            call.ignoreStatus = bool;
        }
        else
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(field)} is none of format=, ignorestatus=`);
    }
    return { ...call, name: call.name || 'build' };
}
function call(value) {
    if (value !== '')
        parseCall(value);
    return value;
}
/** A token is one word: whitespace in it is a pasting mistake that would only fail later, in the fetch. */
function githubToken(value) {
    const token = value.trim();
    // The default as written, unexpanded (a local runner, the table's own defaults): no token.
    if (/^\$\{\{.*\}\}$/.test(token))
        return '';
    if (/\s/.test(token))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S('contains whitespace');
    return token;
}
/** What must exist: local named contexts, and each ssh key or socket (or the agent `default` means). */
function checkBuildSources(values, cwd, env) {
    for (const entry of values.buildContexts) {
        const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .splitKeyValue */ .px)(entry);
        if (CONTEXT_SCHEME.test(value) || URL_SOURCE.test(value) || value.startsWith('{{defaultContext}}'))
            continue;
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, value);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('build-contexts', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} does not exist (resolved to ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(dir)})`);
    }
    for (const entry of values.ssh) {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .splitKeyValue */ .px)(entry);
        if (!kv) {
            if (!env.SSH_AUTH_SOCK)
                throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} means the ssh-agent at SSH_AUTH_SOCK, and SSH_AUTH_SOCK is not set (${(0,_core_input_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .advice */ .v9)('ssh-agent')}, or give id=path)`);
            continue;
        }
        for (const p of kv.value.split(','))
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, p)))
                throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(kv.key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(p)} does not exist`);
    }
}
/** `{{defaultContext}}`, alone or with `:subdir`: build-push-action's name for this commit's git context. */
const DEFAULT_CONTEXT = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/;
/**
 * The Dockerfile a local build reads: `file` when given, else the context's `Dockerfile`, else its
 * `dockerfile`, which docker build and BuildKit fall back to; `Dockerfile` when neither is there.
 */
function dockerfilePath(context, file, cwd = process.cwd()) {
    if (file !== '')
        return file;
    const lower = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(context, 'dockerfile');
    const upper = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(context, 'Dockerfile');
    return !isFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, upper)) && isFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, lower)) ? lower : upper;
}
/** `context` left at `.` in an empty directory: a workflow that checked nothing out, a command run elsewhere. */
const noDockerfileHere = (dir) => `no Dockerfile in ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(dir)}: ${(0,_core_input_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .advice */ .v9)('checkout')}`;
/** An output spec's attributes as buildx reads them (CSV, keys lowercased); a bare path has none. */
function outputAttrs(spec) {
    const attrs = new Map();
    for (const field of (0,_csv_js__WEBPACK_IMPORTED_MODULE_8__/* .csvRecords */ .X)(spec)[0] ?? []) {
        const at = field.indexOf('=');
        if (at > 0)
            attrs.set(field.slice(0, at).toLowerCase(), field.slice(at + 1));
    }
    return attrs;
}
/** An output spec that pushes: `type=registry`, or `type=image` with `push=true` (Go's ParseBool words). */
function pushesOutput(spec) {
    const attrs = outputAttrs(spec);
    const type = attrs.get('type');
    return type === 'registry' || (type === 'image' && (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(attrs.get('push') ?? '') === true);
}
/** True when the build evaluates instead of building (`call` other than `build`): there is no image to push. */
const isEvaluation = (inputs) => inputs.call !== '' && parseCall(inputs.call).name !== 'build';
/**
 * Whether given `outputs` push, as build-push-action decides it: an output that pushes, or `push: true`
 * given outright (its `--push`); `push` left to its default adds nothing beside outputs.
 */
const outputsPush = (inputs) => inputs.outputs.some(pushesOutput) || (inputs.push && inputs.pushGiven);
/**
 * Whether the run pushes, as build-push-action decides it: `outputs` when given (outputsPush), else `push`.
 * An evaluation pushes nothing.
 */
const pushesImage = (inputs) => !isEvaluation(inputs) && (inputs.outputs.length ? outputsPush(inputs) : inputs.push);
/**
 * The images an output names (`name=` of an image, registry or docker output) as references; none for a
 * spec that names none.
 */
const namedImages = (spec) => ['image', 'registry', 'docker'].includes(outputAttrs(spec).get('type') ?? '') ? outputNames(spec) : [];
/**
 * Whether an image or registry output's push is by digest only (`push-by-digest=true`): BuildKit then puts
 * the manifest at `name@digest` and tags nothing, and refuses a name that has a tag.
 */
function pushesByDigest(spec) {
    const attrs = outputAttrs(spec);
    return (['image', 'registry'].includes(attrs.get('type') ?? '') &&
        (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(attrs.get('push-by-digest') ?? '') === true);
}
/** The names of an output's `name=` (comma-separated, as BuildKit splits it); [] without one. */
const outputNames = (spec) => (outputAttrs(spec).get('name') ?? '').split(',').filter(name => name !== '');


/***/ }),

/***/ 3881:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ csvList),
/* harmony export */   X: () => (/* binding */ csvRecords)
/* harmony export */ });
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(652);
// CSV as docker's actions read their list inputs (csv-parse with relaxed quotes): a quoted field may hold
// commas, newlines and doubled quotes; a quote anywhere but at a field's very start is an ordinary
// character.

/** The records of `text`, fields as written (untrimmed, quotes removed). Empty lines yield no record. */
function csvRecords(text) {
    const records = [];
    let record = [];
    let field = '';
    // A field opens a quote only at its very start, as csv-parse reads it (a quote after blanks is an
    // ordinary character); `wasQuoted` stops a second opening.
    let inQuotes = false;
    let wasQuoted = false;
    // The blanks before the opening quote, and where the quoted text ended (-1: not closed, or undone).
    let lead = '';
    let closedAt = -1;
    const endField = () => {
        record.push(field);
        field = '';
        wasQuoted = false;
        lead = '';
        closedAt = -1;
    };
    const endRecord = () => {
        endField();
        if (!(record.length === 1 && record[0] === ''))
            records.push(record);
        record = [];
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inQuotes) {
            if (c !== '"')
                field += c;
            else if (text[i + 1] === '"')
                field += text[++i];
            else {
                inQuotes = false;
                closedAt = field.length;
            }
        }
        else if (c === '"' && !wasQuoted && field === '') {
            inQuotes = wasQuoted = true;
            lead = field;
            field = '';
        }
        else if (c === ',')
            endField();
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            endRecord();
        }
        else {
            // Text after the closing quote, blanks too: the quotes were part of the value, as csv-parse's
            // relaxed quotes read `"a"b` and `"a" ` (the doubled quotes inside stay undone).
            if (closedAt >= 0) {
                field = `${lead}"${field.slice(0, closedAt)}"${field.slice(closedAt)}`;
                closedAt = -1;
            }
            field += c;
        }
    }
    if (inQuotes)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S('a quoted entry is not closed');
    if (field !== '' || record.length)
        endRecord();
    return records;
}
/**
 * A list input as build-push-action reads it: entries one per line or comma-separated, quoted entries
 * kept whole when they stand beside other fields. As there, a line that is one quoted field is still split
 * at its commas unless `ignoreComma`. Entries are trimmed (unless `trim: false`); blank ones dropped.
 */
function csvList(text, opts = {}) {
    const records = opts.quote === false ? literalRecords(text) : csvRecords(text);
    const out = [];
    for (const record of records) {
        if (opts.ignoreComma)
            out.push(record.join(','));
        else if (record.length === 1)
            out.push(...record[0].split(','));
        else
            out.push(...record);
    }
    return out.filter(s => s.trim() !== '').map(s => (opts.trim === false ? s : s.trim()));
}
/** Records with quotes as ordinary characters: lines split at commas. */
const literalRecords = (text) => text
    .split(/\r?\n|\r/)
    .filter(line => line !== '')
    .map(line => line.split(','));


/***/ }),

/***/ 1551:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   l: () => (/* binding */ asInput)
/* harmony export */ });
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(652);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6080);
// The one error of bad input: it names the input and the rule, before anything runs. Parsers that do not know
// which input they read throw an InputProblem (core/problem.ts); asInput is where it becomes an InputError.


class InputError extends Error {
    input;
    /** The message with ref() markers, for interfaces that name inputs otherwise. */
    template;
    constructor(input, message) {
        super((0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .renderInputRefs */ .nx)(`Invalid input "${input}": ${message}`, _table_js__WEBPACK_IMPORTED_MODULE_1__/* .actionTerm */ .f$));
        this.input = input;
        this.template = message;
        this.name = 'InputError';
    }
}
/** `fn`, reading `input`'s value: an InputProblem it throws is an InputError naming the input. */
function asInput(input, fn) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S)
            throw new InputError(error.subject ?? input, error.message);
        throw error;
    }
}


/***/ }),

/***/ 480:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_error/* InputError */.d),
  lv: () => (/* reexport */ inputs_error/* asInput */.l),
  ub: () => (/* binding */ checkBuilder),
  TL: () => (/* binding */ parseInputs),
  KR: () => (/* reexport */ table/* ref */.KR),
  nx: () => (/* reexport */ table/* renderInputRefs */.nx),
  Pe: () => (/* reexport */ table/* setting */.Pe)
});

// UNUSED EXPORTS: actionTerm, buildxOnlyInputs, defaultInputs, isRemoteContext, listOptions, readRows, splitLines, splitList

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __nccwpck_require__(6080);
// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __nccwpck_require__(7571);
// EXTERNAL MODULE: ./src/inputs/error.ts
var inputs_error = __nccwpck_require__(1551);
// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __nccwpck_require__(8042);
// EXTERNAL MODULE: ./src/metadata/env.ts
var metadata_env = __nccwpck_require__(7038);
// EXTERNAL MODULE: ./src/metadata/rules/parse.ts
var parse = __nccwpck_require__(1398);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __nccwpck_require__(6203);
// EXTERNAL MODULE: ./src/registry/cloud/detect.ts
var detect = __nccwpck_require__(2382);
;// CONCATENATED MODULE: ./src/inputs/cloud-login.ts
// The single registry's cloud login: `registry` (+ `username`/`password`) read as an ECR login (an ECR host,
// or the `ecr` input) or as Docker Hub's OIDC login. registry-auth entries decide theirs in registry-auth.ts.



/**
 * An ECR host or `ecr: true` needs no username or password; Hub's OIDC takes a username without a password
 * (with DOCKERHUB_OIDC_CONNECTIONID set). Undefined for an ordinary login, and with `registry-auth`.
 */
function singleCloudLogin(values, env) {
    if (values.registryAuth.trim() !== '') {
        if (values.ecr !== 'auto')
            throw new inputs_error/* InputError */.d('ecr', `applies to ${(0,table/* ref */.KR)('registry')}: with ${(0,table/* ref */.KR)('registry-auth')}, give each entry its own ecr key`);
        return undefined;
    }
    const ecr = values.ecr === 'auto' ? undefined : values.ecr === 'true';
    try {
        return (0,detect/* cloudLoginOf */.gM)({ ...values, ecr }, env);
    }
    catch (error) {
        throw new inputs_error/* InputError */.d(values.ecr === 'true' ? 'ecr' : 'registry', `${JSON.stringify(values.registry)}: ${error.message}`);
    }
}

// EXTERNAL MODULE: ./src/core/problem.ts
var core_problem = __nccwpck_require__(652);
// EXTERNAL MODULE: ./src/inputs/csv.ts
var csv = __nccwpck_require__(3881);
;// CONCATENATED MODULE: ./src/inputs/kinds.ts




/** A list input's entries (see csvList); a quote left open says how to quote. */
const csvEntries = (raw, opts) => (0,core_problem/* reworded */.F)(() => (0,csv/* csvList */.F)(raw, opts), m => `${m}: quote an entry as a whole, and double a quote inside it`);
/** Newline and/or comma separated (CSV: quoted entries keep commas), trimmed, empties and duplicates dropped. */
function splitList(raw) {
    return [...new Set(csvEntries(raw, {}))];
}
/** One entry per line, commas kept (CSV: a quoted entry may span lines). */
function splitLines(raw) {
    return csvEntries(raw, { ignoreComma: true });
}
/** How a list row is read, as build-push-action reads the input of that name. */
function listOptions(row) {
    return {
        ...(row.kind !== 'list' && { ignoreComma: true }),
        ...(row.keepQuotes && { quote: false }),
        ...(row.untrimmed && { trim: false })
    };
}
/** The entries of a row that takes comments, without those that start with `#`. */
const uncommented = (row, entries) => row.comments ? entries.filter(entry => !entry.startsWith('#')) : entries;
/**
 * KEY=VALUE entries, keys trimmed; a KEY alone where the row keeps them (`bareKeys`). Errors name the key (or
 * entry number) but never echo the value.
 */
function keyValues(row, entries) {
    return entries.map((entry, i) => {
        const kv = (0,core_text/* splitKeyValue */.px)(entry);
        if (!kv && row.bareKeys) {
            // A name a Dockerfile's ARG can read. Not echoed: such a line may be the rest of a value split by mistake.
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.trim()))
                throw new core_problem/* InputProblem */.S(`entry ${i + 1} has no "=" and is no variable name: each entry is KEY=VALUE, or a NAME alone for the environment's value`);
            return entry.trim();
        }
        // build-push-action passes a bare label on, empty; here it is refused: it is as often the second line of
        // a value split by mistake, which docker would log.
        if (!kv)
            throw new core_problem/* InputProblem */.S(`entry ${i + 1} has no "=": each entry must be KEY=VALUE (a variable of the environment: KEY=\${{ env.KEY }} in a workflow, KEY="$KEY" in a shell)`);
        if (kv.key === '')
            throw new core_problem/* InputProblem */.S(`entry ${i + 1} has an empty key: each entry must be KEY=VALUE`);
        if (/\s/.test(kv.key))
            throw new core_problem/* InputProblem */.S(`key ${(0,core_text/* quote */.hD)(kv.key)} contains whitespace`);
        return `${kv.key}=${kv.value.trim()}`;
    });
}
/** The generic reading of a raw value by its row's kind. */
function byKind(row, raw) {
    const value = row.secret || row.untrimmed ? raw : raw.trim();
    switch (row.kind) {
        case 'string':
            return value;
        case 'boolean': {
            const v = value.trim() || row.default;
            if (core_text/* YAML_TRUE */.DG.test(v))
                return true;
            if (core_text/* YAML_FALSE */.e7.test(v))
                return false;
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(v)} is not a boolean; use true or false`);
        }
        case 'list':
            return [...new Set(csvEntries(value, listOptions(row)))];
        case 'lines':
            return uncommented(row, csvEntries(value, listOptions(row)));
        case 'key-value':
            return keyValues(row, uncommented(row, splitLines(value)));
        case 'number': {
            const v = value || row.default;
            const n = Number(v);
            if (!/^[0-9]+$/.test(v) || n < (row.min ?? 0) || n > (row.max ?? Number.MAX_SAFE_INTEGER))
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(v)} must be a whole number from ${row.min} to ${row.max}`);
            return n;
        }
        case 'choice': {
            const v = value || row.default;
            // Any casing, as docker's actions read such words (login-action's `ecr: True`).
            const choice = row.choices?.find(c => c.toLowerCase() === v.toLowerCase());
            if (choice === undefined)
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(v)} must be one of ${row.choices?.join(', ')}`);
            return choice;
        }
    }
}

// EXTERNAL MODULE: ./src/inputs/validators.ts
var validators = __nccwpck_require__(254);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __nccwpck_require__(5378);
// EXTERNAL MODULE: ./src/inputs/tags.ts
var tags = __nccwpck_require__(4480);
;// CONCATENATED MODULE: ./src/inputs/images.ts
// The `images` input, as metadata-action takes it: one image per line, bare (`ghcr.io/octo/app`), as CSV
// attributes (`name=ghcr.io/octo/app,enable=false`) or a bare name with attributes
// (`ghcr.io/octo/app,enable=false`); and metadata-action's older form, one line of comma-separated names.
// Each names its own registry; a name without a host is on Docker Hub, as docker reads it. Pure: a mistake is
// an InputProblem, and the caller names the input (targets.ts).





/** Parses and validates `lines`; throws an InputProblem that says what is wrong with which line. */
function parseImages(lines) {
    const out = [];
    if (lines.length === 1) {
        const fields = (0,csv/* csvRecords */.X)(lines[0])[0]
            ?.map(f => f.trim())
            .filter(f => f !== '') ?? [];
        if (fields.length > 1 && fields.every(f => !f.includes('=')))
            return fields.map(splitImage);
    }
    for (const line of lines) {
        const fields = (0,csv/* csvRecords */.X)(line)[0]?.map(f => f.trim()) ?? [];
        let name = '';
        let enable = true;
        for (const field of fields) {
            const eq = field.indexOf('=');
            if (eq < 0 && name === '')
                name = field;
            else if (eq < 0)
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)}: ${(0,core_text/* quote */.hD)(field)} is a second name; give one image per line`);
            else {
                const key = field.slice(0, eq).trim().toLowerCase();
                const value = field.slice(eq + 1).trim();
                if (key === 'name')
                    name = value;
                else if (key === 'enable') {
                    if (!/^(true|false)$/i.test(value))
                        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)}: enable must be true or false`);
                    enable = value.toLowerCase() === 'true';
                }
                else
                    throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)}: unknown attribute ${(0,core_text/* quote */.hD)(key)} (name, enable)`);
            }
        }
        if (name === '')
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)} names no image`);
        if (!enable)
            continue;
        out.push(splitImage(name));
    }
    return out;
}
/** `ghcr.io/octo/app` \u2192 ghcr.io + octo/app; `octo/app` \u2192 docker.io + octo/app. */
function splitImage(name) {
    if (/[@]/.test(name) || /:[^/]*$/.test(name.slice(name.indexOf('/') + 1)))
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(name)} has a tag or digest; images are names only (tags go in ${(0,input_ref/* ref */.KR)('tags')})`);
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const hosted = first !== '' && (0,reference/* looksLikeHost */.oc)(first);
    const registry = hosted ? first : reference/* DOCKER_HUB */.Xb;
    const image = (hosted ? name.slice(slash + 1) : name).toLowerCase();
    const hostProblem = (0,reference/* registryProblem */.T7)(registry);
    if (hostProblem)
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(name)}: the registry ${hostProblem}`);
    const problem = (0,reference/* imageProblem */.JC)(image, registry);
    if (problem)
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(name)}: ${(0,core_text/* quote */.hD)(image)} ${problem}`);
    return { registry: (0,reference/* normalizeRegistry */.l5)(registry), image };
}

// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __nccwpck_require__(3477);
;// CONCATENATED MODULE: ./src/inputs/targets.ts
// Where the image goes and who logs in: `image` + `registry`, `images`, or full references in `tags`, and
// `registry-auth` or `username`/`password`; the tag inputs read on the way.











/** The image under the registry it goes to; lowercased with a notice, as docker wants it. */
function checkImage(value, registry, notices) {
    const problem = (0,reference/* imageProblem */.JC)(value, registry);
    if (problem)
        throw new inputs_error/* InputError */.d('image', `${(0,core_text/* quote */.hD)(value)} ${problem}`);
    const lower = value.toLowerCase();
    if (lower !== value)
        notices.push(`image ${(0,core_text/* quote */.hD)(value)} was lowercased to ${(0,core_text/* quote */.hD)(lower)}`);
    return lower;
}
/**
 * `tags` sorted into bare tags, rules and references; `flavor` and the DOCKER_METADATA_* variables read.
 * Given `notices` (the parser's), a word in `tags` with no `image` or `images` to tag is an image name, as
 * build-push-action reads it, and the notice says so.
 */
function targets_readTagInputs(values, env, notices) {
    const bareAreRefs = notices !== undefined && values.image === '' && !values.images.length;
    const entries = (0,inputs_error/* asInput */.l)('tags', () => (0,tags/* classifyTags */.oS)(values.tags, bareAreRefs));
    if (entries.bareRefs.length)
        notices?.push(`${(0,table/* ref */.KR)('tags')} ${entries.bareRefs.map(core_text/* quote */.hD).join(', ')}: with ${(0,table/* ref */.KR)('image')} empty, each names an image as in build-push-action (${entries.refs.flatMap(g => g.tags.map(t => `${(0,reference/* repository */.Jk)(g.registry, g.image)}:${t}`)).join(', ')}); give ${(0,table/* ref */.KR)('image')} to make them its tags`);
    return {
        tags: entries.tags,
        tagRules: entries.rules,
        tagRefs: entries.refs,
        tagFlavor: (0,inputs_error/* asInput */.l)('flavor', () => (0,parse/* parseFlavor */.wp)(values.flavor)),
        // Each of its problems names its variable.
        metadataEnv: (0,inputs_error/* asInput */.l)('', () => (0,metadata_env/* readMetadataEnv */.Xk)(env))
    };
}
/**
 * Full references in `tags` name the targets themselves: never beside `image` or `images`, and beside
 * `registry` only where they all go to it (login-action's `registry` beside build-push-action's `tags`: the
 * registry the login is for). Each image gets the tags given for it, as build-push-action pushes exactly the
 * references it is given.
 */
function targetsFromRefs(values, tagged, input = 'tags') {
    const groups = tagged.tagRefs;
    const first = groups[0];
    const named = (g) => JSON.stringify(`${g.registry}/${g.image}${g.tags.length ? `:${g.tags[0]}` : ''}`);
    const example = named(first);
    const elsewhere = groups.find(g => g.registry !== values.registry);
    if (values.registry !== reference/* DOCKER_HUB */.Xb && elsewhere && !values.images.length && values.image === '')
        throw new inputs_error/* InputError */.d(input, `${(0,table/* ref */.KR)(input)} ${input === 'tags' ? 'holds full references' : 'names images'} such as ${named(elsewhere)}, ` +
            `which go to ${(0,core_text/* quote */.hD)(elsewhere.registry)}, not to ${(0,core_text/* quote */.hD)(values.registry)} as ${(0,table/* ref */.KR)('registry')} says: ` +
            `name only ${(0,core_text/* quote */.hD)(values.registry)} in them, or leave ${(0,table/* ref */.KR)('registry')} empty (logins for several registries go in ${(0,table/* ref */.KR)('registry-auth')})`);
    const given = ['image', 'images'].filter(name => values[name].length);
    // The error names `tags`, as build-push-action would refuse its references beside metadata-action's images.
    // `registry` is not among what to empty: it may stay where they all go to it (checked above once image is).
    if (given.length)
        throw new inputs_error/* InputError */.d('tags', `${(0,table/* ref */.KR)('tags')} holds full references such as ${example}, which name their own registry and image: ` +
            `leave ${(0,table/* ref */.KR)(...given)} empty (${(0,table/* ref */.KR)('registry')} may stay if they all go to the registry it names), ` +
            `or give bare tags (e.g. "${first.tags[0]}") with ${(0,table/* ref */.KR)(given.includes('images') ? 'images' : 'image')}`);
    // The first image stands for the run where one name is needed, as with `images`.
    values.registry = first.registry;
    values.image = first.image;
    if (input === 'tags')
        tagged.tags = first.tags;
    return groups.map(g => ({ registry: g.registry, image: g.image, tags: g.tags }));
}
/**
 * With no `image`, `images` or references in `tags`: an image output's `name=` names the targets (buildx
 * pushes there, and a push by digest takes no tag); else nothing names the image, which build-push-action
 * allows wherever no name is needed: nothing pushed and no rules to tag with (a build-only check, files
 * exported, an untagged load).
 */
function unnamedTargets(values, tagged, pushGiven) {
    const required = (why, buildOnly = false) => new inputs_error/* InputError */.d('image', `is required: ${why}; give it, e.g. "my/app" (in a workflow, \${{ github.repository }}), or full references such as ghcr.io/octo/app:1.0 in ${(0,table/* ref */.KR)('tags')}${buildOnly ? `, or ${(0,table/* setting */.Pe)('push', 'false')} to build only` : ''}`);
    if (tagged.tagRules.length)
        throw required(`the rules in ${(0,table/* ref */.KR)('tags')} tag the image under it`);
    if (values.sources.length)
        throw required(`${(0,table/* ref */.KR)('sources')} are pushed to it`);
    const named = values.outputs.flatMap(spec => (0,build_options/* namedImages */.Qn)(spec).map(name => {
        const r = (0,inputs_error/* asInput */.l)('outputs', () => (0,tags/* parseFullRef */.E_)(name));
        // A push by digest tags nothing.
        return (0,build_options/* pushesByDigest */.iq)(spec) ? { registry: r.registry, image: r.image } : r;
    }));
    if (named.length)
        return targetsFromRefs(values, { ...tagged, tagRefs: (0,tags/* groupRefs */.e9)(named) }, 'outputs');
    if ((0,build_options/* pushesImage */.a7)({ ...values, pushGiven })) {
        const why = values.outputs.some(build_options/* pushesOutput */.Ij)
            ? `${(0,table/* ref */.KR)('outputs')} push and name no image`
            : `the image is pushed${pushGiven ? '' : ' (the default)'}`;
        throw required(why, true);
    }
    return [];
}
/** `images`, or `registry` + `image`: never both; neither where nothing needs a name (unnamedTargets). */
function checkTargets(values, tagged, notices, pushGiven) {
    if (!values.images.length) {
        if (values.image === '')
            return unnamedTargets(values, tagged, pushGiven);
        values.image = checkImage(values.image, values.registry, notices);
        return [{ registry: values.registry, image: values.image }];
    }
    if (values.image !== '')
        throw new inputs_error/* InputError */.d('images', `give either ${(0,table/* ref */.KR)('images')} (full names) or ${(0,table/* ref */.KR)('image')} with ${(0,table/* ref */.KR)('registry')}, not both`);
    const targets = (0,inputs_error/* asInput */.l)('images', () => parseImages(values.images));
    if (!targets.length)
        throw new inputs_error/* InputError */.d('images', 'every image is disabled (enable=false): nothing to push to');
    const seen = new Set();
    for (const t of targets) {
        const key = `${t.registry}/${t.image}`;
        if (seen.has(key))
            throw new inputs_error/* InputError */.d('images', `${(0,core_text/* quote */.hD)(key)} is given twice`);
        seen.add(key);
    }
    // login-action's `registry` beside metadata-action's `images`: the login is for one of them. Another host
    // there would have its username and password sent to the images' registry instead.
    if (values.registry !== reference/* DOCKER_HUB */.Xb && !targets.some(t => t.registry === values.registry))
        throw new inputs_error/* InputError */.d('registry', `${(0,core_text/* quote */.hD)(values.registry)} is not a registry ${(0,table/* ref */.KR)('images')} pushes to (${[...new Set(targets.map(t => t.registry))].join(', ')}): name one of those, leave ${(0,table/* ref */.KR)('registry')} empty, or give its login in ${(0,table/* ref */.KR)('registry-auth')} (a login for the build's pulls)`);
    // The first image stands for the run where one name is needed (summary, messages).
    values.registry = targets[0].registry;
    values.image = targets[0].image;
    return targets;
}
/**
 * `username` or `password` beside `registry-auth`, named as given: checked before the pair's own rule (both
 * or neither), which would otherwise ask for the other half of a login that cannot be used.
 */
function checkLoginSources(values) {
    if (values.registryAuth.trim() === '')
        return;
    const given = ['username', 'password'].filter(name => values[name] !== '');
    if (given.length)
        throw new inputs_error/* InputError */.d(given[0], `${(0,table/* ref */.KR)(...given)} and ${(0,table/* ref */.KR)('registry-auth')} cannot be used together: put every login in ${(0,table/* ref */.KR)('registry-auth')}`);
}
/** `registry-auth` entries, or `username`/`password` for a single registry. */
function checkLogins(values, cloud, targets = [], notices = []) {
    if (values.registryAuth.trim() === '')
        return values.username || cloud
            ? [
                {
                    registry: values.registry,
                    username: values.username,
                    password: values.password,
                    ...(cloud ? { cloud } : {})
                }
            ]
            : [];
    const logins = (0,inputs_error/* asInput */.l)('registry-auth', () => (0,core_problem/* reworded */.F)(() => (0,registry_auth/* parseRegistryAuth */.bf)(values.registryAuth), m => `${m}; expected login-action's list (- registry: \u2026 / username: \u2026 / password: \u2026)`));
    const normalized = logins.map((login, i) => {
        const registry = login.registry || reference/* DOCKER_HUB */.Xb;
        const problem = (0,reference/* registryProblem */.T7)(registry);
        if (problem)
            throw new inputs_error/* InputError */.d('registry-auth', `entry ${i + 1}: the registry ${(0,core_text/* quote */.hD)(registry)} ${problem}`);
        return { ...login, registry: (0,reference/* normalizeRegistry */.l5)(registry) };
    });
    const registries = [...new Set(normalized.map(l => l.registry))];
    return registries.map(registry => oneLoginFor(registry, normalized.filter(l => l.registry === registry), targets, notices));
}
/** A `scope`'s repository path (before its `@actions`); '' for none or the whole registry. */
const scopePath = (login) => (login.scope ?? '').split('@')[0].replace(/^\/+|\/+$/g, '');
/**
 * The one login this step uses for `registry`: login-action v3.7 takes one entry per `scope` (each written to
 * its own buildx config), but a docker config holds one login per registry. The entry whose scope is a
 * repository this step pushes wins; else the one for the whole registry (no scope). A notice says which.
 */
function oneLoginFor(registry, entries, targets, notices) {
    if (entries.length === 1)
        return entries[0];
    const scopes = entries.map(e => e.scope ?? '');
    if (new Set(scopes).size < scopes.length)
        throw new inputs_error/* InputError */.d('registry-auth', `${(0,core_text/* quote */.hD)(registry)} has two entries with the same scope (or none): give it one entry, or each entry its own scope (login-action's scope, e.g. scope: my/app@push)`);
    const pushed = new Set(targets.filter(t => t.registry === registry).map(t => (0,reference/* remotePath */.QZ)(registry, t.image)));
    const matching = entries.filter(e => scopePath(e) !== '' && pushed.has((0,reference/* remotePath */.QZ)(registry, scopePath(e))));
    const whole = entries.filter(e => scopePath(e) === '');
    const chosen = matching.length === 1 ? matching[0] : matching.length === 0 ? whole[0] : undefined;
    if (!chosen || (matching.length === 0 && whole.length > 1))
        throw new inputs_error/* InputError */.d('registry-auth', `${(0,core_text/* quote */.hD)(registry)} has ${entries.length} entries (scopes ${scopes.map(sc => (0,core_text/* quote */.hD)(sc || 'none')).join(', ')}) and this step logs in to it once: ` +
            `give one entry without scope, or one whose scope is the repository pushed (${[...pushed].join(', ') || 'none'})`);
    notices.push(`${(0,table/* ref */.KR)('registry-auth')}: ${entries.length} entries for ${(0,core_text/* quote */.hD)(registry)}; this step logs in with the one ${chosen.scope ? `for scope ${(0,core_text/* quote */.hD)(chosen.scope)} (the repository it pushes)` : 'without scope'}`);
    return chosen;
}
/**
 * Whether the logins outlive the step: `keep-login`, or login-action's `logout: false`, which there leaves
 * the login in the docker config after the job, so the job's later steps have it; here they get it as
 * keep-login gives it. `logout: true` only says the login is gone when the job ends, as it is either way.
 */
function keepsLogin(values, keepLoginGiven) {
    if (values.logout)
        return values.keepLogin;
    if (keepLoginGiven && !values.keepLogin)
        throw new inputs_error/* InputError */.d('logout', `false keeps the logins for the job's later steps and ${(0,table/* ref */.KR)('keep-login')} false drops them after this step: leave one of the two out`);
    return true;
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Reads every input of the table once, validates it, and returns one typed value. Nothing after this reads
// raw inputs. Each kind has its generic reading (kinds.ts); the validators add what one input needs beyond it
// (validators.ts); targets.ts says where the image goes and who logs in.
















const isDir = (p) => (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isDirectory();

const GIT_URL = /^(?:git:\/\/|git@|github\.com\/|ssh:\/\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/;
const HTTP_URL = /^https?:\/\//;
/**
 * Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles); and
 * build-push-action's `{{defaultContext}}`, this commit's git URL.
 */
function isRemoteContext(context) {
    return GIT_URL.test(context) || HTTP_URL.test(context) || build_options/* DEFAULT_CONTEXT */.A2.test(context);
}
/** Every row read by its kind and validator, with nothing checked on disk. */
function readRows(get, notices = [], warnings = []) {
    const values = {};
    for (const [key, row] of table/* ROWS */.Ir) {
        const name = (0,table/* inputName */.yu)(key);
        const raw = get(name);
        const validate = validators/* VALIDATORS */.wY[key];
        // Every row's problem gets the name of the input it was read from here: the parsers do not know it.
        values[key] = (0,inputs_error/* asInput */.l)(name, () => {
            const value = byKind(row, raw);
            return validate ? validate(value, notices, warnings) : value;
        });
    }
    return values;
}
function checkLocalContext(context, file, cwd) {
    const dir = external_node_path_default().resolve(cwd, context);
    if (!isDir(dir))
        throw new inputs_error/* InputError */.d('context', `${(0,core_text/* quote */.hD)(context)} is not a directory (resolved to ${(0,core_text/* quote */.hD)(dir)})`);
    if (file !== '') {
        const f = external_node_path_default().resolve(cwd, file);
        if (!build_options/* isFile */.fo(f))
            throw new inputs_error/* InputError */.d('file', `${(0,core_text/* quote */.hD)(file)} does not exist (resolved to ${(0,core_text/* quote */.hD)(f)})`);
    }
    else if (!build_options/* isFile */.fo(external_node_path_default().resolve(cwd, build_options/* dockerfilePath */.Se(context, '', cwd)))) {
        // Left at `.` in an empty workspace: most likely no checkout ran.
        if (context === '.' && isEmptyWorkspace(dir))
            throw new inputs_error/* InputError */.d('context', build_options/* noDockerfileHere */.mP(dir));
        throw new inputs_error/* InputError */.d('file', `no Dockerfile in context ${(0,core_text/* quote */.hD)(context)}; add one or set ${(0,table/* ref */.KR)('file')}`);
    }
}
/** A workspace without a checkout: nothing in it but dotfiles a runner may leave. */
function isEmptyWorkspace(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir).every(name => name.startsWith('.') && name !== '.git');
    }
    catch {
        return false;
    }
}
function checkSources(values, cwd) {
    (0,inputs_error/* asInput */.l)('sources', () => {
        (0,sources/* checkSourcesAlone */.uf)(values, readRows(name => (0,table/* rowByName */.TJ)(name)?.[1].default ?? ''));
        for (const line of values.sources) {
            const source = (0,sources/* parseSource */.PJ)(line, values.registry, values.image);
            // A file on this machine is looked for now, before any registry is asked.
            if (!('transport' in source) || source.transport === 'docker-daemon')
                continue;
            const directory = source.transport === 'oci';
            const where = external_node_path_default().resolve(cwd, source.path);
            if (!(0,external_node_fs_.existsSync)(where) || isDir(where) !== directory)
                throw new inputs_error/* InputError */.d('sources', `${(0,core_text/* quote */.hD)(line)}: ${(0,core_text/* quote */.hD)(source.path)}: no such ${directory ? 'directory' : 'file'}`);
        }
    });
    (0,inputs_error/* asInput */.l)('annotations', () => (0,sources/* indexAnnotations */.nM)(values.annotations));
}
/** Reads and validates every input. Throws InputError on the first invalid one. */
function parseInputs(get, cwd = process.cwd()) {
    const [notices, warnings] = [[], []];
    const values = readRows(get, notices, warnings);
    const pushGiven = get('push').trim() !== '';
    const tagged = targets_readTagInputs(values, process.env, notices);
    const targets = tagged.tagRefs.length
        ? targetsFromRefs(values, tagged)
        : checkTargets(values, tagged, notices, pushGiven);
    const remoteContext = isRemoteContext(values.context);
    // With sources nothing is built: there is no context to check, and no build input may be set.
    if (values.sources.length)
        checkSources(values, cwd);
    else if (!remoteContext)
        checkLocalContext(values.context, values.file, cwd);
    (0,validators/* checkSecretSources */.$s)(values.secretFiles, values.secretEnvs, cwd, process.env, warnings);
    build_options/* checkBuildSources */.pQ(values, cwd, process.env);
    if (targets.length > 1 && new Set(targets.map(t => t.registry)).size > 1 && values.username)
        throw new inputs_error/* InputError */.d('username', `${(0,table/* ref */.KR)('username', 'password')} log in to one registry, and ${(0,table/* ref */.KR)('images')} names several: give each its login in ${(0,table/* ref */.KR)('registry-auth')}`);
    checkLoginSources(values);
    const cloud = singleCloudLogin(values, process.env);
    if (!cloud && (values.username === '') !== (values.password === ''))
        throw new inputs_error/* InputError */.d(values.username === '' ? 'username' : 'password', `${(0,table/* ref */.KR)('username', 'password')} must be given together (or neither, to use an existing docker login)`);
    const logins = checkLogins(values, cloud, targets, notices);
    // login-action logs in to each account it lists; here each ECR registry is a login of its own.
    if (process.env.AWS_ACCOUNT_IDS && logins.some(l => l.cloud?.kind === 'ecr'))
        warnings.push(`AWS_ACCOUNT_IDS is set and not read: each ECR registry logs in for the account its host names; give each its own entry in ${(0,table/* ref */.KR)('registry-auth')}`);
    const keepLogin = keepsLogin(values, get('keep-login').trim() !== '');
    const inputs = { ...values, ...tagged, keepLogin, remoteContext, targets, logins, pushGiven };
    return { inputs, notices, warnings };
}
/** The inputs that only buildx understands and that are set here. */
function buildxOnlyInputs(inputs) {
    return table/* ROWS */.Ir.filter(([key, row]) => {
        if (!row.buildx)
            return false;
        const value = inputs[key];
        return Array.isArray(value) ? value.length > 0 : value !== '' && value !== false;
    }).map(([key]) => (0,table/* inputName */.yu)(key));
}
/** Asking for a buildx-only input where docker has no buildx is an input error, before anything runs. */
function checkBuilder(inputs, buildx) {
    // With sources nothing is built; their own check refused every build input already.
    if (inputs.sources.length)
        return;
    // buildx fetches an ssh:// context with the agent's keys; the classic builder looks for it on disk.
    if (!buildx && /^ssh:\/\//i.test(inputs.context))
        throw new inputs_error/* InputError */.d('context', `${(0,core_text/* quote */.hD)(inputs.context)}: the classic builder does not fetch ssh:// contexts (buildx does); write it as git@host:owner/repo.git#ref`);
    const used = buildxOnlyInputs(inputs);
    if (!buildx && used.length)
        throw new inputs_error/* InputError */.d(used[0], `needs docker buildx, and this docker has no buildx plugin (${(0,input_ref/* advice */.v9)('install-buildx')}, or drop ${(0,table/* ref */.KR)(...used)})`);
}
/** The table's defaults, as the parser reads them (tests build on this; `image` is required, so given). */
const defaultInputs = (over = {}) => {
    const values = readRows(name => over[name] ?? rowByName(name)?.[1].default ?? '');
    const tagged = over.tags || over.flavor
        ? readTagInputs(values, {})
        : { tagRules: [], tagRefs: [], tagFlavor: DEFAULT_FLAVOR, metadataEnv: DEFAULT_METADATA_ENV };
    return {
        ...values,
        ...tagged,
        remoteContext: isRemoteContext(values.context),
        targets: [{ registry: values.registry, image: values.image }],
        logins: [],
        pushGiven: over.push !== undefined
    };
};


/***/ }),

/***/ 3477:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ loadRegistryAuthParser),
/* harmony export */   Wr: () => (/* binding */ credentialsIn),
/* harmony export */   bf: () => (/* binding */ parseRegistryAuth)
/* harmony export */ });
/* unused harmony export registryAuthParserLoaded */
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(652);
/* harmony import */ var _core_input_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7571);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2020);
/* harmony import */ var _registry_cloud_detect_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2382);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5378);
// The `registry-auth` input: login-action's YAML list, one entry per registry, read with js-yaml as
// login-action reads it (anchors, quoting, block scalars, `~`):
//   - registry: ghcr.io
//     username: ${{ github.actor }}
//     password: ${{ secrets.GITHUB_TOKEN }}
// js-yaml is loaded only when the input is set (loadRegistryAuthParser), so that runs without it do not
// pay for it at start. Errors name the entry by position and registry, never a value, and never repeat
// js-yaml's own message, which quotes the input. A mistake is an InputProblem, and the caller names the
// input (targets.ts).





const KEYS = ['registry', 'username', 'password', 'ecr', 'scope'];
let load;
/** Loads js-yaml; call (and await) before parseRegistryAuth or credentialsIn. */
async function loadRegistryAuthParser() {
    if (!load)
        load = (await __nccwpck_require__.e(/* import() */ 243).then(__nccwpck_require__.bind(__nccwpck_require__, 3243))).load;
}
/** Whether js-yaml is loaded (the input-error path must not load it for nothing). */
const registryAuthParserLoaded = () => load !== undefined;
/** The YAML document, or an InputProblem that says where it stopped parsing (and nothing of the text). */
function readYaml(text) {
    if (!load)
        throw new Error('registry-auth read before loadRegistryAuthParser()');
    try {
        return load(text);
    }
    catch (error) {
        const mark = error.mark;
        const where = mark?.line === undefined ? '' : ` (line ${mark.line + 1}, column ${(mark.column ?? 0) + 1})`;
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`is not valid YAML${where} (${(0,_core_input_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9)('multi-line-secret')})`);
    }
}
const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
/** A scalar as login-action would pass it on: strings, and numbers or booleans as written. */
function scalarOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
function parseRegistryAuth(text, env = process.env) {
    const doc = readYaml(text);
    if (doc === undefined || doc === null)
        return [];
    if (!Array.isArray(doc))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(isMapping(doc)
            ? 'is a mapping, and a list is expected: start each entry with "- "'
            : 'is not a list of entries');
    return doc.map((entry, i) => {
        if (!isMapping(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`entry ${i + 1} is not a mapping of registry, username and password`);
        // docker login takes a URL (`https://index.docker.io/v1/`): its host is the registry, ECR's and Hub's too.
        const registry = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .loginServerHost */ .ve)(scalarOf(entry.registry) ?? '');
        const where = `entry ${i + 1}${registry ? ` (${JSON.stringify(registry)})` : ''}`;
        for (const key of Object.keys(entry))
            if (!KEYS.includes(key))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: unknown key ${JSON.stringify(key)} (${KEYS.join(', ')})`);
        const field = (key) => {
            const value = entry[key];
            if (value === undefined || value === null)
                return undefined;
            const s = scalarOf(value);
            if (s === undefined)
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: ${key} must be a string (quote it)`);
            return s;
        };
        if (entry.registry !== undefined && entry.registry !== null)
            field('registry');
        const username = field('username') ?? '';
        const password = field('password')?.trim() ?? '';
        // Any casing, as login-action reads it (`ecr: "False"`).
        const ecrText = field('ecr')?.toLowerCase();
        if (ecrText !== undefined && !['true', 'false', 'auto'].includes(ecrText))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: ecr is true, false or auto`);
        const ecr = ecrText === undefined || ecrText === 'auto' ? undefined : ecrText === 'true';
        const scope = field('scope');
        const login = { registry, username, password, ...(ecr !== undefined && { ecr }) };
        let cloud;
        try {
            cloud = (0,_registry_cloud_detect_js__WEBPACK_IMPORTED_MODULE_2__/* .cloudLoginOf */ .gM)({ ...login, registry: registry || 'docker.io' }, env);
        }
        catch (error) {
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}`);
        }
        // A cloud login gets its password from the cloud's token service: the entry may name none.
        if (!cloud && !username)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where} has no username`);
        if (!cloud && !password)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where} has no password`);
        return { ...login, ...(cloud && { cloud }), ...(scope !== undefined && { scope }) };
    });
}
/** A `password:` line's value in text that does not parse: YAML syntax alone is never a value. */
const SYNTAX_ONLY = /^(?:[|>][-+0-9]*|[{[&*!].*|)$/;
/**
 * Every username/password pair in `text`, for masking before anything else reads it: the entries'
 * passwords (those of entries that are otherwise invalid too), or, when the text does not parse, every
 * plain `password:` value found line by line (never YAML syntax such as `|` or `{`, which a mask would
 * then hide everywhere in the log).
 */
function credentialsIn(text) {
    let doc;
    try {
        doc = readYaml(text);
    }
    catch (error) {
        if (!(error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S))
            throw error;
        return [...text.matchAll(/password\s*:[ \t]*(.*)$/gm)]
            .map(m => m[1].replace(/\s+#.*$/, '').trim())
            .map(v => v.replace(/^(['"])(.*)\1$/, '$2'))
            .filter(v => !SYNTAX_ONLY.test(v))
            .map(password => ({ username: '', password }));
    }
    const entries = Array.isArray(doc) ? doc : [doc];
    return entries.filter(isMapping).flatMap(e => {
        const password = scalarOf(e.password)?.trim();
        return password ? [{ username: scalarOf(e.username) ?? '', password }] : [];
    });
}


/***/ }),

/***/ 6203:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ isLocal),
/* harmony export */   PJ: () => (/* binding */ parseSource),
/* harmony export */   nM: () => (/* binding */ indexAnnotations),
/* harmony export */   uf: () => (/* binding */ checkSourcesAlone)
/* harmony export */ });
/* unused harmony export TRANSPORTS */
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6080);
/* harmony import */ var _metadata_levels_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6814);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5378);
/* harmony import */ var _core_go_bool_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8558);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2020);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(652);
// The `sources` input, read: which image each line names (pure), and which other inputs cannot go with it.
// Nothing is built from sources, so every input that only shapes a build must be left at its default.






/** Where a local image is read from, with the transport names of skopeo and podman. */
const TRANSPORTS = ['docker-daemon', 'oci', 'oci-archive', 'docker-archive'];
const isLocal = (source) => 'transport' in source;
// `docker-daemon:` takes a reference or an ID as docker does; `-` first would read as a flag.
const DAEMON_IMAGE = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
// An `org.opencontainers.image.ref.name` or a repo tag, loosely: what the layout spec and docker allow.
const LOCAL_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
/**
 * `transport:rest` for a local image, a problem for a transport we do not read (`dir:/x`, `docker://\u2026`),
 * or undefined for a registry reference. The path ends at its first `:`, as skopeo reads it.
 */
function parseLocal(line) {
    const m = /^([a-z][a-z0-9-]*):(.*)$/.exec(line);
    if (!m)
        return undefined;
    const [, transport, rest] = m;
    if (!TRANSPORTS.includes(transport)) {
        // A path after the colon is no tag: a transport, then, that is not one of ours.
        if (!/^(?:\/|\.\.?\/|~)/.test(rest))
            return undefined;
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: unknown transport ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(transport)}; local images are read with ${TRANSPORTS.map(t => `${t}:`).join(', ')}, and a registry image is written without a transport`;
    }
    const t = transport;
    if (t === 'docker-daemon') {
        if (!DAEMON_IMAGE.test(rest) || (rest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(rest)))
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(rest)} is not an image reference or a sha256:<64 hex> image ID`;
        return { line, transport: t, path: rest };
    }
    const colon = rest.indexOf(':');
    const file = colon < 0 ? rest : rest.slice(0, colon);
    const reference = colon < 0 ? undefined : rest.slice(colon + 1);
    if (!file)
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: names no ${t === 'oci' ? 'directory' : 'file'} after ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${t}:`)}`;
    if (reference !== undefined && !LOCAL_REFERENCE.test(reference))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(reference)} is not an image reference (org.opencontainers.image.ref.name or repo:tag)`;
    return { line, transport: t, path: file, ...(reference !== undefined ? { reference } : {}) };
}
const TAG_PREFIX = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;
/**
 * One line of `sources` on `registry`/`image` (both validated): a bare tag or digest of the image itself,
 * `repo:tag`, `repo@digest` or `repo:tag@digest` on the same registry, or a reference with its own registry
 * host. A trailing `*` makes the tag a prefix. A local image has its transport first (`oci:dir`). Throws an
 * InputProblem saying why when the line is none of these.
 */
function parseSource(line, registry, image) {
    const source = sourceOrWhy(line, registry, image);
    if (typeof source === 'string')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(source);
    return source;
}
/** parseSource's reading, with the reason as a string: its helpers return one at the first thing wrong. */
function sourceOrWhy(line, registry, image) {
    const local = parseLocal(line);
    if (local !== undefined)
        return local;
    const glob = line.endsWith('*');
    const body = glob ? line.slice(0, -1) : line;
    if (body.includes('*'))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: "*" may only end a line (a tag prefix)`;
    const plain = !/[/:@]/.test(body);
    if (!glob && /^[A-Za-z][A-Za-z0-9]*:/.test(body) && !body.includes('/') && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(body))
        return { line, registry, name: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .remotePath */ .QZ)(registry, image), digest: body };
    if (plain)
        return finish(line, registry, image, glob ? { prefix: body } : { tag: body });
    let repo;
    let pin;
    const at = body.indexOf('@');
    if (at >= 0) {
        if (glob)
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: a digest cannot end in "*"; a glob is a tag prefix`;
        repo = body.slice(0, at);
        pin = { digest: body.slice(at + 1) };
        if (!(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(pin.digest))
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(pin.digest)} is not a digest like sha256:<hex>`;
        // `name:tag@digest`, as docker takes it: the digest decides, the tag is only checked for its grammar.
        const colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            const tag = repo.slice(colon + 1);
            if ((0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag))
                return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(tag)}: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag)}`;
            repo = repo.slice(0, colon);
        }
    }
    else {
        const colon = body.lastIndexOf(':');
        if (colon <= body.lastIndexOf('/')) {
            if (glob)
                return finish(line, registry, image, { prefix: '' }, body);
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)} names no tag or digest; write ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${body}:TAG`)} or ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${body}@sha256:\u2026`)}`;
        }
        repo = body.slice(0, colon);
        const tag = body.slice(colon + 1);
        pin = glob ? { prefix: tag } : { tag };
    }
    return finish(line, registry, image, pin, repo);
}
function finish(line, registry, image, pin, repo) {
    let host = registry;
    let path = repo ?? image;
    const slash = path.indexOf('/');
    if (repo !== undefined && slash > 0 && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .looksLikeHost */ .oc)(path.slice(0, slash))) {
        host = path.slice(0, slash);
        path = path.slice(slash + 1);
        const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .hostProblem */ .Q8)(host) ?? (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .registryProblem */ .T7)(host);
        if (problem)
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: the registry ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(host)} ${problem}`;
        host = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRegistry */ .l5)(host);
    }
    const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .pathProblem */ .z9)(path);
    if (problem)
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(path)} is not a repository path: ${problem}`;
    const long = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .nameLengthProblem */ .nz)(host, path);
    if (long)
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${long}`;
    if (pin.tag !== undefined && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(pin.tag))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(pin.tag)}: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(pin.tag)}`;
    if (pin.prefix !== undefined && !TAG_PREFIX.test(pin.prefix))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(pin.prefix)} cannot begin a tag: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)('-')}`;
    return { line, registry: host, name: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .remotePath */ .QZ)(host, path), ...pin };
}
/** The inputs that shape a build beyond those marked buildx-only in the table. */
const BUILD_INPUTS = [
    'context',
    'file',
    'buildArgs',
    'labels',
    'target',
    'noCache',
    'pull',
    'load',
    'addHosts',
    'network',
    'shmSize',
    'ulimit',
    'cgroupParent'
];
/**
 * buildx inputs that mean something without a build: `annotations` go on a merge's index, and `sbom: true`
 * asks for the SBOM files of what is pushed.
 */
const WITH_SOURCES = ['annotations', 'sbom'];
/**
 * Throws an InputProblem naming the input that cannot go together with `sources`: `platforms` and every
 * other build input must be at its default (`defaults`, read as the parser reads them), and the result is
 * pushed.
 */
function checkSourcesAlone(values, defaults) {
    if (!values.push)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')} always pushes (the sources are put in the registry): ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)('push', 'true')}`, 'push');
    if (values.platforms.length)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`cannot be used with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: nothing is built, and each source brings its own platforms`, 'platforms');
    if (values.sbom.trim() !== '' && (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_3__/* .goBool */ .B)(values.sbom.trim()) === undefined)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')} nothing is built: only true (write the SBOM files the pushed image carries) or false`, 'sbom');
    for (const [key, row] of _table_js__WEBPACK_IMPORTED_MODULE_0__/* .ROWS */ .Ir) {
        if (key === 'sources' || WITH_SOURCES.includes(key) || (!row.buildx && !BUILD_INPUTS.includes(key)))
            continue;
        if (JSON.stringify(values[key]) !== JSON.stringify(defaults[key]))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`cannot be used with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: nothing is built from sources, so build inputs must keep their defaults`, (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(key));
    }
}
/**
 * `annotations` with `sources`, as key \u2192 value for the merged index: a merge writes only the index (the
 * platform manifests stay as they are), so only `index:` or unprefixed ones apply. An InputProblem otherwise.
 */
function indexAnnotations(lines) {
    const out = {};
    for (const line of lines) {
        const a = (0,_metadata_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnnotation */ .fr)(line);
        if (a.levels.some(l => l.level !== 'index'))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: a merge writes only the index; the platform manifests stay as they are, so only index annotations apply`);
        out[a.key] = a.value;
    }
    return out;
}


/***/ }),

/***/ 6080:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ir: () => (/* binding */ ROWS),
  f$: () => (/* reexport */ input_ref/* actionTerm */.f$),
  GI: () => (/* binding */ flagName),
  yu: () => (/* binding */ inputName),
  BB: () => (/* binding */ isListKind),
  KR: () => (/* reexport */ input_ref/* ref */.KR),
  nx: () => (/* reexport */ input_ref/* renderInputRefs */.nx),
  TJ: () => (/* binding */ rowByName),
  Pe: () => (/* reexport */ input_ref/* setting */.Pe)
});

// UNUSED EXPORTS: INPUTS

;// CONCATENATED MODULE: ./src/inputs/build-rows.ts
const BUILD_ROWS = {
    platforms: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: target platforms, e.g. `linux/amd64,linux/arm64`. Several platforms are pushed as one index.',
        cli: {
            flag: 'platform',
            value: 'LIST',
            help: 'buildx platforms, e.g. linux/amd64,linux/arm64; repeatable'
        }
    },
    cacheFrom: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: "buildx: cache sources, one spec per line (`type=registry,ref=\u2026`, `type=gha`). A `type=gha` entry without `scope=` gets the image's own (with `-<target>` when `target` is set), so that images built in one workflow keep apart caches; the log says so once.",
        cli: { value: 'SPEC', help: 'buildx cache source; repeatable' }
    },
    cacheTo: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: cache destinations, one per line. An export that fails (the cache unreachable, refused, full) is a warning, not a failed build; a destination buildx cannot set up at all (a bad token, an unknown type) still fails it. A `type=gha` entry gets the scope `cache-from` gets, and `repository=` and `ghtoken=` (the `github-token`) as build-push-action adds them, unless given.',
        cli: { value: 'SPEC', help: 'buildx cache destination; repeatable' }
    },
    provenance: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: `--provenance` (`true`, `false`, `mode=max`; booleans as buildx reads them: `1`, `0`, `t` \u2026). In a workflow run the provenance names the run as its builder (`builder-id=<server>/<owner/repo>/actions/runs/<id>/attempts/<n>`, as build-push-action sets it) unless a `builder-id` is given. It takes precedence over a provenance entry in `attests`.',
        cli: { value: 'VALUE', help: 'buildx provenance attestation (true, false, mode=max)' }
    },
    sbom: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: `--sbom`. With `sources`, nothing is built: `true` writes the SBOM files that the pushed image carries (`sbom-path`), which are not read otherwise.',
        cli: { value: 'VALUE', help: 'buildx SBOM attestation; with sources, true writes its files' }
    },
    secrets: {
        kind: 'lines',
        default: '',
        buildx: true,
        secret: true,
        untrimmed: true,
        description: 'buildx: build secrets, one `id=value` per line, for `RUN --mount=type=secret,id=\u2026`. Values are masked and kept as given, trailing whitespace and newlines included (quote a multi-line value whole: `"id=\u2026"`). An empty value is left out with a warning, as build-push-action leaves it out.',
        cli: {
            flag: 'secret',
            value: 'ID=ENV',
            from: 'env',
            help: "a build secret whose value is read from the environment variable ENV, or docker's id=ID[,env=ENV|,src=FILE]; repeatable"
        }
    },
    secretFiles: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: build secrets from files, one `id=path` per line (a PEM key, any multi-line secret). Each file must exist.',
        cli: { flag: 'secret-file', value: 'ID=PATH', help: 'a build secret read from a file; repeatable' }
    },
    secretEnvs: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: build secrets from environment variables, `id=ENVNAME`, separated by newlines and/or commas. Values are masked; an unset or empty variable gives an empty secret with a warning, as build-push-action passes it.',
        cli: {
            flag: 'secret-env',
            value: 'ID=ENV',
            help: 'a build secret read from an environment variable; repeatable'
        }
    },
    builder: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: builder name (setup-buildx-action, or `docker buildx create --driver remote \u2026`).',
        cli: { value: 'NAME', help: 'buildx builder' }
    },
    addHosts: {
        kind: 'list',
        default: '',
        description: 'Extra `/etc/hosts` entries for `RUN`, `host:ip`, separated by newlines and/or commas (`docker build --add-host`).',
        cli: { flag: 'add-host', value: 'HOST:IP', help: 'an /etc/hosts entry for RUN; repeatable' }
    },
    network: {
        kind: 'string',
        default: '',
        description: 'Network mode for `RUN` (`default`, `none`, `host`; the classic builder also takes a network name).',
        cli: { value: 'MODE', help: 'network mode for RUN (default, none, host)' }
    },
    shmSize: {
        kind: 'string',
        default: '',
        description: 'Size of `/dev/shm` for `RUN`: bytes with an optional unit, e.g. `128m`, `1g`.',
        cli: { value: 'SIZE', help: 'size of /dev/shm for RUN, e.g. 128m' }
    },
    ulimit: {
        kind: 'lines',
        default: '',
        description: 'Ulimits for `RUN`, one `name=soft[:hard]` per line, e.g. `nofile=1024:2048`.',
        cli: { value: 'NAME=SOFT[:HARD]', help: 'a ulimit for RUN; repeatable' }
    },
    cgroupParent: {
        kind: 'string',
        default: '',
        description: 'Parent cgroup for `RUN` (`docker build --cgroup-parent`).',
        cli: { value: 'PATH', help: 'parent cgroup for RUN' }
    },
    allow: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: extra privileged entitlements, e.g. `network.host`, `security.insecure` (the builder must allow them too).',
        cli: { value: 'ENTITLEMENT', help: 'buildx entitlement, e.g. network.host; repeatable' }
    },
    buildContexts: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: named contexts for `FROM name` and `COPY --from=name`, one `name=source` per line; the source is a path, a git or https URL, `docker-image://ref` or `oci-layout://path`.',
        cli: { flag: 'build-context', value: 'NAME=SRC', help: 'buildx named build context; repeatable' }
    },
    ssh: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: SSH agent sockets or keys for `RUN --mount=type=ssh`: `default` (the agent at `SSH_AUTH_SOCK`) or `id=path`.',
        cli: { value: 'default|ID=PATH', help: 'buildx SSH agent or key for RUN; repeatable' }
    },
    githubToken: {
        kind: 'string',
        default: '${{ github.token }}',
        secret: true,
        description: "Token for GitHub: BuildKit fetches git contexts on the GitHub host with it (`{{defaultContext}}`, as a `GIT_AUTH_TOKEN.<host>` build secret), and the OCI labels read the repository's title, description, URL and license from the API at `GITHUB_API_URL`. Masked; never in the log, and in argv only as a `type=gha` cache export's `ghtoken=`, as build-push-action passes it.",
        cli: {
            flag: 'github-token-env',
            value: 'VAR',
            from: 'env-name',
            help: 'environment variable holding the token for git contexts on GitHub (default GITHUB_TOKEN)'
        }
    },
    annotations: {
        kind: 'lines',
        default: '',
        comments: true,
        buildx: true,
        description: "buildx: OCI annotations, one `key=value` per line, with an optional `index:`, `manifest:`, `manifest-descriptor:` or `index-descriptor:` level prefix. As with buildx, a prefix may name several levels (`index,manifest:`), each optionally for one platform (`manifest[linux/amd64]:`). Without a prefix they join the automatic OCI annotations at each of their levels and override them, as metadata-action's do; with one, at that level. Expressions are rendered, and any other `{{\u2026}}` kept as written, as in `labels`. With `sources`, `index:` (or unprefixed) annotations go on the merged index.",
        cli: { flag: 'annotation', value: '[LEVEL[,LEVEL\u2026]:]K=V', help: 'buildx OCI annotation; repeatable' }
    },
    attests: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: attestations, one `type=sbom` or `type=provenance,\u2026` per line (`--attest`). A provenance entry gets the run as its builder as `provenance` does; `provenance` and `sbom`, when set, take precedence over an entry of their type.',
        cli: { flag: 'attest', value: 'SPEC', help: 'buildx attestation, e.g. type=sbom; repeatable' }
    },
    noCacheFilters: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: stages to build without cache, separated by newlines and/or commas.',
        cli: { flag: 'no-cache-filter', value: 'STAGE', help: 'buildx stage to build without cache; repeatable' }
    },
    call: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx 0.15 or later: what the build evaluates: `build` (the default), `check` (Dockerfile checks, findings as annotations), `outline` or `targets`. Anything but `build` pushes nothing.',
        cli: { value: 'METHOD', help: 'buildx 0.15+: build, check, outline or targets' }
    }
};

// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __nccwpck_require__(7571);
;// CONCATENATED MODULE: ./src/inputs/table.ts
// Every input, once. This table drives the action's parser (parse.ts), the CLI's flags, usage and --help
// (cli/main.ts), the test fixture, and the generated parts of action.yml and the docs. Adding an input is one
// row here (or in build-rows.ts for a build option) plus the code that uses it, and its place in groups.ts.

const INPUTS = {
    context: {
        kind: 'string',
        default: '.',
        description: 'Build context: a directory, or a git URL that docker build accepts (`https://github.com/o/r.git#branch:subdir`).',
        cli: { value: 'DIR|URL', help: 'build context: a directory or a git URL (default .)' }
    },
    sources: {
        kind: 'lines',
        default: '',
        comments: true,
        description: 'Images already built, one per line; nothing is built. In a registry: a bare tag or `sha256:\u2026` is on `image`, `repo:tag` and `repo@digest` on `registry`, or give a full reference with its host; a trailing `*` takes every tag with that prefix. On this machine: `docker-daemon:<ref or image ID>`, `oci:<dir>[:<ref>]`, `oci-archive:<file>[:<ref>]`, `docker-archive:<file>[:<ref>]` (the last three need no docker engine). One source is copied byte for byte to every tag (promote); several are merged into one index ([multi-platform runners](#sources-merge-and-promote-without-a-build)).',
        cli: {
            flag: 'source',
            value: 'REF',
            help: 'an image to promote or merge instead of building (a registry reference, or docker-daemon:, oci:, oci-archive:, docker-archive:); repeatable'
        }
    },
    file: {
        kind: 'string',
        default: '',
        description: 'Dockerfile path: with a directory context, relative to the working directory (as `docker build -f` takes it); with a git context, inside the context (`Dockerfile` for `\u2026#main:app`, not `app/Dockerfile`). Empty means `Dockerfile` in the context.',
        cli: { value: 'PATH', help: 'Dockerfile (default: Dockerfile in the context)' }
    },
    image: {
        kind: 'string',
        default: '',
        description: "Repository path such as `my/nginx` or `${{ github.repository }}`, under `registry`. Needed to push or to tag by rules, unless `images`, full references in `tags` or an image output's `name=` say where; left empty, a word in `tags` names an image as in build-push-action (`myapp` is `docker.io/myapp:latest`, said in a notice), and a build that pushes nothing (`push: false`, files exported) needs no name. Uppercase is lowercased with a notice. A tag, digest or host in it is an error.",
        cli: {
            value: 'PATH',
            help: 'repository path, e.g. my/app (needed to push, unless --images, full references in --tag or an --output name=)'
        }
    },
    registry: {
        kind: 'string',
        default: 'docker.io',
        description: 'Registry `host[:port]`: `ghcr.io`, `localhost:5000`, `[::1]:5000`.',
        cli: { value: 'HOST', help: 'registry host[:port] (default docker.io), e.g. localhost:5000' }
    },
    images: {
        kind: 'lines',
        default: '',
        comments: true,
        description: 'Full image names, one per line, as metadata-action takes them (`ghcr.io/octo/app`, or `name=docker.io/octo/app,enable=false`). Instead of `registry` + `image`: every tag goes to every image, and each registry must serve the one digest.',
        cli: {
            flag: 'images',
            value: 'NAME',
            help: 'a full image name (host/path); repeat for several registries'
        }
    },
    registryAuth: {
        kind: 'string',
        default: '',
        secret: true,
        description: "Logins, one per registry, as login-action's YAML list (read with js-yaml, as login-action reads it): `- registry: ghcr.io` / `username: \u2026` / `password: \u2026`; login-action's `ecr` and `scope` keys are accepted. Passwords are masked before anything else runs and go to `docker login` on stdin. For several registries; `username`/`password` stay for one.",
        cli: {
            flag: 'registry-auth-file',
            value: 'PATH',
            from: 'file',
            help: 'a file with the registry-auth list (YAML), kept out of argv'
        }
    },
    tags: {
        kind: 'lines',
        default: '',
        keepQuotes: true,
        description: "Bare tags (newline and/or comma separated), metadata-action's rules (one `type=\u2026` line each, CSV, quoted fields allowed; [table](#tag-rules)), or full references such as `ghcr.io/octo/app:1.0` instead of `image` (each image gets exactly the tags named for it, as build-push-action pushes them; `registry` may stay, as login-action's, where they all go to it). With `image` and `images` empty every word is a reference, as build-push-action reads it: `myapp` is `docker.io/myapp:latest`. Empty derives them from the git context ([table](#automatic-tags-and-labels)).",
        cli: {
            flag: 'tag',
            value: 'TAG',
            help: 'a tag, a type=\u2026 rule or a full reference; repeat for more (default: latest, or from the git context in Actions)'
        }
    },
    flavor: {
        kind: 'lines',
        default: '',
        description: "metadata-action's flavor for the rules, one entry per line: `latest=auto` (or `true`, `false`), `prefix=\u2026[,onlatest=true]`, `suffix=\u2026[,onlatest=true]`.",
        cli: { value: 'SPEC', help: 'tag rules flavor (latest=auto|true|false, prefix=\u2026, suffix=\u2026); repeatable' }
    },
    sepTags: {
        kind: 'string',
        default: '',
        untrimmed: true,
        description: 'Separator of the `tags` output. Empty means a newline.',
        cli: { value: 'SEP', help: 'separator of the tags output (default newline)' }
    },
    sepLabels: {
        kind: 'string',
        default: '',
        untrimmed: true,
        description: 'Separator of the `labels` output. Empty means a newline.',
        cli: { value: 'SEP', help: 'separator of the labels output (default newline)' }
    },
    sepAnnotations: {
        kind: 'string',
        default: '',
        untrimmed: true,
        description: 'Separator of the `annotations` output. Empty means a newline.',
        cli: { value: 'SEP', help: 'separator of the annotations output (default newline)' }
    },
    buildArgs: {
        kind: 'key-value',
        bareKeys: true,
        default: '',
        description: "One `KEY=VALUE` per line; values may contain commas and `=`. A `KEY` alone takes the variable's value from the build's environment, as docker does (left out when unset); the build's environment has this run's `DOCKER_METADATA_OUTPUT_*`, so `DOCKER_METADATA_OUTPUT_VERSION` alone passes this run's version.",
        cli: {
            flag: 'build-arg',
            value: 'K[=V]',
            help: 'a build argument, K alone from the environment; repeatable'
        }
    },
    labels: {
        kind: 'key-value',
        default: '',
        comments: true,
        description: "One `KEY=VALUE` per line. They override the automatic OCI labels. Expressions such as `{{branch}}` or `{{date 'YYYYMMDD'}}` are rendered, as in the tag rules (`\\{{` keeps the braces); any other `{{\u2026}}`, such as a Helm template in a repository description that metadata-action's `labels` output passes on, stays as written, with a notice.",
        cli: { flag: 'label', value: 'K=V', help: 'an image label; repeatable' }
    },
    target: {
        kind: 'string',
        default: '',
        description: 'Build stage to stop at.',
        cli: { value: 'STAGE', help: 'build stage to stop at' }
    },
    push: {
        kind: 'boolean',
        default: 'true',
        unsetInAction: true,
        description: 'Push. With `false` the image is only built and tagged. Not given, it is `true`; beside `outputs`, which then decide, only a `true` given outright also pushes, as build-push-action adds `--push`.',
        cli: { help: 'build and tag only', onHelp: 'push, beside an --output that exports files too' }
    },
    load: {
        kind: 'boolean',
        default: 'false',
        description: 'Also load the image into the local image store (buildx `--load`). With buildx the image is pushed straight from BuildKit, so without `load` it may not be in the local store (the `docker` driver keeps it anyway). The classic engine always keeps it.',
        cli: { help: 'buildx: also load the image into the local image store' }
    },
    outputs: {
        kind: 'lines',
        default: '',
        buildx: true,
        keepQuotes: true,
        description: "buildx: `--output` specs, one per line (`type=local,dest=out`, `type=oci,dest=img.tar`, `type=registry`), quotes kept for buildx's own CSV reader (`type=image,\"name=a:1,a:2\",push=true`). When set they decide where the result goes: an output that only exports files pushes nothing and yields no digest, unless `push: true` is given outright (build-push-action's `--push`). With no `image`, `images` or references in `tags`, an image, registry or docker output's `name=` names the targets. With `push-by-digest=true` (docker's multi-runner recipe) nothing is tagged: buildx gets each image's name without a tag (or the output's `name=` alone), `digest` is verified at name@digest on each, and `tags` is empty; buildx's docker driver cannot do it (an input error). On that driver, outputs that load and push one image (`type=docker` beside `push: true`, `type=registry` beside `load: true`) load it once and `docker push` it, as `load` with `push` does.",
        cli: { flag: 'output', value: 'SPEC', help: 'buildx output spec (type=local,dest=DIR, \u2026); repeatable' }
    },
    noCache: {
        kind: 'boolean',
        default: 'false',
        description: 'Build without cache.',
        cli: { help: 'build without cache' }
    },
    pull: {
        kind: 'boolean',
        default: 'false',
        description: 'Always pull newer base images.',
        cli: { help: 'always pull base images' }
    },
    username: {
        kind: 'string',
        default: '',
        description: 'Registry username. With `password`, logs in before the build.',
        cli: { value: 'USER', help: 'registry user; the password is read from stdin (--password-stdin)' }
    },
    password: {
        kind: 'string',
        default: '',
        secret: true,
        description: 'Registry password or token: on stdin only, masked. Surrounding whitespace is trimmed, as docker trims it.',
        cli: { flag: 'password-stdin', from: 'stdin', help: 'read the registry password from stdin' }
    },
    ecr: {
        kind: 'choice',
        default: 'auto',
        choices: ['auto', 'true', 'false'],
        description: "Whether `registry` is AWS ECR, as login-action's `ecr`: `auto` detects it from the host (`<account>.dkr.ecr.<region>.amazonaws.com` and its other forms, `public.ecr.aws`). An ECR login comes from `GetAuthorizationToken` with the AWS credentials and region in the environment; `username`/`password` are then an access key id and its secret. In `registry-auth`, each entry has its own `ecr` key.",
        cli: { value: 'auto|true|false', help: 'whether the registry is AWS ECR (default auto: from the host)' }
    },
    keepLogin: {
        kind: 'boolean',
        default: 'false',
        unsetInAction: true,
        description: "Keep the logins for the job's later steps (`docker`, `cosign`, `crane`, `actions/attest` \u2026), as login-action does: static `auths` entries in the job's docker config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), used for those registries even where the config names a `credsStore`. The post step removes exactly those entries and puts back what was there before. With `false` nothing of the login outlives this step.",
        cli: { help: 'not for the CLI: it has no post step to remove the login' }
    },
    logout: {
        kind: 'boolean',
        default: 'true',
        description: "login-action's `logout`, for workflows moving from it: `false` keeps the logins for the job's later steps, as `keep-login: true` does, and the post step still removes them when the job ends (login-action leaves them on a self-hosted runner). `true` asks for nothing more: the logins are gone at the job's end either way. `false` beside `keep-login: false` is an error."
    },
    declareArtifacts: {
        kind: 'boolean',
        default: 'true',
        description: "Declare each pushed image to the runner as `oci://<image-name>@<digest>` in `GITHUB_ARTIFACTS` (where the runner offers it), for `actions/attest` without `subject-name`. Turn it off when another step declares the same names, or to give attest's `push-to-registry` one subject of several targets through `subject-name`.",
        cli: { flag: 'no-artifacts', help: 'do not append the pushed images to $GITHUB_ARTIFACTS' }
    },
    retries: {
        kind: 'number',
        default: '3',
        min: 1,
        max: 10,
        description: 'Total attempts (1-10) for pushes, login and verification requests that fail transiently.',
        cli: { value: 'N', help: 'attempts for transient failures, 1-10 (default 3)' }
    },
    ...BUILD_ROWS
};
/** `buildArgs` \u2192 `build-args`: the action.yml name of a table key. */
const inputName = (key) => key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
const ROWS = Object.entries(INPUTS);
/** Kinds whose CLI flag may be repeated, each occurrence one entry. */
const isListKind = (kind) => kind === 'list' || kind === 'lines' || kind === 'key-value';
/** The CLI flag name (no dashes) of a row. */
function flagName(key) {
    const row = INPUTS[key];
    if (row.cli?.flag)
        return row.cli.flag;
    if (row.kind === 'boolean' && row.default === 'true')
        return `no-${inputName(key)}`;
    return inputName(key);
}
/** The row for an action.yml name, if there is one. */
function rowByName(name) {
    return ROWS.find(([key]) => inputName(key) === name);
}



/***/ }),

/***/ 4480:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E_: () => (/* binding */ parseFullRef),
/* harmony export */   e9: () => (/* binding */ groupRefs),
/* harmony export */   oS: () => (/* binding */ classifyTags)
/* harmony export */ });
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3881);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(652);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6080);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5378);
/* harmony import */ var _metadata_rules_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1398);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2020);
// The `tags` input's three kinds of entry: metadata-action's rule lines (`type=\u2026`), bare tags (`v1`,
// `latest`), and full references as build-push-action takes them (`ghcr.io/octo/app:1.0`), which name
// their own image. Pure: a mistake is an InputProblem, and the caller names the input (targets.ts).






/**
 * A reference as docker reads `-t`: `[host[:port]/]path[:tag]`, the tag `latest` when none. The host is
 * the first component when it has a "." or ":" or is "localhost", as docker decides it.
 */
function parseFullRef(text) {
    if (text.includes('@'))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} has a digest; a tag names what is pushed, so give name:tag`);
    const slash = text.lastIndexOf('/');
    const colon = text.lastIndexOf(':');
    const [name, tag] = colon > slash ? [text.slice(0, colon), text.slice(colon + 1)] : [text, 'latest'];
    const first = name.split('/')[0];
    const hasHost = name.includes('/') && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .looksLikeHost */ .oc)(first);
    const registry = hasHost ? first : _core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .DOCKER_HUB */ .Xb;
    const image = hasHost ? name.slice(first.length + 1) : name;
    if (hasHost) {
        const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .registryProblem */ .T7)(registry);
        if (problem)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(registry)} ${problem}`);
    }
    const pathIssue = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .pathProblem */ .z9)(image);
    if (pathIssue)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} is not a valid reference: ${pathIssue}`);
    const length = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .nameLengthProblem */ .nz)(registry, image);
    if (length)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} is too long: ${length}`);
    const tagIssue = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .tagProblem */ .qH)(tag);
    if (tagIssue)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} has an invalid tag: ${tagIssue}`);
    return { registry: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeRegistry */ .l5)(registry), image: image.replace(/^library\/(?=[^/]+$)/, ''), tag };
}
/** A line of tags or references as build-push-action reads `tags`: CSV, quoted entries kept whole. */
const tagEntries = (line) => (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvList */ .F)(line), m => `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${m}`);
/** A bare entry is a reference when it has a "/" or ":" (no tag does). */
const isReference = (entry) => entry.includes('/') || entry.includes(':');
/** References grouped by image, each image's tags in order, each once. */
function groupRefs(refs) {
    const groups = new Map();
    for (const r of refs) {
        const key = `${r.registry}/${r.image}`;
        const group = groups.get(key) ?? { registry: r.registry, image: r.image, tags: [] };
        if (r.tag !== undefined && !group.tags.includes(r.tag))
            group.tags.push(r.tag);
        groups.set(key, group);
    }
    return [...groups.values()];
}
/**
 * Sorts the `tags` lines into rules, bare tags and full references. A line starting with `type=` is one
 * rule, CSV-read (quoted fields may hold commas); a line starting with `#` is a comment, as
 * metadata-action reads it; any other line holds bare tags or references, comma-separated. With
 * `bareAreRefs` (no image to tag) a bare word is a reference too, as build-push-action reads `tags`:
 * `myapp` is `docker.io/myapp:latest`.
 */
function classifyTags(lines, bareAreRefs = false) {
    const rules = [];
    const tags = [];
    const found = [];
    const bareRefs = [];
    for (const line of lines) {
        const text = line.trim();
        if (text === '' || text.startsWith('#'))
            continue;
        if (/^type\s*=/i.test(text)) {
            const records = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvRecords */ .X)(text), m => `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)}: ${m}`);
            rules.push((0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_metadata_rules_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRule */ .iT)(records.flat(), text), m => `rule ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)}: ${m}`));
            continue;
        }
        for (const entry of tagEntries(text)) {
            if (isReference(entry)) {
                found.push(parseFullRef(entry));
                continue;
            }
            if (bareAreRefs && !entry.includes('=') && !entry.includes('{{')) {
                found.push((0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => parseFullRef(entry), m => `${m} (with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('image')} empty, a word in ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('tags')} names an image, as in build-push-action: give ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('image')} to make it a tag)`));
                if (!bareRefs.includes(entry))
                    bareRefs.push(entry);
                continue;
            }
            if (entry.includes('=') || entry.includes('{{'))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(entry)} is not a tag; a rule line starts with type= (e.g. type=raw,value=${entry})`);
            const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .tagProblem */ .qH)(entry);
            if (problem)
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(entry)} is not a valid tag: ${problem}`);
            if (!tags.includes(entry))
                tags.push(entry);
        }
    }
    const refs = groupRefs(found);
    if (refs.length && (rules.length || tags.length))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`full references (${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${refs[0].registry}/${refs[0].image}:${refs[0].tags[0]}`)}) name their own image, so they cannot be mixed with ${rules.length ? 'rules' : 'bare tags'}; give either full references only, or ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('image')} with bare tags and rules`);
    return { rules, tags, refs, bareRefs };
}


/***/ }),

/***/ 254:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ checkSecretSources),
/* harmony export */   Q8: () => (/* binding */ SECRET_ID_RULE),
/* harmony export */   dR: () => (/* binding */ SECRET_ID),
/* harmony export */   wY: () => (/* binding */ VALIDATORS)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6080);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1551);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(652);
/* harmony import */ var _build_options_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8042);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(2020);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(4480);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(5378);
/* harmony import */ var _core_platform_spec_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(2418);
// What one input needs beyond its kind's reading: names, platforms, specs and secrets checked before any
// build. Each is pure and throws an InputProblem saying the rule; the row it reads names the input.











const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/**
 * A build secret's id, as every secret input and the CLI's --secret take it: what buildx's and the
 * Dockerfile's CSV fields can carry unquoted (no `,`, `=` or `"`), with no whitespace, which is a typo
 * (`tok = x`) that would leave the Dockerfile's `id=tok` without its secret. BuildKit's own ids have dots and
 * colons: `GIT_AUTH_TOKEN.<host:port>`.
 */
const SECRET_ID = /^[^\s,="]+$/;
/** SECRET_ID in words, for the messages that refuse one. */
const SECRET_ID_RULE = 'an id without whitespace, ",", "=" or \'"\'';
/** The registry host an image goes to, Docker Hub when empty. */
function parseRegistry(raw) {
    const value = raw || _core_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .DOCKER_HUB */ .Xb;
    const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .registryProblem */ .T7)(value);
    if (problem)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(value)} ${problem}`);
    return (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .normalizeRegistry */ .l5)(value);
}
/**
 * `--platform` entries as buildx reads them: split at commas (it splits the joined flag there, untrimmed),
 * each parsed as it parses one; passed on as written. A platform named again in another spelling
 * (`linux/x86_64` after `linux/amd64`) is dropped with a notice: buildx 0.13 would put it in the index twice.
 * What leaves a part to the host (`local`, `arm64`) is never taken for a repeat, since the host buildx sees
 * may differ in its variant.
 */
function platformList(list, notices) {
    const seen = new Map();
    const out = [];
    for (const specifier of list.flatMap(entry => entry.split(','))) {
        const platform = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .reworded */ .F)(() => (0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .parseBuildxPlatform */ .L0)(specifier), message => `${message}; a platform is ${_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .SPECIFIER_FORMS */ .rE}`);
        const key = (0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .namesHost */ .$r)(specifier) ? undefined : (0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .formatSpecifier */ .Gp)(platform);
        const first = key === undefined ? undefined : seen.get(key);
        if (first !== undefined) {
            notices.push(`platform ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(specifier)} is ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(first)} again (${key}): it is built once`);
            continue;
        }
        if (key !== undefined)
            seen.set(key, specifier);
        out.push(specifier);
    }
    return out;
}
/** Stage and builder names: plain words, so nothing can be read as a flag. */
function plainName(value) {
    if (value !== '' && !STAGE.test(value))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(value)} is not a valid name: letters, digits, "_", "." and "-"`);
    return value;
}
/** `type=\u2026,key=value` specs, or buildx's shorthand: registry references, comma-separated, no `=`. */
function cacheSpecs(specs) {
    for (const spec of specs)
        if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+(,[^=,]+)*$/.test(spec))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(spec)} is not a cache spec like type=registry,ref=host/repo:cache`);
    return specs;
}
const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker', 'image', 'registry', 'cacheonly'];
/**
 * `type=\u2026,key=value` specs, or a bare path (buildx reads it as type=local,dest=PATH). A push by digest
 * names repositories only: BuildKit refuses to push a tagged name by digest.
 */
function outputSpecs(specs) {
    for (const spec of specs) {
        const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1];
        if (spec.startsWith('-') || (type === undefined ? spec.includes('=') : !OUTPUT_TYPES.includes(type)))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(spec)} is not an output spec: type=${OUTPUT_TYPES.join('|')},\u2026 (e.g. type=local,dest=out)`);
        if (!_build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .pushesByDigest */ .iq(spec) || !_build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .pushesOutput */ .Ij(spec))
            continue;
        for (const name of _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .outputNames */ .gr(spec)) {
            if (name.includes('@') || name.lastIndexOf(':') > name.lastIndexOf('/'))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(spec)}: name ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(name)} has a tag or digest; push-by-digest=true pushes a repository by its digest alone, so name it without one`);
            (0,_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFullRef */ .E_)(name);
        }
    }
    return specs;
}
/**
 * id=value entries; the value is kept as given, trailing whitespace and newlines included (a PEM key
 * needs its final newline), as build-push-action 7.3 keeps it. Errors never echo a value. An empty value
 * (`tok=`, what `${{ secrets.X }}` gives a fork's pull request) is left out with a warning, as
 * build-push-action leaves it out: a `required=true` mount then fails rather than reading an empty file.
 */
function secretLines(lines, _notices, warnings) {
    const kept = [];
    lines.forEach((line, i) => {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .splitKeyValue */ .px)(line.trimStart());
        if (!kv || !SECRET_ID.test(kv.key))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`entry ${i + 1} must be id=value with ${SECRET_ID_RULE}; quote a multi-line secret whole ("id=\u2026"), or put it in ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('secret-files', 'secret-envs')}`);
        if (kv.value === '')
            warnings.push(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('secrets')}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(kv.key)} has an empty value, so the build gets no such secret (as build-push-action leaves it out)`);
        else
            kept.push(`${kv.key}=${kv.value}`);
    });
    return kept;
}
/**
 * `id=path` or `id=ENVNAME` entries (parseInputs checks that the file exists). One with nothing after the
 * `=` is left out with a warning, as build-push-action leaves out any secret entry with an empty value.
 */
const secretSources = (input, what) => (lines, _notices, warnings) => {
    const kept = [];
    lines.forEach((line, i) => {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .splitKeyValue */ .px)(line);
        if (!kv || !SECRET_ID.test(kv.key))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`entry ${i + 1} must be id=${what} with ${SECRET_ID_RULE}`);
        const value = kv.value.trim();
        if (value === '')
            warnings.push(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)(input)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(kv.key)} names no ${what === 'path' ? 'file' : 'variable'}, so the build gets no such secret (as build-push-action leaves it out)`);
        else
            kept.push(`${kv.key}=${value}`);
    });
    return kept;
};
/**
 * Each `id=path` names a file, before any build. An `id=ENVNAME` whose variable is unset or empty is passed
 * empty, as build-push-action passes it (BuildKit reads the variable, and an unset one as empty), with a
 * warning: a `required=true` mount then reads an empty file.
 */
function checkSecretSources(files, envs, cwd, env, warnings) {
    for (const line of files) {
        const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .splitKeyValue */ .px)(line);
        if (!_build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .isFile */ .fo(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, value)))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('secret-files', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(value)} is not a file`);
    }
    for (const line of envs) {
        const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .splitKeyValue */ .px)(line);
        if (!env[value])
            warnings.push(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('secret-envs')}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(key)}: the variable ${value} is ${env[value] === undefined ? 'not set' : 'empty'}, so the build gets the secret empty (as build-push-action passes it)`);
    }
}
/** docker trims the password it sends; do the same, so that what we mask is what docker uses. */
function trimPassword(raw, notices) {
    const trimmed = raw.trim();
    if (trimmed !== raw && trimmed !== '')
        notices.push(`the password's surrounding whitespace was trimmed, as docker trims it`);
    return trimmed;
}
/** What an input needs beyond its kind's reading. */
const VALIDATORS = {
    registry: parseRegistry,
    target: plainName,
    builder: plainName,
    password: trimPassword,
    platforms: (list, notices) => platformList(list, notices),
    cacheFrom: cacheSpecs,
    cacheTo: cacheSpecs,
    provenance: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .attestationValue */ .q7,
    sbom: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .attestationValue */ .q7,
    outputs: outputSpecs,
    secrets: secretLines,
    secretFiles: secretSources('secret-files', 'path'),
    secretEnvs: secretSources('secret-envs', 'ENVNAME'),
    addHosts: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .addHosts */ .ve,
    network: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .network */ .Nm,
    shmSize: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .shmSize */ .g7,
    ulimit: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .ulimits */ .Q5,
    cgroupParent: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .cgroupParent */ .fB,
    allow: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .allow */ .cw,
    buildContexts: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .buildContexts */ .j8,
    ssh: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .ssh */ .hI,
    githubToken: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .githubToken */ .bU,
    annotations: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .annotations */ .hk,
    labels: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .labels */ .WD,
    attests: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .attests */ .p0,
    noCacheFilters: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .noCacheFilters */ .NF,
    call: _build_options_js__WEBPACK_IMPORTED_MODULE_5__/* .call */ .T1,
    context: value => {
        // metadata-action's own `context` input, carried over with its other inputs.
        if ((value === 'git' || value === 'workflow') && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(value))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_9__/* .quote */ .hD)(value)} is metadata-action's context (where it reads the commit); here it is the build's, and no such directory exists: drop it (the commit comes from the workflow's event)`);
        return value || '.';
    }
};


/***/ }),

/***/ 5831:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   mv: () => (/* binding */ maskableToken),
/* harmony export */   tf: () => (/* binding */ valueSecrets)
/* harmony export */ });
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2020);
/* harmony import */ var _core_userinfo_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(928);
// What gets masked: one home for every rule that turns a secret into the strings to register as masks.


/** Lines shorter than this are not masked alone: a mask of `{` would hide every brace in the log. */
const MIN_LINE_MASK = 6;
/**
 * What to mask for a secret value: the value, and each line of a multi-line one (a JSON key file or a PEM
 * key is masked line by line, since a multi-line mask matches nothing in a line-based log).
 */
function valueSecrets(value) {
    if (!value.trim())
        return [];
    const lines = value.includes('\n')
        ? value
            .split(/\r?\n/)
            .map(l => l.trim())
            .filter(l => l.length >= MIN_LINE_MASK)
        : [];
    return [...new Set([value, ...lines])];
}
/** Everything to mask for a password: its value and lines, and the base64 forms docker writes and sends. */
function credentialSecrets(username, password) {
    if (!password.trim())
        return [];
    return [
        ...new Set([
            ...valueSecrets(password),
            Buffer.from(`${username}:${password}`).toString('base64'),
            Buffer.from(password).toString('base64')
        ])
    ];
}
/** A value a registry issues (a bearer token) shorter than this is not masked: see maskableToken. */
const MIN_TOKEN_MASK = 8;
const DIGEST_ALGORITHMS = ['sha256:', 'sha384:', 'sha512:'];
/** Whether `value` could be a piece of some `algorithm:hex` digest (`sha256`, `256:ab`, `deadbeef`, a digest). */
function digestPiece(value) {
    if (/^[0-9a-f]+$/.test(value))
        return true;
    return DIGEST_ALGORITHMS.some(algorithm => {
        for (let i = 0; i < algorithm.length; i++) {
            const rest = algorithm.slice(i);
            if (rest.startsWith(value))
                return true;
            if (value.startsWith(rest) && /^[0-9a-f]*$/.test(value.slice(rest.length)))
                return true;
        }
        return false;
    });
}
/**
 * Whether a value a registry issued (a token, a refresh token) is registered as a mask. The runner hides
 * every occurrence of a mask and drops any job output that holds one, and a registry, a source we do not
 * control among them, chooses its tokens: a token of `sha256` or a piece of the digest it serves would hide
 * every digest and drop the `digest` output, and a short one (`latest`, `app`) the tags and names. Such a
 * value is no credential worth the name; it is still kept out of our own messages (transport.ts redacts
 * it), just not handed to the runner. Real registries issue JWTs or base64 far longer than this.
 */
function maskableToken(value) {
    return value.length >= MIN_TOKEN_MASK && !digestPiece(value);
}
/**
 * The secrets in a URL's userinfo (urlAuthorities: split at the authority's last `@`), as a git context
 * carries them (`https://x-access-token:\u2026@github.com/o/r.git#main:sub`): the password and the whole
 * userinfo, raw and percent-decoded, and base64(`user:password`) as git sends it; for http(s), a user name
 * without a password when it is long enough to be a token (maskableToken: `https://<token>@host`, while
 * `https://git@host` names a user, and `ssh://git@\u2026` always does). To mask.
 */
function urlSecrets(value) {
    const found = [];
    for (const { scheme, userinfo } of (0,_core_userinfo_js__WEBPACK_IMPORTED_MODULE_0__/* .urlAuthorities */ .zY)(value)) {
        if (userinfo === undefined)
            continue;
        const { user, password } = (0,_core_userinfo_js__WEBPACK_IMPORTED_MODULE_0__/* .splitUserinfo */ .Gw)(userinfo);
        if (password === undefined) {
            if (/^https?$/i.test(scheme) && maskableToken((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(user)))
                found.push(user, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(user));
            continue;
        }
        if (!password)
            continue;
        // The userinfo as written too: `x-access-token:<token>` is what a log would show of the URL.
        found.push(password, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(password), userinfo, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(userinfo));
        found.push(Buffer.from(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(user)}:${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(password)}`).toString('base64'));
    }
    return [...new Set(found)];
}
/**
 * The secrets in the proxy variables (`HTTPS_PROXY`, `http_proxy`, in any case): the userinfo of each, as
 * urlSecrets finds it, a value without a scheme read as `http://` (as docker reads it). To mask before
 * anything runs: the registry client sends them to the proxy, and docker's output may quote them.
 */
function proxySecrets(env) {
    const found = Object.entries(env)
        .filter(([name, value]) => /^https?_proxy$/i.test(name) && value)
        .flatMap(([, value]) => urlSecrets(/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? value : `http://${value.trim()}`));
    return [...new Set(found)];
}


/***/ }),

/***/ 2425:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ay: () => (/* binding */ timed),
/* harmony export */   de: () => (/* binding */ whereOf)
/* harmony export */ });
/* unused harmony export since */
/* harmony import */ var _core_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2257);
// How the pipeline talks to its user. The action maps this onto workflow commands; the CLI onto stderr.

/** Where a failure points, when the builder named a file and line (a build step, a check's finding). */
const whereOf = (error) => {
    const where = error?.location;
    return where?.file ? { ...where, file: where.file } : undefined;
};
/** Milliseconds since `start`, rounded. */
const since = (start) => Math.round((0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)() - start);
/** Runs `fn` and records its duration under `name`. */
async function timed(durations, name, fn) {
    const start = (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)();
    try {
        return await fn();
    }
    finally {
        durations[name] = since(start);
    }
}


/***/ }),

/***/ 9267:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ buildLevels),
/* harmony export */   W: () => (/* binding */ ociAnnotations),
/* harmony export */   eE: () => (/* binding */ annotationEntries),
/* harmony export */   i3: () => (/* binding */ withoutIndexLevels),
/* harmony export */   iU: () => (/* binding */ INDEX_REFUSED),
/* harmony export */   ik: () => (/* binding */ mayHaveIndex),
/* harmony export */   wv: () => (/* binding */ annotationsAt)
/* harmony export */ });
/* unused harmony export BUILD_LEVELS */
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2020);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7038);
/* harmony import */ var _levels_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6814);



/**
 * The levels of this action's own annotations without DOCKER_METADATA_ANNOTATIONS_LEVELS: the manifest and
 * the index (metadata-action's `annotations` output has only `manifest`), because GHCR shows a
 * multi-platform image's description from its index. Where the build has no index they are dropped.
 */
const BUILD_LEVELS = ['manifest', 'index'];
const OCI_PREFIX = 'org.opencontainers.image.';
/** buildx's refusal of index annotations on a build that has no index (before or after the build). */
const INDEX_REFUSED = /index annotations not supported for single platform export/i;
/** The levels of this build's annotations: DOCKER_METADATA_ANNOTATIONS_LEVELS (read with the inputs), else BUILD_LEVELS. */
const buildLevels = (inputs) => [
    ...new Set((0,_env_js__WEBPACK_IMPORTED_MODULE_0__/* .annotationLevelsOr */ .Ol)(inputs.metadataEnv, BUILD_LEVELS))
];
/** Whether a level (`index`, `index[linux/amd64]`) is one only an index has. */
const isIndexLevel = (level) => _levels_js__WEBPACK_IMPORTED_MODULE_1__/* .INDEX_LEVELS */ .RD.has((0,_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLevel */ .QA)(level)?.level ?? level);
const isOff = (value) => /^(false|0|no)$/i.test(value.trim());
/**
 * Whether the build may produce an index: several platforms, or an attestation (an explicit provenance or
 * SBOM, or buildx's default provenance). False only where it surely has none; where a driver adds no
 * default attestation (the classic store) the index levels are refused and dropped (see INDEX_REFUSED).
 */
function mayHaveIndex(inputs, env) {
    if (inputs.platforms.length > 1)
        return true;
    if (inputs.sbom && !isOff(inputs.sbom))
        return true;
    if (inputs.provenance)
        return !isOff(inputs.provenance);
    return !env.BUILDX_NO_DEFAULT_ATTESTATIONS;
}
/** A line's entries, one per level it names (`index,manifest:k=v` is two); a line without a level is one. */
function entriesOf(line) {
    const a = (0,_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .readAnnotation */ ._o)(line);
    if (a?.levels.length)
        return a.levels.map(l => ({ level: (0,_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .formatLevel */ .eI)(l), key: a.key, value: a.value }));
    const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .splitKeyValue */ .px)(line) ?? { key: line, value: '' };
    return [{ level: '', key, value }];
}
/**
 * What the image's annotations are, as entries: the OCI keys of the final labels (the `labels` input
 * already overrode the automatic ones there) with the user's unleveled annotations over them, as
 * metadata-action merges its custom ones, `KEY=VALUE`; then the user's leveled ones as given
 * (`index:KEY=VALUE`), which hold at that level only. Pure.
 */
function annotationEntries(labels, user) {
    const plain = new Map();
    for (const line of labels) {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .splitKeyValue */ .px)(line);
        if (kv?.key.startsWith(OCI_PREFIX))
            plain.set(kv.key, kv.value);
    }
    const leveled = [];
    for (const line of user) {
        const [e] = entriesOf(line);
        if (e.level)
            leveled.push(line);
        else
            plain.set(e.key, e.value);
    }
    return [...[...plain].map(([k, v]) => `${k}=${v}`), ...leveled];
}
/** The annotations at one level (`manifest`, `index[linux/amd64]`) of such entries, as [key, value]. */
function annotationsAt(entries, level) {
    const parsed = entries.flatMap(entriesOf);
    const at = new Map();
    for (const e of parsed)
        if (!e.level)
            at.set(e.key, e.value);
    for (const e of parsed)
        if (e.level === level)
            at.set(e.key, e.value);
    return [...at];
}
/**
 * `LEVEL:KEY=VALUE` for `--annotation`, one per annotation and level the build can have, beside the
 * user's own `--annotation` flags, which are passed as given: without the keys the user sets at that very
 * level, nor at the manifest those the user sets without a level (buildx puts them there). Pure.
 */
function ociAnnotations(labels, user, levels, index) {
    const used = levels.filter(level => index || !isIndexLevel(level));
    const own = new Set(user.flatMap(entriesOf).map(e => `${e.level || 'manifest'}:${e.key}`));
    const entries = annotationEntries(labels, user);
    return used.flatMap(level => annotationsAt(entries, level)
        .filter(([key]) => !own.has(`${level}:${key}`))
        .map(([key, value]) => `${level}:${key}=${value}`));
}
/**
 * The annotations without the index levels: what is left when buildx finds no index to put them on. A line
 * naming several levels keeps the others (`index,manifest:k=v` \u2192 `manifest:k=v`).
 */
const withoutIndexLevels = (annotations) => annotations.flatMap(line => {
    const entries = entriesOf(line);
    if (!entries.some(e => isIndexLevel(e.level)))
        return [line];
    return entries.filter(e => !isIndexLevel(e.level)).map(e => `${e.level}:${e.key}=${e.value}`);
});


/***/ }),

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ annotationLevelsOr),
/* harmony export */   Xk: () => (/* binding */ readMetadataEnv),
/* harmony export */   _z: () => (/* binding */ OUTPUT_LEVELS)
/* harmony export */ });
/* unused harmony exports DEFAULT_SHORT_SHA_LENGTH, DEFAULT_METADATA_ENV */
/* harmony import */ var _core_go_bool_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8558);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(652);
/* harmony import */ var _levels_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6814);
// metadata-action's DOCKER_METADATA_* environment variables, read once with the inputs. Pure over `env`;
// a bad value is an InputProblem naming the variable, which the input errors name as they name an input.



const DEFAULT_SHORT_SHA_LENGTH = 7;
/** metadata-action's default for DOCKER_METADATA_ANNOTATIONS_LEVELS: its `annotations` output's levels. */
const OUTPUT_LEVELS = ['manifest'];
/**
 * The levels DOCKER_METADATA_ANNOTATIONS_LEVELS names, else `fallback`: the one reader of the variable.
 * The `annotations` output falls back to metadata-action's `manifest` (OUTPUT_LEVELS); the annotations this
 * action sets on its own builds fall back to the manifest and the index (annotations.ts), where GHCR reads
 * a multi-platform image's description.
 */
const annotationLevelsOr = (env, fallback) => (env.annotationLevels.length ? [...env.annotationLevels] : [...fallback]);
const DEFAULT_METADATA_ENV = {
    prHeadSha: false,
    shortShaLength: DEFAULT_SHORT_SHA_LENGTH,
    annotationLevels: [],
    setOutputEnv: true
};
/** A variable is not an input: the message says so, in front of what is wrong with it. */
const variableProblem = (variable, message) => new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`(an environment variable) ${message}`, variable);
function readMetadataEnv(env) {
    const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim();
    if (headSha !== '' && !/^(?:true|false)$/i.test(headSha))
        throw variableProblem('DOCKER_METADATA_PR_HEAD_SHA', `${JSON.stringify(headSha)} must be true or false`);
    const lengthText = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim();
    const shortShaLength = lengthText === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(lengthText);
    if (lengthText !== '' && (!/^[0-9]+$/.test(lengthText) || shortShaLength < 1))
        throw variableProblem('DOCKER_METADATA_SHORT_SHA_LENGTH', `${JSON.stringify(lengthText)} must be a whole number of at least 1 (the short sha's length; 40 and more is the whole sha)`);
    const levelsText = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '').trim();
    // Split at every comma, as metadata-action splits it: a level names one platform (levels.ts).
    const rewritten = (0,_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .onePlatformEach */ .xE)(levelsText);
    if (rewritten)
        throw variableProblem('DOCKER_METADATA_ANNOTATIONS_LEVELS', `${JSON.stringify(levelsText)}: a level names one platform, and metadata-action splits the list at every comma; write ${JSON.stringify(rewritten)}`);
    const annotationLevels = [];
    for (const text of levelsText.split(',').map(l => l.trim().toLowerCase())) {
        if (text === '')
            continue;
        const level = (0,_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLevel */ .QA)(text);
        if (!level)
            throw variableProblem('DOCKER_METADATA_ANNOTATIONS_LEVELS', `${JSON.stringify(text)} is not an annotation level; use a comma-separated list of ${_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .LEVEL_WORDS */ .P4}, each optionally for one platform as in manifest[linux/amd64]`);
        annotationLevels.push((0,_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .formatLevel */ .eI)(level));
    }
    // Read as metadata-action reads it (Go's ParseBool words).
    const outputEnvText = (env.DOCKER_METADATA_SET_OUTPUT_ENV ?? '').trim();
    const setOutputEnv = outputEnvText === '' || (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_0__/* .goBool */ .B)(outputEnvText);
    if (setOutputEnv === undefined)
        throw variableProblem('DOCKER_METADATA_SET_OUTPUT_ENV', `${JSON.stringify(outputEnvText)} must be true or false`);
    return { prHeadSha: /^true$/i.test(headSha), shortShaLength, annotationLevels, setOutputEnv };
}


/***/ }),

/***/ 6814:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ LEVEL_WORDS),
/* harmony export */   QA: () => (/* binding */ parseLevel),
/* harmony export */   RD: () => (/* binding */ INDEX_LEVELS),
/* harmony export */   _o: () => (/* binding */ readAnnotation),
/* harmony export */   eI: () => (/* binding */ formatLevel),
/* harmony export */   fr: () => (/* binding */ parseAnnotation),
/* harmony export */   xE: () => (/* binding */ onePlatformEach),
/* harmony export */   yW: () => (/* binding */ singleLevelLines)
/* harmony export */ });
/* unused harmony exports LEVELS, parseLevels */
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2020);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(652);
/* harmony import */ var _core_platform_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2418);
// The levels buildx puts an annotation at, and the `[type[,type\u2026]:]key=value` grammar it reads one in (each
// type a level, optionally for one platform): one home for the `annotations` input,
// DOCKER_METADATA_ANNOTATIONS_LEVELS and a merge's index. Pure leaf.
//
// buildx (util/buildflags/export.go, ParseAnnotations, since docker/buildx#2522, mid-2024) cuts the line
// at the first `=`, then at the first `:`, and splits what is before it at every comma into types, each
// `type[platform]`. buildx 0.13 takes one type per flag and reads anything else before the key as part of
// the key; the lines meant for it are one level each (singleLevelLines).



const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
/** The levels only an index has. */
const INDEX_LEVELS = new Set(['index', 'index-descriptor']);
// buildx takes a level's platform in these characters and reads it with containerd's platforms.Parse
// (no `local`, no OS version): core/platform-spec.ts. One platform: a comma ends the level.
const PLATFORM = '[A-Za-z0-9_/-]+';
const LEVEL = new RegExp(`^(${LEVELS.join('|')})(?:\\[(${PLATFORM})\\])?$`);
// A key as buildx 0.13 and later both take it; a `:` in it is the key's own only after a level.
const KEY = /^[A-Za-z0-9][A-Za-z0-9_./:-]*$/;
const LEVEL_WORDS = 'manifest, index, manifest-descriptor or index-descriptor';
/** `manifest`, or a level for one platform as buildx reads it (`manifest[linux/amd64]`). */
function parseLevel(text) {
    const m = LEVEL.exec(text);
    if (!m)
        return undefined;
    if (m[2] === undefined)
        return { level: m[1] };
    // One spelling per platform, so that a level written two ways is one level.
    try {
        return { level: m[1], platform: (0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSpecifier */ .Gp)((0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSpecifier */ .as)(m[2])) };
    }
    catch (error) {
        if (error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S)
            return undefined;
        throw error;
    }
}
/** `manifest[linux/amd64]`: a level in its one spelling. */
const formatLevel = (spec) => spec.platform ? `${spec.level}[${spec.platform}]` : spec.level;
/** The levels `index,manifest[linux/amd64]` names, or undefined when one of them is not a level. */
function parseLevels(text) {
    const specs = text.split(',').map(parseLevel);
    return specs.every(s => s !== undefined) ? specs : undefined;
}
/**
 * `manifest[linux/amd64],manifest[linux/arm64]` for a text that lists platforms in one level
 * (`manifest[linux/amd64,linux/arm64]`), else undefined. buildx and metadata-action split levels at every
 * comma, so such a level is refused (current buildx) or becomes part of the key (0.13).
 */
function onePlatformEach(text) {
    if (!/\[[^\]]*,/.test(text))
        return undefined;
    return text.replace(/([A-Za-z-]+)\[([^\]]*)\]/g, (_all, level, platforms) => platforms
        .split(',')
        .map(p => `${level}[${p.trim()}]`)
        .join(','));
}
/** A line's prefix (before the first `:`, if any), key and value; undefined without `=`. */
function split(line) {
    const eq = line.indexOf('=');
    if (eq < 0)
        return undefined;
    const left = line.slice(0, eq);
    const colon = left.indexOf(':');
    return colon < 0
        ? { key: left, value: line.slice(eq + 1) }
        : { prefix: left.slice(0, colon), key: left.slice(colon + 1), value: line.slice(eq + 1) };
}
/**
 * `[type[,type\u2026]:]key=value`, as buildx reads an annotation. Throws an InputProblem saying what is wrong
 * with the line: what current buildx refuses, and what buildx 0.13 would read as part of the key.
 */
function parseAnnotation(line) {
    const parts = split(line);
    if (!parts || parts.key === '')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)} is not [level:]key=value`);
    const levels = parts.prefix === undefined ? [] : parseLevels(parts.prefix);
    if (!levels) {
        const prefix = parts.prefix;
        const rewritten = onePlatformEach(prefix);
        if (rewritten)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)}: a level names one platform, and buildx reads every comma before the key as one between levels; write ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(`${rewritten}:${parts.key}=\u2026`)}`);
        const bad = prefix.split(',').find(t => !parseLevel(t));
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(bad)} is not a level; a level is ${LEVEL_WORDS}, optionally for one platform as in manifest[linux/amd64], and several are comma-separated as in index,manifest:key=value (buildx reads everything before the first ":" as levels)`);
    }
    if (!KEY.test(parts.key))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)}: the key ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(parts.key)} must be letters, digits and . _ / - :`);
    return { levels, key: parts.key, value: parts.value };
}
/**
 * What a line means, without throwing: its levels (none given: []) in their one spelling, key and value;
 * undefined for a line that is not an annotation (parseAnnotation says why).
 */
function readAnnotation(line) {
    try {
        return parseAnnotation(line);
    }
    catch (error) {
        if (error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S)
            return undefined;
        throw error;
    }
}
/**
 * A line as one line per level it names (`index,manifest:k=v` \u2192 `index:k=v`, `manifest:k=v`), the same
 * annotations for current buildx, and the only form buildx 0.13 reads as levels. A line with one
 * level or none, or one that is not an annotation, stays as written.
 */
function singleLevelLines(line) {
    const a = readAnnotation(line);
    if (!a || a.levels.length < 2)
        return [line];
    return a.levels.map(l => `${formatLevel(l)}:${a.key}=${a.value}`);
}


/***/ }),

/***/ 1398:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   iT: () => (/* binding */ parseRule),
/* harmony export */   mu: () => (/* binding */ byPriority),
/* harmony export */   tt: () => (/* binding */ DEFAULT_FLAVOR),
/* harmony export */   wp: () => (/* binding */ parseFlavor)
/* harmony export */ });
/* unused harmony exports RULE_TYPES, DEFAULT_PRIORITY */
/* harmony import */ var _inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3881);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(652);
/* harmony import */ var _template_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5730);
// metadata-action's `type=\u2026` tag rules and `flavor` lines, read once with the inputs: defaults filled in as
// metadata-action fills them, every expression parsed, every mistake an InputProblem naming the line. What
// a rule yields for an event is tags.ts's part.



const RULE_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
/** metadata-action's default priorities: the higher runs first, and the first tag made is the version. */
const DEFAULT_PRIORITY = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix'];
/** The attributes each type reads; metadata-action ignores any other, we refuse it (a typo would pass). */
const ATTRIBUTES = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    pep440: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
const DEFAULT_FLAVOR = {
    latest: 'auto',
    prefix: (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(''),
    prefixLatest: false,
    suffix: (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(''),
    suffixLatest: false
};
/** `key=value` fields (key lowercased, both trimmed, split at the first `=`); a field without `=` is a value. */
function fields(record) {
    return record
        .filter(f => f.trim() !== '')
        .map(f => {
        const eq = f.indexOf('=');
        return eq <= 0 ? ['value', f.trim()] : [f.slice(0, eq).trim().toLowerCase(), f.slice(eq + 1).trim()];
    });
}
const template = (value, scope, what) => (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTemplate */ .QC)(value, scope), m => `${what}: ${m}`);
/** `/re/flags` is a regular expression with flags, anything else the expression itself (as String.match). */
function regex(pattern) {
    const literalForm = /^\/(.+)\/(.*)$/.exec(pattern);
    try {
        return literalForm ? new RegExp(literalForm[1], literalForm[2]) : new RegExp(pattern);
    }
    catch (error) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`pattern ${JSON.stringify(pattern)} is not a regular expression (${error.message})`);
    }
}
/**
 * semver's and pep440's `match`: an expression (as String.match reads a string) whose first group is the
 * version. Without a group metadata-action fails mid-run; here it is an input error.
 */
function versionMatch(pattern) {
    let re;
    try {
        re = new RegExp(pattern);
    }
    catch (error) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`match ${JSON.stringify(pattern)} is not a regular expression (${error.message})`);
    }
    const groups = new RegExp(`${pattern}|`).exec('').length - 1;
    if (groups < 1)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`match ${JSON.stringify(pattern)} has no group; its first group is the version, e.g. match=app/v(.*)`);
    return { regex: re, pattern };
}
function oneOf(value, allowed, what) {
    if (!allowed.includes(value))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${what} ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
    return value;
}
/** One rule from its CSV fields (`type=\u2026` first). */
function parseRule(record, source) {
    const attrs = new Map();
    for (const [key, value] of fields(record))
        attrs.set(key, value);
    const type = oneOf(attrs.get('type') ?? '', RULE_TYPES, 'type');
    const allowed = [...COMMON, ...ATTRIBUTES[type]];
    for (const key of attrs.keys())
        if (!allowed.includes(key))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`type=${type} takes no ${key} attribute (it takes ${allowed.slice(1).join(', ')})`);
    const priorityText = attrs.get('priority');
    const priority = priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText);
    if (!Number.isFinite(priority) || priorityText?.trim() === '')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`priority ${JSON.stringify(priorityText)} is not a number`);
    const enableText = attrs.get('enable') ?? 'true';
    const enable = template(enableText, 'global', 'enable');
    if (!(0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .hasExpressions */ .Yo)(enable) && enableText !== 'true' && enableText !== 'false')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`enable must be true or false (or an expression such as {{is_default_branch}})`);
    const rule = { source, type, priority, enable };
    const optional = (key, scope) => {
        const v = attrs.get(key);
        return v === undefined ? undefined : template(v, scope, key);
    };
    rule.prefix = optional('prefix', 'global');
    rule.suffix = optional('suffix', 'global');
    const required = (key) => {
        const v = attrs.get(key);
        if (v === undefined)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`type=${type} needs a ${key} attribute`);
        return v;
    };
    switch (type) {
        case 'schedule':
            rule.pattern = template(attrs.get('pattern') ?? 'nightly', 'schedule', 'pattern');
            break;
        case 'semver':
        case 'pep440':
            rule.pattern = template(required('pattern'), 'version', 'pattern');
            rule.value = template(attrs.get('value') ?? '', 'global', 'value');
            if (attrs.get('match'))
                rule.versionMatch = versionMatch(attrs.get('match'));
            break;
        case 'match': {
            const group = attrs.get('group') ?? '0';
            if (!/^[0-9]+$/.test(group))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`group ${JSON.stringify(group)} is not a group number`);
            const pattern = required('pattern');
            rule.match = { regex: regex(pattern), group: Number(group), pattern };
            rule.value = template(attrs.get('value') ?? '', 'global', 'value');
            break;
        }
        case 'edge':
            rule.branch = attrs.get('branch') ?? '';
            break;
        case 'ref':
            rule.event = oneOf(required('event'), ['branch', 'tag', 'pr'], 'event');
            if (rule.event === 'pr' && rule.prefix === undefined)
                rule.prefix = (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)('pr-');
            break;
        case 'raw':
            rule.value = template(required('value'), 'global', 'value');
            break;
        case 'sha':
            rule.format = oneOf(attrs.get('format') ?? 'short', ['short', 'long'], 'format');
            if (rule.prefix === undefined)
                rule.prefix = (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)('sha-');
            break;
    }
    return rule;
}
/** Rules in the order metadata-action applies them: by priority, highest first; ties keep their order. */
const byPriority = (rules) => [...rules].sort((a, b) => b.priority - a.priority);
/** The `flavor` input: `latest=\u2026`, `prefix=\u2026[,onlatest=true]`, `suffix=\u2026[,onlatest=true]` lines. */
function parseFlavor(lines) {
    const flavor = { ...DEFAULT_FLAVOR };
    for (const line of lines) {
        if (line.trim().startsWith('#'))
            continue; // a comment, as metadata-action reads its list inputs
        const records = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvRecords */ .X)(line), m => `${JSON.stringify(line)}: ${m}`);
        let onLatestFor;
        for (const [key, value] of fields(records.flat())) {
            if (key === 'value')
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${JSON.stringify(line)}: every entry is key=value`);
            if (key === 'latest')
                flavor.latest = oneOf(value, ['auto', 'true', 'false'], 'latest');
            else if (key === 'prefix' || key === 'suffix') {
                flavor[key] = template(value, 'global', key);
                onLatestFor = key;
            }
            else if (key === 'onlatest') {
                const on = oneOf(value, ['true', 'false'], 'onlatest') === 'true';
                if (onLatestFor === undefined)
                    throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`onlatest follows a prefix or suffix entry`);
                if (onLatestFor === 'prefix')
                    flavor.prefixLatest = on;
                else
                    flavor.suffixLatest = on;
            }
            else
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`unknown flavor entry ${JSON.stringify(key)} (latest, prefix, suffix, onlatest)`);
        }
    }
    return flavor;
}


/***/ }),

/***/ 5730:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Bi: () => (/* binding */ expressionsOf),
  Yo: () => (/* binding */ hasExpressions),
  eu: () => (/* binding */ literal),
  wy: () => (/* binding */ mentions),
  uM: () => (/* binding */ parseLabelLine),
  QC: () => (/* binding */ parseTemplate),
  XX: () => (/* binding */ render)
});

;// CONCATENATED MODULE: ./src/metadata/rules/date.ts
// `{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}`: moment.js format tokens (the ones a tag can use) in an
// IANA time zone, through Intl rather than moment-timezone's data. Pure.
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// moment's token grammar: `[literal]`, then the longest token, else one literal character.
const TOKENS = /\[[^[\]]*\]|YYYYYY|YYYYY|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDDo|DDDo|DDDD|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|GGGGG|GGGG|GG|ggggg|gggg|gg|WW|Wo|W|ww|wo|w|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|ZZ|Z|zz|z|X|x|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|[\s\S]/g;
/** Tokens moment knows that we do not render (locale weeks, eras, zone names, locale formats). */
const UNSUPPORTED = /^(?:Qo|Mo|DDDDo|DDDo|do|e|ggggg|gggg|gg|Wo|ww|wo|w|zz|z|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)$/;
const pad = (n, width) => String(n).padStart(width, '0');
function ordinal(n) {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13)
        return `${n}th`;
    return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
/** Why moment would render `format` differently from us, or undefined. */
function dateFormatProblem(format) {
    for (const token of format.match(TOKENS) ?? [])
        if (UNSUPPORTED.test(token))
            return `the format token ${JSON.stringify(token)} is not supported (use Y, M, D, H, h, m, s, S, d, E, W, G, Q, A, Z, X, x and [text])`;
    return undefined;
}
/** Why `tz` is not an IANA time zone this Node knows, or undefined. */
function timeZoneProblem(tz) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return undefined;
    }
    catch {
        return `${JSON.stringify(tz)} is not a time zone; give an IANA name such as "UTC" or "Europe/Paris"`;
    }
}
function wallClock(date, tz) {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    }).formatToParts(date);
    const get = (type) => Number(parts.find(p => p.type === type)?.value ?? 0);
    const wall = {
        year: get('year'),
        month: get('month'),
        day: get('day'),
        hour: get('hour'),
        minute: get('minute'),
        second: get('second'),
        ms: ((date.getTime() % 1000) + 1000) % 1000
    };
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
    return { ...wall, offset: Math.round((asUtc - date.getTime()) / 60_000) };
}
/** ISO 8601 week number and week-year of a calendar date. */
function isoWeek(year, month, day) {
    const d = new Date(Date.UTC(year, month - 1, day));
    const dow = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - dow); // the week's Thursday decides its year
    const weekYear = d.getUTCFullYear();
    const week = Math.ceil(((d.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
    return { week, year: weekYear };
}
function zone(offset, sep) {
    const a = Math.abs(offset);
    return `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${sep}${pad(a % 60, 2)}`;
}
/** `date` rendered with moment's `format` in the time zone `tz`. */
function formatDate(date, format, tz) {
    const w = wallClock(date, tz);
    const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
    const dayOfYear = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
    const iso = isoWeek(w.year, w.month, w.day);
    const h12 = w.hour % 12 || 12;
    const render = (token) => {
        if (token.startsWith('['))
            return token.slice(1, -1);
        if (/^S+$/.test(token))
            return pad(w.ms, 3).padEnd(token.length, '0').slice(0, token.length);
        switch (token) {
            // moment zero-fills a year token to its length, and YYYYYY carries the sign too.
            case 'YYYYYY':
                return `${w.year < 0 ? '-' : '+'}${pad(Math.abs(w.year), 6)}`;
            case 'YYYYY':
                return pad(w.year, 5);
            case 'YYYY':
                return pad(w.year, 4);
            case 'YY':
                return pad(w.year % 100, 2);
            case 'Y':
                return w.year > 9999 ? `+${w.year}` : String(w.year);
            case 'Q':
                return String(Math.ceil(w.month / 3));
            case 'MMMM':
                return MONTHS[w.month - 1];
            case 'MMM':
                return MONTHS[w.month - 1].slice(0, 3);
            case 'MM':
                return pad(w.month, 2);
            case 'M':
                return String(w.month);
            case 'DDDD':
                return pad(dayOfYear, 3);
            case 'DDD':
                return String(dayOfYear);
            case 'DD':
                return pad(w.day, 2);
            case 'Do':
                return ordinal(w.day);
            case 'D':
                return String(w.day);
            case 'dddd':
                return DAYS[dow];
            case 'ddd':
                return DAYS[dow].slice(0, 3);
            case 'dd':
                return DAYS[dow].slice(0, 2);
            case 'd':
                return String(dow);
            case 'E':
                return String(dow || 7);
            case 'GGGGG':
                return pad(iso.year, 5);
            case 'GGGG':
                return pad(iso.year, 4);
            case 'GG':
                return pad(iso.year % 100, 2);
            case 'WW':
                return pad(iso.week, 2);
            case 'W':
                return String(iso.week);
            case 'HH':
                return pad(w.hour, 2);
            case 'H':
                return String(w.hour);
            case 'hh':
                return pad(h12, 2);
            case 'h':
                return String(h12);
            case 'kk':
                return pad(w.hour || 24, 2);
            case 'k':
                return String(w.hour || 24);
            case 'mm':
                return pad(w.minute, 2);
            case 'm':
                return String(w.minute);
            case 'ss':
                return pad(w.second, 2);
            case 's':
                return String(w.second);
            case 'A':
                return w.hour < 12 ? 'AM' : 'PM';
            case 'a':
                return w.hour < 12 ? 'am' : 'pm';
            case 'ZZ':
                return zone(w.offset, '');
            case 'Z':
                return zone(w.offset, ':');
            case 'X':
                return String(Math.floor(date.getTime() / 1000));
            case 'x':
                return String(date.getTime());
            default:
                return token;
        }
    };
    return (format.match(TOKENS) ?? []).map(render).join('');
}

// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __nccwpck_require__(652);
;// CONCATENATED MODULE: ./src/metadata/rules/template.ts
// The `{{\u2026}}` expressions of metadata-action's tag rules: the small part of Handlebars they use, parsed
// once when the inputs are read (so a typo is an input error, before any build) and rendered per event.
// Like Handlebars, `{{x}}` HTML-escapes what it inserts (metadata-action's tags then turn the entities
// into `-`), `{{{x}}}` does not, and `\{{` is a literal `{{`.


/** Names that take a quoted moment.js format and an optional `tz='Area/City'`. */
const DATE_HELPERS = new Set(['date', 'commit_date']);
const NAMES = {
    // enable, value, prefix, suffix and flavor's prefix/suffix
    global: new Set([
        'branch',
        'tag',
        'sha',
        'base_ref',
        'is_default_branch',
        'is_not_default_branch',
        'date',
        'commit_date'
    ]),
    // type=schedule's pattern
    schedule: new Set(['date', 'commit_date']),
    // type=semver's and type=pep440's pattern
    version: new Set(['raw', 'version', 'major', 'minor', 'patch'])
};
const show = (s) => JSON.stringify(s);
/** The expressions `scope` may use, as a message lists them: `{{branch}}, {{tag}}, \u2026`. */
const expressionsOf = (scope) => [...NAMES[scope]].map(n => `{{${n}}}`).join(', ');
/** What a value of the expression looks like, for messages. */
const WHERE = {
    global: 'in value, enable, prefix, suffix and flavor',
    schedule: "in type=schedule's pattern",
    version: "in type=semver's and type=pep440's pattern"
};
// A quoted string, `key='value'`, or a bare word.
const TOKEN = /\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_]+)=(?:'([^']*)'|"([^"]*)")|([^\s'"=]+))/y;
function parseExpression(body, escape, scope) {
    const words = [];
    TOKEN.lastIndex = 0;
    const text = body.trim();
    while (TOKEN.lastIndex < text.length) {
        const m = TOKEN.exec(text);
        if (!m)
            throw new problem/* InputProblem */.S(`{{${body}}} is not an expression we understand`);
        if (m[1] !== undefined || m[2] !== undefined)
            words.push({ quoted: m[1] ?? m[2] });
        else if (m[3] !== undefined)
            words.push({ key: m[3], value: m[4] ?? m[5] });
        else
            words.push({ word: m[6] });
    }
    const [head, ...rest] = words;
    const name = head?.word;
    if (name === undefined)
        throw new problem/* InputProblem */.S(`{{${body}}} has no name; expressions are like {{branch}} or {{date 'YYYYMMDD'}}`);
    if (!NAMES[scope].has(name))
        throw new problem/* InputProblem */.S(`{{${name}}} is not available ${WHERE[scope]}; there you can use ${expressionsOf(scope)}`);
    const expr = { name, escape };
    if (!DATE_HELPERS.has(name)) {
        if (rest.length)
            throw new problem/* InputProblem */.S(`{{${name}}} takes no arguments`);
        return expr;
    }
    for (const w of rest) {
        if (w.quoted !== undefined && expr.format === undefined)
            expr.format = w.quoted;
        else if (w.key === 'tz' && expr.tz === undefined)
            expr.tz = w.value;
        else if (w.key !== undefined)
            throw new problem/* InputProblem */.S(`{{${name}}}: unknown ${w.key} attribute (only tz)`);
        else
            throw new problem/* InputProblem */.S(`{{${name}}} takes one quoted format and tz='Area/City'`);
    }
    if (expr.format === undefined)
        throw new problem/* InputProblem */.S(`{{${name}}} needs a quoted format, e.g. {{${name} 'YYYYMMDD'}}`);
    const formatProblem = dateFormatProblem(expr.format);
    if (formatProblem)
        throw new problem/* InputProblem */.S(`{{${name} ${show(expr.format)}}}: ${formatProblem}`);
    if (expr.tz !== undefined) {
        const tzProblem = timeZoneProblem(expr.tz);
        if (tzProblem)
            throw new problem/* InputProblem */.S(`{{${name}}}: ${tzProblem}`);
    }
    return expr;
}
/**
 * The `{{\u2026}}` opening at `i` as text, when it names nothing of `scope` (its first word, as parseExpression
 * reads it): through its closing braces, or just the braces when it is not closed.
 */
function foreign(source, i, scope) {
    const name = /^\{\{\{?\s*([^\s'"=}]*)/.exec(source.slice(i))[1];
    if (NAMES[scope].has(name))
        return undefined;
    const triple = source.startsWith('{{{', i);
    const end = source.indexOf(triple ? '}}}' : '}}', i + 2);
    return end < 0 ? source.slice(i, i + (triple ? 3 : 2)) : source.slice(i, end + (triple ? 3 : 2));
}
/**
 * Parses `source`; throws an InputProblem naming the expression at fault. With `keepForeign`, a `{{\u2026}}` that
 * names no expression of `scope` is text (and listed in `kept`) instead of a mistake.
 */
function parseTemplate(source, scope, keepForeign = false) {
    const parts = [];
    const kept = [];
    let text = '';
    let i = 0;
    while (i < source.length) {
        if (!source.startsWith('{{', i)) {
            text += source[i++];
            continue;
        }
        // Backslashes before `{{`, read as Handlebars reads them: one makes the `{{` literal; two or more stand
        // for one fewer, before an expression.
        const slashes = /\\*$/.exec(text)[0].length;
        if (slashes === 1) {
            text = text.slice(0, -1) + '{{';
            i += 2;
            continue;
        }
        const other = keepForeign ? foreign(source, i, scope) : undefined;
        if (other !== undefined) {
            text += other;
            kept.push(other);
            i += other.length;
            continue;
        }
        if (slashes > 1)
            text = text.slice(0, -1);
        const triple = source.startsWith('{{{', i);
        const close = triple ? '}}}' : '}}';
        const start = i + (triple ? 3 : 2);
        const end = source.indexOf(close, start);
        if (end < 0)
            throw new problem/* InputProblem */.S(`${show(source)}: an expression is not closed with ${close}`);
        const body = source.slice(start, end);
        const comment = /^\s*!/.test(body);
        // Handlebars takes the whole run of closing braces after an expression (not a comment): `{{x}}}` ends
        // with `}}}` and does not parse; nor does a comment in triple braces.
        let braces = close.length;
        while (!comment && source[end + braces] === '}')
            braces++;
        if (braces !== close.length || (comment && triple))
            throw new problem/* InputProblem */.S(`${show(source)}: ${source.slice(i, end + braces)} is not closed as it opens`);
        i = end + close.length;
        if (comment)
            continue;
        if (/^\s*[#/^>~&]|~\s*$/.test(body))
            throw new problem/* InputProblem */.S(`{{${body}}}: blocks, partials and whitespace control are not supported`);
        if (text)
            parts.push(text);
        text = '';
        parts.push(parseExpression(body, !triple, scope));
    }
    if (text)
        parts.push(text);
    return kept.length ? { source, parts, kept } : { source, parts };
}
/**
 * A `labels` or `annotations` line. metadata-action renders its own with the global expressions, while
 * build-push-action passes them as written, and what metadata-action's `labels` output hands on may hold a
 * repository description with a Helm or Jinja `{{ name }}` in it: an expression of ours is rendered, any
 * other `{{\u2026}}` stays as written.
 */
const parseLabelLine = (line) => parseTemplate(line, 'global', true);
/** A template of plain text, for values given without expressions. */
const literal = (text) => ({ source: text, parts: text ? [text] : [] });
const hasExpressions = (t) => t.parts.some(p => typeof p !== 'string');
/** Whether the template uses the expression `name` (`{{commit_date 'YYYYMMDD'}}` uses commit_date). */
const mentions = (t, name) => !!t?.parts.some(p => typeof p !== 'string' && p.name === name);
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#x27;',
    '`': '&#x60;',
    '=': '&#x3D;'
};
/** Handlebars' escapeExpression. */
const escapeHtml = (s) => s.replace(/[&<>"'`=]/g, c => ENTITIES[c]);
function render(t, values) {
    return t.parts
        .map(part => {
        if (typeof part === 'string')
            return part;
        const v = values[part.name];
        const s = v instanceof Date ? formatDate(v, part.format ?? '', part.tz ?? 'UTC') : (v ?? '');
        return part.escape ? escapeHtml(s) : s;
    })
        .join('');
}


/***/ }),

/***/ 9268:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ withIndexFallback),
/* harmony export */   P: () => (/* binding */ buildAnnotations)
/* harmony export */ });
/* harmony import */ var _metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9267);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2020);
// The build's automatic annotations (annotations.ts), and the one rebuild without the index levels when
// buildx finds no index to put them on: those annotations are ours, not the user's, so they never fail a build.


function buildAnnotations(inputs, labels, env = process.env) {
    return (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .ociAnnotations */ .W)(labels, inputs.annotations, (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .buildLevels */ .CE)(inputs), (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveIndex */ .ik)(inputs, env));
}
/**
 * Runs `build` with the plan; when buildx refuses the index annotations (the build has no index: one
 * platform and no attestation), runs it once more without them. The refusal comes before the build (the
 * classic store) or at its export, when the cache makes the second run cheap.
 */
async function withIndexFallback(plan, build, reporter) {
    try {
        return await build(plan);
    }
    catch (error) {
        const annotations = plan.annotations ?? [];
        const rest = (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutIndexLevels */ .i3)(annotations);
        if (rest.length === annotations.length || !_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .INDEX_REFUSED */ .iU.test(errorText(error)))
            throw error;
        reporter.info('This build has no image index: its OCI annotations go on the manifest only');
        return build({ ...plan, annotations: rest });
    }
}
const errorText = (error) => `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n${error?.stderr ?? ''}`;


/***/ }),

/***/ 9863:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  uC: () => (/* binding */ destinations),
  Xf: () => (/* binding */ gitOrigin),
  $G: () => (/* binding */ loadsOutput),
  Cs: () => (/* binding */ makePlan),
  _Y: () => (/* binding */ outputDest),
  R$: () => (/* binding */ retrying)
});

// UNUSED EXPORTS: exportsFiles

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/pipeline/annotate.ts
var annotate = __nccwpck_require__(9268);
// EXTERNAL MODULE: ./src/inputs/error.ts
var error = __nccwpck_require__(1551);
// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __nccwpck_require__(8042);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __nccwpck_require__(6080);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: ./src/core/userinfo.ts
var userinfo = __nccwpck_require__(928);
;// CONCATENATED MODULE: ./src/docker/git-context.ts
// Git contexts as BuildKit fetches them: build-push-action's `{{defaultContext}}` resolved to this commit's
// URL, and the credentials for the fetch passed as build secrets (`GIT_AUTH_TOKEN.<host>`, which BuildKit's
// git source looks up by the URL's host) instead of in the URL, where argv, the log and BuildKit's build
// history would keep them. Pure.





/**
 * This commit's git context as @docker/actions-toolkit builds it: `<server>/<owner>/<repo>.git#<ref>`,
 * where the ref is the commit sha, except on pull requests, whose `refs/pull/N/merge` is kept (or
 * `refs/pull/N/head` with DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF=true).
 */
function defaultGitContext(ctx, env = process.env) {
    let gitRef = ctx.ref;
    if (ctx.sha && gitRef && !gitRef.startsWith('refs/'))
        gitRef = `refs/heads/${gitRef}`;
    if (ctx.sha && !gitRef.startsWith('refs/pull/'))
        gitRef = ctx.sha;
    else if (gitRef.startsWith('refs/pull/') && env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF === 'true')
        gitRef = gitRef.replace(/\/merge$/, '/head');
    return `${ctx.serverUrl}/${ctx.repository}.git#${gitRef}`;
}
/** `{{defaultContext}}` \u2192 the URL; `{{defaultContext}}:sub` \u2192 the URL with `:sub` after its ref. */
function expandDefaultContext(value, url, input) {
    const m = build_options/* DEFAULT_CONTEXT */.A2.exec(value);
    if (!m)
        return value;
    if (!url)
        throw new error/* InputError */.d(input, `{{defaultContext}} is this commit on GitHub, and there is no GitHub context here (GITHUB_REPOSITORY is not set); give ${(0,table/* ref */.KR)(input)} a path or a git URL`);
    return m[1] ? `${url}:${m[1]}` : url;
}
/** An http(s) URL that docker and BuildKit treat as a git repository. */
function isHttpGitUrl(value, githubHost) {
    const url = httpAuthority(value);
    if (!url?.host)
        return false;
    return /\.git$/.test(/^[^#\s]*/.exec(url.rest)[0]) || url.host.toLowerCase() === githubHost;
}
/** An http(s) URL's authority (urlAuthorities: userinfo before the last `@`), undefined for anything else. */
function httpAuthority(value) {
    const url = (0,userinfo/* authorityOf */.vO)(value);
    return url && /^https?$/i.test(url.scheme) ? url : undefined;
}
/**
 * The context and named contexts as docker gets them, and the secrets that authenticate their fetches.
 * With buildx, an https git URL's userinfo moves into a secret: `x-access-token:<token>` (the GitHub form)
 * becomes `GIT_AUTH_TOKEN.<host>`, any other user the Basic header `GIT_AUTH_HEADER.<host>`, so the
 * fetch sends what the URL would have. `github-token` becomes `GIT_AUTH_TOKEN.<github host>` when a git
 * URL goes to the GitHub host, as build-push-action passes it, unless a secret of that id is given.
 */
function gitSources(inputs, opts) {
    const context = expandDefaultContext(inputs.context, opts.defaultContext, 'context');
    const named = inputs.buildContexts.map(entry => {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(entry);
        return { key, value: expandDefaultContext(value, opts.defaultContext, 'build-contexts') };
    });
    const join = (n) => `${n.key}=${n.value}`;
    // The classic builder's git clones the URL itself: it gets the URL as written.
    if (!opts.buildx)
        return { context, buildContexts: named.map(join), secrets: [] };
    const githubHost = httpAuthority(opts.serverUrl)?.host.toLowerCase() ?? '';
    const secrets = new Map();
    const gitHosts = new Set();
    const strip = (value) => {
        if (!isHttpGitUrl(value, githubHost))
            return value;
        const url = httpAuthority(value);
        // The host as BuildKit's secret ids name it: with the port, lowercased.
        const host = url.host.toLowerCase();
        gitHosts.add(host);
        // https only: over plain http this BuildKit (0.13, dockerd 26) sends no secret with the fetch (tried
        // against a local git server), so an http URL keeps its userinfo, masked as before.
        if (url.userinfo === undefined || !/^https$/i.test(url.scheme))
            return value;
        const { user, password = '' } = (0,userinfo/* splitUserinfo */.Gw)(url.userinfo);
        const [name, secret] = [(0,core_text/* percentDecoded */.oF)(user), (0,core_text/* percentDecoded */.oF)(password)];
        if (name === 'x-access-token' && secret)
            secrets.set(`GIT_AUTH_TOKEN.${host}`, secret);
        else
            secrets.set(`GIT_AUTH_HEADER.${host}`, `basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`);
        return `${value.slice(0, url.scheme.length + 3)}${url.host}${url.rest}`;
    };
    const resolved = {
        context: strip(context),
        buildContexts: named.map(n => join({ ...n, value: strip(n.value) }))
    };
    const given = new Set(inputs.secrets.map(line => (0,core_text/* splitKeyValue */.px)(line).key));
    const tokenId = `GIT_AUTH_TOKEN.${githubHost}`;
    const taken = [tokenId, 'GIT_AUTH_TOKEN', `GIT_AUTH_HEADER.${githubHost}`].some(id => given.has(id) || secrets.has(id));
    if (inputs.githubToken && gitHosts.has(githubHost) && !taken)
        secrets.set(tokenId, inputs.githubToken);
    // A user's own secret of the same id wins: theirs is passed, ours not.
    for (const id of given)
        secrets.delete(id);
    return { ...resolved, secrets: [...secrets].map(([key, value]) => ({ key, value })) };
}

// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __nccwpck_require__(5831);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __nccwpck_require__(5378);
// EXTERNAL MODULE: ./src/inputs/csv.ts
var csv = __nccwpck_require__(3881);
;// CONCATENATED MODULE: ./src/docker/gha-cache.ts
// `type=gha` cache entries completed as build-push-action completes them, and one step further. BPA adds
// `repository=` and `ghtoken=` to an exported gha cache, so that BuildKit lists cache keys through the
// GitHub API with the job's token instead of the cache API's tighter rate limits. BuildKit's default scope
// (`buildkit`) is one per repository: several images built in one workflow overwrite each other's cache,
// so an entry without `scope=` gets the image's own (and the build target's).

/** The keys of a cache spec's fields; `type` with its value. */
function keysOf(spec) {
    let type = '';
    const keys = new Set();
    for (const field of (0,csv/* csvRecords */.X)(spec)[0] ?? []) {
        const at = field.indexOf('=');
        const key = (at < 0 ? field : field.slice(0, at)).trim().toLowerCase();
        keys.add(key);
        if (key === 'type')
            type = field.slice(at + 1).trim();
    }
    return { type, keys };
}
const isGhaCache = (spec) => keysOf(spec).type === 'gha';
/** Whether a gha entry of `specs` names no scope (and so gets the image's). */
const lacksScope = (specs) => specs.some(spec => {
    const { type, keys } = keysOf(spec);
    return type === 'gha' && !keys.has('scope');
});
/**
 * `specs` with each gha entry completed: `scope=` when it names none; for an export (`cache-to`) also
 * `repository=` and `ghtoken=` as BPA adds them (an import never lists keys, so it needs neither).
 */
function ghaCacheSpecs(specs, ctx, exported) {
    return specs.map(spec => {
        const { type, keys } = keysOf(spec);
        if (type !== 'gha')
            return spec;
        const extra = [];
        if (!keys.has('scope'))
            extra.push(`scope=${ctx.scope}`);
        if (exported && ctx.repository && !keys.has('repository'))
            extra.push(`repository=${ctx.repository}`);
        if (exported && ctx.token && !keys.has('ghtoken'))
            extra.push(`ghtoken=${ctx.token}`);
        return [spec, ...extra].join(',');
    });
}
/**
 * The scope of an image (`octo/app`) built at `target`: `octo/app`, or `octo/app-target`; with no image
 * (nothing names it), BuildKit's own default scope, `buildkit`.
 */
const ghaScope = (image, target) => {
    const base = image || 'buildkit';
    return target ? `${base}-${target}` : base;
};

// EXTERNAL MODULE: ./src/docker/cancel.ts
var cancel = __nccwpck_require__(1092);
// EXTERNAL MODULE: ./src/inputs/tags.ts
var tags = __nccwpck_require__(4480);
;// CONCATENATED MODULE: ./src/pipeline/plan.ts
// Phase 1: everything decided before docker runs: references, where the result goes, secret files.












/** The GitOrigin of this run's commit, from the event's context and the runner's variables. */
function gitOrigin(ctx, env) {
    const run = env.GITHUB_RUN_ID?.trim();
    return {
        serverUrl: ctx.serverUrl,
        defaultContext: ctx.repository ? defaultGitContext(ctx, env) : undefined,
        repository: ctx.repository || undefined,
        runUrl: ctx.repository && run
            ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${run}/attempts/${env.GITHUB_RUN_ATTEMPT?.trim() || '1'}`
            : undefined
    };
}
/** An output spec that writes files (`type=local`, `type=tar`, or a bare path, which buildx reads as local). */
const exportsFiles = (spec) => /(?:^|,)type=(?:local|tar)(?:,|$)/.test(spec) || !spec.includes('=');
/** Where an output spec writes: its `dest=`, or a bare path; undefined for one that writes no file. */
const outputDest = (spec) => spec.includes('=') ? (0,build_options/* outputAttrs */.SC)(spec).get('dest') : spec;
/** An output that puts the image in the engine's store: `type=docker` without a `dest=`. */
const loadsOutput = (spec) => (0,build_options/* outputAttrs */.SC)(spec).get('type') === 'docker' && outputDest(spec) === undefined;
/** An output buildx's `--load` or `docker push` can stand in for: no attribute but its type, name and push. */
const plainOutput = (spec) => spec.includes('=') && [...(0,build_options/* outputAttrs */.SC)(spec).keys()].every(key => ['type', 'name', 'push'].includes(key));
/**
 * Whether the build both loads and pushes the image through the outputs (`type=docker` beside `push: true`,
 * `type=registry` beside `load: true`, or both as outputs), each a plain one: buildx runs two exporters for
 * one name, and the docker driver's containerd store at times refuses the second (`already exists`).
 */
function loadsAndPushes(inputs) {
    const { outputs } = inputs;
    return (outputs.length > 0 &&
        outputs.every(spec => plainOutput(spec) && (loadsOutput(spec) || (0,build_options/* pushesOutput */.Ij)(spec))) &&
        (inputs.load || outputs.some(loadsOutput)) &&
        (0,build_options/* outputsPush */.ZU)(inputs));
}
/**
 * Where the result goes, as build-push-action decides it: `outputs` when given (and then they alone decide
 * whether anything is pushed), else `--push` and/or `--load`, else the driver's default.
 */
function destinations(inputs, buildx, driver = 'docker') {
    if (!buildx)
        return { pushedBy: inputs.push ? 'docker' : 'none', local: 'yes' };
    // The docker driver names its result by tag in the engine's shared store, and its metadata reads the
    // digest back by that name: two builds of one tag at once both report the same digest. A push from
    // there cannot be proven this run's, so a single platform goes the classic way: load, then push by ID.
    // Outputs that load and push go the same way: the build exports once.
    const single = driver === 'docker' && inputs.platforms.length <= 1;
    if (single && ((inputs.push && !inputs.outputs.length) || loadsAndPushes(inputs)))
        return { pushedBy: 'docker', local: 'yes', exports: ['--load'] };
    const load = inputs.load ? ['--load'] : [];
    if (inputs.outputs.length) {
        // The outputs decide; `push: true` given outright adds buildx's `--push` as build-push-action does
        // (buildx then pushes an image output, or adds one that pushes). Left to its default it adds nothing.
        const push = inputs.push && inputs.pushGiven && !inputs.outputs.some(build_options/* pushesOutput */.Ij) ? ['--push'] : [];
        return {
            pushedBy: (0,build_options/* outputsPush */.ZU)(inputs) ? 'buildx' : 'none',
            local: inputs.load ? 'yes' : 'no',
            exports: [...inputs.outputs.map(spec => `--output=${spec}`), ...push, ...load]
        };
    }
    return {
        pushedBy: inputs.push ? 'buildx' : 'none',
        local: inputs.load ? 'yes' : 'maybe',
        exports: [...(inputs.push ? ['--push'] : []), ...load]
    };
}
async function makePlan(inputs, opts) {
    // A git URL's userinfo is a credential (x-access-token:\u2026): masked before docker prints the URL.
    for (const secret of [inputs.context, ...inputs.buildContexts].flatMap(masks/* urlSecrets */.Fn))
        opts.reporter.setSecret(secret);
    if (inputs.githubToken)
        opts.reporter.setSecret(inputs.githubToken);
    const git = gitSources(inputs, {
        buildx: opts.buildx,
        serverUrl: opts.git?.serverUrl ?? 'https://github.com',
        defaultContext: opts.git?.defaultContext
    });
    const tags = inputs.tags.length ? inputs.tags : (opts.defaultTags ?? ['latest']);
    const { exports, ...where } = destinations(inputs, opts.buildx, opts.driver);
    const byDigest = where.pushedBy === 'buildx' ? inputs.outputs.find(build_options/* pushesByDigest */.iq) : undefined;
    if (byDigest !== undefined && (opts.driver ?? 'docker') === 'docker')
        throw new error/* InputError */.d('outputs', `${(0,core_text/* quote */.hD)(byDigest)}: a push by digest needs a builder of its own (docker-container, remote, kubernetes: docker/setup-buildx-action makes one), as buildx's docker driver does not implement push-by-digest`);
    const targets = byDigest === undefined ? tagTargets(inputs, tags) : digestTargets(inputs, byDigest);
    const gha = { scope: ghaScope(inputs.image, inputs.target), repository: opts.git?.repository };
    if (opts.buildx && lacksScope([...inputs.cacheFrom, ...inputs.cacheTo]))
        opts.reporter.info(`type=gha cache without scope: using scope=${gha.scope}, this image's own${inputs.target ? ' at this target' : ''}, so that images built in one workflow keep apart caches (give scope= to choose)`);
    // No target where nothing names the image (nothing pushed, parse.ts): built untagged.
    const [first] = targets;
    return {
        ...where,
        tags: first?.tags ?? [],
        targets,
        repository: first?.repository ?? '',
        name: first?.name ?? '',
        buildx: opts.buildx,
        byDigest: byDigest !== undefined,
        build: {
            // By digest, buildx names the push after its tags, or the output's `name=` when it has none; a tag
            // in either makes BuildKit refuse the push.
            refs: byDigest === undefined
                ? targets.flatMap(t => t.refs)
                : (0,build_options/* outputNames */.gr)(byDigest).length
                    ? []
                    : targets.map(t => t.repository),
            iidfile: inputs.outputs.some(exportsFiles) ? undefined : external_node_path_default().join(opts.workDir, 'iid'),
            labels: opts.labels ?? inputs.labels,
            annotations: opts.buildx ? (0,annotate/* buildAnnotations */.P)(inputs, opts.labels ?? inputs.labels) : [],
            metadataFile: opts.buildx ? external_node_path_default().join(opts.workDir, 'metadata.json') : undefined,
            secretFiles: await secretFiles(inputs, opts.workDir, opts.reporter, git.secrets),
            context: git.context,
            buildContexts: git.buildContexts,
            builderId: opts.buildx ? opts.git?.runUrl : undefined,
            cacheFrom: ghaCacheSpecs(inputs.cacheFrom, gha, false),
            cacheTo: ghaCacheSpecs(inputs.cacheTo, { ...gha, token: inputs.githubToken || undefined }, true),
            exports
        }
    };
}
/** Each image with its tags: the run's, or its own when full references name them. */
function tagTargets(inputs, tags) {
    return inputs.targets.map(({ registry, image, tags: own }) => targetOf(registry, image, own ?? tags));
}
/** Where a push by digest goes: each name of the output's `name=`, else each image; no tags. */
function digestTargets(inputs, spec) {
    const names = (0,build_options/* outputNames */.gr)(spec).map(name => (0,tags/* parseFullRef */.E_)(name));
    const images = names.length ? names : inputs.targets;
    const targets = images.map(({ registry, image }) => targetOf(registry, image, []));
    return targets.filter((t, i) => targets.findIndex(o => o.repository === t.repository) === i);
}
function targetOf(registry, image, tags) {
    const repo = (0,reference/* repository */.Jk)(registry, image);
    return {
        registry,
        repository: repo,
        name: (0,reference/* remotePath */.QZ)(registry, image),
        tags,
        refs: tags.map(t => `${repo}:${t}`)
    };
}
/**
 * Every build secret as an id and a file for `--secret id=\u2026,src=\u2026`: `secrets` values and `secret-envs`
 * variables go to their own 0600 files in the private directory, never into argv; `secret-files` are used
 * where they are. Every value is masked first, line by line for multi-line ones.
 */
async function secretFiles(inputs, workDir, reporter, 
/** Secrets of our own: the git fetch's credentials (src/git-source.ts). */
extra = []) {
    const written = [
        ...extra,
        ...inputs.secrets.map(line => (0,core_text/* splitKeyValue */.px)(line)),
        ...inputs.secretEnvs.map(line => {
            const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
            return { key, value: process.env[value] ?? '' };
        })
    ];
    const fromFiles = await Promise.all(inputs.secretFiles.map(async (line) => {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
        const file = external_node_path_default().resolve(value);
        const content = await (0,promises_.readFile)(file, 'utf8');
        // A large file is not a password; masking megabytes line by line would only slow the log.
        if (content.length <= MAX_MASKED_FILE)
            maskValue(content, reporter);
        return { id: key, path: file };
    }));
    if (!written.length)
        return fromFiles;
    const dir = external_node_path_default().join(workDir, 'secrets');
    await (0,promises_.mkdir)(dir, { mode: 0o700 });
    const own = await Promise.all(written.map(async ({ key, value }, i) => {
        maskValue(value, reporter);
        const file = external_node_path_default().join(dir, String(i));
        await (0,promises_.writeFile)(file, value, { mode: 0o600 });
        return { id: key, path: file };
    }));
    return [...own, ...fromFiles];
}
const MAX_MASKED_FILE = 64 * 1024;
function maskValue(value, reporter) {
    for (const secret of (0,masks/* valueSecrets */.tf)(value))
        reporter.setSecret(secret);
}
/** Retry options that tell the user about each retry, and stop at once when the run is cancelled. */
const retrying = (what, attempts, reporter, sleep, 
/** The run's cancel; tests give their own. */
cancelled = cancel/* runCancelled */.LJ) => ({
    attempts,
    sleep,
    signal: cancelled,
    onRetry: info => reporter.warning(`${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${(0,core_text/* messageOf */.bD)(info.error)}`)
});


/***/ }),

/***/ 3641:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ resultOf)
/* harmony export */ });
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9833);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6153);


function resultOf(o) {
    return {
        digest: o.verified?.digest ?? '',
        imageRef: o.verified ? `${o.verified.repository}@${o.verified.digest}` : '',
        imageRefs: o.verified
            ? (o.verified.repositories ?? [o.verified.repository]).map(r => `${r}@${o.verified.digest}`)
            : [],
        imageid: o.builder === 'buildx' ? o.iid : (o.image?.id ?? o.iid),
        tags: o.refs,
        platformDigests: o.verified
            ? (o.verified.platformDigests ??
                (0,_verify_js__WEBPACK_IMPORTED_MODULE_0__/* .platformDigests */ .Hm)(o.verified.manifest, o.image?.platform ?? o.verified.described?.platform))
            : {},
        size: o.image?.size ?? o.verified?.described?.size ?? 0,
        buildx: o.metadata ? asPushed(o.metadata, o.verified) : {},
        builder: o.builder,
        durations: o.durations
    };
}
/**
 * buildx's metadata with `containerimage.digest` (and its descriptor) saying what the registries serve. Where
 * docker pushed a loaded image, buildx's file is the --load build's: its digest is the engine's image ID
 * (the classic store) and `docker push` wrote another manifest, which a later step (cosign, attest) needs.
 * Where buildx pushed, the served digest is buildx's own, and nothing changes.
 */
function asPushed(metadata, verified) {
    if (!verified || !('containerimage.digest' in metadata))
        return metadata;
    const { mediaType, body } = verified.manifest;
    const descriptor = metadata['containerimage.descriptor'];
    return {
        ...metadata,
        'containerimage.digest': verified.digest,
        ...((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(descriptor)
            ? {
                'containerimage.descriptor': {
                    ...descriptor,
                    mediaType,
                    digest: verified.digest,
                    size: body.length
                }
            }
            : {})
    };
}


/***/ }),

/***/ 9833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  mk: () => (/* binding */ VerificationError),
  d5: () => (/* binding */ checkManifests),
  TQ: () => (/* binding */ isBuilt),
  Hm: () => (/* binding */ platformDigests),
  BO: () => (/* binding */ verifyByDigest),
  I6: () => (/* binding */ verifyTargets)
});

// UNUSED EXPORTS: READ_BACK, servedAfterPush

// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __nccwpck_require__(5526);
;// CONCATENATED MODULE: ./src/pipeline/describe.ts

const parse = (m) => {
    try {
        return JSON.parse(m.body.toString('utf8'));
    }
    catch {
        return {};
    }
};
/** A descriptor's size where it is a byte count; anything else counts as none. */
const bytes = (size) => Number.isSafeInteger(size) && size > 0 ? size : 0;
/** config + layers of one image manifest. */
const manifestSize = (m) => bytes(m.config?.size) +
    (Array.isArray(m.layers) ? m.layers : []).reduce((sum, l) => sum + bytes(l?.size), 0);
/** The platform buildx wrote in its metadata's descriptor, as os/arch[/variant]. */
function descriptorPlatform(metadata) {
    const p = metadata['containerimage.descriptor']
        ?.platform;
    return p?.os && p.architecture ? (0,oci/* platformString */.Fd)(p) : undefined;
}
async function describePushed(client, name, manifest, metadata) {
    const parsed = parse(manifest);
    if (!Array.isArray(parsed.manifests))
        return { size: manifestSize(parsed), platform: descriptorPlatform(metadata) };
    // Attestation manifests are not the image; each platform's manifest is fetched by digest (checked).
    const images = parsed.manifests.filter(d => d.digest && !(0,oci/* isAttestation */.H3)(d));
    const children = await Promise.all(images.map(d => client.getManifest(name, d.digest)));
    return { size: children.reduce((sum, child) => sum + manifestSize(parse(child)), 0) };
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __nccwpck_require__(7253);
// EXTERNAL MODULE: ./src/docker/cancel.ts
var cancel = __nccwpck_require__(1092);
;// CONCATENATED MODULE: ./src/pipeline/verify.ts





/** A registry's digest header as a message shows it: a digest, or not its text (a registry may echo anything). */
const shownDigest = (header) => /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,128}$/.test(header) ? header : 'not a digest';
/**
 * A registry that reads a write back through a replica or an eventually consistent store may answer 404 for
 * a moment after the push (docker-distribution on Swift or S3 of old, Nexus): a manifest missing right
 * after the push is asked for again, with a short backoff, about 2 s in all, before it fails the step. Any
 * other answer, another digest included, is final: it is not the registry being late.
 */
const READ_BACK = { attempts: 4, baseMs: 250, maxMs: 1000 };
async function servedAfterPush(client, name, reference, opts = {}) {
    let missing;
    try {
        return await (0,retry/* retry */.L5)(() => client.getManifest(name, reference).then(manifest => manifest, (error) => {
            missing = (0,errors/* isMissing */.b2)(error) ? error : undefined;
            throw missing ? new retry/* ClassifiedError */.IP(missing.message, 'transient') : error;
        }), { ...READ_BACK, sleep: opts.sleep, signal: opts.signal ?? cancel/* runCancelled */.LJ });
    }
    catch (error) {
        // Still missing: the registry's own answer, as final as it was, saying it was asked again.
        if (missing && !(opts.signal ?? cancel/* runCancelled */.LJ).aborted)
            throw new errors/* RegistryError */.gl(`${missing.message} (asked ${READ_BACK.attempts} times after the push)`, 'fatal', { status: 404, code: missing.code });
        throw error;
    }
}
class VerificationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'VerificationError';
    }
}
/**
 * The verification rules, separated from I/O so they can be table-tested. `identity` holds the digests that
 * name this run's image (iid, buildx's manifest and config digests); the served manifest must be one of them
 * or have one of them as its config.
 */
function checkManifests(tags, manifests, pushed, identity, reporter) {
    manifests.forEach((m, i) => {
        if (m.headerDigest && m.headerDigest !== m.digest)
            reporter?.warning(`the registry's Docker-Content-Digest for tag ${tags[i]} (${shownDigest(m.headerDigest)}) does not match its content (${m.digest}); using the content digest`);
    });
    const distinct = [...new Set(manifests.map(m => m.digest))];
    if (distinct.length > 1)
        throw new VerificationError(`tags resolve to different manifests: ${tags.map((t, i) => `${t} \u2192 ${manifests[i].digest}`).join(', ')}; another push may have moved a tag`);
    const [digest] = distinct;
    if (pushed.length > 0 && !pushed.includes(digest))
        throw new VerificationError(`tag ${tags[0]} serves ${digest}, but this run pushed ${pushed.join(' or ')}; another push moved the tag, or the registry serves other content`);
    if (isBuilt(manifests[0], identity))
        return digest;
    throw new VerificationError(`tag ${tags[0]} serves ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag, on this docker engine between the build and the push or in the registry; nothing of this run's image is verified`);
}
/** Whether a manifest is the image this run built: its own digest or its config's is in the build's identity. */
const isBuilt = (manifest, identity) => identity.includes(manifest.digest) || identity.includes(configDigest(manifest) ?? '');
function configDigest(manifest) {
    try {
        return JSON.parse(manifest.body.toString('utf8')).config?.digest;
    }
    catch {
        return undefined;
    }
}
/**
 * os/arch[/variant] \u2192 digest, from a pushed index (attestation manifests left out), or for a single
 * manifest from the local image's platform.
 */
function platformDigests(manifest, localPlatform) {
    let parsed;
    try {
        parsed = JSON.parse(manifest.body.toString('utf8'));
    }
    catch {
        return {};
    }
    if (!Array.isArray(parsed.manifests))
        return localPlatform ? { [localPlatform]: manifest.digest } : {};
    const images = parsed.manifests.filter((d) => !!d.digest && !!d.platform?.os && !!d.platform.architecture && !(0,oci/* isAttestation */.H3)(d));
    const names = (0,oci/* platformNames */.iJ)(images.map(d => d.platform));
    return Object.fromEntries(images.map((d, i) => [names[i], d.digest]));
}
/**
 * Every target registry must serve each of its tags as the one manifest this run pushed, and the same
 * bytes everywhere; that manifest must be the image this run built.
 */
async function verifyTargets(targets, clients, pushed, built, reporter) {
    const each = await Promise.all(targets.map(async (target) => {
        const client = clients.get(target.registry);
        const manifests = await Promise.all(target.tags.map(tag => servedAfterPush(client, target.name, tag)));
        const digest = checkManifests(target.refs, manifests, pushed.digests, built.identity, reporter);
        return { target, digest, manifest: manifests[0] };
    }));
    const digests = [...new Set(each.map(e => e.digest))];
    if (digests.length > 1)
        throw new VerificationError(`the registries serve different manifests for this build: ${each.map(e => `${e.target.repository} \u2192 ${e.digest}`).join(', ')}; the bytes must be identical everywhere`);
    return verified(each[0], targets, clients, pushed, built);
}
/**
 * A push by digest (`push-by-digest=true`): nothing is tagged, so each target must serve, at
 * `name@digest`, the manifest buildx says it pushed (its metadata's `containerimage.digest`), its bytes
 * hashing to that digest, and that manifest must be the image this run built.
 */
async function verifyByDigest(targets, clients, pushed, built, reporter) {
    const [digest] = pushed.digests;
    if (!digest)
        throw new VerificationError(`buildx pushed by digest but its metadata names no containerimage.digest; nothing of this run's image is verified`);
    const each = await Promise.all(targets.map(async (target) => {
        // By digest the client checks that the bytes hash to it.
        const manifest = await servedAfterPush(clients.get(target.registry), target.name, digest);
        if (!isBuilt(manifest, built.identity))
            throw new VerificationError(`${target.repository}@${digest} is not the image this run built (${built.identity[0]}); nothing of this run's image is verified`);
        return { target, digest, manifest };
    }));
    reporter.info(`Pushed by digest only (push-by-digest=true): no tag was created`);
    return verified(each[0], targets, clients, pushed, built);
}
async function verified(first, targets, clients, pushed, built) {
    // Nothing local to inspect: the size and platform come from what the registry serves.
    const described = pushed.image
        ? undefined
        : await describePushed(clients.get(first.target.registry), first.target.name, first.manifest, built.metadata);
    return {
        repository: first.target.repository,
        repositories: targets.map(t => t.repository),
        digest: first.digest,
        manifest: first.manifest,
        described
    };
}


/***/ }),

/***/ 7489:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  It: () => (/* binding */ manifestDigest)
});

// UNUSED EXPORTS: MANIFEST_ACCEPT, RegistryError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/core/reference.ts
var core_reference = __nccwpck_require__(5378);
// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __nccwpck_require__(7571);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// The WWW-Authenticate challenge as RFC 9110 spells it, and the credentials that answer one: what both the
// authenticator (auth.ts) and the token endpoint (token.ts) speak. Pure.
// RFC 9110 token characters, the token68 form, and one auth-param (value quoted or bare).
const WS_COMMA = /[\s,]*/y;
const SCHEME = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const TOKEN68 = /[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*(?=,|$)/y;
const PARAM = /[\s,]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"?|([^\s,"]*))/y;
/**
 * Parses a WWW-Authenticate value, possibly holding several challenges. A comma ends a challenge only
 * when what follows is not `name=value`, which is how quoted commas and multiple challenges coexist.
 */
function parseChallenges(header) {
    const challenges = [];
    let i = 0;
    while (i < header.length) {
        WS_COMMA.lastIndex = i;
        WS_COMMA.exec(header);
        i = WS_COMMA.lastIndex;
        if (i >= header.length)
            break;
        SCHEME.lastIndex = i;
        const scheme = SCHEME.exec(header);
        if (!scheme) {
            i++; // not a challenge; skip the stray character
            continue;
        }
        i = SCHEME.lastIndex;
        const challenge = { scheme: scheme[0].toLowerCase(), params: {} };
        TOKEN68.lastIndex = i;
        const token68 = TOKEN68.exec(header);
        if (token68) {
            challenge.token68 = token68[1];
            i = TOKEN68.lastIndex;
        }
        else {
            for (;;) {
                PARAM.lastIndex = i;
                const param = PARAM.exec(header);
                if (!param)
                    break;
                challenge.params[param[1].toLowerCase()] =
                    param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
                i = PARAM.lastIndex;
            }
        }
        challenges.push(challenge);
    }
    return challenges;
}

// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __nccwpck_require__(5831);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var registry_transport = __nccwpck_require__(1500);
;// CONCATENATED MODULE: ./src/registry/token.ts
// The token endpoint of a Bearer registry: distribution's token spec, and OAuth2 for identity tokens.





// Refresh a bit early so a token does not expire between being read from the cache and being used.
const TOKEN_EXPIRY_MARGIN_MS = 10000;
function basicHeader(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
function isIdentityToken(credentials) {
    return credentials.username === '<token>';
}
/** One token for `scope`, as the challenge's realm hands it out; a refusal is an auth error with its status. */
async function requestToken(transport, challenge, scope, credentials) {
    const { registry } = transport;
    const { realm, service } = challenge.params;
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new errors/* RegistryError */.gl(`${registry} sent an invalid token realm "${(0,core_text/* oneLine */.TN)(realm, 100)}"`, 'auth');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* RegistryError */.gl(`${registry} sent an unsupported token realm ${url.origin}`, 'auth');
    // The registry's own origin is plain HTTP only when it is loopback or docker holds it insecure. Another
    // loopback port is this machine's only for a registry on this machine: a remote registry naming one would
    // have the credentials sent in the clear to whatever listens there.
    const ownHost = url.origin === transport.baseUrl;
    const local = (0,core_reference/* isLoopbackRegistry */.jW)(url.host) && (0,core_reference/* isLoopbackRegistry */.jW)(registry);
    if (credentials && url.protocol === 'http:' && !local && !ownHost) {
        throw new errors/* RegistryError */.gl(`refusing to send credentials for ${registry} over plain HTTP to token realm ${url.origin}`, 'auth');
    }
    const headers = { Accept: 'application/json' };
    let method = 'GET';
    let body;
    if (credentials && isIdentityToken(credentials)) {
        // Identity tokens are OAuth2 refresh tokens, exchanged by POST (what docker does after `docker login`).
        method = 'POST';
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.password });
        form.set('client_id', registry_transport/* USER_AGENT */._O);
        if (service)
            form.set('service', service);
        form.set('scope', scope);
        body = Buffer.from(form.toString());
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        headers['Content-Length'] = String(body.length);
    }
    else {
        if (service)
            url.searchParams.set('service', service);
        // Several scopes (a cross-repository mount) go as several `scope` parameters, as docker sends them.
        for (const one of scope.split(' '))
            url.searchParams.append('scope', one);
        if (credentials) {
            url.searchParams.set('account', credentials.username);
            headers.Authorization = basicHeader(credentials);
        }
    }
    // An identity token in the body goes to the realm alone; a redirect elsewhere (or to plain HTTP) is refused.
    const res = await transport.send(method, url, headers, body, body !== undefined);
    if (res.status === 401 || res.status === 403)
        throw transport.httpError(method, url, res, 'auth', 'token request');
    if (res.status !== 200)
        throw transport.httpError(method, url, res, 'fatal', 'token request');
    let json;
    try {
        json = JSON.parse(res.body.toString('utf8'));
    }
    catch {
        throw new errors/* RegistryError */.gl(`token request ${method} ${(0,errors/* where */._M)(url)} returned a body that is not JSON`, 'fatal');
    }
    // Masked before anything else can see them, the refresh token too though we never use it; a value that
    // would hide digests or names in the log and the outputs is only kept out of our messages.
    for (const value of [json.token, json.access_token, json.refresh_token])
        if (typeof value === 'string')
            transport.secret(value, (0,masks/* maskableToken */.mv)(value));
    const token = typeof json.token === 'string' && json.token !== ''
        ? json.token
        : typeof json.access_token === 'string'
            ? json.access_token
            : '';
    if (token === '')
        throw new errors/* RegistryError */.gl(`token request ${method} ${(0,errors/* where */._M)(url)} returned no token`, 'auth');
    // The spec's default lifetime is 60 s when expires_in is absent.
    const lifetimeMs = (typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60) * 1000;
    return {
        header: `Bearer ${token}`,
        expiresAt: Date.now() + Math.max(lifetimeMs - TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2)
    };
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
// Authentication on top of the transport: the WWW-Authenticate challenge, Basic credentials and Bearer
// tokens (cached per scope, identity tokens exchanged by POST), and what to tell the user when it fails.






class Authenticator {
    transport;
    registry;
    lookup;
    credentialsPromise;
    /** Set once the registry asked for Basic and we had credentials; sent preemptively from then on. */
    basic;
    /** The registry's Bearer challenge, remembered so new scopes fetch a token without a 401 first. */
    bearer;
    tokens = new Map();
    constructor(transport, lookup) {
        this.transport = transport;
        this.registry = transport.registry;
        this.lookup = lookup;
    }
    /** One registry API call with authentication: anonymous or cached first, then whatever a 401 asks for. */
    async request(method, url, repo, actions, headers, body, 
    /** Another scope the same token needs, e.g. `repository:<from>:pull` for a cross-repository mount. */
    alsoScope) {
        const scope = `repository:${repo}:${actions}${alsoScope ? ` ${alsoScope}` : ''}`;
        let auth = await this.knownAuthorization(scope);
        let res = await this.transport.send(method, url, withAuth(headers, auth), body);
        this.refuseForeignChallenge(method, url, res);
        if (res.status === 401 && !auth?.fresh) {
            if (auth?.cached && this.tokens.get(auth.scope) === auth.cached)
                this.tokens.delete(auth.scope);
            auth = await this.authorize(res, scope, method, url);
            res = await this.transport.send(method, url, withAuth(headers, auth), body);
            this.refuseForeignChallenge(method, url, res);
        }
        if (res.status === 401 || res.status === 403) {
            throw await this.authError(this.transport.httpError(method, url, res, 'auth'), actions, repo);
        }
        return res;
    }
    /**
     * The preflight of a push, given the 401 that GET /v2/ answered: fails only when the push surely cannot
     * authenticate. Basic without credentials fails; Bearer fails only when the token endpoint refuses a
     * push-scoped token (a token it hands out is not inspected: an anonymous one may still lack push, but
     * a push that could succeed is never blocked). What it obtains is kept for the requests that follow.
     */
    async checkPushAccess(res, repo, url) {
        this.refuseForeignChallenge('GET', url, res);
        const challenges = parseChallenges((0,errors/* headerValue */.Z)(res.headers['www-authenticate']) ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer' && c.params.realm);
        if (bearer) {
            this.bearer = bearer;
            try {
                await this.tokenFor(`repository:${repo}:pull,push`);
            }
            catch (err) {
                // Only a refusal is certain; a token server failing now may answer the push. A client closed meanwhile
                // (the run cancelled, or failed elsewhere) is no token server failing: the run must not go on.
                if (err instanceof errors/* RegistryError */.gl && (err.status === 401 || err.status === 403))
                    throw err;
                if (this.transport.closed.signal.aborted)
                    throw err;
            }
            return;
        }
        if (!challenges.some(c => c.scheme === 'basic'))
            return;
        // An unreadable store is no proof: docker reads its own when it pushes.
        const credentials = await this.credentials().catch(() => null);
        if (credentials === undefined) {
            throw new errors/* RegistryError */.gl(`no credentials for ${this.registry}: the registry asks for a login`, 'auth', {
                status: 401
            });
        }
        if (credentials)
            this.basic = basicHeader(credentials);
    }
    /**
     * The Authorization header for a request whose body is a stream, which cannot be resent after a 401:
     * what an earlier request to the same scope obtained (undefined for an anonymous registry).
     */
    async headerFor(repo, actions) {
        return (await this.knownAuthorization(`repository:${repo}:${actions}`))?.header;
    }
    /** What we can send without being asked: Basic once the registry wanted it, or a Bearer token. */
    async knownAuthorization(scope) {
        if (this.basic)
            return { header: this.basic, fresh: true };
        if (!this.bearer)
            return undefined;
        // A pull,push token also grants pull.
        for (const candidate of scope.endsWith(':pull') ? [scope, `${scope},push`] : [scope]) {
            const cached = this.tokens.get(candidate);
            if (!cached)
                continue;
            try {
                const token = await cached;
                if (token.expiresAt > Date.now())
                    return { header: token.header, fresh: false, cached, scope: candidate };
            }
            catch {
                // a failed fetch is dropped from the cache by tokenFor; fetch anew below
            }
            if (this.tokens.get(candidate) === cached)
                this.tokens.delete(candidate);
        }
        return { header: (await this.tokenFor(scope)).header, fresh: true };
    }
    /** Reacts to a 401: picks the challenge and obtains what it asks for. */
    async authorize(res, scope, method, url) {
        const challenges = parseChallenges((0,errors/* headerValue */.Z)(res.headers['www-authenticate']) ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer');
        if (bearer) {
            if (!bearer.params.realm) {
                throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)}: Bearer challenge without a realm`, 'auth', {
                    status: 401
                });
            }
            this.bearer = bearer;
            return { header: (await this.tokenFor(scope)).header, fresh: true };
        }
        if (challenges.some(c => c.scheme === 'basic')) {
            const credentials = await this.credentials();
            if (!credentials) {
                throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} requires authentication, and ${noCredentials(this.registry)}`, 'auth', { status: 401 });
            }
            this.basic = basicHeader(credentials);
            return { header: this.basic, fresh: true };
        }
        const offered = challenges.map(c => c.scheme).join(', ') || 'none';
        throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)}: HTTP 401 with no supported authentication challenge (offered: ${offered})`, 'auth', { status: 401 });
    }
    /** Concurrent requests for the same scope share one token fetch. */
    tokenFor(scope) {
        const existing = this.tokens.get(scope);
        if (existing)
            return existing;
        const pending = this.fetchToken(scope);
        this.tokens.set(scope, pending);
        pending.catch(() => {
            if (this.tokens.get(scope) === pending)
                this.tokens.delete(scope);
        });
        return pending;
    }
    async fetchToken(scope) {
        const credentials = await this.credentials();
        try {
            return await requestToken(this.transport, this.bearer, scope, credentials);
        }
        catch (err) {
            // The token server said no: say what the user can do about it.
            if (err instanceof errors/* RegistryError */.gl && (err.status === 401 || err.status === 403))
                throw await this.authError(err, scope.endsWith(',push') ? 'pull,push' : 'pull', scope.split(':')[1]);
            throw err;
        }
    }
    /** Looked up once per client, and only when a registry asks, so anonymous registries spawn no helper. */
    credentials() {
        if (!this.lookup)
            return Promise.resolve(undefined);
        this.credentialsPromise ??= this.lookup(this.registry).then(credentials => {
            // The password (or identity token) and the Basic header made of it, masked before either is sent.
            if (credentials) {
                this.transport.secret(credentials.password);
                this.transport.secret(basicHeader(credentials).slice('Basic '.length));
            }
            return credentials;
        }, (err) => {
            throw new errors/* RegistryError */.gl(`could not read credentials for ${this.registry}: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, 'fatal');
        });
        return this.credentialsPromise;
    }
    /**
     * A 401 or 403 from where a redirect led on another origin (a registry's storage, a CDN) is that host's
     * answer, not the registry's: its challenge would choose where our credentials go, so it is not followed.
     */
    refuseForeignChallenge(method, url, res) {
        if (res.status !== 401 && res.status !== 403)
            return;
        if (!res.from || this.transport.effective(res.from).origin === this.transport.effective(url).origin)
            return;
        throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} was redirected to ${res.from.origin}, which answered HTTP ${res.status}; the credentials for ${this.registry} are not sent to another origin`, 'auth', { status: res.status });
    }
    /** Adds what the user can do about an auth failure. */
    async authError(error, actions, repo) {
        let hint;
        try {
            hint = (await this.credentials())
                ? `the credentials for ${this.registry} were rejected or lack ${actions} access to ${repo}`
                : noCredentials(this.registry);
        }
        catch {
            hint = `credentials for ${this.registry} could not be read`;
        }
        return new errors/* RegistryError */.gl(`${error.message} (${hint})`, 'auth', { status: error.status, code: error.code });
    }
}
/**
 * No login for a registry the run reads or writes, sources included: registry-auth entries are logged in
 * before anything is read, and docker config logins from earlier steps are read too.
 */
const noCredentials = (registry) => `no credentials were found for ${registry} (give it a login in ${(0,input_ref/* ref */.KR)('registry-auth')}, or run docker login ${registry} beforehand)`;
function withAuth(headers, auth) {
    return auth ? { ...headers, Authorization: auth.header } : headers;
}

// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __nccwpck_require__(5526);
;// CONCATENATED MODULE: ./src/registry/api.ts
// The distribution (OCI) HTTP API, just enough to read and write manifests: the top layer, over the
// authenticator and the transport.







const MANIFEST_ACCEPT = oci/* MANIFEST_TYPES */._P;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function manifestDigest(body) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
}
class RegistryClient {
    registry;
    /** For the blob and tag modules beside this one (blobs.ts, tags-list.ts); not for the pipeline. */
    transport;
    auth;
    constructor(opts) {
        this.registry = opts.registry;
        this.transport = new registry_transport/* Transport */.oK(opts);
        this.auth = new Authenticator(this.transport, opts.credentials);
    }
    /** HTTP requests made, including token fetches and retries. */
    get requestCount() {
        return this.transport.requestCount;
    }
    /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
    get baseUrl() {
        return this.transport.baseUrl;
    }
    /** Fetches a manifest by tag or digest; `repo` is the remote path (`library/nginx` on Docker Hub). */
    async getManifest(repo, reference) {
        this.validate(repo, reference);
        // By digest, the content is checked against it: a digest that cannot be checked is not asked for.
        const byDigest = DIGEST.test(reference);
        const problem = byDigest ? (0,oci/* digestProblem */.WQ)(reference) : undefined;
        if (problem)
            throw new errors/* RegistryError */.gl(`cannot fetch ${repo}@${reference}: ${problem}`, 'fatal');
        const path = `manifests/${reference}`;
        const res = await this.auth.request('GET', this.url(repo, path), repo, 'pull', {
            Accept: MANIFEST_ACCEPT.join(', ')
        });
        // Named anew: the request may have moved an insecure registry to plain HTTP.
        const url = this.url(repo, path);
        if (res.status !== 200)
            throw this.transport.httpError('GET', url, res, 'fatal');
        const digest = manifestDigest(res.body);
        const served = byDigest ? (0,oci/* contentDigest */.eZ)(reference, res.body) : reference;
        if (served !== reference) {
            throw new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(url)} returned content whose digest is ${served}`, 'fatal', {
                status: res.status
            });
        }
        return {
            digest,
            mediaType: mediaTypeOf(res),
            body: res.body,
            headerDigest: (0,errors/* headerValue */.Z)(res.headers['docker-content-digest'])
        };
    }
    /** Uploads a manifest under `tag`; returns the digest of `body`, which is what the registry stores. */
    async putManifest(repo, tag, body, mediaType) {
        this.validate(repo, tag);
        const path = `manifests/${tag}`;
        const headers = { 'Content-Type': mediaType, 'Content-Length': String(body.length) };
        const res = await this.auth.request('PUT', this.url(repo, path), repo, 'pull,push', headers, body);
        if (res.status < 200 || res.status > 299)
            throw this.transport.httpError('PUT', this.url(repo, path), res, 'fatal');
        return manifestDigest(body);
    }
    /** GET /v2/: the registry is up and speaks the distribution API (a 401 counts: it only asks for auth). */
    async ping() {
        const url = new URL(`${this.baseUrl}/v2/`);
        const res = await this.transport.send('GET', url, {});
        if (res.status !== 200 && res.status !== 401)
            throw this.transport.httpError('GET', url, res, 'fatal');
    }
    /**
     * ping() for a run that will push to `repo`: also fails, before any build, when the registry asks for
     * a login that cannot succeed (see Authenticator.checkPushAccess). Passes every registry answering 200.
     */
    async checkPushAccess(repo) {
        const problem = (0,core_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new errors/* RegistryError */.gl(`invalid repository "${repo}": ${problem}`, 'fatal');
        const url = new URL(`${this.baseUrl}/v2/`);
        const res = await this.transport.send('GET', url, {});
        if (res.status === 401)
            return this.auth.checkPushAccess(res, repo, url);
        if (res.status !== 200)
            throw this.transport.httpError('GET', url, res, 'fatal');
    }
    close() {
        this.transport.close();
    }
    validate(repo, reference) {
        // Both end up in a URL path, so anything outside the grammar (`..`, `?`) is refused outright.
        const problem = (0,core_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new errors/* RegistryError */.gl(`invalid repository "${repo}": ${problem}`, 'fatal');
        if (!(0,core_reference/* isValidTag */.r_)(reference) && !DIGEST.test(reference))
            throw new errors/* RegistryError */.gl(`invalid tag or digest "${reference}"`, 'fatal');
    }
    /** `<base>/v2/<repo>/<path>`, named anew each time: an insecure registry may have moved to plain HTTP. */
    url(repo, path) {
        return new URL(`${this.baseUrl}/v2/${repo}/${path}`);
    }
}
function mediaTypeOf(res) {
    const contentType = ((0,errors/* headerValue */.Z)(res.headers['content-type']) ?? '').split(';')[0].trim().toLowerCase();
    if (contentType.startsWith('application/vnd.'))
        return contentType;
    // Some servers send application/json; the manifest names its own type.
    try {
        const declared = JSON.parse(res.body.toString('utf8')).mediaType;
        if (typeof declared === 'string' && declared !== '')
            return declared;
    }
    catch {
        // not JSON: fall through to whatever the header said
    }
    return contentType;
}


/***/ }),

/***/ 4147:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  pu: () => (/* binding */ CheckedBlob),
  W3: () => (/* binding */ ContentMismatch),
  Th: () => (/* binding */ getSmallBlob),
  is: () => (/* binding */ hasBlob),
  Ym: () => (/* binding */ openBlob),
  DV: () => (/* binding */ pushStream),
  aH: () => (/* binding */ startUpload),
  cc: () => (/* binding */ streamBlob),
  yI: () => (/* binding */ withCeiling)
});

// EXTERNAL MODULE: ./src/core/bounds.ts
var bounds = __nccwpck_require__(8630);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __nccwpck_require__(7253);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __nccwpck_require__(5526);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var registry_proxy = __nccwpck_require__(4263);
// EXTERNAL MODULE: ./src/registry/redirects.ts
var redirects = __nccwpck_require__(5558);
// EXTERNAL MODULE: ./src/registry/connection.ts
var connection = __nccwpck_require__(9647);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var registry_transport = __nccwpck_require__(1500);
;// CONCATENATED MODULE: ./src/registry/stream.ts
// Requests whose bodies are layers: the response (or the request body) is a stream, never a buffer, so a
// blob goes from one registry to another without being held in memory. Beside transport.ts, which buffers
// every answer (manifests, tokens, errors) and retries; the caller of these retries the whole transfer.






// As transport.ts follows them: docker's client, at most 5 hops.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** An error answer is read for its message, never more than this. */
const ERROR_BODY_BYTES = 64 * 1024;
/**
 * A GET whose body is read by the caller: redirects are followed (a registry sends blob reads to its
 * storage), and Authorization goes only to the origin it was meant for, never to the storage host.
 */
async function openRead(transport, url, headers, 
/** Ends the exchange (and the body being read) when aborted: a ceiling over the whole transfer. */
signal) {
    let at = url;
    let sent = headers;
    for (let hops = 0;; hops++) {
        const res = await once(transport, 'GET', at, sent, undefined, signal);
        const location = (0,errors/* headerValue */.Z)(res.headers.location);
        if (!REDIRECTS.has(res.statusCode ?? 0) || !location)
            return { res, at };
        res.resume();
        ({ next: at, headers: sent } = (0,redirects/* redirectHop */.I)({
            method: 'GET',
            first: url,
            at,
            location,
            hops,
            headers: sent,
            effective: u => transport.effective(u)
        }));
    }
}
/** A PUT (or PATCH) whose body is `body`, `length` bytes; the answer is buffered, being small. */
async function sendStream(transport, method, url, headers, body, length, signal) {
    const res = await once(transport, method, url, { ...headers, 'Content-Length': String(length) }, body, signal);
    return { status: res.statusCode ?? 0, headers: res.headers, body: await readSmall(res) };
}
/** A streamed answer that is not what the caller wanted, as a RegistryError classified by its status. */
async function streamError(transport, method, { res, at }) {
    const response = { status: res.statusCode ?? 0, headers: res.headers, body: await readSmall(res) };
    return transport.httpError(method, at, response, statusKind(response.status));
}
/** 408, 429 and 5xx are worth another attempt, 401 and 403 are auth failures, the rest are final. */
function statusKind(status) {
    if (status === 408 || status === 429 || status >= 500)
        return 'transient';
    if (status === 401 || status === 403)
        return 'auth';
    return 'fatal';
}
async function readSmall(res) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of res) {
            if (size < ERROR_BODY_BYTES)
                chunks.push(chunk);
            size += chunk.length;
        }
    }
    catch {
        // what arrived is enough for a message
    }
    return Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES);
}
/**
 * One exchange, resolved with the response head. The deadline is for inactivity: a 128 MB layer may
 * rightly take longer than one request's deadline in all, but not a silence that long.
 */
async function once(transport, method, url, headers, body, ceiling) {
    transport.requestCount++;
    const target = transport.effective(url);
    const tls = target.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23))).default;
    const agent = await transport.agentFor(target, tls, method, true);
    const signal = ceiling ? AbortSignal.any([transport.closed.signal, ceiling]) : transport.closed.signal;
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            body?.destroy();
            if (settled)
                return;
            settled = true;
            reject(transport.networkError(method, target, err));
        };
        const req = (tls ?? (external_node_http_default())).request(target, { method, headers: { 'User-Agent': registry_transport/* USER_AGENT */._O, ...headers }, agent, signal }, res => {
            const proxy = res.statusCode === 407 ? transport.proxyOf(target) : undefined;
            if (proxy) {
                res.resume();
                fail((0,registry_proxy/* proxyRefused */.rZ)(method, target, proxy, 407));
                return;
            }
            settled = true;
            // A body still being sent when the registry has answered (an early 4xx/5xx) is of no more use.
            if (body && !body.readableEnded)
                body.destroy();
            res.setTimeout(transport.timeoutMs, () => res.destroy(Object.assign(new Error(`stalled for ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
            resolve(res);
        });
        (0,connection/* boundConnection */.J)(req, agent, transport.timeoutMs, fail);
        req.setTimeout(transport.timeoutMs, () => req.destroy(Object.assign(new Error(`timed out after ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
        // A body other than its Content-Length would desync the connection: node refuses it, and a request
        // that failed mid-body is destroyed (fail), so its socket never goes back to the pool.
        Object.assign(req, { strictContentLength: true }); // on every OutgoingMessage; typed only on ServerResponse
        req.on('error', fail);
        if (!body)
            return void req.end();
        body.on('error', err => {
            req.destroy(err);
            fail(err);
        });
        body.pipe(req);
    });
}

;// CONCATENATED MODULE: ./src/registry/blobs.ts
// Blobs between repositories and registries: HEAD, cross-repository mount, and a streamed copy (GET from
// the source, or a file \u2192 one monolithic PUT to the target), for promoting and merging images without the
// engine.







function checkDigest(digest) {
    // It goes into a URL path and a query: nothing outside the grammar, and nothing that cannot be verified.
    const problem = (0,oci/* digestProblem */.WQ)(digest);
    if (problem)
        throw new errors/* RegistryError */.gl(`invalid blob digest: ${problem}`, 'fatal');
}
/** Whether `repo` on this registry has the blob. */
async function hasBlob(client, repo, digest) {
    checkDigest(digest);
    const url = client.url(repo, `blobs/${digest}`);
    const res = await client.auth.request('HEAD', url, repo, 'pull', {});
    if (res.status === 200)
        return true;
    if (res.status === 404)
        return false;
    throw client.transport.httpError('HEAD', client.url(repo, `blobs/${digest}`), res, 'fatal');
}
/** A small blob (an image config), read whole; its digest is checked. */
async function getSmallBlob(client, repo, digest) {
    checkDigest(digest);
    const res = await client.auth.request('GET', client.url(repo, `blobs/${digest}`), repo, 'pull', {});
    if (res.status !== 200)
        throw client.transport.httpError('GET', client.url(repo, `blobs/${digest}`), res, 'fatal');
    const got = (0,oci/* contentDigest */.eZ)(digest, res.body);
    if (got !== digest)
        throw new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(client.url(repo, `blobs/${digest}`))} returned ${got}`, 'fatal');
    return res.body;
}
/**
 * POST /v2/<repo>/blobs/uploads/, with `?mount=&from=` when the blob is in `from` on the same registry.
 * Mounted: nothing to upload. Otherwise the upload session's URL (a registry that does not mount, or a
 * blob it could not find in `from`, answers 202 and starts an ordinary upload).
 */
async function startUpload(client, repo, mount) {
    const path = 'blobs/uploads/';
    const url = client.url(repo, path);
    if (mount) {
        checkDigest(mount.digest);
        url.searchParams.set('mount', mount.digest);
        url.searchParams.set('from', mount.from);
    }
    const also = mount ? `repository:${mount.from}:pull` : undefined;
    const headers = { 'Content-Length': '0' };
    const res = await client.auth.request('POST', url, repo, 'pull,push', headers, undefined, also);
    if (mount && res.status === 201)
        return 'mounted';
    const location = (0,errors/* headerValue */.Z)(res.headers.location);
    if (res.status !== 202 || !location)
        throw client.transport.httpError('POST', client.url(repo, path), res, 'fatal', 'blob upload');
    let upload;
    try {
        upload = new URL(location, client.transport.effective(client.url(repo, path)));
    }
    catch {
        // reported below
    }
    if (!upload || (upload.protocol !== 'https:' && upload.protocol !== 'http:'))
        throw new errors/* RegistryError */.gl(`blob upload POST ${(0,errors/* where */._M)(client.url(repo, path))}: its Location names an upload that cannot be reached (${JSON.stringify((0,core_text/* oneLine */.TN)(location, 200))})`, 'fatal');
    return upload;
}
/**
 * Streams one blob from `src`/`srcRepo` into an upload session of `dst`/`dstRepo` (monolithic PUT with the
 * digest, which the target checks too). Resolves with the bytes moved. Not retried here: the caller retries
 * the whole copy, since neither stream can be replayed. Both exchanges end when `ceilingMs` has passed,
 * a transient failure: the idle bound alone would let a source that trickles hold the step for hours.
 *
 * The source is not trusted: a declared length other than the descriptor's size is refused before the PUT,
 * bytes are counted and hashed on the way, and the last chunk is held back until length and digest are
 * right, so the target never holds a complete upload of wrong content, nor any byte past `size` (which it
 * would read as a request of its own on the same connection). Such a failure names the source.
 */
async function streamBlob(src, srcRepo, dst, dstRepo, blob, upload, ceilingMs) {
    checkDigest(blob.digest);
    return withCeiling(blob, `${src.registry}/${srcRepo}`, `${dst.registry}/${dstRepo}`, ceilingMs, signal => moveBlob(src, srcRepo, dst, dstRepo, blob, upload, signal));
}
/**
 * A blob read from `open()` (a file: `source` names it) into an upload session of `dst`/`dstRepo`, checked
 * on the way as a registry's blob is, and bounded by `ceilingMs` alike. Not retried here.
 */
async function pushStream(open, source, dst, dstRepo, blob, upload, ceilingMs) {
    checkDigest(blob.digest);
    return withCeiling(blob, source, `${dst.registry}/${dstRepo}`, ceilingMs, signal => {
        const body = open();
        const checked = new CheckedBlob(blob, source, 'has');
        body.on('error', err => checked.destroy(new errors/* RegistryError */.gl(`${source}: reading it failed: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, 'fatal')));
        checked.on('close', () => body.destroy());
        signal.addEventListener('abort', () => checked.destroy());
        body.pipe(checked);
        return putBlob(dst, dstRepo, blob, checked, upload, signal);
    });
}
/** `move` aborted by its signal after `ceilingMs`, which ends as a transient error saying so. */
async function withCeiling(blob, from, to, ceilingMs, move) {
    const ceiling = new AbortController();
    const timer = ceilingMs === undefined ? undefined : setTimeout(() => ceiling.abort(), ceilingMs);
    try {
        return await move(ceiling.signal);
    }
    catch (error) {
        if (!ceiling.signal.aborted)
            throw error;
        throw new errors/* RegistryError */.gl(`copy of ${blob.digest} (${blob.size} bytes) from ${from} to ${to} ` +
            `not done after ${(0,bounds/* formatSeconds */.Xo)(ceilingMs)} s (a blob stream's bound grows with its size at ${bounds/* MIN_THROUGHPUT */.wW / 1024 / 1024} MiB/s): the transfer is too slow`, 'transient');
    }
    finally {
        clearTimeout(timer);
    }
}
async function moveBlob(src, srcRepo, dst, dstRepo, blob, upload, signal) {
    return putBlob(dst, dstRepo, blob, await openBlob(src, srcRepo, blob, signal), upload, signal);
}
/**
 * The blob `src`/`srcRepo` serves, as a stream checked against `blob` (length and digest, the last chunk
 * held back until both are right), its source read under the idle bound and ended by `signal`.
 */
async function openBlob(src, srcRepo, blob, signal, 
/** What the blob is called in errors. */
source = `source ${src.registry}/${srcRepo}: blob ${blob.digest}`) {
    checkDigest(blob.digest);
    const read = async () => {
        const auth = await src.auth.headerFor(srcRepo, 'pull');
        return openRead(src.transport, src.url(srcRepo, `blobs/${blob.digest}`), auth ? { Authorization: auth } : {}, signal);
    };
    // A failure to read it (a blob gone since the manifests were read) is the source's, and says so.
    const named = (error) => {
        if (!(error instanceof errors/* RegistryError */.gl))
            throw error;
        const { kind, status, code, retryAfterMs } = error;
        throw new errors/* RegistryError */.gl(`${source}: ${error.message}`, kind, { status, code, retryAfterMs });
    };
    let got = await read().catch(named);
    if (got.res.statusCode === 401) {
        // A token that expired since the manifests were read: one buffered request renews it.
        got.res.resume();
        await src.auth.request('HEAD', src.url(srcRepo, `blobs/${blob.digest}`), srcRepo, 'pull', {}).catch(named);
        got = await read().catch(named);
    }
    if (got.res.statusCode !== 200)
        named(await streamError(src.transport, 'GET', got));
    const declared = (0,errors/* headerValue */.Z)(got.res.headers['content-length']);
    if (declared !== undefined && declared !== String(blob.size)) {
        // Never read on, and never back into the pool: the connection is in an unknown state.
        got.res.destroy();
        throw new errors/* RegistryError */.gl(`${source} is served with ${(0,core_text/* oneLine */.TN)(declared, 40)} bytes, but its descriptor's size is ${blob.size}`, 'fatal');
    }
    const checked = new CheckedBlob(blob, source);
    got.res.on('error', err => checked.destroy(err instanceof errors/* RegistryError */.gl
        ? err
        : new errors/* RegistryError */.gl(`${source}: reading it failed: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, (0,retry/* kindOf */.I)(err))));
    got.res.on('close', () => {
        if (!got.res.complete)
            checked.destroy(new errors/* RegistryError */.gl(`${source}: the source closed the connection mid-blob`, 'transient'));
    });
    // A reader that ended early (a PUT the target answered, a file that failed) needs no more of the source.
    checked.on('close', () => {
        if (checked.errored || !got.res.complete)
            got.res.destroy();
    });
    got.res.pipe(checked);
    return checked;
}
/** `body` into the upload session: one monolithic PUT with the digest, which the target checks too. */
async function putBlob(dst, dstRepo, blob, checked, upload, signal) {
    const put = new URL(upload);
    put.searchParams.set('digest', blob.digest);
    const auth = await dst.auth.headerFor(dstRepo, 'pull,push');
    const headers = { 'Content-Type': 'application/octet-stream' };
    if (auth && put.origin === dst.transport.effective(dst.url(dstRepo, '')).origin)
        headers.Authorization = auth;
    const res = await sendStream(dst.transport, 'PUT', put, headers, checked, blob.size, signal);
    if (res.status !== 201 && res.status !== 204) {
        const error = dst.transport.httpError('PUT', put, res, statusKind(res.status), 'blob upload');
        throw res.status === 401 || res.status === 403
            ? new errors/* RegistryError */.gl(`${error.message} (the credentials for ${dst.registry} were rejected or lack push access to ${dstRepo})`, 'auth', { status: res.status, code: error.code })
            : error;
    }
    return checked.bytes;
}
/**
 * Passes a blob's bytes on while counting and hashing them, never more than its size, and holds the last
 * chunk back until the whole blob has the right length and digest: a wrong blob ends as an error of the
 * source, and whatever reads this never sees all of it.
 */
/** What a source sent is not what its descriptor says: its length or its digest. Never retried. */
class ContentMismatch extends errors/* RegistryError */.gl {
    constructor(message) {
        super(message, 'fatal');
        this.name = 'ContentMismatch';
    }
}
class CheckedBlob extends external_node_stream_.Transform {
    blob;
    source;
    verb;
    bytes = 0;
    hash;
    held;
    /** `verb` says how the bytes came: a registry's blob "is served with" them, a file "has" them. */
    constructor(blob, source, verb = 'is served with') {
        super();
        this.blob = blob;
        this.source = source;
        this.verb = verb;
        this.hash = (0,oci/* hashFor */.Og)(blob.digest);
    }
    _transform(chunk, _encoding, done) {
        this.bytes += chunk.length;
        if (this.bytes > this.blob.size)
            return done(new ContentMismatch(`${this.source} ${this.verb} more bytes than its descriptor's size (${this.blob.size})`));
        this.hash.update(chunk);
        if (this.held)
            this.push(this.held);
        this.held = chunk;
        done();
    }
    _flush(done) {
        if (this.bytes < this.blob.size)
            return done(new ContentMismatch(`${this.source} ended after ${this.bytes} of its ${this.blob.size} bytes`));
        const got = (0,oci/* digestOf */.ol)(this.blob.digest, this.hash);
        if (got !== this.blob.digest)
            return done(new ContentMismatch(`${this.source} ${this.verb} other content (its digest is ${got})`));
        done(null, this.held);
    }
}


/***/ }),

/***/ 3034:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ PARALLEL_BLOBS),
/* harmony export */   Gi: () => (/* binding */ MAX_TAGS_READ),
/* harmony export */   TP: () => (/* binding */ MAX_BLOB_BYTES),
/* harmony export */   Uf: () => (/* binding */ MAX_LAYERS),
/* harmony export */   Vk: () => (/* binding */ MAX_INDEX_ENTRIES),
/* harmony export */   Wq: () => (/* binding */ MAX_MANIFESTS),
/* harmony export */   c2: () => (/* binding */ LIST_MS),
/* harmony export */   cV: () => (/* binding */ STREAM_SOCKETS),
/* harmony export */   gM: () => (/* binding */ MAX_BLOBS),
/* harmony export */   p0: () => (/* binding */ blobCeilingMs),
/* harmony export */   rI: () => (/* binding */ MAX_SBOM_BYTES),
/* harmony export */   z4: () => (/* binding */ registryBoundsFrom)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, BLOB_MIN_MS, COPY_RETRY_WINDOW_MS, copyWorstMs */
/* harmony import */ var _core_bounds_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8630);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7253);
// How long registry work may take, and how much of a registry's answer is read (tags, index entries): the defaults, their
// overrides from the environment (the tests shrink them), and what they add up to for a blob copy.


/** Per request (connect through the end of the answer); also the idle bound of a blob stream. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * A blob stream between registries ends after max(this, its size at 1 MiB/s), however steadily it
 * trickles: the idle bound alone lets a source that sends a byte every few seconds run for hours.
 */
const BLOB_MIN_MS = 60_000;
/** No new attempt at copying a blob starts more than this after its first. */
const COPY_RETRY_WINDOW_MS = 90_000;
/** Tags read from one repository for a glob before giving up; the matching ones are all that is kept. */
const MAX_TAGS_READ = 100_000;
/**
 * Entries of one index read from a source registry (or merged from sources). Registries cap a manifest at
 * 4 MiB (distribution, containers/image), room for some 25 000 minimal descriptors, so their limit is no
 * guide; what tools write is: buildx and docker list one manifest per platform plus one attestation
 * manifest each, a few dozen at the most. Each entry costs a manifest read and a request per blob, so a
 * longer index is refused, naming the source, before anything is written.
 */
const MAX_INDEX_ENTRIES = 1000;
/**
 * Manifests a run copies in all, each digest once, and those found below one source (or the referrers of
 * one) before anything is written. The bound of one index multiplies through nested indexes (1000^4 at
 * four levels), so the total has its own: an index's worth twice over, where a real image lists a few dozen.
 */
const MAX_MANIFESTS = 2 * MAX_INDEX_ENTRIES;
/**
 * Layers of one image manifest read from a source: docker runs at most 127 (overlay's mount arguments),
 * the kernel stacks some 500, and images meant to be stored rather than run (source containers) have a few
 * hundred. A manifest of 16 MiB holds some 100 000 descriptors, each a request or more.
 */
const MAX_LAYERS = 1000;
/** Distinct blobs a run copies in all: 1000 manifests of 127 layers each would still be 127 000 requests. */
const MAX_BLOBS = 20_000;
/**
 * The largest blob a source may declare: a blob's ceiling grows with its declared size (at 1 MiB/s), so a
 * size of 2^50 would bound nothing. The largest layers registries take are ECR's 52 000 MiB (Docker Hub and
 * GHCR take 10 GB).
 */
const MAX_BLOB_BYTES = 64 * 1024 * 1024 * 1024;
/**
 * One listing of tags, every page: a page is one request, but a registry that pages in tens (or links on
 * with empty pages) could hold a glob for hours across MAX_PAGES of them.
 */
const LIST_MS = 10 * 60_000;
/**
 * An SBOM statement read back to be written as a file, at most: it is parsed whole. BuildKit accepts
 * attestations of up to 40 MiB (0.32) or 80 MiB (0.33); real SBOMs reach 55 MB.
 */
const MAX_SBOM_BYTES = 256 * 1024 * 1024;
/** Blobs a copy moves at once: as many layers as docker pushes at once by default. */
const PARALLEL_BLOBS = 5;
/**
 * Connections for blob streams to one registry (a client's pool of its own): a blob copied within one
 * registry holds two, its source's GET and its target's PUT, so that none of them ever waits for one.
 */
const STREAM_SOCKETS = 2 * PARALLEL_BLOBS;
/**
 * The bounds, each overridable by a positive integer in BTP_REQUEST_TIMEOUT_MS, BTP_COPY_MIN_MS,
 * BTP_COPY_RETRY_WINDOW_MS and BTP_MAX_TAGS_READ.
 */
function registryBoundsFrom(env) {
    return {
        requestMs: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_REQUEST_TIMEOUT_MS', REQUEST_TIMEOUT_MS),
        blobMinMs: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_COPY_MIN_MS', BLOB_MIN_MS),
        copyWindowMs: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_COPY_RETRY_WINDOW_MS', COPY_RETRY_WINDOW_MS),
        maxTagsRead: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_MAX_TAGS_READ', MAX_TAGS_READ)
    };
}
/** The ceiling of one blob stream (source GET through target PUT) of `size` bytes. */
const blobCeilingMs = (bounds, size) => (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .grownMs */ .mE)(bounds.blobMinMs, size);
/**
 * The longest the copy of one blob of `size` bytes can run with `attempts` (the `retries` input) when its
 * source drips or stalls: the target's HEAD (one request with its retries), then attempts, each an upload
 * session (one request with its retries) and the stream up to its ceiling, none starting after the window.
 */
function copyWorstMs(bounds, size, attempts) {
    const request = worstRetryMs(bounds.requestMs, { attempts });
    const attempt = request + blobCeilingMs(bounds, size);
    return request + worstRetryMs(attempt, { attempts, maxElapsedMs: bounds.copyWindowMs });
}


/***/ }),

/***/ 2382:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gM: () => (/* binding */ cloudLoginOf),
/* harmony export */   rf: () => (/* binding */ cloudService)
/* harmony export */ });
/* unused harmony export ecrHost */
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5378);
// Which logins are a cloud's short-lived ones, decided once from the registry's host, the entry's `ecr` key
// and the environment: no SDK is loaded here, so the input checks stay cheap.

// Private ECR: <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn], the European Sovereign Cloud's
// .amazonaws.eu, and the dual-stack <account>.dkr-ecr[-fips].<region>.on.aws.
const ECR_PRIVATE = [
    /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.(?:com|com\.cn|eu)$/,
    /^(\d{12})\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/
];
// ECR Public, and its dual-stack name.
const ECR_PUBLIC = new Set(['public.ecr.aws', 'ecr-public.aws.com']);
// ECR Public's API answers in us-east-1 only.
const ECR_PUBLIC_REGION = 'us-east-1';
/** An ECR host's account and region, or whether it is ECR Public; undefined for any other host. */
function ecrHost(registry) {
    const { host, port } = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .splitHostPort */ .cC)(registry.toLowerCase());
    if (port)
        return undefined;
    if (ECR_PUBLIC.has(host))
        return { public: true };
    for (const re of ECR_PRIVATE) {
        const m = re.exec(host);
        if (m)
            return { public: false, account: m[1], region: m[2], fips: host.includes('-fips.') };
    }
    return undefined;
}
// Docker Hub and the hosts behind it that Docker's OIDC connections cover, as login-action takes them.
const HUB_OIDC_HOSTS = new Set(['registry-1.docker.io', 'registry-1-stage.docker.io', 'dhi.io']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPIRES_IN = { default: 300, min: 300, max: 3600 };
const isHubOidcHost = (registry) => (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isDockerHub */ .gr)(registry) || HUB_OIDC_HOSTS.has(registry.toLowerCase());
/**
 * How `login` is obtained: from ECR's GetAuthorizationToken (an ECR host, or `ecr: true`), from Docker Hub's
 * OIDC exchange (a Hub host with a username, no password, and DOCKERHUB_OIDC_CONNECTIONID set), or as given
 * (undefined). Throws an Error whose message says what is missing; the caller names the input.
 */
function cloudLoginOf(login, env) {
    const host = login.ecr === false ? undefined : ecrHost(login.registry);
    // login-action does not take a FIPS host for ECR: a username and password there (`AWS` and `aws ecr
    // get-login-password`'s token) are its ordinary docker login, not an access key id and its secret.
    const asGiven = login.ecr === undefined && host?.public === false && host.fips && login.password !== '';
    const ecr = asGiven ? undefined : host;
    if (ecr || login.ecr === true) {
        if ((login.username === '') !== (login.password === ''))
            throw new Error('with ECR, username and password are an AWS access key id and its secret: give both, or neither to use the credentials in the environment');
        if (ecr?.public)
            return { kind: 'ecr-public', region: ECR_PUBLIC_REGION };
        const region = ecr?.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
        if (!region)
            throw new Error('the host names no AWS region: set AWS_REGION');
        return { kind: 'ecr', region, ...(ecr ? { registryId: ecr.account } : {}) };
    }
    // Only a login asked for by a username: the variable is often set for the whole job, and a step that logs
    // in nowhere (no username, no password) must not read it, as login-action reads it only in a login step.
    const oidc = login.username !== '' && login.password === '' && isHubOidcHost(login.registry);
    if (oidc && env.DOCKERHUB_OIDC_CONNECTIONID !== undefined)
        return hubOidc(login, env);
    return undefined;
}
function hubOidc(login, env) {
    const connectionId = (env.DOCKERHUB_OIDC_CONNECTIONID ?? '').trim();
    if (!UUID.test(connectionId))
        throw new Error('DOCKERHUB_OIDC_CONNECTIONID is not a UUID');
    const given = (env.DOCKERHUB_OIDC_EXPIREIN ?? '').trim();
    const expiresIn = given === '' ? EXPIRES_IN.default : Number(given);
    if ((given !== '' && !/^[0-9]+$/.test(given)) || expiresIn < EXPIRES_IN.min || expiresIn > EXPIRES_IN.max)
        throw new Error(`DOCKERHUB_OIDC_EXPIREIN is ${JSON.stringify(given.slice(0, 20))}: give whole seconds from ${EXPIRES_IN.min} to ${EXPIRES_IN.max}`);
    const identity = login.registry.toLowerCase() === 'registry-1-stage.docker.io'
        ? 'https://identity-stage.docker.com'
        : 'https://identity.docker.com';
    // The exchange's base URL can be pointed elsewhere, as AWS_ENDPOINT_URL_<SERVICE> points the AWS SDK.
    const base = (env.DOCKERHUB_OIDC_ENDPOINT_URL ?? '').trim() || identity;
    let endpoint;
    try {
        endpoint = new URL(`${base.replace(/\/+$/, '')}/oauth/token`);
    }
    catch {
        throw new Error('DOCKERHUB_OIDC_ENDPOINT_URL is not a URL');
    }
    if (!/^https?:$/.test(endpoint.protocol) || endpoint.username || endpoint.password)
        throw new Error('DOCKERHUB_OIDC_ENDPOINT_URL must be an http(s) URL without credentials');
    return { kind: 'hub-oidc', connectionId, expiresIn, audience: identity, endpoint: endpoint.href };
}
/** What the user reads about a cloud login. */
const cloudService = (cloud) => cloud.kind === 'ecr'
    ? 'AWS ECR'
    : cloud.kind === 'ecr-public'
        ? 'AWS ECR Public'
        : "Docker Hub's OIDC exchange";


/***/ }),

/***/ 9647:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ boundConnection)
/* harmony export */ });
/**
 * Bounds the wait for a connection, which the deadlines that start with the request's socket do not
 * cover: node hands a request its socket once the connection is ready, and through a proxy's tunnel that is
 * after CONNECT and the TLS handshake inside it, where the agent's own timeout covers only the proxy's
 * answer to CONNECT (a proxy that answers and then stalls held a step for good). Time queued behind the
 * pool (agent.requests) is not counted, as those deadlines do not count it: the wait is at most `ms` after
 * the request leaves the queue, plus `ms` when it leaves just after a look.
 */
function boundConnection(req, agent, ms, 
/** Told of the timeout: a request without a socket emits no error of its own when destroyed. */
onTimeout) {
    let timer;
    const queued = () => Object.values(agent.requests).some(q => q?.includes(req));
    const look = () => {
        timer = setTimeout(() => {
            if (req.socket || req.destroyed)
                return;
            if (queued())
                return look();
            const err = Object.assign(new Error(`no connection within ${ms} ms`), { code: 'ETIMEDOUT' });
            // Destroyed, so that a socket the agent hands it later is closed at once.
            req.destroy(err);
            onTimeout(err);
        }, ms);
        // The request's own connection keeps the process alive while it matters; this timer need not.
        timer.unref();
    };
    look();
    const stop = () => clearTimeout(timer);
    req.once('socket', stop);
    req.once('close', stop);
}


/***/ }),

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Mr: () => (/* binding */ orMissing),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   _M: () => (/* binding */ where),
/* harmony export */   b2: () => (/* binding */ isMissing),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   p2: () => (/* binding */ httpError)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2020);
// How a failed registry interaction reads: one class for every layer, and the registry's own words.



/** A failed registry interaction; `kind` drives retry() through ClassifiedError. */
class RegistryError extends _core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .ClassifiedError */ .IP {
    /** HTTP status, when the registry answered. */
    status;
    /** First `errors[].code` of the registry's JSON body, or the system error code (ECONNREFUSED, ...). */
    code;
    constructor(message, kind, details = {}) {
        super(message, kind, details.retryAfterMs);
        this.name = 'RegistryError';
        this.status = details.status;
        this.code = details.code;
    }
}
/** A URL as errors name it: no query, which may carry a scope or an account. */
function where(url) {
    return `${url.origin}${url.pathname}`;
}
function headerValue(value) {
    return Array.isArray(value) ? value.join(', ') : value;
}
/** The registry's own words from a distribution error body, or a token server's `details`/`error`. */
function errorBodyMessage(body) {
    const text = body.toString('utf8').trim();
    if (text === '')
        return {};
    try {
        const json = JSON.parse(text);
        const first = Array.isArray(json.errors) ? json.errors[0] : undefined;
        if (first) {
            const code = typeof first.code === 'string' ? first.code : undefined;
            const message = typeof first.message === 'string' ? first.message : undefined;
            return { code, message };
        }
        for (const value of [json.details, json.error_description, json.message, json.error]) {
            if (typeof value === 'string' && value !== '')
                return { message: value };
        }
        return {};
    }
    catch {
        // Proxies answer with HTML pages; their markup is noise in a one-line error.
        return /^</.test(text) ? {} : { message: text };
    }
}
// An Authorization header in any dump a server may echo (raw HTTP, JSON, Go's map[...]), scheme kept;
// and a bare credential after Basic/Bearer, told from a plain word by a digit or punctuation. Both run on
// whatever a server sent, so no two quantifiers may compete for the same characters: the whitespace after
// the colon is matched once (`\s*` then `(?:\[\s*)?`, not `\s*\[?\s*`), or a long run of it takes time
// quadratic in its length, with the whole process blocked.
const AUTHORIZATION_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*(?:\[\s*)?["']?)(?:([A-Za-z]+)\s+)?[^\s"',;\]}]+/gi;
const SCHEME_CREDENTIAL = /\b(basic|bearer)\s+(?=[A-Za-z0-9._~+/-]*[0-9._~+/=])[A-Za-z0-9._~+/-]+=*/gi;
/** RFC 3986's encoding, as URLSearchParams writes a form: encodeURIComponent leaves !'()* alone. */
const strictlyEncoded = (s) => encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** `text` without anything that looks like an Authorization header, nor any of `secrets`. */
function redact(text, secrets = []) {
    let out = text
        .replace(AUTHORIZATION_HEADER, (_all, lead, scheme) => `${lead}${scheme ? `${scheme} ` : ''}***`)
        .replace(SCHEME_CREDENTIAL, '$1 ***');
    // Longest first, so a secret containing another is replaced whole; URL-encoded too, as a form echoes it.
    const forms = [...secrets]
        .flatMap(s => [s, encodeURIComponent(s), strictlyEncoded(s)])
        .filter(s => s !== '');
    for (const secret of forms.sort((a, b) => b.length - a.length))
        out = out.split(secret).join('***');
    return out;
}
/**
 * An HTTP answer as an error: the method, where, the status and the registry's explanation, which is
 * redacted before it is cut to one line, so that no part of a secret survives the cut.
 */
function httpError(method, url, res, kind, what = '', secrets = []) {
    const body = errorBodyMessage(res.body);
    // A code is a short identifier (BLOB_UNKNOWN); whatever else a server puts there is cut like its message.
    const code = body.code === undefined ? undefined : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(redact(body.code, secrets), 60);
    const message = body.message === undefined ? undefined : redact(body.message, secrets);
    const text = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(message ?? (node_http__WEBPACK_IMPORTED_MODULE_0___default().STATUS_CODES)[res.status] ?? '', 300);
    const prefix = what ? `${what} ` : '';
    return new RegistryError(`${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`, kind, { status: res.status, code, retryAfterMs: (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(headerValue(res.headers['retry-after'])) });
}
/** Whether a registry answered 404: no such tag, manifest or blob there. */
const isMissing = (error) => error instanceof RegistryError && error.status === 404;
/** What `read` gives, or undefined where the registry has no such thing (404); any other failure stands. */
async function orMissing(read) {
    try {
        return await read;
    }
    catch (error) {
        if (isMissing(error))
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 5526:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   BA: () => (/* binding */ parseDescriptor),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   Fd: () => (/* binding */ platformString),
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   Mf: () => (/* binding */ OciError),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Og: () => (/* binding */ hashFor),
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   Y2: () => (/* binding */ DOCKER_LIST),
/* harmony export */   _P: () => (/* binding */ MANIFEST_TYPES),
/* harmony export */   eE: () => (/* binding */ platformKey),
/* harmony export */   eZ: () => (/* binding */ contentDigest),
/* harmony export */   iJ: () => (/* binding */ platformNames),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* unused harmony exports DOCKER_MANIFEST, mediaTypeProblem */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6153);
// OCI descriptors and manifests as read from registries we do not control: the media types, the digest
// algorithms that are verified (and the others, refused), platform strings, and one parser that checks a
// manifest's shape before any of it is used. Leaf module: nothing of the project.


const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** The manifest types this project reads and writes, in the order an Accept header lists them. */
const MANIFEST_TYPES = [DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX];
const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_LIST]);
const isIndex = (mediaType) => INDEX_TYPES.has(mediaType);
/** os/arch[/variant], as platform-digests and docker's --platform write it. */
const platformString = (p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/');
/**
 * os[(os.version)]/arch[/variant], as containerd's `platforms.FormatAll` writes it (BuildKit and buildx key
 * platforms so, and `platforms.Parse` reads it back): two images an index cannot tell apart have the same key.
 */
const platformKey = (p) => platformString({ ...p, os: p['os.version'] ? `${p.os}(${p['os.version']})` : p.os });
/**
 * Each platform's name in platform-digests (and sbom-paths): os/arch[/variant], or with its os.version
 * (`platformKey`) where two share os/arch/variant and differ only by it, as Windows images of two releases do.
 */
function platformNames(platforms) {
    const count = new Map();
    for (const p of platforms)
        count.set(platformString(p), (count.get(platformString(p)) ?? 0) + 1);
    return platforms.map(p => (count.get(platformString(p)) > 1 ? platformKey(p) : platformString(p)));
}
/** BuildKit's attestation manifests sit beside the images in an index, with platform unknown/unknown. */
const isAttestation = (d) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown';
/** What a descriptor, a manifest or a digest gets wrong; the caller names where it came from. */
class OciError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OciError';
    }
}
// The algorithms the OCI image spec registers; a digest of any other is refused, as it cannot be checked.
const ALGORITHMS = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ };
/** Why `digest` is not one this project can verify, or undefined. */
function digestProblem(digest) {
    if (typeof digest !== 'string' || digest === '')
        return 'no digest';
    const colon = digest.indexOf(':');
    const algorithm = digest.slice(0, colon);
    const encoded = digest.slice(colon + 1);
    if (colon < 0 || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/.test(algorithm))
        return `${JSON.stringify(short(digest))} is not a digest`;
    if (!ALGORITHMS[algorithm])
        return `digest algorithm ${JSON.stringify(short(algorithm))} is not supported (only sha256 and sha512 can be verified)`;
    if (!ALGORITHMS[algorithm].test(encoded))
        return `${JSON.stringify(short(digest))} is not a valid ${algorithm} digest`;
    return undefined;
}
/** A hash for `digest`'s algorithm (which digestProblem has accepted); `digestOf` finishes it. */
const hashFor = (digest) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(digest.slice(0, digest.indexOf(':')));
const digestOf = (digest, hash) => `${digest.slice(0, digest.indexOf(':'))}:${hash.digest('hex')}`;
/** The digest of `body` in `digest`'s algorithm, to compare with it. */
const contentDigest = (digest, body) => digestOf(digest, hashFor(digest).update(body));
// RFC 6838: type/subtype of restricted names; parameters are not part of a descriptor's media type.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
function mediaTypeProblem(mediaType) {
    if (typeof mediaType !== 'string')
        return 'no media type';
    if (!MEDIA_TYPE.test(mediaType))
        return `media type ${JSON.stringify(short(mediaType))} is not a valid media type`;
    return undefined;
}
const short = (s) => (s.length > 80 ? `${s.slice(0, 79)}\u2026` : s);
// No control characters in what goes into logs, outputs and summaries.
const PRINTABLE = /^[^\p{Cc}]*$/u;
/** A descriptor, checked field by field; `where` names it in the error (`layers[2]`). */
function parseDescriptor(value, where) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(value))
        throw new OciError(`${where} is not a descriptor object`);
    const problem = mediaTypeProblem(value.mediaType) ?? digestProblem(value.digest);
    if (problem)
        throw new OciError(`${where}: ${problem}`);
    const size = value.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw new OciError(`${where}: size ${JSON.stringify(size ?? null)} is not a byte count`);
    // Fields this project does not read (artifactType, data, \u2026) are kept as they are.
    const d = { ...value };
    if (value.platform !== undefined)
        d.platform = parsePlatform(value.platform, where);
    if (value.annotations !== undefined) {
        const a = value.annotations;
        if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(a) || !Object.values(a).every(v => typeof v === 'string'))
            throw new OciError(`${where}: annotations are not a map of strings`);
        d.annotations = a;
    }
    if (value.urls !== undefined) {
        if (!Array.isArray(value.urls) || !value.urls.every(u => typeof u === 'string'))
            throw new OciError(`${where}: urls is not a list of strings`);
        d.urls = value.urls;
    }
    return d;
}
/** A platform object with `os` and `architecture`, each field a non-empty string without control characters. */
function parsePlatform(value, where) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(value))
        throw new OciError(`${where}: platform is not an object`);
    for (const key of ['os', 'architecture', 'variant', 'os.version']) {
        const v = value[key];
        const required = key === 'os' || key === 'architecture';
        if (v === undefined ? !required : typeof v === 'string' && (v !== '' || !required) && PRINTABLE.test(v))
            continue;
        throw new OciError(`${where}: platform ${key} ${v === undefined ? 'is missing' : 'is not a plain string'}`);
    }
    return value;
}
/**
 * A manifest's body as `mediaType` says it is: an index with its child descriptors, or an image manifest
 * with its config and layers, every descriptor validated. Throws OciError saying what is wrong.
 */
function parseManifest(body, mediaType) {
    const problem = mediaTypeProblem(mediaType);
    if (problem)
        throw new OciError(problem);
    if (!MANIFEST_TYPES.includes(mediaType))
        throw new OciError(`media type ${JSON.stringify(mediaType)} is not an image manifest or index`);
    let json;
    try {
        json = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new OciError('the manifest is not JSON');
    }
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(json))
        throw new OciError('the manifest is not a JSON object');
    if (json.mediaType !== undefined && json.mediaType !== mediaType)
        throw new OciError(`the manifest says it is ${JSON.stringify(short(String(json.mediaType)))}, but was served as ${mediaType}`);
    if (isIndex(mediaType)) {
        if (!Array.isArray(json.manifests))
            throw new OciError('the index has no list of manifests');
        return { kind: 'index', manifests: json.manifests.map((d, i) => parseDescriptor(d, `manifests[${i}]`)) };
    }
    if (!Array.isArray(json.layers))
        throw new OciError('the manifest has no list of layers');
    return {
        kind: 'image',
        config: parseDescriptor(json.config, 'config'),
        layers: json.layers.map((d, i) => parseDescriptor(d, `layers[${i}]`))
    };
}


/***/ }),

/***/ 4263:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bf: () => (/* binding */ nodeCanProxy),
/* harmony export */   EK: () => (/* binding */ proxyRules),
/* harmony export */   GU: () => (/* binding */ agentProxyOptions),
/* harmony export */   ec: () => (/* binding */ proxyName),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   kC: () => (/* binding */ forwardedBy),
/* harmony export */   rZ: () => (/* binding */ proxyRefused),
/* harmony export */   xc: () => (/* binding */ proxyToUse),
/* harmony export */   xh: () => (/* binding */ proxyFailure)
/* harmony export */ });
/* unused harmony export unusableProxy */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2020);
/* harmony import */ var _log_masks_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5831);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6764);
// Which proxy a registry request goes through, by the rules of Go's ProxyFromEnvironment
// (golang.org/x/net/http/httpproxy), which dockerd and the docker CLI follow, so that our requests take the
// way docker's do: HTTPS_PROXY for https URLs and HTTP_PROXY for http ones (the uppercase name first),
// NO_PROXY's hosts, domains, IPs and CIDRs, and never a proxy for localhost or a loopback IP. Node's own
// reading (`proxyEnv`) differs on all of these, so it is handed only the proxy chosen here.






const NONE = { bypass: { ips: [], domains: [] } };
/** The first of `names` set to something, as Go's getEnvAny reads them. */
function firstSet(env, names) {
    for (const name of names) {
        const value = env[name];
        if (value)
            return { name, value };
    }
    return undefined;
}
/**
 * A proxy variable's value as Go reads it: a URL, or `host[:port]` with `http://` assumed. A value that
 * parses as neither is ignored, as Go ignores it. A scheme other than http(s) is kept, to be refused
 * where it would be used (proxyFor's caller), rather than read as a host name.
 */
function parseProxy(variable, value) {
    const text = value.trim();
    try {
        return { url: new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`), variable };
    }
    catch {
        return undefined;
    }
}
/** `host:port` or `[v6]:port` split as Go's net.SplitHostPort does; undefined without a port. */
function splitHostPort(entry) {
    if (entry.startsWith('[')) {
        const m = /^\[([^\]]*)\]:([^:]*)$/.exec(entry);
        return m ? { host: m[1], port: m[2] } : undefined;
    }
    const colon = entry.indexOf(':');
    if (colon < 0 || entry.indexOf(':', colon + 1) >= 0)
        return undefined;
    return { host: entry.slice(0, colon), port: entry.slice(colon + 1) };
}
const family = (ip) => ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(ip) === 6 ? 'ipv6' : 'ipv4');
/** NO_PROXY as httpproxy's config.init reads it: best effort, malformed entries skipped. */
function bypassList(value) {
    const ips = [];
    const domains = [];
    for (const raw of value.split(',')) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return 'all';
        const cidr = /^([^/]+)\/([0-9]{1,3})$/.exec(entry);
        if (cidr && (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(cidr[1]) && Number(cidr[2]) <= ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(cidr[1]) === 6 ? 128 : 32)) {
            const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
            list.addSubnet(cidr[1], Number(cidr[2]), family(cidr[1]));
            ips.push({ ips: list, port: '' });
            continue;
        }
        const split = splitHostPort(entry);
        if (split && !split.host)
            continue;
        let host = split?.host ?? entry;
        const port = split?.port ?? '';
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host)) {
            const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
            list.addAddress(host, family(host));
            ips.push({ ips: list, port });
            continue;
        }
        if (host.startsWith('*.'))
            host = host.slice(1);
        const exact = !host.startsWith('.');
        const suffix = exact ? `.${host}` : host;
        // A Unicode name matches the punycode URL hosts carry.
        domains.push({
            suffix: /^[\x20-\x7e]*$/.test(suffix) ? suffix : (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(suffix) || suffix,
            exact,
            port
        });
    }
    return { ips, domains };
}
/** The proxy variables of `env`, read once per run. */
function proxyRules(env) {
    const https = firstSet(env, ['HTTPS_PROXY', 'https_proxy']);
    const http = firstSet(env, ['HTTP_PROXY', 'http_proxy']);
    if (!https && !http)
        return NONE;
    return {
        https: https && parseProxy(https.name, https.value),
        http: http && parseProxy(http.name, http.value),
        bypass: bypassList(firstSet(env, ['NO_PROXY', 'no_proxy'])?.value ?? '')
    };
}
const LOOPBACK = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
// ::ffff:127.0.0.1 as URLs write it: Go's IsLoopback sees the IPv4 inside.
LOOPBACK.addSubnet('::ffff:7f00:0', 104, 'ipv6');
/** The proxy a request to `url` goes through, or undefined for a direct connection. */
function proxyFor(url, rules) {
    const proxy = url.protocol === 'https:' ? rules.https : url.protocol === 'http:' ? rules.http : undefined;
    if (!proxy)
        return undefined;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (host === 'localhost')
        return undefined;
    const ip = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) ? host : undefined;
    if (ip && LOOPBACK.check(ip, family(ip)))
        return undefined;
    const { bypass } = rules;
    if (bypass === 'all')
        return undefined;
    const portMatches = (wanted) => wanted === '' || wanted === port;
    if (ip && bypass.ips.some(m => m.ips.check(ip, family(ip)) && portMatches(m.port)))
        return undefined;
    const named = bypass.domains.some(m => (host.endsWith(m.suffix) || (m.exact && host === m.suffix.slice(1))) && portMatches(m.port));
    return named ? undefined : proxy;
}
/** How messages name a proxy: where it is and which variable said so, never its credentials. */
const proxyName = (proxy) => `the proxy ${proxy.url.protocol}//${proxy.url.host} (${proxy.variable})`;
/** Whether this node's http and https agents can send through a proxy (`proxyEnv`: 24.5+, 22.21+). */
function nodeCanProxy(version = process.versions.node) {
    const [major, minor] = version.split('.').map(Number);
    return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21);
}
/**
 * The proxy a request to `url` is sent through by node's agents: `proxyFor`'s choice, refused when node
 * cannot speak its scheme, and none (a direct connection, after `onWarning`) when this node cannot proxy.
 */
function proxyToUse(method, url, rules, onWarning, version = process.versions.node) {
    const proxy = rules && proxyFor(url, rules);
    if (!proxy)
        return undefined;
    const unusable = unusableProxy(method, url, proxy);
    if (unusable)
        throw unusable;
    if (nodeCanProxy(version))
        return proxy;
    onWarning(`${proxyName(proxy)} applies to ${url.host}, but node ${version} cannot send requests through a proxy (node 24.5 or later can): connecting directly`);
    return undefined;
}
/** What an http(s) agent is given to send through `proxy`, or directly when there is none. */
function agentProxyOptions(proxy, tls, timeoutMs) {
    // Only the proxy chosen by docker's rules: an empty proxyEnv keeps node from applying its own reading of
    // the environment (NODE_USE_ENV_PROXY) to a connection those rules keep direct.
    if (!proxy)
        return { proxyEnv: {} };
    return {
        proxyEnv: { [tls ? 'HTTPS_PROXY' : 'HTTP_PROXY']: proxy.url.href },
        // A proxy that takes the connection and never answers CONNECT gives the request no socket, so a
        // deadline that starts with the socket never starts: the agent's timeout bounds the tunnel.
        timeout: timeoutMs
    };
}
/** A proxy whose scheme node's agents cannot speak (socks5://\u2026): refused before any request. */
function unusableProxy(method, url, proxy) {
    if (proxy.url.protocol === 'http:' || proxy.url.protocol === 'https:')
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .where */ ._M)(url)}: ${proxyName(proxy)} is a ${proxy.url.protocol.slice(0, -1)} proxy, which the registry client cannot use: give an http:// or https:// proxy, or list the registry in NO_PROXY`, 'fatal');
}
/** 407 is final (the credentials will not change between attempts); a proxy's 5xx, 408 or 429 is not. */
function statusKind(status) {
    return status === 408 || status === 429 || status >= 500 ? 'transient' : 'fatal';
}
/**
 * A proxy's refusal (an answer to CONNECT, or a 407 to a plain-HTTP request) as one line naming the proxy
 * and the registry's URL.
 */
function proxyRefused(method, url, proxy, status) {
    const what = status === 407
        ? proxy.url.username || proxy.url.password
            ? `refused the credentials in ${proxy.variable} (HTTP 407)`
            : `asks for credentials (HTTP 407): give them in ${proxy.variable} as http://user:password@host:port`
        : `refused the request with HTTP ${status}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .where */ ._M)(url)} failed: ${proxyName(proxy)} ${what}`, statusKind(status), {
        status,
        code: 'PROXY'
    });
}
/** A request through `proxy` that failed: a refused tunnel by its status, anything else with node's words. */
function proxyFailure(method, url, proxy, err) {
    const status = err?.statusCode;
    if (err?.code === 'ERR_PROXY_TUNNEL' && typeof status === 'number')
        return proxyRefused(method, url, proxy, status);
    const code = err?.code;
    // Node's words name the proxy's address at most, but a URL in them is cleared of its userinfo all the same.
    const said = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(err), (0,_log_masks_js__WEBPACK_IMPORTED_MODULE_3__/* .urlSecrets */ .Fn)(proxy.url.href)), 300);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .where */ ._M)(url)} failed through ${proxyName(proxy)}: ${said}`, (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .kindOf */ .I)(err), {
        code: typeof code === 'string' ? code : undefined
    });
}
/**
 * A registry's answer to a plain-HTTP request sent through `proxy`, which forwards it rather than tunnel
 * it: a 5xx may be the proxy's own (a 502 when it cannot reach the registry), so the line names it too.
 */
const forwardedBy = (error, proxy) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${error.message} (through ${proxyName(proxy)})`, error.kind, {
    status: error.status,
    code: error.code,
    retryAfterMs: error.retryAfterMs
});


/***/ }),

/***/ 5558:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ redirectHop)
/* harmony export */ });
/* unused harmony export MAX_REDIRECTS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6764);
// One redirect hop, as docker's HTTP client takes it: at most MAX_REDIRECTS, only to http(s), and
// Authorization, or a body holding credentials, never sent on to another origin (a registry sends blob
// reads to its storage). Both the buffered requests (transport.ts) and the streamed ones (stream.ts) follow
// redirects through here.

const MAX_REDIRECTS = 5;
/**
 * The URL a redirect to `location` leads to from `at`, and the headers to send there. `first` is where the
 * request was meant to go; `effective` gives a URL as the transport reaches it (a registry spoken to over
 * plain HTTP); `hops` counts the redirects followed so far.
 */
function redirectHop(o) {
    const detail = o.status === undefined ? undefined : { status: o.status };
    if (o.hops >= MAX_REDIRECTS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${o.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .where */ ._M)(o.first)}: more than ${MAX_REDIRECTS} redirects`, 'fatal', detail);
    let next;
    try {
        next = new URL(o.location, o.effective(o.at));
    }
    catch {
        // reported below
    }
    if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${o.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .where */ ._M)(o.at)} redirected to an unusable location`, 'fatal', detail);
    const home = next.origin === o.effective(o.first).origin;
    if (!home && o.secretBody)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${o.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .where */ ._M)(o.at)} redirected to ${next.origin}: what it sends holds credentials, which go to no other origin`, 'auth', detail);
    if (home || !('Authorization' in o.headers))
        return { next, headers: o.headers };
    const { Authorization: _dropped, ...headers } = o.headers;
    void _dropped;
    return { next, headers };
}


/***/ }),

/***/ 1500:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  IX: () => (/* binding */ MAX_SOCKETS),
  oK: () => (/* binding */ Transport),
  _O: () => (/* binding */ USER_AGENT)
});

// UNUSED EXPORTS: registryBaseUrl

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __nccwpck_require__(7253);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __nccwpck_require__(5378);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var registry_proxy = __nccwpck_require__(4263);
// EXTERNAL MODULE: ./src/registry/bounds.ts
var bounds = __nccwpck_require__(3034);
// EXTERNAL MODULE: ./src/registry/connection.ts
var connection = __nccwpck_require__(9647);
// EXTERNAL MODULE: ./src/registry/redirects.ts
var redirects = __nccwpck_require__(5558);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./src/registry/tls.ts
// The TLS side of the transport, as dockerd has it: certs.d material, and what a TLS failure means.



const CERTIFICATE_ERRORS = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** How an HTTPS request failed at the TLS level, if it did: a plain-HTTP server, or a certificate. */
function tlsFailure(err) {
    const { code, message } = (err ?? {});
    if (typeof code === 'string' && CERTIFICATE_ERRORS.has(code))
        return 'certificate';
    const text = typeof message === 'string' ? message : '';
    if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text))
        return 'plain-http';
    return undefined;
}
/** Reads `dir` as dockerd does: `*.crt` are CAs, `X.cert` + `X.key` a client certificate pair. */
async function readCertsDir(dir) {
    const names = (await (0,promises_.readdir)(dir).catch(() => [])).sort();
    const read = (n) => (0,promises_.readFile)(external_node_path_default().join(dir, n));
    const cas = names.filter(n => n.endsWith('.crt'));
    const pairs = names.filter(n => n.endsWith('.cert') && names.includes(n.replace(/\.cert$/, '.key')));
    if (!cas.length && !pairs.length)
        return undefined;
    const tls = {};
    if (cas.length) {
        // Loaded only here: start-up time counts, and few registries have a certs.d directory.
        const { rootCertificates } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1692, 23));
        tls.ca = [...rootCertificates, ...(await Promise.all(cas.map(read)))];
    }
    if (pairs.length) {
        tls.cert = await Promise.all(pairs.map(read));
        tls.key = await Promise.all(pairs.map(n => read(n.replace(/\.cert$/, '.key'))));
    }
    return tls;
}
/** The TLS failure of a registry docker holds to HTTPS, told what docker would need to get past it. */
function secureOnly(err, failure, registry) {
    const code = err?.code;
    // OpenSSL's own text for this case is a long internal trace; say what it means instead.
    const message = failure === 'plain-http'
        ? `TLS handshake failed: ${registry} answers plain HTTP, which docker uses only for registries in the daemon's insecure-registries (daemon.json); add it there, or serve HTTPS`
        : `${(0,core_text/* messageOf */.bD)(err).trim()} (docker trusts a private CA put in /etc/docker/certs.d/${registry}/ca.crt, and accepts any certificate only for registries in the daemon's insecure-registries, daemon.json)`;
    return Object.assign(new Error(message), { code });
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP to one registry as docker would speak it: keep-alive agents, certs.d TLS material, the
// insecure-registry fallback, one deadline per request and bounded retries of transient answers.











const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 15000;
/** Connections to one registry at once (per client); more requests queue for one. */
const MAX_SOCKETS = 8;
// Docker's client stops after 10; a registry needs one or two (to a CDN or an object store).
const REDIRECTS_FOR_READS = new Set([301, 302, 303]);
// Manifests are capped at 4 MiB by registries; anything far larger is not a manifest.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const USER_AGENT = 'build-tag-push';
function registryBaseUrl(registry) {
    if ((0,reference/* isDockerHub */.gr)(registry))
        return 'https://registry-1.docker.io';
    return `${(0,reference/* isLoopbackRegistry */.jW)(registry) ? 'http' : 'https'}://${registry}`;
}
class Transport {
    registry;
    /** HTTP requests made, including token fetches and retries. */
    requestCount = 0;
    origin;
    attempts;
    /** Per request; stream.ts uses it as an idle bound, since a layer may take longer in all. */
    timeoutMs;
    onRetry;
    sleep;
    /** Aborted by close(); stream.ts stops its transfers on it too. */
    closed = new AbortController();
    /** By use (plain, other origins, the registry, the registry unverified) and proxy. */
    agents = new Map();
    proxy;
    onWarning;
    warnedNoProxy = false;
    nodeVersion;
    certsDir;
    /** The registry's certs.d material, read on the first HTTPS request to it (undefined: none). */
    certsDirTls;
    insecure;
    /** Set once docker's config said this registry is insecure and HTTPS failed: how to reach it now. */
    insecureMode;
    onSecret;
    /** What an error built from a response body must never repeat. */
    secrets = new Set();
    constructor(opts) {
        this.registry = opts.registry;
        this.origin = registryBaseUrl(opts.registry);
        this.insecure = opts.insecure;
        this.certsDir = opts.certsDir ?? '/etc/docker/certs.d';
        this.attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
        this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.onRetry = opts.onRetry;
        this.sleep = opts.sleep;
        this.onSecret = opts.onSecret;
        this.proxy = opts.proxy;
        this.onWarning = opts.onWarning;
        this.nodeVersion = opts.nodeVersion ?? process.versions.node;
    }
    /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
    get baseUrl() {
        return this.insecureMode === 'http' ? this.origin.replace(/^https:/, 'http:') : this.origin;
    }
    /** Ends the client: requests still retrying stop at once, so a failed step does not linger. */
    close() {
        this.closed.abort(new Error('the run is over'));
        for (const agent of this.agents.values())
            agent.destroy();
    }
    /** Records a secret for redaction and, unless `mask` is false, hands it to onSecret; once. */
    secret(value, mask = true) {
        if (value === '' || this.secrets.has(value))
            return;
        this.secrets.add(value);
        if (mask)
            this.onSecret?.(value);
    }
    /** The answer as one line, naming the URL as it was reached (plain HTTP after the switch) and any proxy. */
    httpError(method, url, res, kind, what = '') {
        const at = this.effective(url);
        const error = (0,errors/* httpError */.p2)(method, at, res, kind, what, this.secrets);
        const proxy = at.protocol === 'http:' && res.status >= 500 ? this.proxyOf(at) : undefined;
        return proxy ? (0,registry_proxy/* forwardedBy */.kC)(error, proxy) : error;
    }
    /** One logical HTTP request under retry(): throws for transient statuses, returns every other answer. */
    send(method, url, headers, body, 
    /** The body holds a secret (an identity token): no redirect may take it to another origin. */
    secretBody = false) {
        return (0,retry/* retry */.L5)(async () => {
            const { res, at } = await this.follow(method, url, headers, body, secretBody);
            if (res.status === 408 || res.status === 429 || res.status >= 500)
                throw this.httpError(method, at, res, 'transient');
            return at === url ? res : { ...res, from: at };
        }, {
            attempts: this.attempts,
            sleep: this.sleep,
            signal: this.closed.signal,
            onRetry: ({ attempt, attempts, delayMs, error }) => this.onRetry?.(`${(0,core_text/* messageOf */.bD)(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts})`)
        });
    }
    /**
     * Follows redirects as docker's HTTP client does: 307/308 for any method, 301/302/303 for GET and HEAD,
     * at most MAX_REDIRECTS. Authorization goes only to the origin it was meant for.
     */
    async follow(method, url, headers, body, secretBody) {
        let at = url;
        let sent = headers;
        for (let hops = 0;; hops++) {
            let res;
            try {
                res = await this.exchange(method, at, sent, body);
            }
            catch (err) {
                throw this.networkError(method, at, err);
            }
            const proxy = res.status === 407 ? this.proxyOf(at) : undefined;
            if (proxy)
                throw (0,registry_proxy/* proxyRefused */.rZ)(method, at, proxy, 407);
            const location = (0,errors/* headerValue */.Z)(res.headers.location);
            const followed = res.status === 307 ||
                res.status === 308 ||
                (REDIRECTS_FOR_READS.has(res.status) && (method === 'GET' || method === 'HEAD'));
            if (!followed || !location)
                return { res, at };
            ({ next: at, headers: sent } = (0,redirects/* redirectHop */.I)({
                method,
                first: url,
                at,
                location,
                hops,
                headers: sent,
                effective: u => this.effective(u),
                status: res.status,
                secretBody
            }));
        }
    }
    /** The URL as exchange() will reach it: the registry's own follow a switch to plain HTTP. */
    effective(url) {
        return url.origin === this.origin && this.insecureMode === 'http'
            ? new URL(url.href.replace(/^https:/, 'http:'))
            : url;
    }
    /** A request that got no answer as one line; through a proxy, naming the proxy (proxy.ts). */
    networkError(method, url, err) {
        if (err instanceof errors/* RegistryError */.gl)
            return err;
        const proxy = this.proxyOf(url);
        if (proxy)
            return (0,registry_proxy/* proxyFailure */.xh)(method, url, proxy, err);
        const code = err?.code;
        return new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} failed: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, (0,retry/* kindOf */.I)(err), {
            code: typeof code === 'string' ? code : undefined
        });
    }
    /**
     * Sends once, plus one immediate resend when a pooled keep-alive socket turns out to be closed, and
     * one more the insecure way when HTTPS to this registry failed at the TLS level and docker allows it.
     */
    async exchange(method, url, headers, body) {
        // URLs made before the switch to plain HTTP (a retry, the resend after a 401) follow it too.
        const ours = url.origin === this.origin;
        const target = this.effective(url);
        try {
            return await this.once(method, target, headers, body);
        }
        catch (err) {
            const stale = err;
            if (stale.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(stale.code ?? ''))
                return this.once(method, target, headers, body);
            const failure = ours && target.protocol === 'https:' ? tlsFailure(err) : undefined;
            if (!failure || this.insecureMode)
                throw err;
            if (!(await this.insecure?.().catch(() => false)))
                throw secureOnly(err, failure, this.registry);
            this.insecureMode = failure === 'plain-http' ? 'http' : 'unverified';
            return this.exchange(method, url, headers, body);
        }
    }
    /**
     * The proxy a request to `url` goes through (the URL as exchange() reaches it), if any: none where this
     * node cannot proxy, since agentFor then connects directly and a failure is not the proxy's.
     */
    proxyOf(url) {
        return this.proxy && (0,registry_proxy/* nodeCanProxy */.Bf)(this.nodeVersion) ? (0,registry_proxy/* proxyFor */.iJ)(url, this.proxy) : undefined;
    }
    /**
     * Agents per transport; the registry's own HTTPS agent carries its certs.d material, as docker's does,
     * and keeps it through a proxy's tunnel. Blob streams (stream.ts) have a pool of their own, sized for
     * every blob in flight at both ends: a PUT queued behind other requests would leave its source's GET
     * paused until the idle bound cuts it as stalled.
     */
    async agentFor(url, tls, method = 'GET', streams = false) {
        const via = (0,registry_proxy/* proxyToUse */.xc)(method, url, this.proxy, message => {
            // Once per client: every request to the registry would say the same.
            if (!this.warnedNoProxy)
                this.onWarning?.(message);
            this.warnedNoProxy = true;
        }, this.nodeVersion);
        const options = {
            keepAlive: true,
            maxSockets: streams ? bounds/* STREAM_SOCKETS */.cV : MAX_SOCKETS,
            ...(0,registry_proxy/* agentProxyOptions */.GU)(via, !!tls, this.timeoutMs)
        };
        const own = tls && url.origin === this.origin;
        const certs = own
            ? await (this.certsDirTls ??= readCertsDir(external_node_path_default().join(this.certsDir, this.registry)))
            : {};
        const use = !tls
            ? 'http'
            : !own
                ? 'https'
                : this.insecureMode === 'unverified'
                    ? 'unverified'
                    : 'registry';
        const key = `${streams ? 'streams ' : ''}${use} ${via?.url.href ?? ''}`;
        const made = this.agents.get(key);
        if (made)
            return made;
        const agent = !tls
            ? new (external_node_http_default()).Agent(options)
            : new tls.Agent({
                ...options,
                ...certs,
                ...(use === 'unverified' ? { rejectUnauthorized: false } : {})
            });
        this.agents.set(key, agent);
        return agent;
    }
    async once(method, url, headers, body) {
        this.requestCount++;
        // TLS is loaded only when a URL needs it: local registries never do, and start-up time counts.
        const tls = url.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23))).default;
        const transport = tls ?? (external_node_http_default());
        const agent = await this.agentFor(url, tls, method);
        // Closed (the signal): nothing is sent, and what is in flight ends, not resent by exchange on a new socket.
        const shut = this.closed.signal;
        const stop = () => new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} stopped: ${(0,core_text/* messageOf */.bD)(shut.reason)}`, 'fatal');
        return new Promise((resolve, reject) => {
            let settled = false;
            let timer;
            const finish = (err, res) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                if (err)
                    reject(err);
                else
                    resolve(res);
            };
            const req = transport.request(url, { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent, signal: shut }, res => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > MAX_BODY_BYTES) {
                        req.destroy();
                        finish(new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)}: response larger than ${MAX_BODY_BYTES} bytes`, 'fatal'));
                        return;
                    }
                    chunks.push(chunk);
                });
                res.on('end', () => finish(undefined, {
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks)
                }));
                res.on('error', err => finish(err));
                res.on('close', () => {
                    if (!res.complete)
                        finish(Object.assign(new Error('connection closed mid-response'), { code: 'ECONNRESET' }));
                });
            });
            // One deadline for connect, headers and body: socket idle timeouts alone would let a trickle hang forever.
            // It starts when the agent gives the request a socket: time queued behind the pool (a glob's
            // thousands of manifests) is not the registry's slowness.
            (0,connection/* boundConnection */.J)(req, agent, this.timeoutMs, finish);
            req.once('socket', () => {
                if (settled)
                    return;
                timer = setTimeout(() => {
                    const err = Object.assign(new Error(`timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' });
                    req.destroy(err);
                    finish(err);
                }, this.timeoutMs);
            });
            req.on('error', err => finish(shut.aborted ? stop() : Object.assign(err, { reusedSocket: req.reusedSocket })));
            req.end(body);
        });
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = require("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = ((module) => {
// node's crypto, loaded on first use. `@actions/core` imports it for the random delimiter of its file
// commands, and so loaded it at the start of every run: about 9 ms on a slow machine, before the build, and
// most of the cold start an input error pays beyond node's own. A builtin cannot be mapped through tsconfig
// `paths` as `@actions/http-client` is (ncc makes it external before it resolves anything), so
// `npm run package` puts this in place of the bundle's `crypto` and `node:crypto` externals
// (scripts/lazy-crypto.mjs), with node's `require` as its argument.
//
// The random values a run draws before its build (the file commands' delimiters, the log fence's token) come
// from /dev/urandom, the kernel's generator that OpenSSL seeds itself from: sixteen bytes read there cost a
// few microseconds. Everything else, and these too where there is no /dev/urandom (Windows), is node's own.
// The pipeline loads the real module while the build runs, for the verification's hashes (whileDockerRuns).
'use strict'
module.exports = nodeRequire => {
  let real
  const load = () => (real ??= nodeRequire('node:crypto'))
  const fs = nodeRequire('node:fs')

  /** `size` bytes from /dev/urandom; undefined where it cannot be read. */
  const urandom = size => {
    let fd
    try {
      fd = fs.openSync('/dev/urandom', 'r')
    } catch {
      return undefined
    }
    try {
      const bytes = Buffer.alloc(size)
      for (let at = 0; at < size;) {
        const got = fs.readSync(fd, bytes, at, size - at, null)
        if (got <= 0) return undefined
        at += got
      }
      return bytes
    } catch {
      return undefined
    } finally {
      fs.closeSync(fd)
    }
  }

  const own = {
    randomBytes(size, callback) {
      const small = callback === undefined && Number.isSafeInteger(size) && size >= 0 && size <= 65536
      return (small && urandom(size)) || load().randomBytes(size, callback)
    },
    randomUUID(options) {
      const bytes = urandom(16)
      if (!bytes) return load().randomUUID(options)
      // RFC 9562 version 4: the version in the high nibble of byte 6, the variant in the top bits of byte 8.
      bytes[6] = (bytes[6] & 0x0f) | 0x40
      bytes[8] = (bytes[8] & 0x3f) | 0x80
      const hex = bytes.toString('hex')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    }
  }

  // Names node:crypto does not have, that the bundle's module interop and `await` read on sight.
  const absent = new Set(['__esModule', 'then'])
  return new Proxy(
    {},
    {
      get: (_, name) => (Object.hasOwn(own, name) ? own[name] : absent.has(name) ? undefined : load()[name]),
      has: (_, name) => name in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, name) => {
        if (Object.hasOwn(own, name))
          return { value: own[name], writable: false, enumerable: true, configurable: true }
        const d = Object.getOwnPropertyDescriptor(load(), name)
        return d && { ...d, configurable: true }
      }
    }
  )
}

return module.exports
})({ exports: {} })(require);

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 1553:
/***/ ((module) => {

module.exports = require("node:dns/promises");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = require("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = require("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = require("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __nccwpck_require__(6080);
// EXTERNAL MODULE: ./src/core/problem.ts
var core_problem = __nccwpck_require__(652);
// EXTERNAL MODULE: ./src/inputs/validators.ts
var validators = __nccwpck_require__(254);
// EXTERNAL MODULE: ./src/inputs/csv.ts
var csv = __nccwpck_require__(3881);
// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __nccwpck_require__(8042);
;// CONCATENATED MODULE: ./src/cli/docker-secret.ts
// docker build's own `--secret` grammar, `id=ID[,env=VAR][,src=FILE][,type=env|file]`, read as buildx and
// BuildKit read it, so that a command line written for docker means the same here: `--secret id=API_TOKEN`
// is the secret API_TOKEN from $API_TOKEN, never a secret named "id".




/** The keys of docker's form; a value whose first key is one of them (or that has several fields) is that form. */
const KEYS = ['id', 'type', 'src', 'source', 'env'];
/** Whether a `--secret` value is docker's form rather than the CLI's own `ID=ENV`. */
function isDockerSecret(spec) {
    const key = spec.slice(0, Math.max(spec.indexOf('='), 0)).toLowerCase();
    return spec.includes(',') || KEYS.includes(key);
}
/**
 * docker's `--secret` value: `env=` names a variable, `src=` (or `source=`) a file, `type=env` makes `src=`
 * a variable's name; with neither, the variable named by the id if it is set, else the file of that name
 * (BuildKit's rule).
 */
function dockerSecret(spec, env) {
    const records = (0,csv/* csvRecords */.X)(spec);
    if (records.length !== 1)
        throw new core_problem/* InputProblem */.S('takes one line');
    const given = {};
    for (const field of records[0]) {
        const eq = field.indexOf('=');
        const key = field.slice(0, eq).toLowerCase();
        if (eq < 0 || !KEYS.includes(key))
            throw new core_problem/* InputProblem */.S(`${JSON.stringify(field)} is none of id=, env=, src=, type=env|file`);
        given[key === 'source' ? 'src' : key] = field.slice(eq + 1);
    }
    const { id = '', type, src = '' } = given;
    if (!validators/* SECRET_ID */.dR.test(id))
        throw new core_problem/* InputProblem */.S(`needs id=ID with ${validators/* SECRET_ID_RULE */.Q8}`);
    if (type !== undefined && type !== 'env' && type !== 'file')
        throw new core_problem/* InputProblem */.S(`type=${type}: the type is env or file`);
    const variable = given.env || (type === 'env' ? src : '');
    if (variable)
        return { id, env: variable };
    if (src) {
        if (!(0,build_options/* isFile */.fo)(src))
            throw new core_problem/* InputProblem */.S(`${JSON.stringify(src)} is not a file`);
        return { id, file: src };
    }
    if (env[id] !== undefined)
        return { id, env: id };
    if ((0,build_options/* isFile */.fo)(id))
        return { id, file: id };
    throw new core_problem/* InputProblem */.S(`neither the environment variable ${id} nor a file ${id} exists`);
}

// EXTERNAL MODULE: ./src/inputs/parse.ts + 4 modules
var parse = __nccwpck_require__(480);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
;// CONCATENATED MODULE: ./src/metadata/event.ts
// What the tags and labels need to know about the run's event, read from the payload in one place: whether
// it is a pull request and its number, the repository's default branch, the commit the build contains and
// that commit's date. Pure.
const PULL_REF = /^refs\/pull\/([0-9]+)\//;
/** A pull request event of any kind (`pull_request`, `pull_request_target`, `\u2026_review`), or a PR's ref. */
const isPullRequest = (ev) => /pull_request/.test(ev.eventName) || PULL_REF.test(ev.ref);
/** The payload's `pull_request.number` (or top-level `number`), else N from `refs/pull/N/\u2026`. */
function prNumber(ev) {
    for (const n of [ev.payload?.pull_request?.number, ev.payload?.number])
        if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0)
            return n;
    const m = PULL_REF.exec(ev.ref);
    return m ? Number(m[1]) : undefined;
}
/**
 * The ref the rules read: a pull request's own `refs/pull/N/merge` for pull_request_target (whose
 * GITHUB_REF is the base branch), as metadata-action rewrites it; '' when its number is unknown, so that a
 * pull request is never tagged as its base branch.
 */
function eventRef(ev) {
    if (!/pull_request_target/.test(ev.eventName))
        return ev.ref;
    const n = prNumber(ev);
    return n === undefined ? '' : `refs/pull/${n}/merge`;
}
/** A branch name as git allows it, short enough to be one: neither the payload nor the API is trusted blindly. */
const BRANCH = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{)[^\s\p{Cc}~^:?*[\\]{1,255}$/u;
const isBranchName = (value) => typeof value === 'string' && BRANCH.test(value);
/** A commit id: SHA-1, or SHA-256 for repositories in that format. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** The repository's default branch as the payload names it; '' when it does not (schedule events). */
function payloadDefaultBranch(ev) {
    const branch = ev.payload?.repository?.default_branch;
    return isBranchName(branch) ? branch : '';
}
/**
 * The commit the tags and the revision label name: GITHUB_SHA (on pull_request the merge commit, on
 * pull_request_target the base branch's last commit), unless DOCKER_METADATA_PR_HEAD_SHA asks for the head.
 */
function buildSha(ev, prHeadSha) {
    // A head that is no commit id (it becomes a tag and the revision label) is taken as absent.
    const head = ev.payload?.pull_request?.head?.sha;
    if (prHeadSha && isPullRequest(ev) && typeof head === 'string' && COMMIT.test(head))
        return head;
    return ev.sha;
}
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
/**
 * The built commit's own timestamp in the payload: its entry in a push's `commits`, else `head_commit`
 * when that is the commit (or names none). Undefined for events that carry no commit (pull requests,
 * schedule, workflow_dispatch, release) and for a timestamp that is not RFC 3339.
 */
function eventCommitDate(ev, sha) {
    const commits = ev.payload?.commits;
    const listed = Array.isArray(commits)
        ? commits.find(c => c?.id === sha && typeof c?.timestamp === 'string')?.timestamp
        : undefined;
    const head = ev.payload?.head_commit;
    const headStamp = typeof head?.timestamp === 'string' && (head.id === undefined || head.id === '' || head.id === sha)
        ? head.timestamp
        : undefined;
    const stamp = listed ?? headStamp;
    if (typeof stamp !== 'string' || !TIMESTAMP.test(stamp))
        return undefined;
    const ms = Date.parse(stamp);
    return Number.isNaN(ms) ? undefined : new Date(ms);
}

// EXTERNAL MODULE: ./src/core/json.ts
var json = __nccwpck_require__(6153);
;// CONCATENATED MODULE: ./src/metadata/context.ts
// The run's GitHub Actions context (through @actions/github's Context, loaded only on the build path) and
// the OCI labels it gives every build. The automatic tags are rules of the tag engine (metadata/automatic.ts).



const LABEL_SOURCE = 'org.opencontainers.image.source';
const LABEL_REVISION = 'org.opencontainers.image.revision';
const LABEL_CREATED = 'org.opencontainers.image.created';
const LABEL_VERSION = 'org.opencontainers.image.version';
/** Our view of the library's context; `repo` throws when neither the env nor the payload names one. */
function fromActionsContext(ctx, env = process.env) {
    let repository = '';
    try {
        repository = `${ctx.repo.owner}/${ctx.repo.repo}`;
    }
    catch {
        repository = '';
    }
    return {
        actions: env.GITHUB_ACTIONS === 'true',
        eventName: ctx.eventName ?? '',
        ref: ctx.ref ?? '',
        sha: ctx.sha ?? '',
        serverUrl: (ctx.serverUrl || 'https://github.com').replace(/\/+$/, ''),
        repository,
        payload: (0,json/* isObject */.G)(ctx.payload) ? ctx.payload : {}
    };
}
/**
 * The run's context through @actions/github. Its Context reads GITHUB_EVENT_PATH when the module loads and
 * throws on a malformed event file; the tags and labels then fall back to the environment alone.
 */
async function loadGitContext(warn, env = process.env) {
    try {
        // Only the context is read here: undici (a lazy chunk, src/lazy/undici.cjs) is not needed for it, and
        // is loaded by whoever makes Octokit requests, with preload().
        const { Context } = await __nccwpck_require__.e(/* import() */ 997).then(__nccwpck_require__.bind(__nccwpck_require__, 4997));
        return fromActionsContext(new Context(), env);
    }
    catch (error) {
        warn(`could not read the event payload (${(0,core_text/* messageOf */.bD)(error)})`);
        return fromActionsContext({
            eventName: env.GITHUB_EVENT_NAME,
            ref: env.GITHUB_REF,
            sha: env.GITHUB_SHA,
            serverUrl: env.GITHUB_SERVER_URL,
            get repo() {
                const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
                if (!owner || !repo)
                    throw new Error('no GITHUB_REPOSITORY');
                return { owner, repo };
            }
        }, env);
    }
}
/**
 * OCI labels for every build: source, revision (the context's sha: the caller has applied
 * DOCKER_METADATA_PR_HEAD_SHA), created and version. Outside Actions only `created` (from `now`) is set:
 * there is no source or revision to tell. `created` is the built commit's time in the event, in UTC, so
 * rebuilding a commit gives the same label; events without it (pull requests, schedule, workflow_dispatch,
 * release, \u2026) use `now`.
 */
function ociLabels(ctx, version, now) {
    const labels = {};
    if (ctx.actions) {
        if (ctx.repository)
            labels[LABEL_SOURCE] = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
        if (ctx.sha)
            labels[LABEL_REVISION] = ctx.sha;
    }
    labels[LABEL_CREATED] = rfc3339((ctx.actions && eventCommitDate(ctx, ctx.sha)) || now);
    // Whatever the version is, `latest` included, as metadata-action labels it (a `type=raw,value=latest`
    // rule first); bare tags and the automatic set give no `latest` version.
    if (ctx.actions && version)
        labels[LABEL_VERSION] = version;
    return labels;
}
/**
 * `KEY=VALUE` lines for `--label`: the automatic labels in their order, with a user value replacing the
 * automatic one in place, then the user's other labels in input order. Blank lines are skipped; the key is
 * trimmed, the value kept as given; a line without `=` is a key with an empty value; a repeated user key
 * keeps its first position and its last value.
 */
function mergeLabels(auto, user) {
    const merged = new Map(Object.entries(auto));
    for (const line of user) {
        if (line.trim() === '')
            continue;
        const eq = line.indexOf('=');
        const key = (eq < 0 ? line : line.slice(0, eq)).trim();
        if (key === '')
            continue;
        merged.set(key, eq < 0 ? '' : line.slice(eq + 1));
    }
    return [...merged].map(([k, v]) => `${k}=${v}`);
}
/** `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds). */
function rfc3339(d) {
    return d.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}

// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __nccwpck_require__(5378);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/log/fence.ts
// docker's output, fenced off from the runner's workflow-command parser.
//
// The runner reads a step's stdout and stderr line by line (a line ends at \n, \r\n or a lone \r) and acts on
// every line that starts with `::name` (after leading blanks) or holds `##[name` anywhere. What docker prints
// comes from the build (a Dockerfile's RUN), the registry (its error messages) and the engine: none of it may
// issue a command. So everything docker prints goes between `::stop-commands::<token>` and `::<token>::`,
// where the runner acts on nothing but the closing token. Each region gets a fresh random token, which
// nothing docker runs can see or guess. Our own commands (masks, errors, groups) are written outside the
// regions: while a region is open the runner would ignore an `::add-mask::` too.

/** A stream's 'drain', for FenceOptions.drain; none for a stream that cannot tell (a test's stand-in). */
const drainOf = (stream) => typeof stream.once === 'function' ? then => void stream.once('drain', then) : undefined;
const lastIsNewline = (chunk) => typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 0x0a;
/** One writer for a stream the runner reads, shared by docker's output and our own lines. */
function createFence(sink, options = {}) {
    const enabled = options.enabled ?? true;
    const newToken = options.token ?? (() => (0,external_node_crypto_.randomBytes)(16).toString('hex'));
    let token;
    let atLineStart = true;
    /** False once the sink said its reader is behind, until the next write. */
    let flowing = true;
    const put = (chunk) => {
        if (chunk.length === 0)
            return;
        if (sink(chunk) === false)
            flowing = false;
        atLineStart = lastIsNewline(chunk);
    };
    const close = () => {
        if (token === undefined)
            return;
        if (!atLineStart)
            put('\n');
        put(`::${token}::\n`);
        token = undefined;
    };
    return {
        write(chunk) {
            flowing = true;
            if (chunk.length === 0)
                return true;
            if (enabled && token === undefined) {
                if (!atLineStart)
                    put('\n');
                token = newToken();
                put(`::stop-commands::${token}\n`);
            }
            put(chunk);
            return flowing;
        },
        ...(options.drain && { whenDrained: options.drain }),
        close,
        own(text) {
            close();
            // Our line must start a line of its own, or its command would not be one.
            if (!atLineStart)
                put('\n');
            put(text);
        }
    };
}
/**
 * Foreign text (a registry's message, a label, a user name) made safe to echo as a plain log line: line
 * breaks become spaces, and what the runner would read as a command (`::` at the start, `##[` anywhere)
 * is broken up. Inside a command's message (`::error::\u2026`) escaping the data is enough; this is for the rest.
 */
function singleLine(text) {
    return text
        .replace(/\r\n|[\r\n]/g, ' ')
        .replace(/##\[/g, '## [')
        .replace(/^(\s*)::/, '$1: :');
}

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = require("node:string_decoder");
;// CONCATENATED MODULE: ./src/docker/kept-output.ts
// How much of a docker command's output is kept to be read back. Only node's own imports: the exec funnel,
// which the action loads at its start, needs it, and the bounds of the build path stay out of that chunk.

/**
 * How much of a command's stdout and of its stderr is kept, each: its end, from a line's start.
 * BuildKit writes the whole build log to stderr, which the log shows as it comes; what is read back (the
 * error line, the failed Dockerfile line, the pushed digest, a cache export's error) is at the end. The
 * text read is cut back once it holds twice as much, not on every chunk: each cut copies what is kept.
 */
const KEPT_OUTPUT_CHARS = 4 * 1024 * 1024;
/** The end of `text` that is kept: at most KEPT_OUTPUT_CHARS, from the first whole line in them. */
function keptEnd(text) {
    if (text.length <= KEPT_OUTPUT_CHARS)
        return text;
    const from = text.length - KEPT_OUTPUT_CHARS;
    const line = text.indexOf('\n', from);
    return text.slice(line < 0 ? from : line + 1);
}
function keptOutput() {
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    let text = '';
    return {
        write: chunk => {
            const decoded = decoder.write(chunk);
            text += decoded;
            if (text.length > 2 * KEPT_OUTPUT_CHARS)
                text = keptEnd(text);
            return decoded;
        },
        end: () => keptEnd(text + decoder.end())
    };
}

// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __nccwpck_require__(2257);
;// CONCATENATED MODULE: ./src/docker/process-time.ts
// How long this run has waited on the processes it started: the part of its wall time that is not its own,
// and what it does meanwhile. The exec funnel counts every process it runs here.

let running = 0;
let runningSince = 0;
let processMs = 0;
/** Counts the wall time during which at least one of our processes runs (overlaps counted once). */
async function accounted(work) {
    if (running++ === 0)
        runningSince = (0,clock/* now */.t)();
    try {
        return await work();
    }
    finally {
        if (--running === 0)
            processMs += (0,clock/* now */.t)() - runningSince;
    }
}
/**
 * How long this run has waited on processes it started (docker): the part of its wall time that is not its
 * own. `npm run bench` subtracts it to report the action's own time.
 */
const processTime = () => processMs + (running ? (0,clock/* now */.t)() - runningSince : 0);
// What a later phase would load on its critical path, loaded while docker works instead: a build leaves the
// main thread waiting for seconds once its process has started.
const meanwhile = [];
/**
 * Runs `task` (errors ignored: the later use meets them) soon after the exec funnel next starts a process it
 * streams or watches (a build, a push).
 */
function whileDockerRuns(task) {
    meanwhile.push(task);
}
/** Called by the exec funnel once it has started a process. */
function processStarted() {
    if (!meanwhile.length)
        return;
    const tasks = meanwhile.splice(0);
    setImmediate(() => {
        for (const task of tasks)
            Promise.resolve()
                .then(task)
                .catch(() => undefined);
    });
}

// EXTERNAL MODULE: ./src/docker/cancel.ts
var docker_cancel = __nccwpck_require__(1092);
;// CONCATENATED MODULE: ./src/docker/exec.ts
// The one funnel through which this program starts processes (docker, and docker-credential-* helpers):
// argument arrays, never a shell string, and every process bounded.
//
// Two paths, because @actions/exec gives no handle on the child it starts:
// - Commands whose output is only captured and that read no stdin (inspect, info, buildx version) run
//   through @actions/exec, under coreutils `timeout -k 5 <s>`, which enforces their fixed deadline by
//   itself.
// - Commands given stdin (login's password, a credential helper's host) are started here: @actions/exec
//   writes the input with no error handler on the pipe, so a child that exits before reading it (a helper
//   that is not installed) would end our process with an uncaught EPIPE.
// - Commands whose output is streamed (build, push) are started with node's child_process, each in a
//   process group of its own. A push must be stopped when it stalls (no new line of output for a while) or
//   runs past its ceiling, and a build or push must be stopped, together with the buildx plugin that docker
//   runs below it, when the job is cancelled. All of that needs the child's pid, which @actions/exec keeps
//   to itself.
// Cancelling them (signals, a closed output) is cancel.ts's.







/**
 * The real runner. Streamed output goes to `out`: stdout in the action, stderr in the CLI. A plain stream is
 * fenced when the runner reads it: always the action's stdout, the CLI's stderr inside a workflow. Pass a
 * Fence to share it with the code that writes our own commands to the same stream.
 */
function createExecRunner(out = process.stdout, env = process.env) {
    const fence = isFence(out)
        ? out
        : createFence(chunk => out.write(chunk), {
            enabled: out === process.stdout || env.GITHUB_ACTIONS === 'true',
            drain: drainOf(out)
        });
    // Loads while the registry preflight runs, not after it.
    const actionsExec = __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 1260));
    return (command, args, childEnv, options) => accounted(() => run(command, args, childEnv, options));
    async function run(...[command, args, childEnv, options]) {
        const cancelled = (0,docker_cancel/* cancelSignal */.Bj)();
        if (cancelled)
            return refused(cancelled);
        if (options.signal?.aborted)
            return { exitCode: 1, stdout: '', stderr: '', stopped: { reason: 'aborted' } };
        if (options.stream || options.watch) {
            if (options.stream)
                fence.own(`[command]${singleLine(options.display ?? [command, ...args].join(' '))}\n`);
            try {
                return await spawnWatched(command, args, childEnv, options, options.stream ? fence : undefined);
            }
            finally {
                // Our next line (a warning, the error) must be live.
                fence.close();
            }
        }
        const timeout = options.deadlineMs === undefined ? undefined : timeoutBinary(childEnv);
        if (options.input || (options.deadlineMs !== undefined && !timeout)) {
            // Stdin to write, or a deadline without coreutils timeout (macOS without coreutils, Windows): started
            // here, under the same deadline.
            const afterMs = options.deadlineMs;
            const result = await spawnWatched(command, args, childEnv, {
                input: options.input,
                ...(afterMs !== undefined && { watch: () => ({ ceilingMs: afterMs }) })
            });
            return afterMs !== undefined && result.stopped?.reason === 'ceiling'
                ? { ...result, stopped: { reason: 'deadline', afterMs } }
                : result;
        }
        const { exec } = await actionsExec;
        const captured = async (file, argv) => {
            // Kept as a streamed command's output is: a process run for seconds can still print gigabytes.
            const out = { stdout: keptOutput(), stderr: keptOutput() };
            const done = await untilCancelled(exec(file, argv, {
                env: childEnv,
                silent: true,
                ignoreReturnCode: true,
                listeners: { stdout: out.stdout.write, stderr: out.stderr.write }
            }));
            return typeof done === 'number'
                ? { exitCode: done, stdout: out.stdout.end(), stderr: out.stderr.end() }
                : done;
        };
        if (!timeout || options.deadlineMs === undefined)
            return captured(command, args);
        const afterMs = options.deadlineMs;
        const started = Date.now();
        const done = await captured(timeout, ['-k', '5', seconds(afterMs), command, ...args]);
        if (done.stopped)
            return done;
        const { exitCode, stdout, stderr } = done;
        // 124: timeout stopped it; a failure once the deadline passed: it took the SIGKILL (137) or died of it.
        if (exitCode === 124 || (exitCode !== 0 && Date.now() - started >= afterMs))
            return { exitCode, stdout, stderr, stopped: { reason: 'deadline', afterMs } };
        return { exitCode, stdout, stderr };
    }
}
const isFence = (out) => 'own' in out && 'close' in out;
/** `timeout`'s duration argument: seconds, fractions allowed. */
const seconds = (ms) => String(Math.max(ms, 1) / 1000);
const timeoutPaths = new Map();
/** coreutils `timeout` on PATH; never on Windows, whose `timeout` only waits. */
function timeoutBinary(env) {
    if (process.platform === 'win32')
        return undefined;
    const PATH = env.PATH ?? process.env.PATH ?? '';
    if (!timeoutPaths.has(PATH))
        timeoutPaths.set(PATH, PATH.split((external_node_path_default()).delimiter)
            .filter(Boolean)
            .map(dir => external_node_path_default().join(dir, 'timeout'))
            .find(file => (0,external_node_fs_.existsSync)(file)));
    return timeoutPaths.get(PATH);
}
/** `work`, or the refusal a cancel gives, whichever comes first: a cancelled run waits for no capture. */
function untilCancelled(work) {
    const cancelled = (0,docker_cancel/* cancelSignal */.Bj)();
    if (cancelled)
        return Promise.resolve(refused(cancelled));
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(refused((0,docker_cancel/* cancelSignal */.Bj)() ?? 'SIGTERM'));
        docker_cancel/* runCancelled */.LJ.addEventListener('abort', onAbort, { once: true });
        work.then(value => {
            docker_cancel/* runCancelled */.LJ.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            docker_cancel/* runCancelled */.LJ.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
const refused = (signal) => ({
    exitCode: (0,docker_cancel/* exitCodeFor */.Rr)(signal),
    stdout: '',
    stderr: '',
    stopped: { reason: 'signal', signal }
});
/** Sends `signal` to the child's process group (docker and the plugin it runs), or to the child alone. */
function signalGroup(child, signal) {
    try {
        if (process.platform !== 'win32' && child.pid !== undefined)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // already gone
    }
}
function spawnWatched(command, args, env, options, fence) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, {
            env,
            stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            // Its own process group, so that stopping it stops what it started (docker \u2192 docker-buildx).
            detached: process.platform !== 'win32'
        });
        processStarted();
        const started = Date.now();
        let lastOutput = started;
        /** While our reader is behind, docker's pipes are paused: its silence then is ours, not a stall. */
        let paused = false;
        let stopped;
        let closed = false;
        let killTimer;
        let drainTimer;
        const kept = { stdout: keptOutput(), stderr: keptOutput() };
        const halt = (stop) => {
            // Once the leader exited the group can still hold the plugin; only 'close' says all is gone.
            if (stopped || closed)
                return;
            stopped = stop;
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), docker_cancel/* KILL_AFTER_MS */.rl);
        };
        const onAbort = () => halt({ reason: 'aborted' });
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const entry = {
            halt: signal => halt({ reason: 'signal', signal }),
            kill: () => signalGroup(child, 'SIGKILL')
        };
        const watch = options.watch;
        const first = watch?.() ?? {};
        const shortest = Math.min(first.stallMs ?? Infinity, first.ceilingMs ?? Infinity);
        const ticker = watch
            ? setInterval(() => {
                const { stallMs, ceilingMs } = watch();
                const now = Date.now();
                if (ceilingMs !== undefined && now - started >= ceilingMs)
                    halt({ reason: 'ceiling', afterMs: ceilingMs });
                else if (stallMs !== undefined && !paused && now - lastOutput >= stallMs)
                    halt({ reason: 'stall', afterMs: stallMs });
            }, Math.min(1000, Math.max(25, Number.isFinite(shortest) ? shortest / 20 : 1000)))
            : undefined;
        for (const name of ['stdout', 'stderr'])
            child[name]?.on('data', (chunk) => {
                lastOutput = Date.now();
                const decoded = kept[name].write(chunk);
                options.onOutput?.(decoded);
                if (fence?.write(chunk) !== false || !fence.whenDrained || paused)
                    return;
                // Held in memory no longer than the reader takes it: docker waits on its full pipe meanwhile.
                paused = true;
                child.stdout?.pause();
                child.stderr?.pause();
                fence.whenDrained(() => {
                    paused = false;
                    lastOutput = Date.now();
                    child.stdout?.resume();
                    child.stderr?.resume();
                });
            });
        const done = () => {
            if (ticker)
                clearInterval(ticker);
            (0,docker_cancel/* untrack */.vz)(entry);
            options.signal?.removeEventListener('abort', onAbort);
        };
        child.on('error', error => {
            done();
            if (killTimer)
                clearTimeout(killTimer);
            // Started without a cwd of its own: ENOENT for a bare name is the program missing from PATH. The
            // code stays on the error for whoever tells a missing program apart (credential helpers).
            const { code } = error;
            const missing = code === 'ENOENT' && !command.includes((external_node_path_default()).sep);
            reject(Object.assign(new Error(`could not run ${command}: ${missing ? 'it is not installed, or not on PATH' : error.message}`), { code }));
        });
        // Something docker started may keep our pipes open after docker exited: wait for it as long as
        // @actions/exec does (10 s), then stop reading.
        child.on('exit', () => {
            drainTimer = setTimeout(() => {
                child.stdout?.destroy();
                child.stderr?.destroy();
            }, 10_000);
        });
        child.on('close', (code, signal) => {
            closed = true;
            if (drainTimer)
                clearTimeout(drainTimer);
            done();
            // The group may hold the plugin still: it gets the SIGKILL the leader did not need.
            if (killTimer && stopped) {
                clearTimeout(killTimer);
                signalGroup(child, 'SIGKILL');
            }
            const stdout = kept.stdout.end();
            const stderr = kept.stderr.end();
            const exitCode = code ?? (signal ? (0,docker_cancel/* exitCodeFor */.Rr)(signal) : 1);
            resolve({ exitCode, stdout, stderr, ...(stopped ? { stopped } : {}) });
        });
        if (child.pid !== undefined)
            (0,docker_cancel/* track */.u4)(entry);
        if (options.input && child.stdin) {
            child.stdin.on('error', () => { }); // a child that exits without reading its stdin
            child.stdin.end(options.input);
        }
    });
}

;// CONCATENATED MODULE: ./src/docker/config.ts
// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.




/** Directories that carry plugins, builders and contexts rather than credentials. */
const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
/**
 * What of buildx's directory stays with the run: `refs`, where buildx (0.13) writes every build's context
 * as given, failed builds too, and never removes it; an http git context keeps its token in the URL
 * (git-context.ts), so in the user's directory the token would outlive the job.
 */
const PRIVATE_BUILDX = new Set(['refs']);
const credentialKey = (registry) => ((0,reference/* isDockerHub */.gr)(registry) ? reference/* HUB_AUTH_KEY */.Ts : registry);
/**
 * The user's config with the file store forced for `loginRegistry`: an empty credHelpers entry makes the
 * docker CLI skip any credsStore for that host, so the login lands in our file and dies with it.
 */
function seedConfig(user, loginRegistries = []) {
    const config = { ...user };
    const registries = typeof loginRegistries === 'string' ? [loginRegistries] : loginRegistries;
    if (registries.length) {
        const helpers = { ...(user.credHelpers ?? {}) };
        // A stale entry for the same host must not shadow the fresh login.
        const auths = { ...(user.auths ?? {}) };
        for (const registry of registries) {
            helpers[credentialKey(registry)] = '';
            if (!(0,reference/* isDockerHub */.gr)(registry))
                helpers[registry] = '';
            delete auths[credentialKey(registry)];
        }
        config.credHelpers = helpers;
        config.auths = auths;
    }
    return config;
}
/**
 * A docker config.json's text as an object; empty (or blank) as docker reads it, `{}`. One that is not an
 * object (bad JSON, `null`, a list) is an error naming the file: read as empty, its credHelpers, credsStore
 * and proxies would vanish without a word, and the run would fail later for a reason nobody could see.
 */
function parseDockerConfig(file, text) {
    if (!text.trim())
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        // V8 quotes the text around an unexpected token, and here that is credentials: the token alone.
        const why = error.message.replace(/^(Unexpected token .+?), .* is not valid JSON$/s, '$1');
        throw new Error(`${file} is malformed: ${why}; docker's config.json is a JSON object`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${file} is malformed: it holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, and docker's config.json is a JSON object`);
    return parsed;
}
/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
async function createPrivateConfig(dir, userDir, loginRegistries = []) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const userFile = external_node_path_default().join(userDir, 'config.json');
    const user = (0,external_node_fs_.existsSync)(userFile) ? parseDockerConfig(userFile, await (0,promises_.readFile)(userFile, 'utf8')) : {};
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
        mode: 0o600
    });
    for (const name of LINKED_DIRS) {
        const target = external_node_path_default().join(userDir, name);
        if (!(0,external_node_fs_.existsSync)(target))
            continue;
        if (name === 'buildx' && (await (0,promises_.stat)(target)).isDirectory())
            await linkEntries(target, external_node_path_default().join(dir, name));
        else
            await (0,promises_.symlink)(target, external_node_path_default().join(dir, name));
    }
}
/** `to` as a directory of links to each entry of `from` (builders, their state, the lock), but PRIVATE_BUILDX. */
async function linkEntries(from, to) {
    await (0,promises_.mkdir)(to, { mode: 0o700 });
    for (const entry of await (0,promises_.readdir)(from))
        if (!PRIVATE_BUILDX.has(entry))
            await (0,promises_.symlink)(external_node_path_default().join(from, entry), external_node_path_default().join(to, entry));
}

;// CONCATENATED MODULE: ./src/docker/credentials.ts
// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.







const HELPER_TIMEOUT_MS = 10000;
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * The user's docker config directory, absolute: docker reads a relative DOCKER_CONFIG from the working
 * directory, and the private config's links into it must lead there from wherever they are.
 */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG ? (0,external_node_path_.resolve)(env.DOCKER_CONFIG) : (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
}
/** Config keys may be `host`, `host/`, `https://host`, `http://host/v1/`: compare by host alone. */
function keyHost(key) {
    return key
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
}
function matches(key, registry) {
    const host = keyHost(key);
    return (0,reference/* isDockerHub */.gr)(registry) ? (0,reference/* isDockerHub */.gr)(host) : host === registry.toLowerCase();
}
/** The `auths` entry for `registry`: docker's file store takes an exact key, else one naming the same host. */
function authFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const exact = credentialKey(registry);
    if (Object.hasOwn(map, exact))
        return map[exact];
    const key = Object.keys(map).find(k => matches(k, registry));
    return key === undefined ? undefined : map[key];
}
/**
 * The `credHelpers` entry for `registry`, as docker reads it: by its exact key (the host, Docker Hub's
 * auths key) and no other. A `https://host` or `host/` key names no helper to docker, which then reads
 * the file or credsStore; asking that helper here would verify with other credentials than docker pushes.
 */
function helperFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const key = credentialKey(registry);
    return Object.hasOwn(map, key) ? map[key] : undefined;
}
function fromAuthEntry(entry) {
    if (!entry || typeof entry !== 'object')
        return undefined;
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
        return { username: '<token>', password: entry.identitytoken };
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':'); // the password may itself contain colons
        if (colon > 0)
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string')
        return { username: entry.username, password: entry.password };
    return undefined;
}
/**
 * A runner that starts `docker-credential-<helper> get` through the exec funnel (exec.ts: no shell, a
 * fixed deadline, nothing started once the run is cancelled). A missing binary fails with code ENOENT.
 */
function helperRunner({ env = process.env, timeoutMs = HELPER_TIMEOUT_MS, runner } = {}) {
    let run = runner;
    return async (helper, input) => {
        const program = `docker-credential-${helper}`;
        // Made on first use: most runs never ask a helper.
        run ??= createExecRunner(process.stderr, env);
        let result;
        try {
            result = await run(program, ['get'], env, { input: Buffer.from(input), deadlineMs: timeoutMs });
        }
        catch (error) {
            const notFound = error.code === 'ENOENT' ||
                /Unable to locate executable/i.test((0,core_text/* messageOf */.bD)(error));
            throw notFound ? missing(program) : error;
        }
        if (result.stopped?.reason === 'signal')
            throw new Error(`${program} stopped: the run was cancelled`);
        if (result.stopped)
            throw new Error(`${program} timed out after ${timeoutMs} ms`);
        if (result.exitCode === 0)
            return result.stdout;
        // 127: coreutils `timeout` (or a shell) found no such program.
        if (result.exitCode === 127 && !result.stdout)
            throw missing(program);
        const said = (0,core_text/* oneLine */.TN)(result.stderr || result.stdout, 200);
        throw new Error(`${program} exited with ${result.exitCode}${said ? `: ${said}` : ''}`);
    };
}
const missing = (program) => Object.assign(new Error(`${program} is not installed (ENOENT)`), { code: 'ENOENT' });
const runCredentialHelper = helperRunner();
async function readConfig(configDir) {
    const file = (0,external_node_path_.join)(configDir, 'config.json');
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return {};
        throw err;
    }
    return parseDockerConfig(file, text);
}
/**
 * Credentials for a registry host, looked up like the docker CLI: credHelpers, then inline auths, then
 * credsStore. A helper that is missing or has nothing for the host yields undefined; `warn` hears about
 * helpers that fail for other reasons (never with secrets).
 */
function credentialsFromDockerConfig(configDir, run = runCredentialHelper, warn) {
    let config;
    const viaHelper = async (helper, registry) => {
        if (typeof helper !== 'string' || !HELPER_NAME.test(helper)) {
            if (helper)
                warn?.(`ignoring credential helper ${JSON.stringify(helper)}: not a plain helper name`);
            return undefined;
        }
        let output;
        try {
            output = await run(helper, credentialKey(registry));
        }
        catch (err) {
            const code = err.code;
            const message = (0,core_text/* messageOf */.bD)(err);
            // Missing binaries and "credentials not found" are ordinary: the registry may allow anonymous access.
            if (code !== 'ENOENT' && !/not found/i.test(message))
                warn?.(message);
            return undefined;
        }
        try {
            const { Username, Secret } = JSON.parse(output);
            if (typeof Secret !== 'string' || Secret === '')
                return undefined;
            return { username: typeof Username === 'string' ? Username : '', password: Secret };
        }
        catch {
            warn?.(`docker-credential-${helper} printed something that is not JSON`);
            return undefined;
        }
    };
    return async (registry) => {
        config ??= readConfig(configDir);
        const { auths, credHelpers, credsStore } = await config;
        const helper = helperFor(credHelpers, registry);
        const inline = fromAuthEntry(authFor(auths, registry));
        // An empty credHelpers entry is docker's way to pin a host to the file store, bypassing credsStore.
        if (helper === '')
            return inline;
        if (helper !== undefined)
            return viaHelper(helper, registry);
        return inline ?? (credsStore ? viaHelper(credsStore, registry) : undefined);
    };
}

// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __nccwpck_require__(7253);
;// CONCATENATED MODULE: ./src/metadata/repo-labels.ts




const LABEL_TITLE = 'org.opencontainers.image.title';
const LABEL_DESCRIPTION = 'org.opencontainers.image.description';
const LABEL_URL = 'org.opencontainers.image.url';
const LABEL_LICENSES = 'org.opencontainers.image.licenses';
function repositoryFacts(repo) {
    const facts = { labels: repositoryLabels(repo) };
    if (isBranchName(repo.default_branch))
        facts.defaultBranch = repo.default_branch;
    return facts;
}
/**
 * The labels a repository's metadata gives. Empty fields give no label (an empty label would only hide
 * one from the base image); nor does GitHub's `NOASSERTION`, its word for a license it could not identify.
 */
function repositoryLabels(repo) {
    const labels = {};
    // One label is one line of the `labels` and `annotations` outputs: a description written over several
    // lines becomes one, its line breaks spaces.
    const set = (key, value) => {
        if (typeof value !== 'string')
            return;
        // One match per whitespace run (`\s*[\n\u2026]+\s*` retried every start inside a long run: quadratic).
        const line = value.replace(/\s+/g, run => (/[\r\n\u2028\u2029\v\f]/.test(run) ? ' ' : run)).trim();
        if (line !== '')
            labels[key] = line;
    };
    set(LABEL_TITLE, repo.name);
    set(LABEL_DESCRIPTION, repo.description);
    set(LABEL_URL, repo.html_url);
    const spdx = repo.license?.spdx_id;
    if (spdx !== 'NOASSERTION')
        set(LABEL_LICENSES, spdx);
    return labels;
}
/** Per-request deadline: an API that does not answer must not hold the build for long. */
const API_TIMEOUT_MS = 10_000;
/**
 * The repository's labels and default branch for this run, or none: only in Actions, with a repository and
 * a token. An API that does not answer after the retries, or refuses, costs one warning and no labels; the
 * build goes on.
 */
async function loadRepository(ctx, opts) {
    if (!ctx.actions || !ctx.repository || !opts.token)
        return { labels: {} };
    // Masked before anything can print it (the runner masks github.token itself, not every PAT).
    opts.reporter.setSecret(opts.token);
    const [owner, repo] = ctx.repository.split('/');
    try {
        return repositoryFacts(await ask(opts, (octokit, request) => octokit.rest.repos.get({ owner, repo, request })));
    }
    catch (error) {
        // A cancelled run is not a missing label: it ends as cancelled.
        if (docker_cancel/* runCancelled */.LJ.aborted)
            throw error;
        opts.reporter.warning(`could not read the repository's metadata from the GitHub API (${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error), 300)}); the title, description, url and licenses labels are left out`);
        return { labels: {} };
    }
}
/**
 * The commit's date (its committer's, as metadata-action reads it) from `GET /repos/{owner}/{repo}/commits/{sha}`,
 * for {{commit_date}} when the event carries none; undefined, after one warning, when the API cannot say.
 */
async function loadCommitDate(ctx, sha, opts) {
    if (!ctx.actions || !ctx.repository || !opts.token || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
        return undefined;
    opts.reporter.setSecret(opts.token);
    const [owner, repo] = ctx.repository.split('/');
    try {
        const data = await ask(opts, (octokit, request) => octokit.rest.repos.getCommit({ owner, repo, ref: sha, request }));
        const date = data?.commit?.committer?.date;
        const ms = typeof date === 'string' && COMMIT_DATE.test(date) ? Date.parse(date) : NaN;
        if (Number.isNaN(ms))
            throw new Error('the answer names no committer date');
        return new Date(ms);
    }
    catch (error) {
        opts.reporter.warning(`could not read the commit's date from the GitHub API (${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error), 300)}); {{commit_date}} is the run's time`);
        return undefined;
    }
}
const COMMIT_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
/** One API request through Octokit with a deadline per attempt, retried while the failure is transient. */
async function ask(opts, request) {
    const env = opts.env ?? process.env;
    // Octokit's fetch is undici's, which is a lazy chunk: it must be loaded before the first request.
    await (await __nccwpck_require__.e(/* import() */ 669).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5669, 23))).preload();
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(600), __nccwpck_require__.e(819)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3747));
    const octokit = getOctokit(opts.token, {
        baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
    const timeoutMs = opts.timeoutMs ?? API_TIMEOUT_MS;
    return (0,retry/* retry */.L5)(async () => {
        // A controller and a timer of our own, not AbortSignal.any([AbortSignal.timeout(\u2026)]): node may collect
        // a timeout signal that only a composite refers to before it fires (nodejs/node#57736), and the request
        // then waits forever.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
        const cancel = () => controller.abort(docker_cancel/* runCancelled */.LJ.reason);
        if (docker_cancel/* runCancelled */.LJ.aborted)
            cancel();
        else
            docker_cancel/* runCancelled */.LJ.addEventListener('abort', cancel, { once: true });
        try {
            return (await request(octokit, { signal: controller.signal })).data;
        }
        catch (error) {
            throw classified(error, timeoutMs);
        }
        finally {
            clearTimeout(timer);
            docker_cancel/* runCancelled */.LJ.removeEventListener('abort', cancel);
        }
    }, {
        attempts: opts.attempts,
        sleep: opts.sleep,
        // Retries are told in the debug log only: the user hears once, when the answer is given up on.
        onRetry: info => opts.reporter.debug(`GitHub API: attempt ${info.attempt} failed: ${(0,core_text/* messageOf */.bD)(info.error)}`)
    });
}
/**
 * Octokit's RequestError as our retry understands it: no answer, a timeout, 429 and 5xx are transient;
 * any other status (401, 403, 404) is the answer and is not asked again.
 */
function classified(error, timeoutMs = API_TIMEOUT_MS) {
    const status = error?.status;
    const cause = error?.cause;
    // Octokit gives every failure without an answer (a timeout, DNS, a refused connection) status 500; only
    // one with a `response` heard the server say it.
    const answered = typeof status === 'number' &&
        (status !== 500 || error?.response !== undefined);
    if (!answered) {
        if (isTimeout(error) || isTimeout(cause))
            return new retry/* ClassifiedError */.IP(`no answer within ${timeoutMs / 1000} s (timed out)`, 'transient');
        return new retry/* ClassifiedError */.IP(`no answer: ${networkReason(error)}`, 'transient');
    }
    const message = (0,core_text/* messageOf */.bD)(error);
    if (status > 0 && status < 500 && status !== 429)
        return new retry/* ClassifiedError */.IP(`HTTP ${status}: ${message}`, 'fatal');
    return new retry/* ClassifiedError */.IP(`HTTP ${status}: ${message}`, 'transient');
}
const asError = (e) => typeof e === 'object' && e !== null ? e : undefined;
const isTimeout = (error) => {
    const e = asError(error);
    return e?.name === 'TimeoutError' || /aborted due to timeout/i.test(String(e?.message ?? ''));
};
/** The deepest reason node gives for a failed fetch: `getaddrinfo ENOTFOUND api.example`, `connect ECONNREFUSED \u2026`. */
function networkReason(error) {
    let reason = (0,core_text/* messageOf */.bD)(error);
    let e = asError(error);
    for (let depth = 0; e && depth < 5; depth++, e = asError(e.cause)) {
        const message = typeof e.message === 'string' ? e.message : '';
        if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code))
            return (0,core_text/* oneLine */.TN)(message || e.code, 200);
        if (message && message !== 'Unknown Error')
            reason = message;
    }
    return (0,core_text/* oneLine */.TN)(reason, 200);
}

// EXTERNAL MODULE: ./src/core/go-bool.ts
var go_bool = __nccwpck_require__(8558);
;// CONCATENATED MODULE: ./src/docker/attests.ts
// The attestation flags as build-push-action passes them: `provenance` and `sbom` take precedence over an
// entry of their type in `attests` (buildx refuses the two together), and provenance names this workflow
// run as its builder, so that policies checking the SLSA `builder.id` (slsa-verifier and the like) can.


/** Whether `spec` (an `attests` entry) is of attestation type `type`. */
const isAttestation = (spec, type) => (0,build_options/* attestationFields */.WW)(spec).some(f => f.key === 'type' && f.value === type);
/** `attrs` with `builder-id=<builderId>` added, unless it names a builder already or there is no run. */
function withBuilderId(attrs, builderId) {
    if (!builderId || (0,build_options/* attestationFields */.WW)(attrs).some(f => f.key === 'builder-id'))
        return attrs;
    return attrs ? `${attrs},builder-id=${builderId}` : `builder-id=${builderId}`;
}
/**
 * `--provenance`: false as given; true or attributes with this run as the builder. A boolean is any of Go's
 * words, as buildx reads it: `1,builder-id=\u2026` would be a field without `=`, which buildx refuses.
 */
function provenanceArgs(provenance, builderId) {
    if (provenance === '')
        return [];
    const on = (0,go_bool/* goBool */.B)(provenance);
    if (on === false)
        return ['--provenance=false'];
    if (on)
        return [`--provenance=${builderId ? withBuilderId('', builderId) : 'true'}`];
    return [`--provenance=${withBuilderId(provenance, builderId)}`];
}
/** `--attest` for each `attests` entry, less those `provenance` and `sbom` stand in for. */
function attestArgs(inputs, builderId) {
    const args = [];
    for (const spec of inputs.attests) {
        if (isAttestation(spec, 'provenance')) {
            if (inputs.provenance === '')
                args.push(`--attest=${withBuilderId(spec, builderId)}`);
        }
        else if (!(inputs.sbom !== '' && isAttestation(spec, 'sbom')))
            args.push(`--attest=${spec}`);
    }
    return args;
}

// EXTERNAL MODULE: ./src/metadata/levels.ts
var levels = __nccwpck_require__(6814);
// EXTERNAL MODULE: ./src/core/userinfo.ts
var userinfo = __nccwpck_require__(928);
;// CONCATENATED MODULE: ./src/docker/build-flags.ts
// The plan of one build and its argv: `docker build` or `docker buildx build` with every option, and the
// command line as the log shows it. Pure, table-tested.





/**
 * `--call` as we run it: `check` asks for JSON, the findings' machine form (see check.ts), whatever format
 * was asked, and leaves the exit status to pipeline/call.ts, which reads `ignorestatus`; any other call as written.
 */
const callArg = (call) => (0,build_options/* parseCall */.Mf)(call).name === 'check' ? 'check,format=json' : call;
/**
 * The classic builder takes add-hosts, network, shm-size, ulimit and cgroup-parent too; the rest are
 * buildx's (checkBuilder refused them without buildx). Each list entry is one flag, as buildx wants.
 */
function optionArgs(inputs, plan, buildx) {
    const args = [];
    for (const host of inputs.addHosts)
        args.push(`--add-host=${host}`);
    if (inputs.network)
        args.push(`--network=${inputs.network}`);
    if (inputs.shmSize)
        args.push(`--shm-size=${inputs.shmSize}`);
    for (const limit of inputs.ulimit)
        args.push(`--ulimit=${limit}`);
    if (inputs.cgroupParent)
        args.push(`--cgroup-parent=${inputs.cgroupParent}`);
    if (!buildx)
        return args;
    for (const entitlement of inputs.allow)
        args.push(`--allow=${entitlement}`);
    for (const context of plan.buildContexts ?? inputs.buildContexts)
        args.push(`--build-context=${context}`);
    for (const spec of inputs.ssh)
        args.push(`--ssh=${spec}`);
    // One level per flag: buildx 0.13 reads `index,manifest:` as part of the key (levels.ts).
    for (const line of inputs.annotations.flatMap(levels/* singleLevelLines */.yW))
        args.push(`--annotation=${line}`);
    args.push(...attestArgs(inputs, plan.builderId));
    for (const stage of inputs.noCacheFilters)
        args.push(`--no-cache-filter=${stage}`);
    if (inputs.call)
        args.push(`--call=${callArg(inputs.call)}`);
    return args;
}
/** A context path that starts with "-" would be read as a flag. */
const safeContext = (context) => (context.startsWith('-') ? `./${context}` : context);
/** The argv of `docker build` (classic) or `docker buildx build`. Pure. */
function buildArgs(inputs, plan, buildx = false) {
    // The classic builder keeps a failed RUN step's container unless told otherwise; buildx leaves none.
    const args = buildx ? ['buildx', 'build'] : ['build', '--force-rm'];
    if (buildx && inputs.builder)
        args.push(`--builder=${inputs.builder}`);
    if (plan.iidfile)
        args.push(`--iidfile=${plan.iidfile}`);
    if (inputs.file)
        args.push(`--file=${inputs.file}`);
    if (inputs.target)
        args.push(`--target=${inputs.target}`);
    for (const arg of inputs.buildArgs)
        args.push(`--build-arg=${arg}`);
    for (const label of plan.labels)
        args.push(`--label=${label}`);
    if (inputs.pull)
        args.push('--pull');
    if (inputs.noCache)
        args.push('--no-cache');
    args.push(...optionArgs(inputs, plan, buildx));
    if (buildx) {
        if (plan.metadataFile)
            args.push(`--metadata-file=${plan.metadataFile}`);
        if (inputs.platforms.length)
            args.push(`--platform=${inputs.platforms.join(',')}`);
        for (const spec of (plan.cacheFrom ?? inputs.cacheFrom).flatMap(cacheEntries))
            args.push(`--cache-from=${spec}`);
        for (const spec of (plan.cacheTo ?? inputs.cacheTo).flatMap(cacheEntries))
            args.push(`--cache-to=${withIgnoreError(spec)}`);
        args.push(...provenanceArgs(inputs.provenance, plan.builderId));
        if (inputs.sbom)
            args.push(`--sbom=${inputs.sbom}`);
        for (const s of plan.secretFiles ?? [])
            args.push(`--secret=id=${s.id},src=${s.path}`);
        for (const a of plan.annotations ?? [])
            args.push(`--annotation=${a}`);
        args.push(...(plan.exports ?? []));
    }
    for (const ref of plan.refs)
        args.push(`--tag=${ref}`);
    args.push(safeContext(plan.context ?? inputs.context));
    return args;
}
/**
 * A cache spec in buildx's own reading: one whose fields hold no `=` (`user/app:cache`, buildx's help
 * example) is shorthand for a registry cache at each of them. Spelled out, so that attributes can follow it.
 */
function cacheEntries(spec) {
    const fields = spec.split(',');
    return fields.some(field => field.includes('=')) ? [spec] : fields.map(ref => `type=registry,ref=${ref}`);
}
/** A failed cache export must never fail a good build. `spec` is spelled out (cacheEntries): no shorthand. */
function withIgnoreError(spec) {
    return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`;
}
/**
 * The build command line with build-arg values hidden (people pass tokens that way despite the advice), and
 * the userinfo of an http(s) URL (a git context's token) and a gha cache's `ghtoken` shown as `***`.
 */
function displayArgs(args) {
    return ['docker', ...args]
        .map(a => a.replace(/^(--build-arg=[^=]+=).*$/s, '$1***'))
        .map(a => (0,userinfo/* replaceUserinfo */.YB)(a, '***', /^https?$/i))
        .map(a => a.replace(/^(--cache-to=.*\bghtoken=)[^,]*/s, '$1***'))
        .join(' ');
}

// EXTERNAL MODULE: ./src/core/bounds.ts
var core_bounds = __nccwpck_require__(8630);
;// CONCATENATED MODULE: ./src/docker/bounds.ts
// How long a docker process may run: fixed deadlines for the quick commands, and a push's stall window and
// ceiling, which grow with the image's size. Each overridable through BTP_* for tests.

/** Deadline of the commands that should take seconds: inspect, info, login. */
const SHORT_DEADLINE_MS = 60_000;
/**
 * A push is stopped after this long without a new status line. Without a terminal docker prints no byte
 * progress, so a layer uploading is silence too: the window grows with the image (PUSH_MIN_THROUGHPUT).
 */
const PUSH_STALL_MS = 60_000;
/** A push is stopped after max(this, image size at PUSH_MIN_THROUGHPUT). */
const PUSH_MIN_MS = 180_000;
/** The slowest push taken for a healthy one: 1 MiB/s. */
const PUSH_MIN_THROUGHPUT = (/* unused pure expression or super */ null && (MIN_THROUGHPUT));
/** The bounds, each overridable by a positive integer in BTP_SHORT_DEADLINE_MS, BTP_PUSH_STALL_MS, BTP_PUSH_MIN_MS. */
function boundsFrom(env) {
    const ms = (name, fallback) => (0,core_bounds/* envMs */.eo)(env, name, fallback);
    return {
        shortMs: ms('BTP_SHORT_DEADLINE_MS', SHORT_DEADLINE_MS),
        pushStallMs: ms('BTP_PUSH_STALL_MS', PUSH_STALL_MS),
        pushMinMs: ms('BTP_PUSH_MIN_MS', PUSH_MIN_MS)
    };
}
/** A push's stall window and ceiling for an image of `size` bytes (0: unknown, the minimums). */
function pushWatch(bounds, size = 0) {
    return { stallMs: (0,core_bounds/* grownMs */.mE)(bounds.pushStallMs, size), ceilingMs: (0,core_bounds/* grownMs */.mE)(bounds.pushMinMs, size) };
}

// EXTERNAL MODULE: ./src/docker/errors.ts
var errors = __nccwpck_require__(7457);
// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __nccwpck_require__(5526);
;// CONCATENATED MODULE: ./src/docker/docker.ts
// The docker CLI. Every call goes through one funnel (`Docker.exec`) and an injected runner (exec.ts);
// argv comes from pure builders so it can be table-tested.







const PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins'
];
/**
 * Whether `docker buildx` exists, found the way the docker CLI finds plugins, without spawning docker:
 * this runs on every build, and a `docker buildx version` would cost a process.
 */
const hasBuildxPlugin = (configDir, env = process.env) => buildxPlugin(configDir, env) !== undefined;
/**
 * The buildx plugin that `docker buildx` runs: the first `docker-buildx` in the docker CLI's order (the
 * config's `cliPluginsExtraDirs`, then its `cli-plugins`, then the system's directories); undefined
 * without one, or with DOCKER_BUILDKIT=0.
 */
function buildxPlugin(configDir, env = process.env) {
    if (env.DOCKER_BUILDKIT === '0')
        return undefined;
    let extra = [];
    try {
        const config = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(configDir, 'config.json'), 'utf8'));
        if (Array.isArray(config.cliPluginsExtraDirs))
            extra = config.cliPluginsExtraDirs.filter((dir) => typeof dir === 'string');
    }
    catch {
        // no config: only the default places count
    }
    return [...extra, external_node_path_default().join(configDir, 'cli-plugins'), ...PLUGIN_DIRS]
        .map(dir => external_node_path_default().join(dir, 'docker-buildx'))
        .find(file => (0,external_node_fs_.existsSync)(file));
}
/**
 * What the docker CLI adds when it runs a plugin: the command it was started as, which tells buildx that
 * it runs as `docker buildx` (its plugin mode), not on its own.
 */
const PLUGIN_MODE = { DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: 'docker' };
class Docker {
    runner;
    env;
    plugin;
    /** Docker CLI processes spawned; the benchmark reports it. */
    calls = 0;
    bounds;
    constructor(runner, 
    /** The environment of every docker process; a build's may differ (build's `env`). */
    env = process.env, 
    /**
     * The buildx plugin (buildxPlugin), which `buildx \u2026` runs directly, with the arguments and environment
     * the docker CLI would give it: the docker process in front of it, and the `docker-cli-plugin-metadata`
     * call that process makes first, cost 26 ms before every build (docs/design.md).
     */
    plugin) {
        this.runner = runner;
        this.env = env;
        this.plugin = plugin;
        this.bounds = boundsFrom(env);
    }
    async exec(args, { anyExit, env, ...options } = {}, subject) {
        this.calls++;
        const result = this.plugin && args[0] === 'buildx'
            ? await this.runner(this.plugin, args, { ...(env ?? this.env), ...PLUGIN_MODE }, options)
            : await this.runner('docker', args, env ?? this.env, options);
        const command = args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' ');
        if (result.stopped)
            throw (0,errors/* stoppedError */.Wm)(command, result, result.stopped, subject);
        if (result.exitCode !== 0 && !anyExit)
            throw new errors/* DockerError */.Bi(command, result.exitCode, result.stderr);
        return result;
    }
    /**
     * The build itself is bounded only by a cancel: how long it may take is the workflow's to say
     * (timeout-minutes). A build that pushes (`push`) gets a push's bounds (pushWatch at its minimums: the
     * size is unknown until the push ends) from the moment its push begins: stopped after a stall, or past
     * the ceiling counted from there. `push` names what is pushed, for the error. `env`: the build's own
     * environment, where docker reads a `--build-arg NAME` given without a value.
     */
    async build(args, opts = {}) {
        const started = Date.now();
        let pushingAt;
        let tail = '';
        const bounds = pushWatch(this.bounds);
        return this.exec(args, {
            stream: true,
            display: displayArgs(args),
            env: opts.env,
            ...(opts.push && {
                onOutput: text => {
                    // Kept across chunks: a line may arrive in two.
                    tail = (tail + text).slice(-512);
                    if (pushingAt === undefined && errors/* PUSH_PHASE */.Z_.test(tail))
                        pushingAt = Date.now() - started;
                },
                watch: () => pushingAt === undefined
                    ? {}
                    : { stallMs: bounds.stallMs, ceilingMs: pushingAt + bounds.ceilingMs }
            })
        }, opts.push);
    }
    /**
     * A `--call` build: its answer is on stdout, and a check with findings exits non-zero, so the result
     * comes back whatever the exit code (only a stop throws).
     */
    async evaluate(args, env) {
        return this.exec(args, { stream: true, display: displayArgs(args), anyExit: true, env });
    }
    /** buildx's version, e.g. `0.13.1`: asked only when an input needs a newer one (see pipeline/gates.ts). */
    async buildxVersion() {
        const { stdout } = await this.exec(['buildx', 'version'], this.short());
        const m = /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
        if (!m)
            throw new errors/* DockerError */.Bi('buildx version', 0, `no version in ${JSON.stringify(stdout.trim())}`);
        return m[1];
    }
    /**
     * Pushes one reference; returns the manifest digest docker reports for it ('' if it printed none).
     * Stopped after a stall or past its ceiling (pushWatch), both grown from `size`, the image's bytes, which
     * may arrive while the push runs (the inspect beside it); without it, the minimums apply.
     */
    async push(ref, size, signal) {
        let watch = pushWatch(this.bounds, typeof size === 'number' ? size : 0);
        if (size instanceof Promise)
            size.then(s => (watch = pushWatch(this.bounds, s ?? 0)), () => undefined);
        const { stdout } = await this.exec(['push', ref], { stream: true, watch: () => watch, signal }, ref);
        return pushReportDigest(stdout, ref);
    }
    async inspect(image) {
        const { stdout } = await this.exec(['image', 'inspect', '--format', '{{json .}}', image], this.short());
        const raw = jsonObject('image inspect', stdout);
        const text = (v) => (typeof v === 'string' ? v : undefined);
        if (!text(raw.Id))
            throw new Error(`docker image inspect ${image} gave no image ID`);
        const platform = (0,oci/* platformString */.Fd)({
            os: text(raw.Os),
            architecture: text(raw.Architecture),
            variant: text(raw.Variant)
        });
        // Checked as any answer from outside: the size sets the push's bounds, the digests are compared.
        return {
            id: raw.Id,
            repoDigests: Array.isArray(raw.RepoDigests) ? raw.RepoDigests.filter(d => typeof d === 'string') : [],
            size: Number.isSafeInteger(raw.Size) && raw.Size >= 0 ? raw.Size : 0,
            platform
        };
    }
    /**
     * `docker save` of one image into `file`. It prints nothing while it writes, so it is bounded by a
     * push's ceiling for `size` bytes (pushWatch) rather than by silence.
     */
    async save(image, file, size = 0) {
        const { ceilingMs } = pushWatch(this.bounds, size);
        await this.exec(['save', '--output', file, image], { watch: () => ({ ceilingMs }) }, image);
    }
    /** The daemon's registry settings (`insecure-registries` and the like), as `docker info` reports them. */
    async registryConfig() {
        const { stdout } = await this.exec(['info', '--format', '{{json .RegistryConfig}}'], this.short());
        // Its fields are checked where they are read (insecureByConfig).
        return jsonObject('info', stdout);
    }
    async login(host, username, password) {
        await this.exec(['login', `--username=${username}`, '--password-stdin', ...(host ? [host] : [])], {
            ...this.short(),
            input: Buffer.from(password)
        });
    }
    short() {
        return { deadlineMs: this.bounds.shortMs };
    }
}
/** The JSON object a `--format '{{json \u2026}}'` command printed; anything else fails, naming the command. */
function jsonObject(command, stdout) {
    let value;
    try {
        value = JSON.parse(stdout);
    }
    catch {
        value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new Error(`docker ${command} printed no JSON object: ${JSON.stringify((0,core_text/* oneLine */.TN)(stdout.slice(0, 200), 80))}`);
    return value;
}
/**
 * The digest in docker push's closing line, `<tag>: digest: sha256:\u2026 size: N`, a format the CLI has kept
 * since registry v2. Reading it saves an `image inspect` process on every run; when it is missing the
 * caller falls back to RepoDigests.
 */
function pushReportDigest(stdout, ref) {
    const tag = ref.slice(ref.lastIndexOf(':') + 1);
    const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`^${escaped}: digest: (sha256:[a-f0-9]{64}) size: \\d+\\s*$`, 'm').exec(stdout);
    return m ? m[1] : '';
}
/** The digests docker recorded for `repository` when it pushed (from `RepoDigests`). */
function pushedDigests(repoDigests, repository) {
    // Docker shortens Docker Hub names (`docker.io/library/x` \u2192 `x`), so compare both forms. The containerd
    // store lists the same digest once per tag, hence the Set.
    const names = new Set([repository, repository.replace(/^docker\.io\/(library\/)?/, '')]);
    return [
        ...new Set(repoDigests
            .map(rd => rd.split('@'))
            .filter(([name, digest]) => digest && names.has(name))
            .map(([, digest]) => digest))
    ];
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/docker/daemon.ts
// What the engine says of a registry: whether its daemon.json lets it skip TLS (insecure-registries), as
// dockerd decides it, asked only when HTTPS fails.


/**
 * Whether dockerd treats `registry` (host[:port]) as insecure, by its own rule: a listed name decides;
 * otherwise any of the host's addresses inside an insecure CIDR does.
 */
function insecureByConfig(config, registry, addresses) {
    // Read as docker's answer, not assumed to be its shape: a field of another type counts as not set.
    const indexes = config.IndexConfigs;
    const named = indexes && typeof indexes === 'object' ? indexes[registry] : undefined;
    if (named && typeof named === 'object')
        return named.Secure === false;
    const cidrs = new external_node_net_.BlockList();
    const listed = Array.isArray(config.InsecureRegistryCIDRs) ? config.InsecureRegistryCIDRs : [];
    for (const cidr of listed) {
        if (typeof cidr !== 'string')
            continue;
        const [net, bits] = cidr.split('/');
        const family = (0,external_node_net_.isIP)(net);
        const prefix = /^\d{1,3}$/.test(bits ?? '') ? Number(bits) : -1;
        if (family && prefix >= 0 && prefix <= (family === 6 ? 128 : 32))
            cidrs.addSubnet(net, prefix, family === 6 ? 'ipv6' : 'ipv4');
    }
    return addresses.some(a => (0,external_node_net_.isIP)(a) !== 0 && cidrs.check(a, (0,external_node_net_.isIP)(a) === 6 ? 'ipv6' : 'ipv4'));
}
/** Asks the daemon, then resolves the host the way it would, to apply insecureByConfig. */
async function dockerTreatsAsInsecure(docker, registry) {
    const { host } = (0,reference/* splitHostPort */.cC)(registry);
    const [config, addresses] = await Promise.all([
        docker.registryConfig(),
        (0,external_node_net_.isIP)(host)
            ? [host]
            : Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1553, 23))
                .then(dns => dns.lookup(host, { all: true }))
                .then(found => found.map(f => f.address), () => [])
    ]);
    return insecureByConfig(config, registry, addresses);
}

// EXTERNAL MODULE: ./node_modules/semver/functions/parse.js
var functions_parse = __nccwpck_require__(6353);
var parse_default = /*#__PURE__*/__nccwpck_require__.n(functions_parse);
// EXTERNAL MODULE: ./src/metadata/rules/parse.ts
var rules_parse = __nccwpck_require__(1398);
// EXTERNAL MODULE: ./src/metadata/rules/template.ts + 1 modules
var template = __nccwpck_require__(5730);
// EXTERNAL MODULE: ./node_modules/semver/functions/valid.js
var valid = __nccwpck_require__(8780);
var valid_default = /*#__PURE__*/__nccwpck_require__.n(valid);
;// CONCATENATED MODULE: ./src/metadata/rules/pep440.ts
// PEP 440 versions, as far as metadata-action's `type=pep440` rule reads them: validity, the normalized
// form, the release numbers and whether it is a pre-, post- or dev-release. Pure; no dependency.
// PEP 440's appendix B pattern, case-insensitive, with surrounding whitespace allowed.
const PEP440 = new RegExp('^\\s*v?' +
    '(?:([0-9]+)!)?' + // epoch
    '([0-9]+(?:\\.[0-9]+)*)' + // release
    '(?:[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?([0-9]+)?)?' + // pre-release
    '(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?' + // post-release
    '(?:[-_.]?(dev)[-_.]?([0-9]+)?)?' + // dev release
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?' + // local version
    '\\s*$', 'i');
const PRE_LABELS = {
    a: 'a',
    alpha: 'a',
    b: 'b',
    beta: 'b',
    c: 'rc',
    rc: 'rc',
    pre: 'rc',
    preview: 'rc'
};
const num = (s) => (s === undefined ? 0 : Number.parseInt(s, 10));
/** The parsed version, or undefined when `text` is not a PEP 440 version. */
function parsePep440(text) {
    const m = PEP440.exec(text);
    if (!m)
        return undefined;
    const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
    const v = { epoch: num(epoch), release: release.split('.').map(n => num(n)) };
    if (preL !== undefined)
        v.pre = { label: PRE_LABELS[preL.toLowerCase()], n: num(preN) };
    if (postN1 !== undefined)
        v.post = num(postN1);
    else if (postL !== undefined)
        v.post = num(postN2);
    if (devL !== undefined)
        v.dev = num(devN);
    if (local !== undefined)
        v.local = local
            .toLowerCase()
            .split(/[-_.]/)
            .map(p => (/^[0-9]+$/.test(p) ? String(num(p)) : p))
            .join('.');
    return v;
}
/** The normalized form: `1.0.dev4`, `1.1b2`, `1!2.0.post1+local.7`. */
function normalizePep440(v) {
    let s = v.epoch !== 0 ? `${v.epoch}!` : '';
    s += v.release.join('.');
    if (v.pre)
        s += `${v.pre.label}${v.pre.n}`;
    if (v.post !== undefined)
        s += `.post${v.post}`;
    if (v.dev !== undefined)
        s += `.dev${v.dev}`;
    if (v.local !== undefined)
        s += `+${v.local}`;
    return s;
}
/** A pre-, post- or dev-release: metadata-action gives such versions no partial tags and no `latest`. */
const isPep440Special = (v) => v.pre !== undefined || v.post !== undefined || v.dev !== undefined;
/** The n-th release number (0 = major); 0 when the release has fewer numbers. */
const releasePart = (v, n) => v.release[n] ?? 0;

;// CONCATENATED MODULE: ./src/metadata/tags.ts
// What metadata-action's tag rules yield for one event: the version (main tag), the other tags, and
// whether `latest` goes with them. Pure: the event, the clock and the environment's settings come in. The
// automatic tags for an empty `tags` input are rules of this engine too (metadata/automatic.ts).
// The functions alone: the package's index loads every module of it (ranges too), which the run pays for.








function tagEvent(ctx, settings, now, facts = {}) {
    const sha = buildSha(ctx, settings.prHeadSha);
    return {
        eventName: ctx.eventName,
        ref: eventRef(ctx),
        sha,
        payload: ctx.payload ?? {},
        defaultBranch: payloadDefaultBranch(ctx) || (facts.defaultBranch ?? ''),
        commitDate: eventCommitDate(ctx, sha) ?? facts.commitDate ?? now,
        now,
        shortShaLength: settings.shortShaLength
    };
}
const HEADS = /^refs\/heads\//;
const TAGS = /^refs\/tags\//;
const PULL = /^refs\/pull\//;
const shortSha = (sha, length) => length >= sha.length ? sha : sha.slice(0, length);
/** The names every `{{\u2026}}` outside a version pattern can use. */
function globalValues(ev) {
    const ref = ev.ref;
    const branchOf = ref.replace(HEADS, '');
    let baseRef = '';
    if (TAGS.test(ref) && typeof ev.payload.base_ref === 'string')
        baseRef = ev.payload.base_ref.replace(HEADS, '');
    else if (PULL.test(ref) && typeof ev.payload.pull_request?.base?.ref === 'string')
        baseRef = ev.payload.pull_request.base.ref;
    // metadata-action's rule, quirks included: events that always run on the default branch say true.
    const isDefault = branchOf !== '' &&
        (payloadDefaultBranch(ev) === branchOf || /create|discussion|issues|schedule/.test(ev.eventName));
    return {
        branch: HEADS.test(ref) ? ref.replace(HEADS, '') : '',
        tag: TAGS.test(ref) ? ref.replace(TAGS, '') : '',
        sha: shortSha(ev.sha, ev.shortShaLength),
        base_ref: baseRef,
        is_default_branch: String(isDefault),
        is_not_default_branch: String(!isDefault),
        date: ev.now,
        commit_date: ev.commitDate
    };
}
/** metadata-action's sanitizing: every run of characters a tag cannot hold becomes one `-`. */
const sanitize = (tag) => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
const TAG_MAX = 128;
/**
 * A sanitized text made into a tag where docker would refuse it: leading `.` and `-` dropped, cut to 128
 * characters. '' when nothing is left. For the automatic set, which must never fail a build over a
 * branch's name; rules the user wrote fail instead, naming the rule.
 */
const fitTag = (tag) => tag.replace(/^[.-]+/, '').slice(0, TAG_MAX);
/** The tag text a rule makes for this event before prefix/suffix, or undefined when it makes none. */
function make(rule, ev, g, warn) {
    const tagName = TAGS.test(ev.ref) ? ev.ref.replace(TAGS, '') : undefined;
    const given = rule.value ? (0,template/* render */.XX)(rule.value, g) : '';
    // metadata-action reads `value` when the attribute is written, even if it renders empty ({{branch}} on a
    // tag push): that makes no tag, with a warning, rather than falling back to the git tag.
    const written = (rule.value?.source ?? '') !== '';
    switch (rule.type) {
        case 'schedule':
            if (!/schedule/.test(ev.eventName))
                return undefined;
            return { value: (0,template/* render */.XX)(rule.pattern, { date: ev.now, commit_date: ev.commitDate }), autoLatest: false };
        case 'semver':
        case 'pep440': {
            if (tagName === undefined && !written)
                return undefined;
            let raw = written ? given : tagName;
            if (rule.versionMatch) {
                // metadata-action's `match`: the first group of the expression is the version; without a match
                // the whole value is read, with a warning.
                const m = raw.match(rule.versionMatch.regex);
                if (!m)
                    warn(`${rule.versionMatch.pattern} does not match ${raw}.`);
                else
                    raw = m[1] ?? '';
            }
            raw = raw.replace(/\//g, '-');
            return rule.type === 'semver' ? semver(rule, raw, warn) : pep440(rule, raw, warn);
        }
        case 'match': {
            if (tagName === undefined && !written)
                return undefined;
            const raw = written ? given : tagName;
            const m = raw.match(rule.match.regex);
            if (!m) {
                warn(`${rule.match.pattern} does not match ${raw}.`);
                return undefined;
            }
            if (m[rule.match.group] === undefined) {
                warn(`Group ${rule.match.group} does not exist for ${rule.match.pattern} pattern.`);
                return undefined;
            }
            return { value: m[rule.match.group], autoLatest: true };
        }
        case 'edge': {
            if (!HEADS.test(ev.ref))
                return undefined;
            const branch = rule.branch || ev.defaultBranch;
            return branch === ev.ref.replace(HEADS, '') ? { value: 'edge', autoLatest: false } : undefined;
        }
        case 'ref':
            if (rule.event === 'branch')
                return HEADS.test(ev.ref) ? { value: ev.ref.replace(HEADS, ''), autoLatest: false } : undefined;
            if (rule.event === 'tag')
                return tagName !== undefined ? { value: tagName, autoLatest: true } : undefined;
            return PULL.test(ev.ref)
                ? { value: ev.ref.replace(PULL, '').replace(/\/merge$/, ''), autoLatest: false }
                : undefined;
        case 'raw':
            return { value: given, autoLatest: false };
        case 'sha':
            if (!ev.sha)
                return undefined;
            return {
                value: rule.format === 'long' ? ev.sha : shortSha(ev.sha, ev.shortShaLength),
                autoLatest: false
            };
    }
}
/** A pattern that is exactly `{{raw}}` keeps the raw version for pre-releases too. */
const isRawPattern = (t) => t.parts.length === 1 && typeof t.parts[0] !== 'string' && t.parts[0].name === 'raw';
/** semver.org's grammar with an optional `v`, as metadata-action validates it (the semver package's valid). */
const isSemver = (raw) => valid_default()(raw) !== null;
function semver(rule, raw, warn) {
    const v = isSemver(raw) ? parse_default()(raw) : null;
    if (!v) {
        warn(`${raw} is not a valid semver. More info: https://semver.org/`);
        return undefined;
    }
    // The automatic set keeps build metadata in the full version (`1.2.3+b.5` \u2192 `1.2.3-b.5`).
    const version = rule.keepBuild && v.build.length ? `${v.version}+${v.build.join('.')}` : v.version;
    const values = { raw: raw.trim(), version, major: `${v.major}`, minor: `${v.minor}`, patch: `${v.patch}` };
    // Pre-releases get their full version only: {{major}} would move a stable tag to a prerelease.
    if (v.prerelease.length && !isRawPattern(rule.pattern))
        return { value: version, autoLatest: false };
    return { value: (0,template/* render */.XX)(rule.pattern, values), autoLatest: v.prerelease.length === 0 };
}
function pep440(rule, raw, warn) {
    const v = parsePep440(raw);
    if (!v) {
        warn(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
        return undefined;
    }
    if (isPep440Special(v))
        return { value: isRawPattern(rule.pattern) ? raw : normalizePep440(v), autoLatest: false };
    const values = {
        raw,
        version: normalizePep440(v),
        major: String(releasePart(v, 0)),
        minor: String(releasePart(v, 1)),
        patch: String(releasePart(v, 2))
    };
    return { value: (0,template/* render */.XX)(rule.pattern, values), autoLatest: true };
}
/** The rules' tags for this event, metadata-action's way. Throws an InputProblem for a bad enable or tag. */
function applyRules(rules, flavor = rules_parse/* DEFAULT_FLAVOR */.tt, ev, options = {}) {
    const g = globalValues(ev);
    const warnings = [];
    const version = { partial: [], latest: false };
    const made = [];
    let latest;
    const affix = (rule, value) => {
        const prefix = rule.prefix ? (0,template/* render */.XX)(rule.prefix, g) : (0,template/* render */.XX)(flavor.prefix, g);
        const suffix = rule.suffix ? (0,template/* render */.XX)(rule.suffix, g) : (0,template/* render */.XX)(flavor.suffix, g);
        return `${prefix}${value}${suffix}`;
    };
    for (const rule of (0,rules_parse/* byPriority */.mu)(rules)) {
        const enabled = (0,template/* render */.XX)(rule.enable, g);
        if (enabled !== 'true' && enabled !== 'false')
            throw new core_problem/* InputProblem */.S(`rule ${JSON.stringify(rule.source)}: enable gave ${JSON.stringify(enabled)}, not true or false`);
        if (enabled === 'false' || (rule.when && !rule.when(ev)))
            continue;
        const out = make(rule, ev, g, m => warnings.push(m));
        if (out === undefined)
            continue;
        const value = affix(rule, out.value);
        if (value === '')
            continue;
        const tag = options.fit ? fitTag(sanitize(value)) : sanitize(value);
        if (options.fit && tag === '')
            continue;
        const problem = (0,reference/* tagProblem */.qH)(tag);
        if (problem)
            throw new core_problem/* InputProblem */.S(`rule ${JSON.stringify(rule.source)} made ${JSON.stringify(tag)}: ${problem}`);
        made.push({ tag, rule });
        if (version.main === undefined)
            version.main = tag;
        else if (tag !== version.main && !version.partial.includes(tag))
            version.partial.push(tag);
        // The first rule that makes a tag decides `latest`, as in metadata-action.
        latest ??= flavor.latest === 'auto' ? out.autoLatest : flavor.latest === 'true';
    }
    version.latest = latest ?? false;
    if (version.main === undefined)
        return { version, tags: [], made, warnings };
    const tags = [version.main, ...version.partial];
    if (version.latest) {
        const p = flavor.prefixLatest ? (0,template/* render */.XX)(flavor.prefix, g) : '';
        const s = flavor.suffixLatest ? (0,template/* render */.XX)(flavor.suffix, g) : '';
        const latestTag = sanitize(`${p}latest${s}`);
        if ((0,reference/* isValidTag */.r_)(latestTag) && !tags.includes(latestTag))
            tags.push(latestTag);
    }
    return { version, tags, made, warnings };
}

;// CONCATENATED MODULE: ./src/metadata/automatic.ts
// The automatic tags for an empty `tags` input, as built-in rules of the one tag engine (tags.ts):
//   outside GitHub Actions                                latest
//   a pull request (pull_request_target included)        pr-N, sha-<short>
//   refs/tags/vX.Y.Z (`v` optional)                       X.Y.Z, X.Y, X, latest, sha-<short>
//   refs/tags/vX.Y.Z-pre (a prerelease)                   X.Y.Z-pre, sha-<short>
//   refs/tags/<anything else>                             <tag>, sha-<short>
//   refs/heads/<the default branch>                       latest, <branch>, sha-<short>
//   refs/heads/<another branch>                           <branch>, sha-<short>
//   anything else                                         sha-<short>
// Every event (workflow_dispatch, schedule, release, \u2026) follows these by its GITHUB_REF. Names are
// sanitized as metadata-action sanitizes and then fitted to docker's grammar rather than failing the
// build; when nothing at all is derivable the tag is `latest`, so that a build always has one.
// The version (output and label) is the most specific tag: never `latest`, never the sha tag.




const automatic_TAGS = /^refs\/tags\//;
const automatic_HEADS = /^refs\/heads\//;
const LATEST = 'latest';
const tagName = (ref) => automatic_TAGS.test(ref) ? ref.replace(automatic_TAGS, '').replace(/\//g, '-') : undefined;
/** The git tag is semver (as type=semver reads it); `stable` asks for a release, not a prerelease. */
function semverTag(ref, stable) {
    const name = tagName(ref);
    if (name === undefined || !isSemver(name))
        return false;
    return !stable || parse_default()(name).prerelease.length === 0;
}
const isDefaultBranch = (ev) => automatic_HEADS.test(ev.ref) && ev.defaultBranch !== '' && ev.ref.replace(automatic_HEADS, '') === ev.defaultBranch;
const TRUE = (0,template/* literal */.eu)('true');
function rule(source, over) {
    return { source: `automatic: ${source}`, enable: TRUE, ...over };
}
function version(pattern) {
    return { pattern, value: (0,template/* literal */.eu)(''), keepBuild: true, when: ev => semverTag(ev.ref, false) };
}
const t = (source) => (0,template/* parseTemplate */.QC)(source, 'version');
/** The automatic set in Actions, by priority (the highest first, as the engine orders rules). */
const AUTOMATIC_RULES = [
    rule('pull request', { type: 'ref', priority: 1000, event: 'pr', prefix: (0,template/* literal */.eu)('pr-') }),
    rule('{{version}} of a semver tag', { type: 'semver', priority: 900, ...version(t('{{version}}')) }),
    rule('{{major}}.{{minor}}', { type: 'semver', priority: 900, ...version(t('{{major}}.{{minor}}')) }),
    rule('{{major}}', { type: 'semver', priority: 900, ...version(t('{{major}}')) }),
    rule('latest for a release tag', {
        type: 'raw',
        priority: 850,
        value: (0,template/* literal */.eu)(LATEST),
        when: ev => semverTag(ev.ref, true)
    }),
    rule('a tag that is not semver', {
        type: 'ref',
        priority: 800,
        event: 'tag',
        when: ev => automatic_TAGS.test(ev.ref) && !semverTag(ev.ref, false)
    }),
    rule('latest on the default branch', {
        type: 'raw',
        priority: 650,
        value: (0,template/* literal */.eu)(LATEST),
        when: isDefaultBranch
    }),
    rule('the branch', { type: 'ref', priority: 600, event: 'branch' }),
    rule('the commit', { type: 'sha', priority: 100, format: 'short', prefix: (0,template/* literal */.eu)('sha-') })
];
const OUTSIDE_ACTIONS = [
    rule('outside Actions', { type: 'raw', priority: 200, value: (0,template/* literal */.eu)(LATEST) })
];
/** `latest` is a rule of its own here, placed where the automatic set has always put it. */
const NO_LATEST = { ...rules_parse/* DEFAULT_FLAVOR */.tt, latest: 'false' };
/** The automatic tags and version for this event; `actions` false gives `latest` alone. */
function automaticTags(ev, actions) {
    const outcome = applyRules(actions ? AUTOMATIC_RULES : OUTSIDE_ACTIONS, NO_LATEST, ev, { fit: true });
    const version = outcome.made.find(m => m.rule.type !== 'sha' && m.tag !== LATEST)?.tag ?? '';
    return { tags: outcome.tags.length ? outcome.tags : [LATEST], version: actions ? version : '' };
}

// EXTERNAL MODULE: ./src/metadata/annotations.ts
var metadata_annotations = __nccwpck_require__(9267);
;// CONCATENATED MODULE: ./src/metadata/build-metadata.ts
// A build's tags, labels and version from the inputs and the run's git context (rules, bare tags, or the
// automatic set). Pure.







function buildMetadata(inputs, context, now = new Date(), facts = {}, 
/** The repository's metadata labels (labels.ts): first, as metadata-action orders them. */
repository = {}) {
    // Tags and labels name the commit the build contains: GITHUB_SHA, or the PR head when asked.
    const ctx = { ...context, sha: buildSha(context, inputs.metadataEnv.prHeadSha) };
    const ev = tagEvent(context, inputs.metadataEnv, now, facts);
    let tags;
    let version;
    let warnings = [];
    if (inputs.tagRules.length) {
        // What a rule makes is known only for this event: a bad result is still the tags input's fault.
        const outcome = (0,parse/* asInput */.lv)('tags', () => applyRules(inputs.tagRules, inputs.tagFlavor, ev));
        warnings = outcome.warnings;
        tags = [...new Set([...outcome.tags, ...inputs.tags])];
        version = outcome.version.main ?? inputs.tags.find(t => t !== 'latest') ?? '';
    }
    else if (inputs.tags.length) {
        tags = inputs.tags;
        version = context.actions ? (inputs.tags.find(t => t !== 'latest') ?? '') : '';
    }
    else {
        ;
        ({ tags, version } = automaticTags(ev, context.actions));
    }
    const auto = { ...repository, ...ociLabels(ctx, version, now) };
    // Expressions in labels and annotations, as metadata-action renders its custom ones.
    const values = globalValues(ev);
    const rendered = (line) => line.includes('{{') ? (0,template/* render */.XX)((0,template/* parseLabelLine */.uM)(line), values) : line;
    const labels = mergeLabels(auto, inputs.labels.map(rendered));
    const userAnnotations = inputs.annotations.map(rendered);
    return {
        tags,
        labels,
        version,
        annotations: (0,metadata_annotations/* annotationEntries */.eE)(labels, userAnnotations),
        userAnnotations,
        warnings
    };
}
/**
 * The commit whose date the API must tell, or '' when none must: a rule or the flavor uses {{commit_date}}
 * and the event carries no timestamp for the built commit (pull requests, schedule, workflow_dispatch, \u2026).
 */
function commitDateWanted(inputs, context) {
    const templates = [
        inputs.tagFlavor.prefix,
        inputs.tagFlavor.suffix,
        ...inputs.tagRules.flatMap(r => [r.enable, r.prefix, r.suffix, r.pattern, r.value]),
        ...[...inputs.labels, ...inputs.annotations].map(template/* parseLabelLine */.uM)
    ];
    if (!templates.some(t => (0,template/* mentions */.wy)(t, 'commit_date')))
        return '';
    const sha = buildSha(context, inputs.metadataEnv.prHeadSha);
    return eventCommitDate(context, sha) ? '' : sha;
}
/**
 * Rules that yield no tag for this event: fine for a local build (it stays untagged), an input error when
 * pushing, before the build, as nothing could be pushed.
 */
function checkTagged(inputs, meta, ctx) {
    if (meta.tags.length || !inputs.push)
        return;
    const event = `${ctx.eventName || 'no event'} on ${ctx.ref || 'no ref'}`;
    // Outside a workflow (the CLI on a laptop) the event is whatever GitHub's variables say, mostly nothing.
    const fix = ctx.actions
        ? 'add a rule for it (e.g. type=sha)'
        : `outside GitHub Actions the rules read the event from its variables: set GITHUB_SHA for type=sha (e.g. GITHUB_SHA=$(git rev-parse HEAD)) and GITHUB_REF for the others (e.g. GITHUB_REF=refs/tags/v1.2.3), or give a plain tag in ${(0,parse/* ref */.KR)('tags')}`;
    throw new parse/* InputError */.dz('tags', `no rule yields a tag for this event (${event}): ${inputs.tagRules.map(r => JSON.stringify(r.source)).join(', ')}; ` +
        `${fix}, or ${(0,parse/* setting */.Pe)('push', 'false')} to build untagged`);
}

;// CONCATENATED MODULE: ./src/docker/buildx-driver.ts
// Which buildx driver a build will run on, read from buildx's own files instead of asking it: a
// `docker buildx inspect` would cost a process on every build.


const readJson = (file) => {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
};
/**
 * The driver of the builder named by the `builder` input, else BUILDX_BUILDER, else the one `docker buildx
 * use` chose for this engine (buildx/current). No builder, or a name without an instance file (the default
 * builder, a docker context), is the `docker` driver.
 */
function builderDriver(configDir, builder, env = process.env) {
    let name = builder || env.BUILDX_BUILDER || '';
    if (!name) {
        const current = readJson(external_node_path_default().join(configDir, 'buildx', 'current'));
        const endpoint = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
        if (typeof current?.Name === 'string' && (current.Global === true || current.Key === endpoint))
            name = current.Name;
    }
    if (!name)
        return 'docker';
    const instance = readJson(external_node_path_default().join(configDir, 'buildx', 'instances', name.toLowerCase()));
    return typeof instance?.Driver === 'string' && instance.Driver ? instance.Driver : 'docker';
}

// EXTERNAL MODULE: ./src/registry/api.ts + 3 modules
var api = __nccwpck_require__(7489);
// EXTERNAL MODULE: ./src/registry/bounds.ts
var bounds = __nccwpck_require__(3034);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var proxy = __nccwpck_require__(4263);
// EXTERNAL MODULE: ./src/log/reporter.ts
var log_reporter = __nccwpck_require__(2425);
// EXTERNAL MODULE: ./src/pipeline/annotate.ts
var annotate = __nccwpck_require__(9268);
// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __nccwpck_require__(7571);
;// CONCATENATED MODULE: ./src/pipeline/hints.ts





/** Says where to look: auth failures are never retried, and some docker errors hide their cause. */
function withHint(inputs, 
/** The image the failure concerns, when the run has several. */
target) {
    const registry = target?.registry ?? inputs.registry;
    const where = target?.repository ?? `${inputs.registry}/${inputs.image}`;
    return error => {
        // A failed build step printed whatever it printed: its words are not docker's, and get no hint.
        if ((0,retry/* isBuildStepFailure */.$x)(error))
            throw error;
        const kind = (0,retry/* kindOf */.I)(error);
        const message = (0,core_text/* messageOf */.bD)(error);
        if (kind === 'auth') {
            const entry = inputs.logins.find(l => l.registry === registry);
            const login = entry !== undefined || (inputs.username !== '' && registry === inputs.registry);
            // A login for a registry nothing is pushed to is there for the build's pulls (base images).
            const pushed = inputs.targets.some(t => t.registry === registry);
            const access = pushed ? `push to ${where}` : `pull from ${registry}`;
            // An ECR login without a key comes from the environment's AWS credentials, not from the inputs.
            const fromEnv = entry?.cloud?.kind.startsWith('ecr') === true && entry.username === '';
            const names = inputs.registryAuth ? ['registry-auth'] : ['username', 'password'];
            const what = fromEnv
                ? 'the AWS credentials in the environment are'
                : `${(0,parse/* ref */.KR)(...names)} ${names.length > 1 ? 'are' : 'is'}`;
            const hint = login
                ? `check that ${what} right and may ${access}`
                : inputs.targets.length > 1 || inputs.registryAuth
                    ? `give ${registry} a login in ${(0,parse/* ref */.KR)('registry-auth')}, or log in to it beforehand (${(0,input_ref/* advice */.v9)('log-in')})`
                    : `set ${(0,parse/* ref */.KR)('username', 'password')}, or log in to ${registry} beforehand (${(0,input_ref/* advice */.v9)('log-in')})`;
            throw new retry/* ClassifiedError */.IP(`${message} (${hint})`, kind);
        }
        // Our grammar takes [::1]:5000, as newer engines do; older ones (20.10) reject it with a bare message.
        if (registry.startsWith('[') && /invalid reference format/i.test(message))
            throw new retry/* ClassifiedError */.IP(`${message} (this docker engine does not accept an IPv6 address in an image reference; 20.10 does not, 26.1 does: give the registry a host name, e.g. in /etc/hosts, or use a newer engine)`, kind);
        // buildx's docker driver pushes through the daemon, which speaks HTTPS to whatever it holds secure.
        if (/server gave HTTP response to HTTPS client/i.test(message))
            throw new retry/* ClassifiedError */.IP(`${message} (the docker engine holds ${registry} secure: list it in "insecure-registries" in the engine's daemon.json${registry.startsWith('[') ? '; the default list covers 127.0.0.0/8 but not ::1' : ''})`, kind);
        throw error;
    };
}
/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
const loginHost = (registry) => (0,reference/* isDockerHub */.gr)(registry) ? undefined : registry;

// EXTERNAL MODULE: ./src/pipeline/plan.ts + 2 modules
var pipeline_plan = __nccwpck_require__(9863);
// EXTERNAL MODULE: ./src/pipeline/verify.ts + 1 modules
var verify = __nccwpck_require__(9833);
// EXTERNAL MODULE: ./src/metadata/env.ts
var env = __nccwpck_require__(7038);
;// CONCATENATED MODULE: ./src/metadata/outputs.ts


const byKey = (a, b) => {
    const [ka, kb] = [a.split('=')[0], b.split('=')[0]];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
};
/**
 * metadata-action's outputs, by their shapes: labels sorted by key, annotations once per level. `levels`
 * says where the annotations are when the run knows it (a merged index holds them at `index` only),
 * whatever DOCKER_METADATA_ANNOTATIONS_LEVELS says.
 */
function metadataOutputs(meta, fullTags, inputs) {
    const labels = [...meta.labels].sort(byKey);
    const levels = meta.levels ?? (0,env/* annotationLevelsOr */.Ol)(inputs.metadataEnv, env/* OUTPUT_LEVELS */._z);
    const annotations = levels.flatMap(level => (0,metadata_annotations/* annotationsAt */.wv)(meta.annotations, level)
        .map(([key, value]) => `${key}=${value}`)
        .sort(byKey)
        .map(a => `${level}:${a}`));
    const labelObject = Object.fromEntries(labels.map(l => {
        const eq = l.indexOf('=');
        return [l.slice(0, eq), l.slice(eq + 1)];
    }));
    return {
        version: meta.version,
        tagNames: tagNames(fullTags),
        labels,
        annotations,
        json: { tags: fullTags, labels: labelObject, annotations }
    };
}
/** `registry/image:tag` \u2192 `tag`, each once, in order. */
const tagNames = (fullTags) => [
    ...new Set(fullTags.map(t => t.slice(t.lastIndexOf(':') + 1)).filter(t => t !== '' && !t.includes('/')))
];
/** metadata-action's outputs that it also exports as DOCKER_METADATA_OUTPUT_<NAME> (bake files aside). */
const METADATA_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json'];
/**
 * The variables metadata-action exports for later steps, `DOCKER_METADATA_OUTPUT_TAG_NAMES` and the like,
 * with the outputs' own values. Only where the tags come from rules, where this step stands in for
 * metadata-action; none when DOCKER_METADATA_SET_OUTPUT_ENV is false.
 */
function metadataEnvExports(inputs, outputs) {
    if (!inputs.tagRules.length || !inputs.metadataEnv.setOutputEnv)
        return {};
    return Object.fromEntries(METADATA_OUTPUTS.map(name => [
        `DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`,
        outputs[name] ?? ''
    ]));
}
/** An output as the runner takes it: a list joined by its separator (sep-*), an object as JSON. */
function outputs_outputText(name, value, inputs) {
    if (typeof value === 'string')
        return value;
    return Array.isArray(value) ? value.join(separatorOf(name, inputs)) : JSON.stringify(value);
}
/**
 * The DOCKER_METADATA_OUTPUT_* variables of a build's metadata and full tags, with the values the action
 * exports after the run (metadataEnvExports), so the build itself can read them too.
 */
function metadataVariables(meta, fullTags, inputs) {
    const values = metadataOutputValues(meta, fullTags, inputs);
    const texts = Object.fromEntries(Object.entries(values).map(([n, v]) => [n, outputs_outputText(n, v, inputs)]));
    return metadataEnvExports(inputs, texts);
}
/** metadata-action's outputs by name, with their own types: the action's outputs and the build's variables. */
function metadataOutputValues(meta, fullTags, inputs) {
    const m = metadataOutputs(meta, fullTags, inputs);
    return {
        version: m.version,
        tags: fullTags,
        'tag-names': m.tagNames,
        labels: m.labels,
        annotations: m.annotations,
        json: m.json
    };
}
/** The separator of a list output: metadata-action's sep-* inputs, a newline when empty. */
function separatorOf(name, inputs) {
    const sep = name === 'tags' || name === 'tag-names'
        ? inputs.sepTags
        : name === 'labels'
            ? inputs.sepLabels
            : name === 'annotations'
                ? inputs.sepAnnotations
                : '';
    return sep || '\n';
}

;// CONCATENATED MODULE: ./src/pipeline/build-env.ts


/**
 * The build's environment: the run's, less the step's inputs (`INPUT_*`: registry passwords and tokens that
 * docker's build step never has, since login-action runs apart), with this run's metadata variables over it.
 * A NAME alone that it does not set is left out, as docker leaves it out, with a warning that says which
 * entry but not what it holds: such a line is as often the rest of a value split by mistake.
 */
function buildEnvironment(inputs, plan, base, metadata, reporter) {
    const refs = plan.byDigest ? [] : plan.build.refs;
    const env = {
        ...Object.fromEntries(Object.entries(base).filter(([name]) => !/^INPUT_/i.test(name))),
        ...(metadata && metadataVariables(metadata, refs, inputs))
    };
    const unset = inputs.buildArgs.flatMap((arg, i) => (arg.includes('=') || env[arg] !== undefined ? [] : [i]));
    if (!unset.length)
        return { inputs, env };
    const which = unset.length > 1 ? 'entries' : 'entry';
    const name = unset.length > 1 ? 'name' : 'names';
    reporter.warning(`${(0,input_ref/* ref */.KR)('build-args')}: ${which} ${unset.map(i => i + 1).join(', ')} ${name} no variable of the build's environment, so docker gets none (a value wanted there: KEY=VALUE)`);
    return { inputs: { ...inputs, buildArgs: inputs.buildArgs.filter((_, i) => !unset.includes(i)) }, env };
}

;// CONCATENATED MODULE: ./src/pipeline/build.ts
// Phase 2: the build, and what it produced: the image's identity read from the iidfile and buildx's
// metadata, and the local image inspected by that identity, never by a tag another build may move.














/**
 * No push attempt starts later than this after the first failed (retry's `windowFromFailure`): a push is
 * stopped only after a minute of silence, so a window counted from its start would leave no retry at all.
 */
const PUSH_RETRY_WINDOW_MS = 45_000;
/** An error that points at the Dockerfile line the builder named. */
class BuildError extends errors/* DockerError */.Bi {
    location;
    constructor(error, location) {
        super(error.command, error.exitCode, error.stderr);
        this.location = location;
        this.message = error.message;
        this.name = 'BuildError';
    }
}
/** The Dockerfile line a failed build names: BuildKit's `Dockerfile:7` block, or "parse error \u2026 line 7". */
function failedLine(stderr) {
    // Line by line: with the `m` flag, `^\s*` started over at every line break of a run of them, in time
    // quadratic in its length, on a log whose every line a build step may have printed.
    for (const line of stderr.split(/[\n\r\u2028\u2029]/)) {
        const m = DOCKERFILE_LINE.exec(line.trim());
        if (m)
            return Number(m[1]);
    }
    const m = /dockerfile parse error (?:on )?line (\d+)/i.exec(stderr);
    return m ? Number(m[1]) : undefined;
}
const DOCKERFILE_LINE = /^(?:\S*\/)?[^\s/]*Dockerfile[^\s:]*:(\d+)$/i;
async function build(inputs, plan, deps) {
    const { docker, reporter } = deps;
    const hint = withHint(inputs);
    reporter.debug(`build starts ${Math.round((0,clock/* sinceStart */.B)())} ms after the process did`);
    const given = buildEnvironment(inputs, plan, docker.env, deps.metadata, reporter);
    // A build that pushes is retried as a whole; its cache makes the second attempt cheap.
    const pushes = plan.pushedBy === 'buildx';
    const run = (buildPlan) => {
        const args = buildArgs(given.inputs, buildPlan, plan.buildx);
        return pushes
            ? buildAndPush(docker, args, plan.build.refs[0] ?? inputs.registry, inputs, reporter, {
                ...deps,
                env: given.env
            })
            : docker.build(args, { env: given.env });
    };
    const result = await (0,annotate/* withIndexFallback */.$)(plan.build, run, reporter).catch(error => hint(located(tagTaken(error, plan.build.exports), inputs)));
    if (inputs.cacheTo.length)
        warnOnCacheExport(`${result.stdout}\n${result.stderr}`, reporter);
    const iid = plan.build.iidfile ? await readImageId(plan.build.iidfile) : '';
    const metadata = plan.build.metadataFile ? await readMetadata(plan.build.metadataFile) : {};
    // The build's own identity, which the registry's answer must match: only digests count.
    const identity = [
        ...new Set([iid, metadata['containerimage.digest'], metadata['containerimage.config.digest']].filter((d) => typeof d === 'string' && d !== '' && !(0,oci/* digestProblem */.WQ)(d)))
    ];
    const tagged = plan.local === 'yes' || pushes
        ? plan.build.refs.length && !plan.byDigest
            ? `, tagged ${plan.build.refs.join(', ')}`
            : ', untagged'
        : '';
    const by = plan.byDigest ? ` by digest to ${plan.targets.map(t => t.repository).join(', ')}` : '';
    reporter.info(`Built ${iid || 'the files of the outputs'}${tagged}${pushes ? ` and pushed by buildx${by}` : ''}`);
    if (plan.buildx && !pushes && !inputs.load && !inputs.outputs.length && inputs.platforms.length > 1)
        reporter.warning(`${inputs.platforms.length} platforms were built but neither pushed nor loaded; the result stays in the build cache`);
    return { iid, identity, metadata };
}
/**
 * A build that pushes, retried as a whole (its cache makes a second attempt cheap) within the push retry
 * window. The window opens when the first attempt fails: the first build may take any time.
 */
function buildAndPush(docker, args, subject, inputs, reporter, deps) {
    return (0,retry/* retry */.L5)(() => docker.build(args, { push: subject, env: deps.env }), {
        ...(0,pipeline_plan/* retrying */.R$)('build and push', inputs.retries, reporter, deps.sleep, deps.cancelled),
        maxElapsedMs: PUSH_RETRY_WINDOW_MS,
        windowFromFailure: true
    });
}
/**
 * The loaded image, by its own ID. The containerd store knows an image by its manifest (or index) digest,
 * which buildx gives as the iid with attestations and as `containerimage.digest` without; the classic store
 * knows it by the iid. The first identity that the store knows is the image.
 */
async function inspectBuilt(docker, built, refs) {
    let last;
    for (const id of built.identity) {
        try {
            return await docker.inspect(id);
        }
        catch (error) {
            last = error;
        }
    }
    // The containerd store keeps images by name: once another build took our tag, nothing names our image.
    if (/no such image/i.test((0,core_text/* messageOf */.bD)(last)))
        throw new verify/* VerificationError */.mk(`the image this run built (${built.iid}) is no longer in the engine's store: another build moved the tag ${refs[0]} on this docker engine after the build; nothing of this run's image is verified`);
    throw last;
}
/** The exports that put the image under its name, in the engine's store or a registry (`--load`, `--push`, \u2026). */
const namingExports = (exports) => exports.filter(arg => {
    if (arg === '--load' || arg === '--push')
        return true;
    const spec = arg.startsWith('--output=') ? arg.slice('--output='.length) : undefined;
    return spec !== undefined && ((0,pipeline_plan/* loadsOutput */.$G)(spec) || (0,build_options/* pushesOutput */.Ij)(spec));
});
/**
 * The containerd store refusing a name (`image "<ref>": already exists`): two builds of one tag at the same
 * moment, or one build that exports its image twice under the name (a load and a push, which buildx's docker
 * driver runs one after the other). Said in our words, naming the cause that applies.
 */
function tagTaken(error, exports = []) {
    const m = error instanceof errors/* DockerError */.Bi ? /image "([^"]+)": already exists/.exec(error.message) : null;
    if (!m)
        return error;
    const twice = namingExports(exports);
    if (twice.length > 1)
        return new retry/* ClassifiedError */.IP(`the engine's store refused the name ${m[1]} as taken: this build exports it ${twice.length} times (${twice.join(' ')}), which buildx's docker driver does one after the other, and its containerd store at times refuses the later one (${error instanceof Error ? error.message : ''}); export it once (drop one of them), or build on a builder of its own (docker-container: docker/setup-buildx-action makes one)`, 'fatal');
    return new verify/* VerificationError */.mk(`another build moved the tag ${m[1]} on this docker engine during the build (${error instanceof Error ? error.message : ''}); nothing of this run's image is pushed`);
}
function located(error, inputs) {
    if (!(error instanceof errors/* DockerError */.Bi))
        return error;
    const line = failedLine(error.stderr);
    if (line === undefined || inputs.remoteContext)
        return error;
    const file = (0,build_options/* dockerfilePath */.Se)(inputs.context, inputs.file);
    return new BuildError(error, { file, line });
}
async function readMetadata(file) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? parsed
            : {};
    }
    catch {
        return {};
    }
}
/** The image ID docker wrote to --iidfile: a digest (it becomes the `imageid` output and the build's identity). */
async function readImageId(file) {
    const iid = (await (0,promises_.readFile)(file, 'utf8')).trim();
    if (iid === '')
        return '';
    const problem = (0,oci/* digestProblem */.WQ)(iid);
    if (problem)
        throw new Error(`docker wrote an image ID that is no digest to its --iidfile: ${(0,core_text/* oneLine */.TN)(problem, 200)}`);
    return iid;
}
/**
 * With ignore-error=true buildx keeps going when the cache export fails; the user should still hear of it.
 * The failure is an `#N ERROR:` line of the step titled `#N exporting cache\u2026` (the line itself need not
 * mention the cache).
 */
function warnOnCacheExport(output, reporter) {
    const lines = output.split(/\r?\n/);
    const steps = new Set(lines.map(l => /^#(\d+) exporting cache\b/.exec(l)?.[1]).filter(Boolean));
    const line = lines.find(l => steps.has(/^#(\d+) ERROR: /.exec(l)?.[1]));
    if (line)
        reporter.warning(`cache export failed; the build succeeded without it: ${line.replace(/^#\d+ ERROR: /, '').trim()}`);
}

;// CONCATENATED MODULE: ./src/docker/check.ts
// `--call=check,format=json`: buildx prints BuildKit's lint results (frontend/subrequests/lint's
// LintResults) on stdout. Read here into findings with a file and a line, for annotations. Pure.
class CheckOutputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CheckOutputError';
    }
}
/**
 * The findings in buildx's JSON. The JSON is the last thing on stdout (a `{` at a line's start opens it).
 * Protobuf's JSON leaves zero values out: a missing sourceIndex is source 0, a missing line is none.
 */
function parseCheckFindings(stdout) {
    const start = stdout.search(/^\{/m);
    if (start < 0)
        throw new CheckOutputError('buildx printed no check results');
    let results;
    try {
        results = JSON.parse(stdout.slice(start));
    }
    catch {
        throw new CheckOutputError('buildx printed check results that are not JSON');
    }
    if (!results || typeof results !== 'object')
        throw new CheckOutputError('buildx printed no check results');
    // buildx's JSON is read, not trusted: a field of another type counts as absent.
    const text = (v) => (typeof v === 'string' ? v : '');
    const lineNo = (v) => Number.isSafeInteger(v) && v > 0 ? v : undefined;
    const list = (v) => (Array.isArray(v) ? v : []);
    const place = (location) => {
        if (!location || typeof location !== 'object')
            return {};
        const index = Number.isSafeInteger(location.sourceIndex) ? location.sourceIndex : 0;
        const source = list(results.sources)[index];
        const file = source && typeof source === 'object' ? text(source.filename) : '';
        const range = list(location.ranges)[0];
        const line = lineNo(range?.start?.line);
        const endLine = lineNo(range?.end?.line);
        return {
            ...(file ? { file } : {}),
            ...(line ? { line } : {}),
            ...(endLine && endLine !== line ? { endLine } : {})
        };
    };
    const findings = list(results.warnings)
        .filter(w => w && typeof w === 'object')
        .map(w => ({
        level: 'warning',
        rule: text(w.ruleName),
        message: text(w.detail) || text(w.description) || text(w.ruleName) || 'check failed',
        ...(text(w.url) ? { url: text(w.url) } : {}),
        ...place(w.location)
    }));
    const buildError = results.buildError;
    if (buildError && typeof buildError === 'object' && text(buildError.message))
        findings.push({
            level: 'error',
            rule: '',
            message: text(buildError.message),
            ...place(buildError.location)
        });
    return findings;
}
/** One line for a finding: `JSONArgsRecommended: JSON arguments recommended \u2026 (https://\u2026)`. */
const findingText = (f) => `${f.rule ? `${f.rule}: ` : ''}${f.message}${f.url ? ` (${f.url})` : ''}`;

;// CONCATENATED MODULE: ./src/pipeline/call.ts
// A build with `call` other than `build`: BuildKit evaluates the Dockerfile (checks, outline, targets)
// instead of building it, so nothing is exported or pushed. For `check`, each finding becomes an
// annotation on its Dockerfile line, and findings fail the step, as `docker buildx build --check` exits
// (with `ignorestatus=true`, as buildx then does, they do not).






class CheckError extends Error {
    location;
    constructor(message, 
    /** Where the first finding points, for the failure's own annotation. */
    location) {
        super(message);
        this.location = location;
        this.name = 'CheckError';
    }
}
async function evaluate(inputs, plan, deps) {
    const given = buildEnvironment(inputs, plan, deps.docker.env, deps.metadata, deps.reporter);
    // No output of any kind: an evaluation exports nothing (no --load, --push or --output).
    const args = buildArgs(given.inputs, { ...plan.build, exports: [] }, plan.buildx);
    const result = await deps.docker.evaluate(args, given.env);
    const call = (0,build_options/* parseCall */.Mf)(inputs.call);
    if (call.name !== 'check') {
        if (result.exitCode !== 0)
            throw new errors/* DockerError */.Bi('buildx build', result.exitCode, result.stderr);
        return;
    }
    let findings;
    try {
        findings = parseCheckFindings(result.stdout);
    }
    catch (error) {
        // No results at all: the build itself failed before the checks (a missing file, a bad flag).
        if (result.exitCode !== 0)
            throw new errors/* DockerError */.Bi('buildx build', result.exitCode, result.stderr);
        throw error;
    }
    const where = (f) => f.file && !inputs.remoteContext
        ? { file: inputs.file || external_node_path_default().join(inputs.context, f.file), line: f.line, endLine: f.endLine }
        : undefined;
    for (const f of findings)
        deps.reporter.warning(findingText(f), where(f));
    if (!findings.length) {
        deps.reporter.info('Check complete: no findings');
        return;
    }
    // `check,ignorestatus=true`: buildx exits 0 whatever it found; the findings stay annotations.
    if (call.ignoreStatus) {
        deps.reporter.info(`Check complete: ${findings.length} finding(s), not failing the step (ignorestatus)`);
        return;
    }
    const first = findings.find(f => f.level === 'error') ?? findings[0];
    const loc = where(first);
    throw new CheckError(`Dockerfile check: ${findings.length} finding(s); the first: ${findingText(first)}${first.line ? ` (line ${first.line})` : ''}`, loc && { file: loc.file, line: loc.line });
}

// EXTERNAL MODULE: ./node_modules/semver/functions/coerce.js
var coerce = __nccwpck_require__(5385);
var coerce_default = /*#__PURE__*/__nccwpck_require__.n(coerce);
// EXTERNAL MODULE: ./node_modules/semver/functions/lt.js
var lt = __nccwpck_require__(3872);
var lt_default = /*#__PURE__*/__nccwpck_require__.n(lt);
;// CONCATENATED MODULE: ./src/pipeline/gates.ts




const GATES = [{ input: 'call', since: '0.15.0', isSet: inputs => inputs.call !== '' }];
/** `a` before `b` as versions (`0.9.1` < `0.15.0`); what is not a version counts as 0.0.0. */
function versionBelow(a, b) {
    return lt_default()(coerce_default()(a) ?? '0.0.0', coerce_default()(b) ?? '0.0.0');
}
async function checkVersionGates(inputs, docker) {
    const set = GATES.filter(gate => gate.isSet(inputs));
    if (!set.length)
        return;
    const version = await docker.buildxVersion();
    for (const gate of set)
        if (versionBelow(version, gate.since))
            throw new parse/* InputError */.dz(gate.input, `needs buildx ${gate.since} or later, and this docker has buildx ${version} (${(0,input_ref/* advice */.v9)('update-buildx')}, or drop ${(0,parse/* ref */.KR)(gate.input)})`);
}

;// CONCATENATED MODULE: ./src/pipeline/login.ts
// The login phase: every registry-auth login through `docker login`, one after another, each checked to
// have landed in the run's DOCKER_CONFIG.
//
// One after another because `docker login` reads config.json, changes its entry and writes the file whole:
// two at once lose one of the logins, and the loss shows only later as a refused push. We keep docker
// writing the file, rather than writing it ourselves, because docker login first checks the credentials
// with the registry (a wrong password fails here, in docker's words) and stores what the registry hands
// back (an identity token instead of the password where the registry issues one); the seeded config pins
// each login host to the file store (docker-config.ts), so no credsStore or helper takes the login away
// from the file that dies with the run. A login takes well under a second: the cost of the order is small.




/** docker's placeholder user for a login stored as an identity token. */
const TOKEN_USER = '<token>';
async function logIn(inputs, deps) {
    const { docker, reporter } = deps;
    const users = new Map();
    for (const login of inputs.logins) {
        const { username, password } = deps.logins ? await deps.logins.resolve(login) : login;
        await (0,retry/* retry */.L5)(() => docker.login(loginHost(login.registry), username, password), (0,pipeline_plan/* retrying */.R$)(`login to ${login.registry}`, inputs.retries, reporter, deps.sleep, deps.cancelled)).catch(withHint(inputs, { registry: login.registry, repository: login.registry }));
        reporter.info(`Logged in to ${login.registry} as ${username}`);
        users.set(login.registry, username);
    }
    if (deps.dockerConfig)
        await checkLanded(inputs, deps.dockerConfig, users);
}
/**
 * Each login is found in the config, read afresh, the way the registry client will look it up. Whatever
 * rewrote the file in between, the error says so instead of blaming the credentials.
 */
async function checkLanded(inputs, dockerConfig, users) {
    // Helpers are never run: the login hosts are pinned to the file store.
    const lookup = credentialsFromDockerConfig(dockerConfig, () => Promise.reject(new Error('not found')));
    for (const login of inputs.logins) {
        const found = await lookup(login.registry);
        if (found && (found.username === users.get(login.registry) || found.username === TOKEN_USER))
            continue;
        throw new retry/* ClassifiedError */.IP(`docker login to ${login.registry} succeeded, but ${dockerConfig}/config.json no longer holds that login: something else rewrote the file during the step`, 'fatal');
    }
}

// EXTERNAL MODULE: ./src/core/limiter.ts
var limiter = __nccwpck_require__(5543);
;// CONCATENATED MODULE: ./src/pipeline/push.ts
// Phase 3: the push. docker pushes the layers once, under the first tag; the other tags are the same
// manifest, put through the registry API, which re-uploads nothing and costs a request, not a process.








/**
 * Pushes to every target at once. With docker, each target's first tag goes up with `docker push` and
 * the rest through its registry's API; the local image is inspected once, beside the pushes.
 */
async function push(inputs, plan, built, deps) {
    if (plan.pushedBy === 'buildx') {
        // buildx pushed every platform and tag itself, and says what in its metadata file.
        const digest = built.metadata['containerimage.digest'];
        return { digests: typeof digest === 'string' && digest ? [digest] : [] };
    }
    const { docker } = deps;
    // The inspect (image ID, size, platform) runs beside the push, off the critical path.
    const inspecting = inspectBuilt(docker, built, plan.build.refs);
    inspecting.catch(() => undefined);
    // The push's stall bound and ceiling grow with the image's size, known once the inspect answers.
    const size = inspecting.then(image => image.size, () => undefined);
    // One target failing stops the others' pushes and fallbacks, and the phase ends only once every push has:
    // nothing of the run goes on writing to a registry after its error line.
    const perTarget = await (0,limiter/* allOrStop */.PR)(plan.targets.map(target => (signal) => pushTarget(inputs, target, built, size, inspecting, {
        ...deps,
        client: deps.clients.get(target.registry),
        signal
    })));
    return { digests: [...new Set(perTarget.flat())], image: await inspecting };
}
async function pushTarget(inputs, target, built, size, inspecting, deps) {
    const { docker, client, reporter, signal } = deps;
    const refs = target.refs;
    const hint = withHint(inputs, target);
    const pushDocker = (ref) => {
        const retries = (0,pipeline_plan/* retrying */.R$)(`push of ${ref}`, inputs.retries, reporter, deps.sleep, deps.cancelled);
        return (0,retry/* retry */.L5)(() => docker.push(ref, size, signal), {
            ...retries,
            maxElapsedMs: PUSH_RETRY_WINDOW_MS,
            windowFromFailure: true,
            // Another target's failure, or the run's cancel, ends a wait between attempts.
            signal: AbortSignal.any([signal, retries.signal])
        }).catch(hint);
    };
    const reported = await pushDocker(refs[0]).catch(async (error) => {
        throw await movedDuringPush(docker, built, refs[0], error);
    });
    let digests = reported ? [reported] : pushedDigests((await inspecting).repoDigests, target.repository);
    if (refs.length > 1) {
        signal.throwIfAborted();
        const tagged = digests.length === 1 && (await tagByApi(client, target, digests[0], built.identity, reporter));
        // The registry API may have failed only because the step is ending: no docker push after that.
        signal.throwIfAborted();
        if (!tagged)
            for (const ref of refs.slice(1))
                digests.push(await pushDocker(ref));
        digests = [...new Set(digests.filter(Boolean))];
    }
    return digests;
}
/**
 * A push that failed because another build took the tag meanwhile (the containerd store then pushes an
 * index whose manifests it never uploaded, and the registry refuses it) says so: the tag no longer names
 * this run's image. Any other failure is passed on as it is.
 */
async function movedDuringPush(docker, built, ref, error) {
    const now = await docker.inspect(ref).catch(() => undefined);
    if (!now || built.identity.includes(now.id))
        return error;
    return new verify/* VerificationError */.mk(`another build moved the tag ${ref} on this docker engine during the push (${(0,core_text/* messageOf */.bD)(error)}); nothing of this run's image is verified`);
}
/**
 * Puts the manifest docker just pushed (fetched by digest, so its bytes are checked) under the other tags,
 * once it is known to be this run's image: another run on the engine may have moved the first tag before
 * docker pushed it, and its image must not land under tags only this run names. False when the registry
 * API refuses: the caller then falls back to `docker push` for those tags.
 */
async function tagByApi(client, target, digest, identity, reporter) {
    const tags = target.tags.slice(1);
    let manifest;
    try {
        manifest = await client.getManifest(target.name, digest);
    }
    catch (error) {
        reporter.info(`The registry API did not answer for ${digest} (${(0,core_text/* messageOf */.bD)(error)}); pushing the other tags with docker`);
        return false;
    }
    if (!(0,verify/* isBuilt */.TQ)(manifest, identity))
        throw new verify/* VerificationError */.mk(`docker pushed ${target.refs[0]} as ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag on this docker engine before the push; ${tags.join(', ')} left as they were, nothing of this run's image is verified`);
    try {
        await Promise.all(tags.map(tag => client.putManifest(target.name, tag, manifest.body, manifest.mediaType)));
        reporter.info(`Tagged ${tags.join(', ')} on ${target.repository} through the registry API (no re-upload)`);
        return true;
    }
    catch (error) {
        reporter.info(`The registry API did not take the extra tags (${(0,core_text/* messageOf */.bD)(error)}); pushing them with docker`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/pipeline/result.ts
var pipeline_result = __nccwpck_require__(3641);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(6466);
// EXTERNAL MODULE: ./src/registry/blobs.ts + 1 modules
var blobs = __nccwpck_require__(4147);
;// CONCATENATED MODULE: ./src/registry/blob-file.ts
// A blob of a registry saved to a file (an SBOM statement, tens of MB): streamed as a copy streams it,
// never buffered whole nor cut by a request's deadline, checked against its descriptor and bounded alike.



/**
 * Writes the blob `repo` on `client` serves as `blob` to `file`, resolving once all of it is there with
 * the descriptor's length and digest; the stream is read under the client's idle bound and ends after
 * `ceilingMs`. On a failure the file may hold part of it: the caller removes it. Not retried here.
 */
function saveBlob(client, repo, blob, file, ceilingMs, 
/** What the blob is called in errors. */
label) {
    return (0,blobs/* withCeiling */.yI)(blob, `${client.registry}/${repo}`, file, ceilingMs, async (signal) => {
        const checked = await (0,blobs/* openBlob */.Ym)(client, repo, blob, signal, label);
        await (0,external_node_stream_promises_.pipeline)(checked, (0,external_node_fs_.createWriteStream)(file, { mode: 0o644 }), { signal });
        return checked.bytes;
    });
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __nccwpck_require__(6764);
;// CONCATENATED MODULE: ./src/pipeline/sbom.ts
// SBOM files: BuildKit puts each platform's SBOM inside the pushed index, as an in-toto statement in that
// platform's attestation manifest; actions/attest and scanners want a file. Each platform's SPDX document
// is written as the registry serves it (the statement's predicate), from the registry, after verification.
// A statement runs to tens of MB (BuildKit accepts 40 to 80 MiB): it is streamed to disk as a copy streams
// a blob, checked against its descriptor, and only then parsed.










const SPDX_PREDICATE = 'https://spdx.dev/Document';
const IN_TOTO = 'application/vnd.in-toto+json';
const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';
const PREDICATE_TYPE = 'in-toto.io/predicate-type';
const sbom_parse = (body, what) => {
    try {
        const value = JSON.parse(body.toString('utf8'));
        if (value && typeof value === 'object')
            return value;
    }
    catch {
        // reported below
    }
    throw new registry_errors/* RegistryError */.gl(`${what} is not a JSON object`, 'fatal');
};
/**
 * Whether the build asked BuildKit for SBOM attestations (`sbom`, or an `attests` line of type sbom): only
 * then are the attestation manifests read, so that other builds cost no extra registry request.
 */
function asksForSbom(inputs) {
    const sbom = inputs.sbom.trim();
    // buildx reads a bare value as a boolean (Go's words), anything else as the attestation's attributes.
    if (sbom !== '')
        return (0,go_bool/* goBool */.B)(sbom) ?? true;
    return inputs.attests.some(a => /(?:^|,)type=sbom(?:,|$)/.test(a) && !/(?:^|,)disabled=true(?:,|$)/.test(a));
}
/** File name for a platform: `linux/arm/v7` \u2192 `linux-arm-v7.spdx.json`. */
const sbomFileName = (platform) => `${platform.replace(/[^A-Za-z0-9._-]+/g, '-')}.spdx.json`;
/**
 * Each platform's SPDX statement of `index` (in `repo` on `client`), by platform as in platform-digests:
 * the in-toto layer of its attestation manifest, the first SPDX one. No SBOM attestations, none.
 */
async function sbomLayers(client, repo, index, platformDigests) {
    const out = new Map();
    const entries = sbom_parse(index.body, `the index ${index.digest}`).manifests;
    if (!Array.isArray(entries))
        return out;
    const platformOf = new Map(Object.entries(platformDigests).map(([p, d]) => [d, p]));
    for (const d of entries) {
        if (d.annotations?.[REFERENCE_TYPE] !== 'attestation-manifest')
            continue;
        const platform = platformOf.get(d.annotations[REFERENCE_DIGEST] ?? '');
        if (!platform || out.has(platform))
            continue;
        const manifest = await client.getManifest(repo, d.digest);
        const layer = (sbom_parse(manifest.body, `the attestation manifest ${d.digest}`).layers ?? []).find(l => l.mediaType === IN_TOTO && l.annotations?.[PREDICATE_TYPE] === SPDX_PREDICATE);
        if (layer)
            out.set(platform, layer);
    }
    return out;
}
/** The statement `layer` streamed to a file beside `file`, checked, and its predicate written as `file`. */
async function writeSbom(client, repo, layer, platform, file, deps) {
    const what = `the SBOM statement ${layer.digest} for ${platform}`;
    if (!Number.isSafeInteger(layer.size) || layer.size < 0 || layer.size > bounds/* MAX_SBOM_BYTES */.rI)
        throw new registry_errors/* RegistryError */.gl(`${what} in ${client.registry}/${repo} is ${layer.size} bytes, more than the ${bounds/* MAX_SBOM_BYTES */.rI} read back (BuildKit writes at most 80 MiB)`, 'fatal');
    const saved = `${file}.statement`;
    const ceilingMs = (0,bounds/* blobCeilingMs */.p0)(deps.bounds, layer.size);
    // A stream cannot be replayed: a transient failure reads the statement again, from its start.
    await (0,retry/* retry */.L5)(() => saveBlob(client, repo, layer, saved, ceilingMs, `${client.registry}/${repo}: ${what}`), (0,pipeline_plan/* retrying */.R$)(`reading ${what}`, deps.attempts, deps.reporter, deps.sleep));
    const statement = sbom_parse(await (0,promises_.readFile)(saved), what);
    await (0,promises_.rm)(saved);
    // The layer's annotation is the registry's word; the statement must say the same.
    if (statement.predicateType !== SPDX_PREDICATE ||
        !statement.predicate ||
        typeof statement.predicate !== 'object')
        throw new registry_errors/* RegistryError */.gl(`${what} is not an SPDX in-toto statement`, 'fatal');
    await (0,promises_.writeFile)(file, JSON.stringify(statement.predicate));
}
/**
 * The SBOM files of `manifest` as `repo` serves it, when it is an index that carries SBOM attestations:
 * platform \u2192 file, under a new directory in `tempRoot` (RUNNER_TEMP: outside the step's private
 * directory, so later steps of the job read them). Nothing to write, no directory; a failure leaves none.
 */
async function sbomFiles(client, repo, manifest, platformDigests, tempRoot, deps) {
    if (!(0,oci/* isIndex */.nw)(manifest.mediaType))
        return {};
    const layers = await sbomLayers(client, repo, manifest, platformDigests);
    if (!layers.size)
        return {};
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(tempRoot, 'build-tag-push-sbom-'));
    const out = {};
    try {
        for (const [platform, layer] of layers) {
            const file = external_node_path_default().join(dir, sbomFileName(platform));
            await writeSbom(client, repo, layer, platform, file, deps);
            out[platform] = file;
        }
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
    return out;
}
/**
 * The SBOM files of the verified digest, read from the first target; reported, as files later steps use.
 * The push is verified by then and the tags are written: SBOM files that cannot be read back are a
 * warning and empty outputs, not a failed step (build-push-action never reads them back). A cancel, or a
 * fault of our own, still fails.
 */
async function sbomsOf(client, repo, manifest, platformDigests, deps) {
    if (!deps.tempRoot)
        return {};
    let files;
    try {
        const m = await manifest();
        files = m ? await sbomFiles(client, repo, m, platformDigests, deps.tempRoot, deps) : {};
    }
    catch (error) {
        const system = typeof error?.code === 'string';
        if (deps.cancelled?.aborted || !(error instanceof registry_errors/* RegistryError */.gl || system))
            throw error;
        deps.reporter.warning(`SBOM files not written, so sbom-path is empty (the image is pushed and verified): ${(0,core_text/* messageOf */.bD)(error)}`);
        return {};
    }
    for (const [platform, file] of Object.entries(files))
        deps.reporter.info(`SBOM (${platform}): ${file}`);
    return files;
}

// EXTERNAL MODULE: ./src/registry/cloud/detect.ts
var detect = __nccwpck_require__(2382);
// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __nccwpck_require__(5831);
;// CONCATENATED MODULE: ./src/pipeline/cloud-logins.ts



/** A token must last at least this long from when it comes to be used at all. */
const EXPIRY_MARGIN_MS = 60_000;
class Logins {
    byRegistry = new Map();
    tokens = new Map();
    opts;
    /** Token service calls made this run, per registry. */
    calls = new Map();
    constructor(logins, opts) {
        for (const login of logins)
            this.byRegistry.set(login.registry, login);
        this.opts = opts;
    }
    /** The username and password for `login`, masked before they are returned. */
    async resolve(login) {
        const { reporter } = this.opts;
        // A secret access key given as the password is masked like any password.
        (0,masks/* credentialSecrets */.DJ)(login.username, login.password).forEach(v => reporter.setSecret(v));
        if (!login.cloud)
            return { username: login.username, password: login.password };
        const token = await this.token(login, login.cloud);
        return { username: token.username, password: token.password };
    }
    /** The registry client's credentials: a cloud login's token for its registry, `fallback` for the rest. */
    lookup(fallback) {
        return async (registry) => {
            const login = this.byRegistry.get(registry);
            if (login?.cloud)
                return this.resolve(login);
            return fallback?.(registry);
        };
    }
    token(login, cloud) {
        const now = this.opts.now ?? Date.now;
        const cached = this.tokens.get(login.registry);
        // A failed fetch stays failed: a refusal is not asked again within the run.
        // Reused while it has the margin a fresh one must have; fetched again once it has not.
        if (cached && !(cached.token && cached.token.expiresAt - EXPIRY_MARGIN_MS <= now()))
            return cached.promise;
        const entry = { promise: this.fetch(login, cloud) };
        entry.promise.then(token => (entry.token = token), () => { });
        this.tokens.set(login.registry, entry);
        return entry.promise;
    }
    async fetch(login, cloud) {
        const { reporter, attempts, timeoutMs } = this.opts;
        this.calls.set(login.registry, (this.calls.get(login.registry) ?? 0) + 1);
        let token;
        if (cloud.kind === 'hub-oidc') {
            const idToken = this.opts.idToken;
            if (!idToken)
                throw new Error(`Docker Hub OIDC login for ${login.registry} needs the job's OIDC token, which only the action gets: log in to Docker Hub before running the CLI`);
            const { hubOidcToken } = await __nccwpck_require__.e(/* import() */ 560).then(__nccwpck_require__.bind(__nccwpck_require__, 1560));
            token = await hubOidcToken({
                registry: login.registry,
                username: login.username,
                settings: cloud,
                idToken,
                attempts,
                timeoutMs,
                sleep: this.opts.sleep,
                onRetry: m => reporter.warning(m),
                onSecret: v => reporter.setSecret(v),
                proxy: this.opts.proxy,
                onWarning: m => reporter.warning(m),
                signal: this.opts.cancelled
            });
        }
        else {
            const { ecrToken } = await __nccwpck_require__.e(/* import() */ 51).then(__nccwpck_require__.bind(__nccwpck_require__, 4051));
            token = await ecrToken({
                registry: login.registry,
                public: cloud.kind === 'ecr-public',
                region: cloud.region,
                registryId: cloud.kind === 'ecr' ? cloud.registryId : undefined,
                accessKey: login.username ? { id: login.username, secret: login.password } : undefined,
                attempts,
                timeoutMs,
                sleep: this.opts.sleep,
                onRetry: m => reporter.warning(m),
                proxy: this.opts.proxy,
                onWarning: m => reporter.warning(m),
                signal: this.opts.cancelled
            });
        }
        // A token that masking would turn against the log (`sha256`, a short word) hides every digest or name
        // and drops the outputs that hold one: no real token service issues one, so it is refused.
        if (!(0,masks/* maskableToken */.mv)(token.password))
            throw new retry/* ClassifiedError */.IP(`${(0,detect/* cloudService */.rf)(cloud)} gave ${login.registry} a token too short or too much like a digest to be masked (${token.password.length} characters)`, 'fatal');
        // Masked before anything can print or send it.
        (0,masks/* credentialSecrets */.DJ)(token.username, token.password).forEach(v => reporter.setSecret(v));
        // A token that is already spent would be used, kept for later steps and asked for again at every lookup.
        const now = (this.opts.now ?? Date.now)();
        if (token.expiresAt <= now + EXPIRY_MARGIN_MS) {
            const at = new Date(token.expiresAt).toISOString();
            throw new retry/* ClassifiedError */.IP(token.expiresAt <= now
                ? `${(0,detect/* cloudService */.rf)(cloud)} gave a token for ${login.registry} that expired at ${at}`
                : `${(0,detect/* cloudService */.rf)(cloud)} gave a token for ${login.registry} that expires at ${at}, in less than ${EXPIRY_MARGIN_MS / 1000} s`, 'fatal');
        }
        const until = Number.isFinite(token.expiresAt)
            ? `, valid until ${new Date(token.expiresAt).toISOString()}`
            : '';
        reporter.info(`Got a login for ${login.registry} from ${(0,detect/* cloudService */.rf)(cloud)}${until}`);
        return token;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/index.ts
// The job itself: plan \u2192 build \u2192 push \u2192 verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call execute().

































/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
async function execute(inputs, opts) {
    const env = opts.env ?? process.env;
    const userConfigDir = dockerConfigDir(env);
    // buildx is found as docker finds plugins, before anything is created: a buildx-only input without it is
    // an input error.
    const plugin = buildxPlugin(userConfigDir, env);
    const buildx = plugin !== undefined;
    (0,parse/* checkBuilder */.ub)(inputs, buildx);
    // From here a cancel (SIGINT, SIGTERM, SIGHUP, a closed stdout or stderr) in any phase ends the run as
    // cancelled, its directories removed.
    const release = (0,docker_cancel/* guardSignals */.xH)();
    const workDir = await (0,promises_.mkdtemp)(external_node_path_default().join(opts.tempRoot, 'build-tag-push-'));
    // Synchronously: node's native removal takes well under a millisecond for what is usually here (a config,
    // the iidfile), where the promise-based one walks the tree in JavaScript and took 2 to 5 ms every run.
    const removeWorkDir = () => (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    const forgetWorkDir = (0,docker_cancel/* cleanUpOnForcedExit */.rS)(removeWorkDir);
    opts.onWorkDir?.(workDir);
    try {
        const configDir = external_node_path_default().join(workDir, 'docker-config');
        const dockerEnv = { ...env, DOCKER_CONFIG: configDir };
        // docker's own temporary files (a git context's clone, with its URL in .git/config) go with ours.
        const tmp = external_node_path_default().join(workDir, 'tmp');
        const [[defaults, git]] = await Promise.all([
            loadGitContext(m => opts.reporter.warning(m), env).then(async (ctx) => {
                // What the event does not carry comes from the repository API (a schedule's default branch, a
                // commit's date), so the metadata is made once, after it.
                const api = { token: inputs.githubToken, attempts: inputs.retries, reporter: opts.reporter, env };
                const sha = commitDateWanted(inputs, ctx);
                const [repository, commitDate] = await Promise.all([
                    loadRepository(ctx, api),
                    sha ? loadCommitDate(ctx, sha, api) : undefined
                ]);
                const facts = { defaultBranch: repository.defaultBranch, commitDate };
                const meta = buildMetadata(inputs, ctx, new Date(), facts, repository.labels);
                // Before the login and the build: rules that tag nothing for this event cannot be pushed.
                checkTagged(inputs, meta, ctx);
                return [meta, (0,pipeline_plan/* gitOrigin */.Xf)(ctx, env)];
            }),
            createPrivateConfig(configDir, userConfigDir, inputs.logins.map(l => l.registry)),
            (0,promises_.mkdir)(tmp, { mode: 0o700 })
        ]);
        opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`);
        defaults.warnings.forEach(w => opts.reporter.warning(w));
        if (inputs.tagRules.length)
            opts.reporter.info(`Tags from the rules: ${defaults.tags.join(', ') || 'none, so the image stays untagged'}`);
        opts.reporter.debug(`tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`);
        // The tags are the rules' (or the automatic ones) from here on, `[]` building untagged; the
        // annotations are rendered.
        const result = await runPipeline({ ...inputs, tags: defaults.tags, annotations: defaults.userAnnotations }, {
            docker: new Docker(createExecRunner(opts.out), { ...dockerEnv, TMPDIR: tmp }, plugin),
            reporter: opts.reporter,
            workDir,
            credentials: credentialsFromDockerConfig(configDir),
            dockerConfig: configDir,
            labels: defaults.labels,
            metadata: defaults,
            defaultTags: defaults.tags,
            buildx,
            driver: buildx ? builderDriver(userConfigDir, inputs.builder, env) : undefined,
            git,
            registryBounds: (0,bounds/* registryBoundsFrom */.z4)(env),
            proxy: (0,proxy/* proxyRules */.EK)(env),
            tempRoot: opts.tempRoot,
            idToken: opts.idToken,
            onLogins: opts.onLogins
        });
        // From sources, the labels and annotations are those on what was pushed, not those a build would set.
        const { labels, annotations, levels } = result.meta ?? { ...defaults, levels: undefined };
        return { ...result, meta: { version: defaults.version, labels, annotations, levels } };
    }
    catch (error) {
        throw cancelledOr(error);
    }
    finally {
        removeWorkDir();
        forgetWorkDir();
        release();
    }
}
/** After a cancel, whatever failed failed because of it: say so, unless the error already does. */
function cancelledOr(error) {
    if (!docker_cancel/* runCancelled */.LJ.aborted || /the run was cancelled/.test((0,core_text/* messageOf */.bD)(error)))
        return error;
    return new retry/* ClassifiedError */.IP(`the run was cancelled (${String(docker_cancel/* runCancelled */.LJ.reason)})`, 'fatal');
}
async function runPipeline(inputs, given) {
    // One token per cloud login for the run: the login, the preflight, the push and the verification share it.
    const logins = given.logins ??
        new Logins(inputs.logins, {
            reporter: given.reporter,
            attempts: inputs.retries,
            timeoutMs: boundsOf(given).requestMs,
            idToken: given.idToken,
            sleep: given.sleep,
            proxy: given.proxy,
            cancelled: docker_cancel/* runCancelled */.LJ
        });
    given.onLogins?.(logins);
    const deps = { ...given, logins, credentials: logins.lookup(given.credentials) };
    // One client per registry for the run: the reachability check and verification share its connections
    // and tokens.
    const pushes = (0,pipeline_plan/* destinations */.uC)(inputs, deps.buildx ?? false, deps.driver).pushedBy !== 'none';
    const clients = new Map();
    if (pushes)
        for (const { registry } of inputs.targets)
            if (!clients.has(registry))
                clients.set(registry, registryClient(registry, inputs, deps));
    // Source registries (sources only) get clients of their own; the same object for the same host.
    const clientFor = (registry) => {
        let c = clients.get(registry);
        if (!c)
            clients.set(registry, (c = registryClient(registry, inputs, deps)));
        return c;
    };
    const waitedBefore = processTime();
    // A cancel ends every request in flight, and any later one at once.
    const closeAll = () => {
        for (const client of clients.values())
            client.close();
    };
    docker_cancel/* runCancelled */.LJ.addEventListener('abort', closeAll);
    try {
        const verification = { requests: 0 };
        const { moved, ...result } = await phases(inputs, deps, clients, verification, clientFor);
        const counts = {
            docker: deps.docker.calls,
            registry: requests(clients),
            verification: verification.requests,
            ...moved
        };
        deps.reporter.debug(`docker processes: ${counts.docker}, registry requests: ${counts.registry} (verification: ${counts.verification})`);
        // The time spent waiting on docker: the rest of the run's wall time is the action's own.
        const durations = { ...result.durations, docker: Math.round(processTime() - waitedBefore) };
        return { ...result, durations, counts };
    }
    finally {
        docker_cancel/* runCancelled */.LJ.removeEventListener('abort', closeAll);
        closeAll();
    }
}
const boundsOf = (deps) => deps.registryBounds ?? (0,bounds/* registryBoundsFrom */.z4)({});
function registryClient(registry, inputs, deps) {
    const client = new api/* RegistryClient */.bP({
        registry,
        credentials: deps.credentials,
        attempts: inputs.retries,
        timeoutMs: boundsOf(deps).requestMs,
        onRetry: message => deps.reporter.warning(`registry ${registry}: ${message}`),
        // Every token and credential the client obtains is masked before it is used.
        onSecret: value => deps.reporter.setSecret(value),
        proxy: deps.proxy,
        onWarning: message => deps.reporter.warning(message),
        sleep: deps.sleep,
        insecure: async () => {
            const insecure = await dockerTreatsAsInsecure(deps.docker, registry);
            if (insecure)
                deps.reporter.info(`${registry} is an insecure registry for this docker engine: verifying without TLS checks, as docker pushes`);
            return insecure;
        }
    });
    if (docker_cancel/* runCancelled */.LJ.aborted)
        client.close();
    return client;
}
async function phases(inputs, deps, clients, 
/** Told how many registry requests the verification made (the benchmark reports it). */
verification, clientFor) {
    const { docker, reporter } = deps;
    const durations = {};
    // An input that needs a newer buildx fails here, before anything is written or sent.
    if (deps.buildx)
        await checkVersionGates(inputs, docker);
    const plan = await (0,pipeline_plan/* makePlan */.Cs)(inputs, { ...deps, buildx: deps.buildx ?? false });
    // A push by digest may name repositories of its own (the output's `name=`).
    if (clients.size)
        for (const t of plan.targets)
            clientFor(t.registry);
    const builder = plan.buildx ? 'buildx' : 'classic';
    // Before the build: an unreachable registry, or one that would refuse the push, should cost seconds, not
    // a build. The logins come first, so that the check sees the credentials they stored.
    if (inputs.logins.length)
        await (0,log_reporter/* timed */.ay)(durations, 'login', () => logIn(inputs, deps));
    // `call: check` and the like evaluate the Dockerfile: nothing is built, so nothing is pushed.
    if ((0,build_options/* isEvaluation */.lZ)(inputs)) {
        await reporter.group(`Build (call: ${inputs.call})`, () => (0,log_reporter/* timed */.ay)(durations, 'build', () => evaluate(inputs, plan, deps)));
        return (0,pipeline_result/* resultOf */.B)({ refs: [], builder, durations, iid: '' });
    }
    if (clients.size)
        await (0,log_reporter/* timed */.ay)(durations, 'preflight', () => Promise.all(plan.targets.map(t => clients.get(t.registry).checkPushAccess(t.name).catch(withHint(inputs, t)))));
    // Images already built, in a registry or on this machine: resolved, copied or merged, and verified.
    if (inputs.sources.length && clients.size) {
        // Loaded only for sources: a build does not pay for the copier, the archive readers and zlib.
        const { fromSources } = await __nccwpck_require__.e(/* import() */ 484).then(__nccwpck_require__.bind(__nccwpck_require__, 2484));
        const promoted = await fromSources(inputs, plan, {
            reporter,
            docker,
            workDir: deps.workDir,
            clientFor,
            sleep: deps.sleep,
            durations,
            verification,
            bounds: boundsOf(deps)
        });
        // Only when asked: a promoted image's SBOMs may run to tens of MB each, which nobody may want.
        if (!asksForSbom(inputs))
            return promoted;
        const [first] = plan.targets;
        const client = clients.get(first.registry);
        const manifest = () => client.getManifest(first.name, promoted.digest);
        const sboms = await sbomsOf(client, first.name, manifest, promoted.platformDigests, sbomDeps(inputs, deps));
        return { ...promoted, sboms };
    }
    // The verification hashes what each registry serves. node's crypto is loaded on first use (the bundle's
    // src/lazy/crypto.cjs): better while docker builds than after the push.
    if (clients.size)
        whileDockerRuns(() => Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7598, 23)));
    const built = await reporter.group('Build', () => (0,log_reporter/* timed */.ay)(durations, 'build', () => build(inputs, plan, deps)));
    // imageid is what docker wrote to --iidfile, as build-push-action reads it: a newer buildx writes there the
    // digest the containerd store knows the image by, where the metadata's config digest names nothing it has.
    const refs = plan.byDigest ? [] : plan.build.refs;
    const outcome = { refs, builder, durations, iid: built.iid, metadata: built.metadata };
    if (!clients.size) {
        const image = plan.local === 'yes'
            ? await inspectBuilt(docker, built, plan.build.refs)
            : plan.local === 'maybe'
                ? await inspectBuilt(docker, built, plan.build.refs).catch(() => undefined)
                : undefined;
        return (0,pipeline_result/* resultOf */.B)({ ...outcome, image });
    }
    const pushed = await reporter.group('Push', () => (0,log_reporter/* timed */.ay)(durations, 'push', () => push(inputs, plan, built, { ...deps, clients })));
    const verified = await reporter.group('Verify', () => (0,log_reporter/* timed */.ay)(durations, 'verify', async () => {
        const before = requests(clients);
        const check = plan.byDigest ? verify/* verifyByDigest */.BO : verify/* verifyTargets */.I6;
        const result = await check(plan.targets, clients, pushed, built, reporter);
        verification.requests = requests(clients) - before;
        return result;
    }));
    const where = plan.targets.map(t => t.registry).filter((r, i, all) => all.indexOf(r) === i);
    const count = plan.byDigest ? plan.targets.length : plan.targets.reduce((n, t) => n + t.tags.length, 0);
    reporter.info(`Verified: ${count} reference(s) on ${where.join(', ')} serve ${verified.digest}`);
    const result = (0,pipeline_result/* resultOf */.B)({ ...outcome, image: pushed.image, verified });
    if (!asksForSbom(inputs))
        return result;
    const [first] = plan.targets;
    const sboms = await sbomsOf(clients.get(first.registry), first.name, async () => verified.manifest, result.platformDigests, sbomDeps(inputs, deps));
    return { ...result, sboms };
}
const sbomDeps = (inputs, deps) => ({
    tempRoot: deps.tempRoot,
    reporter: deps.reporter,
    bounds: boundsOf(deps),
    attempts: inputs.retries,
    sleep: deps.sleep,
    cancelled: docker_cancel/* runCancelled */.LJ
});
const requests = (clients) => [...clients.values()].reduce((sum, c) => sum + c.requestCount, 0);

;// CONCATENATED MODULE: ./src/cli/masked-output.ts
// docker's output on the CLI's stderr with every secret the run knows hidden. The action leaves that to the
// runner, which masks what it was told to; a terminal masks nothing, and a build step can print a build
// secret. Whole lines go out (a line ends at \n or \r), so that a secret split between two chunks is still
// found; the rest of a line waits for its end, for the region's close, or for 64 KiB.


const HELD_MAX = 64 * 1024;
/**
 * A Fence over `write` (fenced as the runner wants it when `fenced`: the CLI in a workflow) whose text is
 * passed through `mask` a line at a time.
 */
function maskedOutput(
/** False when the reader is behind (a stream's write), as Fence.write says it on. */
write, mask, fenced, drain) {
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    let held = '';
    const flush = () => {
        const text = held;
        held = '';
        return text ? write(mask(text)) : true;
    };
    const fence = createFence(chunk => {
        held += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk));
        const end = Math.max(held.lastIndexOf('\n'), held.lastIndexOf('\r'));
        let flowing = true;
        if (end >= 0) {
            flowing = write(mask(held.slice(0, end + 1)));
            held = held.slice(end + 1);
        }
        return held.length > HELD_MAX ? flush() !== false && flowing !== false : flowing;
    }, { enabled: fenced, drain });
    return {
        write: chunk => fence.write(chunk),
        ...(fence.whenDrained && { whenDrained: fence.whenDrained }),
        own: text => fence.own(text),
        close: () => {
            fence.close();
            flush();
        }
    };
}

// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __nccwpck_require__(3477);
;// CONCATENATED MODULE: ./src/pipeline/subjects.ts
// The names under which later steps find the digest: actions/attest's `subject-name`, and the runner's
// artifact declarations (GITHUB_ARTIFACTS) that attest reads when no subject is given.


/**
 * Docker Hub's registry API host. `docker.io` is only a name: attest's registry client (@sigstore/oci)
 * sends its requests to the host in the subject name and matches the docker config's `auths` key
 * (`https://index.docker.io/v1/`) by that host, so Docker Hub subjects are named with it.
 */
const HUB_API_HOST = 'index.docker.io';
/** The fully qualified repository, lowercase and without a tag, as attest's `subject-name` wants it. */
function subjectName(target) {
    const host = (0,reference/* isDockerHub */.gr)(target.registry) ? HUB_API_HOST : target.registry;
    return `${host}/${(0,reference/* remotePath */.QZ)(target.registry, target.image)}`.toLowerCase();
}
/** Every target's subject name, in the order of the targets, each once. */
const subjectNames = (targets) => [...new Set(targets.map(subjectName))];
/** One `oci://<name>@<digest>` line per pushed image; none when nothing was pushed. */
const artifactLines = (names, digest) => digest ? names.map(name => `oci://${name}@${digest}`) : [];
/**
 * Appends `lines` to the runner's GITHUB_ARTIFACTS file, after what earlier writers left in it (on a line
 * of its own even when they left no newline). Nothing without a file or without lines.
 */
async function declareArtifacts(file, lines) {
    if (!file || !lines.length)
        return;
    const before = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
        if (error.code === 'ENOENT')
            return '';
        throw error;
    });
    const separator = before && !before.endsWith('\n') ? '\n' : '';
    await (0,promises_.appendFile)(file, `${separator}${lines.join('\n')}\n`);
}
/** The run's declarations, when `declare-artifacts` is on and the runner offers the file. */
async function declarePushed(inputs, digest, env = process.env) {
    if (!inputs.declareArtifacts || !env.GITHUB_ARTIFACTS)
        return [];
    const lines = artifactLines(subjectNames(inputs.targets), digest);
    await declareArtifacts(env.GITHUB_ARTIFACTS, lines);
    return lines;
}

;// CONCATENATED MODULE: ./src/action/summary.ts
// The job summary and the `metadata` output, as pure functions of the result.




function metadata(inputs, result) {
    return {
        // buildx's keys first, so that workflows written for build-push-action's metadata keep working.
        ...result.buildx,
        image: inputs.image,
        // No image, no registry it went to (`registry` may still name a login's).
        registry: inputs.image ? inputs.registry : '',
        digest: result.digest,
        'image-ref': result.imageRef,
        'image-refs': result.imageRefs,
        imageid: result.imageid,
        tags: result.tags,
        'platform-digests': result.platformDigests,
        builder: result.builder,
        pushed: result.digest !== '',
        size: result.size,
        durations: result.durations,
        counts: result.counts
    };
}
/** The outputs by name with their own types; the CLI prints this object with --json. */
function typedOutputs(inputs, result) {
    const { tags, ...meta } = metadataOutputValues(result.meta ?? { version: '', labels: [], annotations: [] }, result.tags, inputs);
    const names = subjectNames(inputs.targets);
    return {
        digest: result.digest,
        'image-ref': result.imageRef,
        'image-refs': result.imageRefs,
        'image-name': names[0] ?? '',
        'image-names': names,
        imageid: result.imageid,
        tags,
        'platform-digests': result.platformDigests,
        'sbom-path': Object.values(result.sboms ?? {})[0] ?? '',
        'sbom-paths': result.sboms ?? {},
        metadata: metadata(inputs, result),
        // metadata-action's other outputs, with its separators and shapes
        ...meta
    };
}
/** The action's outputs: strings, as the runner takes them (lists one per line or by sep-*, objects as JSON). */
function outputs(inputs, result) {
    return Object.fromEntries(Object.entries(typedOutputs(inputs, result)).map(([name, value]) => [
        name,
        outputText(name, value, inputs)
    ]));
}
/**
 * A code span that stays inside its table cell: no line break, no backtick to close it early, and `|`
 * escaped (GFM splits cells on a bare `|` even inside a code span). Platform strings come from sources'
 * manifests, which a registry we do not control writes.
 */
const code = (s) => `\`${s
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``;
function humanSize(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let n = bytes;
    let u = 0;
    while (n >= 1024 && u < units.length - 1) {
        n /= 1024;
        u++;
    }
    return `${n.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}
function summaryMarkdown(inputs, result) {
    const rows = [
        ['Image', inputs.image ? code(`${inputs.registry}/${inputs.image}`) : '_none_'],
        ['Digest', result.digest ? code(result.digest) : '_not pushed_'],
        ['Image ref', result.imageRef ? code(result.imageRef) : '_not pushed_'],
        ...result.imageRefs.slice(1).map((r) => ['Also at', code(r)]),
        // A promotion or merge has no local image, so no image ID.
        ...(result.imageid ? [['Image ID', code(result.imageid)]] : []),
        ['Builder', result.builder],
        ...Object.entries(result.platformDigests).map(([p, d]) => [
            `Platform ${code(p)}`,
            code(d)
        ]),
        ['Size', result.size ? humanSize(result.size) : '_n/a_'],
        ...Object.entries(result.durations).map(([k, v]) => [
            `${k} time`,
            `${(v / 1000).toFixed(1)} s`
        ])
    ];
    const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    // Pushed with no tag (push-by-digest): what the registry holds is each image's name@digest.
    const byDigest = result.digest !== '' && !result.tags.length;
    const verb = byDigest ? 'Pushed by digest, no tag' : result.digest ? 'Pushed' : 'Built (not pushed)';
    const listed = byDigest ? result.imageRefs : result.tags;
    const refs = listed.length ? listed.map(t => `- ${code(t)}`).join('\n') : '_untagged_';
    return `### build-tag-push\n\n${table}\n\n**${verb}:**\n\n${refs}\n`;
}
/**
 * Whether to write the job summary: build-push-action's DOCKER_BUILD_SUMMARY (default true, Go's words), so
 * that a workflow that turned docker's summary off gets none from this step either; and, as v6 reads it
 * first, the deprecated DOCKER_BUILD_NO_SUMMARY (true: no summary), with v6's warning. A value Go refuses
 * is an InputProblem naming the variable, before any build (build-push-action fails on it after the build).
 */
function summaryWanted(env, warn = () => { }) {
    const no = env.DOCKER_BUILD_NO_SUMMARY ?? '';
    if (no !== '') {
        warn('DOCKER_BUILD_NO_SUMMARY is deprecated: set DOCKER_BUILD_SUMMARY to false instead');
        return !boolVariable('DOCKER_BUILD_NO_SUMMARY', no);
    }
    const text = env.DOCKER_BUILD_SUMMARY ?? '';
    return text === '' || boolVariable('DOCKER_BUILD_SUMMARY', text);
}
function boolVariable(name, text) {
    const value = goBool(text);
    if (value === undefined)
        throw new InputProblem(`(an environment variable) ${JSON.stringify(text)} must be true or false`, name);
    return value;
}

;// CONCATENATED MODULE: ./src/core/version.ts
/** The released version; a test keeps it equal to package.json's. */
const VERSION = '0.2.0';

;// CONCATENATED MODULE: ./src/cli/main.ts
// The same job outside Actions: flags become the action's inputs, and results go to stdout. The flags,
// the usage text and the mapping onto inputs all come from the input table.






















/** The inputs that have a flag, each with its spelling: all but those that mean nothing outside a workflow. */
const FLAGGED = table/* ROWS */.Ir.flatMap(([key, row]) => (row.cli ? [{ key, row, cli: row.cli }] : []));
/** `--push` beside `--no-push`: the flag that gives a boolean outright, where its row has one. */
const onFlag = (key, row) => (row.cli?.onHelp ? (0,table/* inputName */.yu)(key) : undefined);
/** parseArgs options: one per input that has a flag (two for a boolean given either way), plus the CLI's own. */
const OPTIONS = {
    ...Object.fromEntries(FLAGGED.flatMap(({ key, row, cli }) => [
        [
            (0,table/* flagName */.GI)(key),
            row.kind === 'boolean' || cli.from === 'stdin'
                ? { type: 'boolean' }
                : { type: 'string', multiple: (0,table/* isListKind */.BB)(row.kind) }
        ],
        ...(onFlag(key, row) ? [[onFlag(key, row), { type: 'boolean' }]] : [])
    ])),
    json: { type: 'boolean' },
    version: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
const FLAG_ROWS = [
    ...FLAGGED.flatMap(({ key, row, cli }) => [
        ...(onFlag(key, row) ? [[`--${onFlag(key, row)}`, cli.onHelp]] : []),
        [`--${(0,table/* flagName */.GI)(key)}${cli.value && cli.from !== 'stdin' ? ` ${cli.value}` : ''}`, cli.help]
    ]),
    ['--json', 'print the outputs as one JSON object'],
    ['--version', 'print the version'],
    ['-h, --help', 'show this help']
];
/** The help column starts two spaces past the longest flag, so no flag runs into its text. */
const FLAG_WIDTH = Math.max(...FLAG_ROWS.map(([left]) => left.length)) + 2;
const USAGE = [
    'Usage: build-tag-push --image PATH [options]',
    '',
    'Build a container image, tag it, push it, and print the digest the registry really serves.',
    '',
    ...FLAG_ROWS.map(([left, help]) => `  ${left.padEnd(FLAG_WIDTH)}${help}`),
    '',
    'Exit status: 0 success, 1 failure, 2 bad usage or invalid input, 128 + N after signal N, 141 on a closed output.'
].join('\n');
class UsageError extends Error {
}
/** One flag's value as the input's raw text: repeated flags one per line, booleans as true/false. */
function rawValue(key, row, values, env) {
    const value = values[(0,table/* flagName */.GI)(key)];
    if (row.kind === 'boolean') {
        const on = onFlag(key, row);
        if (on && values[on] && value)
            throw new UsageError(`--${on} and --${(0,table/* flagName */.GI)(key)} say opposite things: give one of them`);
        if (on && values[on])
            return 'true';
        if (value === undefined)
            return row.unsetInAction ? '' : row.default;
        // `--no-push` sets push to false; `--pull` sets pull to true.
        return String((0,table/* flagName */.GI)(key).startsWith('no-') && row.default === 'true' ? !value : value);
    }
    const items = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
    if (row.cli?.from === 'file')
        return items.map(file => fromFile((0,table/* flagName */.GI)(key), file)).join('\n');
    if (row.cli?.from === 'env-name')
        return fromEnvName((0,table/* flagName */.GI)(key), items[0], env);
    if (row.cli?.from === 'env')
        return items.map(spec => csvQuoted(fromEnv((0,table/* flagName */.GI)(key), spec, env))).join('\n');
    // Entries read one per line as CSV, quotes taken off: a value with a quote or a line break is quoted whole,
    // so it stays one, as given. Other kinds read the text as it is (a string, a list split at commas, a list
    // whose quotes are kept for buildx's or the rules' own reader).
    const csvLines = (row.kind === 'lines' || row.kind === 'key-value') && !row.keepQuotes;
    return (csvLines ? items.map(csvQuoted) : items).join('\n');
}
const csvQuoted = (item) => (/["\r\n]/.test(item) ? `"${item.replace(/"/g, '""')}"` : item);
/** The flag names a variable (GITHUB_TOKEN unless given); the token itself is never an argument. */
function fromEnvName(flag, name, env) {
    if (name === undefined)
        return env.GITHUB_TOKEN ?? '';
    const value = env[name];
    if (value === undefined)
        throw new UsageError(`--${flag}: environment variable ${name} is not set`);
    return value;
}
/** `ID=ENV` \u2192 `ID=<value of $ENV>`: the value never appears in argv. */
function fromEnv(flag, spec, env) {
    const kv = (0,core_text/* splitKeyValue */.px)(spec);
    if (!kv || !validators/* SECRET_ID */.dR.test(kv.key))
        throw new UsageError(`--${flag} takes ID=ENV (or docker's id=ID[,env=ENV|,src=FILE]) with ${validators/* SECRET_ID_RULE */.Q8}, got ${JSON.stringify(spec)}`);
    const value = env[kv.value];
    if (value === undefined)
        throw new UsageError(`--${flag} ${kv.key}: environment variable ${kv.value} is not set`);
    return `${kv.key}=${value}`;
}
/** A value kept out of argv: the flag names the file that holds it. */
function fromFile(flag, file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new UsageError(`--${flag} ${JSON.stringify(file)}: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
}
/**
 * docker's `--secret id=\u2026[,env=\u2026|,src=\u2026]` said in the CLI's own flags: `--secret ID=ENV` for a variable,
 * `--secret-file ID=PATH` for a file.
 */
function dockerSecrets(values, env) {
    const [own, files] = [(0,table/* flagName */.GI)('secrets'), (0,table/* flagName */.GI)('secretFiles')];
    const given = (values[own] ?? []).map(String);
    if (!given.some(isDockerSecret))
        return values;
    const secrets = [];
    const secretFiles = (values[files] ?? []).map(String);
    for (const spec of given) {
        if (!isDockerSecret(spec)) {
            secrets.push(spec);
            continue;
        }
        let secret;
        try {
            secret = dockerSecret(spec, env);
        }
        catch (error) {
            if (error instanceof core_problem/* InputProblem */.S)
                throw new UsageError(`--${own} ${JSON.stringify(spec)}: ${error.message}`);
            throw error;
        }
        if ('env' in secret)
            secrets.push(`${secret.id}=${secret.env}`);
        else
            secretFiles.push(`${secret.id}=${secret.file}`);
    }
    return { ...values, [own]: secrets, [files]: secretFiles };
}
/** Maps flags onto the action's input names, so both ends share one validator. */
function flagsToInputs(given, env, password) {
    const values = dockerSecrets(given, env);
    return new Map(table/* ROWS */.Ir.map(([key, row]) => [
        (0,table/* inputName */.yu)(key),
        !row.cli ? '' : row.cli.from === 'stdin' ? password : rawValue(key, row, values, env)
    ]));
}
/** The CLI has no runner to mask secrets, so it masks them itself. */
const maskAll = (text, secrets) => secrets.reduce((acc, x) => (x ? acc.split(x).join('***') : acc), text);
/** Inputs as a CLI user knows them: `--tag`, `--username and --password-stdin`. */
const cliTerm = (names) => (0,input_ref/* adviceIn */.so)(names[0], 'cli') ??
    names
        .map(n => {
        const [name, value] = n.split('=');
        const found = (0,table/* rowByName */.TJ)(name);
        if (!found)
            return n;
        const flag = `--${(0,table/* flagName */.GI)(found[0])}`;
        if (value === undefined)
            return flag;
        if (found[1].kind !== 'boolean')
            return `pass ${flag} ${value}`;
        // A switch says its value by being there: --no-push is push=false.
        const on = String(!flag.startsWith('--no-'));
        return `${value === on ? 'pass' : 'leave out'} ${flag}`;
    })
        .join(' and ');
const words = (message) => (0,parse/* renderInputRefs */.nx)(message, cliTerm);
/**
 * Inside a workflow the runner reads stderr too: our lines, which may quote what docker or a registry said,
 * are made single lines that issue no command there (docker's own output is fenced).
 */
const forRunner = (line) => (process.env.GITHUB_ACTIONS === 'true' ? singleLine(line) : line);
/** Phases on stderr with their durations; docker's own output streams there too. */
function cliReporter(err, secrets) {
    const say = (prefix, m) => void err.write(`${prefix}${maskAll(forRunner(words(m)), secrets)}\n`);
    return {
        info: m => say('', m),
        notice: m => say('notice: ', m),
        warning: (m, where) => say(`warning: ${where ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}`, m),
        debug: m => {
            if (process.env.BTP_DEBUG)
                say('debug: ', m);
        },
        setSecret: v => secrets.push(v),
        group: async (name, fn) => {
            const start = (0,clock/* now */.t)();
            err.write(`==> ${name}\n`);
            try {
                return await fn();
            }
            finally {
                err.write(`<== ${name} (${(((0,clock/* now */.t)() - start) / 1000).toFixed(1)} s)\n`);
            }
        }
    };
}
/** "Invalid input "tags": \u2026" reads "invalid --tag: \u2026" on a command line. */
function flagMessage(error) {
    return `invalid ${cliTerm([error.input])}: ${words(error.template)}`;
}
/** The flags of one image's place, which `--images` gives for several. */
const ONE_IMAGE = [(0,table/* flagName */.GI)('registry'), (0,table/* flagName */.GI)('image')];
/** A flag of one value given twice is a mistake: parseArgs would keep the last one without a word. */
function checkGivenOnce(tokens) {
    const seen = new Set();
    for (const { kind, name } of tokens) {
        if (kind !== 'option' || !name || OPTIONS[name].type !== 'string' || OPTIONS[name].multiple)
            continue;
        if (seen.has(name))
            throw new UsageError(`--${name} given twice, and it takes one value${ONE_IMAGE.includes(name) ? `: for several images, give each full name (host/path) with --${(0,table/* flagName */.GI)('images')}, which repeats` : ''}`);
        seen.add(name);
    }
}
/**
 * What a build that pushed nothing left, and where: tags name an image in the engine only where it is
 * there (no --output, --load, or an output that loads it); an output that writes files is named by its file.
 */
function builtLine(inputs, result) {
    const local = !inputs.outputs.length || inputs.load || inputs.outputs.some(pipeline_plan/* loadsOutput */.$G);
    const where = inputs.outputs
        .filter(spec => !(0,pipeline_plan/* loadsOutput */.$G)(spec))
        .map(spec => `exported ${(0,pipeline_plan/* outputDest */._Y)(spec) ? `to ${(0,pipeline_plan/* outputDest */._Y)(spec)}` : `by --output ${spec}`}`);
    const built = [
        result.imageid ? `built ${result.imageid}` : 'built',
        ...(local ? [result.tags.length ? `as ${result.tags.join(', ')}` : 'untagged'] : [])
    ].join(' ');
    return `${[built, ...where].join(' and ')} (not pushed)`;
}
async function main(argv, io = { stdout: process.stdout, stderr: process.stderr }) {
    // From the first line: `| head` that had enough stops the run as SIGPIPE would, cleaned up (exit 141).
    (0,docker_cancel/* cancelOnClosedOutput */.$o)([io.stdout, io.stderr]);
    let values;
    try {
        const parsed = (0,external_node_util_.parseArgs)({
            args: argv,
            options: OPTIONS,
            allowPositionals: false,
            strict: true,
            tokens: true
        });
        values = parsed.values;
        if (!values.help && !values.version)
            checkGivenOnce(parsed.tokens);
    }
    catch (error) {
        // One line, as every failure: node's own message for an ambiguous value runs over three.
        io.stderr.write(`build-tag-push: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error))} (see --help)\n`);
        return 2;
    }
    if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (values.version) {
        io.stdout.write(`build-tag-push ${VERSION}\n`);
        return 0;
    }
    const secrets = [];
    const reporter = cliReporter(io.stderr, secrets);
    // As `docker login --password-stdin` reads it: the line's end is not part of the password.
    const password = values['password-stdin'] ? (0,external_node_fs_.readFileSync)(0, 'utf8').replace(/\r?\n$/, '') : '';
    secrets.push(...(0,masks/* credentialSecrets */.DJ)(String(values.username ?? ''), password.trim()));
    // The proxy's credentials, which the registry client sends and docker's output may quote.
    secrets.push(...(0,masks/* proxySecrets */.Wm)(process.env));
    let inputs;
    const start = (0,clock/* now */.t)();
    try {
        if (values['password-stdin'] && password.trim() === '')
            throw new UsageError('--password-stdin: standard input held no password');
        const map = flagsToInputs(values, process.env, password);
        // Before anything can quote a flag: a URL's userinfo in any of them (a git context's token).
        for (const value of map.values())
            secrets.push(...(0,masks/* urlSecrets */.Fn)(value));
        const registryAuth = map.get('registry-auth') ?? '';
        if (registryAuth.trim()) {
            await (0,registry_auth/* loadRegistryAuthParser */.DC)();
            for (const login of (0,registry_auth/* credentialsIn */.Wr)(registryAuth))
                secrets.push(...(0,masks/* credentialSecrets */.DJ)(login.username, login.password));
        }
        for (const line of (map.get('secrets') ?? '').split('\n')) {
            const value = (0,core_text/* splitKeyValue */.px)(line)?.value.trim();
            if (value)
                secrets.push(value);
        }
        const parsed = (0,parse/* parseInputs */.TL)(name => map.get(name) ?? '');
        // The login lives in a private DOCKER_CONFIG; without the action's post step nothing would remove it.
        if (parsed.inputs.keepLogin)
            throw new parse/* InputError */.dz('keep-login', 'is for the action, whose post step removes the login: the CLI has no post step; log in with docker login for later commands');
        parsed.notices.forEach(n => reporter.notice(n));
        parsed.warnings.forEach(w => reporter.warning(w));
        inputs = parsed.inputs;
        secrets.push(inputs.githubToken);
        // Printed only once it passed: a rejected input gets its one error line and nothing else.
        io.stderr.write(`==> Validate\n<== Validate (${(((0,clock/* now */.t)() - start) / 1000).toFixed(1)} s)\n`);
    }
    catch (error) {
        if (error instanceof parse/* InputError */.dz || error instanceof UsageError) {
            const message = error instanceof parse/* InputError */.dz ? flagMessage(error) : error.message;
            io.stderr.write(`build-tag-push: ${maskAll(message, secrets)}\n`);
            return 2;
        }
        throw error;
    }
    try {
        const out = maskedOutput(text => io.stderr.write(text), text => maskAll(text, secrets), process.env.GITHUB_ACTIONS === 'true', drainOf(io.stderr));
        const result = await execute(inputs, { reporter, tempRoot: (0,external_node_os_.tmpdir)(), out });
        // In a workflow's `run:` step the runner offers GITHUB_ARTIFACTS to the CLI as to the action.
        for (const line of await declarePushed(inputs, result.digest))
            reporter.info(`Declared to the runner (GITHUB_ARTIFACTS): ${line}`);
        if (values.json)
            io.stdout.write(`${JSON.stringify(typedOutputs(inputs, result))}\n`);
        else {
            io.stdout.write(`${result.digest ? result.imageRef : builtLine(inputs, result)}\n`);
        }
        reporter.info(`done in ${(((0,clock/* now */.t)() - start) / 1000).toFixed(1)} s`);
        return 0;
    }
    catch (error) {
        // Some input problems can only be seen once docker is known (BuildKit inputs without buildx).
        if (error instanceof parse/* InputError */.dz) {
            io.stderr.write(`build-tag-push: ${maskAll(flagMessage(error), secrets)}\n`);
            return 2;
        }
        const where = (0,log_reporter/* whereOf */.de)(error);
        const at = where ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : '';
        const line = forRunner((0,core_text/* oneLine */.TN)(words((0,core_text/* messageOf */.bD)(error))));
        io.stderr.write(`build-tag-push: error: ${at}${maskAll(line, secrets)}\n`);
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/bin.ts

// No top-level await: the bundle is CommonJS (scripts/package.mjs says why).
void main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
});

module.exports = __webpack_exports__;
/******/ })()
;