export const id = 541;
export const ids = [541];
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

/***/ 1258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ followMessages),
/* harmony export */   p: () => (/* binding */ displayLine)
/* harmony export */ });
/** What the CLI prints for a message, or undefined for a message it does not print. */
function displayLine(m) {
    if (m.aux !== undefined || m.error !== undefined)
        return undefined;
    // A message whose progress bar is not empty (JSONProgress.String) is a terminal-only line.
    if ((m.progressDetail?.current ?? 0) > 0 || (m.progressDetail?.total ?? 0) > 0)
        return undefined;
    // localexec.RunAndStream trims each line and drops empty ones.
    const line = `${m.id ? `${m.id}: ` : ''}${m.status ?? ''}`.trim();
    return line === '' ? undefined : line;
}
/** Reads the stream to its end, passing each message on; rejects on the first error record. */
function followMessages(engine, stream, onMessage) {
    return new Promise((resolve, reject) => {
        let failure;
        engine.modem.followProgress(stream, (error, output) => {
            if (error)
                reject(error);
            else if (failure !== undefined)
                reject(new Error(failure));
            else
                resolve(output);
        }, (message) => {
            if (message.error !== undefined)
                failure ??= message.errorDetail?.message ?? message.error;
            else if (failure === undefined)
                onMessage(message);
        });
    });
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

/***/ 7541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDockerPush: () => (/* binding */ runDockerPush)
});

// EXTERNAL MODULE: ./build/communicator/docker/engine.js
var docker_engine = __webpack_require__(6657);
// EXTERNAL MODULE: ./build/components/builders/docker/artifact.js
var docker_artifact = __webpack_require__(3285);
// EXTERNAL MODULE: ./build/components/postprocessors/docker/engine-error.js
var engine_error = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/components/postprocessors/docker/image-artifact.js
var image_artifact = __webpack_require__(9346);
// EXTERNAL MODULE: ./build/communicator/docker/json-messages.js
var json_messages = __webpack_require__(1258);
// EXTERNAL MODULE: ./build/components/postprocessors/docker/reference.js
var reference = __webpack_require__(3359);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/components/postprocessors/docker-push/stored-auth.js


/*
 * Without `login`, the plugin's `docker push` runs with an empty temporary
 * client configuration unless DOCKER_CONFIG is set, in which case the
 * credentials stored there by `docker login` are used. This reads the
 * plain "auths" entries of $DOCKER_CONFIG/config.json for the registry of a
 * reference; credential helpers (credsStore, credHelpers) are not run.
 */
const DOCKER_HUB = 'https://index.docker.io/v1/';
/** The registry a reference names: its first component when that looks like a host, else Docker Hub. */
function registryOf(reference) {
    const slash = reference.indexOf('/');
    if (slash < 0)
        return DOCKER_HUB;
    const first = reference.slice(0, slash);
    return /[.:]/.test(first) || first === 'localhost' ? first : DOCKER_HUB;
}
/** registry.ConvertToHostname: "https://host:5000/v1/" -> "host:5000". */
function hostname(key) {
    const bare = key.replace(/^https?:\/\//, '');
    return bare.split('/')[0] ?? bare;
}
async function storedAuth(reference, env = process.env) {
    const dir = env.DOCKER_CONFIG;
    if (!dir)
        return undefined;
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8'));
    }
    catch {
        // The docker CLI treats a missing or unreadable configuration as one without credentials.
        return undefined;
    }
    const registry = registryOf(reference);
    const entry = Object.entries(config.auths ?? {}).find(([key]) => hostname(key) === hostname(registry))?.[1];
    if (!entry)
        return undefined;
    if (entry.identitytoken)
        return { identitytoken: entry.identitytoken, serveraddress: registry };
    if (!entry.auth)
        return undefined;
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: registry };
}

;// CONCATENATED MODULE: ./build/components/postprocessors/docker-push/post-processor.js







/*
 * post-processor/docker-push PostProcess of packer-plugin-docker: pushes the
 * artifact's ID, then each of its docker_tags, through the Engine API, with
 * the registry login as each push's credentials (the engine keeps no login
 * session, so logging out forgets them). The image's first repo digest is
 * stored as generated data "Digest". The input artifact is kept by default.
 */
async function runDockerPush(config, artifact, ctx) {
    if (artifact.builderId !== docker_artifact/* BUILDER_ID_IMPORT */.em && artifact.builderId !== image_artifact/* DOCKER_TAG_BUILDER_ID */.Yg) {
        throw new Error(`Unknown artifact type: ${artifact.builderId}\nCan only import from docker-import and docker-tag artifacts.`);
    }
    const engine = (0,docker_engine/* connectEngine */.xn)();
    let credentials = config;
    if (config.ecr_login) {
        ctx.ui.message('Fetching ECR credentials...');
        // Loaded here so that pushes without ECR never load the AWS SDK; its error is returned as is.
        const { ecrGetLogin } = await Promise.all(/* import() */[__webpack_require__.e(657), __webpack_require__.e(549), __webpack_require__.e(905)]).then(__webpack_require__.bind(__webpack_require__, 1905));
        const { username, password } = await ecrGetLogin(config, config.login_server ?? '');
        credentials = { ...config, login_username: username, login_password: password };
    }
    const login = config.login || config.ecr_login ? await logIn(engine, credentials, ctx.ui) : undefined;
    try {
        const tags = (0,image_artifact/* dockerTags */.EV)(artifact);
        const names = [artifact.id, ...tags];
        for (const name of names) {
            ctx.ui.message(`Pushing: ${name}`);
            await push(engine, name, login ?? (await storedAuth(name)) ?? {}, config, ctx);
        }
        const digest = await repoDigest(engine, artifact.id);
        if (digest === undefined)
            ctx.ui.message('Unable to determine digest for source image, ignoring it for now');
        return {
            artifact: (0,image_artifact/* imageArtifact */.UZ)(engine, {
                builderId: docker_artifact/* BUILDER_ID_IMPORT */.em,
                id: artifact.id,
                tags,
                generatedData: { ...artifact.generatedData, Digest: digest ?? '' },
            }),
            keepInputArtifact: true,
            forceKeep: false,
        };
    }
    finally {
        if (login)
            ctx.ui.message('Logging out...');
    }
}
/** `docker login`: the daemon checks the credentials against the registry; they are then sent with each push. */
async function logIn(engine, config, ui) {
    ui.message('Logging in...');
    const auth = {
        username: config.login_username ?? '',
        password: config.login_password ?? '',
        serveraddress: config.login_server ?? '',
    };
    let answer;
    try {
        answer = (await engine.checkAuth(auth));
    }
    catch (error) {
        throw new Error(`Error logging in to Docker: ${(0,engine_error/* daemonMessage */.e)(error)}`, { cause: error });
    }
    if (answer.Status)
        ui.message(answer.Status);
    // A registry that hands out an identity token wants it instead of the password from now on.
    return answer.IdentityToken ? { identitytoken: answer.IdentityToken, serveraddress: auth.serveraddress } : auth;
}
async function push(engine, name, auth, config, ctx) {
    const { repo, tag } = (0,reference/* splitReference */.m)(name);
    try {
        const stream = await engine.getImage(repo).push({
            tag,
            // The engine requires credentials, even empty ones, in the X-Registry-Auth header.
            authconfig: auth,
            ...(config.platform ? { platform: config.platform } : {}),
            abortSignal: ctx.signal,
        });
        await (0,json_messages/* followMessages */.c)(engine, stream, (message) => {
            const line = (0,json_messages/* displayLine */.p)(message);
            if (line !== undefined)
                ctx.ui.message(line);
        });
    }
    catch (error) {
        ctx.signal.throwIfAborted();
        throw new Error((0,engine_error/* daemonMessage */.e)(error), { cause: error });
    }
}
/** Docker inspect's `index .RepoDigests 0`; undefined when the image has none or cannot be inspected. */
async function repoDigest(engine, id) {
    try {
        return (await engine.getImage(id).inspect()).RepoDigests[0];
    }
    catch {
        return undefined;
    }
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
