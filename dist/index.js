/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R9: () => (/* binding */ ENV_POST_WANTED),
/* harmony export */   Rs: () => (/* binding */ STATE_POST),
/* harmony export */   Z2: () => (/* binding */ STATE_WORKDIR),
/* harmony export */   dq: () => (/* binding */ STATE_KEPT_LOGIN)
/* harmony export */ });
// The names under which the main step leaves state for the post step (core.saveState / STATE_*).
/** Set by every main step: the runner then calls the same entry again as the post step. */
const STATE_POST = 'isPost';
/** The run's private directory, removed again by the post step when the main step was killed. */
const STATE_WORKDIR = 'workDir';
/** Set when keep-login wrote the job's docker config: where it is, and the file of replaced entries. */
const STATE_KEPT_LOGIN = 'keptLogin';
/**
 * Exported to the job's environment (GITHUB_ENV) by a main step that keeps a login: action.yml's `post-if`
 * reads it, so that the post step runs after a successful job only when there is a login to take back.
 */
const ENV_POST_WANTED = 'BUILD_TAG_PUSH_POST';


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = require("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = ((module) => {
// node's crypto, loaded on first use. `@actions/core` imports it for the random delimiter of its file
// commands, and so loaded it at the start of every run: about 9 ms on a slow machine, before the build, and
// most of the cold start an input error pays beyond node's own. A builtin cannot be mapped through tsconfig
// `paths` as `@actions/http-client` is (ncc makes it external before it resolves anything), so
// `npm run package` puts this in place of the bundle's `crypto` and `node:crypto` externals
// (scripts/lazy-crypto.mjs), with node's `require` as its argument.
//
// The random values a run draws before its build (the file commands' delimiters, the log fence's token) come
// from /dev/urandom, the kernel's generator that OpenSSL seeds itself from: sixteen bytes read there cost a
// few microseconds. Everything else, and these too where there is no /dev/urandom (Windows), is node's own.
// The pipeline loads the real module while the build runs, for the verification's hashes (whileDockerRuns).
'use strict'
module.exports = nodeRequire => {
  let real
  const load = () => (real ??= nodeRequire('node:crypto'))
  const fs = nodeRequire('node:fs')

  /** `size` bytes from /dev/urandom; undefined where it cannot be read. */
  const urandom = size => {
    let fd
    try {
      fd = fs.openSync('/dev/urandom', 'r')
    } catch {
      return undefined
    }
    try {
      const bytes = Buffer.alloc(size)
      for (let at = 0; at < size;) {
        const got = fs.readSync(fd, bytes, at, size - at, null)
        if (got <= 0) return undefined
        at += got
      }
      return bytes
    } catch {
      return undefined
    } finally {
      fs.closeSync(fd)
    }
  }

  const own = {
    randomBytes(size, callback) {
      const small = callback === undefined && Number.isSafeInteger(size) && size >= 0 && size <= 65536
      return (small && urandom(size)) || load().randomBytes(size, callback)
    },
    randomUUID(options) {
      const bytes = urandom(16)
      if (!bytes) return load().randomUUID(options)
      // RFC 9562 version 4: the version in the high nibble of byte 6, the variant in the top bits of byte 8.
      bytes[6] = (bytes[6] & 0x0f) | 0x40
      bytes[8] = (bytes[8] & 0x3f) | 0x80
      const hex = bytes.toString('hex')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    }
  }

  // Names node:crypto does not have, that the bundle's module interop and `await` read on sight.
  const absent = new Set(['__esModule', 'then'])
  return new Proxy(
    {},
    {
      get: (_, name) => (Object.hasOwn(own, name) ? own[name] : absent.has(name) ? undefined : load()[name]),
      has: (_, name) => name in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, name) => {
        if (Object.hasOwn(own, name))
          return { value: own[name], writable: false, enumerable: true, configurable: true }
        const d = Object.getOwnPropertyDescriptor(load(), name)
        return d && { ...d, configurable: true }
      }
    }
  )
}

return module.exports
})({ exports: {} })(require);

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = ((module) => {
// node's crypto, loaded on first use. `@actions/core` imports it for the random delimiter of its file
// commands, and so loaded it at the start of every run: about 9 ms on a slow machine, before the build, and
// most of the cold start an input error pays beyond node's own. A builtin cannot be mapped through tsconfig
// `paths` as `@actions/http-client` is (ncc makes it external before it resolves anything), so
// `npm run package` puts this in place of the bundle's `crypto` and `node:crypto` externals
// (scripts/lazy-crypto.mjs), with node's `require` as its argument.
//
// The random values a run draws before its build (the file commands' delimiters, the log fence's token) come
// from /dev/urandom, the kernel's generator that OpenSSL seeds itself from: sixteen bytes read there cost a
// few microseconds. Everything else, and these too where there is no /dev/urandom (Windows), is node's own.
// The pipeline loads the real module while the build runs, for the verification's hashes (whileDockerRuns).
'use strict'
module.exports = nodeRequire => {
  let real
  const load = () => (real ??= nodeRequire('node:crypto'))
  const fs = nodeRequire('node:fs')

  /** `size` bytes from /dev/urandom; undefined where it cannot be read. */
  const urandom = size => {
    let fd
    try {
      fd = fs.openSync('/dev/urandom', 'r')
    } catch {
      return undefined
    }
    try {
      const bytes = Buffer.alloc(size)
      for (let at = 0; at < size;) {
        const got = fs.readSync(fd, bytes, at, size - at, null)
        if (got <= 0) return undefined
        at += got
      }
      return bytes
    } catch {
      return undefined
    } finally {
      fs.closeSync(fd)
    }
  }

  const own = {
    randomBytes(size, callback) {
      const small = callback === undefined && Number.isSafeInteger(size) && size >= 0 && size <= 65536
      return (small && urandom(size)) || load().randomBytes(size, callback)
    },
    randomUUID(options) {
      const bytes = urandom(16)
      if (!bytes) return load().randomUUID(options)
      // RFC 9562 version 4: the version in the high nibble of byte 6, the variant in the top bits of byte 8.
      bytes[6] = (bytes[6] & 0x0f) | 0x40
      bytes[8] = (bytes[8] & 0x3f) | 0x80
      const hex = bytes.toString('hex')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    }
  }

  // Names node:crypto does not have, that the bundle's module interop and `await` read on sight.
  const absent = new Set(['__esModule', 'then'])
  return new Proxy(
    {},
    {
      get: (_, name) => (Object.hasOwn(own, name) ? own[name] : absent.has(name) ? undefined : load()[name]),
      has: (_, name) => name in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, name) => {
        if (Object.hasOwn(own, name))
          return { value: own[name], writable: false, enumerable: true, configurable: true }
        const d = Object.getOwnPropertyDescriptor(load(), name)
        return d && { ...d, configurable: true }
      }
    }
  )
}

return module.exports
})({ exports: {} })(require);

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 1553:
/***/ ((module) => {

module.exports = require("node:dns/promises");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = require("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = require("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = require("node:string_decoder");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = require("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = require("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __nccwpck_require__(3175);
;// CONCATENATED MODULE: ./src/action/run.ts
// The action's entry: the main step, or the post step. Each loads only its own modules: the post step runs
// after every failed job, and an input error, the most common failure, should cost little more than node.


/** core.getState's reading (STATE_<name>), without loading @actions/core for it. */
const run_state = (name) => process.env[`STATE_${name}`] ?? '';
/**
 * Whether the post step has anything to undo: a kept login, or a private directory the main step did not
 * remove (it was killed, or crashed). A finished main step removes its own, so most post steps end here.
 */
function postHasWork() {
    if (run_state(state/* STATE_KEPT_LOGIN */.dq))
        return true;
    const workDir = run_state(state/* STATE_WORKDIR */.Z2);
    return workDir !== '' && (0,external_node_fs_.existsSync)(workDir);
}
async function run() {
    if (run_state(state/* STATE_POST */.Rs) === 'true') {
        if (postHasWork())
            await (await Promise.all(/* import() */[__nccwpck_require__.e(465), __nccwpck_require__.e(890), __nccwpck_require__.e(97), __nccwpck_require__.e(227), __nccwpck_require__.e(718)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7718))).post();
    }
    else
        await (await Promise.all(/* import() */[__nccwpck_require__.e(465), __nccwpck_require__.e(227), __nccwpck_require__.e(56)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7056))).main();
    await exitOnceWritten([process.stdout, process.stderr], () => process.exit());
}
/**
 * Ends the step as soon as everything it wrote has left the process. Every phase has finished by now, so
 * what node would do next is tear down its heap: after a build, several milliseconds that the job waits
 * for and that do nothing for it. On POSIX a pipe (how the runner reads a step) is written asynchronously,
 * so the exit waits until each stream has written what it was given: a write's callback runs only after
 * every earlier write on that stream, and also when the stream has failed. `process.exit()` keeps
 * `process.exitCode`, so a failed step still fails.
 */
async function exitOnceWritten(streams, exit) {
    await Promise.all(streams.map(s => new Promise(resolve => s.write('', () => resolve()))));
    exit();
}

;// CONCATENATED MODULE: ./src/index.ts

// No top-level await: the bundle is CommonJS (scripts/package.mjs says why). run() ends the process itself.
void run();

module.exports = __webpack_exports__;
/******/ })()
;