"use strict";
exports.id = 890;
exports.ids = [890];
exports.modules = {

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject)
/* harmony export */ });
// Reading parsed JSON (and YAML) by shape: what came from a file or a server is `unknown` until checked.
/** A JSON object: not null, not an array. */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);


/***/ }),

/***/ 1092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ cancelSignal),
/* harmony export */   LJ: () => (/* binding */ runCancelled),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   rS: () => (/* binding */ cleanUpOnForcedExit),
/* harmony export */   rl: () => (/* binding */ KILL_AFTER_MS),
/* harmony export */   u4: () => (/* binding */ track),
/* harmony export */   vz: () => (/* binding */ untrack),
/* harmony export */   xH: () => (/* binding */ guardSignals)
/* harmony export */ });
/* unused harmony exports EXIT_AFTER_MS, stopChildren, liveChildren, cancelOnClosedOutput */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
// Cancelling a run: the signals, the children to stop, and the abort the rest of the run listens to.
// While a streamed child runs (exec.ts tracks it here), or while a run holds the signals (guardSignals: the
// whole pipeline, so that a cancel in any phase is handled), SIGINT and SIGTERM (the runner cancelling the
// job) and SIGHUP (the CLI's terminal closed) stop every child: SIGTERM to its group, SIGKILL 2 s later;
// `runCancelled` aborts, so requests in flight end and the run unwinds (removing its private directory); a
// captured command still running is no longer waited for (its own deadline ends it); the process then
// exits with 128 + the signal's number. A closed stdout or stderr cancels the run as SIGPIPE
// (cancelOnClosedOutput).

/** After SIGTERM, how long a stopped process group gets before SIGKILL. */
const KILL_AFTER_MS = 2_000;
/** After a cancel, how long the pipeline gets to unwind (remove its private directory) before we exit. */
const EXIT_AFTER_MS = 5_000;
/** Children started by the exec funnel that have not closed yet. */
const live = new Set();
let cancelledBy;
const cancelController = new AbortController();
/** Aborted (with the signal's name) once a signal (or a closed output, as SIGPIPE) cancelled the run. */
const runCancelled = cancelController.signal;
/** Runs holding the signal handlers (guardSignals). */
let holds = 0;
/** What must go even when we exit before the run has unwound (its private directory, with the login). */
const beforeForcedExit = new Set();
/** The signal that cancelled the run, if one did. */
const cancelSignal = () => cancelledBy;
const exitCodeFor = (signal) => 128 + (node_os__WEBPACK_IMPORTED_MODULE_0__.constants.signals[signal] ?? 0);
/** A child to stop on a cancel, until `untrack`: the signal handlers are in place while there is one. */
function track(entry) {
    live.add(entry);
    installSignalHandlers();
}
function untrack(entry) {
    live.delete(entry);
    if (live.size === 0 && holds === 0 && !cancelledBy)
        removeSignalHandlers();
}
/**
 * Holds the signal handlers (and watches stdout and stderr) for a whole run, children or not; returns the
 * release. A cancel then aborts runCancelled and the run fails as cancelled, instead of node dying mute.
 */
function guardSignals() {
    holds++;
    installSignalHandlers();
    cancelOnClosedOutput([process.stdout, process.stderr]);
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        holds--;
        if (live.size === 0 && holds === 0 && !cancelledBy)
            removeSignalHandlers();
        // Unwound after a cancel: the caller prints its error line at once; a captured command we stopped
        // waiting for must not keep the process alive until its own deadline.
        if (cancelledBy && holds === 0)
            setTimeout(() => process.exit(exitCodeFor(cancelledBy)), 200).unref();
    };
}
/**
 * `cleanUp` (synchronous) also runs when a second signal, or a run that does not unwind in time, ends the
 * process before the run's own cleanup could; returns its removal, for when the run cleaned up itself.
 */
function cleanUpOnForcedExit(cleanUp) {
    beforeForcedExit.add(cleanUp);
    return () => beforeForcedExit.delete(cleanUp);
}
function forceExit(code) {
    for (const cleanUp of beforeForcedExit) {
        try {
            cleanUp();
        }
        catch {
            // the exit goes on: what could be removed was
        }
    }
    process.exit(code);
}
/** Stops every live streamed child as cancelled by `signal`. The signal handlers call it; so can a caller. */
function stopChildren(signal = 'SIGTERM') {
    const all = [...live];
    for (const l of all)
        l.halt(signal);
    return all.length;
}
/** How many streamed children are running (tests). */
const liveChildren = () => live.size;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;
function onSignal(signal) {
    if (cancelledBy) {
        // The second signal (the runner's SIGTERM after its SIGINT): no more grace.
        for (const l of live)
            l.kill();
        forceExit(exitCodeFor(signal));
    }
    cancel(signal);
}
/**
 * A failed write to our stdout or stderr (EPIPE: `| head` had its lines; EIO: a closed terminal) would be an
 * uncaught error: node dead, its children running, its private directory (a login) left. It cancels the run
 * instead, as SIGPIPE ends docker's CLI or a C program, but with the cleanup (exit 141); later failed writes
 * change nothing (no escalation as on a second signal). An error line goes to a stream still open.
 */
function cancelOnClosedOutput(streams) {
    for (const s of streams)
        if (!s.listeners('error').includes(onClosedOutput))
            s.on('error', onClosedOutput);
}
const onClosedOutput = () => void (cancelledBy ?? cancel('SIGPIPE'));
function cancel(signal) {
    const code = exitCodeFor(signal);
    cancelledBy = signal;
    // Whatever the unwinding pipeline sets (a failure is 1), a cancelled run ends as the signal says.
    process.on('exit', () => {
        process.exitCode = code;
    });
    stopChildren(signal);
    cancelController.abort(signal);
    // The pipeline now fails, removes its private directory and returns; if anything keeps it, we still go.
    setTimeout(() => forceExit(code), EXIT_AFTER_MS).unref();
}
function installSignalHandlers() {
    if (installed)
        return;
    installed = true;
    for (const s of SIGNALS)
        process.on(s, onSignal);
}
/** Without a child to stop, a signal does what it does by default (ends the process). */
function removeSignalHandlers() {
    if (!installed)
        return;
    installed = false;
    for (const s of SIGNALS)
        process.off(s, onSignal);
}


/***/ }),

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ createPrivateConfig),
/* harmony export */   Cj: () => (/* binding */ parseDockerConfig),
/* harmony export */   TC: () => (/* binding */ credentialKey)
/* harmony export */ });
/* unused harmony exports LINKED_DIRS, seedConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.




/** Directories that carry plugins, builders and contexts rather than credentials. */
const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
/**
 * What of buildx's directory stays with the run: `refs`, where buildx (0.13) writes every build's context
 * as given, failed builds too, and never removes it; an http git context keeps its token in the URL
 * (git-context.ts), so in the user's directory the token would outlive the job.
 */
const PRIVATE_BUILDX = new Set(['refs']);
const credentialKey = (registry) => ((0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDockerHub */ .gr)(registry) ? _core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .HUB_AUTH_KEY */ .Ts : registry);
/**
 * The user's config with the file store forced for `loginRegistry`: an empty credHelpers entry makes the
 * docker CLI skip any credsStore for that host, so the login lands in our file and dies with it.
 */
function seedConfig(user, loginRegistries = []) {
    const config = { ...user };
    const registries = typeof loginRegistries === 'string' ? [loginRegistries] : loginRegistries;
    if (registries.length) {
        const helpers = { ...(user.credHelpers ?? {}) };
        // A stale entry for the same host must not shadow the fresh login.
        const auths = { ...(user.auths ?? {}) };
        for (const registry of registries) {
            helpers[credentialKey(registry)] = '';
            if (!(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDockerHub */ .gr)(registry))
                helpers[registry] = '';
            delete auths[credentialKey(registry)];
        }
        config.credHelpers = helpers;
        config.auths = auths;
    }
    return config;
}
/**
 * A docker config.json's text as an object; empty (or blank) as docker reads it, `{}`. One that is not an
 * object (bad JSON, `null`, a list) is an error naming the file: read as empty, its credHelpers, credsStore
 * and proxies would vanish without a word, and the run would fail later for a reason nobody could see.
 */
function parseDockerConfig(file, text) {
    if (!text.trim())
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        // V8 quotes the text around an unexpected token, and here that is credentials: the token alone.
        const why = error.message.replace(/^(Unexpected token .+?), .* is not valid JSON$/s, '$1');
        throw new Error(`${file} is malformed: ${why}; docker's config.json is a JSON object`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${file} is malformed: it holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, and docker's config.json is a JSON object`);
    return parsed;
}
/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
async function createPrivateConfig(dir, userDir, loginRegistries = []) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    const userFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(userDir, 'config.json');
    const user = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(userFile) ? parseDockerConfig(userFile, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(userFile, 'utf8')) : {};
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
        mode: 0o600
    });
    for (const name of LINKED_DIRS) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(userDir, name);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
            continue;
        if (name === 'buildx' && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target)).isDirectory())
            await linkEntries(target, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name));
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(target, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name));
    }
}
/** `to` as a directory of links to each entry of `from` (builders, their state, the lock), but PRIVATE_BUILDX. */
async function linkEntries(from, to) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(to, { mode: 0o700 });
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(from))
        if (!PRIVATE_BUILDX.has(entry))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(from, entry), node_path__WEBPACK_IMPORTED_MODULE_2___default().join(to, entry));
}


/***/ }),

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N3: () => (/* binding */ credentialsFromDockerConfig),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* unused harmony exports helperRunner, runCredentialHelper */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2020);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6455);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(656);
// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.







const HELPER_TIMEOUT_MS = 10000;
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * The user's docker config directory, absolute: docker reads a relative DOCKER_CONFIG from the working
 * directory, and the private config's links into it must lead there from wherever they are.
 */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(env.DOCKER_CONFIG) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
/** Config keys may be `host`, `host/`, `https://host`, `http://host/v1/`: compare by host alone. */
function keyHost(key) {
    return key
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
}
function matches(key, registry) {
    const host = keyHost(key);
    return (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDockerHub */ .gr)(registry) ? (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDockerHub */ .gr)(host) : host === registry.toLowerCase();
}
/** The `auths` entry for `registry`: docker's file store takes an exact key, else one naming the same host. */
function authFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const exact = (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialKey */ .TC)(registry);
    if (Object.hasOwn(map, exact))
        return map[exact];
    const key = Object.keys(map).find(k => matches(k, registry));
    return key === undefined ? undefined : map[key];
}
/**
 * The `credHelpers` entry for `registry`, as docker reads it: by its exact key (the host, Docker Hub's
 * auths key) and no other. A `https://host` or `host/` key names no helper to docker, which then reads
 * the file or credsStore; asking that helper here would verify with other credentials than docker pushes.
 */
function helperFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const key = (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialKey */ .TC)(registry);
    return Object.hasOwn(map, key) ? map[key] : undefined;
}
function fromAuthEntry(entry) {
    if (!entry || typeof entry !== 'object')
        return undefined;
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
        return { username: '<token>', password: entry.identitytoken };
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':'); // the password may itself contain colons
        if (colon > 0)
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string')
        return { username: entry.username, password: entry.password };
    return undefined;
}
/**
 * A runner that starts `docker-credential-<helper> get` through the exec funnel (exec.ts: no shell, a
 * fixed deadline, nothing started once the run is cancelled). A missing binary fails with code ENOENT.
 */
function helperRunner({ env = process.env, timeoutMs = HELPER_TIMEOUT_MS, runner } = {}) {
    let run = runner;
    return async (helper, input) => {
        const program = `docker-credential-${helper}`;
        // Made on first use: most runs never ask a helper.
        run ??= (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .createExecRunner */ .S)(process.stderr, env);
        let result;
        try {
            result = await run(program, ['get'], env, { input: Buffer.from(input), deadlineMs: timeoutMs });
        }
        catch (error) {
            const notFound = error.code === 'ENOENT' ||
                /Unable to locate executable/i.test((0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error));
            throw notFound ? missing(program) : error;
        }
        if (result.stopped?.reason === 'signal')
            throw new Error(`${program} stopped: the run was cancelled`);
        if (result.stopped)
            throw new Error(`${program} timed out after ${timeoutMs} ms`);
        if (result.exitCode === 0)
            return result.stdout;
        // 127: coreutils `timeout` (or a shell) found no such program.
        if (result.exitCode === 127 && !result.stdout)
            throw missing(program);
        const said = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .oneLine */ .TN)(result.stderr || result.stdout, 200);
        throw new Error(`${program} exited with ${result.exitCode}${said ? `: ${said}` : ''}`);
    };
}
const missing = (program) => Object.assign(new Error(`${program} is not installed (ENOENT)`), { code: 'ENOENT' });
const runCredentialHelper = helperRunner();
async function readConfig(configDir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(configDir, 'config.json');
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return {};
        throw err;
    }
    return (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDockerConfig */ .Cj)(file, text);
}
/**
 * Credentials for a registry host, looked up like the docker CLI: credHelpers, then inline auths, then
 * credsStore. A helper that is missing or has nothing for the host yields undefined; `warn` hears about
 * helpers that fail for other reasons (never with secrets).
 */
function credentialsFromDockerConfig(configDir, run = runCredentialHelper, warn) {
    let config;
    const viaHelper = async (helper, registry) => {
        if (typeof helper !== 'string' || !HELPER_NAME.test(helper)) {
            if (helper)
                warn?.(`ignoring credential helper ${JSON.stringify(helper)}: not a plain helper name`);
            return undefined;
        }
        let output;
        try {
            output = await run(helper, (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialKey */ .TC)(registry));
        }
        catch (err) {
            const code = err.code;
            const message = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(err);
            // Missing binaries and "credentials not found" are ordinary: the registry may allow anonymous access.
            if (code !== 'ENOENT' && !/not found/i.test(message))
                warn?.(message);
            return undefined;
        }
        try {
            const { Username, Secret } = JSON.parse(output);
            if (typeof Secret !== 'string' || Secret === '')
                return undefined;
            return { username: typeof Username === 'string' ? Username : '', password: Secret };
        }
        catch {
            warn?.(`docker-credential-${helper} printed something that is not JSON`);
            return undefined;
        }
    };
    return async (registry) => {
        config ??= readConfig(configDir);
        const { auths, credHelpers, credsStore } = await config;
        const helper = helperFor(credHelpers, registry);
        const inline = fromAuthEntry(authFor(auths, registry));
        // An empty credHelpers entry is docker's way to pin a host to the file store, bypassing credsStore.
        if (helper === '')
            return inline;
        if (helper !== undefined)
            return viaHelper(helper, registry);
        return inline ?? (credsStore ? viaHelper(credsStore, registry) : undefined);
    };
}


/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ createExecRunner)
});

// UNUSED EXPORTS: signalGroup

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/log/fence.ts
var log_fence = __webpack_require__(4911);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/docker/kept-output.ts
// How much of a docker command's output is kept to be read back. Only node's own imports: the exec funnel,
// which the action loads at its start, needs it, and the bounds of the build path stay out of that chunk.

/**
 * How much of a command's stdout and of its stderr is kept, each: its end, from a line's start.
 * BuildKit writes the whole build log to stderr, which the log shows as it comes; what is read back (the
 * error line, the failed Dockerfile line, the pushed digest, a cache export's error) is at the end. The
 * text read is cut back once it holds twice as much, not on every chunk: each cut copies what is kept.
 */
const KEPT_OUTPUT_CHARS = 4 * 1024 * 1024;
/** The end of `text` that is kept: at most KEPT_OUTPUT_CHARS, from the first whole line in them. */
function keptEnd(text) {
    if (text.length <= KEPT_OUTPUT_CHARS)
        return text;
    const from = text.length - KEPT_OUTPUT_CHARS;
    const line = text.indexOf('\n', from);
    return text.slice(line < 0 ? from : line + 1);
}
function keptOutput() {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let text = '';
    return {
        write: chunk => {
            const decoded = decoder.write(chunk);
            text += decoded;
            if (text.length > 2 * KEPT_OUTPUT_CHARS)
                text = keptEnd(text);
            return decoded;
        },
        end: () => keptEnd(text + decoder.end())
    };
}

// EXTERNAL MODULE: ./src/docker/process-time.ts
var process_time = __webpack_require__(287);
// EXTERNAL MODULE: ./src/docker/cancel.ts
var cancel = __webpack_require__(1092);
;// CONCATENATED MODULE: ./src/docker/exec.ts
// The one funnel through which this program starts processes (docker, and docker-credential-* helpers):
// argument arrays, never a shell string, and every process bounded.
//
// Two paths, because @actions/exec gives no handle on the child it starts:
// - Commands whose output is only captured and that read no stdin (inspect, info, buildx version) run
//   through @actions/exec, under coreutils `timeout -k 5 <s>`, which enforces their fixed deadline by
//   itself.
// - Commands given stdin (login's password, a credential helper's host) are started here: @actions/exec
//   writes the input with no error handler on the pipe, so a child that exits before reading it (a helper
//   that is not installed) would end our process with an uncaught EPIPE.
// - Commands whose output is streamed (build, push) are started with node's child_process, each in a
//   process group of its own. A push must be stopped when it stalls (no new line of output for a while) or
//   runs past its ceiling, and a build or push must be stopped, together with the buildx plugin that docker
//   runs below it, when the job is cancelled. All of that needs the child's pid, which @actions/exec keeps
//   to itself.
// Cancelling them (signals, a closed output) is cancel.ts's.







/**
 * The real runner. Streamed output goes to `out`: stdout in the action, stderr in the CLI. A plain stream is
 * fenced when the runner reads it: always the action's stdout, the CLI's stderr inside a workflow. Pass a
 * Fence to share it with the code that writes our own commands to the same stream.
 */
function createExecRunner(out = process.stdout, env = process.env) {
    const fence = isFence(out)
        ? out
        : (0,log_fence/* createFence */.KH)(chunk => out.write(chunk), {
            enabled: out === process.stdout || env.GITHUB_ACTIONS === 'true',
            drain: (0,log_fence/* drainOf */.uW)(out)
        });
    // Loads while the registry preflight runs, not after it.
    const actionsExec = Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1260));
    return (command, args, childEnv, options) => (0,process_time/* accounted */.RQ)(() => run(command, args, childEnv, options));
    async function run(...[command, args, childEnv, options]) {
        const cancelled = (0,cancel/* cancelSignal */.Bj)();
        if (cancelled)
            return refused(cancelled);
        if (options.signal?.aborted)
            return { exitCode: 1, stdout: '', stderr: '', stopped: { reason: 'aborted' } };
        if (options.stream || options.watch) {
            if (options.stream)
                fence.own(`[command]${(0,log_fence/* singleLine */.pF)(options.display ?? [command, ...args].join(' '))}\n`);
            try {
                return await spawnWatched(command, args, childEnv, options, options.stream ? fence : undefined);
            }
            finally {
                // Our next line (a warning, the error) must be live.
                fence.close();
            }
        }
        const timeout = options.deadlineMs === undefined ? undefined : timeoutBinary(childEnv);
        if (options.input || (options.deadlineMs !== undefined && !timeout)) {
            // Stdin to write, or a deadline without coreutils timeout (macOS without coreutils, Windows): started
            // here, under the same deadline.
            const afterMs = options.deadlineMs;
            const result = await spawnWatched(command, args, childEnv, {
                input: options.input,
                ...(afterMs !== undefined && { watch: () => ({ ceilingMs: afterMs }) })
            });
            return afterMs !== undefined && result.stopped?.reason === 'ceiling'
                ? { ...result, stopped: { reason: 'deadline', afterMs } }
                : result;
        }
        const { exec } = await actionsExec;
        const captured = async (file, argv) => {
            // Kept as a streamed command's output is: a process run for seconds can still print gigabytes.
            const out = { stdout: keptOutput(), stderr: keptOutput() };
            const done = await untilCancelled(exec(file, argv, {
                env: childEnv,
                silent: true,
                ignoreReturnCode: true,
                listeners: { stdout: out.stdout.write, stderr: out.stderr.write }
            }));
            return typeof done === 'number'
                ? { exitCode: done, stdout: out.stdout.end(), stderr: out.stderr.end() }
                : done;
        };
        if (!timeout || options.deadlineMs === undefined)
            return captured(command, args);
        const afterMs = options.deadlineMs;
        const started = Date.now();
        const done = await captured(timeout, ['-k', '5', seconds(afterMs), command, ...args]);
        if (done.stopped)
            return done;
        const { exitCode, stdout, stderr } = done;
        // 124: timeout stopped it; a failure once the deadline passed: it took the SIGKILL (137) or died of it.
        if (exitCode === 124 || (exitCode !== 0 && Date.now() - started >= afterMs))
            return { exitCode, stdout, stderr, stopped: { reason: 'deadline', afterMs } };
        return { exitCode, stdout, stderr };
    }
}
const isFence = (out) => 'own' in out && 'close' in out;
/** `timeout`'s duration argument: seconds, fractions allowed. */
const seconds = (ms) => String(Math.max(ms, 1) / 1000);
const timeoutPaths = new Map();
/** coreutils `timeout` on PATH; never on Windows, whose `timeout` only waits. */
function timeoutBinary(env) {
    if (process.platform === 'win32')
        return undefined;
    const PATH = env.PATH ?? process.env.PATH ?? '';
    if (!timeoutPaths.has(PATH))
        timeoutPaths.set(PATH, PATH.split((external_node_path_default()).delimiter)
            .filter(Boolean)
            .map(dir => external_node_path_default().join(dir, 'timeout'))
            .find(file => (0,external_node_fs_.existsSync)(file)));
    return timeoutPaths.get(PATH);
}
/** `work`, or the refusal a cancel gives, whichever comes first: a cancelled run waits for no capture. */
function untilCancelled(work) {
    const cancelled = (0,cancel/* cancelSignal */.Bj)();
    if (cancelled)
        return Promise.resolve(refused(cancelled));
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(refused((0,cancel/* cancelSignal */.Bj)() ?? 'SIGTERM'));
        cancel/* runCancelled */.LJ.addEventListener('abort', onAbort, { once: true });
        work.then(value => {
            cancel/* runCancelled */.LJ.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            cancel/* runCancelled */.LJ.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
const refused = (signal) => ({
    exitCode: (0,cancel/* exitCodeFor */.Rr)(signal),
    stdout: '',
    stderr: '',
    stopped: { reason: 'signal', signal }
});
/** Sends `signal` to the child's process group (docker and the plugin it runs), or to the child alone. */
function signalGroup(child, signal) {
    try {
        if (process.platform !== 'win32' && child.pid !== undefined)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // already gone
    }
}
function spawnWatched(command, args, env, options, fence) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, {
            env,
            stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            // Its own process group, so that stopping it stops what it started (docker \u2192 docker-buildx).
            detached: process.platform !== 'win32'
        });
        (0,process_time/* processStarted */.Dk)();
        const started = Date.now();
        let lastOutput = started;
        /** While our reader is behind, docker's pipes are paused: its silence then is ours, not a stall. */
        let paused = false;
        let stopped;
        let closed = false;
        let killTimer;
        let drainTimer;
        const kept = { stdout: keptOutput(), stderr: keptOutput() };
        const halt = (stop) => {
            // Once the leader exited the group can still hold the plugin; only 'close' says all is gone.
            if (stopped || closed)
                return;
            stopped = stop;
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), cancel/* KILL_AFTER_MS */.rl);
        };
        const onAbort = () => halt({ reason: 'aborted' });
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const entry = {
            halt: signal => halt({ reason: 'signal', signal }),
            kill: () => signalGroup(child, 'SIGKILL')
        };
        const watch = options.watch;
        const first = watch?.() ?? {};
        const shortest = Math.min(first.stallMs ?? Infinity, first.ceilingMs ?? Infinity);
        const ticker = watch
            ? setInterval(() => {
                const { stallMs, ceilingMs } = watch();
                const now = Date.now();
                if (ceilingMs !== undefined && now - started >= ceilingMs)
                    halt({ reason: 'ceiling', afterMs: ceilingMs });
                else if (stallMs !== undefined && !paused && now - lastOutput >= stallMs)
                    halt({ reason: 'stall', afterMs: stallMs });
            }, Math.min(1000, Math.max(25, Number.isFinite(shortest) ? shortest / 20 : 1000)))
            : undefined;
        for (const name of ['stdout', 'stderr'])
            child[name]?.on('data', (chunk) => {
                lastOutput = Date.now();
                const decoded = kept[name].write(chunk);
                options.onOutput?.(decoded);
                if (fence?.write(chunk) !== false || !fence.whenDrained || paused)
                    return;
                // Held in memory no longer than the reader takes it: docker waits on its full pipe meanwhile.
                paused = true;
                child.stdout?.pause();
                child.stderr?.pause();
                fence.whenDrained(() => {
                    paused = false;
                    lastOutput = Date.now();
                    child.stdout?.resume();
                    child.stderr?.resume();
                });
            });
        const done = () => {
            if (ticker)
                clearInterval(ticker);
            (0,cancel/* untrack */.vz)(entry);
            options.signal?.removeEventListener('abort', onAbort);
        };
        child.on('error', error => {
            done();
            if (killTimer)
                clearTimeout(killTimer);
            // Started without a cwd of its own: ENOENT for a bare name is the program missing from PATH. The
            // code stays on the error for whoever tells a missing program apart (credential helpers).
            const { code } = error;
            const missing = code === 'ENOENT' && !command.includes((external_node_path_default()).sep);
            reject(Object.assign(new Error(`could not run ${command}: ${missing ? 'it is not installed, or not on PATH' : error.message}`), { code }));
        });
        // Something docker started may keep our pipes open after docker exited: wait for it as long as
        // @actions/exec does (10 s), then stop reading.
        child.on('exit', () => {
            drainTimer = setTimeout(() => {
                child.stdout?.destroy();
                child.stderr?.destroy();
            }, 10_000);
        });
        child.on('close', (code, signal) => {
            closed = true;
            if (drainTimer)
                clearTimeout(drainTimer);
            done();
            // The group may hold the plugin still: it gets the SIGKILL the leader did not need.
            if (killTimer && stopped) {
                clearTimeout(killTimer);
                signalGroup(child, 'SIGKILL');
            }
            const stdout = kept.stdout.end();
            const stderr = kept.stderr.end();
            const exitCode = code ?? (signal ? (0,cancel/* exitCodeFor */.Rr)(signal) : 1);
            resolve({ exitCode, stdout, stderr, ...(stopped ? { stopped } : {}) });
        });
        if (child.pid !== undefined)
            (0,cancel/* track */.u4)(entry);
        if (options.input && child.stdin) {
            child.stdin.on('error', () => { }); // a child that exits without reading its stdin
            child.stdin.end(options.input);
        }
    });
}


/***/ }),

/***/ 287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ processTime),
/* harmony export */   Dk: () => (/* binding */ processStarted),
/* harmony export */   Qn: () => (/* binding */ whileDockerRuns),
/* harmony export */   RQ: () => (/* binding */ accounted)
/* harmony export */ });
/* harmony import */ var _core_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2257);
// How long this run has waited on the processes it started: the part of its wall time that is not its own,
// and what it does meanwhile. The exec funnel counts every process it runs here.

let running = 0;
let runningSince = 0;
let processMs = 0;
/** Counts the wall time during which at least one of our processes runs (overlaps counted once). */
async function accounted(work) {
    if (running++ === 0)
        runningSince = (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)();
    try {
        return await work();
    }
    finally {
        if (--running === 0)
            processMs += (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)() - runningSince;
    }
}
/**
 * How long this run has waited on processes it started (docker): the part of its wall time that is not its
 * own. `npm run bench` subtracts it to report the action's own time.
 */
const processTime = () => processMs + (running ? (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)() - runningSince : 0);
// What a later phase would load on its critical path, loaded while docker works instead: a build leaves the
// main thread waiting for seconds once its process has started.
const meanwhile = [];
/**
 * Runs `task` (errors ignored: the later use meets them) soon after the exec funnel next starts a process it
 * streams or watches (a build, a push).
 */
function whileDockerRuns(task) {
    meanwhile.push(task);
}
/** Called by the exec funnel once it has started a process. */
function processStarted() {
    if (!meanwhile.length)
        return;
    const tasks = meanwhile.splice(0);
    setImmediate(() => {
        for (const task of tasks)
            Promise.resolve()
                .then(task)
                .catch(() => undefined);
    });
}


/***/ })

};
;