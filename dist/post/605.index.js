export const id = 605;
export const ids = [605,948];
export const modules = {

/***/ 91258:
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

/***/ 23285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mw: () => (/* binding */ importArtifact),
/* harmony export */   Oi: () => (/* binding */ BUILDER_ID),
/* harmony export */   em: () => (/* binding */ BUILDER_ID_IMPORT),
/* harmony export */   hW: () => (/* binding */ exportArtifact)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86657);


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

/***/ 50849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ removeAll)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);

/** Go's os.RemoveAll over each path in turn, stopping at the first error (artifact Destroy). */
async function removeAll(paths) {
    for (const path of paths)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { recursive: true, force: true });
}


/***/ }),

/***/ 16948:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ ARTIFICE_BUILDER_ID),
  runArtifice: () => (/* binding */ runArtifice)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./build/components/common/remove-all.js
var remove_all = __webpack_require__(50849);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/components/common/go-glob.js
var go_glob = __webpack_require__(89744);
;// CONCATENATED MODULE: ./build/components/postprocessors/artifice/glob.js



/*
 * Go's filepath.Glob on Unix: `*`, `?` and `[...]` match within one path
 * element (hidden files included), `\` escapes; names sorted per directory;
 * a pattern without metacharacters yields itself when it exists, else nothing.
 */
const hasMeta = (p) => /[*?[\\]/.test(p);
const escapeRegExp = (c) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
/** filepath.Match's pattern as a RegExp over one name (the pattern is known to be well-formed). */
function toRegExp(pattern) {
    const chars = [...pattern];
    let out = '';
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i] ?? '';
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '\\')
            out += escapeRegExp(chars[++i] ?? '');
        else if (c === '[') {
            let cls = '';
            if (chars[i + 1] === '^') {
                cls = '^';
                i++;
            }
            for (i++; chars[i] !== ']'; i++) {
                const ch = chars[i] ?? '';
                if (ch === '-')
                    cls += '-';
                else
                    cls += escapeRegExp(ch === '\\' ? (chars[++i] ?? '') : ch);
            }
            out += `[${cls}]`;
        }
        else
            out += escapeRegExp(c);
    }
    return new RegExp(`^${out}$`, 'u');
}
async function isDir(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch {
        return false;
    }
}
async function matchIn(dir, pattern) {
    if (!(await isDir(dir)))
        return [];
    const re = toRegExp(pattern);
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch {
        return [];
    }
    return names
        .sort()
        .filter((n) => re.test(n))
        .map((n) => (0,external_node_path_.join)(dir, n));
}
/** filepath.Glob; throws Go's ErrBadPattern message for a malformed pattern. */
async function goGlob(pattern) {
    if ((0,go_glob/* isBadGlobPattern */.C)(pattern))
        throw new Error('syntax error in pattern');
    if (!hasMeta(pattern)) {
        try {
            await (0,promises_.lstat)(pattern);
            return [pattern];
        }
        catch {
            return [];
        }
    }
    // filepath.Split: everything after the last separator is the file part.
    const file = pattern.slice(pattern.lastIndexOf('/') + 1);
    let dir = pattern.slice(0, pattern.length - file.length);
    dir = dir === '' ? '.' : dir === '/' ? dir : dir.replace(/\/+$/, '');
    if (!hasMeta(dir))
        return matchIn(dir, file);
    if (dir === pattern)
        throw new Error('syntax error in pattern');
    const out = [];
    for (const d of await goGlob(dir))
        out.push(...(await matchIn(d, file)));
    return out;
}

;// CONCATENATED MODULE: ./build/components/postprocessors/artifice/post-processor.js



/*
 * post-processor/artifice PostProcess of Packer: the artifact becomes the
 * files the `files` globs match (each must stat), the input artifact's files
 * are discarded from it (kept on disk unless keep_input_artifact = false).
 */
const ARTIFICE_BUILDER_ID = 'packer.post-processor.artifice';
async function runArtifice(config, artifact, ctx) {
    ctx.signal.throwIfAborted();
    if (artifact.files.length > 0)
        ctx.ui.say(`Discarding files from artifact: ${artifact.files.join(', ')}`);
    const files = [];
    for (const pattern of config.files ?? []) {
        for (const match of await goGlob(pattern)) {
            await (0,promises_.stat)(match);
            files.push(match);
        }
    }
    ctx.ui.say(`Using these artifact files: ${files.join(', ')}`);
    return {
        artifact: {
            builderId: ARTIFICE_BUILDER_ID,
            id: '',
            files,
            description: `Created artifact from files: ${files.join(', ')}`,
            destroy: () => (0,remove_all/* removeAll */.C)(files),
        },
        keepInputArtifact: true,
    };
}


/***/ }),

/***/ 25605:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDockerImport: () => (/* binding */ runDockerImport)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86657);
/* harmony import */ var _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23285);
/* harmony import */ var _provisioners_file_go_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71784);
/* harmony import */ var _artifice_post_processor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16948);
/* harmony import */ var _docker_engine_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79473);
/* harmony import */ var _docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99346);
/* harmony import */ var _communicator_docker_json_messages_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(91258);








/*
 * post-processor/docker-import PostProcess of packer-plugin-docker: the
 * container tar of a docker builder (export_path) or artifice artifact is
 * streamed from its file into the Engine's image import endpoint as
 * repository[:tag] with `changes` and `platform`. The input is not kept by
 * default; the new artifact's ID is that reference.
 */
const UNKNOWN_ARTIFACT = '\nCan only import from Docker builder and Artifice post-processor artifacts. If you are getting this error ' +
    'after having run the docker builder, it may be because you set commit: true in your Docker builder, so the ' +
    'image is already imported. ';
async function runDockerImport(config, artifact, ctx) {
    if (artifact.builderId !== _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILDER_ID */ .Oi && artifact.builderId !== _artifice_post_processor_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFICE_BUILDER_ID */ .w) {
        throw new Error(`Unknown artifact type: ${artifact.builderId}${UNKNOWN_ARTIFACT}`);
    }
    const reference = config.tag ? `${config.repository ?? ''}:${config.tag}` : (config.repository ?? '');
    ctx.ui.message(`Importing image: ${artifact.id}`);
    ctx.ui.message(`Repository: ${reference}`);
    const engine = (0,_communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .connectEngine */ .xn)();
    const id = await importTar(engine, artifact.files[0] ?? '', reference, config, ctx.signal);
    ctx.ui.message(`Imported ID: ${id}`);
    return {
        artifact: (0,_docker_image_artifact_js__WEBPACK_IMPORTED_MODULE_6__/* .imageArtifact */ .UZ)(engine, { builderId: _builders_docker_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILDER_ID_IMPORT */ .em, id: reference }),
        keepInputArtifact: false,
        forceKeep: false,
    };
}
/** POST /images/create?fromSrc=- with the file as the body; resolves the image ID the daemon reports last. */
async function importTar(engine, path, reference, config, signal) {
    let file;
    try {
        file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    }
    catch (error) {
        throw (0,_provisioners_file_go_path_js__WEBPACK_IMPORTED_MODULE_3__/* .goPathError */ .gC)('open', path, error);
    }
    try {
        const stream = await engine.importImage(file.createReadStream({ autoClose: false }), {
            ...(reference ? { repo: reference } : {}),
            ...(config.changes?.length ? { changes: config.changes } : {}),
            ...(config.platform ? { platform: config.platform } : {}),
            abortSignal: signal,
        });
        const messages = await (0,_communicator_docker_json_messages_js__WEBPACK_IMPORTED_MODULE_7__/* .followMessages */ .c)(engine, stream, () => undefined);
        return messages.at(-1)?.status ?? '';
    }
    catch (error) {
        signal.throwIfAborted();
        throw new Error(`Error importing container: ${(0,_docker_engine_error_js__WEBPACK_IMPORTED_MODULE_5__/* .daemonMessage */ .e)(error)}`, { cause: error });
    }
    finally {
        await file.close();
    }
}


/***/ }),

/***/ 79473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ daemonMessage)
/* harmony export */ });
/* harmony import */ var _communicator_docker_engine_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86657);

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

/***/ 99346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ dockerTags),
/* harmony export */   UZ: () => (/* binding */ imageArtifact),
/* harmony export */   Yg: () => (/* binding */ DOCKER_TAG_BUILDER_ID)
/* harmony export */ });
/* harmony import */ var _engine_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79473);

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

/***/ 71784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ goJoin),
/* harmony export */   GL: () => (/* binding */ goDir),
/* harmony export */   gC: () => (/* binding */ goPathError),
/* harmony export */   km: () => (/* binding */ goBase)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);

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
