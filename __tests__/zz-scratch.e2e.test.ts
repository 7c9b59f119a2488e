import { afterAll, beforeAll, it } from '@jest/globals'
import { ensureBaseImage, makeContext, requireDocker } from './helpers/docker.js'
import { startRegistry, type TestRegistry } from './helpers/registry.js'
import { startFaultProxy } from './helpers/fault-proxy.js'
import { runAction } from './helpers/action.js'

let registry: TestRegistry
let base: string
beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})
afterAll(async () => registry?.stop())

it.each(['1', '2'])(
  'reset always, retries %s',
  async retries => {
    const p = await startFaultProxy(registry.host, { kind: 'reset', match: 'blob-upload' })
    const t = Date.now()
    const run = await runAction({
      context: await makeContext({ Dockerfile: `FROM ${base}\nRUN echo ${Date.now()} > /id\n` }),
      image: 'scratch/resetalways' + retries,
      registry: p.host,
      retries
    })
    console.log(
      retries,
      Date.now() - t,
      'ms',
      run.code,
      run.log
        .split('\n')
        .filter(l => /^::(error|warning)|Retrying in|\[command\]docker push/.test(l))
        .join('\n'),
      p.log.filter(e => e.fault === 'reset').length
    )
    await p.stop()
  },
  400000
)
