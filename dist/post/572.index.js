export const id = 572;
export const ids = [572];
export const modules = {

/***/ 34115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ flattenEnvVars)
/* harmony export */ });
/* unused harmony export escapedEnvVars */
/* harmony import */ var _template_gotemplate_fmt_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23061);
/* harmony import */ var _provision_hook_data_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30455);


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

/***/ 30455:
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

/***/ 68018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ runWithUi)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);

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

/***/ 22400:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ goDurationString)
/* harmony export */ });
/* Go's time.Duration.String() for whole milliseconds: "500ms", "1s", "1m30s", "2h0m0s", "1.5s". */
function goDurationString(ms) {
    if (ms === 0)
        return '0s';
    const sign = ms < 0 ? '-' : '';
    const abs = Math.abs(ms);
    if (abs < 1000)
        return `${sign}${abs}ms`;
    const hours = Math.floor(abs / 3_600_000);
    const minutes = Math.floor((abs % 3_600_000) / 60_000);
    const millis = abs % 60_000;
    const seconds = `${Math.floor(millis / 1000)}${fraction(millis % 1000)}s`;
    if (hours > 0)
        return `${sign}${hours}h${minutes}m${seconds}`;
    if (minutes > 0)
        return `${sign}${minutes}m${seconds}`;
    return `${sign}${seconds}`;
}
function fraction(ms) {
    if (ms === 0)
        return '';
    return `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
}


/***/ }),

/***/ 70572:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  provisionShell: () => (/* binding */ provisionShell)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./build/communicator/communicator.js
var communicator = __webpack_require__(70731);
// EXTERNAL MODULE: ./build/components/go-duration-string.js
var go_duration_string = __webpack_require__(22400);
// EXTERNAL MODULE: ./build/components/provision-hook.js
var provision_hook = __webpack_require__(2084);
// EXTERNAL MODULE: ./build/components/common/env-vars.js
var env_vars = __webpack_require__(34115);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./build/components/provisioners/shell/local-files.js




/* The shell provisioner's local files: temporary ones as tmp.File makes them, and the scripts it reads. */
/** tmp.File(prefix) (os.CreateTemp): the prefix and a random uint32 in the temp directory, mode 0600, new. */
async function writeTempFile(prefix, content) {
    const path = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `${prefix}${(0,external_node_crypto_.randomInt)(0, 2 ** 32)}`);
    await (0,promises_.writeFile)(path, content, { flag: 'wx', mode: 0o600 });
    return path;
}
/** The inline commands as one script: the shebang line first unless inline_shebang is unset and the commands start with their own. */
function inlineScript(commands, shebang) {
    const body = commands.map((command) => `${command}\n`).join('');
    const useShebang = Boolean(shebang) || !body.startsWith('#!');
    return useShebang ? `#!${shebang || DEFAULT_INLINE_SHEBANG}\n${body}` : body;
}
const DEFAULT_INLINE_SHEBANG = '/bin/sh -e';
/** Reads a script, relative paths against the template's directory; fails with os.Open's error text. */
async function readScript(path, cwd) {
    try {
        return await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path));
    }
    catch (error) {
        const code = error.code;
        const reason = code ? (ERRNO_TEXT[code] ?? code) : String(error);
        throw new Error(`Error opening shell script: open ${path}: ${reason}`, { cause: error });
    }
}
const ERRNO_TEXT = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
};

// EXTERNAL MODULE: ./build/components/common/run-with-ui.js
var run_with_ui = __webpack_require__(68018);
;// CONCATENATED MODULE: ./build/components/provisioners/shell/start-retry.js

/*
 * Packer's retry.Config{StartTimeout}.Run as the shell provisioner uses it:
 * call `attempt` until it succeeds, 2s apart, and give up with its last error
 * once the timeout has passed (checked after a failure, so there is always at
 * least one attempt). Cancellation ends the wait with Go's ctx.Err() text.
 */
const RETRY_DELAY_MS = 2000;
async function retryStart(timeoutMs, signal, attempt) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            return await attempt();
        }
        catch (error) {
            // A cancelled attempt reports the cancellation, as RunWithUi returns ctx.Err().
            if (signal.aborted)
                await (0,provision_hook/* abortableDelay */.s)(0, signal);
            if (Date.now() >= deadline)
                throw error;
        }
        await (0,provision_hook/* abortableDelay */.s)(RETRY_DELAY_MS, signal);
    }
}

// EXTERNAL MODULE: ./build/template/gotemplate/render.js + 7 modules
var render = __webpack_require__(58959);
// EXTERNAL MODULE: ./build/template/legacy/context.js
var legacy_context = __webpack_require__(54956);
;// CONCATENATED MODULE: ./build/components/provisioners/shell/template.js


/*
 * interpolate.Render with the context the provisioner's Prepare decoded
 * (user variables, build name and type, Packer's version) and `data` as the
 * dot: the generated data for inline commands, plus Vars, EnvVarFile and Path
 * for execute_command.
 */
/** interpolate.InitTime: one instant for the process. */
const processStart = new Date();
function renderTemplate(text, data, config, context) {
    const env = { env: {}, cwd: context.cwd, initTime: processStart, templatePath: '' };
    const ctx = (0,legacy_context/* interpolateContext */.n)(env, {
        userVariables: config.packer_user_variables ?? {},
        sensitiveVariables: config.packer_sensitive_variables ?? [],
        enableEnv: false,
        buildName: context.buildName,
        buildType: context.builderType,
        data,
    });
    return (0,render/* interpolate */.GW)(text, { ...ctx, packerVersion: config.packer_core_version ?? '' });
}

;// CONCATENATED MODULE: ./build/components/provisioners/shell/unix-reader.js
/*
 * provisioner/shell UnixReader: scripts are uploaded line by line through a
 * bufio.Scanner with ScanLines, which drops a "\r" before each "\n" and ends
 * every line, the last one included, with "\n".
 */
/** bufio.MaxScanTokenSize: the Scanner cannot hold a longer line with its newline. */
const MAX_TOKEN_SIZE = 64 * 1024;
function toUnixLines(content) {
    const lines = [];
    let start = 0;
    while (start < content.length) {
        const newline = content.indexOf(0x0a, start);
        const end = newline === -1 ? content.length : newline;
        // The line's bytes and its newline must fit the Scanner's buffer (at EOF the line alone must leave room).
        if (end - start >= MAX_TOKEN_SIZE)
            throw new Error('bufio.Scanner: token too long');
        const line = content.subarray(start, end > start && content[end - 1] === 0x0d ? end - 1 : end);
        lines.push(line, NEWLINE);
        start = end + 1;
    }
    return Buffer.concat(lines);
}
const NEWLINE = Buffer.from('\n');

;// CONCATENATED MODULE: ./build/components/provisioners/shell/provisioner.js












/*
 * The remote shell provisioner (hashicorp/packer provisioner/shell Provision):
 * each script (inline commands become one temporary script) is uploaded to
 * remote_path and run through execute_command, upload and start retried until
 * start_retry_timeout; its output streams to the UI; its exit code must be
 * one of valid_exit_codes, or a disconnect expected; then the remote copy is
 * removed unless skip_clean.
 */
const NO_COMMUNICATOR = 'No communicator found for provisioners! This is usually because the\n' +
    '`communicator` config was set to "none". If you have any provisioners\n' +
    'then a communicator is required. Please fix this to continue.';
const DISCONNECTED = 'Script disconnected unexpectedly. If you expected your script to disconnect, i.e. from a restart, ' +
    'you can try adding `"expect_disconnect": true` or `"valid_exit_codes": [0, 2300218]` to the shell ' +
    'provisioner parameters.';
function settings(config) {
    const envFile = config.use_env_var_file === true;
    const remoteFolder = config.remote_folder || '/tmp';
    const remoteFile = config.remote_file || `script_${(0,external_node_crypto_.randomInt)(0, 9999)}.sh`;
    return {
        envVarFormat: config.env_var_format || (envFile ? "export %s='%s'\n" : "%s='%s' "),
        executeCommand: config.execute_command ||
            (envFile ? 'chmod +x {{.Path}}; . {{.EnvVarFile}} && {{.Path}}' : 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}'),
        startRetryTimeout: config.start_retry_timeout || 5 * 60_000,
        remoteFolder,
        remotePath: config.remote_path || `${remoteFolder}/${remoteFile}`,
    };
}
async function provisionShell(config, context) {
    const comm = context.communicator;
    if (!comm)
        throw new Error(NO_COMMUNICATOR);
    const run = new ShellRun(config, settings(config), context, comm);
    try {
        await run.provision();
    }
    finally {
        if (run.inlineFile !== undefined)
            await (0,promises_.rm)(run.inlineFile, { force: true });
    }
}
class ShellRun {
    config;
    s;
    context;
    comm;
    /** The local temporary script of the inline commands, removed when the run ends. */
    inlineFile;
    constructor(config, s, context, comm) {
        this.config = config;
        this.s = s;
        this.context = context;
        this.comm = comm;
    }
    async provision() {
        const { config, s, context } = this;
        const scripts = config.script ? [config.script] : [...(config.scripts ?? [])];
        if (config.inline !== undefined && config.inline.length > 0) {
            const commands = config.inline.map((line) => this.render(line, context.generatedData, 'Error interpolating Inline: '));
            this.inlineFile = await writeTempFile('packer-shell', inlineScript(commands, config.inline_shebang));
            scripts.push(this.inlineFile);
        }
        const envSources = {
            buildName: context.buildName,
            builderType: context.builderType,
            generatedData: context.generatedData,
            environmentVars: config.environment_vars,
            env: config.env,
        };
        const vars = (0,env_vars/* flattenEnvVars */.o)(s.envVarFormat, envSources);
        const envVarFile = config.use_env_var_file === true ? await this.uploadEnvVarFile(Buffer.from(vars)) : '';
        for (const path of scripts) {
            context.ui.say(`Provisioning with shell script: ${path}`);
            const script = await readScript(path, context.cwd);
            const data = { ...context.generatedData, Vars: vars, EnvVarFile: envVarFile, Path: s.remotePath };
            const command = this.render(s.executeCommand, data, 'Error processing command: ');
            // Upload and run in one retried step, so a reboot between them cannot lose the script.
            const result = await retryStart(s.startRetryTimeout, context.signal, async () => {
                await this.upload(s.remotePath, script, 'Error uploading script: ');
                await this.startAndWait(`chmod 0755 ${s.remotePath}`, 'Error chmodding script file to 0755 in remote machine: ');
                return (0,run_with_ui/* runWithUi */.Y)(this.comm, command, context.ui, context.signal);
            });
            this.checkExit(result);
            if (config.skip_clean === true)
                continue;
            await this.cleanupRemoteFile(s.remotePath);
        }
        // Packer removes the variables file even when there is none (the command is then "rm -f ").
        if (config.skip_clean !== true)
            await this.cleanupRemoteFile(envVarFile);
        const pause = config.pause_after ?? 0;
        if (pause !== 0) {
            context.ui.say(`Pausing ${(0,go_duration_string/* goDurationString */.g)(pause)} after this provisioner...`);
            await (0,provision_hook/* abortableDelay */.s)(pause, context.signal);
        }
    }
    /** Uploads the variables under a fresh name in remote_folder, chmods it 0600 and returns its remote path. */
    uploadEnvVarFile(content) {
        return retryStart(this.s.startRetryTimeout, this.context.signal, async () => {
            const remote = `${this.s.remoteFolder}/varfile_${(0,external_node_crypto_.randomInt)(0, 9999)}.sh`;
            await this.upload(remote, content, 'Error uploading envVarFile: ');
            await this.startAndWait(`chmod 0600 ${remote}`, 'Error chmodding script file to 0600 in remote machine: ');
            return remote;
        });
    }
    /** Uploads with no file info, as Packer does (scp sends mode 0644), line endings made Unix unless binary. */
    async upload(remote, content, errorPrefix) {
        try {
            const body = this.config.binary === true ? content : toUnixLines(content);
            await this.comm.upload(remote, external_node_stream_.Readable.from([body]), undefined, this.context.signal);
        }
        catch (error) {
            throw prefixed(errorPrefix, error);
        }
    }
    /** comm.Start then cmd.Wait: the exit status is not checked. */
    async startAndWait(command, errorPrefix) {
        try {
            return await this.comm.start({ command }, this.context.signal);
        }
        catch (error) {
            throw prefixed(errorPrefix, error);
        }
    }
    checkExit(result) {
        if (result.exitStatus === communicator/* CMD_DISCONNECT */._) {
            if (this.config.expect_disconnect !== true)
                throw new Error(DISCONNECTED);
            return;
        }
        const valid = this.config.valid_exit_codes?.length ? this.config.valid_exit_codes : [0];
        if (!valid.includes(result.exitStatus)) {
            throw new Error(`Script exited with non-zero exit status: ${result.exitStatus}. Allowed exit codes are: [${valid.join(' ')}]`);
        }
    }
    /** Removes a remote file, retried (a disconnect too) until start_retry_timeout, as after a reboot. */
    async cleanupRemoteFile(path) {
        await retryStart(this.s.startRetryTimeout, this.context.signal, async () => {
            const result = await this.startAndWait(`rm -f ${path}`, `Error removing temporary script at ${path}: `);
            if (result.exitStatus === communicator/* CMD_DISCONNECT */._)
                throw new Error('Disconnect while removing temporary script.');
            if (result.exitStatus !== 0)
                throw new Error(`Error removing temporary script at ${path}!`);
        });
    }
    render(text, data, errorPrefix) {
        try {
            return renderTemplate(text, data, this.config, this.context);
        }
        catch (error) {
            throw prefixed(errorPrefix, error);
        }
    }
}
function prefixed(prefix, error) {
    return new Error(`${prefix}${error instanceof Error ? error.message : String(error)}`, { cause: error });
}


/***/ })

};
