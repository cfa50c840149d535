export const id = 948;
export const ids = [948];
export const modules = {

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

/***/ 6948:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ ARTIFICE_BUILDER_ID),
  runArtifice: () => (/* binding */ runArtifice)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/components/common/remove-all.js
var remove_all = __webpack_require__(849);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/components/common/go-glob.js
var go_glob = __webpack_require__(9744);
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


/***/ })

};
