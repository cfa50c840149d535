export const id = 144;
export const ids = [144];
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

/***/ 7144:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runManifest: () => (/* binding */ runManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);
/* harmony import */ var _common_post_processor_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1608);






const message = (error) => (error instanceof Error ? error.message : String(error));
/** Go's json.MarshalIndent(v, "", "  "): HTML-safe escapes, no trailing newline. */
function goJson(value) {
    const escapes = {
        '<': '\\u003c',
        '>': '\\u003e',
        '&': '\\u0026',
        '\u2028': '\\u2028',
        '\u2029': '\\u2029',
    };
    return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c);
}
const str = (v) => (typeof v === 'string' ? v : '');
const num = (v) => (typeof v === 'number' ? v : 0);
/** A build entry read back as Go decodes it into the struct: unknown fields dropped, missing ones zero. */
function normalizeBuild(raw) {
    const b = (raw ?? {});
    const files = Array.isArray(b.files)
        ? b.files.map((f) => {
            const file = (f ?? {});
            return { name: str(file.name), size: num(file.size) };
        })
        : null;
    const custom = b.custom_data && typeof b.custom_data === 'object'
        ? Object.fromEntries(Object.entries(b.custom_data).map(([k, v]) => [k, str(v)]))
        : null;
    return entry({
        name: str(b.name),
        builder_type: str(b.builder_type),
        build_time: num(b.build_time),
        files,
        artifact_id: str(b.artifact_id),
        packer_run_uuid: str(b.packer_run_uuid),
        custom_data: custom,
    });
}
/** The entry in Packer's field order; Go's encoder sorts map keys. */
function entry(b) {
    const custom = b.custom_data
        ? Object.fromEntries(Object.entries(b.custom_data).sort(([x], [y]) => (x < y ? -1 : 1)))
        : null;
    return {
        name: b.name,
        builder_type: b.builder_type,
        ...(b.build_time ? { build_time: b.build_time } : {}),
        files: b.files,
        artifact_id: b.artifact_id,
        packer_run_uuid: b.packer_run_uuid,
        custom_data: custom,
    };
}
async function readManifest(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { builds: null, last_run_uuid: '' };
        throw new Error(`Unable to open ${path} for reading: ${message(error)}`, { cause: error });
    }
    if (text.length === 0)
        return { builds: null, last_run_uuid: '' };
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`Unable to parse content from ${path}: ${message(error)}`, { cause: error });
    }
    const m = (parsed ?? {});
    if (typeof m !== 'object' || Array.isArray(m) || (m.builds != null && !Array.isArray(m.builds))) {
        throw new Error(`Unable to parse content from ${path}: not a manifest object`);
    }
    return {
        builds: Array.isArray(m.builds) ? m.builds.map(normalizeBuild) : null,
        last_run_uuid: str(m.last_run_uuid),
    };
}
/** Packer's advisory `<output>.lock`: three tries, 0/200/400 ms apart, then it goes ahead anyway. */
async function lock(path, signal) {
    for (let i = 0; i < 3; i++) {
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(i * 200, undefined, { signal });
        try {
            await (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'wx', 0o600)).close();
            return;
        }
        catch {
            // Held by another writer: retry.
        }
    }
}
async function runManifest(config, artifact, ctx) {
    const output = config.output || 'packer-manifest.json';
    let customData = null;
    if (config.custom_data) {
        customData = {};
        for (const [key, value] of Object.entries(config.custom_data)) {
            try {
                customData[key] = (0,_common_post_processor_js__WEBPACK_IMPORTED_MODULE_5__/* .renderField */ .h)(value, {}, config, ctx);
            }
            catch (error) {
                throw new Error(`Error interpolating custom data: ${message(error)}`, { cause: error });
            }
        }
    }
    const files = [];
    for (const name of artifact.files) {
        const size = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(name).then((s) => s.size, () => 0);
        files.push({ name: config.strip_path ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(name) : name, size });
    }
    const build = entry({
        name: ctx.buildName,
        builder_type: ctx.builderType,
        build_time: config.strip_time ? 0 : Math.floor(Date.now() / 1000),
        files: files.length > 0 ? files : null,
        artifact_id: artifact.id,
        packer_run_uuid: ctx.runUuid,
        custom_data: customData,
    });
    const lockPath = `${output}.lock`;
    await lock(lockPath, ctx.signal);
    try {
        let manifest = await readManifest(output);
        if (config.packer_force && ctx.runUuid !== manifest.last_run_uuid)
            manifest = { builds: null, last_run_uuid: '' };
        const next = { builds: [...(manifest.builds ?? []), build], last_run_uuid: ctx.runUuid };
        try {
            await (0,_common_post_processor_js__WEBPACK_IMPORTED_MODULE_5__/* .writeAtomically */ .v)(output, 0o664, ctx.signal, (out) => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from([goJson(next)]), out));
        }
        catch (error) {
            ctx.signal.throwIfAborted();
            throw new Error(`Unable to write ${output}: ${message(error)}`, { cause: error });
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(lockPath, { force: true });
    }
    return { artifact, keepInputArtifact: true, forceKeep: true };
}


/***/ })

};
