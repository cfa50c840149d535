export const id = 991;
export const ids = [991];
export const modules = {

/***/ 4115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ flattenEnvVars)
/* harmony export */ });
/* unused harmony export escapedEnvVars */
/* harmony import */ var _template_gotemplate_fmt_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3061);
/* harmony import */ var _provision_hook_data_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(455);


const HTTP_VARS = [
    ['PACKER_HTTP_ADDR', 'PackerHTTPAddr', _provision_hook_data_js__WEBPACK_IMPORTED_MODULE_1__/* .HTTP_ADDR_NOT_IMPLEMENTED */ .c3],
    ['PACKER_HTTP_IP', 'PackerHTTPIP', _provision_hook_data_js__WEBPACK_IMPORTED_MODULE_1__/* .HTTP_IP_NOT_IMPLEMENTED */ .OH],
    ['PACKER_HTTP_PORT', 'PackerHTTPPort', _provision_hook_data_js__WEBPACK_IMPORTED_MODULE_1__/* .HTTP_PORT_NOT_IMPLEMENTED */ .MF],
];
const escapeQuotes = (value) => value.replaceAll("'", `'"'"'`);
/** The variables by name, values escaped, in sorted order. */
function escapedEnvVars(sources) {
    const vars = new Map([
        ['PACKER_BUILD_NAME', sources.buildName],
        ['PACKER_BUILDER_TYPE', sources.builderType],
    ]);
    for (const [name, key, notImplemented] of HTTP_VARS) {
        const value = sources.generatedData[key];
        if (value !== undefined && value !== notImplemented)
            vars.set(name, String(value));
    }
    for (const entry of sources.environmentVars ?? []) {
        const eq = entry.indexOf('=');
        vars.set(entry.slice(0, eq), escapeQuotes(entry.slice(eq + 1)));
    }
    for (const [key, value] of Object.entries(sources.env ?? {}))
        vars.set(key, escapeQuotes(value));
    return [...vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
/** Every variable through env_var_format, concatenated. */
function flattenEnvVars(format, sources) {
    return escapedEnvVars(sources)
        .map(([key, value]) => (0,_template_gotemplate_fmt_js__WEBPACK_IMPORTED_MODULE_0__/* .sprintf */ .nv)(format, [key, value]))
        .join('');
}


/***/ }),

/***/ 455:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ HTTP_PORT_NOT_IMPLEMENTED),
/* harmony export */   OH: () => (/* binding */ HTTP_IP_NOT_IMPLEMENTED),
/* harmony export */   c3: () => (/* binding */ HTTP_ADDR_NOT_IMPLEMENTED),
/* harmony export */   ts: () => (/* binding */ populateProvisionHookData)
/* harmony export */ });
/*
 * commonsteps.PopulateProvisionHookData: what provisioners see as build.* (and
 * shell provisioners as PACKER_HTTP_*): the builder's generated data, the
 * instance ID, the run UUID, the HTTP server address and the communicator's
 * connection settings. The ERR_* values are Packer's own markers.
 */
const HTTP_IP_NOT_IMPLEMENTED = 'ERR_HTTP_IP_NOT_IMPLEMENTED_BY_BUILDER';
const HTTP_PORT_NOT_IMPLEMENTED = 'ERR_HTTP_PORT_NOT_IMPLEMENTED_BY_BUILDER';
const HTTP_ADDR_NOT_IMPLEMENTED = 'ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER';
function populateProvisionHookData(input) {
    const data = { ...input.generated };
    data.ID = input.instanceId ?? 'ERR_ID_NOT_IMPLEMENTED_BY_BUILDER';
    data.PackerRunUUID = input.runUuid;
    data.PackerHTTPIP = input.httpIp ?? HTTP_IP_NOT_IMPLEMENTED;
    data.PackerHTTPPort = input.httpPort !== undefined ? String(input.httpPort) : HTTP_PORT_NOT_IMPLEMENTED;
    data.PackerHTTPAddr =
        input.httpIp !== undefined && input.httpPort !== undefined
            ? `${input.httpIp}:${input.httpPort}`
            : HTTP_ADDR_NOT_IMPLEMENTED;
    const comm = input.communicator;
    if (!comm)
        return data;
    data.Host = comm.host;
    data.Port = comm.port;
    data.User = comm.user;
    data.Password = comm.password;
    data.ConnType = comm.type;
    data.SSHPublicKey = comm.sshPublicKey;
    data.SSHPrivateKey = comm.sshPrivateKey;
    data.SSHPrivateKeyFile = comm.sshPrivateKeyFile;
    data.SSHAgentAuth = comm.sshAgentAuth;
    data.WinRMPassword = comm.winrmPassword;
    return data;
}


/***/ }),

/***/ 8018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ runWithUi)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);

/*
 * packersdk.RemoteCmd.RunWithUi: run a command and show each line of its
 * output as it arrives, stdout as UI "say" lines (current SDK; 1.6.6 used
 * messages) and stderr as UI errors,
 * trailing whitespace trimmed and only the text after the last "\r" kept.
 */
async function runWithUi(comm, command, ui, signal) {
    const stdout = new LineWriter((line) => ui.say(line));
    const stderr = new LineWriter((line) => ui.error(line));
    const result = await comm.start({ command, stdout, stderr }, signal);
    // Output without a final newline is still a line (iochan.DelimReader at EOF).
    stdout.flush();
    stderr.flush();
    return result;
}
/** Go's unicode.IsSpace characters, which TrimRightFunc removes. */
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;
function cleanOutputLine(line) {
    const trimmed = line.replace(TRAILING_SPACE, '');
    return trimmed.slice(trimmed.lastIndexOf('\r') + 1);
}
/** Splits bytes into lines at "\n" (whole lines only, so multi-byte characters are never cut). */
class LineWriter extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable {
    onLine;
    pending = Buffer.alloc(0);
    constructor(onLine) {
        super();
        this.onLine = onLine;
    }
    _write(chunk, _encoding, callback) {
        let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
        for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a)) {
            this.onLine(cleanOutputLine(data.subarray(0, newline + 1).toString('utf8')));
            data = data.subarray(newline + 1);
        }
        this.pending = data;
        callback();
    }
    flush() {
        if (this.pending.length > 0)
            this.onLine(cleanOutputLine(this.pending.toString('utf8')));
        this.pending = Buffer.alloc(0);
    }
}


/***/ }),

/***/ 4:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ runShellLocal)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/template/gotemplate/render.js + 7 modules
var render = __webpack_require__(8959);
// EXTERNAL MODULE: ./build/template/legacy/context.js
var context = __webpack_require__(4956);
// EXTERNAL MODULE: ./build/components/common/run-with-ui.js
var run_with_ui = __webpack_require__(8018);
// EXTERNAL MODULE: ./build/components/common/env-vars.js
var env_vars = __webpack_require__(4115);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./build/components/common/shell-local.communicator.js


/*
 * The SDK's shell-local Communicator: Start runs execute_command (program and
 * arguments, already rendered) on this machine and ignores the command text;
 * the transfers are not supported. Where Go's exec.CommandContext kills only
 * the direct child on cancellation, Kiln starts the command as the leader of
 * its own process group and ends the whole group (SIGTERM, then SIGKILL after
 * a grace period), so nothing a script started outlives the build.
 */
/** How long a cancelled command's process group has to exit after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 2000;
const POLL_MS = 25;
/** Windows has no process groups to signal; there the direct child is killed, as Go does. */
const POSIX = process.platform !== 'win32';
class LocalCommunicator {
    executeCommand;
    cwd;
    constructor(executeCommand, cwd) {
        this.executeCommand = executeCommand;
        this.cwd = cwd;
    }
    async start(cmd, signal) {
        const [file, ...args] = this.executeCommand;
        if (file === undefined) {
            throw new Error('Error launching command via shell-local communicator: No ExecuteCommand provided');
        }
        signal?.throwIfAborted();
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: this.cwd,
            detached: POSIX,
            stdio: [cmd.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        });
        if (cmd.stdin && child.stdin) {
            // The command may exit before reading all of its input.
            child.stdin.on('error', () => undefined);
            cmd.stdin.pipe(child.stdin);
        }
        forward(child.stdout, cmd.stdout);
        forward(child.stderr, cmd.stderr);
        const closed = new Promise((resolve, reject) => {
            child.once('error', reject);
            child.once('close', (code, killedBy) => resolve(killedBy !== null ? { exitStatus: -1, signal: killedBy } : { exitStatus: code ?? -1 }));
        });
        if (!signal)
            return closed;
        let onAbort = () => undefined;
        const aborted = new Promise((resolve) => {
            onAbort = () => resolve('aborted');
            signal.addEventListener('abort', onAbort, { once: true });
        });
        const outcome = await Promise.race([closed, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
        if (outcome !== 'aborted')
            return outcome;
        closed.catch(() => undefined);
        await terminate(child);
        // A process outside the group may still hold the pipes; stop reading them.
        child.stdout?.destroy();
        child.stderr?.destroy();
        throw new Error('context canceled');
    }
    upload() {
        return Promise.reject(new Error('upload not supported'));
    }
    uploadDir() {
        return Promise.reject(new Error('uploadDir not supported'));
    }
    download() {
        return Promise.reject(new Error('download not supported'));
    }
    downloadDir() {
        return Promise.reject(new Error('downloadDir not supported'));
    }
    close() {
        return Promise.resolve();
    }
}
function forward(from, to) {
    if (!from)
        return;
    if (to)
        from.pipe(to, { end: false });
    else
        from.resume();
}
/**
 * SIGTERM to the command's process group, then SIGKILL to whatever of it is
 * left after the grace period. Orphans' zombies stay members until init reaps
 * them, so a slow init makes this wait out the grace period.
 */
async function terminate(child) {
    const pid = child.pid;
    if (pid === undefined)
        return;
    if (!POSIX) {
        child.kill();
        return;
    }
    signalGroup(pid, 'SIGTERM');
    for (let waited = 0; waited < KILL_GRACE_MS && signalGroup(pid, 0); waited += POLL_MS)
        await (0,external_node_timers_promises_.setTimeout)(POLL_MS);
    // No waiting after SIGKILL: zombies are never reaped when Kiln itself is PID 1.
    signalGroup(pid, 'SIGKILL');
}
/** Signals every process of the group led by `pid`; false once the group has no process left. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch (error) {
        const code = error.code;
        // EPERM: what is left runs as another user (a setuid program such as sudo).
        if (code === 'ESRCH' || code === 'EPERM')
            return code === 'EPERM';
        throw error;
    }
}

;// CONCATENATED MODULE: ./build/components/common/shell-local.run.js









const WINDOWS = process.platform === 'win32';
/** Node's platform names as Go's GOOS, which only_on lists. */
const GOOS = { win32: 'windows', sunos: 'solaris' };
/** interpolate.InitTime: one instant for the process. */
const processStart = new Date();
async function runShellLocal(config, ctx) {
    const goos = GOOS[process.platform] ?? process.platform;
    if (config.only_on?.length && !config.only_on.includes(goos)) {
        ctx.ui.say('Skipping shell-local due to runtime OS');
        return;
    }
    const s = settings(config, ctx.cwd);
    const render = (text, data) => renderTemplate(text, data, config, ctx);
    let tempScript;
    try {
        const scripts = [...s.scripts];
        if (scripts.length === 0 && s.inline !== undefined) {
            const commands = s.inline.map((line) => render(line, ctx.generatedData));
            tempScript = await createInlineScriptFile(commands, s.inlineShebang, s.tempfileExtension);
            scripts.push(tempScript);
        }
        const vars = (0,env_vars/* flattenEnvVars */.o)(s.envVarFormat, {
            buildName: ctx.buildName,
            builderType: ctx.builderType,
            generatedData: ctx.generatedData,
            environmentVars: config.environment_vars?.map((entry) => render(entry, ctx.generatedData)),
            env: config.env,
        });
        for (const script of scripts) {
            await runScript(script, vars, s, config, ctx);
        }
    }
    finally {
        if (tempScript !== undefined)
            await (0,promises_.rm)(tempScript, { force: true });
    }
}
async function runScript(script, vars, s, config, ctx) {
    const absScript = (0,external_node_path_.resolve)(ctx.cwd, script);
    const data = { ...ctx.generatedData, Vars: vars, Script: absScript, Command: absScript };
    const command = s.executeCommand.map((part) => {
        try {
            return renderTemplate(part, data, config, ctx);
        }
        catch (error) {
            throw new Error(`Error processing command: ${messageOf(error)}`, { cause: error });
        }
    });
    ctx.ui.say(`Running local shell script: ${script}`);
    let exitStatus;
    try {
        const comm = new LocalCommunicator(command, ctx.cwd);
        ({ exitStatus } = await (0,run_with_ui/* runWithUi */.Y)(comm, command.join(' '), ctx.ui, ctx.signal));
    }
    catch (error) {
        throw new Error(`Error executing script: ${absScript}\n\nPlease see output above for more information.`, {
            cause: error,
        });
    }
    const valid = config.valid_exit_codes?.length ? config.valid_exit_codes : [0];
    if (!valid.includes(exitStatus)) {
        throw new Error(`Script exited with non-zero exit status: ${exitStatus}. Allowed exit codes are: [${valid.join(' ')}]`);
    }
}
function settings(c, cwd) {
    // Prepare has rejected every combination but one of command, inline, script and scripts.
    const inline = c.command ? [c.command] : c.inline;
    const scripts = c.script ? [c.script] : (c.scripts ?? []);
    return {
        inline,
        // use_linux_pathing passes Prepare only on Windows: elsewhere no absolute path has a drive.
        scripts: c.use_linux_pathing ? scripts.map((script) => toLinuxPath((0,external_node_path_.resolve)(cwd, script))) : scripts,
        executeCommand: c.execute_command?.length
            ? c.execute_command
            : WINDOWS
                ? ['cmd', '/V', '/C', '{{.Vars}}', 'call', '{{.Script}}']
                : ['/bin/sh', '-c', '{{.Vars}} {{.Script}}'],
        inlineShebang: c.inline_shebang || (WINDOWS ? '' : '/bin/sh -e'),
        tempfileExtension: (c.tempfile_extension || (WINDOWS ? '.cmd' : '')).replace(/^\./, ''),
        envVarFormat: c.env_var_format || (WINDOWS && !c.use_linux_pathing ? 'set %s=%s && ' : "%s='%s' "),
    };
}
/** ConvertToLinuxPath: C:/path/to/file becomes /mnt/c/path/to/file (WSL). */
function toLinuxPath(winAbsPath) {
    const path = winAbsPath.replaceAll('\\', '/');
    const split = path.indexOf(':/');
    return `/mnt/${path.slice(0, split).toLowerCase()}/${path.slice(split + 2)}`;
}
/** createInlineScriptFile: tmp.File("packer-shell") plus the extension, the shebang line and the commands, mode 0700. */
async function createInlineScriptFile(commands, shebang, extension) {
    const path = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `packer-shell${(0,external_node_crypto_.randomInt)(0, 2 ** 32)}${extension ? `.${extension}` : ''}`);
    const head = shebang ? `#!${shebang}\n` : '';
    await (0,promises_.writeFile)(path, head + commands.map((command) => `${command}\n`).join(''), { flag: 'wx', mode: 0o700 });
    return path;
}
/** interpolate.Render with the context Decode filled in (user variables, build name and type) and `data` as the dot. */
function renderTemplate(text, data, config, ctx) {
    const env = { env: {}, cwd: ctx.cwd, initTime: processStart, templatePath: '' };
    const fields = (0,context/* interpolateContext */.n)(env, {
        userVariables: config.packer_user_variables ?? {},
        sensitiveVariables: config.packer_sensitive_variables ?? [],
        enableEnv: false,
        buildName: ctx.buildName,
        buildType: ctx.builderType,
        data,
    });
    return (0,render/* interpolate */.GW)(text, { ...fields, packerVersion: config.packer_core_version ?? '' });
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 4991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runShellLocalPostProcessor: () => (/* binding */ runShellLocalPostProcessor)
/* harmony export */ });
/* harmony import */ var _common_shell_local_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4);

/*
 * post-processor/shell-local of Packer: the SDK's shell-local Run with the
 * input artifact's generated data, in Packer's working directory (the
 * process's, as for the other post-processors). The input artifact passes
 * through, kept even when keep_input_artifact is false: to drop it, a later
 * artifice post-processor makes a new artifact.
 */
async function runShellLocalPostProcessor(config, artifact, ctx) {
    const command = config.execute_command;
    // Before the post-processor and provisioner were merged, execute_command was one string run by "sh -c".
    const executeCommand = command?.length === 1 ? ['sh', '-c', ...command] : command;
    await (0,_common_shell_local_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runShellLocal */ .T)({ ...config, execute_command: executeCommand }, { ...ctx, cwd: process.cwd(), generatedData: artifact.generatedData ?? {} });
    return { artifact, keepInputArtifact: true, forceKeep: true };
}


/***/ })

};
