"use strict";
exports.id = 56;
exports.ids = [56];
exports.modules = {

/***/ 7056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionReporter: () => (/* binding */ actionReporter),
  errorLine: () => (/* binding */ errorLine),
  main: () => (/* binding */ main),
  maskCredentials: () => (/* binding */ maskCredentials)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __webpack_require__(6080);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 5 modules
var parse = __webpack_require__(1358);
// EXTERNAL MODULE: ./src/log/fence.ts
var fence = __webpack_require__(4911);
// EXTERNAL MODULE: ./src/log/reporter.ts
var reporter = __webpack_require__(2425);
// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __webpack_require__(3477);
// EXTERNAL MODULE: ./src/log/masks.ts
var masks = __webpack_require__(5831);
// EXTERNAL MODULE: ./src/metadata/outputs.ts
var outputs = __webpack_require__(8427);
// EXTERNAL MODULE: ./src/core/go-bool.ts
var go_bool = __webpack_require__(8558);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
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
// The job summary and the `metadata` output, as pure functions of the result.




function metadata(inputs, result) {
    return {
        // buildx's keys first, so that workflows written for build-push-action's metadata keep working.
        ...result.buildx,
        image: inputs.image,
        // No image, no registry it went to (`registry` may still name a login's).
        registry: inputs.image ? inputs.registry : '',
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
    const { tags, ...meta } = (0,outputs/* metadataOutputValues */.vw)(result.meta ?? { version: '', labels: [], annotations: [] }, result.tags, inputs);
    const names = subjectNames(inputs.targets);
    return {
        digest: result.digest,
        'image-ref': result.imageRef,
        'image-refs': result.imageRefs,
        'image-name': names[0] ?? '',
        'image-names': names,
        imageid: result.imageid,
        tags,
        'platform-digests': result.platformDigests,
        'sbom-path': Object.values(result.sboms ?? {})[0] ?? '',
        'sbom-paths': result.sboms ?? {},
        metadata: metadata(inputs, result),
        // metadata-action's other outputs, with its separators and shapes
        ...meta
    };
}
/** The action's outputs: strings, as the runner takes them (lists one per line or by sep-*, objects as JSON). */
function summary_outputs(inputs, result) {
    return Object.fromEntries(Object.entries(typedOutputs(inputs, result)).map(([name, value]) => [
        name,
        (0,outputs/* outputText */.jO)(name, value, inputs)
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
        ['Image', inputs.image ? code(`${inputs.registry}/${inputs.image}`) : '_none_'],
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
    // Pushed with no tag (push-by-digest): what the registry holds is each image's name@digest.
    const byDigest = result.digest !== '' && !result.tags.length;
    const verb = byDigest ? 'Pushed by digest, no tag' : result.digest ? 'Pushed' : 'Built (not pushed)';
    const listed = byDigest ? result.imageRefs : result.tags;
    const refs = listed.length ? listed.map(t => `- ${code(t)}`).join('\n') : '_untagged_';
    return `### build-tag-push\n\n${table}\n\n**${verb}:**\n\n${refs}\n`;
}
/**
 * Whether to write the job summary: build-push-action's DOCKER_BUILD_SUMMARY (default true, Go's words), so
 * that a workflow that turned docker's summary off gets none from this step either; and, as v6 reads it
 * first, the deprecated DOCKER_BUILD_NO_SUMMARY (true: no summary), with v6's warning. A value Go refuses
 * is an InputProblem naming the variable, before any build (build-push-action fails on it after the build).
 */
function summaryWanted(env, warn = () => { }) {
    const no = env.DOCKER_BUILD_NO_SUMMARY ?? '';
    if (no !== '') {
        warn('DOCKER_BUILD_NO_SUMMARY is deprecated: set DOCKER_BUILD_SUMMARY to false instead');
        return !boolVariable('DOCKER_BUILD_NO_SUMMARY', no);
    }
    const text = env.DOCKER_BUILD_SUMMARY ?? '';
    return text === '' || boolVariable('DOCKER_BUILD_SUMMARY', text);
}
function boolVariable(name, text) {
    const value = (0,go_bool/* goBool */.B)(text);
    if (value === undefined)
        throw new problem/* InputProblem */.S(`(an environment variable) ${JSON.stringify(text)} must be true or false`, name);
    return value;
}

// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
;// CONCATENATED MODULE: ./src/action/main.ts
// The action's two ends: inputs from the runner, outputs and summary back to it, through @actions/core.
// The only place that calls setFailed.















const words = (message) => (0,parse/* renderInputRefs */.nx)(message, parse/* actionTerm */.f$);
/** docker's output goes through the fence; each of our own lines closes its region first. */
const main_fence = (0,fence/* createFence */.KH)(chunk => process.stdout.write(chunk), { drain: (0,fence/* drainOf */.uW)(process.stdout) });
const own = (fn) => (...args) => {
    main_fence.close();
    return fn(...args);
};
const actionReporter = {
    info: own((m) => core.info((0,fence/* singleLine */.pF)(words(m)))),
    notice: own((m) => core.notice(words(m))),
    warning: own((m, where) => core.warning(words(m), where && { file: workspacePath(where.file), startLine: where.line, endLine: where.endLine })),
    // Debug lines only when the run asks for them (RUNNER_DEBUG): they need not cross the log otherwise.
    debug: (m) => {
        if (core.isDebug())
            own(core.debug)(words(m));
    },
    setSecret: own((v) => core.setSecret(v)),
    group: (name, fn) => {
        main_fence.close();
        return core.group(name, async () => {
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
/** The main step. The runner calls the post step (post.ts) after the job, through run.ts. */
async function main() {
    try {
        // Inside the try: a GITHUB_STATE naming no file (a broken runner) fails the step with one error line.
        core.saveState(state/* STATE_POST */.Rs, 'true');
        maskCredentials(core.getInput('username'), core.getInput('password').trim(), v => core.setSecret(v));
        const registryAuth = core.getInput('registry-auth');
        if (registryAuth.trim()) {
            await (0,registry_auth/* loadRegistryAuthParser */.DC)();
            for (const login of (0,registry_auth/* credentialsIn */.Wr)(registryAuth))
                maskCredentials(login.username, login.password, v => core.setSecret(v));
        }
        // Before anything can quote an input: a URL's userinfo in any of them (a git context's token).
        for (const [key] of table/* ROWS */.Ir)
            (0,masks/* urlSecrets */.Fn)(core.getInput((0,table/* inputName */.yu)(key))).forEach(v => core.setSecret(v));
        // And the proxy's credentials, which the registry client sends and docker's output may quote.
        (0,masks/* proxySecrets */.Wm)(process.env).forEach(v => core.setSecret(v));
        const untrimmed = new Set(table/* ROWS */.Ir.filter(([, row]) => row.secret || row.untrimmed).map(([key]) => (0,table/* inputName */.yu)(key)));
        const get = (name) => core.getInput(name, { trimWhitespace: !untrimmed.has(name) });
        const { inputs, notices, warnings } = (0,parse/* parseInputs */.TL)(get);
        const summary = (0,parse/* asInput */.lv)('', () => summaryWanted(process.env, w => core.warning(w)));
        notices.forEach(n => core.notice(words(n)));
        warnings.forEach(w => core.warning(words(w)));
        // Loaded after validation: bad input, the most common failure, fails without loading it.
        const { execute } = await Promise.all(/* import() */[__webpack_require__.e(765), __webpack_require__.e(890), __webpack_require__.e(263), __webpack_require__.e(956)]).then(__webpack_require__.bind(__webpack_require__, 4956));
        const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
        let resolve = async (login) => login;
        const result = await execute(inputs, {
            reporter: actionReporter,
            tempRoot,
            out: main_fence,
            // Asked of the runner by us, not core.getIDToken: that masks whatever it is given, unchecked.
            idToken: async (request) => (await Promise.all(/* import() */[__webpack_require__.e(263), __webpack_require__.e(358)]).then(__webpack_require__.bind(__webpack_require__, 3358))).githubIdToken(request),
            onWorkDir: dir => core.saveState(state/* STATE_WORKDIR */.Z2, dir),
            onLogins: logins => (resolve = login => logins.resolve(login))
        });
        main_fence.close();
        // Only after a run that succeeded: a failed one leaves the job's docker config as it found it.
        // Loaded only when asked for: the ledger reads this host's identity as it loads.
        if (inputs.keepLogin) {
            const { keepLogins } = await Promise.all(/* import() */[__webpack_require__.e(890), __webpack_require__.e(97)]).then(__webpack_require__.bind(__webpack_require__, 6097));
            await keepLogins(inputs.logins, { resolve, tempRoot, reporter: actionReporter });
        }
        const values = summary_outputs(inputs, result);
        for (const [name, value] of Object.entries(values))
            core.setOutput(name, value);
        for (const [name, value] of Object.entries((0,outputs/* metadataEnvExports */.Gv)(inputs, values)))
            core.exportVariable(name, value);
        await main_declareArtifacts(inputs, result.digest);
        if (summary)
            await writeSummary(summaryMarkdown(inputs, result));
        actionReporter.debug(`done ${Math.round((0,clock/* sinceStart */.B)())} ms after the process started`);
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
        core.warning(`could not declare the pushed images in GITHUB_ARTIFACTS: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
}
/** One error line; an annotation on the Dockerfile line when the builder named it. */
function fail(error) {
    const where = (0,reporter/* whereOf */.de)(error);
    if (!where)
        return core.setFailed(errorLine(error));
    process.exitCode = core.ExitCode.Failure;
    core.error(errorLine(error), {
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
        await core.summary.addRaw(markdown, true).write();
    }
    catch (error) {
        core.warning(`could not write the job summary: ${(0,core_text/* messageOf */.bD)(error)}`);
    }
}
/** One line: the action's failure message must not spill over several annotations. */
function errorLine(error) {
    // Each run of whitespace that holds a line break becomes one space, matched once per run: a pattern such
    // as `\s*\n\s*` retries every start inside a long run without one, in time quadratic in its length.
    const line = words((0,core_text/* messageOf */.bD)(error))
        .replace(/\s+/g, run => (run.includes('\n') ? ' ' : run))
        .trim();
    return error instanceof parse/* InputError */.dz ? line : line || 'build-tag-push failed';
}


/***/ }),

/***/ 8558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ goBool)
/* harmony export */ });
// A boolean as docker's tools read it from an attribute or an environment variable: Go's strconv.ParseBool
// words, case and all (buildx's output attributes, docker's actions' DOCKER_BUILD_* and DOCKER_METADATA_*).
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);
/** true or false for one of Go's words, undefined for anything else (which Go refuses). */
function goBool(text) {
    if (TRUE.has(text))
        return true;
    if (FALSE.has(text))
        return false;
    return undefined;
}


/***/ }),

/***/ 2418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ namesHost),
/* harmony export */   Gp: () => (/* binding */ formatSpecifier),
/* harmony export */   L0: () => (/* binding */ parseBuildxPlatform),
/* harmony export */   as: () => (/* binding */ parseSpecifier),
/* harmony export */   rE: () => (/* binding */ SPECIFIER_FORMS)
/* harmony export */ });
/* unused harmony export hostPlatform */
/* harmony import */ var _problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
// Docker's platform specifiers (`linux/amd64`, `Linux/x86_64`, `arm64`, `windows(10.0.17763)/amd64`,
// `local`) read as buildx reads `--platform` and annotation levels: containerd's platforms.Parse and
// Normalize (github.com/containerd/platforms 1.0, which current buildx uses; older engines accept a subset
// and refuse the rest themselves), and buildx's `local` (platformutil.Parse). Pure apart from the host,
// which `local` and a lone OS or architecture stand for. A leaf.


/** The forms a specifier may take, for messages. */
const SPECIFIER_FORMS = 'os/arch[/variant] (e.g. linux/amd64, linux/arm/v7, Linux/x86_64), an OS or an architecture alone, or local';
// The first part may carry an OS version and features (`windows(10.0.17763+win32k)`), %-escaped.
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const PART = /^[A-Za-z0-9_.-]+$/;
// Go's GOOS and GOARCH lists, as containerd knows them (isKnownOS, isKnownArch).
const KNOWN_OS = new Set('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(' '));
const KNOWN_ARCH = new Set('386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'.split(' '));
const normalizeOS = (os) => (os.toLowerCase() === 'macos' ? 'darwin' : os.toLowerCase());
/** containerd's normalizeArch: the aliases, and the variants that are each architecture's default. */
function normalizeArch(archIn, variantIn) {
    const arch = archIn.toLowerCase();
    const variant = variantIn.toLowerCase();
    switch (arch) {
        case 'i386':
            return ['386', ''];
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            return ['amd64', variant === 'v1' ? '' : variant];
        case 'aarch64':
        case 'arm64':
            if (['8', 'v8', 'v8.0'].includes(variant))
                return ['arm64', ''];
            return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant];
        case 'armhf':
            return ['arm', 'v7'];
        case 'armel':
            return ['arm', 'v6'];
        case 'arm':
            if (variant === '' || variant === '7')
                return ['arm', 'v7'];
            return ['arm', /^[568]$/.test(variant) ? `v${variant}` : variant];
    }
    return [arch, variant];
}
function hostPlatform() {
    const os = { win32: 'windows', sunos: 'solaris' }[process.platform] ?? process.platform;
    const arm = process.config.variables.arm_version;
    const [architecture, variant] = {
        x64: ['amd64', ''],
        ia32: ['386', ''],
        arm: ['arm', arm ? `v${arm}` : ''],
        ppc64: [os === 'linux' ? 'ppc64le' : 'ppc64', ''],
        mipsel: ['mipsle', '']
    }[process.arch] ?? [process.arch, ''];
    const [a, v] = normalizeArch(architecture, variant);
    return { os, architecture: a, variant: v };
}
/** containerd unescapes an OS version and features as a URL path (Go's PathUnescape): a bad `%` is an error. */
function decodeOption(text, specifier) {
    if (/%(?![0-9A-Fa-f]{2})/.test(text))
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is not valid %-escaping`);
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(text);
}
/**
 * containerd's platforms.Parse followed by Normalize, as buildx applies them: throws an InputProblem saying
 * which rule the specifier breaks. `host` stands in where a lone OS or architecture leaves a part out.
 */
function parseSpecifier(specifier, host = hostPlatform()) {
    if (specifier.includes('*'))
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)}: wildcards are not supported`);
    const parts = specifier.split('/');
    if (parts.length > 3)
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} has more than three parts (os/arch/variant)`);
    const os = OS_PART.exec(parts[0]);
    if (!os)
        throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(parts[0])} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is not an OS: letters, digits, "_" and "-", optionally with a version as in windows(10.0.17763)`);
    for (const part of parts.slice(1))
        if (!PART.test(part))
            throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(part)} in ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is not an architecture or variant: letters, digits, "_", "." and "-"`);
    const p = {
        os: normalizeOS(os[1]),
        architecture: '',
        variant: '',
        osVersion: decodeOption(os[2] ?? '', specifier),
        osFeatures: os[3]
            ? os[3]
                .slice(1)
                .split('+')
                .map(f => decodeOption(f, specifier))
            : []
    };
    if (parts.length === 1) {
        if (KNOWN_OS.has(p.os))
            return normalize({ ...p, architecture: host.architecture, variant: host.variant });
        const [architecture, variant] = normalizeArch(parts[0], '');
        if (!KNOWN_ARCH.has(architecture))
            throw new _problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(specifier)} is neither a known OS nor a known architecture`);
        return normalize({ ...p, os: host.os, architecture, variant, osVersion: '', osFeatures: [] });
    }
    const [architecture, variant] = normalizeArch(parts[1], parts[2] ?? '');
    return normalize({ ...p, architecture, variant });
}
/** containerd's Normalize: the aliases again (an arm's v7 comes back), OS features sorted and once each. */
function normalize(p) {
    const [architecture, variant] = normalizeArch(p.architecture, p.variant);
    return { ...p, architecture, variant, osFeatures: [...new Set(p.osFeatures)].sort() };
}
/** buildx's `--platform` entry: `local` (any case) is this machine's platform, the rest as containerd reads it. */
const parseBuildxPlatform = (specifier, host = hostPlatform()) => specifier.toLowerCase() === 'local'
    ? normalize({ ...host, osVersion: '', osFeatures: [] })
    : parseSpecifier(specifier, host);
/** Whether a specifier leaves parts to the host (`local`, a lone OS or architecture): its meaning is the host's. */
const namesHost = (specifier) => !specifier.includes('/');
const encodeOption = (text) => text.replace(/[%+()/]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** containerd's FormatAll: `os[(version[+feature\u2026])]/arch[/variant]`, one spelling per platform. */
function formatSpecifier(p) {
    const options = encodeOption(p.osVersion) + p.osFeatures.map(f => `+${encodeOption(f)}`).join('');
    return [options ? `${p.os}(${options})` : p.os, p.architecture, p.variant].filter(Boolean).join('/');
}


/***/ }),

/***/ 652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ reworded),
/* harmony export */   S: () => (/* binding */ InputProblem)
/* harmony export */ });
// A problem with a value the user gave, found by a parser that does not know which input the value came
// from: the input parsing names the input (inputs/error.ts asInput). A leaf, so that every layer's pure
// parsers can throw it without knowing of the inputs.
class InputProblem extends Error {
    subject;
    constructor(message, 
    /**
     * What the problem names instead of the input being read: another input a check across inputs found
     * at fault, or an environment variable a parser read itself.
     */
    subject) {
        super(message);
        this.subject = subject;
        this.name = 'InputProblem';
    }
}
/** `fn`, whose InputProblem is said again in context: `say` puts the line or entry before it, or a hint after. */
function reworded(fn, say) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof InputProblem)
            throw new InputProblem(say(error.message), error.subject);
        throw error;
    }
}


/***/ }),

/***/ 928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gw: () => (/* binding */ splitUserinfo),
/* harmony export */   YB: () => (/* binding */ replaceUserinfo),
/* harmony export */   vO: () => (/* binding */ authorityOf),
/* harmony export */   zY: () => (/* binding */ urlAuthorities)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5378);
// A URL's userinfo as Go's net/url (docker, BuildKit) and the WHATWG URL parser (node) find it: the
// authority, from `scheme://` to the first `/`, `?`, `#` or whitespace, split at its LAST `@`, so a password
// holding an unencoded `@` (`https://u:p@ss@host`) stays whole instead of leaking its tail into the host.

const SCHEME = /\b([a-z][a-z0-9+.-]*):\/\//gi;
const AUTHORITY = /^[^/?#\s]*/;
/** `sha256:<hex>` at the head of what follows an `@`: a pinned image (`docker-image://alpine:3.19@sha256:\u2026`). */
const DIGEST_HEAD = /^[A-Za-z0-9+._-]+:[0-9A-Fa-f]+/;
/** The authority of the URL at `text`'s start, undefined when `text` does not start with `scheme://`. */
function authorityOf(text) {
    const found = urlAuthorities(text)[0];
    return found && found.index === found.scheme.length + 3 ? found : undefined;
}
/**
 * The authority of every `scheme://` in free text (an input's value, a command line). What follows an `@`
 * and starts with a digest is an image reference's digest, not a host: `alpine:latest` before it is no
 * userinfo.
 */
function urlAuthorities(text) {
    return [...text.matchAll(SCHEME)].map(m => {
        const index = m.index + m[0].length;
        const authority = AUTHORITY.exec(text.slice(index))[0];
        const rest = text.slice(index + authority.length);
        const at = authority.lastIndexOf('@');
        const host = authority.slice(at + 1);
        const digest = DIGEST_HEAD.exec(host)?.[0];
        if (at < 0 || (digest && (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .fH)(digest)))
            return { scheme: m[1], index, host: authority, rest };
        return { scheme: m[1], index, userinfo: authority.slice(0, at), host, rest };
    });
}
/** Userinfo split at its first `:` as Go's url.UserPassword reads it, as written; no password without `:`. */
function splitUserinfo(userinfo) {
    const colon = userinfo.indexOf(':');
    return colon < 0
        ? { user: userinfo }
        : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
}
/** `text` with the userinfo of each URL whose scheme `schemes` accepts replaced by `shown`. */
function replaceUserinfo(text, shown, schemes) {
    let out = '';
    let from = 0;
    for (const a of urlAuthorities(text)) {
        if (a.userinfo === undefined || !schemes.test(a.scheme))
            continue;
        out += text.slice(from, a.index) + shown;
        from = a.index + a.userinfo.length;
    }
    return out + text.slice(from);
}


/***/ }),

/***/ 8042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ DEFAULT_CONTEXT),
/* harmony export */   Ij: () => (/* binding */ pushesOutput),
/* harmony export */   Mf: () => (/* binding */ parseCall),
/* harmony export */   NF: () => (/* binding */ noCacheFilters),
/* harmony export */   Nm: () => (/* binding */ network),
/* harmony export */   Q5: () => (/* binding */ ulimits),
/* harmony export */   Qn: () => (/* binding */ namedImages),
/* harmony export */   SC: () => (/* binding */ outputAttrs),
/* harmony export */   Se: () => (/* binding */ dockerfilePath),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   WD: () => (/* binding */ labels),
/* harmony export */   WW: () => (/* binding */ attestationFields),
/* harmony export */   ZU: () => (/* binding */ outputsPush),
/* harmony export */   a7: () => (/* binding */ pushesImage),
/* harmony export */   bU: () => (/* binding */ githubToken),
/* harmony export */   cw: () => (/* binding */ allow),
/* harmony export */   fB: () => (/* binding */ cgroupParent),
/* harmony export */   fo: () => (/* binding */ isFile),
/* harmony export */   g7: () => (/* binding */ shmSize),
/* harmony export */   gr: () => (/* binding */ outputNames),
/* harmony export */   hI: () => (/* binding */ ssh),
/* harmony export */   hk: () => (/* binding */ annotations),
/* harmony export */   iq: () => (/* binding */ pushesByDigest),
/* harmony export */   j8: () => (/* binding */ buildContexts),
/* harmony export */   lZ: () => (/* binding */ isEvaluation),
/* harmony export */   mP: () => (/* binding */ noDockerfileHere),
/* harmony export */   p0: () => (/* binding */ attests),
/* harmony export */   pQ: () => (/* binding */ checkBuildSources),
/* harmony export */   q7: () => (/* binding */ attestationValue),
/* harmony export */   ve: () => (/* binding */ addHosts)
/* harmony export */ });
/* unused harmony exports ULIMIT_NAMES, CALLS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1551);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(652);
/* harmony import */ var _core_input_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7571);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6080);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2020);
/* harmony import */ var _core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8558);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3881);
/* harmony import */ var _metadata_levels_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6814);
/* harmony import */ var _metadata_rules_template_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5730);
// The rules of the build options build-push-action has and we share, by name and format: what each input
// must look like before any build (pure: an InputProblem, named by the row that is read), and what must
// exist on disk or in the environment (an InputError naming the input).













/** A path that names a regular file (a directory is not one). */
const isFile = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
/**
 * `host:ip` or `host=ip` as docker's and buildx's add-host read them: split at the first `=`, else at the
 * first `:` (an IPv6 address keeps its colons); the IP may be bracketed, or docker's `host-gateway`. Like
 * docker, only the IP is checked: the host is any non-empty name without `:` (`my_db` is one).
 */
function addHosts(entries) {
    for (const entry of entries) {
        const at = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':');
        const host = at < 0 ? '' : entry.slice(0, at);
        const ip = at < 0 ? '' : entry.slice(at + 1).replace(/^\[(.+)\]$/, '$1');
        if (host === '' || host.includes(':') || (ip !== 'host-gateway' && (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(ip) === 0))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not host:ip with a valid IP address, e.g. db.local:10.0.0.5`);
    }
    return entries;
}
/** Network modes and names: a plain word (`default`, `none`, `host`, a network name, `container:<id>`). */
function network(value) {
    if (value !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(value))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} is not a network mode such as default, none or host`);
    return value;
}
/** docker's RAMInBytes: a number, then an optional unit (b, k, m, g, t, p; `kb`, `MiB` \u2026). */
const BYTES = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;
const UNIT = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
function shmSize(value) {
    if (value === '')
        return value;
    const m = BYTES.exec(value);
    if (!m || Number(m[1]) * UNIT[(m[2]?.toLowerCase() ?? '')] < 1)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} is not a size: bytes with an optional unit, e.g. 64m or 1g`);
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
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not name=soft[:hard], e.g. nofile=1024:2048`);
        if (!ULIMIT_NAMES.includes(m[1]))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(m[1])} is not a ulimit name; use one of ${ULIMIT_NAMES.join(', ')}`);
        const [soft, hard] = [Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
        // -1 is "unlimited", and unlimited is above any number.
        if (hard !== undefined && hard !== -1 && (soft === -1 || soft > hard))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)}: the soft limit is above the hard limit`);
    }
    return entries;
}
function cgroupParent(value) {
    if (value !== '' && (value.startsWith('-') || /\s/.test(value)))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} is not a cgroup path`);
    return value;
}
/** buildx's entitlements; `device` and the `fs` ones take a value in newer buildx. */
const ENTITLEMENT = /^(?:network\.host|security\.insecure|ssh|device(?:=.+)?|fs(?:\.read|\.write)?=.+)$/;
function allow(entries) {
    for (const entry of entries)
        if (!ENTITLEMENT.test(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not an entitlement: network.host, security.insecure, device, ssh, or fs[.read|.write]=path`);
    return entries;
}
/** The name of a named context: what `FROM` or `COPY --from` names (an image reference is one too). */
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/;
const CONTEXT_SCHEME = /^(?:docker-image|oci-layout|target):\/\//;
const URL_SOURCE = /^(?:https?:\/\/|git:\/\/|git@)/;
function buildContexts(entries) {
    return entries.map(entry => {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .splitKeyValue */ .px)(entry);
        const value = kv?.value.trim() ?? '';
        if (!kv || !CONTEXT_NAME.test(kv.key) || value === '' || value.startsWith('-'))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not name=path|url|docker-image://ref|oci-layout://path`);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !CONTEXT_SCHEME.test(value) && !URL_SOURCE.test(value))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(kv.key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} has an unknown scheme; use a path, a git or https URL, docker-image:// or oci-layout://`);
        return `${kv.key}=${value}`;
    });
}
/** `default`, `id` (the agent at SSH_AUTH_SOCK) or `id=path[,path]` (sockets or keys). */
function ssh(entries) {
    for (const entry of entries)
        if (!/^[A-Za-z0-9_.-]+(?:=[^,]+(?:,[^,]+)*)?$/.test(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not default or id=path (an agent socket or a key file)`);
    return entries;
}
/** `[level[platforms]:]key=value`, as buildx reads it (metadata/levels.ts), with expressions as in labels. */
function annotations(entries, notices) {
    for (const entry of entries)
        (0,_metadata_levels_js__WEBPACK_IMPORTED_MODULE_9__/* .parseAnnotation */ .fr)(entry);
    return labelLines('annotations', entries, notices);
}
/** KEY=VALUE lines with expressions as metadata-action renders them (`{{branch}}`, `{{date 'YYYYMMDD'}}`). */
const labels = (entries, notices) => labelLines('labels', entries, notices);
/**
 * Our expressions must parse; any other `{{\u2026}}` is kept as written (parseLabelLine says why), with a notice,
 * since it may as well be a misspelt expression.
 */
function labelLines(input, entries, notices) {
    const kept = new Set();
    for (const entry of entries) {
        if (!entry.includes('{{'))
            continue;
        const template = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .reworded */ .F)(() => (0,_metadata_rules_template_js__WEBPACK_IMPORTED_MODULE_10__/* .parseLabelLine */ .uM)(entry), m => `${m} (to keep a {{ as written, write \\{{)`);
        for (const text of template.kept ?? [])
            kept.add(text);
    }
    const shown = [...kept].slice(0, 5).join(', ') + (kept.size > 5 ? ` and ${kept.size - 5} more` : '');
    if (kept.size)
        notices.push(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_6__/* .ref */ .KR)(input)} keeps ${shown} as written: not an expression of this action's, which are ${(0,_metadata_rules_template_js__WEBPACK_IMPORTED_MODULE_10__/* .expressionsOf */ .Bi)('global')}`);
    return entries;
}
/** The fields of an attestation spec as buildx reads it (one CSV record): `key` trimmed, `value` undefined without `=`. */
function attestationFields(spec) {
    return ((0,_csv_js__WEBPACK_IMPORTED_MODULE_8__/* .csvRecords */ .X)(spec)[0] ?? []).map(field => {
        const at = field.indexOf('=');
        return at < 0
            ? { key: field.trim() }
            : { key: field.slice(0, at).trim(), value: field.slice(at + 1).trim() };
    });
}
/**
 * `provenance` and `sbom` as buildx reads them: one of Go's boolean words (strconv.ParseBool), or
 * attributes `key=value,\u2026`. buildx refuses a field without `=` and a `disabled=` that is no boolean only once
 * the build has started, and without naming the input.
 */
function attestationValue(value) {
    if (value === '' || (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(value) !== undefined)
        return value;
    const refused = (why) => new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} must be true, false (or another of Go's boolean words: 1, 0, t, f \u2026) or a buildx attestation spec like mode=max${why}`);
    if (value.startsWith('-') || /\s/.test(value))
        throw refused('');
    for (const field of attestationFields(value)) {
        if (field.value === undefined)
            throw refused(`: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(field.key)} is no key=value`);
        if (field.key.toLowerCase() === 'disabled' && (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(field.value) === undefined)
            throw refused(`: disabled=${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(field.value)} is no boolean`);
    }
    return value;
}
function attests(entries) {
    for (const entry of entries)
        if (!/(?:^|,)type=[a-z]+(?:,|$)/.test(entry) || entry.startsWith('-'))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not an attestation like type=sbom or type=provenance,mode=max`);
    return entries;
}
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function noCacheFilters(entries) {
    for (const entry of entries)
        if (!STAGE.test(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} is not a stage name`);
    return entries;
}
/** What `--call` may evaluate (buildx's subrequests). */
const CALLS = ['build', 'check', 'outline', 'targets'];
/** buildx's grammar: CSV fields, one bare name (`build` when none), `format=` and `ignorestatus=` (Go's booleans). */
function parseCall(value) {
    const call = { name: '', ignoreStatus: false };
    for (const field of (0,_csv_js__WEBPACK_IMPORTED_MODULE_8__/* .csvRecords */ .X)(value)[0] ?? []) {
        const eq = field.indexOf('=');
        const [key, setting] = eq < 0 ? [field, undefined] : [field.slice(0, eq), field.slice(eq + 1)];
        if (setting === undefined) {
            if (call.name !== '' || !CALLS.includes(key))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} must be one of ${CALLS.join(', ')}, optionally with ,format=json|text and ,ignorestatus=true`);
            call.name = key;
        }
        else if (key === 'format')
            call.format = setting;
        else if (key === 'ignorestatus') {
            const bool = (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(setting);
            if (bool === undefined)
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)}: ignorestatus=${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(setting)} is no boolean`);
            call.ignoreStatus = bool;
        }
        else
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(field)} is none of format=, ignorestatus=`);
    }
    return { ...call, name: call.name || 'build' };
}
function call(value) {
    if (value !== '')
        parseCall(value);
    return value;
}
/** A token is one word: whitespace in it is a pasting mistake that would only fail later, in the fetch. */
function githubToken(value) {
    const token = value.trim();
    // The default as written, unexpanded (a local runner, the table's own defaults): no token.
    if (/^\$\{\{.*\}\}$/.test(token))
        return '';
    if (/\s/.test(token))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S('contains whitespace');
    return token;
}
/** What must exist: local named contexts, and each ssh key or socket (or the agent `default` means). */
function checkBuildSources(values, cwd, env) {
    for (const entry of values.buildContexts) {
        const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .splitKeyValue */ .px)(entry);
        if (CONTEXT_SCHEME.test(value) || URL_SOURCE.test(value) || value.startsWith('{{defaultContext}}'))
            continue;
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, value);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
            throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('build-contexts', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(value)} does not exist (resolved to ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(dir)})`);
    }
    for (const entry of values.ssh) {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .splitKeyValue */ .px)(entry);
        if (!kv) {
            if (!env.SSH_AUTH_SOCK)
                throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(entry)} means the ssh-agent at SSH_AUTH_SOCK, and SSH_AUTH_SOCK is not set (${(0,_core_input_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .advice */ .v9)('ssh-agent')}, or give id=path)`);
            continue;
        }
        for (const p of kv.value.split(','))
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, p)))
                throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('ssh', `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(kv.key)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(p)} does not exist`);
    }
}
/** `{{defaultContext}}`, alone or with `:subdir`: build-push-action's name for this commit's git context. */
const DEFAULT_CONTEXT = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/;
/**
 * The Dockerfile a local build reads: `file` when given, else the context's `Dockerfile`, else its
 * `dockerfile`, which docker build and BuildKit fall back to; `Dockerfile` when neither is there.
 */
function dockerfilePath(context, file, cwd = process.cwd()) {
    if (file !== '')
        return file;
    const lower = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(context, 'dockerfile');
    const upper = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(context, 'Dockerfile');
    return !isFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, upper)) && isFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, lower)) ? lower : upper;
}
/** `context` left at `.` in an empty directory: a workflow that checked nothing out, a command run elsewhere. */
const noDockerfileHere = (dir) => `no Dockerfile in ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_11__/* .quote */ .hD)(dir)}: ${(0,_core_input_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .advice */ .v9)('checkout')}`;
/** An output spec's attributes as buildx reads them (CSV, keys lowercased); a bare path has none. */
function outputAttrs(spec) {
    const attrs = new Map();
    for (const field of (0,_csv_js__WEBPACK_IMPORTED_MODULE_8__/* .csvRecords */ .X)(spec)[0] ?? []) {
        const at = field.indexOf('=');
        if (at > 0)
            attrs.set(field.slice(0, at).toLowerCase(), field.slice(at + 1));
    }
    return attrs;
}
/** An output spec that pushes: `type=registry`, or `type=image` with `push=true` (Go's ParseBool words). */
function pushesOutput(spec) {
    const attrs = outputAttrs(spec);
    const type = attrs.get('type');
    return type === 'registry' || (type === 'image' && (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(attrs.get('push') ?? '') === true);
}
/** True when the build evaluates instead of building (`call` other than `build`): there is no image to push. */
const isEvaluation = (inputs) => inputs.call !== '' && parseCall(inputs.call).name !== 'build';
/**
 * Whether given `outputs` push, as build-push-action decides it: an output that pushes, or `push: true`
 * given outright (its `--push`); `push` left to its default adds nothing beside outputs.
 */
const outputsPush = (inputs) => inputs.outputs.some(pushesOutput) || (inputs.push && inputs.pushGiven);
/**
 * Whether the run pushes, as build-push-action decides it: `outputs` when given (outputsPush), else `push`.
 * An evaluation pushes nothing.
 */
const pushesImage = (inputs) => !isEvaluation(inputs) && (inputs.outputs.length ? outputsPush(inputs) : inputs.push);
/**
 * The images an output names (`name=` of an image, registry or docker output) as references; none for a
 * spec that names none.
 */
const namedImages = (spec) => ['image', 'registry', 'docker'].includes(outputAttrs(spec).get('type') ?? '') ? outputNames(spec) : [];
/**
 * Whether an image or registry output's push is by digest only (`push-by-digest=true`): BuildKit then puts
 * the manifest at `name@digest` and tags nothing, and refuses a name that has a tag.
 */
function pushesByDigest(spec) {
    const attrs = outputAttrs(spec);
    return (['image', 'registry'].includes(attrs.get('type') ?? '') &&
        (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_7__/* .goBool */ .B)(attrs.get('push-by-digest') ?? '') === true);
}
/** The names of an output's `name=` (comma-separated, as BuildKit splits it); [] without one. */
const outputNames = (spec) => (outputAttrs(spec).get('name') ?? '').split(',').filter(name => name !== '');


/***/ }),

/***/ 3881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ csvList),
/* harmony export */   X: () => (/* binding */ csvRecords)
/* harmony export */ });
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
// CSV as docker's actions read their list inputs (csv-parse with relaxed quotes): a quoted field may hold
// commas, newlines and doubled quotes; a quote anywhere but at a field's very start is an ordinary
// character.

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
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S('a quoted entry is not closed');
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   l: () => (/* binding */ asInput)
/* harmony export */ });
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6080);
// The one error of bad input: it names the input and the rule, before anything runs. Parsers that do not know
// which input they read throw an InputProblem (core/problem.ts); asInput is where it becomes an InputError.


class InputError extends Error {
    input;
    /** The message with ref() markers, for interfaces that name inputs otherwise. */
    template;
    constructor(input, message) {
        super((0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .renderInputRefs */ .nx)(`Invalid input "${input}": ${message}`, _table_js__WEBPACK_IMPORTED_MODULE_1__/* .actionTerm */ .f$));
        this.input = input;
        this.template = message;
        this.name = 'InputError';
    }
}
/** `fn`, reading `input`'s value: an InputProblem it throws is an InputError naming the input. */
function asInput(input, fn) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S)
            throw new InputError(error.subject ?? input, error.message);
        throw error;
    }
}


/***/ }),

/***/ 1358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_error/* InputError */.d),
  f$: () => (/* reexport */ table/* actionTerm */.f$),
  lv: () => (/* reexport */ inputs_error/* asInput */.l),
  ub: () => (/* binding */ checkBuilder),
  TL: () => (/* binding */ parseInputs),
  KR: () => (/* reexport */ table/* ref */.KR),
  nx: () => (/* reexport */ table/* renderInputRefs */.nx),
  Pe: () => (/* reexport */ table/* setting */.Pe)
});

// UNUSED EXPORTS: buildxOnlyInputs, defaultInputs, isRemoteContext, listOptions, readRows, splitLines, splitList

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs/table.ts + 1 modules
var table = __webpack_require__(6080);
// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __webpack_require__(7571);
// EXTERNAL MODULE: ./src/inputs/error.ts
var inputs_error = __webpack_require__(1551);
// EXTERNAL MODULE: ./src/inputs/build-options.ts
var build_options = __webpack_require__(8042);
// EXTERNAL MODULE: ./src/metadata/env.ts
var metadata_env = __webpack_require__(7038);
// EXTERNAL MODULE: ./src/metadata/rules/parse.ts
var parse = __webpack_require__(1398);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(6203);
// EXTERNAL MODULE: ./src/registry/cloud/detect.ts
var detect = __webpack_require__(2382);
;// CONCATENATED MODULE: ./src/inputs/cloud-login.ts
// The single registry's cloud login: `registry` (+ `username`/`password`) read as an ECR login (an ECR host,
// or the `ecr` input) or as Docker Hub's OIDC login. registry-auth entries decide theirs in registry-auth.ts.



/**
 * An ECR host or `ecr: true` needs no username or password; Hub's OIDC takes a username without a password
 * (with DOCKERHUB_OIDC_CONNECTIONID set). Undefined for an ordinary login, and with `registry-auth`.
 */
function singleCloudLogin(values, env) {
    if (values.registryAuth.trim() !== '') {
        if (values.ecr !== 'auto')
            throw new inputs_error/* InputError */.d('ecr', `applies to ${(0,table/* ref */.KR)('registry')}: with ${(0,table/* ref */.KR)('registry-auth')}, give each entry its own ecr key`);
        return undefined;
    }
    const ecr = values.ecr === 'auto' ? undefined : values.ecr === 'true';
    try {
        return (0,detect/* cloudLoginOf */.gM)({ ...values, ecr }, env);
    }
    catch (error) {
        throw new inputs_error/* InputError */.d(values.ecr === 'true' ? 'ecr' : 'registry', `${JSON.stringify(values.registry)}: ${error.message}`);
    }
}

// EXTERNAL MODULE: ./src/core/problem.ts
var core_problem = __webpack_require__(652);
// EXTERNAL MODULE: ./src/inputs/csv.ts
var csv = __webpack_require__(3881);
;// CONCATENATED MODULE: ./src/inputs/kinds.ts




/** A list input's entries (see csvList); a quote left open says how to quote. */
const csvEntries = (raw, opts) => (0,core_problem/* reworded */.F)(() => (0,csv/* csvList */.F)(raw, opts), m => `${m}: quote an entry as a whole, and double a quote inside it`);
/** Newline and/or comma separated (CSV: quoted entries keep commas), trimmed, empties and duplicates dropped. */
function splitList(raw) {
    return [...new Set(csvEntries(raw, {}))];
}
/** One entry per line, commas kept (CSV: a quoted entry may span lines). */
function splitLines(raw) {
    return csvEntries(raw, { ignoreComma: true });
}
/** How a list row is read, as build-push-action reads the input of that name. */
function listOptions(row) {
    return {
        ...(row.kind !== 'list' && { ignoreComma: true }),
        ...(row.keepQuotes && { quote: false }),
        ...(row.untrimmed && { trim: false })
    };
}
/** The entries of a row that takes comments, without those that start with `#`. */
const uncommented = (row, entries) => row.comments ? entries.filter(entry => !entry.startsWith('#')) : entries;
/**
 * KEY=VALUE entries, keys trimmed; a KEY alone where the row keeps them (`bareKeys`). Errors name the key (or
 * entry number) but never echo the value.
 */
function keyValues(row, entries) {
    return entries.map((entry, i) => {
        const kv = (0,core_text/* splitKeyValue */.px)(entry);
        if (!kv && row.bareKeys) {
            // A name a Dockerfile's ARG can read. Not echoed: such a line may be the rest of a value split by mistake.
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.trim()))
                throw new core_problem/* InputProblem */.S(`entry ${i + 1} has no "=" and is no variable name: each entry is KEY=VALUE, or a NAME alone for the environment's value`);
            return entry.trim();
        }
        // build-push-action passes a bare label on, empty; here it is refused: it is as often the second line of
        // a value split by mistake, which docker would log.
        if (!kv)
            throw new core_problem/* InputProblem */.S(`entry ${i + 1} has no "=": each entry must be KEY=VALUE (a variable of the environment: KEY=\${{ env.KEY }} in a workflow, KEY="$KEY" in a shell)`);
        if (kv.key === '')
            throw new core_problem/* InputProblem */.S(`entry ${i + 1} has an empty key: each entry must be KEY=VALUE`);
        if (/\s/.test(kv.key))
            throw new core_problem/* InputProblem */.S(`key ${(0,core_text/* quote */.hD)(kv.key)} contains whitespace`);
        return `${kv.key}=${kv.value.trim()}`;
    });
}
/** The generic reading of a raw value by its row's kind. */
function byKind(row, raw) {
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
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(v)} is not a boolean; use true or false`);
        }
        case 'list':
            return [...new Set(csvEntries(value, listOptions(row)))];
        case 'lines':
            return uncommented(row, csvEntries(value, listOptions(row)));
        case 'key-value':
            return keyValues(row, uncommented(row, splitLines(value)));
        case 'number': {
            const v = value || row.default;
            const n = Number(v);
            if (!/^[0-9]+$/.test(v) || n < (row.min ?? 0) || n > (row.max ?? Number.MAX_SAFE_INTEGER))
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(v)} must be a whole number from ${row.min} to ${row.max}`);
            return n;
        }
        case 'choice': {
            const v = value || row.default;
            // Any casing, as docker's actions read such words (login-action's `ecr: True`).
            const choice = row.choices?.find(c => c.toLowerCase() === v.toLowerCase());
            if (choice === undefined)
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(v)} must be one of ${row.choices?.join(', ')}`);
            return choice;
        }
    }
}

// EXTERNAL MODULE: ./src/inputs/tags.ts
var tags = __webpack_require__(4480);
// EXTERNAL MODULE: ./src/core/reference.ts
var reference = __webpack_require__(5378);
// EXTERNAL MODULE: ./src/core/platform-spec.ts
var platform_spec = __webpack_require__(2418);
;// CONCATENATED MODULE: ./src/inputs/validators.ts
// What one input needs beyond its kind's reading: names, platforms, specs and secrets checked before any
// build. Each is pure and throws an InputProblem saying the rule; the row it reads names the input.











const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/**
 * A build secret's id, as every secret input and the CLI's --secret take it: what buildx's and the
 * Dockerfile's CSV fields can carry unquoted (no `,`, `=` or `"`), with no whitespace, which is a typo
 * (`tok = x`) that would leave the Dockerfile's `id=tok` without its secret. BuildKit's own ids have dots and
 * colons: `GIT_AUTH_TOKEN.<host:port>`.
 */
const SECRET_ID = /^[^\s,="]+$/;
/** SECRET_ID in words, for the messages that refuse one. */
const SECRET_ID_RULE = 'an id without whitespace, ",", "=" or \'"\'';
/** The registry host an image goes to, Docker Hub when empty. */
function parseRegistry(raw) {
    const value = raw || reference/* DOCKER_HUB */.Xb;
    const problem = (0,reference/* registryProblem */.T7)(value);
    if (problem)
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(value)} ${problem}`);
    return (0,reference/* normalizeRegistry */.l5)(value);
}
/**
 * `--platform` entries as buildx reads them: split at commas (it splits the joined flag there, untrimmed),
 * each parsed as it parses one; passed on as written. A platform named again in another spelling
 * (`linux/x86_64` after `linux/amd64`) is dropped with a notice: buildx 0.13 would put it in the index twice.
 * What leaves a part to the host (`local`, `arm64`) is never taken for a repeat, since the host buildx sees
 * may differ in its variant.
 */
function platformList(list, notices) {
    const seen = new Map();
    const out = [];
    for (const specifier of list.flatMap(entry => entry.split(','))) {
        const platform = (0,core_problem/* reworded */.F)(() => (0,platform_spec/* parseBuildxPlatform */.L0)(specifier), message => `${message}; a platform is ${platform_spec/* SPECIFIER_FORMS */.rE}`);
        const key = (0,platform_spec/* namesHost */.$r)(specifier) ? undefined : (0,platform_spec/* formatSpecifier */.Gp)(platform);
        const first = key === undefined ? undefined : seen.get(key);
        if (first !== undefined) {
            notices.push(`platform ${(0,core_text/* quote */.hD)(specifier)} is ${(0,core_text/* quote */.hD)(first)} again (${key}): it is built once`);
            continue;
        }
        if (key !== undefined)
            seen.set(key, specifier);
        out.push(specifier);
    }
    return out;
}
/** Stage and builder names: plain words, so nothing can be read as a flag. */
function plainName(value) {
    if (value !== '' && !STAGE.test(value))
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(value)} is not a valid name: letters, digits, "_", "." and "-"`);
    return value;
}
/** `type=\u2026,key=value` specs, or buildx's shorthand: registry references, comma-separated, no `=`. */
function cacheSpecs(specs) {
    for (const spec of specs)
        if (spec.startsWith('-') || !/(^|,)type=|^[^=,]+(,[^=,]+)*$/.test(spec))
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(spec)} is not a cache spec like type=registry,ref=host/repo:cache`);
    return specs;
}
const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker', 'image', 'registry', 'cacheonly'];
/**
 * `type=\u2026,key=value` specs, or a bare path (buildx reads it as type=local,dest=PATH). A push by digest
 * names repositories only: BuildKit refuses to push a tagged name by digest.
 */
function outputSpecs(specs) {
    for (const spec of specs) {
        const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1];
        if (spec.startsWith('-') || (type === undefined ? spec.includes('=') : !OUTPUT_TYPES.includes(type)))
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(spec)} is not an output spec: type=${OUTPUT_TYPES.join('|')},\u2026 (e.g. type=local,dest=out)`);
        if (!build_options/* pushesByDigest */.iq(spec) || !build_options/* pushesOutput */.Ij(spec))
            continue;
        for (const name of build_options/* outputNames */.gr(spec)) {
            if (name.includes('@') || name.lastIndexOf(':') > name.lastIndexOf('/'))
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(spec)}: name ${(0,core_text/* quote */.hD)(name)} has a tag or digest; push-by-digest=true pushes a repository by its digest alone, so name it without one`);
            (0,tags/* parseFullRef */.E_)(name);
        }
    }
    return specs;
}
/**
 * id=value entries; the value is kept as given, trailing whitespace and newlines included (a PEM key
 * needs its final newline), as build-push-action 7.3 keeps it. Errors never echo a value. An empty value
 * (`tok=`, what `${{ secrets.X }}` gives a fork's pull request) is left out with a warning, as
 * build-push-action leaves it out: a `required=true` mount then fails rather than reading an empty file.
 */
function secretLines(lines, _notices, warnings) {
    const kept = [];
    lines.forEach((line, i) => {
        const kv = (0,core_text/* splitKeyValue */.px)(line.trimStart());
        if (!kv || !SECRET_ID.test(kv.key))
            throw new core_problem/* InputProblem */.S(`entry ${i + 1} must be id=value with ${SECRET_ID_RULE}; quote a multi-line secret whole ("id=\u2026"), or put it in ${(0,table/* ref */.KR)('secret-files', 'secret-envs')}`);
        if (kv.value === '')
            warnings.push(`${(0,table/* ref */.KR)('secrets')}: ${(0,core_text/* quote */.hD)(kv.key)} has an empty value, so the build gets no such secret (as build-push-action leaves it out)`);
        else
            kept.push(`${kv.key}=${kv.value}`);
    });
    return kept;
}
/**
 * `id=path` or `id=ENVNAME` entries (parseInputs checks that the file exists). One with nothing after the
 * `=` is left out with a warning, as build-push-action leaves out any secret entry with an empty value.
 */
const secretSources = (input, what) => (lines, _notices, warnings) => {
    const kept = [];
    lines.forEach((line, i) => {
        const kv = (0,core_text/* splitKeyValue */.px)(line);
        if (!kv || !SECRET_ID.test(kv.key))
            throw new core_problem/* InputProblem */.S(`entry ${i + 1} must be id=${what} with ${SECRET_ID_RULE}`);
        const value = kv.value.trim();
        if (value === '')
            warnings.push(`${(0,table/* ref */.KR)(input)}: ${(0,core_text/* quote */.hD)(kv.key)} names no ${what === 'path' ? 'file' : 'variable'}, so the build gets no such secret (as build-push-action leaves it out)`);
        else
            kept.push(`${kv.key}=${value}`);
    });
    return kept;
};
/**
 * Each `id=path` names a file, before any build. An `id=ENVNAME` whose variable is unset or empty is passed
 * empty, as build-push-action passes it (BuildKit reads the variable, and an unset one as empty), with a
 * warning: a `required=true` mount then reads an empty file.
 */
function checkSecretSources(files, envs, cwd, env, warnings) {
    for (const line of files) {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
        if (!build_options/* isFile */.fo(external_node_path_default().resolve(cwd, value)))
            throw new inputs_error/* InputError */.d('secret-files', `${(0,core_text/* quote */.hD)(key)}: ${(0,core_text/* quote */.hD)(value)} is not a file`);
    }
    for (const line of envs) {
        const { key, value } = (0,core_text/* splitKeyValue */.px)(line);
        if (!env[value])
            warnings.push(`${(0,table/* ref */.KR)('secret-envs')}: ${(0,core_text/* quote */.hD)(key)}: the variable ${value} is ${env[value] === undefined ? 'not set' : 'empty'}, so the build gets the secret empty (as build-push-action passes it)`);
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
    registry: parseRegistry,
    target: plainName,
    builder: plainName,
    password: trimPassword,
    platforms: (list, notices) => platformList(list, notices),
    cacheFrom: cacheSpecs,
    cacheTo: cacheSpecs,
    provenance: build_options/* attestationValue */.q7,
    sbom: build_options/* attestationValue */.q7,
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
    labels: build_options/* labels */.WD,
    attests: build_options/* attests */.p0,
    noCacheFilters: build_options/* noCacheFilters */.NF,
    call: build_options/* call */.T1,
    context: value => {
        // metadata-action's own `context` input, carried over with its other inputs.
        if ((value === 'git' || value === 'workflow') && !(0,external_node_fs_.existsSync)(value))
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(value)} is metadata-action's context (where it reads the commit); here it is the build's, and no such directory exists: drop it (the commit comes from the workflow's event)`);
        return value || '.';
    }
};

;// CONCATENATED MODULE: ./src/inputs/images.ts
// The `images` input, as metadata-action takes it: one image per line, bare (`ghcr.io/octo/app`), as CSV
// attributes (`name=ghcr.io/octo/app,enable=false`) or a bare name with attributes
// (`ghcr.io/octo/app,enable=false`); and metadata-action's older form, one line of comma-separated names.
// Each names its own registry; a name without a host is on Docker Hub, as docker reads it. Pure: a mistake is
// an InputProblem, and the caller names the input (targets.ts).





/** Parses and validates `lines`; throws an InputProblem that says what is wrong with which line. */
function parseImages(lines) {
    const out = [];
    if (lines.length === 1) {
        const fields = (0,csv/* csvRecords */.X)(lines[0])[0]
            ?.map(f => f.trim())
            .filter(f => f !== '') ?? [];
        if (fields.length > 1 && fields.every(f => !f.includes('=')))
            return fields.map(splitImage);
    }
    for (const line of lines) {
        const fields = (0,csv/* csvRecords */.X)(line)[0]?.map(f => f.trim()) ?? [];
        let name = '';
        let enable = true;
        for (const field of fields) {
            const eq = field.indexOf('=');
            if (eq < 0 && name === '')
                name = field;
            else if (eq < 0)
                throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)}: ${(0,core_text/* quote */.hD)(field)} is a second name; give one image per line`);
            else {
                const key = field.slice(0, eq).trim().toLowerCase();
                const value = field.slice(eq + 1).trim();
                if (key === 'name')
                    name = value;
                else if (key === 'enable') {
                    if (!/^(true|false)$/i.test(value))
                        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)}: enable must be true or false`);
                    enable = value.toLowerCase() === 'true';
                }
                else
                    throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)}: unknown attribute ${(0,core_text/* quote */.hD)(key)} (name, enable)`);
            }
        }
        if (name === '')
            throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(line)} names no image`);
        if (!enable)
            continue;
        out.push(splitImage(name));
    }
    return out;
}
/** `ghcr.io/octo/app` \u2192 ghcr.io + octo/app; `octo/app` \u2192 docker.io + octo/app. */
function splitImage(name) {
    if (/[@]/.test(name) || /:[^/]*$/.test(name.slice(name.indexOf('/') + 1)))
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(name)} has a tag or digest; images are names only (tags go in ${(0,input_ref/* ref */.KR)('tags')})`);
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const hosted = first !== '' && (0,reference/* looksLikeHost */.oc)(first);
    const registry = hosted ? first : reference/* DOCKER_HUB */.Xb;
    const image = (hosted ? name.slice(slash + 1) : name).toLowerCase();
    const hostProblem = (0,reference/* registryProblem */.T7)(registry);
    if (hostProblem)
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(name)}: the registry ${hostProblem}`);
    const problem = (0,reference/* imageProblem */.JC)(image, registry);
    if (problem)
        throw new core_problem/* InputProblem */.S(`${(0,core_text/* quote */.hD)(name)}: ${(0,core_text/* quote */.hD)(image)} ${problem}`);
    return { registry: (0,reference/* normalizeRegistry */.l5)(registry), image };
}

// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __webpack_require__(3477);
;// CONCATENATED MODULE: ./src/inputs/targets.ts
// Where the image goes and who logs in: `image` + `registry`, `images`, or full references in `tags`, and
// `registry-auth` or `username`/`password`; the tag inputs read on the way.











/** The image under the registry it goes to; lowercased with a notice, as docker wants it. */
function checkImage(value, registry, notices) {
    const problem = (0,reference/* imageProblem */.JC)(value, registry);
    if (problem)
        throw new inputs_error/* InputError */.d('image', `${(0,core_text/* quote */.hD)(value)} ${problem}`);
    const lower = value.toLowerCase();
    if (lower !== value)
        notices.push(`image ${(0,core_text/* quote */.hD)(value)} was lowercased to ${(0,core_text/* quote */.hD)(lower)}`);
    return lower;
}
/**
 * `tags` sorted into bare tags, rules and references; `flavor` and the DOCKER_METADATA_* variables read.
 * Given `notices` (the parser's), a word in `tags` with no `image` or `images` to tag is an image name, as
 * build-push-action reads it, and the notice says so.
 */
function targets_readTagInputs(values, env, notices) {
    const bareAreRefs = notices !== undefined && values.image === '' && !values.images.length;
    const entries = (0,inputs_error/* asInput */.l)('tags', () => (0,tags/* classifyTags */.oS)(values.tags, bareAreRefs));
    if (entries.bareRefs.length)
        notices?.push(`${(0,table/* ref */.KR)('tags')} ${entries.bareRefs.map(core_text/* quote */.hD).join(', ')}: with ${(0,table/* ref */.KR)('image')} empty, each names an image as in build-push-action (${entries.refs.flatMap(g => g.tags.map(t => `${(0,reference/* repository */.Jk)(g.registry, g.image)}:${t}`)).join(', ')}); give ${(0,table/* ref */.KR)('image')} to make them its tags`);
    return {
        tags: entries.tags,
        tagRules: entries.rules,
        tagRefs: entries.refs,
        tagFlavor: (0,inputs_error/* asInput */.l)('flavor', () => (0,parse/* parseFlavor */.wp)(values.flavor)),
        // Each of its problems names its variable.
        metadataEnv: (0,inputs_error/* asInput */.l)('', () => (0,metadata_env/* readMetadataEnv */.Xk)(env))
    };
}
/**
 * Full references in `tags` name the targets themselves: never beside `image` or `images`, and beside
 * `registry` only where they all go to it (login-action's `registry` beside build-push-action's `tags`: the
 * registry the login is for). Each image gets the tags given for it, as build-push-action pushes exactly the
 * references it is given.
 */
function targetsFromRefs(values, tagged, input = 'tags') {
    const groups = tagged.tagRefs;
    const first = groups[0];
    const named = (g) => JSON.stringify(`${g.registry}/${g.image}${g.tags.length ? `:${g.tags[0]}` : ''}`);
    const example = named(first);
    const elsewhere = groups.find(g => g.registry !== values.registry);
    if (values.registry !== reference/* DOCKER_HUB */.Xb && elsewhere && !values.images.length && values.image === '')
        throw new inputs_error/* InputError */.d(input, `${(0,table/* ref */.KR)(input)} ${input === 'tags' ? 'holds full references' : 'names images'} such as ${named(elsewhere)}, ` +
            `which go to ${(0,core_text/* quote */.hD)(elsewhere.registry)}, not to ${(0,core_text/* quote */.hD)(values.registry)} as ${(0,table/* ref */.KR)('registry')} says: ` +
            `name only ${(0,core_text/* quote */.hD)(values.registry)} in them, or leave ${(0,table/* ref */.KR)('registry')} empty (logins for several registries go in ${(0,table/* ref */.KR)('registry-auth')})`);
    const given = ['image', 'images'].filter(name => values[name].length);
    // The error names `tags`, as build-push-action would refuse its references beside metadata-action's images.
    // `registry` is not among what to empty: it may stay where they all go to it (checked above once image is).
    if (given.length)
        throw new inputs_error/* InputError */.d('tags', `${(0,table/* ref */.KR)('tags')} holds full references such as ${example}, which name their own registry and image: ` +
            `leave ${(0,table/* ref */.KR)(...given)} empty (${(0,table/* ref */.KR)('registry')} may stay if they all go to the registry it names), ` +
            `or give bare tags (e.g. "${first.tags[0]}") with ${(0,table/* ref */.KR)(given.includes('images') ? 'images' : 'image')}`);
    // The first image stands for the run where one name is needed, as with `images`.
    values.registry = first.registry;
    values.image = first.image;
    if (input === 'tags')
        tagged.tags = first.tags;
    return groups.map(g => ({ registry: g.registry, image: g.image, tags: g.tags }));
}
/**
 * With no `image`, `images` or references in `tags`: an image output's `name=` names the targets (buildx
 * pushes there, and a push by digest takes no tag); else nothing names the image, which build-push-action
 * allows wherever no name is needed: nothing pushed and no rules to tag with (a build-only check, files
 * exported, an untagged load).
 */
function unnamedTargets(values, tagged, pushGiven) {
    const required = (why, buildOnly = false) => new inputs_error/* InputError */.d('image', `is required: ${why}; give it, e.g. "my/app" (in a workflow, \${{ github.repository }}), or full references such as ghcr.io/octo/app:1.0 in ${(0,table/* ref */.KR)('tags')}${buildOnly ? `, or ${(0,table/* setting */.Pe)('push', 'false')} to build only` : ''}`);
    if (tagged.tagRules.length)
        throw required(`the rules in ${(0,table/* ref */.KR)('tags')} tag the image under it`);
    if (values.sources.length)
        throw required(`${(0,table/* ref */.KR)('sources')} are pushed to it`);
    const named = values.outputs.flatMap(spec => (0,build_options/* namedImages */.Qn)(spec).map(name => {
        const r = (0,inputs_error/* asInput */.l)('outputs', () => (0,tags/* parseFullRef */.E_)(name));
        // A push by digest tags nothing.
        return (0,build_options/* pushesByDigest */.iq)(spec) ? { registry: r.registry, image: r.image } : r;
    }));
    if (named.length)
        return targetsFromRefs(values, { ...tagged, tagRefs: (0,tags/* groupRefs */.e9)(named) }, 'outputs');
    if ((0,build_options/* pushesImage */.a7)({ ...values, pushGiven })) {
        const why = values.outputs.some(build_options/* pushesOutput */.Ij)
            ? `${(0,table/* ref */.KR)('outputs')} push and name no image`
            : `the image is pushed${pushGiven ? '' : ' (the default)'}`;
        throw required(why, true);
    }
    return [];
}
/** `images`, or `registry` + `image`: never both; neither where nothing needs a name (unnamedTargets). */
function checkTargets(values, tagged, notices, pushGiven) {
    if (!values.images.length) {
        if (values.image === '')
            return unnamedTargets(values, tagged, pushGiven);
        values.image = checkImage(values.image, values.registry, notices);
        return [{ registry: values.registry, image: values.image }];
    }
    if (values.image !== '')
        throw new inputs_error/* InputError */.d('images', `give either ${(0,table/* ref */.KR)('images')} (full names) or ${(0,table/* ref */.KR)('image')} with ${(0,table/* ref */.KR)('registry')}, not both`);
    const targets = (0,inputs_error/* asInput */.l)('images', () => parseImages(values.images));
    if (!targets.length)
        throw new inputs_error/* InputError */.d('images', 'every image is disabled (enable=false): nothing to push to');
    const seen = new Set();
    for (const t of targets) {
        const key = `${t.registry}/${t.image}`;
        if (seen.has(key))
            throw new inputs_error/* InputError */.d('images', `${(0,core_text/* quote */.hD)(key)} is given twice`);
        seen.add(key);
    }
    // login-action's `registry` beside metadata-action's `images`: the login is for one of them. Another host
    // there would have its username and password sent to the images' registry instead.
    if (values.registry !== reference/* DOCKER_HUB */.Xb && !targets.some(t => t.registry === values.registry))
        throw new inputs_error/* InputError */.d('registry', `${(0,core_text/* quote */.hD)(values.registry)} is not a registry ${(0,table/* ref */.KR)('images')} pushes to (${[...new Set(targets.map(t => t.registry))].join(', ')}): name one of those, leave ${(0,table/* ref */.KR)('registry')} empty, or give its login in ${(0,table/* ref */.KR)('registry-auth')} (a login for the build's pulls)`);
    // The first image stands for the run where one name is needed (summary, messages).
    values.registry = targets[0].registry;
    values.image = targets[0].image;
    return targets;
}
/**
 * `username` or `password` beside `registry-auth`, named as given: checked before the pair's own rule (both
 * or neither), which would otherwise ask for the other half of a login that cannot be used.
 */
function checkLoginSources(values) {
    if (values.registryAuth.trim() === '')
        return;
    const given = ['username', 'password'].filter(name => values[name] !== '');
    if (given.length)
        throw new inputs_error/* InputError */.d(given[0], `${(0,table/* ref */.KR)(...given)} and ${(0,table/* ref */.KR)('registry-auth')} cannot be used together: put every login in ${(0,table/* ref */.KR)('registry-auth')}`);
}
/** `registry-auth` entries, or `username`/`password` for a single registry. */
function checkLogins(values, cloud, targets = [], notices = []) {
    if (values.registryAuth.trim() === '')
        return values.username || cloud
            ? [
                {
                    registry: values.registry,
                    username: values.username,
                    password: values.password,
                    ...(cloud ? { cloud } : {})
                }
            ]
            : [];
    const logins = (0,inputs_error/* asInput */.l)('registry-auth', () => (0,core_problem/* reworded */.F)(() => (0,registry_auth/* parseRegistryAuth */.bf)(values.registryAuth), m => `${m}; expected login-action's list (- registry: \u2026 / username: \u2026 / password: \u2026)`));
    const normalized = logins.map((login, i) => {
        const registry = login.registry || reference/* DOCKER_HUB */.Xb;
        const problem = (0,reference/* registryProblem */.T7)(registry);
        if (problem)
            throw new inputs_error/* InputError */.d('registry-auth', `entry ${i + 1}: the registry ${(0,core_text/* quote */.hD)(registry)} ${problem}`);
        return { ...login, registry: (0,reference/* normalizeRegistry */.l5)(registry) };
    });
    const registries = [...new Set(normalized.map(l => l.registry))];
    return registries.map(registry => oneLoginFor(registry, normalized.filter(l => l.registry === registry), targets, notices));
}
/** A `scope`'s repository path (before its `@actions`); '' for none or the whole registry. */
const scopePath = (login) => (login.scope ?? '').split('@')[0].replace(/^\/+|\/+$/g, '');
/**
 * The one login this step uses for `registry`: login-action v3.7 takes one entry per `scope` (each written to
 * its own buildx config), but a docker config holds one login per registry. The entry whose scope is a
 * repository this step pushes wins; else the one for the whole registry (no scope). A notice says which.
 */
function oneLoginFor(registry, entries, targets, notices) {
    if (entries.length === 1)
        return entries[0];
    const scopes = entries.map(e => e.scope ?? '');
    if (new Set(scopes).size < scopes.length)
        throw new inputs_error/* InputError */.d('registry-auth', `${(0,core_text/* quote */.hD)(registry)} has two entries with the same scope (or none): give it one entry, or each entry its own scope (login-action's scope, e.g. scope: my/app@push)`);
    const pushed = new Set(targets.filter(t => t.registry === registry).map(t => (0,reference/* remotePath */.QZ)(registry, t.image)));
    const matching = entries.filter(e => scopePath(e) !== '' && pushed.has((0,reference/* remotePath */.QZ)(registry, scopePath(e))));
    const whole = entries.filter(e => scopePath(e) === '');
    const chosen = matching.length === 1 ? matching[0] : matching.length === 0 ? whole[0] : undefined;
    if (!chosen || (matching.length === 0 && whole.length > 1))
        throw new inputs_error/* InputError */.d('registry-auth', `${(0,core_text/* quote */.hD)(registry)} has ${entries.length} entries (scopes ${scopes.map(sc => (0,core_text/* quote */.hD)(sc || 'none')).join(', ')}) and this step logs in to it once: ` +
            `give one entry without scope, or one whose scope is the repository pushed (${[...pushed].join(', ') || 'none'})`);
    notices.push(`${(0,table/* ref */.KR)('registry-auth')}: ${entries.length} entries for ${(0,core_text/* quote */.hD)(registry)}; this step logs in with the one ${chosen.scope ? `for scope ${(0,core_text/* quote */.hD)(chosen.scope)} (the repository it pushes)` : 'without scope'}`);
    return chosen;
}
/**
 * Whether the logins outlive the step: `keep-login`, or login-action's `logout: false`, which there leaves
 * the login in the docker config after the job, so the job's later steps have it; here they get it as
 * keep-login gives it. `logout: true` only says the login is gone when the job ends, as it is either way.
 */
function keepsLogin(values, keepLoginGiven) {
    if (values.logout)
        return values.keepLogin;
    if (keepLoginGiven && !values.keepLogin)
        throw new inputs_error/* InputError */.d('logout', `false keeps the logins for the job's later steps and ${(0,table/* ref */.KR)('keep-login')} false drops them after this step: leave one of the two out`);
    return true;
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Reads every input of the table once, validates it, and returns one typed value. Nothing after this reads
// raw inputs. Each kind has its generic reading (kinds.ts); the validators add what one input needs beyond it
// (validators.ts); targets.ts says where the image goes and who logs in.
















const isDir = (p) => (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isDirectory();

const GIT_URL = /^(?:git:\/\/|git@|github\.com\/|ssh:\/\/)|^https?:\/\/[^#]*\.git(?:#.*)?$/;
const HTTP_URL = /^https?:\/\//;
/**
 * Docker's own rule for remote contexts: git URLs, and http(s) URLs (tarballs or Dockerfiles); and
 * build-push-action's `{{defaultContext}}`, this commit's git URL.
 */
function isRemoteContext(context) {
    return GIT_URL.test(context) || HTTP_URL.test(context) || build_options/* DEFAULT_CONTEXT */.A2.test(context);
}
/** Every row read by its kind and validator, with nothing checked on disk. */
function readRows(get, notices = [], warnings = []) {
    const values = {};
    for (const [key, row] of table/* ROWS */.Ir) {
        const name = (0,table/* inputName */.yu)(key);
        const raw = get(name);
        const validate = VALIDATORS[key];
        // Every row's problem gets the name of the input it was read from here: the parsers do not know it.
        values[key] = (0,inputs_error/* asInput */.l)(name, () => {
            const value = byKind(row, raw);
            return validate ? validate(value, notices, warnings) : value;
        });
    }
    return values;
}
function checkLocalContext(context, file, cwd) {
    const dir = external_node_path_default().resolve(cwd, context);
    if (!isDir(dir))
        throw new inputs_error/* InputError */.d('context', `${(0,core_text/* quote */.hD)(context)} is not a directory (resolved to ${(0,core_text/* quote */.hD)(dir)})`);
    if (file !== '') {
        const f = external_node_path_default().resolve(cwd, file);
        if (!build_options/* isFile */.fo(f))
            throw new inputs_error/* InputError */.d('file', `${(0,core_text/* quote */.hD)(file)} does not exist (resolved to ${(0,core_text/* quote */.hD)(f)})`);
    }
    else if (!build_options/* isFile */.fo(external_node_path_default().resolve(cwd, build_options/* dockerfilePath */.Se(context, '', cwd)))) {
        // Left at `.` in an empty workspace: most likely no checkout ran.
        if (context === '.' && isEmptyWorkspace(dir))
            throw new inputs_error/* InputError */.d('context', build_options/* noDockerfileHere */.mP(dir));
        throw new inputs_error/* InputError */.d('file', `no Dockerfile in context ${(0,core_text/* quote */.hD)(context)}; add one or set ${(0,table/* ref */.KR)('file')}`);
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
function checkSources(values, cwd) {
    (0,inputs_error/* asInput */.l)('sources', () => {
        (0,sources/* checkSourcesAlone */.uf)(values, readRows(name => (0,table/* rowByName */.TJ)(name)?.[1].default ?? ''));
        for (const line of values.sources) {
            const source = (0,sources/* parseSource */.PJ)(line, values.registry, values.image);
            // A file on this machine is looked for now, before any registry is asked.
            if (!('transport' in source) || source.transport === 'docker-daemon')
                continue;
            const directory = source.transport === 'oci';
            const where = external_node_path_default().resolve(cwd, source.path);
            if (!(0,external_node_fs_.existsSync)(where) || isDir(where) !== directory)
                throw new inputs_error/* InputError */.d('sources', `${(0,core_text/* quote */.hD)(line)}: ${(0,core_text/* quote */.hD)(source.path)}: no such ${directory ? 'directory' : 'file'}`);
        }
    });
    (0,inputs_error/* asInput */.l)('annotations', () => (0,sources/* indexAnnotations */.nM)(values.annotations));
}
/** Reads and validates every input. Throws InputError on the first invalid one. */
function parseInputs(get, cwd = process.cwd()) {
    const [notices, warnings] = [[], []];
    const values = readRows(get, notices, warnings);
    const pushGiven = get('push').trim() !== '';
    const tagged = targets_readTagInputs(values, process.env, notices);
    const targets = tagged.tagRefs.length
        ? targetsFromRefs(values, tagged)
        : checkTargets(values, tagged, notices, pushGiven);
    const remoteContext = isRemoteContext(values.context);
    // With sources nothing is built: there is no context to check, and no build input may be set.
    if (values.sources.length)
        checkSources(values, cwd);
    else if (!remoteContext)
        checkLocalContext(values.context, values.file, cwd);
    checkSecretSources(values.secretFiles, values.secretEnvs, cwd, process.env, warnings);
    build_options/* checkBuildSources */.pQ(values, cwd, process.env);
    if (targets.length > 1 && new Set(targets.map(t => t.registry)).size > 1 && values.username)
        throw new inputs_error/* InputError */.d('username', `${(0,table/* ref */.KR)('username', 'password')} log in to one registry, and ${(0,table/* ref */.KR)('images')} names several: give each its login in ${(0,table/* ref */.KR)('registry-auth')}`);
    checkLoginSources(values);
    const cloud = singleCloudLogin(values, process.env);
    if (!cloud && (values.username === '') !== (values.password === ''))
        throw new inputs_error/* InputError */.d(values.username === '' ? 'username' : 'password', `${(0,table/* ref */.KR)('username', 'password')} must be given together (or neither, to use an existing docker login)`);
    const logins = checkLogins(values, cloud, targets, notices);
    // login-action logs in to each account it lists; here each ECR registry is a login of its own.
    if (process.env.AWS_ACCOUNT_IDS && logins.some(l => l.cloud?.kind === 'ecr'))
        warnings.push(`AWS_ACCOUNT_IDS is set and not read: each ECR registry logs in for the account its host names; give each its own entry in ${(0,table/* ref */.KR)('registry-auth')}`);
    const keepLogin = keepsLogin(values, get('keep-login').trim() !== '');
    const inputs = { ...values, ...tagged, keepLogin, remoteContext, targets, logins, pushGiven };
    return { inputs, notices, warnings };
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
    // buildx fetches an ssh:// context with the agent's keys; the classic builder looks for it on disk.
    if (!buildx && /^ssh:\/\//i.test(inputs.context))
        throw new inputs_error/* InputError */.d('context', `${(0,core_text/* quote */.hD)(inputs.context)}: the classic builder does not fetch ssh:// contexts (buildx does); write it as git@host:owner/repo.git#ref`);
    const used = buildxOnlyInputs(inputs);
    if (!buildx && used.length)
        throw new inputs_error/* InputError */.d(used[0], `needs docker buildx, and this docker has no buildx plugin (${(0,input_ref/* advice */.v9)('install-buildx')}, or drop ${(0,table/* ref */.KR)(...used)})`);
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
        logins: [],
        pushGiven: over.push !== undefined
    };
};


/***/ }),

/***/ 3477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ loadRegistryAuthParser),
/* harmony export */   Wr: () => (/* binding */ credentialsIn),
/* harmony export */   bf: () => (/* binding */ parseRegistryAuth)
/* harmony export */ });
/* unused harmony export registryAuthParserLoaded */
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _core_input_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7571);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2020);
/* harmony import */ var _registry_cloud_detect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2382);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
// The `registry-auth` input: login-action's YAML list, one entry per registry, read with js-yaml as
// login-action reads it (anchors, quoting, block scalars, `~`):
//   - registry: ghcr.io
//     username: ${{ github.actor }}
//     password: ${{ secrets.GITHUB_TOKEN }}
// js-yaml is loaded only when the input is set (loadRegistryAuthParser), so that runs without it do not
// pay for it at start. Errors name the entry by position and registry, never a value, and never repeat
// js-yaml's own message, which quotes the input. A mistake is an InputProblem, and the caller names the
// input (targets.ts).





const KEYS = ['registry', 'username', 'password', 'ecr', 'scope'];
let load;
/** Loads js-yaml; call (and await) before parseRegistryAuth or credentialsIn. */
async function loadRegistryAuthParser() {
    if (!load)
        load = (await __webpack_require__.e(/* import() */ 243).then(__webpack_require__.bind(__webpack_require__, 3243))).load;
}
/** Whether js-yaml is loaded (the input-error path must not load it for nothing). */
const registryAuthParserLoaded = () => load !== undefined;
/** The YAML document, or an InputProblem that says where it stopped parsing (and nothing of the text). */
function readYaml(text) {
    if (!load)
        throw new Error('registry-auth read before loadRegistryAuthParser()');
    try {
        return load(text);
    }
    catch (error) {
        const mark = error.mark;
        const where = mark?.line === undefined ? '' : ` (line ${mark.line + 1}, column ${(mark.column ?? 0) + 1})`;
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`is not valid YAML${where} (${(0,_core_input_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9)('multi-line-secret')})`);
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
function parseRegistryAuth(text, env = process.env) {
    const doc = readYaml(text);
    if (doc === undefined || doc === null)
        return [];
    if (!Array.isArray(doc))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(isMapping(doc)
            ? 'is a mapping, and a list is expected: start each entry with "- "'
            : 'is not a list of entries');
    return doc.map((entry, i) => {
        if (!isMapping(entry))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`entry ${i + 1} is not a mapping of registry, username and password`);
        // docker login takes a URL (`https://index.docker.io/v1/`): its host is the registry, ECR's and Hub's too.
        const registry = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .loginServerHost */ .ve)(scalarOf(entry.registry) ?? '');
        const where = `entry ${i + 1}${registry ? ` (${JSON.stringify(registry)})` : ''}`;
        for (const key of Object.keys(entry))
            if (!KEYS.includes(key))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: unknown key ${JSON.stringify(key)} (${KEYS.join(', ')})`);
        const field = (key) => {
            const value = entry[key];
            if (value === undefined || value === null)
                return undefined;
            const s = scalarOf(value);
            if (s === undefined)
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: ${key} must be a string (quote it)`);
            return s;
        };
        if (entry.registry !== undefined && entry.registry !== null)
            field('registry');
        const username = field('username') ?? '';
        const password = field('password')?.trim() ?? '';
        // Any casing, as login-action reads it (`ecr: "False"`).
        const ecrText = field('ecr')?.toLowerCase();
        if (ecrText !== undefined && !['true', 'false', 'auto'].includes(ecrText))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: ecr is true, false or auto`);
        const ecr = ecrText === undefined || ecrText === 'auto' ? undefined : ecrText === 'true';
        const scope = field('scope');
        const login = { registry, username, password, ...(ecr !== undefined && { ecr }) };
        let cloud;
        try {
            cloud = (0,_registry_cloud_detect_js__WEBPACK_IMPORTED_MODULE_2__/* .cloudLoginOf */ .gM)({ ...login, registry: registry || 'docker.io' }, env);
        }
        catch (error) {
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}`);
        }
        // A cloud login gets its password from the cloud's token service: the entry may name none.
        if (!cloud && !username)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where} has no username`);
        if (!cloud && !password)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${where} has no password`);
        return { ...login, ...(cloud && { cloud }), ...(scope !== undefined && { scope }) };
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
        if (!(error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S))
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ isLocal),
/* harmony export */   PJ: () => (/* binding */ parseSource),
/* harmony export */   nM: () => (/* binding */ indexAnnotations),
/* harmony export */   uf: () => (/* binding */ checkSourcesAlone)
/* harmony export */ });
/* unused harmony export TRANSPORTS */
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6080);
/* harmony import */ var _metadata_levels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6814);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5378);
/* harmony import */ var _core_go_bool_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8558);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2020);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(652);
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
 * `transport:rest` for a local image, a problem for a transport we do not read (`dir:/x`, `docker://\u2026`),
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
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: unknown transport ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(transport)}; local images are read with ${TRANSPORTS.map(t => `${t}:`).join(', ')}, and a registry image is written without a transport`;
    }
    const t = transport;
    if (t === 'docker-daemon') {
        if (!DAEMON_IMAGE.test(rest) || (rest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(rest)))
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(rest)} is not an image reference or a sha256:<64 hex> image ID`;
        return { line, transport: t, path: rest };
    }
    const colon = rest.indexOf(':');
    const file = colon < 0 ? rest : rest.slice(0, colon);
    const reference = colon < 0 ? undefined : rest.slice(colon + 1);
    if (!file)
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: names no ${t === 'oci' ? 'directory' : 'file'} after ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${t}:`)}`;
    if (reference !== undefined && !LOCAL_REFERENCE.test(reference))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(reference)} is not an image reference (org.opencontainers.image.ref.name or repo:tag)`;
    return { line, transport: t, path: file, ...(reference !== undefined ? { reference } : {}) };
}
const TAG_PREFIX = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;
/**
 * One line of `sources` on `registry`/`image` (both validated): a bare tag or digest of the image itself,
 * `repo:tag`, `repo@digest` or `repo:tag@digest` on the same registry, or a reference with its own registry
 * host. A trailing `*` makes the tag a prefix. A local image has its transport first (`oci:dir`). Throws an
 * InputProblem saying why when the line is none of these.
 */
function parseSource(line, registry, image) {
    const source = sourceOrWhy(line, registry, image);
    if (typeof source === 'string')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(source);
    return source;
}
/** parseSource's reading, with the reason as a string: its helpers return one at the first thing wrong. */
function sourceOrWhy(line, registry, image) {
    const local = parseLocal(line);
    if (local !== undefined)
        return local;
    const glob = line.endsWith('*');
    const body = glob ? line.slice(0, -1) : line;
    if (body.includes('*'))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: "*" may only end a line (a tag prefix)`;
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
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: a digest cannot end in "*"; a glob is a tag prefix`;
        repo = body.slice(0, at);
        pin = { digest: body.slice(at + 1) };
        if (!(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(pin.digest))
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(pin.digest)} is not a digest like sha256:<hex>`;
        // `name:tag@digest`, as docker takes it: the digest decides, the tag is only checked for its grammar.
        const colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            const tag = repo.slice(colon + 1);
            if ((0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag))
                return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(tag)}: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag)}`;
            repo = repo.slice(0, colon);
        }
    }
    else {
        const colon = body.lastIndexOf(':');
        if (colon <= body.lastIndexOf('/')) {
            if (glob)
                return finish(line, registry, image, { prefix: '' }, body);
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)} names no tag or digest; write ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${body}:TAG`)} or ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${body}@sha256:\u2026`)}`;
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
            return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: the registry ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(host)} ${problem}`;
        host = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRegistry */ .l5)(host);
    }
    const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .pathProblem */ .z9)(path);
    if (problem)
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(path)} is not a repository path: ${problem}`;
    const long = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .nameLengthProblem */ .nz)(host, path);
    if (long)
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${long}`;
    if (pin.tag !== undefined && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(pin.tag))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(pin.tag)}: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(pin.tag)}`;
    if (pin.prefix !== undefined && !TAG_PREFIX.test(pin.prefix))
        return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(pin.prefix)} cannot begin a tag: ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)('-')}`;
    return { line, registry: host, name: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .remotePath */ .QZ)(host, path), ...pin };
}
/** The inputs that shape a build beyond those marked buildx-only in the table. */
const BUILD_INPUTS = [
    'context',
    'file',
    'buildArgs',
    'labels',
    'target',
    'noCache',
    'pull',
    'load',
    'addHosts',
    'network',
    'shmSize',
    'ulimit',
    'cgroupParent'
];
/**
 * buildx inputs that mean something without a build: `annotations` go on a merge's index, and `sbom: true`
 * asks for the SBOM files of what is pushed.
 */
const WITH_SOURCES = ['annotations', 'sbom'];
/**
 * Throws an InputProblem naming the input that cannot go together with `sources`: `platforms` and every
 * other build input must be at its default (`defaults`, read as the parser reads them), and the result is
 * pushed.
 */
function checkSourcesAlone(values, defaults) {
    if (!values.push)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')} always pushes (the sources are put in the registry): ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)('push', 'true')}`, 'push');
    if (values.platforms.length)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`cannot be used with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: nothing is built, and each source brings its own platforms`, 'platforms');
    if (values.sbom.trim() !== '' && (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_3__/* .goBool */ .B)(values.sbom.trim()) === undefined)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')} nothing is built: only true (write the SBOM files the pushed image carries) or false`, 'sbom');
    for (const [key, row] of _table_js__WEBPACK_IMPORTED_MODULE_0__/* .ROWS */ .Ir) {
        if (key === 'sources' || WITH_SOURCES.includes(key) || (!row.buildx && !BUILD_INPUTS.includes(key)))
            continue;
        if (JSON.stringify(values[key]) !== JSON.stringify(defaults[key]))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`cannot be used with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .ref */ .KR)('sources')}: nothing is built from sources, so build inputs must keep their defaults`, (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(key));
    }
}
/**
 * `annotations` with `sources`, as key \u2192 value for the merged index: a merge writes only the index (the
 * platform manifests stay as they are), so only `index:` or unprefixed ones apply. An InputProblem otherwise.
 */
function indexAnnotations(lines) {
    const out = {};
    for (const line of lines) {
        const a = (0,_metadata_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAnnotation */ .fr)(line);
        if (a.levels.some(l => l.level !== 'index'))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_4__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: a merge writes only the index; the platform manifests stay as they are, so only index annotations apply`);
        out[a.key] = a.value;
    }
    return out;
}


/***/ }),

/***/ 6080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ir: () => (/* binding */ ROWS),
  f$: () => (/* reexport */ input_ref/* actionTerm */.f$),
  yu: () => (/* binding */ inputName),
  KR: () => (/* reexport */ input_ref/* ref */.KR),
  nx: () => (/* reexport */ input_ref/* renderInputRefs */.nx),
  TJ: () => (/* binding */ rowByName),
  Pe: () => (/* reexport */ input_ref/* setting */.Pe)
});

// UNUSED EXPORTS: INPUTS, flagName, isListKind

;// CONCATENATED MODULE: ./src/inputs/build-rows.ts
const BUILD_ROWS = {
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
        description: "buildx: cache sources, one spec per line (`type=registry,ref=\u2026`, `type=gha`). A `type=gha` entry without `scope=` gets the image's own (with `-<target>` when `target` is set), so that images built in one workflow keep apart caches; the log says so once.",
        cli: { value: 'SPEC', help: 'buildx cache source; repeatable' }
    },
    cacheTo: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: cache destinations, one per line. An export that fails (the cache unreachable, refused, full) is a warning, not a failed build; a destination buildx cannot set up at all (a bad token, an unknown type) still fails it. A `type=gha` entry gets the scope `cache-from` gets, and `repository=` and `ghtoken=` (the `github-token`) as build-push-action adds them, unless given.',
        cli: { value: 'SPEC', help: 'buildx cache destination; repeatable' }
    },
    provenance: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: `--provenance` (`true`, `false`, `mode=max`; booleans as buildx reads them: `1`, `0`, `t` \u2026). In a workflow run the provenance names the run as its builder (`builder-id=<server>/<owner/repo>/actions/runs/<id>/attempts/<n>`, as build-push-action sets it) unless a `builder-id` is given. It takes precedence over a provenance entry in `attests`.',
        cli: { value: 'VALUE', help: 'buildx provenance attestation (true, false, mode=max)' }
    },
    sbom: {
        kind: 'string',
        default: '',
        buildx: true,
        description: 'buildx: `--sbom`. With `sources`, nothing is built: `true` writes the SBOM files that the pushed image carries (`sbom-path`), which are not read otherwise.',
        cli: { value: 'VALUE', help: 'buildx SBOM attestation; with sources, true writes its files' }
    },
    secrets: {
        kind: 'lines',
        default: '',
        buildx: true,
        secret: true,
        untrimmed: true,
        description: 'buildx: build secrets, one `id=value` per line, for `RUN --mount=type=secret,id=\u2026`. Values are masked and kept as given, trailing whitespace and newlines included (quote a multi-line value whole: `"id=\u2026"`). An empty value is left out with a warning, as build-push-action leaves it out.',
        cli: {
            flag: 'secret',
            value: 'ID=ENV',
            from: 'env',
            help: "a build secret whose value is read from the environment variable ENV, or docker's id=ID[,env=ENV|,src=FILE]; repeatable"
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
        description: 'buildx: build secrets from environment variables, `id=ENVNAME`, separated by newlines and/or commas. Values are masked; an unset or empty variable gives an empty secret with a warning, as build-push-action passes it.',
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
        description: 'buildx: builder name (setup-buildx-action, or `docker buildx create --driver remote \u2026`).',
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
        comments: true,
        buildx: true,
        description: "buildx: OCI annotations, one `key=value` per line, with an optional `index:`, `manifest:`, `manifest-descriptor:` or `index-descriptor:` level prefix. As with buildx, a prefix may name several levels (`index,manifest:`), each optionally for one platform (`manifest[linux/amd64]:`). Without a prefix they join the automatic OCI annotations at each of their levels and override them, as metadata-action's do; with one, at that level. Expressions are rendered, and any other `{{\u2026}}` kept as written, as in `labels`. With `sources`, `index:` (or unprefixed) annotations go on the merged index.",
        cli: { flag: 'annotation', value: '[LEVEL[,LEVEL\u2026]:]K=V', help: 'buildx OCI annotation; repeatable' }
    },
    attests: {
        kind: 'lines',
        default: '',
        buildx: true,
        description: 'buildx: attestations, one `type=sbom` or `type=provenance,\u2026` per line (`--attest`). A provenance entry gets the run as its builder as `provenance` does; `provenance` and `sbom`, when set, take precedence over an entry of their type.',
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

// EXTERNAL MODULE: ./src/core/input-ref.ts
var input_ref = __webpack_require__(7571);
;// CONCATENATED MODULE: ./src/inputs/table.ts
// Every input, once. This table drives the action's parser (parse.ts), the CLI's flags, usage and --help
// (cli/main.ts), the test fixture, and the generated parts of action.yml and the docs. Adding an input is one
// row here (or in build-rows.ts for a build option) plus the code that uses it, and its place in groups.ts.

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
        comments: true,
        description: 'Images already built, one per line; nothing is built. In a registry: a bare tag or `sha256:\u2026` is on `image`, `repo:tag` and `repo@digest` on `registry`, or give a full reference with its host; a trailing `*` takes every tag with that prefix. On this machine: `docker-daemon:<ref or image ID>`, `oci:<dir>[:<ref>]`, `oci-archive:<file>[:<ref>]`, `docker-archive:<file>[:<ref>]` (the last three need no docker engine). One source is copied byte for byte to every tag (promote); several are merged into one index ([multi-platform runners](#sources-merge-and-promote-without-a-build)).',
        cli: {
            flag: 'source',
            value: 'REF',
            help: 'an image to promote or merge instead of building (a registry reference, or docker-daemon:, oci:, oci-archive:, docker-archive:); repeatable'
        }
    },
    file: {
        kind: 'string',
        default: '',
        description: 'Dockerfile path: with a directory context, relative to the working directory (as `docker build -f` takes it); with a git context, inside the context (`Dockerfile` for `\u2026#main:app`, not `app/Dockerfile`). Empty means `Dockerfile` in the context.',
        cli: { value: 'PATH', help: 'Dockerfile (default: Dockerfile in the context)' }
    },
    image: {
        kind: 'string',
        default: '',
        description: "Repository path such as `my/nginx` or `${{ github.repository }}`, under `registry`. Needed to push or to tag by rules, unless `images`, full references in `tags` or an image output's `name=` say where; left empty, a word in `tags` names an image as in build-push-action (`myapp` is `docker.io/myapp:latest`, said in a notice), and a build that pushes nothing (`push: false`, files exported) needs no name. Uppercase is lowercased with a notice. A tag, digest or host in it is an error.",
        cli: {
            value: 'PATH',
            help: 'repository path, e.g. my/app (needed to push, unless --images, full references in --tag or an --output name=)'
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
        comments: true,
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
        description: "Logins, one per registry, as login-action's YAML list (read with js-yaml, as login-action reads it): `- registry: ghcr.io` / `username: \u2026` / `password: \u2026`; login-action's `ecr` and `scope` keys are accepted. Passwords are masked before anything else runs and go to `docker login` on stdin. For several registries; `username`/`password` stay for one.",
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
        description: "Bare tags (newline and/or comma separated), metadata-action's rules (one `type=\u2026` line each, CSV, quoted fields allowed; [table](#tag-rules)), or full references such as `ghcr.io/octo/app:1.0` instead of `image` (each image gets exactly the tags named for it, as build-push-action pushes them; `registry` may stay, as login-action's, where they all go to it). With `image` and `images` empty every word is a reference, as build-push-action reads it: `myapp` is `docker.io/myapp:latest`. Empty derives them from the git context ([table](#automatic-tags-and-labels)).",
        cli: {
            flag: 'tag',
            value: 'TAG',
            help: 'a tag, a type=\u2026 rule or a full reference; repeat for more (default: latest, or from the git context in Actions)'
        }
    },
    flavor: {
        kind: 'lines',
        default: '',
        description: "metadata-action's flavor for the rules, one entry per line: `latest=auto` (or `true`, `false`), `prefix=\u2026[,onlatest=true]`, `suffix=\u2026[,onlatest=true]`.",
        cli: { value: 'SPEC', help: 'tag rules flavor (latest=auto|true|false, prefix=\u2026, suffix=\u2026); repeatable' }
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
        bareKeys: true,
        default: '',
        description: "One `KEY=VALUE` per line; values may contain commas and `=`. A `KEY` alone takes the variable's value from the build's environment, as docker does (left out when unset); the build's environment has this run's `DOCKER_METADATA_OUTPUT_*`, so `DOCKER_METADATA_OUTPUT_VERSION` alone passes this run's version.",
        cli: {
            flag: 'build-arg',
            value: 'K[=V]',
            help: 'a build argument, K alone from the environment; repeatable'
        }
    },
    labels: {
        kind: 'key-value',
        default: '',
        comments: true,
        description: "One `KEY=VALUE` per line. They override the automatic OCI labels. Expressions such as `{{branch}}` or `{{date 'YYYYMMDD'}}` are rendered, as in the tag rules (`\\{{` keeps the braces); any other `{{\u2026}}`, such as a Helm template in a repository description that metadata-action's `labels` output passes on, stays as written, with a notice.",
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
        unsetInAction: true,
        description: 'Push. With `false` the image is only built and tagged. Not given, it is `true`; beside `outputs`, which then decide, only a `true` given outright also pushes, as build-push-action adds `--push`.',
        cli: { help: 'build and tag only', onHelp: 'push, beside an --output that exports files too' }
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
        description: "buildx: `--output` specs, one per line (`type=local,dest=out`, `type=oci,dest=img.tar`, `type=registry`), quotes kept for buildx's own CSV reader (`type=image,\"name=a:1,a:2\",push=true`). When set they decide where the result goes: an output that only exports files pushes nothing and yields no digest, unless `push: true` is given outright (build-push-action's `--push`). With no `image`, `images` or references in `tags`, an image, registry or docker output's `name=` names the targets. With `push-by-digest=true` (docker's multi-runner recipe) nothing is tagged: buildx gets each image's name without a tag (or the output's `name=` alone), `digest` is verified at name@digest on each, and `tags` is empty; buildx's docker driver cannot do it (an input error). On that driver, outputs that load and push one image (`type=docker` beside `push: true`, `type=registry` beside `load: true`) load it once and `docker push` it, as `load` with `push` does.",
        cli: { flag: 'output', value: 'SPEC', help: 'buildx output spec (type=local,dest=DIR, \u2026); repeatable' }
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
    ecr: {
        kind: 'choice',
        default: 'auto',
        choices: ['auto', 'true', 'false'],
        description: "Whether `registry` is AWS ECR, as login-action's `ecr`: `auto` detects it from the host (`<account>.dkr.ecr.<region>.amazonaws.com` and its other forms, `public.ecr.aws`). An ECR login comes from `GetAuthorizationToken` with the AWS credentials and region in the environment; `username`/`password` are then an access key id and its secret. In `registry-auth`, each entry has its own `ecr` key.",
        cli: { value: 'auto|true|false', help: 'whether the registry is AWS ECR (default auto: from the host)' }
    },
    keepLogin: {
        kind: 'boolean',
        default: 'false',
        unsetInAction: true,
        description: "Keep the logins for the job's later steps (`docker`, `cosign`, `crane`, `actions/attest` \u2026), as login-action does: static `auths` entries in the job's docker config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), used for those registries even where the config names a `credsStore`. The post step removes exactly those entries and puts back what was there before. With `false` nothing of the login outlives this step.",
        cli: { help: 'not for the CLI: it has no post step to remove the login' }
    },
    logout: {
        kind: 'boolean',
        default: 'true',
        description: "login-action's `logout`, for workflows moving from it: `false` keeps the logins for the job's later steps, as `keep-login: true` does, and the post step still removes them when the job ends (login-action leaves them on a self-hosted runner). `true` asks for nothing more: the logins are gone at the job's end either way. `false` beside `keep-login: false` is an error."
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
    ...BUILD_ROWS
};
/** `buildArgs` \u2192 `build-args`: the action.yml name of a table key. */
const inputName = (key) => key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
const ROWS = Object.entries(INPUTS);
/** Kinds whose CLI flag may be repeated, each occurrence one entry. */
const isListKind = (kind) => kind === 'list' || kind === 'lines' || kind === 'key-value';
/** The CLI flag name (no dashes) of a row. */
function flagName(key) {
    const row = INPUTS[key];
    if (row.cli?.flag)
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

/***/ 4480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E_: () => (/* binding */ parseFullRef),
/* harmony export */   e9: () => (/* binding */ groupRefs),
/* harmony export */   oS: () => (/* binding */ classifyTags)
/* harmony export */ });
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3881);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(652);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6080);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5378);
/* harmony import */ var _metadata_rules_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1398);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2020);
// The `tags` input's three kinds of entry: metadata-action's rule lines (`type=\u2026`), bare tags (`v1`,
// `latest`), and full references as build-push-action takes them (`ghcr.io/octo/app:1.0`), which name
// their own image. Pure: a mistake is an InputProblem, and the caller names the input (targets.ts).






/**
 * A reference as docker reads `-t`: `[host[:port]/]path[:tag]`, the tag `latest` when none. The host is
 * the first component when it has a "." or ":" or is "localhost", as docker decides it.
 */
function parseFullRef(text) {
    if (text.includes('@'))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} has a digest; a tag names what is pushed, so give name:tag`);
    const slash = text.lastIndexOf('/');
    const colon = text.lastIndexOf(':');
    const [name, tag] = colon > slash ? [text.slice(0, colon), text.slice(colon + 1)] : [text, 'latest'];
    const first = name.split('/')[0];
    const hasHost = name.includes('/') && (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .looksLikeHost */ .oc)(first);
    const registry = hasHost ? first : _core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .DOCKER_HUB */ .Xb;
    const image = hasHost ? name.slice(first.length + 1) : name;
    if (hasHost) {
        const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .registryProblem */ .T7)(registry);
        if (problem)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(registry)} ${problem}`);
    }
    const pathIssue = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .pathProblem */ .z9)(image);
    if (pathIssue)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} is not a valid reference: ${pathIssue}`);
    const length = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .nameLengthProblem */ .nz)(registry, image);
    if (length)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} is too long: ${length}`);
    const tagIssue = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .tagProblem */ .qH)(tag);
    if (tagIssue)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)} has an invalid tag: ${tagIssue}`);
    return { registry: (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeRegistry */ .l5)(registry), image: image.replace(/^library\/(?=[^/]+$)/, ''), tag };
}
/** A line of tags or references as build-push-action reads `tags`: CSV, quoted entries kept whole. */
const tagEntries = (line) => (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvList */ .F)(line), m => `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(line)}: ${m}`);
/** A bare entry is a reference when it has a "/" or ":" (no tag does). */
const isReference = (entry) => entry.includes('/') || entry.includes(':');
/** References grouped by image, each image's tags in order, each once. */
function groupRefs(refs) {
    const groups = new Map();
    for (const r of refs) {
        const key = `${r.registry}/${r.image}`;
        const group = groups.get(key) ?? { registry: r.registry, image: r.image, tags: [] };
        if (r.tag !== undefined && !group.tags.includes(r.tag))
            group.tags.push(r.tag);
        groups.set(key, group);
    }
    return [...groups.values()];
}
/**
 * Sorts the `tags` lines into rules, bare tags and full references. A line starting with `type=` is one
 * rule, CSV-read (quoted fields may hold commas); a line starting with `#` is a comment, as
 * metadata-action reads it; any other line holds bare tags or references, comma-separated. With
 * `bareAreRefs` (no image to tag) a bare word is a reference too, as build-push-action reads `tags`:
 * `myapp` is `docker.io/myapp:latest`.
 */
function classifyTags(lines, bareAreRefs = false) {
    const rules = [];
    const tags = [];
    const found = [];
    const bareRefs = [];
    for (const line of lines) {
        const text = line.trim();
        if (text === '' || text.startsWith('#'))
            continue;
        if (/^type\s*=/i.test(text)) {
            const records = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvRecords */ .X)(text), m => `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)}: ${m}`);
            rules.push((0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_metadata_rules_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRule */ .iT)(records.flat(), text), m => `rule ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(text)}: ${m}`));
            continue;
        }
        for (const entry of tagEntries(text)) {
            if (isReference(entry)) {
                found.push(parseFullRef(entry));
                continue;
            }
            if (bareAreRefs && !entry.includes('=') && !entry.includes('{{')) {
                found.push((0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => parseFullRef(entry), m => `${m} (with ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('image')} empty, a word in ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('tags')} names an image, as in build-push-action: give ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('image')} to make it a tag)`));
                if (!bareRefs.includes(entry))
                    bareRefs.push(entry);
                continue;
            }
            if (entry.includes('=') || entry.includes('{{'))
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(entry)} is not a tag; a rule line starts with type= (e.g. type=raw,value=${entry})`);
            const problem = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .tagProblem */ .qH)(entry);
            if (problem)
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(entry)} is not a valid tag: ${problem}`);
            if (!tags.includes(entry))
                tags.push(entry);
        }
    }
    const refs = groupRefs(found);
    if (refs.length && (rules.length || tags.length))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`full references (${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .hD)(`${refs[0].registry}/${refs[0].image}:${refs[0].tags[0]}`)}) name their own image, so they cannot be mixed with ${rules.length ? 'rules' : 'bare tags'}; give either full references only, or ${(0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('image')} with bare tags and rules`);
    return { rules, tags, refs, bareRefs };
}


/***/ }),

/***/ 5831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   mv: () => (/* binding */ maskableToken),
/* harmony export */   tf: () => (/* binding */ valueSecrets)
/* harmony export */ });
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
/* harmony import */ var _core_userinfo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(928);
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
 * The secrets in a URL's userinfo (urlAuthorities: split at the authority's last `@`), as a git context
 * carries them (`https://x-access-token:\u2026@github.com/o/r.git#main:sub`): the password and the whole
 * userinfo, raw and percent-decoded, and base64(`user:password`) as git sends it; for http(s), a user name
 * without a password when it is long enough to be a token (maskableToken: `https://<token>@host`, while
 * `https://git@host` names a user, and `ssh://git@\u2026` always does). To mask.
 */
function urlSecrets(value) {
    const found = [];
    for (const { scheme, userinfo } of (0,_core_userinfo_js__WEBPACK_IMPORTED_MODULE_0__/* .urlAuthorities */ .zY)(value)) {
        if (userinfo === undefined)
            continue;
        const { user, password } = (0,_core_userinfo_js__WEBPACK_IMPORTED_MODULE_0__/* .splitUserinfo */ .Gw)(userinfo);
        if (password === undefined) {
            if (/^https?$/i.test(scheme) && maskableToken((0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(user)))
                found.push(user, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(user));
            continue;
        }
        if (!password)
            continue;
        // The userinfo as written too: `x-access-token:<token>` is what a log would show of the URL.
        found.push(password, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(password), userinfo, (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(userinfo));
        found.push(Buffer.from(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(user)}:${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .percentDecoded */ .oF)(password)}`).toString('base64'));
    }
    return [...new Set(found)];
}
/**
 * The secrets in the proxy variables (`HTTPS_PROXY`, `http_proxy`, in any case): the userinfo of each, as
 * urlSecrets finds it, a value without a scheme read as `http://` (as docker reads it). To mask before
 * anything runs: the registry client sends them to the proxy, and docker's output may quote them.
 */
function proxySecrets(env) {
    const found = Object.entries(env)
        .filter(([name, value]) => /^https?_proxy$/i.test(name) && value)
        .flatMap(([, value]) => urlSecrets(/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? value : `http://${value.trim()}`));
    return [...new Set(found)];
}


/***/ }),

/***/ 2425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ay: () => (/* binding */ timed),
/* harmony export */   de: () => (/* binding */ whereOf)
/* harmony export */ });
/* unused harmony export since */
/* harmony import */ var _core_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2257);
// How the pipeline talks to its user. The action maps this onto workflow commands; the CLI onto stderr.

/** Where a failure points, when the builder named a file and line (a build step, a check's finding). */
const whereOf = (error) => {
    const where = error?.location;
    return where?.file ? { ...where, file: where.file } : undefined;
};
/** Milliseconds since `start`, rounded. */
const since = (start) => Math.round((0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)() - start);
/** Runs `fn` and records its duration under `name`. */
async function timed(durations, name, fn) {
    const start = (0,_core_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .now */ .t)();
    try {
        return await fn();
    }
    finally {
        durations[name] = since(start);
    }
}


/***/ }),

/***/ 9267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ buildLevels),
/* harmony export */   W: () => (/* binding */ ociAnnotations),
/* harmony export */   eE: () => (/* binding */ annotationEntries),
/* harmony export */   i3: () => (/* binding */ withoutIndexLevels),
/* harmony export */   iU: () => (/* binding */ INDEX_REFUSED),
/* harmony export */   ik: () => (/* binding */ mayHaveIndex),
/* harmony export */   wv: () => (/* binding */ annotationsAt)
/* harmony export */ });
/* unused harmony export BUILD_LEVELS */
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2020);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7038);
/* harmony import */ var _levels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6814);



/**
 * The levels of this action's own annotations without DOCKER_METADATA_ANNOTATIONS_LEVELS: the manifest and
 * the index (metadata-action's `annotations` output has only `manifest`), because GHCR shows a
 * multi-platform image's description from its index. Where the build has no index they are dropped.
 */
const BUILD_LEVELS = ['manifest', 'index'];
const OCI_PREFIX = 'org.opencontainers.image.';
/** buildx's refusal of index annotations on a build that has no index (before or after the build). */
const INDEX_REFUSED = /index annotations not supported for single platform export/i;
/** The levels of this build's annotations: DOCKER_METADATA_ANNOTATIONS_LEVELS (read with the inputs), else BUILD_LEVELS. */
const buildLevels = (inputs) => [
    ...new Set((0,_env_js__WEBPACK_IMPORTED_MODULE_0__/* .annotationLevelsOr */ .Ol)(inputs.metadataEnv, BUILD_LEVELS))
];
/** Whether a level (`index`, `index[linux/amd64]`) is one only an index has. */
const isIndexLevel = (level) => _levels_js__WEBPACK_IMPORTED_MODULE_1__/* .INDEX_LEVELS */ .RD.has((0,_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLevel */ .QA)(level)?.level ?? level);
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
/** A line's entries, one per level it names (`index,manifest:k=v` is two); a line without a level is one. */
function entriesOf(line) {
    const a = (0,_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .readAnnotation */ ._o)(line);
    if (a?.levels.length)
        return a.levels.map(l => ({ level: (0,_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .formatLevel */ .eI)(l), key: a.key, value: a.value }));
    const { key, value } = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .splitKeyValue */ .px)(line) ?? { key: line, value: '' };
    return [{ level: '', key, value }];
}
/**
 * What the image's annotations are, as entries: the OCI keys of the final labels (the `labels` input
 * already overrode the automatic ones there) with the user's unleveled annotations over them, as
 * metadata-action merges its custom ones, `KEY=VALUE`; then the user's leveled ones as given
 * (`index:KEY=VALUE`), which hold at that level only. Pure.
 */
function annotationEntries(labels, user) {
    const plain = new Map();
    for (const line of labels) {
        const kv = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .splitKeyValue */ .px)(line);
        if (kv?.key.startsWith(OCI_PREFIX))
            plain.set(kv.key, kv.value);
    }
    const leveled = [];
    for (const line of user) {
        const [e] = entriesOf(line);
        if (e.level)
            leveled.push(line);
        else
            plain.set(e.key, e.value);
    }
    return [...[...plain].map(([k, v]) => `${k}=${v}`), ...leveled];
}
/** The annotations at one level (`manifest`, `index[linux/amd64]`) of such entries, as [key, value]. */
function annotationsAt(entries, level) {
    const parsed = entries.flatMap(entriesOf);
    const at = new Map();
    for (const e of parsed)
        if (!e.level)
            at.set(e.key, e.value);
    for (const e of parsed)
        if (e.level === level)
            at.set(e.key, e.value);
    return [...at];
}
/**
 * `LEVEL:KEY=VALUE` for `--annotation`, one per annotation and level the build can have, beside the
 * user's own `--annotation` flags, which are passed as given: without the keys the user sets at that very
 * level, nor at the manifest those the user sets without a level (buildx puts them there). Pure.
 */
function ociAnnotations(labels, user, levels, index) {
    const used = levels.filter(level => index || !isIndexLevel(level));
    const own = new Set(user.flatMap(entriesOf).map(e => `${e.level || 'manifest'}:${e.key}`));
    const entries = annotationEntries(labels, user);
    return used.flatMap(level => annotationsAt(entries, level)
        .filter(([key]) => !own.has(`${level}:${key}`))
        .map(([key, value]) => `${level}:${key}=${value}`));
}
/**
 * The annotations without the index levels: what is left when buildx finds no index to put them on. A line
 * naming several levels keeps the others (`index,manifest:k=v` \u2192 `manifest:k=v`).
 */
const withoutIndexLevels = (annotations) => annotations.flatMap(line => {
    const entries = entriesOf(line);
    if (!entries.some(e => isIndexLevel(e.level)))
        return [line];
    return entries.filter(e => !isIndexLevel(e.level)).map(e => `${e.level}:${e.key}=${e.value}`);
});


/***/ }),

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ annotationLevelsOr),
/* harmony export */   Xk: () => (/* binding */ readMetadataEnv),
/* harmony export */   _z: () => (/* binding */ OUTPUT_LEVELS)
/* harmony export */ });
/* unused harmony exports DEFAULT_SHORT_SHA_LENGTH, DEFAULT_METADATA_ENV */
/* harmony import */ var _core_go_bool_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8558);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(652);
/* harmony import */ var _levels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6814);
// metadata-action's DOCKER_METADATA_* environment variables, read once with the inputs. Pure over `env`;
// a bad value is an InputProblem naming the variable, which the input errors name as they name an input.



const DEFAULT_SHORT_SHA_LENGTH = 7;
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
/** A variable is not an input: the message says so, in front of what is wrong with it. */
const variableProblem = (variable, message) => new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`(an environment variable) ${message}`, variable);
function readMetadataEnv(env) {
    const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim();
    if (headSha !== '' && !/^(?:true|false)$/i.test(headSha))
        throw variableProblem('DOCKER_METADATA_PR_HEAD_SHA', `${JSON.stringify(headSha)} must be true or false`);
    const lengthText = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim();
    const shortShaLength = lengthText === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(lengthText);
    if (lengthText !== '' && (!/^[0-9]+$/.test(lengthText) || shortShaLength < 1))
        throw variableProblem('DOCKER_METADATA_SHORT_SHA_LENGTH', `${JSON.stringify(lengthText)} must be a whole number of at least 1 (the short sha's length; 40 and more is the whole sha)`);
    const levelsText = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '').trim();
    // Split at every comma, as metadata-action splits it: a level names one platform (levels.ts).
    const rewritten = (0,_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .onePlatformEach */ .xE)(levelsText);
    if (rewritten)
        throw variableProblem('DOCKER_METADATA_ANNOTATIONS_LEVELS', `${JSON.stringify(levelsText)}: a level names one platform, and metadata-action splits the list at every comma; write ${JSON.stringify(rewritten)}`);
    const annotationLevels = [];
    for (const text of levelsText.split(',').map(l => l.trim().toLowerCase())) {
        if (text === '')
            continue;
        const level = (0,_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLevel */ .QA)(text);
        if (!level)
            throw variableProblem('DOCKER_METADATA_ANNOTATIONS_LEVELS', `${JSON.stringify(text)} is not an annotation level; use a comma-separated list of ${_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .LEVEL_WORDS */ .P4}, each optionally for one platform as in manifest[linux/amd64]`);
        annotationLevels.push((0,_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .formatLevel */ .eI)(level));
    }
    // Read as metadata-action reads it (Go's ParseBool words).
    const outputEnvText = (env.DOCKER_METADATA_SET_OUTPUT_ENV ?? '').trim();
    const setOutputEnv = outputEnvText === '' || (0,_core_go_bool_js__WEBPACK_IMPORTED_MODULE_0__/* .goBool */ .B)(outputEnvText);
    if (setOutputEnv === undefined)
        throw variableProblem('DOCKER_METADATA_SET_OUTPUT_ENV', `${JSON.stringify(outputEnvText)} must be true or false`);
    return { prHeadSha: /^true$/i.test(headSha), shortShaLength, annotationLevels, setOutputEnv };
}


/***/ }),

/***/ 6814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ LEVEL_WORDS),
/* harmony export */   QA: () => (/* binding */ parseLevel),
/* harmony export */   RD: () => (/* binding */ INDEX_LEVELS),
/* harmony export */   _o: () => (/* binding */ readAnnotation),
/* harmony export */   eI: () => (/* binding */ formatLevel),
/* harmony export */   fr: () => (/* binding */ parseAnnotation),
/* harmony export */   xE: () => (/* binding */ onePlatformEach),
/* harmony export */   yW: () => (/* binding */ singleLevelLines)
/* harmony export */ });
/* unused harmony exports LEVELS, parseLevels */
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2020);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _core_platform_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2418);
// The levels buildx puts an annotation at, and the `[type[,type\u2026]:]key=value` grammar it reads one in (each
// type a level, optionally for one platform): one home for the `annotations` input,
// DOCKER_METADATA_ANNOTATIONS_LEVELS and a merge's index. Pure leaf.
//
// buildx (util/buildflags/export.go, ParseAnnotations, since docker/buildx#2522, mid-2024) cuts the line
// at the first `=`, then at the first `:`, and splits what is before it at every comma into types, each
// `type[platform]`. buildx 0.13 takes one type per flag and reads anything else before the key as part of
// the key; the lines meant for it are one level each (singleLevelLines).



const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
/** The levels only an index has. */
const INDEX_LEVELS = new Set(['index', 'index-descriptor']);
// buildx takes a level's platform in these characters and reads it with containerd's platforms.Parse
// (no `local`, no OS version): core/platform-spec.ts. One platform: a comma ends the level.
const PLATFORM = '[A-Za-z0-9_/-]+';
const LEVEL = new RegExp(`^(${LEVELS.join('|')})(?:\\[(${PLATFORM})\\])?$`);
// A key as buildx 0.13 and later both take it; a `:` in it is the key's own only after a level.
const KEY = /^[A-Za-z0-9][A-Za-z0-9_./:-]*$/;
const LEVEL_WORDS = 'manifest, index, manifest-descriptor or index-descriptor';
/** `manifest`, or a level for one platform as buildx reads it (`manifest[linux/amd64]`). */
function parseLevel(text) {
    const m = LEVEL.exec(text);
    if (!m)
        return undefined;
    if (m[2] === undefined)
        return { level: m[1] };
    // One spelling per platform, so that a level written two ways is one level.
    try {
        return { level: m[1], platform: (0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSpecifier */ .Gp)((0,_core_platform_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSpecifier */ .as)(m[2])) };
    }
    catch (error) {
        if (error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S)
            return undefined;
        throw error;
    }
}
/** `manifest[linux/amd64]`: a level in its one spelling. */
const formatLevel = (spec) => spec.platform ? `${spec.level}[${spec.platform}]` : spec.level;
/** The levels `index,manifest[linux/amd64]` names, or undefined when one of them is not a level. */
function parseLevels(text) {
    const specs = text.split(',').map(parseLevel);
    return specs.every(s => s !== undefined) ? specs : undefined;
}
/**
 * `manifest[linux/amd64],manifest[linux/arm64]` for a text that lists platforms in one level
 * (`manifest[linux/amd64,linux/arm64]`), else undefined. buildx and metadata-action split levels at every
 * comma, so such a level is refused (current buildx) or becomes part of the key (0.13).
 */
function onePlatformEach(text) {
    if (!/\[[^\]]*,/.test(text))
        return undefined;
    return text.replace(/([A-Za-z-]+)\[([^\]]*)\]/g, (_all, level, platforms) => platforms
        .split(',')
        .map(p => `${level}[${p.trim()}]`)
        .join(','));
}
/** A line's prefix (before the first `:`, if any), key and value; undefined without `=`. */
function split(line) {
    const eq = line.indexOf('=');
    if (eq < 0)
        return undefined;
    const left = line.slice(0, eq);
    const colon = left.indexOf(':');
    return colon < 0
        ? { key: left, value: line.slice(eq + 1) }
        : { prefix: left.slice(0, colon), key: left.slice(colon + 1), value: line.slice(eq + 1) };
}
/**
 * `[type[,type\u2026]:]key=value`, as buildx reads an annotation. Throws an InputProblem saying what is wrong
 * with the line: what current buildx refuses, and what buildx 0.13 would read as part of the key.
 */
function parseAnnotation(line) {
    const parts = split(line);
    if (!parts || parts.key === '')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)} is not [level:]key=value`);
    const levels = parts.prefix === undefined ? [] : parseLevels(parts.prefix);
    if (!levels) {
        const prefix = parts.prefix;
        const rewritten = onePlatformEach(prefix);
        if (rewritten)
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)}: a level names one platform, and buildx reads every comma before the key as one between levels; write ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(`${rewritten}:${parts.key}=\u2026`)}`);
        const bad = prefix.split(',').find(t => !parseLevel(t));
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(bad)} is not a level; a level is ${LEVEL_WORDS}, optionally for one platform as in manifest[linux/amd64], and several are comma-separated as in index,manifest:key=value (buildx reads everything before the first ":" as levels)`);
    }
    if (!KEY.test(parts.key))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(line)}: the key ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(parts.key)} must be letters, digits and . _ / - :`);
    return { levels, key: parts.key, value: parts.value };
}
/**
 * What a line means, without throwing: its levels (none given: []) in their one spelling, key and value;
 * undefined for a line that is not an annotation (parseAnnotation says why).
 */
function readAnnotation(line) {
    try {
        return parseAnnotation(line);
    }
    catch (error) {
        if (error instanceof _core_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .InputProblem */ .S)
            return undefined;
        throw error;
    }
}
/**
 * A line as one line per level it names (`index,manifest:k=v` \u2192 `index:k=v`, `manifest:k=v`), the same
 * annotations for current buildx, and the only form buildx 0.13 reads as levels. A line with one
 * level or none, or one that is not an annotation, stays as written.
 */
function singleLevelLines(line) {
    const a = readAnnotation(line);
    if (!a || a.levels.length < 2)
        return [line];
    return a.levels.map(l => `${formatLevel(l)}:${a.key}=${a.value}`);
}


/***/ }),

/***/ 8427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ metadataEnvExports),
/* harmony export */   jO: () => (/* binding */ outputText),
/* harmony export */   tm: () => (/* binding */ metadataVariables),
/* harmony export */   vw: () => (/* binding */ metadataOutputValues)
/* harmony export */ });
/* unused harmony exports metadataOutputs, tagNames, METADATA_OUTPUTS, separatorOf */
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9267);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7038);


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
    const levels = meta.levels ?? (0,_env_js__WEBPACK_IMPORTED_MODULE_1__/* .annotationLevelsOr */ .Ol)(inputs.metadataEnv, _env_js__WEBPACK_IMPORTED_MODULE_1__/* .OUTPUT_LEVELS */ ._z);
    const annotations = levels.flatMap(level => (0,_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .annotationsAt */ .wv)(meta.annotations, level)
        .map(([key, value]) => `${key}=${value}`)
        .sort(byKey)
        .map(a => `${level}:${a}`));
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
/** `registry/image:tag` \u2192 `tag`, each once, in order. */
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
/** An output as the runner takes it: a list joined by its separator (sep-*), an object as JSON. */
function outputText(name, value, inputs) {
    if (typeof value === 'string')
        return value;
    return Array.isArray(value) ? value.join(separatorOf(name, inputs)) : JSON.stringify(value);
}
/**
 * The DOCKER_METADATA_OUTPUT_* variables of a build's metadata and full tags, with the values the action
 * exports after the run (metadataEnvExports), so the build itself can read them too.
 */
function metadataVariables(meta, fullTags, inputs) {
    const values = metadataOutputValues(meta, fullTags, inputs);
    const texts = Object.fromEntries(Object.entries(values).map(([n, v]) => [n, outputText(n, v, inputs)]));
    return metadataEnvExports(inputs, texts);
}
/** metadata-action's outputs by name, with their own types: the action's outputs and the build's variables. */
function metadataOutputValues(meta, fullTags, inputs) {
    const m = metadataOutputs(meta, fullTags, inputs);
    return {
        version: m.version,
        tags: fullTags,
        'tag-names': m.tagNames,
        labels: m.labels,
        annotations: m.annotations,
        json: m.json
    };
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


/***/ }),

/***/ 1398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iT: () => (/* binding */ parseRule),
/* harmony export */   mu: () => (/* binding */ byPriority),
/* harmony export */   tt: () => (/* binding */ DEFAULT_FLAVOR),
/* harmony export */   wp: () => (/* binding */ parseFlavor)
/* harmony export */ });
/* unused harmony exports RULE_TYPES, DEFAULT_PRIORITY */
/* harmony import */ var _inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3881);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(652);
/* harmony import */ var _template_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5730);
// metadata-action's `type=\u2026` tag rules and `flavor` lines, read once with the inputs: defaults filled in as
// metadata-action fills them, every expression parsed, every mistake an InputProblem naming the line. What
// a rule yields for an event is tags.ts's part.



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
    prefix: (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(''),
    prefixLatest: false,
    suffix: (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)(''),
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
const template = (value, scope, what) => (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTemplate */ .QC)(value, scope), m => `${what}: ${m}`);
/** `/re/flags` is a regular expression with flags, anything else the expression itself (as String.match). */
function regex(pattern) {
    const literalForm = /^\/(.+)\/(.*)$/.exec(pattern);
    try {
        return literalForm ? new RegExp(literalForm[1], literalForm[2]) : new RegExp(pattern);
    }
    catch (error) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`pattern ${JSON.stringify(pattern)} is not a regular expression (${error.message})`);
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
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`match ${JSON.stringify(pattern)} is not a regular expression (${error.message})`);
    }
    const groups = new RegExp(`${pattern}|`).exec('').length - 1;
    if (groups < 1)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`match ${JSON.stringify(pattern)} has no group; its first group is the version, e.g. match=app/v(.*)`);
    return { regex: re, pattern };
}
function oneOf(value, allowed, what) {
    if (!allowed.includes(value))
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${what} ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
    return value;
}
/** One rule from its CSV fields (`type=\u2026` first). */
function parseRule(record, source) {
    const attrs = new Map();
    for (const [key, value] of fields(record))
        attrs.set(key, value);
    const type = oneOf(attrs.get('type') ?? '', RULE_TYPES, 'type');
    const allowed = [...COMMON, ...ATTRIBUTES[type]];
    for (const key of attrs.keys())
        if (!allowed.includes(key))
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`type=${type} takes no ${key} attribute (it takes ${allowed.slice(1).join(', ')})`);
    const priorityText = attrs.get('priority');
    const priority = priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText);
    if (!Number.isFinite(priority) || priorityText?.trim() === '')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`priority ${JSON.stringify(priorityText)} is not a number`);
    const enableText = attrs.get('enable') ?? 'true';
    const enable = template(enableText, 'global', 'enable');
    if (!(0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .hasExpressions */ .Yo)(enable) && enableText !== 'true' && enableText !== 'false')
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`enable must be true or false (or an expression such as {{is_default_branch}})`);
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
            throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`type=${type} needs a ${key} attribute`);
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
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`group ${JSON.stringify(group)} is not a group number`);
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
                rule.prefix = (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)('pr-');
            break;
        case 'raw':
            rule.value = template(required('value'), 'global', 'value');
            break;
        case 'sha':
            rule.format = oneOf(attrs.get('format') ?? 'short', ['short', 'long'], 'format');
            if (rule.prefix === undefined)
                rule.prefix = (0,_template_js__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .eu)('sha-');
            break;
    }
    return rule;
}
/** Rules in the order metadata-action applies them: by priority, highest first; ties keep their order. */
const byPriority = (rules) => [...rules].sort((a, b) => b.priority - a.priority);
/** The `flavor` input: `latest=\u2026`, `prefix=\u2026[,onlatest=true]`, `suffix=\u2026[,onlatest=true]` lines. */
function parseFlavor(lines) {
    const flavor = { ...DEFAULT_FLAVOR };
    for (const line of lines) {
        if (line.trim().startsWith('#'))
            continue; // a comment, as metadata-action reads its list inputs
        const records = (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .reworded */ .F)(() => (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .csvRecords */ .X)(line), m => `${JSON.stringify(line)}: ${m}`);
        let onLatestFor;
        for (const [key, value] of fields(records.flat())) {
            if (key === 'value')
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`${JSON.stringify(line)}: every entry is key=value`);
            if (key === 'latest')
                flavor.latest = oneOf(value, ['auto', 'true', 'false'], 'latest');
            else if (key === 'prefix' || key === 'suffix') {
                flavor[key] = template(value, 'global', key);
                onLatestFor = key;
            }
            else if (key === 'onlatest') {
                const on = oneOf(value, ['true', 'false'], 'onlatest') === 'true';
                if (onLatestFor === undefined)
                    throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`onlatest follows a prefix or suffix entry`);
                if (onLatestFor === 'prefix')
                    flavor.prefixLatest = on;
                else
                    flavor.suffixLatest = on;
            }
            else
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .InputProblem */ .S(`unknown flavor entry ${JSON.stringify(key)} (latest, prefix, suffix, onlatest)`);
        }
    }
    return flavor;
}


/***/ }),

/***/ 5730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bi: () => (/* binding */ expressionsOf),
  Yo: () => (/* binding */ hasExpressions),
  eu: () => (/* binding */ literal),
  wy: () => (/* binding */ mentions),
  uM: () => (/* binding */ parseLabelLine),
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
const TOKENS = /\[[^[\]]*\]|YYYYYY|YYYYY|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDDo|DDDo|DDDD|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|GGGGG|GGGG|GG|ggggg|gggg|gg|WW|Wo|W|ww|wo|w|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|ZZ|Z|zz|z|X|x|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|[\s\S]/g;
/** Tokens moment knows that we do not render (locale weeks, eras, zone names, locale formats). */
const UNSUPPORTED = /^(?:Qo|Mo|DDDDo|DDDo|do|e|ggggg|gggg|gg|Wo|ww|wo|w|zz|z|N{1,5}|y{1,4}|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)$/;
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
            // moment zero-fills a year token to its length, and YYYYYY carries the sign too.
            case 'YYYYYY':
                return `${w.year < 0 ? '-' : '+'}${pad(Math.abs(w.year), 6)}`;
            case 'YYYYY':
                return pad(w.year, 5);
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
            case 'GGGGG':
                return pad(iso.year, 5);
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

// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
;// CONCATENATED MODULE: ./src/metadata/rules/template.ts
// The `{{\u2026}}` expressions of metadata-action's tag rules: the small part of Handlebars they use, parsed
// once when the inputs are read (so a typo is an input error, before any build) and rendered per event.
// Like Handlebars, `{{x}}` HTML-escapes what it inserts (metadata-action's tags then turn the entities
// into `-`), `{{{x}}}` does not, and `\{{` is a literal `{{`.


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
/** The expressions `scope` may use, as a message lists them: `{{branch}}, {{tag}}, \u2026`. */
const expressionsOf = (scope) => [...NAMES[scope]].map(n => `{{${n}}}`).join(', ');
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
            throw new problem/* InputProblem */.S(`{{${body}}} is not an expression we understand`);
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
        throw new problem/* InputProblem */.S(`{{${body}}} has no name; expressions are like {{branch}} or {{date 'YYYYMMDD'}}`);
    if (!NAMES[scope].has(name))
        throw new problem/* InputProblem */.S(`{{${name}}} is not available ${WHERE[scope]}; there you can use ${expressionsOf(scope)}`);
    const expr = { name, escape };
    if (!DATE_HELPERS.has(name)) {
        if (rest.length)
            throw new problem/* InputProblem */.S(`{{${name}}} takes no arguments`);
        return expr;
    }
    for (const w of rest) {
        if (w.quoted !== undefined && expr.format === undefined)
            expr.format = w.quoted;
        else if (w.key === 'tz' && expr.tz === undefined)
            expr.tz = w.value;
        else if (w.key !== undefined)
            throw new problem/* InputProblem */.S(`{{${name}}}: unknown ${w.key} attribute (only tz)`);
        else
            throw new problem/* InputProblem */.S(`{{${name}}} takes one quoted format and tz='Area/City'`);
    }
    if (expr.format === undefined)
        throw new problem/* InputProblem */.S(`{{${name}}} needs a quoted format, e.g. {{${name} 'YYYYMMDD'}}`);
    const formatProblem = dateFormatProblem(expr.format);
    if (formatProblem)
        throw new problem/* InputProblem */.S(`{{${name} ${show(expr.format)}}}: ${formatProblem}`);
    if (expr.tz !== undefined) {
        const tzProblem = timeZoneProblem(expr.tz);
        if (tzProblem)
            throw new problem/* InputProblem */.S(`{{${name}}}: ${tzProblem}`);
    }
    return expr;
}
/**
 * The `{{\u2026}}` opening at `i` as text, when it names nothing of `scope` (its first word, as parseExpression
 * reads it): through its closing braces, or just the braces when it is not closed.
 */
function foreign(source, i, scope) {
    const name = /^\{\{\{?\s*([^\s'"=}]*)/.exec(source.slice(i))[1];
    if (NAMES[scope].has(name))
        return undefined;
    const triple = source.startsWith('{{{', i);
    const end = source.indexOf(triple ? '}}}' : '}}', i + 2);
    return end < 0 ? source.slice(i, i + (triple ? 3 : 2)) : source.slice(i, end + (triple ? 3 : 2));
}
/**
 * Parses `source`; throws an InputProblem naming the expression at fault. With `keepForeign`, a `{{\u2026}}` that
 * names no expression of `scope` is text (and listed in `kept`) instead of a mistake.
 */
function parseTemplate(source, scope, keepForeign = false) {
    const parts = [];
    const kept = [];
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
        const other = keepForeign ? foreign(source, i, scope) : undefined;
        if (other !== undefined) {
            text += other;
            kept.push(other);
            i += other.length;
            continue;
        }
        if (slashes > 1)
            text = text.slice(0, -1);
        const triple = source.startsWith('{{{', i);
        const close = triple ? '}}}' : '}}';
        const start = i + (triple ? 3 : 2);
        const end = source.indexOf(close, start);
        if (end < 0)
            throw new problem/* InputProblem */.S(`${show(source)}: an expression is not closed with ${close}`);
        const body = source.slice(start, end);
        const comment = /^\s*!/.test(body);
        // Handlebars takes the whole run of closing braces after an expression (not a comment): `{{x}}}` ends
        // with `}}}` and does not parse; nor does a comment in triple braces.
        let braces = close.length;
        while (!comment && source[end + braces] === '}')
            braces++;
        if (braces !== close.length || (comment && triple))
            throw new problem/* InputProblem */.S(`${show(source)}: ${source.slice(i, end + braces)} is not closed as it opens`);
        i = end + close.length;
        if (comment)
            continue;
        if (/^\s*[#/^>~&]|~\s*$/.test(body))
            throw new problem/* InputProblem */.S(`{{${body}}}: blocks, partials and whitespace control are not supported`);
        if (text)
            parts.push(text);
        text = '';
        parts.push(parseExpression(body, !triple, scope));
    }
    if (text)
        parts.push(text);
    return kept.length ? { source, parts, kept } : { source, parts };
}
/**
 * A `labels` or `annotations` line. metadata-action renders its own with the global expressions, while
 * build-push-action passes them as written, and what metadata-action's `labels` output hands on may hold a
 * repository description with a Helm or Jinja `{{ name }}` in it: an expression of ours is rendered, any
 * other `{{\u2026}}` stays as written.
 */
const parseLabelLine = (line) => parseTemplate(line, 'global', true);
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

/***/ 2382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gM: () => (/* binding */ cloudLoginOf),
/* harmony export */   rf: () => (/* binding */ cloudService)
/* harmony export */ });
/* unused harmony export ecrHost */
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5378);
// Which logins are a cloud's short-lived ones, decided once from the registry's host, the entry's `ecr` key
// and the environment: no SDK is loaded here, so the input checks stay cheap.

// Private ECR: <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn], the European Sovereign Cloud's
// .amazonaws.eu, and the dual-stack <account>.dkr-ecr[-fips].<region>.on.aws.
const ECR_PRIVATE = [
    /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.(?:com|com\.cn|eu)$/,
    /^(\d{12})\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/
];
// ECR Public, and its dual-stack name.
const ECR_PUBLIC = new Set(['public.ecr.aws', 'ecr-public.aws.com']);
// ECR Public's API answers in us-east-1 only.
const ECR_PUBLIC_REGION = 'us-east-1';
/** An ECR host's account and region, or whether it is ECR Public; undefined for any other host. */
function ecrHost(registry) {
    const { host, port } = (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .splitHostPort */ .cC)(registry.toLowerCase());
    if (port)
        return undefined;
    if (ECR_PUBLIC.has(host))
        return { public: true };
    for (const re of ECR_PRIVATE) {
        const m = re.exec(host);
        if (m)
            return { public: false, account: m[1], region: m[2], fips: host.includes('-fips.') };
    }
    return undefined;
}
// Docker Hub and the hosts behind it that Docker's OIDC connections cover, as login-action takes them.
const HUB_OIDC_HOSTS = new Set(['registry-1.docker.io', 'registry-1-stage.docker.io', 'dhi.io']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPIRES_IN = { default: 300, min: 300, max: 3600 };
const isHubOidcHost = (registry) => (0,_core_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isDockerHub */ .gr)(registry) || HUB_OIDC_HOSTS.has(registry.toLowerCase());
/**
 * How `login` is obtained: from ECR's GetAuthorizationToken (an ECR host, or `ecr: true`), from Docker Hub's
 * OIDC exchange (a Hub host with a username, no password, and DOCKERHUB_OIDC_CONNECTIONID set), or as given
 * (undefined). Throws an Error whose message says what is missing; the caller names the input.
 */
function cloudLoginOf(login, env) {
    const host = login.ecr === false ? undefined : ecrHost(login.registry);
    // login-action does not take a FIPS host for ECR: a username and password there (`AWS` and `aws ecr
    // get-login-password`'s token) are its ordinary docker login, not an access key id and its secret.
    const asGiven = login.ecr === undefined && host?.public === false && host.fips && login.password !== '';
    const ecr = asGiven ? undefined : host;
    if (ecr || login.ecr === true) {
        if ((login.username === '') !== (login.password === ''))
            throw new Error('with ECR, username and password are an AWS access key id and its secret: give both, or neither to use the credentials in the environment');
        if (ecr?.public)
            return { kind: 'ecr-public', region: ECR_PUBLIC_REGION };
        const region = ecr?.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
        if (!region)
            throw new Error('the host names no AWS region: set AWS_REGION');
        return { kind: 'ecr', region, ...(ecr ? { registryId: ecr.account } : {}) };
    }
    // Only a login asked for by a username: the variable is often set for the whole job, and a step that logs
    // in nowhere (no username, no password) must not read it, as login-action reads it only in a login step.
    const oidc = login.username !== '' && login.password === '' && isHubOidcHost(login.registry);
    if (oidc && env.DOCKERHUB_OIDC_CONNECTIONID !== undefined)
        return hubOidc(login, env);
    return undefined;
}
function hubOidc(login, env) {
    const connectionId = (env.DOCKERHUB_OIDC_CONNECTIONID ?? '').trim();
    if (!UUID.test(connectionId))
        throw new Error('DOCKERHUB_OIDC_CONNECTIONID is not a UUID');
    const given = (env.DOCKERHUB_OIDC_EXPIREIN ?? '').trim();
    const expiresIn = given === '' ? EXPIRES_IN.default : Number(given);
    if ((given !== '' && !/^[0-9]+$/.test(given)) || expiresIn < EXPIRES_IN.min || expiresIn > EXPIRES_IN.max)
        throw new Error(`DOCKERHUB_OIDC_EXPIREIN is ${JSON.stringify(given.slice(0, 20))}: give whole seconds from ${EXPIRES_IN.min} to ${EXPIRES_IN.max}`);
    const identity = login.registry.toLowerCase() === 'registry-1-stage.docker.io'
        ? 'https://identity-stage.docker.com'
        : 'https://identity.docker.com';
    // The exchange's base URL can be pointed elsewhere, as AWS_ENDPOINT_URL_<SERVICE> points the AWS SDK.
    const base = (env.DOCKERHUB_OIDC_ENDPOINT_URL ?? '').trim() || identity;
    let endpoint;
    try {
        endpoint = new URL(`${base.replace(/\/+$/, '')}/oauth/token`);
    }
    catch {
        throw new Error('DOCKERHUB_OIDC_ENDPOINT_URL is not a URL');
    }
    if (!/^https?:$/.test(endpoint.protocol) || endpoint.username || endpoint.password)
        throw new Error('DOCKERHUB_OIDC_ENDPOINT_URL must be an http(s) URL without credentials');
    return { kind: 'hub-oidc', connectionId, expiresIn, audience: identity, endpoint: endpoint.href };
}
/** What the user reads about a cloud login. */
const cloudService = (cloud) => cloud.kind === 'ecr'
    ? 'AWS ECR'
    : cloud.kind === 'ecr-public'
        ? 'AWS ECR Public'
        : "Docker Hub's OIDC exchange";


/***/ })

};
;