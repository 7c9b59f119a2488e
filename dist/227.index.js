"use strict";
exports.id = 227;
exports.ids = [227];
exports.modules = {

/***/ 2257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ sinceStart),
/* harmony export */   t: () => (/* binding */ now)
/* harmony export */ });
// Milliseconds on node's monotonic clock, read without the global `performance`: its first read loads
// perf_hooks (nine modules, 1 to 2 ms on a slow machine, before the build). process.hrtime is the same clock.
/** Milliseconds on the monotonic clock, from an arbitrary origin: for durations. */
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** Milliseconds since the process started. */
const sinceStart = () => process.uptime() * 1000;


/***/ }),

/***/ 7571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KR: () => (/* binding */ ref),
/* harmony export */   Pe: () => (/* binding */ setting),
/* harmony export */   f$: () => (/* binding */ actionTerm),
/* harmony export */   nx: () => (/* binding */ renderInputRefs),
/* harmony export */   v9: () => (/* binding */ advice)
/* harmony export */ });
/* unused harmony export adviceIn */
// How a message names an input, or advises, without knowing which interface shows it: a marker that the
// action renders as input names and workflow steps, the CLI as --flags and commands. A leaf, so that the
// reference grammar can name inputs too.
/**
 * Stands for "the input(s) NAMES" in a message, so that each interface can say it its own way: the action
 * as input names, the CLI as --flags (see renderInputRefs). JSON-quoted values cannot contain the markers.
 */
const ref = (...names) => `\u0001${names.join(',')}\u0002`;
/**
 * Stands for "set the input NAME to VALUE", which the CLI says its own way: `pass --no-push`, `leave out
 * --no-push` (its term gets `NAME=VALUE`).
 */
const setting = (name, value) => `\u0001${name}=${value}\u0002`;
/**
 * What the user can do where the interfaces differ: a step to add in a workflow, a command to run or a flag
 * to pass on a command line. Each interface's term says its own (`adviceIn`).
 */
const ADVICE = {
    checkout: {
        action: 'add an actions/checkout step before this one, or set the "context" input to {{defaultContext}} to build this commit from git without a checkout',
        cli: 'run it where your Dockerfile is, or pass --context DIR'
    },
    'install-buildx': {
        action: 'set up buildx, e.g. with docker/setup-buildx-action',
        cli: "install the buildx plugin: Docker's docker-buildx-plugin package, or a release of github.com/docker/buildx as ~/.docker/cli-plugins/docker-buildx"
    },
    'update-buildx': {
        action: 'update buildx, e.g. with docker/setup-buildx-action',
        cli: "update the buildx plugin: Docker's docker-buildx-plugin package, or a release of github.com/docker/buildx as ~/.docker/cli-plugins/docker-buildx"
    },
    'log-in': { action: 'docker login, or login-action in an earlier step', cli: 'docker login' },
    'multi-line-secret': {
        action: 'a secret of several lines, such as a GCR key file, breaks the YAML when pasted in: write it as password: ${{ toJSON(secrets.NAME) }}',
        cli: 'a password of several lines goes in a block scalar (password: |) indented as a whole, or as one JSON string'
    },
    'ssh-agent': {
        action: 'start an agent, e.g. with webfactory/ssh-agent',
        cli: 'start an agent: eval "$(ssh-agent)" && ssh-add'
    }
};
/** Stands for the advice KEY, which each interface words its own way (see ADVICE). */
const advice = (key) => `\u0001?${key}\u0002`;
/** The words of an advice marker's name (`?KEY`) in one interface; undefined for a name that is an input. */
const adviceIn = (name, side) => name.startsWith('?') ? ADVICE[name.slice(1)][side] : undefined;
// eslint-disable-next-line no-control-regex -- the markers are control characters so that no value can hold them
const REF = /\u0001([a-z0-9,-]+(?:=[a-z]+)?|\?[a-z-]+)\u0002/g;
/** Replaces every ref() in `text` with `term(names)`. */
const renderInputRefs = (text, term) => text.replace(REF, (_, names) => term(names.split(',')));
/** How the action names inputs: `the "tags" input`, `the "username" and "password" inputs`. */
const actionTerm = (names) => adviceIn(names[0], 'action') ??
    (names.length === 1 && names[0].includes('=')
        ? `set the "${names[0].split('=')[0]}" input to ${names[0].split('=')[1]}`
        : names.length === 1
            ? `the "${names[0]}" input`
            : `the ${names
                .map(n => `"${n}"`)
                .join(', ')
                .replace(/, ([^,]*)$/, ' and $1')} inputs`);


/***/ }),

/***/ 5378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony export */   ve: () => (/* binding */ loginServerHost),
/* harmony export */   z9: () => (/* binding */ pathProblem)
/* harmony export */ });
/* unused harmony exports NAME_MAX, TAG_RULE, PATH_RULE, HOST_RULE, LENGTH_RULE */
/* harmony import */ var _input_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7571);
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
 * ":port" or is "localhost"; anything else (`myhost`) would send the push to Docker Hub's `myhost/\u2026`.
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
/**
 * `index.docker.io` and friends all mean Docker Hub; any other host in lowercase, since a host name is
 * (`LocalHost:5000` and `localhost:5000` are one registry), where docker's config keys are exact strings.
 */
function normalizeRegistry(registry) {
    const lower = registry.toLowerCase();
    return HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
/**
 * A login's server address as `docker login` takes it, down to host[:port]: an http(s) URL by its host (as
 * docker's ConvertToHostname reads `https://index.docker.io/v1/`), and a bare host with a trailing API version
 * path (`/v1/`, `/v2`). Any other path is kept, for registryProblem to refuse.
 */
function loginServerHost(address) {
    const url = /^https?:\/\/([^/]*)/i.exec(address);
    if (url)
        return url[1];
    return address.replace(/\/v[12]\/?$/i, '').replace(/\/$/, '');
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
    // The registry's own host again ("ghcr.io/octo/app" under ghcr.io, metadata-action's `images` form): a
    // valid path, but it would push to ghcr.io/ghcr.io/octo/app.
    const firstLower = first.toLowerCase();
    if (slash >= 0 && (firstLower === registry || firstLower === splitHostPort(registry).host))
        return `starts with the registry's host ${JSON.stringify(first)} (the registry is ${JSON.stringify(registry)}); give only the repository path in ${(0,_input_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('image')}, e.g. ${JSON.stringify(image.slice(slash + 1))}`;
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ YAML_TRUE),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   e7: () => (/* binding */ YAML_FALSE),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   oF: () => (/* binding */ percentDecoded),
/* harmony export */   px: () => (/* binding */ splitKeyValue)
/* harmony export */ });
// Small text helpers that several layers need: one spelling of each.
/**
 * An error's message, whatever was thrown. Read by shape: an error from another realm (node's own under
 * a test's VM context) is no `instanceof Error` here.
 */
const messageOf = (error) => {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
};
/**
 * One line, bounded, so foreign text (a registry's, docker's) can go straight into a log or an error. With
 * `wholeWords`, a cut drops the word it would split: text no one has redacted yet (docker's, which only the
 * runner masks) then shows a token, or a URL holding one, whole or not at all, since the runner hides whole
 * values and never the head of one.
 */
function oneLine(text, max = Infinity, wholeWords = false) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max)
        return flat;
    const cut = flat.slice(0, max - 1);
    const splits = wholeWords && flat[max - 1] !== ' ';
    return `${splits ? cut.slice(0, cut.lastIndexOf(' ') + 1).trimEnd() : cut}\u2026`;
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
/** A value quoted for a message, cut at 200 characters: enough to recognise it, never a page of input. */
const quote = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}\u2026` : value);


/***/ }),

/***/ 4911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ createFence),
/* harmony export */   pF: () => (/* binding */ singleLine),
/* harmony export */   uW: () => (/* binding */ drainOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// docker's output, fenced off from the runner's workflow-command parser.
//
// The runner reads a step's stdout and stderr line by line (a line ends at \n, \r\n or a lone \r) and acts on
// every line that starts with `::name` (after leading blanks) or holds `##[name` anywhere. What docker prints
// comes from the build (a Dockerfile's RUN), the registry (its error messages) and the engine: none of it may
// issue a command. So everything docker prints goes between `::stop-commands::<token>` and `::<token>::`,
// where the runner acts on nothing but the closing token. Each region gets a fresh random token, which
// nothing docker runs can see or guess. Our own commands (masks, errors, groups) are written outside the
// regions: while a region is open the runner would ignore an `::add-mask::` too.

/** A stream's 'drain', for FenceOptions.drain; none for a stream that cannot tell (a test's stand-in). */
const drainOf = (stream) => typeof stream.once === 'function' ? then => void stream.once('drain', then) : undefined;
const lastIsNewline = (chunk) => typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 0x0a;
/** One writer for a stream the runner reads, shared by docker's output and our own lines. */
function createFence(sink, options = {}) {
    const enabled = options.enabled ?? true;
    const newToken = options.token ?? (() => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'));
    let token;
    let atLineStart = true;
    /** False once the sink said its reader is behind, until the next write. */
    let flowing = true;
    const put = (chunk) => {
        if (chunk.length === 0)
            return;
        if (sink(chunk) === false)
            flowing = false;
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
            flowing = true;
            if (chunk.length === 0)
                return true;
            if (enabled && token === undefined) {
                if (!atLineStart)
                    put('\n');
                token = newToken();
                put(`::stop-commands::${token}\n`);
            }
            put(chunk);
            return flowing;
        },
        ...(options.drain && { whenDrained: options.drain }),
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
 * is broken up. Inside a command's message (`::error::\u2026`) escaping the data is enough; this is for the rest.
 */
function singleLine(text) {
    return text
        .replace(/\r\n|[\r\n]/g, ' ')
        .replace(/##\[/g, '## [')
        .replace(/^(\s*)::/, '$1: :');
}


/***/ }),

/***/ 9479:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// @actions/http-client, evaluated only when it is used. @actions/core's entry imports it for OIDC tokens
// (getIDToken), and @actions/github for its proxy agent; evaluating it loads http, https, net and tls (through
// tunnel), a good part of every cold start, input errors included, for runs that never ask for a token. The
// bundle maps `@actions/http-client` here (tsconfig `paths`, which ncc honours); the real module stays in the
// bundle and runs on the first property read.

let real
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, lazy load is the point: webpack bundles the module and runs it on first use
const load = () => (real ??= __webpack_require__(4942))
module.exports = new Proxy(
  {},
  {
    get: (_, name) => (name === '__esModule' ? true : load()[name]),
    has: (_, name) => name in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, name) => {
      const d = Object.getOwnPropertyDescriptor(load(), name)
      return d && { ...d, configurable: true }
    }
  }
)


/***/ }),

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


/***/ })

};
;