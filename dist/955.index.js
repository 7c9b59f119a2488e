"use strict";
exports.id = 955;
exports.ids = [955];
exports.modules = {

/***/ 6097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _d: () => (/* binding */ keepLogins),
  yx: () => (/* binding */ removeKeptLogin)
});

// UNUSED EXPORTS: jobConfigFile

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __webpack_require__(7898);
// EXTERNAL MODULE: ./src/docker/config.ts
var docker_config = __webpack_require__(656);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/action/login-ledger.ts
// Kept logins of other jobs that share the docker config (two self-hosted runners under one user, two hosts
// with one NFS home, two runner containers with one bind-mounted ~/.docker): each run that keeps a login
// leaves a pointer in a folder beside the config, for as long as its login is kept, numbered in the order
// the runs entered. A post step that finds the next later run's login stacked on its own (that run's pointer
// says it replaced ours) hands what ours replaced on to that run instead of writing it back. Without this,
// the jobs' posts in the order they started leave the first job's password in the config for good: the first
// post finds its entry replaced and leaves it, the second puts back the entry it replaced, the first's.
//
// What a run hands on goes into the heir's pointer, beside the config, not into the heir's undo file: that
// lies in the heir job's RUNNER_TEMP, which another host or container cannot see. A pointer holds the path of
// its run's undo file, where it was written (host, kernel, mount namespace), and the note its run gives it
// (keep-login.ts: digests of what it replaced, and what was handed on to it: an entry the config held before,
// never the run's own login). A pointer of this place whose undo file is gone is stale (its job ended without
// its post, and the runner emptied RUNNER_TEMP); one of elsewhere, whose undo file cannot be seen from here, is
// stale only past the longest a job runs.
//
// Each change of the config and the ledger (read, then written) holds a lock file beside them, so that two
// jobs' steps never write from the same stale read. Hand-written rather than proper-lockfile: the lock is
// held for a few milliseconds of file work, where that library keeps refreshing a long hold, and its
// signal-exit dependency would add signal handlers beside the run's own cancel handling.






/** The folder of pointers beside a docker config file. */
const ledgerDir = (configFile) => external_node_path_default().join(external_node_path_default().dirname(configFile), 'build-tag-push-kept-logins');
/** How long a step waits for another's lock before it goes on without one, saying so: past LOCK_STALE_MS. */
const LOCK_WAIT_MS = 12_000;
/**
 * A lock this old was left by a step killed while holding it: held for milliseconds of file work, so far
 * longer than any hold (one of a dead process of this kernel and pid namespace is known sooner).
 */
const LOCK_STALE_MS = 10_000;
/** A pointer of another host or container this old is stale: longer than a job runs (5 days, self-hosted). */
const POINTER_STALE_MS = 6 * 24 * 3600_000;
/** A Linux namespace's or the kernel's id, or '' (another system: no namespaces, one kernel per host). */
function linuxId(file) {
    try {
        return file.includes('/ns/') ? (0,external_node_fs_.readlinkSync)(file) : (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
    }
    catch {
        return '';
    }
}
const BOOT = linuxId('/proc/sys/kernel/random/boot_id');
/** Where a process's pid means the same process: one kernel's one pid namespace (containers have their own). */
const PID_SPACE = `${BOOT}/${linuxId('/proc/self/ns/pid')}`;
/** Where a path names the same file: one host's kernel and mount namespace (a container has its own). */
const PLACE = `${(0,external_node_os_.hostname)()} ${BOOT}/${linuxId('/proc/self/ns/mnt')}`;
/** Runs `work` holding the lock beside `configFile` (whose folder exists); without it if it cannot be had. */
async function withLock(configFile, reporter, work) {
    const lock = `${ledgerDir(configFile)}.lock`;
    const token = `${(0,external_node_os_.hostname)()} ${process.pid} ${(0,external_node_crypto_.randomBytes)(8).toString('hex')} ${PID_SPACE}\n`;
    const held = await acquire(lock, token);
    if (held === 'busy')
        reporter.warning(`keep-login: ${lock} stayed locked for ${LOCK_WAIT_MS / 1000} s; going on without it`);
    try {
        return await work();
    }
    finally {
        // Only our own: a lock taken from us as stale is another step's now.
        if (held === 'held' && (await (0,promises_.readFile)(lock, 'utf8').catch(() => '')) === token)
            await (0,promises_.rm)(lock, { force: true });
    }
}
const ageOf = (file) => (0,promises_.stat)(file).then(s => Date.now() - s.mtimeMs, () => 0);
/**
 * Whether the lock holding `text` was left by a process that is gone: one too old, or one of this host
 * whose pid is dead in our pid namespace (a container's pid 1 with the host's name is not ours to test).
 */
async function abandoned(lock, text) {
    if ((await ageOf(lock)) > LOCK_STALE_MS)
        return true;
    const [host, pid, , space] = text.trim().split(' ');
    if (host !== (0,external_node_os_.hostname)() || space !== PID_SPACE || !/^\d+$/.test(pid ?? ''))
        return false;
    try {
        process.kill(Number(pid), 0);
        return false;
    }
    catch (error) {
        return error.code === 'ESRCH';
    }
}
/**
 * Removes the lock if it still holds `text`, judged abandoned. Waiters that judged the same lock must not
 * remove the one the first of them took next: each first makes a claim named after the token, exclusively,
 * and re-reads the lock only while holding it, removing the lock before the claim. A token is never made
 * twice, so a claim made after the removal finds another token and leaves it. A claim outlives only a
 * process killed between its two removals; past LOCK_STALE_MS it goes, and the next round retries.
 */
async function breakLock(lock, text) {
    const claim = `${lock}.${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16)}.claim`;
    try {
        await (0,promises_.writeFile)(claim, '', { flag: 'wx', mode: 0o600 });
    }
    catch {
        if ((await ageOf(claim)) > LOCK_STALE_MS)
            await (0,promises_.rm)(claim, { force: true });
        return false;
    }
    try {
        if ((await (0,promises_.readFile)(lock, 'utf8').catch(() => undefined)) !== text)
            return false;
        await (0,promises_.rm)(lock, { force: true });
        return true;
    }
    finally {
        await (0,promises_.rm)(claim, { force: true });
    }
}
/** 'unlockable': the lock file cannot be made at all (a folder gone or read-only), which the work finds too. */
async function acquire(lock, token) {
    const until = Date.now() + LOCK_WAIT_MS;
    // Written whole beside the lock, then linked to its name (atomic, and exclusive even on NFS): the lock is
    // never seen without its token, which breakLock could not tell from another empty one.
    const mine = `${lock}.${token.split(' ')[2]}`;
    try {
        await (0,promises_.writeFile)(mine, token, { flag: 'wx', mode: 0o600 });
    }
    catch {
        return 'unlockable';
    }
    try {
        for (;;) {
            try {
                await (0,promises_.link)(mine, lock);
                return 'held';
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    return 'unlockable';
            }
            const text = await (0,promises_.readFile)(lock, 'utf8').catch(() => undefined);
            if (text !== undefined && (await abandoned(lock, text)) && (await breakLock(lock, text)))
                continue;
            if (Date.now() > until)
                return 'busy';
            await (0,external_node_timers_promises_.setTimeout)(20);
        }
    }
    finally {
        await (0,promises_.rm)(mine, { force: true });
    }
}
/**
 * Writes a file whole: beside itself under a name no other writer uses (steps of two hosts or containers can
 * share a pid), then renamed over it; made new, so readable by its owner only from the first byte.
 */
async function writePrivate(file, text) {
    const tmp = `${file}.build-tag-push-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    try {
        await (0,promises_.writeFile)(tmp, text, { flag: 'wx', mode: 0o600 });
        await (0,promises_.rename)(tmp, file);
    }
    catch (error) {
        // A write or rename refused (a full disk, a config.json held open, bind-mounted) must not leave the copy
        // with its credentials.
        await (0,promises_.rm)(tmp, { force: true });
        throw error;
    }
}
/** Enters the run's undo file and note in the ledger beside `configFile`, after every run there (under the lock). */
async function enter(configFile, undoFile, note) {
    const dir = ledgerDir(configFile);
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const pointer = external_node_path_default().join(dir, `${external_node_path_default().basename(external_node_path_default().dirname(undoFile))}.json`);
    const seq = Math.max(0, ...(await pointers(dir)).map(p => p.seq)) + 1;
    await writePointer(pointer, { undo: undoFile, seq, place: PLACE, note });
    return { pointer, seq };
}
const writePointer = (file, pointer) => writePrivate(file, JSON.stringify(pointer));
async function readPointer(at) {
    try {
        const p = JSON.parse(await (0,promises_.readFile)(at, 'utf8'));
        if (typeof p.undo === 'string' && Number.isSafeInteger(p.seq))
            return p;
    }
    catch {
        // Being written or removed by its own run right now, or not ours.
    }
    return undefined;
}
/** The pointers in a ledger folder, as written. */
async function pointers(dir) {
    const names = await (0,promises_.readdir)(dir).catch(() => []);
    const found = [];
    for (const name of names) {
        if (!name.endsWith('.json'))
            continue;
        const at = external_node_path_default().join(dir, name);
        const p = await readPointer(at);
        if (p)
            found.push({ ...p, at });
    }
    return found;
}
/** The note the run's own pointer holds now (what earlier runs handed on to it), if it is `isNote`. */
async function ownNote(pointer, isNote) {
    const note = (await readPointer(pointer))?.note;
    return isNote(note) ? note : undefined;
}
/** Whether a pointer's run is known gone: its undo file vanished here, or, written elsewhere, it is too old. */
async function stale(p) {
    // A pointer from before places were written was written here: the ledger was one host's then.
    if ((p.place ?? PLACE) === PLACE)
        return !(0,external_node_fs_.existsSync)(p.undo);
    return (await ageOf(p.at)) > POINTER_STALE_MS;
}
/**
 * The runs that entered after `place` and still keep a login in this config, earliest first, with their
 * notes. Stale pointers are removed; one whose note is not `isNote` is passed over.
 */
async function later(place, isNote) {
    const found = [];
    for (const p of await pointers(external_node_path_default().dirname(place.pointer))) {
        if (p.at === place.pointer)
            continue;
        if (await stale(p)) {
            await (0,promises_.rm)(p.at, { force: true });
            continue;
        }
        if (p.seq > place.seq && isNote(p.note))
            found.push({ file: p.at, seq: p.seq, note: p.note });
    }
    return found.sort((a, b) => a.seq - b.seq);
}
/** Writes a changed note back into its run's pointer; a pointer gone meanwhile (its run left) stays gone. */
async function renote(entry) {
    const p = await readPointer(entry.file);
    if (p)
        await writePointer(entry.file, { ...p, note: entry.note });
}
/** Takes the run's pointer out; the folder goes with the last one. */
async function leave(pointer) {
    await (0,promises_.rm)(pointer, { force: true });
    await (0,promises_.rmdir)(external_node_path_default().dirname(pointer)).catch(() => undefined);
}

// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
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
// RUNNER_TEMP (which the runner empties after the job), and the state only says where. Jobs sharing the
// config (one HOME, two runners, two hosts or containers) hand on to each other through login-ledger.ts.












const isUndo = (value) => typeof value === 'object' &&
    value !== null &&
    Array.isArray(value.auths) &&
    Array.isArray(value.helpers);
const isNote = (value) => (0,json/* isObject */.G)(value) &&
    typeof value.salt === 'string' &&
    (0,json/* isObject */.G)(value.replaced) &&
    (0,json/* isObject */.G)(value.replaced.auths) &&
    (0,json/* isObject */.G)(value.replaced.helpers) &&
    (0,json/* isObject */.G)(value.handed) &&
    (0,json/* isObject */.G)(value.handed.auths) &&
    (0,json/* isObject */.G)(value.handed.helpers) &&
    (0,json/* isObject */.G)(value.handed.flags);
/** A value's salted digest, its objects' keys in order: the same entry, however a tool reordered it. */
const digest = (salt, value) => (0,external_node_crypto_.createHash)('sha256')
    .update(salt)
    .update(JSON.stringify(value, (_, v) => (0,json/* isObject */.G)(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))
    .digest('hex');
/** The note a run enters with: what it replaced, as digests. */
function noteOf(undo) {
    const salt = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    const digests = (records) => Object.fromEntries(records.map(r => [r.key, digest(salt, r.before)]));
    return {
        salt,
        replaced: { auths: digests(undo.auths), helpers: digests(undo.helpers) },
        handed: { auths: {}, helpers: {}, flags: {} }
    };
}
/** What earlier runs' posts handed on to this run, taken into its undo. */
function takeHanded(undo, { handed }) {
    for (const kind of ['auths', 'helpers'])
        for (const record of undo[kind])
            if (Object.hasOwn(handed[kind], record.key))
                record.before = handed[kind][record.key];
    undo.hadAuths &&= handed.flags.hadAuths ?? true;
    undo.hadHelpers &&= handed.flags.hadHelpers ?? true;
    undo.createdFile ||= handed.flags.createdFile ?? false;
    undo.createdDir ||= handed.flags.createdDir ?? false;
}
/** The job's docker config file, as docker and login-action find it. */
const jobConfigFile = (env = process.env) => external_node_path_default().join((0,credentials/* dockerConfigDir */.kG)(env), 'config.json');
/** The static entry `docker login` writes for a username and password. */
const entryOf = ({ username, password }) => ({
    auth: Buffer.from(`${username}:${password}`).toString('base64')
});
async function readConfig(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    return (0,docker_config/* parseDockerConfig */.Cj)(file, await (0,promises_.readFile)(file, 'utf8'));
}
/**
 * Written beside itself and renamed over it: a reader never sees half a config. A config that is a link
 * (dotfiles) stays one: the file it points to is written, as docker login writes it.
 */
async function writeConfig(file, config) {
    const target = (0,external_node_fs_.existsSync)(file) ? await (0,promises_.realpath)(file) : file;
    await writePrivate(target, `${JSON.stringify(config, null, '\t')}\n`);
}
/**
 * Writes `logins` into the job's docker config and saves, for the post step, how to take them back.
 * `tempRoot` (RUNNER_TEMP) holds the entries they replace. Each entry is what the login resolved to in the
 * run (`resolve`): a cloud login's token, never the access key or the empty password it was given as.
 */
async function keepLogins(logins, opts) {
    if (!logins.length) {
        opts.reporter.warning('keep-login: this step logged in nowhere (no username and password, no registry-auth), so there is no login to keep');
        return;
    }
    const file = jobConfigFile(opts.env);
    const dir = external_node_path_default().dirname(file);
    const createdDir = !(0,external_node_fs_.existsSync)(dir);
    // Resolved first (a cloud login asks its API), so that the config is locked for file work only.
    const entries = [];
    for (const login of logins)
        entries.push({ login, ours: entryOf(await opts.resolve(login)) });
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const undo = await withLock(file, opts.reporter, async () => {
        const before = await readConfig(file);
        const config = { ...(before ?? {}) };
        const undo = {
            auths: [],
            helpers: [],
            hadAuths: config.auths !== undefined,
            hadHelpers: config.credHelpers !== undefined,
            createdFile: before === undefined,
            createdDir
        };
        const auths = { ...(config.auths ?? {}) };
        const helpers = { ...(config.credHelpers ?? {}) };
        for (const { login, ours } of entries) {
            const key = (0,docker_config/* credentialKey */.TC)(login.registry);
            undo.auths.push({ key, ours, before: auths[key] ?? null });
            auths[key] = ours;
            // docker reads credHelpers by exactly this key too (configfile's getConfiguredCredentialStore). An
            // entry already emptied (by another job keeping a login here) is recorded too, to be handed on.
            if (!config.credsStore && helpers[key] === undefined)
                continue;
            undo.helpers.push({ key, before: helpers[key] ?? null });
            helpers[key] = '';
        }
        config.auths = auths;
        if (undo.helpers.length)
            config.credHelpers = helpers;
        const undoDir = await (0,promises_.mkdtemp)(external_node_path_default().join(opts.tempRoot, 'build-tag-push-login-'));
        const undoFile = external_node_path_default().join(undoDir, 'undo.json');
        await writePrivate(undoFile, JSON.stringify(undo));
        const place = await enter(file, undoFile, noteOf(undo));
        const kept = { config: file, undo: undoFile, ledger: place.pointer, seq: place.seq };
        // All before the config changes: a step killed in between still has its entries taken back. The
        // variable makes the runner call the post step after a successful job too (action.yml's post-if).
        core.exportVariable(state/* ENV_POST_WANTED */.R9, 'true');
        core.saveState(state/* STATE_KEPT_LOGIN */.dq, JSON.stringify(kept));
        await writeConfig(file, config);
        return undo;
    });
    const where = logins.map(l => l.registry || 'docker.io').join(', ');
    opts.reporter.info(`keep-login: ${where} kept in ${file} for the job's later steps; the post step removes them`);
    if (undo.helpers.length)
        opts.reporter.info(`keep-login: ${file} sends credentials to a store; ${undo.helpers.map(h => h.key).join(', ')} use the kept entry until the post step`);
}
/** The post step's part: the kept entries go, what they replaced comes back. Nothing kept, nothing done. */
async function removeKeptLogin(reporter = core) {
    const saved = core.getState(state/* STATE_KEPT_LOGIN */.dq);
    if (!saved)
        return;
    const kept = JSON.parse(saved);
    let createdDir = false;
    try {
        // The pointer goes under the lock too: another job's post must not take this one for a live heir.
        await withLock(kept.config, reporter, async () => {
            try {
                if (!(0,external_node_fs_.existsSync)(kept.undo))
                    return;
                const undo = readUndo(await (0,promises_.readFile)(kept.undo, 'utf8'));
                const note = kept.ledger ? await ownNote(kept.ledger, isNote) : undefined;
                if (note)
                    takeHanded(undo, note);
                createdDir = undo.createdDir;
                const pinned = await undoKept(kept, undo);
                if (pinned.length)
                    reporter.warning(`keep-login: another login replaced the kept one for ${pinned.join(', ')} in ${kept.config} and is stored in that file, not in the credential store; it is left there, with the credHelpers entry that has docker read it (docker logout removes both)`);
            }
            finally {
                if (kept.ledger)
                    await leave(kept.ledger);
            }
        });
    }
    catch (error) {
        reporter.warning(`keep-login: could not take the kept login out of ${kept.config}: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
    finally {
        await (0,promises_.rm)(external_node_path_default().dirname(kept.undo), { recursive: true, force: true });
        if (createdDir && !(0,external_node_fs_.existsSync)(kept.config))
            await (0,promises_.rmdir)(external_node_path_default().dirname(kept.config)).catch(() => undefined);
    }
}
/** The undo file's JSON; a broken one is said without its text (it holds credentials). */
function readUndo(text) {
    let undo;
    try {
        undo = JSON.parse(text);
    }
    catch {
        throw new Error('its undo file is not valid JSON');
    }
    if (!isUndo(undo))
        throw new Error('its undo file is not one this step wrote');
    return undo;
}
/**
 * The run whose login was stacked on ours: the next run after ours that wrote this key, if what it
 * replaced is what we wrote (a login of someone else's in between owns the entry otherwise). What ours
 * replaced is its to put back. Another job's, sharing the config; in one job the posts run last-first.
 */
function handOn(heirs, kind, mine, changed) {
    for (const heir of heirs) {
        const replaced = heir.note.replaced[kind][mine.key];
        if (replaced === undefined)
            continue;
        if (replaced !== digest(heir.note.salt, mine.ours))
            return false;
        heir.note.handed[kind][mine.key] = mine.before;
        heir.note.replaced[kind][mine.key] = digest(heir.note.salt, mine.before);
        changed.add(heir);
        return true;
    }
    return false;
}
async function undoKept(kept, undo) {
    const config = await readConfig(kept.config);
    if (!config)
        return [];
    const heirs = kept.ledger && kept.seq !== undefined ? await later({ pointer: kept.ledger, seq: kept.seq }, isNote) : [];
    const changed = new Set();
    const auths = { ...(config.auths ?? {}) };
    // Keys whose entry another login wrote over ours, and which stay.
    const replaced = new Set();
    for (const mine of undo.auths) {
        if (handOn(heirs, 'auths', mine, changed))
            continue;
        // A later step that logged in again owns that entry now: it is left as it is.
        if (!(0,external_node_util_.isDeepStrictEqual)(auths[mine.key], mine.ours)) {
            if (auths[mine.key] !== undefined)
                replaced.add(mine.key);
            continue;
        }
        if (mine.before === null)
            delete auths[mine.key];
        else
            auths[mine.key] = mine.before;
    }
    const helpers = { ...(config.credHelpers ?? {}) };
    const pinned = [];
    for (const { key, before } of undo.helpers) {
        if (handOn(heirs, 'helpers', { key, ours: '', before }, changed))
            continue;
        if (helpers[key] !== '')
            continue;
        // The bypass and the auths entry under the same key go together: a `docker login` made
        // through our bypass stored its password in the file, and without the bypass docker would ask the store
        // instead, and its `docker logout` would leave the file's copy for good.
        if (replaced.has(key)) {
            pinned.push(key);
            continue;
        }
        if (before === null)
            delete helpers[key];
        else
            helpers[key] = before;
    }
    // The next run found the config as ours left it: what was there before ours is its to judge now.
    const next = heirs[0];
    if (next) {
        const flags = next.note.handed.flags;
        const was = JSON.stringify(flags);
        if (!undo.hadAuths)
            flags.hadAuths = false;
        if (!undo.hadHelpers)
            flags.hadHelpers = false;
        if (undo.createdFile)
            flags.createdFile = true;
        if (undo.createdDir)
            flags.createdDir = true;
        if (JSON.stringify(flags) !== was)
            changed.add(next);
    }
    // The heirs' pointers first: what ours replaced is never lost between the two writes.
    for (const heir of changed)
        await renote(heir);
    const result = { ...config, auths, credHelpers: helpers };
    if (!undo.hadAuths && !Object.keys(auths).length)
        delete result.auths;
    if (!undo.hadHelpers && !Object.keys(helpers).length)
        delete result.credHelpers;
    if (undo.createdFile && !Object.keys(result).length)
        await (0,promises_.rm)(kept.config, { force: true });
    else
        await writeConfig(kept.config, result);
    return pinned;
}


/***/ }),

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

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject)
/* harmony export */ });
// Reading parsed JSON (and YAML) by shape: what came from a file or a server is `unknown` until checked.
/** A JSON object: not null, not an array. */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);


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

/***/ 1092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ cancelSignal),
/* harmony export */   LJ: () => (/* binding */ runCancelled),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   rS: () => (/* binding */ cleanUpOnForcedExit),
/* harmony export */   rl: () => (/* binding */ KILL_AFTER_MS),
/* harmony export */   u4: () => (/* binding */ track),
/* harmony export */   vz: () => (/* binding */ untrack),
/* harmony export */   xH: () => (/* binding */ guardSignals)
/* harmony export */ });
/* unused harmony exports EXIT_AFTER_MS, stopChildren, liveChildren, cancelOnClosedOutput */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
// Cancelling a run: the signals, the children to stop, and the abort the rest of the run listens to.
// While a streamed child runs (exec.ts tracks it here), or while a run holds the signals (guardSignals: the
// whole pipeline, so that a cancel in any phase is handled), SIGINT and SIGTERM (the runner cancelling the
// job) and SIGHUP (the CLI's terminal closed) stop every child: SIGTERM to its group, SIGKILL 2 s later;
// `runCancelled` aborts, so requests in flight end and the run unwinds (removing its private directory); a
// captured command still running is no longer waited for (its own deadline ends it); the process then
// exits with 128 + the signal's number. A closed stdout or stderr cancels the run as SIGPIPE
// (cancelOnClosedOutput).

/** After SIGTERM, how long a stopped process group gets before SIGKILL. */
const KILL_AFTER_MS = 2_000;
/** After a cancel, how long the pipeline gets to unwind (remove its private directory) before we exit. */
const EXIT_AFTER_MS = 5_000;
/** Children started by the exec funnel that have not closed yet. */
const live = new Set();
let cancelledBy;
const cancelController = new AbortController();
/** Aborted (with the signal's name) once a signal (or a closed output, as SIGPIPE) cancelled the run. */
const runCancelled = cancelController.signal;
/** Runs holding the signal handlers (guardSignals). */
let holds = 0;
/** What must go even when we exit before the run has unwound (its private directory, with the login). */
const beforeForcedExit = new Set();
/** The signal that cancelled the run, if one did. */
const cancelSignal = () => cancelledBy;
const exitCodeFor = (signal) => 128 + (node_os__WEBPACK_IMPORTED_MODULE_0__.constants.signals[signal] ?? 0);
/** A child to stop on a cancel, until `untrack`: the signal handlers are in place while there is one. */
function track(entry) {
    live.add(entry);
    installSignalHandlers();
}
function untrack(entry) {
    live.delete(entry);
    if (live.size === 0 && holds === 0 && !cancelledBy)
        removeSignalHandlers();
}
/**
 * Holds the signal handlers (and watches stdout and stderr) for a whole run, children or not; returns the
 * release. A cancel then aborts runCancelled and the run fails as cancelled, instead of node dying mute.
 */
function guardSignals() {
    holds++;
    installSignalHandlers();
    cancelOnClosedOutput([process.stdout, process.stderr]);
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
/**
 * `cleanUp` (synchronous) also runs when a second signal, or a run that does not unwind in time, ends the
 * process before the run's own cleanup could; returns its removal, for when the run cleaned up itself.
 */
function cleanUpOnForcedExit(cleanUp) {
    beforeForcedExit.add(cleanUp);
    return () => beforeForcedExit.delete(cleanUp);
}
function forceExit(code) {
    for (const cleanUp of beforeForcedExit) {
        try {
            cleanUp();
        }
        catch {
            // the exit goes on: what could be removed was
        }
    }
    process.exit(code);
}
/** Stops every live streamed child as cancelled by `signal`. The signal handlers call it; so can a caller. */
function stopChildren(signal = 'SIGTERM') {
    const all = [...live];
    for (const l of all)
        l.halt(signal);
    return all.length;
}
/** How many streamed children are running (tests). */
const liveChildren = () => live.size;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;
function onSignal(signal) {
    if (cancelledBy) {
        // The second signal (the runner's SIGTERM after its SIGINT): no more grace.
        for (const l of live)
            l.kill();
        forceExit(exitCodeFor(signal));
    }
    cancel(signal);
}
/**
 * A failed write to our stdout or stderr (EPIPE: `| head` had its lines; EIO: a closed terminal) would be an
 * uncaught error: node dead, its children running, its private directory (a login) left. It cancels the run
 * instead, as SIGPIPE ends docker's CLI or a C program, but with the cleanup (exit 141); later failed writes
 * change nothing (no escalation as on a second signal). An error line goes to a stream still open.
 */
function cancelOnClosedOutput(streams) {
    for (const s of streams)
        if (!s.listeners('error').includes(onClosedOutput))
            s.on('error', onClosedOutput);
}
const onClosedOutput = () => void (cancelledBy ?? cancel('SIGPIPE'));
function cancel(signal) {
    const code = exitCodeFor(signal);
    cancelledBy = signal;
    // Whatever the unwinding pipeline sets (a failure is 1), a cancelled run ends as the signal says.
    process.on('exit', () => {
        process.exitCode = code;
    });
    stopChildren(signal);
    cancelController.abort(signal);
    // The pipeline now fails, removes its private directory and returns; if anything keeps it, we still go.
    setTimeout(() => forceExit(code), EXIT_AFTER_MS).unref();
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

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ createPrivateConfig),
/* harmony export */   Cj: () => (/* binding */ parseDockerConfig),
/* harmony export */   TC: () => (/* binding */ credentialKey)
/* harmony export */ });
/* unused harmony exports LINKED_DIRS, seedConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
// A private DOCKER_CONFIG for one run: seeded from the user's config so earlier logins and buildx
// builders keep working, and removed afterwards so no credential outlives the job.




/** Directories that carry plugins, builders and contexts rather than credentials. */
const LINKED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
/**
 * What of buildx's directory stays with the run: `refs`, where buildx (0.13) writes every build's context
 * as given, failed builds too, and never removes it; an http git context keeps its token in the URL
 * (git-context.ts), so in the user's directory the token would outlive the job.
 */
const PRIVATE_BUILDX = new Set(['refs']);
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
 * A docker config.json's text as an object; empty (or blank) as docker reads it, `{}`. One that is not an
 * object (bad JSON, `null`, a list) is an error naming the file: read as empty, its credHelpers, credsStore
 * and proxies would vanish without a word, and the run would fail later for a reason nobody could see.
 */
function parseDockerConfig(file, text) {
    if (!text.trim())
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        // V8 quotes the text around an unexpected token, and here that is credentials: the token alone.
        const why = error.message.replace(/^(Unexpected token .+?), .* is not valid JSON$/s, '$1');
        throw new Error(`${file} is malformed: ${why}; docker's config.json is a JSON object`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${file} is malformed: it holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}, and docker's config.json is a JSON object`);
    return parsed;
}
/** Creates `dir` as a DOCKER_CONFIG derived from `userDir`. */
async function createPrivateConfig(dir, userDir, loginRegistries = []) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    const userFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(userDir, 'config.json');
    const user = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(userFile) ? parseDockerConfig(userFile, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(userFile, 'utf8')) : {};
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'config.json'), JSON.stringify(seedConfig(user, loginRegistries), null, 2), {
        mode: 0o600
    });
    for (const name of LINKED_DIRS) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(userDir, name);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
            continue;
        if (name === 'buildx' && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target)).isDirectory())
            await linkEntries(target, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name));
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(target, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name));
    }
}
/** `to` as a directory of links to each entry of `from` (builders, their state, the lock), but PRIVATE_BUILDX. */
async function linkEntries(from, to) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(to, { mode: 0o700 });
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(from))
        if (!PRIVATE_BUILDX.has(entry))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(from, entry), node_path__WEBPACK_IMPORTED_MODULE_2___default().join(to, entry));
}


/***/ }),

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N3: () => (/* binding */ credentialsFromDockerConfig),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* unused harmony exports helperRunner, runCredentialHelper */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2020);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6455);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(656);
// Registry credentials the way the docker CLI stores them: config.json, credential helpers, credsStore.







const HELPER_TIMEOUT_MS = 10000;
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * The user's docker config directory, absolute: docker reads a relative DOCKER_CONFIG from the working
 * directory, and the private config's links into it must lead there from wherever they are.
 */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(env.DOCKER_CONFIG) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
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
/** The `auths` entry for `registry`: docker's file store takes an exact key, else one naming the same host. */
function authFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const exact = (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialKey */ .TC)(registry);
    if (Object.hasOwn(map, exact))
        return map[exact];
    const key = Object.keys(map).find(k => matches(k, registry));
    return key === undefined ? undefined : map[key];
}
/**
 * The `credHelpers` entry for `registry`, as docker reads it: by its exact key (the host, Docker Hub's
 * auths key) and no other. A `https://host` or `host/` key names no helper to docker, which then reads
 * the file or credsStore; asking that helper here would verify with other credentials than docker pushes.
 */
function helperFor(map, registry) {
    if (!map || typeof map !== 'object')
        return undefined;
    const key = (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialKey */ .TC)(registry);
    return Object.hasOwn(map, key) ? map[key] : undefined;
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
        run ??= (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .createExecRunner */ .S)(process.stderr, env);
        let result;
        try {
            result = await run(program, ['get'], env, { input: Buffer.from(input), deadlineMs: timeoutMs });
        }
        catch (error) {
            const notFound = error.code === 'ENOENT' ||
                /Unable to locate executable/i.test((0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(error));
            throw notFound ? missing(program) : error;
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
        const said = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .oneLine */ .TN)(result.stderr || result.stdout, 200);
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
    return (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDockerConfig */ .Cj)(file, text);
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
            output = await run(helper, (0,_config_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialKey */ .TC)(registry));
        }
        catch (err) {
            const code = err.code;
            const message = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .messageOf */ .bD)(err);
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
        const helper = helperFor(credHelpers, registry);
        const inline = fromAuthEntry(authFor(auths, registry));
        // An empty credHelpers entry is docker's way to pin a host to the file store, bypassing credsStore.
        if (helper === '')
            return inline;
        if (helper !== undefined)
            return viaHelper(helper, registry);
        return inline ?? (credsStore ? viaHelper(credsStore, registry) : undefined);
    };
}


/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ createExecRunner)
});

// UNUSED EXPORTS: signalGroup

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/log/fence.ts
var log_fence = __webpack_require__(4911);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/docker/kept-output.ts
// How much of a docker command's output is kept to be read back. Only node's own imports: the exec funnel,
// which the action loads at its start, needs it, and the bounds of the build path stay out of that chunk.

/**
 * How much of a command's stdout and of its stderr is kept, each: its end, from a line's start.
 * BuildKit writes the whole build log to stderr, which the log shows as it comes; what is read back (the
 * error line, the failed Dockerfile line, the pushed digest, a cache export's error) is at the end. The
 * text read is cut back once it holds twice as much, not on every chunk: each cut copies what is kept.
 */
const KEPT_OUTPUT_CHARS = 4 * 1024 * 1024;
/** The end of `text` that is kept: at most KEPT_OUTPUT_CHARS, from the first whole line in them. */
function keptEnd(text) {
    if (text.length <= KEPT_OUTPUT_CHARS)
        return text;
    const from = text.length - KEPT_OUTPUT_CHARS;
    const line = text.indexOf('\n', from);
    return text.slice(line < 0 ? from : line + 1);
}
function keptOutput() {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let text = '';
    return {
        write: chunk => {
            const decoded = decoder.write(chunk);
            text += decoded;
            if (text.length > 2 * KEPT_OUTPUT_CHARS)
                text = keptEnd(text);
            return decoded;
        },
        end: () => keptEnd(text + decoder.end())
    };
}

// EXTERNAL MODULE: ./src/docker/process-time.ts
var process_time = __webpack_require__(287);
// EXTERNAL MODULE: ./src/docker/cancel.ts
var cancel = __webpack_require__(1092);
;// CONCATENATED MODULE: ./src/docker/exec.ts
// The one funnel through which this program starts processes (docker, and docker-credential-* helpers):
// argument arrays, never a shell string, and every process bounded.
//
// Two paths, because @actions/exec gives no handle on the child it starts:
// - Commands whose output is only captured and that read no stdin (inspect, info, buildx version) run
//   through @actions/exec, under coreutils `timeout -k 5 <s>`, which enforces their fixed deadline by
//   itself.
// - Commands given stdin (login's password, a credential helper's host) are started here: @actions/exec
//   writes the input with no error handler on the pipe, so a child that exits before reading it (a helper
//   that is not installed) would end our process with an uncaught EPIPE.
// - Commands whose output is streamed (build, push) are started with node's child_process, each in a
//   process group of its own. A push must be stopped when it stalls (no new line of output for a while) or
//   runs past its ceiling, and a build or push must be stopped, together with the buildx plugin that docker
//   runs below it, when the job is cancelled. All of that needs the child's pid, which @actions/exec keeps
//   to itself.
// Cancelling them (signals, a closed output) is cancel.ts's.







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
    const actionsExec = Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1260));
    return (command, args, childEnv, options) => (0,process_time/* accounted */.RQ)(() => run(command, args, childEnv, options));
    async function run(...[command, args, childEnv, options]) {
        const cancelled = (0,cancel/* cancelSignal */.Bj)();
        if (cancelled)
            return refused(cancelled);
        if (options.signal?.aborted)
            return { exitCode: 1, stdout: '', stderr: '', stopped: { reason: 'aborted' } };
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
        if (options.input || (options.deadlineMs !== undefined && !timeout)) {
            // Stdin to write, or a deadline without coreutils timeout (macOS without coreutils, Windows): started
            // here, under the same deadline.
            const afterMs = options.deadlineMs;
            const result = await spawnWatched(command, args, childEnv, {
                input: options.input,
                ...(afterMs !== undefined && { watch: () => ({ ceilingMs: afterMs }) })
            });
            return afterMs !== undefined && result.stopped?.reason === 'ceiling'
                ? { ...result, stopped: { reason: 'deadline', afterMs } }
                : result;
        }
        const { exec } = await actionsExec;
        const captured = async (file, argv) => {
            // Kept as a streamed command's output is: a process run for seconds can still print gigabytes.
            const out = { stdout: keptOutput(), stderr: keptOutput() };
            const done = await untilCancelled(exec(file, argv, {
                env: childEnv,
                silent: true,
                ignoreReturnCode: true,
                listeners: { stdout: out.stdout.write, stderr: out.stderr.write }
            }));
            return typeof done === 'number'
                ? { exitCode: done, stdout: out.stdout.end(), stderr: out.stderr.end() }
                : done;
        };
        if (!timeout || options.deadlineMs === undefined)
            return captured(command, args);
        const afterMs = options.deadlineMs;
        const started = Date.now();
        const done = await captured(timeout, ['-k', '5', seconds(afterMs), command, ...args]);
        if (done.stopped)
            return done;
        const { exitCode, stdout, stderr } = done;
        // 124: timeout stopped it; a failure once the deadline passed: it took the SIGKILL (137) or died of it.
        if (exitCode === 124 || (exitCode !== 0 && Date.now() - started >= afterMs))
            return { exitCode, stdout, stderr, stopped: { reason: 'deadline', afterMs } };
        return { exitCode, stdout, stderr };
    }
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
/** `work`, or the refusal a cancel gives, whichever comes first: a cancelled run waits for no capture. */
function untilCancelled(work) {
    const cancelled = (0,cancel/* cancelSignal */.Bj)();
    if (cancelled)
        return Promise.resolve(refused(cancelled));
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(refused((0,cancel/* cancelSignal */.Bj)() ?? 'SIGTERM'));
        cancel/* runCancelled */.LJ.addEventListener('abort', onAbort, { once: true });
        work.then(value => {
            cancel/* runCancelled */.LJ.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            cancel/* runCancelled */.LJ.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
const refused = (signal) => ({
    exitCode: (0,cancel/* exitCodeFor */.Rr)(signal),
    stdout: '',
    stderr: '',
    stopped: { reason: 'signal', signal }
});
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
            // Its own process group, so that stopping it stops what it started (docker \u2192 docker-buildx).
            detached: process.platform !== 'win32'
        });
        (0,process_time/* processStarted */.Dk)();
        const started = Date.now();
        let lastOutput = started;
        let stopped;
        let closed = false;
        let killTimer;
        let drainTimer;
        const kept = { stdout: keptOutput(), stderr: keptOutput() };
        const halt = (stop) => {
            // Once the leader exited the group can still hold the plugin; only 'close' says all is gone.
            if (stopped || closed)
                return;
            stopped = stop;
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), cancel/* KILL_AFTER_MS */.rl);
        };
        const onAbort = () => halt({ reason: 'aborted' });
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const entry = {
            halt: signal => halt({ reason: 'signal', signal }),
            kill: () => signalGroup(child, 'SIGKILL')
        };
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
                const decoded = kept[name].write(chunk);
                options.onOutput?.(decoded);
                fence?.write(chunk);
            });
        const done = () => {
            if (ticker)
                clearInterval(ticker);
            (0,cancel/* untrack */.vz)(entry);
            options.signal?.removeEventListener('abort', onAbort);
        };
        child.on('error', error => {
            done();
            if (killTimer)
                clearTimeout(killTimer);
            // Started without a cwd of its own: ENOENT for a bare name is the program missing from PATH. The
            // code stays on the error for whoever tells a missing program apart (credential helpers).
            const { code } = error;
            const missing = code === 'ENOENT' && !command.includes((external_node_path_default()).sep);
            reject(Object.assign(new Error(`could not run ${command}: ${missing ? 'it is not installed, or not on PATH' : error.message}`), { code }));
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
            const stdout = kept.stdout.end();
            const stderr = kept.stderr.end();
            const exitCode = code ?? (signal ? (0,cancel/* exitCodeFor */.Rr)(signal) : 1);
            resolve({ exitCode, stdout, stderr, ...(stopped ? { stopped } : {}) });
        });
        if (child.pid !== undefined)
            (0,cancel/* track */.u4)(entry);
        if (options.input && child.stdin) {
            child.stdin.on('error', () => { }); // a child that exits without reading its stdin
            child.stdin.end(options.input);
        }
    });
}


/***/ }),

/***/ 287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ processTime),
/* harmony export */   Dk: () => (/* binding */ processStarted),
/* harmony export */   Qn: () => (/* binding */ whileDockerRuns),
/* harmony export */   RQ: () => (/* binding */ accounted)
/* harmony export */ });
/* harmony import */ var _core_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2257);
// How long this run has waited on the processes it started: the part of its wall time that is not its own,
// and what it does meanwhile. The exec funnel counts every process it runs here.

let running = 0;
let runningSince = 0;
let processMs = 0;
/** Counts the wall time during which at least one of our processes runs (overlaps counted once). */
async function accounted(work) {
    if (running++ === 0)
        runningSince = (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)();
    try {
        return await work();
    }
    finally {
        if (--running === 0)
            processMs += (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)() - runningSince;
    }
}
/**
 * How long this run has waited on processes it started (docker): the part of its wall time that is not its
 * own. `npm run bench` subtracts it to report the action's own time.
 */
const processTime = () => processMs + (running ? (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)() - runningSince : 0);
// What a later phase would load on its critical path, loaded while docker works instead: a build leaves the
// main thread waiting for seconds once its process has started.
const meanwhile = [];
/**
 * Runs `task` (errors ignored: the later use meets them) soon after the exec funnel next starts a process it
 * streams or watches (a build, a push).
 */
function whileDockerRuns(task) {
    meanwhile.push(task);
}
/** Called by the exec funnel once it has started a process. */
function processStarted() {
    if (!meanwhile.length)
        return;
    const tasks = meanwhile.splice(0);
    setImmediate(() => {
        for (const task of tasks)
            Promise.resolve()
                .then(task)
                .catch(() => undefined);
    });
}


/***/ }),

/***/ 4911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ createFence),
/* harmony export */   p: () => (/* binding */ singleLine)
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