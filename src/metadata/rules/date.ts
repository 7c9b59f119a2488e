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
]
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// moment's token grammar: `[literal]`, then the longest token, else one literal character.
const TOKENS =
  /\[[^[\]]*\]|YYYYYY|YYYYY|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDDo|DDDo|DDDD|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|GGGGG|GGGG|GG|ggggg|gggg|gg|WW|Wo|W|ww|wo|w|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|ZZ|Z|zz|z|X|x|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|[\s\S]/g

/** Tokens moment knows that we do not render (locale weeks, eras, zone names, locale formats). */
const UNSUPPORTED =
  /^(?:Qo|Mo|DDDDo|DDDo|do|e|ggggg|gggg|gg|Wo|ww|wo|w|zz|z|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)$/

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/** Why moment would render `format` differently from us, or undefined. */
export function dateFormatProblem(format: string): string | undefined {
  for (const token of format.match(TOKENS) ?? [])
    if (UNSUPPORTED.test(token))
      return `the format token ${JSON.stringify(token)} is not supported (use Y, M, D, H, h, m, s, S, d, E, W, G, Q, A, Z, X, x and [text])`
  return undefined
}

/** Why `tz` is not an IANA time zone this Node knows, or undefined. */
export function timeZoneProblem(tz: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return undefined
  } catch {
    return `${JSON.stringify(tz)} is not a time zone; give an IANA name such as "UTC" or "Europe/Paris"`
  }
}

interface Wall {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
  second: number
  ms: number
  /** Minutes east of UTC. */
  offset: number
}

function wallClock(date: Date, tz: string): Wall {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric'
  }).formatToParts(date)
  const get = (type: string): number => Number(parts.find(p => p.type === type)?.value ?? 0)
  const wall = {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    ms: ((date.getTime() % 1000) + 1000) % 1000
  }
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms)
  return { ...wall, offset: Math.round((asUtc - date.getTime()) / 60_000) }
}

/** ISO 8601 week number and week-year of a calendar date. */
function isoWeek(year: number, month: number, day: number): { week: number; year: number } {
  const d = new Date(Date.UTC(year, month - 1, day))
  const dow = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - dow) // the week's Thursday decides its year
  const weekYear = d.getUTCFullYear()
  const week = Math.ceil(((d.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7)
  return { week, year: weekYear }
}

function zone(offset: number, sep: string): string {
  const a = Math.abs(offset)
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${sep}${pad(a % 60, 2)}`
}

/** `date` rendered with moment's `format` in the time zone `tz`. */
export function formatDate(date: Date, format: string, tz: string): string {
  const w = wallClock(date, tz)
  const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()
  const dayOfYear = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1
  const iso = isoWeek(w.year, w.month, w.day)
  const h12 = w.hour % 12 || 12
  const render = (token: string): string => {
    if (token.startsWith('[')) return token.slice(1, -1)
    if (/^S+$/.test(token)) return pad(w.ms, 3).padEnd(token.length, '0').slice(0, token.length)
    switch (token) {
      // moment zero-fills a year token to its length, and YYYYYY carries the sign too.
      case 'YYYYYY':
        return `${w.year < 0 ? '-' : '+'}${pad(Math.abs(w.year), 6)}`
      case 'YYYYY':
        return pad(w.year, 5)
      case 'YYYY':
        return pad(w.year, 4)
      case 'YY':
        return pad(w.year % 100, 2)
      case 'Y':
        return w.year > 9999 ? `+${w.year}` : String(w.year)
      case 'Q':
        return String(Math.ceil(w.month / 3))
      case 'MMMM':
        return MONTHS[w.month - 1]
      case 'MMM':
        return MONTHS[w.month - 1].slice(0, 3)
      case 'MM':
        return pad(w.month, 2)
      case 'M':
        return String(w.month)
      case 'DDDD':
        return pad(dayOfYear, 3)
      case 'DDD':
        return String(dayOfYear)
      case 'DD':
        return pad(w.day, 2)
      case 'Do':
        return ordinal(w.day)
      case 'D':
        return String(w.day)
      case 'dddd':
        return DAYS[dow]
      case 'ddd':
        return DAYS[dow].slice(0, 3)
      case 'dd':
        return DAYS[dow].slice(0, 2)
      case 'd':
        return String(dow)
      case 'E':
        return String(dow || 7)
      case 'GGGGG':
        return pad(iso.year, 5)
      case 'GGGG':
        return pad(iso.year, 4)
      case 'GG':
        return pad(iso.year % 100, 2)
      case 'WW':
        return pad(iso.week, 2)
      case 'W':
        return String(iso.week)
      case 'HH':
        return pad(w.hour, 2)
      case 'H':
        return String(w.hour)
      case 'hh':
        return pad(h12, 2)
      case 'h':
        return String(h12)
      case 'kk':
        return pad(w.hour || 24, 2)
      case 'k':
        return String(w.hour || 24)
      case 'mm':
        return pad(w.minute, 2)
      case 'm':
        return String(w.minute)
      case 'ss':
        return pad(w.second, 2)
      case 's':
        return String(w.second)
      case 'A':
        return w.hour < 12 ? 'AM' : 'PM'
      case 'a':
        return w.hour < 12 ? 'am' : 'pm'
      case 'ZZ':
        return zone(w.offset, '')
      case 'Z':
        return zone(w.offset, ':')
      case 'X':
        return String(Math.floor(date.getTime() / 1000))
      case 'x':
        return String(date.getTime())
      default:
        return token
    }
  }
  return (format.match(TOKENS) ?? []).map(render).join('')
}
