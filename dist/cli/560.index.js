"use strict";
exports.id = 560;
exports.ids = [560];
exports.modules = {

/***/ 1560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hubOidcToken: () => (/* binding */ hubOidcToken)
});

// EXTERNAL MODULE: ./src/core/retry.ts
var core_retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var registry_proxy = __webpack_require__(4263);
;// CONCATENATED MODULE: ./src/registry/cloud/answer.ts
// One request to a token service, bounded as a whole: the deadline covers the body as well as the headers, the
// body is read up to a size, and no redirect is followed. It goes through the proxy docker's rules choose
// (proxy.ts), as the registry client's requests do, by node's own agents rather than fetch: fetch would
// apply node's reading of the proxy variables instead (NODE_USE_ENV_PROXY). Every failure is one classified
// line naming the service (and the proxy): a timeout or a dropped connection is transient, a redirect, an
// oversized answer or a proxy's 407 is not.




// What fetch's `redirect: 'error'` refuses.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** `url` asked once and its body read, within `bounds`; a redirect is refused, not followed. */
async function answer_fetchAnswer(url, init, bounds) {
    const target = new URL(url);
    const method = init.method ?? 'GET';
    const { what, signal } = bounds;
    const stopped = (s) => new core_retry/* ClassifiedError */.IP(`${what} stopped: ${(0,core_retry/* stoppedWhy */.ie)(s)}`, 'fatal');
    if (signal?.aborted)
        throw stopped(signal);
    const proxy = (0,registry_proxy/* proxyToUse */.xc)(method, target, bounds.proxy, m => bounds.onWarning?.(m));
    const through = proxy ? ` through ${(0,registry_proxy/* proxyName */.ec)(proxy)}` : '';
    const seconds = `${bounds.timeoutMs / 1000} s`;
    // TLS is loaded only for an https URL, as the registry client loads it.
    const tls = target.protocol === 'https:' ? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default : undefined;
    // One agent per request: a token is asked for once or twice a run, and nothing is left open after it.
    const agent = new (tls ?? (external_node_http_default())).Agent((0,registry_proxy/* agentProxyOptions */.GU)(proxy, !!tls, bounds.timeoutMs));
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = { ...init.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
    try {
        return await new Promise((resolve, reject) => {
            let answered = false;
            const fail = (error) => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
                req.destroy();
                reject(error);
            };
            const onAbort = () => fail(stopped(signal));
            /** A failure of the request itself: through a proxy in proxy.ts's words, which name the proxy. */
            const unreached = (error) => {
                if (!proxy)
                    return new core_retry/* ClassifiedError */.IP(`${what} could not be reached: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error), 200)}`, 'transient');
                const failure = (0,registry_proxy/* proxyFailure */.xh)(method, target, proxy, error);
                return new core_retry/* ClassifiedError */.IP(`${what} could not be reached: ${failure.message}`, failure.kind);
            };
            const timer = setTimeout(() => fail(new core_retry/* ClassifiedError */.IP(answered
                ? `${what} did not send its whole answer within ${seconds} (timeout)`
                : `${what} could not be reached${through}: no answer within ${seconds} (timeout)`, 'transient')), bounds.timeoutMs);
            const req = (tls ?? (external_node_http_default())).request(target, { method, headers, agent }, res => {
                answered = true;
                const status = res.statusCode ?? 0;
                if (proxy && status === 407) {
                    const refused = (0,registry_proxy/* proxyRefused */.rZ)(method, target, proxy, status);
                    return fail(new core_retry/* ClassifiedError */.IP(`${what} could not be reached: ${refused.message}`, refused.kind));
                }
                if (REDIRECTS.has(status))
                    return fail(new core_retry/* ClassifiedError */.IP(`${what} answered with a redirect, which is not followed`, 'fatal'));
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > bounds.maxBytes)
                        fail(new core_retry/* ClassifiedError */.IP(`${what} answered with more than ${bounds.maxBytes} bytes`, 'fatal'));
                    else
                        chunks.push(chunk);
                });
                const brokenOff = (words) => fail(new core_retry/* ClassifiedError */.IP(`${what} broke off its answer: ${(0,core_text/* oneLine */.TN)(words, 200)}`, 'transient'));
                res.on('error', error => brokenOff((0,core_text/* messageOf */.bD)(error)));
                res.on('close', () => {
                    if (!res.complete)
                        brokenOff('the connection closed mid-answer');
                });
                res.on('end', () => {
                    clearTimeout(timer);
                    signal?.removeEventListener('abort', onAbort);
                    resolve({ status, headers: headersOf(res.headers), text: Buffer.concat(chunks).toString('utf8') });
                });
            });
            req.on('error', error => fail(answered
                ? new core_retry/* ClassifiedError */.IP(`${what} broke off its answer: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error), 200)}`, 'transient')
                : unreached(error)));
            if (signal?.aborted)
                return onAbort();
            signal?.addEventListener('abort', onAbort, { once: true });
            req.end(body);
        });
    }
    finally {
        agent.destroy();
    }
}
function headersOf(raw) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(raw))
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
    return headers;
}
/**
 * The service's own words from a JSON error answer, the first of `keys` that holds a string, as
 * `: words`; nothing for any other body. A raw body is never quoted: it may echo what was sent.
 */
function answer_said(text, keys) {
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
            return `: ${(0,core_text/* oneLine */.TN)(value, 300)}`;
    }
    return '';
}

// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __webpack_require__(5831);
;// CONCATENATED MODULE: ./src/registry/cloud/github-oidc.ts
// The job's OIDC token from the runner's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), asked as
// @actions/core's getIDToken asks it, but by us: getIDToken masks whatever the endpoint answers before anyone
// looks at it (a value of "a" would hide every "a" in the log), follows a redirect to another host with the
// request token, and quotes an error answer's body. Here the request token is masked before it is sent, no
// redirect is followed, each attempt is bounded, and the value is handed back unmasked for its user to check.




// The endpoint answers `{"value": "<JWT>"}`: a few kilobytes.
const MAX_ANSWER_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
const SERVICE = "GitHub's OIDC token endpoint";
const PERMISSION = 'the job needs "permissions: id-token: write"';
/** The action's IdTokenSource. */
const githubIdToken = async (req) => {
    const env = req.env ?? process.env;
    const fail = (why, kind = 'fatal') => new ClassifiedError(`${req.purpose}: could not get the job's OIDC token: ${why}`, kind);
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
    if (!maskableToken(requestToken) || /\s/.test(requestToken))
        throw fail('ACTIONS_ID_TOKEN_REQUEST_TOKEN is not a token');
    req.onSecret(requestToken);
    const what = `${SERVICE} (${url.origin}) for the ${req.purpose}`;
    const answer = await retry(async () => {
        const res = await fetchAnswer(url.href, { headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' } }, {
            what,
            timeoutMs: req.timeoutMs,
            maxBytes: MAX_ANSWER_BYTES,
            proxy: req.proxy,
            onWarning: req.onWarning,
            signal: req.signal
        });
        if (res.status === 200)
            return res.text;
        // Only GitHub's own `message`: an error page may echo the request, token and all.
        const words = `HTTP ${res.status}${said(res.text, ['message'])}`;
        if (res.status === 401 || res.status === 403)
            throw fail(`${SERVICE} (${url.origin}) refused: ${words} (${PERMISSION})`, 'auth');
        const transient = res.status === 408 || res.status === 429 || res.status >= 500;
        throw new ClassifiedError(`${what} failed: ${words}`, transient ? 'transient' : 'fatal');
    }, {
        attempts: req.attempts,
        sleep: req.sleep,
        signal: req.signal,
        onRetry: info => req.onRetry?.(`${messageOf(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
    });
    try {
        return JSON.parse(answer)?.value;
    }
    catch {
        throw new ClassifiedError(`${what} answered with something that is not JSON`, 'fatal');
    }
};
// A JWT: three base64url parts. A real one is around a kilobyte; far larger is not one.
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_JWT_CHARS = 16 * 1024;
/** The ID token if `value` is one that can be masked and sent; an error naming what is wrong otherwise. */
function checkedIdToken(value, purpose) {
    const bad = (why) => new core_retry/* ClassifiedError */.IP(`${purpose}: the job's OIDC token is unusable: ${why}`, 'fatal');
    if (typeof value !== 'string')
        throw bad(`the answer holds ${value === undefined ? 'no' : 'a non-string'} value`);
    if (value.length > MAX_JWT_CHARS || !JWT.test(value))
        throw bad(`it is not a JWT (three base64url parts, at most ${MAX_JWT_CHARS} characters)`);
    if (!(0,masks/* maskableToken */.mv)(value))
        throw bad('it is too short or too much like a digest to be masked');
    return value;
}

;// CONCATENATED MODULE: ./src/registry/cloud/hub-oidc.ts
// Docker Hub's login through GitHub's OIDC token, as login-action does it: the job's ID token (audience:
// Docker's identity service) is exchanged (RFC 8693) for a short-lived Hub token under an OIDC connection.




// An answer holding a token is small; a larger one is not read to its end.
const hub_oidc_MAX_ANSWER_BYTES = 64 * 1024;
const hub_oidc_SERVICE = "Docker Hub's OIDC exchange";
async function hubOidcToken(req) {
    const { settings } = req;
    const purpose = `Docker Hub OIDC login for ${req.registry}`;
    const onRetry = (info) => req.onRetry?.(`${(0,core_text/* messageOf */.bD)(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`);
    // Checked before it is masked: masking a value such as `a` or `sha256` would hide it all over the log.
    const idToken = checkedIdToken(await req.idToken({
        audience: settings.audience,
        purpose,
        attempts: req.attempts,
        timeoutMs: req.timeoutMs,
        sleep: req.sleep,
        onRetry: req.onRetry,
        onSecret: req.onSecret,
        proxy: req.proxy,
        onWarning: req.onWarning,
        signal: req.signal
    }), purpose);
    req.onSecret(idToken);
    const body = new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        subject_token: idToken,
        connection_id: settings.connectionId,
        expires_in: String(settings.expiresIn)
    }).toString();
    const started = Date.now();
    const answer = await (0,core_retry/* retry */.L5)(() => exchange(req, body), {
        attempts: req.attempts,
        sleep: req.sleep,
        signal: req.signal,
        onRetry
    });
    const token = answer?.access_token;
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,8192}$/.test(token))
        throw new core_retry/* ClassifiedError */.IP(`${hub_oidc_SERVICE} gave no usable token for ${req.registry}`, 'fatal');
    return { username: req.username, password: token, expiresAt: started + settings.expiresIn * 1000 };
}
/** One POST to the exchange: the parsed answer, or an error classified for retry() (a refusal is final). */
async function exchange(req, body) {
    const res = await answer_fetchAnswer(req.settings.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body
    }, {
        what: `${hub_oidc_SERVICE} (${new URL(req.settings.endpoint).origin}) for ${req.registry}`,
        timeoutMs: req.timeoutMs,
        maxBytes: hub_oidc_MAX_ANSWER_BYTES,
        proxy: req.proxy,
        onWarning: req.onWarning,
        signal: req.signal
    });
    if (res.status >= 200 && res.status < 300) {
        try {
            return JSON.parse(res.text);
        }
        catch {
            throw new core_retry/* ClassifiedError */.IP(`${hub_oidc_SERVICE} for ${req.registry} answered with something that is not JSON`, 'fatal');
        }
    }
    const transient = res.status === 429 || res.status >= 500;
    // The service's own words from an OAuth error answer; never its raw body, which may echo the form sent.
    const words = answer_said(res.text, ['error_description', 'message', 'detail', 'error']);
    throw new core_retry/* ClassifiedError */.IP(`${hub_oidc_SERVICE} refused the login for ${req.registry}: HTTP ${res.status}${words}`, transient ? 'transient' : 'auth', transient ? (0,core_retry/* parseRetryAfter */.mu)(res.headers.get('retry-after')) : undefined);
}


/***/ })

};
;