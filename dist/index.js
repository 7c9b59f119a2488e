import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(431);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eb: () => (/* binding */ buildxOnlyInputs)
/* harmony export */ });
/* unused harmony exports splitList, splitLines, isRemoteContext */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(286);
// Reads every input once, validates it, and returns one typed value. Nothing after this reads raw inputs.



class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Invalid input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
const show = (value) => JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function bool(get, name, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (TRUE.includes(raw))
        return true;
    if (FALSE.includes(raw))
        return false;
    throw new InputError(name, `${show(raw)} is not a boolean; use true or false`);
}
/** Newline and/or comma separated, trimmed, empties dropped, duplicates removed. */
function splitList(raw) {
    return [
        ...new Set(raw
            .split(/[\n,]/)
            .map(s => s.trim())
            .filter(s => s !== ''))
    ];
}
/** One entry per line: values may hold commas. */
function splitLines(raw) {
    return raw
        .split(/\r?\n/)
        .map(s => s.trim())
        .filter(s => s !== '');
}
/** KEY=VALUE lines, keys trimmed. Errors name the key (or line number) but never echo the value. */
function keyValues(get, name) {
    const out = [];
    get(name)
        .split(/\r?\n/)
        .forEach((line, i) => {
        if (line.trim() === '')
            return;
        const eq = line.indexOf('=');
        if (eq < 0)
            throw new InputError(name, `line ${i + 1} has no "=": each line must be KEY=VALUE`);
        const key = line.slice(0, eq).trim();
        if (key === '')
            throw new InputError(name, `line ${i + 1} has an empty key: each line must be KEY=VALUE`);
        if (/\s/.test(key))
            throw new InputError(name, `key ${show(key)} contains whitespace`);
        out.push(`${key}=${line.slice(eq + 1).trim()}`);
    });
    return out;
}
const GIT_URL = /^(?:git:\/\/|git@|github\.com\/|ssh:\/\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/;
const HTTP_URL = /^https?:\/\//;
/** Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles). */
function isRemoteContext(context) {
    return GIT_URL.test(context) || HTTP_URL.test(context);
}
function parseImage(raw, notices) {
    const value = raw.trim();
    if (value === '')
        throw new InputError('image', 'is required, e.g. "my/app" or ${{ github.repository }}');
    if (value.includes('@'))
        throw new InputError('image', `${show(value)} contains a digest; image is the repository path only`);
    const slash = value.indexOf('/');
    if (slash > 0 && (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .looksLikeHost */ .oc)(value.slice(0, slash)))
        throw new InputError('image', `${show(value)} starts with a registry host; put "${value.slice(0, slash)}" in the "registry" input`);
    if (value.includes(':'))
        throw new InputError('image', `${show(value)} contains a tag; put tags in the "tags" input`);
    const lower = value.toLowerCase();
    const problem = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .pathProblem */ .z9)(lower);
    if (problem)
        throw new InputError('image', `${show(value)} is not a valid repository path: ${problem}`);
    if (lower !== value)
        notices.push(`image ${show(value)} was lowercased to ${show(lower)}`);
    return lower;
}
function parseRegistry(raw) {
    const value = raw.trim() || 'docker.io';
    if (/^[a-z]+:\/\//i.test(value))
        throw new InputError('registry', `${show(value)} has a scheme; give host[:port] only, e.g. ghcr.io`);
    if (value.includes('/'))
        throw new InputError('registry', `${show(value)} has a path; put the path in the "image" input`);
    const problem = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .hostProblem */ .Q8)(value);
    if (problem)
        throw new InputError('registry', `${show(value)} is not valid: ${_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .HOST_RULE */ .iB}`);
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRegistry */ .l5)(value);
}
function parseTags(raw) {
    const tags = splitList(raw);
    for (const tag of tags) {
        if (tag.includes(':') || tag.includes('/') || tag.includes('@'))
            throw new InputError('tags', `${show(tag)} is a reference, not a tag; give bare tags like "v1" (image and registry are separate inputs)`);
        const problem = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag);
        if (problem)
            throw new InputError('tags', `${show(tag)} is not a valid tag: ${problem}`);
    }
    return tags;
}
function parseRetries(raw) {
    const value = raw.trim() || '3';
    if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > 10)
        throw new InputError('retries', `${show(value)} must be a whole number of attempts from 1 to 10`);
    return Number(value);
}
const isDir = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isDirectory();
const isFile = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
function checkLocalContext(context, file, cwd) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, context);
    if (!isDir(dir))
        throw new InputError('context', `${show(context)} is not a directory (resolved to ${show(dir)})`);
    if (file !== '') {
        const f = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, file);
        if (!isFile(f))
            throw new InputError('file', `${show(file)} does not exist (resolved to ${show(f)})`);
    }
    else if (!isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'Dockerfile'))) {
        throw new InputError('file', `no Dockerfile in context ${show(context)}; add one or set "file"`);
    }
}
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_.]+)?$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/** Stage and builder names: plain words, so nothing can be read as a flag. */
function parseName(get, name) {
    const value = get(name).trim();
    if (value !== '' && !STAGE.test(value))
        throw new InputError(name, `${show(value)} is not a valid name: letters, digits, "_", "." and "-"`);
    return value;
}
function parsePlatforms(raw) {
    const list = splitList(raw);
    for (const p of list)
        if (!PLATFORM.test(p))
            throw new InputError('platforms', `${show(p)} is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7`);
    return list;
}
function parseSecrets(get) {
    const lines = splitLines(get('secrets'));
    lines.forEach((line, i) => {
        const eq = line.indexOf('=');
        const id = eq < 0 ? '' : line.slice(0, eq).trim();
        if (eq < 0 || !SECRET_ID.test(id))
            throw new InputError('secrets', `line ${i + 1} must be id=value with an id of [A-Za-z0-9_.-]`);
    });
    return lines;
}
function parseAttestation(get, name) {
    const value = get(name).trim();
    if (value.startsWith('-') || /[\s]/.test(value))
        throw new InputError(name, `${show(value)} must be true, false or a buildx attestation spec`);
    return value;
}
function parseCacheSpecs(get, name) {
    const specs = splitLines(get(name));
    for (const spec of specs)
        if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+$/.test(spec))
            throw new InputError(name, `${show(spec)} is not a cache spec like type=registry,ref=host/repo:cache`);
    return specs;
}
/** Reads and validates every input. Throws InputError on the first invalid one. */
function parseInputs(get, cwd = process.cwd()) {
    const notices = [];
    const image = parseImage(get('image'), notices);
    const registry = parseRegistry(get('registry'));
    const lengthProblem = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .nameLengthProblem */ .nz)(registry, image);
    if (lengthProblem)
        throw new InputError('image', lengthProblem);
    const tags = parseTags(get('tags'));
    const context = get('context').trim() || '.';
    const file = get('file').trim();
    const remoteContext = isRemoteContext(context);
    if (!remoteContext)
        checkLocalContext(context, file, cwd);
    const username = get('username').trim();
    const password = get('password');
    if ((username === '') !== (password === ''))
        throw new InputError(username === '' ? 'username' : 'password', 'username and password must be given together (or neither, to use an existing docker login)');
    const inputs = {
        context,
        remoteContext,
        file,
        image,
        registry,
        tags,
        buildArgs: keyValues(get, 'build-args'),
        labels: keyValues(get, 'labels'),
        target: parseName(get, 'target'),
        push: bool(get, 'push', true),
        noCache: bool(get, 'no-cache', false),
        pull: bool(get, 'pull', false),
        username,
        password,
        retries: parseRetries(get('retries')),
        platforms: parsePlatforms(get('platforms')),
        cacheFrom: parseCacheSpecs(get, 'cache-from'),
        cacheTo: parseCacheSpecs(get, 'cache-to'),
        provenance: parseAttestation(get, 'provenance'),
        sbom: parseAttestation(get, 'sbom'),
        secrets: parseSecrets(get),
        builder: parseName(get, 'builder')
    };
    return { inputs, notices };
}
/** The inputs that only buildx understands; asking for them on the classic builder is an input error. */
function buildxOnlyInputs(inputs) {
    const used = [];
    if (inputs.platforms.length)
        used.push('platforms');
    if (inputs.cacheFrom.length)
        used.push('cache-from');
    if (inputs.cacheTo.length)
        used.push('cache-to');
    if (inputs.provenance)
        used.push('provenance');
    if (inputs.sbom)
        used.push('sbom');
    if (inputs.secrets.length)
        used.push('secrets');
    if (inputs.builder)
        used.push('builder');
    return used;
}


/***/ }),

/***/ 431:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: actionReporter, errorLine, maskCredentials

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/commands.ts
// The runner's workflow-command protocol, only the parts this action uses.
//
// Why not @actions/core: its entry module statically imports @actions/http-client (for OIDC tokens we never
// request), which loads undici; measured here that costs ~90 ms of start-up on every run, against a
// budget of 40 ms over a bare `node -e 0` (issue 5). The protocol itself is small and documented:
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions



/** Escaping for a command's message, as the runner decodes it. */
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
class Commands {
    env;
    write;
    constructor(env = process.env, write = line => process.stdout.write(line)) {
        this.env = env;
        this.write = write;
    }
    /** `INPUT_<NAME>` as the runner sets it: spaces become `_`, upper case. */
    getInput(name, trim = true) {
        const value = this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
        return trim ? value.trim() : value;
    }
    issue(command, message) {
        this.write(`::${command}::${escapeData(message)}${external_node_os_.EOL}`);
    }
    info(message) {
        this.write(`${message}${external_node_os_.EOL}`);
    }
    debug(message) {
        this.issue('debug', message);
    }
    notice(message) {
        this.issue('notice', message);
    }
    warning(message) {
        this.issue('warning', message);
    }
    error(message) {
        this.issue('error', message);
    }
    setSecret(value) {
        if (value)
            this.issue('add-mask', value);
    }
    startGroup(name) {
        this.issue('group', name);
    }
    endGroup() {
        this.write(`::endgroup::${external_node_os_.EOL}`);
    }
    async group(name, fn) {
        this.startGroup(name);
        try {
            return await fn();
        }
        finally {
            this.endGroup();
        }
    }
    /** Appends `name<<delimiter` blocks to a file command (GITHUB_OUTPUT, GITHUB_STATE). */
    fileCommand(variable, name, value) {
        const file = this.env[variable];
        if (!file)
            return false;
        const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
        (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
        return true;
    }
    setOutput(name, value) {
        // Outside the runner there is no file: print the legacy command so the value is still visible.
        if (!this.fileCommand('GITHUB_OUTPUT', name, value))
            this.write(`${external_node_os_.EOL}::set-output name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
    }
    saveState(name, value) {
        if (!this.fileCommand('GITHUB_STATE', name, value))
            this.write(`::save-state name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
    }
    getState(name) {
        return this.env[`STATE_${name}`] ?? '';
    }
    /** Appends markdown to the job summary; false when there is none (outside the runner). */
    summary(markdown) {
        const file = this.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return false;
        (0,external_node_fs_.appendFileSync)(file, `${markdown}${external_node_os_.EOL}`, 'utf8');
        return true;
    }
    setFailed(message) {
        process.exitCode = 1;
        this.error(message);
    }
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __nccwpck_require__(422);
// EXTERNAL MODULE: ./src/reporter.ts
var reporter = __nccwpck_require__(622);
;// CONCATENATED MODULE: ./src/summary.ts
function metadata(inputs, result) {
    return {
        image: inputs.image,
        registry: inputs.registry,
        digest: result.digest,
        'image-ref': result.imageRef,
        imageid: result.imageid,
        tags: result.tags,
        'platform-digests': result.platformDigests,
        builder: result.builder,
        pushed: inputs.push,
        size: result.size,
        durations: result.durations,
        counts: result.counts
    };
}
/** The action's outputs by name; the CLI prints the same object with --json. */
function outputs(inputs, result) {
    return {
        digest: result.digest,
        'image-ref': result.imageRef,
        imageid: result.imageid,
        tags: result.tags.join('\n'),
        'platform-digests': JSON.stringify(result.platformDigests),
        metadata: JSON.stringify(metadata(inputs, result))
    };
}
const code = (s) => `\`${s.replace(/`/g, "'")}\``;
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
        ['Image ID', code(result.imageid)],
        ['Builder', result.builder],
        ...Object.entries(result.platformDigests).map(([p, d]) => [`Platform ${p}`, code(d)]),
        ['Size', result.size ? humanSize(result.size) : '_n/a_'],
        ...Object.entries(result.durations).map(([k, v]) => [
            `${k} time`,
            `${(v / 1000).toFixed(1)} s`
        ])
    ];
    const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    const verb = inputs.push ? 'Pushed' : 'Tagged (not pushed)';
    const refs = result.tags.map(t => `- ${code(t)}`).join('\n');
    return `### build-tag-push\n\n${table}\n\n**${verb}:**\n\n${refs}\n`;
}

;// CONCATENATED MODULE: ./src/main.ts
// The action's two ends: inputs from the runner, outputs and summary back to it. The only place that
// calls setFailed.






const STATE_POST = 'isPost';
const STATE_WORKDIR = 'workDir';
const core = new Commands();
const actionReporter = {
    info: m => core.info(m),
    notice: m => core.notice(m),
    warning: m => core.warning(m),
    debug: m => core.debug(m),
    setSecret: v => core.setSecret(v),
    group: (name, fn) => core.group(name, fn)
};
/** Masks the password and the base64 forms docker writes into config files, before anything is logged. */
function maskCredentials(username, password, setSecret) {
    (0,reporter/* credentialSecrets */.DJ)(username, password).forEach(setSecret);
}
async function run() {
    if (core.getState(STATE_POST) === 'true')
        return post();
    core.saveState(STATE_POST, 'true');
    try {
        maskCredentials(core.getInput('username'), core.getInput('password', false), v => core.setSecret(v));
        const get = (name) => core.getInput(name, name !== 'password' && name !== 'secrets');
        const { inputs, notices } = (0,src_inputs/* parseInputs */.TL)(get);
        notices.forEach(n => core.notice(n));
        // Loaded after validation: bad input, the most common failure, fails without loading it.
        const { execute } = await __nccwpck_require__.e(/* import() */ 548).then(__nccwpck_require__.bind(__nccwpck_require__, 548));
        const result = await execute(inputs, {
            reporter: actionReporter,
            tempRoot: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
            out: process.stdout,
            onWorkDir: dir => core.saveState(STATE_WORKDIR, dir)
        });
        for (const [name, value] of Object.entries(outputs(inputs, result)))
            core.setOutput(name, value);
        core.summary(summaryMarkdown(inputs, result));
        core.debug(`done ${Math.round(performance.now())} ms after the process started`);
    }
    catch (error) {
        core.setFailed(errorLine(error));
    }
}
/** One line: the action's failure message must not spill over several annotations. */
function errorLine(error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = message.replace(/\s*\r?\n\s*/g, ' ').trim();
    return error instanceof src_inputs/* InputError */.dz ? line : line || 'build-tag-push failed';
}
/** The post step: remove the private docker config even when main was cancelled or crashed. */
async function post() {
    const workDir = core.getState(STATE_WORKDIR);
    if (workDir)
        await removeQuietly(workDir);
}
async function removeQuietly(dir) {
    try {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    catch (error) {
        core.warning(`could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ }),

/***/ 286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jk: () => (/* binding */ repository),
/* harmony export */   Q8: () => (/* binding */ hostProblem),
/* harmony export */   QZ: () => (/* binding */ remotePath),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   iB: () => (/* binding */ HOST_RULE),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   l5: () => (/* binding */ normalizeRegistry),
/* harmony export */   nz: () => (/* binding */ nameLengthProblem),
/* harmony export */   oc: () => (/* binding */ looksLikeHost),
/* harmony export */   qH: () => (/* binding */ tagProblem),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   z9: () => (/* binding */ pathProblem)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, HUB_AUTH_KEY, TAG_RULE, PATH_RULE, splitHostPort */
// The docker image reference grammar (distribution/reference), as pure functions.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_LABEL = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/;
const IPV6 = /^\[[A-Fa-f0-9:.]+(?:%[A-Za-z0-9]+)?\]$/;
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
const HOST_RULE = 'a registry is host[:port]: DNS labels of [A-Za-z0-9-] separated by ".", or a bracketed IPv6 address, and a port 1-65535';
/** Returns an explanation when `tag` is not a valid tag, otherwise undefined. */
function tagProblem(tag) {
    return TAG.test(tag) ? undefined : TAG_RULE;
}
function isValidTag(tag) {
    return TAG.test(tag);
}
/** Validates a repository path such as `my/nginx` (no host, no tag). */
function pathProblem(path) {
    if (path === '')
        return 'it is empty';
    for (const component of path.split('/')) {
        if (!PATH_COMPONENT.test(component))
            return PATH_RULE;
    }
    return undefined;
}
/** Validates `host[:port]`, including `[::1]:5000`. */
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
        if (!IPV6.test(host))
            return HOST_RULE;
    }
    else {
        const colon = registry.lastIndexOf(':');
        if (colon >= 0) {
            host = registry.slice(0, colon);
            port = registry.slice(colon + 1);
        }
        if (host === '' || !host.split('.').every(label => DOMAIN_LABEL.test(label)))
            return HOST_RULE;
    }
    if (port !== undefined) {
        if (!/^[0-9]{1,5}$/.test(port))
            return HOST_RULE;
        const n = Number(port);
        if (n < 1 || n > 65535)
            return HOST_RULE;
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
function nameLengthProblem(registry, path) {
    const name = repository(registry, path);
    return name.length > NAME_MAX
        ? `the full name ${name.length} characters long exceeds ${NAME_MAX}`
        : undefined;
}
/** Hosts that docker (and we) talk to over plain HTTP: loopback only. */
function isLoopbackRegistry(registry) {
    const host = registry.startsWith('[')
        ? registry.slice(1, registry.indexOf(']'))
        : registry.replace(/:[0-9]+$/, '');
    const h = host.toLowerCase();
    return h === 'localhost' || h === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(h);
}
/**
 * Docker treats the first component of a name as a registry host when it has a "." or ":" or is
 * "localhost". Such an `image` belongs in the `registry` input.
 */
function looksLikeHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
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

/***/ 622:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   ay: () => (/* binding */ timed)
/* harmony export */ });
/* unused harmony export since */
// How the pipeline talks to its user. The action maps this onto workflow commands; the CLI onto stderr.
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
/** The password and the base64 forms docker writes into config files: everything to mask. */
function credentialSecrets(username, password) {
    if (!password)
        return [];
    return [
        password,
        Buffer.from(`${username}:${password}`).toString('base64'),
        Buffer.from(password).toString('base64')
    ];
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 553:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 30:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 574:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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
/******/ var __webpack_exports__ = __nccwpck_require__(407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
