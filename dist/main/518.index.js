export const id = 518;
export const ids = [518];
export const modules = {

/***/ 3518:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fileArtifact: () => (/* binding */ fileArtifact),
/* harmony export */   runFileBuilder: () => (/* binding */ runFileBuilder)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);


/*
 * builder/file: writes `content` to `target` (mode 0600) or copies `source`
 * there, then runs the provision hook; the artifact is the target file.
 * Relative paths resolve against the working directory, as Packer's do.
 */
async function runFileBuilder(config, context) {
    const target = config.target ?? '';
    const targetPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, target);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(target) !== '.')
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(targetPath), { recursive: true, mode: 0o755 });
    if (config.source) {
        context.ui.say(`Copying ${config.source} to ${target}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, config.source), targetPath);
        context.ui.say(`Copied ${(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(targetPath)).size} bytes`);
    }
    else {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(targetPath, config.content ?? '', { mode: 0o600 });
    }
    // Packer's file builder runs the hook with no data and a mock communicator.
    await context.provision(context.signal, { generatedData: {} });
    return fileArtifact(target, targetPath);
}
function fileArtifact(target, path) {
    return {
        builderId: 'packer.file',
        id: 'File',
        files: [target],
        description: `Stored file: ${target}`,
        destroy: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(path),
    };
}


/***/ })

};
