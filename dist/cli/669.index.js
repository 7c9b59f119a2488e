export const id = 669;
export const ids = [669,50];
export const modules = {

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
module.exports = new Proxy(
  {},
  {
    get: (_, name) => (name === '__esModule' ? undefined : name === 'preload' ? preload : loaded()[name]),
    has: (_, name) => name === 'preload' || name in loaded(),
    ownKeys: () => Reflect.ownKeys(loaded()),
    getOwnPropertyDescriptor: (_, name) => {
      const d = Object.getOwnPropertyDescriptor(loaded(), name)
      return d && { ...d, configurable: true }
    }
  }
)


/***/ })

};
