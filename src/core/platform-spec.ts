// Docker's platform specifiers (`linux/amd64`, `Linux/x86_64`, `arm64`, `windows(10.0.17763)/amd64`,
// `local`) read as buildx reads `--platform` and annotation levels: containerd's platforms.Parse and
// Normalize (github.com/containerd/platforms 1.0, which current buildx uses; older engines accept a subset
// and refuse the rest themselves), and buildx's `local` (platformutil.Parse). Pure apart from the host,
// which `local` and a lone OS or architecture stand for. A leaf.
import { InputProblem } from './problem.js'
import { percentDecoded, quote } from './text.js'

export interface PlatformSpec {
  os: string
  architecture: string
  variant: string
  osVersion: string
  osFeatures: string[]
}

/** The forms a specifier may take, for messages. */
export const SPECIFIER_FORMS =
  'os/arch[/variant] (e.g. linux/amd64, linux/arm/v7, Linux/x86_64), an OS or an architecture alone, or local'

// The first part may carry an OS version and features (`windows(10.0.17763+win32k)`), %-escaped.
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/
const PART = /^[A-Za-z0-9_.-]+$/

// Go's GOOS and GOARCH lists, as containerd knows them (isKnownOS, isKnownArch).
const KNOWN_OS = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(
    ' '
  )
)
const KNOWN_ARCH = new Set(
  '386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'.split(
    ' '
  )
)

const normalizeOS = (os: string): string => (os.toLowerCase() === 'macos' ? 'darwin' : os.toLowerCase())

/** containerd's normalizeArch: the aliases, and the variants that are each architecture's default. */
function normalizeArch(archIn: string, variantIn: string): [string, string] {
  const arch = archIn.toLowerCase()
  const variant = variantIn.toLowerCase()
  switch (arch) {
    case 'i386':
      return ['386', '']
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', variant === 'v1' ? '' : variant]
    case 'aarch64':
    case 'arm64':
      if (['8', 'v8', 'v8.0'].includes(variant)) return ['arm64', '']
      return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant]
    case 'armhf':
      return ['arm', 'v7']
    case 'armel':
      return ['arm', 'v6']
    case 'arm':
      if (variant === '' || variant === '7') return ['arm', 'v7']
      return ['arm', /^[568]$/.test(variant) ? `v${variant}` : variant]
  }
  return [arch, variant]
}

/** The platform of this machine, where buildx runs: its GOOS, GOARCH and arm variant. */
type Host = Pick<PlatformSpec, 'os' | 'architecture' | 'variant'>

export function hostPlatform(): Host {
  const os = { win32: 'windows', sunos: 'solaris' }[process.platform as string] ?? process.platform
  const arm = (process.config.variables as { arm_version?: string }).arm_version
  const [architecture, variant] = {
    x64: ['amd64', ''],
    ia32: ['386', ''],
    arm: ['arm', arm ? `v${arm}` : ''],
    ppc64: [os === 'linux' ? 'ppc64le' : 'ppc64', ''],
    mipsel: ['mipsle', '']
  }[process.arch as string] ?? [process.arch, '']
  const [a, v] = normalizeArch(architecture, variant)
  return { os, architecture: a, variant: v }
}

/** containerd unescapes an OS version and features as a URL path (Go's PathUnescape): a bad `%` is an error. */
function decodeOption(text: string, specifier: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(text))
    throw new InputProblem(`${quote(text)} in ${quote(specifier)} is not valid %-escaping`)
  return percentDecoded(text)
}

/**
 * containerd's platforms.Parse followed by Normalize, as buildx applies them: throws an InputProblem saying
 * which rule the specifier breaks. `host` stands in where a lone OS or architecture leaves a part out.
 */
export function parseSpecifier(specifier: string, host = hostPlatform()): PlatformSpec {
  if (specifier.includes('*')) throw new InputProblem(`${quote(specifier)}: wildcards are not supported`)
  const parts = specifier.split('/')
  if (parts.length > 3)
    throw new InputProblem(`${quote(specifier)} has more than three parts (os/arch/variant)`)
  const os = OS_PART.exec(parts[0])
  if (!os)
    throw new InputProblem(
      `${quote(parts[0])} in ${quote(specifier)} is not an OS: letters, digits, "_" and "-", optionally with a version as in windows(10.0.17763)`
    )
  for (const part of parts.slice(1))
    if (!PART.test(part))
      throw new InputProblem(
        `${quote(part)} in ${quote(specifier)} is not an architecture or variant: letters, digits, "_", "." and "-"`
      )
  const p: PlatformSpec = {
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
  }
  if (parts.length === 1) {
    if (KNOWN_OS.has(p.os)) return normalize({ ...p, architecture: host.architecture, variant: host.variant })
    const [architecture, variant] = normalizeArch(parts[0], '')
    if (!KNOWN_ARCH.has(architecture))
      throw new InputProblem(`${quote(specifier)} is neither a known OS nor a known architecture`)
    return normalize({ ...p, os: host.os, architecture, variant, osVersion: '', osFeatures: [] })
  }
  const [architecture, variant] = normalizeArch(parts[1], parts[2] ?? '')
  return normalize({ ...p, architecture, variant })
}

/** containerd's Normalize: the aliases again (an arm's v7 comes back), OS features sorted and once each. */
function normalize(p: PlatformSpec): PlatformSpec {
  const [architecture, variant] = normalizeArch(p.architecture, p.variant)
  return { ...p, architecture, variant, osFeatures: [...new Set(p.osFeatures)].sort() }
}

/** buildx's `--platform` entry: `local` (any case) is this machine's platform, the rest as containerd reads it. */
export const parseBuildxPlatform = (specifier: string, host = hostPlatform()): PlatformSpec =>
  specifier.toLowerCase() === 'local'
    ? normalize({ ...host, osVersion: '', osFeatures: [] })
    : parseSpecifier(specifier, host)

/** Whether a specifier leaves parts to the host (`local`, a lone OS or architecture): its meaning is the host's. */
export const namesHost = (specifier: string): boolean => !specifier.includes('/')

const encodeOption = (text: string): string =>
  text.replace(/[%+()/]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** containerd's FormatAll: `os[(version[+feature…])]/arch[/variant]`, one spelling per platform. */
export function formatSpecifier(p: PlatformSpec): string {
  const options = encodeOption(p.osVersion) + p.osFeatures.map(f => `+${encodeOption(f)}`).join('')
  return [options ? `${p.os}(${options})` : p.os, p.architecture, p.variant].filter(Boolean).join('/')
}
