// Inputs that need a newer buildx than the one found are input errors, before anything runs. buildx's
// version costs a process, so it is asked only when such an input is set: the common path spawns nothing.
import type { Docker } from '../docker/docker.js'
import { InputError, ref, type Inputs } from '../inputs/parse.js'
import { advice } from '../core/input-ref.js'
import coerce from 'semver/functions/coerce.js'
import lt from 'semver/functions/lt.js'

interface Gate {
  input: string
  /** The first buildx version that understands the input. */
  since: string
  isSet: (inputs: Inputs) => boolean
}

export const GATES: Gate[] = [{ input: 'call', since: '0.15.0', isSet: inputs => inputs.call !== '' }]

/** `a` before `b` as versions (`0.9.1` < `0.15.0`); what is not a version counts as 0.0.0. */
export function versionBelow(a: string, b: string): boolean {
  return lt(coerce(a) ?? '0.0.0', coerce(b) ?? '0.0.0')
}

export async function checkVersionGates(
  inputs: Inputs,
  docker: Pick<Docker, 'buildxVersion'>
): Promise<void> {
  const set = GATES.filter(gate => gate.isSet(inputs))
  if (!set.length) return
  const version = await docker.buildxVersion()
  for (const gate of set)
    if (versionBelow(version, gate.since))
      throw new InputError(
        gate.input,
        `needs buildx ${gate.since} or later, and this docker has buildx ${version} (${advice('update-buildx')}, or drop ${ref(gate.input)})`
      )
}
