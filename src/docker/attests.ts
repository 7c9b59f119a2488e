// The attestation flags as build-push-action passes them: `provenance` and `sbom` take precedence over an
// entry of their type in `attests` (buildx refuses the two together), and provenance names this workflow
// run as its builder, so that policies checking the SLSA `builder.id` (slsa-verifier and the like) can.
import { csvRecords } from '../inputs/csv.js'
import { YAML_FALSE, YAML_TRUE } from '../core/text.js'

/** The `key=value` fields of an attestation spec (buildx reads it as one CSV record). */
function fields(spec: string): { key: string; value: string }[] {
  return (csvRecords(spec)[0] ?? []).map(field => {
    const at = field.indexOf('=')
    return at < 0
      ? { key: field.trim(), value: '' }
      : { key: field.slice(0, at).trim(), value: field.slice(at + 1).trim() }
  })
}

/** Whether `spec` (an `attests` entry) is of attestation type `type`. */
export const isAttestation = (spec: string, type: string): boolean =>
  fields(spec).some(f => f.key === 'type' && f.value === type)

/** `attrs` with `builder-id=<builderId>` added, unless it names a builder already or there is no run. */
export function withBuilderId(attrs: string, builderId?: string): string {
  if (!builderId || fields(attrs).some(f => f.key === 'builder-id')) return attrs
  return attrs ? `${attrs},builder-id=${builderId}` : `builder-id=${builderId}`
}

/** `--provenance`: `false` as given; `true` or attributes with this run as the builder. */
export function provenanceArgs(provenance: string, builderId?: string): string[] {
  if (provenance === '') return []
  if (YAML_FALSE.test(provenance)) return ['--provenance=false']
  if (YAML_TRUE.test(provenance)) return [`--provenance=${builderId ? withBuilderId('', builderId) : 'true'}`]
  return [`--provenance=${withBuilderId(provenance, builderId)}`]
}

/** `--attest` for each `attests` entry, less those `provenance` and `sbom` stand in for. */
export function attestArgs(
  inputs: { provenance: string; sbom: string; attests: string[] },
  builderId?: string
): string[] {
  const args: string[] = []
  for (const spec of inputs.attests) {
    if (isAttestation(spec, 'provenance')) {
      if (inputs.provenance === '') args.push(`--attest=${withBuilderId(spec, builderId)}`)
    } else if (!(inputs.sbom !== '' && isAttestation(spec, 'sbom'))) args.push(`--attest=${spec}`)
  }
  return args
}
