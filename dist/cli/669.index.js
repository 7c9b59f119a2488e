"use strict";
exports.id = 669;
exports.ids = [669];
exports.modules = {

/***/ 5669:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// undici, loaded only where it is used. @actions/core's entry module imports @actions/http-client for OIDC
// tokens we never request, and that imports undici: compiling and running it cost ~100 ms of cold start on
// every run, input errors included. The bundle maps `undici` here (tsconfig `paths`, which ncc honours), so
// undici becomes a chunk of its own, loaded by preload() before Octokit is (see context.ts).

let real
const preload = async () => {
  if (!real) {
    const ns = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19))
    real = ns.default ?? ns
  }
  return real
}
const loaded = () => {
  if (!real) throw new Error('undici is used before preload() loaded it')
  return real
}
// Before preload() only `preload` is there: a dynamic import of this module reads its keys and `then`.
module.exports = new Proxy(
  {},
  {
    get: (_, name) => {
      if (name === 'preload') return preload
      if (!real && (name === 'then' || name === '__esModule' || typeof name === 'symbol')) return undefined
      return loaded()[name]
    },
    has: (_, name) => name === 'preload' || (!!real && name in real),
    ownKeys: () => ['preload', ...(real ? Reflect.ownKeys(real) : [])],
    getOwnPropertyDescriptor: (_, name) => {
      if (name === 'preload') return { value: preload, enumerable: true, configurable: true }
      const d = real && Object.getOwnPropertyDescriptor(real, name)
      return d && { ...d, configurable: true }
    }
  }
)


/***/ })

};
;