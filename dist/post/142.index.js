export const id = 142;
export const ids = [142];
export const modules = {

/***/ 83982:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ NoneCommunicator)
/* harmony export */ });
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


/***/ }),

/***/ 96142:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   provisionFile: () => (/* binding */ provisionFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var _template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58959);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58508);
/* harmony import */ var _go_path_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71784);
/* harmony import */ var _communicator_none_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(83982);









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
        packerVersion: _version_js__WEBPACK_IMPORTED_MODULE_7__/* .PACKER_COMPAT_VERSION */ .N,
    };
    const transfer = {
        comm: context.communicator ?? new _communicator_none_js__WEBPACK_IMPORTED_MODULE_8__/* .NoneCommunicator */ .k(),
        context,
        render: (text, what) => {
            try {
                return (0,_template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_5__/* .interpolate */ .GW)(text, ctx);
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
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(content, { force: true });
    }
}
/** tmp.File("pkr-file-content"): a new 0600 file in the temp dir holding content. */
async function contentFile(content) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_3__.join((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), `pkr-file-content${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(1, 4_294_967_295)}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, content, { flag: 'wx', mode: 0o600 });
    return file;
}
async function upload({ comm, context, render }, sources, dst) {
    const { ui, signal } = context;
    for (const raw of sources) {
        signal.throwIfAborted();
        const src = render(raw, 'source');
        ui.say(`Uploading ${src} => ${dst}`);
        const local = localPath(context.cwd, src);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(local).catch((error) => {
            throw (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goPathError */ .gC)('stat', src, error);
        });
        if (info.isDirectory()) {
            // Packer's rule: "dir" lands in dst/dir, "dir/" puts its contents into dst.
            await reported(ui, () => comm.uploadDir(dst, local, [], signal));
            continue;
        }
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(local, 'r').catch((error) => {
            throw (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goPathError */ .gC)('open', src, error);
        });
        const { mode, size } = await file.stat();
        const fileDst = dst.endsWith('/') ? dst + (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goBase */ .km)(src) : dst;
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
        const dir = dst.endsWith('/') ? dst : (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goDir */ .GL)(dst);
        if (dst.endsWith('/') && !src.endsWith('/') && !src.endsWith('*'))
            dst = (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goJoin */ .D2)(dst, (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goBase */ .km)(src));
        ui.say(`Downloading ${src} => ${dst}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(context.cwd, dir), { recursive: true, mode: 0o755 }).catch((error) => {
            throw (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goPathError */ .gC)('mkdir', dir, error);
        });
        if (src.endsWith('/') || /[*?[]/.test(src)) {
            // As in Packer, a directory download ends the loop: later sources are not fetched.
            await comm.downloadDir(src, node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(context.cwd, dst), [], signal);
            return;
        }
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(context.cwd, dst), 'w', 0o644).catch((error) => {
            throw (0,_go_path_js__WEBPACK_IMPORTED_MODULE_6__/* .goPathError */ .gC)('open', dst, error);
        });
        // The stream closes the file once ended.
        const output = file.createWriteStream();
        const closed = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.finished)(output);
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
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(cwd, p);
    return p.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}


/***/ })

};
