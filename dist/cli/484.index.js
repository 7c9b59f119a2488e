"use strict";
exports.id = 484;
exports.ids = [484];
exports.modules = {

/***/ 2484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fromSources: () => (/* binding */ fromSources)
});

// EXTERNAL MODULE: ./src/inputs/parse.ts + 4 modules
var parse = __webpack_require__(480);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __webpack_require__(6080);
// EXTERNAL MODULE: ./src/registry/api.ts + 3 modules
var api = __webpack_require__(7489);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/bounds.ts
var bounds = __webpack_require__(3034);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/core/bounds.ts
var core_bounds = __webpack_require__(8630);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/registry/pages.ts




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
/** The next page's URL, relative to the page that named it; only HTTP(S). */
function nextPage(link, base) {
    let next;
    try {
        next = new URL(link, base);
    }
    catch {
        // reported below
    }
    if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
        throw new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(base)}: its Link header names a next page that cannot be read (${JSON.stringify((0,core_text/* oneLine */.TN)(link, 200))})`, 'fatal');
    return next;
}
/**
 * Every page of the list at `first`, in order: each a 200 answer, except that the first request may end the
 * list with one of `firstAnswers`. Pages on another origin (a proxy that writes absolute links) are read as
 * redirects are followed: without our credentials, which are for this registry only.
 */
async function* pagesOf(client, repo, first, options) {
    const headers = { Accept: options.accept };
    let url = first;
    const start = (0,clock/* now */.t)();
    for (let page = 0; url; page++) {
        if (page === options.maxPages)
            throw new errors/* RegistryError */.gl(`${(0,errors/* where */._M)(first)}: more than ${options.maxPages} ${options.many}`, 'fatal');
        if (options.maxMs !== undefined && (0,clock/* now */.t)() - start > options.maxMs)
            throw new errors/* RegistryError */.gl(`${(0,errors/* where */._M)(first)}: ${options.many} still linking on after ${(0,core_bounds/* formatSeconds */.Xo)(options.maxMs)} s (${page} read), the bound of one listing`, 'fatal');
        const foreign = url.origin !== client.transport.effective(first).origin;
        const res = foreign
            ? await client.transport.send('GET', url, headers)
            : await client.auth.request('GET', url, repo, 'pull', headers);
        if (res.status !== 200) {
            if (page === 0 && options.firstAnswers?.has(res.status))
                return yield { url, res };
            const context = foreign
                ? `${options.what} on another origin (followed from a Link header, without credentials):`
                : '';
            throw client.transport.httpError('GET', url, res, 'fatal', context);
        }
        yield { url, res };
        const next = nextLink((0,errors/* headerValue */.Z)(res.headers.link));
        url = next === undefined ? undefined : nextPage(next, client.transport.effective(url));
    }
}

// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
;// CONCATENATED MODULE: ./src/registry/tags-list.ts
// GET /v2/<name>/tags/list, every page: distribution pages by `n` and `last`, and names the next page in a
// `Link` header (pages.ts).





const PAGE = 1000;
/** Pages of tags read at most, for registries that page in hundreds (or send empty pages that link on). */
const MAX_PAGES = 1000;
/** The first page's answer for a repository the registry does not know: it has no tags. */
const NO_REPOSITORY = new Set([404]);
/**
 * The tags of `repo` that `keep` accepts, in the registry's order; a repository that does not exist has
 * none. Only those are held, so a repository of millions of tags costs one page of memory, not all of them.
 */
async function listTags(client, repo, { keep = () => true, maxRead = bounds/* MAX_TAGS_READ */.Gi, maxMs = bounds/* LIST_MS */.c2 } = {}) {
    const tags = [];
    let read = 0;
    const first = client.url(repo, 'tags/list');
    first.searchParams.set('n', String(PAGE));
    for await (const { url, res } of pagesOf(client, repo, first, {
        what: 'tag list page',
        many: 'pages of tags',
        accept: 'application/json',
        maxPages: MAX_PAGES,
        maxMs,
        firstAnswers: NO_REPOSITORY
    })) {
        if (res.status === 404)
            return tags;
        let body;
        try {
            body = JSON.parse(res.body.toString('utf8'));
        }
        catch {
            throw new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(url)} returned a body that is not JSON`, 'fatal');
        }
        const listed = Array.isArray(body?.tags) ? body.tags : [];
        read += listed.length;
        if (read > maxRead)
            throw new errors/* RegistryError */.gl(`${client.registry}/${repo} has more than ${maxRead} tags (${read} read so far), too many for a glob, which reads every tag (the cap is BTP_MAX_TAGS_READ)`, 'fatal');
        // A list with anything but names in it is malformed; a name kept becomes a request path and a tag in
        // outputs and messages, so it must be a tag (one that is not kept is only compared with the pattern).
        for (const t of listed) {
            if (typeof t !== 'string')
                throw notATag(url, t);
            if (!keep(t))
                continue;
            if (!(0,reference/* isValidTag */.r_)(t))
                throw notATag(url, (0,core_text/* oneLine */.TN)(t, 100));
            tags.push(t);
        }
    }
    return tags;
}
const notATag = (url, entry) => new errors/* RegistryError */.gl(`GET ${(0,errors/* where */._M)(url)} lists ${JSON.stringify(entry ?? null).slice(0, 120)}, which is not a tag`, 'fatal');

// EXTERNAL MODULE: ./src/log/reporter.ts
var log_reporter = __webpack_require__(2425);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(6203);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var transport = __webpack_require__(1500);
// EXTERNAL MODULE: ./src/core/limiter.ts
var limiter = __webpack_require__(5543);
// EXTERNAL MODULE: ./src/registry/blobs.ts + 1 modules
var blobs = __webpack_require__(4147);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/pipeline/plan.ts + 2 modules
var plan = __webpack_require__(9863);
// EXTERNAL MODULE: ./src/registry/oci.ts
var registry_oci = __webpack_require__(5526);
;// CONCATENATED MODULE: ./src/pipeline/sources/copy.ts
// Puts a manifest, its child manifests and their blobs into a target repository, byte for byte: nothing
// within the same repository, a cross-repository mount within one registry, a stream between registries
// or from disk.







// OCI allows an index in an index; docker and buildx write one level, and nothing real nests this deep.
const MAX_NESTING = 4;
/**
 * Manifests an index lists, read and placed at once (each child's body is held until its blobs are in, up
 * to 16 MiB): as many as blobs move, since a child mostly waits on its blobs. Below them (a nested index,
 * which nothing real writes) one child at a time, under its ancestor's turn.
 */
const PARALLEL_MANIFESTS = 5;
/**
 * Distinct digests counted against a bound of the whole run: what one index may list multiplies through
 * nested indexes and across manifests, so the totals have bounds of their own (registry/bounds.ts).
 */
class Tally {
    max;
    what;
    seen = new Set();
    constructor(max, 
    /** What is counted, in the message: `manifests`. */
    what) {
        this.max = max;
        this.what = what;
    }
    /** Counts `digests`; past the bound, an error naming `source`. */
    add(source, digests) {
        for (const d of digests)
            this.seen.add(d);
        if (this.seen.size > this.max)
            throw new errors/* RegistryError */.gl(`source ${source}: more than ${this.max} ${this.what} in all, more than a copy reads (a real image has a few dozen)`, 'fatal');
    }
}
class Copier {
    opts;
    moved = { blobBytes: 0, blobsCopied: 0, blobsMounted: 0, blobsPresent: 0 };
    manifestsRead = new Tally(bounds/* MAX_MANIFESTS */.Wq, 'manifests');
    blobsSeen = new Tally(bounds/* MAX_BLOBS */.gM, 'blobs');
    /** One placement per target repository and digest, shared by every manifest that needs it. */
    placed = new Map();
    blobs = new limiter/* Limiter */.jG(bounds/* PARALLEL_BLOBS */.$P);
    manifests = new limiter/* Limiter */.jG(PARALLEL_MANIFESTS);
    constructor(opts) {
        this.opts = opts;
    }
    /**
     * `manifest` (of `src`) into `dst` under the digest it was reached by, with everything it refers to,
     * children first. `depth` counts the indexes that lead to it. Every child is checked against the digest
     * that names it, so no index can list itself or an ancestor (a manifest cannot hold its own digest) and
     * wait on itself; the depth of nested indexes is bounded all the same.
     */
    place(src, dst, manifest, depth = 0, digest = manifest.digest) {
        if (src.side && sameRepository(src.side, dst))
            return Promise.resolve();
        return this.once(`${dst.client.registry}/${dst.name}@${digest}`, async () => {
            const parsed = manifest.parsed;
            if (parsed.kind === 'index') {
                await this.placeChildren(src, dst, manifest, depth);
            }
            else {
                // Foreign layers (with urls) are not the registry's to hold, as docker and skopeo leave them.
                await this.placeBlobs(src, dst, [parsed.config, ...parsed.layers].filter(d => !d.urls?.length));
            }
            // The exact bytes whose digest was checked when they were read.
            this.opts.signal?.throwIfAborted();
            await dst.client.putManifest(dst.name, digest, manifest.body, manifest.mediaType);
        });
    }
    /** Every manifest an index (of `src`) lists, into `dst`, read by and checked against its descriptor. */
    async placeChildren(src, dst, index, depth = 0) {
        if (index.parsed.kind !== 'index')
            return;
        if (depth >= MAX_NESTING)
            throw new errors/* RegistryError */.gl(`source ${index.label}: indexes nested more than ${MAX_NESTING} deep (an image index lists image manifests)`, 'fatal');
        const children = distinct(index.parsed.manifests);
        if (depth === 0)
            await Promise.all(children.map(d => this.placeListed(src, dst, d, 1)));
        else
            for (const d of children)
                await this.placeListed(src, dst, d, depth + 1);
    }
    /**
     * The manifest `d` names, read from `src` (checked against `d`) and placed into `dst` once per target,
     * however many indexes list it. One an index lists directly waits for its turn among PARALLEL_MANIFESTS,
     * shared by every index this copier places, and holds it through its own children.
     */
    placeListed(src, dst, d, depth = 1) {
        if (src.side && sameRepository(src.side, dst))
            return Promise.resolve();
        const read = async () => {
            this.manifestsRead.add(src.where, [d.digest]);
            return this.place(src, dst, await src.manifest(d), depth, d.digest);
        };
        // The size is part of the key: an entry that gives the same digest another size is read, and refused.
        // A nested entry never waits on one queued for a turn (its ancestor holds a turn: they could all wait).
        const key = `${dst.client.registry}/${dst.name}@${d.digest}/${d.size}`;
        return depth === 1 ? this.once(key, () => this.manifests.run(read)) : this.once(`${key}/nested`, read);
    }
    /** Blobs of `src` into `dst`, each once per target, as an image's are placed. */
    async placeBlobs(src, dst, blobs) {
        await Promise.all(blobs.map(b => this.blob(src, dst, b)));
    }
    blob(src, dst, blob) {
        return this.once(`${dst.client.registry}/${dst.name}@${blob.digest}`, async () => {
            this.blobsSeen.add(src.where, [blob.digest]);
            const sameRegistry = src.side?.client === dst.client;
            if (!sameRegistry && (await (0,blobs/* hasBlob */.is)(dst.client, dst.name, blob.digest))) {
                await src.checkUnsent?.(blob);
                this.moved.blobsPresent++;
                return;
            }
            let mount = sameRegistry;
            // Neither stream can be replayed: a transient failure starts the blob again, with a new session.
            // The window opens when the blob has its slot: time queued behind other blobs is not its own.
            await this.blobs.run(() => (0,retry/* retry */.L5)(async () => {
                this.opts.signal?.throwIfAborted();
                const upload = await (0,blobs/* startUpload */.aH)(dst.client, dst.name, mount ? { digest: blob.digest, from: src.side.name } : undefined);
                if (upload === 'mounted') {
                    this.moved.blobsMounted++;
                    return;
                }
                mount = false;
                const ceilingMs = (0,bounds/* blobCeilingMs */.p0)(this.opts.bounds, blob.size);
                const bytes = await src.sendBlob(blob, dst, upload, ceilingMs);
                this.moved.blobBytes += bytes;
                this.moved.blobsCopied++;
            }, {
                ...(0,plan/* retrying */.R$)(`copy of ${blob.digest} to ${dst.client.registry}/${dst.name}`, this.opts.retries, this.opts.reporter, this.opts.sleep),
                maxElapsedMs: this.opts.bounds.copyWindowMs,
                signal: this.opts.signal
            }));
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
}
const sameRepository = (a, b) => a.client === b.client && a.name === b.name;
/** An index's entries, each digest (and size) once: an entry listed twice is read and placed once. */
function distinct(entries) {
    const seen = new Set();
    return entries.filter(d => {
        const key = `${d.digest}/${d.size}`;
        return !seen.has(key) && !!seen.add(key);
    });
}
/**
 * Reads every manifest below `manifest` in `src` that a copy will read (with `every`), or only the indexes
 * among them (by the media type their entry gives), each checked as a copy checks it (digest, size, the
 * number of entries, the depth), so that what is wrong there fails before anything is written. Nothing read
 * is kept: the copy reads it again, by the same digest.
 */
async function checkBelow(src, manifest, every = false, 
/** The manifests listed below every source (or referrer) of the run, counted once each. */
listed = new Tally(bounds/* MAX_MANIFESTS */.Wq, 'manifests'), depth = 0) {
    if (manifest.parsed.kind !== 'index')
        return;
    if (depth >= MAX_NESTING)
        throw new errors/* RegistryError */.gl(`source ${manifest.label}: indexes nested more than ${MAX_NESTING} deep (an image index lists image manifests)`, 'fatal');
    const entries = distinct(manifest.parsed.manifests);
    // Every entry is a manifest the copy reads: counted before any is, so that nested indexes fail early.
    listed.add(manifest.label, entries.map(d => d.digest));
    const below = entries.filter(d => every || (0,registry_oci/* isIndex */.nw)(d.mediaType));
    await (0,limiter/* eachLimited */.ko)(below, depth === 0 ? PARALLEL_MANIFESTS : 1, async (d) => checkBelow(src, await src.manifest(d), every, listed, depth + 1));
}

// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
;// CONCATENATED MODULE: ./src/pipeline/sources/merge.ts




/** The descriptors a part brings: an index's own entries as they are, or one for a single manifest. */
function descriptorsOf(part) {
    const { manifest } = part;
    if ((0,registry_oci/* isIndex */.nw)(manifest.mediaType)) {
        const parsed = (0,registry_oci/* parseManifest */.Ng)(manifest.body, manifest.mediaType);
        return parsed.kind === 'index' ? parsed.manifests : [];
    }
    if (!part.platform)
        throw new problem/* InputProblem */.S(`${JSON.stringify(part.source)}: its image config names no platform (its "os" and "architecture" must be strings without control characters)`);
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
            if ((0,registry_oci/* isAttestation */.H3)(d)) {
                attestations.push(d);
                continue;
            }
            if (!d.platform)
                throw new problem/* InputProblem */.S(`${JSON.stringify(part.source)}: its index entry ${d.digest} names no platform (the entry has no "platform" field)`);
            const key = (0,registry_oci/* platformKey */.eE)(d.platform);
            const other = owner.get(key);
            if (other !== undefined)
                throw new problem/* InputProblem */.S(`${JSON.stringify(other)} and ${JSON.stringify(part.source)} both hold ${key}; an index has one image per platform`);
            owner.set(key, part.source);
            images.push(d);
        }
    }
    if (images.length + attestations.length > bounds/* MAX_INDEX_ENTRIES */.Vk)
        throw new problem/* InputProblem */.S(`the sources hold ${images.length + attestations.length} manifests, more than the ${bounds/* MAX_INDEX_ENTRIES */.Vk} one index may list`);
    if (!oci && Object.keys(annotations.user).length)
        oci = `${(0,table/* ref */.KR)('annotations')} asks for index annotations`;
    const mediaType = oci ? registry_oci/* OCI_INDEX */.$p : registry_oci/* DOCKER_LIST */.Y2;
    const all = oci ? { ...annotations.automatic, ...annotations.user } : {};
    const index = {
        schemaVersion: 2,
        mediaType,
        manifests: [...images, ...attestations],
        ...(Object.keys(all).length ? { annotations: all } : {})
    };
    const names = (0,registry_oci/* platformNames */.iJ)(images.map(d => d.platform));
    const platformDigests = Object.fromEntries(images.map((d, i) => [names[i], d.digest]));
    return { mediaType, body: Buffer.from(JSON.stringify(index)), platformDigests, why: oci, annotations: all };
}
/**
 * `os`, `architecture` and `variant` of an image config, as a descriptor's platform names them, held to the
 * same rule (no control characters): they go into the merged index, the outputs and the log.
 */
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
        return (0,registry_oci/* parsePlatform */.FL)(p, 'config');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/pipeline/result.ts
var result = __webpack_require__(3641);
// EXTERNAL MODULE: ./src/pipeline/verify.ts + 1 modules
var verify = __webpack_require__(9833);
;// CONCATENATED MODULE: ./src/pipeline/sources/read.ts



/** `from`'s manifest at `reference` (a tag, or the descriptor that names it), checked and parsed. */
async function readSource(from, reference, label) {
    const ref = typeof reference === 'string' ? reference : reference.digest;
    const name = label ?? `${from.client.registry}/${from.name}${ref.includes(':') ? '@' : ':'}${ref}`;
    const fail = (message) => {
        throw new errors/* RegistryError */.gl(`source ${name}: ${message}`, 'fatal');
    };
    let manifest;
    try {
        manifest = await from.client.getManifest(from.name, ref);
    }
    catch (error) {
        if (!(error instanceof errors/* RegistryError */.gl))
            throw error;
        throw new errors/* RegistryError */.gl(`source ${name}: ${error.message}`, error.kind, {
            status: error.status,
            code: error.code
        });
    }
    if (typeof reference !== 'string' && manifest.body.length !== reference.size)
        fail(`the manifest has ${manifest.body.length} bytes, but its descriptor's size is ${reference.size}`);
    let parsed;
    try {
        parsed = (0,registry_oci/* parseManifest */.Ng)(manifest.body, manifest.mediaType);
    }
    catch (error) {
        if (error instanceof registry_oci/* OciError */.Mf)
            return fail(error.message);
        throw error;
    }
    const problem = boundsProblem(parsed);
    if (problem)
        fail(problem);
    return { ...manifest, parsed, label: name };
}
/** What makes a manifest of a source more than a copy reads: the bounds no real image reaches. */
function boundsProblem(parsed) {
    if (parsed.kind === 'index')
        return parsed.manifests.length > bounds/* MAX_INDEX_ENTRIES */.Vk
            ? `the index lists ${parsed.manifests.length} manifests, more than the ${bounds/* MAX_INDEX_ENTRIES */.Vk} a copy reads (tools write one per platform and attestation)`
            : undefined;
    if (parsed.layers.length > bounds/* MAX_LAYERS */.Uf)
        return `the manifest lists ${parsed.layers.length} layers, more than the ${bounds/* MAX_LAYERS */.Uf} a copy reads (docker runs at most 127)`;
    const huge = [parsed.config, ...parsed.layers].find(d => d.size > bounds/* MAX_BLOB_BYTES */.TP);
    return huge
        ? `blob ${huge.digest} declares ${huge.size} bytes, more than the ${bounds/* MAX_BLOB_BYTES */.TP} (64 GiB) a copy moves`
        : undefined;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/core/json.ts
var core_json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/pipeline/cosign-tags.ts
// cosign's `sha256-<hex>.sig`, `.att` and `.sbom` tags, carried into a target that may have its own. cosign
// keeps every signature (or attestation) of a digest as one layer of the image under that tag, and adds a
// new one by appending a layer to what the tag holds (sigstore/cosign pkg/oci/mutate AppendSignatures, on
// go-containerregistry's mutate.Append: the config's diff_ids and history grow with it). A target that was
// signed after an earlier promotion holds layers the source never had: the tag gets the union, the
// target's layers first and the source's new ones after, as cosign would have appended them, never the
// source's manifest in its place.






/**
 * What `tag` of `dst` is to hold once `manifest` (the source's, of `store`) is carried over, with every blob
 * it needs placed now: the source's manifest where the target has no such tag, the union of both where it
 * has one, nothing where it already holds every layer of the source's.
 */
async function cosignTagWrite(copier, store, manifest, dst, tag) {
    const where = `${dst.client.registry}/${dst.name}:${tag}`;
    const existing = await (0,errors/* orMissing */.Mr)(dst.client.getManifest(dst.name, tag));
    if (!existing) {
        await copier.place(store, dst, manifest);
        return { tag, body: manifest.body, mediaType: manifest.mediaType };
    }
    if (existing.digest === manifest.digest)
        return undefined;
    const theirs = imageOf(existing.body, existing.mediaType, where);
    const ours = imageOf(manifest.body, manifest.mediaType, manifest.label);
    const had = new Set(theirs.parsed.layers.map(l => l.digest));
    const added = ours.parsed.layers.flatMap((l, i) => (had.has(l.digest) || !had.add(l.digest) ? [] : [i]));
    if (!added.length)
        return undefined;
    const newLayers = added.map(i => ours.parsed.layers[i]);
    await copier.placeBlobs(store, dst, newLayers);
    const config = await grownConfig(store, dst, theirs.parsed, ours.parsed, added);
    if (config)
        await copier.placeBlobs(bytesStore(config.bytes), dst, [config.descriptor]);
    const body = Buffer.from(JSON.stringify({
        ...theirs.json,
        ...(config ? { config: config.descriptor } : {}),
        layers: [...theirs.parsed.layers, ...newLayers]
    }));
    return { tag, body, mediaType: existing.mediaType };
}
/** An image manifest (what cosign writes under its tags), parsed; anything else is refused, not replaced. */
function imageOf(body, mediaType, where) {
    let parsed;
    try {
        parsed = (0,registry_oci/* parseManifest */.Ng)(body, mediaType);
    }
    catch (error) {
        if (error instanceof registry_oci/* OciError */.Mf)
            throw new errors/* RegistryError */.gl(`${where}: ${error.message}`, 'fatal');
        throw error;
    }
    if (parsed.kind !== 'image')
        throw new errors/* RegistryError */.gl(`${where} is an index, not the image cosign keeps its signatures in: it is left as it is, and the promotion stops`, 'fatal');
    return { json: JSON.parse(body.toString('utf8')), parsed };
}
/** A config whose diff_ids (and history, where it has one) pair with the manifest's layers, one each. */
function paired(bytes, layers) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (!(0,core_json/* isObject */.G)(json) || !(0,core_json/* isObject */.G)(json.rootfs) || !Array.isArray(json.rootfs.diff_ids))
        return undefined;
    if (json.rootfs.diff_ids.length !== layers)
        return undefined;
    return json;
}
/**
 * The target's config with the added layers' diff_ids (and history entries) appended from the source's, as
 * cosign's append grows it; none where either config does not pair its entries with its layers (the
 * target's is then kept as it is: cosign reads the layers from the manifest).
 */
async function grownConfig(store, dst, theirs, ours, added) {
    const target = paired(await (0,blobs/* getSmallBlob */.Th)(dst.client, dst.name, theirs.config.digest), theirs.layers.length);
    const source = paired(await store.smallBlob(ours.config.digest), ours.layers.length);
    if (!target || !source)
        return undefined;
    const history = target.history?.length === theirs.layers.length && source.history?.length === ours.layers.length
        ? { history: [...target.history, ...added.map(i => source.history[i])] }
        : {};
    const bytes = Buffer.from(JSON.stringify({
        ...target,
        ...history,
        rootfs: {
            ...target.rootfs,
            diff_ids: [...target.rootfs.diff_ids, ...added.map(i => source.rootfs.diff_ids[i])]
        }
    }));
    return { bytes, descriptor: { ...theirs.config, digest: (0,api/* manifestDigest */.It)(bytes), size: bytes.length } };
}
/** A config made here, sent to a target as any source's blob is. */
const bytesStore = (bytes) => ({
    where: 'the merged cosign config',
    manifest: () => Promise.reject(new Error('a config holds no manifest')),
    smallBlob: () => Promise.resolve(bytes),
    sendBlob: (blob, dst, upload, ceilingMs) => (0,blobs/* pushStream */.DV)(() => external_node_stream_.Readable.from([bytes]), 'the merged cosign config', dst.client, dst.name, blob, upload, ceilingMs)
});

// EXTERNAL MODULE: ./src/inputs/error.ts
var inputs_error = __webpack_require__(1551);
;// CONCATENATED MODULE: ./src/pipeline/sources/store.ts





const registryStore = (side) => ({
    where: `${side.client.registry}/${side.name}`,
    side,
    manifest: d => readSource(side, d),
    smallBlob: digest => (0,blobs/* getSmallBlob */.Th)(side.client, side.name, digest),
    sendBlob: (blob, dst, upload, ceilingMs) => (0,blobs/* streamBlob */.cc)(side.client, side.name, dst.client, dst.name, blob, upload, ceilingMs)
});
/**
 * A file that is not what its descriptor says is bad input: the held-back last chunk kept its upload from
 * completing, and no manifest or tag has been written.
 */
const asInputError = (error) => {
    throw error instanceof blobs/* ContentMismatch */.W3 ? new inputs_error/* InputError */.d('sources', error.message) : error;
};
/** The most a manifest, an index or an image config may weigh when read from disk. */
const MAX_SMALL = 4 * 1024 * 1024;
/** Reads the whole stream, checked as a blob that is sent is, and drops the bytes. */
async function verifyStream(source, blob, what) {
    const checked = new blobs/* CheckedBlob */.pu(blob, what, 'has');
    source.on('error', error => checked.destroy(error));
    checked.on('close', () => source.destroy());
    for await (const _ of source.pipe(checked))
        void _;
}
/**
 * A source on disk: every manifest it needs already read, checked and parsed into `manifests`, every blob
 * a file (`fileOf`), checked again as it is sent.
 */
function localStore(where, manifests, fileOf) {
    return {
        where,
        async manifest(d) {
            const m = manifests.get(d.digest);
            if (!m)
                throw new errors/* RegistryError */.gl(`source ${where}: manifest ${d.digest} was not read`, 'fatal');
            if (m.body.length !== d.size)
                throw new errors/* RegistryError */.gl(`source ${m.label}: the manifest has ${m.body.length} bytes, but its descriptor's size is ${d.size}`, 'fatal');
            return m;
        },
        async smallBlob(digest) {
            const { tree, name } = fileOf(digest);
            const body = await tree.read(name, MAX_SMALL);
            const got = (0,registry_oci/* contentDigest */.eZ)(digest, body);
            if (got !== digest)
                throw new errors/* RegistryError */.gl(`${tree.where}: ${name} has other content (its digest is ${got})`, 'fatal');
            return body;
        },
        sendBlob(blob, dst, upload, ceilingMs) {
            const { tree, name } = fileOf(blob.digest);
            return (0,blobs/* pushStream */.DV)(() => tree.open(name), `${tree.where}: ${name}`, dst.client, dst.name, blob, upload, ceilingMs).catch(asInputError);
        },
        async checkUnsent(blob) {
            const { tree, name } = fileOf(blob.digest);
            await verifyStream(tree.open(name), blob, `${tree.where}: ${name}`).catch(asInputError);
        }
    };
}

;// CONCATENATED MODULE: ./src/pipeline/referrers.ts









/** The spec's fallback tag for the referrers of `digest`. */
const fallbackTag = (digest) => digest.replace(':', '-');
/** Tags cosign writes beside the fallback index (signatures, attestations, SBOMs), when it runs without it. */
const COSIGN_SUFFIXES = ['.sig', '.att', '.sbom'];
// A registry without the API answers its route as any unknown path.
const NO_API = new Set([400, 404, 405, 501]);
/** More than any tool attaches to one digest: a longer list is refused rather than copied. */
const MAX_REFERRERS = 256;
/** The descriptors of an index body, each checked for the fields a copy needs. */
function descriptorsIn(body, what) {
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new errors/* RegistryError */.gl(`${what} is not JSON`, 'fatal');
    }
    if (!Array.isArray(parsed.manifests))
        throw new errors/* RegistryError */.gl(`${what} has no manifests list`, 'fatal');
    // Each entry is checked as any descriptor: a digest that is not one (a tag) would be fetched unverified
    // and written into the target's fallback index as it came.
    return parsed.manifests.map((d, i) => {
        try {
            return (0,registry_oci/* parseDescriptor */.BA)(d, `entry ${i}`);
        }
        catch (error) {
            if (error instanceof registry_oci/* OciError */.Mf)
                throw new errors/* RegistryError */.gl(`${what}: ${error.message}`, 'fatal');
            throw error;
        }
    });
}
const referrersOf = (side, digest) => `the referrers of ${digest} in ${side.client.registry}/${side.name}`;
/** Refuses a list longer than a promotion carries over, as soon as that many are read. */
function checkCount(side, digest, read) {
    if (read > MAX_REFERRERS)
        throw new errors/* RegistryError */.gl(`${side.client.registry}/${side.name} lists more referrers of ${digest} than the ${MAX_REFERRERS} a promotion carries over (${read} read)`, 'fatal');
}
/** The pages of the referrers API's answer for `digest`; the first may say the registry has no such API. */
const apiPages = ({ client, name }, digest) => pagesOf(client, name, client.url(name, `referrers/${digest}`), {
    what: 'referrers page',
    many: `pages of referrers of ${digest}`,
    accept: registry_oci/* OCI_INDEX */.$p,
    // Enough for MAX_REFERRERS one to a page; empty pages that link on are bounded by it too.
    maxPages: MAX_REFERRERS + 1,
    maxMs: bounds/* LIST_MS */.c2,
    firstAnswers: NO_API
});
/** The referrers API's answer for `digest`, every page of it, or undefined where the registry has no such API. */
async function fromApi(side, digest) {
    const list = [];
    for await (const { res } of apiPages(side, digest)) {
        if (NO_API.has(res.status))
            return undefined;
        list.push(...descriptorsIn(res.body, referrersOf(side, digest)));
        checkCount(side, digest, list.length);
    }
    return list;
}
/**
 * Whether the registry answers the referrers API: its first page alone tells, and must be an index like any
 * other page (a registry that answers the route with something else is not trusted to list what it holds).
 */
async function hasApi(side, digest) {
    for await (const { res } of apiPages(side, digest)) {
        if (NO_API.has(res.status))
            return false;
        descriptorsIn(res.body, referrersOf(side, digest));
        return true;
    }
    return false;
}
/** A tag's manifest, or undefined when the repository has no such tag. */
async function tagged(side, tag) {
    return (0,errors/* orMissing */.Mr)(side.client.getManifest(side.name, tag));
}
/** A source's manifest under `tag`, checked as every source manifest is; none when there is no such tag. */
const taggedSource = (side, tag) => (0,errors/* orMissing */.Mr)(readSource(side, tag));
/** The referrers of `digest` in `side`: the API's list, else the fallback index's; where they came from. */
async function listReferrers(side, digest) {
    const api = await fromApi(side, digest);
    if (api)
        return { list: api, via: 'api' };
    const index = await tagged(side, fallbackTag(digest));
    return {
        list: index
            ? descriptorsIn(index.body, `${side.client.registry}/${side.name}:${fallbackTag(digest)}`)
            : [],
        via: 'tag'
    };
}
/**
 * The referrers of `digest` in `src`, and cosign's tags for it, found and checked before anything is
 * written: the list (its count, each entry), and every manifest it names, read as the copy will read it
 * (digest, size, and what it lists in turn). A problem here fails the step while no tag has moved. Nothing
 * read is kept (up to 256 manifests): the copy reads each again by the digest checked here.
 */
async function findReferrers(src, digest) {
    const { list, via } = await listReferrers(src, digest);
    checkCount(src, digest, list.length);
    const store = registryStore(src);
    const listed = new Tally(bounds/* MAX_MANIFESTS */.Wq, 'manifests');
    await (0,limiter/* eachLimited */.ko)(list, PARALLEL_MANIFESTS, async (d) => checkBelow(store, await readSource(src, d), true, listed));
    const cosign = [];
    for (const suffix of COSIGN_SUFFIXES) {
        const tag = `${fallbackTag(digest)}${suffix}`;
        const manifest = await taggedSource(src, tag);
        if (!manifest)
            continue;
        await checkBelow(store, manifest, true, listed);
        cosign.push({
            tag,
            manifest: { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.body.length }
        });
    }
    return { src, digest, list, via, cosign };
}
/**
 * Places what `findReferrers` found into `dst` (where the digest itself has been placed): the referrers and
 * every blob they need. The tags that list them (the fallback index, where `dst` has no referrers API, merged
 * with any referrers it already lists; cosign's tags, merged with the target's own) are returned to be put
 * once every target holds what they name.
 */
async function placeReferrers(copier, found, dst) {
    const { src, digest, list, via } = found;
    const store = registryStore(src);
    await Promise.all(list.map(d => copier.placeListed(store, dst, d)));
    const writes = [];
    const fallback = list.length && !(await hasApi(dst, digest)) ? await fallbackWrite(dst, digest, list) : undefined;
    if (fallback)
        writes.push(fallback);
    const cosignTags = [];
    for (const { tag, manifest: d } of found.cosign) {
        // By the digest checked, not the tag again: the tag may have moved since.
        const manifest = await readSource(src, d);
        const write = await cosignTagWrite(copier, store, manifest, dst, tag);
        if (write)
            writes.push(write);
        cosignTags.push(tag);
    }
    return { referrers: list.length, via, cosignTags, writes };
}
/** The fallback index of `dst` for `digest`: what it listed, plus `added`, each digest once; none when it lists them all. */
async function fallbackWrite(dst, digest, added) {
    const tag = fallbackTag(digest);
    const existing = await tagged(dst, tag);
    const before = existing ? descriptorsIn(existing.body, `${dst.client.registry}/${dst.name}:${tag}`) : [];
    const seen = new Set(before.map(d => d.digest));
    const manifests = [...before, ...added.filter(d => !seen.has(d.digest) && seen.add(d.digest))];
    if (existing && manifests.length === before.length)
        return undefined;
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: registry_oci/* OCI_INDEX */.$p, manifests }));
    return { tag, body, mediaType: registry_oci/* OCI_INDEX */.$p };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/docker/errors.ts
var docker_errors = __webpack_require__(7457);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/pipeline/sources/tar.ts
// Reads a tar archive's table of contents without reading the files in it: one 512-byte header per entry,
// then each file is a byte range of the archive, opened on demand. A blob in an `oci-archive` or a
// `docker save` archive is streamed from its range, never read whole.


class TarFormatError extends Error {
}
const BLOCK = 512;
/** An archive with more entries than this is not an image. */
const MAX_ENTRIES = 100_000;
/** Pax and GNU long-name records are small; a larger one is not a name. */
const MAX_META = 1024 * 1024;
const field = (h, start, length) => {
    const raw = h.subarray(start, start + length);
    const nul = raw.indexOf(0);
    return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
};
function number(h, start, length) {
    // GNU base-256 for sizes past 8 GB: the high bit of the first byte set.
    if (h[start] & 0x80) {
        let n = h[start] & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            n = n * 256 + h[i];
        return n;
    }
    const text = field(h, start, length).trim();
    if (text && !/^[0-7]+$/.test(text))
        throw new TarFormatError(`bad number ${JSON.stringify(text)} in a header`);
    return text ? Number.parseInt(text, 8) : 0;
}
function checksumOk(h) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 32 : h[i];
    try {
        return sum === number(h, 148, 8);
    }
    catch {
        return false;
    }
}
/** `key=value` records of a pax extended header (`<len> key=value\n`). */
function paxRecords(data) {
    const out = {};
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        const length = Number.parseInt(data.subarray(at, space).toString('ascii'), 10);
        if (space < 0 || !(length > 0))
            break;
        const record = data.subarray(space + 1, at + length - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        at += length;
    }
    return out;
}
const clean = (name) => external_node_path_default().posix.normalize(name.replace(/^(?:\.\/)+/, '')).replace(/\/+$/, '');
/** Every regular file of the archive by its normalized path; symbolic and hard links resolved. */
async function indexTar(file) {
    const fh = await (0,promises_.open)(file, 'r');
    try {
        const { size: total } = await fh.stat();
        const files = new Map();
        const links = new Map();
        let pos = 0;
        let count = 0;
        let longName;
        let longLink;
        let pax = {};
        for (;;) {
            const h = await readAt(fh, pos, BLOCK);
            if (h.length < BLOCK || h.every(b => b === 0))
                break;
            if (!checksumOk(h))
                throw new TarFormatError(`no tar header at byte ${pos}: not a tar archive, or damaged`);
            if (++count > MAX_ENTRIES)
                throw new TarFormatError(`more than ${MAX_ENTRIES} entries`);
            const type = String.fromCharCode(h[156] || 0x30);
            const size = pax.size !== undefined ? Number(pax.size) : number(h, 124, 12);
            const offset = pos + BLOCK;
            if (!Number.isSafeInteger(size) || size < 0 || offset + size > total)
                throw new TarFormatError(`the entry at byte ${pos} runs past the end of the archive (truncated?)`);
            pos = offset + Math.ceil(size / BLOCK) * BLOCK;
            if (type === 'x' || type === 'L' || type === 'K') {
                if (size > MAX_META)
                    throw new TarFormatError(`a ${size}-byte extended header`);
                const data = await readAt(fh, offset, size);
                if (type === 'x')
                    pax = paxRecords(data);
                else if (type === 'L')
                    longName = field(data, 0, data.length);
                else
                    longLink = field(data, 0, data.length);
                continue;
            }
            // POSIX ustar has a name prefix there; the old GNU format (magic "ustar  ") keeps times in its place.
            const prefix = h.subarray(257, 263).toString('latin1') === 'ustar\0' ? field(h, 345, 155) : '';
            const name = clean(pax.path ?? longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100)));
            const link = pax.linkpath ?? longLink ?? field(h, 157, 100);
            pax = {};
            longName = longLink = undefined;
            if (type === '0' || type === '7')
                files.set(name, { offset, size });
            else if (type === '1')
                links.set(name, clean(link));
            else if (type === '2')
                links.set(name, clean(external_node_path_default().posix.join(external_node_path_default().posix.dirname(name), link)));
        }
        // `docker save` links a layer that two images share to the first copy.
        for (const [name, target] of links) {
            let to = target;
            for (let hops = 0; hops < 8 && !files.has(to) && links.has(to); hops++)
                to = links.get(to);
            const entry = files.get(to);
            if (entry)
                files.set(name, entry);
        }
        return files;
    }
    finally {
        await fh.close();
    }
}
async function readAt(fh, position, length) {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
        const { bytesRead } = await fh.read(buf, got, length - got, position + got);
        if (!bytesRead)
            break;
        got += bytesRead;
    }
    return buf.subarray(0, got);
}

;// CONCATENATED MODULE: ./src/pipeline/sources/files.ts
// The files of an image on disk, alike whether they sit in a directory (an OCI layout) or in a tar archive
// (an `oci-archive`, a `docker save` archive): a size to check, a small file read whole, a large one
// streamed.





class TooLarge extends Error {
}
/** A relative name from inside the image (a layer path in manifest.json): never outside the tree. */
function insideName(name) {
    const n = path.posix.normalize(name.replace(/^(?:\.\/)+/, ''));
    return n.startsWith('/') || n === '..' || n.startsWith('../') ? undefined : n;
}
function directoryTree(dir) {
    const at = (name) => external_node_path_default().join(dir, ...name.split('/'));
    return {
        where: dir,
        size: name => (0,promises_.stat)(at(name)).then(s => (s.isFile() ? s.size : undefined), () => undefined),
        async read(name, max) {
            const fh = await (0,promises_.open)(at(name), 'r');
            try {
                const { size } = await fh.stat();
                if (size > max)
                    throw new TooLarge(`${name} is ${size} bytes, more than ${max}`);
                return await fh.readFile();
            }
            finally {
                await fh.close();
            }
        },
        open: name => (0,external_node_fs_.createReadStream)(at(name))
    };
}
async function archiveTree(file) {
    const entries = await indexTar(file);
    const entry = (name) => {
        const e = entries.get(name);
        if (!e)
            throw Object.assign(new Error(`${file} has no ${name}`), { code: 'ENOENT' });
        return e;
    };
    const range = (e) => ({ start: e.offset, end: e.offset + e.size - 1 });
    return {
        where: file,
        size: async (name) => entries.get(name)?.size,
        async read(name, max) {
            const e = entry(name);
            if (e.size > max)
                throw new TooLarge(`${name} is ${e.size} bytes, more than ${max}`);
            if (!e.size)
                return Buffer.alloc(0);
            const chunks = [];
            for await (const chunk of (0,external_node_fs_.createReadStream)(file, range(e)))
                chunks.push(chunk);
            return Buffer.concat(chunks);
        },
        open(name) {
            const e = entry(name);
            // An empty range would read the whole file: an empty blob is an empty stream.
            return e.size ? (0,external_node_fs_.createReadStream)(file, range(e)) : external_node_stream_.Readable.from([]);
        }
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/pipeline/sources/layout.ts
// An OCI image layout as a source (a directory, or the tar of one that buildx and `docker save` write),
// pushed byte for byte. Every manifest the image needs is read and checked against its digest here, and
// every blob found with its size, before anything is sent; a blob's digest is checked as it is sent.





/** Blobs looked up at once while checking. */
const PARALLEL_CHECKS = 2;
/** An input error about this source line. */
const failOn = (source) => (message) => {
    throw new inputs_error/* InputError */.d('sources', `${(0,core_text/* quote */.hD)(source.line)}: ${message}`);
};
function parseJson(body, what, fail) {
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        return fail(`${what} is not JSON`);
    }
}
async function small(tree, name, fail) {
    if ((await tree.size(name)) === undefined)
        fail(`${tree.where} has no ${name}`);
    return tree.read(name, MAX_SMALL).catch(error => fail(`${name}: ${error.message}`));
}
/** `docker.io/library/app:1` and `app:1` are one name, as docker shortens it. */
const shortName = (name) => name.replace(/^(?:docker\.io|index\.docker\.io)\/(?:library\/)?/, '');
function pick(items, namesOf, source, where, fail) {
    const names = (i) => namesOf(i).filter(Boolean);
    if (source.reference !== undefined) {
        const wanted = shortName(source.reference);
        const found = items.filter(i => names(i).some(n => n === source.reference || shortName(n) === wanted));
        if (found.length === 1)
            return found[0];
        const all = items.flatMap(names);
        return fail(found.length
            ? `${where} holds ${found.length} images named ${(0,core_text/* quote */.hD)(source.reference)}`
            : `${where} holds no image named ${(0,core_text/* quote */.hD)(source.reference)}${all.length ? ` (it holds ${all.map(core_text/* quote */.hD).join(', ')})` : ''}`);
    }
    if (items.length === 1)
        return items[0];
    if (!items.length)
        return fail(`${where} holds no image`);
    const all = items.flatMap(names);
    return fail(`${where} holds ${items.length} images; name one as ${(0,core_text/* quote */.hD)(`${source.transport}:${source.path}:<reference>`)}${all.length ? ` (${all.map(core_text/* quote */.hD).join(', ')})` : ''}`);
}
/** An OCI image layout: the image of index.json that the line names (or the only one), byte for byte. */
async function readLayout(tree, source) {
    const fail = failOn(source);
    if ((await tree.size('oci-layout')) === undefined)
        fail(`${tree.where} is not an OCI image layout (it has no oci-layout file)`);
    const index = parseJson(await small(tree, 'index.json', fail), 'index.json', fail);
    const all = (Array.isArray(index.manifests) ? index.manifests : [])
        .map((d, i) => ({ d: d, i }))
        .filter(({ d }) => registry_oci/* MANIFEST_TYPES */._P.includes(d?.mediaType))
        .map(({ d, i }) => checkedOci(() => (0,registry_oci/* parseDescriptor */.BA)(d, `index.json manifests[${i}]`), fail));
    // One image may be listed under several names.
    const byDigest = new Map();
    for (const d of all)
        byDigest.set(d.digest, [...(byDigest.get(d.digest) ?? []), d]);
    const [chosen] = pick([...byDigest.values()], ds => ds.flatMap(d => [
        d.annotations?.['org.opencontainers.image.ref.name'] ?? '',
        d.annotations?.['io.containerd.image.name'] ?? ''
    ]), source, tree.where, fail);
    const pathOf = (digest) => `blobs/${digest.replace(':', '/')}`;
    const manifests = new Map();
    const blobs = new Map();
    // Descriptors come through parseDescriptor (index.json's) or parseManifest (an index's): digests checked.
    const walk = async (d, depth) => {
        if (depth > 4)
            fail(`indexes nest deeper than 4 levels`);
        const name = pathOf(d.digest);
        if ((await tree.size(name)) === undefined)
            fail(`${tree.where} lacks ${d.mediaType} ${d.digest} (${name})${depth ? ', which its index lists: an index is pushed whole, and only some of its images are here (a multi-platform image pulled for one platform?)' : ''}`);
        const body = await tree.read(name, MAX_SMALL).catch(error => fail(`${name}: ${error.message}`));
        const got = (0,registry_oci/* contentDigest */.eZ)(d.digest, body);
        if (got !== d.digest)
            fail(`${tree.where}: ${name} does not match its digest ${d.digest} (its bytes hash to ${got})`);
        if (d.size !== body.length)
            fail(`${tree.where}: ${name} is ${body.length} bytes, not the ${d.size} its descriptor says`);
        const parsed = checkedOci(() => (0,registry_oci/* parseManifest */.Ng)(body, d.mediaType), fail, `${name}: `);
        const label = depth ? `${tree.where}@${d.digest}` : (0,core_text/* quote */.hD)(source.line);
        const manifest = { digest: d.digest, mediaType: d.mediaType, body, parsed, label };
        manifests.set(d.digest, manifest);
        if (parsed.kind === 'index')
            await Promise.all(parsed.manifests.map(child => walk(child, depth + 1)));
        else
            for (const b of [parsed.config, ...parsed.layers])
                if (!b.urls?.length)
                    blobs.set(b.digest, b);
        return manifest;
    };
    const top = await walk(chosen, 0);
    await checkBlobs(tree, [...blobs.values()], pathOf, fail);
    const config = top.parsed.kind === 'image' ? top.parsed.config.digest : undefined;
    return {
        store: localStore(tree.where, manifests, digest => ({ tree, name: pathOf(digest) })),
        top,
        config
    };
}
/**
 * Every blob present and of its size, before anything is sent. Its digest is checked as it is sent (the
 * upload's last chunk held back until it matches): hashing it here too would read every layer twice.
 */
async function checkBlobs(tree, blobs, pathOf, fail) {
    await (0,limiter/* eachLimited */.ko)(blobs, PARALLEL_CHECKS, async (b) => {
        const name = pathOf(b.digest);
        const size = await tree.size(name);
        if (size === undefined)
            fail(`${tree.where} lacks blob ${b.digest} (${name})`);
        if (size !== b.size)
            fail(`${tree.where}: ${name} is ${size} bytes, not the ${b.size} its descriptor says`);
    });
}
/** What the OCI checks of registry/oci.ts say is wrong, as an input error about this line. */
function checkedOci(check, fail, prefix = '') {
    try {
        return check();
    }
    catch (error) {
        if (error instanceof registry_oci/* OciError */.Mf)
            return fail(prefix + error.message);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/sources/docker-archive.ts
// A `docker save` archive as a source. On the containerd image store (docker 25 and later) it is an OCI
// layout of the image's own manifests and compressed layers, whose digest is the image ID: read as a
// layout, byte for byte. The classic store keeps no manifest: its archive holds the image config and
// uncompressed layer tars, listed in manifest.json. One is written here, with each layer gzip-compressed as
// `docker push` would (into the run's private directory, checked against its diff_id on the way), so the
// config digest is the image ID while the manifest is new. Docker 25 and later write the classic store's
// archive as an OCI layout too (moby#47072), but of those same uncompressed layers (docker 25.0.0's lists
// none, moby#47065): such a layout is read through its manifest.json, as the classic archive it is.














const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
/** Layers compressed at once: each takes a core. */
const PARALLEL_LAYERS = 2;
/** `scratch` gives a private directory for the compressed layers. */
async function readDockerArchive(tree, source, scratch) {
    const fail = failOn(source);
    const entry = async () => {
        const list = parseJson(await small(tree, 'manifest.json', fail), 'manifest.json', fail);
        if (!Array.isArray(list))
            fail('manifest.json is not a list of images');
        return pick(list, e => e.RepoTags ?? [], source, tree.where, fail);
    };
    if ((await tree.size('index.json')) !== undefined && (await tree.size('oci-layout')) !== undefined) {
        const layout = await readLayout(tree, source);
        if (!(await classicStore(layout, tree, entry)))
            return layout;
    }
    return fromManifestJson(tree, source, await entry(), scratch, fail);
}
/** A layer type that says its bytes are a plain tar: what docker's classic store saves, never pushes. */
const UNCOMPRESSED = new Set([OCI_LAYER, 'application/vnd.docker.image.rootfs.diff.tar']);
/**
 * Whether a layout that `docker save` wrote is the classic store's (its layers uncompressed, or none listed
 * where manifest.json lists some), to be read through manifest.json; the containerd store's compressed
 * layers are pushed as they are.
 */
async function classicStore(layout, tree, entry) {
    const parsed = layout.top.parsed;
    if (parsed.kind !== 'image' || (await tree.size('manifest.json')) === undefined)
        return false;
    if (parsed.layers.some(l => UNCOMPRESSED.has(l.mediaType)))
        return true;
    return !parsed.layers.length && !!(await entry()).Layers?.length;
}
async function fromManifestJson(tree, source, entry, scratch, fail) {
    const inside = (name) => typeof name === 'string' && !name.startsWith('/') && !name.split('/').includes('..')
        ? name
        : fail(`manifest.json names ${(0,core_text/* quote */.hD)(String(name))}, which is not a file inside the archive`);
    const configName = inside(entry.Config);
    const configBody = await small(tree, configName, fail);
    const config = parseJson(configBody, configName, fail);
    const diffIds = config.rootfs?.diff_ids ?? [];
    const layerNames = (entry.Layers ?? []).map(inside);
    if (diffIds.length !== layerNames.length)
        fail(`${configName} lists ${diffIds.length} layers and manifest.json ${layerNames.length}`);
    for (const name of layerNames)
        if ((await tree.size(name)) === undefined)
            fail(`${tree.where} has no ${name}`);
    const dir = await scratch();
    const compressed = directoryTree(dir);
    const configDigest = (0,api/* manifestDigest */.It)(configBody);
    const files = new Map([
        [configDigest, { tree, name: configName }]
    ]);
    const layers = new Array(layerNames.length);
    await (0,limiter/* eachLimited */.ko)(layerNames, PARALLEL_LAYERS, async (name, i) => {
        const layer = await gzipLayer(tree, name, dir);
        if (layer.diffId !== undefined && layer.diffId !== diffIds[i])
            fail(`${name} does not match the diff_id ${diffIds[i]} that ${configName} gives it (its bytes hash to ${layer.diffId})`);
        files.set(layer.descriptor.digest, layer.already ? { tree, name } : { tree: compressed, name: layer.file });
        layers[i] = layer.descriptor;
    });
    const body = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: registry_oci/* OCI_MANIFEST */.EG,
        config: { mediaType: OCI_CONFIG, digest: configDigest, size: configBody.length },
        layers
    }));
    // Written here, and parsed as every source manifest is.
    const top = {
        digest: (0,api/* manifestDigest */.It)(body),
        mediaType: registry_oci/* OCI_MANIFEST */.EG,
        body,
        parsed: (0,registry_oci/* parseManifest */.Ng)(body, registry_oci/* OCI_MANIFEST */.EG),
        label: (0,core_text/* quote */.hD)(source.line)
    };
    return {
        store: localStore(tree.where, new Map([[top.digest, top]]), digest => files.get(digest)),
        top,
        config: configDigest,
        written: true
    };
}
const hashing = (hash, count) => new external_node_stream_.Transform({
    transform(chunk, _encoding, done) {
        hash.update(chunk);
        if (count)
            count.bytes += chunk.length;
        done(null, chunk);
    }
});
/**
 * One layer as it is pushed: a compressed one (gzip, zstd) as it is, its diff_id taken by decompressing a
 * gzip one on the way (node has no zstd everywhere: a zstd layer's is left unchecked); an uncompressed one
 * gzip-compressed into `dir`, its diff_id taken on the way.
 */
async function gzipLayer(tree, name, dir) {
    let head = Buffer.alloc(0);
    for await (const chunk of tree.open(name)) {
        head = chunk.subarray(0, 4);
        break;
    }
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    const zstd = head.length === 4 && head.readUInt32BE(0) === 0x28b52ffd;
    const raw = (0,external_node_crypto_.createHash)('sha256');
    const count = { bytes: 0 };
    if (gzip || zstd) {
        const diff = (0,external_node_crypto_.createHash)('sha256');
        const drain = async (source) => {
            for await (const _ of source)
                void _;
        };
        if (gzip)
            await (0,external_node_stream_promises_.pipeline)(tree.open(name), hashing(raw, count), (0,external_node_zlib_.createGunzip)(), hashing(diff), drain);
        else
            await (0,external_node_stream_promises_.pipeline)(tree.open(name), hashing(raw, count), drain);
        const digest = `sha256:${raw.digest('hex')}`;
        const mediaType = `${OCI_LAYER}+${gzip ? 'gzip' : 'zstd'}`;
        return {
            diffId: gzip ? `sha256:${diff.digest('hex')}` : undefined,
            descriptor: { mediaType, digest, size: count.bytes },
            already: true,
            file: name
        };
    }
    const out = (0,external_node_crypto_.createHash)('sha256');
    const temporary = external_node_path_default().join(dir, `${name.replace(/[^A-Za-z0-9]/g, '_')}.partial`);
    await (0,external_node_stream_promises_.pipeline)(tree.open(name), hashing(raw), (0,external_node_zlib_.createGzip)(), hashing(out, count), (0,external_node_fs_.createWriteStream)(temporary));
    const digest = `sha256:${out.digest('hex')}`;
    const file = digest.slice(7);
    await (0,promises_.rename)(temporary, external_node_path_default().join(dir, file));
    return {
        diffId: `sha256:${raw.digest('hex')}`,
        descriptor: { mediaType: `${OCI_LAYER}+gzip`, digest, size: count.bytes },
        already: false,
        file
    };
}

;// CONCATENATED MODULE: ./src/pipeline/sources/daemon.ts
// `docker-daemon:` sources: the engine's own image, exported with `docker save` and read as an archive.
// On the containerd image store the image ID is the digest of the image's index (or manifest), and the
// export holds it byte for byte. The classic store keeps no manifest, so the image gets a new one (its
// layers compressed anew), and the identity that survives is its config digest, the image ID there.





/** How an image is named in messages: an ID by its first 12 hex digits, as docker shows it. */
const shortImage = (image) => {
    const hex = imageIdHex(image);
    return hex ? hex.slice(0, 12) : image;
};
const imageIdHex = (image) => /^(?:sha256:)?([a-f0-9]{64})$/.exec(image)?.[1];
/** Why an ID may find nothing, and what finds the image: said for an ID only. */
const BY_TAG = ': on the containerd image store an image ID is its manifest or index digest, and a config digest (buildx 0.13 writes one to --iidfile for an image without attestations) names no image there; name the image by its tag';
async function readDaemonImage(source, ctx) {
    const fail = failOn(source);
    const info = await ctx.docker.inspect(source.path).catch(error => {
        if (error instanceof docker_errors/* DockerError */.Bi && /no such (?:image|object)/i.test(error.stderr))
            fail(`the docker engine has no image ${JSON.stringify(shortImage(source.path))}${imageIdHex(source.path) ? BY_TAG : ''}`);
        throw error;
    });
    const dir = await ctx.scratch();
    const file = external_node_path_default().join(dir, 'image.tar');
    // By ID, so that what is exported is what was inspected, whatever a tag points to meanwhile.
    await ctx.docker.save(info.id, file, info.size);
    const image = await readDockerArchive(await archiveTree(file), { ...source, reference: undefined }, async () => dir);
    const short = shortImage(info.id);
    if (image.top.digest === info.id)
        ctx.reporter.info(`Source ${source.line}: image ${short} is its ${image.top.mediaType}, pushed byte for byte`);
    else if (image.config === info.id)
        ctx.reporter.info(`Source ${source.line}: this docker engine's image store keeps no manifest, so a new one is written (${image.top.digest}, the layers gzip-compressed as docker push does); the pushed config digest is image ${short}`);
    else
        throw new Error(`docker save of image ${short} exported ${image.top.digest} with config ${image.config ?? 'none'}: neither is the image ID, so it cannot be proven the same image`);
    return { ...image, id: info.id };
}

;// CONCATENATED MODULE: ./src/pipeline/sources/local.ts
// A local source line to an image to push: an OCI layout directory, a tar of one, a `docker save`
// archive, or an image of the docker engine. Only the last needs the engine; the files are read by
// the registry client's side of this program alone.








/** The image, and what `imageid` says of it: the engine's image ID, else the config (or index) digest. */
async function readLocal(source, ctx) {
    const dir = external_node_path_default().join(ctx.workDir, 'sources');
    // A fresh directory each time: two lines may name the same image.
    const scratch = async () => {
        await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
        return (0,promises_.mkdtemp)(external_node_path_default().join(dir, 'image-'));
    };
    if (source.transport === 'docker-daemon') {
        const image = await readDaemonImage(source, { ...ctx, scratch });
        return { ...image, imageid: image.id };
    }
    const fail = failOn(source);
    const where = external_node_path_default().resolve(source.path);
    const found = await (0,promises_.stat)(where).catch(() => undefined);
    const directory = source.transport === 'oci';
    if (!found || found.isDirectory() !== directory)
        fail(`${JSON.stringify(source.path)}: no such ${directory ? 'directory' : 'file'}`);
    const tree = directory
        ? directoryTree(where)
        : await archiveTree(where).catch(error => error instanceof TarFormatError
            ? fail(`${JSON.stringify(source.path)}: ${error.message}`)
            : Promise.reject(error));
    const image = source.transport === 'docker-archive'
        ? await readDockerArchive(tree, source, scratch)
        : await readLayout(tree, source);
    return {
        ...image,
        imageid: (0,registry_oci/* isIndex */.nw)(image.top.mediaType) ? image.top.digest : (image.config ?? image.top.digest)
    };
}

;// CONCATENATED MODULE: ./src/pipeline/sources/run.ts




















async function fromSources(inputs, plan, deps) {
    const { reporter, durations } = deps;
    const targets = plan.targets;
    const sideOf = (t) => ({ client: deps.clientFor(t.registry), name: t.name });
    const { parts, referrers } = await reporter.group('Resolve sources', () => (0,log_reporter/* timed */.ay)(durations, 'resolve', async () => {
        const parts = await resolveAll(inputs, deps);
        // A promotion keeps the digest, so what was attached to it still applies: it comes along, and is
        // checked now. A merge makes a new digest, which nothing is attached to.
        const from = parts.length === 1 ? parts[0].from.side : undefined;
        const carried = from && targets.some(t => !sameRepository(from, sideOf(t)));
        return { parts, referrers: carried ? await findReferrers(from, parts[0].manifest.digest) : undefined };
    }));
    const top = parts.length === 1 ? promotion(inputs, parts[0]) : merged(inputs, plan, parts, reporter);
    reporter.info(parts.length === 1
        ? `Promoting ${parts[0].source} (${top.digest}) as it is`
        : `Merging ${parts.length} sources into one ${top.mediaType} (${top.digest})`);
    // Every target at once, and none tagged before all hold the image and its referrers: a target that
    // fails stops the others, and no tag has moved anywhere.
    const stop = new AbortController();
    const copier = new Copier({
        retries: inputs.retries,
        reporter,
        bounds: deps.bounds,
        sleep: deps.sleep,
        signal: stop.signal
    });
    await reporter.group('Copy', () => (0,log_reporter/* timed */.ay)(durations, 'copy', async () => {
        const placed = await (0,limiter/* allOrStop */.PR)(targets.map(target => async () => {
            const dst = sideOf(target);
            if (parts.length === 1)
                await copier.place(parts[0].from, dst, parts[0].manifest);
            else
                await Promise.all(parts.map(part => placeChildren(copier, part, dst)));
            // After the image (their subject); their tags with the image's.
            if (!referrers || sameRepository(referrers.src, dst))
                return { target, dst, writes: [] };
            const c = await placeReferrers(copier, referrers, dst);
            if (c.referrers || c.cosignTags.length)
                reporter.info(`Referrers of ${top.digest} carried over to ${target.repository}: ${c.referrers} (found through the ${c.via === 'api' ? 'referrers API' : `${fallbackTag(top.digest)} tag`})${c.cosignTags.length ? `, and cosign's ${c.cosignTags.join(', ')}` : ''}`);
            return { target, dst, writes: c.writes };
        }), stop);
        // The referrers' tags first: a target that refuses them moves none of the image's.
        const put = (steps) => (0,limiter/* allOrStop */.PR)(placed.flatMap(p => steps(p).map(w => () => p.dst.client.putManifest(p.dst.name, w.tag, w.body, w.mediaType))));
        await put(p => p.writes);
        await put(p => p.target.tags.map(tag => ({ tag, body: top.body, mediaType: top.mediaType })));
    }));
    const m = copier.moved;
    reporter.info(`Blobs: ${m.blobsCopied} copied (${m.blobBytes} bytes), ${m.blobsMounted} mounted, ${m.blobsPresent} already there`);
    await reporter.group('Verify', () => (0,log_reporter/* timed */.ay)(durations, 'verify', async () => {
        for (const target of targets) {
            const client = deps.clientFor(target.registry);
            const before = client.requestCount;
            const manifests = await Promise.all(target.tags.map(tag => client.getManifest(target.name, tag)));
            deps.verification.requests += client.requestCount - before;
            (0,verify/* checkManifests */.d5)(target.tags, manifests, [top.digest], [top.digest], reporter);
        }
    }));
    reporter.info(`Verified: every tag of ${targets.length} target(s) serves ${top.digest}`);
    // Nothing was built: no builder, no size of ours; the image ID only of a local image promoted alone.
    return {
        ...(0,result/* resultOf */.B)({
            refs: targets.flatMap(t => t.tags.map(tag => `${t.repository}:${tag}`)),
            builder: 'none',
            durations,
            iid: parts.length === 1 ? (parts[0].imageid ?? '') : '',
            verified: {
                repository: targets[0].repository,
                repositories: targets.map(t => t.repository),
                digest: top.digest,
                manifest: top,
                platformDigests: top.platformDigests
            }
        }),
        // What was pushed carries no label of ours (the configs are the sources'), and annotations only on a
        // merged index.
        meta: {
            version: '',
            labels: [],
            annotations: Object.entries(top.annotations).map(([k, v]) => `${k}=${v}`),
            levels: ['index']
        },
        moved: m
    };
}
/** What a merged index refers to, from one part: an index's entries, or the single manifest itself. */
async function placeChildren(copier, part, dst) {
    if (part.from.side && sameRepository(part.from.side, dst))
        return;
    if (part.manifest.parsed.kind !== 'index')
        return copier.place(part.from, dst, part.manifest);
    await copier.placeChildren(part.from, dst, part.manifest);
}
/** One source: its own bytes; annotations would change them, so they are refused. */
function promotion(inputs, part) {
    if (inputs.annotations.length)
        throw new parse/* InputError */.dz('annotations', `a single source is promoted byte for byte, so nothing can be added to it; annotations apply when ${(0,table/* ref */.KR)('sources')} merge several images`);
    const single = part.platform ? (0,registry_oci/* platformString */.Fd)(part.platform) : undefined;
    return { ...part.manifest, platformDigests: (0,verify/* platformDigests */.Hm)(part.manifest, single), annotations: {} };
}
function merged(inputs, plan, parts, reporter) {
    const user = (0,parse/* asInput */.lv)('annotations', () => (0,sources/* indexAnnotations */.nM)(inputs.annotations));
    // The automatic labels of a build (created, source, revision, version) describe the index here.
    const automatic = Object.fromEntries(plan.build.labels.map(l => (0,core_text/* splitKeyValue */.px)(l)).map(kv => [kv.key, kv.value]));
    const index = (0,parse/* asInput */.lv)('sources', () => mergeIndex(parts, { user, automatic }));
    if (index.why)
        reporter.debug(`OCI index: ${index.why}`);
    return {
        digest: (0,api/* manifestDigest */.It)(index.body),
        mediaType: index.mediaType,
        body: index.body,
        platformDigests: index.platformDigests,
        annotations: index.annotations
    };
}
/** Every line resolved to manifests, globs expanded; the same manifest reached twice counts once. */
async function resolveAll(inputs, deps) {
    const refs = inputs.sources.map(line => (0,parse/* asInput */.lv)('sources', () => (0,sources/* parseSource */.PJ)(line, inputs.registry, inputs.image)));
    const lists = await Promise.all(refs.map(r => ((0,sources/* isLocal */.IX)(r) ? resolveLocal(r, deps) : resolveOne(r, deps))));
    const seen = new Set();
    const parts = lists.flat().filter(p => !seen.has(p.manifest.digest) && seen.add(p.manifest.digest));
    const listed = new Tally(bounds/* MAX_MANIFESTS */.Wq, 'manifests');
    await Promise.all(parts.map(async (p) => {
        const parsed = p.manifest.parsed;
        // The indexes an index lists are read now, counted and bounded as a copy reads them.
        if (parsed.kind === 'index')
            return checkBelow(p.from, p.manifest, false, listed);
        const config = await p.from.smallBlob(parsed.config.digest).catch((error) => {
            if (!(error instanceof errors/* RegistryError */.gl))
                throw error;
            throw new errors/* RegistryError */.gl(`source ${p.manifest.label}: ${error.message}`, error.kind, error);
        });
        p.platform = platformOfConfig(config);
    }));
    for (const p of parts)
        deps.reporter.info(`Source ${p.source}: ${p.manifest.digest} (${p.manifest.mediaType})`);
    return parts;
}
async function resolveLocal(source, deps) {
    const image = await readLocal(source, deps);
    return [{ source: source.line, manifest: image.top, from: image.store, imageid: image.imageid }];
}
async function resolveOne(source, deps) {
    const side = { client: deps.clientFor(source.registry), name: source.name };
    const from = registryStore(side);
    const where = `${source.registry}/${source.name}`;
    const label = JSON.stringify(source.line);
    const fail = (error) => {
        if ((0,errors/* isMissing */.b2)(error))
            throw new parse/* InputError */.dz('sources', `${label}: no such image in ${where} (${(0,core_text/* messageOf */.bD)(error).replace(`source ${label}: `, '')})`);
        if (error instanceof errors/* RegistryError */.gl && !error.message.startsWith('source '))
            throw new errors/* RegistryError */.gl(`source ${label}: ${error.message}`, error.kind, {
                status: error.status,
                code: error.code
            });
        throw error;
    };
    if (source.prefix === undefined) {
        const reference = source.digest ?? source.tag;
        const manifest = await readSource(side, reference, label).catch(fail);
        return [{ source: source.line, manifest, from }];
    }
    const prefix = source.prefix;
    const tags = (await listTags(side.client, source.name, {
        keep: t => t.startsWith(prefix),
        maxRead: deps.bounds.maxTagsRead
    }).catch(fail)).sort();
    if (!tags.length)
        throw new parse/* InputError */.dz('sources', `${label} matches no tag in ${where}`);
    // As many reads at once as the client has sockets (more would only queue), each body held once per
    // digest: a thousand tags of one image hold one manifest.
    const parts = new Array(tags.length);
    const byDigest = new Map();
    await (0,limiter/* eachLimited */.ko)(tags, transport/* MAX_SOCKETS */.IX, async (tag, i) => {
        const read = await readSource(side, tag).catch(fail);
        const manifest = byDigest.get(read.digest) ?? read;
        byDigest.set(manifest.digest, manifest);
        if (byDigest.size > bounds/* MAX_INDEX_ENTRIES */.Vk)
            throw new parse/* InputError */.dz('sources', `${label} matches more than ${bounds/* MAX_INDEX_ENTRIES */.Vk} different images in ${where}, more than one index holds`);
        parts[i] = { source: `${where}:${tag}`, manifest, from };
    });
    return parts;
}


/***/ })

};
;