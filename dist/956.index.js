"use strict";
exports.id = 956;
exports.ids = [956];
exports.modules = {

/***/ 8630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   eo: () => (/* binding */ envMs),
/* harmony export */   mE: () => (/* binding */ grownMs),
/* harmony export */   wW: () => (/* binding */ MIN_THROUGHPUT)
/* harmony export */ });
// Time bounds that grow with what is moved, and their overrides from the environment (the tests shrink
// them): one rule for docker pushes and for blob copies between registries.
/** The slowest transfer taken for a healthy one: 1 MiB/s. */
const MIN_THROUGHPUT = 1024 * 1024;
/** A positive integer of milliseconds from `env[name]`, or `fallback` when unset or not one. */
function envMs(env, name, fallback) {
    const value = env[name]?.trim();
    return value && /^[1-9][0-9]*$/.test(value) ? Number(value) : fallback;
}
/** At least `minMs`, and as long as `size` bytes take at MIN_THROUGHPUT (0: unknown, the minimum). */
function grownMs(minMs, size = 0) {
    // A size that is no byte count (NaN from a malformed answer) must not make the bound NaN: no time is ever
    // past NaN, so the process would run unbounded.
    const bytes = Number.isFinite(size) && size > 0 ? size : 0;
    return Math.max(minMs, Math.ceil((bytes / MIN_THROUGHPUT) * 1000));
}
/** 4000 \u2192 "4", 2500 \u2192 "2.5". */
const formatSeconds = (ms) => String(Math.round(ms / 100) / 10);


/***/ }),

/***/ 5543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PR: () => (/* binding */ allOrStop),
/* harmony export */   jG: () => (/* binding */ Limiter),
/* harmony export */   ko: () => (/* binding */ eachLimited)
/* harmony export */ });
// At most so many tasks at once, the rest queued in order; once one has failed, no queued task starts (each
// rejects with that failure), so a step that has failed sends no more requests and writes nothing more.
class Limiter {
    max;
    active = 0;
    waiting = [];
    failure;
    constructor(max) {
        this.max = max;
    }
    /** `fn`, once fewer than `max` tasks run; rejects without running it when a task has failed meanwhile. */
    async run(fn) {
        while (this.active >= this.max && !this.failure)
            await new Promise(resolve => this.waiting.push(resolve));
        if (this.failure)
            throw this.failure.error;
        this.active++;
        try {
            return await fn();
        }
        catch (error) {
            if (!this.failure) {
                this.failure = { error };
                for (const wake of this.waiting.splice(0))
                    wake();
            }
            throw error;
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
/** `fn` on every item, at most `max` at once; the first failure rejects, and no item starts after it. */
async function eachLimited(items, max, fn) {
    const limiter = new Limiter(max);
    await Promise.all(items.map((item, i) => limiter.run(() => fn(item, i))));
}
/**
 * Every task at once, each handed a signal that aborts at the first failure so the others stop; resolves
 * with their values, or rejects with that first failure once every task has ended, so that nothing of the
 * step goes on writing after its error line.
 */
async function allOrStop(tasks, 
/** Its signal may be handed to what the tasks share (a copier). */
stop = new AbortController()) {
    let failure;
    const settled = await Promise.allSettled(tasks.map(task => task(stop.signal).catch((error) => {
        if (!failure) {
            failure = { error };
            stop.abort(error);
        }
        throw error;
    })));
    if (failure)
        throw failure.error;
    return settled.map(s => s.value);
}


/***/ }),

/***/ 7457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DockerError),
/* harmony export */   Wm: () => (/* binding */ stoppedError),
/* harmony export */   Z_: () => (/* binding */ PUSH_PHASE)
/* harmony export */ });
/* unused harmony exports NO_ENGINE_HINT, lastMeaningfulLine */
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
/* harmony import */ var _core_bounds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8630);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);



class DockerError extends _core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .IP {
    command;
    exitCode;
    stderr;
    constructor(command, exitCode, stderr, 
    /** Our own account, when we stopped the process (a bound, a cancel): docker's last words are fallout. */
    own) {
        const detail = lastMeaningfulLine(stderr);
        // Classified whole, shown cut: a line a build step printed can be megabytes long. Cut between words:
        // nothing has redacted it yet, and half a secret would escape the runner's mask.
        const shown = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(detail, MAX_DETAIL, true);
        // Whatever the command (a build, an inspect of a source), no engine has one remedy.
        const hint = NO_ENGINE_LINE.test(detail) ? ` (${NO_ENGINE_HINT})` : '';
        super(own?.message ?? `docker ${command} failed (exit ${exitCode})${shown ? `: ${shown}${hint}` : ''}`, own?.kind ?? (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .classify */ .L8)(detail));
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'DockerError';
    }
}
const NO_ENGINE_HINT = 'no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine';
/** The most of docker's final line an error shows. */
const MAX_DETAIL = 1000;
/** What a stopped process's error says: a bound is transient (retried), a cancel is not. */
function stoppedError(command, result, stop, subject) {
    const on = subject ? ` on ${subject}` : '';
    const own = stop.reason === 'signal'
        ? {
            message: `docker ${command} stopped: the run was cancelled (${stop.signal})`,
            kind: 'fatal'
        }
        : stop.reason === 'aborted'
            ? { message: `docker ${command}${on} stopped: the step failed elsewhere`, kind: 'fatal' }
            : stop.reason === 'stall'
                ? {
                    message: `docker ${command} stalled: no progress for ${(0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSeconds */ .Xo)(stop.afterMs)} s${on}${queued(result.stdout)}`,
                    kind: 'transient'
                }
                : {
                    message: `docker ${command} timed out after ${(0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSeconds */ .Xo)(stop.afterMs)} s${on}`,
                    kind: 'transient'
                };
    return new DockerError(command, result.exitCode, result.stderr, own);
}
/**
 * A push whose layers still wait for an upload slot: dockerd uploads a few layers at a time across all its
 * pushes, so another job's large push on the same engine leaves ours silent without anything being wrong.
 */
function queued(stdout) {
    const last = new Map();
    for (const m of stdout.matchAll(/^([0-9a-f]{12}): (\S.*)$/gm))
        last.set(m[1], m[2].trim());
    const waiting = [...last.values()].filter(status => status === 'Waiting').length;
    if (!waiting)
        return '';
    return ` (${waiting} of its layers were still waiting for an upload slot: another push on this docker engine may hold them)`;
}
/**
 * docker's own final error line: the one that says what went wrong, and the only text a failure is
 * classified on. On BuildKit stderr holds the whole build log, so words a build step prints ("connection
 * refused", "permission denied") must not count: build log lines (`#5 0.1 \u2026`) are skipped, and buildx's
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
/** A line of BuildKit's plain progress: `#5 [2/2] RUN \u2026`, `#5 0.123 what the step printed`. */
const BUILD_LOG_LINE = /^#\d+ /;
/** The CLI's no-engine sentence as it starts a line of its own (not quoted by a build step). */
const NO_ENGINE_LINE = new RegExp(`^(ERROR:\\s*|docker:\\s*)?(${_core_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_ENGINE */ .Zi.source})`, 'i');


/***/ }),

/***/ 9268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ withIndexFallback),
/* harmony export */   P: () => (/* binding */ buildAnnotations)
/* harmony export */ });
/* harmony import */ var _metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9267);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
// The build's automatic annotations (annotations.ts), and the one rebuild without the index levels when
// buildx finds no index to put them on: those annotations are ours, not the user's, so they never fail a build.


function buildAnnotations(inputs, labels, env = process.env) {
    return (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .ociAnnotations */ .W)(labels, inputs.annotations, (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .buildLevels */ .CE)(inputs), (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveIndex */ .ik)(inputs, env));
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
        const rest = (0,_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutIndexLevels */ .i3)(annotations);
        if (rest.length === annotations.length || !_metadata_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .INDEX_REFUSED */ .iU.test(errorText(error)))
            throw error;
        reporter.info('This build has no image index: its OCI annotations go on the manifest only');
        return build({ ...plan, annotations: rest });
    }
}
const errorText = (error) => `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}\n${error?.stderr ?? ''}`;


/***/ }),

/***/ 4956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// UNUSED EXPORTS: runPipeline

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/metadata/event.ts
// What the tags and labels need to know about the run's event, read from the payload in one place: whether
// it is a pull request and its number, the repository's default branch, the commit the build contains and
// that commit's date. Pure.
const PULL_REF = /^refs\/pull\/([0-9]+)\//;
/** A pull request event of any kind (`pull_request`, `pull_request_target`, `\u2026_review`), or a PR's ref. */
const isPullRequest = (ev) => /pull_request/.test(ev.eventName) || PULL_REF.test(ev.ref);
/** The payload's `pull_request.number` (or top-level `number`), else N from `refs/pull/N/\u2026`. */
function prNumber(ev) {
    for (const n of [ev.payload?.pull_request?.number, ev.payload?.number])
        if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0)
            return n;
    const m = PULL_REF.exec(ev.ref);
    return m ? Number(m[1]) : undefined;
}
/**
 * The ref the rules read: a pull request's own `refs/pull/N/merge` for pull_request_target (whose
 * GITHUB_REF is the base branch), as metadata-action rewrites it; '' when its number is unknown, so that a
 * pull request is never tagged as its base branch.
 */
function eventRef(ev) {
    if (!/pull_request_target/.test(ev.eventName))
        return ev.ref;
    const n = prNumber(ev);
    return n === undefined ? '' : `refs/pull/${n}/merge`;
}
/** A branch name as git allows it, short enough to be one: neither the payload nor the API is trusted blindly. */
const BRANCH = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{)[^\s\p{Cc}~^:?*[\\]{1,255}$/u;
const isBranchName = (value) => typeof value === 'string' && BRANCH.test(value);
/** A commit id: SHA-1, or SHA-256 for repositories in that format. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** The repository's default branch as the payload names it; '' when it does not (schedule events). */
function payloadDefaultBranch(ev) {
    const branch = ev.payload?.repository?.default_branch;
    return isBranchName(branch) ? branch : '';
}
/**
 * The commit the tags and the revision label name: GITHUB_SHA (on pull_request the merge commit, on
 * pull_request_target the base branch's last commit), unless DOCKER_METADATA_PR_HEAD_SHA asks for the head.
 */
function buildSha(ev, prHeadSha) {
    // A head that is no commit id (it becomes a tag and the revision label) is taken as absent.
    const head = ev.payload?.pull_request?.head?.sha;
    if (prHeadSha && isPullRequest(ev) && typeof head === 'string' && COMMIT.test(head))
        return head;
    return ev.sha;
}
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
/**
 * The built commit's own timestamp in the payload: its entry in a push's `commits`, else `head_commit`
 * when that is the commit (or names none). Undefined for events that carry no commit (pull requests,
 * schedule, workflow_dispatch, release) and for a timestamp that is not RFC 3339.
 */
function eventCommitDate(ev, sha) {
    const commits = ev.payload?.commits;
    const listed = Array.isArray(commits)
        ? commits.find(c => c?.id === sha && typeof c?.timestamp === 'string')?.timestamp
        : undefined;
    const head = ev.payload?.head_commit;
    const headStamp = typeof head?.timestamp === 'string' && (head.id === undefined || head.id === '' || head.id === sha)
        ? head.timestamp
        : undefined;
    const stamp = listed ?? headStamp;
    if (typeof stamp !== 'string' || !TIMESTAMP.test(stamp))
        return undefined;
    const ms = Date.parse(stamp);
    return Number.isNaN(ms) ? undefined : new Date(ms);
}

// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/metadata/context.ts
// The run's GitHub Actions context (through @actions/github's Context, loaded only on the build path) and
// the OCI labels it gives every build. The automatic tags are rules of the tag engine (metadata/automatic.ts).



const LABEL_SOURCE = 'org.opencontainers.image.source';
const LABEL_REVISION = 'org.opencontainers.image.revision';
const LABEL_CREATED = 'org.opencontainers.image.created';
const LABEL_VERSION = 'org.opencontainers.image.version';
/** Our view of the library's context; `repo` throws when neither the env nor the payload names one. */
function fromActionsContext(ctx, env = process.env) {
    let repository = '';
    try {
        repository = `${ctx.repo.owner}/${ctx.repo.repo}`;
    }
    catch {
        repository = '';
    }
    return {
        actions: env.GITHUB_ACTIONS === 'true',
        eventName: ctx.eventName ?? '',
        ref: ctx.ref ?? '',
        sha: ctx.sha ?? '',
        serverUrl: (ctx.serverUrl || 'https://github.com').replace(/\/+$/, ''),
        repository,
        payload: (0,json/* isObject */.G)(ctx.payload) ? ctx.payload : {}
    };
}
/**
 * The run's context through @actions/github. Its Context reads GITHUB_EVENT_PATH when the module loads and
 * throws on a malformed event file; the tags and labels then fall back to the environment alone.
 */
async function loadGitContext(warn, env = process.env) {
    try {
        // Only the context is read here: undici (a lazy chunk, src/lazy/undici.cjs) is not needed for it, and
        // is loaded by whoever makes Octokit requests, with preload().
        const { Context } = await __webpack_require__.e(/* import() */ 997).then(__webpack_require__.bind(__webpack_require__, 4997));
        return fromActionsContext(new Context(), env);
    }
    catch (error) {
        warn(`could not read the event payload (${(0,core_text/* messageOf */.bD)(error)})`);
        return fromActionsContext({
            eventName: env.GITHUB_EVENT_NAME,
            ref: env.GITHUB_REF,
            sha: env.GITHUB_SHA,
            serverUrl: env.GITHUB_SERVER_URL,
            get repo() {
                const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
                if (!owner || !repo)
                    throw new Error('no GITHUB_REPOSITORY');
                return { owner, repo };
            }
        }, env);
    }
}
/**
 * OCI labels for every build: source, revision (the context's sha: the caller has applied
 * DOCKER_METADATA_PR_HEAD_SHA), created and version. Outside Actions only `created` (from `now`) is set:
 * there is no source or revision to tell. `created` is the built commit's time in the event, in UTC, so
 * rebuilding a commit gives the same label; events without it (pull requests, schedule, workflow_dispatch,
 * release, \u2026) use `now`.
 */
function ociLabels(ctx, version, now) {
    const labels = {};
    if (ctx.actions) {
        if (ctx.repository)
            labels[LABEL_SOURCE] = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
        if (ctx.sha)
            labels[LABEL_REVISION] = ctx.sha;
    }
    labels[LABEL_CREATED] = rfc3339((ctx.actions && eventCommitDate(ctx, ctx.sha)) || now);
    // Whatever the version is, `latest` included, as metadata-action labels it (a `type=raw,value=latest`
    // rule first); bare tags and the automatic set give no `latest` version.
    if (ctx.actions && version)
        labels[LABEL_VERSION] = version;
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
/** `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds). */
function rfc3339(d) {
    return d.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}

// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __webpack_require__(7898);
// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(656);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/docker/cancel.ts
var docker_cancel = __webpack_require__(1092);
;// CONCATENATED MODULE: ./src/metadata/repo-labels.ts




const LABEL_TITLE = 'org.opencontainers.image.title';
const LABEL_DESCRIPTION = 'org.opencontainers.image.description';
const LABEL_URL = 'org.opencontainers.image.url';
const LABEL_LICENSES = 'org.opencontainers.image.licenses';
function repositoryFacts(repo) {
    const facts = { labels: repositoryLabels(repo) };
    if (isBranchName(repo.default_branch))
        facts.defaultBranch = repo.default_branch;
    return facts;
}
/**
 * The labels a repository's metadata gives. Empty fields give no label (an empty label would only hide
 * one from the base image); nor does GitHub's `NOASSERTION`, its word for a license it could not identify.
 */
function repositoryLabels(repo) {
    const labels = {};
    // One label is one line of the `labels` and `annotations` outputs: a description written over several
    // lines becomes one, its line breaks spaces.
    const set = (key, value) => {
        if (typeof value !== 'string')
            return;
        // One match per whitespace run (`\s*[\n\u2026]+\s*` retried every start inside a long run: quadratic).
        const line = value.replace(/\s+/g, run => (/[\r\n\u2028\u2029\v\f]/.test(run) ? ' ' : run)).trim();
        if (line !== '')
            labels[key] = line;
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
 * The repository's labels and default branch for this run, or none: only in Actions, with a repository and
 * a token. An API that does not answer after the retries, or refuses, costs one warning and no labels; the
 * build goes on.
 */
async function loadRepository(ctx, opts) {
    if (!ctx.actions || !ctx.repository || !opts.token)
        return { labels: {} };
    // Masked before anything can print it (the runner masks github.token itself, not every PAT).
    opts.reporter.setSecret(opts.token);
    const [owner, repo] = ctx.repository.split('/');
    try {
        return repositoryFacts(await ask(opts, (octokit, request) => octokit.rest.repos.get({ owner, repo, request })));
    }
    catch (error) {
        // A cancelled run is not a missing label: it ends as cancelled.
        if (docker_cancel/* runCancelled */.LJ.aborted)
            throw error;
        opts.reporter.warning(`could not read the repository's metadata from the GitHub API (${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error), 300)}); the title, description, url and licenses labels are left out`);
        return { labels: {} };
    }
}
/**
 * The commit's date (its committer's, as metadata-action reads it) from `GET /repos/{owner}/{repo}/commits/{sha}`,
 * for {{commit_date}} when the event carries none; undefined, after one warning, when the API cannot say.
 */
async function loadCommitDate(ctx, sha, opts) {
    if (!ctx.actions || !ctx.repository || !opts.token || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
        return undefined;
    opts.reporter.setSecret(opts.token);
    const [owner, repo] = ctx.repository.split('/');
    try {
        const data = await ask(opts, (octokit, request) => octokit.rest.repos.getCommit({ owner, repo, ref: sha, request }));
        const date = data?.commit?.committer?.date;
        const ms = typeof date === 'string' && COMMIT_DATE.test(date) ? Date.parse(date) : NaN;
        if (Number.isNaN(ms))
            throw new Error('the answer names no committer date');
        return new Date(ms);
    }
    catch (error) {
        opts.reporter.warning(`could not read the commit's date from the GitHub API (${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(error), 300)}); {{commit_date}} is the run's time`);
        return undefined;
    }
}
const COMMIT_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
/** One API request through Octokit with a deadline per attempt, retried while the failure is transient. */
async function ask(opts, request) {
    const env = opts.env ?? process.env;
    // Octokit's fetch is undici's, which is a lazy chunk: it must be loaded before the first request.
    await (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5669, 23))).preload();
    const { getOctokit } = await __webpack_require__.e(/* import() */ 747).then(__webpack_require__.bind(__webpack_require__, 3747));
    const octokit = getOctokit(opts.token, {
        baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    });
    const timeoutMs = opts.timeoutMs ?? API_TIMEOUT_MS;
    return (0,retry/* retry */.L5)(async () => {
        // A controller and a timer of our own, not AbortSignal.any([AbortSignal.timeout(\u2026)]): node may collect
        // a timeout signal that only a composite refers to before it fires (nodejs/node#57736), and the request
        // then waits forever.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
        const cancel = () => controller.abort(docker_cancel/* runCancelled */.LJ.reason);
        if (docker_cancel/* runCancelled */.LJ.aborted)
            cancel();
        else
            docker_cancel/* runCancelled */.LJ.addEventListener('abort', cancel, { once: true });
        try {
            return (await request(octokit, { signal: controller.signal })).data;
        }
        catch (error) {
            throw classified(error, timeoutMs);
        }
        finally {
            clearTimeout(timer);
            docker_cancel/* runCancelled */.LJ.removeEventListener('abort', cancel);
        }
    }, {
        attempts: opts.attempts,
        sleep: opts.sleep,
        // Retries are told in the debug log only: the user hears once, when the answer is given up on.
        onRetry: info => opts.reporter.debug(`GitHub API: attempt ${info.attempt} failed: ${(0,core_text/* messageOf */.bD)(info.error)}`)
    });
}
/**
 * Octokit's RequestError as our retry understands it: no answer, a timeout, 429 and 5xx are transient;
 * any other status (401, 403, 404) is the answer and is not asked again.
 */
function classified(error, timeoutMs = API_TIMEOUT_MS) {
    const status = error?.status;
    const cause = error?.cause;
    // Octokit gives every failure without an answer (a timeout, DNS, a refused connection) status 500; only
    // one with a `response` heard the server say it.
    const answered = typeof status === 'number' &&
        (status !== 500 || error?.response !== undefined);
    if (!answered) {
        if (isTimeout(error) || isTimeout(cause))
            return new retry/* ClassifiedError */.IP(`no answer within ${timeoutMs / 1000} s (timed out)`, 'transient');
        return new retry/* ClassifiedError */.IP(`no answer: ${networkReason(error)}`, 'transient');
    }
    const message = (0,core_text/* messageOf */.bD)(error);
    if (status > 0 && status < 500 && status !== 429)
        return new retry/* ClassifiedError */.IP(`HTTP ${status}: ${message}`, 'fatal');
    return new retry/* ClassifiedError */.IP(`HTTP ${status}: ${message}`, 'transient');
}
const asError = (e) => typeof e === 'object' && e !== null ? e : undefined;
const isTimeout = (error) => {
    const e = asError(error);
    return e?.name === 'TimeoutError' || /aborted due to timeout/i.test(String(e?.message ?? ''));
};
/** The deepest reason node gives for a failed fetch: `getaddrinfo ENOTFOUND api.example`, `connect ECONNREFUSED \u2026`. */
function networkReason(error) {
    let reason = (0,core_text/* messageOf */.bD)(error);
    let e = asError(error);
    for (let depth = 0; e && depth < 5; depth++, e = asError(e.cause)) {
        const message = typeof e.message === 'string' ? e.message : '';
        if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code))
            return (0,core_text/* oneLine */.TN)(message || e.code, 200);
        if (message && message !== 'Unknown Error')
            reason = message;
    }
    return (0,core_text/* oneLine */.TN)(reason, 200);
}

// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __webpack_require__(8042);
// EXTERNAL MODULE: ./src/core/go-bool.ts
var go_bool = __webpack_require__(8558);
;// CONCATENATED MODULE: ./src/docker/attests.ts
// The attestation flags as build-push-action passes them: `provenance` and `sbom` take precedence over an
// entry of their type in `attests` (buildx refuses the two together), and provenance names this workflow
// run as its builder, so that policies checking the SLSA `builder.id` (slsa-verifier and the like) can.


/** Whether `spec` (an `attests` entry) is of attestation type `type`. */
const isAttestation = (spec, type) => (0,build_options/* attestationFields */.WW)(spec).some(f => f.key === 'type' && f.value === type);
/** `attrs` with `builder-id=<builderId>` added, unless it names a builder already or there is no run. */
function withBuilderId(attrs, builderId) {
    if (!builderId || (0,build_options/* attestationFields */.WW)(attrs).some(f => f.key === 'builder-id'))
        return attrs;
    return attrs ? `${attrs},builder-id=${builderId}` : `builder-id=${builderId}`;
}
/**
 * `--provenance`: false as given; true or attributes with this run as the builder. A boolean is any of Go's
 * words, as buildx reads it: `1,builder-id=\u2026` would be a field without `=`, which buildx refuses.
 */
function provenanceArgs(provenance, builderId) {
    if (provenance === '')
        return [];
    const on = (0,go_bool/* goBool */.B)(provenance);
    if (on === false)
        return ['--provenance=false'];
    if (on)
        return [`--provenance=${builderId ? withBuilderId('', builderId) : 'true'}`];
    return [`--provenance=${withBuilderId(provenance, builderId)}`];
}
/** `--attest` for each `attests` entry, less those `provenance` and `sbom` stand in for. */
function attestArgs(inputs, builderId) {
    const args = [];
    for (const spec of inputs.attests) {
        if (isAttestation(spec, 'provenance')) {
            if (inputs.provenance === '')
                args.push(`--attest=${withBuilderId(spec, builderId)}`);
        }
        else if (!(inputs.sbom !== '' && isAttestation(spec, 'sbom')))
            args.push(`--attest=${spec}`);
    }
    return args;
}

// EXTERNAL MODULE: ./src/metadata/levels.ts
var levels = __webpack_require__(6814);
// EXTERNAL MODULE: ./src/core/userinfo.ts
var userinfo = __webpack_require__(928);
;// CONCATENATED MODULE: ./src/docker/build-flags.ts
// The plan of one build and its argv: `docker build` or `docker buildx build` with every option, and the
// command line as the log shows it. Pure, table-tested.





/**
 * `--call` as we run it: `check` asks for JSON, the findings' machine form (see check.ts), whatever format
 * was asked, and leaves the exit status to pipeline/call.ts, which reads `ignorestatus`; any other call as written.
 */
const callArg = (call) => (0,build_options/* parseCall */.Mf)(call).name === 'check' ? 'check,format=json' : call;
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
    // One level per flag: buildx 0.13 reads `index,manifest:` as part of the key (levels.ts).
    for (const line of inputs.annotations.flatMap(levels/* singleLevelLines */.yW))
        args.push(`--annotation=${line}`);
    args.push(...attestArgs(inputs, plan.builderId));
    for (const stage of inputs.noCacheFilters)
        args.push(`--no-cache-filter=${stage}`);
    if (inputs.call)
        args.push(`--call=${callArg(inputs.call)}`);
    return args;
}
/** A context path that starts with "-" would be read as a flag. */
const safeContext = (context) => (context.startsWith('-') ? `./${context}` : context);
/** The argv of `docker build` (classic) or `docker buildx build`. Pure. */
function buildArgs(inputs, plan, buildx = false) {
    // The classic builder keeps a failed RUN step's container unless told otherwise; buildx leaves none.
    const args = buildx ? ['buildx', 'build'] : ['build', '--force-rm'];
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
        for (const spec of (plan.cacheFrom ?? inputs.cacheFrom).flatMap(cacheEntries))
            args.push(`--cache-from=${spec}`);
        for (const spec of (plan.cacheTo ?? inputs.cacheTo).flatMap(cacheEntries))
            args.push(`--cache-to=${withIgnoreError(spec)}`);
        args.push(...provenanceArgs(inputs.provenance, plan.builderId));
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
/**
 * A cache spec in buildx's own reading: one whose fields hold no `=` (`user/app:cache`, buildx's help
 * example) is shorthand for a registry cache at each of them. Spelled out, so that attributes can follow it.
 */
function cacheEntries(spec) {
    const fields = spec.split(',');
    return fields.some(field => field.includes('=')) ? [spec] : fields.map(ref => `type=registry,ref=${ref}`);
}
/** A failed cache export must never fail a good build. `spec` is spelled out (cacheEntries): no shorthand. */
function withIgnoreError(spec) {
    return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`;
}
/**
 * The build command line with build-arg values hidden (people pass tokens that way despite the advice), and
 * the userinfo of an http(s) URL (a git context's token) and a gha cache's `ghtoken` shown as `***`.
 */
function displayArgs(args) {
    return ['docker', ...args]
        .map(a => a.replace(/^(--build-arg=[^=]+=).*$/s, '$1***'))
        .map(a => (0,userinfo/* replaceUserinfo */.YB)(a, '***', /^https?$/i))
        .map(a => a.replace(/^(--cache-to=.*\bghtoken=)[^,]*/s, '$1***'))
        .join(' ');
}

// EXTERNAL MODULE: ./src/core/bounds.ts
var core_bounds = __webpack_require__(8630);
;// CONCATENATED MODULE: ./src/docker/bounds.ts
// How long a docker process may run: fixed deadlines for the quick commands, and a push's stall window and
// ceiling, which grow with the image's size. Each overridable through BTP_* for tests.

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
const PUSH_MIN_THROUGHPUT = (/* unused pure expression or super */ null && (MIN_THROUGHPUT));
/** The bounds, each overridable by a positive integer in BTP_SHORT_DEADLINE_MS, BTP_PUSH_STALL_MS, BTP_PUSH_MIN_MS. */
function boundsFrom(env) {
    const ms = (name, fallback) => (0,core_bounds/* envMs */.eo)(env, name, fallback);
    return {
        shortMs: ms('BTP_SHORT_DEADLINE_MS', SHORT_DEADLINE_MS),
        pushStallMs: ms('BTP_PUSH_STALL_MS', PUSH_STALL_MS),
        pushMinMs: ms('BTP_PUSH_MIN_MS', PUSH_MIN_MS)
    };
}
/** A push's stall window and ceiling for an image of `size` bytes (0: unknown, the minimums). */
function pushWatch(bounds, size = 0) {
    return { stallMs: (0,core_bounds/* grownMs */.mE)(bounds.pushStallMs, size), ceilingMs: (0,core_bounds/* grownMs */.mE)(bounds.pushMinMs, size) };
}

// EXTERNAL MODULE: ./src/docker/errors.ts
var errors = __webpack_require__(7457);
// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __webpack_require__(5526);
;// CONCATENATED MODULE: ./src/docker/docker.ts
// The docker CLI. Every call goes through one funnel (`Docker.exec`) and an injected runner (exec.ts);
// argv comes from pure builders so it can be table-tested.







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
const hasBuildxPlugin = (configDir, env = process.env) => buildxPlugin(configDir, env) !== undefined;
/**
 * The buildx plugin that `docker buildx` runs: the first `docker-buildx` in the docker CLI's order (the
 * config's `cliPluginsExtraDirs`, then its `cli-plugins`, then the system's directories); undefined
 * without one, or with DOCKER_BUILDKIT=0.
 */
function buildxPlugin(configDir, env = process.env) {
    if (env.DOCKER_BUILDKIT === '0')
        return undefined;
    let extra = [];
    try {
        const config = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(configDir, 'config.json'), 'utf8'));
        if (Array.isArray(config.cliPluginsExtraDirs))
            extra = config.cliPluginsExtraDirs.filter((dir) => typeof dir === 'string');
    }
    catch {
        // no config: only the default places count
    }
    return [...extra, external_node_path_default().join(configDir, 'cli-plugins'), ...PLUGIN_DIRS]
        .map(dir => external_node_path_default().join(dir, 'docker-buildx'))
        .find(file => (0,external_node_fs_.existsSync)(file));
}
/**
 * What the docker CLI adds when it runs a plugin: the command it was started as, which tells buildx that
 * it runs as `docker buildx` (its plugin mode), not on its own.
 */
const PLUGIN_MODE = { DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: 'docker' };
class Docker {
    runner;
    env;
    plugin;
    /** Docker CLI processes spawned; the benchmark reports it. */
    calls = 0;
    bounds;
    constructor(runner, 
    /** The environment of every docker process; a build's may differ (build's `env`). */
    env = process.env, 
    /**
     * The buildx plugin (buildxPlugin), which `buildx \u2026` runs directly, with the arguments and environment
     * the docker CLI would give it: the docker process in front of it, and the `docker-cli-plugin-metadata`
     * call that process makes first, cost 26 ms before every build (docs/design.md).
     */
    plugin) {
        this.runner = runner;
        this.env = env;
        this.plugin = plugin;
        this.bounds = boundsFrom(env);
    }
    async exec(args, { anyExit, env, ...options } = {}, subject) {
        this.calls++;
        const result = this.plugin && args[0] === 'buildx'
            ? await this.runner(this.plugin, args, { ...(env ?? this.env), ...PLUGIN_MODE }, options)
            : await this.runner('docker', args, env ?? this.env, options);
        const command = args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' ');
        if (result.stopped)
            throw (0,errors/* stoppedError */.Wm)(command, result, result.stopped, subject);
        if (result.exitCode !== 0 && !anyExit)
            throw new errors/* DockerError */.Bi(command, result.exitCode, result.stderr);
        return result;
    }
    /**
     * The build itself is bounded only by a cancel: how long it may take is the workflow's to say
     * (timeout-minutes). A build that pushes (`push`) gets a push's bounds (pushWatch at its minimums: the
     * size is unknown until the push ends) from the moment its push begins: stopped after a stall, or past
     * the ceiling counted from there. `push` names what is pushed, for the error. `env`: the build's own
     * environment, where docker reads a `--build-arg NAME` given without a value.
     */
    async build(args, opts = {}) {
        const started = Date.now();
        let pushingAt;
        let tail = '';
        const bounds = pushWatch(this.bounds);
        return this.exec(args, {
            stream: true,
            display: displayArgs(args),
            env: opts.env,
            ...(opts.push && {
                onOutput: text => {
                    // Kept across chunks: a line may arrive in two.
                    tail = (tail + text).slice(-512);
                    if (pushingAt === undefined && errors/* PUSH_PHASE */.Z_.test(tail))
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
    async evaluate(args, env) {
        return this.exec(args, { stream: true, display: displayArgs(args), anyExit: true, env });
    }
    /** buildx's version, e.g. `0.13.1`: asked only when an input needs a newer one (see pipeline/gates.ts). */
    async buildxVersion() {
        const { stdout } = await this.exec(['buildx', 'version'], this.short());
        const m = /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
        if (!m)
            throw new errors/* DockerError */.Bi('buildx version', 0, `no version in ${JSON.stringify(stdout.trim())}`);
        return m[1];
    }
    /**
     * Pushes one reference; returns the manifest digest docker reports for it ('' if it printed none).
     * Stopped after a stall or past its ceiling (pushWatch), both grown from `size`, the image's bytes, which
     * may arrive while the push runs (the inspect beside it); without it, the minimums apply.
     */
    async push(ref, size, signal) {
        let watch = pushWatch(this.bounds, typeof size === 'number' ? size : 0);
        if (size instanceof Promise)
            size.then(s => (watch = pushWatch(this.bounds, s ?? 0)), () => undefined);
        const { stdout } = await this.exec(['push', ref], { stream: true, watch: () => watch, signal }, ref);
        return pushReportDigest(stdout, ref);
    }
    async inspect(image) {
        const { stdout } = await this.exec(['image', 'inspect', '--format', '{{json .}}', image], this.short());
        const raw = jsonObject('image inspect', stdout);
        const text = (v) => (typeof v === 'string' ? v : undefined);
        if (!text(raw.Id))
            throw new Error(`docker image inspect ${image} gave no image ID`);
        const platform = (0,oci/* platformString */.Fd)({
            os: text(raw.Os),
            architecture: text(raw.Architecture),
            variant: text(raw.Variant)
        });
        // Checked as any answer from outside: the size sets the push's bounds, the digests are compared.
        return {
            id: raw.Id,
            repoDigests: Array.isArray(raw.RepoDigests) ? raw.RepoDigests.filter(d => typeof d === 'string') : [],
            size: Number.isSafeInteger(raw.Size) && raw.Size >= 0 ? raw.Size : 0,
            platform
        };
    }
    /**
     * `docker save` of one image into `file`. It prints nothing while it writes, so it is bounded by a
     * push's ceiling for `size` bytes (pushWatch) rather than by silence.
     */
    async save(image, file, size = 0) {
        const { ceilingMs } = pushWatch(this.bounds, size);
        await this.exec(['save', '--output', file, image], { watch: () => ({ ceilingMs }) }, image);
    }
    /** The daemon's registry settings (`insecure-registries` and the like), as `docker info` reports them. */
    async registryConfig() {
        const { stdout } = await this.exec(['info', '--format', '{{json .RegistryConfig}}'], this.short());
        // Its fields are checked where they are read (insecureByConfig).
        return jsonObject('info', stdout);
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
/** The JSON object a `--format '{{json \u2026}}'` command printed; anything else fails, naming the command. */
function jsonObject(command, stdout) {
    let value;
    try {
        value = JSON.parse(stdout);
    }
    catch {
        value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new Error(`docker ${command} printed no JSON object: ${JSON.stringify((0,core_text/* oneLine */.TN)(stdout.slice(0, 200), 80))}`);
    return value;
}
/**
 * The digest in docker push's closing line, `<tag>: digest: sha256:\u2026 size: N`, a format the CLI has kept
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
    // Docker shortens Docker Hub names (`docker.io/library/x` \u2192 `x`), so compare both forms. The containerd
    // store lists the same digest once per tag, hence the Set.
    const names = new Set([repository, repository.replace(/^docker\.io\/(library\/)?/, '')]);
    return [
        ...new Set(repoDigests
            .map(rd => rd.split('@'))
            .filter(([name, digest]) => digest && names.has(name))
            .map(([, digest]) => digest))
    ];
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
;// CONCATENATED MODULE: ./src/docker/daemon.ts
// What the engine says of a registry: whether its daemon.json lets it skip TLS (insecure-registries), as
// dockerd decides it, asked only when HTTPS fails.


/**
 * Whether dockerd treats `registry` (host[:port]) as insecure, by its own rule: a listed name decides;
 * otherwise any of the host's addresses inside an insecure CIDR does.
 */
function insecureByConfig(config, registry, addresses) {
    // Read as docker's answer, not assumed to be its shape: a field of another type counts as not set.
    const indexes = config.IndexConfigs;
    const named = indexes && typeof indexes === 'object' ? indexes[registry] : undefined;
    if (named && typeof named === 'object')
        return named.Secure === false;
    const cidrs = new external_node_net_.BlockList();
    const listed = Array.isArray(config.InsecureRegistryCIDRs) ? config.InsecureRegistryCIDRs : [];
    for (const cidr of listed) {
        if (typeof cidr !== 'string')
            continue;
        const [net, bits] = cidr.split('/');
        const family = (0,external_node_net_.isIP)(net);
        const prefix = /^\d{1,3}$/.test(bits ?? '') ? Number(bits) : -1;
        if (family && prefix >= 0 && prefix <= (family === 6 ? 128 : 32))
            cidrs.addSubnet(net, prefix, family === 6 ? 'ipv6' : 'ipv4');
    }
    return addresses.some(a => (0,external_node_net_.isIP)(a) !== 0 && cidrs.check(a, (0,external_node_net_.isIP)(a) === 6 ? 'ipv6' : 'ipv4'));
}
/** Asks the daemon, then resolves the host the way it would, to apply insecureByConfig. */
async function dockerTreatsAsInsecure(docker, registry) {
    const { host } = (0,reference/* splitHostPort */.cC)(registry);
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

// EXTERNAL MODULE: ./src/docker/exec.ts + 1 modules
var exec = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/docker/process-time.ts
var process_time = __webpack_require__(287);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 5 modules
var parse = __webpack_require__(1358);
// EXTERNAL MODULE: ./node_modules/semver/functions/parse.js
var functions_parse = __webpack_require__(6353);
var parse_default = /*#__PURE__*/__webpack_require__.n(functions_parse);
// EXTERNAL MODULE: ./src/metadata/rules/parse.ts
var rules_parse = __webpack_require__(1398);
// EXTERNAL MODULE: ./src/metadata/rules/template.ts + 1 modules
var template = __webpack_require__(5730);
// EXTERNAL MODULE: ./node_modules/semver/functions/valid.js
var valid = __webpack_require__(8780);
var valid_default = /*#__PURE__*/__webpack_require__.n(valid);
;// CONCATENATED MODULE: ./src/metadata/rules/pep440.ts
// PEP 440 versions, as far as metadata-action's `type=pep440` rule reads them: validity, the normalized
// form, the release numbers and whether it is a pre-, post- or dev-release. Pure; no dependency.
// PEP 440's appendix B pattern, case-insensitive, with surrounding whitespace allowed.
const PEP440 = new RegExp('^\\s*v?' +
    '(?:([0-9]+)!)?' + // epoch
    '([0-9]+(?:\\.[0-9]+)*)' + // release
    '(?:[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?([0-9]+)?)?' + // pre-release
    '(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?' + // post-release
    '(?:[-_.]?(dev)[-_.]?([0-9]+)?)?' + // dev release
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?' + // local version
    '\\s*$', 'i');
const PRE_LABELS = {
    a: 'a',
    alpha: 'a',
    b: 'b',
    beta: 'b',
    c: 'rc',
    rc: 'rc',
    pre: 'rc',
    preview: 'rc'
};
const num = (s) => (s === undefined ? 0 : Number.parseInt(s, 10));
/** The parsed version, or undefined when `text` is not a PEP 440 version. */
function parsePep440(text) {
    const m = PEP440.exec(text);
    if (!m)
        return undefined;
    const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
    const v = { epoch: num(epoch), release: release.split('.').map(n => num(n)) };
    if (preL !== undefined)
        v.pre = { label: PRE_LABELS[preL.toLowerCase()], n: num(preN) };
    if (postN1 !== undefined)
        v.post = num(postN1);
    else if (postL !== undefined)
        v.post = num(postN2);
    if (devL !== undefined)
        v.dev = num(devN);
    if (local !== undefined)
        v.local = local
            .toLowerCase()
            .split(/[-_.]/)
            .map(p => (/^[0-9]+$/.test(p) ? String(num(p)) : p))
            .join('.');
    return v;
}
/** The normalized form: `1.0.dev4`, `1.1b2`, `1!2.0.post1+local.7`. */
function normalizePep440(v) {
    let s = v.epoch !== 0 ? `${v.epoch}!` : '';
    s += v.release.join('.');
    if (v.pre)
        s += `${v.pre.label}${v.pre.n}`;
    if (v.post !== undefined)
        s += `.post${v.post}`;
    if (v.dev !== undefined)
        s += `.dev${v.dev}`;
    if (v.local !== undefined)
        s += `+${v.local}`;
    return s;
}
/** A pre-, post- or dev-release: metadata-action gives such versions no partial tags and no `latest`. */
const isPep440Special = (v) => v.pre !== undefined || v.post !== undefined || v.dev !== undefined;
/** The n-th release number (0 = major); 0 when the release has fewer numbers. */
const releasePart = (v, n) => v.release[n] ?? 0;

// EXTERNAL MODULE: ./src/core/problem.ts
var core_problem = __webpack_require__(652);
;// CONCATENATED MODULE: ./src/metadata/tags.ts
// What metadata-action's tag rules yield for one event: the version (main tag), the other tags, and
// whether `latest` goes with them. Pure: the event, the clock and the environment's settings come in. The
// automatic tags for an empty `tags` input are rules of this engine too (metadata/automatic.ts).
// The functions alone: the package's index loads every module of it (ranges too), which the run pays for.








function tagEvent(ctx, settings, now, facts = {}) {
    const sha = buildSha(ctx, settings.prHeadSha);
    return {
        eventName: ctx.eventName,
        ref: eventRef(ctx),
        sha,
        payload: ctx.payload ?? {},
        defaultBranch: payloadDefaultBranch(ctx) || (facts.defaultBranch ?? ''),
        commitDate: eventCommitDate(ctx, sha) ?? facts.commitDate ?? now,
        now,
        shortShaLength: settings.shortShaLength
    };
}
const HEADS = /^refs\/heads\//;
const TAGS = /^refs\/tags\//;
const PULL = /^refs\/pull\//;
const shortSha = (sha, length) => length >= sha.length ? sha : sha.slice(0, length);
/** The names every `{{\u2026}}` outside a version pattern can use. */
function globalValues(ev) {
    const ref = ev.ref;
    const branchOf = ref.replace(HEADS, '');
    let baseRef = '';
    if (TAGS.test(ref) && typeof ev.payload.base_ref === 'string')
        baseRef = ev.payload.base_ref.replace(HEADS, '');
    else if (PULL.test(ref) && typeof ev.payload.pull_request?.base?.ref === 'string')
        baseRef = ev.payload.pull_request.base.ref;
    // metadata-action's rule, quirks included: events that always run on the default branch say true.
    const isDefault = branchOf !== '' &&
        (payloadDefaultBranch(ev) === branchOf || /create|discussion|issues|schedule/.test(ev.eventName));
    return {
        branch: HEADS.test(ref) ? ref.replace(HEADS, '') : '',
        tag: TAGS.test(ref) ? ref.replace(TAGS, '') : '',
        sha: shortSha(ev.sha, ev.shortShaLength),
        base_ref: baseRef,
        is_default_branch: String(isDefault),
        is_not_default_branch: String(!isDefault),
        date: ev.now,
        commit_date: ev.commitDate
    };
}
/** metadata-action's sanitizing: every run of characters a tag cannot hold becomes one `-`. */
const sanitize = (tag) => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
const TAG_MAX = 128;
/**
 * A sanitized text made into a tag where docker would refuse it: leading `.` and `-` dropped, cut to 128
 * characters. '' when nothing is left. For the automatic set, which must never fail a build over a
 * branch's name; rules the user wrote fail instead, naming the rule.
 */
const fitTag = (tag) => tag.replace(/^[.-]+/, '').slice(0, TAG_MAX);
/** The tag text a rule makes for this event before prefix/suffix, or undefined when it makes none. */
function make(rule, ev, g, warn) {
    const tagName = TAGS.test(ev.ref) ? ev.ref.replace(TAGS, '') : undefined;
    const given = rule.value ? (0,template/* render */.XX)(rule.value, g) : '';
    // metadata-action reads `value` when the attribute is written, even if it renders empty ({{branch}} on a
    // tag push): that makes no tag, with a warning, rather than falling back to the git tag.
    const written = (rule.value?.source ?? '') !== '';
    switch (rule.type) {
        case 'schedule':
            if (!/schedule/.test(ev.eventName))
                return undefined;
            return { value: (0,template/* render */.XX)(rule.pattern, { date: ev.now, commit_date: ev.commitDate }), autoLatest: false };
        case 'semver':
        case 'pep440': {
            if (tagName === undefined && !written)
                return undefined;
            let raw = written ? given : tagName;
            if (rule.versionMatch) {
                // metadata-action's `match`: the first group of the expression is the version; without a match
                // the whole value is read, with a warning.
                const m = raw.match(rule.versionMatch.regex);
                if (!m)
                    warn(`${rule.versionMatch.pattern} does not match ${raw}.`);
                else
                    raw = m[1] ?? '';
            }
            raw = raw.replace(/\//g, '-');
            return rule.type === 'semver' ? semver(rule, raw, warn) : pep440(rule, raw, warn);
        }
        case 'match': {
            if (tagName === undefined && !written)
                return undefined;
            const raw = written ? given : tagName;
            const m = raw.match(rule.match.regex);
            if (!m) {
                warn(`${rule.match.pattern} does not match ${raw}.`);
                return undefined;
            }
            if (m[rule.match.group] === undefined) {
                warn(`Group ${rule.match.group} does not exist for ${rule.match.pattern} pattern.`);
                return undefined;
            }
            return { value: m[rule.match.group], autoLatest: true };
        }
        case 'edge': {
            if (!HEADS.test(ev.ref))
                return undefined;
            const branch = rule.branch || ev.defaultBranch;
            return branch === ev.ref.replace(HEADS, '') ? { value: 'edge', autoLatest: false } : undefined;
        }
        case 'ref':
            if (rule.event === 'branch')
                return HEADS.test(ev.ref) ? { value: ev.ref.replace(HEADS, ''), autoLatest: false } : undefined;
            if (rule.event === 'tag')
                return tagName !== undefined ? { value: tagName, autoLatest: true } : undefined;
            return PULL.test(ev.ref)
                ? { value: ev.ref.replace(PULL, '').replace(/\/merge$/, ''), autoLatest: false }
                : undefined;
        case 'raw':
            return { value: given, autoLatest: false };
        case 'sha':
            if (!ev.sha)
                return undefined;
            return {
                value: rule.format === 'long' ? ev.sha : shortSha(ev.sha, ev.shortShaLength),
                autoLatest: false
            };
    }
}
/** A pattern that is exactly `{{raw}}` keeps the raw version for pre-releases too. */
const isRawPattern = (t) => t.parts.length === 1 && typeof t.parts[0] !== 'string' && t.parts[0].name === 'raw';
/** semver.org's grammar with an optional `v`, as metadata-action validates it (the semver package's valid). */
const isSemver = (raw) => valid_default()(raw) !== null;
function semver(rule, raw, warn) {
    const v = isSemver(raw) ? parse_default()(raw) : null;
    if (!v) {
        warn(`${raw} is not a valid semver. More info: https://semver.org/`);
        return undefined;
    }
    // The automatic set keeps build metadata in the full version (`1.2.3+b.5` \u2192 `1.2.3-b.5`).
    const version = rule.keepBuild && v.build.length ? `${v.version}+${v.build.join('.')}` : v.version;
    const values = { raw: raw.trim(), version, major: `${v.major}`, minor: `${v.minor}`, patch: `${v.patch}` };
    // Pre-releases get their full version only: {{major}} would move a stable tag to a prerelease.
    if (v.prerelease.length && !isRawPattern(rule.pattern))
        return { value: version, autoLatest: false };
    return { value: (0,template/* render */.XX)(rule.pattern, values), autoLatest: v.prerelease.length === 0 };
}
function pep440(rule, raw, warn) {
    const v = parsePep440(raw);
    if (!v) {
        warn(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
        return undefined;
    }
    if (isPep440Special(v))
        return { value: isRawPattern(rule.pattern) ? raw : normalizePep440(v), autoLatest: false };
    const values = {
        raw,
        version: normalizePep440(v),
        major: String(releasePart(v, 0)),
        minor: String(releasePart(v, 1)),
        patch: String(releasePart(v, 2))
    };
    return { value: (0,template/* render */.XX)(rule.pattern, values), autoLatest: true };
}
/** The rules' tags for this event, metadata-action's way. Throws an InputProblem for a bad enable or tag. */
function applyRules(rules, flavor = rules_parse/* DEFAULT_FLAVOR */.tt, ev, options = {}) {
    const g = globalValues(ev);
    const warnings = [];
    const version = { partial: [], latest: false };
    const made = [];
    let latest;
    const affix = (rule, value) => {
        const prefix = rule.prefix ? (0,template/* render */.XX)(rule.prefix, g) : (0,template/* render */.XX)(flavor.prefix, g);
        const suffix = rule.suffix ? (0,template/* render */.XX)(rule.suffix, g) : (0,template/* render */.XX)(flavor.suffix, g);
        return `${prefix}${value}${suffix}`;
    };
    for (const rule of (0,rules_parse/* byPriority */.mu)(rules)) {
        const enabled = (0,template/* render */.XX)(rule.enable, g);
        if (enabled !== 'true' && enabled !== 'false')
            throw new core_problem/* InputProblem */.S(`rule ${JSON.stringify(rule.source)}: enable gave ${JSON.stringify(enabled)}, not true or false`);
        if (enabled === 'false' || (rule.when && !rule.when(ev)))
            continue;
        const out = make(rule, ev, g, m => warnings.push(m));
        if (out === undefined)
            continue;
        const value = affix(rule, out.value);
        if (value === '')
            continue;
        const tag = options.fit ? fitTag(sanitize(value)) : sanitize(value);
        if (options.fit && tag === '')
            continue;
        const problem = (0,reference/* tagProblem */.qH)(tag);
        if (problem)
            throw new core_problem/* InputProblem */.S(`rule ${JSON.stringify(rule.source)} made ${JSON.stringify(tag)}: ${problem}`);
        made.push({ tag, rule });
        if (version.main === undefined)
            version.main = tag;
        else if (tag !== version.main && !version.partial.includes(tag))
            version.partial.push(tag);
        // The first rule that makes a tag decides `latest`, as in metadata-action.
        latest ??= flavor.latest === 'auto' ? out.autoLatest : flavor.latest === 'true';
    }
    version.latest = latest ?? false;
    if (version.main === undefined)
        return { version, tags: [], made, warnings };
    const tags = [version.main, ...version.partial];
    if (version.latest) {
        const p = flavor.prefixLatest ? (0,template/* render */.XX)(flavor.prefix, g) : '';
        const s = flavor.suffixLatest ? (0,template/* render */.XX)(flavor.suffix, g) : '';
        const latestTag = sanitize(`${p}latest${s}`);
        if ((0,reference/* isValidTag */.r_)(latestTag) && !tags.includes(latestTag))
            tags.push(latestTag);
    }
    return { version, tags, made, warnings };
}

;// CONCATENATED MODULE: ./src/metadata/automatic.ts
// The automatic tags for an empty `tags` input, as built-in rules of the one tag engine (tags.ts):
//   outside GitHub Actions                                latest
//   a pull request (pull_request_target included)        pr-N, sha-<short>
//   refs/tags/vX.Y.Z (`v` optional)                       X.Y.Z, X.Y, X, latest, sha-<short>
//   refs/tags/vX.Y.Z-pre (a prerelease)                   X.Y.Z-pre, sha-<short>
//   refs/tags/<anything else>                             <tag>, sha-<short>
//   refs/heads/<the default branch>                       latest, <branch>, sha-<short>
//   refs/heads/<another branch>                           <branch>, sha-<short>
//   anything else                                         sha-<short>
// Every event (workflow_dispatch, schedule, release, \u2026) follows these by its GITHUB_REF. Names are
// sanitized as metadata-action sanitizes and then fitted to docker's grammar rather than failing the
// build; when nothing at all is derivable the tag is `latest`, so that a build always has one.
// The version (output and label) is the most specific tag: never `latest`, never the sha tag.




const automatic_TAGS = /^refs\/tags\//;
const automatic_HEADS = /^refs\/heads\//;
const LATEST = 'latest';
const tagName = (ref) => automatic_TAGS.test(ref) ? ref.replace(automatic_TAGS, '').replace(/\//g, '-') : undefined;
/** The git tag is semver (as type=semver reads it); `stable` asks for a release, not a prerelease. */
function semverTag(ref, stable) {
    const name = tagName(ref);
    if (name === undefined || !isSemver(name))
        return false;
    return !stable || parse_default()(name).prerelease.length === 0;
}
const isDefaultBranch = (ev) => automatic_HEADS.test(ev.ref) && ev.defaultBranch !== '' && ev.ref.replace(automatic_HEADS, '') === ev.defaultBranch;
const TRUE = (0,template/* literal */.eu)('true');
function rule(source, over) {
    return { source: `automatic: ${source}`, enable: TRUE, ...over };
}
function version(pattern) {
    return { pattern, value: (0,template/* literal */.eu)(''), keepBuild: true, when: ev => semverTag(ev.ref, false) };
}
const t = (source) => (0,template/* parseTemplate */.QC)(source, 'version');
/** The automatic set in Actions, by priority (the highest first, as the engine orders rules). */
const AUTOMATIC_RULES = [
    rule('pull request', { type: 'ref', priority: 1000, event: 'pr', prefix: (0,template/* literal */.eu)('pr-') }),
    rule('{{version}} of a semver tag', { type: 'semver', priority: 900, ...version(t('{{version}}')) }),
    rule('{{major}}.{{minor}}', { type: 'semver', priority: 900, ...version(t('{{major}}.{{minor}}')) }),
    rule('{{major}}', { type: 'semver', priority: 900, ...version(t('{{major}}')) }),
    rule('latest for a release tag', {
        type: 'raw',
        priority: 850,
        value: (0,template/* literal */.eu)(LATEST),
        when: ev => semverTag(ev.ref, true)
    }),
    rule('a tag that is not semver', {
        type: 'ref',
        priority: 800,
        event: 'tag',
        when: ev => automatic_TAGS.test(ev.ref) && !semverTag(ev.ref, false)
    }),
    rule('latest on the default branch', {
        type: 'raw',
        priority: 650,
        value: (0,template/* literal */.eu)(LATEST),
        when: isDefaultBranch
    }),
    rule('the branch', { type: 'ref', priority: 600, event: 'branch' }),
    rule('the commit', { type: 'sha', priority: 100, format: 'short', prefix: (0,template/* literal */.eu)('sha-') })
];
const OUTSIDE_ACTIONS = [
    rule('outside Actions', { type: 'raw', priority: 200, value: (0,template/* literal */.eu)(LATEST) })
];
/** `latest` is a rule of its own here, placed where the automatic set has always put it. */
const NO_LATEST = { ...rules_parse/* DEFAULT_FLAVOR */.tt, latest: 'false' };
/** The automatic tags and version for this event; `actions` false gives `latest` alone. */
function automaticTags(ev, actions) {
    const outcome = applyRules(actions ? AUTOMATIC_RULES : OUTSIDE_ACTIONS, NO_LATEST, ev, { fit: true });
    const version = outcome.made.find(m => m.rule.type !== 'sha' && m.tag !== LATEST)?.tag ?? '';
    return { tags: outcome.tags.length ? outcome.tags : [LATEST], version: actions ? version : '' };
}

// EXTERNAL MODULE: ./src/metadata/annotations.ts
var annotations = __webpack_require__(9267);
;// CONCATENATED MODULE: ./src/metadata/build-metadata.ts
// A build's tags, labels and version from the inputs and the run's git context (rules, bare tags, or the
// automatic set). Pure.







function buildMetadata(inputs, context, now = new Date(), facts = {}, 
/** The repository's metadata labels (labels.ts): first, as metadata-action orders them. */
repository = {}) {
    // Tags and labels name the commit the build contains: GITHUB_SHA, or the PR head when asked.
    const ctx = { ...context, sha: buildSha(context, inputs.metadataEnv.prHeadSha) };
    const ev = tagEvent(context, inputs.metadataEnv, now, facts);
    let tags;
    let version;
    let warnings = [];
    if (inputs.tagRules.length) {
        // What a rule makes is known only for this event: a bad result is still the tags input's fault.
        const outcome = (0,parse/* asInput */.lv)('tags', () => applyRules(inputs.tagRules, inputs.tagFlavor, ev));
        warnings = outcome.warnings;
        tags = [...new Set([...outcome.tags, ...inputs.tags])];
        version = outcome.version.main ?? inputs.tags.find(t => t !== 'latest') ?? '';
    }
    else if (inputs.tags.length) {
        tags = inputs.tags;
        version = context.actions ? (inputs.tags.find(t => t !== 'latest') ?? '') : '';
    }
    else {
        ;
        ({ tags, version } = automaticTags(ev, context.actions));
    }
    const auto = { ...repository, ...ociLabels(ctx, version, now) };
    // Expressions in labels and annotations, as metadata-action renders its custom ones.
    const values = globalValues(ev);
    const rendered = (line) => line.includes('{{') ? (0,template/* render */.XX)((0,template/* parseLabelLine */.uM)(line), values) : line;
    const labels = mergeLabels(auto, inputs.labels.map(rendered));
    const userAnnotations = inputs.annotations.map(rendered);
    return {
        tags,
        labels,
        version,
        annotations: (0,annotations/* annotationEntries */.eE)(labels, userAnnotations),
        userAnnotations,
        warnings
    };
}
/**
 * The commit whose date the API must tell, or '' when none must: a rule or the flavor uses {{commit_date}}
 * and the event carries no timestamp for the built commit (pull requests, schedule, workflow_dispatch, \u2026).
 */
function commitDateWanted(inputs, context) {
    const templates = [
        inputs.tagFlavor.prefix,
        inputs.tagFlavor.suffix,
        ...inputs.tagRules.flatMap(r => [r.enable, r.prefix, r.suffix, r.pattern, r.value]),
        ...[...inputs.labels, ...inputs.annotations].map(template/* parseLabelLine */.uM)
    ];
    if (!templates.some(t => (0,template/* mentions */.wy)(t, 'commit_date')))
        return '';
    const sha = buildSha(context, inputs.metadataEnv.prHeadSha);
    return eventCommitDate(context, sha) ? '' : sha;
}
/**
 * Rules that yield no tag for this event: fine for a local build (it stays untagged), an input error when
 * pushing, before the build, as nothing could be pushed.
 */
function checkTagged(inputs, meta, ctx) {
    if (meta.tags.length || !inputs.push)
        return;
    const event = `${ctx.eventName || 'no event'} on ${ctx.ref || 'no ref'}`;
    // Outside a workflow (the CLI on a laptop) the event is whatever GitHub's variables say, mostly nothing.
    const fix = ctx.actions
        ? 'add a rule for it (e.g. type=sha)'
        : `outside GitHub Actions the rules read the event from its variables: set GITHUB_SHA for type=sha (e.g. GITHUB_SHA=$(git rev-parse HEAD)) and GITHUB_REF for the others (e.g. GITHUB_REF=refs/tags/v1.2.3), or give a plain tag in ${(0,parse/* ref */.KR)('tags')}`;
    throw new parse/* InputError */.dz('tags', `no rule yields a tag for this event (${event}): ${inputs.tagRules.map(r => JSON.stringify(r.source)).join(', ')}; ` +
        `${fix}, or ${(0,parse/* setting */.Pe)('push', 'false')} to build untagged`);
}

;// CONCATENATED MODULE: ./src/docker/buildx-driver.ts
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

// EXTERNAL MODULE: ./src/registry/api.ts + 3 modules
var api = __webpack_require__(7489);
// EXTERNAL MODULE: ./src/registry/bounds.ts
var bounds = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var proxy = __webpack_require__(4263);
// EXTERNAL MODULE: ./src/log/reporter.ts
var log_reporter = __webpack_require__(2425);
// EXTERNAL MODULE: ./src/pipeline/annotate.ts
var annotate = __webpack_require__(9268);
// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __webpack_require__(7571);
;// CONCATENATED MODULE: ./src/pipeline/hints.ts





/** Says where to look: auth failures are never retried, and some docker errors hide their cause. */
function withHint(inputs, 
/** The image the failure concerns, when the run has several. */
target) {
    const registry = target?.registry ?? inputs.registry;
    const where = target?.repository ?? `${inputs.registry}/${inputs.image}`;
    return error => {
        // A failed build step printed whatever it printed: its words are not docker's, and get no hint.
        if ((0,retry/* isBuildStepFailure */.$x)(error))
            throw error;
        const kind = (0,retry/* kindOf */.I)(error);
        const message = (0,core_text/* messageOf */.bD)(error);
        if (kind === 'auth') {
            const entry = inputs.logins.find(l => l.registry === registry);
            const login = entry !== undefined || (inputs.username !== '' && registry === inputs.registry);
            // A login for a registry nothing is pushed to is there for the build's pulls (base images).
            const pushed = inputs.targets.some(t => t.registry === registry);
            const access = pushed ? `push to ${where}` : `pull from ${registry}`;
            // An ECR login without a key comes from the environment's AWS credentials, not from the inputs.
            const fromEnv = entry?.cloud?.kind.startsWith('ecr') === true && entry.username === '';
            const names = inputs.registryAuth ? ['registry-auth'] : ['username', 'password'];
            const what = fromEnv
                ? 'the AWS credentials in the environment are'
                : `${(0,parse/* ref */.KR)(...names)} ${names.length > 1 ? 'are' : 'is'}`;
            const hint = login
                ? `check that ${what} right and may ${access}`
                : inputs.targets.length > 1 || inputs.registryAuth
                    ? `give ${registry} a login in ${(0,parse/* ref */.KR)('registry-auth')}, or log in to it beforehand (${(0,input_ref/* advice */.v9)('log-in')})`
                    : `set ${(0,parse/* ref */.KR)('username', 'password')}, or log in to ${registry} beforehand (${(0,input_ref/* advice */.v9)('log-in')})`;
            throw new retry/* ClassifiedError */.IP(`${message} (${hint})`, kind);
        }
        // Our grammar takes [::1]:5000, as newer engines do; older ones (20.10) reject it with a bare message.
        if (registry.startsWith('[') && /invalid reference format/i.test(message))
            throw new retry/* ClassifiedError */.IP(`${message} (this docker engine does not accept an IPv6 address in an image reference; 20.10 does not, 26.1 does: give the registry a host name, e.g. in /etc/hosts, or use a newer engine)`, kind);
        // buildx's docker driver pushes through the daemon, which speaks HTTPS to whatever it holds secure.
        if (/server gave HTTP response to HTTPS client/i.test(message))
            throw new retry/* ClassifiedError */.IP(`${message} (the docker engine holds ${registry} secure: list it in "insecure-registries" in the engine's daemon.json${registry.startsWith('[') ? '; the default list covers 127.0.0.0/8 but not ::1' : ''})`, kind);
        throw error;
    };
}
/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
const loginHost = (registry) => (0,reference/* isDockerHub */.gr)(registry) ? undefined : registry;

// EXTERNAL MODULE: ./src/pipeline/plan.ts + 2 modules
var pipeline_plan = __webpack_require__(9863);
// EXTERNAL MODULE: ./src/pipeline/verify.ts + 1 modules
var verify = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/metadata/outputs.ts
var outputs = __webpack_require__(8427);
;// CONCATENATED MODULE: ./src/pipeline/build-env.ts


/**
 * The build's environment: the run's, less the step's inputs (`INPUT_*`: registry passwords and tokens that
 * docker's build step never has, since login-action runs apart), with this run's metadata variables over it.
 * A NAME alone that it does not set is left out, as docker leaves it out, with a warning that says which
 * entry but not what it holds: such a line is as often the rest of a value split by mistake.
 */
function buildEnvironment(inputs, plan, base, metadata, reporter) {
    const refs = plan.byDigest ? [] : plan.build.refs;
    const env = {
        ...Object.fromEntries(Object.entries(base).filter(([name]) => !/^INPUT_/i.test(name))),
        ...(metadata && (0,outputs/* metadataVariables */.tm)(metadata, refs, inputs))
    };
    const unset = inputs.buildArgs.flatMap((arg, i) => (arg.includes('=') || env[arg] !== undefined ? [] : [i]));
    if (!unset.length)
        return { inputs, env };
    const which = unset.length > 1 ? 'entries' : 'entry';
    const name = unset.length > 1 ? 'name' : 'names';
    reporter.warning(`${(0,input_ref/* ref */.KR)('build-args')}: ${which} ${unset.map(i => i + 1).join(', ')} ${name} no variable of the build's environment, so docker gets none (a value wanted there: KEY=VALUE)`);
    return { inputs: { ...inputs, buildArgs: inputs.buildArgs.filter((_, i) => !unset.includes(i)) }, env };
}

;// CONCATENATED MODULE: ./src/pipeline/build.ts
// Phase 2: the build, and what it produced: the image's identity read from the iidfile and buildx's
// metadata, and the local image inspected by that identity, never by a tag another build may move.














/**
 * No push attempt starts later than this after the first failed (retry's `windowFromFailure`): a push is
 * stopped only after a minute of silence, so a window counted from its start would leave no retry at all.
 */
const PUSH_RETRY_WINDOW_MS = 45_000;
/** An error that points at the Dockerfile line the builder named. */
class BuildError extends errors/* DockerError */.Bi {
    location;
    constructor(error, location) {
        super(error.command, error.exitCode, error.stderr);
        this.location = location;
        this.message = error.message;
        this.name = 'BuildError';
    }
}
/** The Dockerfile line a failed build names: BuildKit's `Dockerfile:7` block, or "parse error \u2026 line 7". */
function failedLine(stderr) {
    // Line by line: with the `m` flag, `^\s*` started over at every line break of a run of them, in time
    // quadratic in its length, on a log whose every line a build step may have printed.
    for (const line of stderr.split(/[\n\r\u2028\u2029]/)) {
        const m = DOCKERFILE_LINE.exec(line.trim());
        if (m)
            return Number(m[1]);
    }
    const m = /dockerfile parse error (?:on )?line (\d+)/i.exec(stderr);
    return m ? Number(m[1]) : undefined;
}
const DOCKERFILE_LINE = /^(?:\S*\/)?[^\s/]*Dockerfile[^\s:]*:(\d+)$/i;
async function build(inputs, plan, deps) {
    const { docker, reporter } = deps;
    const hint = withHint(inputs);
    reporter.debug(`build starts ${Math.round((0,clock/* sinceStart */.B)())} ms after the process did`);
    const given = buildEnvironment(inputs, plan, docker.env, deps.metadata, reporter);
    // A build that pushes is retried as a whole; its cache makes the second attempt cheap.
    const pushes = plan.pushedBy === 'buildx';
    const run = (buildPlan) => {
        const args = buildArgs(given.inputs, buildPlan, plan.buildx);
        return pushes
            ? buildAndPush(docker, args, plan.build.refs[0] ?? inputs.registry, inputs, reporter, {
                ...deps,
                env: given.env
            })
            : docker.build(args, { env: given.env });
    };
    const result = await (0,annotate/* withIndexFallback */.$)(plan.build, run, reporter).catch(error => hint(located(tagTaken(error, plan.build.exports), inputs)));
    if (inputs.cacheTo.length)
        warnOnCacheExport(`${result.stdout}\n${result.stderr}`, reporter);
    const iid = plan.build.iidfile ? await readImageId(plan.build.iidfile) : '';
    const metadata = plan.build.metadataFile ? await readMetadata(plan.build.metadataFile) : {};
    // The build's own identity, which the registry's answer must match: only digests count.
    const identity = [
        ...new Set([iid, metadata['containerimage.digest'], metadata['containerimage.config.digest']].filter((d) => typeof d === 'string' && d !== '' && !(0,oci/* digestProblem */.WQ)(d)))
    ];
    const tagged = plan.local === 'yes' || pushes
        ? plan.build.refs.length && !plan.byDigest
            ? `, tagged ${plan.build.refs.join(', ')}`
            : ', untagged'
        : '';
    const by = plan.byDigest ? ` by digest to ${plan.targets.map(t => t.repository).join(', ')}` : '';
    reporter.info(`Built ${iid || 'the files of the outputs'}${tagged}${pushes ? ` and pushed by buildx${by}` : ''}`);
    if (plan.buildx && !pushes && !inputs.load && !inputs.outputs.length && inputs.platforms.length > 1)
        reporter.warning(`${inputs.platforms.length} platforms were built but neither pushed nor loaded; the result stays in the build cache`);
    return { iid, identity, metadata };
}
/**
 * A build that pushes, retried as a whole (its cache makes a second attempt cheap) within the push retry
 * window. The window opens when the first attempt fails: the first build may take any time.
 */
function buildAndPush(docker, args, subject, inputs, reporter, deps) {
    return (0,retry/* retry */.L5)(() => docker.build(args, { push: subject, env: deps.env }), {
        ...(0,pipeline_plan/* retrying */.R$)('build and push', inputs.retries, reporter, deps.sleep, deps.cancelled),
        maxElapsedMs: PUSH_RETRY_WINDOW_MS,
        windowFromFailure: true
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
    if (/no such image/i.test((0,core_text/* messageOf */.bD)(last)))
        throw new verify/* VerificationError */.mk(`the image this run built (${built.iid}) is no longer in the engine's store: another build moved the tag ${refs[0]} on this docker engine after the build; nothing of this run's image is verified`);
    throw last;
}
/** The exports that put the image under its name, in the engine's store or a registry (`--load`, `--push`, \u2026). */
const namingExports = (exports) => exports.filter(arg => {
    if (arg === '--load' || arg === '--push')
        return true;
    const spec = arg.startsWith('--output=') ? arg.slice('--output='.length) : undefined;
    return spec !== undefined && ((0,pipeline_plan/* loadsOutput */.$G)(spec) || (0,build_options/* pushesOutput */.Ij)(spec));
});
/**
 * The containerd store refusing a name (`image "<ref>": already exists`): two builds of one tag at the same
 * moment, or one build that exports its image twice under the name (a load and a push, which buildx's docker
 * driver runs one after the other). Said in our words, naming the cause that applies.
 */
function tagTaken(error, exports = []) {
    const m = error instanceof errors/* DockerError */.Bi ? /image "([^"]+)": already exists/.exec(error.message) : null;
    if (!m)
        return error;
    const twice = namingExports(exports);
    if (twice.length > 1)
        return new retry/* ClassifiedError */.IP(`the engine's store refused the name ${m[1]} as taken: this build exports it ${twice.length} times (${twice.join(' ')}), which buildx's docker driver does one after the other, and its containerd store at times refuses the later one (${error instanceof Error ? error.message : ''}); export it once (drop one of them), or build on a builder of its own (docker-container: docker/setup-buildx-action makes one)`, 'fatal');
    return new verify/* VerificationError */.mk(`another build moved the tag ${m[1]} on this docker engine during the build (${error instanceof Error ? error.message : ''}); nothing of this run's image is pushed`);
}
function located(error, inputs) {
    if (!(error instanceof errors/* DockerError */.Bi))
        return error;
    const line = failedLine(error.stderr);
    if (line === undefined || inputs.remoteContext)
        return error;
    const file = (0,build_options/* dockerfilePath */.Se)(inputs.context, inputs.file);
    return new BuildError(error, { file, line });
}
async function readMetadata(file) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? parsed
            : {};
    }
    catch {
        return {};
    }
}
/** The image ID docker wrote to --iidfile: a digest (it becomes the `imageid` output and the build's identity). */
async function readImageId(file) {
    const iid = (await (0,promises_.readFile)(file, 'utf8')).trim();
    if (iid === '')
        return '';
    const problem = (0,oci/* digestProblem */.WQ)(iid);
    if (problem)
        throw new Error(`docker wrote an image ID that is no digest to its --iidfile: ${(0,core_text/* oneLine */.TN)(problem, 200)}`);
    return iid;
}
/**
 * With ignore-error=true buildx keeps going when the cache export fails; the user should still hear of it.
 * The failure is an `#N ERROR:` line of the step titled `#N exporting cache\u2026` (the line itself need not
 * mention the cache).
 */
function warnOnCacheExport(output, reporter) {
    const lines = output.split(/\r?\n/);
    const steps = new Set(lines.map(l => /^#(\d+) exporting cache\b/.exec(l)?.[1]).filter(Boolean));
    const line = lines.find(l => steps.has(/^#(\d+) ERROR: /.exec(l)?.[1]));
    if (line)
        reporter.warning(`cache export failed; the build succeeded without it: ${line.replace(/^#\d+ ERROR: /, '').trim()}`);
}

;// CONCATENATED MODULE: ./src/docker/check.ts
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
    if (!results || typeof results !== 'object')
        throw new CheckOutputError('buildx printed no check results');
    // buildx's JSON is read, not trusted: a field of another type counts as absent.
    const text = (v) => (typeof v === 'string' ? v : '');
    const lineNo = (v) => Number.isSafeInteger(v) && v > 0 ? v : undefined;
    const list = (v) => (Array.isArray(v) ? v : []);
    const place = (location) => {
        if (!location || typeof location !== 'object')
            return {};
        const index = Number.isSafeInteger(location.sourceIndex) ? location.sourceIndex : 0;
        const source = list(results.sources)[index];
        const file = source && typeof source === 'object' ? text(source.filename) : '';
        const range = list(location.ranges)[0];
        const line = lineNo(range?.start?.line);
        const endLine = lineNo(range?.end?.line);
        return {
            ...(file ? { file } : {}),
            ...(line ? { line } : {}),
            ...(endLine && endLine !== line ? { endLine } : {})
        };
    };
    const findings = list(results.warnings)
        .filter(w => w && typeof w === 'object')
        .map(w => ({
        level: 'warning',
        rule: text(w.ruleName),
        message: text(w.detail) || text(w.description) || text(w.ruleName) || 'check failed',
        ...(text(w.url) ? { url: text(w.url) } : {}),
        ...place(w.location)
    }));
    const buildError = results.buildError;
    if (buildError && typeof buildError === 'object' && text(buildError.message))
        findings.push({
            level: 'error',
            rule: '',
            message: text(buildError.message),
            ...place(buildError.location)
        });
    return findings;
}
/** One line for a finding: `JSONArgsRecommended: JSON arguments recommended \u2026 (https://\u2026)`. */
const findingText = (f) => `${f.rule ? `${f.rule}: ` : ''}${f.message}${f.url ? ` (${f.url})` : ''}`;

;// CONCATENATED MODULE: ./src/pipeline/call.ts
// A build with `call` other than `build`: BuildKit evaluates the Dockerfile (checks, outline, targets)
// instead of building it, so nothing is exported or pushed. For `check`, each finding becomes an
// annotation on its Dockerfile line, and findings fail the step, as `docker buildx build --check` exits
// (with `ignorestatus=true`, as buildx then does, they do not).






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
    const given = buildEnvironment(inputs, plan, deps.docker.env, deps.metadata, deps.reporter);
    // No output of any kind: an evaluation exports nothing (no --load, --push or --output).
    const args = buildArgs(given.inputs, { ...plan.build, exports: [] }, plan.buildx);
    const result = await deps.docker.evaluate(args, given.env);
    const call = (0,build_options/* parseCall */.Mf)(inputs.call);
    if (call.name !== 'check') {
        if (result.exitCode !== 0)
            throw new errors/* DockerError */.Bi('buildx build', result.exitCode, result.stderr);
        return;
    }
    let findings;
    try {
        findings = parseCheckFindings(result.stdout);
    }
    catch (error) {
        // No results at all: the build itself failed before the checks (a missing file, a bad flag).
        if (result.exitCode !== 0)
            throw new errors/* DockerError */.Bi('buildx build', result.exitCode, result.stderr);
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
    // `check,ignorestatus=true`: buildx exits 0 whatever it found; the findings stay annotations.
    if (call.ignoreStatus) {
        deps.reporter.info(`Check complete: ${findings.length} finding(s), not failing the step (ignorestatus)`);
        return;
    }
    const first = findings.find(f => f.level === 'error') ?? findings[0];
    const loc = where(first);
    throw new CheckError(`Dockerfile check: ${findings.length} finding(s); the first: ${findingText(first)}${first.line ? ` (line ${first.line})` : ''}`, loc && { file: loc.file, line: loc.line });
}

// EXTERNAL MODULE: ./node_modules/semver/functions/coerce.js
var coerce = __webpack_require__(5385);
var coerce_default = /*#__PURE__*/__webpack_require__.n(coerce);
// EXTERNAL MODULE: ./node_modules/semver/functions/lt.js
var lt = __webpack_require__(3872);
var lt_default = /*#__PURE__*/__webpack_require__.n(lt);
;// CONCATENATED MODULE: ./src/pipeline/gates.ts




const GATES = [{ input: 'call', since: '0.15.0', isSet: inputs => inputs.call !== '' }];
/** `a` before `b` as versions (`0.9.1` < `0.15.0`); what is not a version counts as 0.0.0. */
function versionBelow(a, b) {
    return lt_default()(coerce_default()(a) ?? '0.0.0', coerce_default()(b) ?? '0.0.0');
}
async function checkVersionGates(inputs, docker) {
    const set = GATES.filter(gate => gate.isSet(inputs));
    if (!set.length)
        return;
    const version = await docker.buildxVersion();
    for (const gate of set)
        if (versionBelow(version, gate.since))
            throw new parse/* InputError */.dz(gate.input, `needs buildx ${gate.since} or later, and this docker has buildx ${version} (${(0,input_ref/* advice */.v9)('update-buildx')}, or drop ${(0,parse/* ref */.KR)(gate.input)})`);
}

;// CONCATENATED MODULE: ./src/pipeline/login.ts
// The login phase: every registry-auth login through `docker login`, one after another, each checked to
// have landed in the run's DOCKER_CONFIG.
//
// One after another because `docker login` reads config.json, changes its entry and writes the file whole:
// two at once lose one of the logins, and the loss shows only later as a refused push. We keep docker
// writing the file, rather than writing it ourselves, because docker login first checks the credentials
// with the registry (a wrong password fails here, in docker's words) and stores what the registry hands
// back (an identity token instead of the password where the registry issues one); the seeded config pins
// each login host to the file store (docker-config.ts), so no credsStore or helper takes the login away
// from the file that dies with the run. A login takes well under a second: the cost of the order is small.




/** docker's placeholder user for a login stored as an identity token. */
const TOKEN_USER = '<token>';
async function logIn(inputs, deps) {
    const { docker, reporter } = deps;
    const users = new Map();
    for (const login of inputs.logins) {
        const { username, password } = deps.logins ? await deps.logins.resolve(login) : login;
        await (0,retry/* retry */.L5)(() => docker.login(loginHost(login.registry), username, password), (0,pipeline_plan/* retrying */.R$)(`login to ${login.registry}`, inputs.retries, reporter, deps.sleep, deps.cancelled)).catch(withHint(inputs, { registry: login.registry, repository: login.registry }));
        reporter.info(`Logged in to ${login.registry} as ${username}`);
        users.set(login.registry, username);
    }
    if (deps.dockerConfig)
        await checkLanded(inputs, deps.dockerConfig, users);
}
/**
 * Each login is found in the config, read afresh, the way the registry client will look it up. Whatever
 * rewrote the file in between, the error says so instead of blaming the credentials.
 */
async function checkLanded(inputs, dockerConfig, users) {
    // Helpers are never run: the login hosts are pinned to the file store.
    const lookup = (0,credentials/* credentialsFromDockerConfig */.N3)(dockerConfig, () => Promise.reject(new Error('not found')));
    for (const login of inputs.logins) {
        const found = await lookup(login.registry);
        if (found && (found.username === users.get(login.registry) || found.username === TOKEN_USER))
            continue;
        throw new retry/* ClassifiedError */.IP(`docker login to ${login.registry} succeeded, but ${dockerConfig}/config.json no longer holds that login: something else rewrote the file during the step`, 'fatal');
    }
}

// EXTERNAL MODULE: ./src/core/limiter.ts
var limiter = __webpack_require__(5543);
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
    // One target failing stops the others' pushes and fallbacks, and the phase ends only once every push has:
    // nothing of the run goes on writing to a registry after its error line.
    const perTarget = await (0,limiter/* allOrStop */.PR)(plan.targets.map(target => (signal) => pushTarget(inputs, target, built, size, inspecting, {
        ...deps,
        client: deps.clients.get(target.registry),
        signal
    })));
    return { digests: [...new Set(perTarget.flat())], image: await inspecting };
}
async function pushTarget(inputs, target, built, size, inspecting, deps) {
    const { docker, client, reporter, signal } = deps;
    const refs = target.refs;
    const hint = withHint(inputs, target);
    const pushDocker = (ref) => {
        const retries = (0,pipeline_plan/* retrying */.R$)(`push of ${ref}`, inputs.retries, reporter, deps.sleep, deps.cancelled);
        return (0,retry/* retry */.L5)(() => docker.push(ref, size, signal), {
            ...retries,
            maxElapsedMs: PUSH_RETRY_WINDOW_MS,
            windowFromFailure: true,
            // Another target's failure, or the run's cancel, ends a wait between attempts.
            signal: AbortSignal.any([signal, retries.signal])
        }).catch(hint);
    };
    const reported = await pushDocker(refs[0]).catch(async (error) => {
        throw await movedDuringPush(docker, built, refs[0], error);
    });
    let digests = reported ? [reported] : pushedDigests((await inspecting).repoDigests, target.repository);
    if (refs.length > 1) {
        signal.throwIfAborted();
        const tagged = digests.length === 1 && (await tagByApi(client, target, digests[0], built.identity, reporter));
        // The registry API may have failed only because the step is ending: no docker push after that.
        signal.throwIfAborted();
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
    return new verify/* VerificationError */.mk(`another build moved the tag ${ref} on this docker engine during the push (${(0,core_text/* messageOf */.bD)(error)}); nothing of this run's image is verified`);
}
/**
 * Puts the manifest docker just pushed (fetched by digest, so its bytes are checked) under the other tags,
 * once it is known to be this run's image: another run on the engine may have moved the first tag before
 * docker pushed it, and its image must not land under tags only this run names. False when the registry
 * API refuses: the caller then falls back to `docker push` for those tags.
 */
async function tagByApi(client, target, digest, identity, reporter) {
    const tags = target.tags.slice(1);
    let manifest;
    try {
        manifest = await client.getManifest(target.name, digest);
    }
    catch (error) {
        reporter.info(`The registry API did not answer for ${digest} (${(0,core_text/* messageOf */.bD)(error)}); pushing the other tags with docker`);
        return false;
    }
    if (!(0,verify/* isBuilt */.TQ)(manifest, identity))
        throw new verify/* VerificationError */.mk(`docker pushed ${target.refs[0]} as ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag on this docker engine before the push; ${tags.join(', ')} left as they were, nothing of this run's image is verified`);
    try {
        await Promise.all(tags.map(tag => client.putManifest(target.name, tag, manifest.body, manifest.mediaType)));
        reporter.info(`Tagged ${tags.join(', ')} on ${target.repository} through the registry API (no re-upload)`);
        return true;
    }
    catch (error) {
        reporter.info(`The registry API did not take the extra tags (${(0,core_text/* messageOf */.bD)(error)}); pushing them with docker`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/pipeline/result.ts
var pipeline_result = __webpack_require__(3641);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/registry/blobs.ts + 1 modules
var blobs = __webpack_require__(4147);
;// CONCATENATED MODULE: ./src/registry/blob-file.ts
// A blob of a registry saved to a file (an SBOM statement, tens of MB): streamed as a copy streams it,
// never buffered whole nor cut by a request's deadline, checked against its descriptor and bounded alike.



/**
 * Writes the blob `repo` on `client` serves as `blob` to `file`, resolving once all of it is there with
 * the descriptor's length and digest; the stream is read under the client's idle bound and ends after
 * `ceilingMs`. On a failure the file may hold part of it: the caller removes it. Not retried here.
 */
function saveBlob(client, repo, blob, file, ceilingMs, 
/** What the blob is called in errors. */
label) {
    return (0,blobs/* withCeiling */.yI)(blob, `${client.registry}/${repo}`, file, ceilingMs, async (signal) => {
        const checked = await (0,blobs/* openBlob */.Ym)(client, repo, blob, signal, label);
        await (0,external_node_stream_promises_.pipeline)(checked, (0,external_node_fs_.createWriteStream)(file, { mode: 0o644 }), { signal });
        return checked.bytes;
    });
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
;// CONCATENATED MODULE: ./src/pipeline/sbom.ts
// SBOM files: BuildKit puts each platform's SBOM inside the pushed index, as an in-toto statement in that
// platform's attestation manifest; actions/attest and scanners want a file. Each platform's SPDX document
// is written as the registry serves it (the statement's predicate), from the registry, after verification.
// A statement runs to tens of MB (BuildKit accepts 40 to 80 MiB): it is streamed to disk as a copy streams
// a blob, checked against its descriptor, and only then parsed.










const SPDX_PREDICATE = 'https://spdx.dev/Document';
const IN_TOTO = 'application/vnd.in-toto+json';
const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';
const PREDICATE_TYPE = 'in-toto.io/predicate-type';
const sbom_parse = (body, what) => {
    try {
        const value = JSON.parse(body.toString('utf8'));
        if (value && typeof value === 'object')
            return value;
    }
    catch {
        // reported below
    }
    throw new registry_errors/* RegistryError */.gl(`${what} is not a JSON object`, 'fatal');
};
/**
 * Whether the build asked BuildKit for SBOM attestations (`sbom`, or an `attests` line of type sbom): only
 * then are the attestation manifests read, so that other builds cost no extra registry request.
 */
function asksForSbom(inputs) {
    const sbom = inputs.sbom.trim();
    // buildx reads a bare value as a boolean (Go's words), anything else as the attestation's attributes.
    if (sbom !== '')
        return (0,go_bool/* goBool */.B)(sbom) ?? true;
    return inputs.attests.some(a => /(?:^|,)type=sbom(?:,|$)/.test(a) && !/(?:^|,)disabled=true(?:,|$)/.test(a));
}
/** File name for a platform: `linux/arm/v7` \u2192 `linux-arm-v7.spdx.json`. */
const sbomFileName = (platform) => `${platform.replace(/[^A-Za-z0-9._-]+/g, '-')}.spdx.json`;
/**
 * Each platform's SPDX statement of `index` (in `repo` on `client`), by platform as in platform-digests:
 * the in-toto layer of its attestation manifest, the first SPDX one. No SBOM attestations, none.
 */
async function sbomLayers(client, repo, index, platformDigests) {
    const out = new Map();
    const entries = sbom_parse(index.body, `the index ${index.digest}`).manifests;
    if (!Array.isArray(entries))
        return out;
    const platformOf = new Map(Object.entries(platformDigests).map(([p, d]) => [d, p]));
    for (const d of entries) {
        if (d.annotations?.[REFERENCE_TYPE] !== 'attestation-manifest')
            continue;
        const platform = platformOf.get(d.annotations[REFERENCE_DIGEST] ?? '');
        if (!platform || out.has(platform))
            continue;
        const manifest = await client.getManifest(repo, d.digest);
        const layer = (sbom_parse(manifest.body, `the attestation manifest ${d.digest}`).layers ?? []).find(l => l.mediaType === IN_TOTO && l.annotations?.[PREDICATE_TYPE] === SPDX_PREDICATE);
        if (layer)
            out.set(platform, layer);
    }
    return out;
}
/** The statement `layer` streamed to a file beside `file`, checked, and its predicate written as `file`. */
async function writeSbom(client, repo, layer, platform, file, deps) {
    const what = `the SBOM statement ${layer.digest} for ${platform}`;
    if (!Number.isSafeInteger(layer.size) || layer.size < 0 || layer.size > bounds/* MAX_SBOM_BYTES */.rI)
        throw new registry_errors/* RegistryError */.gl(`${what} in ${client.registry}/${repo} is ${layer.size} bytes, more than the ${bounds/* MAX_SBOM_BYTES */.rI} read back (BuildKit writes at most 80 MiB)`, 'fatal');
    const saved = `${file}.statement`;
    const ceilingMs = (0,bounds/* blobCeilingMs */.p0)(deps.bounds, layer.size);
    // A stream cannot be replayed: a transient failure reads the statement again, from its start.
    await (0,retry/* retry */.L5)(() => saveBlob(client, repo, layer, saved, ceilingMs, `${client.registry}/${repo}: ${what}`), (0,pipeline_plan/* retrying */.R$)(`reading ${what}`, deps.attempts, deps.reporter, deps.sleep));
    const statement = sbom_parse(await (0,promises_.readFile)(saved), what);
    await (0,promises_.rm)(saved);
    // The layer's annotation is the registry's word; the statement must say the same.
    if (statement.predicateType !== SPDX_PREDICATE ||
        !statement.predicate ||
        typeof statement.predicate !== 'object')
        throw new registry_errors/* RegistryError */.gl(`${what} is not an SPDX in-toto statement`, 'fatal');
    await (0,promises_.writeFile)(file, JSON.stringify(statement.predicate));
}
/**
 * The SBOM files of `manifest` as `repo` serves it, when it is an index that carries SBOM attestations:
 * platform \u2192 file, under a new directory in `tempRoot` (RUNNER_TEMP: outside the step's private
 * directory, so later steps of the job read them). Nothing to write, no directory; a failure leaves none.
 */
async function sbomFiles(client, repo, manifest, platformDigests, tempRoot, deps) {
    if (!(0,oci/* isIndex */.nw)(manifest.mediaType))
        return {};
    const layers = await sbomLayers(client, repo, manifest, platformDigests);
    if (!layers.size)
        return {};
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(tempRoot, 'build-tag-push-sbom-'));
    const out = {};
    try {
        for (const [platform, layer] of layers) {
            const file = external_node_path_default().join(dir, sbomFileName(platform));
            await writeSbom(client, repo, layer, platform, file, deps);
            out[platform] = file;
        }
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
    return out;
}
/**
 * The SBOM files of the verified digest, read from the first target; reported, as files later steps use.
 * The push is verified by then and the tags are written: SBOM files that cannot be read back are a
 * warning and empty outputs, not a failed step (build-push-action never reads them back). A cancel, or a
 * fault of our own, still fails.
 */
async function sbomsOf(client, repo, manifest, platformDigests, deps) {
    if (!deps.tempRoot)
        return {};
    let files;
    try {
        const m = await manifest();
        files = m ? await sbomFiles(client, repo, m, platformDigests, deps.tempRoot, deps) : {};
    }
    catch (error) {
        const system = typeof error?.code === 'string';
        if (deps.cancelled?.aborted || !(error instanceof registry_errors/* RegistryError */.gl || system))
            throw error;
        deps.reporter.warning(`SBOM files not written, so sbom-path is empty (the image is pushed and verified): ${(0,core_text/* messageOf */.bD)(error)}`);
        return {};
    }
    for (const [platform, file] of Object.entries(files))
        deps.reporter.info(`SBOM (${platform}): ${file}`);
    return files;
}

// EXTERNAL MODULE: ./src/registry/cloud/detect.ts
var detect = __webpack_require__(2382);
// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __webpack_require__(5831);
;// CONCATENATED MODULE: ./src/pipeline/cloud-logins.ts



/** A token must last at least this long from when it comes to be used at all. */
const EXPIRY_MARGIN_MS = 60_000;
class Logins {
    byRegistry = new Map();
    tokens = new Map();
    opts;
    /** Token service calls made this run, per registry. */
    calls = new Map();
    constructor(logins, opts) {
        for (const login of logins)
            this.byRegistry.set(login.registry, login);
        this.opts = opts;
    }
    /** The username and password for `login`, masked before they are returned. */
    async resolve(login) {
        const { reporter } = this.opts;
        // A secret access key given as the password is masked like any password.
        (0,masks/* credentialSecrets */.DJ)(login.username, login.password).forEach(v => reporter.setSecret(v));
        if (!login.cloud)
            return { username: login.username, password: login.password };
        const token = await this.token(login, login.cloud);
        return { username: token.username, password: token.password };
    }
    /** The registry client's credentials: a cloud login's token for its registry, `fallback` for the rest. */
    lookup(fallback) {
        return async (registry) => {
            const login = this.byRegistry.get(registry);
            if (login?.cloud)
                return this.resolve(login);
            return fallback?.(registry);
        };
    }
    token(login, cloud) {
        const now = this.opts.now ?? Date.now;
        const cached = this.tokens.get(login.registry);
        // A failed fetch stays failed: a refusal is not asked again within the run.
        // Reused while it has the margin a fresh one must have; fetched again once it has not.
        if (cached && !(cached.token && cached.token.expiresAt - EXPIRY_MARGIN_MS <= now()))
            return cached.promise;
        const entry = { promise: this.fetch(login, cloud) };
        entry.promise.then(token => (entry.token = token), () => { });
        this.tokens.set(login.registry, entry);
        return entry.promise;
    }
    async fetch(login, cloud) {
        const { reporter, attempts, timeoutMs } = this.opts;
        this.calls.set(login.registry, (this.calls.get(login.registry) ?? 0) + 1);
        let token;
        if (cloud.kind === 'hub-oidc') {
            const idToken = this.opts.idToken;
            if (!idToken)
                throw new Error(`Docker Hub OIDC login for ${login.registry} needs the job's OIDC token, which only the action gets: log in to Docker Hub before running the CLI`);
            const { hubOidcToken } = await __webpack_require__.e(/* import() */ 486).then(__webpack_require__.bind(__webpack_require__, 7486));
            token = await hubOidcToken({
                registry: login.registry,
                username: login.username,
                settings: cloud,
                idToken,
                attempts,
                timeoutMs,
                sleep: this.opts.sleep,
                onRetry: m => reporter.warning(m),
                onSecret: v => reporter.setSecret(v),
                proxy: this.opts.proxy,
                onWarning: m => reporter.warning(m),
                signal: this.opts.cancelled
            });
        }
        else {
            const { ecrToken } = await __webpack_require__.e(/* import() */ 51).then(__webpack_require__.bind(__webpack_require__, 4051));
            token = await ecrToken({
                registry: login.registry,
                public: cloud.kind === 'ecr-public',
                region: cloud.region,
                registryId: cloud.kind === 'ecr' ? cloud.registryId : undefined,
                accessKey: login.username ? { id: login.username, secret: login.password } : undefined,
                attempts,
                timeoutMs,
                sleep: this.opts.sleep,
                onRetry: m => reporter.warning(m),
                proxy: this.opts.proxy,
                onWarning: m => reporter.warning(m),
                signal: this.opts.cancelled
            });
        }
        // A token that masking would turn against the log (`sha256`, a short word) hides every digest or name
        // and drops the outputs that hold one: no real token service issues one, so it is refused.
        if (!(0,masks/* maskableToken */.mv)(token.password))
            throw new retry/* ClassifiedError */.IP(`${(0,detect/* cloudService */.rf)(cloud)} gave ${login.registry} a token too short or too much like a digest to be masked (${token.password.length} characters)`, 'fatal');
        // Masked before anything can print or send it.
        (0,masks/* credentialSecrets */.DJ)(token.username, token.password).forEach(v => reporter.setSecret(v));
        // A token that is already spent would be used, kept for later steps and asked for again at every lookup.
        const now = (this.opts.now ?? Date.now)();
        if (token.expiresAt <= now + EXPIRY_MARGIN_MS) {
            const at = new Date(token.expiresAt).toISOString();
            throw new retry/* ClassifiedError */.IP(token.expiresAt <= now
                ? `${(0,detect/* cloudService */.rf)(cloud)} gave a token for ${login.registry} that expired at ${at}`
                : `${(0,detect/* cloudService */.rf)(cloud)} gave a token for ${login.registry} that expires at ${at}, in less than ${EXPIRY_MARGIN_MS / 1000} s`, 'fatal');
        }
        const until = Number.isFinite(token.expiresAt)
            ? `, valid until ${new Date(token.expiresAt).toISOString()}`
            : '';
        reporter.info(`Got a login for ${login.registry} from ${(0,detect/* cloudService */.rf)(cloud)}${until}`);
        return token;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/index.ts
// The job itself: plan \u2192 build \u2192 push \u2192 verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call execute().

































/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
async function execute(inputs, opts) {
    const env = opts.env ?? process.env;
    const userConfigDir = (0,credentials/* dockerConfigDir */.kG)(env);
    // buildx is found as docker finds plugins, before anything is created: a buildx-only input without it is
    // an input error.
    const plugin = buildxPlugin(userConfigDir, env);
    const buildx = plugin !== undefined;
    (0,parse/* checkBuilder */.ub)(inputs, buildx);
    // From here a cancel (SIGINT, SIGTERM, SIGHUP, a closed stdout or stderr) in any phase ends the run as
    // cancelled, its directories removed.
    const release = (0,docker_cancel/* guardSignals */.xH)();
    const workDir = await (0,promises_.mkdtemp)(external_node_path_default().join(opts.tempRoot, 'build-tag-push-'));
    // Synchronously: node's native removal takes well under a millisecond for what is usually here (a config,
    // the iidfile), where the promise-based one walks the tree in JavaScript and took 2 to 5 ms every run.
    const removeWorkDir = () => (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    const forgetWorkDir = (0,docker_cancel/* cleanUpOnForcedExit */.rS)(removeWorkDir);
    opts.onWorkDir?.(workDir);
    try {
        const configDir = external_node_path_default().join(workDir, 'docker-config');
        const dockerEnv = { ...env, DOCKER_CONFIG: configDir };
        // docker's own temporary files (a git context's clone, with its URL in .git/config) go with ours.
        const tmp = external_node_path_default().join(workDir, 'tmp');
        const [[defaults, git]] = await Promise.all([
            loadGitContext(m => opts.reporter.warning(m), env).then(async (ctx) => {
                // What the event does not carry comes from the repository API (a schedule's default branch, a
                // commit's date), so the metadata is made once, after it.
                const api = { token: inputs.githubToken, attempts: inputs.retries, reporter: opts.reporter, env };
                const sha = commitDateWanted(inputs, ctx);
                const [repository, commitDate] = await Promise.all([
                    loadRepository(ctx, api),
                    sha ? loadCommitDate(ctx, sha, api) : undefined
                ]);
                const facts = { defaultBranch: repository.defaultBranch, commitDate };
                const meta = buildMetadata(inputs, ctx, new Date(), facts, repository.labels);
                // Before the login and the build: rules that tag nothing for this event cannot be pushed.
                checkTagged(inputs, meta, ctx);
                return [meta, (0,pipeline_plan/* gitOrigin */.Xf)(ctx, env)];
            }),
            (0,config/* createPrivateConfig */.Ch)(configDir, userConfigDir, inputs.logins.map(l => l.registry)),
            (0,promises_.mkdir)(tmp, { mode: 0o700 })
        ]);
        opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`);
        defaults.warnings.forEach(w => opts.reporter.warning(w));
        if (inputs.tagRules.length)
            opts.reporter.info(`Tags from the rules: ${defaults.tags.join(', ') || 'none, so the image stays untagged'}`);
        opts.reporter.debug(`tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`);
        // The tags are the rules' (or the automatic ones) from here on, `[]` building untagged; the
        // annotations are rendered.
        const result = await runPipeline({ ...inputs, tags: defaults.tags, annotations: defaults.userAnnotations }, {
            docker: new Docker((0,exec/* createExecRunner */.S)(opts.out), { ...dockerEnv, TMPDIR: tmp }, plugin),
            reporter: opts.reporter,
            workDir,
            credentials: (0,credentials/* credentialsFromDockerConfig */.N3)(configDir),
            dockerConfig: configDir,
            labels: defaults.labels,
            metadata: defaults,
            defaultTags: defaults.tags,
            buildx,
            driver: buildx ? builderDriver(userConfigDir, inputs.builder, env) : undefined,
            git,
            registryBounds: (0,bounds/* registryBoundsFrom */.z4)(env),
            proxy: (0,proxy/* proxyRules */.EK)(env),
            tempRoot: opts.tempRoot,
            idToken: opts.idToken,
            onLogins: opts.onLogins
        });
        // From sources, the labels and annotations are those on what was pushed, not those a build would set.
        const { labels, annotations, levels } = result.meta ?? { ...defaults, levels: undefined };
        return { ...result, meta: { version: defaults.version, labels, annotations, levels } };
    }
    catch (error) {
        throw cancelledOr(error);
    }
    finally {
        removeWorkDir();
        forgetWorkDir();
        release();
    }
}
/** After a cancel, whatever failed failed because of it: say so, unless the error already does. */
function cancelledOr(error) {
    if (!docker_cancel/* runCancelled */.LJ.aborted || /the run was cancelled/.test((0,core_text/* messageOf */.bD)(error)))
        return error;
    return new retry/* ClassifiedError */.IP(`the run was cancelled (${String(docker_cancel/* runCancelled */.LJ.reason)})`, 'fatal');
}
async function runPipeline(inputs, given) {
    // One token per cloud login for the run: the login, the preflight, the push and the verification share it.
    const logins = given.logins ??
        new Logins(inputs.logins, {
            reporter: given.reporter,
            attempts: inputs.retries,
            timeoutMs: boundsOf(given).requestMs,
            idToken: given.idToken,
            sleep: given.sleep,
            proxy: given.proxy,
            cancelled: docker_cancel/* runCancelled */.LJ
        });
    given.onLogins?.(logins);
    const deps = { ...given, logins, credentials: logins.lookup(given.credentials) };
    // One client per registry for the run: the reachability check and verification share its connections
    // and tokens.
    const pushes = (0,pipeline_plan/* destinations */.uC)(inputs, deps.buildx ?? false, deps.driver).pushedBy !== 'none';
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
    const waitedBefore = (0,process_time/* processTime */.$A)();
    // A cancel ends every request in flight, and any later one at once.
    const closeAll = () => {
        for (const client of clients.values())
            client.close();
    };
    docker_cancel/* runCancelled */.LJ.addEventListener('abort', closeAll);
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
        // The time spent waiting on docker: the rest of the run's wall time is the action's own.
        const durations = { ...result.durations, docker: Math.round((0,process_time/* processTime */.$A)() - waitedBefore) };
        return { ...result, durations, counts };
    }
    finally {
        docker_cancel/* runCancelled */.LJ.removeEventListener('abort', closeAll);
        closeAll();
    }
}
const boundsOf = (deps) => deps.registryBounds ?? (0,bounds/* registryBoundsFrom */.z4)({});
function registryClient(registry, inputs, deps) {
    const client = new api/* RegistryClient */.bP({
        registry,
        credentials: deps.credentials,
        attempts: inputs.retries,
        timeoutMs: boundsOf(deps).requestMs,
        onRetry: message => deps.reporter.warning(`registry ${registry}: ${message}`),
        // Every token and credential the client obtains is masked before it is used.
        onSecret: value => deps.reporter.setSecret(value),
        proxy: deps.proxy,
        onWarning: message => deps.reporter.warning(message),
        sleep: deps.sleep,
        insecure: async () => {
            const insecure = await dockerTreatsAsInsecure(deps.docker, registry);
            if (insecure)
                deps.reporter.info(`${registry} is an insecure registry for this docker engine: verifying without TLS checks, as docker pushes`);
            return insecure;
        }
    });
    if (docker_cancel/* runCancelled */.LJ.aborted)
        client.close();
    return client;
}
async function phases(inputs, deps, clients, 
/** Told how many registry requests the verification made (the benchmark reports it). */
verification, clientFor) {
    const { docker, reporter } = deps;
    const durations = {};
    // An input that needs a newer buildx fails here, before anything is written or sent.
    if (deps.buildx)
        await checkVersionGates(inputs, docker);
    const plan = await (0,pipeline_plan/* makePlan */.Cs)(inputs, { ...deps, buildx: deps.buildx ?? false });
    // A push by digest may name repositories of its own (the output's `name=`).
    if (clients.size)
        for (const t of plan.targets)
            clientFor(t.registry);
    const builder = plan.buildx ? 'buildx' : 'classic';
    // Before the build: an unreachable registry, or one that would refuse the push, should cost seconds, not
    // a build. The logins come first, so that the check sees the credentials they stored.
    if (inputs.logins.length)
        await (0,log_reporter/* timed */.ay)(durations, 'login', () => logIn(inputs, deps));
    // `call: check` and the like evaluate the Dockerfile: nothing is built, so nothing is pushed.
    if ((0,build_options/* isEvaluation */.lZ)(inputs)) {
        await reporter.group(`Build (call: ${inputs.call})`, () => (0,log_reporter/* timed */.ay)(durations, 'build', () => evaluate(inputs, plan, deps)));
        return (0,pipeline_result/* resultOf */.B)({ refs: [], builder, durations, iid: '' });
    }
    if (clients.size)
        await (0,log_reporter/* timed */.ay)(durations, 'preflight', () => Promise.all(plan.targets.map(t => clients.get(t.registry).checkPushAccess(t.name).catch(withHint(inputs, t)))));
    // Images already built, in a registry or on this machine: resolved, copied or merged, and verified.
    if (inputs.sources.length && clients.size) {
        // Loaded only for sources: a build does not pay for the copier, the archive readers and zlib.
        const { fromSources } = await __webpack_require__.e(/* import() */ 484).then(__webpack_require__.bind(__webpack_require__, 2484));
        const promoted = await fromSources(inputs, plan, {
            reporter,
            docker,
            workDir: deps.workDir,
            clientFor,
            sleep: deps.sleep,
            durations,
            verification,
            bounds: boundsOf(deps)
        });
        // Only when asked: a promoted image's SBOMs may run to tens of MB each, which nobody may want.
        if (!asksForSbom(inputs))
            return promoted;
        const [first] = plan.targets;
        const client = clients.get(first.registry);
        const manifest = () => client.getManifest(first.name, promoted.digest);
        const sboms = await sbomsOf(client, first.name, manifest, promoted.platformDigests, sbomDeps(inputs, deps));
        return { ...promoted, sboms };
    }
    // The verification hashes what each registry serves. node's crypto is loaded on first use (the bundle's
    // src/lazy/crypto.cjs): better while docker builds than after the push.
    if (clients.size)
        (0,process_time/* whileDockerRuns */.Qn)(() => Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7598, 23)));
    const built = await reporter.group('Build', () => (0,log_reporter/* timed */.ay)(durations, 'build', () => build(inputs, plan, deps)));
    // imageid is what docker wrote to --iidfile, as build-push-action reads it: a newer buildx writes there the
    // digest the containerd store knows the image by, where the metadata's config digest names nothing it has.
    const refs = plan.byDigest ? [] : plan.build.refs;
    const outcome = { refs, builder, durations, iid: built.iid, metadata: built.metadata };
    if (!clients.size) {
        const image = plan.local === 'yes'
            ? await inspectBuilt(docker, built, plan.build.refs)
            : plan.local === 'maybe'
                ? await inspectBuilt(docker, built, plan.build.refs).catch(() => undefined)
                : undefined;
        return (0,pipeline_result/* resultOf */.B)({ ...outcome, image });
    }
    const pushed = await reporter.group('Push', () => (0,log_reporter/* timed */.ay)(durations, 'push', () => push(inputs, plan, built, { ...deps, clients })));
    const verified = await reporter.group('Verify', () => (0,log_reporter/* timed */.ay)(durations, 'verify', async () => {
        const before = requests(clients);
        const check = plan.byDigest ? verify/* verifyByDigest */.BO : verify/* verifyTargets */.I6;
        const result = await check(plan.targets, clients, pushed, built, reporter);
        verification.requests = requests(clients) - before;
        return result;
    }));
    const where = plan.targets.map(t => t.registry).filter((r, i, all) => all.indexOf(r) === i);
    const count = plan.byDigest ? plan.targets.length : plan.targets.reduce((n, t) => n + t.tags.length, 0);
    reporter.info(`Verified: ${count} reference(s) on ${where.join(', ')} serve ${verified.digest}`);
    const result = (0,pipeline_result/* resultOf */.B)({ ...outcome, image: pushed.image, verified });
    if (!asksForSbom(inputs))
        return result;
    const [first] = plan.targets;
    const sboms = await sbomsOf(clients.get(first.registry), first.name, async () => verified.manifest, result.platformDigests, sbomDeps(inputs, deps));
    return { ...result, sboms };
}
const sbomDeps = (inputs, deps) => ({
    tempRoot: deps.tempRoot,
    reporter: deps.reporter,
    bounds: boundsOf(deps),
    attempts: inputs.retries,
    sleep: deps.sleep,
    cancelled: docker_cancel/* runCancelled */.LJ
});
const requests = (clients) => [...clients.values()].reduce((sum, c) => sum + c.requestCount, 0);


/***/ }),

/***/ 9863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uC: () => (/* binding */ destinations),
  Xf: () => (/* binding */ gitOrigin),
  $G: () => (/* binding */ loadsOutput),
  Cs: () => (/* binding */ makePlan),
  R$: () => (/* binding */ retrying)
});

// UNUSED EXPORTS: exportsFiles, outputDest

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/pipeline/annotate.ts
var annotate = __webpack_require__(9268);
// EXTERNAL MODULE: ./src/inputs/error.ts
var error = __webpack_require__(1551);
// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __webpack_require__(8042);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __webpack_require__(6080);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/core/userinfo.ts
var userinfo = __webpack_require__(928);
;// CONCATENATED MODULE: ./src/docker/git-context.ts
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
/** `{{defaultContext}}` \u2192 the URL; `{{defaultContext}}:sub` \u2192 the URL with `:sub` after its ref. */
function expandDefaultContext(value, url, input) {
    const m = build_options/* DEFAULT_CONTEXT */.A2.exec(value);
    if (!m)
        return value;
    if (!url)
        throw new error/* InputError */.d(input, `{{defaultContext}} is this commit on GitHub, and there is no GitHub context here (GITHUB_REPOSITORY is not set); give ${(0,table/* ref */.KR)(input)} a path or a git URL`);
    return m[1] ? `${url}:${m[1]}` : url;
}
/** An http(s) URL that docker and BuildKit treat as a git repository. */
function isHttpGitUrl(value, githubHost) {
    const url = httpAuthority(value);
    if (!url?.host)
        return false;
    return /\.git$/.test(/^[^#\s]*/.exec(url.rest)[0]) || url.host.toLowerCase() === githubHost;
}
/** An http(s) URL's authority (urlAuthorities: userinfo before the last `@`), undefined for anything else. */
function httpAuthority(value) {
    const url = (0,userinfo/* authorityOf */.vO)(value);
    return url && /^https?$/i.test(url.scheme) ? url : undefined;
}
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
        const { key, value } = (0,core_text/* splitKeyValue */.px)(entry);
        return { key, value: expandDefaultContext(value, opts.defaultContext, 'build-contexts') };
    });
    const join = (n) => `${n.key}=${n.value}`;
    // The classic builder's git clones the URL itself: it gets the URL as written.
    if (!opts.buildx)
        return { context, buildContexts: named.map(join), secrets: [] };
    const githubHost = httpAuthority(opts.serverUrl)?.host.toLowerCase() ?? '';
    const secrets = new Map();
    const gitHosts = new Set();
    const strip = (value) => {
        if (!isHttpGitUrl(value, githubHost))
            return value;
        const url = httpAuthority(value);
        // The host as BuildKit's secret ids name it: with the port, lowercased.
        const host = url.host.toLowerCase();
        gitHosts.add(host);
        // https only: over plain http this BuildKit (0.13, dockerd 26) sends no secret with the fetch (tried
        // against a local git server), so an http URL keeps its userinfo, masked as before.
        if (url.userinfo === undefined || !/^https$/i.test(url.scheme))
            return value;
        const { user, password = '' } = (0,userinfo/* splitUserinfo */.Gw)(url.userinfo);
        const [name, secret] = [(0,core_text/* percentDecoded */.oF)(user), (0,core_text/* percentDecoded */.oF)(password)];
        if (name === 'x-access-token' && secret)
            secrets.set(`GIT_AUTH_TOKEN.${host}`, secret);
        else
            secrets.set(`GIT_AUTH_HEADER.${host}`, `basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`);
        return `${value.slice(0, url.scheme.length + 3)}${url.host}${url.rest}`;
    };
    const resolved = {
        context: strip(context),
        buildContexts: named.map(n => join({ ...n, value: strip(n.value) }))
    };
    const given = new Set(inputs.secrets.map(line => (0,core_text/* splitKeyValue */.px)(line).key));
    const tokenId = `GIT_AUTH_TOKEN.${githubHost}`;
    const taken = [tokenId, 'GIT_AUTH_TOKEN', `GIT_AUTH_HEADER.${githubHost}`].some(id => given.has(id) || secrets.has(id));
    if (inputs.githubToken && gitHosts.has(githubHost) && !taken)
        secrets.set(tokenId, inputs.githubToken);
    // A user's own secret of the same id wins: theirs is passed, ours not.
    for (const id of given)
        secrets.delete(id);
    return { ...resolved, secrets: [...secrets].map(([key, value]) => ({ key, value })) };
}

// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __webpack_require__(5831);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
// EXTERNAL MODULE: ./src/inputs/csv.ts
var csv = __webpack_require__(3881);
;// CONCATENATED MODULE: ./src/docker/gha-cache.ts
// `type=gha` cache entries completed as build-push-action completes them, and one step further. BPA adds
// `repository=` and `ghtoken=` to an exported gha cache, so that BuildKit lists cache keys through the
// GitHub API with the job's token instead of the cache API's tighter rate limits. BuildKit's default scope
// (`buildkit`) is one per repository: several images built in one workflow overwrite each other's cache,
// so an entry without `scope=` gets the image's own (and the build target's).

/** The keys of a cache spec's fields; `type` with its value. */
function keysOf(spec) {
    let type = '';
    const keys = new Set();
    for (const field of (0,csv/* csvRecords */.X)(spec)[0] ?? []) {
        const at = field.indexOf('=');
        const key = (at < 0 ? field : field.slice(0, at)).trim().toLowerCase();
        keys.add(key);
        if (key === 'type')
            type = field.slice(at + 1).trim();
    }
    return { type, keys };
}
const isGhaCache = (spec) => keysOf(spec).type === 'gha';
/** Whether a gha entry of `specs` names no scope (and so gets the image's). */
const lacksScope = (specs) => specs.some(spec => {
    const { type, keys } = keysOf(spec);
    return type === 'gha' && !keys.has('scope');
});
/**
 * `specs` with each gha entry completed: `scope=` when it names none; for an export (`cache-to`) also
 * `repository=` and `ghtoken=` as BPA adds them (an import never lists keys, so it needs neither).
 */
function ghaCacheSpecs(specs, ctx, exported) {
    return specs.map(spec => {
        const { type, keys } = keysOf(spec);
        if (type !== 'gha')
            return spec;
        const extra = [];
        if (!keys.has('scope'))
            extra.push(`scope=${ctx.scope}`);
        if (exported && ctx.repository && !keys.has('repository'))
            extra.push(`repository=${ctx.repository}`);
        if (exported && ctx.token && !keys.has('ghtoken'))
            extra.push(`ghtoken=${ctx.token}`);
        return [spec, ...extra].join(',');
    });
}
/**
 * The scope of an image (`octo/app`) built at `target`: `octo/app`, or `octo/app-target`; with no image
 * (nothing names it), BuildKit's own default scope, `buildkit`.
 */
const ghaScope = (image, target) => {
    const base = image || 'buildkit';
    return target ? `${base}-${target}` : base;
};

// EXTERNAL MODULE: ./src/docker/cancel.ts
var cancel = __webpack_require__(1092);
// EXTERNAL MODULE: ./src/inputs/tags.ts
var tags = __webpack_require__(4480);
;// CONCATENATED MODULE: ./src/pipeline/plan.ts
// Phase 1: everything decided before docker runs: references, where the result goes, secret files.












/** The GitOrigin of this run's commit, from the event's context and the runner's variables. */
function gitOrigin(ctx, env) {
    const run = env.GITHUB_RUN_ID?.trim();
    return {
        serverUrl: ctx.serverUrl,
        defaultContext: ctx.repository ? defaultGitContext(ctx, env) : undefined,
        repository: ctx.repository || undefined,
        runUrl: ctx.repository && run
            ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${run}/attempts/${env.GITHUB_RUN_ATTEMPT?.trim() || '1'}`
            : undefined
    };
}
/** An output spec that writes files (`type=local`, `type=tar`, or a bare path, which buildx reads as local). */
const exportsFiles = (spec) => /(?:^|,)type=(?:local|tar)(?:,|$)/.test(spec) || !spec.includes('=');
/** Where an output spec writes: its `dest=`, or a bare path; undefined for one that writes no file. */
const outputDest = (spec) => spec.includes('=') ? (0,build_options/* outputAttrs */.SC)(spec).get('dest') : spec;
/** An output that puts the image in the engine's store: `type=docker` without a `dest=`. */
const loadsOutput = (spec) => (0,build_options/* outputAttrs */.SC)(spec).get('type') === 'docker' && outputDest(spec) === undefined;
/** An output buildx's `--load` or `docker push` can stand in for: no attribute but its type, name and push. */
const plainOutput = (spec) => spec.includes('=') && [...(0,build_options/* outputAttrs */.SC)(spec).keys()].every(key => ['type', 'name', 'push'].includes(key));
/**
 * Whether the build both loads and pushes the image through the outputs (`type=docker` beside `push: true`,
 * `type=registry` beside `load: true`, or both as outputs), each a plain one: buildx runs two exporters for
 * one name, and the docker driver's containerd store at times refuses the second (`already exists`).
 */
function loadsAndPushes(inputs) {
    const { outputs } = inputs;
    return (outputs.length > 0 &&
        outputs.every(spec => plainOutput(spec) && (loadsOutput(spec) || (0,build_options/* pushesOutput */.Ij)(spec))) &&
        (inputs.load || outputs.some(loadsOutput)) &&
        (0,build_options/* outputsPush */.ZU)(inputs));
}
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
    // Outputs that load and push go the same way: the build exports once.
    const single = driver === 'docker' && inputs.platforms.length <= 1;
    if (single && ((inputs.push && !inputs.outputs.length) || loadsAndPushes(inputs)))
        return { pushedBy: 'docker', local: 'yes', exports: ['--load'] };
    const load = inputs.load ? ['--load'] : [];
    if (inputs.outputs.length) {
        // The outputs decide; `push: true` given outright adds buildx's `--push` as build-push-action does
        // (buildx then pushes an image output, or adds one that pushes). Left to its default it adds nothing.
        const push = inputs.push && inputs.pushGiven && !inputs.outputs.some(build_options/* pushesOutput */.Ij) ? ['--push'] : [];
        return {
            pushedBy: (0,build_options/* outputsPush */.ZU)(inputs) ? 'buildx' : 'none',
            local: inputs.load ? 'yes' : 'no',
            exports: [...inputs.outputs.map(spec => `--output=${spec}`), ...push, ...load]
        };
    }
    return {
        pushedBy: inputs.push ? 'buildx' : 'none',
        local: inputs.load ? 'yes' : 'maybe',
        exports: [...(inputs.push ? ['--push'] : []), ...load]
    };
}
async function makePlan(inputs, opts) {
    // A git URL's userinfo is a credential (x-access-token:\u2026): masked before docker prints the URL.
    for (const secret of [inputs.context, ...inputs.buildContexts].flatMap(masks/* urlSecrets */.Fn))
        opts.reporter.setSecret(secret);
    if (inputs.githubToken)
        opts.reporter.setSecret(inputs.githubToken);
    const git = gitSources(inputs, {
        buildx: opts.buildx,
        serverUrl: opts.git?.serverUrl ?? 'https://github.com',
        defaultContext: opts.git?.defaultContext
    });
    const tags = inputs.tags.length ? inputs.tags : (opts.defaultTags ?? ['latest']);
    const { exports, ...where } = destinations(inputs, opts.buildx, opts.driver);
    const byDigest = where.pushedBy === 'buildx' ? inputs.outputs.find(build_options/* pushesByDigest */.iq) : undefined;
    if (byDigest !== undefined && (opts.driver ?? 'docker') === 'docker')
        throw new error/* InputError */.d('outputs', `${(0,core_text/* quote */.hD)(byDigest)}: a push by digest needs a builder of its own (docker-container, remote, kubernetes: docker/setup-buildx-action makes one), as buildx's docker driver does not implement push-by-digest`);
    const targets = byDigest === undefined ? tagTargets(inputs, tags) : digestTargets(inputs, byDigest);
    const gha = { scope: ghaScope(inputs.image, inputs.target), repository: opts.git?.repository };
    if (opts.buildx && lacksScope([...inputs.cacheFrom, ...inputs.cacheTo]))
        opts.reporter.info(`type=gha cache without scope: using scope=${gha.scope}, this image's own${inputs.target ? ' at this target' : ''}, so that images built in one workflow keep apart caches (give scope= to choose)`);
    // No target where nothing names the image (nothing pushed, parse.ts): built untagged.
    const [first] = targets;
    return {
        ...where,
        tags: first?.tags ?? [],
        targets,
        repository: first?.repository ?? '',
        name: first?.name ?? '',
        buildx: opts.buildx,
        byDigest: byDigest !== undefined,
        build: {
            // By digest, buildx names the push after its tags, or the output's `name=` when it has none; a tag
            // in either makes BuildKit refuse the push.
            refs: byDigest === undefined
                ? targets.flatMap(t => t.refs)
                : (0,build_options/* outputNames */.gr)(byDigest).length
                    ? []
                    : targets.map(t => t.repository),
            iidfile: inputs.outputs.some(exportsFiles) ? undefined : external_node_path_default().join(opts.workDir, 'iid'),
            labels: opts.labels ?? inputs.labels,
            annotations: opts.buildx ? (0,annotate/* buildAnnotations */.P)(inputs, opts.labels ?? inputs.labels) : [],
            metadataFile: opts.buildx ? external_node_path_default().join(opts.workDir, 'metadata.json') : undefined,
            secretFiles: await secretFiles(inputs, opts.workDir, opts.reporter, git.secrets),
            context: git.context,
            buildContexts: git.buildContexts,
            builderId: opts.buildx ? opts.git?.runUrl : undefined,
            cacheFrom: ghaCacheSpecs(inputs.cacheFrom, gha, false),
            cacheTo: ghaCacheSpecs(inputs.cacheTo, { ...gha, token: inputs.githubToken || undefined }, true),
            exports
        }
    };
}
/** Each image with its tags: the run's, or its own when full references name them. */
function tagTargets(inputs, tags) {
    return inputs.targets.map(({ registry, image, tags: own }) => targetOf(registry, image, own ?? tags));
}
/** Where a push by digest goes: each name of the output's `name=`, else each image; no tags. */
function digestTargets(inputs, spec) {
    const names = (0,build_options/* outputNames */.gr)(spec).map(name => (0,tags/* parseFullRef */.E_)(name));
    const images = names.length ? names : inputs.targets;
    const targets = images.map(({ registry, image }) => targetOf(registry, image, []));
    return targets.filter((t, i) => targets.findIndex(o => o.repository === t.repository) === i);
}
function targetOf(registry, image, tags) {
    const repo = (0,reference/* repository */.Jk)(registry, image);
    return {
        registry,
        repository: repo,
        name: (0,reference/* remotePath */.QZ)(registry, image),
        tags,
        refs: tags.map(t => `${repo}:${t}`)
    };
}
/**
 * Every build secret as an id and a file for `--secret id=\u2026,src=\u2026`: `secrets` values and `secret-envs`
 * variables go to their own 0600 files in the private directory, never into argv; `secret-files` are used
 * where they are. Every value is masked first, line by line for multi-line ones.
 */
async function secretFiles(inputs, workDir, reporter, 
/** Secrets of our own: the git fetch's credentials (src/git-source.ts). */
extra = []) {
    const written = [
        ...extra,
        ...inputs.secrets.map(line => (0,core_text/* splitKeyValue */.px)(line)),
        ...inputs.secretEnvs.map(line => {
            const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
            return { key, value: process.env[value] ?? '' };
        })
    ];
    const fromFiles = await Promise.all(inputs.secretFiles.map(async (line) => {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
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
    for (const secret of (0,masks/* valueSecrets */.tf)(value))
        reporter.setSecret(secret);
}
/** Retry options that tell the user about each retry, and stop at once when the run is cancelled. */
const retrying = (what, attempts, reporter, sleep, 
/** The run's cancel; tests give their own. */
cancelled = cancel/* runCancelled */.LJ) => ({
    attempts,
    sleep,
    signal: cancelled,
    onRetry: info => reporter.warning(`${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${(0,core_text/* messageOf */.bD)(info.error)}`)
});


/***/ }),

/***/ 3641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ resultOf)
/* harmony export */ });
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9833);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6153);


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
            ? (o.verified.platformDigests ??
                (0,_verify_js__WEBPACK_IMPORTED_MODULE_0__/* .platformDigests */ .Hm)(o.verified.manifest, o.image?.platform ?? o.verified.described?.platform))
            : {},
        size: o.image?.size ?? o.verified?.described?.size ?? 0,
        buildx: o.metadata ? asPushed(o.metadata, o.verified) : {},
        builder: o.builder,
        durations: o.durations
    };
}
/**
 * buildx's metadata with `containerimage.digest` (and its descriptor) saying what the registries serve. Where
 * docker pushed a loaded image, buildx's file is the --load build's: its digest is the engine's image ID
 * (the classic store) and `docker push` wrote another manifest, which a later step (cosign, attest) needs.
 * Where buildx pushed, the served digest is buildx's own, and nothing changes.
 */
function asPushed(metadata, verified) {
    if (!verified || !('containerimage.digest' in metadata))
        return metadata;
    const { mediaType, body } = verified.manifest;
    const descriptor = metadata['containerimage.descriptor'];
    return {
        ...metadata,
        'containerimage.digest': verified.digest,
        ...((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(descriptor)
            ? {
                'containerimage.descriptor': {
                    ...descriptor,
                    mediaType,
                    digest: verified.digest,
                    size: body.length
                }
            }
            : {})
    };
}


/***/ }),

/***/ 9833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mk: () => (/* binding */ VerificationError),
  d5: () => (/* binding */ checkManifests),
  TQ: () => (/* binding */ isBuilt),
  Hm: () => (/* binding */ platformDigests),
  BO: () => (/* binding */ verifyByDigest),
  I6: () => (/* binding */ verifyTargets)
});

// UNUSED EXPORTS: READ_BACK, servedAfterPush

// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __webpack_require__(5526);
;// CONCATENATED MODULE: ./src/pipeline/describe.ts

const parse = (m) => {
    try {
        return JSON.parse(m.body.toString('utf8'));
    }
    catch {
        return {};
    }
};
/** A descriptor's size where it is a byte count; anything else counts as none. */
const bytes = (size) => Number.isSafeInteger(size) && size > 0 ? size : 0;
/** config + layers of one image manifest. */
const manifestSize = (m) => bytes(m.config?.size) +
    (Array.isArray(m.layers) ? m.layers : []).reduce((sum, l) => sum + bytes(l?.size), 0);
/** The platform buildx wrote in its metadata's descriptor, as os/arch[/variant]. */
function descriptorPlatform(metadata) {
    const p = metadata['containerimage.descriptor']
        ?.platform;
    return p?.os && p.architecture ? (0,oci/* platformString */.Fd)(p) : undefined;
}
async function describePushed(client, name, manifest, metadata) {
    const parsed = parse(manifest);
    if (!Array.isArray(parsed.manifests))
        return { size: manifestSize(parsed), platform: descriptorPlatform(metadata) };
    // Attestation manifests are not the image; each platform's manifest is fetched by digest (checked).
    const images = parsed.manifests.filter(d => d.digest && !(0,oci/* isAttestation */.H3)(d));
    const children = await Promise.all(images.map(d => client.getManifest(name, d.digest)));
    return { size: children.reduce((sum, child) => sum + manifestSize(parse(child)), 0) };
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/docker/cancel.ts
var cancel = __webpack_require__(1092);
;// CONCATENATED MODULE: ./src/pipeline/verify.ts





/** A registry's digest header as a message shows it: a digest, or not its text (a registry may echo anything). */
const shownDigest = (header) => /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,128}$/.test(header) ? header : 'not a digest';
/**
 * A registry that reads a write back through a replica or an eventually consistent store may answer 404 for
 * a moment after the push (docker-distribution on Swift or S3 of old, Nexus): a manifest missing right
 * after the push is asked for again, with a short backoff, about 2 s in all, before it fails the step. Any
 * other answer, another digest included, is final: it is not the registry being late.
 */
const READ_BACK = { attempts: 4, baseMs: 250, maxMs: 1000 };
async function servedAfterPush(client, name, reference, opts = {}) {
    let missing;
    try {
        return await (0,retry/* retry */.L5)(() => client.getManifest(name, reference).then(manifest => manifest, (error) => {
            missing = (0,errors/* isMissing */.b2)(error) ? error : undefined;
            throw missing ? new retry/* ClassifiedError */.IP(missing.message, 'transient') : error;
        }), { ...READ_BACK, sleep: opts.sleep, signal: opts.signal ?? cancel/* runCancelled */.LJ });
    }
    catch (error) {
        // Still missing: the registry's own answer, as final as it was, saying it was asked again.
        if (missing && !(opts.signal ?? cancel/* runCancelled */.LJ).aborted)
            throw new errors/* RegistryError */.gl(`${missing.message} (asked ${READ_BACK.attempts} times after the push)`, 'fatal', { status: 404, code: missing.code });
        throw error;
    }
}
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
            reporter?.warning(`the registry's Docker-Content-Digest for tag ${tags[i]} (${shownDigest(m.headerDigest)}) does not match its content (${m.digest}); using the content digest`);
    });
    const distinct = [...new Set(manifests.map(m => m.digest))];
    if (distinct.length > 1)
        throw new VerificationError(`tags resolve to different manifests: ${tags.map((t, i) => `${t} \u2192 ${manifests[i].digest}`).join(', ')}; another push may have moved a tag`);
    const [digest] = distinct;
    if (pushed.length > 0 && !pushed.includes(digest))
        throw new VerificationError(`tag ${tags[0]} serves ${digest}, but this run pushed ${pushed.join(' or ')}; another push moved the tag, or the registry serves other content`);
    if (isBuilt(manifests[0], identity))
        return digest;
    throw new VerificationError(`tag ${tags[0]} serves ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag, on this docker engine between the build and the push or in the registry; nothing of this run's image is verified`);
}
/** Whether a manifest is the image this run built: its own digest or its config's is in the build's identity. */
const isBuilt = (manifest, identity) => identity.includes(manifest.digest) || identity.includes(configDigest(manifest) ?? '');
function configDigest(manifest) {
    try {
        return JSON.parse(manifest.body.toString('utf8')).config?.digest;
    }
    catch {
        return undefined;
    }
}
/**
 * os/arch[/variant] \u2192 digest, from a pushed index (attestation manifests left out), or for a single
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
    const images = parsed.manifests.filter((d) => !!d.digest && !!d.platform?.os && !!d.platform.architecture && !(0,oci/* isAttestation */.H3)(d));
    const names = (0,oci/* platformNames */.iJ)(images.map(d => d.platform));
    return Object.fromEntries(images.map((d, i) => [names[i], d.digest]));
}
/**
 * Every target registry must serve each of its tags as the one manifest this run pushed, and the same
 * bytes everywhere; that manifest must be the image this run built.
 */
async function verifyTargets(targets, clients, pushed, built, reporter) {
    const each = await Promise.all(targets.map(async (target) => {
        const client = clients.get(target.registry);
        const manifests = await Promise.all(target.tags.map(tag => servedAfterPush(client, target.name, tag)));
        const digest = checkManifests(target.refs, manifests, pushed.digests, built.identity, reporter);
        return { target, digest, manifest: manifests[0] };
    }));
    const digests = [...new Set(each.map(e => e.digest))];
    if (digests.length > 1)
        throw new VerificationError(`the registries serve different manifests for this build: ${each.map(e => `${e.target.repository} \u2192 ${e.digest}`).join(', ')}; the bytes must be identical everywhere`);
    return verified(each[0], targets, clients, pushed, built);
}
/**
 * A push by digest (`push-by-digest=true`): nothing is tagged, so each target must serve, at
 * `name@digest`, the manifest buildx says it pushed (its metadata's `containerimage.digest`), its bytes
 * hashing to that digest, and that manifest must be the image this run built.
 */
async function verifyByDigest(targets, clients, pushed, built, reporter) {
    const [digest] = pushed.digests;
    if (!digest)
        throw new VerificationError(`buildx pushed by digest but its metadata names no containerimage.digest; nothing of this run's image is verified`);
    const each = await Promise.all(targets.map(async (target) => {
        // By digest the client checks that the bytes hash to it.
        const manifest = await servedAfterPush(clients.get(target.registry), target.name, digest);
        if (!isBuilt(manifest, built.identity))
            throw new VerificationError(`${target.repository}@${digest} is not the image this run built (${built.identity[0]}); nothing of this run's image is verified`);
        return { target, digest, manifest };
    }));
    reporter.info(`Pushed by digest only (push-by-digest=true): no tag was created`);
    return verified(each[0], targets, clients, pushed, built);
}
async function verified(first, targets, clients, pushed, built) {
    // Nothing local to inspect: the size and platform come from what the registry serves.
    const described = pushed.image
        ? undefined
        : await describePushed(clients.get(first.target.registry), first.target.name, first.manifest, built.metadata);
    return {
        repository: first.target.repository,
        repositories: targets.map(t => t.repository),
        digest: first.digest,
        manifest: first.manifest,
        described
    };
}


/***/ }),

/***/ 7489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  It: () => (/* binding */ manifestDigest)
});

// UNUSED EXPORTS: MANIFEST_ACCEPT, RegistryError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/reference.ts
var core_reference = __webpack_require__(5378);
// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __webpack_require__(7571);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// The WWW-Authenticate challenge as RFC 9110 spells it, and the credentials that answer one: what both the
// authenticator (auth.ts) and the token endpoint (token.ts) speak. Pure.
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

// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __webpack_require__(5831);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var registry_transport = __webpack_require__(1500);
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
        throw new errors/* RegistryError */.gl(`${registry} sent an invalid token realm "${(0,core_text/* oneLine */.TN)(realm, 100)}"`, 'auth');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* RegistryError */.gl(`${registry} sent an unsupported token realm ${url.origin}`, 'auth');
    // The registry's own origin is plain HTTP only when it is loopback or docker holds it insecure. Another
    // loopback port is this machine's only for a registry on this machine: a remote registry naming one would
    // have the credentials sent in the clear to whatever listens there.
    const ownHost = url.origin === transport.baseUrl;
    const local = (0,core_reference/* isLoopbackRegistry */.jW)(url.host) && (0,core_reference/* isLoopbackRegistry */.jW)(registry);
    if (credentials && url.protocol === 'http:' && !local && !ownHost) {
        throw new errors/* RegistryError */.gl(`refusing to send credentials for ${registry} over plain HTTP to token realm ${url.origin}`, 'auth');
    }
    const headers = { Accept: 'application/json' };
    let method = 'GET';
    let body;
    if (credentials && isIdentityToken(credentials)) {
        // Identity tokens are OAuth2 refresh tokens, exchanged by POST (what docker does after `docker login`).
        method = 'POST';
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.password });
        form.set('client_id', registry_transport/* USER_AGENT */._O);
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
    // An identity token in the body goes to the realm alone; a redirect elsewhere (or to plain HTTP) is refused.
    const res = await transport.send(method, url, headers, body, body !== undefined);
    if (res.status === 401 || res.status === 403)
        throw transport.httpError(method, url, res, 'auth', 'token request');
    if (res.status !== 200)
        throw transport.httpError(method, url, res, 'fatal', 'token request');
    let json;
    try {
        json = JSON.parse(res.body.toString('utf8'));
    }
    catch {
        throw new errors/* RegistryError */.gl(`token request ${method} ${(0,errors/* where */._M)(url)} returned a body that is not JSON`, 'fatal');
    }
    // Masked before anything else can see them, the refresh token too though we never use it; a value that
    // would hide digests or names in the log and the outputs is only kept out of our messages.
    for (const value of [json.token, json.access_token, json.refresh_token])
        if (typeof value === 'string')
            transport.secret(value, (0,masks/* maskableToken */.mv)(value));
    const token = typeof json.token === 'string' && json.token !== ''
        ? json.token
        : typeof json.access_token === 'string'
            ? json.access_token
            : '';
    if (token === '')
        throw new errors/* RegistryError */.gl(`token request ${method} ${(0,errors/* where */._M)(url)} returned no token`, 'auth');
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
        this.refuseForeignChallenge(method, url, res);
        if (res.status === 401 && !auth?.fresh) {
            if (auth?.cached && this.tokens.get(auth.scope) === auth.cached)
                this.tokens.delete(auth.scope);
            auth = await this.authorize(res, scope, method, url);
            res = await this.transport.send(method, url, withAuth(headers, auth), body);
            this.refuseForeignChallenge(method, url, res);
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
    async checkPushAccess(res, repo, url) {
        this.refuseForeignChallenge('GET', url, res);
        const challenges = parseChallenges((0,errors/* headerValue */.Z)(res.headers['www-authenticate']) ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer' && c.params.realm);
        if (bearer) {
            this.bearer = bearer;
            try {
                await this.tokenFor(`repository:${repo}:pull,push`);
            }
            catch (err) {
                // Only a refusal is certain; a token server failing now may answer the push. A client closed meanwhile
                // (the run cancelled, or failed elsewhere) is no token server failing: the run must not go on.
                if (err instanceof errors/* RegistryError */.gl && (err.status === 401 || err.status === 403))
                    throw err;
                if (this.transport.closed.signal.aborted)
                    throw err;
            }
            return;
        }
        if (!challenges.some(c => c.scheme === 'basic'))
            return;
        // An unreadable store is no proof: docker reads its own when it pushes.
        const credentials = await this.credentials().catch(() => null);
        if (credentials === undefined) {
            throw new errors/* RegistryError */.gl(`no credentials for ${this.registry}: the registry asks for a login`, 'auth', {
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
        const challenges = parseChallenges((0,errors/* headerValue */.Z)(res.headers['www-authenticate']) ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer');
        if (bearer) {
            if (!bearer.params.realm) {
                throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)}: Bearer challenge without a realm`, 'auth', {
                    status: 401
                });
            }
            this.bearer = bearer;
            return { header: (await this.tokenFor(scope)).header, fresh: true };
        }
        if (challenges.some(c => c.scheme === 'basic')) {
            const credentials = await this.credentials();
            if (!credentials) {
                throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} requires authentication, and ${noCredentials(this.registry)}`, 'auth', { status: 401 });
            }
            this.basic = basicHeader(credentials);
            return { header: this.basic, fresh: true };
        }
        const offered = challenges.map(c => c.scheme).join(', ') || 'none';
        throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)}: HTTP 401 with no supported authentication challenge (offered: ${offered})`, 'auth', { status: 401 });
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
            if (err instanceof errors/* RegistryError */.gl && (err.status === 401 || err.status === 403))
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
            throw new errors/* RegistryError */.gl(`could not read credentials for ${this.registry}: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, 'fatal');
        });
        return this.credentialsPromise;
    }
    /**
     * A 401 or 403 from where a redirect led on another origin (a registry's storage, a CDN) is that host's
     * answer, not the registry's: its challenge would choose where our credentials go, so it is not followed.
     */
    refuseForeignChallenge(method, url, res) {
        if (res.status !== 401 && res.status !== 403)
            return;
        if (!res.from || this.transport.effective(res.from).origin === this.transport.effective(url).origin)
            return;
        throw new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} was redirected to ${res.from.origin}, which answered HTTP ${res.status}; the credentials for ${this.registry} are not sent to another origin`, 'auth', { status: res.status });
    }
    /** Adds what the user can do about an auth failure. */
    async authError(error, actions, repo) {
        let hint;
        try {
            hint = (await this.credentials())
                ? `the credentials for ${this.registry} were rejected or lack ${actions} access to ${repo}`
                : noCredentials(this.registry);
        }
        catch {
            hint = `credentials for ${this.registry} could not be read`;
        }
        return new errors/* RegistryError */.gl(`${error.message} (${hint})`, 'auth', { status: error.status, code: error.code });
    }
}
/**
 * No login for a registry the run reads or writes, sources included: registry-auth entries are logged in
 * before anything is read, and docker config logins from earlier steps are read too.
 */
const noCredentials = (registry) => `no credentials were found for ${registry} (give it a login in ${(0,input_ref/* ref */.KR)('registry-auth')}, or run docker login ${registry} beforehand)`;
function withAuth(headers, auth) {
    return auth ? { ...headers, Authorization: auth.header } : headers;
}

// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __webpack_require__(5526);
;// CONCATENATED MODULE: ./src/registry/api.ts
// The distribution (OCI) HTTP API, just enough to read and write manifests: the top layer, over the
// authenticator and the transport.







const MANIFEST_ACCEPT = oci/* MANIFEST_TYPES */._P;
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
        this.transport = new registry_transport/* Transport */.oK(opts);
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
        // By digest, the content is checked against it: a digest that cannot be checked is not asked for.
        const byDigest = DIGEST.test(reference);
        const problem = byDigest ? (0,oci/* digestProblem */.WQ)(reference) : undefined;
        if (problem)
            throw new errors/* RegistryError */.gl(`cannot fetch ${repo}@${reference}: ${problem}`, 'fatal');
        const path = `manifests/${reference}`;
        const res = await this.auth.request('GET', this.url(repo, path), repo, 'pull', {
            Accept: MANIFEST_ACCEPT.join(', ')
        });
        // Named anew: the request may have moved an insecure registry to plain HTTP.
        const url = this.url(repo, path);
        if (res.status !== 200)
            throw this.transport.httpError('GET', url, res, 'fatal');
        const digest = manifestDigest(res.body);
        const served = byDigest ? (0,oci/* contentDigest */.eZ)(reference, res.body) : reference;
        if (served !== reference) {
            throw new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(url)} returned content whose digest is ${served}`, 'fatal', {
                status: res.status
            });
        }
        return {
            digest,
            mediaType: mediaTypeOf(res),
            body: res.body,
            headerDigest: (0,errors/* headerValue */.Z)(res.headers['docker-content-digest'])
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
        const problem = (0,core_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new errors/* RegistryError */.gl(`invalid repository "${repo}": ${problem}`, 'fatal');
        const url = new URL(`${this.baseUrl}/v2/`);
        const res = await this.transport.send('GET', url, {});
        if (res.status === 401)
            return this.auth.checkPushAccess(res, repo, url);
        if (res.status !== 200)
            throw this.transport.httpError('GET', url, res, 'fatal');
    }
    close() {
        this.transport.close();
    }
    validate(repo, reference) {
        // Both end up in a URL path, so anything outside the grammar (`..`, `?`) is refused outright.
        const problem = (0,core_reference/* pathProblem */.z9)(repo);
        if (problem)
            throw new errors/* RegistryError */.gl(`invalid repository "${repo}": ${problem}`, 'fatal');
        if (!(0,core_reference/* isValidTag */.r_)(reference) && !DIGEST.test(reference))
            throw new errors/* RegistryError */.gl(`invalid tag or digest "${reference}"`, 'fatal');
    }
    /** `<base>/v2/<repo>/<path>`, named anew each time: an insecure registry may have moved to plain HTTP. */
    url(repo, path) {
        return new URL(`${this.baseUrl}/v2/${repo}/${path}`);
    }
}
function mediaTypeOf(res) {
    const contentType = ((0,errors/* headerValue */.Z)(res.headers['content-type']) ?? '').split(';')[0].trim().toLowerCase();
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


/***/ }),

/***/ 4147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pu: () => (/* binding */ CheckedBlob),
  W3: () => (/* binding */ ContentMismatch),
  Th: () => (/* binding */ getSmallBlob),
  is: () => (/* binding */ hasBlob),
  Ym: () => (/* binding */ openBlob),
  DV: () => (/* binding */ pushStream),
  aH: () => (/* binding */ startUpload),
  cc: () => (/* binding */ streamBlob),
  yI: () => (/* binding */ withCeiling)
});

// EXTERNAL MODULE: ./src/core/bounds.ts
var bounds = __webpack_require__(8630);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/oci.ts
var oci = __webpack_require__(5526);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var registry_proxy = __webpack_require__(4263);
// EXTERNAL MODULE: ./src/registry/redirects.ts
var redirects = __webpack_require__(5558);
// EXTERNAL MODULE: ./src/registry/connection.ts
var connection = __webpack_require__(9647);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var registry_transport = __webpack_require__(1500);
;// CONCATENATED MODULE: ./src/registry/stream.ts
// Requests whose bodies are layers: the response (or the request body) is a stream, never a buffer, so a
// blob goes from one registry to another without being held in memory. Beside transport.ts, which buffers
// every answer (manifests, tokens, errors) and retries; the caller of these retries the whole transfer.






// As transport.ts follows them: docker's client, at most 5 hops.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** An error answer is read for its message, never more than this. */
const ERROR_BODY_BYTES = 64 * 1024;
/**
 * A GET whose body is read by the caller: redirects are followed (a registry sends blob reads to its
 * storage), and Authorization goes only to the origin it was meant for, never to the storage host.
 */
async function openRead(transport, url, headers, 
/** Ends the exchange (and the body being read) when aborted: a ceiling over the whole transfer. */
signal) {
    let at = url;
    let sent = headers;
    for (let hops = 0;; hops++) {
        const res = await once(transport, 'GET', at, sent, undefined, signal);
        const location = (0,errors/* headerValue */.Z)(res.headers.location);
        if (!REDIRECTS.has(res.statusCode ?? 0) || !location)
            return { res, at };
        res.resume();
        ({ next: at, headers: sent } = (0,redirects/* redirectHop */.I)({
            method: 'GET',
            first: url,
            at,
            location,
            hops,
            headers: sent,
            effective: u => transport.effective(u)
        }));
    }
}
/** A PUT (or PATCH) whose body is `body`, `length` bytes; the answer is buffered, being small. */
async function sendStream(transport, method, url, headers, body, length, signal) {
    const res = await once(transport, method, url, { ...headers, 'Content-Length': String(length) }, body, signal);
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
async function once(transport, method, url, headers, body, ceiling) {
    transport.requestCount++;
    const target = transport.effective(url);
    const tls = target.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default;
    const agent = await transport.agentFor(target, tls, method, true);
    const signal = ceiling ? AbortSignal.any([transport.closed.signal, ceiling]) : transport.closed.signal;
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            body?.destroy();
            if (settled)
                return;
            settled = true;
            reject(transport.networkError(method, target, err));
        };
        const req = (tls ?? (external_node_http_default())).request(target, { method, headers: { 'User-Agent': registry_transport/* USER_AGENT */._O, ...headers }, agent, signal }, res => {
            const proxy = res.statusCode === 407 ? transport.proxyOf(target) : undefined;
            if (proxy) {
                res.resume();
                fail((0,registry_proxy/* proxyRefused */.rZ)(method, target, proxy, 407));
                return;
            }
            settled = true;
            // A body still being sent when the registry has answered (an early 4xx/5xx) is of no more use.
            if (body && !body.readableEnded)
                body.destroy();
            res.setTimeout(transport.timeoutMs, () => res.destroy(Object.assign(new Error(`stalled for ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
            resolve(res);
        });
        (0,connection/* boundConnection */.J)(req, agent, transport.timeoutMs, fail);
        req.setTimeout(transport.timeoutMs, () => req.destroy(Object.assign(new Error(`timed out after ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
        // A body other than its Content-Length would desync the connection: node refuses it, and a request
        // that failed mid-body is destroyed (fail), so its socket never goes back to the pool.
        Object.assign(req, { strictContentLength: true }); // on every OutgoingMessage; typed only on ServerResponse
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

;// CONCATENATED MODULE: ./src/registry/blobs.ts
// Blobs between repositories and registries: HEAD, cross-repository mount, and a streamed copy (GET from
// the source, or a file \u2192 one monolithic PUT to the target), for promoting and merging images without the
// engine.







function checkDigest(digest) {
    // It goes into a URL path and a query: nothing outside the grammar, and nothing that cannot be verified.
    const problem = (0,oci/* digestProblem */.WQ)(digest);
    if (problem)
        throw new errors/* RegistryError */.gl(`invalid blob digest: ${problem}`, 'fatal');
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
    const got = (0,oci/* contentDigest */.eZ)(digest, res.body);
    if (got !== digest)
        throw new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(client.url(repo, `blobs/${digest}`))} returned ${got}`, 'fatal');
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
    const location = (0,errors/* headerValue */.Z)(res.headers.location);
    if (res.status !== 202 || !location)
        throw client.transport.httpError('POST', client.url(repo, path), res, 'fatal', 'blob upload');
    let upload;
    try {
        upload = new URL(location, client.transport.effective(client.url(repo, path)));
    }
    catch {
        // reported below
    }
    if (!upload || (upload.protocol !== 'https:' && upload.protocol !== 'http:'))
        throw new errors/* RegistryError */.gl(`blob upload POST ${(0,errors/* where */._M)(client.url(repo, path))}: its Location names an upload that cannot be reached (${JSON.stringify((0,core_text/* oneLine */.TN)(location, 200))})`, 'fatal');
    return upload;
}
/**
 * Streams one blob from `src`/`srcRepo` into an upload session of `dst`/`dstRepo` (monolithic PUT with the
 * digest, which the target checks too). Resolves with the bytes moved. Not retried here: the caller retries
 * the whole copy, since neither stream can be replayed. Both exchanges end when `ceilingMs` has passed,
 * a transient failure: the idle bound alone would let a source that trickles hold the step for hours.
 *
 * The source is not trusted: a declared length other than the descriptor's size is refused before the PUT,
 * bytes are counted and hashed on the way, and the last chunk is held back until length and digest are
 * right, so the target never holds a complete upload of wrong content, nor any byte past `size` (which it
 * would read as a request of its own on the same connection). Such a failure names the source.
 */
async function streamBlob(src, srcRepo, dst, dstRepo, blob, upload, ceilingMs) {
    checkDigest(blob.digest);
    return withCeiling(blob, `${src.registry}/${srcRepo}`, `${dst.registry}/${dstRepo}`, ceilingMs, signal => moveBlob(src, srcRepo, dst, dstRepo, blob, upload, signal));
}
/**
 * A blob read from `open()` (a file: `source` names it) into an upload session of `dst`/`dstRepo`, checked
 * on the way as a registry's blob is, and bounded by `ceilingMs` alike. Not retried here.
 */
async function pushStream(open, source, dst, dstRepo, blob, upload, ceilingMs) {
    checkDigest(blob.digest);
    return withCeiling(blob, source, `${dst.registry}/${dstRepo}`, ceilingMs, signal => {
        const body = open();
        const checked = new CheckedBlob(blob, source, 'has');
        body.on('error', err => checked.destroy(new errors/* RegistryError */.gl(`${source}: reading it failed: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, 'fatal')));
        checked.on('close', () => body.destroy());
        signal.addEventListener('abort', () => checked.destroy());
        body.pipe(checked);
        return putBlob(dst, dstRepo, blob, checked, upload, signal);
    });
}
/** `move` aborted by its signal after `ceilingMs`, which ends as a transient error saying so. */
async function withCeiling(blob, from, to, ceilingMs, move) {
    const ceiling = new AbortController();
    const timer = ceilingMs === undefined ? undefined : setTimeout(() => ceiling.abort(), ceilingMs);
    try {
        return await move(ceiling.signal);
    }
    catch (error) {
        if (!ceiling.signal.aborted)
            throw error;
        throw new errors/* RegistryError */.gl(`copy of ${blob.digest} (${blob.size} bytes) from ${from} to ${to} ` +
            `not done after ${(0,bounds/* formatSeconds */.Xo)(ceilingMs)} s (a blob stream's bound grows with its size at ${bounds/* MIN_THROUGHPUT */.wW / 1024 / 1024} MiB/s): the transfer is too slow`, 'transient');
    }
    finally {
        clearTimeout(timer);
    }
}
async function moveBlob(src, srcRepo, dst, dstRepo, blob, upload, signal) {
    return putBlob(dst, dstRepo, blob, await openBlob(src, srcRepo, blob, signal), upload, signal);
}
/**
 * The blob `src`/`srcRepo` serves, as a stream checked against `blob` (length and digest, the last chunk
 * held back until both are right), its source read under the idle bound and ended by `signal`.
 */
async function openBlob(src, srcRepo, blob, signal, 
/** What the blob is called in errors. */
source = `source ${src.registry}/${srcRepo}: blob ${blob.digest}`) {
    checkDigest(blob.digest);
    const read = async () => {
        const auth = await src.auth.headerFor(srcRepo, 'pull');
        return openRead(src.transport, src.url(srcRepo, `blobs/${blob.digest}`), auth ? { Authorization: auth } : {}, signal);
    };
    // A failure to read it (a blob gone since the manifests were read) is the source's, and says so.
    const named = (error) => {
        if (!(error instanceof errors/* RegistryError */.gl))
            throw error;
        const { kind, status, code, retryAfterMs } = error;
        throw new errors/* RegistryError */.gl(`${source}: ${error.message}`, kind, { status, code, retryAfterMs });
    };
    let got = await read().catch(named);
    if (got.res.statusCode === 401) {
        // A token that expired since the manifests were read: one buffered request renews it.
        got.res.resume();
        await src.auth.request('HEAD', src.url(srcRepo, `blobs/${blob.digest}`), srcRepo, 'pull', {}).catch(named);
        got = await read().catch(named);
    }
    if (got.res.statusCode !== 200)
        named(await streamError(src.transport, 'GET', got));
    const declared = (0,errors/* headerValue */.Z)(got.res.headers['content-length']);
    if (declared !== undefined && declared !== String(blob.size)) {
        // Never read on, and never back into the pool: the connection is in an unknown state.
        got.res.destroy();
        throw new errors/* RegistryError */.gl(`${source} is served with ${(0,core_text/* oneLine */.TN)(declared, 40)} bytes, but its descriptor's size is ${blob.size}`, 'fatal');
    }
    const checked = new CheckedBlob(blob, source);
    got.res.on('error', err => checked.destroy(err instanceof errors/* RegistryError */.gl
        ? err
        : new errors/* RegistryError */.gl(`${source}: reading it failed: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, (0,retry/* kindOf */.I)(err))));
    got.res.on('close', () => {
        if (!got.res.complete)
            checked.destroy(new errors/* RegistryError */.gl(`${source}: the source closed the connection mid-blob`, 'transient'));
    });
    // A reader that ended early (a PUT the target answered, a file that failed) needs no more of the source.
    checked.on('close', () => {
        if (checked.errored || !got.res.complete)
            got.res.destroy();
    });
    got.res.pipe(checked);
    return checked;
}
/** `body` into the upload session: one monolithic PUT with the digest, which the target checks too. */
async function putBlob(dst, dstRepo, blob, checked, upload, signal) {
    const put = new URL(upload);
    put.searchParams.set('digest', blob.digest);
    const auth = await dst.auth.headerFor(dstRepo, 'pull,push');
    const headers = { 'Content-Type': 'application/octet-stream' };
    if (auth && put.origin === dst.transport.effective(dst.url(dstRepo, '')).origin)
        headers.Authorization = auth;
    const res = await sendStream(dst.transport, 'PUT', put, headers, checked, blob.size, signal);
    if (res.status !== 201 && res.status !== 204) {
        const error = dst.transport.httpError('PUT', put, res, statusKind(res.status), 'blob upload');
        throw res.status === 401 || res.status === 403
            ? new errors/* RegistryError */.gl(`${error.message} (the credentials for ${dst.registry} were rejected or lack push access to ${dstRepo})`, 'auth', { status: res.status, code: error.code })
            : error;
    }
    return checked.bytes;
}
/**
 * Passes a blob's bytes on while counting and hashing them, never more than its size, and holds the last
 * chunk back until the whole blob has the right length and digest: a wrong blob ends as an error of the
 * source, and whatever reads this never sees all of it.
 */
/** What a source sent is not what its descriptor says: its length or its digest. Never retried. */
class ContentMismatch extends errors/* RegistryError */.gl {
    constructor(message) {
        super(message, 'fatal');
        this.name = 'ContentMismatch';
    }
}
class CheckedBlob extends external_node_stream_.Transform {
    blob;
    source;
    verb;
    bytes = 0;
    hash;
    held;
    /** `verb` says how the bytes came: a registry's blob "is served with" them, a file "has" them. */
    constructor(blob, source, verb = 'is served with') {
        super();
        this.blob = blob;
        this.source = source;
        this.verb = verb;
        this.hash = (0,oci/* hashFor */.Og)(blob.digest);
    }
    _transform(chunk, _encoding, done) {
        this.bytes += chunk.length;
        if (this.bytes > this.blob.size)
            return done(new ContentMismatch(`${this.source} ${this.verb} more bytes than its descriptor's size (${this.blob.size})`));
        this.hash.update(chunk);
        if (this.held)
            this.push(this.held);
        this.held = chunk;
        done();
    }
    _flush(done) {
        if (this.bytes < this.blob.size)
            return done(new ContentMismatch(`${this.source} ended after ${this.bytes} of its ${this.blob.size} bytes`));
        const got = (0,oci/* digestOf */.ol)(this.blob.digest, this.hash);
        if (got !== this.blob.digest)
            return done(new ContentMismatch(`${this.source} ${this.verb} other content (its digest is ${got})`));
        done(null, this.held);
    }
}


/***/ }),

/***/ 3034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ PARALLEL_BLOBS),
/* harmony export */   Gi: () => (/* binding */ MAX_TAGS_READ),
/* harmony export */   TP: () => (/* binding */ MAX_BLOB_BYTES),
/* harmony export */   Uf: () => (/* binding */ MAX_LAYERS),
/* harmony export */   Vk: () => (/* binding */ MAX_INDEX_ENTRIES),
/* harmony export */   Wq: () => (/* binding */ MAX_MANIFESTS),
/* harmony export */   c2: () => (/* binding */ LIST_MS),
/* harmony export */   cV: () => (/* binding */ STREAM_SOCKETS),
/* harmony export */   gM: () => (/* binding */ MAX_BLOBS),
/* harmony export */   p0: () => (/* binding */ blobCeilingMs),
/* harmony export */   rI: () => (/* binding */ MAX_SBOM_BYTES),
/* harmony export */   z4: () => (/* binding */ registryBoundsFrom)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, BLOB_MIN_MS, COPY_RETRY_WINDOW_MS, copyWorstMs */
/* harmony import */ var _core_bounds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8630);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7253);
// How long registry work may take, and how much of a registry's answer is read (tags, index entries): the defaults, their
// overrides from the environment (the tests shrink them), and what they add up to for a blob copy.


/** Per request (connect through the end of the answer); also the idle bound of a blob stream. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * A blob stream between registries ends after max(this, its size at 1 MiB/s), however steadily it
 * trickles: the idle bound alone lets a source that sends a byte every few seconds run for hours.
 */
const BLOB_MIN_MS = 60_000;
/** No new attempt at copying a blob starts more than this after its first. */
const COPY_RETRY_WINDOW_MS = 90_000;
/** Tags read from one repository for a glob before giving up; the matching ones are all that is kept. */
const MAX_TAGS_READ = 100_000;
/**
 * Entries of one index read from a source registry (or merged from sources). Registries cap a manifest at
 * 4 MiB (distribution, containers/image), room for some 25 000 minimal descriptors, so their limit is no
 * guide; what tools write is: buildx and docker list one manifest per platform plus one attestation
 * manifest each, a few dozen at the most. Each entry costs a manifest read and a request per blob, so a
 * longer index is refused, naming the source, before anything is written.
 */
const MAX_INDEX_ENTRIES = 1000;
/**
 * Manifests a run copies in all, each digest once, and those found below one source (or the referrers of
 * one) before anything is written. The bound of one index multiplies through nested indexes (1000^4 at
 * four levels), so the total has its own: an index's worth twice over, where a real image lists a few dozen.
 */
const MAX_MANIFESTS = 2 * MAX_INDEX_ENTRIES;
/**
 * Layers of one image manifest read from a source: docker runs at most 127 (overlay's mount arguments),
 * the kernel stacks some 500, and images meant to be stored rather than run (source containers) have a few
 * hundred. A manifest of 16 MiB holds some 100 000 descriptors, each a request or more.
 */
const MAX_LAYERS = 1000;
/** Distinct blobs a run copies in all: 1000 manifests of 127 layers each would still be 127 000 requests. */
const MAX_BLOBS = 20_000;
/**
 * The largest blob a source may declare: a blob's ceiling grows with its declared size (at 1 MiB/s), so a
 * size of 2^50 would bound nothing. The largest layers registries take are ECR's 52 000 MiB (Docker Hub and
 * GHCR take 10 GB).
 */
const MAX_BLOB_BYTES = 64 * 1024 * 1024 * 1024;
/**
 * One listing of tags, every page: a page is one request, but a registry that pages in tens (or links on
 * with empty pages) could hold a glob for hours across MAX_PAGES of them.
 */
const LIST_MS = 10 * 60_000;
/**
 * An SBOM statement read back to be written as a file, at most: it is parsed whole. BuildKit accepts
 * attestations of up to 40 MiB (0.32) or 80 MiB (0.33); real SBOMs reach 55 MB.
 */
const MAX_SBOM_BYTES = 256 * 1024 * 1024;
/** Blobs a copy moves at once: as many layers as docker pushes at once by default. */
const PARALLEL_BLOBS = 5;
/**
 * Connections for blob streams to one registry (a client's pool of its own): a blob copied within one
 * registry holds two, its source's GET and its target's PUT, so that none of them ever waits for one.
 */
const STREAM_SOCKETS = 2 * PARALLEL_BLOBS;
/**
 * The bounds, each overridable by a positive integer in BTP_REQUEST_TIMEOUT_MS, BTP_COPY_MIN_MS,
 * BTP_COPY_RETRY_WINDOW_MS and BTP_MAX_TAGS_READ.
 */
function registryBoundsFrom(env) {
    return {
        requestMs: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_REQUEST_TIMEOUT_MS', REQUEST_TIMEOUT_MS),
        blobMinMs: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_COPY_MIN_MS', BLOB_MIN_MS),
        copyWindowMs: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_COPY_RETRY_WINDOW_MS', COPY_RETRY_WINDOW_MS),
        maxTagsRead: (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .envMs */ .eo)(env, 'BTP_MAX_TAGS_READ', MAX_TAGS_READ)
    };
}
/** The ceiling of one blob stream (source GET through target PUT) of `size` bytes. */
const blobCeilingMs = (bounds, size) => (0,_core_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .grownMs */ .mE)(bounds.blobMinMs, size);
/**
 * The longest the copy of one blob of `size` bytes can run with `attempts` (the `retries` input) when its
 * source drips or stalls: the target's HEAD (one request with its retries), then attempts, each an upload
 * session (one request with its retries) and the stream up to its ceiling, none starting after the window.
 */
function copyWorstMs(bounds, size, attempts) {
    const request = worstRetryMs(bounds.requestMs, { attempts });
    const attempt = request + blobCeilingMs(bounds, size);
    return request + worstRetryMs(attempt, { attempts, maxElapsedMs: bounds.copyWindowMs });
}


/***/ }),

/***/ 9647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ boundConnection)
/* harmony export */ });
/**
 * Bounds the wait for a connection, which the deadlines that start with the request's socket do not
 * cover: node hands a request its socket once the connection is ready, and through a proxy's tunnel that is
 * after CONNECT and the TLS handshake inside it, where the agent's own timeout covers only the proxy's
 * answer to CONNECT (a proxy that answers and then stalls held a step for good). Time queued behind the
 * pool (agent.requests) is not counted, as those deadlines do not count it: the wait is at most `ms` after
 * the request leaves the queue, plus `ms` when it leaves just after a look.
 */
function boundConnection(req, agent, ms, 
/** Told of the timeout: a request without a socket emits no error of its own when destroyed. */
onTimeout) {
    let timer;
    const queued = () => Object.values(agent.requests).some(q => q?.includes(req));
    const look = () => {
        timer = setTimeout(() => {
            if (req.socket || req.destroyed)
                return;
            if (queued())
                return look();
            const err = Object.assign(new Error(`no connection within ${ms} ms`), { code: 'ETIMEDOUT' });
            // Destroyed, so that a socket the agent hands it later is closed at once.
            req.destroy(err);
            onTimeout(err);
        }, ms);
        // The request's own connection keeps the process alive while it matters; this timer need not.
        timer.unref();
    };
    look();
    const stop = () => clearTimeout(timer);
    req.once('socket', stop);
    req.once('close', stop);
}


/***/ }),

/***/ 5526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   BA: () => (/* binding */ parseDescriptor),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   Fd: () => (/* binding */ platformString),
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   Mf: () => (/* binding */ OciError),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Og: () => (/* binding */ hashFor),
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   Y2: () => (/* binding */ DOCKER_LIST),
/* harmony export */   _P: () => (/* binding */ MANIFEST_TYPES),
/* harmony export */   eE: () => (/* binding */ platformKey),
/* harmony export */   eZ: () => (/* binding */ contentDigest),
/* harmony export */   iJ: () => (/* binding */ platformNames),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* unused harmony exports DOCKER_MANIFEST, mediaTypeProblem */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6153);
// OCI descriptors and manifests as read from registries we do not control: the media types, the digest
// algorithms that are verified (and the others, refused), platform strings, and one parser that checks a
// manifest's shape before any of it is used. Leaf module: nothing of the project.


const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** The manifest types this project reads and writes, in the order an Accept header lists them. */
const MANIFEST_TYPES = [DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX];
const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_LIST]);
const isIndex = (mediaType) => INDEX_TYPES.has(mediaType);
/** os/arch[/variant], as platform-digests and docker's --platform write it. */
const platformString = (p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/');
/**
 * os[(os.version)]/arch[/variant], as containerd's `platforms.FormatAll` writes it (BuildKit and buildx key
 * platforms so, and `platforms.Parse` reads it back): two images an index cannot tell apart have the same key.
 */
const platformKey = (p) => platformString({ ...p, os: p['os.version'] ? `${p.os}(${p['os.version']})` : p.os });
/**
 * Each platform's name in platform-digests (and sbom-paths): os/arch[/variant], or with its os.version
 * (`platformKey`) where two share os/arch/variant and differ only by it, as Windows images of two releases do.
 */
function platformNames(platforms) {
    const count = new Map();
    for (const p of platforms)
        count.set(platformString(p), (count.get(platformString(p)) ?? 0) + 1);
    return platforms.map(p => (count.get(platformString(p)) > 1 ? platformKey(p) : platformString(p)));
}
/** BuildKit's attestation manifests sit beside the images in an index, with platform unknown/unknown. */
const isAttestation = (d) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown';
/** What a descriptor, a manifest or a digest gets wrong; the caller names where it came from. */
class OciError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OciError';
    }
}
// The algorithms the OCI image spec registers; a digest of any other is refused, as it cannot be checked.
const ALGORITHMS = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ };
/** Why `digest` is not one this project can verify, or undefined. */
function digestProblem(digest) {
    if (typeof digest !== 'string' || digest === '')
        return 'no digest';
    const colon = digest.indexOf(':');
    const algorithm = digest.slice(0, colon);
    const encoded = digest.slice(colon + 1);
    if (colon < 0 || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/.test(algorithm))
        return `${JSON.stringify(short(digest))} is not a digest`;
    if (!ALGORITHMS[algorithm])
        return `digest algorithm ${JSON.stringify(short(algorithm))} is not supported (only sha256 and sha512 can be verified)`;
    if (!ALGORITHMS[algorithm].test(encoded))
        return `${JSON.stringify(short(digest))} is not a valid ${algorithm} digest`;
    return undefined;
}
/** A hash for `digest`'s algorithm (which digestProblem has accepted); `digestOf` finishes it. */
const hashFor = (digest) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(digest.slice(0, digest.indexOf(':')));
const digestOf = (digest, hash) => `${digest.slice(0, digest.indexOf(':'))}:${hash.digest('hex')}`;
/** The digest of `body` in `digest`'s algorithm, to compare with it. */
const contentDigest = (digest, body) => digestOf(digest, hashFor(digest).update(body));
// RFC 6838: type/subtype of restricted names; parameters are not part of a descriptor's media type.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
function mediaTypeProblem(mediaType) {
    if (typeof mediaType !== 'string')
        return 'no media type';
    if (!MEDIA_TYPE.test(mediaType))
        return `media type ${JSON.stringify(short(mediaType))} is not a valid media type`;
    return undefined;
}
const short = (s) => (s.length > 80 ? `${s.slice(0, 79)}\u2026` : s);
// No control characters in what goes into logs, outputs and summaries.
const PRINTABLE = /^[^\p{Cc}]*$/u;
/** A descriptor, checked field by field; `where` names it in the error (`layers[2]`). */
function parseDescriptor(value, where) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(value))
        throw new OciError(`${where} is not a descriptor object`);
    const problem = mediaTypeProblem(value.mediaType) ?? digestProblem(value.digest);
    if (problem)
        throw new OciError(`${where}: ${problem}`);
    const size = value.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw new OciError(`${where}: size ${JSON.stringify(size ?? null)} is not a byte count`);
    // Fields this project does not read (artifactType, data, \u2026) are kept as they are.
    const d = { ...value };
    if (value.platform !== undefined)
        d.platform = parsePlatform(value.platform, where);
    if (value.annotations !== undefined) {
        const a = value.annotations;
        if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(a) || !Object.values(a).every(v => typeof v === 'string'))
            throw new OciError(`${where}: annotations are not a map of strings`);
        d.annotations = a;
    }
    if (value.urls !== undefined) {
        if (!Array.isArray(value.urls) || !value.urls.every(u => typeof u === 'string'))
            throw new OciError(`${where}: urls is not a list of strings`);
        d.urls = value.urls;
    }
    return d;
}
/** A platform object with `os` and `architecture`, each field a non-empty string without control characters. */
function parsePlatform(value, where) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(value))
        throw new OciError(`${where}: platform is not an object`);
    for (const key of ['os', 'architecture', 'variant', 'os.version']) {
        const v = value[key];
        const required = key === 'os' || key === 'architecture';
        if (v === undefined ? !required : typeof v === 'string' && (v !== '' || !required) && PRINTABLE.test(v))
            continue;
        throw new OciError(`${where}: platform ${key} ${v === undefined ? 'is missing' : 'is not a plain string'}`);
    }
    return value;
}
/**
 * A manifest's body as `mediaType` says it is: an index with its child descriptors, or an image manifest
 * with its config and layers, every descriptor validated. Throws OciError saying what is wrong.
 */
function parseManifest(body, mediaType) {
    const problem = mediaTypeProblem(mediaType);
    if (problem)
        throw new OciError(problem);
    if (!MANIFEST_TYPES.includes(mediaType))
        throw new OciError(`media type ${JSON.stringify(mediaType)} is not an image manifest or index`);
    let json;
    try {
        json = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new OciError('the manifest is not JSON');
    }
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(json))
        throw new OciError('the manifest is not a JSON object');
    if (json.mediaType !== undefined && json.mediaType !== mediaType)
        throw new OciError(`the manifest says it is ${JSON.stringify(short(String(json.mediaType)))}, but was served as ${mediaType}`);
    if (isIndex(mediaType)) {
        if (!Array.isArray(json.manifests))
            throw new OciError('the index has no list of manifests');
        return { kind: 'index', manifests: json.manifests.map((d, i) => parseDescriptor(d, `manifests[${i}]`)) };
    }
    if (!Array.isArray(json.layers))
        throw new OciError('the manifest has no list of layers');
    return {
        kind: 'image',
        config: parseDescriptor(json.config, 'config'),
        layers: json.layers.map((d, i) => parseDescriptor(d, `layers[${i}]`))
    };
}


/***/ }),

/***/ 5558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ redirectHop)
/* harmony export */ });
/* unused harmony export MAX_REDIRECTS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6764);
// One redirect hop, as docker's HTTP client takes it: at most MAX_REDIRECTS, only to http(s), and
// Authorization, or a body holding credentials, never sent on to another origin (a registry sends blob
// reads to its storage). Both the buffered requests (transport.ts) and the streamed ones (stream.ts) follow
// redirects through here.

const MAX_REDIRECTS = 5;
/**
 * The URL a redirect to `location` leads to from `at`, and the headers to send there. `first` is where the
 * request was meant to go; `effective` gives a URL as the transport reaches it (a registry spoken to over
 * plain HTTP); `hops` counts the redirects followed so far.
 */
function redirectHop(o) {
    const detail = o.status === undefined ? undefined : { status: o.status };
    if (o.hops >= MAX_REDIRECTS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${o.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .where */ ._M)(o.first)}: more than ${MAX_REDIRECTS} redirects`, 'fatal', detail);
    let next;
    try {
        next = new URL(o.location, o.effective(o.at));
    }
    catch {
        // reported below
    }
    if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${o.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .where */ ._M)(o.at)} redirected to an unusable location`, 'fatal', detail);
    const home = next.origin === o.effective(o.first).origin;
    if (!home && o.secretBody)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${o.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .where */ ._M)(o.at)} redirected to ${next.origin}: what it sends holds credentials, which go to no other origin`, 'auth', detail);
    if (home || !('Authorization' in o.headers))
        return { next, headers: o.headers };
    const { Authorization: _dropped, ...headers } = o.headers;
    void _dropped;
    return { next, headers };
}


/***/ }),

/***/ 1500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IX: () => (/* binding */ MAX_SOCKETS),
  oK: () => (/* binding */ Transport),
  _O: () => (/* binding */ USER_AGENT)
});

// UNUSED EXPORTS: registryBaseUrl

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/proxy.ts
var registry_proxy = __webpack_require__(4263);
// EXTERNAL MODULE: ./src/registry/bounds.ts
var bounds = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/registry/connection.ts
var connection = __webpack_require__(9647);
// EXTERNAL MODULE: ./src/registry/redirects.ts
var redirects = __webpack_require__(5558);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
        : `${(0,core_text/* messageOf */.bD)(err).trim()} (docker trusts a private CA put in /etc/docker/certs.d/${registry}/ca.crt, and accepts any certificate only for registries in the daemon's insecure-registries, daemon.json)`;
    return Object.assign(new Error(message), { code });
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP to one registry as docker would speak it: keep-alive agents, certs.d TLS material, the
// insecure-registry fallback, one deadline per request and bounded retries of transient answers.











const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 15000;
/** Connections to one registry at once (per client); more requests queue for one. */
const MAX_SOCKETS = 8;
// Docker's client stops after 10; a registry needs one or two (to a CDN or an object store).
const REDIRECTS_FOR_READS = new Set([301, 302, 303]);
// Manifests are capped at 4 MiB by registries; anything far larger is not a manifest.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const USER_AGENT = 'build-tag-push';
function registryBaseUrl(registry) {
    if ((0,reference/* isDockerHub */.gr)(registry))
        return 'https://registry-1.docker.io';
    return `${(0,reference/* isLoopbackRegistry */.jW)(registry) ? 'http' : 'https'}://${registry}`;
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
    /** By use (plain, other origins, the registry, the registry unverified) and proxy. */
    agents = new Map();
    proxy;
    onWarning;
    warnedNoProxy = false;
    nodeVersion;
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
        this.proxy = opts.proxy;
        this.onWarning = opts.onWarning;
        this.nodeVersion = opts.nodeVersion ?? process.versions.node;
    }
    /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
    get baseUrl() {
        return this.insecureMode === 'http' ? this.origin.replace(/^https:/, 'http:') : this.origin;
    }
    /** Ends the client: requests still retrying stop at once, so a failed step does not linger. */
    close() {
        this.closed.abort(new Error('the run is over'));
        for (const agent of this.agents.values())
            agent.destroy();
    }
    /** Records a secret for redaction and, unless `mask` is false, hands it to onSecret; once. */
    secret(value, mask = true) {
        if (value === '' || this.secrets.has(value))
            return;
        this.secrets.add(value);
        if (mask)
            this.onSecret?.(value);
    }
    /** The answer as one line, naming the URL as it was reached (plain HTTP after the switch) and any proxy. */
    httpError(method, url, res, kind, what = '') {
        const at = this.effective(url);
        const error = (0,errors/* httpError */.p2)(method, at, res, kind, what, this.secrets);
        const proxy = at.protocol === 'http:' && res.status >= 500 ? this.proxyOf(at) : undefined;
        return proxy ? (0,registry_proxy/* forwardedBy */.kC)(error, proxy) : error;
    }
    /** One logical HTTP request under retry(): throws for transient statuses, returns every other answer. */
    send(method, url, headers, body, 
    /** The body holds a secret (an identity token): no redirect may take it to another origin. */
    secretBody = false) {
        return (0,retry/* retry */.L5)(async () => {
            const { res, at } = await this.follow(method, url, headers, body, secretBody);
            if (res.status === 408 || res.status === 429 || res.status >= 500)
                throw this.httpError(method, at, res, 'transient');
            return at === url ? res : { ...res, from: at };
        }, {
            attempts: this.attempts,
            sleep: this.sleep,
            signal: this.closed.signal,
            onRetry: ({ attempt, attempts, delayMs, error }) => this.onRetry?.(`${(0,core_text/* messageOf */.bD)(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts})`)
        });
    }
    /**
     * Follows redirects as docker's HTTP client does: 307/308 for any method, 301/302/303 for GET and HEAD,
     * at most MAX_REDIRECTS. Authorization goes only to the origin it was meant for.
     */
    async follow(method, url, headers, body, secretBody) {
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
            const proxy = res.status === 407 ? this.proxyOf(at) : undefined;
            if (proxy)
                throw (0,registry_proxy/* proxyRefused */.rZ)(method, at, proxy, 407);
            const location = (0,errors/* headerValue */.Z)(res.headers.location);
            const followed = res.status === 307 ||
                res.status === 308 ||
                (REDIRECTS_FOR_READS.has(res.status) && (method === 'GET' || method === 'HEAD'));
            if (!followed || !location)
                return { res, at };
            ({ next: at, headers: sent } = (0,redirects/* redirectHop */.I)({
                method,
                first: url,
                at,
                location,
                hops,
                headers: sent,
                effective: u => this.effective(u),
                status: res.status,
                secretBody
            }));
        }
    }
    /** The URL as exchange() will reach it: the registry's own follow a switch to plain HTTP. */
    effective(url) {
        return url.origin === this.origin && this.insecureMode === 'http'
            ? new URL(url.href.replace(/^https:/, 'http:'))
            : url;
    }
    /** A request that got no answer as one line; through a proxy, naming the proxy (proxy.ts). */
    networkError(method, url, err) {
        if (err instanceof errors/* RegistryError */.gl)
            return err;
        const proxy = this.proxyOf(url);
        if (proxy)
            return (0,registry_proxy/* proxyFailure */.xh)(method, url, proxy, err);
        const code = err?.code;
        return new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} failed: ${(0,core_text/* oneLine */.TN)((0,core_text/* messageOf */.bD)(err), 300)}`, (0,retry/* kindOf */.I)(err), {
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
    /**
     * The proxy a request to `url` goes through (the URL as exchange() reaches it), if any: none where this
     * node cannot proxy, since agentFor then connects directly and a failure is not the proxy's.
     */
    proxyOf(url) {
        return this.proxy && (0,registry_proxy/* nodeCanProxy */.Bf)(this.nodeVersion) ? (0,registry_proxy/* proxyFor */.iJ)(url, this.proxy) : undefined;
    }
    /**
     * Agents per transport; the registry's own HTTPS agent carries its certs.d material, as docker's does,
     * and keeps it through a proxy's tunnel. Blob streams (stream.ts) have a pool of their own, sized for
     * every blob in flight at both ends: a PUT queued behind other requests would leave its source's GET
     * paused until the idle bound cuts it as stalled.
     */
    async agentFor(url, tls, method = 'GET', streams = false) {
        const via = (0,registry_proxy/* proxyToUse */.xc)(method, url, this.proxy, message => {
            // Once per client: every request to the registry would say the same.
            if (!this.warnedNoProxy)
                this.onWarning?.(message);
            this.warnedNoProxy = true;
        }, this.nodeVersion);
        const options = {
            keepAlive: true,
            maxSockets: streams ? bounds/* STREAM_SOCKETS */.cV : MAX_SOCKETS,
            ...(0,registry_proxy/* agentProxyOptions */.GU)(via, !!tls, this.timeoutMs)
        };
        const own = tls && url.origin === this.origin;
        const certs = own
            ? await (this.certsDirTls ??= readCertsDir(external_node_path_default().join(this.certsDir, this.registry)))
            : {};
        const use = !tls
            ? 'http'
            : !own
                ? 'https'
                : this.insecureMode === 'unverified'
                    ? 'unverified'
                    : 'registry';
        const key = `${streams ? 'streams ' : ''}${use} ${via?.url.href ?? ''}`;
        const made = this.agents.get(key);
        if (made)
            return made;
        const agent = !tls
            ? new (external_node_http_default()).Agent(options)
            : new tls.Agent({
                ...options,
                ...certs,
                ...(use === 'unverified' ? { rejectUnauthorized: false } : {})
            });
        this.agents.set(key, agent);
        return agent;
    }
    async once(method, url, headers, body) {
        this.requestCount++;
        // TLS is loaded only when a URL needs it: local registries never do, and start-up time counts.
        const tls = url.protocol === 'http:' ? undefined : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default;
        const transport = tls ?? (external_node_http_default());
        const agent = await this.agentFor(url, tls, method);
        // Closed (the signal): nothing is sent, and what is in flight ends, not resent by exchange on a new socket.
        const shut = this.closed.signal;
        const stop = () => new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)} stopped: ${(0,core_text/* messageOf */.bD)(shut.reason)}`, 'fatal');
        return new Promise((resolve, reject) => {
            let settled = false;
            let timer;
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
            const req = transport.request(url, { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent, signal: shut }, res => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > MAX_BODY_BYTES) {
                        req.destroy();
                        finish(new errors/* RegistryError */.gl(`${method} ${(0,errors/* where */._M)(url)}: response larger than ${MAX_BODY_BYTES} bytes`, 'fatal'));
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
            // It starts when the agent gives the request a socket: time queued behind the pool (a glob's
            // thousands of manifests) is not the registry's slowness.
            (0,connection/* boundConnection */.J)(req, agent, this.timeoutMs, finish);
            req.once('socket', () => {
                if (settled)
                    return;
                timer = setTimeout(() => {
                    const err = Object.assign(new Error(`timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' });
                    req.destroy(err);
                    finish(err);
                }, this.timeoutMs);
            });
            req.on('error', err => finish(shut.aborted ? stop() : Object.assign(err, { reusedSocket: req.reusedSocket })));
            req.end(body);
        });
    }
}


/***/ })

};
;