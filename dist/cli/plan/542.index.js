export const id = 542;
export const ids = [542];
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

/***/ 7542:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDockerBuilder: () => (/* binding */ runDockerBuilder)
});

// EXTERNAL MODULE: ./build/communicator/docker/engine.js
var docker_engine = __webpack_require__(6657);
// EXTERNAL MODULE: ./build/components/common/step-provision.js
var step_provision = __webpack_require__(6075);
// EXTERNAL MODULE: ./build/components/builders/docker/artifact.js
var artifact = __webpack_require__(3285);
;// CONCATENATED MODULE: ./build/components/builders/docker/state.js
function dockerSettings(config) {
    const windows = config.windows_container === true;
    const bootstrapped = config.build?.path !== undefined;
    return {
        config,
        // Packer pulls by default unless the template says otherwise or the image is built from a Dockerfile.
        pull: bootstrapped ? false : (config.pull ?? true),
        runCommand: config.run_command && config.run_command.length > 0
            ? config.run_command
            : ['-d', '-i', '-t', `--entrypoint=${windows ? 'powershell' : '/bin/sh'}`, '--', '{{.Image}}'],
        containerDir: config.container_dir || (windows ? 'c:/packer-files' : '/packer-files'),
        executable: config.docker_path || 'docker',
        fixUploadOwner: config.fix_upload_owner ?? true,
        communicator: config.communicator || (windows ? 'dockerWindowsContainer' : 'docker'),
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(4158);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./build/components/builders/docker/build-context.js
// CommonJS typed as an ES module: the factory is also its own `default`, which is what the types reach.









async function buildContext(dir, dockerfilePath, compress) {
    const root = await contextRoot(dir);
    const dockerfile = await (0,promises_.realpath)(external_node_path_.resolve(dockerfilePath)).catch((error) => {
        throw new Error(`unable to evaluate symlinks in Dockerfile path: ${message(error)}`, { cause: error });
    });
    const relative = external_node_path_.relative(root, dockerfile).split(external_node_path_.sep).join('/');
    const outside = relative.startsWith('../');
    const ignoreFile = await readDockerignore(root);
    const excludes = [...(ignoreFile?.patterns ?? [])];
    const matches = ignore["default"]({ ignorecase: false }).add(excludes);
    // TrimBuildFilesFromExcludes: the daemon needs both files even when .dockerignore names them.
    if (matches.ignores('.dockerignore'))
        excludes.push('!.dockerignore');
    if (!outside && matches.ignores(relative))
        excludes.push(`!${relative}`);
    const walker = new ContextWalker(root, excludes);
    const tar = (0,tar_stream.pack)();
    let added;
    if (outside)
        added = { name: `.dockerfile.${(0,external_node_crypto_.randomBytes)(10).toString('hex')}`, file: dockerfile };
    void (async () => {
        await walker.walk(tar, '', added !== undefined);
        if (added) {
            await addFile(tar, added.file, {
                name: added.name,
                mode: 0o600,
                mtime: new Date(),
                uid: 0,
                gid: 0,
                type: 'file',
            });
            const listed = ignoreFile?.text ?? '.dockerignore';
            await addBuffer(tar, '.dockerignore', Buffer.from(`${listed}\n${added.name}\n`));
        }
        tar.finalize();
    })().catch((error) => tar.destroy(error instanceof Error ? error : new Error(String(error))));
    let count = 0;
    const counter = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            count += chunk.length;
            done(null, chunk);
        },
    });
    const out = new external_node_stream_.PassThrough();
    const stages = compress ? [(0,external_node_zlib_.createGzip)(), counter] : [counter];
    (0,external_node_stream_promises_.pipeline)(tar, ...stages, out).catch((error) => out.destroy(error));
    return { stream: out, dockerfile: added?.name ?? relative, sent: () => count };
}
/** resolveAndValidateContextPath: the directory, symlinks resolved. */
async function contextRoot(dir) {
    const absolute = external_node_path_.resolve(dir);
    let root;
    try {
        root = await (0,promises_.realpath)(absolute);
    }
    catch (error) {
        throw new Error(`unable to prepare context: path ${JSON.stringify(dir)} not found`, { cause: error });
    }
    if (!(await (0,promises_.stat)(root)).isDirectory()) {
        throw new Error(`unable to prepare context: context must be a directory: ${absolute}`);
    }
    return root;
}
/** ReadDockerignore + ignorefile.ReadAll: patterns trimmed and cleaned, comments and blank lines dropped. */
async function readDockerignore(root) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_.join(root, '.dockerignore'), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    const patterns = [];
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
        if (line.startsWith('#'))
            continue;
        let pattern = line.trim();
        if (pattern === '')
            continue;
        const invert = pattern.startsWith('!');
        if (invert)
            pattern = pattern.slice(1).trim();
        if (pattern !== '') {
            pattern = external_node_path_.posix.normalize(pattern).replace(/\/$/, '');
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        patterns.push(invert ? `!${pattern}` : pattern);
    }
    return { text: text.replace(/\n$/, ''), patterns };
}
/** archive.TarWithOptions with ExcludePatterns and root ownership, in the lexical order of filepath.Walk. */
class ContextWalker {
    root;
    matcher;
    exceptions;
    /** dev:inode of files with several links, to their first name (archived as hard links after). */
    links = new Map();
    constructor(root, excludes) {
        this.root = root;
        this.matcher = ignore["default"]({ ignorecase: false }).add([...excludes]);
        this.exceptions = excludes.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    }
    async walk(tar, dir, skipDockerignore) {
        const names = (await (0,promises_.readdir)(external_node_path_.join(this.root, dir))).sort();
        for (const name of names) {
            const relative = dir === '' ? name : `${dir}/${name}`;
            if (skipDockerignore && relative === '.dockerignore')
                continue;
            const file = external_node_path_.join(this.root, relative);
            const info = await (0,promises_.lstat)(file);
            if (this.matcher.ignores(relative)) {
                // An excluded directory is still walked when an exception names something inside it.
                if (info.isDirectory() && this.exceptions.some((p) => `${p}/`.startsWith(`${relative}/`))) {
                    await this.walk(tar, relative, false);
                }
                continue;
            }
            await this.add(tar, file, relative, info);
            if (info.isDirectory())
                await this.walk(tar, relative, false);
        }
    }
    async add(tar, file, name, info) {
        const header = { name, mode: info.mode & 0o7777, mtime: info.mtime, uid: 0, gid: 0 };
        if (info.isDirectory())
            return addEntry(tar, { ...header, name: `${name}/`, type: 'directory' });
        if (info.isSymbolicLink()) {
            return addEntry(tar, { ...header, type: 'symlink', linkname: await (0,promises_.readlink)(file) });
        }
        // Sockets are skipped as the CLI skips them; devices and FIFOs are not sent either (a FIFO would block).
        if (!info.isFile())
            return;
        if (info.nlink > 1) {
            const key = `${info.dev}:${info.ino}`;
            const first = this.links.get(key);
            if (first !== undefined)
                return addEntry(tar, { ...header, type: 'link', linkname: first });
            this.links.set(key, name);
        }
        return addFile(tar, file, { ...header, type: 'file', size: info.size });
    }
}
function addEntry(tar, header) {
    return new Promise((resolve, reject) => tar.entry(header, (error) => (error ? reject(error) : resolve())));
}
function addBuffer(tar, name, content) {
    return new Promise((resolve, reject) => tar.entry({ name, mode: 0o600, mtime: new Date(), uid: 0, gid: 0 }, content, (error) => error ? reject(error) : resolve()));
}
/** Streams a file into the archive; its size is taken when the header is written. */
async function addFile(tar, file, header) {
    const size = header.size ?? (await (0,promises_.stat)(file)).size;
    const full = { ...header, size };
    if (size === 0)
        return addEntry(tar, full);
    // Read no more than the header announced, should the file grow meanwhile.
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file, { start: 0, end: size - 1 }), tar.entry(full));
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./build/components/builders/docker/registry-login.js

/** The credentials to send, undefined when the template asks for no login; reports and throws a failure. */
async function registryLogin({ settings, engine, builder, }) {
    const { config } = settings;
    let username = config.login_username ?? '';
    let password = config.login_password ?? '';
    const serveraddress = config.login_server ?? '';
    if (config.ecr_login) {
        builder.ui.message('Fetching ECR credentials...');
        try {
            // Loaded here so that builds without ECR never load the AWS SDK.
            const { ecrGetLogin } = await Promise.all(/* import() */[__webpack_require__.e(657), __webpack_require__.e(549), __webpack_require__.e(905)]).then(__webpack_require__.bind(__webpack_require__, 1905));
            ({ username, password } = await ecrGetLogin(config, serveraddress));
        }
        catch (error) {
            fail(builder.ui, `Error fetching ECR credentials: ${(0,docker_engine/* engineMessage */.g4)(error)}`, error);
        }
    }
    if (!config.login && !config.ecr_login)
        return undefined;
    builder.ui.message('Logging in...');
    const auth = { username, password, serveraddress };
    try {
        await engine.checkAuth(auth);
    }
    catch (error) {
        fail(builder.ui, `Error logging in: ${(0,docker_engine/* engineMessage */.g4)(error)}`, error);
    }
    return auth;
}
function fail(ui, message, cause) {
    ui.error(message);
    throw new Error(message, { cause });
}

;// CONCATENATED MODULE: ./build/components/builders/docker/step-build.js




function stepBuild(ctx) {
    const { settings, engine, builder } = ctx;
    let built;
    return {
        name: 'stepBuild',
        async run(_state, signal) {
            builder.ui.say('Building base image...');
            const auth = await registryLogin(ctx);
            let outcome;
            try {
                outcome = await build(ctx, auth, signal);
            }
            finally {
                if (auth)
                    builder.ui.message('Logging out...');
            }
            signal.throwIfAborted();
            if (outcome.failure || !outcome.imageId) {
                const { message, code } = outcome.failure ?? { message: 'server did not provide an image ID', code: 1 };
                throw new Error(`${settings.executable} build failed: exit status ${code}; stdout: ${outcome.stdout}; stderr: ${message}\n`);
            }
            builder.ui.say(`Finished building base image ${JSON.stringify(outcome.imageId)}`);
            settings.config.image = outcome.imageId;
            built = outcome.imageId;
            return 'continue';
        },
        async cleanup() {
            if (built === undefined)
                return;
            if (!settings.config.discard) {
                builder.ui.say('final image is not discarded, removing the built image will fail because of existing dependencies, skipping cleanup for docker build.');
                return;
            }
            try {
                await engine.getImage(built).remove();
            }
            catch (error) {
                builder.ui.say(`failed to remove image ${JSON.stringify(built)}: ${(0,docker_engine/* engineMessage */.g4)(error)}`);
                builder.ui.say('if you have other images using this dockerfile, this is expected and can safely be ignored.');
            }
        },
    };
}
/** Sends the context and reads the build's messages; a failure is returned, not thrown, with the output so far. */
async function build({ settings, engine, builder }, auth, signal) {
    const { config } = settings;
    const options = config.build ?? {};
    const outcome = { stdout: '' };
    let context;
    try {
        context = await buildContext(external_node_path_.resolve(builder.cwd, options.build_dir || '.'), 
        // Packer resolves both against its working directory.
        external_node_path_.resolve(builder.cwd, options.path ?? ''), options.compress === true);
    }
    catch (error) {
        return { ...outcome, failure: { message: (0,docker_engine/* engineMessage */.g4)(error), code: 1 } };
    }
    let walkError;
    context.stream.once('error', (error) => (walkError = error));
    let messages;
    try {
        messages = await engine.buildImage(context.stream, {
            dockerfile: context.dockerfile,
            version: '1',
            rm: true,
            forcerm: true,
            pull: options.pull !== false,
            ...(config.platform ? { platform: config.platform } : {}),
            ...(options.arguments && Object.keys(options.arguments).length > 0 ? { buildargs: options.arguments } : {}),
            ...(auth
                ? { registryconfig: { [auth.serveraddress]: { username: auth.username, password: auth.password } } }
                : {}),
            abortSignal: signal,
        });
    }
    catch (error) {
        context.stream.destroy();
        outcome.stdout = sendingLine(context.sent());
        const message = walkError ? walkError.message : `Error response from daemon: ${(0,docker_engine/* engineMessage */.g4)(error)}`;
        return { ...outcome, failure: { message, code: 1 } };
    }
    outcome.stdout = sendingLine(context.sent());
    await new Promise((resolve) => {
        engine.modem.followProgress(messages, (error) => {
            if (error && !outcome.failure)
                outcome.failure = { message: (0,docker_engine/* engineMessage */.g4)(error), code: 1 };
            resolve();
        }, (m) => record(outcome, m));
    });
    return outcome;
}
/** jsonmessage.Display without a terminal: stream text as is, status lines as "<id>: <status>". */
function record(outcome, m) {
    if (m.error !== undefined || m.errorDetail !== undefined) {
        outcome.failure ??= { message: m.errorDetail?.message ?? m.error ?? '', code: m.errorDetail?.code || 1 };
    }
    else if (m.aux?.ID)
        outcome.imageId = m.aux.ID;
    else if (m.stream !== undefined)
        outcome.stdout += m.stream;
    else if (m.status !== undefined)
        outcome.stdout += `${m.id ? `${m.id}: ` : ''}${m.status}\n`;
}
/** The CLI's last upload progress line: go-units HumanSize, right-aligned in 8 columns. */
function sendingLine(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let size = bytes;
    let unit = 0;
    while (size >= 1000 && unit < units.length - 1) {
        size /= 1000;
        unit++;
    }
    const human = `${Number(size.toPrecision(4))}${units[unit]}`;
    return `Sending build context to Docker daemon ${human.padStart(8)}\r\r\n`;
}

;// CONCATENATED MODULE: ./build/components/builders/docker/step-commit.js

/*
 * StepSetDefaults + StepCommit: commits the container with `changes`, author
 * and message. The container ran with the builder's entrypoint, so unless
 * the changes set CMD or ENTRYPOINT, the source image's are put back ([""]
 * when it had none). The commit sends no config of its own, as
 * `docker commit` does, so the engine keeps the container's.
 */
function stepCommit(ctx) {
    const { settings, engine, builder } = ctx;
    const { config } = settings;
    return {
        name: 'StepCommit',
        async run(state) {
            const changes = await changesWithDefaults(engine, config.image ?? '', config.changes ?? []);
            builder.ui.say('Committing the container');
            let imageId;
            try {
                imageId = await commit(engine, state.containerId ?? '', {
                    ...(config.author ? { author: config.author } : {}),
                    ...(config.message ? { comment: config.message } : {}),
                    changes,
                });
            }
            catch (error) {
                const message = `Error committing container: ${(0,docker_engine/* engineMessage */.g4)(error)}`;
                builder.ui.error(message);
                throw new Error(message, { cause: error });
            }
            state.imageId = imageId;
            try {
                state.generated.ImageSha256 = (await engine.getImage(imageId).inspect()).Id;
            }
            catch {
                // The plugin leaves ImageSha256 at its placeholder when the inspect fails.
            }
            builder.ui.message(`Image ID: ${imageId}`);
            return 'continue';
        },
    };
}
/** The user's changes plus CMD and ENTRYPOINT of the source image when the changes set neither. */
async function changesWithDefaults(engine, image, changes) {
    const source = await engine
        .getImage(image)
        .inspect()
        .catch(() => undefined);
    const json = (value) => value && value.length > 0 ? JSON.stringify(typeof value === 'string' ? [value] : value) : '[""]';
    const result = [...changes];
    if (!changes.some((c) => c.startsWith('CMD')))
        result.push(`CMD ${json(source?.Config.Cmd)}`);
    if (!changes.some((c) => c.startsWith('ENTRYPOINT')))
        result.push(`ENTRYPOINT ${json(source?.Config.Entrypoint)}`);
    return result;
}
/** POST /commit with the options as the query and no body; resolves the new image's ID ("sha256:..."). */
function commit(engine, containerId, query) {
    return new Promise((resolve, reject) => {
        engine.modem.dial({
            path: '/commit?',
            method: 'POST',
            // An empty body object is sent as no body at all.
            options: { _query: { container: containerId, ...query }, _body: {} },
            statusCodes: { 200: true, 201: true, 404: 'no such container', 500: 'server error' },
        }, (error, data) => {
            if (error)
                return reject(error);
            const id = data && 'Id' in data && typeof data.Id === 'string' ? data.Id : undefined;
            return id ? resolve(id) : reject(new Error('the engine answered the commit without an image ID'));
        });
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./build/communicator/communicator.js
var communicator = __webpack_require__(731);
;// CONCATENATED MODULE: ./build/communicator/docker/archive.js

const MODE_DIR = 2 ** 31;
/** Stats a path in the container; undefined when it does not exist. */
async function statPath(container, path) {
    try {
        const res = (await container.infoArchive({ path }));
        res.resume();
        const header = res.headers['x-docker-container-path-stat'];
        if (!header)
            throw new Error(`the engine sent no stat for ${path}`);
        return JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    }
    catch (error) {
        if ((0,docker_engine/* hasStatus */.Ro)(error, 404))
            return undefined;
        throw error;
    }
}
function isDirectory(stat) {
    // Go's uint32 mode arrives as a JSON number; the top bit marks a directory.
    return Math.floor(stat.mode / MODE_DIR) % 2 === 1;
}
/** Unpacks `archive` into the existing directory `dir`; a directory is never replaced by a file. */
async function putArchive(container, dir, archive, signal) {
    await container.putArchive(archive, { path: dir, noOverwriteDirNonDir: true, ...abortable(signal) });
}
async function getArchive(container, path, signal) {
    return (await container.getArchive({ path, ...abortable(signal) }));
}
function abortable(signal) {
    return signal ? { abortSignal: signal } : {};
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./build/communicator/docker/demux.js

/*
 * The Engine's multiplexed stream (attach/exec without a TTY): frames of an
 * 8-byte header (stream type, 3 zero bytes, big-endian payload length) and
 * the payload. Type 1 is stdout, 2 stderr. Writes wait for the targets to
 * drain, so a slow consumer slows the container's output down instead of
 * filling memory.
 */
const HEADER = 8;
async function demuxStream(source, stdout, stderr) {
    let header = Buffer.alloc(0);
    let remaining = 0;
    let target;
    for await (const chunk of source) {
        let offset = 0;
        while (offset < chunk.length) {
            if (remaining === 0) {
                const take = Math.min(HEADER - header.length, chunk.length - offset);
                header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
                offset += take;
                if (header.length < HEADER)
                    break;
                target = header[0] === 2 ? stderr : stdout;
                remaining = header.readUInt32BE(4);
                header = Buffer.alloc(0);
                continue;
            }
            const take = Math.min(remaining, chunk.length - offset);
            const payload = chunk.subarray(offset, offset + take);
            offset += take;
            remaining -= take;
            if (target && !target.write(payload))
                await (0,external_node_events_.once)(target, 'drain');
        }
    }
}
/** Copies a raw (TTY) stream to `out` with the same back-pressure. */
async function copyStream(source, out) {
    for await (const chunk of source) {
        if (out && !out.write(chunk))
            await (0,external_node_events_.once)(out, 'drain');
    }
}

;// CONCATENATED MODULE: ./build/communicator/docker/exec.js



const MARKER = 'KILN_EXEC_ID';
class ExecAbortError extends Error {
    name = 'AbortError';
}
/** Runs the command and resolves its exit code; rejects with an AbortError once the signal aborts. */
async function runExec(container, options, signal) {
    signal?.throwIfAborted();
    const marker = (0,external_node_crypto_.randomUUID)();
    const exec = await container.exec({
        Cmd: [...options.cmd],
        AttachStdin: options.stdin !== undefined,
        AttachStdout: true,
        AttachStderr: true,
        Tty: options.tty ?? false,
        Env: [`${MARKER}=${marker}`],
        ...(options.user ? { User: options.user } : {}),
    });
    const socket = (await exec.start({ hijack: true, stdin: true, Tty: options.tty ?? false }));
    let onAbort = () => undefined;
    const aborted = new Promise((_resolve, reject) => {
        onAbort = () => {
            socket.destroy();
            void killMarked(container, marker);
            reject(new ExecAbortError(`Cancelled "${options.cmd.join(' ')}"`, { cause: signal?.reason }));
        };
    });
    aborted.catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        // Ending the write side (when stdin ends) closes the command's stdin; its output keeps coming.
        if (options.stdin)
            options.stdin.pipe(socket);
        else
            socket.end();
        const output = options.tty
            ? copyStream(socket, options.stdout)
            : demuxStream(socket, options.stdout, options.stderr);
        await Promise.race([output, aborted]);
        return await Promise.race([exitCode(exec), aborted]);
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
        if (options.stdin)
            options.stdin.unpipe(socket);
    }
}
/** The exec's exit code; the output can end a moment before the engine records the exit. */
async function exitCode(exec) {
    for (let delay = 5;; delay = Math.min(delay * 2, 200)) {
        const info = await exec.inspect();
        if (!info.Running && info.ExitCode !== null)
            return info.ExitCode;
        await (0,external_node_timers_promises_.setTimeout)(delay);
    }
}
/** Kills every process in the container whose environment carries the marker; best effort. */
async function killMarked(container, marker) {
    const script = 'for p in /proc/[0-9]*; do grep -qsaF "$1" "$p/environ" && kill -9 "${p#/proc/}" 2>/dev/null; done; true';
    try {
        const exec = await container.exec({ Cmd: ['/bin/sh', '-c', script, 'sh', `${MARKER}=${marker}`], User: 'root' });
        const stream = (await exec.start({ hijack: true, stdin: false }));
        stream.resume();
        stream.end();
    }
    catch {
        // The container may be gone already; the builder removes it anyway.
    }
}

;// CONCATENATED MODULE: ./build/communicator/docker/pack-dir.js





/*
 * A local directory as a tar stream, the way `docker cp` archives it (Packer's
 * docker communicator uploads directories with `docker cp`): entries from
 * lstat, symbolic links kept as links, the directory itself first under
 * `root`. Files are read as they are packed, one at a time.
 */
function packDirectory(src, root, exclude = []) {
    const archive = (0,tar_stream.pack)();
    const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
    addTree(archive, external_node_path_.resolve(src), root, '', excluded).then(() => archive.finalize(), (error) => archive.destroy(error instanceof Error ? error : new Error(String(error))));
    return archive;
}
async function addTree(archive, dir, name, rel, excluded) {
    const info = await (0,promises_.lstat)(dir);
    await pack_dir_addEntry(archive, dir, name, info);
    if (!info.isDirectory())
        return;
    const names = [];
    for await (const entry of await (0,promises_.opendir)(dir))
        names.push(entry.name);
    names.sort();
    for (const child of names) {
        const childRel = rel ? `${rel}/${child}` : child;
        if (excluded.has(childRel))
            continue;
        await addTree(archive, external_node_path_.join(dir, child), joinName(name, child), childRel, excluded);
    }
}
async function pack_dir_addEntry(archive, absPath, name, info) {
    const common = { mode: Number(info.mode) & 0o7777, mtime: info.mtime, uid: Number(info.uid), gid: Number(info.gid) };
    if (info.isDirectory()) {
        await entryDone(archive, { ...common, name: `${name}/`, type: 'directory' });
    }
    else if (info.isSymbolicLink()) {
        await entryDone(archive, { ...common, name, type: 'symlink', linkname: await (0,promises_.readlink)(absPath) });
    }
    else if (info.isFile()) {
        const entry = archive.entry({ ...common, name, type: 'file', size: Number(info.size) });
        await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(absPath), entry);
    }
    // Sockets, fifos and devices are left out, as docker cp leaves sockets out.
}
function entryDone(archive, header) {
    return new Promise((resolve, reject) => {
        archive.entry(header, (error) => (error ? reject(error) : resolve()));
    });
}
function joinName(parent, child) {
    return parent === '.' ? `./${child}` : `${parent}/${child}`;
}

;// CONCATENATED MODULE: ./build/communicator/docker/unpack-dir.js





/*
 * Unpacks a tar stream from the Engine's archive endpoint into a local
 * directory, one entry at a time. Entry names are checked to stay inside
 * `dst`, and nothing is written through a symbolic link the archive made.
 * Directory modes are applied last, so a read-only directory still receives
 * its files.
 */
async function unpackInto(source, dst, exclude = []) {
    const root = external_node_path_.resolve(dst);
    const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
    await (0,promises_.mkdir)(root, { recursive: true });
    const directories = [];
    const links = new Set();
    const archive = (0,tar_stream.extract)();
    const feeding = (0,external_node_stream_promises_.pipeline)(source, archive);
    try {
        for await (const entry of archive) {
            const { header } = entry;
            const name = safeName(header.name);
            // The first component is the downloaded directory itself; exclude names paths below it.
            const below = name.split('/').slice(1).join('/');
            const target = external_node_path_.join(root, name);
            if (name === '' || (below && isExcluded(below, excluded)) || insideLink(target, links)) {
                entry.resume();
                continue;
            }
            await (0,promises_.mkdir)(external_node_path_.dirname(target), { recursive: true });
            if (header.type === 'directory') {
                await (0,promises_.mkdir)(target, { recursive: true, mode: 0o700 });
                directories.push({ target, mode: header.mode, mtime: header.mtime });
                entry.resume();
            }
            else if (header.type === 'symlink') {
                await (0,promises_.rm)(target, { force: true });
                await (0,promises_.symlink)(header.linkname, target);
                links.add(target);
                entry.resume();
            }
            else if (header.type === 'file' || header.type === 'contiguous-file') {
                await removeIfLink(target);
                await (0,external_node_stream_promises_.pipeline)(entry, (0,external_node_fs_.createWriteStream)(target, { mode: header.mode & 0o7777 }));
                await (0,promises_.chmod)(target, header.mode & 0o7777);
                await (0,promises_.utimes)(target, header.mtime, header.mtime);
            }
            else {
                entry.resume(); // devices, fifos and hard links are not written
            }
        }
    }
    finally {
        await feeding.catch(() => undefined);
    }
    await feeding;
    for (const dir of directories.reverse()) {
        await (0,promises_.chmod)(dir.target, dir.mode & 0o7777);
        await (0,promises_.utimes)(dir.target, dir.mtime, dir.mtime);
    }
}
/** The entry's name without "./" and trailing slashes; rejects absolute names and "..". */
function safeName(name) {
    const parts = name.split('/').filter((p) => p !== '' && p !== '.');
    if (name.startsWith('/') || parts.includes('..'))
        throw new Error(`unsafe path in archive: ${name}`);
    return parts.join('/');
}
function isExcluded(rel, excluded) {
    const parts = rel.split('/');
    return parts.some((_, i) => excluded.has(parts.slice(0, i + 1).join('/')));
}
function insideLink(target, links) {
    for (let dir = external_node_path_.dirname(target); dir !== external_node_path_.dirname(dir); dir = external_node_path_.dirname(dir)) {
        if (links.has(dir))
            return true;
    }
    return false;
}
async function removeIfLink(target) {
    const info = await (0,promises_.lstat)(target).catch(() => undefined);
    if (info?.isSymbolicLink())
        await (0,promises_.rm)(target);
}

;// CONCATENATED MODULE: ./build/communicator/docker/communicator.js













class DockerCommunicator {
    options;
    container;
    constructor(options) {
        this.options = options;
        this.container = options.engine.getContainer(options.containerId);
    }
    get target() {
        return `container ${this.options.containerId.slice(0, 12)}`;
    }
    async start(cmd, signal) {
        const exitStatus = await this.guard(`start "${cmd.command}"`, () => runExec(this.container, {
            cmd: ['/bin/sh', '-c', `(${cmd.command})`],
            tty: this.options.pty ?? false,
            ...(this.options.execUser ? { user: this.options.execUser } : {}),
            ...(cmd.stdin ? { stdin: cmd.stdin } : {}),
            ...(cmd.stdout ? { stdout: cmd.stdout } : {}),
            ...(cmd.stderr ? { stderr: cmd.stderr } : {}),
        }, signal));
        return { exitStatus };
    }
    async upload(dst, input, fileInfo, signal) {
        if (!fileInfo) {
            await this.uploadSpooled(dst, input, signal);
            return;
        }
        await this.guard(`upload to ${dst}`, async () => {
            const archive = (0,tar_stream.pack)();
            const entry = archive.entry({ name: external_node_path_.posix.basename(dst), size: fileInfo.size, mode: fileInfo.mode });
            const packing = (0,external_node_stream_promises_.pipeline)(input, entry).then(() => archive.finalize());
            try {
                await Promise.all([this.put(external_node_path_.posix.dirname(dst), external_node_stream_.Readable.from(archive), signal), packing]);
            }
            catch (error) {
                archive.destroy();
                input.destroy();
                throw error;
            }
        });
        await this.fixOwner(dst, signal);
    }
    /**
     * Packer's docker cp rules: an existing directory dst receives src (or, for
     * "src/", its contents); a missing dst is created from src's contents; an
     * existing file cannot be overwritten by a directory.
     */
    async uploadDir(dst, src, exclude = [], signal) {
        await this.guard(`upload of directory ${src} to ${dst}`, async () => {
            const existing = await statPath(this.container, dst);
            if (existing && !isDirectory(existing))
                throw new Error('cannot copy directory');
            const into = existing ? dst : external_node_path_.posix.dirname(dst);
            const root = existing ? (src.endsWith('/') ? '.' : external_node_path_.basename(src)) : external_node_path_.posix.basename(dst);
            const archive = external_node_stream_.Readable.from(packDirectory(src, root, exclude));
            try {
                await this.put(into, archive, signal);
            }
            finally {
                archive.destroy();
            }
        });
        await this.fixOwner(dst, signal);
    }
    async download(src, output, signal) {
        await this.guard(`download of ${src}`, async () => {
            const archive = await this.get(src, signal);
            const entries = (0,tar_stream.extract)();
            const feeding = (0,external_node_stream_promises_.pipeline)(archive, entries);
            try {
                for await (const entry of entries) {
                    if (entry.header.type === 'directory')
                        throw new Error(`${src} is a directory`);
                    if (entry.header.type === 'symlink') {
                        entry.resume();
                        const target = external_node_path_.posix.resolve(external_node_path_.posix.dirname(src), entry.header.linkname);
                        // The archive holds the link itself; follow it as `docker cp` to a stream does not, but cat would.
                        return this.download(target, output, signal);
                    }
                    await (0,external_node_stream_promises_.pipeline)(entry, output, { end: false });
                    entry.resume();
                    return;
                }
                throw new Error(`the engine sent an empty archive for ${src}`);
            }
            finally {
                entries.destroy();
                await feeding.catch(() => undefined);
            }
        });
    }
    /** Downloads the container directory src into dst/<basename of src>, as the ssh communicator does. */
    async downloadDir(src, dst, exclude = [], signal) {
        await this.guard(`download of directory ${src} to ${dst}`, async () => {
            const existing = await statPath(this.container, src);
            if (!existing)
                throw new Error(`${src}: no such file or directory`);
            if (!isDirectory(existing))
                throw new Error(`${src} is not a directory`);
            await unpackInto(await this.get(src.replace(/\/+$/, '') || '/', signal), dst, exclude);
        });
    }
    async close() {
        // Each call is its own HTTP request; there is no connection to close.
    }
    /** An upload of unknown length goes through a temporary file first, as Packer's does (mode 0600). */
    async uploadSpooled(dst, input, signal) {
        const dir = await (0,promises_.mkdtemp)(external_node_path_.join(this.options.spoolDir ?? (0,external_node_os_.tmpdir)(), 'upload'));
        try {
            const spool = external_node_path_.join(dir, 'data');
            await (0,external_node_stream_promises_.pipeline)(input, (0,external_node_fs_.createWriteStream)(spool, { mode: 0o600 }));
            const { size } = await (0,promises_.stat)(spool);
            await this.upload(dst, (0,external_node_fs_.createReadStream)(spool), { mode: 0o600, size }, signal);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async put(dir, archive, signal) {
        signal?.throwIfAborted();
        await putArchive(this.container, dir, archive, signal);
    }
    async get(src, signal) {
        signal?.throwIfAborted();
        return getArchive(this.container, src, signal);
    }
    /** fixDestinationOwner: `chown -R` the upload to the container's user, as root. */
    async fixOwner(dst, signal) {
        if (this.options.fixUploadOwner === false)
            return;
        const owner = this.options.containerUser || 'root';
        let output = '';
        const collect = new external_node_stream_.Writable({
            write(chunk, _enc, done) {
                output = (output + chunk.toString('utf8')).slice(-4096);
                done();
            },
        });
        const code = await this.guard(`chown of ${dst}`, () => runExec(this.container, {
            cmd: ['/bin/sh', '-c', `chown -R ${owner} ${shellQuote(dst)}`],
            user: 'root',
            stdout: collect,
            stderr: collect,
        }, signal));
        if (code !== 0) {
            throw new communicator/* CommunicatorError */.y(this.target, `Failed to set owner of the uploaded file: exit status ${code}, ${output.trim()}`);
        }
    }
    /** Runs an operation, turning its failure into a CommunicatorError naming the container and the operation. */
    async guard(what, run) {
        try {
            return await run();
        }
        catch (error) {
            if (error instanceof communicator/* CommunicatorError */.y || (error instanceof Error && error.name === 'AbortError'))
                throw error;
            throw new communicator/* CommunicatorError */.y(this.target, `${what} failed: ${(0,docker_engine/* engineMessage */.g4)(error)}`, { cause: error });
        }
    }
}
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}

// EXTERNAL MODULE: ./build/components/go-duration-string.js
var go_duration_string = __webpack_require__(2400);
// EXTERNAL MODULE: ./build/components/provision-hook.js
var provision_hook = __webpack_require__(2084);
// EXTERNAL MODULE: ./build/components/common/provision-hook-data.js
var provision_hook_data = __webpack_require__(455);
// EXTERNAL MODULE: ./build/components/common/step-connect.js + 11 modules
var step_connect = __webpack_require__(4473);
;// CONCATENATED MODULE: ./build/components/builders/docker/step-connect.js





/*
 * communicator.StepConnect with the plugin's custom "docker" connect
 * (StepConnectDocker): the docker communicator on the container, which
 * receives uploads as the container's user. "ssh" and "none" connect as
 * every builder does, to the container's IP address.
 */
function stepConnectDocker(ctx) {
    const { settings, builder, engine } = ctx;
    const type = settings.communicator;
    if (type === 'ssh' || type === 'none') {
        return (0,step_connect/* stepConnect */.T)(settings.config, builder, (state) => ({
            host: settings.config.ssh_host || state.containerIp || '',
            instanceId: state.containerId ?? '',
        }));
    }
    return {
        name: 'StepConnect',
        async run(state, signal) {
            if (type !== 'docker')
                throw new Error(`communicator type ${JSON.stringify(type)} is not implemented by Kiln yet`);
            const containerId = state.containerId ?? '';
            builder.ui.say(`Using docker communicator to connect: ${state.containerIp ?? ''}`);
            const { pause_before_connecting: pause } = settings.config;
            if (pause) {
                builder.ui.say(`Pausing ${(0,go_duration_string/* goDurationString */.g)(pause)} before connecting...`);
                await (0,provision_hook/* abortableDelay */.s)(pause, signal);
            }
            state.communicator = new DockerCommunicator({
                engine,
                containerId,
                execUser: settings.config.exec_user ?? '',
                pty: settings.config.pty ?? false,
                containerUser: state.containerUser,
                fixUploadOwner: settings.fixUploadOwner,
                ...(state.tempDir ? { spoolDir: state.tempDir } : {}),
            });
            state.hook = {
                communicator: state.communicator,
                generatedData: (0,provision_hook_data/* populateProvisionHookData */.ts)({
                    runUuid: builder.runUuid,
                    generated: state.generated,
                    instanceId: containerId,
                    communicator: {
                        type,
                        host: '',
                        port: 0,
                        user: '',
                        password: '',
                        sshPublicKey: '',
                        sshPrivateKey: '',
                        sshPrivateKeyFile: settings.config.ssh_private_key_file ?? '',
                        sshAgentAuth: settings.config.ssh_agent_auth ?? false,
                        winrmPassword: settings.config.winrm_password ?? '',
                    },
                }),
            };
            return 'continue';
        },
        async cleanup(state) {
            state.communicator = undefined;
        },
    };
}

;// CONCATENATED MODULE: ./build/components/builders/docker/step-export.js





/* StepExport: the container's filesystem as a tar file at export_path, streamed from the engine to disk. */
function stepExport({ settings, engine, builder }) {
    const target = external_node_path_.resolve(builder.cwd, settings.config.export_path ?? '');
    return {
        name: 'StepExport',
        async run(state, signal) {
            await (0,promises_.mkdir)(external_node_path_.dirname(target), { recursive: true, mode: 0o755 });
            const out = (0,external_node_fs_.createWriteStream)(target);
            builder.ui.say('Exporting the container');
            try {
                const archive = (await engine.getContainer(state.containerId ?? '').export());
                await (0,external_node_stream_promises_.pipeline)(archive, out, { signal });
            }
            catch (error) {
                out.destroy();
                await (0,promises_.rm)(target, { force: true });
                if (signal.aborted)
                    throw error;
                const message = `Error exporting: ${(0,docker_engine/* engineMessage */.g4)(error)}`;
                builder.ui.error(message);
                throw new Error(message, { cause: error });
            }
            return 'continue';
        },
    };
}

// EXTERNAL MODULE: ./build/communicator/docker/json-messages.js
var json_messages = __webpack_require__(1258);
;// CONCATENATED MODULE: ./build/components/builders/docker/step-pull.js



/*
 * StepPull: pulls `image` through the engine (unless pull = false), logging in
 * first when asked (registry-login.ts), then records the source image's ID and distribution
 * digest as generated data. As in the plugin, a failed pull fails the build
 * even when the image exists locally: set pull = false for local images.
 */
function stepPull(ctx) {
    const { settings, builder } = ctx;
    return {
        name: 'StepPull',
        async run(state, signal) {
            // Read when the step runs: a Dockerfile build (stepBuild) sets the image it built.
            const image = settings.config.image ?? '';
            if (!settings.pull) {
                await storeSourceImageInfo(ctx, state, image);
                return 'continue';
            }
            builder.ui.say(`Pulling Docker image: ${image}`);
            const auth = await registryLogin(ctx);
            try {
                await pullImage(ctx, image, auth, signal);
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                return step_pull_fail(ctx, `Error pulling Docker image: ${(0,docker_engine/* engineMessage */.g4)(error)}`);
            }
            finally {
                // The engine keeps no login: the credentials went with the pull request only.
                if (auth)
                    builder.ui.message('Logging out...');
            }
            await storeSourceImageInfo(ctx, state, image);
            return 'continue';
        },
    };
}
/** Pulls through the engine, printing the status lines `docker pull` prints without a terminal. */
async function pullImage({ engine, builder, settings }, image, auth, signal) {
    const platform = settings.config.platform ? { platform: settings.config.platform } : {};
    const credentials = auth ? { authconfig: auth } : {};
    const stream = await engine.pull(image, { ...platform, ...credentials, abortSignal: signal });
    // An error record in the stream (e.g. a layer that fails mid-pull) fails the pull.
    await (0,json_messages/* followMessages */.c)(engine, stream, (message) => {
        const line = (0,json_messages/* displayLine */.p)(message);
        if (line !== undefined)
            builder.ui.message(line);
    });
}
/** storeSourceImageInfo: SourceImageSha256 and SourceImageDigest, each reported (not fatal) when missing. */
async function storeSourceImageInfo({ engine, builder, settings }, state, image) {
    let info;
    try {
        info = await engine.getImage(image).inspect();
    }
    catch (error) {
        builder.ui.error(`Error determining source Docker image Id: ${(0,docker_engine/* engineMessage */.g4)(error)}`);
    }
    state.generated.SourceImageSha256 = info?.Id ?? '';
    if (settings.config.build?.path) {
        state.generated.SourceImageDigest = '';
        return;
    }
    const digest = info?.RepoDigests?.[0];
    if (digest === undefined) {
        builder.ui.error('Error determining source Docker image digest; this image may not have been pushed yet, which means no ' +
            'distribution digest has been created. If you plan to call docker push later, the digest value will be ' +
            'stored then.');
    }
    state.generated.SourceImageDigest = digest ?? '';
}
function step_pull_fail({ builder }, message) {
    builder.ui.error(message);
    throw new Error(message);
}

// EXTERNAL MODULE: ./build/template/gotemplate/render.js + 7 modules
var gotemplate_render = __webpack_require__(8959);
// EXTERNAL MODULE: ./build/template/legacy/context.js
var context = __webpack_require__(4956);
;// CONCATENATED MODULE: ./build/components/builders/docker/leftovers.js
/*
 * How a run's build containers are found again: by name, not by label. The
 * engine copies a container's labels into the image `docker commit` makes, so
 * a label would end up on every finished image. Names are
 * `kiln-<run uuid>-<build name>`, within Docker's name rule
 * [a-zA-Z0-9][a-zA-Z0-9_.-]+ (moby's RestrictedNamePattern).
 */
const KILN_PREFIX = 'kiln-';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The build container's name: the run's UUID, then the build's name with other characters as '_'. */
function buildContainerName(runUuid, build) {
    return `${runContainerPrefix(runUuid)}${build.replace(/[^a-zA-Z0-9_.-]/g, '_')}`;
}
/** What every container of this run's name starts with. */
function runContainerPrefix(runUuid) {
    return `${KILN_PREFIX}${runUuid}-`;
}
/**
 * Whether a container name (without the engine's leading '/') is a build
 * container of that run, or of any run: `kiln-` followed by a run UUID, so a
 * user's own `kiln-web` container is never taken for one.
 */
function isBuildContainerName(name, runUuid) {
    if (runUuid !== undefined)
        return name.startsWith(runContainerPrefix(runUuid));
    return new RegExp(`^${KILN_PREFIX}${UUID}-`).test(name);
}
/** The build containers of a run (or of every run) the engine has, running or not, sorted by name. */
async function findBuildContainers(engine, runUuid) {
    // The engine's name filter matches anywhere in the name; the prefix is checked here.
    const filter = runUuid === undefined ? KILN_PREFIX : runContainerPrefix(runUuid);
    const listed = await engine.listContainers({ all: true, filters: { name: [filter] } });
    return listed
        .map((c) => ({ id: c.Id, name: (c.Names[0] ?? '').replace(/^\//, ''), state: c.State }))
        .filter((c) => isBuildContainerName(c.name, runUuid))
        .sort((a, b) => a.name.localeCompare(b.name));
}
/** Removes a container forcibly (killing it first), with its anonymous volumes. */
async function removeBuildContainer(engine, id) {
    await engine.getContainer(id).remove({ force: true, v: true });
}

;// CONCATENATED MODULE: ./build/components/builders/docker/run-command.js
const push = (list, value) => [...(list ?? []), value];
const env = (d, v) => (d.config.Env = push(d.config.Env, v));
const bind = (d, v) => (d.config.HostConfig.Binds = push(d.config.HostConfig.Binds, v));
/** Flags taking a value, by every name the CLI accepts. */
const VALUED = {
    entrypoint: (d, v) => (d.config.Entrypoint = [v]),
    env,
    e: env,
    user: (d, v) => (d.config.User = v),
    u: (d, v) => (d.config.User = v),
    workdir: (d, v) => (d.config.WorkingDir = v),
    w: (d, v) => (d.config.WorkingDir = v),
    hostname: (d, v) => (d.config.Hostname = v),
    h: (d, v) => (d.config.Hostname = v),
    name: (d, v) => (d.query.name = v),
    label: (d, v) => addLabel(d, v),
    l: (d, v) => addLabel(d, v),
    volume: bind,
    v: bind,
    network: (d, v) => (d.config.HostConfig.NetworkMode = v),
    net: (d, v) => (d.config.HostConfig.NetworkMode = v),
    'cap-add': (d, v) => (d.config.HostConfig.CapAdd = push(d.config.HostConfig.CapAdd, v)),
    'cap-drop': (d, v) => (d.config.HostConfig.CapDrop = push(d.config.HostConfig.CapDrop, v)),
    device: (d, v) => (d.config.HostConfig.Devices = [...(d.config.HostConfig.Devices ?? []), deviceMapping(v)]),
    tmpfs: (d, v) => {
        const [path = '', ...options] = v.split(':');
        d.config.HostConfig.Tmpfs = { ...d.config.HostConfig.Tmpfs, [path]: options.join(':') };
    },
    runtime: (d, v) => (d.config.HostConfig.Runtime = v),
    platform: (d, v) => (d.query.platform = v),
    'add-host': (d, v) => (d.config.HostConfig.ExtraHosts = push(d.config.HostConfig.ExtraHosts, v)),
    dns: (d, v) => (d.config.HostConfig.Dns = push(d.config.HostConfig.Dns, v)),
    'security-opt': (d, v) => (d.config.HostConfig.SecurityOpt = push(d.config.HostConfig.SecurityOpt, v)),
    'group-add': (d, v) => (d.config.HostConfig.GroupAdd = push(d.config.HostConfig.GroupAdd, v)),
    'stop-signal': (d, v) => (d.config.StopSignal = v),
    ipc: (d, v) => (d.config.HostConfig.IpcMode = v),
    pid: (d, v) => (d.config.HostConfig.PidMode = v),
};
/** Boolean flags; -d and --detach change nothing (Kiln always starts detached). */
const BOOLEAN = {
    detach: () => undefined,
    d: () => undefined,
    interactive: (d, on) => (d.config.OpenStdin = on),
    i: (d, on) => (d.config.OpenStdin = on),
    tty: (d, on) => (d.config.Tty = on),
    t: (d, on) => (d.config.Tty = on),
    privileged: (d, on) => (d.config.HostConfig.Privileged = on),
    rm: (d, on) => (d.config.HostConfig.AutoRemove = on),
    init: (d, on) => (d.config.HostConfig.Init = on),
    'read-only': (d, on) => (d.config.HostConfig.ReadonlyRootfs = on),
};
/** Parses the arguments after `docker run`; throws naming a flag Kiln cannot map. */
function parseRunArgs(args) {
    const d = { config: { HostConfig: {} }, query: {} };
    let i = 0;
    const next = (flag) => {
        const value = args[++i];
        if (value === undefined)
            throw new Error(`run_command: flag needs an argument: ${flag}`);
        return value;
    };
    for (; i < args.length; i++) {
        const arg = args[i] ?? '';
        if (arg === '--') {
            i++;
            break;
        }
        if (!arg.startsWith('-') || arg === '-')
            break;
        if (arg.startsWith('--')) {
            const [name = '', inline] = splitOnce(arg.slice(2), '=');
            if (name in VALUED)
                VALUED[name]?.(d, inline ?? next(arg));
            else if (name in BOOLEAN)
                BOOLEAN[name]?.(d, inline === undefined || parseBool(arg, inline));
            else
                throw unsupported(`--${name}`);
            continue;
        }
        // A cluster of short flags: booleans, then at most one valued flag taking the rest or the next argument.
        for (let k = 1; k < arg.length; k++) {
            const flag = arg[k] ?? '';
            if (flag in BOOLEAN) {
                BOOLEAN[flag]?.(d, true);
                continue;
            }
            if (!(flag in VALUED))
                throw unsupported(`-${flag}`);
            const rest = arg.slice(k + 1).replace(/^=/, '');
            VALUED[flag]?.(d, rest !== '' ? rest : next(`-${flag}`));
            break;
        }
    }
    const image = args[i];
    if (image === undefined)
        throw new Error('run_command: "docker run" requires at least 1 argument (the image)');
    d.config.Image = image;
    const cmd = args.slice(i + 1);
    if (cmd.length > 0)
        d.config.Cmd = cmd;
    return { config: d.config, query: d.query };
}
function addLabel(d, value) {
    const [key = '', label = ''] = splitOnce(value, '=');
    d.config.Labels = { ...d.config.Labels, [key]: label };
}
/** --device host[:container[:permissions]], as the CLI reads it. */
function deviceMapping(value) {
    const [host = '', container, permissions] = value.split(':');
    if (container !== undefined && /^[rwm]+$/.test(container) && permissions === undefined) {
        return { PathOnHost: host, PathInContainer: host, CgroupPermissions: container };
    }
    return { PathOnHost: host, PathInContainer: container || host, CgroupPermissions: permissions || 'rwm' };
}
function splitOnce(text, separator) {
    const at = text.indexOf(separator);
    return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}
function parseBool(flag, value) {
    if (/^(1|t|true)$/i.test(value))
        return true;
    if (/^(0|f|false)$/i.test(value))
        return false;
    throw new Error(`run_command: invalid argument "${value}" for "${flag}"`);
}
function unsupported(flag) {
    return new Error(`run_command: the docker run flag ${flag} is not supported by Kiln's Engine API mapping`);
}

;// CONCATENATED MODULE: ./build/components/builders/docker/step-run.js








/*
 * StepRun: starts the build container from the same `docker run` arguments
 * the plugin builds (device, cap_add, cap_drop, privileged, runtime,
 * platform, tmpfs, volumes with the temp dir at container_dir, then
 * run_command with .Image), mapped onto one Engine API create and start.
 * The container is named kiln-<run uuid>-<build> (no labels: a commit would
 * copy them into the image), so a killed run's leftovers can be found; a
 * run_command with its own --name keeps it, as `docker run` would. Cleanup
 * kills and removes it (with its anonymous volumes).
 */
function stepRun(ctx) {
    const { builder, engine } = ctx;
    return {
        name: 'StepRun',
        async run(state, signal) {
            builder.ui.say('Starting docker container...');
            const args = runArguments(ctx, state.tempDir ?? '');
            builder.ui.message(`Run command: ${ctx.settings.executable} ${args.join(' ')}`);
            try {
                const spec = parseRunArgs(args.slice(1));
                const name = spec.query.name ?? buildContainerName(builder.runUuid, builder.build);
                const create = { ...spec.config, _query: { ...spec.query, name }, _body: spec.config };
                // Not abortable: a create the engine finished after an abort would leave a container nobody removes.
                const container = await createContainer(ctx, create, signal);
                state.containerId = container.id;
                await container.start();
                const inspect = await container.inspect();
                state.containerIp = inspect.NetworkSettings.IPAddress ?? '';
                state.containerUser = inspect.Config.User;
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                const message = `Error running container: ${(0,docker_engine/* engineMessage */.g4)(error)}`;
                builder.ui.error(message);
                throw new Error(message, { cause: error });
            }
            builder.ui.message(`Container ID: ${state.containerId}`);
            return 'continue';
        },
        async cleanup(state) {
            if (!state.containerId)
                return;
            builder.ui.say(`Killing the container: ${state.containerId}`);
            try {
                await engine.getContainer(state.containerId).remove({ force: true, v: true });
            }
            catch {
                // Usually the container is gone already, which is what cleanup wants.
            }
            state.containerId = undefined;
        },
    };
}
/** Creates the container; a missing image is pulled first, as `docker run` does. */
async function createContainer(ctx, options, signal) {
    try {
        return await ctx.engine.createContainer({ ...options });
    }
    catch (error) {
        if (!(0,docker_engine/* hasStatus */.Ro)(error, 404) || !options.Image)
            throw error;
        try {
            await pullImage(ctx, options.Image, undefined, signal);
        }
        catch (pullError) {
            throw new Error(`Unable to find image '${options.Image}' locally: ${(0,docker_engine/* engineMessage */.g4)(pullError)}`, {
                cause: pullError,
            });
        }
        return ctx.engine.createContainer({ ...options });
    }
}
/** The plugin's `docker run` argument list (StartContainer), run_command rendered with .Image. */
function runArguments({ settings, builder }, tempDir) {
    const { config } = settings;
    const args = ['run'];
    for (const v of config.device ?? [])
        args.push('--device', v);
    for (const v of config.cap_add ?? [])
        args.push('--cap-add', v);
    for (const v of config.cap_drop ?? [])
        args.push('--cap-drop', v);
    if (config.privileged)
        args.push('--privileged');
    if (config.runtime)
        args.push('--runtime', config.runtime);
    if (config.platform)
        args.push('--platform', config.platform);
    for (const v of config.tmpfs ?? [])
        args.push('--tmpfs', v);
    const volumes = { ...config.volumes, [tempDir]: settings.containerDir };
    for (const [host, guest] of Object.entries(volumes)) {
        const hostPath = host.startsWith('~/') ? external_node_path_.join((0,external_node_os_.homedir)(), host.slice(2)) : host;
        args.push('-v', `${hostPath}:${guest}`);
    }
    const render = (0,context/* interpolateContext */.n)({ env: {}, cwd: builder.cwd, initTime: new Date(), templatePath: '' }, {
        userVariables: config.packer_user_variables ?? {},
        enableEnv: false,
        buildName: config.packer_build_name ?? '',
        buildType: 'docker',
        data: { Image: config.image ?? '' },
    });
    for (const v of settings.runCommand)
        args.push((0,gotemplate_render/* interpolate */.GW)(v, render));
    return args;
}

;// CONCATENATED MODULE: ./build/components/builders/docker/step-temp-dir.js



/*
 * StepTempDir: a fresh directory under Packer's config directory (or
 * PACKER_TMP_DIR), mounted into the container at container_dir; removed on
 * cleanup whatever happened.
 */
function stepTempDir({ builder }) {
    return {
        name: 'StepTempDir',
        async run(state) {
            builder.ui.say('Creating a temporary directory for sharing data...');
            try {
                const base = configTmpDir(process.env);
                await (0,promises_.mkdir)(base, { recursive: true, mode: 0o755 });
                state.tempDir = await (0,promises_.mkdtemp)(external_node_path_.join(base, 'tmp'));
            }
            catch (error) {
                const message = `Error making temp dir: ${error instanceof Error ? error.message : String(error)}`;
                builder.ui.error(message);
                throw new Error(message, { cause: error });
            }
            return 'continue';
        },
        async cleanup(state) {
            if (state.tempDir)
                await (0,promises_.rm)(state.tempDir, { recursive: true, force: true });
            state.tempDir = undefined;
        },
    };
}
/** The SDK's ConfigTmpDir parent: PACKER_TMP_DIR, else pathing.ConfigDir(). */
function configTmpDir(env) {
    if (env.PACKER_TMP_DIR)
        return external_node_path_.resolve(env.PACKER_TMP_DIR);
    if (env.PACKER_CONFIG_DIR)
        return external_node_path_.join(env.PACKER_CONFIG_DIR, '.packer.d');
    const home = env.HOME;
    if (!home)
        throw new Error('No $HOME environment variable found, required to set Config Directory');
    if ((0,external_node_fs_.existsSync)(external_node_path_.join(home, '.packer.d')))
        return external_node_path_.join(home, '.packer.d');
    if (env.XDG_CONFIG_HOME)
        return external_node_path_.join(env.XDG_CONFIG_HOME, 'packer');
    return external_node_path_.join(home, '.config', 'packer');
}

// EXTERNAL MODULE: ./build/components/common/run-builder-steps.js + 2 modules
var run_builder_steps = __webpack_require__(2636);
;// CONCATENATED MODULE: ./build/components/builders/docker/builder.js












/*
 * builder/docker of packer-plugin-docker over the Docker Engine API: temp dir,
 * build from a Dockerfile (with `build`), pull, run, connect, provision, then commit, export or discard. Cleanup
 * removes the container and the temp dir on success, failure and cancel.
 */
async function runDockerBuilder(config, context) {
    // A copy: stepBuild sets `image` to the image it built, as the plugin's step does to its config.
    const settings = dockerSettings({ ...config });
    if (config.windows_container)
        throw new Error('the docker builder in Kiln does not run Windows containers');
    const engine = (0,docker_engine/* connectEngine */.xn)();
    try {
        await engine.ping();
    }
    catch (error) {
        throw new Error(`Cannot connect to the Docker daemon at ${(0,docker_engine/* engineAddress */.ZK)()}. Is the docker daemon running? (${(0,docker_engine/* engineMessage */.g4)(error)})`, { cause: error });
    }
    const ctx = { settings, engine, builder: context };
    const steps = [
        stepTempDir(ctx),
        ...(config.build?.path ? [stepBuild(ctx)] : []),
        stepPull(ctx),
        stepRun(ctx),
        stepConnectDocker(ctx),
        (0,step_provision/* stepProvision */.s)(context),
    ];
    if (config.commit)
        steps.push(stepCommit(ctx));
    else if (config.export_path)
        steps.push(stepExport(ctx));
    const state = {
        generated: {
            ImageSha256: 'ERR_IMAGE_SHA256_NOT_FOUND',
            SourceImageDigest: 'ERR_SOURCE_IMAGE_DIGEST_NOT_FOUND',
            SourceImageSha256: 'ERR_SOURCE_IMAGE_SHA256_NOT_FOUND',
        },
    };
    await (0,run_builder_steps/* runBuilderSteps */.U)(steps, state, context);
    // StepProvision stored its hook data as generated_data; the commit step added ImageSha256 to it.
    const generatedData = { ...state.hook?.generatedData, ...state.generated };
    return config.commit
        ? (0,artifact/* importArtifact */.Mw)(state.imageId ?? '', generatedData, engine)
        : (0,artifact/* exportArtifact */.hW)(config.export_path ?? '', generatedData);
}


/***/ })

};
