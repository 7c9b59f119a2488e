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
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
// AWS ECR's login: GetAuthorizationToken through the AWS SDK v3, with the credentials and region of the
// environment (or an access key given as username/password, as login-action takes it). The SDK is imported
// here only, and this module only by a run that has an ECR login.


// An authorization token is a few kilobytes of base64("AWS:<password>"); anything far larger is not one.
const MAX_TOKEN_CHARS = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** One GetAuthorizationToken call; the username and password it hands out, checked before use. */
async function ecrToken(req) {
    const service = req.public ? 'AWS ECR Public' : 'AWS ECR';
    const config = {
        region: req.region,
        maxAttempts: req.attempts,
        // Without throwOnRequestTimeout the SDK only warns when the deadline passes, and waits on.
        requestHandler: {
            connectionTimeout: req.timeoutMs,
            requestTimeout: req.timeoutMs,
            throwOnRequestTimeout: true
        },
        ...(req.accessKey
            ? { credentials: { accessKeyId: req.accessKey.id, secretAccessKey: req.accessKey.secret } }
            : {})
    };
    let data;
    try {
        if (req.public) {
            const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(821)]).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
            const client = new ECRPUBLICClient(config);
            try {
                data = (await client.send(new GetAuthorizationTokenCommand({}))).authorizationData;
            }
            finally {
                client.destroy();
            }
        }
        else {
            const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
            const client = new ECRClient(config);
            try {
                const input = req.registryId ? { registryIds: [req.registryId] } : {};
                data = (await client.send(new GetAuthorizationTokenCommand(input))).authorizationData?.[0];
            }
            finally {
                client.destroy();
            }
        }
    }
    catch (error) {
        throw awsError(service, req.registry, error);
    }
    return tokenOf(service, req.registry, data);
}
/** The SDK's failure as one line: the service's own message, and its error name when it gave one. */
function awsError(service, registry, error) {
    const e = error;
    const message = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(typeof e?.message === 'string' ? e.message : String(error), 400);
    const name = typeof e?.name === 'string' && /^[A-Za-z]+$/.test(e.name) && e.name !== 'Error' ? e.name : '';
    const status = typeof e?.$metadata?.httpStatusCode === 'number' ? `HTTP ${e.$metadata.httpStatusCode}, ` : '';
    // The SDK has retried whatever it deems transient; what reaches here is final for this run.
    return new _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP(`${service} gave no login for ${registry}: ${message}${name ? ` (${status}${name})` : ''}`, e?.$fault === 'client' ? 'auth' : 'fatal');
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