export const id = 565;
export const ids = [565];
export const modules = {

/***/ 5565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// UNUSED EXPORTS: PUSH_RETRY_WINDOW_MS, REQUEST_TIMEOUT_MS, runPipeline

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/input-error.ts
var input_error = __webpack_require__(6236);
// EXTERNAL MODULE: ./src/build-options.ts
var build_options = __webpack_require__(3132);
// EXTERNAL MODULE: ./src/input-table.ts
var input_table = __webpack_require__(6914);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/git-source.ts
// Git contexts as BuildKit fetches them: build-push-action's `{{defaultContext}}` resolved to this commit's
// URL, and the credentials for the fetch passed as build secrets (`GIT_AUTH_TOKEN.<host>`, which BuildKit's
// git source looks up by the URL's host) instead of in the URL, where argv, the log and BuildKit's build
// history would keep them. Pure.




/**
 * This commit's git context as @docker/actions-toolkit builds it: `<server>/<owner>/<repo>.git#<ref>`,
 * where the ref is the commit sha, except on pull requests, whose `refs/pull/N/merge` is kept (or
 * `refs/pull/N/head` with DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF=true).
 */
function defaultGitContext(ctx, env = process.env) {
    let gitRef = ctx.ref;
    if (ctx.sha && gitRef && !gitRef.startsWith('refs/'))
        gitRef = `refs/heads/${gitRef}`;
    if (ctx.sha && !gitRef.startsWith('refs/pull/'))
        gitRef = ctx.sha;
    else if (gitRef.startsWith('refs/pull/') && env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF === 'true')
        gitRef = gitRef.replace(/\/merge$/, '/head');
    return `${ctx.serverUrl}/${ctx.repository}.git#${gitRef}`;
}
/** `{{defaultContext}}` → the URL; `{{defaultContext}}:sub` → the URL with `:sub` after its ref. */
function expandDefaultContext(value, url, input) {
    const m = build_options/* DEFAULT_CONTEXT */.A2.exec(value);
    if (!m)
        return value;
    if (!url)
        throw new input_error/* InputError */.d(input, `{{defaultContext}} is this commit on GitHub, and there is no GitHub context here (GITHUB_REPOSITORY is not set); give ${(0,input_table/* ref */.KR)(input)} a path or a git URL`);
    return m[1] ? `${url}:${m[1]}` : url;
}
/** An http(s) URL that docker and BuildKit treat as a git repository. */
function isHttpGitUrl(value, githubHost) {
    const m = /^https?:\/\/(?:[^/?#@\s]*@)?([^/?#\s]+)([^#\s]*)/i.exec(value);
    if (!m)
        return false;
    return /\.git$/.test(m[2]) || (githubHost !== undefined && m[1].toLowerCase() === githubHost);
}
/** The host of an http(s) URL as BuildKit's secret names use it (with the port, lowercased). */
const hostOf = (value) => /^https?:\/\/(?:[^/?#@\s]*@)?([^/?#\s]+)/i.exec(value)[1].toLowerCase();
/**
 * The context and named contexts as docker gets them, and the secrets that authenticate their fetches.
 * With buildx, an https git URL's userinfo moves into a secret: `x-access-token:<token>` (the GitHub form)
 * becomes `GIT_AUTH_TOKEN.<host>`, any other user the Basic header `GIT_AUTH_HEADER.<host>`, so the
 * fetch sends what the URL would have. `github-token` becomes `GIT_AUTH_TOKEN.<github host>` when a git
 * URL goes to the GitHub host, as build-push-action passes it, unless a secret of that id is given.
 */
function gitSources(inputs, opts) {
    const context = expandDefaultContext(inputs.context, opts.defaultContext, 'context');
    const named = inputs.buildContexts.map(entry => {
        const { key, value } = (0,src_text/* splitKeyValue */.px)(entry);
        return { key, value: expandDefaultContext(value, opts.defaultContext, 'build-contexts') };
    });
    const join = (n) => `${n.key}=${n.value}`;
    // The classic builder's git clones the URL itself: it gets the URL as written.
    if (!opts.buildx)
        return { context, buildContexts: named.map(join), secrets: [] };
    const githubHost = hostOf(opts.serverUrl);
    const secrets = new Map();
    const gitHosts = new Set();
    const strip = (value) => {
        if (!isHttpGitUrl(value, githubHost))
            return value;
        const host = hostOf(value);
        gitHosts.add(host);
        // https only: over plain http this BuildKit (0.13, dockerd 26) sends no secret with the fetch (tried
        // against a local git server), so an http URL keeps its userinfo, masked as before.
        const m = /^(https:\/\/)([^/?#@\s]+)@(.*)$/is.exec(value);
        if (!m)
            return value;
        const [user, password] = splitUserinfo(m[2]);
        if (user === 'x-access-token' && password)
            secrets.set(`GIT_AUTH_TOKEN.${host}`, password);
        else
            secrets.set(`GIT_AUTH_HEADER.${host}`, `basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
        return `${m[1]}${m[3]}`;
    };
    const resolved = {
        context: strip(context),
        buildContexts: named.map(n => join({ ...n, value: strip(n.value) }))
    };
    const given = new Set(inputs.secrets.map(line => (0,src_text/* splitKeyValue */.px)(line).key));
    const tokenId = `GIT_AUTH_TOKEN.${githubHost}`;
    const taken = [tokenId, 'GIT_AUTH_TOKEN', `GIT_AUTH_HEADER.${githubHost}`].some(id => given.has(id) || secrets.has(id));
    if (inputs.githubToken && gitHosts.has(githubHost) && !taken)
        secrets.set(tokenId, inputs.githubToken);
    // A user's own secret of the same id wins: theirs is passed, ours not.
    for (const id of given)
        secrets.delete(id);
    return { ...resolved, secrets: [...secrets].map(([key, value]) => ({ key, value })) };
}
/** `user:password`, each percent-decoded as git decodes them. */
function splitUserinfo(userinfo) {
    const colon = userinfo.indexOf(':');
    const [user, password] = colon < 0 ? [userinfo, ''] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
    return [decode(user), decode(password)];
}
function decode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __webpack_require__(8286);
;// CONCATENATED MODULE: ./src/credentials.ts
// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.






const HELPER_TIMEOUT_MS = 10000;
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
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
    return (0,src_reference/* isDockerHub */.gr)(registry) ? (0,src_reference/* isDockerHub */.gr)(host) : host === registry.toLowerCase();
}
/** The entry for `registry`, preferring an exact key over a merely equivalent one. */
function entryFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const exact = (0,src_reference/* isDockerHub */.gr)(registry) ? src_reference/* HUB_AUTH_KEY */.Ts : registry;
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
/** A runner that spawns `docker-credential-<helper>` directly (no shell), killed after `timeoutMs`. */
function helperRunner({ env = process.env, timeoutMs = HELPER_TIMEOUT_MS } = {}) {
    return (helper, input) => new Promise((resolve, reject) => {
        const program = `docker-credential-${helper}`;
        const child = (0,external_node_child_process_.spawn)(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const out = [];
        const err = [];
        let settled = false;
        const settle = (error, stdout = '') => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (error)
                reject(error);
            else
                resolve(stdout);
        };
        // Our own deadline: spawn's `timeout` leaves its timer behind when the binary is missing, and waiting
        // for 'close' would also wait for any grandchild still holding the pipes.
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            child.stdout.destroy();
            child.stderr.destroy();
            settle(new Error(`${program} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', error => settle(error));
        // A helper that exits before reading stdin makes the write fail with EPIPE; its exit status says more.
        child.stdin.on('error', () => { });
        child.on('close', (code, signal) => {
            const stdout = Buffer.concat(out).toString('utf8');
            if (code === 0)
                return settle(undefined, stdout);
            const said = (Buffer.concat(err).toString('utf8') || stdout).replace(/\s+/g, ' ').trim().slice(0, 200);
            const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
            settle(new Error(`${program} ${how}${said ? `: ${said}` : ''}`));
        });
        child.stdin.end(input);
    });
}
const runCredentialHelper = helperRunner();
async function readConfig(configDir) {
    const file = (0,external_node_path_.join)(configDir, 'config.json');
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
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
            output = await run(helper, (0,src_reference/* isDockerHub */.gr)(registry) ? src_reference/* HUB_AUTH_KEY */.Ts : registry);
        }
        catch (err) {
            const code = err.code;
            const message = (0,src_text/* messageOf */.bD)(err);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/docker-config.ts
// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.




/** Directories that carry plugins, builders and contexts rather than credentials. */
const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
const credentialKey = (registry) => ((0,src_reference/* isDockerHub */.gr)(registry) ? src_reference/* HUB_AUTH_KEY */.Ts : registry);
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
            if (!(0,src_reference/* isDockerHub */.gr)(registry))
                helpers[registry] = '';
            delete auths[credentialKey(registry)];
        }
        config.credHelpers = helpers;
        config.auths = auths;
    }
    return config;
}
/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
async function createPrivateConfig(dir, userDir, loginRegistries = []) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    let user = {};
    const userFile = external_node_path_default().join(userDir, 'config.json');
    if ((0,external_node_fs_.existsSync)(userFile)) {
        try {
            user = JSON.parse(await (0,promises_.readFile)(userFile, 'utf8'));
        }
        catch {
            // An unreadable config gives the same result as none: docker would refuse it anyway.
            user = {};
        }
    }
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
        mode: 0o600
    });
    for (const name of LINKED_DIRS) {
        const target = external_node_path_default().join(userDir, name);
        if ((0,external_node_fs_.existsSync)(target))
            await (0,promises_.symlink)(target, external_node_path_default().join(dir, name));
    }
}

;// CONCATENATED MODULE: ./src/retry.ts
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
 * A build step that failed: BuildKit's `process "/bin/sh -c …" did not complete successfully` and the classic
 * builder's `The command '/bin/sh -c …' returned a non-zero code`. The quoted command is the user's, and so
 * are any words in it: such a failure is never retried and never taken for an auth problem.
 */
const BUILD_STEP_FAILED = /\bprocess ".*" did not complete successfully|\bThe command '.*' returned a non-zero code/;
/** Whether an error (or its message) says a build step failed: no hint applies to it. */
const isBuildStepFailure = (error) => BUILD_STEP_FAILED.test((0,src_text/* messageOf */.bD)(error));
/** Classifies free text such as docker's error line or an HTTP error line. */
function classify(text) {
    if (BUILD_STEP_FAILED.test(text))
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
    return classify((0,src_text/* messageOf */.bD)(err));
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
/** The last transient error, told how long we tried, so the one error line tells the whole story. */
function gaveUp(error, attempt, outOfTime) {
    if ((attempt === 1 && !outOfTime) || !(error instanceof Error))
        return error;
    error.message += outOfTime
        ? ` (gave up after ${attempt} attempt(s): no time left for another)`
        : ` (after ${attempt} attempts)`;
    return error;
}

;// CONCATENATED MODULE: ./src/labels.ts


const LABEL_TITLE = 'org.opencontainers.image.title';
const LABEL_DESCRIPTION = 'org.opencontainers.image.description';
const LABEL_URL = 'org.opencontainers.image.url';
const LABEL_LICENSES = 'org.opencontainers.image.licenses';
/**
 * The labels a repository's metadata gives. Empty fields give no label (an empty label would only hide
 * one from the base image); nor does GitHub's `NOASSERTION`, its word for a license it could not identify.
 */
function repositoryLabels(repo) {
    const labels = {};
    const set = (key, value) => {
        if (typeof value === 'string' && value.trim() !== '')
            labels[key] = value.trim();
    };
    set(LABEL_TITLE, repo.name);
    set(LABEL_DESCRIPTION, repo.description);
    set(LABEL_URL, repo.html_url);
    const spdx = repo.license?.spdx_id;
    if (spdx !== 'NOASSERTION')
        set(LABEL_LICENSES, spdx);
    return labels;
}
/** Per-request deadline: an API that does not answer must not hold the build for long. */
const API_TIMEOUT_MS = 10_000;
/**
 * The repository labels for this run, or none: only in Actions, with a repository and a token. An API that
 * does not answer after the retries, or refuses, costs one warning and no labels; the build goes on.
 */
async function loadRepositoryLabels(ctx, opts) {
    if (!ctx.actions || !ctx.repository || !opts.token)
        return {};
    // Masked before anything can print it (the runner masks github.token itself, not every PAT).
    opts.reporter.setSecret(opts.token);
    try {
        return repositoryLabels(await fetchRepository(ctx.repository, opts));
    }
    catch (error) {
        opts.reporter.warning(`could not read the repository's metadata from the GitHub API (${(0,src_text/* oneLine */.TN)((0,src_text/* messageOf */.bD)(error), 300)}); the title, description, url and licenses labels are left out`);
        return {};
    }
}
/** `GET /repos/{owner}/{repo}` through Octokit, retried while the failure is transient. */
async function fetchRepository(repository, opts) {
    const env = opts.env ?? process.env;
    const [owner, repo] = repository.split('/');
    // Octokit's fetch is undici's, which is a lazy chunk: it must be loaded before the first request.
    await (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5669, 23))).preload();
    const { getOctokit } = await __webpack_require__.e(/* import() */ 747).then(__webpack_require__.bind(__webpack_require__, 3747));
    const octokit = getOctokit(opts.token, {
        baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
    const timeoutMs = opts.timeoutMs ?? API_TIMEOUT_MS;
    return retry(async () => {
        try {
            const { data } = await octokit.rest.repos.get({
                owner,
                repo,
                request: { signal: AbortSignal.timeout(timeoutMs) }
            });
            return data;
        }
        catch (error) {
            throw classified(error);
        }
    }, {
        attempts: opts.attempts,
        sleep: opts.sleep,
        // Retries are told in the debug log only: the user hears once, when the metadata is given up on.
        onRetry: info => opts.reporter.debug(`GitHub API: attempt ${info.attempt} failed: ${(0,src_text/* messageOf */.bD)(info.error)}`)
    });
}
/**
 * Octokit's RequestError as our retry understands it: no answer, a timeout, 429 and 5xx are transient;
 * any other status (401, 403, 404) is the answer and is not asked again.
 */
function classified(error) {
    const status = error?.status;
    const cause = error?.cause;
    const message = (0,src_text/* messageOf */.bD)(error) + (cause ? `: ${(0,src_text/* messageOf */.bD)(cause)}` : '');
    if (typeof status === 'number' && status > 0 && status < 500 && status !== 429)
        return new ClassifiedError(`HTTP ${status}: ${message}`, 'fatal');
    return new ClassifiedError(typeof status === 'number' ? `HTTP ${status}: ${message}` : message, 'transient');
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/build-flags.ts
/** `--call` as we run it: `check` asks for JSON, the findings' machine form (see check.ts). */
const callArg = (call) => (call === 'check' ? 'check,format=json' : call);
/**
 * The classic builder takes add-hosts, network, shm-size, ulimit and cgroup-parent too; the rest are
 * buildx's (checkBuilder refused them without buildx). Each list entry is one flag, as buildx wants.
 */
function optionArgs(inputs, plan, buildx) {
    const args = [];
    for (const host of inputs.addHosts)
        args.push(`--add-host=${host}`);
    if (inputs.network)
        args.push(`--network=${inputs.network}`);
    if (inputs.shmSize)
        args.push(`--shm-size=${inputs.shmSize}`);
    for (const limit of inputs.ulimit)
        args.push(`--ulimit=${limit}`);
    if (inputs.cgroupParent)
        args.push(`--cgroup-parent=${inputs.cgroupParent}`);
    if (!buildx)
        return args;
    for (const entitlement of inputs.allow)
        args.push(`--allow=${entitlement}`);
    for (const context of plan.buildContexts ?? inputs.buildContexts)
        args.push(`--build-context=${context}`);
    for (const spec of inputs.ssh)
        args.push(`--ssh=${spec}`);
    for (const annotation of inputs.annotations)
        args.push(`--annotation=${annotation}`);
    for (const attest of inputs.attests)
        args.push(`--attest=${attest}`);
    for (const stage of inputs.noCacheFilters)
        args.push(`--no-cache-filter=${stage}`);
    if (inputs.call)
        args.push(`--call=${callArg(inputs.call)}`);
    return args;
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./src/fence.ts
var src_fence = __webpack_require__(634);
;// CONCATENATED MODULE: ./src/exec.ts
// The one funnel through which this program starts processes (docker, always): argument arrays, never a
// shell string, and every process bounded.
//
// Two paths, because @actions/exec gives no handle on the child it starts:
// - Commands whose output is only captured (inspect, info, login) run through @actions/exec, under
//   coreutils `timeout -k 5 <s>`, which enforces their fixed deadline by itself.
// - Commands whose output is streamed (build, push) are started with node's child_process, each in a
//   process group of its own. A push must be stopped when it stalls (no new line of output for a while) or
//   runs past its ceiling, and a build or push must be stopped, together with the buildx plugin that docker
//   runs below it, when the job is cancelled. All of that needs the child's pid, which @actions/exec keeps
//   to itself.
// While such a child runs, SIGINT and SIGTERM (the runner cancelling the job) stop it: SIGTERM to its group,
// SIGKILL 2 s later; the process then exits with 128 + the signal's number.






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
        : (0,src_fence/* createFence */.K)(chunk => out.write(chunk), {
            enabled: out === process.stdout || env.GITHUB_ACTIONS === 'true'
        });
    // Loads while the registry preflight runs, not after it.
    const actionsExec = Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2876));
    return async (command, args, childEnv, options) => {
        if (cancelledBy)
            return refused(cancelledBy);
        if (options.stream || options.watch) {
            if (options.stream)
                fence.own(`[command]${(0,src_fence/* singleLine */.p)(options.display ?? [command, ...args].join(' '))}\n`);
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
        const exec = (file, argv) => getExecOutput(file, argv, {
            env: childEnv,
            input: options.input,
            silent: true,
            ignoreReturnCode: true
        });
        if (!timeout || options.deadlineMs === undefined) {
            const { exitCode, stdout, stderr } = await exec(command, args);
            return { exitCode, stdout, stderr };
        }
        const afterMs = options.deadlineMs;
        const started = Date.now();
        const { exitCode, stdout, stderr } = await exec(timeout, ['-k', '5', seconds(afterMs), command, ...args]);
        // 124: timeout stopped it; a failure once the deadline passed: it took the SIGKILL (137) or died of it.
        if (exitCode === 124 || (exitCode !== 0 && Date.now() - started >= afterMs))
            return { exitCode, stdout, stderr, stopped: { reason: 'deadline', afterMs } };
        return { exitCode, stdout, stderr };
    };
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
/** Children started by spawnWatched that have not closed yet. */
const live = new Set();
let cancelledBy;
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
        const child = (0,external_node_child_process_.spawn)(command, args, {
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
        const decoders = { stdout: new external_node_string_decoder_.StringDecoder('utf8'), stderr: new external_node_string_decoder_.StringDecoder('utf8') };
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
            if (live.size === 0 && !cancelledBy)
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

;// CONCATENATED MODULE: ./src/docker.ts
// The docker CLI. Every call goes through one funnel (`Docker.exec`) and an injected runner (src/exec.ts);
// argv comes from pure builders so it can be table-tested.







/** Deadline of the commands that should take seconds: inspect, info, login. */
const SHORT_DEADLINE_MS = 60_000;
/**
 * A push is stopped after this long without a new status line. Without a terminal docker prints no byte
 * progress, so a layer uploading is silence too: the window grows with the image (PUSH_MIN_THROUGHPUT).
 */
const PUSH_STALL_MS = 60_000;
/** A push is stopped after max(this, image size at PUSH_MIN_THROUGHPUT). */
const PUSH_MIN_MS = 180_000;
/** The slowest push taken for a healthy one: 1 MiB/s. */
const PUSH_MIN_THROUGHPUT = 1024 * 1024;
/** The bounds, each overridable by a positive integer in BTP_SHORT_DEADLINE_MS, BTP_PUSH_STALL_MS, BTP_PUSH_MIN_MS. */
function boundsFrom(env) {
    const ms = (name, fallback) => {
        const value = env[name]?.trim();
        return value && /^[1-9][0-9]*$/.test(value) ? Number(value) : fallback;
    };
    return {
        shortMs: ms('BTP_SHORT_DEADLINE_MS', SHORT_DEADLINE_MS),
        pushStallMs: ms('BTP_PUSH_STALL_MS', PUSH_STALL_MS),
        pushMinMs: ms('BTP_PUSH_MIN_MS', PUSH_MIN_MS)
    };
}
/** A push's stall window and ceiling for an image of `size` bytes (0: unknown, the minimums). */
function pushWatch(bounds, size = 0) {
    const atMinThroughput = Math.ceil((Math.max(size, 0) / PUSH_MIN_THROUGHPUT) * 1000);
    return {
        stallMs: Math.max(bounds.pushStallMs, atMinThroughput),
        ceilingMs: Math.max(bounds.pushMinMs, atMinThroughput)
    };
}
/** 4000 → "4", 2500 → "2.5". */
const formatSeconds = (ms) => String(Math.round(ms / 100) / 10);
class DockerError extends ClassifiedError {
    command;
    exitCode;
    stderr;
    constructor(command, exitCode, stderr, 
    /** Our own account, when we stopped the process (a bound, a cancel): docker's last words are fallout. */
    own) {
        const detail = lastMeaningfulLine(stderr);
        super(own?.message ?? `docker ${command} failed (exit ${exitCode})${detail ? `: ${detail}` : ''}`, own?.kind ?? classify(detail));
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'DockerError';
    }
}
/** What a stopped process's error says: a bound is transient (retried), a cancel is not. */
function stoppedError(command, result, stop, subject) {
    const on = subject ? ` on ${subject}` : '';
    const own = stop.reason === 'signal'
        ? {
            message: `docker ${command} stopped: the run was cancelled (${stop.signal})`,
            kind: 'fatal'
        }
        : stop.reason === 'stall'
            ? {
                message: `docker ${command} stalled: no progress for ${formatSeconds(stop.afterMs)} s${on}`,
                kind: 'transient'
            }
            : {
                message: `docker ${command} timed out after ${formatSeconds(stop.afterMs)} s${on}`,
                kind: 'transient'
            };
    return new DockerError(command, result.exitCode, result.stderr, own);
}
/**
 * docker's own final error line: the one that says what went wrong, and the only text a failure is
 * classified on. On BuildKit stderr holds the whole build log, so words a build step prints ("connection
 * refused", "permission denied") must not count: build log lines (`#5 0.1 …`) are skipped, and buildx's
 * closing `ERROR: ` line wins. Deprecation notices are skipped too.
 */
function lastMeaningfulLine(text) {
    const lines = [];
    let inNotice = false;
    for (const raw of text.split(/\r?\n/)) {
        // A notice is a "DEPRECATED:" line followed by indented continuation lines.
        inNotice = raw.startsWith('DEPRECATED:') || (inNotice && /^\s/.test(raw));
        if (!inNotice && raw.trim() !== '')
            lines.push(raw.trim());
    }
    // No engine: the CLI's own sentence says it; the log lines around it are only the fallout.
    const noEngine = lines.find(l => NO_ENGINE_LINE.test(l));
    if (noEngine)
        return noEngine.replace(/^(ERROR|docker):\s*/, '');
    const own = lines.filter(l => !BUILD_LOG_LINE.test(l));
    const last = (test) => own.findLastIndex(test);
    let at = last(l => l.startsWith('ERROR: '));
    if (at < 0)
        at = last(l => /error|denied|unauthorized|failed|invalid/i.test(l));
    if (at < 0)
        at = own.length - 1;
    return continued(own, at).replace(/^ERROR:\s*/, '');
}
/**
 * A line with the lines that finish its sentence: git breaks `fatal: unable to connect to 127.0.0.1:` from
 * `127.0.0.1[0: 127.0.0.1]: errno=Connection refused`, and docker adds `: exit status 128` on a line of its
 * own. A line ending in ":" goes on, and so does one that the next line continues with ":".
 */
function continued(lines, at) {
    if (at < 0)
        return '';
    let text = lines[at];
    for (let i = at + 1; i < lines.length && (text.endsWith(':') || lines[i].startsWith(':')); i++)
        text = text.endsWith(':') && !lines[i].startsWith(':') ? `${text} ${lines[i]}` : `${text}${lines[i]}`;
    return text;
}
/** buildx's progress once it pushes: from BuildKit (`pushing layers`) or through the docker driver. */
const PUSH_PHASE = /^#\d+ pushing (?:layers|manifest|layer |\S+ with docker)/m;
/** A line of BuildKit's plain progress: `#5 [2/2] RUN …`, `#5 0.123 what the step printed`. */
const BUILD_LOG_LINE = /^#\d+ /;
/** The CLI's no-engine sentence as it starts a line of its own (not quoted by a build step). */
const NO_ENGINE_LINE = new RegExp(`^(ERROR:\\s*|docker:\\s*)?(${NO_ENGINE.source})`, 'i');
/** A context path that starts with "-" would be read as a flag. */
const safeContext = (context) => (context.startsWith('-') ? `./${context}` : context);
/** The argv of `docker build` (classic) or `docker buildx build`. Pure. */
function buildArgs(inputs, plan, buildx = false) {
    const args = buildx ? ['buildx', 'build'] : ['build'];
    if (buildx && inputs.builder)
        args.push(`--builder=${inputs.builder}`);
    if (plan.iidfile)
        args.push(`--iidfile=${plan.iidfile}`);
    if (inputs.file)
        args.push(`--file=${inputs.file}`);
    if (inputs.target)
        args.push(`--target=${inputs.target}`);
    for (const arg of inputs.buildArgs)
        args.push(`--build-arg=${arg}`);
    for (const label of plan.labels)
        args.push(`--label=${label}`);
    if (inputs.pull)
        args.push('--pull');
    if (inputs.noCache)
        args.push('--no-cache');
    args.push(...optionArgs(inputs, plan, buildx));
    if (buildx) {
        if (plan.metadataFile)
            args.push(`--metadata-file=${plan.metadataFile}`);
        if (inputs.platforms.length)
            args.push(`--platform=${inputs.platforms.join(',')}`);
        for (const spec of inputs.cacheFrom)
            args.push(`--cache-from=${spec}`);
        for (const spec of inputs.cacheTo)
            args.push(`--cache-to=${withIgnoreError(spec)}`);
        if (inputs.provenance)
            args.push(`--provenance=${inputs.provenance}`);
        if (inputs.sbom)
            args.push(`--sbom=${inputs.sbom}`);
        for (const s of plan.secretFiles ?? [])
            args.push(`--secret=id=${s.id},src=${s.path}`);
        for (const a of plan.annotations ?? [])
            args.push(`--annotation=${a}`);
        args.push(...(plan.exports ?? []));
    }
    for (const ref of plan.refs)
        args.push(`--tag=${ref}`);
    args.push(safeContext(plan.context ?? inputs.context));
    return args;
}
/** A failed cache export must never fail a good build. */
function withIgnoreError(spec) {
    return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`;
}
/**
 * The build command line with build-arg values hidden (people pass tokens that way despite the advice) and
 * the userinfo of an http(s) URL, a git context's token, shown as `***`.
 */
function displayArgs(args) {
    return ['docker', ...args]
        .map(a => a.replace(/^(--build-arg=[^=]+=).*$/s, '$1***').replace(USERINFO, '$1***@'))
        .join(' ');
}
/** `https://user:token@host/…`: scheme, then the userinfo (no `/`, `?`, `#` or `@` in it). */
const USERINFO = /\b(https?:\/\/)[^/?#@\s]+@/gi;
const PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins'
];
/**
 * Whether `docker buildx` exists, found the way the docker CLI finds plugins, without spawning docker:
 * this runs on every build, and a `docker buildx version` would cost a process.
 */
function hasBuildxPlugin(configDir, env = process.env) {
    if (env.DOCKER_BUILDKIT === '0')
        return false;
    let extra = [];
    try {
        const config = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(configDir, 'config.json'), 'utf8'));
        extra = config.cliPluginsExtraDirs ?? [];
    }
    catch {
        // no config: only the default places count
    }
    return [external_node_path_default().join(configDir, 'cli-plugins'), ...extra, ...PLUGIN_DIRS].some(dir => (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'docker-buildx')));
}
class Docker {
    runner;
    env;
    /** Docker CLI processes spawned; the benchmark reports it. */
    calls = 0;
    bounds;
    constructor(runner, env = process.env) {
        this.runner = runner;
        this.env = env;
        this.bounds = boundsFrom(env);
    }
    async exec(args, { anyExit, ...options } = {}, subject) {
        this.calls++;
        const result = await this.runner('docker', args, this.env, options);
        const command = args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' ');
        if (result.stopped)
            throw stoppedError(command, result, result.stopped, subject);
        if (result.exitCode !== 0 && !anyExit)
            throw new DockerError(command, result.exitCode, result.stderr);
        return result;
    }
    /**
     * The build itself is bounded only by a cancel: how long it may take is the workflow's to say
     * (timeout-minutes). A build that pushes (`push`) gets a push's bounds (pushWatch at its minimums: the
     * size is unknown until the push ends) from the moment its push begins: stopped after a stall, or past
     * the ceiling counted from there. `push` names what is pushed, for the error.
     */
    async build(args, opts = {}) {
        const started = Date.now();
        let pushingAt;
        let tail = '';
        const bounds = pushWatch(this.bounds);
        return this.exec(args, {
            stream: true,
            display: displayArgs(args),
            ...(opts.push && {
                onOutput: text => {
                    // Kept across chunks: a line may arrive in two.
                    tail = (tail + text).slice(-512);
                    if (pushingAt === undefined && PUSH_PHASE.test(tail))
                        pushingAt = Date.now() - started;
                },
                watch: () => pushingAt === undefined
                    ? {}
                    : { stallMs: bounds.stallMs, ceilingMs: pushingAt + bounds.ceilingMs }
            })
        }, opts.push);
    }
    /**
     * A `--call` build: its answer is on stdout, and a check with findings exits non-zero, so the result
     * comes back whatever the exit code (only a stop throws).
     */
    async evaluate(args) {
        return this.exec(args, { stream: true, display: displayArgs(args), anyExit: true });
    }
    /** buildx's version, e.g. `0.13.1`: asked only when an input needs a newer one (see pipeline/gates.ts). */
    async buildxVersion() {
        const { stdout } = await this.exec(['buildx', 'version'], this.short());
        const m = /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
        if (!m)
            throw new DockerError('buildx version', 0, `no version in ${JSON.stringify(stdout.trim())}`);
        return m[1];
    }
    /**
     * Pushes one reference; returns the manifest digest docker reports for it ('' if it printed none).
     * Stopped after a stall or past its ceiling (pushWatch), both grown from `size`, the image's bytes, which
     * may arrive while the push runs (the inspect beside it); without it, the minimums apply.
     */
    async push(ref, size) {
        let watch = pushWatch(this.bounds, typeof size === 'number' ? size : 0);
        if (size instanceof Promise)
            size.then(s => (watch = pushWatch(this.bounds, s ?? 0)), () => undefined);
        const { stdout } = await this.exec(['push', ref], { stream: true, watch: () => watch }, ref);
        return pushReportDigest(stdout, ref);
    }
    async inspect(image) {
        const { stdout } = await this.exec(['image', 'inspect', '--format', '{{json .}}', image], this.short());
        const raw = JSON.parse(stdout);
        const platform = [raw.Os, raw.Architecture, raw.Variant].filter(Boolean).join('/');
        return { id: raw.Id, repoDigests: raw.RepoDigests ?? [], size: raw.Size ?? 0, platform };
    }
    /** The daemon's registry settings (`insecure-registries` and the like), as `docker info` reports them. */
    async registryConfig() {
        const { stdout } = await this.exec(['info', '--format', '{{json .RegistryConfig}}'], this.short());
        return JSON.parse(stdout);
    }
    async login(host, username, password) {
        await this.exec(['login', `--username=${username}`, '--password-stdin', ...(host ? [host] : [])], {
            ...this.short(),
            input: Buffer.from(password)
        });
    }
    short() {
        return { deadlineMs: this.bounds.shortMs };
    }
}
/**
 * The digest in docker push's closing line, `<tag>: digest: sha256:… size: N`, a format the CLI has kept
 * since registry v2. Reading it saves an `image inspect` process on every run; when it is missing the
 * caller falls back to RepoDigests.
 */
function pushReportDigest(stdout, ref) {
    const tag = ref.slice(ref.lastIndexOf(':') + 1);
    const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`^${escaped}: digest: (sha256:[a-f0-9]{64}) size: \\d+\\s*$`, 'm').exec(stdout);
    return m ? m[1] : '';
}
/** The digests docker recorded for `repository` when it pushed (from `RepoDigests`). */
function pushedDigests(repoDigests, repository) {
    // Docker shortens Docker Hub names (`docker.io/library/x` → `x`), so compare both forms. The containerd
    // store lists the same digest once per tag, hence the Set.
    const names = new Set([repository, repository.replace(/^docker\.io\/(library\/)?/, '')]);
    return [
        ...new Set(repoDigests
            .map(rd => rd.split('@'))
            .filter(([name, digest]) => digest && names.has(name))
            .map(([, digest]) => digest))
    ];
}
/**
 * Whether dockerd treats `registry` (host[:port]) as insecure, by its own rule: a listed name decides;
 * otherwise any of the host's addresses inside an insecure CIDR does.
 */
function insecureByConfig(config, registry, addresses) {
    const named = config.IndexConfigs?.[registry];
    if (named)
        return named.Secure === false;
    const cidrs = new external_node_net_.BlockList();
    for (const cidr of config.InsecureRegistryCIDRs ?? []) {
        const [net, bits] = cidr.split('/');
        const type = (0,external_node_net_.isIP)(net) === 6 ? 'ipv6' : 'ipv4';
        if ((0,external_node_net_.isIP)(net) && bits !== undefined)
            cidrs.addSubnet(net, Number(bits), type);
    }
    return addresses.some(a => (0,external_node_net_.isIP)(a) !== 0 && cidrs.check(a, (0,external_node_net_.isIP)(a) === 6 ? 'ipv6' : 'ipv4'));
}
/** Asks the daemon, then resolves the host the way it would, to apply insecureByConfig. */
async function dockerTreatsAsInsecure(docker, registry) {
    const { host } = (0,src_reference/* splitHostPort */.cC)(registry);
    const [config, addresses] = await Promise.all([
        docker.registryConfig(),
        (0,external_node_net_.isIP)(host)
            ? [host]
            : Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1553, 23))
                .then(dns => dns.lookup(host, { all: true }))
                .then(found => found.map(f => f.address), () => [])
    ]);
    return insecureByConfig(config, registry, addresses);
}

// EXTERNAL MODULE: ./src/inputs.ts + 3 modules
var src_inputs = __webpack_require__(7064);
// EXTERNAL MODULE: ./src/metadata.ts
var metadata = __webpack_require__(3630);
;// CONCATENATED MODULE: ./src/buildx-driver.ts
// Which buildx driver a build will run on, read from buildx's own files instead of asking it: a
// `docker buildx inspect` would cost a process on every build.


const readJson = (file) => {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
};
/**
 * The driver of the builder named by the `builder` input, else BUILDX_BUILDER, else the one `docker buildx
 * use` chose for this engine (buildx/current). No builder, or a name without an instance file (the default
 * builder, a docker context), is the `docker` driver.
 */
function builderDriver(configDir, builder, env = process.env) {
    let name = builder || env.BUILDX_BUILDER || '';
    if (!name) {
        const current = readJson(external_node_path_default().join(configDir, 'buildx', 'current'));
        const endpoint = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
        if (typeof current?.Name === 'string' && (current.Global === true || current.Key === endpoint))
            name = current.Name;
    }
    if (!name)
        return 'docker';
    const instance = readJson(external_node_path_default().join(configDir, 'buildx', 'instances', name.toLowerCase()));
    return typeof instance?.Driver === 'string' && instance.Driver ? instance.Driver : 'docker';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/registry/errors.ts
// How a failed registry interaction reads: one class for every layer, and the registry's own words.



/** A failed registry interaction; `kind` drives retry() through ClassifiedError. */
class RegistryError extends ClassifiedError {
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
// and a bare credential after Basic/Bearer, told from a plain word by a digit or punctuation.
const AUTHORIZATION_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*\[?\s*["']?)(?:([A-Za-z]+)\s+)?[^\s"',;\]}]+/gi;
const SCHEME_CREDENTIAL = /\b(basic|bearer)\s+(?=[A-Za-z0-9._~+/-]*[0-9._~+/=])[A-Za-z0-9._~+/-]+=*/gi;
/** `text` without anything that looks like an Authorization header, nor any of `secrets`. */
function redact(text, secrets = []) {
    let out = text
        .replace(AUTHORIZATION_HEADER, (_all, lead, scheme) => `${lead}${scheme ? `${scheme} ` : ''}***`)
        .replace(SCHEME_CREDENTIAL, '$1 ***');
    // Longest first, so a secret containing another is replaced whole; URL-encoded too, as a form echoes it.
    const forms = [...secrets].flatMap(s => [s, encodeURIComponent(s)]).filter(s => s !== '');
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
    const code = body.code === undefined ? undefined : redact(body.code, secrets);
    const message = body.message === undefined ? undefined : redact(body.message, secrets);
    const text = (0,src_text/* oneLine */.TN)(message ?? (external_node_http_default()).STATUS_CODES[res.status] ?? '', 300);
    const prefix = what ? `${what} ` : '';
    return new RegistryError(`${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`, kind, { status: res.status, code, retryAfterMs: parseRetryAfter(headerValue(res.headers['retry-after'])) });
}

;// CONCATENATED MODULE: ./src/registry/tls.ts
// The TLS side of the transport, as dockerd has it: certs.d material, and what a TLS failure means.



const CERTIFICATE_ERRORS = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** How an HTTPS request failed at the TLS level, if it did: a plain-HTTP server, or a certificate. */
function tlsFailure(err) {
    const { code, message } = (err ?? {});
    if (typeof code === 'string' && CERTIFICATE_ERRORS.has(code))
        return 'certificate';
    const text = typeof message === 'string' ? message : '';
    if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text))
        return 'plain-http';
    return undefined;
}
/** Reads `dir` as dockerd does: `*.crt` are CAs, `X.cert` + `X.key` a client certificate pair. */
async function readCertsDir(dir) {
    const names = (await (0,promises_.readdir)(dir).catch(() => [])).sort();
    const read = (n) => (0,promises_.readFile)(external_node_path_default().join(dir, n));
    const cas = names.filter(n => n.endsWith('.crt'));
    const pairs = names.filter(n => n.endsWith('.cert') && names.includes(n.replace(/\.cert$/, '.key')));
    if (!cas.length && !pairs.length)
        return undefined;
    const tls = {};
    if (cas.length) {
        // Loaded only here: start-up time counts, and few registries have a certs.d directory.
        const { rootCertificates } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1692, 23));
        tls.ca = [...rootCertificates, ...(await Promise.all(cas.map(read)))];
    }
    if (pairs.length) {
        tls.cert = await Promise.all(pairs.map(read));
        tls.key = await Promise.all(pairs.map(n => read(n.replace(/\.cert$/, '.key'))));
    }
    return tls;
}
/** The TLS failure of a registry docker holds to HTTPS, told what docker would need to get past it. */
function secureOnly(err, failure, registry) {
    const code = err?.code;
    // OpenSSL's own text for this case is a long internal trace; say what it means instead.
    const message = failure === 'plain-http'
        ? `TLS handshake failed: ${registry} answers plain HTTP, which docker uses only for registries in the daemon's insecure-registries (daemon.json); add it there, or serve HTTPS`
        : `${(0,src_text/* messageOf */.bD)(err).trim()} (docker trusts a private CA put in /etc/docker/certs.d/${registry}/ca.crt, and accepts any certificate only for registries in the daemon's insecure-registries, daemon.json)`;
    return Object.assign(new Error(message), { code });
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP to one registry as docker would speak it: keep-alive agents, certs.d TLS material, the
// insecure-registry fallback, one deadline per request and bounded retries of transient answers.







const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 15000;
const MAX_SOCKETS = 8;
// Docker's client stops after 10; a registry needs one or two (to a CDN or an object store).
const MAX_REDIRECTS = 5;
const REDIRECTS_FOR_READS = new Set([301, 302, 303]);
// Manifests are capped at 4 MiB by registries; anything far larger is not a manifest.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const USER_AGENT = 'build-tag-push';
function registryBaseUrl(registry) {
    if ((0,src_reference/* isDockerHub */.gr)(registry))
        return 'https://registry-1.docker.io';
    return `${(0,src_reference/* isLoopbackRegistry */.jW)(registry) ? 'http' : 'https'}://${registry}`;
}
class Transport {
    registry;
    /** HTTP requests made, including token fetches and retries. */
    requestCount = 0;
    origin;
    attempts;
    /** Per request; stream.ts uses it as an idle bound, since a layer may take longer in all. */
    timeoutMs;
    onRetry;
    sleep;
    /** Aborted by close(); stream.ts stops its transfers on it too. */
    closed = new AbortController();
    agents = {};
    certsDir;
    /** The registry's certs.d material, read on the first HTTPS request to it (undefined: none). */
    certsDirTls;
    insecure;
    /** Set once docker's config said this registry is insecure and HTTPS failed: how to reach it now. */
    insecureMode;
    onSecret;
    /** What an error built from a response body must never repeat. */
    secrets = new Set();
    constructor(opts) {
        this.registry = opts.registry;
        this.origin = registryBaseUrl(opts.registry);
        this.insecure = opts.insecure;
        this.certsDir = opts.certsDir ?? '/etc/docker/certs.d';
        this.attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
        this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.onRetry = opts.onRetry;
        this.sleep = opts.sleep;
        this.onSecret = opts.onSecret;
    }
    /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
    get baseUrl() {
        return this.insecureMode === 'http' ? this.origin.replace(/^https:/, 'http:') : this.origin;
    }
    /** Ends the client: requests still retrying stop at once, so a failed step does not linger. */
    close() {
        this.closed.abort(new Error('the run is over'));
        for (const agent of Object.values(this.agents))
            agent?.destroy();
    }
    /** Records a secret for redaction and hands it to onSecret, once. */
    secret(value) {
        if (value === '' || this.secrets.has(value))
            return;
        this.secrets.add(value);
        this.onSecret?.(value);
    }
    httpError(method, url, res, kind, what = '') {
        return httpError(method, url, res, kind, what, this.secrets);
    }
    /** One logical HTTP request under retry(): throws for transient statuses, returns every other answer. */
    send(method, url, headers, body) {
        return retry(async () => {
            const { res, at } = await this.follow(method, url, headers, body);
            if (res.status === 408 || res.status === 429 || res.status >= 500)
                throw this.httpError(method, at, res, 'transient');
            return res;
        }, {
            attempts: this.attempts,
            sleep: this.sleep,
            signal: this.closed.signal,
            onRetry: ({ attempt, attempts, delayMs, error }) => this.onRetry?.(`${(0,src_text/* messageOf */.bD)(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts})`)
        });
    }
    /**
     * Follows redirects as docker's HTTP client does: 307/308 for any method, 301/302/303 for GET and HEAD,
     * at most MAX_REDIRECTS. Authorization goes only to the origin it was meant for.
     */
    async follow(method, url, headers, body) {
        let at = url;
        let sent = headers;
        for (let hops = 0;; hops++) {
            let res;
            try {
                res = await this.exchange(method, at, sent, body);
            }
            catch (err) {
                throw this.networkError(method, at, err);
            }
            const location = headerValue(res.headers.location);
            const followed = res.status === 307 ||
                res.status === 308 ||
                (REDIRECTS_FOR_READS.has(res.status) && (method === 'GET' || method === 'HEAD'));
            if (!followed || !location)
                return { res, at };
            if (hops === MAX_REDIRECTS)
                throw new RegistryError(`${method} ${where(url)}: more than ${MAX_REDIRECTS} redirects`, 'fatal', {
                    status: res.status
                });
            let next;
            try {
                next = new URL(location, this.effective(at));
            }
            catch {
                // reported below
            }
            if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
                throw new RegistryError(`${method} ${where(at)} redirected to an unusable location`, 'fatal', {
                    status: res.status
                });
            if (next.origin !== this.effective(url).origin && 'Authorization' in sent) {
                sent = { ...sent };
                delete sent.Authorization;
            }
            at = next;
        }
    }
    /** The URL as exchange() will reach it: the registry's own follow a switch to plain HTTP. */
    effective(url) {
        return url.origin === this.origin && this.insecureMode === 'http'
            ? new URL(url.href.replace(/^https:/, 'http:'))
            : url;
    }
    networkError(method, url, err) {
        if (err instanceof RegistryError)
            return err;
        const code = err?.code;
        return new RegistryError(`${method} ${where(url)} failed: ${(0,src_text/* oneLine */.TN)((0,src_text/* messageOf */.bD)(err), 300)}`, kindOf(err), {
            code: typeof code === 'string' ? code : undefined
        });
    }
    /**
     * Sends once, plus one immediate resend when a pooled keep-alive socket turns out to be closed, and
     * one more the insecure way when HTTPS to this registry failed at the TLS level and docker allows it.
     */
    async exchange(method, url, headers, body) {
        // URLs made before the switch to plain HTTP (a retry, the resend after a 401) follow it too.
        const ours = url.origin === this.origin;
        const target = this.effective(url);
        try {
            return await this.once(method, target, headers, body);
        }
        catch (err) {
            const stale = err;
            if (stale.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(stale.code ?? ''))
                return this.once(method, target, headers, body);
            const failure = ours && target.protocol === 'https:' ? tlsFailure(err) : undefined;
            if (!failure || this.insecureMode)
                throw err;
            if (!(await this.insecure?.().catch(() => false)))
                throw secureOnly(err, failure, this.registry);
            this.insecureMode = failure === 'plain-http' ? 'http' : 'unverified';
            return this.exchange(method, url, headers, body);
        }
    }
    /** Agents per transport; the registry's own HTTPS agent carries its certs.d material, as docker's does. */
    async agentFor(url, tls) {
        const options = { keepAlive: true, maxSockets: MAX_SOCKETS };
        if (!tls)
            return (this.agents.http ??= new (external_node_http_default()).Agent(options));
        if (url.origin !== this.origin)
            return (this.agents.https ??= new tls.Agent(options));
        const own = await (this.certsDirTls ??= readCertsDir(external_node_path_default().join(this.certsDir, this.registry)));
        if (this.insecureMode === 'unverified')
            return (this.agents.unverified ??= new tls.Agent({ ...options, ...own, rejectUnauthorized: false }));
        return (this.agents.registry ??= new tls.Agent({ ...options, ...own }));
    }
    async once(method, url, headers, body) {
        this.requestCount++;
        // TLS is loaded only when a URL needs it: local registries never do, and start-up time counts.
        const tls = url.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default;
        const transport = tls ?? (external_node_http_default());
        const agent = await this.agentFor(url, tls);
        return new Promise((resolve, reject) => {
            let settled = false;
            const finish = (err, res) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                if (err)
                    reject(err);
                else
                    resolve(res);
            };
            const req = transport.request(url, { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent }, res => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > MAX_BODY_BYTES) {
                        req.destroy();
                        finish(new RegistryError(`${method} ${where(url)}: response larger than ${MAX_BODY_BYTES} bytes`, 'fatal'));
                        return;
                    }
                    chunks.push(chunk);
                });
                res.on('end', () => finish(undefined, {
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks)
                }));
                res.on('error', err => finish(err));
                res.on('close', () => {
                    if (!res.complete)
                        finish(Object.assign(new Error('connection closed mid-response'), { code: 'ECONNRESET' }));
                });
            });
            // One deadline for connect, headers and body: socket idle timeouts alone would let a trickle hang forever.
            const timer = setTimeout(() => {
                const err = Object.assign(new Error(`timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' });
                req.destroy(err);
                finish(err);
            }, this.timeoutMs);
            req.on('error', err => finish(Object.assign(err, { reusedSocket: req.reusedSocket })));
            req.end(body);
        });
    }
}

;// CONCATENATED MODULE: ./src/registry/token.ts
// The token endpoint of a Bearer registry: distribution's token spec, and OAuth2 for identity tokens.




// Refresh a bit early so a token does not expire between being read from the cache and being used.
const TOKEN_EXPIRY_MARGIN_MS = 10000;
function basicHeader(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
function isIdentityToken(credentials) {
    return credentials.username === '<token>';
}
/** One token for `scope`, as the challenge's realm hands it out; a refusal is an auth error with its status. */
async function requestToken(transport, challenge, scope, credentials) {
    const { registry } = transport;
    const { realm, service } = challenge.params;
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new RegistryError(`${registry} sent an invalid token realm "${(0,src_text/* oneLine */.TN)(realm, 100)}"`, 'auth');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new RegistryError(`${registry} sent an unsupported token realm ${url.origin}`, 'auth');
    // The registry's own origin is plain HTTP only when it is loopback or docker holds it insecure.
    const ownHost = url.origin === transport.baseUrl;
    if (credentials && url.protocol === 'http:' && !(0,src_reference/* isLoopbackRegistry */.jW)(url.host) && !ownHost) {
        throw new RegistryError(`refusing to send credentials for ${registry} over plain HTTP to token realm ${url.origin}`, 'auth');
    }
    const headers = { Accept: 'application/json' };
    let method = 'GET';
    let body;
    if (credentials && isIdentityToken(credentials)) {
        // Identity tokens are OAuth2 refresh tokens, exchanged by POST (what docker does after `docker login`).
        method = 'POST';
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.password });
        form.set('client_id', USER_AGENT);
        if (service)
            form.set('service', service);
        form.set('scope', scope);
        body = Buffer.from(form.toString());
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        headers['Content-Length'] = String(body.length);
    }
    else {
        if (service)
            url.searchParams.set('service', service);
        // Several scopes (a cross-repository mount) go as several `scope` parameters, as docker sends them.
        for (const one of scope.split(' '))
            url.searchParams.append('scope', one);
        if (credentials) {
            url.searchParams.set('account', credentials.username);
            headers.Authorization = basicHeader(credentials);
        }
    }
    const res = await transport.send(method, url, headers, body);
    if (res.status === 401 || res.status === 403)
        throw transport.httpError(method, url, res, 'auth', 'token request');
    if (res.status !== 200)
        throw transport.httpError(method, url, res, 'fatal', 'token request');
    let json;
    try {
        json = JSON.parse(res.body.toString('utf8'));
    }
    catch {
        throw new RegistryError(`token request ${method} ${where(url)} returned a body that is not JSON`, 'fatal');
    }
    // Masked before anything else can see them, the refresh token too though we never use it.
    for (const value of [json.token, json.access_token, json.refresh_token])
        if (typeof value === 'string')
            transport.secret(value);
    const token = typeof json.token === 'string' && json.token !== ''
        ? json.token
        : typeof json.access_token === 'string'
            ? json.access_token
            : '';
    if (token === '')
        throw new RegistryError(`token request ${method} ${where(url)} returned no token`, 'auth');
    // The spec's default lifetime is 60 s when expires_in is absent.
    const lifetimeMs = (typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60) * 1000;
    return {
        header: `Bearer ${token}`,
        expiresAt: Date.now() + Math.max(lifetimeMs - TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2)
    };
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
// Authentication on top of the transport: the WWW-Authenticate challenge, Basic credentials and Bearer
// tokens (cached per scope, identity tokens exchanged by POST), and what to tell the user when it fails.



// RFC 9110 token characters, the token68 form, and one auth-param (value quoted or bare).
const WS_COMMA = /[\s,]*/y;
const SCHEME = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const TOKEN68 = /[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*(?=,|$)/y;
const PARAM = /[\s,]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"?|([^\s,"]*))/y;
/**
 * Parses a WWW-Authenticate value, possibly holding several challenges. A comma ends a challenge only
 * when what follows is not `name=value`, which is how quoted commas and multiple challenges coexist.
 */
function parseChallenges(header) {
    const challenges = [];
    let i = 0;
    while (i < header.length) {
        WS_COMMA.lastIndex = i;
        WS_COMMA.exec(header);
        i = WS_COMMA.lastIndex;
        if (i >= header.length)
            break;
        SCHEME.lastIndex = i;
        const scheme = SCHEME.exec(header);
        if (!scheme) {
            i++; // not a challenge; skip the stray character
            continue;
        }
        i = SCHEME.lastIndex;
        const challenge = { scheme: scheme[0].toLowerCase(), params: {} };
        TOKEN68.lastIndex = i;
        const token68 = TOKEN68.exec(header);
        if (token68) {
            challenge.token68 = token68[1];
            i = TOKEN68.lastIndex;
        }
        else {
            for (;;) {
                PARAM.lastIndex = i;
                const param = PARAM.exec(header);
                if (!param)
                    break;
                challenge.params[param[1].toLowerCase()] =
                    param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
                i = PARAM.lastIndex;
            }
        }
        challenges.push(challenge);
    }
    return challenges;
}
class Authenticator {
    transport;
    registry;
    lookup;
    credentialsPromise;
    /** Set once the registry asked for Basic and we had credentials; sent preemptively from then on. */
    basic;
    /** The registry's Bearer challenge, remembered so new scopes fetch a token without a 401 first. */
    bearer;
    tokens = new Map();
    constructor(transport, lookup) {
        this.transport = transport;
        this.registry = transport.registry;
        this.lookup = lookup;
    }
    /** One registry API call with authentication: anonymous or cached first, then whatever a 401 asks for. */
    async request(method, url, repo, actions, headers, body, 
    /** Another scope the same token needs, e.g. `repository:<from>:pull` for a cross-repository mount. */
    alsoScope) {
        const scope = `repository:${repo}:${actions}${alsoScope ? ` ${alsoScope}` : ''}`;
        let auth = await this.knownAuthorization(scope);
        let res = await this.transport.send(method, url, withAuth(headers, auth), body);
        if (res.status === 401 && !auth?.fresh) {
            if (auth?.cached && this.tokens.get(auth.scope) === auth.cached)
                this.tokens.delete(auth.scope);
            auth = await this.authorize(res, scope, method, url);
            res = await this.transport.send(method, url, withAuth(headers, auth), body);
        }
        if (res.status === 401 || res.status === 403) {
            throw await this.authError(this.transport.httpError(method, url, res, 'auth'), actions, repo);
        }
        return res;
    }
    /**
     * The preflight of a push, given the 401 that GET /v2/ answered: fails only when the push surely cannot
     * authenticate. Basic without credentials fails; Bearer fails only when the token endpoint refuses a
     * push-scoped token (a token it hands out is not inspected: an anonymous one may still lack push, but
     * a push that could succeed is never blocked). What it obtains is kept for the requests that follow.
     */
    async checkPushAccess(res, repo) {
        const challenges = parseChallenges(headerValue(res.headers['www-authenticate']) ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer' && c.params.realm);
        if (bearer) {
            this.bearer = bearer;
            try {
                await this.tokenFor(`repository:${repo}:pull,push`);
            }
            catch (err) {
                // Only a refusal is certain; a token server failing now may answer the push.
                if (err instanceof RegistryError && (err.status === 401 || err.status === 403))
                    throw err;
            }
            return;
        }
        if (!challenges.some(c => c.scheme === 'basic'))
            return;
        // An unreadable store is no proof: docker reads its own when it pushes.
        const credentials = await this.credentials().catch(() => null);
        if (credentials === undefined) {
            throw new RegistryError(`no credentials for ${this.registry}: the registry asks for a login`, 'auth', {
                status: 401
            });
        }
        if (credentials)
            this.basic = basicHeader(credentials);
    }
    /**
     * The Authorization header for a request whose body is a stream, which cannot be resent after a 401:
     * what an earlier request to the same scope obtained (undefined for an anonymous registry).
     */
    async headerFor(repo, actions) {
        return (await this.knownAuthorization(`repository:${repo}:${actions}`))?.header;
    }
    /** What we can send without being asked: Basic once the registry wanted it, or a Bearer token. */
    async knownAuthorization(scope) {
        if (this.basic)
            return { header: this.basic, fresh: true };
        if (!this.bearer)
            return undefined;
        // A pull,push token also grants pull.
        for (const candidate of scope.endsWith(':pull') ? [scope, `${scope},push`] : [scope]) {
            const cached = this.tokens.get(candidate);
            if (!cached)
                continue;
            try {
                const token = await cached;
                if (token.expiresAt > Date.now())
                    return { header: token.header, fresh: false, cached, scope: candidate };
            }
            catch {
                // a failed fetch is dropped from the cache by tokenFor; fetch anew below
            }
            if (this.tokens.get(candidate) === cached)
                this.tokens.delete(candidate);
        }
        return { header: (await this.tokenFor(scope)).header, fresh: true };
    }
    /** Reacts to a 401: picks the challenge and obtains what it asks for. */
    async authorize(res, scope, method, url) {
        const challenges = parseChallenges(headerValue(res.headers['www-authenticate']) ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer');
        if (bearer) {
            if (!bearer.params.realm) {
                throw new RegistryError(`${method} ${where(url)}: Bearer challenge without a realm`, 'auth', {
                    status: 401
                });
            }
            this.bearer = bearer;
            return { header: (await this.tokenFor(scope)).header, fresh: true };
        }
        if (challenges.some(c => c.scheme === 'basic')) {
            const credentials = await this.credentials();
            if (!credentials) {
                throw new RegistryError(`${method} ${where(url)} requires authentication, and no credentials were found for ${this.registry} (run docker login ${this.registry})`, 'auth', { status: 401 });
            }
            this.basic = basicHeader(credentials);
            return { header: this.basic, fresh: true };
        }
        const offered = challenges.map(c => c.scheme).join(', ') || 'none';
        throw new RegistryError(`${method} ${where(url)}: HTTP 401 with no supported authentication challenge (offered: ${offered})`, 'auth', { status: 401 });
    }
    /** Concurrent requests for the same scope share one token fetch. */
    tokenFor(scope) {
        const existing = this.tokens.get(scope);
        if (existing)
            return existing;
        const pending = this.fetchToken(scope);
        this.tokens.set(scope, pending);
        pending.catch(() => {
            if (this.tokens.get(scope) === pending)
                this.tokens.delete(scope);
        });
        return pending;
    }
    async fetchToken(scope) {
        const credentials = await this.credentials();
        try {
            return await requestToken(this.transport, this.bearer, scope, credentials);
        }
        catch (err) {
            // The token server said no: say what the user can do about it.
            if (err instanceof RegistryError && (err.status === 401 || err.status === 403))
                throw await this.authError(err, scope.endsWith(',push') ? 'pull,push' : 'pull', scope.split(':')[1]);
            throw err;
        }
    }
    /** Looked up once per client, and only when a registry asks, so anonymous registries spawn no helper. */
    credentials() {
        if (!this.lookup)
            return Promise.resolve(undefined);
        this.credentialsPromise ??= this.lookup(this.registry).then(credentials => {
            // The password (or identity token) and the Basic header made of it, masked before either is sent.
            if (credentials) {
                this.transport.secret(credentials.password);
                this.transport.secret(basicHeader(credentials).slice('Basic '.length));
            }
            return credentials;
        }, (err) => {
            throw new RegistryError(`could not read credentials for ${this.registry}: ${(0,src_text/* oneLine */.TN)((0,src_text/* messageOf */.bD)(err), 300)}`, 'fatal');
        });
        return this.credentialsPromise;
    }
    /** Adds what the user can do about an auth failure. */
    async authError(error, actions, repo) {
        let hint;
        try {
            hint = (await this.credentials())
                ? `the credentials for ${this.registry} were rejected or lack ${actions} access to ${repo}`
                : `no credentials were found for ${this.registry} (run docker login ${this.registry})`;
        }
        catch {
            hint = `credentials for ${this.registry} could not be read`;
        }
        return new RegistryError(`${error.message} (${hint})`, 'auth', { status: error.status, code: error.code });
    }
}
function withAuth(headers, auth) {
    return auth ? { ...headers, Authorization: auth.header } : headers;
}

;// CONCATENATED MODULE: ./src/registry/api.ts
// The distribution (OCI) HTTP API, just enough to read and write manifests: the top layer, over the
// authenticator and the transport.






const MANIFEST_ACCEPT = [
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json'
];
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function manifestDigest(body) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
}
class RegistryClient {
    registry;
    /** For the blob and tag modules beside this one (blobs.ts, tags-list.ts); not for the pipeline. */
    transport;
    auth;
    constructor(opts) {
        this.registry = opts.registry;
        this.transport = new Transport(opts);
        this.auth = new Authenticator(this.transport, opts.credentials);
    }
    /** HTTP requests made, including token fetches and retries. */
    get requestCount() {
        return this.transport.requestCount;
    }
    /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
    get baseUrl() {
        return this.transport.baseUrl;
    }
    /** Fetches a manifest by tag or digest; `repo` is the remote path (`library/nginx` on Docker Hub). */
    async getManifest(repo, reference) {
        this.validate(repo, reference);
        const path = `manifests/${reference}`;
        const res = await this.auth.request('GET', this.url(repo, path), repo, 'pull', {
            Accept: MANIFEST_ACCEPT.join(', ')
        });
        // Named anew: the request may have moved an insecure registry to plain HTTP.
        const url = this.url(repo, path);
        if (res.status !== 200)
            throw this.transport.httpError('GET', url, res, 'fatal');
        const digest = manifestDigest(res.body);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw new RegistryError(`GET ${where(url)} returned content whose digest is ${digest}`, 'fatal', {
                status: res.status
            });
        }
        return {
            digest,
            mediaType: mediaTypeOf(res),
            body: res.body,
            headerDigest: headerValue(res.headers['docker-content-digest'])
        };
    }
    /** Uploads a manifest under `tag`; returns the digest of `body`, which is what the registry stores. */
    async putManifest(repo, tag, body, mediaType) {
        this.validate(repo, tag);
        const path = `manifests/${tag}`;
        const headers = { 'Content-Type': mediaType, 'Content-Length': String(body.length) };
        const res = await this.auth.request('PUT', this.url(repo, path), repo, 'pull,push', headers, body);
        if (res.status < 200 || res.status > 299)
            throw this.transport.httpError('PUT', this.url(repo, path), res, 'fatal');
        return manifestDigest(body);
    }
    /** GET /v2/: the registry is up and speaks the distribution API (a 401 counts: it only asks for auth). */
    async ping() {
        const url = new URL(`${this.baseUrl}/v2/`);
        const res = await this.transport.send('GET', url, {});
        if (res.status !== 200 && res.status !== 401)
            throw this.transport.httpError('GET', url, res, 'fatal');
    }
    /**
     * ping() for a run that will push to `repo`: also fails, before any build, when the registry asks for
     * a login that cannot succeed (see Authenticator.checkPushAccess). Passes every registry answering 200.
     */
    async checkPushAccess(repo) {
        const problem = (0,src_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new RegistryError(`invalid repository "${repo}": ${problem}`, 'fatal');
        const url = new URL(`${this.baseUrl}/v2/`);
        const res = await this.transport.send('GET', url, {});
        if (res.status === 401)
            return this.auth.checkPushAccess(res, repo);
        if (res.status !== 200)
            throw this.transport.httpError('GET', url, res, 'fatal');
    }
    close() {
        this.transport.close();
    }
    validate(repo, reference) {
        // Both end up in a URL path, so anything outside the grammar (`..`, `?`) is refused outright.
        const problem = (0,src_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new RegistryError(`invalid repository "${repo}": ${problem}`, 'fatal');
        if (!(0,src_reference/* isValidTag */.r_)(reference) && !DIGEST.test(reference))
            throw new RegistryError(`invalid tag or digest "${reference}"`, 'fatal');
    }
    /** `<base>/v2/<repo>/<path>`, named anew each time: an insecure registry may have moved to plain HTTP. */
    url(repo, path) {
        return new URL(`${this.baseUrl}/v2/${repo}/${path}`);
    }
}
function mediaTypeOf(res) {
    const contentType = (headerValue(res.headers['content-type']) ?? '').split(';')[0].trim().toLowerCase();
    if (contentType.startsWith('application/vnd.'))
        return contentType;
    // Some servers send application/json; the manifest names its own type.
    try {
        const declared = JSON.parse(res.body.toString('utf8')).mediaType;
        if (typeof declared === 'string' && declared !== '')
            return declared;
    }
    catch {
        // not JSON: fall through to whatever the header said
    }
    return contentType;
}

;// CONCATENATED MODULE: ./src/reporter.ts
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

;// CONCATENATED MODULE: ./src/annotations.ts

const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
/** metadata-action's default for DOCKER_METADATA_ANNOTATIONS_LEVELS. */
const DEFAULT_LEVELS = ['manifest', 'index'];
const OCI_PREFIX = 'org.opencontainers.image.';
/** The levels only an index has. */
const INDEX_LEVELS = new Set(['index', 'index-descriptor']);
/** buildx's refusal of index annotations on a build that has no index (before or after the build). */
const INDEX_REFUSED = /index annotations not supported for single platform export/i;
/**
 * DOCKER_METADATA_ANNOTATIONS_LEVELS, comma separated, as metadata-action reads it; unset or empty gives
 * the default. Unknown words are returned apart so the caller can say so.
 */
function annotationLevels(env) {
    const raw = env.DOCKER_METADATA_ANNOTATIONS_LEVELS?.trim();
    if (!raw)
        return { levels: [...DEFAULT_LEVELS], unknown: [] };
    const words = [...new Set(raw.split(',').map(w => w.trim().toLowerCase()))].filter(Boolean);
    return {
        levels: words.filter((w) => LEVELS.includes(w)),
        unknown: words.filter(w => !LEVELS.includes(w))
    };
}
const isOff = (value) => /^(false|0|no)$/i.test(value.trim());
/**
 * Whether the build may produce an index: several platforms, or an attestation (an explicit provenance or
 * SBOM, or buildx's default provenance). False only where it surely has none; where a driver adds no
 * default attestation (the classic store) the index levels are refused and dropped (see INDEX_REFUSED).
 */
function mayHaveIndex(inputs, env) {
    if (inputs.platforms.length > 1)
        return true;
    if (inputs.sbom && !isOff(inputs.sbom))
        return true;
    if (inputs.provenance)
        return !isOff(inputs.provenance);
    return !env.BUILDX_NO_DEFAULT_ATTESTATIONS;
}
/**
 * `LEVEL:KEY=VALUE` for `--annotation`, one per OCI label and level, from the final labels (the `labels`
 * input already overrode the automatic ones there). Pure.
 */
function ociAnnotations(labels, levels, index) {
    const used = levels.filter(level => index || !INDEX_LEVELS.has(level));
    const oci = labels
        .map(line => (0,src_text/* splitKeyValue */.px)(line))
        .filter((kv) => !!kv && kv.key.startsWith(OCI_PREFIX));
    return used.flatMap(level => oci.map(({ key, value }) => `${level}:${key}=${value}`));
}
/** The annotations without the index levels: what is left when buildx finds no index to put them on. */
const withoutIndexLevels = (annotations) => annotations.filter(a => !INDEX_LEVELS.has(a.slice(0, a.indexOf(':'))));

;// CONCATENATED MODULE: ./src/pipeline/annotate.ts
// The build's automatic annotations (annotations.ts), and the one rebuild without the index levels when
// buildx finds no index to put them on: those annotations are ours, not the user's, so they never fail a build.


function buildAnnotations(inputs, labels, reporter, env = process.env) {
    const { levels, unknown } = annotationLevels(env);
    if (unknown.length)
        reporter.warning(`DOCKER_METADATA_ANNOTATIONS_LEVELS: ignoring ${unknown.map(w => JSON.stringify(w)).join(', ')}; the levels are manifest, index, manifest-descriptor and index-descriptor`);
    return ociAnnotations(labels, levels, mayHaveIndex(inputs, env));
}
/**
 * Runs `build` with the plan; when buildx refuses the index annotations (the build has no index: one
 * platform and no attestation), runs it once more without them. The refusal comes before the build (the
 * classic store) or at its export, when the cache makes the second run cheap.
 */
async function withIndexFallback(plan, build, reporter) {
    try {
        return await build(plan);
    }
    catch (error) {
        const annotations = plan.annotations ?? [];
        const rest = withoutIndexLevels(annotations);
        if (rest.length === annotations.length || !INDEX_REFUSED.test(errorText(error)))
            throw error;
        reporter.info('This build has no image index: its OCI annotations go on the manifest only');
        return build({ ...plan, annotations: rest });
    }
}
const errorText = (error) => `${(0,src_text/* messageOf */.bD)(error)}\n${error?.stderr ?? ''}`;

;// CONCATENATED MODULE: ./src/pipeline/hints.ts




/** Says where to look: auth failures are never retried, and some docker errors hide their cause. */
function withHint(inputs, 
/** The image the failure concerns, when the run has several. */
target) {
    const registry = target?.registry ?? inputs.registry;
    const where = target?.repository ?? `${inputs.registry}/${inputs.image}`;
    return error => {
        // A failed build step printed whatever it printed: its words are not docker's, and get no hint.
        if (isBuildStepFailure(error))
            throw error;
        const kind = kindOf(error);
        const message = (0,src_text/* messageOf */.bD)(error);
        if (kind === 'auth') {
            const login = inputs.logins.some(l => l.registry === registry) ||
                (inputs.username !== '' && registry === inputs.registry);
            const names = inputs.registryAuth ? ['registry-auth'] : ['username', 'password'];
            const hint = login
                ? `check that ${(0,src_inputs/* ref */.KR)(...names)} ${names.length > 1 ? 'are' : 'is'} right and may push to ${where}`
                : inputs.targets.length > 1 || inputs.registryAuth
                    ? `give ${registry} a login in ${(0,src_inputs/* ref */.KR)('registry-auth')}, or log in to it in an earlier step`
                    : `set ${(0,src_inputs/* ref */.KR)('username', 'password')}, or log in to ${registry} in an earlier step`;
            throw new ClassifiedError(`${message} (${hint})`, kind);
        }
        if (NO_ENGINE.test(message))
            throw new ClassifiedError(`${message} (no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine)`, kind);
        // Our grammar takes [::1]:5000, as newer engines do; older ones (20.10) reject it with a bare message.
        if (registry.startsWith('[') && /invalid reference format/i.test(message))
            throw new ClassifiedError(`${message} (this docker engine does not accept an IPv6 address in an image reference; 20.10 does not, 26.1 does: give the registry a host name, e.g. in /etc/hosts, or use a newer engine)`, kind);
        // buildx's docker driver pushes through the daemon, which speaks HTTPS to whatever it holds secure.
        if (/server gave HTTP response to HTTPS client/i.test(message))
            throw new ClassifiedError(`${message} (the docker engine holds ${registry} secure: list it in "insecure-registries" in the engine's daemon.json${registry.startsWith('[') ? '; the default list covers 127.0.0.0/8 but not ::1' : ''})`, kind);
        throw error;
    };
}
/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
const loginHost = (registry) => (0,src_reference/* isDockerHub */.gr)(registry) ? undefined : registry;

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
;// CONCATENATED MODULE: ./src/pipeline/plan.ts
// Phase 1: everything decided before docker runs: references, where the result goes, secret files.







/** An output spec that pushes: `type=registry`, or `type=image` with `push=true`. */
const pushesOutput = (spec) => /(?:^|,)type=registry(?:,|$)/.test(spec) ||
    (/(?:^|,)type=image(?:,|$)/.test(spec) && /(?:^|,)push=true(?:,|$)/.test(spec));
/** An output spec that writes files (`type=local`, `type=tar`, or a bare path, which buildx reads as local). */
const exportsFiles = (spec) => /(?:^|,)type=(?:local|tar)(?:,|$)/.test(spec) || !spec.includes('=');
/**
 * Where the result goes, as build-push-action decides it: `outputs` when given (and then they alone decide
 * whether anything is pushed), else `--push` and/or `--load`, else the driver's default.
 */
function destinations(inputs, buildx, driver = 'docker') {
    if (!buildx)
        return { pushedBy: inputs.push ? 'docker' : 'none', local: 'yes' };
    // The docker driver names its result by tag in the engine's shared store, and its metadata reads the
    // digest back by that name: two builds of one tag at once both report the same digest. A push from
    // there cannot be proven this run's, so a single platform goes the classic way: load, then push by ID.
    if (driver === 'docker' && inputs.push && !inputs.outputs.length && inputs.platforms.length <= 1)
        return { pushedBy: 'docker', local: 'yes', exports: ['--load'] };
    const load = inputs.load ? ['--load'] : [];
    if (inputs.outputs.length)
        return {
            pushedBy: inputs.outputs.some(pushesOutput) ? 'buildx' : 'none',
            local: inputs.load ? 'yes' : 'no',
            exports: [...inputs.outputs.map(spec => `--output=${spec}`), ...load]
        };
    return {
        pushedBy: inputs.push ? 'buildx' : 'none',
        local: inputs.load ? 'yes' : 'maybe',
        exports: [...(inputs.push ? ['--push'] : []), ...load]
    };
}
async function makePlan(inputs, opts) {
    // A git URL's userinfo is a credential (x-access-token:…): masked before docker prints the URL.
    for (const secret of [inputs.context, ...inputs.buildContexts].flatMap(secrets/* urlSecrets */.Fn))
        opts.reporter.setSecret(secret);
    if (inputs.githubToken)
        opts.reporter.setSecret(inputs.githubToken);
    const git = gitSources(inputs, {
        buildx: opts.buildx,
        serverUrl: opts.git?.serverUrl ?? 'https://github.com',
        defaultContext: opts.git?.defaultContext
    });
    const tags = inputs.tags.length ? inputs.tags : (opts.defaultTags ?? ['latest']);
    const targets = inputs.targets.map(({ registry, image }) => {
        const repo = (0,src_reference/* repository */.Jk)(registry, image);
        return {
            registry,
            repository: repo,
            name: (0,src_reference/* remotePath */.QZ)(registry, image),
            refs: tags.map(t => `${repo}:${t}`)
        };
    });
    const { exports, ...where } = destinations(inputs, opts.buildx, opts.driver);
    return {
        ...where,
        tags,
        targets,
        repository: targets[0].repository,
        name: targets[0].name,
        buildx: opts.buildx,
        build: {
            refs: targets.flatMap(t => t.refs),
            iidfile: inputs.outputs.some(exportsFiles) ? undefined : external_node_path_default().join(opts.workDir, 'iid'),
            labels: opts.labels ?? inputs.labels,
            annotations: opts.buildx ? buildAnnotations(inputs, opts.labels ?? inputs.labels, opts.reporter) : [],
            metadataFile: opts.buildx ? external_node_path_default().join(opts.workDir, 'metadata.json') : undefined,
            secretFiles: await secretFiles(inputs, opts.workDir, opts.reporter, git.secrets),
            context: git.context,
            buildContexts: git.buildContexts,
            exports
        }
    };
}
/**
 * Every build secret as an id and a file for `--secret id=…,src=…`: `secrets` values and `secret-envs`
 * variables go to their own 0600 files in the private directory, never into argv; `secret-files` are used
 * where they are. Every value is masked first, line by line for multi-line ones.
 */
async function secretFiles(inputs, workDir, reporter, 
/** Secrets of our own: the git fetch's credentials (src/git-source.ts). */
extra = []) {
    const written = [
        ...extra,
        ...inputs.secrets.map(line => (0,src_text/* splitKeyValue */.px)(line)),
        ...inputs.secretEnvs.map(line => {
            const { key, value } = (0,src_text/* splitKeyValue */.px)(line);
            return { key, value: process.env[value] ?? '' };
        })
    ];
    const fromFiles = await Promise.all(inputs.secretFiles.map(async (line) => {
        const { key, value } = (0,src_text/* splitKeyValue */.px)(line);
        const file = external_node_path_default().resolve(value);
        const content = await (0,promises_.readFile)(file, 'utf8');
        // A large file is not a password; masking megabytes line by line would only slow the log.
        if (content.length <= MAX_MASKED_FILE)
            maskValue(content, reporter);
        return { id: key, path: file };
    }));
    if (!written.length)
        return fromFiles;
    const dir = external_node_path_default().join(workDir, 'secrets');
    await (0,promises_.mkdir)(dir, { mode: 0o700 });
    const own = await Promise.all(written.map(async ({ key, value }, i) => {
        maskValue(value, reporter);
        const file = external_node_path_default().join(dir, String(i));
        await (0,promises_.writeFile)(file, value, { mode: 0o600 });
        return { id: key, path: file };
    }));
    return [...own, ...fromFiles];
}
const MAX_MASKED_FILE = 64 * 1024;
function maskValue(value, reporter) {
    for (const secret of (0,secrets/* valueSecrets */.tf)(value))
        reporter.setSecret(secret);
}
/** Retry options that tell the user about each retry. */
const retrying = (what, attempts, reporter, sleep) => ({
    attempts,
    sleep,
    onRetry: info => reporter.warning(`${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${(0,src_text/* messageOf */.bD)(info.error)}`)
});

;// CONCATENATED MODULE: ./src/pipeline/verify.ts
class VerificationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'VerificationError';
    }
}
/**
 * The verification rules, separated from I/O so they can be table-tested. `identity` holds the digests that
 * name this run's image (iid, buildx's manifest and config digests); the served manifest must be one of them
 * or have one of them as its config.
 */
function checkManifests(tags, manifests, pushed, identity, reporter) {
    manifests.forEach((m, i) => {
        if (m.headerDigest && m.headerDigest !== m.digest)
            reporter?.warning(`the registry's Docker-Content-Digest for tag ${tags[i]} (${m.headerDigest}) does not match its content (${m.digest}); using the content digest`);
    });
    const distinct = [...new Set(manifests.map(m => m.digest))];
    if (distinct.length > 1)
        throw new VerificationError(`tags resolve to different manifests: ${tags.map((t, i) => `${t} → ${manifests[i].digest}`).join(', ')}; another push may have moved a tag`);
    const [digest] = distinct;
    if (pushed.length > 0 && !pushed.includes(digest))
        throw new VerificationError(`tag ${tags[0]} serves ${digest}, but docker pushed ${pushed.join(' or ')}; another push moved the tag, or the registry serves other content`);
    if (identity.includes(digest) || identity.includes(configDigest(manifests[0]) ?? ''))
        return digest;
    throw new VerificationError(`tag ${tags[0]} serves ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag, on this docker engine between the build and the push or in the registry; nothing of this run's image is verified`);
}
function configDigest(manifest) {
    try {
        return JSON.parse(manifest.body.toString('utf8')).config?.digest;
    }
    catch {
        return undefined;
    }
}
/**
 * os/arch[/variant] → digest, from a pushed index (attestation manifests left out), or for a single
 * manifest from the local image's platform.
 */
function platformDigests(manifest, localPlatform) {
    let parsed;
    try {
        parsed = JSON.parse(manifest.body.toString('utf8'));
    }
    catch {
        return {};
    }
    if (!Array.isArray(parsed.manifests))
        return localPlatform ? { [localPlatform]: manifest.digest } : {};
    const out = {};
    for (const d of parsed.manifests) {
        const p = d.platform;
        if (!d.digest || !p?.os || !p.architecture || p.os === 'unknown')
            continue;
        if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
            continue;
        out[[p.os, p.architecture, p.variant].filter(Boolean).join('/')] = d.digest;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/build.ts
// Phase 2: the build, and what it produced: the image's identity read from the iidfile and buildx's
// metadata, and the local image inspected by that identity, never by a tag another build may move.









/** No push attempt starts later than this after the first failed: keeps a dead registry under a minute. */
const PUSH_RETRY_WINDOW_MS = 45_000;
/** An error that points at the Dockerfile line the builder named. */
class BuildError extends DockerError {
    location;
    constructor(error, location) {
        super(error.command, error.exitCode, error.stderr);
        this.location = location;
        this.message = error.message;
        this.name = 'BuildError';
    }
}
/** The Dockerfile line a failed build names: BuildKit's `Dockerfile:7` block, or "parse error … line 7". */
function failedLine(stderr) {
    const m = /^\s*(?:\S*\/)?[^\s/]*Dockerfile[^\s:]*:(\d+)\s*$/im.exec(stderr) ??
        /dockerfile parse error (?:on )?line (\d+)/i.exec(stderr);
    return m ? Number(m[1]) : undefined;
}
async function build(inputs, plan, deps) {
    const { docker, reporter } = deps;
    const hint = withHint(inputs);
    reporter.debug(`build starts ${Math.round(performance.now())} ms after the process did`);
    // A build that pushes is retried as a whole; its cache makes the second attempt cheap.
    const pushes = plan.pushedBy === 'buildx';
    const run = (buildPlan) => {
        const args = buildArgs(inputs, buildPlan, plan.buildx);
        return pushes
            ? buildAndPush(docker, args, plan.build.refs[0] ?? inputs.registry, inputs, reporter, deps.sleep)
            : docker.build(args);
    };
    const result = await withIndexFallback(plan.build, run, reporter).catch(error => hint(located(tagTaken(error), inputs)));
    if (inputs.cacheTo.length)
        warnOnCacheExport(`${result.stdout}\n${result.stderr}`, reporter);
    const iid = plan.build.iidfile ? (await (0,promises_.readFile)(plan.build.iidfile, 'utf8')).trim() : '';
    const metadata = plan.build.metadataFile ? await readMetadata(plan.build.metadataFile) : {};
    const identity = [
        ...new Set([iid, metadata['containerimage.digest'], metadata['containerimage.config.digest']].filter((d) => typeof d === 'string' && d !== ''))
    ];
    const tagged = plan.local === 'yes' || pushes
        ? plan.build.refs.length
            ? `, tagged ${plan.build.refs.join(', ')}`
            : ', untagged'
        : '';
    reporter.info(`Built ${iid || 'the files of the outputs'}${tagged}${pushes ? ' and pushed by buildx' : ''}`);
    if (plan.buildx && !pushes && !inputs.load && !inputs.outputs.length && inputs.platforms.length > 1)
        reporter.warning(`${inputs.platforms.length} platforms were built but neither pushed nor loaded; the result stays in the build cache`);
    return { iid, identity, metadata };
}
/**
 * A build that pushes, retried as a whole (its cache makes a second attempt cheap) within the push retry
 * window. The window opens when the first attempt fails: the first build may take any time.
 */
function buildAndPush(docker, args, subject, inputs, reporter, sleep) {
    let firstFailedAt;
    return retry(() => docker.build(args, { push: subject }).catch((error) => {
        firstFailedAt ??= Date.now();
        throw error;
    }), {
        ...retrying('build and push', inputs.retries, reporter, sleep),
        maxElapsedMs: PUSH_RETRY_WINDOW_MS,
        now: () => (firstFailedAt === undefined ? 0 : Date.now() - firstFailedAt)
    });
}
/**
 * The loaded image, by its own ID. The containerd store knows an image by its manifest (or index) digest,
 * which buildx gives as the iid with attestations and as `containerimage.digest` without; the classic store
 * knows it by the iid. The first identity that the store knows is the image.
 */
async function inspectBuilt(docker, built, refs) {
    let last;
    for (const id of built.identity) {
        try {
            return await docker.inspect(id);
        }
        catch (error) {
            last = error;
        }
    }
    // The containerd store keeps images by name: once another build took our tag, nothing names our image.
    if (/no such image/i.test((0,src_text/* messageOf */.bD)(last)))
        throw new VerificationError(`the image this run built (${built.iid}) is no longer in the engine's store: another build moved the tag ${refs[0]} on this docker engine after the build; nothing of this run's image is verified`);
    throw last;
}
/**
 * Two builds of one tag on the containerd store at the same moment: the engine refuses the second one's
 * name (`image "<ref>": already exists`). Said in our words, like every other outcome of that race.
 */
function tagTaken(error) {
    const m = error instanceof DockerError ? /image "([^"]+)": already exists/.exec(error.message) : null;
    if (!m)
        return error;
    return new VerificationError(`another build moved the tag ${m[1]} on this docker engine during the build (${error instanceof Error ? error.message : ''}); nothing of this run's image is pushed`);
}
function located(error, inputs) {
    if (!(error instanceof DockerError))
        return error;
    const line = failedLine(error.stderr);
    if (line === undefined || inputs.remoteContext)
        return error;
    const file = inputs.file || external_node_path_default().join(inputs.context, 'Dockerfile');
    return new BuildError(error, { file, line });
}
async function readMetadata(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        return {};
    }
}
/**
 * With ignore-error=true buildx keeps going when the cache export fails; the user should still hear of it.
 * The failure is an `#N ERROR:` line of the step titled `#N exporting cache…` (the line itself need not
 * mention the cache).
 */
function warnOnCacheExport(output, reporter) {
    const lines = output.split(/\r?\n/);
    const steps = new Set(lines.map(l => /^#(\d+) exporting cache\b/.exec(l)?.[1]).filter(Boolean));
    const line = lines.find(l => steps.has(/^#(\d+) ERROR: /.exec(l)?.[1]));
    if (line)
        reporter.warning(`cache export failed; the build succeeded without it: ${line.replace(/^#\d+ ERROR: /, '').trim()}`);
}

;// CONCATENATED MODULE: ./src/check.ts
// `--call=check,format=json`: buildx prints BuildKit's lint results (frontend/subrequests/lint's
// LintResults) on stdout. Read here into findings with a file and a line, for annotations. Pure.
class CheckOutputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CheckOutputError';
    }
}
/**
 * The findings in buildx's JSON. The JSON is the last thing on stdout (a `{` at a line's start opens it).
 * Protobuf's JSON leaves zero values out: a missing sourceIndex is source 0, a missing line is none.
 */
function parseCheckFindings(stdout) {
    const start = stdout.search(/^\{/m);
    if (start < 0)
        throw new CheckOutputError('buildx printed no check results');
    let results;
    try {
        results = JSON.parse(stdout.slice(start));
    }
    catch {
        throw new CheckOutputError('buildx printed check results that are not JSON');
    }
    const place = (location) => {
        if (!location)
            return {};
        const file = results.sources?.[location.sourceIndex ?? 0]?.filename;
        const range = location.ranges?.[0];
        const line = range?.start?.line || undefined;
        const endLine = range?.end?.line || undefined;
        return {
            ...(file ? { file } : {}),
            ...(line ? { line } : {}),
            ...(endLine && endLine !== line ? { endLine } : {})
        };
    };
    const findings = (results.warnings ?? []).map(w => ({
        level: 'warning',
        rule: w.ruleName ?? '',
        message: w.detail || w.description || w.ruleName || 'check failed',
        ...(w.url ? { url: w.url } : {}),
        ...place(w.location)
    }));
    if (results.buildError?.message)
        findings.push({
            level: 'error',
            rule: '',
            message: results.buildError.message,
            ...place(results.buildError.location)
        });
    return findings;
}
/** One line for a finding: `JSONArgsRecommended: JSON arguments recommended … (https://…)`. */
const findingText = (f) => `${f.rule ? `${f.rule}: ` : ''}${f.message}${f.url ? ` (${f.url})` : ''}`;

;// CONCATENATED MODULE: ./src/pipeline/call.ts
// A build with `call` other than `build`: BuildKit evaluates the Dockerfile (checks, outline, targets)
// instead of building it, so nothing is exported or pushed. For `check`, each finding becomes an
// annotation on its Dockerfile line, and findings fail the step, as `docker buildx build --check` exits.



/** True when the build evaluates instead of building: there is no image to push. */
const isEvaluation = (inputs) => inputs.call !== '' && inputs.call !== 'build';
class CheckError extends Error {
    location;
    constructor(message, 
    /** Where the first finding points, for the failure's own annotation. */
    location) {
        super(message);
        this.location = location;
        this.name = 'CheckError';
    }
}
async function evaluate(inputs, plan, deps) {
    // No output of any kind: an evaluation exports nothing (no --load, --push or --output).
    const args = buildArgs(inputs, { ...plan.build, exports: [] }, plan.buildx);
    const result = await deps.docker.evaluate(args);
    if (inputs.call !== 'check') {
        if (result.exitCode !== 0)
            throw new DockerError('buildx build', result.exitCode, result.stderr);
        return;
    }
    let findings;
    try {
        findings = parseCheckFindings(result.stdout);
    }
    catch (error) {
        // No results at all: the build itself failed before the checks (a missing file, a bad flag).
        if (result.exitCode !== 0)
            throw new DockerError('buildx build', result.exitCode, result.stderr);
        throw error;
    }
    const where = (f) => f.file && !inputs.remoteContext
        ? { file: inputs.file || external_node_path_default().join(inputs.context, f.file), line: f.line, endLine: f.endLine }
        : undefined;
    for (const f of findings)
        deps.reporter.warning(findingText(f), where(f));
    if (!findings.length) {
        deps.reporter.info('Check complete: no findings');
        return;
    }
    const first = findings.find(f => f.level === 'error') ?? findings[0];
    const loc = where(first);
    throw new CheckError(`Dockerfile check: ${findings.length} finding(s); the first: ${findingText(first)}${first.line ? ` (line ${first.line})` : ''}`, loc && { file: loc.file, line: loc.line });
}

;// CONCATENATED MODULE: ./src/pipeline/gates.ts

const GATES = [{ input: 'call', since: '0.15.0', isSet: inputs => inputs.call !== '' }];
/** `a` before `b` as dotted version numbers (`0.9.1` < `0.15.0`). */
function versionBelow(a, b) {
    const [x, y] = [a, b].map(v => v.split('.').map(n => Number.parseInt(n, 10) || 0));
    for (let i = 0; i < Math.max(x.length, y.length); i++)
        if ((x[i] ?? 0) !== (y[i] ?? 0))
            return (x[i] ?? 0) < (y[i] ?? 0);
    return false;
}
async function checkVersionGates(inputs, docker) {
    const set = GATES.filter(gate => gate.isSet(inputs));
    if (!set.length)
        return;
    const version = await docker.buildxVersion();
    for (const gate of set)
        if (versionBelow(version, gate.since))
            throw new src_inputs/* InputError */.dz(gate.input, `needs buildx ${gate.since} or later, and this docker has buildx ${version} (update buildx, e.g. with docker/setup-buildx-action, or drop the input)`);
}

;// CONCATENATED MODULE: ./src/pipeline/describe.ts
const parse = (m) => {
    try {
        return JSON.parse(m.body.toString('utf8'));
    }
    catch {
        return {};
    }
};
/** config + layers of one image manifest. */
const manifestSize = (m) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((sum, l) => sum + (l.size ?? 0), 0);
/** The platform buildx wrote in its metadata's descriptor, as os/arch[/variant]. */
function descriptorPlatform(metadata) {
    const p = metadata['containerimage.descriptor']
        ?.platform;
    return p?.os && p.architecture ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : undefined;
}
async function describePushed(client, name, manifest, metadata) {
    const parsed = parse(manifest);
    if (!Array.isArray(parsed.manifests))
        return { size: manifestSize(parsed), platform: descriptorPlatform(metadata) };
    // Attestation manifests are not the image; each platform's manifest is fetched by digest (checked).
    const images = parsed.manifests.filter(d => d.digest && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const children = await Promise.all(images.map(d => client.getManifest(name, d.digest)));
    return { size: children.reduce((sum, child) => sum + manifestSize(parse(child)), 0) };
}

;// CONCATENATED MODULE: ./src/pipeline/push.ts
// Phase 3: the push. docker pushes the layers once, under the first tag; the other tags are the same
// manifest, put through the registry API, which re-uploads nothing and costs a request, not a process.








/**
 * Pushes to every target at once. With docker, each target's first tag goes up with `docker push` and
 * the rest through its registry's API; the local image is inspected once, beside the pushes.
 */
async function push(inputs, plan, built, deps) {
    if (plan.pushedBy === 'buildx') {
        // buildx pushed every platform and tag itself, and says what in its metadata file.
        const digest = built.metadata['containerimage.digest'];
        return { digests: typeof digest === 'string' && digest ? [digest] : [] };
    }
    const { docker } = deps;
    // The inspect (image ID, size, platform) runs beside the push, off the critical path.
    const inspecting = inspectBuilt(docker, built, plan.build.refs);
    inspecting.catch(() => undefined);
    // The push's stall bound and ceiling grow with the image's size, known once the inspect answers.
    const size = inspecting.then(image => image.size, () => undefined);
    const perTarget = await Promise.all(plan.targets.map(target => pushTarget(inputs, plan, target, built, size, inspecting, {
        ...deps,
        client: deps.clients.get(target.registry)
    })));
    return { digests: [...new Set(perTarget.flat())], image: await inspecting };
}
async function pushTarget(inputs, plan, target, built, size, inspecting, deps) {
    const { docker, client, reporter } = deps;
    const refs = target.refs;
    const hint = withHint(inputs, target);
    const pushDocker = (ref) => retry(() => docker.push(ref, size), {
        ...retrying(`push of ${ref}`, inputs.retries, reporter, deps.sleep),
        maxElapsedMs: PUSH_RETRY_WINDOW_MS
    }).catch(hint);
    const reported = await pushDocker(refs[0]).catch(async (error) => {
        throw await movedDuringPush(docker, built, refs[0], error);
    });
    let digests = reported ? [reported] : pushedDigests((await inspecting).repoDigests, target.repository);
    if (refs.length > 1) {
        const tagged = digests.length === 1 && (await tagByApi(client, target.name, digests[0], plan.tags.slice(1), reporter));
        if (!tagged)
            for (const ref of refs.slice(1))
                digests.push(await pushDocker(ref));
        digests = [...new Set(digests.filter(Boolean))];
    }
    return digests;
}
/**
 * A push that failed because another build took the tag meanwhile (the containerd store then pushes an
 * index whose manifests it never uploaded, and the registry refuses it) says so: the tag no longer names
 * this run's image. Any other failure is passed on as it is.
 */
async function movedDuringPush(docker, built, ref, error) {
    const now = await docker.inspect(ref).catch(() => undefined);
    if (!now || built.identity.includes(now.id))
        return error;
    return new VerificationError(`another build moved the tag ${ref} on this docker engine during the push (${(0,src_text/* messageOf */.bD)(error)}); nothing of this run's image is verified`);
}
/**
 * Puts the manifest docker just pushed (fetched by digest, so its bytes are checked) under the other tags.
 * False when the registry API refuses: the caller then falls back to `docker push` for those tags.
 */
async function tagByApi(client, name, digest, tags, reporter) {
    try {
        const manifest = await client.getManifest(name, digest);
        await Promise.all(tags.map(tag => client.putManifest(name, tag, manifest.body, manifest.mediaType)));
        reporter.info(`Tagged ${tags.join(', ')} through the registry API (no re-upload)`);
        return true;
    }
    catch (error) {
        reporter.info(`The registry API did not take the extra tags (${(0,src_text/* messageOf */.bD)(error)}); pushing them with docker`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/result.ts

function resultOf(o) {
    return {
        digest: o.verified?.digest ?? '',
        imageRef: o.verified ? `${o.verified.repository}@${o.verified.digest}` : '',
        imageRefs: o.verified
            ? (o.verified.repositories ?? [o.verified.repository]).map(r => `${r}@${o.verified.digest}`)
            : [],
        imageid: o.builder === 'buildx' ? o.iid : (o.image?.id ?? o.iid),
        tags: o.refs,
        platformDigests: o.verified
            ? platformDigests(o.verified.manifest, o.image?.platform ?? o.verified.described?.platform)
            : {},
        size: o.image?.size ?? o.verified?.described?.size ?? 0,
        buildx: o.metadata ?? {},
        builder: o.builder,
        durations: o.durations
    };
}

;// CONCATENATED MODULE: ./src/registry/stream.ts
// Requests whose bodies are layers: the response (or the request body) is a stream, never a buffer, so a
// blob goes from one registry to another without being held in memory. Beside transport.ts, which buffers
// every answer (manifests, tokens, errors) and retries; the caller of these retries the whole transfer.





// As transport.ts follows them: docker's client, at most 5 hops.
const stream_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** An error answer is read for its message, never more than this. */
const ERROR_BODY_BYTES = 64 * 1024;
/**
 * A GET whose body is read by the caller: redirects are followed (a registry sends blob reads to its
 * storage), and Authorization goes only to the origin it was meant for, never to the storage host.
 */
async function openRead(transport, url, headers) {
    let at = url;
    let sent = headers;
    for (let hops = 0;; hops++) {
        const res = await once(transport, 'GET', at, sent);
        const location = headerValue(res.headers.location);
        if (!REDIRECTS.has(res.statusCode ?? 0) || !location)
            return { res, at };
        res.resume();
        if (hops === stream_MAX_REDIRECTS)
            throw new RegistryError(`GET ${where(url)}: more than ${stream_MAX_REDIRECTS} redirects`, 'fatal');
        let next;
        try {
            next = new URL(location, transport.effective(at));
        }
        catch {
            // reported below
        }
        if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
            throw new RegistryError(`GET ${where(at)} redirected to an unusable location`, 'fatal');
        if (next.origin !== transport.effective(url).origin && 'Authorization' in sent) {
            sent = { ...sent };
            delete sent.Authorization;
        }
        at = next;
    }
}
/** A PUT (or PATCH) whose body is `body`, `length` bytes; the answer is buffered, being small. */
async function sendStream(transport, method, url, headers, body, length) {
    const res = await once(transport, method, url, { ...headers, 'Content-Length': String(length) }, body);
    return { status: res.statusCode ?? 0, headers: res.headers, body: await readSmall(res) };
}
/** A streamed answer that is not what the caller wanted, as a RegistryError classified by its status. */
async function streamError(transport, method, { res, at }) {
    const response = { status: res.statusCode ?? 0, headers: res.headers, body: await readSmall(res) };
    return transport.httpError(method, at, response, statusKind(response.status));
}
/** 408, 429 and 5xx are worth another attempt, 401 and 403 are auth failures, the rest are final. */
function statusKind(status) {
    if (status === 408 || status === 429 || status >= 500)
        return 'transient';
    if (status === 401 || status === 403)
        return 'auth';
    return 'fatal';
}
async function readSmall(res) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of res) {
            if (size < ERROR_BODY_BYTES)
                chunks.push(chunk);
            size += chunk.length;
        }
    }
    catch {
        // what arrived is enough for a message
    }
    return Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES);
}
/**
 * One exchange, resolved with the response head. The deadline is for inactivity: a 128 MB layer may
 * rightly take longer than one request's deadline in all, but not a silence that long.
 */
async function once(transport, method, url, headers, body) {
    transport.requestCount++;
    const target = transport.effective(url);
    const tls = target.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default;
    const agent = await transport.agentFor(target, tls);
    const signal = transport.closed.signal;
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            body?.destroy();
            if (settled)
                return;
            settled = true;
            reject(networkError(method, target, err));
        };
        const req = (tls ?? (external_node_http_default())).request(target, { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent, signal }, res => {
            settled = true;
            // A body still being sent when the registry has answered (an early 4xx/5xx) is of no more use.
            if (body && !body.readableEnded)
                body.destroy();
            res.setTimeout(transport.timeoutMs, () => res.destroy(Object.assign(new Error(`stalled for ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
            resolve(res);
        });
        req.setTimeout(transport.timeoutMs, () => req.destroy(Object.assign(new Error(`timed out after ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
        req.on('error', fail);
        if (!body)
            return void req.end();
        body.on('error', err => {
            req.destroy(err);
            fail(err);
        });
        body.pipe(req);
    });
}
function networkError(method, url, err) {
    if (err instanceof RegistryError)
        return err;
    const code = err?.code;
    return new RegistryError(`${method} ${where(url)} failed: ${(0,src_text/* oneLine */.TN)((0,src_text/* messageOf */.bD)(err), 300)}`, kindOf(err), {
        code: typeof code === 'string' ? code : undefined
    });
}

;// CONCATENATED MODULE: ./src/registry/blobs.ts
// Blobs between repositories and registries: HEAD, cross-repository mount, and a streamed copy (GET from
// the source → one monolithic PUT to the target), for promoting and merging images without the engine.



const blobs_DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
function checkDigest(digest) {
    // It goes into a URL path and a query: nothing outside the grammar.
    if (!blobs_DIGEST.test(digest))
        throw new RegistryError(`invalid blob digest "${digest}"`, 'fatal');
}
/** Whether `repo` on this registry has the blob. */
async function hasBlob(client, repo, digest) {
    checkDigest(digest);
    const url = client.url(repo, `blobs/${digest}`);
    const res = await client.auth.request('HEAD', url, repo, 'pull', {});
    if (res.status === 200)
        return true;
    if (res.status === 404)
        return false;
    throw client.transport.httpError('HEAD', client.url(repo, `blobs/${digest}`), res, 'fatal');
}
/** A small blob (an image config), read whole; its digest is checked. */
async function getSmallBlob(client, repo, digest) {
    checkDigest(digest);
    const res = await client.auth.request('GET', client.url(repo, `blobs/${digest}`), repo, 'pull', {});
    if (res.status !== 200)
        throw client.transport.httpError('GET', client.url(repo, `blobs/${digest}`), res, 'fatal');
    const got = manifestDigest(res.body);
    if (digest.startsWith('sha256:') && got !== digest)
        throw new RegistryError(`GET ${where(client.url(repo, `blobs/${digest}`))} returned ${got}`, 'fatal');
    return res.body;
}
/**
 * POST /v2/<repo>/blobs/uploads/, with `?mount=&from=` when the blob is in `from` on the same registry.
 * Mounted: nothing to upload. Otherwise the upload session's URL (a registry that does not mount, or a
 * blob it could not find in `from`, answers 202 and starts an ordinary upload).
 */
async function startUpload(client, repo, mount) {
    const path = 'blobs/uploads/';
    const url = client.url(repo, path);
    if (mount) {
        checkDigest(mount.digest);
        url.searchParams.set('mount', mount.digest);
        url.searchParams.set('from', mount.from);
    }
    const also = mount ? `repository:${mount.from}:pull` : undefined;
    const headers = { 'Content-Length': '0' };
    const res = await client.auth.request('POST', url, repo, 'pull,push', headers, undefined, also);
    if (mount && res.status === 201)
        return 'mounted';
    const location = headerValue(res.headers.location);
    if (res.status !== 202 || !location)
        throw client.transport.httpError('POST', client.url(repo, path), res, 'fatal', 'blob upload');
    return new URL(location, client.transport.effective(client.url(repo, path)));
}
/**
 * Streams one blob from `src`/`srcRepo` into an upload session of `dst`/`dstRepo` (monolithic PUT with the
 * digest, which the target checks). Resolves with the bytes moved. Not retried here: the caller retries
 * the whole copy, since neither stream can be replayed.
 */
async function streamBlob(src, srcRepo, dst, dstRepo, blob, upload) {
    checkDigest(blob.digest);
    const read = async () => {
        const auth = await src.auth.headerFor(srcRepo, 'pull');
        return openRead(src.transport, src.url(srcRepo, `blobs/${blob.digest}`), auth ? { Authorization: auth } : {});
    };
    let got = await read();
    if (got.res.statusCode === 401) {
        // A token that expired since the manifests were read: one buffered request renews it.
        got.res.resume();
        await src.auth.request('HEAD', src.url(srcRepo, `blobs/${blob.digest}`), srcRepo, 'pull', {});
        got = await read();
    }
    if (got.res.statusCode !== 200)
        throw await streamError(src.transport, 'GET', got);
    let moved = 0;
    got.res.on('data', (chunk) => (moved += chunk.length));
    const put = new URL(upload);
    put.searchParams.set('digest', blob.digest);
    const auth = await dst.auth.headerFor(dstRepo, 'pull,push');
    const headers = { 'Content-Type': 'application/octet-stream' };
    if (auth && put.origin === dst.transport.effective(dst.url(dstRepo, '')).origin)
        headers.Authorization = auth;
    const res = await sendStream(dst.transport, 'PUT', put, headers, got.res, blob.size);
    if (res.status !== 201 && res.status !== 204) {
        const error = dst.transport.httpError('PUT', put, res, statusKind(res.status), 'blob upload');
        throw res.status === 401 || res.status === 403
            ? new RegistryError(`${error.message} (the credentials for ${dst.registry} were rejected or lack push access to ${dstRepo})`, 'auth', { status: res.status, code: error.code })
            : error;
    }
    return moved;
}

;// CONCATENATED MODULE: ./src/registry/tags-list.ts
// GET /v2/<name>/tags/list, every page: distribution pages by `n` and `last`, and names the next page in a
// `Link: <…>; rel="next"` header.

const PAGE = 1000;
/** A repository with more tags than this is not listed whole: the glob would be unreliable anyway. */
const MAX_PAGES = 100;
/** The `rel="next"` target of a Link header, or undefined. */
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
/** Every tag of `repo`, in the registry's order; a repository that does not exist has none. */
async function listTags(client, repo) {
    const tags = [];
    const first = client.url(repo, 'tags/list');
    first.searchParams.set('n', String(PAGE));
    let url = first;
    for (let page = 0; url; page++) {
        if (page === MAX_PAGES)
            throw new RegistryError(`${where(first)}: more than ${MAX_PAGES} pages of tags`, 'fatal');
        const res = await client.auth.request('GET', url, repo, 'pull', { Accept: 'application/json' });
        if (res.status === 404)
            return tags;
        if (res.status !== 200)
            throw client.transport.httpError('GET', url, res, 'fatal');
        let body;
        try {
            body = JSON.parse(res.body.toString('utf8'));
        }
        catch {
            throw new RegistryError(`GET ${where(url)} returned a body that is not JSON`, 'fatal');
        }
        if (Array.isArray(body.tags))
            for (const t of body.tags)
                if (typeof t === 'string')
                    tags.push(t);
        const next = nextLink(headerValue(res.headers.link));
        const following = next ? new URL(next, client.transport.effective(url)) : undefined;
        // Only on the same registry: a Link elsewhere would carry our credentials away.
        url = following && following.origin === client.transport.effective(first).origin ? following : undefined;
    }
    return tags;
}

// EXTERNAL MODULE: ./src/sources.ts
var sources = __webpack_require__(6197);
;// CONCATENATED MODULE: ./src/pipeline/merge.ts

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_LIST]);
class MergeError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
        this.name = 'MergeError';
    }
}
const isIndex = (mediaType) => INDEX_TYPES.has(mediaType);
function platformKey(p) {
    return ([p.os, p.architecture, p.variant].filter(Boolean).join('/') +
        (p['os.version'] ? `:${p['os.version']}` : ''));
}
const isAttestation = (d) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown';
/** The descriptors a part brings: an index's own entries as they are, or one for a single manifest. */
function descriptorsOf(part) {
    const { manifest } = part;
    if (isIndex(manifest.mediaType)) {
        const parsed = JSON.parse(manifest.body.toString('utf8'));
        return Array.isArray(parsed.manifests) ? parsed.manifests : [];
    }
    if (!part.platform)
        throw new MergeError('sources', `${JSON.stringify(part.source)}: its image config names no platform`);
    return [
        {
            mediaType: manifest.mediaType,
            digest: manifest.digest,
            size: manifest.body.length,
            platform: part.platform
        }
    ];
}
/**
 * One index of every part's platform manifests, with their attestation manifests (and annotations) kept
 * beside them. Two parts with the same platform are an input error naming both. OCI when any part is OCI
 * or the user gives index annotations (a Docker manifest list has no place for them); a Docker manifest
 * list otherwise, which also leaves out the automatic annotations.
 */
function mergeIndex(parts, annotations) {
    const images = [];
    const attestations = [];
    const owner = new Map();
    const seen = new Set();
    let oci;
    for (const part of parts) {
        if (part.manifest.mediaType.startsWith('application/vnd.oci.'))
            oci ??= `${part.source} is OCI`;
        for (const d of descriptorsOf(part)) {
            if (seen.has(d.digest))
                continue;
            seen.add(d.digest);
            if (d.mediaType.startsWith('application/vnd.oci.'))
                oci ??= `${part.source} holds OCI manifests`;
            if (isAttestation(d)) {
                attestations.push(d);
                continue;
            }
            if (!d.platform)
                throw new MergeError('sources', `${JSON.stringify(part.source)}: ${d.digest} names no platform`);
            const key = platformKey(d.platform);
            const other = owner.get(key);
            if (other !== undefined)
                throw new MergeError('sources', `${JSON.stringify(other)} and ${JSON.stringify(part.source)} both hold ${key}; an index has one image per platform`);
            owner.set(key, part.source);
            images.push(d);
        }
    }
    if (!oci && Object.keys(annotations.user).length)
        oci = `${(0,input_table/* ref */.KR)('annotations')} asks for index annotations`;
    const mediaType = oci ? OCI_INDEX : DOCKER_LIST;
    const all = { ...annotations.automatic, ...annotations.user };
    const index = {
        schemaVersion: 2,
        mediaType,
        manifests: [...images, ...attestations],
        ...(oci && Object.keys(all).length ? { annotations: all } : {})
    };
    const platformDigests = Object.fromEntries(images.map(d => [
        [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/'),
        d.digest
    ]));
    return { mediaType, body: Buffer.from(JSON.stringify(index)), platformDigests, why: oci };
}
/** `os`, `architecture` and `variant` of an image config, as a descriptor's platform names them. */
function platformOfConfig(config) {
    try {
        const c = JSON.parse(config.toString('utf8'));
        if (typeof c.os !== 'string' || typeof c.architecture !== 'string')
            return undefined;
        const p = { os: c.os, architecture: c.architecture };
        if (typeof c.variant === 'string' && c.variant)
            p.variant = c.variant;
        if (typeof c['os.version'] === 'string' && c['os.version'])
            p['os.version'] = c['os.version'];
        return p;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/copy.ts




// As many blobs in flight as docker pushes layers at once by default.
const PARALLEL_BLOBS = 5;
class Copier {
    opts;
    moved = { blobBytes: 0, blobsCopied: 0, blobsMounted: 0, blobsPresent: 0 };
    /** One placement per target repository and digest, shared by every manifest that needs it. */
    placed = new Map();
    active = 0;
    waiting = [];
    constructor(opts) {
        this.opts = opts;
    }
    /** `manifest` (of `src`) into `dst` under its digest, with everything it refers to, children first. */
    place(src, dst, manifest) {
        if (sameRepository(src, dst))
            return Promise.resolve();
        return this.once(`${dst.client.registry}/${dst.name}@${manifest.digest}`, async () => {
            const parsed = JSON.parse(manifest.body.toString('utf8'));
            if (isIndex(manifest.mediaType)) {
                await Promise.all((parsed.manifests ?? []).map(async (d) => this.place(src, dst, await src.client.getManifest(src.name, d.digest))));
            }
            else {
                // Foreign layers (with urls) are not the registry's to hold, as docker and skopeo leave them.
                const blobs = [parsed.config, ...(parsed.layers ?? [])].filter((d) => !!d && !d.urls?.length);
                await Promise.all(blobs.map(b => this.blob(src, dst, b)));
            }
            await dst.client.putManifest(dst.name, manifest.digest, manifest.body, manifest.mediaType);
        });
    }
    blob(src, dst, blob) {
        return this.once(`${dst.client.registry}/${dst.name}@${blob.digest}`, async () => {
            const sameRegistry = src.client === dst.client;
            if (!sameRegistry && (await hasBlob(dst.client, dst.name, blob.digest))) {
                this.moved.blobsPresent++;
                return;
            }
            let mount = sameRegistry;
            // Neither stream can be replayed: a transient failure starts the blob again, with a new session.
            await retry(async () => {
                const upload = await startUpload(dst.client, dst.name, mount ? { digest: blob.digest, from: src.name } : undefined);
                if (upload === 'mounted') {
                    this.moved.blobsMounted++;
                    return;
                }
                mount = false;
                const bytes = await this.limited(() => streamBlob(src.client, src.name, dst.client, dst.name, blob, upload));
                this.moved.blobBytes += bytes;
                this.moved.blobsCopied++;
            }, retrying(`copy of ${blob.digest} to ${dst.client.registry}/${dst.name}`, this.opts.retries, this.opts.reporter, this.opts.sleep));
        });
    }
    once(key, fn) {
        let p = this.placed.get(key);
        if (!p) {
            p = fn();
            this.placed.set(key, p);
        }
        return p;
    }
    async limited(fn) {
        while (this.active >= PARALLEL_BLOBS)
            await new Promise(resolve => this.waiting.push(resolve));
        this.active++;
        try {
            return await fn();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
const sameRepository = (a, b) => a.client === b.client && a.name === b.name;

;// CONCATENATED MODULE: ./src/pipeline/sources.ts
// The `sources` phase, instead of build and push: resolve every source, then promote one (its bytes, to
// every target × tag) or merge several (one new index), and verify it in each target like any digest.
// Everything that can be wrong with the sources is found before anything is written.












/** Every image of the run (`images`, or `registry` + `image`) with the run's tags. */
function targetsOf(plan) {
    return plan.targets.map(t => ({
        registry: t.registry,
        name: t.name,
        repository: t.repository,
        tags: plan.tags
    }));
}
async function fromSources(inputs, plan, deps) {
    const { reporter, durations } = deps;
    const targets = targetsOf(plan);
    const parts = await reporter.group('Resolve sources', () => timed(durations, 'resolve', () => resolveAll(inputs, deps)));
    const top = parts.length === 1 ? promotion(inputs, parts[0]) : merged(inputs, plan, parts, reporter);
    reporter.info(parts.length === 1
        ? `Promoting ${parts[0].source} (${top.digest}) as it is`
        : `Merging ${parts.length} sources into one ${top.mediaType} (${top.digest})`);
    const copier = new Copier({ retries: inputs.retries, reporter, sleep: deps.sleep });
    await reporter.group('Copy', () => timed(durations, 'copy', async () => {
        for (const target of targets) {
            const dst = { client: deps.clientFor(target.registry), name: target.name };
            if (parts.length === 1)
                await copier.place(parts[0].from, dst, top);
            else
                await Promise.all(parts.map(part => placeChildren(copier, part, dst)));
            await Promise.all(target.tags.map(tag => dst.client.putManifest(dst.name, tag, top.body, top.mediaType)));
        }
    }));
    const m = copier.moved;
    reporter.info(`Blobs: ${m.blobsCopied} copied (${m.blobBytes} bytes), ${m.blobsMounted} mounted, ${m.blobsPresent} already there`);
    await reporter.group('Verify', () => timed(durations, 'verify', async () => {
        for (const target of targets) {
            const client = deps.clientFor(target.registry);
            const before = client.requestCount;
            const manifests = await Promise.all(target.tags.map(tag => client.getManifest(target.name, tag)));
            deps.verification.requests += client.requestCount - before;
            checkManifests(target.tags, manifests, [top.digest], [top.digest], reporter);
        }
    }));
    reporter.info(`Verified: every tag of ${targets.length} target(s) serves ${top.digest}`);
    return {
        digest: top.digest,
        imageRef: `${targets[0].repository}@${top.digest}`,
        imageRefs: targets.map(t => `${t.repository}@${top.digest}`),
        imageid: '',
        tags: targets.flatMap(t => t.tags.map(tag => `${t.repository}:${tag}`)),
        platformDigests: top.platformDigests,
        size: 0,
        builder: 'none',
        buildx: {},
        durations,
        moved: m
    };
}
/** What a merged index refers to, from one part: an index's entries, or the single manifest itself. */
async function placeChildren(copier, part, dst) {
    if (sameRepository(part.from, dst))
        return;
    if (!isIndex(part.manifest.mediaType))
        return copier.place(part.from, dst, part.manifest);
    await Promise.all(descriptorsOf(part).map(async (d) => copier.place(part.from, dst, await part.from.client.getManifest(part.from.name, d.digest))));
}
/** One source: its own bytes; annotations would change them, so they are refused. */
function promotion(inputs, part) {
    if (inputs.annotations.length)
        throw new src_inputs/* InputError */.dz('annotations', `a single source is promoted byte for byte, so nothing can be added to it; annotations apply when ${(0,input_table/* ref */.KR)('sources')} merge several images`);
    const single = part.platform
        ? [part.platform.os, part.platform.architecture, part.platform.variant].filter(Boolean).join('/')
        : undefined;
    return { ...part.manifest, platformDigests: platformDigests(part.manifest, single) };
}
function merged(inputs, plan, parts, reporter) {
    const user = {};
    for (const line of inputs.annotations) {
        const a = (0,sources/* parseAnnotation */.fr)(line);
        if (typeof a === 'string')
            throw new src_inputs/* InputError */.dz('annotations', a);
        if (a.level !== undefined && a.level !== 'index')
            throw new src_inputs/* InputError */.dz('annotations', `${JSON.stringify(line)}: a merge writes only the index; the platform manifests stay as they are, so only index annotations apply`);
        user[a.key] = a.value;
    }
    // The automatic labels of a build (created, source, revision, version) describe the index here.
    const automatic = Object.fromEntries(plan.build.labels.map(l => (0,src_text/* splitKeyValue */.px)(l)).map(kv => [kv.key, kv.value]));
    try {
        const index = mergeIndex(parts, { user, automatic });
        if (index.why)
            reporter.debug(`OCI index: ${index.why}`);
        return {
            digest: manifestDigest(index.body),
            mediaType: index.mediaType,
            body: index.body,
            platformDigests: index.platformDigests
        };
    }
    catch (error) {
        if (error instanceof MergeError)
            throw new src_inputs/* InputError */.dz(error.input, error.message);
        throw error;
    }
}
/** Every line resolved to manifests, globs expanded; the same manifest reached twice counts once. */
async function resolveAll(inputs, deps) {
    const refs = inputs.sources.map(line => {
        const parsed = (0,sources/* parseSource */.PJ)(line, inputs.registry, inputs.image);
        if (typeof parsed === 'string')
            throw new src_inputs/* InputError */.dz('sources', parsed);
        return parsed;
    });
    const lists = await Promise.all(refs.map(r => resolveOne(r, deps)));
    const seen = new Set();
    const parts = lists.flat().filter(p => !seen.has(p.manifest.digest) && seen.add(p.manifest.digest));
    await Promise.all(parts.map(async (p) => {
        if (isIndex(p.manifest.mediaType))
            return;
        const config = JSON.parse(p.manifest.body.toString('utf8')).config
            ?.digest;
        if (config)
            p.platform = platformOfConfig(await getSmallBlob(p.from.client, p.from.name, config));
    }));
    for (const p of parts)
        deps.reporter.info(`Source ${p.source}: ${p.manifest.digest} (${p.manifest.mediaType})`);
    return parts;
}
async function resolveOne(source, deps) {
    const from = { client: deps.clientFor(source.registry), name: source.name };
    const where = `${source.registry}/${source.name}`;
    const fail = (error) => {
        if (error instanceof RegistryError && error.status === 404)
            throw new src_inputs/* InputError */.dz('sources', `${JSON.stringify(source.line)}: no such image in ${where} (${(0,src_text/* messageOf */.bD)(error)})`);
        if (error instanceof RegistryError)
            throw new RegistryError(`source ${JSON.stringify(source.line)}: ${error.message}`, error.kind, {
                status: error.status,
                code: error.code
            });
        throw error;
    };
    if (source.prefix === undefined) {
        const reference = source.digest ?? source.tag;
        const manifest = await from.client.getManifest(source.name, reference).catch(fail);
        return [{ source: source.line, manifest, from }];
    }
    const prefix = source.prefix;
    const tags = (await listTags(from.client, source.name).catch(fail)).filter(t => t.startsWith(prefix)).sort();
    if (!tags.length)
        throw new src_inputs/* InputError */.dz('sources', `${JSON.stringify(source.line)} matches no tag in ${where}`);
    return Promise.all(tags.map(async (tag) => ({
        source: `${where}:${tag}`,
        manifest: await from.client.getManifest(source.name, tag).catch(fail),
        from
    })));
}

;// CONCATENATED MODULE: ./src/pipeline/index.ts
// The job itself: plan → build → push → verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call execute().

























/** Per-request deadline: with the default 3 attempts an unreachable registry fails well within a minute. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
async function execute(inputs, opts) {
    const env = opts.env ?? process.env;
    const userConfigDir = dockerConfigDir(env);
    // buildx is found as docker finds plugins, before anything is created: a buildx-only input without it is
    // an input error.
    const buildx = hasBuildxPlugin(userConfigDir, env);
    (0,src_inputs/* checkBuilder */.ub)(inputs, buildx);
    const workDir = await (0,promises_.mkdtemp)(external_node_path_default().join(opts.tempRoot, 'build-tag-push-'));
    opts.onWorkDir?.(workDir);
    const kept = inputs.keepLogin && opts.onKeptConfig ? await keptConfigDir(opts.tempRoot, opts.onKeptConfig) : '';
    try {
        const configDir = kept || external_node_path_default().join(workDir, 'docker-config');
        // docker's own temporary files (a git context's clone, with its URL in .git/config) go with ours.
        const tmp = external_node_path_default().join(workDir, 'tmp');
        const [[defaults, git]] = await Promise.all([
            (0,context/* loadGitContext */.IS)(m => opts.reporter.warning(m), env).then(async (ctx) => {
                // Before the repository API, the login and the build: rules that tag nothing for this event
                // cannot be pushed.
                (0,metadata/* checkTagged */.HA)(inputs, (0,metadata/* buildMetadata */.KP)(inputs, ctx), ctx);
                const repository = await pipeline_repositoryLabels(inputs, ctx, opts.reporter, env);
                return [(0,metadata/* buildMetadata */.KP)(inputs, ctx, new Date(), {}, repository), gitOrigin(ctx, env)];
            }),
            createPrivateConfig(configDir, userConfigDir, inputs.logins.map(l => l.registry)),
            (0,promises_.mkdir)(tmp, { mode: 0o700 })
        ]);
        opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`);
        defaults.warnings.forEach(w => opts.reporter.warning(w));
        if (inputs.tagRules.length)
            opts.reporter.info(`Tags from the rules: ${defaults.tags.join(', ') || 'none, so the image stays untagged'}`);
        opts.reporter.debug(`tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`);
        // The tags are the rules' (or the automatic ones) from here on; `[]` builds untagged.
        const result = await runPipeline({ ...inputs, tags: defaults.tags }, {
            docker: new Docker(createExecRunner(opts.out), { ...env, DOCKER_CONFIG: configDir, TMPDIR: tmp }),
            reporter: opts.reporter,
            workDir,
            credentials: credentialsFromDockerConfig(configDir),
            labels: defaults.labels,
            defaultTags: defaults.tags,
            buildx,
            driver: buildx ? builderDriver(userConfigDir, inputs.builder, env) : undefined,
            git
        });
        return {
            ...result,
            meta: { version: defaults.version, labels: defaults.labels, annotations: defaults.annotations }
        };
    }
    catch (error) {
        if (kept)
            await (0,promises_.rm)(kept, { recursive: true, force: true });
        throw error;
    }
    finally {
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
}
function gitOrigin(ctx, env) {
    return {
        serverUrl: ctx.serverUrl,
        defaultContext: ctx.repository ? defaultGitContext(ctx, env) : undefined
    };
}
/** A 0700 directory of its own for a DOCKER_CONFIG that outlives the step (keep-login). */
async function keptConfigDir(tempRoot, onDir) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(tempRoot, 'build-tag-push-login-'));
    onDir(dir);
    return dir;
}
/** The repository's metadata labels; the API is asked at most once per run, in Actions only. */
const pipeline_repositoryLabels = (inputs, ctx, reporter, env) => loadRepositoryLabels(ctx, { token: inputs.githubToken, attempts: inputs.retries, reporter, env });
async function runPipeline(inputs, deps) {
    // One client per registry for the run: the reachability check and verification share its connections
    // and tokens.
    const pushes = destinations(inputs, deps.buildx ?? false, deps.driver).pushedBy !== 'none';
    const clients = new Map();
    if (pushes)
        for (const { registry } of inputs.targets)
            if (!clients.has(registry))
                clients.set(registry, registryClient(registry, inputs, deps));
    // Source registries (sources only) get clients of their own; the same object for the same host.
    const clientFor = (registry) => {
        let c = clients.get(registry);
        if (!c)
            clients.set(registry, (c = registryClient(registry, inputs, deps)));
        return c;
    };
    try {
        const verification = { requests: 0 };
        const { moved, ...result } = await phases(inputs, deps, clients, verification, clientFor);
        const counts = {
            docker: deps.docker.calls,
            registry: requests(clients),
            verification: verification.requests,
            ...moved
        };
        deps.reporter.debug(`docker processes: ${counts.docker}, registry requests: ${counts.registry} (verification: ${counts.verification})`);
        return { ...result, counts };
    }
    finally {
        for (const client of clients.values())
            client.close();
    }
}
function registryClient(registry, inputs, deps) {
    return new RegistryClient({
        registry,
        credentials: deps.credentials,
        attempts: inputs.retries,
        timeoutMs: REQUEST_TIMEOUT_MS,
        onRetry: message => deps.reporter.warning(`registry ${registry}: ${message}`),
        // Every token and credential the client obtains is masked before it is used.
        onSecret: value => deps.reporter.setSecret(value),
        sleep: deps.sleep,
        insecure: async () => {
            const insecure = await dockerTreatsAsInsecure(deps.docker, registry);
            if (insecure)
                deps.reporter.info(`${registry} is an insecure registry for this docker engine: verifying without TLS checks, as docker pushes`);
            return insecure;
        }
    });
}
async function phases(inputs, deps, clients, 
/** Told how many registry requests the verification made (the benchmark reports it). */
verification, clientFor) {
    const { docker, reporter } = deps;
    const durations = {};
    // An input that needs a newer buildx fails here, before anything is written or sent.
    if (deps.buildx)
        await checkVersionGates(inputs, docker);
    const plan = await makePlan(inputs, { ...deps, buildx: deps.buildx ?? false });
    const builder = plan.buildx ? 'buildx' : 'classic';
    // Before the build: an unreachable registry, or one that would refuse the push, should cost seconds, not
    // a build. The logins come first, so that the check sees the credentials they stored.
    if (inputs.logins.length)
        await timed(durations, 'login', () => Promise.all(inputs.logins.map(async (login) => {
            await retry(() => docker.login(loginHost(login.registry), login.username, login.password), retrying(`login to ${login.registry}`, inputs.retries, reporter, deps.sleep)).catch(withHint(inputs, { registry: login.registry, repository: login.registry }));
            reporter.info(`Logged in to ${login.registry} as ${login.username}`);
        })));
    // `call: check` and the like evaluate the Dockerfile: nothing is built, so nothing is pushed.
    if (isEvaluation(inputs)) {
        await reporter.group(`Build (call: ${inputs.call})`, () => timed(durations, 'build', () => evaluate(inputs, plan, deps)));
        return resultOf({ refs: [], builder, durations, iid: '' });
    }
    if (clients.size)
        await timed(durations, 'preflight', () => Promise.all(plan.targets.map(t => clients.get(t.registry).checkPushAccess(t.name).catch(withHint(inputs, t)))));
    // Images already in a registry: resolved, copied or merged, and verified; nothing is built.
    if (inputs.sources.length && clients.size)
        return fromSources(inputs, plan, { reporter, clientFor, sleep: deps.sleep, durations, verification });
    const built = await reporter.group('Build', () => timed(durations, 'build', () => build(inputs, plan, deps)));
    // With buildx the image is known by its config digest, as build-push-action gives it.
    const config = built.metadata['containerimage.config.digest'];
    const iid = plan.buildx && typeof config === 'string' && config ? config : built.iid;
    const outcome = { refs: plan.build.refs, builder, durations, iid, metadata: built.metadata };
    if (!clients.size) {
        const image = plan.local === 'yes'
            ? await inspectBuilt(docker, built, plan.build.refs)
            : plan.local === 'maybe'
                ? await inspectBuilt(docker, built, plan.build.refs).catch(() => undefined)
                : undefined;
        return resultOf({ ...outcome, image });
    }
    const pushed = await reporter.group('Push', () => timed(durations, 'push', () => push(inputs, plan, built, { ...deps, clients })));
    const verified = await reporter.group('Verify', () => timed(durations, 'verify', async () => {
        const before = requests(clients);
        // Every registry must serve the one digest: the same bytes everywhere.
        const each = await Promise.all(plan.targets.map(async (target) => {
            const client = clients.get(target.registry);
            const manifests = await Promise.all(plan.tags.map(tag => client.getManifest(target.name, tag)));
            const digest = checkManifests(plan.tags, manifests, pushed.digests, built.identity, reporter);
            return { target, digest, manifest: manifests[0] };
        }));
        const digests = [...new Set(each.map(e => e.digest))];
        if (digests.length > 1)
            throw new VerificationError(`the registries serve different manifests for this build: ${each.map(e => `${e.target.repository} → ${e.digest}`).join(', ')}; the bytes must be identical everywhere`);
        const [first] = each;
        // Nothing local to inspect: the size and platform come from what the registry serves.
        const described = pushed.image
            ? undefined
            : await describePushed(clients.get(first.target.registry), first.target.name, first.manifest, built.metadata);
        verification.requests = requests(clients) - before;
        return {
            repository: first.target.repository,
            repositories: plan.targets.map(t => t.repository),
            digest: first.digest,
            manifest: first.manifest,
            described
        };
    }));
    const where = plan.targets.map(t => t.registry).filter((r, i, all) => all.indexOf(r) === i);
    reporter.info(`Verified: ${plan.tags.length} tag(s) on ${where.join(', ')} serve ${verified.digest}`);
    return resultOf({ ...outcome, image: pushed.image, verified });
}
const requests = (clients) => [...clients.values()].reduce((sum, c) => sum + c.requestCount, 0);


/***/ })

};
