export const id = 548;
export const ids = [548];
export const modules = {

/***/ 548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// UNUSED EXPORTS: PUSH_RETRY_WINDOW_MS, REQUEST_TIMEOUT_MS, VerificationError, checkManifests, loginHost, platformDigests, runPipeline, warnOnCacheExport, withHint

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __webpack_require__(286);
;// CONCATENATED MODULE: ./src/context.ts
// Automatic tags and OCI labels derived from the GitHub Actions context, as pure functions.
//
// The context is read from the environment and the event payload file ourselves (the same data that
// `@actions/github`'s `context` reads) so that this module stays cheap to load.
//
// Tag rules when the `tags` input is empty (see autoTags):
//   outside GitHub Actions (GITHUB_ACTIONS != 'true')  latest
//   pull_request / pull_request_target, or a refs/pull/N/… ref   pr-N, sha-<7> (sha of the PR head)
//   refs/tags/vX.Y.Z (release, `v` optional)               X.Y.Z, X.Y, X, latest, sha-<7>
//   refs/tags/vX.Y.Z-pre (prerelease)                      X.Y.Z-pre, sha-<7>
//   refs/tags/<anything else>                              <tag, sanitized>, sha-<7>
//   refs/heads/<default branch>                            latest, <branch, sanitized>, sha-<7>
//   refs/heads/<other branch>                              <branch, sanitized>, sha-<7>
//   any other ref                                          sha-<7>
// Every other event (workflow_dispatch, schedule, release, create, workflow_run, …) follows the same rules
// by its GITHUB_REF: a scheduled or manual run on the default branch gets `latest`, a `release` event on
// tag v1.2.3 gets the semver tags. Should nothing at all be derivable (no usable ref and no sha), the
// result is `latest`, as outside Actions, so that a build always has a tag.


const TAG_MAX = 128;
const LATEST = 'latest';
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const LABEL_SOURCE = 'org.opencontainers.image.source';
const LABEL_REVISION = 'org.opencontainers.image.revision';
const LABEL_CREATED = 'org.opencontainers.image.created';
const LABEL_VERSION = 'org.opencontainers.image.version';
/**
 * Reads the Actions context from `env` and the event payload file. A missing, unreadable or malformed
 * event file (or one whose JSON is not an object) gives an empty payload.
 */
function readGitContext(env = process.env, readFile = path => (0,external_node_fs_.readFileSync)(path, 'utf8')) {
    let payload = {};
    const eventPath = env.GITHUB_EVENT_PATH;
    if (eventPath) {
        try {
            const parsed = JSON.parse(readFile(eventPath));
            if (isObject(parsed))
                payload = parsed;
        }
        catch {
            payload = {};
        }
    }
    return {
        actions: env.GITHUB_ACTIONS === 'true',
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        repository: env.GITHUB_REPOSITORY ?? '',
        payload
    };
}
/**
 * Makes `s` a docker tag: characters outside [A-Za-z0-9_.-] become `-`, any leading `.`/`-` characters are
 * dropped, and the result is cut to 128 characters. May return '' (e.g. for `---` or `/`); callers skip it.
 */
function sanitizeTag(s) {
    return s
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, TAG_MAX);
}
const NUM = '0|[1-9][0-9]*';
const PRE_ID = `${NUM}|[0-9]*[A-Za-z-][0-9A-Za-z-]*`;
const SEMVER = new RegExp(`^v?(${NUM})\\.(${NUM})\\.(${NUM})` +
    `(?:-((?:${PRE_ID})(?:\\.(?:${PRE_ID}))*))?` +
    `(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`);
/**
 * Strict semver 2.0.0 with an optional leading lowercase `v`: three numbers without leading zeros, an
 * optional prerelease and build metadata. Numbers beyond Number.MAX_SAFE_INTEGER are rejected.
 */
function parseSemver(tag) {
    const m = SEMVER.exec(tag);
    if (!m)
        return undefined;
    const [major, minor, patch] = [m[1], m[2], m[3]].map(Number);
    if (![major, minor, patch].every(Number.isSafeInteger))
        return undefined;
    const result = { major, minor, patch };
    if (m[4] !== undefined)
        result.prerelease = m[4];
    if (m[5] !== undefined)
        result.build = m[5];
    return result;
}
/** The automatic tags for a build whose `tags` input is empty. Deduped; every element is a valid tag. */
function autoTags(ctx) {
    return derive(ctx).tags;
}
/**
 * OCI labels for every build. `tags` is the final tag list and is only consulted when `explicitTags` is
 * true (its first non-`latest` entry is the version); otherwise the version is the most specific
 * automatic tag. Outside Actions only `created` (from `now`) is set: there is no source or revision to tell.
 * `created` is the pushed commit's time (`head_commit.timestamp`) in UTC, so rebuilding a commit gives the
 * same label; events without it (pull requests, schedule, workflow_dispatch, release, …) use `now`.
 */
function ociLabels(ctx, tags, explicitTags, now) {
    const labels = {};
    if (ctx.actions) {
        if (ctx.repository)
            labels[LABEL_SOURCE] = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
        const sha = buildSha(ctx);
        if (sha)
            labels[LABEL_REVISION] = sha;
    }
    labels[LABEL_CREATED] = commitTime(ctx) ?? rfc3339(now);
    if (ctx.actions) {
        const version = explicitTags
            ? tags.map(t => t.trim()).find(t => t !== '' && t !== LATEST)
            : derive(ctx).version;
        if (version)
            labels[LABEL_VERSION] = version;
    }
    return labels;
}
/**
 * `KEY=VALUE` lines for `--label`: the automatic labels in their order, with a user value replacing the
 * automatic one in place, then the user's other labels in input order. Blank lines are skipped; the key is
 * trimmed, the value kept as given; a line without `=` is a key with an empty value; a repeated user key
 * keeps its first position and its last value.
 */
function mergeLabels(auto, user) {
    const merged = new Map(Object.entries(auto));
    for (const line of user) {
        if (line.trim() === '')
            continue;
        const eq = line.indexOf('=');
        const key = (eq < 0 ? line : line.slice(0, eq)).trim();
        if (key === '')
            continue;
        merged.set(key, eq < 0 ? '' : line.slice(eq + 1));
    }
    return [...merged].map(([k, v]) => `${k}=${v}`);
}
function derive(ctx) {
    if (!ctx.actions)
        return { tags: [LATEST] };
    const sha = buildSha(ctx);
    const shaTag = sha ? sanitizeTag(`sha-${sha.slice(0, 7)}`) : '';
    let named = [];
    let version;
    if (isPullRequest(ctx)) {
        // A PR build never gets `latest` or a branch tag, even when the PR number is unknown
        // (pull_request_target's ref is the base branch).
        const n = prNumber(ctx);
        if (n !== undefined)
            named = [(version = `pr-${n}`)];
    }
    else if (ctx.ref.startsWith('refs/tags/')) {
        const name = ctx.ref.slice('refs/tags/'.length);
        const v = parseSemver(name);
        if (v) {
            // `+build` metadata stays in the full version, sanitized to `-build`; it does not make a prerelease.
            // 0.x versions are treated like any other (0.3.1, 0.3, 0, latest).
            let full = `${v.major}.${v.minor}.${v.patch}`;
            if (v.prerelease !== undefined)
                full += `-${v.prerelease}`;
            if (v.build !== undefined)
                full += `+${v.build}`;
            version = sanitizeTag(full);
            named =
                v.prerelease === undefined ? [version, `${v.major}.${v.minor}`, `${v.major}`, LATEST] : [version];
        }
        else {
            version = sanitizeTag(name);
            named = [version];
        }
    }
    else if (ctx.ref.startsWith('refs/heads/')) {
        const branch = ctx.ref.slice('refs/heads/'.length);
        version = sanitizeTag(branch);
        const defaultBranch = ctx.payload?.repository?.default_branch;
        const isDefault = typeof defaultBranch === 'string' && defaultBranch !== '' && defaultBranch === branch;
        named = isDefault ? [LATEST, version] : [version];
    }
    const tags = dedupe([...named, shaTag].filter(src_reference/* isValidTag */.r_));
    if (!version || version === LATEST || !(0,src_reference/* isValidTag */.r_)(version))
        version = undefined;
    return { tags: tags.length > 0 ? tags : [LATEST], version };
}
function isPullRequest(ctx) {
    return PR_EVENTS.has(ctx.eventName) || /^refs\/pull\/[0-9]+\//.test(ctx.ref);
}
/** The payload's `pull_request.number` (or top-level `number`), else N from `refs/pull/N/…`. */
function prNumber(ctx) {
    for (const n of [ctx.payload?.pull_request?.number, ctx.payload?.number]) {
        if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0)
            return n;
    }
    const m = /^refs\/pull\/([0-9]+)\//.exec(ctx.ref);
    return m ? Number(m[1]) : undefined;
}
/** The commit the image is built from: the PR head on pull requests, otherwise GITHUB_SHA. */
function buildSha(ctx) {
    if (isPullRequest(ctx)) {
        const head = ctx.payload?.pull_request?.head?.sha;
        if (typeof head === 'string' && head !== '')
            return head;
    }
    return ctx.sha;
}
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
/** `head_commit.timestamp` in UTC, when it is present, well-formed and about the commit being built. */
function commitTime(ctx) {
    if (!ctx.actions)
        return undefined;
    const head = ctx.payload?.head_commit;
    if (!isObject(head) || typeof head.timestamp !== 'string')
        return undefined;
    if (typeof head.id === 'string' && head.id !== '' && head.id !== buildSha(ctx))
        return undefined;
    if (!TIMESTAMP.test(head.timestamp))
        return undefined;
    const ms = Date.parse(head.timestamp);
    return Number.isNaN(ms) ? undefined : rfc3339(new Date(ms));
}
/** `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds). */
function rfc3339(d) {
    return d.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function dedupe(xs) {
    return [...new Set(xs)];
}
/** Tags (when none were given) and labels for a build, from the environment's git context. */
function gitDefaults(inputs, env = process.env, now = new Date()) {
    const ctx = readGitContext(env);
    const explicit = inputs.tags.length > 0;
    const tags = explicit ? inputs.tags : autoTags(ctx);
    return { tags, labels: mergeLabels(ociLabels(ctx, tags, explicit, now), inputs.labels) };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
;// CONCATENATED MODULE: ./src/credentials.ts
// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.





// The key `docker login` uses for Docker Hub, and what helpers are asked for.
const HUB_SERVER = 'https://index.docker.io/v1/';
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
    const exact = (0,src_reference/* isDockerHub */.gr)(registry) ? HUB_SERVER : registry;
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
            output = await run(helper, (0,src_reference/* isDockerHub */.gr)(registry) ? HUB_SERVER : registry);
        }
        catch (err) {
            const code = err.code;
            const message = err instanceof Error ? err.message : String(err);
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

;// CONCATENATED MODULE: ./src/docker-config.ts
// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.




/** Docker keeps Docker Hub credentials under this legacy key. */
const HUB_AUTH_KEY = 'https://index.docker.io/v1/';
/** Directories that carry plugins, builders and contexts rather than credentials. */
const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
const credentialKey = (registry) => ((0,src_reference/* isDockerHub */.gr)(registry) ? HUB_AUTH_KEY : registry);
/**
 * The user's config with the file store forced for `loginRegistry`: an empty credHelpers entry makes the
 * docker CLI skip any credsStore for that host, so the login lands in our file and dies with it.
 */
function seedConfig(user, loginRegistry) {
    const config = { ...user };
    if (loginRegistry) {
        const helpers = { ...(user.credHelpers ?? {}) };
        helpers[credentialKey(loginRegistry)] = '';
        if (!(0,src_reference/* isDockerHub */.gr)(loginRegistry))
            helpers[loginRegistry] = '';
        config.credHelpers = helpers;
        // A stale entry for the same host must not shadow the fresh login.
        const auths = { ...(user.auths ?? {}) };
        delete auths[credentialKey(loginRegistry)];
        config.auths = auths;
    }
    return config;
}
/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
async function createPrivateConfig(dir, userDir, loginRegistry) {
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
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistry), null, 2), {
        mode: 0o600
    });
    for (const name of LINKED_DIRS) {
        const target = external_node_path_default().join(userDir, name);
        if ((0,external_node_fs_.existsSync)(target))
            await (0,promises_.symlink)(target, external_node_path_default().join(dir, name));
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(30);
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
const isBuildStepFailure = (error) => BUILD_STEP_FAILED.test(error instanceof Error ? error.message : String(error));
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
    return classify(err instanceof Error ? err.message : String(err));
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
    const sleep = opts.sleep ?? realSleep;
    const now = opts.now ?? Date.now;
    const start = now();
    for (let attempt = 1;; attempt++) {
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
            opts.onRetry?.({ attempt, attempts: opts.attempts, delayMs, error });
            await sleep(delayMs);
        }
    }
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

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(193);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
;// CONCATENATED MODULE: ./src/fence.ts
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
    const newToken = options.token ?? (() => (0,external_node_crypto_.randomBytes)(16).toString('hex'));
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
        : createFence(chunk => out.write(chunk), {
            enabled: out === process.stdout || env.GITHUB_ACTIONS === 'true'
        });
    // Loads while the registry preflight runs, not after it.
    const actionsExec = __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 260));
    return async (command, args, childEnv, options) => {
        if (cancelledBy)
            return refused(cancelledBy);
        if (options.stream || options.watch) {
            if (options.stream)
                fence.own(`[command]${singleLine(options.display ?? [command, ...args].join(' '))}\n`);
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
                text[name] += decoders[name].write(chunk);
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
    const buildx = [...own].reverse().find(l => l.startsWith('ERROR: '));
    if (buildx)
        return buildx.replace(/^ERROR:\s*/, '');
    const errorLine = [...own].reverse().find(l => /error|denied|unauthorized|failed|invalid/i.test(l));
    return (errorLine ?? own[own.length - 1] ?? '').replace(/^ERROR:\s*/, '');
}
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
        if (plan.output === 'push')
            args.push('--push');
        else if (plan.output !== 'cache')
            args.push('--load');
    }
    for (const ref of plan.refs)
        args.push(`--tag=${ref}`);
    args.push(safeContext(inputs.context));
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
/**
 * The secrets in an http(s) URL's userinfo, as a git context carries them
 * (`https://x-access-token:…@github.com/o/r.git#main:sub`): the password, or the user name when there is no
 * password (a token alone). Raw and percent-decoded, and base64(`user:password`) as git sends it. To mask.
 */
function urlSecrets(value) {
    const found = [];
    for (const m of value.matchAll(/\bhttps?:\/\/([^/?#@\s]+)@/gi)) {
        const userinfo = m[1];
        const colon = userinfo.indexOf(':');
        const secret = colon < 0 ? userinfo : userinfo.slice(colon + 1);
        if (!secret)
            continue;
        found.push(secret, decoded(secret));
        if (colon >= 0)
            found.push(Buffer.from(`${decoded(userinfo.slice(0, colon))}:${decoded(secret)}`).toString('base64'));
    }
    return [...new Set(found)];
}
function decoded(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
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
    async exec(args, options = {}, subject) {
        this.calls++;
        const result = await this.runner('docker', args, this.env, options);
        const command = args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' ');
        if (result.stopped)
            throw stoppedError(command, result, result.stopped, subject);
        if (result.exitCode !== 0)
            throw new DockerError(command, result.exitCode, result.stderr);
        return result;
    }
    /** Bounded only by a cancel: how long a build may take is the workflow's to say (timeout-minutes). */
    async build(args) {
        return this.exec(args, { stream: true, display: displayArgs(args) });
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
/** The host part of host[:port], without IPv6 brackets. */
function registryHostname(registry) {
    const bracketed = /^\[([^\]]+)\]/.exec(registry);
    return bracketed ? bracketed[1] : registry.replace(/:\d+$/, '');
}
/** Asks the daemon, then resolves the host the way it would, to apply insecureByConfig. */
async function dockerTreatsAsInsecure(docker, registry) {
    const host = registryHostname(registry);
    const [config, addresses] = await Promise.all([
        docker.registryConfig(),
        (0,external_node_net_.isIP)(host)
            ? [host]
            : Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 553, 23))
                .then(dns => dns.lookup(host, { all: true }))
                .then(found => found.map(f => f.address), () => [])
    ]);
    return insecureByConfig(config, registry, addresses);
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(422);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(67);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
;// CONCATENATED MODULE: ./src/registry.ts
// A small client for the distribution (OCI) HTTP API: just enough to read and write manifests, with the
// token dance, keep-alive connections and bounded retries.






const MANIFEST_ACCEPT = [
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json'
];
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 15000;
const MAX_SOCKETS = 8;
// Manifests are capped at 4 MiB by registries; anything far larger is not a manifest.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
// Refresh a bit early so a token does not expire between being read from the cache and being used.
const TOKEN_EXPIRY_MARGIN_MS = 10000;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const USER_AGENT = 'build-tag-push';
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
function registryBaseUrl(registry) {
    if ((0,src_reference/* isDockerHub */.gr)(registry))
        return 'https://registry-1.docker.io';
    return `${(0,src_reference/* isLoopbackRegistry */.jW)(registry) ? 'http' : 'https'}://${registry}`;
}
function manifestDigest(body) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
}
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
/** One line, bounded, so registry text can go straight into a log or an error. */
function oneLine(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
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
function headerValue(value) {
    return Array.isArray(value) ? value.join(', ') : value;
}
function basicHeader(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
function isIdentityToken(credentials) {
    return credentials.username === '<token>';
}
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
function where(url) {
    return `${url.origin}${url.pathname}`;
}
class RegistryClient {
    registry;
    /** HTTP requests made, including token fetches and retries. */
    requestCount = 0;
    lookup;
    attempts;
    timeoutMs;
    onRetry;
    sleep;
    agents = {};
    certsDir;
    /** The registry's certs.d material, read on the first HTTPS request to it (undefined: none). */
    certsDirTls;
    origin;
    insecure;
    /** Set once docker's config said this registry is insecure and HTTPS failed: how to reach it now. */
    insecureMode;
    credentialsPromise;
    /** Set once the registry asked for Basic and we had credentials; sent preemptively from then on. */
    basic;
    /** The registry's Bearer challenge, remembered so new scopes fetch a token without a 401 first. */
    bearer;
    tokens = new Map();
    constructor(opts) {
        this.registry = opts.registry;
        this.origin = registryBaseUrl(opts.registry);
        this.insecure = opts.insecure;
        this.certsDir = opts.certsDir ?? '/etc/docker/certs.d';
        this.lookup = opts.credentials;
        this.attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
        this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.onRetry = opts.onRetry;
        this.sleep = opts.sleep;
    }
    /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
    get baseUrl() {
        return this.insecureMode === 'http' ? this.origin.replace(/^https:/, 'http:') : this.origin;
    }
    /** Fetches a manifest by tag or digest; `repo` is the remote path (`library/nginx` on Docker Hub). */
    async getManifest(repo, reference) {
        this.validate(repo, reference);
        const res = await this.request('GET', repo, `manifests/${reference}`, 'pull', {
            Accept: MANIFEST_ACCEPT.join(', ')
        });
        if (res.status !== 200)
            throw this.httpError('GET', this.url(repo, `manifests/${reference}`), res, 'fatal');
        const digest = manifestDigest(res.body);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw new RegistryError(`GET ${where(this.url(repo, `manifests/${reference}`))} returned content whose digest is ${digest}`, 'fatal', { status: res.status });
        }
        return {
            digest,
            mediaType: this.mediaTypeOf(res),
            body: res.body,
            headerDigest: headerValue(res.headers['docker-content-digest'])
        };
    }
    /** Uploads a manifest under `tag`; returns the digest of `body`, which is what the registry stores. */
    async putManifest(repo, tag, body, mediaType) {
        this.validate(repo, tag);
        const path = `manifests/${tag}`;
        const res = await this.request('PUT', repo, path, 'pull,push', { 'Content-Type': mediaType, 'Content-Length': String(body.length) }, body);
        if (res.status < 200 || res.status > 299)
            throw this.httpError('PUT', this.url(repo, path), res, 'fatal');
        return manifestDigest(body);
    }
    /** GET /v2/: the registry is up and speaks the distribution API (a 401 counts: it only asks for auth). */
    async ping() {
        const url = new URL(`${this.baseUrl}/v2/`);
        const res = await this.send('GET', url, {});
        if (res.status !== 200 && res.status !== 401)
            throw this.httpError('GET', url, res, 'fatal');
    }
    close() {
        for (const agent of Object.values(this.agents))
            agent?.destroy();
    }
    validate(repo, reference) {
        // Both end up in a URL path, so anything outside the grammar (`..`, `?`) is refused outright.
        const problem = (0,src_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new RegistryError(`invalid repository "${repo}": ${problem}`, 'fatal');
        if (!(0,src_reference/* isValidTag */.r_)(reference) && !DIGEST.test(reference))
            throw new RegistryError(`invalid tag or digest "${reference}"`, 'fatal');
    }
    url(repo, path) {
        return new URL(`${this.baseUrl}/v2/${repo}/${path}`);
    }
    mediaTypeOf(res) {
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
    /** One registry API call with authentication: anonymous or cached first, then whatever a 401 asks for. */
    async request(method, repo, path, actions, headers, body) {
        const url = this.url(repo, path);
        const scope = `repository:${repo}:${actions}`;
        let auth = await this.knownAuthorization(scope);
        let res = await this.send(method, url, this.withAuth(headers, auth), body);
        if (res.status === 401 && !auth?.fresh) {
            if (auth?.cached && this.tokens.get(auth.scope) === auth.cached)
                this.tokens.delete(auth.scope);
            auth = await this.authorize(res, scope, method, url);
            res = await this.send(method, url, this.withAuth(headers, auth), body);
        }
        if (res.status === 401 || res.status === 403) {
            throw await this.authError(this.httpError(method, url, res, 'auth'), actions, repo);
        }
        return res;
    }
    withAuth(headers, auth) {
        return auth ? { ...headers, Authorization: auth.header } : headers;
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
        const { realm, service } = this.bearer.params;
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new RegistryError(`${this.registry} sent an invalid token realm "${oneLine(realm, 100)}"`, 'auth');
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new RegistryError(`${this.registry} sent an unsupported token realm ${url.origin}`, 'auth');
        const credentials = await this.credentials();
        const ownHost = this.insecureMode === 'http' && url.origin === this.baseUrl;
        if (credentials && url.protocol === 'http:' && !(0,src_reference/* isLoopbackRegistry */.jW)(url.host) && !ownHost) {
            throw new RegistryError(`refusing to send credentials for ${this.registry} over plain HTTP to token realm ${url.origin}`, 'auth');
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
            url.searchParams.set('scope', scope);
            if (credentials) {
                url.searchParams.set('account', credentials.username);
                headers.Authorization = basicHeader(credentials);
            }
        }
        const res = await this.send(method, url, headers, body);
        if (res.status === 401 || res.status === 403) {
            const error = this.httpError(method, url, res, 'auth', 'token request');
            throw await this.authError(error, scope.endsWith(',push') ? 'pull,push' : 'pull', scope.split(':')[1]);
        }
        if (res.status !== 200)
            throw this.httpError(method, url, res, 'fatal', 'token request');
        let json;
        try {
            json = JSON.parse(res.body.toString('utf8'));
        }
        catch {
            throw new RegistryError(`token request ${method} ${where(url)} returned a body that is not JSON`, 'fatal');
        }
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
    /** Looked up once per client, and only when a registry asks, so anonymous registries spawn no helper. */
    credentials() {
        if (!this.lookup)
            return Promise.resolve(undefined);
        this.credentialsPromise ??= this.lookup(this.registry).catch((err) => {
            throw new RegistryError(`could not read credentials for ${this.registry}: ${oneLine(err instanceof Error ? err.message : String(err))}`, 'fatal');
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
    httpError(method, url, res, kind, what = '') {
        const { code, message } = errorBodyMessage(res.body);
        const text = oneLine(message ?? (external_node_http_default()).STATUS_CODES[res.status] ?? '');
        const prefix = what ? `${what} ` : '';
        return new RegistryError(`${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`, kind, { status: res.status, code, retryAfterMs: parseRetryAfter(headerValue(res.headers['retry-after'])) });
    }
    /** One logical HTTP request under retry(): throws for transient statuses, returns every other answer. */
    send(method, url, headers, body) {
        return retry(async () => {
            let res;
            try {
                res = await this.exchange(method, url, headers, body);
            }
            catch (err) {
                throw this.networkError(method, url, err);
            }
            if (res.status === 408 || res.status === 429 || res.status >= 500)
                throw this.httpError(method, url, res, 'transient');
            return res;
        }, {
            attempts: this.attempts,
            sleep: this.sleep,
            onRetry: ({ attempt, attempts, delayMs, error }) => this.onRetry?.(`${error instanceof Error ? error.message : String(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts})`)
        });
    }
    networkError(method, url, err) {
        if (err instanceof RegistryError)
            return err;
        const code = err?.code;
        const message = err instanceof Error ? err.message : String(err);
        return new RegistryError(`${method} ${where(url)} failed: ${oneLine(message)}`, kindOf(err), {
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
        const target = ours && this.insecureMode === 'http' ? new URL(url.href.replace(/^https:/, 'http:')) : url;
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
        const tls = url.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 708, 23))).default;
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
        const { rootCertificates } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 692, 23));
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
        : `${err instanceof Error ? err.message.trim() : String(err)} (docker trusts a private CA put in /etc/docker/certs.d/${registry}/ca.crt, and accepts any certificate only for registries in the daemon's insecure-registries, daemon.json)`;
    return Object.assign(new Error(message), { code });
}

// EXTERNAL MODULE: ./src/reporter.ts
var src_reporter = __webpack_require__(622);
;// CONCATENATED MODULE: ./src/pipeline.ts
// The job itself: build → tag → push → verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call runPipeline.











class VerificationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'VerificationError';
    }
}
/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
async function execute(inputs, opts) {
    const env = opts.env ?? process.env;
    const workDir = await (0,promises_.mkdtemp)(external_node_path_default().join(opts.tempRoot, 'build-tag-push-'));
    opts.onWorkDir?.(workDir);
    try {
        const configDir = external_node_path_default().join(workDir, 'docker-config');
        const userConfigDir = dockerConfigDir(env);
        await createPrivateConfig(configDir, userConfigDir, inputs.username ? inputs.registry : undefined);
        const defaults = gitDefaults(inputs, env);
        const buildx = hasBuildxPlugin(configDir, env);
        opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`);
        opts.reporter.debug(`tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`);
        return await runPipeline(inputs, {
            docker: new Docker(createExecRunner(opts.out), { ...env, DOCKER_CONFIG: configDir }),
            reporter: opts.reporter,
            workDir,
            credentials: credentialsFromDockerConfig(configDir),
            labels: defaults.labels,
            defaultTags: defaults.tags,
            buildx
        });
    }
    finally {
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
}
/** Per-request deadline: with the default 3 attempts an unreachable registry fails well within a minute. */
const REQUEST_TIMEOUT_MS = 10_000;
/** No push attempt starts later than this after the first: keeps a dead registry under a minute. */
const PUSH_RETRY_WINDOW_MS = 45_000;
async function runPipeline(inputs, deps) {
    // One client for the run: the reachability check and verification share its connections and tokens.
    const client = inputs.push
        ? new RegistryClient({
            registry: inputs.registry,
            credentials: deps.credentials,
            attempts: inputs.retries,
            timeoutMs: REQUEST_TIMEOUT_MS,
            onRetry: message => deps.reporter.warning(`registry ${inputs.registry}: ${message}`),
            sleep: deps.sleep,
            insecure: async () => {
                const insecure = await dockerTreatsAsInsecure(deps.docker, inputs.registry);
                if (insecure)
                    deps.reporter.info(`${inputs.registry} is an insecure registry for this docker engine: verifying without TLS checks, as docker pushes`);
                return insecure;
            }
        })
        : undefined;
    try {
        const verification = { requests: 0 };
        const result = await pipeline(inputs, deps, client, verification);
        const counts = {
            docker: deps.docker.calls,
            registry: client?.requestCount ?? 0,
            verification: verification.requests
        };
        deps.reporter.debug(`docker processes: ${counts.docker}, registry requests: ${counts.registry} (verification: ${counts.verification})`);
        return { ...result, counts };
    }
    finally {
        client?.close();
    }
}
async function pipeline(inputs, deps, client, 
/** Told how many registry requests the verification made (the benchmark reports it). */
verification) {
    const { docker, reporter } = deps;
    const buildx = deps.buildx ?? false;
    const durations = {};
    const repo = (0,src_reference/* repository */.Jk)(inputs.registry, inputs.image);
    const tags = inputs.tags.length ? inputs.tags : (deps.defaultTags ?? ['latest']);
    const refs = tags.map(tag => `${repo}:${tag}`);
    const retrying = (what) => ({
        attempts: inputs.retries,
        sleep: deps.sleep,
        onRetry: (info) => reporter.warning(`${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${messageOf(info.error)}`)
    });
    const buildxOnly = (0,src_inputs/* buildxOnlyInputs */.eb)(inputs);
    if (!buildx && buildxOnly.length)
        throw new src_inputs/* InputError */.dz(buildxOnly[0], `needs docker buildx, and this docker has no buildx plugin (set up buildx, e.g. with docker/setup-buildx-action, or drop: ${buildxOnly.join(', ')})`);
    // Several platforms cannot be loaded into the classic image store: buildx pushes them itself.
    const multiPlatform = buildx && inputs.platforms.length > 1;
    const plan = {
        refs,
        iidfile: external_node_path_default().join(deps.workDir, 'iid'),
        labels: deps.labels ?? inputs.labels,
        metadataFile: buildx ? external_node_path_default().join(deps.workDir, 'metadata.json') : undefined,
        secretFiles: await writeSecrets(inputs.secrets, deps.workDir, reporter),
        output: multiPlatform ? (client ? 'push' : 'cache') : 'load'
    };
    // Before the build: an unreachable registry should cost seconds, not a build.
    if (client)
        await (0,src_reporter/* timed */.ay)(durations, 'preflight', () => client.ping());
    if (inputs.username) {
        await (0,src_reporter/* timed */.ay)(durations, 'login', () => retry(() => docker.login(loginHost(inputs.registry), inputs.username, inputs.password), retrying(`login to ${inputs.registry}`)).catch(withHint(inputs)));
        reporter.info(`Logged in to ${inputs.registry} as ${inputs.username}`);
    }
    const args = buildArgs(inputs, plan, buildx);
    reporter.debug(`build starts ${Math.round(performance.now())} ms after the process did`);
    // A build that pushes is retried as a whole; its cache makes the second attempt cheap.
    const built = await reporter.group('Build', () => (0,src_reporter/* timed */.ay)(durations, 'build', () => plan.output === 'push'
        ? retry(() => docker.build(args), retrying('build and push')).catch(withHint(inputs))
        : docker.build(args).catch(withHint(inputs))));
    if (inputs.cacheTo.length)
        warnOnCacheExport(`${built.stdout}\n${built.stderr}`, reporter);
    const iid = (await (0,promises_.readFile)(plan.iidfile, 'utf8')).trim();
    // buildx writes the config digest, which the containerd image store does not know images by: inspect
    // the loaded image by its first tag instead.
    const inspectTarget = buildx ? refs[0] : iid;
    const builder = buildx ? 'buildx' : 'classic';
    reporter.info(`Built ${iid}${plan.output === 'cache' ? '' : `, tagged ${refs.join(', ')}`}`);
    if (plan.output === 'cache')
        reporter.warning(`${inputs.platforms.length} platforms were built but not pushed; the result stays in the build cache`);
    if (!client) {
        const info = plan.output === 'load' ? await docker.inspect(inspectTarget) : undefined;
        const imageid = info?.id ?? iid;
        return {
            digest: '',
            imageRef: '',
            imageid,
            tags: refs,
            platformDigests: {},
            size: info?.size ?? 0,
            builder,
            durations
        };
    }
    const name = (0,src_reference/* remotePath */.QZ)(inputs.registry, inputs.image);
    const pushDocker = (ref) => retry(() => docker.push(ref), {
        ...retrying(`push of ${ref}`),
        maxElapsedMs: PUSH_RETRY_WINDOW_MS
    }).catch(withHint(inputs));
    let pushed = [];
    let info;
    if (plan.output === 'push') {
        pushed = [await metadataDigest(plan.metadataFile)].filter(d => d !== '');
    }
    else {
        await reporter.group('Push', () => (0,src_reporter/* timed */.ay)(durations, 'push', async () => {
            // docker pushes the layers once; the other tags are the same manifest, put by the registry API,
            // which re-uploads nothing and costs one request per tag instead of a docker process.
            // The inspect (image ID, size, platform) runs beside the push, off the critical path.
            const inspecting = docker.inspect(inspectTarget);
            const reported = await pushDocker(refs[0]).catch(async (error) => {
                await inspecting.catch(() => undefined);
                throw error;
            });
            info = await inspecting;
            pushed = reported
                ? [reported]
                : pushedDigests((await docker.inspect(inspectTarget)).repoDigests, repo);
            if (refs.length > 1) {
                const tagged = pushed.length === 1 && (await tagByApi(client, name, pushed[0], tags.slice(1), reporter));
                if (!tagged)
                    for (const ref of refs.slice(1))
                        pushed.push(await pushDocker(ref));
                pushed = [...new Set(pushed.filter(Boolean))];
            }
        }));
    }
    const imageid = info?.id ?? iid;
    const { digest, manifest } = await reporter.group('Verify', () => (0,src_reporter/* timed */.ay)(durations, 'verify', async () => {
        const before = client.requestCount;
        const manifests = await Promise.all(tags.map(tag => client.getManifest(name, tag)));
        verification.requests = client.requestCount - before;
        return { digest: checkManifests(tags, manifests, pushed, imageid, reporter), manifest: manifests[0] };
    }));
    reporter.info(`Verified: ${tags.length} tag(s) on ${inputs.registry} serve ${digest}`);
    return {
        digest,
        imageRef: `${repo}@${digest}`,
        imageid,
        tags: refs,
        platformDigests: platformDigests(manifest, info?.platform),
        size: info?.size ?? 0,
        builder,
        durations
    };
}
/** Each secret value goes to its own 0600 file in the private directory, never into argv or the log. */
async function writeSecrets(secrets, workDir, reporter) {
    if (!secrets.length)
        return [];
    const dir = external_node_path_default().join(workDir, 'secrets');
    await (0,promises_.mkdir)(dir, { mode: 0o700 });
    return Promise.all(secrets.map(async (line, i) => {
        const eq = line.indexOf('=');
        const value = line.slice(eq + 1);
        reporter.setSecret(value);
        const file = external_node_path_default().join(dir, String(i));
        await (0,promises_.writeFile)(file, value, { mode: 0o600 });
        return { id: line.slice(0, eq).trim(), path: file };
    }));
}
/** buildx reports the pushed manifest (or index) digest in its metadata file. */
async function metadataDigest(file) {
    const meta = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    const digest = meta['containerimage.digest'];
    return typeof digest === 'string' ? digest : '';
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
        reporter.info(`The registry API did not take the extra tags (${messageOf(error)}); pushing them with docker`);
        return false;
    }
}
const messageOf = (error) => (error instanceof Error ? error.message : String(error));
/** Says where to look: auth failures are never retried, and some docker errors hide their cause. */
function withHint(inputs) {
    return error => {
        const kind = kindOf(error);
        if (kind === 'auth') {
            const hint = inputs.username
                ? `check that the username and password inputs are right and may push to ${inputs.registry}/${inputs.image}`
                : `set the username and password inputs, or log in to ${inputs.registry} in an earlier step`;
            throw new ClassifiedError(`${messageOf(error)} (${hint})`, kind);
        }
        if (NO_ENGINE.test(messageOf(error)))
            throw new ClassifiedError(`${messageOf(error)} (no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine)`, kind);
        // Our grammar takes [::1]:5000, as newer engines do; older ones (20.10) reject it with a bare message.
        if (inputs.registry.startsWith('[') && /invalid reference format/i.test(messageOf(error)))
            throw new ClassifiedError(`${messageOf(error)} (this docker engine does not accept an IPv6 address in an image reference; 20.10 does not, 26.1 does: give the registry a host name, e.g. in /etc/hosts, or use a newer engine)`, kind);
        throw error;
    };
}
/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
const loginHost = (registry) => (0,src_reference/* isDockerHub */.gr)(registry) ? undefined : registry;
/** The verification rules, separated from I/O so they can be table-tested. */
function checkManifests(tags, manifests, pushed, imageid, reporter) {
    manifests.forEach((m, i) => {
        if (m.headerDigest && m.headerDigest !== m.digest)
            reporter?.warning(`the registry's Docker-Content-Digest for tag ${tags[i]} (${m.headerDigest}) does not match its content (${m.digest}); using the content digest`);
    });
    const distinct = [...new Set(manifests.map(m => m.digest))];
    if (distinct.length > 1)
        throw new VerificationError(`tags resolve to different manifests: ${tags.map((t, i) => `${t} → ${manifests[i].digest}`).join(', ')}; another push may have moved a tag`);
    const [digest] = distinct;
    if (pushed.length > 0) {
        if (!pushed.includes(digest))
            throw new VerificationError(`tag ${tags[0]} serves ${digest}, but docker pushed ${pushed.join(' or ')}; another push moved the tag, or the registry serves other content`);
        return digest;
    }
    // No RepoDigests recorded: accept only a manifest that provably describes our image.
    if (digest === imageid || configDigest(manifests[0]) === imageid)
        return digest;
    throw new VerificationError(`tag ${tags[0]} serves ${digest}, which is not the image just built (${imageid})`);
}
function configDigest(manifest) {
    try {
        return JSON.parse(manifest.body.toString('utf8')).config?.digest;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
