"use strict";
exports.id = 51;
exports.ids = [51];
exports.modules = {

/***/ 4051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrToken: () => (/* binding */ ecrToken)
/* harmony export */ });
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2020);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4263);



// An authorization token is a few kilobytes of base64("AWS:<password>"); anything far larger is not one.
const MAX_TOKEN_CHARS = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// An answer is the token and a little JSON around it; the SDK reads no more than this of a body.
const MAX_ANSWER_BYTES = 2 * MAX_TOKEN_CHARS;
/** The SDK's body reader, stopped past `max` bytes: the SDK would read any answer whole. */
class AnswerTooLarge extends Error {
}
const boundedCollector = (max) => async (stream) => {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (size > max) {
            ;
            stream.destroy?.();
            throw new AnswerTooLarge();
        }
        chunks.push(bytes);
    }
    return Buffer.concat(chunks);
};
/** One GetAuthorizationToken call; the username and password it hands out, checked before use. */
async function ecrToken(req) {
    const service = req.public ? 'AWS ECR Public' : 'AWS ECR';
    const config = {
        region: req.region,
        // Retries are ours: each attempt is bounded as a whole, which the SDK's own retries are not.
        maxAttempts: 1,
        streamCollector: boundedCollector(MAX_ANSWER_BYTES),
        requestHandler: await proxiedHandler(req),
        ...(req.accessKey
            ? { credentials: { accessKeyId: req.accessKey.id, secretAccessKey: req.accessKey.secret } }
            : {})
    };
    // One client for every attempt: a clock skew it corrects holds for the next.
    let send;
    let destroy;
    if (req.public) {
        const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(821)]).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
        const client = new ECRPUBLICClient(config);
        send = async (abortSignal) => (await client.send(new GetAuthorizationTokenCommand({}), { abortSignal })).authorizationData;
        destroy = () => client.destroy();
    }
    else {
        const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
        const client = new ECRClient(config);
        const input = req.registryId ? { registryIds: [req.registryId] } : {};
        send = async (abortSignal) => (await client.send(new GetAuthorizationTokenCommand(input), { abortSignal })).authorizationData?.[0];
        destroy = () => client.destroy();
    }
    try {
        const data = await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(() => attempt(send, req, service), {
            attempts: req.attempts,
            sleep: req.sleep,
            signal: req.signal,
            onRetry: info => req.onRetry?.(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
        });
        return tokenOf(service, req.registry, data);
    }
    finally {
        destroy();
    }
}
/**
 * The SDK's HTTP handler, choosing for each request the proxy docker's rules give its URL (the endpoint is
 * the SDK's to resolve: the region's, FIPS, dual-stack or AWS_ENDPOINT_URL_ECR's), each way with its own
 * agents. A proxy's failure is one line naming it, a 407 (a plain-HTTP endpoint's) included.
 */
async function proxiedHandler(req) {
    const [{ NodeHttpHandler }, http, https] = await Promise.all([
        __webpack_require__.e(/* import() */ 279).then(__webpack_require__.t.bind(__webpack_require__, 1279, 19)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))
    ]);
    const handlers = new Map();
    const handlerOf = (proxy) => {
        const key = proxy?.url.href ?? '';
        let made = handlers.get(key);
        if (!made) {
            const agent = (Agent, tls) => new Agent({ keepAlive: true, ...(0,_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .agentProxyOptions */ .GU)(proxy, tls, req.timeoutMs) });
            made = new NodeHttpHandler({
                httpAgent: agent(http.default.Agent, false),
                httpsAgent: agent(https.default.Agent, true)
            });
            handlers.set(key, made);
        }
        return made;
    };
    let warned = false;
    const handle = async (request, options) => {
        const port = request.port ? `:${request.port}` : '';
        const url = new URL(`${request.protocol}//${request.hostname}${port}${request.path}`);
        const method = request.method;
        const proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyToUse */ .xc)(method, url, req.proxy, message => {
            if (!warned)
                req.onWarning?.(message);
            warned = true;
        });
        let out;
        try {
            out = await handlerOf(proxy).handle(request, options);
        }
        catch (error) {
            throw proxy && !options?.abortSignal?.aborted ? (0,_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyFailure */ .xh)(method, url, proxy, error) : error;
        }
        if (proxy && out.response.statusCode === 407)
            throw (0,_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyRefused */ .rZ)(method, url, proxy, 407);
        return out;
    };
    return {
        handle,
        destroy: () => handlers.forEach(h => h.destroy()),
        // Asked only by SDK extensions that change the handler's settings; none is used.
        updateHttpClientConfig: () => { },
        httpHandlerConfigs: () => ({})
    };
}
/**
 * One call within the deadline, body included: the SDK's own timeouts end once the headers are in, and
 * the abort signal reaches the body's read. The race ends the attempt even where the signal goes unheard
 * (a credential provider's own request).
 */
async function attempt(send, req, service) {
    const controller = new AbortController();
    const timedOut = new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${service} gave no login for ${req.registry}: no AWS credentials and answer within ${req.timeoutMs / 1000} s (timeout; the credentials come first, from the environment, a web identity or the instance)`, 'transient');
    let timer;
    let stop;
    // Ended by the deadline, or by a cancel, whichever comes first; the SDK's request is aborted either way.
    let ended;
    const end = new Promise((_, reject) => {
        const endWith = (error) => {
            ended ??= error;
            controller.abort();
            reject(ended);
        };
        timer = setTimeout(() => endWith(timedOut), req.timeoutMs);
        const cancelled = req.signal;
        if (!cancelled)
            return;
        stop = () => endWith(new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${service} login for ${req.registry} stopped: ${(0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .stoppedWhy */ .ie)(cancelled)}`, 'fatal'));
        if (cancelled.aborted)
            stop();
        else
            cancelled.addEventListener('abort', stop, { once: true });
    });
    try {
        return await Promise.race([
            send(controller.signal).catch((error) => {
                throw ended ?? awsError(service, req.registry, error);
            }),
            end
        ]);
    }
    finally {
        clearTimeout(timer);
        if (stop)
            req.signal?.removeEventListener('abort', stop);
    }
}
const NETWORK = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/;
const THROTTLING = /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded)$/;
/** The SDK's failure as one line: the service's own message and error name, or what the answer was. */
function awsError(service, registry, error) {
    const e = error;
    const head = `${service} gave no login for ${registry}`;
    // A proxy's failure (the handler's), already one line naming the proxy and the endpoint.
    if (error instanceof _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP)
        return new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${head}: ${error.message}`, error.kind);
    if (error instanceof AnswerTooLarge)
        return new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${head}: it answered with more than ${MAX_ANSWER_BYTES} bytes`, 'fatal');
    const status = typeof e?.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
    const transientStatus = status !== undefined && (status === 429 || status >= 500);
    if (typeof e?.code === 'string' && NETWORK.test(e.code))
        return new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${head}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(typeof e.message === 'string' ? e.message : e.code, 200)} (${e.code})`, 'transient');
    const name = typeof e?.name === 'string' && /^[A-Za-z]+$/.test(e.name) ? e.name : '';
    // An answer that is no AWS error in JSON (a proxy's HTML page, a redirect): the SDK's parse error or its
    // "UnknownError" says nothing; the status does.
    if (status !== undefined && e?.$response && (e.$fault === undefined || name === 'Unknown'))
        return new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${head}: HTTP ${status}, not an AWS JSON answer`, transientStatus ? 'transient' : 'fatal');
    const message = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(typeof e?.message === 'string' ? e.message : String(error), 400);
    const named = name && name !== 'Error' ? ` (${status !== undefined ? `HTTP ${status}, ` : ''}${name})` : '';
    // Throttling, a 5xx, or a clock the SDK has just corrected is worth another attempt; any other refusal
    // is final, and a client fault (a key or a permission) is an auth failure.
    const kind = transientStatus || THROTTLING.test(name) || e?.$metadata?.clockSkewCorrected === true
        ? 'transient'
        : e?.$fault === 'client'
            ? 'auth'
            : 'fatal';
    return new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${head}: ${message}${named}`, kind);
}
function tokenOf(service, registry, data) {
    const bad = (why) => new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${service} gave no usable login for ${registry}: ${why}`, 'fatal');
    const token = data?.authorizationToken;
    if (typeof token !== 'string' || !token)
        throw bad('the answer holds no authorization token');
    if (token.length > MAX_TOKEN_CHARS || !BASE64.test(token))
        throw bad('the authorization token is not base64 of a username and password');
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0 || colon === decoded.length - 1 || /[\r\n]/.test(decoded))
        throw bad('the authorization token is not base64 of a username and password');
    const expires = data?.expiresAt instanceof Date ? data.expiresAt.getTime() : NaN;
    return {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        expiresAt: Number.isNaN(expires) ? Infinity : expires
    };
}


/***/ })

};
;