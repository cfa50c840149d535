export const id = 361;
export const ids = [361];
export const modules = {

/***/ 6657:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ro: () => (/* binding */ hasStatus),
/* harmony export */   ZK: () => (/* binding */ engineAddress),
/* harmony export */   g4: () => (/* binding */ engineMessage),
/* harmony export */   xn: () => (/* binding */ connectEngine)
/* harmony export */ });
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9040);

function connectEngine() {
    return new dockerode__WEBPACK_IMPORTED_MODULE_0__();
}
/** Where the engine is reached, for messages. */
function engineAddress(env = process.env) {
    return env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}
/** The daemon's message for a failed call ("No such image: x"), else the error's own message. */
function engineMessage(error) {
    if (!(error instanceof Error))
        return String(error);
    const json = error.json;
    if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') {
        return json.message.trim();
    }
    if (Buffer.isBuffer(json) && json.length > 0)
        return json.toString('utf8').trim();
    // Streamed calls carry the daemon's message only in docker-modem's text: "(HTTP code 404) reason - message ".
    const match = /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(error.message);
    return (match?.[1] ?? error.message).trim();
}
/** Whether a failed call was answered with this HTTP status. */
function hasStatus(error, status) {
    return error instanceof Error && error.statusCode === status;
}


/***/ }),

/***/ 3285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mw: () => (/* binding */ importArtifact),
/* harmony export */   Oi: () => (/* binding */ BUILDER_ID),
/* harmony export */   em: () => (/* binding */ BUILDER_ID_IMPORT),
/* harmony export */   hW: () => (/* binding */ exportArtifact)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6657);


/*
 * The plugin's two artifacts: ImportArtifact for commit (Destroy removes the
 * image), ExportArtifact for export_path and discard (Destroy removes the tar).
 * Both carry the build's generated data for the post-processors.
 */
const BUILDER_ID = 'packer.docker';
const BUILDER_ID_IMPORT = 'packer.post-processor.docker-import';
function importArtifact(imageId, generatedData, engine) {
    return {
        builderId: BUILDER_ID_IMPORT,
        id: imageId,
        files: [],
        description: `Imported Docker image: ${imageId}`,
        ...(generatedData ? { generatedData } : {}),
        destroy: async () => {
            await (engine ?? (0,_communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .connectEngine */ .xn)()).getImage(imageId).remove();
        },
    };
}
/** discard passes an empty path, as the plugin does: one file "" and "Exported Docker file: ". */
function exportArtifact(path, generatedData) {
    return {
        builderId: BUILDER_ID,
        id: 'Container',
        files: [path],
        description: `Exported Docker file: ${path}`,
        ...(generatedData ? { generatedData } : {}),
        destroy: () => (path !== '' ? (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(path) : Promise.resolve()),
    };
}


/***/ }),

/***/ 7361:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDockerSave: () => (/* binding */ runDockerSave)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6657);
/* harmony import */ var _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3285);
/* harmony import */ var _provisioners_file_go_path_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1784);
/* harmony import */ var _docker_engine_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9473);
/* harmony import */ var _docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9346);







/*
 * post-processor/docker-save PostProcess of packer-plugin-docker: the image
 * of a docker-import or docker-tag artifact is streamed from the Engine's
 * image export endpoint (`docker save`) into `path`, created or truncated
 * first; on failure the file is removed. The input artifact is passed on.
 */
async function runDockerSave(config, artifact, ctx) {
    if (artifact.builderId !== _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILDER_ID_IMPORT */ .em && artifact.builderId !== _docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_TAG_BUILDER_ID */ .Yg) {
        throw new Error(`Unknown artifact type: ${artifact.builderId}\nCan only save Docker builder artifacts.`);
    }
    const path = config.path ?? '';
    let file;
    try {
        file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'w', 0o666);
    }
    catch (error) {
        throw new Error(`Error creating output file: ${(0,_provisioners_file_go_path_js__WEBPACK_IMPORTED_MODULE_4__/* .goPathError */ .gC)('open', path, error).message}`, { cause: error });
    }
    ctx.ui.message(`Saving image: ${artifact.id}`);
    const out = file.createWriteStream();
    try {
        const tar = await (0,_communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .connectEngine */ .xn)().getImage(artifact.id).get();
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(tar, out, { signal: ctx.signal });
    }
    catch (error) {
        out.destroy();
        await file.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { force: true });
        ctx.signal.throwIfAborted();
        throw new Error(`Error exporting: ${(0,_docker_engine_error_js__WEBPACK_IMPORTED_MODULE_5__/* .daemonMessage */ .e)(error)}`, { cause: error });
    }
    ctx.ui.message(`Saved to: ${path}`);
    return { artifact, keepInputArtifact: true, forceKeep: false };
}


/***/ }),

/***/ 9473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ daemonMessage)
/* harmony export */ });
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6657);

/*
 * The text a docker post-processor puts where the plugin put the docker CLI's
 * stderr: the daemon's own message, or the CLI's wording when the daemon
 * cannot be reached at all.
 */
const UNREACHABLE = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EHOSTUNREACH', 'ETIMEDOUT']);
function daemonMessage(error) {
    const code = error?.code;
    if (code !== undefined && UNREACHABLE.has(code) && error.syscall === 'connect') {
        return `Cannot connect to the Docker daemon at ${(0,_communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_0__/* .engineAddress */ .ZK)()}. Is the docker daemon running?`;
    }
    return (0,_communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_0__/* .engineMessage */ .g4)(error);
}


/***/ }),

/***/ 9346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ dockerTags),
/* harmony export */   UZ: () => (/* binding */ imageArtifact),
/* harmony export */   Yg: () => (/* binding */ DOCKER_TAG_BUILDER_ID)
/* harmony export */ });
/* harmony import */ var _engine_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);

/*
 * The plugin's docker.ImportArtifact as the docker post-processors build it:
 * the ID is an image reference, "docker_tags" (state the next docker
 * post-processor reads) are listed in the description, and Destroy removes
 * the image reference as `docker rmi <id>` does.
 */
const DOCKER_TAG_BUILDER_ID = 'packer.post-processor.docker-tag';
/** artifact.State("docker_tags") of the artifacts made here; other artifacts have none. */
const dockerTagsState = new WeakMap();
function dockerTags(artifact) {
    return dockerTagsState.get(artifact) ?? [];
}
function imageArtifact(engine, init) {
    const tags = init.tags ?? [];
    const artifact = {
        builderId: init.builderId,
        id: init.id,
        files: [],
        description: tags.length > 0
            ? `Imported Docker image: ${init.id} with tags ${tags.join(' ')}`
            : `Imported Docker image: ${init.id}`,
        ...(init.generatedData ? { generatedData: init.generatedData } : {}),
        async destroy() {
            try {
                await engine.getImage(init.id).remove();
            }
            catch (error) {
                throw new Error(`Error deleting image: ${(0,_engine_error_js__WEBPACK_IMPORTED_MODULE_0__/* .daemonMessage */ .e)(error)}`, { cause: error });
            }
        },
    };
    if (init.tags)
        dockerTagsState.set(artifact, tags);
    return artifact;
}


/***/ }),

/***/ 1784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ goJoin),
/* harmony export */   GL: () => (/* binding */ goDir),
/* harmony export */   gC: () => (/* binding */ goPathError),
/* harmony export */   km: () => (/* binding */ goBase)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);

/* Go's path/filepath helpers (Unix) and os.PathError texts, where Node's differ from Packer's. */
/** filepath.Base: the last element, trailing slashes dropped; "." for "" and "/" for all slashes. */
function goBase(p) {
    if (p === '')
        return '.';
    const trimmed = p.replace(/\/+$/, '');
    return trimmed === '' ? '/' : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(trimmed);
}
/** filepath.Dir: everything but the last element, cleaned. */
function goDir(p) {
    return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}
/** filepath.Join: the elements joined with "/" and cleaned (no trailing slash). */
function goJoin(...parts) {
    const joined = parts.filter((part) => part !== '').join('/');
    return joined === '' ? '' : goClean(joined);
}
function goClean(p) {
    if (p === '')
        return '.';
    const cleaned = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p);
    return cleaned.length > 1 ? cleaned.replace(/\/$/, '') : cleaned;
}
const ERRNO_TEXT = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    EEXIST: 'file exists',
    ELOOP: 'too many levels of symbolic links',
};
/** An os.PathError's text, "stat x: no such file or directory", for a failed Node file operation. */
function goPathError(op, p, error) {
    const code = error?.code ?? '';
    const reason = ERRNO_TEXT[code] ?? (error instanceof Error ? error.message : String(error));
    return new Error(`${op} ${p}: ${reason}`, { cause: error });
}


/***/ })

};
