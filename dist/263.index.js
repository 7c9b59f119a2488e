"use strict";
exports.id = 263;
exports.ids = [263];
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
/* harmony export */   ie: () => (/* binding */ stoppedWhy),
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
    if (opts.maxElapsedMs === undefined)
        return total;
    const windowOpens = opts.windowFromFailure ? attemptMs : 0;
    return Math.min(total, windowOpens + opts.maxElapsedMs + attemptMs);
}
const realSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Runs `fn` until it succeeds, fails with a non-transient error, or runs out of attempts. */
async function retry(fn, opts) {
    const now = opts.now ?? Date.now;
    let start = opts.windowFromFailure ? undefined : now();
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw aborted(opts.signal);
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (kindOf(error) !== 'transient')
                throw error;
            start ??= now();
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
/** A wait or an attempt that `signal` stopped: a cancel says so alone, as the run's error line. */
function aborted(signal) {
    const why = stoppedWhy(signal);
    return new ClassifiedError(CANCELLED.test(why) ? why : `stopped: ${why}`, 'fatal');
}
const CANCELLED = /^the run was cancelled \(/;
/**
 * Why an aborted `signal` stopped the work, for its error line: its Error's message, a cancel's signal
 * (`runCancelled` aborts with the signal's name), or the step having ended elsewhere.
 */
function stoppedWhy(signal) {
    const reason = signal.reason;
    if (reason instanceof Error)
        return reason.message;
    if (typeof reason === 'string' && /^SIG[A-Z]+$/.test(reason))
        return `the run was cancelled (${reason})`;
    return 'the step has ended';
}
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

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Mr: () => (/* binding */ orMissing),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   _M: () => (/* binding */ where),
/* harmony export */   b2: () => (/* binding */ isMissing),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   p2: () => (/* binding */ httpError)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2020);
// How a failed registry interaction reads: one class for every layer, and the registry's own words.



/** A failed registry interaction; `kind` drives retry() through ClassifiedError. */
class RegistryError extends _core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .ClassifiedError */ .IP {
    /** HTTP status, when the registry answered. */
    status;
    /** First `errors[].code` of the registry's JSON body, or the system error code (ECONNREFUSED, ...). */
    code;
    constructor(message, kind, details = {}) {
        super(message, kind, details.retryAfterMs);
        this.name = 'RegistryError';
        this.status = details.status;
        this.code = details.code;
    }
}
/** A URL as errors name it: no query, which may carry a scope or an account. */
function where(url) {
    return `${url.origin}${url.pathname}`;
}
function headerValue(value) {
    return Array.isArray(value) ? value.join(', ') : value;
}
/** The registry's own words from a distribution error body, or a token server's `details`/`error`. */
function errorBodyMessage(body) {
    const text = body.toString('utf8').trim();
    if (text === '')
        return {};
    try {
        const json = JSON.parse(text);
        const first = Array.isArray(json.errors) ? json.errors[0] : undefined;
        if (first) {
            const code = typeof first.code === 'string' ? first.code : undefined;
            const message = typeof first.message === 'string' ? first.message : undefined;
            return { code, message };
        }
        for (const value of [json.details, json.error_description, json.message, json.error]) {
            if (typeof value === 'string' && value !== '')
                return { message: value };
        }
        return {};
    }
    catch {
        // Proxies answer with HTML pages; their markup is noise in a one-line error.
        return /^</.test(text) ? {} : { message: text };
    }
}
// An Authorization header in any dump a server may echo (raw HTTP, JSON, Go's map[...]), scheme kept;
// and a bare credential after Basic/Bearer, told from a plain word by a digit or punctuation. Both run on
// whatever a server sent, so no two quantifiers may compete for the same characters: the whitespace after
// the colon is matched once (`\s*` then `(?:\[\s*)?`, not `\s*\[?\s*`), or a long run of it takes time
// quadratic in its length, with the whole process blocked.
const AUTHORIZATION_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*(?:\[\s*)?["']?)(?:([A-Za-z]+)\s+)?[^\s"',;\]}]+/gi;
const SCHEME_CREDENTIAL = /\b(basic|bearer)\s+(?=[A-Za-z0-9._~+/-]*[0-9._~+/=])[A-Za-z0-9._~+/-]+=*/gi;
/** RFC 3986's encoding, as URLSearchParams writes a form: encodeURIComponent leaves !'()* alone. */
const strictlyEncoded = (s) => encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** `text` without anything that looks like an Authorization header, nor any of `secrets`. */
function redact(text, secrets = []) {
    let out = text
        .replace(AUTHORIZATION_HEADER, (_all, lead, scheme) => `${lead}${scheme ? `${scheme} ` : ''}***`)
        .replace(SCHEME_CREDENTIAL, '$1 ***');
    // Longest first, so a secret containing another is replaced whole; URL-encoded too, as a form echoes it.
    const forms = [...secrets]
        .flatMap(s => [s, encodeURIComponent(s), strictlyEncoded(s)])
        .filter(s => s !== '');
    for (const secret of forms.sort((a, b) => b.length - a.length))
        out = out.split(secret).join('***');
    return out;
}
/**
 * An HTTP answer as an error: the method, where, the status and the registry's explanation, which is
 * redacted before it is cut to one line, so that no part of a secret survives the cut.
 */
function httpError(method, url, res, kind, what = '', secrets = []) {
    const body = errorBodyMessage(res.body);
    // A code is a short identifier (BLOB_UNKNOWN); whatever else a server puts there is cut like its message.
    const code = body.code === undefined ? undefined : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(redact(body.code, secrets), 60);
    const message = body.message === undefined ? undefined : redact(body.message, secrets);
    const text = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(message ?? (node_http__WEBPACK_IMPORTED_MODULE_0___default().STATUS_CODES)[res.status] ?? '', 300);
    const prefix = what ? `${what} ` : '';
    return new RegistryError(`${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`, kind, { status: res.status, code, retryAfterMs: (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(headerValue(res.headers['retry-after'])) });
}
/** Whether a registry answered 404: no such tag, manifest or blob there. */
const isMissing = (error) => error instanceof RegistryError && error.status === 404;
/** What `read` gives, or undefined where the registry has no such thing (404); any other failure stands. */
async function orMissing(read) {
    try {
        return await read;
    }
    catch (error) {
        if (isMissing(error))
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 4263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bf: () => (/* binding */ nodeCanProxy),
/* harmony export */   EK: () => (/* binding */ proxyRules),
/* harmony export */   GU: () => (/* binding */ agentProxyOptions),
/* harmony export */   ec: () => (/* binding */ proxyName),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   kC: () => (/* binding */ forwardedBy),
/* harmony export */   rZ: () => (/* binding */ proxyRefused),
/* harmony export */   xc: () => (/* binding */ proxyToUse),
/* harmony export */   xh: () => (/* binding */ proxyFailure)
/* harmony export */ });
/* unused harmony export unusableProxy */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2020);
/* harmony import */ var _log_masks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5831);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6764);
// Which proxy a registry request goes through, by the rules of Go's ProxyFromEnvironment
// (golang.org/x/net/http/httpproxy), which dockerd and the docker CLI follow, so that our requests take the
// way docker's do: HTTPS_PROXY for https URLs and HTTP_PROXY for http ones (the uppercase name first),
// NO_PROXY's hosts, domains, IPs and CIDRs, and never a proxy for localhost or a loopback IP. Node's own
// reading (`proxyEnv`) differs on all of these, so it is handed only the proxy chosen here.






const NONE = { bypass: { ips: [], domains: [] } };
/** The first of `names` set to something, as Go's getEnvAny reads them. */
function firstSet(env, names) {
    for (const name of names) {
        const value = env[name];
        if (value)
            return { name, value };
    }
    return undefined;
}
/**
 * A proxy variable's value as Go reads it: a URL, or `host[:port]` with `http://` assumed. A value that
 * parses as neither is ignored, as Go ignores it. A scheme other than http(s) is kept, to be refused
 * where it would be used (proxyFor's caller), rather than read as a host name.
 */
function parseProxy(variable, value) {
    const text = value.trim();
    try {
        return { url: new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`), variable };
    }
    catch {
        return undefined;
    }
}
/** `host:port` or `[v6]:port` split as Go's net.SplitHostPort does; undefined without a port. */
function splitHostPort(entry) {
    if (entry.startsWith('[')) {
        const m = /^\[([^\]]*)\]:([^:]*)$/.exec(entry);
        return m ? { host: m[1], port: m[2] } : undefined;
    }
    const colon = entry.indexOf(':');
    if (colon < 0 || entry.indexOf(':', colon + 1) >= 0)
        return undefined;
    return { host: entry.slice(0, colon), port: entry.slice(colon + 1) };
}
const family = (ip) => ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(ip) === 6 ? 'ipv6' : 'ipv4');
/** NO_PROXY as httpproxy's config.init reads it: best effort, malformed entries skipped. */
function bypassList(value) {
    const ips = [];
    const domains = [];
    for (const raw of value.split(',')) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return 'all';
        const cidr = /^([^/]+)\/([0-9]{1,3})$/.exec(entry);
        if (cidr && (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(cidr[1]) && Number(cidr[2]) <= ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(cidr[1]) === 6 ? 128 : 32)) {
            const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
            list.addSubnet(cidr[1], Number(cidr[2]), family(cidr[1]));
            ips.push({ ips: list, port: '' });
            continue;
        }
        const split = splitHostPort(entry);
        if (split && !split.host)
            continue;
        let host = split?.host ?? entry;
        const port = split?.port ?? '';
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host)) {
            const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
            list.addAddress(host, family(host));
            ips.push({ ips: list, port });
            continue;
        }
        if (host.startsWith('*.'))
            host = host.slice(1);
        const exact = !host.startsWith('.');
        const suffix = exact ? `.${host}` : host;
        // A Unicode name matches the punycode URL hosts carry.
        domains.push({
            suffix: /^[\x20-\x7e]*$/.test(suffix) ? suffix : (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(suffix) || suffix,
            exact,
            port
        });
    }
    return { ips, domains };
}
/** The proxy variables of `env`, read once per run. */
function proxyRules(env) {
    const https = firstSet(env, ['HTTPS_PROXY', 'https_proxy']);
    const http = firstSet(env, ['HTTP_PROXY', 'http_proxy']);
    if (!https && !http)
        return NONE;
    return {
        https: https && parseProxy(https.name, https.value),
        http: http && parseProxy(http.name, http.value),
        bypass: bypassList(firstSet(env, ['NO_PROXY', 'no_proxy'])?.value ?? '')
    };
}
const LOOPBACK = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
// ::ffff:127.0.0.1 as URLs write it: Go's IsLoopback sees the IPv4 inside.
LOOPBACK.addSubnet('::ffff:7f00:0', 104, 'ipv6');
/** The proxy a request to `url` goes through, or undefined for a direct connection. */
function proxyFor(url, rules) {
    const proxy = url.protocol === 'https:' ? rules.https : url.protocol === 'http:' ? rules.http : undefined;
    if (!proxy)
        return undefined;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (host === 'localhost')
        return undefined;
    const ip = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) ? host : undefined;
    if (ip && LOOPBACK.check(ip, family(ip)))
        return undefined;
    const { bypass } = rules;
    if (bypass === 'all')
        return undefined;
    const portMatches = (wanted) => wanted === '' || wanted === port;
    if (ip && bypass.ips.some(m => m.ips.check(ip, family(ip)) && portMatches(m.port)))
        return undefined;
    const named = bypass.domains.some(m => (host.endsWith(m.suffix) || (m.exact && host === m.suffix.slice(1))) && portMatches(m.port));
    return named ? undefined : proxy;
}
/** How messages name a proxy: where it is and which variable said so, never its credentials. */
const proxyName = (proxy) => `the proxy ${proxy.url.protocol}//${proxy.url.host} (${proxy.variable})`;
/** Whether this node's http and https agents can send through a proxy (`proxyEnv`: 24.5+, 22.21+). */
function nodeCanProxy(version = process.versions.node) {
    const [major, minor] = version.split('.').map(Number);
    return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21);
}
/**
 * The proxy a request to `url` is sent through by node's agents: `proxyFor`'s choice, refused when node
 * cannot speak its scheme, and none (a direct connection, after `onWarning`) when this node cannot proxy.
 */
function proxyToUse(method, url, rules, onWarning, version = process.versions.node) {
    const proxy = rules && proxyFor(url, rules);
    if (!proxy)
        return undefined;
    const unusable = unusableProxy(method, url, proxy);
    if (unusable)
        throw unusable;
    if (nodeCanProxy(version))
        return proxy;
    onWarning(`${proxyName(proxy)} applies to ${url.host}, but node ${version} cannot send requests through a proxy (node 24.5 or later can): connecting directly`);
    return undefined;
}
/** What an http(s) agent is given to send through `proxy`, or directly when there is none. */
function agentProxyOptions(proxy, tls, timeoutMs) {
    // Only the proxy chosen by docker's rules: an empty proxyEnv keeps node from applying its own reading of
    // the environment (NODE_USE_ENV_PROXY) to a connection those rules keep direct.
    if (!proxy)
        return { proxyEnv: {} };
    return {
        proxyEnv: { [tls ? 'HTTPS_PROXY' : 'HTTP_PROXY']: proxy.url.href },
        // A proxy that takes the connection and never answers CONNECT gives the request no socket, so a
        // deadline that starts with the socket never starts: the agent's timeout bounds the tunnel.
        timeout: timeoutMs
    };
}
/** A proxy whose scheme node's agents cannot speak (socks5://\u2026): refused before any request. */
function unusableProxy(method, url, proxy) {
    if (proxy.url.protocol === 'http:' || proxy.url.protocol === 'https:')
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .where */ ._M)(url)}: ${proxyName(proxy)} is a ${proxy.url.protocol.slice(0, -1)} proxy, which the registry client cannot use: give an http:// or https:// proxy, or list the registry in NO_PROXY`, 'fatal');
}
/** 407 is final (the credentials will not change between attempts); a proxy's 5xx, 408 or 429 is not. */
function statusKind(status) {
    return status === 408 || status === 429 || status >= 500 ? 'transient' : 'fatal';
}
/**
 * A proxy's refusal (an answer to CONNECT, or a 407 to a plain-HTTP request) as one line naming the proxy
 * and the registry's URL.
 */
function proxyRefused(method, url, proxy, status) {
    const what = status === 407
        ? proxy.url.username || proxy.url.password
            ? `refused the credentials in ${proxy.variable} (HTTP 407)`
            : `asks for credentials (HTTP 407): give them in ${proxy.variable} as http://user:password@host:port`
        : `refused the request with HTTP ${status}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .where */ ._M)(url)} failed: ${proxyName(proxy)} ${what}`, statusKind(status), {
        status,
        code: 'PROXY'
    });
}
/** A request through `proxy` that failed: a refused tunnel by its status, anything else with node's words. */
function proxyFailure(method, url, proxy, err) {
    const status = err?.statusCode;
    if (err?.code === 'ERR_PROXY_TUNNEL' && typeof status === 'number')
        return proxyRefused(method, url, proxy, status);
    const code = err?.code;
    // Node's words name the proxy's address at most, but a URL in them is cleared of its userinfo all the same.
    const said = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(err), (0,_log_masks_js__WEBPACK_IMPORTED_MODULE_3__/* .urlSecrets */ .Fn)(proxy.url.href)), 300);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .where */ ._M)(url)} failed through ${proxyName(proxy)}: ${said}`, (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .kindOf */ .I)(err), {
        code: typeof code === 'string' ? code : undefined
    });
}
/**
 * A registry's answer to a plain-HTTP request sent through `proxy`, which forwards it rather than tunnel
 * it: a 5xx may be the proxy's own (a 502 when it cannot reach the registry), so the line names it too.
 */
const forwardedBy = (error, proxy) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`${error.message} (through ${proxyName(proxy)})`, error.kind, {
    status: error.status,
    code: error.code,
    retryAfterMs: error.retryAfterMs
});


/***/ })

};
;