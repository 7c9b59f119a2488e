// On the classic engine a buildx-only input is an input error before any build: one error line naming the
// input, and no docker command run. Shared by the e2e files whose feature exists with buildx only.
import { expect } from '@jest/globals'
import { errorLines, runAction } from './action.js'
import { makeContext, requireDocker } from './docker.js'

export async function expectBuildxOnly(input: string, value: string): Promise<void> {
  await requireDocker()
  const context = await makeContext({ Dockerfile: 'FROM scratch\n' })
  const run = await runAction({ context, image: 'classic/refused', registry: '127.0.0.1:9', [input]: value })
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0]).toContain(`Invalid input "${input}"`)
  expect(errors[0]).toMatch(/needs docker buildx/)
  expect(run.log).not.toContain('[command]docker')
}
