// The build's environment: docker reads a `--build-arg NAME` given without a value there, so this run's
// DOCKER_METADATA_OUTPUT_* reach the build the step runs, with no value in argv.
import { describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { Docker } from '../../src/docker/docker.js'
import type { Runner } from '../../src/docker/exec.js'
import { classifyTags } from '../../src/inputs/tags.js'
import { buildEnvironment } from '../../src/pipeline/build-env.js'
import { runPipeline } from '../../src/pipeline/index.js'
import { metadataEnvExports } from '../../src/metadata/outputs.js'
import { readMetadataEnv } from '../../src/metadata/env.js'
import { outputs } from '../../src/action/summary.js'
import type { Result } from '../../src/pipeline/result.js'
import { makeInputs } from '../../__fixtures__/inputs.js'
import { quietReporter } from '../helpers/reporter.js'
import { testDir } from '../helpers/temp.js'
import { actionTerm, renderInputRefs } from '../../src/core/input-ref.js'

const REFS = ['localhost:5000/my/app:v1.2.3', 'localhost:5000/my/app:latest']
const META = {
  version: 'v1.2.3',
  labels: ['org.opencontainers.image.version=v1.2.3', 'org.opencontainers.image.title=app'],
  annotations: ['org.opencontainers.image.version=v1.2.3']
}
const rules = classifyTags(['type=ref,event=tag']).rules
const plan = { byDigest: false, build: { refs: REFS, labels: [] } }

function warnings() {
  const said: string[] = []
  return { said, reporter: { warning: (m: string) => void said.push(m) } }
}

describe('buildEnvironment', () => {
  it('holds the DOCKER_METADATA_OUTPUT_* the action exports after the run, with the same values', () => {
    const inputs = makeInputs({ tagRules: rules, tags: ['v1.2.3', 'latest'], sepTags: ',' })
    const { env } = buildEnvironment(inputs, plan, { PATH: '/bin' }, META, warnings().reporter)
    const result = { tags: REFS, meta: { ...META } } as unknown as Result
    const exported = metadataEnvExports(inputs, outputs(inputs, result))
    expect(Object.keys(exported).sort()).toEqual([
      'DOCKER_METADATA_OUTPUT_ANNOTATIONS',
      'DOCKER_METADATA_OUTPUT_JSON',
      'DOCKER_METADATA_OUTPUT_LABELS',
      'DOCKER_METADATA_OUTPUT_TAGS',
      'DOCKER_METADATA_OUTPUT_TAG_NAMES',
      'DOCKER_METADATA_OUTPUT_VERSION'
    ])
    for (const [name, value] of Object.entries(exported)) expect([name, env[name]]).toEqual([name, value])
    expect(env.DOCKER_METADATA_OUTPUT_VERSION).toBe('v1.2.3')
    expect(env.DOCKER_METADATA_OUTPUT_TAGS).toBe(REFS.join(','))
    expect(JSON.parse(env.DOCKER_METADATA_OUTPUT_JSON!)).toEqual({
      tags: REFS,
      labels: { 'org.opencontainers.image.title': 'app', 'org.opencontainers.image.version': 'v1.2.3' },
      annotations: ['manifest:org.opencontainers.image.version=v1.2.3']
    })
    expect(env.PATH).toBe('/bin')
  })

  it('has none where the action exports none: bare tags, or DOCKER_METADATA_SET_OUTPUT_ENV=false', () => {
    const base = { DOCKER_METADATA_OUTPUT_VERSION: 'from an earlier metadata-action step' }
    for (const inputs of [
      makeInputs({ tags: ['v1'] }),
      makeInputs({
        tagRules: rules,
        metadataEnv: readMetadataEnv({ DOCKER_METADATA_SET_OUTPUT_ENV: 'false' })
      })
    ]) {
      const { env } = buildEnvironment(inputs, plan, base, META, warnings().reporter)
      expect(Object.keys(env)).toEqual(['DOCKER_METADATA_OUTPUT_VERSION'])
      expect(env.DOCKER_METADATA_OUTPUT_VERSION).toBe(base.DOCKER_METADATA_OUTPUT_VERSION)
    }
  })

  it("leaves out the step's inputs, so a NAME alone cannot read a registry password or token", () => {
    const base = { INPUT_PASSWORD: 'hunter2', 'INPUT_GITHUB-TOKEN': 'ghs_x', input_x: 'y', HOME: '/root' }
    const inputs = makeInputs({ buildArgs: ['INPUT_PASSWORD', 'HOME'] })
    const w = warnings()
    const given = buildEnvironment(inputs, plan, base, undefined, w.reporter)
    expect(given.env).toEqual({ HOME: '/root' })
    expect(given.inputs.buildArgs).toEqual(['HOME'])
    expect(w.said).toEqual([
      "\u0001build-args\u0002: entry 1 names no variable of the build's environment, so docker gets none (a value wanted there: KEY=VALUE)"
    ])
  })

  it('leaves out a NAME the environment does not set, as docker does, saying which entry but not its text', () => {
    const inputs = makeInputs({ buildArgs: ['A=1', 'SET', 'hunter2secret', 'B=', 'ALSO_UNSET'] })
    const w = warnings()
    const given = buildEnvironment(inputs, plan, { SET: '' }, undefined, w.reporter)
    expect(given.inputs.buildArgs).toEqual(['A=1', 'SET', 'B='])
    expect(w.said).toHaveLength(1)
    expect(renderInputRefs(w.said[0], actionTerm)).toMatch(
      /^the "build-args" input: entries 3, 5 name no variable/
    )
    expect(w.said[0]).not.toContain('hunter2secret')
  })

  it('gives a push by digest no tags, as its outputs have none', () => {
    const inputs = makeInputs({ tagRules: rules })
    const { env } = buildEnvironment(inputs, { ...plan, byDigest: true }, {}, META, warnings().reporter)
    expect(env.DOCKER_METADATA_OUTPUT_TAGS).toBe('')
    expect(env.DOCKER_METADATA_OUTPUT_VERSION).toBe('v1.2.3')
  })
})

describe('the build docker runs', () => {
  it('gets the variables in its environment and only the NAME in argv', async () => {
    const seen: { args: string[]; env: NodeJS.ProcessEnv }[] = []
    const runner: Runner = async (_command, args, env) => {
      seen.push({ args, env })
      const iid = args.find(a => a.startsWith('--iidfile='))
      if (iid) await writeFile(iid.slice('--iidfile='.length), `sha256:${'a'.repeat(64)}`)
      return { exitCode: 0, stdout: '', stderr: '' }
    }
    await runPipeline(
      makeInputs({
        push: false,
        tags: ['v1.2.3'],
        tagRules: rules,
        buildArgs: ['DOCKER_METADATA_OUTPUT_VERSION', 'DOCKER_METADATA_OUTPUT_JSON', 'X=1']
      }),
      {
        docker: new Docker(runner, { PATH: '/bin', INPUT_PASSWORD: 'hunter2' }),
        reporter: quietReporter,
        workDir: await testDir('btp-build-env-'),
        buildx: true,
        driver: 'docker',
        metadata: META
      }
    )
    const build = seen.find(s => s.args[1] === 'build')!
    expect(build.args.filter(a => a.startsWith('--build-arg'))).toEqual([
      '--build-arg=DOCKER_METADATA_OUTPUT_VERSION',
      '--build-arg=DOCKER_METADATA_OUTPUT_JSON',
      '--build-arg=X=1'
    ])
    expect(build.args.join(' ')).not.toContain('"tags"')
    expect(build.env.DOCKER_METADATA_OUTPUT_VERSION).toBe('v1.2.3')
    expect(JSON.parse(build.env.DOCKER_METADATA_OUTPUT_JSON!).tags).toEqual(['localhost:5000/my/app:v1.2.3'])
    expect(build.env.INPUT_PASSWORD).toBeUndefined()
    expect(build.env.PATH).toBe('/bin')
  })
})
