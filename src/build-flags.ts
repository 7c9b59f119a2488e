// The argv of the build options issue 11 added, beside buildArgs (docker.ts) which places them. Pure.
import { attestArgs } from './docker/attests.js'
import type { BuildPlan } from './docker.js'
import type { Inputs } from './inputs.js'

/** `--call` as we run it: `check` asks for JSON, the findings' machine form (see check.ts). */
export const callArg = (call: string): string => (call === 'check' ? 'check,format=json' : call)

/**
 * The classic builder takes add-hosts, network, shm-size, ulimit and cgroup-parent too; the rest are
 * buildx's (checkBuilder refused them without buildx). Each list entry is one flag, as buildx wants.
 */
export function optionArgs(
  inputs: Inputs,
  plan: Pick<BuildPlan, 'buildContexts' | 'builderId'>,
  buildx: boolean
): string[] {
  const args: string[] = []
  for (const host of inputs.addHosts) args.push(`--add-host=${host}`)
  if (inputs.network) args.push(`--network=${inputs.network}`)
  if (inputs.shmSize) args.push(`--shm-size=${inputs.shmSize}`)
  for (const limit of inputs.ulimit) args.push(`--ulimit=${limit}`)
  if (inputs.cgroupParent) args.push(`--cgroup-parent=${inputs.cgroupParent}`)
  if (!buildx) return args
  for (const entitlement of inputs.allow) args.push(`--allow=${entitlement}`)
  for (const context of plan.buildContexts ?? inputs.buildContexts) args.push(`--build-context=${context}`)
  for (const spec of inputs.ssh) args.push(`--ssh=${spec}`)
  for (const annotation of inputs.annotations) args.push(`--annotation=${annotation}`)
  args.push(...attestArgs(inputs, plan.builderId))
  for (const stage of inputs.noCacheFilters) args.push(`--no-cache-filter=${stage}`)
  if (inputs.call) args.push(`--call=${callArg(inputs.call)}`)
  return args
}
