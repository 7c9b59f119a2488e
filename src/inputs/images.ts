// The `images` input, as metadata-action takes it: one image per line, bare (`ghcr.io/octo/app`), as CSV
// attributes (`name=ghcr.io/octo/app,enable=false`) or a bare name with attributes
// (`ghcr.io/octo/app,enable=false`); and metadata-action's older form, one line of comma-separated names.
// Each names its own registry; a name without a host is on Docker Hub, as docker reads it. Pure: a mistake is
// an InputProblem, and the caller names the input (targets.ts).
import { csvRecords } from './csv.js'
import { InputProblem } from '../core/problem.js'
import { ref } from '../core/input-ref.js'
import { quote } from '../core/text.js'
import {
  DOCKER_HUB,
  imageProblem,
  looksLikeHost,
  normalizeRegistry,
  registryProblem
} from '../core/reference.js'

export interface ImageName {
  /** host[:port], normalized (`docker.io` for Docker Hub). */
  registry: string
  /** The repository path under it, e.g. `octo/app`. */
  image: string
  /** This image's own tags, when full references in `tags` name them; otherwise the run's tags. */
  tags?: string[]
}

/** Parses and validates `lines`; throws an InputProblem that says what is wrong with which line. */
export function parseImages(lines: string[]): ImageName[] {
  const out: ImageName[] = []
  if (lines.length === 1) {
    const fields =
      csvRecords(lines[0])[0]
        ?.map(f => f.trim())
        .filter(f => f !== '') ?? []
    if (fields.length > 1 && fields.every(f => !f.includes('='))) return fields.map(splitImage)
  }
  for (const line of lines) {
    const fields = csvRecords(line)[0]?.map(f => f.trim()) ?? []
    let name = ''
    let enable = true
    for (const field of fields) {
      const eq = field.indexOf('=')
      if (eq < 0 && name === '') name = field
      else if (eq < 0)
        throw new InputProblem(`${quote(line)}: ${quote(field)} is a second name; give one image per line`)
      else {
        const key = field.slice(0, eq).trim().toLowerCase()
        const value = field.slice(eq + 1).trim()
        if (key === 'name') name = value
        else if (key === 'enable') {
          if (!/^(true|false)$/i.test(value))
            throw new InputProblem(`${quote(line)}: enable must be true or false`)
          enable = value.toLowerCase() === 'true'
        } else throw new InputProblem(`${quote(line)}: unknown attribute ${quote(key)} (name, enable)`)
      }
    }
    if (name === '') throw new InputProblem(`${quote(line)} names no image`)
    if (!enable) continue
    out.push(splitImage(name))
  }
  return out
}

/** `ghcr.io/octo/app` → ghcr.io + octo/app; `octo/app` → docker.io + octo/app. */
export function splitImage(name: string): ImageName {
  if (/[@]/.test(name) || /:[^/]*$/.test(name.slice(name.indexOf('/') + 1)))
    throw new InputProblem(
      `${quote(name)} has a tag or digest; images are names only (tags go in ${ref('tags')})`
    )
  const slash = name.indexOf('/')
  const first = slash < 0 ? '' : name.slice(0, slash)
  const hosted = first !== '' && looksLikeHost(first)
  const registry = hosted ? first : DOCKER_HUB
  const image = (hosted ? name.slice(slash + 1) : name).toLowerCase()
  const hostProblem = registryProblem(registry)
  if (hostProblem) throw new InputProblem(`${quote(name)}: the registry ${hostProblem}`)
  const problem = imageProblem(image, registry)
  if (problem) throw new InputProblem(`${quote(name)}: ${quote(image)} ${problem}`)
  return { registry: normalizeRegistry(registry), image }
}
