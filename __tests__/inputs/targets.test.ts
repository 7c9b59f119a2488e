// Where the image goes when no `image` or `images` is given: build-push-action needs no repository for a
// build that is not pushed, reads a word in `tags` as an image name, and pushes by digest to an output's
// `name=`; a run that pushes with nothing naming where is still an input error naming `image`.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { actionTerm, InputError, parseInputs, renderInputRefs } from '../../src/inputs/parse.js'
import { loadRegistryAuthParser } from '../../src/inputs/registry-auth.js'
import { cliTerm } from '../../src/cli/main.js'

let cwd: string

beforeAll(async () => {
  await loadRegistryAuthParser()
  cwd = mkdtempSync(path.join(tmpdir(), 'btp-targets-'))
  writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
})

afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const parse = (values: Record<string, string>) => parseInputs(name => values[name] ?? '', cwd)

const BY_DIGEST = 'type=image,name=ghcr.io/o/app,push-by-digest=true,name-canonical=true,push=true'

describe('no image or images: what names the image, as build-push-action reads it', () => {
  it.each([
    ['a build-only check', { push: 'false' }, [], ['docker.io', '']],
    ['files exported, push not given', { outputs: 'type=local,dest=bin' }, [], ['docker.io', '']],
    ['a tar exported', { outputs: 'type=tar,dest=out.tar', push: 'false' }, [], ['docker.io', '']],
    ['an untagged load', { push: 'false', load: 'true' }, [], ['docker.io', '']],
    ['an evaluation (call: check)', { call: 'check' }, [], ['docker.io', '']],
    [
      "login-action's registry beside a build-only check",
      { registry: 'ghcr.io', push: 'false' },
      [],
      ['ghcr.io', '']
    ],
    [
      'a word in tags is an image name, :latest',
      { tags: 'myapp', push: 'false', load: 'true' },
      [{ registry: 'docker.io', image: 'myapp', tags: ['latest'] }],
      ['docker.io', 'myapp']
    ],
    [
      'words and references in tags alike, files exported',
      { tags: 'myapp:1,myapp, ghcr.io/o/x:2', outputs: 'type=local,dest=bin' },
      [
        { registry: 'docker.io', image: 'myapp', tags: ['1', 'latest'] },
        { registry: 'ghcr.io', image: 'o/x', tags: ['2'] }
      ],
      ['docker.io', 'myapp']
    ],
    [
      "docker's multi-runner recipe: the output's name= alone, by digest, no tag",
      { outputs: BY_DIGEST },
      [{ registry: 'ghcr.io', image: 'o/app', tags: [] }],
      ['ghcr.io', 'o/app']
    ],
    [
      "the recipe with login-action's registry, which the name= goes to",
      { outputs: BY_DIGEST, registry: 'ghcr.io' },
      [{ registry: 'ghcr.io', image: 'o/app', tags: [] }],
      ['ghcr.io', 'o/app']
    ],
    [
      "a registry output's name= with its tags",
      { outputs: 'type=registry,"name=ghcr.io/o/app:1,ghcr.io/o/app:2"' },
      [{ registry: 'ghcr.io', image: 'o/app', tags: ['1', '2'] }],
      ['ghcr.io', 'o/app']
    ]
  ])('%s', (_what, values, targets, [registry, image]) => {
    const { inputs } = parse(values)
    expect(inputs.targets).toEqual(targets)
    expect([inputs.registry, inputs.image]).toEqual([registry, image])
  })

  it('says once that words in tags were read as image names, and which', () => {
    const { notices } = parse({ tags: 'myapp\nother:1', push: 'false' })
    expect(notices.map(n => renderInputRefs(n, actionTerm))).toEqual([
      'the "tags" input "myapp": with the "image" input empty, each names an image as in build-push-action (docker.io/library/myapp:latest, docker.io/library/other:1); give the "image" input to make them its tags'
    ])
    expect(parse({ tags: 'ghcr.io/o/app:1' }).notices).toEqual([])
  })

  it.each([
    [
      'push not given (true)',
      {},
      'image',
      /is required: the image is pushed \(the default\); give it, .*, or set the "push" input to false to build only$/
    ],
    ['push: true', { push: 'true' }, 'image', /is required: the image is pushed; give it/],
    [
      'files exported and push: true given',
      { outputs: 'type=local,dest=bin', push: 'true' },
      'image',
      /is pushed/
    ],
    [
      'an output that pushes with no name=',
      { outputs: 'type=registry', push: 'false' },
      'image',
      /the "outputs" input push and name no image/
    ],
    [
      'rules in tags, nothing pushed',
      { tags: 'type=sha', push: 'false' },
      'image',
      /the rules in the "tags" input tag the image under it; give it/
    ],
    ['sources', { sources: 'ghcr.io/o/app:1' }, 'image', /the "sources" input are pushed to it/],
    [
      'a word in tags that names no image',
      { tags: 'V1', push: 'false' },
      'tags',
      /"V1" is not a valid reference: .*\(with the "image" input empty, a word in the "tags" input names an image, as in build-push-action: give the "image" input to make it a tag\)$/
    ],
    ['rules beside words', { tags: 'type=sha\nmyapp', push: 'false' }, 'tags', /cannot be mixed with rules/],
    [
      "an output's name= on another registry than login-action's",
      { outputs: BY_DIGEST, registry: 'quay.io' },
      'outputs',
      /"ghcr.io\/o\/app", which go to "ghcr.io", not to "quay.io"/
    ],
    [
      'a bad name= in an output',
      { outputs: 'type=docker,name=Bad/Name', push: 'false' },
      'outputs',
      /"Bad\/Name" is not a valid reference/
    ]
  ])('%s → one input error naming %s', (_what, values, input, message) => {
    let error: unknown
    try {
      parse(values)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe(input)
    expect((error as InputError).message).toMatch(message)
  })

  it('in the CLI the error names its flags', () => {
    let error: unknown
    try {
      parse({})
    } catch (e) {
      error = e
    }
    expect((error as InputError).input).toBe('image')
    expect(renderInputRefs((error as InputError).template, cliTerm)).toMatch(
      /^is required: the image is pushed \(the default\); .* in --tag, or pass --no-push to build only$/
    )
  })
})
