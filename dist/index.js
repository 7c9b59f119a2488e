import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 8365:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: actionReporter, errorLine, maskCredentials

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var node_modules_tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./src/lazy/undici.cjs
var undici = __nccwpck_require__(5669);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = (/* unused pure expression or super */ null && (['OPTIONS', 'GET', 'DELETE', 'HEAD']));
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? https : http;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 5 modules
var lib_exec = __nccwpck_require__(2876);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return file_command_issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    command_issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    core_error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function core_error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs/table.ts
var table = __nccwpck_require__(5541);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 2 modules
var parse = __nccwpck_require__(5400);
// EXTERNAL MODULE: ./src/log/fence.ts
var fence = __nccwpck_require__(4911);
// EXTERNAL MODULE: ./src/log/reporter.ts
var reporter = __nccwpck_require__(2425);
// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __nccwpck_require__(3477);
// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __nccwpck_require__(5831);
// EXTERNAL MODULE: ./src/metadata/env.ts
var env = __nccwpck_require__(7038);
;// CONCATENATED MODULE: ./src/metadata/outputs.ts

const byKey = (a, b) => {
    const [ka, kb] = [a.split('=')[0], b.split('=')[0]];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
};
/**
 * metadata-action's outputs, by their shapes: labels sorted by key, annotations once per level. `levels`
 * says where the annotations are when the run knows it (a merged index holds them at `index` only),
 * whatever DOCKER_METADATA_ANNOTATIONS_LEVELS says.
 */
function metadataOutputs(meta, fullTags, inputs) {
    const labels = [...meta.labels].sort(byKey);
    const sorted = [...meta.annotations].sort(byKey);
    const levels = meta.levels ?? (0,env/* annotationLevelsOr */.Ol)(inputs.metadataEnv, env/* OUTPUT_LEVELS */._z);
    const annotations = levels.flatMap(level => sorted.map(a => `${level}:${a}`));
    const labelObject = Object.fromEntries(labels.map(l => {
        const eq = l.indexOf('=');
        return [l.slice(0, eq), l.slice(eq + 1)];
    }));
    return {
        version: meta.version,
        tagNames: tagNames(fullTags),
        labels,
        annotations,
        json: { tags: fullTags, labels: labelObject, annotations }
    };
}
/** `registry/image:tag` → `tag`, each once, in order. */
const tagNames = (fullTags) => [
    ...new Set(fullTags.map(t => t.slice(t.lastIndexOf(':') + 1)).filter(t => t !== '' && !t.includes('/')))
];
/** metadata-action's outputs that it also exports as DOCKER_METADATA_OUTPUT_<NAME> (bake files aside). */
const METADATA_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json'];
/**
 * The variables metadata-action exports for later steps, `DOCKER_METADATA_OUTPUT_TAG_NAMES` and the like,
 * with the outputs' own values. Only where the tags come from rules, where this step stands in for
 * metadata-action; none when DOCKER_METADATA_SET_OUTPUT_ENV is false.
 */
function metadataEnvExports(inputs, outputs) {
    if (!inputs.tagRules.length || !inputs.metadataEnv.setOutputEnv)
        return {};
    return Object.fromEntries(METADATA_OUTPUTS.map(name => [
        `DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`,
        outputs[name] ?? ''
    ]));
}
/** The separator of a list output: metadata-action's sep-* inputs, a newline when empty. */
function separatorOf(name, inputs) {
    const sep = name === 'tags' || name === 'tag-names'
        ? inputs.sepTags
        : name === 'labels'
            ? inputs.sepLabels
            : name === 'annotations'
                ? inputs.sepAnnotations
                : '';
    return sep || '\n';
}

// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __nccwpck_require__(5378);
;// CONCATENATED MODULE: ./src/pipeline/subjects.ts
// The names under which later steps find the digest: actions/attest's `subject-name`, and the runner's
// artifact declarations (GITHUB_ARTIFACTS) that attest reads when no subject is given.


/**
 * Docker Hub's registry API host. `docker.io` is only a name: attest's registry client (@sigstore/oci)
 * sends its requests to the host in the subject name and matches the docker config's `auths` key
 * (`https://index.docker.io/v1/`) by that host, so Docker Hub subjects are named with it.
 */
const HUB_API_HOST = 'index.docker.io';
/** The fully qualified repository, lowercase and without a tag, as attest's `subject-name` wants it. */
function subjectName(target) {
    const host = (0,reference/* isDockerHub */.gr)(target.registry) ? HUB_API_HOST : target.registry;
    return `${host}/${(0,reference/* remotePath */.QZ)(target.registry, target.image)}`.toLowerCase();
}
/** Every target's subject name, in the order of the targets, each once. */
const subjectNames = (targets) => [...new Set(targets.map(subjectName))];
/** One `oci://<name>@<digest>` line per pushed image; none when nothing was pushed. */
const artifactLines = (names, digest) => digest ? names.map(name => `oci://${name}@${digest}`) : [];
/**
 * Appends `lines` to the runner's GITHUB_ARTIFACTS file, after what earlier writers left in it (on a line
 * of its own even when they left no newline). Nothing without a file or without lines.
 */
async function declareArtifacts(file, lines) {
    if (!file || !lines.length)
        return;
    const before = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
        if (error.code === 'ENOENT')
            return '';
        throw error;
    });
    const separator = before && !before.endsWith('\n') ? '\n' : '';
    await (0,promises_.appendFile)(file, `${separator}${lines.join('\n')}\n`);
}
/** The run's declarations, when `declare-artifacts` is on and the runner offers the file. */
async function declarePushed(inputs, digest, env = process.env) {
    if (!inputs.declareArtifacts || !env.GITHUB_ARTIFACTS)
        return [];
    const lines = artifactLines(subjectNames(inputs.targets), digest);
    await declareArtifacts(env.GITHUB_ARTIFACTS, lines);
    return lines;
}

;// CONCATENATED MODULE: ./src/action/summary.ts


function metadata(inputs, result) {
    return {
        // buildx's keys first, so that workflows written for build-push-action's metadata keep working.
        ...result.buildx,
        image: inputs.image,
        registry: inputs.registry,
        digest: result.digest,
        'image-ref': result.imageRef,
        'image-refs': result.imageRefs,
        imageid: result.imageid,
        tags: result.tags,
        'platform-digests': result.platformDigests,
        builder: result.builder,
        pushed: result.digest !== '',
        size: result.size,
        durations: result.durations,
        counts: result.counts
    };
}
/** The outputs by name with their own types; the CLI prints this object with --json. */
function typedOutputs(inputs, result) {
    const meta = metadataOutputs(result.meta ?? { version: '', labels: [], annotations: [] }, result.tags, inputs);
    const names = subjectNames(inputs.targets);
    return {
        digest: result.digest,
        'image-ref': result.imageRef,
        'image-refs': result.imageRefs,
        'image-name': names[0] ?? '',
        'image-names': names,
        imageid: result.imageid,
        tags: result.tags,
        'platform-digests': result.platformDigests,
        'sbom-path': Object.values(result.sboms ?? {})[0] ?? '',
        'sbom-paths': result.sboms ?? {},
        metadata: metadata(inputs, result),
        // metadata-action's outputs, with its separators and shapes
        version: meta.version,
        'tag-names': meta.tagNames,
        labels: meta.labels,
        annotations: meta.annotations,
        json: meta.json
    };
}
/** The action's outputs: strings, as the runner takes them (lists one per line or by sep-*, objects as JSON). */
function outputs(inputs, result) {
    return Object.fromEntries(Object.entries(typedOutputs(inputs, result)).map(([name, value]) => [
        name,
        typeof value === 'string'
            ? value
            : Array.isArray(value)
                ? value.join(separatorOf(name, inputs))
                : JSON.stringify(value)
    ]));
}
/**
 * A code span that stays inside its table cell: no line break, no backtick to close it early, and `|`
 * escaped (GFM splits cells on a bare `|` even inside a code span). Platform strings come from sources'
 * manifests, which a registry we do not control writes.
 */
const code = (s) => `\`${s
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``;
function humanSize(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let n = bytes;
    let u = 0;
    while (n >= 1024 && u < units.length - 1) {
        n /= 1024;
        u++;
    }
    return `${n.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}
function summaryMarkdown(inputs, result) {
    const rows = [
        ['Image', code(`${inputs.registry}/${inputs.image}`)],
        ['Digest', result.digest ? code(result.digest) : '_not pushed_'],
        ['Image ref', result.imageRef ? code(result.imageRef) : '_not pushed_'],
        ...result.imageRefs.slice(1).map((r) => ['Also at', code(r)]),
        // A promotion or merge has no local image, so no image ID.
        ...(result.imageid ? [['Image ID', code(result.imageid)]] : []),
        ['Builder', result.builder],
        ...Object.entries(result.platformDigests).map(([p, d]) => [
            `Platform ${code(p)}`,
            code(d)
        ]),
        ['Size', result.size ? humanSize(result.size) : '_n/a_'],
        ...Object.entries(result.durations).map(([k, v]) => [
            `${k} time`,
            `${(v / 1000).toFixed(1)} s`
        ])
    ];
    const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    const verb = result.digest ? 'Pushed' : 'Built (not pushed)';
    const refs = result.tags.length ? result.tags.map(t => `- ${code(t)}`).join('\n') : '_untagged_';
    return `### build-tag-push\n\n${table}\n\n**${verb}:**\n\n${refs}\n`;
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __nccwpck_require__(7898);
// EXTERNAL MODULE: ./src/docker/config.ts
var docker_config = __nccwpck_require__(656);
;// CONCATENATED MODULE: ./src/action/keep-login.ts
// keep-login, as login-action does it: the run's logins become static `auths` entries in the job's docker
// config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json), where docker, cosign, crane, helm and
// actions/attest find them (attest's registry client reads nothing but ~/.docker/config.json's `auths`).
// The post step removes exactly those entries and puts back what each replaced.
//
// A config that names a credential store (`credsStore`, or a `credHelpers` entry for the host): docker
// would ignore a static entry for that host. We make it use ours, with an empty `credHelpers` entry for the
// host (docker's own rule: a host listed there with no helper uses the file), and take that back in the
// post step too. The other way, logging in through the store, would leave the login in a keychain that
// outlives the job on a self-hosted runner, and hide it from tools that read only config.json.
//
// Nothing secret goes into the step's saved state: what the entries replaced is kept in a 0600 file under
// RUNNER_TEMP (which the runner empties after the job), and the state only says where.









/** The state key: where the job's config and the file of replaced entries are. */
const STATE_KEPT_LOGIN = 'keptLogin';
/** The job's docker config file, as docker and login-action find it. */
const jobConfigFile = (env = process.env) => external_node_path_default().join((0,credentials/* dockerConfigDir */.kG)(env), 'config.json');
/** The static entry `docker login` writes for a username and password. */
const entryOf = (login) => ({
    auth: Buffer.from(`${login.username}:${login.password}`).toString('base64')
});
/** `credHelpers` keys docker may consult for a registry. */
const helperKeys = (registry) => (0,reference/* isDockerHub */.gr)(registry) ? [(0,docker_config/* credentialKey */.TC)(registry)] : [registry];
async function readConfig(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const text = await (0,promises_.readFile)(file, 'utf8');
    if (!text.trim())
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`keep-login: ${file} is not valid JSON (${(0,core_text/* messageOf */.bD)(error)}); docker could not read it either`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`keep-login: ${file} does not hold a JSON object, as a docker config does`);
    return parsed;
}
/** Written beside itself and renamed over it: a reader never sees half a config. */
async function writeConfig(file, config) {
    const tmp = `${file}.build-tag-push-${process.pid}`;
    await (0,promises_.writeFile)(tmp, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
    await (0,promises_.rename)(tmp, file);
}
/**
 * Writes `logins` into the job's docker config and saves, for the post step, how to take them back.
 * `tempRoot` (RUNNER_TEMP) holds the entries they replace.
 */
async function keepLogins(logins, opts) {
    if (!logins.length) {
        opts.reporter.warning('keep-login: this step logged in nowhere (no username and password, no registry-auth), so there is no login to keep');
        return;
    }
    const file = jobConfigFile(opts.env);
    const dir = external_node_path_default().dirname(file);
    const createdDir = !(0,external_node_fs_.existsSync)(dir);
    const before = await readConfig(file);
    const config = { ...(before ?? {}) };
    const undo = {
        auths: [],
        helpers: [],
        hadAuths: config.auths !== undefined,
        hadHelpers: config.credHelpers !== undefined
    };
    const auths = { ...(config.auths ?? {}) };
    const helpers = { ...(config.credHelpers ?? {}) };
    for (const login of logins) {
        const key = (0,docker_config/* credentialKey */.TC)(login.registry);
        const ours = entryOf(login);
        undo.auths.push({ key, ours, before: auths[key] ?? null });
        auths[key] = ours;
        for (const hk of helperKeys(login.registry)) {
            if (!config.credsStore && !helpers[hk])
                continue;
            undo.helpers.push({ key: hk, before: helpers[hk] ?? null });
            helpers[hk] = '';
        }
    }
    config.auths = auths;
    if (undo.helpers.length)
        config.credHelpers = helpers;
    const undoDir = await (0,promises_.mkdtemp)(external_node_path_default().join(opts.tempRoot, 'build-tag-push-login-'));
    const undoFile = external_node_path_default().join(undoDir, 'undo.json');
    await (0,promises_.writeFile)(undoFile, JSON.stringify(undo), { mode: 0o600 });
    const kept = { config: file, undo: undoFile, createdFile: before === undefined, createdDir };
    // Saved before the config changes: a step killed in between still has its entries taken back.
    saveState(STATE_KEPT_LOGIN, JSON.stringify(kept));
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    await writeConfig(file, config);
    const where = logins.map(l => l.registry || 'docker.io').join(', ');
    opts.reporter.info(`keep-login: ${where} kept in ${file} for the job's later steps; the post step removes them`);
    if (undo.helpers.length)
        opts.reporter.info(`keep-login: ${file} sends credentials to a store; ${undo.helpers.map(h => h.key).join(', ')} use the kept entry until the post step`);
}
/** The post step's part: the kept entries go, what they replaced comes back. Nothing kept, nothing done. */
async function removeKeptLogin() {
    const saved = getState(STATE_KEPT_LOGIN);
    if (!saved)
        return;
    const kept = JSON.parse(saved);
    try {
        await undoKept(kept);
    }
    catch (error) {
        warning(`keep-login: could not take the kept login out of ${kept.config}: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
    finally {
        await (0,promises_.rm)(external_node_path_default().dirname(kept.undo), { recursive: true, force: true });
    }
}
async function undoKept(kept) {
    if (!(0,external_node_fs_.existsSync)(kept.undo))
        return;
    const undo = JSON.parse(await (0,promises_.readFile)(kept.undo, 'utf8'));
    const config = await readConfig(kept.config);
    if (!config)
        return;
    const auths = { ...(config.auths ?? {}) };
    for (const { key, ours, before } of undo.auths) {
        // A later step that logged in again owns that entry now: it is left as it is.
        if (!(0,external_node_util_.isDeepStrictEqual)(auths[key], ours))
            continue;
        if (before === null)
            delete auths[key];
        else
            auths[key] = before;
    }
    const helpers = { ...(config.credHelpers ?? {}) };
    for (const { key, before } of undo.helpers) {
        if (helpers[key] !== '')
            continue;
        if (before === null)
            delete helpers[key];
        else
            helpers[key] = before;
    }
    const next = { ...config, auths, credHelpers: helpers };
    if (!undo.hadAuths && !Object.keys(auths).length)
        delete next.auths;
    if (!undo.hadHelpers && !Object.keys(helpers).length)
        delete next.credHelpers;
    if (kept.createdFile && !Object.keys(next).length) {
        await (0,promises_.rm)(kept.config, { force: true });
        if (kept.createdDir)
            await (0,promises_.rmdir)(external_node_path_default().dirname(kept.config)).catch(() => undefined);
        return;
    }
    await writeConfig(kept.config, next);
}

;// CONCATENATED MODULE: ./src/action/main.ts
// The action's two ends: inputs from the runner, outputs and summary back to it, through @actions/core.
// The only place that calls setFailed.















const STATE_POST = 'isPost';
const STATE_WORKDIR = 'workDir';
const words = (message) => (0,parse/* renderInputRefs */.nx)(message, parse/* actionTerm */.f$);
/** docker's output goes through the fence; each of our own lines closes its region first. */
const main_fence = (0,fence/* createFence */.K)(chunk => process.stdout.write(chunk));
const own = (fn) => (...args) => {
    main_fence.close();
    return fn(...args);
};
const actionReporter = {
    info: own((m) => info((0,fence/* singleLine */.p)(words(m)))),
    notice: own((m) => notice(words(m))),
    warning: own((m, where) => warning(words(m), where && { file: workspacePath(where.file), startLine: where.line, endLine: where.endLine })),
    // Debug lines only when the run asks for them (RUNNER_DEBUG): they need not cross the log otherwise.
    debug: (m) => {
        if (isDebug())
            own(core_debug)(words(m));
    },
    setSecret: own((v) => core_setSecret(v)),
    group: (name, fn) => {
        main_fence.close();
        return group(name, async () => {
            try {
                return await fn();
            }
            finally {
                main_fence.close();
            }
        });
    }
};
/** A file as annotations name it: relative to the workspace. */
const workspacePath = (file) => external_node_path_default().relative(process.env.GITHUB_WORKSPACE || process.cwd(), external_node_path_default().resolve(file));
/** Masks the password, its lines and the base64 forms docker writes into config files, before anything is logged. */
function maskCredentials(username, password, setSecret) {
    (0,masks/* credentialSecrets */.DJ)(username, password).forEach(setSecret);
}
async function run() {
    if (getState(STATE_POST) === 'true')
        return post();
    saveState(STATE_POST, 'true');
    try {
        maskCredentials(getInput('username'), getInput('password').trim(), v => core_setSecret(v));
        const registryAuth = getInput('registry-auth');
        if (registryAuth.trim()) {
            await (0,registry_auth/* loadRegistryAuthParser */.DC)();
            for (const login of (0,registry_auth/* credentialsIn */.Wr)(registryAuth))
                maskCredentials(login.username, login.password, v => core_setSecret(v));
        }
        const untrimmed = new Set(table/* ROWS */.Ir.filter(([, row]) => row.secret || row.untrimmed).map(([key]) => (0,table/* inputName */.yu)(key)));
        const get = (name) => getInput(name, { trimWhitespace: !untrimmed.has(name) });
        const { inputs, notices } = (0,parse/* parseInputs */.TL)(get);
        notices.forEach(n => notice(words(n)));
        // Loaded after validation: bad input, the most common failure, fails without loading it.
        const { execute } = await Promise.all(/* import() */[__nccwpck_require__.e(88), __nccwpck_require__.e(940)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7940));
        const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
        const result = await execute(inputs, {
            reporter: actionReporter,
            tempRoot,
            out: main_fence,
            onWorkDir: dir => saveState(STATE_WORKDIR, dir)
        });
        main_fence.close();
        // Only after a run that succeeded: a failed one leaves the job's docker config as it found it.
        if (inputs.keepLogin)
            await keepLogins(inputs.logins, { tempRoot, reporter: actionReporter });
        const values = outputs(inputs, result);
        for (const [name, value] of Object.entries(values))
            setOutput(name, value);
        for (const [name, value] of Object.entries(metadataEnvExports(inputs, values)))
            exportVariable(name, value);
        await main_declareArtifacts(inputs, result.digest);
        await writeSummary(summaryMarkdown(inputs, result));
        actionReporter.debug(`done ${Math.round(performance.now())} ms after the process started`);
    }
    catch (error) {
        main_fence.close();
        fail(error);
    }
}
/** A declaration that cannot be written must not fail a step that has already pushed: attest then says so. */
async function main_declareArtifacts(inputs, digest) {
    try {
        const lines = await declarePushed(inputs, digest);
        if (lines.length)
            actionReporter.info(`Declared to the runner (GITHUB_ARTIFACTS): ${lines.join(', ')}`);
    }
    catch (error) {
        warning(`could not declare the pushed images in GITHUB_ARTIFACTS: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
}
/** One error line; an annotation on the Dockerfile line when the builder named it. */
function fail(error) {
    const where = (0,reporter/* whereOf */.de)(error);
    if (!where)
        return setFailed(errorLine(error));
    process.exitCode = ExitCode.Failure;
    core_error(errorLine(error), {
        title: 'Build failed',
        file: workspacePath(where.file),
        startLine: where.line
    });
}
/** A summary that cannot be written must not fail a step that has already pushed. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await summary.addRaw(markdown, true).write();
    }
    catch (error) {
        warning(`could not write the job summary: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
}
/** One line: the action's failure message must not spill over several annotations. */
function errorLine(error) {
    const line = words((0,core_text/* messageOf */.bD)(error))
        .replace(/\s*\r?\n\s*/g, ' ')
        .trim();
    return error instanceof parse/* InputError */.dz ? line : line || 'build-tag-push failed';
}
/**
 * The post step: remove the private directory even when main was cancelled or crashed, and the kept login
 * (keep-login). With neither in the state it does nothing: it runs after every job that used the action.
 */
async function post() {
    const workDir = getState(STATE_WORKDIR);
    if (workDir) {
        try {
            await (0,promises_.rm)(workDir, { recursive: true, force: true });
        }
        catch (error) {
            warning(`could not remove ${workDir}: ${(0,core_text/* messageOf */.bD)(error)}`);
        }
    }
    await removeKeptLogin();
}


/***/ }),

/***/ 7571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KR: () => (/* binding */ ref),
/* harmony export */   f$: () => (/* binding */ actionTerm),
/* harmony export */   nx: () => (/* binding */ renderInputRefs)
/* harmony export */ });
// How a message names an input without knowing which interface shows it: a marker that the action renders
// as input names and the CLI as --flags. A leaf, so that the reference grammar can name inputs too.
/**
 * Stands for "the input(s) NAMES" in a message, so that each interface can say it its own way: the action
 * as input names, the CLI as --flags (see renderInputRefs). JSON-quoted values cannot contain the markers.
 */
const ref = (...names) => `\u0001${names.join(',')}\u0002`;
// eslint-disable-next-line no-control-regex -- the markers are control characters so that no value can hold them
const REF = /\u0001([a-z0-9,-]+)\u0002/g;
/** Replaces every ref() in `text` with `term(names)`. */
const renderInputRefs = (text, term) => text.replace(REF, (_, names) => term(names.split(',')));
/** How the action names inputs: `the "tags" input`, `the "username" and "password" inputs`. */
const actionTerm = (names) => names.length === 1
    ? `the "${names[0]}" input`
    : `the ${names
        .map(n => `"${n}"`)
        .join(', ')
        .replace(/, ([^,]*)$/, ' and $1')} inputs`;


/***/ }),

/***/ 5378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ imageProblem),
/* harmony export */   Jk: () => (/* binding */ repository),
/* harmony export */   Q8: () => (/* binding */ hostProblem),
/* harmony export */   QZ: () => (/* binding */ remotePath),
/* harmony export */   T7: () => (/* binding */ registryProblem),
/* harmony export */   Ts: () => (/* binding */ HUB_AUTH_KEY),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   cC: () => (/* binding */ splitHostPort),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   l5: () => (/* binding */ normalizeRegistry),
/* harmony export */   nz: () => (/* binding */ nameLengthProblem),
/* harmony export */   oc: () => (/* binding */ looksLikeHost),
/* harmony export */   qH: () => (/* binding */ tagProblem),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   z9: () => (/* binding */ pathProblem)
/* harmony export */ });
/* unused harmony exports NAME_MAX, TAG_RULE, PATH_RULE, HOST_RULE, LENGTH_RULE */
/* harmony import */ var _input_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7571);
// The docker image reference grammar (github.com/distribution/reference v0.6, regexp.go and reference.go),
// as pure functions. Two deliberate differences: a port must be 1-65535 (docker takes any digits), and
// `imageProblem` judges an image once lowercased (the inputs layer lowercases it with a notice).

/** `[\w][\w.-]{0,127}`; Go's `\w` is ASCII only. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** alpha-numeric [separator alpha-numeric]*, separator = `[._]|__|[-]+`. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/;
/** docker's `ipv6address`: no zone identifier, no embedded IPv4 tail. */
const IPV6 = /^\[[A-Fa-f0-9:]+\]$/;
/** digest-algorithm ":" digest-hex, as regexp.go's digestPat. */
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;
/** RepositoryNameTotalLengthMax: checked on the path after the domain, not on `host/path`. */
const NAME_MAX = 255;
const DOCKER_HUB = 'docker.io';
/** The key docker uses for Docker Hub in config.json `auths`, and what credential helpers are asked for. */
const HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const HUB_ALIASES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com'
]);
const TAG_RULE = 'a tag is 1-128 characters of [A-Za-z0-9_.-] and must not start with "." or "-"';
const PATH_RULE = 'path components are lowercase [a-z0-9] separated by ".", "_", "__" or "-", joined by "/"';
const HOST_RULE = 'a registry is host[:port]: DNS labels of [A-Za-z0-9-] separated by ".", or an IPv6 address of hex digits ' +
    'and ":" in brackets (no %zone, no embedded IPv4), and a port 1-65535';
const LENGTH_RULE = `docker allows a repository path of at most ${NAME_MAX} characters`;
/** Returns an explanation when `tag` is not a valid tag, otherwise undefined. */
function tagProblem(tag) {
    return TAG.test(tag) ? undefined : TAG_RULE;
}
function isValidTag(tag) {
    return TAG.test(tag);
}
/** `sha256:<hex>` and the like, as docker's reference grammar reads a digest. */
function isValidDigest(digest) {
    return DIGEST.test(digest);
}
/** Validates a repository path such as `my/nginx` (no host, no tag), exactly: uppercase is refused. */
function pathProblem(path) {
    if (path === '')
        return 'it is empty';
    for (const component of path.split('/')) {
        if (!PATH_COMPONENT.test(component))
            return PATH_RULE;
    }
    return undefined;
}
/** `[::ffff:1.2.3.4]` written in hex, `[::ffff:102:304]`, or undefined when the tail is no IPv4 address. */
function hexIPv6(bracketed) {
    const m = /^\[([A-Fa-f0-9:]*:)([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\]$/.exec(bracketed);
    if (!m)
        return undefined;
    const [a, b, c, d] = m.slice(2).map(Number);
    if ([a, b, c, d].some(n => n > 255))
        return undefined;
    return `[${m[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`;
}
/** Why a bracketed IPv6 host is outside docker's grammar. */
function ipv6Problem(host) {
    if (IPV6.test(host))
        return undefined;
    const zone = host.indexOf('%');
    if (zone >= 0)
        return `${JSON.stringify(host.slice(zone, -1))} is an IPv6 zone, which docker does not accept; ${HOST_RULE}`;
    const hex = hexIPv6(host);
    if (hex)
        return `${host} embeds an IPv4 address, which docker does not accept; write it in hex, ${hex}; ${HOST_RULE}`;
    return HOST_RULE;
}
/**
 * Validates `host[:port]` against docker's `domainAndPort` (including `[::1]:5000`), with the port limited
 * to 1-65535. Every answer contains HOST_RULE.
 */
function hostProblem(registry) {
    let host = registry;
    let port;
    if (registry.startsWith('[')) {
        const end = registry.indexOf(']');
        if (end < 0)
            return HOST_RULE;
        host = registry.slice(0, end + 1);
        const rest = registry.slice(end + 1);
        if (rest !== '') {
            if (!rest.startsWith(':'))
                return HOST_RULE;
            port = rest.slice(1);
        }
        const problem = ipv6Problem(host);
        if (problem)
            return problem;
    }
    else {
        const colon = registry.lastIndexOf(':');
        if (colon >= 0) {
            host = registry.slice(0, colon);
            port = registry.slice(colon + 1);
        }
        if (host === '' || !host.split('.').every(label => DOMAIN_COMPONENT.test(label)))
            return HOST_RULE;
    }
    if (port !== undefined) {
        if (!/^[0-9]+$/.test(port))
            return HOST_RULE;
        const n = Number(port);
        if (n < 1 || n > 65535)
            return `port ${port} is outside 1-65535; ${HOST_RULE}`;
    }
    return undefined;
}
/**
 * The complete reason the `registry` input is unusable, or undefined. The action hands docker
 * `<registry>/<image>`, and docker reads a first component as a host only when it has a "." or a
 * ":port" or is "localhost"; anything else (`myhost`) would send the push to Docker Hub's `myhost/…`.
 * (docker v0.6 also takes an uppercase first component as a host; dockerd 20.10 does not.)
 */
function registryProblem(registry) {
    if (registry === '')
        return 'is empty; give host[:port], e.g. ghcr.io';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry))
        return 'has a scheme; give host[:port] only, e.g. ghcr.io';
    if (registry.includes('/'))
        return `has a path; put the path in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('image')}`;
    const problem = hostProblem(registry);
    if (problem)
        return `is not valid: ${problem}`;
    if (registry !== 'localhost' && !registry.includes('.') && !registry.includes(':')) {
        if (registry.toLowerCase() === 'localhost')
            return `is read by docker as a Docker Hub namespace, not a host, unless written "localhost" in lowercase`;
        return (`has no "." and no ":port" and is not "localhost", so docker would read ${JSON.stringify(`${registry}/<image>`)} as a ` +
            `Docker Hub repository; give the port (e.g. "${registry}:443") or the full host name`);
    }
    return undefined;
}
/** `index.docker.io` and friends all mean Docker Hub. */
function normalizeRegistry(registry) {
    const lower = registry.toLowerCase();
    return HUB_ALIASES.has(lower) ? DOCKER_HUB : registry;
}
function isDockerHub(registry) {
    return normalizeRegistry(registry) === DOCKER_HUB;
}
/**
 * The repository path as the registry knows it: Docker Hub puts one-component names under `library/`.
 */
function remotePath(registry, path) {
    return isDockerHub(registry) && !path.includes('/') ? `library/${path}` : path;
}
/** Fully qualified repository, e.g. `docker.io/library/nginx` or `localhost:5000/my/nginx`. */
function repository(registry, path) {
    return `${normalizeRegistry(registry)}/${remotePath(registry, path)}`;
}
/**
 * docker's 255-character limit, on the repository path alone (the part after the domain, with the
 * `library/` Docker Hub adds), as distribution/reference v0.6 checks it. dockerd 20.10 still counted
 * `host/path`; the engine itself says so when it is that old.
 */
function nameLengthProblem(registry, path) {
    const remote = remotePath(registry, path);
    if (remote.length <= NAME_MAX)
        return undefined;
    const library = remote === path ? '' : ' (with the "library/" Docker Hub adds)';
    return `the repository path is ${remote.length} characters long${library}; ${LENGTH_RULE}`;
}
/** Hosts that docker (and we) talk to over plain HTTP: loopback only. */
function isLoopbackRegistry(registry) {
    const h = splitHostPort(registry).host.toLowerCase();
    return h === 'localhost' || h === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(h);
}
/**
 * Docker treats the first component of a name as a registry host when it has a "." or ":" or is
 * "localhost". On Docker Hub (the default registry) such an `image` means a host that belongs in the
 * `registry` input; under any other registry a dotted first component is an ordinary path component.
 */
function looksLikeHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
/**
 * The complete reason the `image` input is unusable under `registry` (already normalized), or undefined.
 * Judges the value once lowercased: undefined means `image.toLowerCase()` is a valid repository path.
 * The answer follows the quoted value: `Invalid input "image": "<value>" <answer>`.
 */
function imageProblem(image, registry) {
    if (image === '')
        return 'is empty; give the repository path, e.g. "my/app"';
    if (image.includes('@'))
        return 'contains a digest; image is the repository path only';
    const hub = isDockerHub(registry);
    const slash = image.indexOf('/');
    const first = slash < 0 ? image : image.slice(0, slash);
    const lower = image.toLowerCase();
    // An IPv6 address, or a host:port before a "/", can only be a registry host, never a path.
    const bracketed = first.startsWith('[');
    const hostPort = slash >= 0 && first.includes(':');
    // With no registry given (Docker Hub, whose namespaces have no dots), a first component that is a
    // valid host with a ".", or "localhost", is a host meant for the registry input, as docker reads it.
    const hubHost = hub && slash >= 0 && looksLikeHost(first.toLowerCase()) && !hostProblem(first);
    if (bracketed || hostPort || hubHost) {
        const problem = hostProblem(first);
        if (problem)
            return `starts with ${JSON.stringify(first)}, a registry host but not a valid one (${problem}); a registry goes in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('registry')}`;
        if (hub)
            return `starts with a registry host; put ${JSON.stringify(first)} in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('registry')}`;
        return (`starts with a registry host ${JSON.stringify(first)}, but the registry is ${JSON.stringify(registry)}; ` +
            `give the host in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('registry')} and only the repository path in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('image')}`);
    }
    if (image.includes(':'))
        return `contains a tag; put tags in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('tags')}`;
    const problem = pathProblem(lower);
    if (problem)
        return `is not a valid repository path: ${problem}`;
    const length = nameLengthProblem(registry, lower);
    if (length)
        return `is too long: ${length}`;
    return undefined;
}
/** `host[:port]` split into the host (IPv6 without brackets) and the port ('' when none). */
function splitHostPort(registry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(registry);
    if (bracketed)
        return { host: bracketed[1], port: bracketed[2] ?? '' };
    const m = /^(.*?)(?::(\d+))?$/.exec(registry);
    return { host: m[1], port: m[2] ?? '' };
}


/***/ }),

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ YAML_TRUE),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   e7: () => (/* binding */ YAML_FALSE),
/* harmony export */   oF: () => (/* binding */ percentDecoded),
/* harmony export */   px: () => (/* binding */ splitKeyValue)
/* harmony export */ });
// Small text helpers that several layers need: one spelling of each.
/** An error's message, whatever was thrown. */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));
/** One line, bounded, so foreign text (a registry's, docker's) can go straight into a log or an error. */
function oneLine(text, max = Infinity) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** `id=value` split at the first `=`; the id trimmed, the value kept as given. Undefined without `=`. */
function splitKeyValue(line) {
    const eq = line.indexOf('=');
    if (eq < 0)
        return undefined;
    return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
}
/** `%XX` escapes decoded as git and URL parsers decode userinfo; text that is not valid escaping stays as it is. */
function percentDecoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
// The YAML 1.2 core schema's boolean spellings, as core.getBooleanInput takes them.
const YAML_TRUE = /^(?:true|True|TRUE)$/;
const YAML_FALSE = /^(?:false|False|FALSE)$/;


/***/ }),

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ createPrivateConfig),
/* harmony export */   TC: () => (/* binding */ credentialKey)
/* harmony export */ });
/* unused harmony exports LINKED_DIRS, seedConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5378);
// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.




/** Directories that carry plugins, builders and contexts rather than credentials. */
const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
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
 * The user's config.json as an object. One that is not (bad JSON, `null`, a list) is an error naming the
 * file: read as empty, its credHelpers, credsStore and proxies would vanish without a word, and the run
 * would fail later for a reason nobody could see.
 */
function userConfig(file, text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${file} is malformed: ${error.message}; docker's config.json is a JSON object`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${file} is malformed: it holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, and docker's config.json is a JSON object`);
    return parsed;
}
/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
async function createPrivateConfig(dir, userDir, loginRegistries = []) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    const userFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(userDir, 'config.json');
    const user = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(userFile) ? userConfig(userFile, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(userFile, 'utf8')) : {};
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
        mode: 0o600
    });
    for (const name of LINKED_DIRS) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(userDir, name);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(target, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name));
    }
}


/***/ }),

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N3: () => (/* binding */ credentialsFromDockerConfig),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* unused harmony exports helperRunner, runCredentialHelper */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5378);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2020);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7302);
// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.






const HELPER_TIMEOUT_MS = 10000;
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
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
/** The entry for `registry`, preferring an exact key over a merely equivalent one. */
function entryFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const exact = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDockerHub */ .gr)(registry) ? _core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .HUB_AUTH_KEY */ .Ts : registry;
    if (Object.hasOwn(map, exact))
        return map[exact];
    const key = Object.keys(map).find(k => matches(k, registry));
    return key === undefined ? undefined : map[key];
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
        run ??= (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .createExecRunner */ .Sf)(process.stderr, env);
        let result;
        try {
            result = await run(program, ['get'], env, { input: Buffer.from(input), deadlineMs: timeoutMs });
        }
        catch (error) {
            throw /ENOENT|Unable to locate executable/i.test((0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(error)) ? missing(program) : error;
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
        const said = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)(result.stderr || result.stdout, 200);
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
    try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch (err) {
        throw new Error(`${file} is not valid JSON: ${err.message}`);
    }
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
            output = await run(helper, (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDockerHub */ .gr)(registry) ? _core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .HUB_AUTH_KEY */ .Ts : registry);
        }
        catch (err) {
            const code = err.code;
            const message = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(err);
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
        const helper = entryFor(credHelpers, registry);
        const inline = fromAuthEntry(entryFor(auths, registry));
        // An empty credHelpers entry is docker's way to pin a host to the file store, bypassing credsStore.
        if (helper === '')
            return inline;
        if (helper !== undefined)
            return viaHelper(helper, registry);
        return inline ?? (credsStore ? viaHelper(credsStore, registry) : undefined);
    };
}


/***/ }),

/***/ 7302:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Sf: () => (/* binding */ createExecRunner),
  xH: () => (/* binding */ guardSignals),
  $A: () => (/* binding */ processTime),
  LJ: () => (/* binding */ runCancelled)
});

// UNUSED EXPORTS: EXIT_AFTER_MS, KILL_AFTER_MS, liveChildren, stopChildren

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
// EXTERNAL MODULE: ./src/log/fence.ts
var log_fence = __nccwpck_require__(4911);
;// CONCATENATED MODULE: ./src/docker/exec.ts
// The one funnel through which this program starts processes (docker, and docker-credential-* helpers):
// argument arrays, never a shell string, and every process bounded.
//
// Two paths, because @actions/exec gives no handle on the child it starts:
// - Commands whose output is only captured (inspect, info, login) run through @actions/exec, under
//   coreutils `timeout -k 5 <s>`, which enforces their fixed deadline by itself.
// - Commands whose output is streamed (build, push) are started with node's child_process, each in a
//   process group of its own. A push must be stopped when it stalls (no new line of output for a while) or
//   runs past its ceiling, and a build or push must be stopped, together with the buildx plugin that docker
//   runs below it, when the job is cancelled. All of that needs the child's pid, which @actions/exec keeps
//   to itself.
// While such a child runs, or while a run holds the signals (guardSignals: the whole pipeline, so that a
// cancel during a login, a registry request or an API call is handled too), SIGINT and SIGTERM (the runner
// cancelling the job) stop every child: SIGTERM to its group, SIGKILL 2 s later; `runCancelled` aborts, so
// requests in flight end and the run unwinds (removing its private directory); a captured command still
// running is no longer waited for (its own deadline ends it); the process then exits with 128 + the
// signal's number.






/** After SIGTERM, how long a stopped process group gets before SIGKILL. */
const KILL_AFTER_MS = 2_000;
/** After a cancel, how long the pipeline gets to unwind (remove its private directory) before we exit. */
const EXIT_AFTER_MS = 5_000;
/**
 * The real runner. Streamed output goes to `out`: stdout in the action, stderr in the CLI. A plain stream is
 * fenced when the runner reads it: always the action's stdout, the CLI's stderr inside a workflow. Pass a
 * Fence to share it with the code that writes our own commands to the same stream.
 */
function createExecRunner(out = process.stdout, env = process.env) {
    const fence = isFence(out)
        ? out
        : (0,log_fence/* createFence */.K)(chunk => out.write(chunk), {
            enabled: out === process.stdout || env.GITHUB_ACTIONS === 'true'
        });
    // Loads while the registry preflight runs, not after it.
    const actionsExec = Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 2876));
    return (command, args, childEnv, options) => accounted(() => run(command, args, childEnv, options));
    async function run(...[command, args, childEnv, options]) {
        if (cancelledBy)
            return refused(cancelledBy);
        if (options.stream || options.watch) {
            if (options.stream)
                fence.own(`[command]${(0,log_fence/* singleLine */.p)(options.display ?? [command, ...args].join(' '))}\n`);
            try {
                return await spawnWatched(command, args, childEnv, options, options.stream ? fence : undefined);
            }
            finally {
                // Our next line (a warning, the error) must be live.
                fence.close();
            }
        }
        const timeout = options.deadlineMs === undefined ? undefined : timeoutBinary(childEnv);
        if (options.deadlineMs !== undefined && !timeout) {
            // No coreutils timeout (macOS without coreutils, Windows): the same deadline, enforced here.
            const afterMs = options.deadlineMs;
            const result = await spawnWatched(command, args, childEnv, {
                input: options.input,
                watch: () => ({ ceilingMs: afterMs })
            });
            return result.stopped?.reason === 'ceiling'
                ? { ...result, stopped: { reason: 'deadline', afterMs } }
                : result;
        }
        const { getExecOutput } = await actionsExec;
        const exec = (file, argv) => untilCancelled(getExecOutput(file, argv, {
            env: childEnv,
            input: options.input,
            silent: true,
            ignoreReturnCode: true
        }));
        if (!timeout || options.deadlineMs === undefined) {
            const done = await exec(command, args);
            if ('stopped' in done)
                return done;
            const { exitCode, stdout, stderr } = done;
            return { exitCode, stdout, stderr };
        }
        const afterMs = options.deadlineMs;
        const started = Date.now();
        const done = await exec(timeout, ['-k', '5', seconds(afterMs), command, ...args]);
        if ('stopped' in done)
            return done;
        const { exitCode, stdout, stderr } = done;
        // 124: timeout stopped it; a failure once the deadline passed: it took the SIGKILL (137) or died of it.
        if (exitCode === 124 || (exitCode !== 0 && Date.now() - started >= afterMs))
            return { exitCode, stdout, stderr, stopped: { reason: 'deadline', afterMs } };
        return { exitCode, stdout, stderr };
    }
}
let running = 0;
let runningSince = 0;
let processMs = 0;
/** Counts the wall time during which at least one of our processes runs (overlaps counted once). */
async function accounted(work) {
    if (running++ === 0)
        runningSince = performance.now();
    try {
        return await work();
    }
    finally {
        if (--running === 0)
            processMs += performance.now() - runningSince;
    }
}
/**
 * How long this run has waited on processes it started (docker): the part of its wall time that is not its
 * own. `npm run bench` subtracts it to report the action's own time.
 */
const processTime = () => processMs + (running ? performance.now() - runningSince : 0);
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
/** Children started by spawnWatched that have not closed yet. */
const live = new Set();
let cancelledBy;
const cancelController = new AbortController();
/** Aborted (with the signal's name) once SIGINT or SIGTERM cancelled the run. */
const runCancelled = cancelController.signal;
/** Runs holding the signal handlers (guardSignals). */
let holds = 0;
/** `work`, or the refusal a cancel gives, whichever comes first: a cancelled run waits for no capture. */
function untilCancelled(work) {
    if (cancelledBy)
        return Promise.resolve(refused(cancelledBy));
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(refused(cancelledBy ?? 'SIGTERM'));
        runCancelled.addEventListener('abort', onAbort, { once: true });
        work.then(value => {
            runCancelled.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            runCancelled.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/**
 * Holds the SIGINT/SIGTERM handlers for a whole run, children or not; returns the release. A cancel then
 * aborts runCancelled and the run fails as cancelled, instead of node dying without a word.
 */
function guardSignals() {
    holds++;
    installSignalHandlers();
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
const refused = (signal) => ({
    exitCode: exitCodeFor(signal),
    stdout: '',
    stderr: '',
    stopped: { reason: 'signal', signal }
});
const exitCodeFor = (signal) => 128 + (external_node_os_.constants.signals[signal] ?? 0);
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
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            env,
            stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            // Its own process group, so that stopping it stops what it started (docker → docker-buildx).
            detached: process.platform !== 'win32'
        });
        const started = Date.now();
        let lastOutput = started;
        let stopped;
        let closed = false;
        let killTimer;
        let drainTimer;
        const decoders = { stdout: new external_node_string_decoder_namespaceObject.StringDecoder('utf8'), stderr: new external_node_string_decoder_namespaceObject.StringDecoder('utf8') };
        const text = { stdout: '', stderr: '' };
        const halt = (stop) => {
            // Once the leader exited the group can still hold the plugin; only 'close' says all is gone.
            if (stopped || closed)
                return;
            stopped = stop;
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_AFTER_MS);
        };
        const entry = { child, halt };
        const watch = options.watch;
        const first = watch?.() ?? {};
        const shortest = Math.min(first.stallMs ?? Infinity, first.ceilingMs ?? Infinity);
        const ticker = watch
            ? setInterval(() => {
                const { stallMs, ceilingMs } = watch();
                const now = Date.now();
                if (ceilingMs !== undefined && now - started >= ceilingMs)
                    halt({ reason: 'ceiling', afterMs: ceilingMs });
                else if (stallMs !== undefined && now - lastOutput >= stallMs)
                    halt({ reason: 'stall', afterMs: stallMs });
            }, Math.min(1000, Math.max(25, Number.isFinite(shortest) ? shortest / 20 : 1000)))
            : undefined;
        for (const name of ['stdout', 'stderr'])
            child[name]?.on('data', (chunk) => {
                lastOutput = Date.now();
                const decoded = decoders[name].write(chunk);
                text[name] += decoded;
                options.onOutput?.(decoded);
                fence?.write(chunk);
            });
        const done = () => {
            if (ticker)
                clearInterval(ticker);
            live.delete(entry);
            if (live.size === 0 && holds === 0 && !cancelledBy)
                removeSignalHandlers();
        };
        child.on('error', error => {
            done();
            if (killTimer)
                clearTimeout(killTimer);
            reject(new Error(`could not run ${command}: ${error.message}`));
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
            text.stdout += decoders.stdout.end();
            text.stderr += decoders.stderr.end();
            const exitCode = code ?? (signal ? 128 + (external_node_os_.constants.signals[signal] ?? 0) : 1);
            resolve({ exitCode, stdout: text.stdout, stderr: text.stderr, ...(stopped ? { stopped } : {}) });
        });
        if (child.pid !== undefined) {
            live.add(entry);
            installSignalHandlers();
        }
        if (options.input && child.stdin) {
            child.stdin.on('error', () => { }); // a child that exits without reading its stdin
            child.stdin.end(options.input);
        }
    });
}
/** Stops every live streamed child as cancelled by `signal`. The signal handlers call it; so can a caller. */
function stopChildren(signal = 'SIGTERM') {
    const all = [...live];
    for (const l of all)
        l.halt({ reason: 'signal', signal });
    return all.length;
}
/** How many streamed children are running (tests). */
const liveChildren = () => live.size;
const SIGNALS = ['SIGINT', 'SIGTERM'];
let installed = false;
function onSignal(signal) {
    const code = exitCodeFor(signal);
    if (cancelledBy) {
        // The second signal (the runner's SIGTERM after its SIGINT): no more grace.
        for (const l of live)
            signalGroup(l.child, 'SIGKILL');
        process.exit(code);
    }
    cancelledBy = signal;
    // Whatever the unwinding pipeline sets (a failure is 1), a cancelled run ends as the signal says.
    process.on('exit', () => {
        process.exitCode = code;
    });
    stopChildren(signal);
    cancelController.abort(signal);
    // The pipeline now fails, removes its private directory and returns; if anything keeps it, we still go.
    setTimeout(() => process.exit(code), EXIT_AFTER_MS).unref();
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

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8365);

await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8042:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ DEFAULT_CONTEXT),
/* harmony export */   NF: () => (/* binding */ noCacheFilters),
/* harmony export */   Nm: () => (/* binding */ network),
/* harmony export */   Q5: () => (/* binding */ ulimits),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   TJ: () => (/* binding */ NO_CHECKOUT_HINT),
/* harmony export */   bU: () => (/* binding */ githubToken),
/* harmony export */   cw: () => (/* binding */ allow),
/* harmony export */   fB: () => (/* binding */ cgroupParent),
/* harmony export */   g7: () => (/* binding */ shmSize),
/* harmony export */   hI: () => (/* binding */ ssh),
/* harmony export */   hk: () => (/* binding */ annotations),
/* harmony export */   j8: () => (/* binding */ buildContexts),
/* harmony export */   p0: () => (/* binding */ attests),
/* harmony export */   pQ: () => (/* binding */ checkBuildSources),
/* harmony export */   ve: () => (/* binding */ addHosts)
/* harmony export */ });
/* unused harmony exports ULIMIT_NAMES, CALLS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1551);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5541);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(2020);
/* harmony import */ var _metadata_levels_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6814);
// The rules of the build options build-push-action has and we share, by name and format: what each input
// must look like before any build (pure), and what must exist on disk or in the environment.







const show = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
/** `host:ip` (or docker's `host=ip`); the IP may be IPv6, bracketed or not, or docker's `host-gateway`. */
function addHosts(entries) {
    for (const entry of entries) {
        const at = entry.search(/[:=]/);
        const host = at < 0 ? '' : entry.slice(0, at);
        const ip = at < 0 ? '' : entry.slice(at + 1).replace(/^\[(.*)\]$/, '$1');
        if (!HOSTNAME.test(host) || (ip !== 'host-gateway' && (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(ip) === 0))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('add-hosts', `${show(entry)} is not host:ip with a valid IP address, e.g. db.local:10.0.0.5`);
    }
    return entries;
}
/** Network modes and names: a plain word (`default`, `none`, `host`, a network name, `container:<id>`). */
function network(value) {
    if (value !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(value))
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('network', `${show(value)} is not a network mode such as default, none or host`);
    return value;
}
/** docker's RAMInBytes: a number, then an optional unit (b, k, m, g, t, p; `kb`, `MiB` …). */
const BYTES = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const UNIT = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
function shmSize(value) {
    if (value === '')
        return value;
    const m = BYTES.exec(value);
    if (!m || Number(m[1]) * UNIT[(m[2]?.toLowerCase() ?? '')] < 1)
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('shm-size', `${show(value)} is not a size: bytes with an optional unit, e.g. 64m or 1g`);
    return value;
}
/** The names docker's ulimit parser knows (go-units). */
const ULIMIT_NAMES = [
    'core',
    'cpu',
    'data',
    'fsize',
    'locks',
    'memlock',
    'msgqueue',
    'nice',
    'nofile',
    'nproc',
    'rss',
    'rtprio',
    'rttime',
    'sigpending',
    'stack'
];
function ulimits(entries) {
    for (const entry of entries) {
        const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(entry);
        if (!m)
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ulimit', `${show(entry)} is not name=soft[:hard], e.g. nofile=1024:2048`);
        if (!ULIMIT_NAMES.includes(m[1]))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ulimit', `${show(m[1])} is not a ulimit name; use one of ${ULIMIT_NAMES.join(', ')}`);
        const [soft, hard] = [Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
        // -1 is "unlimited", and unlimited is above any number.
        if (hard !== undefined && hard !== -1 && (soft === -1 || soft > hard))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ulimit', `${show(entry)}: the soft limit is above the hard limit`);
    }
    return entries;
}
function cgroupParent(value) {
    if (value !== '' && (value.startsWith('-') || /\s/.test(value)))
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('cgroup-parent', `${show(value)} is not a cgroup path`);
    return value;
}
/** buildx's entitlements; `device` and the `fs` ones take a value in newer buildx. */
const ENTITLEMENT = /^(?:network\.host|security\.insecure|ssh|device(?:=.+)?|fs(?:\.read|\.write)?=.+)$/;
function allow(entries) {
    for (const entry of entries)
        if (!ENTITLEMENT.test(entry))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('allow', `${show(entry)} is not an entitlement: network.host, security.insecure, device, ssh, or fs[.read|.write]=path`);
    return entries;
}
/** The name of a named context: what `FROM` or `COPY --from` names (an image reference is one too). */
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/;
const CONTEXT_SCHEME = /^(?:docker-image|oci-layout|target):\/\//;
const URL_SOURCE = /^(?:https?:\/\/|git:\/\/|git@)/;
function buildContexts(entries) {
    return entries.map(entry => {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .splitKeyValue */ .px)(entry);
        const value = kv?.value.trim() ?? '';
        if (!kv || !CONTEXT_NAME.test(kv.key) || value === '' || value.startsWith('-'))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('build-contexts', `${show(entry)} is not name=path|url|docker-image://ref|oci-layout://path`);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !CONTEXT_SCHEME.test(value) && !URL_SOURCE.test(value))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('build-contexts', `${show(kv.key)}: ${show(value)} has an unknown scheme; use a path, a git or https URL, docker-image:// or oci-layout://`);
        return `${kv.key}=${value}`;
    });
}
/** `default`, `id` (the agent at SSH_AUTH_SOCK) or `id=path[,path]` (sockets or keys). */
function ssh(entries) {
    for (const entry of entries)
        if (!/^[A-Za-z0-9_.-]+(?:=[^,]+(?:,[^,]+)*)?$/.test(entry))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${show(entry)} is not default or id=path (an agent socket or a key file)`);
    return entries;
}
/** `[level[platforms]:]key=value`, as buildx reads it (metadata/levels.ts). */
function annotations(entries) {
    for (const entry of entries) {
        const problem = (0,_metadata_levels_js__WEBPACK_IMPORTED_MODULE_5__/* .parseAnnotation */ .fr)(entry);
        if (typeof problem === 'string')
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('annotations', problem);
    }
    return entries;
}
function attests(entries) {
    for (const entry of entries)
        if (!/(?:^|,)type=[a-z]+(?:,|$)/.test(entry) || entry.startsWith('-'))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('attests', `${show(entry)} is not an attestation like type=sbom or type=provenance,mode=max`);
    return entries;
}
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function noCacheFilters(entries) {
    for (const entry of entries)
        if (!STAGE.test(entry))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('no-cache-filters', `${show(entry)} is not a stage name`);
    return entries;
}
/** What `--call` may evaluate (buildx's subrequests). */
const CALLS = ['build', 'check', 'outline', 'targets'];
function call(value) {
    if (value !== '' && !CALLS.includes(value))
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('call', `${show(value)} must be one of ${CALLS.join(', ')}`);
    return value;
}
/** A token is one word: whitespace in it is a pasting mistake that would only fail later, in the fetch. */
function githubToken(value) {
    const token = value.trim();
    // The default as written, unexpanded (a local runner, the table's own defaults): no token.
    if (/^\$\{\{.*\}\}$/.test(token))
        return '';
    if (/\s/.test(token))
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('github-token', 'contains whitespace');
    return token;
}
/** What must exist: local named contexts, and each ssh key or socket (or the agent `default` means). */
function checkBuildSources(values, cwd, env) {
    for (const entry of values.buildContexts) {
        const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .splitKeyValue */ .px)(entry);
        if (CONTEXT_SCHEME.test(value) || URL_SOURCE.test(value) || value.startsWith('{{defaultContext}}'))
            continue;
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, value);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('build-contexts', `${show(key)}: ${show(value)} does not exist (resolved to ${show(dir)})`);
    }
    for (const entry of values.ssh) {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .splitKeyValue */ .px)(entry);
        if (!kv) {
            if (!env.SSH_AUTH_SOCK)
                throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${show(entry)} means the ssh-agent at SSH_AUTH_SOCK, and SSH_AUTH_SOCK is not set (start an agent, e.g. webfactory/ssh-agent, or give id=path)`);
            continue;
        }
        for (const p of kv.value.split(','))
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, p)))
                throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${show(kv.key)}: ${show(p)} does not exist`);
    }
}
/** `{{defaultContext}}`, alone or with `:subdir`: build-push-action's name for this commit's git context. */
const DEFAULT_CONTEXT = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/;
/** The hint when `context` was left at `.` and nothing was checked out. */
const NO_CHECKOUT_HINT = `the workspace holds no Dockerfile: add an actions/checkout step before this one, or set ${(0,_table_js__WEBPACK_IMPORTED_MODULE_4__/* .ref */ .KR)('context')} to {{defaultContext}} to build this commit from git without a checkout`;


/***/ }),

/***/ 3881:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fb: () => (/* binding */ csvList),
/* harmony export */   J$: () => (/* binding */ CsvError),
/* harmony export */   Xc: () => (/* binding */ csvRecords)
/* harmony export */ });
// CSV as docker's actions read their list inputs (csv-parse with relaxed quotes): a quoted field may hold
// commas, newlines and doubled quotes; a quote anywhere but at a field's very start is an ordinary
// character.
class CsvError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CsvError';
    }
}
/** The records of `text`, fields as written (untrimmed, quotes removed). Empty lines yield no record. */
function csvRecords(text) {
    const records = [];
    let record = [];
    let field = '';
    // A field opens a quote only at its very start, as csv-parse reads it (a quote after blanks is an
    // ordinary character); `wasQuoted` stops a second opening.
    let inQuotes = false;
    let wasQuoted = false;
    // The blanks before the opening quote, and where the quoted text ended (-1: not closed, or undone).
    let lead = '';
    let closedAt = -1;
    const endField = () => {
        record.push(field);
        field = '';
        wasQuoted = false;
        lead = '';
        closedAt = -1;
    };
    const endRecord = () => {
        endField();
        if (!(record.length === 1 && record[0] === ''))
            records.push(record);
        record = [];
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inQuotes) {
            if (c !== '"')
                field += c;
            else if (text[i + 1] === '"')
                field += text[++i];
            else {
                inQuotes = false;
                closedAt = field.length;
            }
        }
        else if (c === '"' && !wasQuoted && field === '') {
            inQuotes = wasQuoted = true;
            lead = field;
            field = '';
        }
        else if (c === ',')
            endField();
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            endRecord();
        }
        else {
            // Text after the closing quote, blanks too: the quotes were part of the value, as csv-parse's
            // relaxed quotes read `"a"b` and `"a" ` (the doubled quotes inside stay undone).
            if (closedAt >= 0) {
                field = `${lead}"${field.slice(0, closedAt)}"${field.slice(closedAt)}`;
                closedAt = -1;
            }
            field += c;
        }
    }
    if (inQuotes)
        throw new CsvError('a quoted entry is not closed');
    if (field !== '' || record.length)
        endRecord();
    return records;
}
/**
 * A list input as build-push-action reads it: entries one per line or comma-separated, quoted entries
 * kept whole when they stand beside other fields. As there, a line that is one quoted field is still split
 * at its commas unless `ignoreComma`. Entries are trimmed (unless `trim: false`); blank ones dropped.
 */
function csvList(text, opts = {}) {
    const records = opts.quote === false ? literalRecords(text) : csvRecords(text);
    const out = [];
    for (const record of records) {
        if (opts.ignoreComma)
            out.push(record.join(','));
        else if (record.length === 1)
            out.push(...record[0].split(','));
        else
            out.push(...record);
    }
    return out.filter(s => s.trim() !== '').map(s => (opts.trim === false ? s : s.trim()));
}
/** Records with quotes as ordinary characters: lines split at commas. */
const literalRecords = (text) => text
    .split(/\r?\n|\r/)
    .filter(line => line !== '')
    .map(line => line.split(','));


/***/ }),

/***/ 1551:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5541);
// The one error type of bad input: it names the input and the rule, before anything runs.

class InputError extends Error {
    input;
    /** The message with ref() markers, for interfaces that name inputs otherwise. */
    template;
    constructor(input, message) {
        super((0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .renderInputRefs */ .nx)(`Invalid input "${input}": ${message}`, _table_js__WEBPACK_IMPORTED_MODULE_0__/* .actionTerm */ .f$));
        this.input = input;
        this.template = message;
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 5400:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_error/* InputError */.d),
  f$: () => (/* reexport */ table/* actionTerm */.f$),
  ub: () => (/* binding */ checkBuilder),
  TL: () => (/* binding */ parseInputs),
  KR: () => (/* reexport */ table/* ref */.KR),
  nx: () => (/* reexport */ table/* renderInputRefs */.nx)
});

// UNUSED EXPORTS: buildxOnlyInputs, defaultInputs, isRemoteContext, listOptions, readRows, splitLines, splitList

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs/table.ts
var table = __nccwpck_require__(5541);
// EXTERNAL MODULE: ./src/inputs/error.ts
var inputs_error = __nccwpck_require__(1551);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __nccwpck_require__(5378);
// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __nccwpck_require__(8042);
// EXTERNAL MODULE: ./src/inputs/csv.ts
var csv = __nccwpck_require__(3881);
// EXTERNAL MODULE: ./src/metadata/env.ts
var metadata_env = __nccwpck_require__(7038);
// EXTERNAL MODULE: ./src/metadata/rules/parse.ts
var parse = __nccwpck_require__(1398);
;// CONCATENATED MODULE: ./src/inputs/tags.ts
// The `tags` input's three kinds of entry: metadata-action's rule lines (`type=…`), bare tags (`v1`,
// `latest`), and full references as build-push-action takes them (`ghcr.io/octo/app:1.0`), which name
// their own image. Pure: InputErrors are the caller's (inputs.ts).





const show = (s) => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
/**
 * A reference as docker reads `-t`: `[host[:port]/]path[:tag]`, the tag `latest` when none. The host is
 * the first component when it has a "." or ":" or is "localhost", as docker decides it.
 */
function parseFullRef(text) {
    if (text.includes('@'))
        throw new parse/* RuleError */.FB(`${show(text)} has a digest; a tag names what is pushed, so give name:tag`);
    const slash = text.lastIndexOf('/');
    const colon = text.lastIndexOf(':');
    const [name, tag] = colon > slash ? [text.slice(0, colon), text.slice(colon + 1)] : [text, 'latest'];
    const first = name.split('/')[0];
    const hasHost = name.includes('/') && (0,reference/* looksLikeHost */.oc)(first);
    const registry = hasHost ? first : reference/* DOCKER_HUB */.Xb;
    const image = hasHost ? name.slice(first.length + 1) : name;
    if (hasHost) {
        const problem = (0,reference/* registryProblem */.T7)(registry);
        if (problem)
            throw new parse/* RuleError */.FB(`${show(text)}: ${show(registry)} ${problem}`);
    }
    const pathIssue = (0,reference/* pathProblem */.z9)(image);
    if (pathIssue)
        throw new parse/* RuleError */.FB(`${show(text)} is not a valid reference: ${pathIssue}`);
    const length = (0,reference/* nameLengthProblem */.nz)(registry, image);
    if (length)
        throw new parse/* RuleError */.FB(`${show(text)} is too long: ${length}`);
    const tagIssue = (0,reference/* tagProblem */.qH)(tag);
    if (tagIssue)
        throw new parse/* RuleError */.FB(`${show(text)} has an invalid tag: ${tagIssue}`);
    return { registry: (0,reference/* normalizeRegistry */.l5)(registry), image: image.replace(/^library\/(?=[^/]+$)/, ''), tag };
}
/** A line of tags or references as build-push-action reads `tags`: CSV, quoted entries kept whole. */
function tagEntries(line) {
    try {
        return (0,csv/* csvList */.Fb)(line);
    }
    catch (error) {
        if (error instanceof csv/* CsvError */.J$)
            throw new parse/* RuleError */.FB(`${show(line)}: ${error.message}`);
        throw error;
    }
}
/** A bare entry is a reference when it has a "/" or ":" (no tag does). */
const isReference = (entry) => entry.includes('/') || entry.includes(':');
/**
 * Sorts the `tags` lines into rules, bare tags and full references. A line starting with `type=` is one
 * rule, CSV-read (quoted fields may hold commas); a line starting with `#` is a comment, as
 * metadata-action reads it; any other line holds bare tags or references, comma-separated.
 */
function classifyTags(lines) {
    const rules = [];
    const tags = [];
    const groups = new Map();
    for (const line of lines) {
        const text = line.trim();
        if (text === '' || text.startsWith('#'))
            continue;
        if (/^type\s*=/i.test(text)) {
            let records;
            try {
                records = (0,csv/* csvRecords */.Xc)(text);
            }
            catch (error) {
                if (error instanceof csv/* CsvError */.J$)
                    throw new parse/* RuleError */.FB(`${show(text)}: ${error.message}`);
                throw error;
            }
            try {
                rules.push((0,parse/* parseRule */.iT)(records.flat(), text));
            }
            catch (error) {
                if (error instanceof parse/* RuleError */.FB)
                    throw new parse/* RuleError */.FB(`rule ${show(text)}: ${error.message}`);
                throw error;
            }
            continue;
        }
        for (const entry of tagEntries(text)) {
            if (isReference(entry)) {
                const r = parseFullRef(entry);
                const key = `${r.registry}/${r.image}`;
                const group = groups.get(key) ?? { registry: r.registry, image: r.image, tags: [] };
                if (!group.tags.includes(r.tag))
                    group.tags.push(r.tag);
                groups.set(key, group);
                continue;
            }
            if (entry.includes('=') || entry.includes('{{'))
                throw new parse/* RuleError */.FB(`${show(entry)} is not a tag; a rule line starts with type= (e.g. type=raw,value=${entry})`);
            const problem = (0,reference/* tagProblem */.qH)(entry);
            if (problem)
                throw new parse/* RuleError */.FB(`${show(entry)} is not a valid tag: ${problem}`);
            if (!tags.includes(entry))
                tags.push(entry);
        }
    }
    const refs = [...groups.values()];
    if (refs.length && (rules.length || tags.length))
        throw new parse/* RuleError */.FB(`full references (${show(`${refs[0].registry}/${refs[0].image}:${refs[0].tags[0]}`)}) name their own image, so they cannot be mixed with ${rules.length ? 'rules' : 'bare tags'}; give either full references only, or ${(0,table/* ref */.KR)('image')} with bare tags and rules`);
    return { rules, tags, refs };
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
;// CONCATENATED MODULE: ./src/inputs/images.ts
// The `images` input, as metadata-action takes it: one image per line, bare (`ghcr.io/octo/app`), as CSV
// attributes (`name=ghcr.io/octo/app,enable=false`) or a bare name with attributes
// (`ghcr.io/octo/app,enable=false`); and metadata-action's older form, one line of comma-separated names.
// Each names its own registry; a name without a host is on Docker Hub, as docker reads it.


/** Parses and validates `lines`; throws an Error whose message says what is wrong with which line. */
function parseImages(lines) {
    const out = [];
    if (lines.length === 1) {
        const fields = (0,csv/* csvRecords */.Xc)(lines[0])[0]
            ?.map(f => f.trim())
            .filter(f => f !== '') ?? [];
        if (fields.length > 1 && fields.every(f => !f.includes('=')))
            return fields.map(splitImage);
    }
    for (const line of lines) {
        const fields = (0,csv/* csvRecords */.Xc)(line)[0]?.map(f => f.trim()) ?? [];
        let name = '';
        let enable = true;
        for (const field of fields) {
            const eq = field.indexOf('=');
            if (eq < 0 && name === '')
                name = field;
            else if (eq < 0)
                throw new Error(`${JSON.stringify(line)}: "${field}" is a second name; give one image per line`);
            else {
                const key = field.slice(0, eq).trim().toLowerCase();
                const value = field.slice(eq + 1).trim();
                if (key === 'name')
                    name = value;
                else if (key === 'enable') {
                    if (!/^(true|false)$/i.test(value))
                        throw new Error(`${JSON.stringify(line)}: enable must be true or false`);
                    enable = value.toLowerCase() === 'true';
                }
                else
                    throw new Error(`${JSON.stringify(line)}: unknown attribute "${key}" (name, enable)`);
            }
        }
        if (name === '')
            throw new Error(`${JSON.stringify(line)} names no image`);
        if (!enable)
            continue;
        out.push(splitImage(name));
    }
    return out;
}
/** `ghcr.io/octo/app` → ghcr.io + octo/app; `octo/app` → docker.io + octo/app. */
function splitImage(name) {
    if (/[@]/.test(name) || /:[^/]*$/.test(name.slice(name.indexOf('/') + 1)))
        throw new Error(`${JSON.stringify(name)} has a tag or digest; images are names only (tags go in "tags")`);
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const hosted = first !== '' && (0,reference/* looksLikeHost */.oc)(first);
    const registry = hosted ? first : reference/* DOCKER_HUB */.Xb;
    const image = (hosted ? name.slice(slash + 1) : name).toLowerCase();
    const hostProblem = (0,reference/* registryProblem */.T7)(registry);
    if (hostProblem)
        throw new Error(`${JSON.stringify(name)}: the registry ${hostProblem}`);
    const problem = (0,reference/* imageProblem */.JC)(image, registry);
    if (problem)
        throw new Error(`${JSON.stringify(name)}: the repository path ${problem}`);
    return { registry: (0,reference/* normalizeRegistry */.l5)(registry), image };
}

// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __nccwpck_require__(3477);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __nccwpck_require__(6203);
;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Reads every input of the table once, validates it, and returns one typed value. Nothing after this reads
// raw inputs. Each kind has its generic reading; the validators below add what one input needs beyond it.
















const parse_show = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
/** A list input's entries (see csvList); a quote left open is an input error. */
function csvEntries(name, raw, opts) {
    try {
        return (0,csv/* csvList */.Fb)(raw, opts);
    }
    catch (error) {
        if (error instanceof csv/* CsvError */.J$)
            throw new inputs_error/* InputError */.d(name, `${error.message}: quote an entry as a whole, and double a quote inside it`);
        throw error;
    }
}
/** Newline and/or comma separated (CSV: quoted entries keep commas), trimmed, empties and duplicates dropped. */
function splitList(raw, name = 'list') {
    return [...new Set(csvEntries(name, raw, {}))];
}
/** One entry per line, commas kept (CSV: a quoted entry may span lines). */
function splitLines(raw, name = 'list') {
    return csvEntries(name, raw, { ignoreComma: true });
}
/** How a list row is read, as build-push-action reads the input of that name. */
function listOptions(row) {
    return {
        ...(row.kind !== 'list' && { ignoreComma: true }),
        ...(row.keepQuotes && { quote: false }),
        ...(row.untrimmed && { trim: false })
    };
}
/** KEY=VALUE entries, keys trimmed. Errors name the key (or entry number) but never echo the value. */
function keyValues(name, raw) {
    return splitLines(raw, name).map((entry, i) => {
        const kv = (0,core_text/* splitKeyValue */.px)(entry);
        if (!kv)
            throw new inputs_error/* InputError */.d(name, `entry ${i + 1} has no "=": each entry must be KEY=VALUE`);
        if (kv.key === '')
            throw new inputs_error/* InputError */.d(name, `entry ${i + 1} has an empty key: each entry must be KEY=VALUE`);
        if (/\s/.test(kv.key))
            throw new inputs_error/* InputError */.d(name, `key ${parse_show(kv.key)} contains whitespace`);
        return `${kv.key}=${kv.value.trim()}`;
    });
}
/** The generic reading of a raw value by its row's kind. */
function byKind(name, row, raw) {
    const value = row.secret || row.untrimmed ? raw : raw.trim();
    switch (row.kind) {
        case 'string':
            return value;
        case 'boolean': {
            const v = value.trim() || row.default;
            if (core_text/* YAML_TRUE */.DG.test(v))
                return true;
            if (core_text/* YAML_FALSE */.e7.test(v))
                return false;
            throw new inputs_error/* InputError */.d(name, `${parse_show(v)} is not a boolean; use true or false`);
        }
        case 'list':
            return [...new Set(csvEntries(name, value, listOptions(row)))];
        case 'lines':
            return csvEntries(name, value, listOptions(row));
        case 'key-value':
            return keyValues(name, value);
        case 'number': {
            const v = value || row.default;
            const n = Number(v);
            if (!/^[0-9]+$/.test(v) || n < (row.min ?? 0) || n > (row.max ?? Number.MAX_SAFE_INTEGER))
                throw new inputs_error/* InputError */.d(name, `${parse_show(v)} must be a whole number from ${row.min} to ${row.max}`);
            return n;
        }
        case 'choice': {
            const v = value || row.default;
            if (!row.choices?.includes(v))
                throw new inputs_error/* InputError */.d(name, `${parse_show(v)} must be one of ${row.choices?.join(', ')}`);
            return v;
        }
    }
}
const GIT_URL = /^(?:git:\/\/|git@|github\.com\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/;
const HTTP_URL = /^https?:\/\//;
/**
 * Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles); and
 * build-push-action's `{{defaultContext}}`, this commit's git URL.
 */
function isRemoteContext(context) {
    return GIT_URL.test(context) || HTTP_URL.test(context) || build_options/* DEFAULT_CONTEXT */.A2.test(context);
}
/** The image under the registry it goes to; lowercased with a notice, as docker wants it. */
function checkImage(value, registry, notices) {
    if (value === '')
        throw new inputs_error/* InputError */.d('image', `is required, e.g. "my/app" or \${{ github.repository }} (or full references such as ghcr.io/octo/app:1.0 in ${(0,table/* ref */.KR)('tags')})`);
    const problem = (0,reference/* imageProblem */.JC)(value, registry);
    if (problem)
        throw new inputs_error/* InputError */.d('image', `${parse_show(value)} ${problem}`);
    const lower = value.toLowerCase();
    if (lower !== value)
        notices.push(`image ${parse_show(value)} was lowercased to ${parse_show(lower)}`);
    return lower;
}
function parseRegistry(raw) {
    const value = raw || reference/* DOCKER_HUB */.Xb;
    const problem = (0,reference/* registryProblem */.T7)(value);
    if (problem)
        throw new inputs_error/* InputError */.d('registry', `${parse_show(value)} ${problem}`);
    return (0,reference/* normalizeRegistry */.l5)(value);
}
/** `tags` sorted into bare tags, rules and references; `flavor` and the DOCKER_METADATA_* variables read. */
function readTagInputs(values, env) {
    const guard = (input, fn) => {
        try {
            return fn();
        }
        catch (error) {
            if (error instanceof parse/* RuleError */.FB)
                throw new inputs_error/* InputError */.d(input, error.message);
            if (error instanceof metadata_env/* MetadataEnvError */.DG)
                throw new inputs_error/* InputError */.d(error.variable, `(an environment variable) ${error.message}`);
            throw error;
        }
    };
    const entries = guard('tags', () => classifyTags(values.tags));
    return {
        tags: entries.tags,
        tagRules: entries.rules,
        tagRefs: entries.refs,
        tagFlavor: guard('flavor', () => (0,parse/* parseFlavor */.wp)(values.flavor)),
        metadataEnv: guard('', () => (0,metadata_env/* readMetadataEnv */.Xk)(env))
    };
}
/**
 * Full references in `tags` name the targets themselves: never beside `image`, `registry` or `images`. Each
 * image gets the tags given for it, as build-push-action pushes exactly the references it is given.
 */
function targetsFromRefs(values, tagged) {
    const groups = tagged.tagRefs;
    const first = groups[0];
    const example = JSON.stringify(`${first.registry}/${first.image}:${first.tags[0]}`);
    const other = values.images.length
        ? 'images'
        : values.image !== ''
            ? 'image'
            : values.registry !== reference/* DOCKER_HUB */.Xb
                ? 'registry'
                : '';
    // The error names `tags`, as build-push-action would refuse its references beside metadata-action's images.
    if (other)
        throw new inputs_error/* InputError */.d('tags', `${(0,table/* ref */.KR)('tags')} holds full references such as ${example}, which name their own registry and image: ` +
            `leave ${(0,table/* ref */.KR)('image', 'registry', 'images')} empty, or give bare tags (e.g. "${first.tags[0]}") with ${(0,table/* ref */.KR)(other === 'images' ? 'images' : 'image')}`);
    // The first image stands for the run where one name is needed, as with `images`.
    values.registry = first.registry;
    values.image = first.image;
    tagged.tags = first.tags;
    return groups.map(g => ({ registry: g.registry, image: g.image, tags: g.tags }));
}
const isDir = (p) => (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isDirectory();
const isFile = (p) => (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isFile();
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_.]+)?$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/** Stage and builder names: plain words, so nothing can be read as a flag. */
const plainName = (name) => (value) => {
    if (value !== '' && !STAGE.test(value))
        throw new inputs_error/* InputError */.d(name, `${parse_show(value)} is not a valid name: letters, digits, "_", "." and "-"`);
    return value;
};
const attestation = (name) => (value) => {
    if (value.startsWith('-') || /\s/.test(value))
        throw new inputs_error/* InputError */.d(name, `${parse_show(value)} must be true, false or a buildx attestation spec`);
    return value;
};
const cacheSpecs = (name) => (specs) => {
    for (const spec of specs)
        if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+$/.test(spec))
            throw new inputs_error/* InputError */.d(name, `${parse_show(spec)} is not a cache spec like type=registry,ref=host/repo:cache`);
    return specs;
};
const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker', 'image', 'registry', 'cacheonly'];
/** `type=…,key=value` specs, or a bare path (buildx reads it as type=local,dest=PATH). */
function outputSpecs(specs) {
    for (const spec of specs) {
        const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1];
        if (spec.startsWith('-') || (type === undefined ? spec.includes('=') : !OUTPUT_TYPES.includes(type)))
            throw new inputs_error/* InputError */.d('outputs', `${parse_show(spec)} is not an output spec: type=${OUTPUT_TYPES.join('|')},… (e.g. type=local,dest=out)`);
    }
    return specs;
}
/**
 * id=value entries; the value is kept as given, trailing whitespace and newlines included (a PEM key
 * needs its final newline), as build-push-action 7.3 keeps it. Errors never echo a value.
 */
function secretLines(lines) {
    return lines.map((line, i) => {
        const kv = (0,core_text/* splitKeyValue */.px)(line.trimStart());
        if (!kv || !SECRET_ID.test(kv.key))
            throw new inputs_error/* InputError */.d('secrets', `entry ${i + 1} must be id=value with an id of [A-Za-z0-9_.-]; quote a multi-line secret whole ("id=…"), or put it in ${(0,table/* ref */.KR)('secret-files', 'secret-envs')}`);
        return `${kv.key}=${kv.value}`;
    });
}
/** `id=path` or `id=ENVNAME` entries (parseInputs checks that the file exists or the variable is set). */
const secretSources = (name, what) => (lines) => lines.map((line, i) => {
    const kv = (0,core_text/* splitKeyValue */.px)(line);
    const value = kv?.value.trim() ?? '';
    if (!kv || !SECRET_ID.test(kv.key) || value === '')
        throw new inputs_error/* InputError */.d(name, `entry ${i + 1} must be id=${what} with an id of [A-Za-z0-9_.-]`);
    return `${kv.key}=${value}`;
});
/** Each `id=path` names a file, and each `id=ENVNAME` a variable that is set: before any build. */
function checkSecretSources(files, envs, cwd, env) {
    for (const line of files) {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
        if (!isFile(external_node_path_default().resolve(cwd, value)))
            throw new inputs_error/* InputError */.d('secret-files', `${parse_show(key)}: ${parse_show(value)} is not a file`);
    }
    for (const line of envs) {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
        if (env[value] === undefined)
            throw new inputs_error/* InputError */.d('secret-envs', `${parse_show(key)}: ${parse_show(value)} is not set`);
    }
}
/** docker trims the password it sends; do the same, so that what we mask is what docker uses. */
function trimPassword(raw, notices) {
    const trimmed = raw.trim();
    if (trimmed !== raw && trimmed !== '')
        notices.push(`the password's surrounding whitespace was trimmed, as docker trims it`);
    return trimmed;
}
/** What an input needs beyond its kind's reading. */
const VALIDATORS = {
    // A line starting with `#` is a comment, as in the tag rules.
    sources: lines => lines.filter(line => !line.startsWith('#')),
    registry: parseRegistry,
    target: plainName('target'),
    builder: plainName('builder'),
    password: trimPassword,
    platforms: list => {
        for (const p of list)
            if (!PLATFORM.test(p))
                throw new inputs_error/* InputError */.d('platforms', `${parse_show(p)} is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7`);
        return list;
    },
    cacheFrom: cacheSpecs('cache-from'),
    cacheTo: cacheSpecs('cache-to'),
    provenance: attestation('provenance'),
    sbom: attestation('sbom'),
    outputs: outputSpecs,
    secrets: secretLines,
    secretFiles: secretSources('secret-files', 'path'),
    secretEnvs: secretSources('secret-envs', 'ENVNAME'),
    addHosts: build_options/* addHosts */.ve,
    network: build_options/* network */.Nm,
    shmSize: build_options/* shmSize */.g7,
    ulimit: build_options/* ulimits */.Q5,
    cgroupParent: build_options/* cgroupParent */.fB,
    allow: build_options/* allow */.cw,
    buildContexts: build_options/* buildContexts */.j8,
    ssh: build_options/* ssh */.hI,
    githubToken: build_options/* githubToken */.bU,
    annotations: build_options/* annotations */.hk,
    attests: build_options/* attests */.p0,
    noCacheFilters: build_options/* noCacheFilters */.NF,
    call: build_options/* call */.T1,
    context: value => {
        // docker takes git@host:repo.git and https URLs, but looks for ssh:// URLs on disk ("path not found").
        if (/^ssh:\/\//i.test(value))
            throw new inputs_error/* InputError */.d('context', `${parse_show(value)}: docker does not fetch ssh:// contexts; write it as git@host:owner/repo.git#ref`);
        return value || '.';
    }
};
/** Every row read by its kind and validator, with nothing checked on disk. */
function readRows(get, notices = []) {
    const values = {};
    for (const [key, row] of table/* ROWS */.Ir) {
        const value = byKind((0,table/* inputName */.yu)(key), row, get((0,table/* inputName */.yu)(key)));
        const validate = VALIDATORS[key];
        values[key] = validate ? validate(value, notices) : value;
    }
    return values;
}
function checkLocalContext(context, file, cwd) {
    const dir = external_node_path_default().resolve(cwd, context);
    if (!isDir(dir))
        throw new inputs_error/* InputError */.d('context', `${parse_show(context)} is not a directory (resolved to ${parse_show(dir)})`);
    if (file !== '') {
        const f = external_node_path_default().resolve(cwd, file);
        if (!isFile(f))
            throw new inputs_error/* InputError */.d('file', `${parse_show(file)} does not exist (resolved to ${parse_show(f)})`);
    }
    else if (!isFile(external_node_path_default().join(dir, 'Dockerfile'))) {
        // Left at `.` in an empty workspace: most likely no checkout ran.
        if (context === '.' && isEmptyWorkspace(dir))
            throw new inputs_error/* InputError */.d('context', build_options/* NO_CHECKOUT_HINT */.TJ);
        throw new inputs_error/* InputError */.d('file', `no Dockerfile in context ${parse_show(context)}; add one or set ${(0,table/* ref */.KR)('file')}`);
    }
}
/** A workspace without a checkout: nothing in it but dotfiles a runner may leave. */
function isEmptyWorkspace(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir).every(name => name.startsWith('.') && name !== '.git');
    }
    catch {
        return false;
    }
}
function checkSources(values) {
    const conflict = (0,sources/* sourcesConflict */.r0)(values, readRows(name => (0,table/* rowByName */.TJ)(name)?.[1].default ?? ''));
    if (conflict)
        throw new inputs_error/* InputError */.d(conflict.input, conflict.message);
    for (const line of values.sources) {
        const source = (0,sources/* parseSource */.PJ)(line, values.registry, values.image);
        if (typeof source === 'string')
            throw new inputs_error/* InputError */.d('sources', source);
    }
    const annotations = (0,sources/* indexAnnotations */.nM)(values.annotations);
    if (typeof annotations === 'string')
        throw new inputs_error/* InputError */.d('annotations', annotations);
}
/** Reads and validates every input. Throws InputError on the first invalid one. */
function parseInputs(get, cwd = process.cwd()) {
    const notices = [];
    const values = readRows(get, notices);
    const tagged = readTagInputs(values, process.env);
    const targets = tagged.tagRefs.length ? targetsFromRefs(values, tagged) : checkTargets(values, notices);
    const remoteContext = isRemoteContext(values.context);
    // With sources nothing is built: there is no context to check, and no build input may be set.
    if (values.sources.length)
        checkSources(values);
    else if (!remoteContext)
        checkLocalContext(values.context, values.file, cwd);
    checkSecretSources(values.secretFiles, values.secretEnvs, cwd, process.env);
    build_options/* checkBuildSources */.pQ(values, cwd, process.env);
    if (targets.length > 1 && new Set(targets.map(t => t.registry)).size > 1 && values.username)
        throw new inputs_error/* InputError */.d('username', `${(0,table/* ref */.KR)('username', 'password')} log in to one registry, and ${(0,table/* ref */.KR)('images')} names several: give each its login in ${(0,table/* ref */.KR)('registry-auth')}`);
    if ((values.username === '') !== (values.password === ''))
        throw new inputs_error/* InputError */.d(values.username === '' ? 'username' : 'password', `${(0,table/* ref */.KR)('username', 'password')} must be given together (or neither, to use an existing docker login)`);
    const logins = checkLogins(values);
    return { inputs: { ...values, ...tagged, remoteContext, targets, logins }, notices };
}
/** `images`, or `registry` + `image`: never both. */
function checkTargets(values, notices) {
    if (!values.images.length) {
        values.image = checkImage(values.image, values.registry, notices);
        return [{ registry: values.registry, image: values.image }];
    }
    if (values.image !== '')
        throw new inputs_error/* InputError */.d('images', `give either ${(0,table/* ref */.KR)('images')} (full names) or ${(0,table/* ref */.KR)('image')} with ${(0,table/* ref */.KR)('registry')}, not both`);
    let targets;
    try {
        targets = parseImages(values.images);
    }
    catch (error) {
        throw new inputs_error/* InputError */.d('images', error.message);
    }
    if (!targets.length)
        throw new inputs_error/* InputError */.d('images', 'every image is disabled (enable=false): nothing to push to');
    const seen = new Set();
    for (const t of targets) {
        const key = `${t.registry}/${t.image}`;
        if (seen.has(key))
            throw new inputs_error/* InputError */.d('images', `${parse_show(key)} is given twice`);
        seen.add(key);
    }
    // The first image stands for the run where one name is needed (summary, messages).
    values.registry = targets[0].registry;
    values.image = targets[0].image;
    return targets;
}
/** `registry-auth` entries, or `username`/`password` for a single registry. */
function checkLogins(values) {
    if (values.registryAuth.trim() === '')
        return values.username
            ? [{ registry: values.registry, username: values.username, password: values.password }]
            : [];
    if (values.username)
        throw new inputs_error/* InputError */.d('username', `${(0,table/* ref */.KR)('username', 'password')} and ${(0,table/* ref */.KR)('registry-auth')} cannot be used together: put every login in ${(0,table/* ref */.KR)('registry-auth')}`);
    let logins;
    try {
        logins = (0,registry_auth/* parseRegistryAuth */.bf)(values.registryAuth);
    }
    catch (error) {
        if (!(error instanceof registry_auth/* RegistryAuthError */.w4))
            throw error;
        throw new inputs_error/* InputError */.d('registry-auth', `${error.message}; expected login-action's list (- registry: … / username: … / password: …)`);
    }
    const seen = new Set();
    return logins.map((login, i) => {
        const registry = login.registry || reference/* DOCKER_HUB */.Xb;
        const problem = (0,reference/* registryProblem */.T7)(registry);
        if (problem)
            throw new inputs_error/* InputError */.d('registry-auth', `entry ${i + 1}: the registry ${parse_show(registry)} ${problem}`);
        const normalized = (0,reference/* normalizeRegistry */.l5)(registry);
        if (seen.has(normalized))
            throw new inputs_error/* InputError */.d('registry-auth', `${parse_show(normalized)} has two entries`);
        seen.add(normalized);
        return { ...login, registry: normalized };
    });
}
/** The inputs that only buildx understands and that are set here. */
function buildxOnlyInputs(inputs) {
    return table/* ROWS */.Ir.filter(([key, row]) => {
        if (!row.buildx)
            return false;
        const value = inputs[key];
        return Array.isArray(value) ? value.length > 0 : value !== '' && value !== false;
    }).map(([key]) => (0,table/* inputName */.yu)(key));
}
/** Asking for a buildx-only input where docker has no buildx is an input error, before anything runs. */
function checkBuilder(inputs, buildx) {
    // With sources nothing is built; their own check refused every build input already.
    if (inputs.sources.length)
        return;
    const used = buildxOnlyInputs(inputs);
    if (!buildx && used.length)
        throw new inputs_error/* InputError */.d(used[0], `needs docker buildx, and this docker has no buildx plugin (set up buildx, e.g. with docker/setup-buildx-action, or drop ${(0,table/* ref */.KR)(...used)})`);
}
/** The table's defaults, as the parser reads them (tests build on this; `image` is required, so given). */
const defaultInputs = (over = {}) => {
    const values = readRows(name => over[name] ?? rowByName(name)?.[1].default ?? '');
    const tagged = over.tags || over.flavor
        ? readTagInputs(values, {})
        : { tagRules: [], tagRefs: [], tagFlavor: DEFAULT_FLAVOR, metadataEnv: DEFAULT_METADATA_ENV };
    return {
        ...values,
        ...tagged,
        remoteContext: isRemoteContext(values.context),
        targets: [{ registry: values.registry, image: values.image }],
        logins: []
    };
};


/***/ }),

/***/ 3477:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ loadRegistryAuthParser),
/* harmony export */   Wr: () => (/* binding */ credentialsIn),
/* harmony export */   bf: () => (/* binding */ parseRegistryAuth),
/* harmony export */   w4: () => (/* binding */ RegistryAuthError)
/* harmony export */ });
/* unused harmony export registryAuthParserLoaded */
// The `registry-auth` input: login-action's YAML list, one entry per registry, read with js-yaml as
// login-action reads it (anchors, quoting, block scalars, `~`):
//   - registry: ghcr.io
//     username: ${{ github.actor }}
//     password: ${{ secrets.GITHUB_TOKEN }}
// js-yaml is loaded only when the input is set (loadRegistryAuthParser), so that runs without it do not
// pay for it at start. Errors name the entry by position and registry, never a value, and never repeat
// js-yaml's own message, which quotes the input.
const KEYS = ['registry', 'username', 'password', 'ecr', 'scope'];
let load;
/** Loads js-yaml; call (and await) before parseRegistryAuth or credentialsIn. */
async function loadRegistryAuthParser() {
    if (!load)
        load = (await __nccwpck_require__.e(/* import() */ 243).then(__nccwpck_require__.bind(__nccwpck_require__, 3243))).load;
}
/** Whether js-yaml is loaded (the input-error path must not load it for nothing). */
const registryAuthParserLoaded = () => load !== undefined;
/** An error whose message holds no value of the input. */
class RegistryAuthError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RegistryAuthError';
    }
}
/** The YAML document, or a RegistryAuthError that says where it stopped parsing (and nothing of the text). */
function readYaml(text) {
    if (!load)
        throw new Error('registry-auth read before loadRegistryAuthParser()');
    try {
        return load(text);
    }
    catch (error) {
        const mark = error.mark;
        const where = mark?.line === undefined ? '' : ` (line ${mark.line + 1}, column ${(mark.column ?? 0) + 1})`;
        throw new RegistryAuthError(`is not valid YAML${where}`);
    }
}
const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
/** A scalar as login-action would pass it on: strings, and numbers or booleans as written. */
function scalarOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
function parseRegistryAuth(text) {
    const doc = readYaml(text);
    if (doc === undefined || doc === null)
        return [];
    if (!Array.isArray(doc))
        throw new RegistryAuthError(isMapping(doc)
            ? 'is a mapping, and a list is expected: start each entry with "- "'
            : 'is not a list of entries');
    return doc.map((entry, i) => {
        if (!isMapping(entry))
            throw new RegistryAuthError(`entry ${i + 1} is not a mapping of registry, username and password`);
        const registry = scalarOf(entry.registry) ?? '';
        const where = `entry ${i + 1}${registry ? ` (${JSON.stringify(registry)})` : ''}`;
        for (const key of Object.keys(entry))
            if (!KEYS.includes(key))
                throw new RegistryAuthError(`${where}: unknown key ${JSON.stringify(key)} (${KEYS.join(', ')})`);
        const field = (key) => {
            const value = entry[key];
            if (value === undefined || value === null)
                return undefined;
            const s = scalarOf(value);
            if (s === undefined)
                throw new RegistryAuthError(`${where}: ${key} must be a string (quote it)`);
            return s;
        };
        if (entry.registry !== undefined && entry.registry !== null)
            field('registry');
        const username = field('username');
        const password = field('password')?.trim();
        if (!username)
            throw new RegistryAuthError(`${where} has no username`);
        if (!password)
            throw new RegistryAuthError(`${where} has no password`);
        const ecr = field('ecr');
        const scope = field('scope');
        return {
            registry,
            username,
            password,
            ...(ecr !== undefined && { ecr }),
            ...(scope !== undefined && { scope })
        };
    });
}
/** A `password:` line's value in text that does not parse: YAML syntax alone is never a value. */
const SYNTAX_ONLY = /^(?:[|>][-+0-9]*|[{[&*!].*|)$/;
/**
 * Every username/password pair in `text`, for masking before anything else reads it: the entries'
 * passwords (those of entries that are otherwise invalid too), or, when the text does not parse, every
 * plain `password:` value found line by line (never YAML syntax such as `|` or `{`, which a mask would
 * then hide everywhere in the log).
 */
function credentialsIn(text) {
    let doc;
    try {
        doc = readYaml(text);
    }
    catch (error) {
        if (!(error instanceof RegistryAuthError))
            throw error;
        return [...text.matchAll(/password\s*:[ \t]*(.*)$/gm)]
            .map(m => m[1].replace(/\s+#.*$/, '').trim())
            .map(v => v.replace(/^(['"])(.*)\1$/, '$2'))
            .filter(v => !SYNTAX_ONLY.test(v))
            .map(password => ({ username: '', password }));
    }
    const entries = Array.isArray(doc) ? doc : [doc];
    return entries.filter(isMapping).flatMap(e => {
        const password = scalarOf(e.password)?.trim();
        return password ? [{ username: scalarOf(e.username) ?? '', password }] : [];
    });
}


/***/ }),

/***/ 6203:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ isLocal),
/* harmony export */   PJ: () => (/* binding */ parseSource),
/* harmony export */   nM: () => (/* binding */ indexAnnotations),
/* harmony export */   r0: () => (/* binding */ sourcesConflict)
/* harmony export */ });
/* unused harmony export TRANSPORTS */
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5541);
/* harmony import */ var _metadata_levels_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6814);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5378);
// The `sources` input, read: which image each line names (pure), and which other inputs cannot go with it.
// Nothing is built from sources, so every input that only shapes a build must be left at its default.



/** Where a local image is read from, with the transport names of skopeo and podman. */
const TRANSPORTS = ['docker-daemon', 'oci', 'oci-archive', 'docker-archive'];
const isLocal = (source) => 'transport' in source;
// `docker-daemon:` takes a reference or an ID as docker does; `-` first would read as a flag.
const DAEMON_IMAGE = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
// An `org.opencontainers.image.ref.name` or a repo tag, loosely: what the layout spec and docker allow.
const LOCAL_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
/**
 * `transport:rest` for a local image, a problem for a transport we do not read (`dir:/x`, `docker://…`),
 * or undefined for a registry reference. The path ends at its first `:`, as skopeo reads it.
 */
function parseLocal(line) {
    const m = /^([a-z][a-z0-9-]*):(.*)$/.exec(line);
    if (!m)
        return undefined;
    const [, transport, rest] = m;
    if (!TRANSPORTS.includes(transport)) {
        // A path after the colon is no tag: a transport, then, that is not one of ours.
        if (!/^(?:\/|\.\.?\/|~)/.test(rest))
            return undefined;
        return `${show(line)}: unknown transport ${show(transport)}; local images are read with ${TRANSPORTS.map(t => `${t}:`).join(', ')}, and a registry image is written without a transport`;
    }
    const t = transport;
    if (t === 'docker-daemon') {
        if (!DAEMON_IMAGE.test(rest) || (rest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(rest)))
            return `${show(line)}: ${show(rest)} is not an image reference or a sha256:<64 hex> image ID`;
        return { line, transport: t, path: rest };
    }
    const colon = rest.indexOf(':');
    const file = colon < 0 ? rest : rest.slice(0, colon);
    const reference = colon < 0 ? undefined : rest.slice(colon + 1);
    if (!file)
        return `${show(line)}: names no ${t === 'oci' ? 'directory' : 'file'} after ${show(`${t}:`)}`;
    if (reference !== undefined && !LOCAL_REFERENCE.test(reference))
        return `${show(line)}: ${show(reference)} is not an image reference (org.opencontainers.image.ref.name or repo:tag)`;
    return { line, transport: t, path: file, ...(reference !== undefined ? { reference } : {}) };
}
const show = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
const TAG_PREFIX = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;
/**
 * One line of `sources` on `registry`/`image` (both validated): a bare tag or digest of the image itself,
 * `repo:tag`, `repo@digest` or `repo:tag@digest` on the same registry, or a reference with its own registry
 * host. A trailing `*` makes the tag a prefix. A local image has its transport first (`oci:dir`). Returns
 * the reason when the line is none of these.
 */
function parseSource(line, registry, image) {
    const local = parseLocal(line);
    if (local !== undefined)
        return local;
    const glob = line.endsWith('*');
    const body = glob ? line.slice(0, -1) : line;
    if (body.includes('*'))
        return `${show(line)}: "*" may only end a line (a tag prefix)`;
    const plain = !/[/:@]/.test(body);
    if (!glob && /^[A-Za-z][A-Za-z0-9]*:/.test(body) && !body.includes('/') && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(body))
        return { line, registry, name: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .remotePath */ .QZ)(registry, image), digest: body };
    if (plain)
        return finish(line, registry, image, glob ? { prefix: body } : { tag: body });
    let repo;
    let pin;
    const at = body.indexOf('@');
    if (at >= 0) {
        if (glob)
            return `${show(line)}: a digest cannot end in "*"; a glob is a tag prefix`;
        repo = body.slice(0, at);
        pin = { digest: body.slice(at + 1) };
        if (!(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(pin.digest))
            return `${show(line)}: ${show(pin.digest)} is not a digest like sha256:<hex>`;
        // `name:tag@digest`, as docker takes it: the digest decides, the tag is only checked for its grammar.
        const colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            const tag = repo.slice(colon + 1);
            if ((0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag))
                return `${show(line)}: ${show(tag)}: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag)}`;
            repo = repo.slice(0, colon);
        }
    }
    else {
        const colon = body.lastIndexOf(':');
        if (colon <= body.lastIndexOf('/')) {
            if (glob)
                return finish(line, registry, image, { prefix: '' }, body);
            return `${show(line)} names no tag or digest; write ${show(`${body}:TAG`)} or ${show(`${body}@sha256:…`)}`;
        }
        repo = body.slice(0, colon);
        const tag = body.slice(colon + 1);
        pin = glob ? { prefix: tag } : { tag };
    }
    return finish(line, registry, image, pin, repo);
}
function finish(line, registry, image, pin, repo) {
    let host = registry;
    let path = repo ?? image;
    const slash = path.indexOf('/');
    if (repo !== undefined && slash > 0 && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .looksLikeHost */ .oc)(path.slice(0, slash))) {
        host = path.slice(0, slash);
        path = path.slice(slash + 1);
        const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .hostProblem */ .Q8)(host) ?? (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .registryProblem */ .T7)(host);
        if (problem)
            return `${show(line)}: the registry ${show(host)} ${problem}`;
        host = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRegistry */ .l5)(host);
    }
    const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .pathProblem */ .z9)(path);
    if (problem)
        return `${show(line)}: ${show(path)} is not a repository path: ${problem}`;
    const long = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .nameLengthProblem */ .nz)(host, path);
    if (long)
        return `${show(line)}: ${long}`;
    if (pin.tag !== undefined && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(pin.tag))
        return `${show(line)}: ${show(pin.tag)}: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(pin.tag)}`;
    if (pin.prefix !== undefined && !TAG_PREFIX.test(pin.prefix))
        return `${show(line)}: ${show(pin.prefix)} cannot begin a tag: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)('-')}`;
    return { line, registry: host, name: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .remotePath */ .QZ)(host, path), ...pin };
}
/** The inputs that shape a build beyond those marked buildx-only in the table. */
const BUILD_INPUTS = ['context', 'file', 'buildArgs', 'labels', 'target', 'noCache', 'pull'];
/** buildx inputs that mean something without a build: `annotations` go on a merge's index. */
const WITH_SOURCES = ['annotations'];
/**
 * Why these inputs cannot go together with `sources`, or undefined: `platforms` and every other build
 * input must be at its default (`defaults`, read as the parser reads them), and the result is pushed.
 */
function sourcesConflict(values, defaults) {
    if (!values.push)
        return {
            input: 'push',
            message: `must be true with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: the sources are put in the registry`
        };
    if (values.platforms.length)
        return {
            input: 'platforms',
            message: `cannot be used with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: nothing is built, and each source brings its own platforms`
        };
    for (const [key, row] of _table_js__WEBPACK_IMPORTED_MODULE_0__/* .ROWS */ .Ir) {
        if (key === 'sources' || WITH_SOURCES.includes(key) || (!row.buildx && !BUILD_INPUTS.includes(key)))
            continue;
        if (JSON.stringify(values[key]) !== JSON.stringify(defaults[key]))
            return {
                input: (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(key),
                message: `cannot be used with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: nothing is built from sources, so build inputs must keep their defaults`
            };
    }
    return undefined;
}
/**
 * `annotations` with `sources`, as key → value for the merged index: a merge writes only the index (the
 * platform manifests stay as they are), so only `index:` or unprefixed ones apply. The reason otherwise.
 */
function indexAnnotations(lines) {
    const out = {};
    for (const line of lines) {
        const a = (0,_metadata_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnnotation */ .fr)(line);
        if (typeof a === 'string')
            return a;
        if (a.level !== undefined && a.level !== 'index')
            return `${show(line)}: a merge writes only the index; the platform manifests stay as they are, so only index annotations apply`;
        out[a.key] = a.value;
    }
    return out;
}


/***/ }),

/***/ 5541:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ir: () => (/* binding */ ROWS),
/* harmony export */   KR: () => (/* reexport safe */ _core_input_ref_js__WEBPACK_IMPORTED_MODULE_0__.KR),
/* harmony export */   TJ: () => (/* binding */ rowByName),
/* harmony export */   f$: () => (/* reexport safe */ _core_input_ref_js__WEBPACK_IMPORTED_MODULE_0__.f$),
/* harmony export */   nx: () => (/* reexport safe */ _core_input_ref_js__WEBPACK_IMPORTED_MODULE_0__.nx),
/* harmony export */   yu: () => (/* binding */ inputName)
/* harmony export */ });
/* unused harmony exports INPUTS, isListKind, flagName */
/* harmony import */ var _core_input_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7571);
// Every input, once. This table drives the action's parser (inputs.ts), the CLI's flags, usage and --help
// (cli.ts), the test fixture, and the generated parts of action.yml and the README. Adding an input is one
// row here plus the code that uses it (and, when its kind's checks are not enough, a validator in inputs.ts).
const INPUTS = {
    context: {
        kind: 'string',
        default: '.',
        description: 'Build context: a directory, or a git URL that docker build accepts (`https://github.com/o/r.git#branch:subdir`).',
        cli: { value: 'DIR|URL', help: 'build context: a directory or a git URL (default .)' }
    },
    sources: {
        kind: 'lines',
        default: '',
        description: 'Images already built, one per line; nothing is built. In a registry: a bare tag or `sha256:…` is on `image`, `repo:tag` and `repo@digest` on `registry`, or give a full reference with its host; a trailing `*` takes every tag with that prefix. On this machine: `docker-daemon:<ref or image ID>`, `oci:<dir>[:<ref>]`, `oci-archive:<file>[:<ref>]`, `docker-archive:<file>[:<ref>]` (the last three need no docker engine). One source is copied byte for byte to every tag (promote); several are merged into one index ([multi-platform runners](#sources-merge-and-promote-without-a-build)).',
        cli: {
            flag: 'source',
            value: 'REF',
            help: 'an image to promote or merge instead of building (a registry reference, or docker-daemon:, oci:, oci-archive:, docker-archive:); repeatable'
        }
    },
    file: {
        kind: 'string',
        default: '',
        description: 'Dockerfile path, relative to the working directory (as `docker build -f` takes it). Empty means `Dockerfile` in the context.',
        cli: { value: 'PATH', help: 'Dockerfile (default: Dockerfile in the context)' }
    },
    image: {
        kind: 'string',
        default: '',
        description: 'Repository path such as `my/nginx` or `${{ github.repository }}`, under `registry`. Required unless `images` is given or `tags` holds full references. Uppercase is lowercased with a notice. A tag, digest or host in it is an error.',
        cli: {
            value: 'PATH',
            help: 'repository path, e.g. my/app (required unless --images, or full references in --tag)'
        }
    },
    registry: {
        kind: 'string',
        default: 'docker.io',
        description: 'Registry `host[:port]`: `ghcr.io`, `localhost:5000`, `[::1]:5000`.',
        cli: { value: 'HOST', help: 'registry host[:port] (default docker.io), e.g. localhost:5000' }
    },
    images: {
        kind: 'lines',
        default: '',
        description: 'Full image names, one per line, as metadata-action takes them (`ghcr.io/octo/app`, or `name=docker.io/octo/app,enable=false`). Instead of `registry` + `image`: every tag goes to every image, and each registry must serve the one digest.',
        cli: {
            flag: 'images',
            value: 'NAME',
            help: 'a full image name (host/path); repeat for several registries'
        }
    },
    registryAuth: {
        kind: 'string',
        default: '',
        secret: true,
        description: "Logins, one per registry, as login-action's YAML list (read with js-yaml, as login-action reads it): `- registry: ghcr.io` / `username: …` / `password: …`; login-action's `ecr` and `scope` keys are accepted. Passwords are masked before anything else runs and go to `docker login` on stdin. For several registries; `username`/`password` stay for one.",
        cli: {
            flag: 'registry-auth-file',
            value: 'PATH',
            from: 'file',
            help: 'a file with the registry-auth list (YAML), kept out of argv'
        }
    },
    tags: {
        kind: 'lines',
        default: '',
        keepQuotes: true,
        description: "Bare tags (newline and/or comma separated), metadata-action's rules (one `type=…` line each, CSV, quoted fields allowed; [table](#tag-rules)), or full references such as `ghcr.io/octo/app:1.0` instead of `image` and `registry` (each image gets exactly the tags named for it, as build-push-action pushes them). Empty derives them from the git context ([table](#automatic-tags-and-labels)).",
        cli: {
            flag: 'tag',
            value: 'TAG',
            help: 'a tag, a type=… rule or a full reference; repeat for more (default: latest, or from the git context in Actions)'
        }
    },
    flavor: {
        kind: 'lines',
        default: '',
        description: "metadata-action's flavor for the rules, one entry per line: `latest=auto` (or `true`, `false`), `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]`.",
        cli: { value: 'SPEC', help: 'tag rules flavor (latest=auto|true|false, prefix=…, suffix=…); repeatable' }
    },
    sepTags: {
        kind: 'string',
        default: '',
        untrimmed: true,
        description: 'Separator of the `tags` output. Empty means a newline.',
        cli: { value: 'SEP', help: 'separator of the tags output (default newline)' }
    },
    sepLabels: {
        kind: 'string',
        default: '',
        untrimmed: true,
        description: 'Separator of the `labels` output. Empty means a newline.',
        cli: { value: 'SEP', help: 'separator of the labels output (default newline)' }
    },
    sepAnnotations: {
        kind: 'string',
        default: '',
        untrimmed: true,
        description: 'Separator of the `annotations` output. Empty means a newline.',
        cli: { value: 'SEP', help: 'separator of the annotations output (default newline)' }
    },
    buildArgs: {
        kind: 'key-value',
        default: '',
        description: 'One `KEY=VALUE` per line; values may contain commas and `=`.',
        cli: { flag: 'build-arg', value: 'K=V', help: 'a build argument; repeatable' }
    },
    labels: {
        kind: 'key-value',
        default: '',
        description: 'One `KEY=VALUE` per line. They override the automatic OCI labels.',
        cli: { flag: 'label', value: 'K=V', help: 'an image label; repeatable' }
    },
    target: {
        kind: 'string',
        default: '',
        description: 'Build stage to stop at.',
        cli: { value: 'STAGE', help: 'build stage to stop at' }
    },
    push: {
        kind: 'boolean',
        default: 'true',
        description: 'Push. With `false` the image is only built and tagged.',
        cli: { help: 'build and tag only' }
    },
    load: {
        kind: 'boolean',
        default: 'false',
        description: 'Also load the image into the local image store (buildx `--load`). With buildx the image is pushed straight from BuildKit, so without `load` it may not be in the local store (the `docker` driver keeps it anyway). The classic engine always keeps it.',
        cli: { help: 'buildx: also load the image into the local image store' }
    },
    outputs: {
        kind: 'lines',
        default: '',
        buildx: true,
        keepQuotes: true,
        description: 'buildx: `--output` specs, one per line (`type=local,dest=out`, `type=oci,dest=img.tar`, `type=registry`), quotes kept for buildx\'s own CSV reader (`type=image,"name=a:1,a:2",push=true`). When set they decide where the result goes: an output that only exports files pushes nothing and yields no digest; `push` then adds nothing.',
        cli: { flag: 'output', value: 'SPEC', help: 'buildx output spec (type=local,dest=DIR, …); repeatable' }
    },
    noCache: {
        kind: 'boolean',
        default: 'false',
        description: 'Build without cache.',
        cli: { help: 'build without cache' }
    },
    pull: {
        kind: 'boolean',
        default: 'false',
        description: 'Always pull newer base images.',
        cli: { help: 'always pull base images' }
    },
    username: {
        kind: 'string',
        default: '',
        description: 'Registry username. With `password`, logs in before the build.',
        cli: { value: 'USER', help: 'registry user; the password is read from stdin (--password-stdin)' }
    },
    password: {
        kind: 'string',
        default: '',
        secret: true,
        description: 'Registry password or token: on stdin only, masked. Surrounding whitespace is trimmed, as docker trims it.',
        cli: { flag: 'password-stdin', from: 'stdin', help: 'read the registry password from stdin' }
    },
    keepLogin: {
        kind: 'boolean',
        default: 'false',
        description: "Keep the logins for the job's later steps (`docker`, `cosign`, `crane`, `actions/attest` …), as login-action does: static `auths` entries in the job's docker config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), used for those registries even where the config names a `credsStore`. The post step removes exactly those entries and puts back what was there before. With `false` nothing of the login outlives this step.",
        cli: { help: 'not for the CLI: it has no post step to remove the login' }
    },
    declareArtifacts: {
        kind: 'boolean',
        default: 'true',
        description: "Declare each pushed image to the runner as `oci://<image-name>@<digest>` in `GITHUB_ARTIFACTS` (where the runner offers it), for `actions/attest` without `subject-name`. Turn it off when another step declares the same names, or to give attest's `push-to-registry` one subject of several targets through `subject-name`.",
        cli: { flag: 'no-artifacts', help: 'do not append the pushed images to $GITHUB_ARTIFACTS' }
    },
    retries: {
        kind: 'number',
        default: '3',
        min: 1,
        max: 10,
        description: 'Total attempts (1-10) for pushes, login and verification requests that fail transiently.',
        cli: { value: 'N', help: 'attempts for transient failures, 1-10 (default 3)' }
    },
    platforms: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: target platforms, e.g. `linux/amd64,linux/arm64`. Several platforms are pushed as one index.',
        cli: {
            flag: 'platform',
            value: 'LIST',
            help: 'buildx platforms, e.g. linux/amd64,linux/arm64; repeatable'
        }
    },
    cacheFrom: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: "buildx: cache sources, one spec per line (`type=registry,ref=…`, `type=gha`). A `type=gha` entry without `scope=` gets the image's own (with `-<target>` when `target` is set), so that images built in one workflow keep apart caches; the log says so once.",
        cli: { value: 'SPEC', help: 'buildx cache source; repeatable' }
    },
    cacheTo: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: cache destinations, one per line. A failed export is a warning, never a failed build. A `type=gha` entry gets the scope `cache-from` gets, and `repository=` and `ghtoken=` (the `github-token`) as build-push-action adds them, unless given.',
        cli: { value: 'SPEC', help: 'buildx cache destination; repeatable' }
    },
    provenance: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: `--provenance` (`true`, `false`, `mode=max`). In a workflow run the provenance names the run as its builder (`builder-id=<server>/<owner/repo>/actions/runs/<id>/attempts/<n>`, as build-push-action sets it) unless a `builder-id` is given. It takes precedence over a provenance entry in `attests`.',
        cli: { value: 'VALUE', help: 'buildx provenance attestation (true, false, mode=max)' }
    },
    sbom: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: `--sbom`.',
        cli: { value: 'VALUE', help: 'buildx SBOM attestation' }
    },
    secrets: {
        kind: 'lines',
        default: '',
        buildx: true,
        secret: true,
        untrimmed: true,
        description: 'buildx: build secrets, one `id=value` per line, for `RUN --mount=type=secret,id=…`. Values are masked and kept as given, trailing whitespace and newlines included (quote a multi-line value whole: `"id=…"`).',
        cli: {
            flag: 'secret',
            value: 'ID=ENV',
            from: 'env',
            help: 'a build secret whose value is read from the environment variable ENV; repeatable'
        }
    },
    secretFiles: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: build secrets from files, one `id=path` per line (a PEM key, any multi-line secret). Each file must exist.',
        cli: { flag: 'secret-file', value: 'ID=PATH', help: 'a build secret read from a file; repeatable' }
    },
    secretEnvs: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: build secrets from environment variables, `id=ENVNAME`, separated by newlines and/or commas. Each variable must be set; its value is masked.',
        cli: {
            flag: 'secret-env',
            value: 'ID=ENV',
            help: 'a build secret read from an environment variable; repeatable'
        }
    },
    builder: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: builder name (setup-buildx-action, or `docker buildx create --driver remote …`).',
        cli: { value: 'NAME', help: 'buildx builder' }
    },
    addHosts: {
        kind: 'list',
        default: '',
        description: 'Extra `/etc/hosts` entries for `RUN`, `host:ip`, separated by newlines and/or commas (`docker build --add-host`).',
        cli: { flag: 'add-host', value: 'HOST:IP', help: 'an /etc/hosts entry for RUN; repeatable' }
    },
    network: {
        kind: 'string',
        default: '',
        description: 'Network mode for `RUN` (`default`, `none`, `host`; the classic builder also takes a network name).',
        cli: { value: 'MODE', help: 'network mode for RUN (default, none, host)' }
    },
    shmSize: {
        kind: 'string',
        default: '',
        description: 'Size of `/dev/shm` for `RUN`: bytes with an optional unit, e.g. `128m`, `1g`.',
        cli: { value: 'SIZE', help: 'size of /dev/shm for RUN, e.g. 128m' }
    },
    ulimit: {
        kind: 'lines',
        default: '',
        description: 'Ulimits for `RUN`, one `name=soft[:hard]` per line, e.g. `nofile=1024:2048`.',
        cli: { value: 'NAME=SOFT[:HARD]', help: 'a ulimit for RUN; repeatable' }
    },
    cgroupParent: {
        kind: 'string',
        default: '',
        description: 'Parent cgroup for `RUN` (`docker build --cgroup-parent`).',
        cli: { value: 'PATH', help: 'parent cgroup for RUN' }
    },
    allow: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: extra privileged entitlements, e.g. `network.host`, `security.insecure` (the builder must allow them too).',
        cli: { value: 'ENTITLEMENT', help: 'buildx entitlement, e.g. network.host; repeatable' }
    },
    buildContexts: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: named contexts for `FROM name` and `COPY --from=name`, one `name=source` per line; the source is a path, a git or https URL, `docker-image://ref` or `oci-layout://path`.',
        cli: { flag: 'build-context', value: 'NAME=SRC', help: 'buildx named build context; repeatable' }
    },
    ssh: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: SSH agent sockets or keys for `RUN --mount=type=ssh`: `default` (the agent at `SSH_AUTH_SOCK`) or `id=path`.',
        cli: { value: 'default|ID=PATH', help: 'buildx SSH agent or key for RUN; repeatable' }
    },
    githubToken: {
        kind: 'string',
        default: '${{ github.token }}',
        secret: true,
        description: "Token for GitHub: BuildKit fetches git contexts on the GitHub host with it (`{{defaultContext}}`, as a `GIT_AUTH_TOKEN.<host>` build secret), and the OCI labels read the repository's title, description, URL and license from the API at `GITHUB_API_URL`. Masked; never in the log, and in argv only as a `type=gha` cache export's `ghtoken=`, as build-push-action passes it.",
        cli: {
            flag: 'github-token-env',
            value: 'VAR',
            from: 'env-name',
            help: 'environment variable holding the token for git contexts on GitHub (default GITHUB_TOKEN)'
        }
    },
    annotations: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: OCI annotations, one `key=value` per line, with an optional `index:`, `manifest:`, `manifest-descriptor:` or `index-descriptor:` level prefix. With `sources`, `index:` (or unprefixed) annotations go on the merged index.',
        cli: { flag: 'annotation', value: '[LEVEL:]K=V', help: 'buildx OCI annotation; repeatable' }
    },
    attests: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: attestations, one `type=sbom` or `type=provenance,…` per line (`--attest`). A provenance entry gets the run as its builder as `provenance` does; `provenance` and `sbom`, when set, take precedence over an entry of their type.',
        cli: { flag: 'attest', value: 'SPEC', help: 'buildx attestation, e.g. type=sbom; repeatable' }
    },
    noCacheFilters: {
        kind: 'list',
        default: '',
        buildx: true,
        description: 'buildx: stages to build without cache, separated by newlines and/or commas.',
        cli: { flag: 'no-cache-filter', value: 'STAGE', help: 'buildx stage to build without cache; repeatable' }
    },
    call: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx 0.15 or later: what the build evaluates: `build` (the default), `check` (Dockerfile checks, findings as annotations), `outline` or `targets`. Anything but `build` pushes nothing.',
        cli: { value: 'METHOD', help: 'buildx 0.15+: build, check, outline or targets' }
    }
};
/** `buildArgs` → `build-args`: the action.yml name of a table key. */
const inputName = (key) => key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
const ROWS = Object.entries(INPUTS);
/** Kinds whose CLI flag may be repeated, each occurrence one entry. */
const isListKind = (kind) => kind === 'list' || kind === 'lines' || kind === 'key-value';
/** The CLI flag name (no dashes) of a row. */
function flagName(key) {
    const row = INPUTS[key];
    if (row.cli.flag)
        return row.cli.flag;
    if (row.kind === 'boolean' && row.default === 'true')
        return `no-${inputName(key)}`;
    return inputName(key);
}
/** The row for an action.yml name, if there is one. */
function rowByName(name) {
    return ROWS.find(([key]) => inputName(key) === name);
}



/***/ }),

/***/ 4911:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ createFence),
/* harmony export */   p: () => (/* binding */ singleLine)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// docker's output, fenced off from the runner's workflow-command parser.
//
// The runner reads a step's stdout and stderr line by line (a line ends at \n, \r\n or a lone \r) and acts on
// every line that starts with `::name` (after leading blanks) or holds `##[name` anywhere. What docker prints
// comes from the build (a Dockerfile's RUN), the registry (its error messages) and the engine: none of it may
// issue a command. So everything docker prints goes between `::stop-commands::<token>` and `::<token>::`,
// where the runner acts on nothing but the closing token. Each region gets a fresh random token, which
// nothing docker runs can see or guess. Our own commands (masks, errors, groups) are written outside the
// regions: while a region is open the runner would ignore an `::add-mask::` too.

const lastIsNewline = (chunk) => typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 0x0a;
/** One writer for a stream the runner reads, shared by docker's output and our own lines. */
function createFence(sink, options = {}) {
    const enabled = options.enabled ?? true;
    const newToken = options.token ?? (() => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'));
    let token;
    let atLineStart = true;
    const put = (chunk) => {
        if (chunk.length === 0)
            return;
        sink(chunk);
        atLineStart = lastIsNewline(chunk);
    };
    const close = () => {
        if (token === undefined)
            return;
        if (!atLineStart)
            put('\n');
        put(`::${token}::\n`);
        token = undefined;
    };
    return {
        write(chunk) {
            if (chunk.length === 0)
                return;
            if (enabled && token === undefined) {
                if (!atLineStart)
                    put('\n');
                token = newToken();
                put(`::stop-commands::${token}\n`);
            }
            put(chunk);
        },
        close,
        own(text) {
            close();
            // Our line must start a line of its own, or its command would not be one.
            if (!atLineStart)
                put('\n');
            put(text);
        }
    };
}
/**
 * Foreign text (a registry's message, a label, a user name) made safe to echo as a plain log line: line
 * breaks become spaces, and what the runner would read as a command (`::` at the start, `##[` anywhere)
 * is broken up. Inside a command's message (`::error::…`) escaping the data is enough; this is for the rest.
 */
function singleLine(text) {
    return text
        .replace(/\r\n|[\r\n]/g, ' ')
        .replace(/##\[/g, '## [')
        .replace(/^(\s*)::/, '$1: :');
}


/***/ }),

/***/ 5831:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   mv: () => (/* binding */ maskableToken),
/* harmony export */   tf: () => (/* binding */ valueSecrets)
/* harmony export */ });
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2020);
// What gets masked: one home for every rule that turns a secret into the strings to register as masks.

/** Lines shorter than this are not masked alone: a mask of `{` would hide every brace in the log. */
const MIN_LINE_MASK = 6;
/**
 * What to mask for a secret value: the value, and each line of a multi-line one (a JSON key file or a PEM
 * key is masked line by line, since a multi-line mask matches nothing in a line-based log).
 */
function valueSecrets(value) {
    if (!value.trim())
        return [];
    const lines = value.includes('\n')
        ? value
            .split(/\r?\n/)
            .map(l => l.trim())
            .filter(l => l.length >= MIN_LINE_MASK)
        : [];
    return [...new Set([value, ...lines])];
}
/** Everything to mask for a password: its value and lines, and the base64 forms docker writes and sends. */
function credentialSecrets(username, password) {
    if (!password.trim())
        return [];
    return [
        ...new Set([
            ...valueSecrets(password),
            Buffer.from(`${username}:${password}`).toString('base64'),
            Buffer.from(password).toString('base64')
        ])
    ];
}
/** A value a registry issues (a bearer token) shorter than this is not masked: see maskableToken. */
const MIN_TOKEN_MASK = 8;
const DIGEST_ALGORITHMS = ['sha256:', 'sha384:', 'sha512:'];
/** Whether `value` could be a piece of some `algorithm:hex` digest (`sha256`, `256:ab`, `deadbeef`, a digest). */
function digestPiece(value) {
    if (/^[0-9a-f]+$/.test(value))
        return true;
    return DIGEST_ALGORITHMS.some(algorithm => {
        for (let i = 0; i < algorithm.length; i++) {
            const rest = algorithm.slice(i);
            if (rest.startsWith(value))
                return true;
            if (value.startsWith(rest) && /^[0-9a-f]*$/.test(value.slice(rest.length)))
                return true;
        }
        return false;
    });
}
/**
 * Whether a value a registry issued (a token, a refresh token) is registered as a mask. The runner hides
 * every occurrence of a mask and drops any job output that holds one, and a registry, a source we do not
 * control among them, chooses its tokens: a token of `sha256` or a piece of the digest it serves would hide
 * every digest and drop the `digest` output, and a short one (`latest`, `app`) the tags and names. Such a
 * value is no credential worth the name; it is still kept out of our own messages (transport.ts redacts
 * it), just not handed to the runner. Real registries issue JWTs or base64 far longer than this.
 */
function maskableToken(value) {
    return value.length >= MIN_TOKEN_MASK && !digestPiece(value);
}
/**
 * The secrets in an http(s) URL's userinfo, as a git context carries them
 * (`https://x-access-token:…@github.com/o/r.git#main:sub`): the password, or the user name when there is no
 * password (a token alone), and the whole userinfo. Raw and percent-decoded, and base64(`user:password`) as git
 * sends it. To mask.
 */
function urlSecrets(value) {
    const found = [];
    for (const m of value.matchAll(/\bhttps?:\/\/([^/?#@\s]+)@/gi)) {
        const userinfo = m[1];
        const colon = userinfo.indexOf(':');
        const secret = colon < 0 ? userinfo : userinfo.slice(colon + 1);
        if (!secret)
            continue;
        found.push(secret, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .percentDecoded */ .oF)(secret));
        // The userinfo as written too: `x-access-token:<token>` is what a log would show of the URL.
        if (colon >= 0)
            found.push(userinfo, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .percentDecoded */ .oF)(userinfo), Buffer.from(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .percentDecoded */ .oF)(userinfo.slice(0, colon))}:${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .percentDecoded */ .oF)(secret)}`).toString('base64'));
    }
    return [...new Set(found)];
}


/***/ }),

/***/ 2425:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ay: () => (/* binding */ timed),
/* harmony export */   de: () => (/* binding */ whereOf)
/* harmony export */ });
/* unused harmony export since */
// How the pipeline talks to its user. The action maps this onto workflow commands; the CLI onto stderr.
/** Where a failure points, when the builder named a file and line (a build step, a check's finding). */
const whereOf = (error) => {
    const where = error?.location;
    return where?.file ? { ...where, file: where.file } : undefined;
};
/** Milliseconds since `start`, rounded. */
const since = (start) => Math.round(performance.now() - start);
/** Runs `fn` and records its duration under `name`. */
async function timed(durations, name, fn) {
    const start = performance.now();
    try {
        return await fn();
    }
    finally {
        durations[name] = since(start);
    }
}


/***/ }),

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ MetadataEnvError),
/* harmony export */   Ol: () => (/* binding */ annotationLevelsOr),
/* harmony export */   Xk: () => (/* binding */ readMetadataEnv),
/* harmony export */   _z: () => (/* binding */ OUTPUT_LEVELS)
/* harmony export */ });
/* unused harmony exports DEFAULT_SHORT_SHA_LENGTH, DEFAULT_METADATA_ENV */
/* harmony import */ var _levels_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6814);
// metadata-action's DOCKER_METADATA_* environment variables, read once with the inputs. Pure over `env`;
// a bad value is a MetadataEnvError naming the variable (inputs.ts turns it into an InputError).

const DEFAULT_SHORT_SHA_LENGTH = 7;
class MetadataEnvError extends Error {
    variable;
    constructor(variable, message) {
        super(message);
        this.variable = variable;
    }
}
/** metadata-action's default for DOCKER_METADATA_ANNOTATIONS_LEVELS: its `annotations` output's levels. */
const OUTPUT_LEVELS = ['manifest'];
/**
 * The levels DOCKER_METADATA_ANNOTATIONS_LEVELS names, else `fallback`: the one reader of the variable.
 * The `annotations` output falls back to metadata-action's `manifest` (OUTPUT_LEVELS); the annotations this
 * action sets on its own builds fall back to the manifest and the index (annotations.ts), where GHCR reads
 * a multi-platform image's description.
 */
const annotationLevelsOr = (env, fallback) => (env.annotationLevels.length ? [...env.annotationLevels] : [...fallback]);
const DEFAULT_METADATA_ENV = {
    prHeadSha: false,
    shortShaLength: DEFAULT_SHORT_SHA_LENGTH,
    annotationLevels: [],
    setOutputEnv: true
};
function readMetadataEnv(env) {
    const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim();
    if (headSha !== '' && !/^(?:true|false)$/i.test(headSha))
        throw new MetadataEnvError('DOCKER_METADATA_PR_HEAD_SHA', `${JSON.stringify(headSha)} must be true or false`);
    const lengthText = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim();
    const shortShaLength = lengthText === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(lengthText);
    if (lengthText !== '' && (!/^[0-9]+$/.test(lengthText) || shortShaLength < 1))
        throw new MetadataEnvError('DOCKER_METADATA_SHORT_SHA_LENGTH', `${JSON.stringify(lengthText)} must be a whole number of at least 1 (the short sha's length; 40 and more is the whole sha)`);
    const levelsText = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '').trim();
    // Split at the commas between levels, not those in a level's platform list (`manifest[linux/amd64,…]`).
    const annotationLevels = levelsText === ''
        ? []
        : (levelsText.match(/(?:\[[^\]]*\]|[^,])+/g) ?? []).map(l => l.trim().toLowerCase());
    for (const level of annotationLevels)
        if (!(0,_levels_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLevel */ .QA)(level))
            throw new MetadataEnvError('DOCKER_METADATA_ANNOTATIONS_LEVELS', `${JSON.stringify(level)} is not an annotation level; use a comma-separated list of ${_levels_js__WEBPACK_IMPORTED_MODULE_0__/* .LEVEL_WORDS */ .P4}`);
    // Read as metadata-action reads it (Go's ParseBool words).
    const outputEnvText = (env.DOCKER_METADATA_SET_OUTPUT_ENV ?? '').trim();
    if (outputEnvText !== '' && !/^(?:1|t|T|true|TRUE|True|0|f|F|false|FALSE|False)$/.test(outputEnvText))
        throw new MetadataEnvError('DOCKER_METADATA_SET_OUTPUT_ENV', `${JSON.stringify(outputEnvText)} must be true or false`);
    const setOutputEnv = outputEnvText === '' || /^(?:1|t|T|true|TRUE|True)$/.test(outputEnvText);
    return { prHeadSha: /^true$/i.test(headSha), shortShaLength, annotationLevels, setOutputEnv };
}


/***/ }),

/***/ 6814:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ LEVEL_WORDS),
/* harmony export */   QA: () => (/* binding */ parseLevel),
/* harmony export */   RD: () => (/* binding */ INDEX_LEVELS),
/* harmony export */   fr: () => (/* binding */ parseAnnotation)
/* harmony export */ });
/* unused harmony export LEVELS */
// The levels buildx puts an annotation at, and the `[level[platforms]:]key=value` grammar it reads one in:
// one home for the `annotations` input, DOCKER_METADATA_ANNOTATIONS_LEVELS and a merge's index. Pure leaf.
const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
/** The levels only an index has. */
const INDEX_LEVELS = new Set(['index', 'index-descriptor']);
const PLATFORM = '[a-z0-9_]+/[a-z0-9_]+(?:/[a-z0-9_.]+)?';
const LEVEL = new RegExp(`^(${LEVELS.join('|')})(?:\\[(${PLATFORM}(?:,${PLATFORM})*)\\])?$`);
const KEY = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;
const LEVEL_WORDS = 'manifest, index, manifest-descriptor or index-descriptor';
/** `manifest`, or a level for some platforms as buildx reads it (`manifest[linux/amd64,linux/arm64]`). */
function parseLevel(text) {
    const m = LEVEL.exec(text);
    return m ? { level: m[1], platform: m[2] } : undefined;
}
const show = (s) => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
/**
 * `[level[platforms]:]key=value`, as buildx reads an annotation (without a level a build puts it on the
 * manifest, a merge on the index). A string says what is wrong with the line.
 */
function parseAnnotation(line) {
    const eq = line.indexOf('=');
    if (eq <= 0)
        return `${show(line)} is not [level:]key=value`;
    const left = line.slice(0, eq);
    const value = line.slice(eq + 1);
    const colon = left.lastIndexOf(':');
    const spec = colon < 0 ? undefined : parseLevel(left.slice(0, colon));
    if (colon >= 0 && !spec)
        return `${show(line)}: ${show(left.slice(0, colon))} is not a level; a level is ${LEVEL_WORDS}, optionally for platforms as in manifest[linux/amd64]`;
    const key = left.slice(colon + 1);
    if (!KEY.test(key))
        return `${show(line)}: the key ${show(key)} must be letters, digits and . _ / -`;
    return { level: spec?.level, platform: spec?.platform, key, value };
}


/***/ }),

/***/ 1398:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ RuleError),
/* harmony export */   iT: () => (/* binding */ parseRule),
/* harmony export */   mu: () => (/* binding */ byPriority),
/* harmony export */   tt: () => (/* binding */ DEFAULT_FLAVOR),
/* harmony export */   wp: () => (/* binding */ parseFlavor)
/* harmony export */ });
/* unused harmony exports RULE_TYPES, DEFAULT_PRIORITY */
/* harmony import */ var _inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3881);
/* harmony import */ var _template_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5730);
// metadata-action's `type=…` tag rules and `flavor` lines, read once with the inputs: defaults filled in as
// metadata-action fills them, every expression parsed, every mistake a RuleError naming the line. What a
// rule yields for an event is tags.ts's part.


class RuleError extends Error {
}
const RULE_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
/** metadata-action's default priorities: the higher runs first, and the first tag made is the version. */
const DEFAULT_PRIORITY = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix'];
/** The attributes each type reads; metadata-action ignores any other, we refuse it (a typo would pass). */
const ATTRIBUTES = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    pep440: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
const DEFAULT_FLAVOR = {
    latest: 'auto',
    prefix: (0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(''),
    prefixLatest: false,
    suffix: (0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(''),
    suffixLatest: false
};
/** `key=value` fields (key lowercased, both trimmed, split at the first `=`); a field without `=` is a value. */
function fields(record) {
    return record
        .filter(f => f.trim() !== '')
        .map(f => {
        const eq = f.indexOf('=');
        return eq <= 0 ? ['value', f.trim()] : [f.slice(0, eq).trim().toLowerCase(), f.slice(eq + 1).trim()];
    });
}
function template(value, scope, what) {
    try {
        return (0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTemplate */ .QC)(value, scope);
    }
    catch (error) {
        if (error instanceof _template_js__WEBPACK_IMPORTED_MODULE_1__/* .TemplateError */ .$w)
            throw new RuleError(`${what}: ${error.message}`);
        throw error;
    }
}
/** `/re/flags` is a regular expression with flags, anything else the expression itself (as String.match). */
function regex(pattern) {
    const literalForm = /^\/(.+)\/(.*)$/.exec(pattern);
    try {
        return literalForm ? new RegExp(literalForm[1], literalForm[2]) : new RegExp(pattern);
    }
    catch (error) {
        throw new RuleError(`pattern ${JSON.stringify(pattern)} is not a regular expression (${error.message})`);
    }
}
/**
 * semver's and pep440's `match`: an expression (as String.match reads a string) whose first group is the
 * version. Without a group metadata-action fails mid-run; here it is an input error.
 */
function versionMatch(pattern) {
    let re;
    try {
        re = new RegExp(pattern);
    }
    catch (error) {
        throw new RuleError(`match ${JSON.stringify(pattern)} is not a regular expression (${error.message})`);
    }
    const groups = new RegExp(`${pattern}|`).exec('').length - 1;
    if (groups < 1)
        throw new RuleError(`match ${JSON.stringify(pattern)} has no group; its first group is the version, e.g. match=app/v(.*)`);
    return { regex: re, pattern };
}
function oneOf(value, allowed, what) {
    if (!allowed.includes(value))
        throw new RuleError(`${what} ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
    return value;
}
/** One rule from its CSV fields (`type=…` first). */
function parseRule(record, source) {
    const attrs = new Map();
    for (const [key, value] of fields(record))
        attrs.set(key, value);
    const type = oneOf(attrs.get('type') ?? '', RULE_TYPES, 'type');
    const allowed = [...COMMON, ...ATTRIBUTES[type]];
    for (const key of attrs.keys())
        if (!allowed.includes(key))
            throw new RuleError(`type=${type} takes no ${key} attribute (it takes ${allowed.slice(1).join(', ')})`);
    const priorityText = attrs.get('priority');
    const priority = priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText);
    if (!Number.isFinite(priority) || priorityText?.trim() === '')
        throw new RuleError(`priority ${JSON.stringify(priorityText)} is not a number`);
    const enableText = attrs.get('enable') ?? 'true';
    const enable = template(enableText, 'global', 'enable');
    if (!(0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .hasExpressions */ .Yo)(enable) && enableText !== 'true' && enableText !== 'false')
        throw new RuleError(`enable must be true or false (or an expression such as {{is_default_branch}})`);
    const rule = { source, type, priority, enable };
    const optional = (key, scope) => {
        const v = attrs.get(key);
        return v === undefined ? undefined : template(v, scope, key);
    };
    rule.prefix = optional('prefix', 'global');
    rule.suffix = optional('suffix', 'global');
    const required = (key) => {
        const v = attrs.get(key);
        if (v === undefined)
            throw new RuleError(`type=${type} needs a ${key} attribute`);
        return v;
    };
    switch (type) {
        case 'schedule':
            rule.pattern = template(attrs.get('pattern') ?? 'nightly', 'schedule', 'pattern');
            break;
        case 'semver':
        case 'pep440':
            rule.pattern = template(required('pattern'), 'version', 'pattern');
            rule.value = template(attrs.get('value') ?? '', 'global', 'value');
            if (attrs.get('match'))
                rule.versionMatch = versionMatch(attrs.get('match'));
            break;
        case 'match': {
            const group = attrs.get('group') ?? '0';
            if (!/^[0-9]+$/.test(group))
                throw new RuleError(`group ${JSON.stringify(group)} is not a group number`);
            const pattern = required('pattern');
            rule.match = { regex: regex(pattern), group: Number(group), pattern };
            rule.value = template(attrs.get('value') ?? '', 'global', 'value');
            break;
        }
        case 'edge':
            rule.branch = attrs.get('branch') ?? '';
            break;
        case 'ref':
            rule.event = oneOf(required('event'), ['branch', 'tag', 'pr'], 'event');
            if (rule.event === 'pr' && rule.prefix === undefined)
                rule.prefix = (0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)('pr-');
            break;
        case 'raw':
            rule.value = template(required('value'), 'global', 'value');
            break;
        case 'sha':
            rule.format = oneOf(attrs.get('format') ?? 'short', ['short', 'long'], 'format');
            if (rule.prefix === undefined)
                rule.prefix = (0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)('sha-');
            break;
    }
    return rule;
}
/** Rules in the order metadata-action applies them: by priority, highest first; ties keep their order. */
const byPriority = (rules) => [...rules].sort((a, b) => b.priority - a.priority);
/** The `flavor` input: `latest=…`, `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]` lines. */
function parseFlavor(lines) {
    const flavor = { ...DEFAULT_FLAVOR };
    for (const line of lines) {
        if (line.trim().startsWith('#'))
            continue; // a comment, as metadata-action reads its list inputs
        let records;
        try {
            records = (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvRecords */ .Xc)(line);
        }
        catch (error) {
            if (error instanceof _inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .CsvError */ .J$)
                throw new RuleError(`${JSON.stringify(line)}: ${error.message}`);
            throw error;
        }
        let onLatestFor;
        for (const [key, value] of fields(records.flat())) {
            if (key === 'value')
                throw new RuleError(`${JSON.stringify(line)}: every entry is key=value`);
            if (key === 'latest')
                flavor.latest = oneOf(value, ['auto', 'true', 'false'], 'latest');
            else if (key === 'prefix' || key === 'suffix') {
                flavor[key] = template(value, 'global', key);
                onLatestFor = key;
            }
            else if (key === 'onlatest') {
                const on = oneOf(value, ['true', 'false'], 'onlatest') === 'true';
                if (onLatestFor === undefined)
                    throw new RuleError(`onlatest follows a prefix or suffix entry`);
                if (onLatestFor === 'prefix')
                    flavor.prefixLatest = on;
                else
                    flavor.suffixLatest = on;
            }
            else
                throw new RuleError(`unknown flavor entry ${JSON.stringify(key)} (latest, prefix, suffix, onlatest)`);
        }
    }
    return flavor;
}


/***/ }),

/***/ 5730:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  $w: () => (/* binding */ TemplateError),
  Yo: () => (/* binding */ hasExpressions),
  eu: () => (/* binding */ literal),
  wy: () => (/* binding */ mentions),
  QC: () => (/* binding */ parseTemplate),
  XX: () => (/* binding */ render)
});

;// CONCATENATED MODULE: ./src/metadata/rules/date.ts
// `{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}`: moment.js format tokens (the ones a tag can use) in an
// IANA time zone, through Intl rather than moment-timezone's data. Pure.
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// moment's token grammar: `[literal]`, then the longest token, else one literal character.
const TOKENS = /\[[^[\]]*\]|YYYYYY|YYYYY|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDDo|DDDo|DDDD|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|GGGG|GG|gggg|gg|WW|Wo|W|ww|wo|w|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|ZZ|Z|zz|z|X|x|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|[\s\S]/g;
/** Tokens moment knows that we do not render (locale weeks, eras, zone names, locale formats). */
const UNSUPPORTED = /^(?:YYYYYY|YYYYY|Qo|Mo|DDDDo|DDDo|do|e|gggg|gg|Wo|ww|wo|w|zz|z|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)$/;
const pad = (n, width) => String(n).padStart(width, '0');
function ordinal(n) {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13)
        return `${n}th`;
    return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
/** Why moment would render `format` differently from us, or undefined. */
function dateFormatProblem(format) {
    for (const token of format.match(TOKENS) ?? [])
        if (UNSUPPORTED.test(token))
            return `the format token ${JSON.stringify(token)} is not supported (use Y, M, D, H, h, m, s, S, d, E, W, G, Q, A, Z, X, x and [text])`;
    return undefined;
}
/** Why `tz` is not an IANA time zone this Node knows, or undefined. */
function timeZoneProblem(tz) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return undefined;
    }
    catch {
        return `${JSON.stringify(tz)} is not a time zone; give an IANA name such as "UTC" or "Europe/Paris"`;
    }
}
function wallClock(date, tz) {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    }).formatToParts(date);
    const get = (type) => Number(parts.find(p => p.type === type)?.value ?? 0);
    const wall = {
        year: get('year'),
        month: get('month'),
        day: get('day'),
        hour: get('hour'),
        minute: get('minute'),
        second: get('second'),
        ms: ((date.getTime() % 1000) + 1000) % 1000
    };
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
    return { ...wall, offset: Math.round((asUtc - date.getTime()) / 60_000) };
}
/** ISO 8601 week number and week-year of a calendar date. */
function isoWeek(year, month, day) {
    const d = new Date(Date.UTC(year, month - 1, day));
    const dow = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - dow); // the week's Thursday decides its year
    const weekYear = d.getUTCFullYear();
    const week = Math.ceil(((d.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
    return { week, year: weekYear };
}
function zone(offset, sep) {
    const a = Math.abs(offset);
    return `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${sep}${pad(a % 60, 2)}`;
}
/** `date` rendered with moment's `format` in the time zone `tz`. */
function formatDate(date, format, tz) {
    const w = wallClock(date, tz);
    const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
    const dayOfYear = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
    const iso = isoWeek(w.year, w.month, w.day);
    const h12 = w.hour % 12 || 12;
    const render = (token) => {
        if (token.startsWith('['))
            return token.slice(1, -1);
        if (/^S+$/.test(token))
            return pad(w.ms, 3).padEnd(token.length, '0').slice(0, token.length);
        switch (token) {
            case 'YYYY':
                return pad(w.year, 4);
            case 'YY':
                return pad(w.year % 100, 2);
            case 'Y':
                return w.year > 9999 ? `+${w.year}` : String(w.year);
            case 'Q':
                return String(Math.ceil(w.month / 3));
            case 'MMMM':
                return MONTHS[w.month - 1];
            case 'MMM':
                return MONTHS[w.month - 1].slice(0, 3);
            case 'MM':
                return pad(w.month, 2);
            case 'M':
                return String(w.month);
            case 'DDDD':
                return pad(dayOfYear, 3);
            case 'DDD':
                return String(dayOfYear);
            case 'DD':
                return pad(w.day, 2);
            case 'Do':
                return ordinal(w.day);
            case 'D':
                return String(w.day);
            case 'dddd':
                return DAYS[dow];
            case 'ddd':
                return DAYS[dow].slice(0, 3);
            case 'dd':
                return DAYS[dow].slice(0, 2);
            case 'd':
                return String(dow);
            case 'E':
                return String(dow || 7);
            case 'GGGG':
                return pad(iso.year, 4);
            case 'GG':
                return pad(iso.year % 100, 2);
            case 'WW':
                return pad(iso.week, 2);
            case 'W':
                return String(iso.week);
            case 'HH':
                return pad(w.hour, 2);
            case 'H':
                return String(w.hour);
            case 'hh':
                return pad(h12, 2);
            case 'h':
                return String(h12);
            case 'kk':
                return pad(w.hour || 24, 2);
            case 'k':
                return String(w.hour || 24);
            case 'mm':
                return pad(w.minute, 2);
            case 'm':
                return String(w.minute);
            case 'ss':
                return pad(w.second, 2);
            case 's':
                return String(w.second);
            case 'A':
                return w.hour < 12 ? 'AM' : 'PM';
            case 'a':
                return w.hour < 12 ? 'am' : 'pm';
            case 'ZZ':
                return zone(w.offset, '');
            case 'Z':
                return zone(w.offset, ':');
            case 'X':
                return String(Math.floor(date.getTime() / 1000));
            case 'x':
                return String(date.getTime());
            default:
                return token;
        }
    };
    return (format.match(TOKENS) ?? []).map(render).join('');
}

;// CONCATENATED MODULE: ./src/metadata/rules/template.ts
// The `{{…}}` expressions of metadata-action's tag rules: the small part of Handlebars they use, parsed
// once when the inputs are read (so a typo is an input error, before any build) and rendered per event.
// Like Handlebars, `{{x}}` HTML-escapes what it inserts (metadata-action's tags then turn the entities
// into `-`), `{{{x}}}` does not, and `\{{` is a literal `{{`.

class TemplateError extends Error {
}
/** Names that take a quoted moment.js format and an optional `tz='Area/City'`. */
const DATE_HELPERS = new Set(['date', 'commit_date']);
const NAMES = {
    // enable, value, prefix, suffix and flavor's prefix/suffix
    global: new Set([
        'branch',
        'tag',
        'sha',
        'base_ref',
        'is_default_branch',
        'is_not_default_branch',
        'date',
        'commit_date'
    ]),
    // type=schedule's pattern
    schedule: new Set(['date', 'commit_date']),
    // type=semver's and type=pep440's pattern
    version: new Set(['raw', 'version', 'major', 'minor', 'patch'])
};
const show = (s) => JSON.stringify(s);
/** What a value of the expression looks like, for messages. */
const WHERE = {
    global: 'in value, enable, prefix, suffix and flavor',
    schedule: "in type=schedule's pattern",
    version: "in type=semver's and type=pep440's pattern"
};
// A quoted string, `key='value'`, or a bare word.
const TOKEN = /\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_]+)=(?:'([^']*)'|"([^"]*)")|([^\s'"=]+))/y;
function parseExpression(body, escape, scope) {
    const words = [];
    TOKEN.lastIndex = 0;
    const text = body.trim();
    while (TOKEN.lastIndex < text.length) {
        const m = TOKEN.exec(text);
        if (!m)
            throw new TemplateError(`{{${body}}} is not an expression we understand`);
        if (m[1] !== undefined || m[2] !== undefined)
            words.push({ quoted: m[1] ?? m[2] });
        else if (m[3] !== undefined)
            words.push({ key: m[3], value: m[4] ?? m[5] });
        else
            words.push({ word: m[6] });
    }
    const [head, ...rest] = words;
    const name = head?.word;
    if (name === undefined)
        throw new TemplateError(`{{${body}}} has no name; expressions are like {{branch}} or {{date 'YYYYMMDD'}}`);
    if (!NAMES[scope].has(name))
        throw new TemplateError(`{{${name}}} is not available ${WHERE[scope]}; there you can use ${[...NAMES[scope]].map(n => `{{${n}}}`).join(', ')}`);
    const expr = { name, escape };
    if (!DATE_HELPERS.has(name)) {
        if (rest.length)
            throw new TemplateError(`{{${name}}} takes no arguments`);
        return expr;
    }
    for (const w of rest) {
        if (w.quoted !== undefined && expr.format === undefined)
            expr.format = w.quoted;
        else if (w.key === 'tz' && expr.tz === undefined)
            expr.tz = w.value;
        else if (w.key !== undefined)
            throw new TemplateError(`{{${name}}}: unknown ${w.key} attribute (only tz)`);
        else
            throw new TemplateError(`{{${name}}} takes one quoted format and tz='Area/City'`);
    }
    if (expr.format === undefined)
        throw new TemplateError(`{{${name}}} needs a quoted format, e.g. {{${name} 'YYYYMMDD'}}`);
    const formatProblem = dateFormatProblem(expr.format);
    if (formatProblem)
        throw new TemplateError(`{{${name} ${show(expr.format)}}}: ${formatProblem}`);
    if (expr.tz !== undefined) {
        const tzProblem = timeZoneProblem(expr.tz);
        if (tzProblem)
            throw new TemplateError(`{{${name}}}: ${tzProblem}`);
    }
    return expr;
}
/** Parses `source`; throws TemplateError naming the expression at fault. */
function parseTemplate(source, scope) {
    const parts = [];
    let text = '';
    let i = 0;
    while (i < source.length) {
        if (!source.startsWith('{{', i)) {
            text += source[i++];
            continue;
        }
        // Backslashes before `{{`, read as Handlebars reads them: one makes the `{{` literal; two or more stand
        // for one fewer, before an expression.
        const slashes = /\\*$/.exec(text)[0].length;
        if (slashes === 1) {
            text = text.slice(0, -1) + '{{';
            i += 2;
            continue;
        }
        if (slashes > 1)
            text = text.slice(0, -1);
        const triple = source.startsWith('{{{', i);
        const close = triple ? '}}}' : '}}';
        const start = i + (triple ? 3 : 2);
        const end = source.indexOf(close, start);
        if (end < 0)
            throw new TemplateError(`${show(source)}: an expression is not closed with ${close}`);
        const body = source.slice(start, end);
        const comment = /^\s*!/.test(body);
        // Handlebars takes the whole run of closing braces after an expression (not a comment): `{{x}}}` ends
        // with `}}}` and does not parse; nor does a comment in triple braces.
        let braces = close.length;
        while (!comment && source[end + braces] === '}')
            braces++;
        if (braces !== close.length || (comment && triple))
            throw new TemplateError(`${show(source)}: ${source.slice(i, end + braces)} is not closed as it opens`);
        i = end + close.length;
        if (comment)
            continue;
        if (/^\s*[#/^>~&]|~\s*$/.test(body))
            throw new TemplateError(`{{${body}}}: blocks, partials and whitespace control are not supported`);
        if (text)
            parts.push(text);
        text = '';
        parts.push(parseExpression(body, !triple, scope));
    }
    if (text)
        parts.push(text);
    return { source, parts };
}
/** A template of plain text, for values given without expressions. */
const literal = (text) => ({ source: text, parts: text ? [text] : [] });
const hasExpressions = (t) => t.parts.some(p => typeof p !== 'string');
/** Whether the template uses the expression `name` (`{{commit_date 'YYYYMMDD'}}` uses commit_date). */
const mentions = (t, name) => !!t?.parts.some(p => typeof p !== 'string' && p.name === name);
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#x27;',
    '`': '&#x60;',
    '=': '&#x3D;'
};
/** Handlebars' escapeExpression. */
const escapeHtml = (s) => s.replace(/[&<>"'`=]/g, c => ENTITIES[c]);
function render(t, values) {
    return t.parts
        .map(part => {
        if (typeof part === 'string')
            return part;
        const v = values[part.name];
        const s = v instanceof Date ? formatDate(v, part.format ?? '', part.tz ?? 'UTC') : (v ?? '');
        return part.escape ? escapeHtml(s) : s;
    })
        .join('');
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 1553:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 5669:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// undici, loaded only where it is used. @actions/core's entry module imports @actions/http-client for OIDC
// tokens we never request, and that imports undici: compiling and running it cost ~100 ms of cold start on
// every run, input errors included. The bundle maps `undici` here (tsconfig `paths`, which ncc honours), so
// undici becomes a chunk of its own, loaded by preload() before Octokit is (see context.ts).

let real
const preload = async () => {
  if (!real) {
    const ns = await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19))
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


/***/ }),

/***/ 2876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  exec: () => (/* binding */ exec),
  getExecOutput: () => (/* binding */ getExecOutput)
});

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
