// The TLS side of the transport, as dockerd has it: certs.d material, and what a TLS failure means.

import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { messageOf } from '../core/text.js'

const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** How an HTTPS request failed at the TLS level, if it did: a plain-HTTP server, or a certificate. */
export function tlsFailure(err: unknown): 'plain-http' | 'certificate' | undefined {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && CERTIFICATE_ERRORS.has(code)) return 'certificate'
  const text = typeof message === 'string' ? message : ''
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text))
    return 'plain-http'
  return undefined
}

/** TLS options from a certs.d directory: extra CAs (beside the usual roots) and client certificates. */
export interface CertsDirTls {
  ca?: (string | Buffer)[]
  cert?: Buffer[]
  key?: Buffer[]
}

/** Reads `dir` as dockerd does: `*.crt` are CAs, `X.cert` + `X.key` a client certificate pair. */
export async function readCertsDir(dir: string): Promise<CertsDirTls | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort()
  const read = (n: string) => readFile(path.join(dir, n))
  const cas = names.filter(n => n.endsWith('.crt'))
  const pairs = names.filter(n => n.endsWith('.cert') && names.includes(n.replace(/\.cert$/, '.key')))
  if (!cas.length && !pairs.length) return undefined
  const tls: CertsDirTls = {}
  if (cas.length) {
    // Loaded only here: start-up time counts, and few registries have a certs.d directory.
    const { rootCertificates } = await import('node:tls')
    tls.ca = [...rootCertificates, ...(await Promise.all(cas.map(read)))]
  }
  if (pairs.length) {
    tls.cert = await Promise.all(pairs.map(read))
    tls.key = await Promise.all(pairs.map(n => read(n.replace(/\.cert$/, '.key'))))
  }
  return tls
}

/** The TLS failure of a registry docker holds to HTTPS, told what docker would need to get past it. */
export function secureOnly(err: unknown, failure: 'plain-http' | 'certificate', registry: string): Error {
  const code = (err as { code?: unknown })?.code
  // OpenSSL's own text for this case is a long internal trace; say what it means instead.
  const message =
    failure === 'plain-http'
      ? `TLS handshake failed: ${registry} answers plain HTTP, which docker uses only for registries in the daemon's insecure-registries (daemon.json); add it there, or serve HTTPS`
      : `${messageOf(err).trim()} (docker trusts a private CA put in /etc/docker/certs.d/${registry}/ca.crt, and accepts any certificate only for registries in the daemon's insecure-registries, daemon.json)`
  return Object.assign(new Error(message), { code })
}
