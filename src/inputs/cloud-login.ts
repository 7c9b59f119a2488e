// The single registry's cloud login: `registry` (+ `username`/`password`) read as an ECR login (an ECR host,
// or the `ecr` input) or as Docker Hub's OIDC login. registry-auth entries decide theirs in registry-auth.ts.
import { cloudLoginOf, type CloudLogin } from '../registry/cloud/detect.js'
import { InputError } from './error.js'
import { ref, type InputValues } from './table.js'

/**
 * An ECR host or `ecr: true` needs no username or password; Hub's OIDC takes a username without a password
 * (with DOCKERHUB_OIDC_CONNECTIONID set). Undefined for an ordinary login, and with `registry-auth`.
 */
export function singleCloudLogin(
  values: Pick<InputValues, 'registry' | 'username' | 'password' | 'ecr' | 'registryAuth'>,
  env: NodeJS.ProcessEnv
): CloudLogin | undefined {
  if (values.registryAuth.trim() !== '') {
    if (values.ecr !== 'auto')
      throw new InputError(
        'ecr',
        `applies to ${ref('registry')}: with ${ref('registry-auth')}, give each entry its own ecr key`
      )
    return undefined
  }
  const ecr = values.ecr === 'auto' ? undefined : values.ecr === 'true'
  try {
    return cloudLoginOf({ ...values, ecr }, env)
  } catch (error) {
    throw new InputError(
      values.ecr === 'true' ? 'ecr' : 'registry',
      `${JSON.stringify(values.registry)}: ${(error as Error).message}`
    )
  }
}
