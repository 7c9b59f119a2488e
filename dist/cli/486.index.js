"use strict";
exports.id = 486;
exports.ids = [486];
exports.modules = {

/***/ 7486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hubOidcToken: () => (/* binding */ hubOidcToken)
/* harmony export */ });
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
// Docker Hub's login through GitHub's OIDC token, as login-action does it: the job's ID token (audience:
// Docker's identity service) is exchanged (RFC 8693) for a short-lived Hub token under an OIDC connection.


// An answer holding a token is small; a larger one is not read to its end.
const MAX_ANSWER_BYTES = 64 * 1024;
const SERVICE = "Docker Hub's OIDC exchange";
async function hubOidcToken(req) {
    const { settings } = req;
    let idToken;
    try {
        idToken = await withDeadline(req.idToken(settings.audience), req.timeoutMs, 'the GitHub OIDC token');
    }
    catch (error) {
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`Docker Hub OIDC login for ${req.registry}: could not get the job's OIDC token (the job needs "permissions: id-token: write"): ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error), 300)}`, 'fatal');
    }
    req.onSecret(idToken);
    const body = new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        subject_token: idToken,
        connection_id: settings.connectionId,
        expires_in: String(settings.expiresIn)
    }).toString();
    const started = Date.now();
    const answer = await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(() => exchange(req, body), {
        attempts: req.attempts,
        sleep: req.sleep,
        onRetry: info => req.onRetry?.(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
    });
    const token = answer?.access_token;
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,8192}$/.test(token))
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${SERVICE} gave no usable token for ${req.registry}`, 'fatal');
    return { username: req.username, password: token, expiresAt: started + settings.expiresIn * 1000 };
}
/** One POST to the exchange: the parsed answer, or an error classified for retry() (a refusal is final). */
async function exchange(req, body) {
    let res;
    try {
        res = await fetch(req.settings.endpoint, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body,
            redirect: 'error',
            signal: AbortSignal.timeout(req.timeoutMs)
        });
    }
    catch (error) {
        const cause = error.cause;
        throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${SERVICE} (${origin(req)}) for ${req.registry} could not be reached: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(cause ?? error), 200)}`, 'transient');
    }
    const text = await boundedText(res);
    if (res.ok) {
        try {
            return JSON.parse(text);
        }
        catch {
            throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${SERVICE} for ${req.registry} answered with something that is not JSON`, 'fatal');
        }
    }
    const transient = res.status === 429 || res.status >= 500;
    throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${SERVICE} refused the login for ${req.registry}: HTTP ${res.status}${said(text)}`, transient ? 'transient' : 'auth', transient ? (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')) : undefined);
}
const origin = (req) => new URL(req.settings.endpoint).origin;
/** The service's own words from an OAuth error answer (`error_description`, `message`, `error`). */
function said(text) {
    let words = '';
    try {
        const json = JSON.parse(text);
        for (const key of ['error_description', 'message', 'detail', 'error'])
            if (typeof json[key] === 'string' && json[key]) {
                words = json[key];
                break;
            }
    }
    catch {
        words = /^\s*</.test(text) ? '' : text;
    }
    words = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(words, 300);
    return words ? `: ${words}` : '';
}
async function boundedText(res) {
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
        if (size > MAX_ANSWER_BYTES) {
            await reader.cancel();
            throw new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${SERVICE} answered with more than ${MAX_ANSWER_BYTES} bytes`, 'fatal');
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function withDeadline(promise, ms, what) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not come within ${ms / 1000} s`)), ms);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}


/***/ })

};
;