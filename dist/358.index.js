"use strict";
exports.id = 358;
exports.ids = [358];
exports.modules = {

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ isBuildStepFailure),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   IP: () => (/* binding */ ClassifiedError),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   Zi: () => (/* binding */ NO_ENGINE),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports buildStepFailed, DEFAULT_BASE_MS, DEFAULT_MAX_MS, backoffMs, worstRetryMs */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2020);
// Which registry failures are worth another attempt, and the bounded backoff loop that makes them.

/** An error that carries its classification, and optionally the server's Retry-After. */
class ClassifiedError extends Error {
    kind;
    retryAfterMs;
    constructor(message, kind, retryAfterMs) {
        super(message);
        this.kind = kind;
        this.retryAfterMs = retryAfterMs;
        this.name = 'ClassifiedError';
    }
}
// Order matters: auth words win over transient ones ("unauthorized ... EOF" is still auth).
const AUTH = [
    /\b401\b/,
    /\b403\b/,
    /unauthori[sz]ed/i,
    /\bdenied\b/i,
    /authentication required/i,
    /name[ _-]invalid/i,
    /incorrect username or password/i,
    /no basic auth credentials/i,
    /forbidden/i
];
const TRANSIENT = [
    /\b5[0-9][0-9]\b/,
    /\b429\b/,
    /toomanyrequests|too many requests/i,
    /timed? ?out|timeout|deadline exceeded/i,
    /connection reset|ECONNRESET/i,
    /connection refused|ECONNREFUSED/i,
    /\bEOF\b/,
    /broken pipe|EPIPE/i,
    // Go's wording when the peer drops a connection mid-request (containerd pushes through an io.Pipe).
    /use of closed network connection|read\/write on closed pipe|server closed idle connection/i,
    /connection aborted|ECONNABORTED|network is unreachable|no route to host/i,
    /ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up/i,
    /bad gateway|service unavailable|gateway time-?out|internal server error/i,
    /blob upload unknown|blob upload invalid/i
];
/** What the docker CLI says when no engine answers at DOCKER_HOST. */
const NO_ENGINE = /Cannot connect to the Docker daemon|error during connect/i;
// No docker engine at all: its fallout ("read/write on closed pipe") must not pass for a flaky network.
const FATAL = [NO_ENGINE];
/**
 * A build step that failed: BuildKit's `process "/bin/sh -c \u2026" did not complete successfully` and the classic
 * builder's `The command '/bin/sh -c \u2026' returned a non-zero code`. The quoted command is the user's, and so
 * are any words in it: such a failure is never retried and never taken for an auth problem.
 */
function buildStepFailed(text) {
    // What `/\bprocess ".*" did not complete successfully/` would match, found with one search per line: that
    // pattern, with `.*` between two literals, takes time quadratic in a line that repeats its opening.
    for (const line of text.split(/[\n\r\u2028\u2029]/))
        for (const [open, close] of STEP_FAILED) {
            const at = line.search(open.re);
            if (at >= 0 && line.lastIndexOf(close) >= at + open.length)
                return true;
        }
    return false;
}
const STEP_FAILED = [
    [{ re: /\bprocess "/, length: 'process "'.length }, '" did not complete successfully'],
    [{ re: /\bThe command '/, length: "The command '".length }, "' returned a non-zero code"]
];
/** Whether an error (or its message) says a build step failed: no hint applies to it. */
const isBuildStepFailure = (error) => buildStepFailed((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error));
/** Classifies free text such as docker's error line or an HTTP error line. */
function classify(text) {
    if (buildStepFailed(text))
        return 'fatal';
    if (AUTH.some(re => re.test(text)))
        return 'auth';
    if (FATAL.some(re => re.test(text)))
        return 'fatal';
    if (TRANSIENT.some(re => re.test(text)))
        return 'transient';
    return 'fatal';
}
function kindOf(err) {
    if (err instanceof ClassifiedError)
        return err.kind;
    const code = err?.code;
    if (typeof code === 'string' &&
        /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/.test(code))
        return 'transient';
    return classify((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(err));
}
/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^[0-9]+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // Only an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also take "-5" or "1.5".
    if (!/^[A-Za-z]{3}, /.test(trimmed))
        return undefined;
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
const DEFAULT_BASE_MS = 1000;
const DEFAULT_MAX_MS = 15000;
/** Full-jitter exponential backoff, floored by the server's Retry-After when it gave one. */
function backoffMs(attempt, { baseMs = DEFAULT_BASE_MS, maxMs = DEFAULT_MAX_MS, random = Math.random }, retryAfterMs) {
    const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
    const jittered = Math.round(cap / 2 + (random() * cap) / 2);
    return retryAfterMs === undefined ? jittered : Math.min(Math.max(jittered, retryAfterMs), maxMs * 4);
}
/**
 * The longest retry() runs when each attempt ends within `attemptMs` and no Retry-After stretches a wait:
 * every attempt with the longest wait before it, cut at `maxElapsedMs` (no attempt starts after that).
 */
function worstRetryMs(attemptMs, opts) {
    let total = attemptMs;
    for (let attempt = 1; attempt < opts.attempts; attempt++)
        total += backoffMs(attempt, { ...opts, random: () => 1 }) + attemptMs;
    return opts.maxElapsedMs === undefined ? total : Math.min(total, opts.maxElapsedMs + attemptMs);
}
const realSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Runs `fn` until it succeeds, fails with a non-transient error, or runs out of attempts. */
async function retry(fn, opts) {
    const now = opts.now ?? Date.now;
    const start = now();
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw aborted(opts.signal);
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (kindOf(error) !== 'transient')
                throw error;
            const retryAfter = error instanceof ClassifiedError ? error.retryAfterMs : undefined;
            const delayMs = backoffMs(attempt, opts, retryAfter);
            const outOfTime = opts.maxElapsedMs !== undefined && now() - start + delayMs > opts.maxElapsedMs;
            if (attempt >= opts.attempts || outOfTime)
                throw gaveUp(error, attempt, outOfTime);
            if (opts.signal?.aborted)
                throw error;
            opts.onRetry?.({ attempt, attempts: opts.attempts, delayMs, error });
            await abortable(delayMs, opts.sleep, opts.signal);
        }
    }
}
const aborted = (signal) => new ClassifiedError(`stopped: ${signal.reason instanceof Error ? signal.reason.message : 'the step has ended'}`, 'fatal');
/**
 * A wait that ends at once when `signal` aborts. The real timer is cleared then, so a failed step's process
 * is not kept alive by a backoff nobody waits for.
 */
function abortable(ms, sleep, signal) {
    if (!signal)
        return (sleep ?? realSleep)(ms);
    return new Promise((resolve, reject) => {
        let timer;
        const stop = () => {
            clearTimeout(timer);
            reject(aborted(signal));
        };
        signal.addEventListener('abort', stop, { once: true });
        const done = () => {
            signal.removeEventListener('abort', stop);
            resolve();
        };
        if (sleep)
            sleep(ms).then(done, reject);
        else
            timer = setTimeout(done, ms);
    });
}
/**
 * The last transient error, told how long we tried, so the one error line tells the whole story. The error
 * it got is never changed (a DOMException's message is read-only, and the error may be shared): a copy of
 * the same class when the message is the error's own, so callers still tell a RegistryError or a DockerError
 * by its class and fields; otherwise a ClassifiedError of the same kind. Either has the error as its cause.
 */
function gaveUp(error, attempt, outOfTime) {
    if (attempt === 1 && !outOfTime)
        return error;
    const told = `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}${outOfTime
        ? ` (gave up after ${attempt} attempt(s): no time left for another)`
        : ` (after ${attempt} attempts)`}`;
    const own = typeof error === 'object' && error !== null && Object.getOwnPropertyDescriptor(error, 'message');
    if (error instanceof Error && own && 'value' in own && typeof own.value === 'string') {
        const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error));
        Object.defineProperty(copy, 'message', { ...own, value: told, writable: true });
        Object.defineProperty(copy, 'cause', { value: error, writable: true, configurable: true });
        // A copy is no native error, so V8 gives it no stack: the original's frames, under the new message.
        const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
        Object.defineProperty(copy, 'stack', {
            value: `${error.name}: ${told}${frames ? `\n${frames}` : ''}`,
            writable: true,
            configurable: true
        });
        return copy;
    }
    const copy = new ClassifiedError(told, kindOf(error), error instanceof ClassifiedError ? error.retryAfterMs : undefined);
    copy.cause = error;
    return copy;
}


/***/ }),

/***/ 8715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ fetchAnswer),
/* harmony export */   a: () => (/* binding */ said)
/* harmony export */ });
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
// One request to a token service over fetch, bounded as a whole: the deadline covers the body as well as the
// headers, the body is read up to a size, and no redirect is followed. Every failure is one classified line
// naming the service: a timeout or a dropped connection is transient, a redirect or an oversized answer is not.


/** `fetch(url, init)` and its body, within `bounds`; a redirect is refused, not followed. */
async function fetchAnswer(url, init, bounds) {
    const signal = AbortSignal.timeout(bounds.timeoutMs);
    const seconds = `${bounds.timeoutMs / 1000} s`;
    let res;
    try {
        res = await fetch(url, { ...init, redirect: 'error', signal });
    }
    catch (error) {
        const cause = error.cause;
        if (/unexpected redirect/i.test((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(cause)))
            throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${bounds.what} answered with a redirect, which is not followed`, 'fatal');
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${bounds.what} could not be reached: ${signal.aborted ? `no answer within ${seconds} (timeout)` : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(cause ?? error), 200)}`, 'transient');
    }
    let text;
    try {
        text = await boundedText(res, bounds);
    }
    catch (error) {
        if (error instanceof _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP)
            throw error;
        const cause = error.cause;
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(signal.aborted
            ? `${bounds.what} did not send its whole answer within ${seconds} (timeout)`
            : `${bounds.what} broke off its answer: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(cause ?? error), 200)}`, 'transient');
    }
    return { status: res.status, headers: res.headers, text };
}
async function boundedText(res, bounds) {
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.length;
        if (size > bounds.maxBytes) {
            await reader.cancel().catch(() => { });
            throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${bounds.what} answered with more than ${bounds.maxBytes} bytes`, 'fatal');
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * The service's own words from a JSON error answer, the first of `keys` that holds a string, as
 * `: words`; nothing for any other body. A raw body is never quoted: it may echo what was sent.
 */
function said(text, keys) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return '';
    }
    if (typeof json !== 'object' || json === null)
        return '';
    for (const key of keys) {
        const value = json[key];
        if (typeof value === 'string' && value.trim())
            return `: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(value, 300)}`;
    }
    return '';
}


/***/ }),

/***/ 3358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkedIdToken: () => (/* binding */ checkedIdToken),
/* harmony export */   githubIdToken: () => (/* binding */ githubIdToken)
/* harmony export */ });
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2020);
/* harmony import */ var _log_masks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5831);
/* harmony import */ var _answer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8715);
// The job's OIDC token from the runner's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), asked as
// @actions/core's getIDToken asks it, but by us: getIDToken masks whatever the endpoint answers before anyone
// looks at it (a value of "a" would hide every "a" in the log), follows a redirect to another host with the
// request token, and quotes an error answer's body. Here the request token is masked before it is sent, no
// redirect is followed, each attempt is bounded, and the value is handed back unmasked for its user to check.




// The endpoint answers `{"value": "<JWT>"}`: a few kilobytes.
const MAX_ANSWER_BYTES = 64 * 1024;
const SERVICE = "GitHub's OIDC token endpoint";
const PERMISSION = 'the job needs "permissions: id-token: write"';
/** The action's IdTokenSource. */
const githubIdToken = async (req) => {
    const env = req.env ?? process.env;
    const fail = (why, kind = 'fatal') => new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${req.purpose}: could not get the job's OIDC token: ${why}`, kind);
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    for (const [name, value] of [
        ['ACTIONS_ID_TOKEN_REQUEST_URL', base],
        ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', requestToken]
    ])
        if (!value)
            throw fail(`${name} is not set (${PERMISSION})`);
    let url;
    try {
        url = new URL(`${base}&audience=${encodeURIComponent(req.audience)}`);
    }
    catch {
        throw fail('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL');
    }
    if (!/^https?:$/.test(url.protocol) || url.username || url.password)
        throw fail('ACTIONS_ID_TOKEN_REQUEST_URL is not an http(s) URL without a user');
    // Masked before it is sent; one that masking would turn against the log is not sent at all.
    if (!(0,_log_masks_js__WEBPACK_IMPORTED_MODULE_2__/* .maskableToken */ .mv)(requestToken) || /\s/.test(requestToken))
        throw fail('ACTIONS_ID_TOKEN_REQUEST_TOKEN is not a token');
    req.onSecret(requestToken);
    const what = `${SERVICE} (${url.origin}) for the ${req.purpose}`;
    const answer = await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(async () => {
        const res = await (0,_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchAnswer */ .$)(url.href, { headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' } }, { what, timeoutMs: req.timeoutMs, maxBytes: MAX_ANSWER_BYTES });
        if (res.status === 200)
            return res.text;
        // Only GitHub's own `message`: an error page may echo the request, token and all.
        const words = `HTTP ${res.status}${(0,_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .said */ .a)(res.text, ['message'])}`;
        if (res.status === 401 || res.status === 403)
            throw fail(`${SERVICE} (${url.origin}) refused: ${words} (${PERMISSION})`, 'auth');
        const transient = res.status === 408 || res.status === 429 || res.status >= 500;
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${what} failed: ${words}`, transient ? 'transient' : 'fatal');
    }, {
        attempts: req.attempts,
        sleep: req.sleep,
        onRetry: info => req.onRetry?.(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
    });
    try {
        return JSON.parse(answer)?.value;
    }
    catch {
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${what} answered with something that is not JSON`, 'fatal');
    }
};
// A JWT: three base64url parts. A real one is around a kilobyte; far larger is not one.
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_JWT_CHARS = 16 * 1024;
/** The ID token if `value` is one that can be masked and sent; an error naming what is wrong otherwise. */
function checkedIdToken(value, purpose) {
    const bad = (why) => new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${purpose}: the job's OIDC token is unusable: ${why}`, 'fatal');
    if (typeof value !== 'string')
        throw bad(`the answer holds ${value === undefined ? 'no' : 'a non-string'} value`);
    if (value.length > MAX_JWT_CHARS || !JWT.test(value))
        throw bad(`it is not a JWT (three base64url parts, at most ${MAX_JWT_CHARS} characters)`);
    if (!(0,_log_masks_js__WEBPACK_IMPORTED_MODULE_2__/* .maskableToken */ .mv)(value))
        throw bad('it is too short or too much like a digest to be masked');
    return value;
}


/***/ })

};
;