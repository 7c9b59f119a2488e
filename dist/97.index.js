"use strict";
exports.id = 97;
exports.ids = [97];
exports.modules = {

/***/ 6097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keepLogins: () => (/* binding */ keepLogins),
  y: () => (/* binding */ removeKeptLogin)
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


/***/ })

};
;