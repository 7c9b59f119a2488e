// @actions/http-client, evaluated only when it is used. @actions/core's entry imports it for OIDC tokens
// (getIDToken), and @actions/github for its proxy agent; evaluating it loads http, https, net and tls (through
// tunnel), a good part of every cold start, input errors included, for runs that never ask for a token. The
// bundle maps `@actions/http-client` here (tsconfig `paths`, which ncc honours); the real module stays in the
// bundle and runs on the first property read.
'use strict'
let real
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, lazy load is the point: webpack bundles the module and runs it on first use
const load = () => (real ??= require('../../node_modules/@actions/http-client/lib/index.js'))
module.exports = new Proxy(
  {},
  {
    get: (_, name) => (name === '__esModule' ? true : load()[name]),
    has: (_, name) => name in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, name) => {
      const d = Object.getOwnPropertyDescriptor(load(), name)
      return d && { ...d, configurable: true }
    }
  }
)
