import { describe, it, expect } from '@jest/globals'
import { withHint } from '../../src/pipeline/hints.js'
import { DockerError } from '../../src/docker/errors.js'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { actionTerm, renderInputRefs, type Inputs } from '../../src/inputs/parse.js'

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const denied = new DockerError(
  'login',
  1,
  'Error response from daemon: unauthorized: incorrect username or password'
)

/** The hint a refused login to `registry` gets, as the action words it. */
function loginHint(inputs: Inputs, registry: string): string {
  try {
    withHint(inputs, { registry, repository: registry })(denied)
  } catch (e) {
    return renderInputRefs((e as Error).message, actionTerm)
  }
  throw new Error('withHint returned')
}

describe('withHint: a refused login', () => {
  const logins = [
    { registry: 'ghcr.io', username: 'u', password: 'p' },
    { registry: 'private.example.com', username: 'v', password: 'q' }
  ]
  const inputs = makeInputs({
    registry: 'ghcr.io',
    targets: [{ registry: 'ghcr.io', image: 'o/app' }],
    registryAuth: '- …',
    logins
  })

  it('to a registry the image is pushed to: may push to it', () => {
    expect(loginHint(inputs, 'ghcr.io')).toMatch(
      /check that the "registry-auth" input is right and may push to ghcr\.io\)$/
    )
  })

  it('to a registry nothing is pushed to (the build pulls from it): may pull from it', () => {
    expect(loginHint(inputs, 'private.example.com')).toMatch(
      /check that the "registry-auth" input is right and may pull from private\.example\.com\)$/
    )
  })

  it("an ECR login from the environment's credentials names them, not username and password", () => {
    const ecr = makeInputs({
      registry: ECR,
      targets: [{ registry: ECR, image: 'o/app' }],
      logins: [{ registry: ECR, username: '', password: '', cloud: { kind: 'ecr', region: 'eu-west-1' } }]
    })
    const hint = loginHint(ecr, ECR)
    expect(hint).toMatch(
      new RegExp(`check that the AWS credentials in the environment are right and may push to ${ECR}\\)$`)
    )
    expect(hint).not.toMatch(/"username"|"password"/)
  })
})
