export const id = 179;
export const ids = [179];
export const modules = {

/***/ 46179:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  provisionFile: () => (/* binding */ provisionFile)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./build/template/gotemplate/render.js + 7 modules
var render = __webpack_require__(58959);
// EXTERNAL MODULE: ./build/version.js
var version = __webpack_require__(58508);
;// CONCATENATED MODULE: ./build/components/provisioners/file/go-path.js

/* Go's path/filepath helpers (Unix) and os.PathError texts, where Node's differ from Packer's. */
/** filepath.Base: the last element, trailing slashes dropped; "." for "" and "/" for all slashes. */
function goBase(p) {
    if (p === '')
        return '.';
    const trimmed = p.replace(/\/+$/, '');
    return trimmed === '' ? '/' : external_node_path_.posix.basename(trimmed);
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
    const cleaned = external_node_path_.posix.normalize(p);
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

;// CONCATENATED MODULE: ./build/communicator/none.js
/*
 * The "none" communicator of packer-plugin-sdk: commands "succeed" without
 * running (exit status 0, as Packer's does), file transfers fail with Packer's
 * messages.
 */
class NoneCommunicator {
    start() {
        return Promise.resolve({ exitStatus: 0 });
    }
    upload() {
        return Promise.reject(new Error("Upload is not implemented when communicator = 'none'"));
    }
    uploadDir() {
        return Promise.reject(new Error("UploadDir is not implemented when communicator = 'none'"));
    }
    download() {
        return Promise.reject(new Error("Download is not implemented when communicator = 'none'"));
    }
    downloadDir() {
        return Promise.reject(new Error("DownloadDir is not implemented when communicator = 'none'"));
    }
    close() {
        return Promise.resolve();
    }
}

;// CONCATENATED MODULE: ./build/components/provisioners/file/provisioner.js









async function provisionFile(config, context) {
    const sources = [...(config.sources ?? []), ...(config.source ? [config.source] : [])];
    const content = config.content ? await contentFile(config.content) : undefined;
    if (content !== undefined)
        sources.push(content);
    const ctx = {
        data: context.generatedData,
        userVariables: {},
        enableEnv: false,
        buildName: context.buildName,
        buildType: context.builderType,
        initTime: new Date(),
        packerVersion: version/* PACKER_COMPAT_VERSION */.N,
    };
    const transfer = {
        comm: context.communicator ?? new NoneCommunicator(),
        context,
        render: (text, what) => {
            try {
                return (0,render/* interpolate */.GW)(text, ctx);
            }
            catch (error) {
                throw new Error(`Error interpolating ${what}: ${error instanceof Error ? error.message : String(error)}`, {
                    cause: error,
                });
            }
        },
    };
    try {
        const destination = transfer.render(config.destination ?? '', 'destination');
        if (config.direction === 'download')
            await download(transfer, sources, destination);
        else
            await upload(transfer, sources, destination);
    }
    finally {
        if (content !== undefined)
            await (0,promises_.rm)(content, { force: true });
    }
}
/** tmp.File("pkr-file-content"): a new 0600 file in the temp dir holding content. */
async function contentFile(content) {
    const file = external_node_path_.join((0,external_node_os_.tmpdir)(), `pkr-file-content${(0,external_node_crypto_.randomInt)(1, 4_294_967_295)}`);
    await (0,promises_.writeFile)(file, content, { flag: 'wx', mode: 0o600 });
    return file;
}
async function upload({ comm, context, render }, sources, dst) {
    const { ui, signal } = context;
    for (const raw of sources) {
        signal.throwIfAborted();
        const src = render(raw, 'source');
        ui.say(`Uploading ${src} => ${dst}`);
        const local = localPath(context.cwd, src);
        const info = await (0,promises_.stat)(local).catch((error) => {
            throw goPathError('stat', src, error);
        });
        if (info.isDirectory()) {
            // Packer's rule: "dir" lands in dst/dir, "dir/" puts its contents into dst.
            await reported(ui, () => comm.uploadDir(dst, local, [], signal));
            continue;
        }
        const file = await (0,promises_.open)(local, 'r').catch((error) => {
            throw goPathError('open', src, error);
        });
        const { mode, size } = await file.stat();
        const fileDst = dst.endsWith('/') ? dst + goBase(src) : dst;
        // The stream closes the file once read or destroyed.
        // 1 MiB reads: fewer, larger SSH writes (64 KiB reads cost ~25% more CPU on a large upload).
        const input = file.createReadStream({ highWaterMark: 1024 * 1024 });
        try {
            // Go's FileMode.Perm(): the permission bits only, as scp and sftp send them.
            await reported(ui, () => comm.upload(fileDst, input, { mode: mode & 0o777, size }, signal));
        }
        finally {
            input.destroy();
        }
    }
}
async function download({ comm, context, render }, sources, base) {
    const { ui, signal } = context;
    for (const raw of sources) {
        signal.throwIfAborted();
        const src = render(raw, 'source');
        let dst = base;
        // A destination ending in "/" is a directory: a file source keeps its name inside it.
        const dir = dst.endsWith('/') ? dst : goDir(dst);
        if (dst.endsWith('/') && !src.endsWith('/') && !src.endsWith('*'))
            dst = goJoin(dst, goBase(src));
        ui.say(`Downloading ${src} => ${dst}`);
        await (0,promises_.mkdir)(external_node_path_.resolve(context.cwd, dir), { recursive: true, mode: 0o755 }).catch((error) => {
            throw goPathError('mkdir', dir, error);
        });
        if (src.endsWith('/') || /[*?[]/.test(src)) {
            // As in Packer, a directory download ends the loop: later sources are not fetched.
            await comm.downloadDir(src, external_node_path_.resolve(context.cwd, dst), [], signal);
            return;
        }
        const file = await (0,promises_.open)(external_node_path_.resolve(context.cwd, dst), 'w', 0o644).catch((error) => {
            throw goPathError('open', dst, error);
        });
        // The stream closes the file once ended.
        const output = file.createWriteStream();
        const closed = (0,external_node_stream_promises_.finished)(output);
        try {
            await reported(ui, () => comm.download(src, output, signal), 'Download');
        }
        finally {
            output.end();
            await closed;
        }
    }
}
/** Runs one transfer; its failure is also reported on the UI, with Packer's hint for a folder destination. */
async function reported(ui, transfer, what = 'Upload') {
    try {
        await transfer();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (what === 'Upload' && message.includes('Error restoring file')) {
            ui.error(`Upload failed: ${message}; this can occur when your file destination is a folder without a trailing slash.`);
        }
        ui.error(`${what} failed: ${message}`);
        throw error;
    }
}
/** A local path against the working directory, keeping the trailing slash the directory rules read. */
function localPath(cwd, p) {
    const resolved = external_node_path_.resolve(cwd, p);
    return p.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}


/***/ })

};
