import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootCertificates } from 'node:tls'
import { kindOf } from '../../src/core/retry.js'
import { RegistryError } from '../../src/registry/api.js'
import { tlsFailure } from '../../src/registry/tls.js'
import {
  cleanUp,
  client,
  DIGEST,
  failure,
  onCleanup,
  sendManifest,
  serve,
  viaAnyAddress,
  type TestServer
} from '../helpers/stand-in.js'

afterEach(cleanUp)

describe('tlsFailure', () => {
  it.each([
    [
      { code: 'EPROTO', message: 'write EPROTO …:SSL routines:ssl3_get_record:wrong version number' },
      'plain-http'
    ],
    [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: '' }, 'plain-http'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'certificate'],
    [
      { code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames" },
      'certificate'
    ],
    [
      { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' },
      'certificate'
    ],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, undefined],
    [{ code: 'ETIMEDOUT', message: 'timed out' }, undefined],
    [undefined, undefined]
  ])('%j → %s', (err, kind) => {
    expect(tlsFailure(err)).toBe(kind)
  })
})

describe('a self-signed certificate', () => {
  let key: Buffer
  let cert: Buffer
  /** A client certificate (self-signed) for registries that ask for one. */
  let clientKey: Buffer
  let clientCert: Buffer
  /** A self-signed key pair made with openssl; `san` makes it valid for the address the client uses. */
  function selfSigned(cn: string, san?: string): { key: Buffer; cert: Buffer } {
    const dir = mkdtempSync(join(tmpdir(), 'btp-cert-'))
    try {
      const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${cn}`]
      if (san) args.push('-addext', `subjectAltName=${san}`)
      args.push('-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'))
      execFileSync('openssl', args, { stdio: 'ignore' })
      return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  beforeAll(() => {
    ;({ key, cert } = selfSigned('btp-test', 'IP:0.0.0.0,IP:127.0.0.1'))
    ;({ key: clientKey, cert: clientCert } = selfSigned('btp-client'))
  })

  /** A certs.d directory for `server`, as dockerd reads it, with the given files. */
  function certsDirFor(server: TestServer, files: Record<string, Buffer | string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'btp-certs.d-'))
    onCleanup(() => rmSync(dir, { recursive: true, force: true }))
    mkdirSync(join(dir, `0.0.0.0:${server.port}`))
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(dir, `0.0.0.0:${server.port}`, name), content)
    return dir
  }

  const serveTls = (): Promise<TestServer> =>
    serve((_req, res) => sendManifest(res), '127.0.0.1', { key, cert })

  it('is accepted, still over TLS, when docker holds the registry insecure', async () => {
    const server = await serveTls()
    const { c } = client(viaAnyAddress(server), { insecure: async () => true })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(c.baseUrl).toBe(`https://0.0.0.0:${server.port}`)
  })

  it('is trusted through certs.d/<host:port>/*.crt, as dockerd trusts it, without asking about insecurity', async () => {
    const server = await serveTls()
    const certsDir = certsDirFor(server, { 'ca.crt': cert })
    let asked = 0
    const { c } = client(viaAnyAddress(server), {
      certsDir,
      insecure: async () => {
        asked++
        return false
      }
    })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect((await c.getManifest('a/b', 'v2')).digest).toBe(DIGEST)
    expect(asked).toBe(0)
  })

  it('presents the client certificate from certs.d (client.cert + client.key) to a registry that asks', async () => {
    const server = await serve((_req, res) => sendManifest(res), '127.0.0.1', {
      key,
      cert,
      ca: [clientCert],
      requestCert: true,
      rejectUnauthorized: true
    })
    const withPair = certsDirFor(server, {
      'ca.crt': cert,
      'client.cert': clientCert,
      'client.key': clientKey
    })
    const { c } = client(viaAnyAddress(server), { certsDir: withPair })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)

    // A .cert without its .key is not a pair, as for dockerd: nothing is presented, and the server refuses.
    const halfPair = certsDirFor(server, { 'ca.crt': cert, 'client.cert': clientCert })
    const refused = client(viaAnyAddress(server), { certsDir: halfPair })
    await expect(refused.c.getManifest('a/b', 'v1')).rejects.toBeInstanceOf(RegistryError)
    expect(server.seen.map(r => r.url)).toEqual(['/v2/a/b/manifests/v1'])
  })

  it('is refused, naming the rule, when docker holds it secure', async () => {
    const server = await serveTls()
    // A certs.d directory for this registry, but with another CA in it.
    const certsDir = certsDirFor(server, { 'other.crt': rootCertificates[0] })
    const { c } = client(viaAnyAddress(server), { certsDir, insecure: async () => false })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err.message).toMatch(/self[- ]signed certificate/)
    expect(err.message).toContain(`/etc/docker/certs.d/0.0.0.0:${server.port}/ca.crt`)
    expect(err.message).toContain('insecure-registries')
    expect(kindOf(err)).toBe('fatal')
  })
})
