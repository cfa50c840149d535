export const id = 916;
export const ids = [916];
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

/***/ 1535:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDockerTag: () => (/* binding */ runDockerTag)
/* harmony export */ });
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6657);
/* harmony import */ var _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3285);
/* harmony import */ var _docker_engine_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9473);
/* harmony import */ var _docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9346);
/* harmony import */ var _docker_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3359);





/*
 * post-processor/docker-tag PostProcess of packer-plugin-docker: tags the
 * image of a docker image artifact as repository:tag for each of `tags` then
 * the deprecated `tag` (or as the bare repository when there are none). The
 * new artifact's ID is the last reference tagged; the input image is always
 * kept. `force` is ignored as the plugin ignores it on Docker >= 1.12: the
 * engine moves an existing tag anyway.
 */
const DEPRECATED_TAG = 'Deprecation warning: "tag" option has been replaced with "tags". In future versions of Packer, this ' +
    'configuration may not work. Please call `packer fix` on your template to update.';
async function runDockerTag(config, artifact, ctx) {
    const deprecated = config.tag ?? [];
    if (deprecated.length > 0)
        ctx.ui.say(DEPRECATED_TAG);
    if (artifact.builderId !== _docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DOCKER_TAG_BUILDER_ID */ .Yg && artifact.builderId !== _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_1__/* .BUILDER_ID_IMPORT */ .em) {
        throw new Error(`Unknown artifact type: ${artifact.builderId}\nCan only tag from Docker builder artifacts.`);
    }
    const engine = (0,_communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_0__/* .connectEngine */ .xn)();
    const repository = config.repository ?? '';
    const tags = [...(config.tags ?? []), ...deprecated];
    const references = tags.length > 0 ? tags.map((tag) => `${repository}:${tag}`) : [repository];
    for (const reference of references) {
        ctx.signal.throwIfAborted();
        ctx.ui.message(`Tagging image: ${artifact.id}`);
        ctx.ui.message(`Repository: ${reference}`);
        try {
            await engine.getImage(artifact.id).tag({ ...(0,_docker_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .splitReference */ .m)(reference), abortSignal: ctx.signal });
        }
        catch (error) {
            ctx.signal.throwIfAborted();
            throw new Error(`Error tagging image: ${(0,_docker_engine_error_js__WEBPACK_IMPORTED_MODULE_2__/* .daemonMessage */ .e)(error)}`, { cause: error });
        }
    }
    return {
        artifact: (0,_docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .imageArtifact */ .UZ)(engine, {
            builderId: _docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .DOCKER_TAG_BUILDER_ID */ .Yg,
            id: references.at(-1) ?? repository,
            // Only references made from `tags` are docker_tags; a bare repository is not.
            tags: tags.length > 0 ? references : [],
            ...(artifact.generatedData ? { generatedData: artifact.generatedData } : {}),
        }),
        // Tagging an image and then deleting it would be pointless: the input is always kept.
        keepInputArtifact: true,
        forceKeep: true,
    };
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

/***/ 3359:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ splitReference)
/* harmony export */ });
/*
 * An image reference split as the docker CLI splits it before calling the
 * Engine API: "host:5000/name:tag" -> repository "host:5000/name", tag "tag";
 * no tag means "latest" (reference.TagNameOnly). The daemon validates the rest.
 */
function splitReference(reference) {
    const colon = reference.lastIndexOf(':');
    if (colon > reference.lastIndexOf('/')) {
        return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
    }
    return { repo: reference, tag: 'latest' };
}


/***/ })

};
