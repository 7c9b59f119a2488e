// docker build's `--secret` grammar as BuildKit reads it: which form a value is, and where each secret comes from.
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dockerSecret, isDockerSecret } from '../../src/cli/docker-secret.js'
import { problemOf } from '../helpers/problem.js'

const dir = mkdtempSync(join(tmpdir(), 'btp-docker-secret-'))
const file = join(dir, 'token.txt')
writeFileSync(file, 'from a file')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('isDockerSecret', () => {
  it.each([
    ['id=API_TOKEN', true],
    ['ID=API_TOKEN', true],
    ['id=k,env=V', true],
    ['type=env,id=k', true],
    ['src=f,id=k', true],
    ['env=V', true],
    ['k=V,x', true],
    ['npm=NPM_TOKEN', false],
    ['identity=GH', false]
  ])('%s: %s', (spec, docker) => expect(isDockerSecret(spec)).toBe(docker))
})

describe('dockerSecret', () => {
  const env = { API_TOKEN: 'tok', OTHER: 'x', EMPTY: '' }

  it.each([
    // docker's docs: the variable named by the id, when it is set.
    ['id=API_TOKEN', { id: 'API_TOKEN', env: 'API_TOKEN' }],
    ['id=EMPTY', { id: 'EMPTY', env: 'EMPTY' }],
    ['id=k,env=OTHER', { id: 'k', env: 'OTHER' }],
    ['ID=k,ENV=OTHER', { id: 'k', env: 'OTHER' }],
    ['type=env,id=k,src=OTHER', { id: 'k', env: 'OTHER' }],
    ['id=OTHER,type=env', { id: 'OTHER', env: 'OTHER' }],
    [`id=k,src=${file}`, { id: 'k', file }],
    [`id=k,source=${file},type=file`, { id: 'k', file }],
    [`"id=k","src=${file}"`, { id: 'k', file }],
    // env= wins over src=, as BuildKit reads the variable when both are given.
    [`id=k,src=${file},env=OTHER`, { id: 'k', env: 'OTHER' }]
  ])('%s', (spec, expected) => expect(dockerSecret(spec, env)).toEqual(expected))

  it('with neither env= nor src= and no such variable: the file named by the id, as BuildKit falls back', () => {
    expect(existsSync('package.json')).toBe(true)
    expect(dockerSecret('id=package.json', {})).toEqual({ id: 'package.json', file: 'package.json' })
    expect(dockerSecret('id=package.json', { 'package.json': 'v' })).toEqual({
      id: 'package.json',
      env: 'package.json'
    })
  })

  it.each([
    ['env=OTHER', /needs id=ID/],
    ['id=a b', /needs id=ID with an id without whitespace/],
    ['"id=a=b"', /needs id=ID with an id without whitespace, ",", "="/],
    ['id=k,mode=0400', /"mode=0400" is none of id=, env=, src=, type=env\|file/],
    ['id=k,env', /"env" is none of/],
    ['id=k,type=ssh', /type=ssh: the type is env or file/],
    [
      'id=NOT_SET_ANYWHERE_X',
      /neither the environment variable NOT_SET_ANYWHERE_X nor a file NOT_SET_ANYWHERE_X exists/
    ],
    ['id=k,src=/does/not/exist', /"\/does\/not\/exist" is not a file/],
    [`id=k,src=${dir}`, /is not a file/],
    ['id=k\nid=j', /takes one line/]
  ])('%j is refused', (spec, why) => expect(problemOf(() => dockerSecret(spec, env))).toMatch(why))
})
