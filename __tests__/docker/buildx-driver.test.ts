import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { builderDriver } from '../../src/docker/buildx-driver.js'

let dir: string
const ENGINE = { DOCKER_HOST: 'unix:///run/engine.sock' }

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'btp-driver-'))
  mkdirSync(path.join(dir, 'buildx', 'instances'), { recursive: true })
  // As `docker buildx create --name ci --driver docker-container` and `docker buildx use ci` write them.
  writeFileSync(
    path.join(dir, 'buildx', 'instances', 'ci'),
    JSON.stringify({ Name: 'ci', Driver: 'docker-container' })
  )
  writeFileSync(
    path.join(dir, 'buildx', 'instances', 'far'),
    JSON.stringify({ Name: 'far', Driver: 'remote' })
  )
  writeFileSync(
    path.join(dir, 'buildx', 'current'),
    JSON.stringify({ Key: ENGINE.DOCKER_HOST, Name: 'ci', Global: false })
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('builderDriver', () => {
  it('reads the builder `docker buildx use` chose for this engine', () => {
    expect(builderDriver(dir, '', ENGINE)).toBe('docker-container')
  })
  it('ignores a choice made for another engine', () => {
    expect(builderDriver(dir, '', { DOCKER_HOST: 'unix:///run/other.sock' })).toBe('docker')
  })
  it('the builder input wins, then BUILDX_BUILDER', () => {
    expect(builderDriver(dir, 'far', ENGINE)).toBe('remote')
    expect(builderDriver(dir, '', { ...ENGINE, BUILDX_BUILDER: 'far' })).toBe('remote')
  })
  it('a name without an instance (default, a docker context) is the docker driver', () => {
    expect(builderDriver(dir, 'default', ENGINE)).toBe('docker')
  })
  it('no buildx files at all: the docker driver', () => {
    expect(builderDriver(path.join(dir, 'nothing'), '', ENGINE)).toBe('docker')
  })
})
