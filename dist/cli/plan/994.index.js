export const id = 994;
export const ids = [994];
export const modules = {

/***/ 1608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ renderField),
/* harmony export */   v: () => (/* binding */ writeAtomically)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var _template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8959);
/* harmony import */ var _template_legacy_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4956);







/** interpolate.InitTime: one instant for the process. */
const processStart = new Date();
/** Packer's interpolate.Render of a post-processor field with `data` as the dot (generated data and friends). */
function renderField(text, data, config, ctx) {
    const env = { env: {}, cwd: process.cwd(), initTime: processStart, templatePath: '' };
    const fields = {
        userVariables: config.packer_user_variables ?? {},
        enableEnv: false,
        buildName: ctx.buildName,
        buildType: ctx.builderType,
        data,
    };
    return (0,_template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_5__/* .interpolate */ .GW)(text, (0,_template_legacy_context_js__WEBPACK_IMPORTED_MODULE_6__/* .interpolateContext */ .n)(env, fields));
}
/**
 * Writes `target` through a temporary file in the same directory, renamed over
 * the target only when `write` has ended the stream; on failure or abort no
 * output is left. `write` must end `out` (e.g. as a pipeline's destination).
 */
async function writeAtomically(target, mode, signal, write) {
    signal.throwIfAborted();
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(target), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(target)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temp, { flags: 'wx', mode });
    try {
        await write(out);
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(out);
        signal.throwIfAborted();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, target);
    }
    catch (error) {
        out.destroy();
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(out).catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        throw error;
    }
}


/***/ }),

/***/ 849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ removeAll)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);

/** Go's os.RemoveAll over each path in turn, stopping at the first error (artifact Destroy). */
async function removeAll(paths) {
    for (const path of paths)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { recursive: true, force: true });
}


/***/ }),

/***/ 8613:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runChecksum: () => (/* binding */ runChecksum)
/* harmony export */ });
/* unused harmony export CHECKSUM_BUILDER_ID */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var _common_remove_all_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(849);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var _common_post_processor_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1608);







/*
 * post-processor/checksum PostProcess of Packer: one "<hex>\t<base name>\n"
 * line per artifact file appended to the checksum file of each algorithm.
 * The new artifact keeps the input files and adds the checksum files it created.
 */
const CHECKSUM_BUILDER_ID = 'packer.post-processor.checksum';
const DEFAULT_OUTPUT = 'packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum';
/** Go's hash names to Node's. */
const ALGORITHMS = {
    md5: 'md5',
    sha1: 'sha1',
    sha224: 'sha224',
    sha256: 'sha256',
    sha384: 'sha384',
    sha512: 'sha512',
};
async function hashFile(path, algorithm, type, signal) {
    const source = await openSource(path);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(source.createReadStream({ autoClose: false }), hash, { signal });
    }
    catch (error) {
        signal.throwIfAborted();
        throw new Error(`unable to compute ${type} hash for ${path}`, { cause: error });
    }
    finally {
        await source.close();
    }
    return hash.digest('hex');
}
async function openSource(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    }
    catch (error) {
        throw new Error(`unable to open file ${path}: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
        });
    }
}
async function readIfExists(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
async function runChecksum(config, artifact, ctx) {
    // Lines per checksum file, in the order the files are first written.
    const lines = new Map();
    for (const type of config.checksum_types ?? ['md5']) {
        const algorithm = ALGORITHMS[type];
        if (!algorithm)
            throw new Error(`Unrecognized checksum type: ${type}`);
        const data = { BuildName: ctx.buildName, BuilderType: ctx.builderType, ChecksumType: type };
        const output = (0,_common_post_processor_js__WEBPACK_IMPORTED_MODULE_6__/* .renderField */ .h)(config.output || DEFAULT_OUTPUT, data, config, ctx);
        for (const file of artifact.files) {
            const digest = await hashFile(file, algorithm, type, ctx.signal);
            const list = lines.get(output) ?? [];
            list.push(`${digest}\t${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(file)}\n`);
            lines.set(output, list);
        }
    }
    const created = [];
    for (const [output, list] of lines) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(output), { recursive: true, mode: 0o755 });
        }
        catch (error) {
            throw new Error(`unable to create dir: ${error instanceof Error ? error.message : String(error)}`, {
                cause: error,
            });
        }
        // Packer appends to a checksum file that already exists (the file is small; rewritten whole).
        const existing = await readIfExists(output);
        if (!existing)
            created.push(output);
        const content = [...(existing ? [existing] : []), Buffer.from(list.join(''))];
        await (0,_common_post_processor_js__WEBPACK_IMPORTED_MODULE_6__/* .writeAtomically */ .v)(output, 0o644, ctx.signal, (out) => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from(content), out));
    }
    const files = [...artifact.files, ...created];
    return {
        artifact: {
            builderId: CHECKSUM_BUILDER_ID,
            id: '',
            files,
            description: `Created artifact from files: ${files.join(', ')}`,
            destroy: () => (0,_common_remove_all_js__WEBPACK_IMPORTED_MODULE_2__/* .removeAll */ .C)(files),
        },
        keepInputArtifact: true,
        forceKeep: true,
    };
}


/***/ })

};
