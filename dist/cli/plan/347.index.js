export const id = 347;
export const ids = [347];
export const modules = {

/***/ 8347:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fileArtifact: () => (/* binding */ fileArtifact),
  runFileBuilder: () => (/* binding */ runFileBuilder)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/communicator/mock.js
/*
 * packersdk.MockCommunicator as Packer's file builder hands it to the
 * provisioners: every command "succeeds" with no output, uploads are read
 * and dropped, downloads write nothing. Nothing reaches a machine.
 */
class MockCommunicator {
    start(_cmd) {
        return Promise.resolve({ exitStatus: 0 });
    }
    async upload(_path, input) {
        // The mock reads what it is given, as Packer's stores it.
        for await (const chunk of input)
            void chunk;
    }
    uploadDir(_dst, _src) {
        return Promise.resolve();
    }
    download(_path, _output) {
        return Promise.resolve();
    }
    downloadDir(_src, _dst) {
        return Promise.resolve();
    }
    close() {
        return Promise.resolve();
    }
}

;// CONCATENATED MODULE: ./build/components/builders/file/builder.js



/*
 * builder/file: writes `content` to `target` (mode 0600) or copies `source`
 * there, then runs the provision hook; the artifact is the target file.
 * Relative paths resolve against the working directory, as Packer's do.
 */
async function runFileBuilder(config, context) {
    const target = config.target ?? '';
    const targetPath = (0,external_node_path_.resolve)(context.cwd, target);
    if ((0,external_node_path_.dirname)(target) !== '.')
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(targetPath), { recursive: true, mode: 0o755 });
    if (config.source) {
        context.ui.say(`Copying ${config.source} to ${target}`);
        await (0,promises_.copyFile)((0,external_node_path_.resolve)(context.cwd, config.source), targetPath);
        context.ui.say(`Copied ${(await (0,promises_.stat)(targetPath)).size} bytes`);
    }
    else {
        await (0,promises_.writeFile)(targetPath, config.content ?? '', { mode: 0o600 });
    }
    // Packer's file builder runs the hook with no data and a mock communicator.
    await context.provision(context.signal, { communicator: new MockCommunicator(), generatedData: {} });
    return fileArtifact(target, targetPath);
}
function fileArtifact(target, path) {
    return {
        builderId: 'packer.file',
        id: 'File',
        files: [target],
        description: `Stored file: ${target}`,
        destroy: () => (0,promises_.unlink)(path),
    };
}


/***/ })

};
