// The attestation flags as build-push-action passes them: `provenance` and `sbom` take precedence over an
// entry of their type in `attests` (buildx refuses the two together), and provenance names this workflow
// run as its builder, so that policies checking the SLSA `builder.id` (slsa-verifier and the like) can.
import { attestationFields as fields } from '../inputs/build-options.js'
import { goBool } from '../core/go-bool.js'

/** Whether `spec` (an `attests` entry) is of attestation type `type`. */
export const isAttestation = (spec: string, type: string): boolean =>
  fields(spec).some(f => f.key === 'type' && f.value === type)

/** `attrs` with `builder-id=<builderId>` added, unless it names a builder already or there is no run. */
export function withBuilderId(attrs: string, builderId?: string): string {
  if (!builderId || fields(attrs).some(f => f.key === 'builder-id')) return attrs
  return attrs ? `${attrs},builder-id=${builderId}` : `builder-id=${builderId}`
}

/**
 * `--provenance`: false as given; true or attributes with this run as the builder. A boolean is any of Go's
 * words, as buildx reads it: `1,builder-id=…` would be a field without `=`, which buildx refuses.
 */
export function provenanceArgs(provenance: string, builderId?: string): string[] {
  if (provenance === '') return []
  const on = goBool(provenance)
  if (on === false) return ['--provenance=false']
  if (on) return [`--provenance=${builderId ? withBuilderId('', builderId) : 'true'}`]
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
