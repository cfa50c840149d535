export const id = 529;
export const ids = [529];
export const modules = {

/***/ 77417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ amazonSession),
/* harmony export */   vG: () => (/* binding */ checkCredentials)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RETRIES, baseCredentials */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35193);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71695);
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29719);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1377);





/*
 * AccessConfig.Config of packer-plugin-amazon on the v3 SDK: static keys
 * (access_key/secret_key/token), else a named profile or shared credentials
 * file, else the SDK's default chain; assume_role on top of whichever was
 * found. Retries (throttling, 5xx) are the SDK's standard retry strategy with
 * max_retries retries.
 */
/** max_retries when the template leaves it unset. */
const DEFAULT_MAX_RETRIES = 10;
async function amazonSession(access) {
    const credentials = credentialProvider(access);
    const shared = {
        credentials,
        maxAttempts: (access.max_retries && access.max_retries > 0 ? access.max_retries : DEFAULT_MAX_RETRIES) + 1,
        ...(access.custom_endpoint_ec2 ? { endpoint: endpointUrl(access.custom_endpoint_ec2) } : {}),
        ...(access.insecure_skip_tls_verify
            ? { requestHandler: { httpsAgent: new node_https__WEBPACK_IMPORTED_MODULE_0__.Agent({ rejectUnauthorized: false }) } }
            : {}),
    };
    const first = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .EC2Client */ .gu5({ ...shared, ...(access.region ? { region: access.region } : {}) });
    let region;
    try {
        region = await first.config.region();
    }
    catch (error) {
        first.destroy();
        throw new Error(`Error loading configuration for AWS Provider: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    const clients = new Map([[region, first]]);
    return {
        region,
        ec2(target = region) {
            let client = clients.get(target);
            if (!client) {
                client = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .EC2Client */ .gu5({ ...shared, region: target });
                clients.set(target, client);
            }
            return client;
        },
        destroy() {
            for (const client of clients.values())
                client.destroy();
        },
    };
}
/** Retrieves the credentials once, as Packer does before the build; and checks them with STS unless told not to. */
async function checkCredentials(access, session) {
    const client = session.ec2();
    try {
        await client.config.credentials();
    }
    catch (error) {
        throw new Error(`Error loading credentials for AWS Provider: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    if (access.skip_credential_validation)
        return;
    const sts = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM({ region: session.region, credentials: client.config.credentials });
    try {
        await sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .GetCallerIdentityCommand */ .zI({}));
    }
    catch (error) {
        throw new Error(`error validating provider credentials: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    finally {
        sts.destroy();
    }
}
function credentialProvider(access) {
    const base = baseCredentials(access);
    const role = access.assume_role;
    if (!role?.role_arn)
        return base;
    const tags = Object.entries(role.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__/* .fromTemporaryCredentials */ .ss)({
        masterCredentials: base,
        params: {
            RoleArn: role.role_arn,
            RoleSessionName: role.session_name || `kiln-${Date.now()}`,
            ...(role.duration_seconds ? { DurationSeconds: role.duration_seconds } : {}),
            ...(role.external_id ? { ExternalId: role.external_id } : {}),
            ...(role.policy ? { Policy: role.policy } : {}),
            ...(role.policy_arns?.length ? { PolicyArns: role.policy_arns.map((arn) => ({ arn })) } : {}),
            ...(tags.length > 0 ? { Tags: tags } : {}),
            ...(role.transitive_tag_keys?.length ? { TransitiveTagKeys: role.transitive_tag_keys } : {}),
        },
        ...(access.region ? { clientConfig: { region: access.region } } : {}),
    });
}
function baseCredentials(access) {
    if (access.access_key && access.secret_key) {
        const identity = {
            accessKeyId: access.access_key,
            secretAccessKey: access.secret_key,
            ...(access.token ? { sessionToken: access.token } : {}),
        };
        return () => Promise.resolve(identity);
    }
    if (access.profile || access.shared_credentials_file) {
        return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__/* .fromIni */ .nJ)({
            ...(access.profile ? { profile: access.profile } : {}),
            ...(access.shared_credentials_file ? { filepath: access.shared_credentials_file } : {}),
        });
    }
    return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__/* .fromNodeProviderChain */ .br)();
}
/** Packer accepts a bare host for custom_endpoint_ec2; the SDK wants a URL. */
function endpointUrl(endpoint) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}


/***/ }),

/***/ 1377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ awsErrorCode),
/* harmony export */   X_: () => (/* binding */ awsErrorMessage)
/* harmony export */ });
/* unused harmony export awsErrorMatches */
/*
 * AWS errors as the plugin matches and prints them (awserrors.Matches): an
 * error code such as "InvalidInstanceID.NotFound" and its message.
 */
/** The AWS error code of a service exception (the SDK puts it in `name`), or "". */
function awsErrorCode(error) {
    if (!(error instanceof Error))
        return '';
    const withCode = error;
    if (typeof withCode.Code === 'string')
        return withCode.Code;
    return withCode.$fault !== undefined ? error.name : '';
}
/** True when the error has this code and its message contains `messagePart`. */
function awsErrorMatches(error, code, messagePart = '') {
    return awsErrorCode(error) === code && error instanceof Error && error.message.includes(messagePart);
}
/** "Code: message" for a service exception, the message for anything else. */
function awsErrorMessage(error) {
    if (!(error instanceof Error))
        return String(error);
    const code = awsErrorCode(error);
    return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}


/***/ }),

/***/ 51529:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweepRun: () => (/* binding */ sweepRun)
});

// UNUSED EXPORTS: sweepRegion

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(35193);
;// CONCATENATED MODULE: ./build/components/provisioners/breakpoint/provisioner.js
/*
 * provisioner/breakpoint: says where it pauses and waits for enter. Without a
 * TTY the question fails and so does the build, with Packer's
 * "Error asking for input: no available tty".
 */
async function provisionBreakpoint(config, context) {
    const { ui } = context;
    const note = config.note ?? '';
    if (config.disable) {
        ui.say(note
            ? `Breakpoint provisioner with note "${note}" disabled; continuing...`
            : 'Breakpoint provisioner disabled; continuing...');
        return;
    }
    ui.say(note ? `Pausing at breakpoint provisioner with note "${note}".` : 'Pausing at breakpoint provisioner.');
    try {
        await context.prompt('Press enter to continue.', context.signal);
    }
    catch (thrown) {
        throw new Error(`Error asking for input: ${thrown instanceof Error ? thrown.message : String(thrown)}`, {
            cause: thrown,
        });
    }
}

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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./build/communicator/communicator.js
/** packersdk.CmdDisconnect: the command ended without an exit status or signal. */
const CMD_DISCONNECT = 2300218;
/** A failure a user can cause or fix (unreachable host, bad credentials, missing file), naming the host. */
class CommunicatorError extends Error {
    host;
    name = 'CommunicatorError';
    constructor(
    /** "user@host:port" (or the host alone) the communicator talks to. */
    host, message, options) {
        super(`${host}: ${message}`, options);
        this.host = host;
    }
}

;// CONCATENATED MODULE: ./build/components/go-duration-string.js
/* Go's time.Duration.String() for whole milliseconds: "500ms", "1s", "1m30s", "2h0m0s", "1.5s". */
function go_duration_string_goDurationString(ms) {
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

// EXTERNAL MODULE: ./build/template/gotemplate/fmt.js + 1 modules
var fmt = __webpack_require__(23061);
;// CONCATENATED MODULE: ./build/components/common/provision-hook-data.js
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

;// CONCATENATED MODULE: ./build/components/common/env-vars.js


const HTTP_VARS = [
    ['PACKER_HTTP_ADDR', 'PackerHTTPAddr', HTTP_ADDR_NOT_IMPLEMENTED],
    ['PACKER_HTTP_IP', 'PackerHTTPIP', HTTP_IP_NOT_IMPLEMENTED],
    ['PACKER_HTTP_PORT', 'PackerHTTPPort', HTTP_PORT_NOT_IMPLEMENTED],
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
        .map(([key, value]) => (0,fmt/* sprintf */.nv)(format, [key, value]))
        .join('');
}

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
        const reason = code ? (local_files_ERRNO_TEXT[code] ?? code) : String(error);
        throw new Error(`Error opening shell script: open ${path}: ${reason}`, { cause: error });
    }
}
const local_files_ERRNO_TEXT = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
};

;// CONCATENATED MODULE: ./build/components/common/run-with-ui.js

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
class LineWriter extends external_node_stream_.Writable {
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
                await abortableDelay(0, signal);
            if (Date.now() >= deadline)
                throw error;
        }
        await abortableDelay(RETRY_DELAY_MS, signal);
    }
}

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
        const vars = flattenEnvVars(s.envVarFormat, envSources);
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
                return runWithUi(this.comm, command, context.ui, context.signal);
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
            context.ui.say(`Pausing ${go_duration_string_goDurationString(pause)} after this provisioner...`);
            await abortableDelay(pause, context.signal);
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
        if (result.exitStatus === CMD_DISCONNECT) {
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
            if (result.exitStatus === CMD_DISCONNECT)
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
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
const shell_local_run_processStart = new Date();
async function runShellLocal(config, ctx) {
    const goos = GOOS[process.platform] ?? process.platform;
    if (config.only_on?.length && !config.only_on.includes(goos)) {
        ctx.ui.say('Skipping shell-local due to runtime OS');
        return;
    }
    const s = shell_local_run_settings(config, ctx.cwd);
    const render = (text, data) => shell_local_run_renderTemplate(text, data, config, ctx);
    let tempScript;
    try {
        const scripts = [...s.scripts];
        if (scripts.length === 0 && s.inline !== undefined) {
            const commands = s.inline.map((line) => render(line, ctx.generatedData));
            tempScript = await createInlineScriptFile(commands, s.inlineShebang, s.tempfileExtension);
            scripts.push(tempScript);
        }
        const vars = flattenEnvVars(s.envVarFormat, {
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
            return shell_local_run_renderTemplate(part, data, config, ctx);
        }
        catch (error) {
            throw new Error(`Error processing command: ${messageOf(error)}`, { cause: error });
        }
    });
    ctx.ui.say(`Running local shell script: ${script}`);
    let exitStatus;
    try {
        const comm = new LocalCommunicator(command, ctx.cwd);
        ({ exitStatus } = await runWithUi(comm, command.join(' '), ctx.ui, ctx.signal));
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
function shell_local_run_settings(c, cwd) {
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
function shell_local_run_renderTemplate(text, data, config, ctx) {
    const env = { env: {}, cwd: ctx.cwd, initTime: shell_local_run_processStart, templatePath: '' };
    const fields = (0,legacy_context/* interpolateContext */.n)(env, {
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

;// CONCATENATED MODULE: ./build/components/provisioners/shell-local/provisioner.js

/*
 * The shell-local provisioner (hashicorp/packer provisioner/shell-local):
 * the SDK's shell-local Run with the provision hook's generated data, in the
 * template's directory. use_linux_pathing (WSL paths) only applies on Windows;
 * on other systems Prepare rejects every configuration that sets it.
 */
function provisionShellLocal(config, context) {
    return runShellLocal(config, context);
}

// EXTERNAL MODULE: ./build/components/schema/go-duration.js
var go_duration = __webpack_require__(3916);
;// CONCATENATED MODULE: ./build/components/provisioners/sleep/provisioner.js


/* provisioner/sleep: waits `duration`, or fails with "context canceled" when the build is cancelled. */
async function provisionSleep(config, context) {
    const parsed = (0,go_duration/* parseGoDuration */.Q)(config.duration ?? '0s');
    // The schema has already rejected what ParseDuration would; an unset duration is Go's zero.
    await abortableDelay(parsed.ok ? parsed.ms : 0, context.signal);
}

;// CONCATENATED MODULE: ./build/components/provisioners/runners.js





/* The provisioners Kiln runs natively; each config was decoded by that type's schema. */
const runners = new Map([
    ['breakpoint', (config, context) => provisionBreakpoint(config, context)],
    ['file', (config, context) => provisionFile(config, context)],
    ['shell', (config, context) => provisionShell(config, context)],
    ['shell-local', (config, context) => provisionShellLocal(config, context)],
    ['sleep', (config, context) => provisionSleep(config, context)],
]);
function runners_provisionerRunner(type) {
    return runners.get(type);
}

;// CONCATENATED MODULE: ./build/components/provision-hook.js


async function runProvisioners(provisioners, context, runners = provisionerRunner) {
    for (const p of provisioners) {
        try {
            await withRetries(p, context, runners);
        }
        catch (error) {
            if (!context.signal.aborted)
                context.ui.error(failedLine(p, context));
            throw error;
        }
    }
}
/**
 * Kiln's addition to Packer's output: which provisioner failed, where it is
 * written and on which machine, since Packer's error text often names neither.
 */
function failedLine(p, context) {
    const name = p.block.name ? ` "${p.block.name}"` : '';
    const { filename, start } = p.block.block.defRange;
    const on = context.communicator?.target ? ` on ${context.communicator.target}` : '';
    return `Provisioner ${p.type}${name} (${filename}:${start.line}) failed${on}`;
}
async function withRetries(p, context, runners) {
    const { ui, signal } = context;
    if (signal.aborted)
        throw cancelled(signal);
    let error;
    for (let left = p.block.maxRetries;; left--) {
        try {
            await withTimeout(p, context, runners);
            return;
        }
        catch (thrown) {
            if (p.block.maxRetries === 0)
                throw thrown;
            error = thrown;
        }
        if (left === 0)
            break;
        if (signal.aborted)
            throw cancelled(signal);
        ui.say(`Provisioner failed with ${JSON.stringify(errorText(error))}, retrying with ${left} trie(s) left`);
    }
    ui.say('retry limit reached.');
    throw error;
}
async function withTimeout(p, context, runners) {
    const timeoutMs = p.block.timeoutMs;
    if (timeoutMs === 0)
        return withPause(p, context, runners);
    context.ui.say(`Setting a ${goDurationString(timeoutMs)} timeout for the next provisioner...`);
    const timeout = AbortSignal.timeout(timeoutMs);
    const onTimeout = () => context.ui.error('Cancelling provisioner after a timeout...');
    timeout.addEventListener('abort', onTimeout, { once: true });
    try {
        await withPause(p, { ...context, signal: AbortSignal.any([context.signal, timeout]) }, runners);
    }
    finally {
        timeout.removeEventListener('abort', onTimeout);
    }
}
async function withPause(p, context, runners) {
    const pauseMs = p.block.pauseBeforeMs;
    if (pauseMs > 0) {
        context.ui.say(`Pausing ${goDurationString(pauseMs)} before the next provisioner...`);
        await abortableDelay(pauseMs, context.signal);
    }
    const run = runners(p.type);
    if (!run)
        throw new Error(`provisioner type ${JSON.stringify(p.type)} is not implemented natively by Kiln`);
    await run(p.prepareWith(context.generatedData), context);
}
/** Resolves after `ms`; rejects with Go's "context canceled" when the signal aborts first. */
function abortableDelay(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(cancelled(signal));
        const onAbort = () => {
            clearTimeout(timer);
            reject(cancelled(signal));
        };
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
/** ctx.Err() texts: a timeout is "context deadline exceeded", else "context canceled". */
function cancelled(signal) {
    const reason = signal.reason;
    const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
    return new Error(timedOut ? 'context deadline exceeded' : 'context canceled');
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./build/components/common/amazon/client.js
var client = __webpack_require__(77417);
// EXTERNAL MODULE: ./build/components/common/amazon/errors.js
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./build/components/common/amazon/tags.js
var tags = __webpack_require__(42959);
;// CONCATENATED MODULE: ./build/components/common/amazon/waiter.js


const WAIT_DEFAULTS = { minDelayMs: 250, maxDelayMs: 5000, growth: 1.5 };
async function waitFor(options) {
    const { signal, check } = options;
    const deadline = Date.now() + options.timeoutMs;
    const maxDelay = Math.max(options.maxDelayMs ?? WAIT_DEFAULTS.maxDelayMs, options.minDelayMs ?? 0);
    let delay = options.minDelayMs ?? WAIT_DEFAULTS.minDelayMs;
    for (;;) {
        signal.throwIfAborted();
        let seen;
        try {
            const poll = await check();
            if (poll.done)
                return poll.value;
            seen = poll.seen;
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            if (!options.retryCodes?.includes((0,errors/* awsErrorCode */.J6)(error)))
                throw error;
            seen = (0,errors/* awsErrorMessage */.X_)(error);
        }
        const left = deadline - Date.now();
        if (left <= 0)
            throw new Error(`Timed out waiting for ${options.what} (last seen: ${seen})`);
        // Full jitter over the upper half keeps concurrent waiters apart without ever polling in a burst.
        const sleep = Math.min(left, delay / 2 + (Math.random() * delay) / 2);
        await abortableDelay(sleep, signal);
        delay = Math.min(delay * WAIT_DEFAULTS.growth, maxDelay);
    }
}
/** The plugin's getWaiterOptions: a delay and an overall wait derived from the settings, else `defaultTimeoutMs`. */
function waitBounds(polling, defaultTimeoutMs, env = process.env) {
    const number = (v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
    const delay = polling?.delay_seconds || number(env['AWS_POLL_DELAY_SECONDS']);
    const attempts = polling?.max_attempts || number(env['AWS_MAX_ATTEMPTS']);
    const timeout = number(env['AWS_TIMEOUT_SECONDS']);
    const delaySeconds = delay ?? 2;
    const minDelay = delay !== undefined ? { minDelayMs: delay * 1000 } : {};
    if (attempts)
        return { timeoutMs: attempts * delaySeconds * 1000, ...minDelay };
    if (timeout)
        return { timeoutMs: timeout * 1000, ...minDelay };
    return { timeoutMs: defaultTimeoutMs, ...minDelay };
}

;// CONCATENATED MODULE: ./build/components/common/amazon/sweep.js






const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];
const TERMINATE_WAIT_MS = 10 * 60_000;
const GROUP_DELETE_ATTEMPTS = 6;
/** Sweeps the run's resources in each region with the given (secret-bearing) access config; returns how many went. */
async function sweepRun(runId, access, regions, log) {
    let session;
    try {
        session = await (0,client/* amazonSession */.$m)(access);
    }
    catch (error) {
        log.warning(`Could not sweep AWS resources of run ${runId}: ${(0,errors/* awsErrorMessage */.X_)(error)}`);
        return 0;
    }
    let removed = 0;
    try {
        const targets = [...new Set(regions.map((r) => r || session.region))];
        for (const region of targets)
            removed += await sweepRegion(session.ec2(region), region, runId, log);
    }
    finally {
        session.destroy();
    }
    return removed;
}
/** Removes everything tagged kiln:run-id = runId in one region; returns how many resources went. */
async function sweepRegion(ec2, region, runId, log) {
    const tagged = { Name: `tag:${tags/* RUN_ID_TAG */.D$}`, Values: [runId] };
    let removed = 0;
    const attempt = async (what, work) => {
        try {
            await work();
            log.info(`Removed ${what} in ${region} left by run ${runId}`);
            removed++;
        }
        catch (error) {
            log.warning(`Could not remove ${what} in ${region}: ${(0,errors/* awsErrorMessage */.X_)(error)}`);
        }
    };
    const listed = async (what, list) => {
        try {
            return await list();
        }
        catch (error) {
            log.warning(`Could not list the ${what} of run ${runId} in ${region}: ${(0,errors/* awsErrorMessage */.X_)(error)}`);
            return [];
        }
    };
    const instances = await listed('instances', async () => {
        const filters = [tagged, { Name: 'instance-state-name', Values: LIVE_STATES }];
        const out = await ec2.send(new dist_cjs/* DescribeInstancesCommand */.bNs({ Filters: filters }));
        return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).flatMap((i) => i.InstanceId ?? []);
    });
    if (instances.length > 0) {
        await attempt(`instance(s) ${instances.join(', ')}`, async () => {
            await ec2.send(new dist_cjs/* TerminateInstancesCommand */.NaF({ InstanceIds: instances }));
            await waitTerminated(ec2, instances);
        });
    }
    const images = await listed('AMIs', async () => {
        const out = await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5({ Owners: ['self'], Filters: [tagged] }));
        return out.Images ?? [];
    });
    for (const image of images) {
        await attempt(`AMI ${image.ImageId ?? ''}`, () => ec2.send(new dist_cjs/* DeregisterImageCommand */.x2c({ ImageId: image.ImageId })));
    }
    // Snapshots of the AMIs just deregistered carry the tag too; any the AMIs did not list go as well.
    const snapshots = await listed('snapshots', async () => {
        const out = await ec2.send(new dist_cjs/* DescribeSnapshotsCommand */.MmI({ OwnerIds: ['self'], Filters: [tagged] }));
        return (out.Snapshots ?? []).flatMap((s) => s.SnapshotId ?? []);
    });
    for (const id of snapshots) {
        await attempt(`snapshot ${id}`, () => ec2.send(new dist_cjs/* DeleteSnapshotCommand */.tZN({ SnapshotId: id })));
    }
    const keyPairs = await listed('key pairs', async () => {
        const out = await ec2.send(new dist_cjs/* DescribeKeyPairsCommand */.DRu({ Filters: [tagged] }));
        return (out.KeyPairs ?? []).flatMap((k) => k.KeyName ?? []);
    });
    for (const name of keyPairs) {
        await attempt(`key pair ${name}`, () => ec2.send(new dist_cjs/* DeleteKeyPairCommand */.EWB({ KeyName: name })));
    }
    const groups = await listed('security groups', async () => {
        const out = await ec2.send(new dist_cjs/* DescribeSecurityGroupsCommand */.jsQ({ Filters: [tagged] }));
        return (out.SecurityGroups ?? []).flatMap((g) => g.GroupId ?? []);
    });
    for (const id of groups)
        await attempt(`security group ${id}`, () => deleteGroup(ec2, id));
    const volumes = await listed('volumes', async () => {
        const filters = [tagged, { Name: 'status', Values: ['available'] }];
        const out = await ec2.send(new dist_cjs/* DescribeVolumesCommand */.U$W({ Filters: filters }));
        return (out.Volumes ?? []).flatMap((v) => v.VolumeId ?? []);
    });
    for (const id of volumes) {
        await attempt(`volume ${id}`, () => ec2.send(new dist_cjs/* DeleteVolumeCommand */.Pbn({ VolumeId: id })));
    }
    const templates = await listed('launch templates', async () => {
        const out = await ec2.send(new dist_cjs/* DescribeLaunchTemplatesCommand */.fmI({ Filters: [tagged] }));
        return (out.LaunchTemplates ?? []).flatMap((t) => t.LaunchTemplateId ?? []);
    });
    for (const id of templates) {
        await attempt(`launch template ${id}`, () => ec2.send(new dist_cjs/* DeleteLaunchTemplateCommand */.s9K({ LaunchTemplateId: id })));
    }
    return removed;
}
function waitTerminated(ec2, instanceIds) {
    return waitFor({
        what: `instance(s) ${instanceIds.join(', ')} to become terminated`,
        signal: new AbortController().signal,
        timeoutMs: TERMINATE_WAIT_MS,
        check: async () => {
            const out = await ec2.send(new dist_cjs/* DescribeInstancesCommand */.bNs({ InstanceIds: instanceIds }));
            const states = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.State?.Name ?? '');
            const left = states.filter((s) => s !== 'terminated');
            return left.length === 0 ? { done: true, value: undefined } : { done: false, seen: left.join(', ') };
        },
    });
}
/** A group stays in use (DependencyViolation) until its instances' interfaces are gone: try a few times. */
async function deleteGroup(ec2, groupId) {
    const never = new AbortController().signal;
    for (let attempt = 1;; attempt++) {
        try {
            await ec2.send(new dist_cjs/* DeleteSecurityGroupCommand */.yEh({ GroupId: groupId }));
            return;
        }
        catch (error) {
            if ((0,errors/* awsErrorCode */.J6)(error) !== 'DependencyViolation' || attempt >= GROUP_DELETE_ATTEMPTS)
                throw error;
            await abortableDelay(500 * 2 ** attempt, never);
        }
    }
}


/***/ }),

/***/ 42959:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ RUN_ID_TAG)
/* harmony export */ });
/* unused harmony exports BUILD_TAG, buildInfo, renderWithBuildInfo, cleanResourceName, renderTags, withRunTags, tagSpecifications, reportTags */
/* harmony import */ var _template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58959);


/*
 * The plugin's TagMap.EC2Tags: tag keys and values are Go templates rendered
 * with the build info (BuildRegion, SourceAMI, SourceAMIName ...), plus Kiln's
 * own run tags that let a later sweep find what a killed run left.
 */
const RUN_ID_TAG = 'kiln:run-id';
const BUILD_TAG = 'kiln:build';
function buildInfo(region, source) {
    if (!source)
        return { BuildRegion: region };
    const tags = {};
    for (const tag of source.Tags ?? [])
        tags[tag.Key ?? ''] = tag.Value ?? '';
    return {
        BuildRegion: region,
        SourceAMI: source.ImageId ?? '',
        SourceAMICreationDate: source.CreationDate ?? '',
        SourceAMIName: source.Name ?? '',
        SourceAMIOwner: source.OwnerId ?? '',
        SourceAMIOwnerName: source.ImageOwnerAlias ?? '',
        SourceAMITags: tags,
    };
}
/** Renders one plugin template (a tag key or value, ami_description) with the build info as its dot. */
function renderWithBuildInfo(text, info, scope) {
    return interpolate(text, templateContext(info, scope));
}
function templateContext(info, scope) {
    const base = interpolateContext({ env: {}, cwd: scope.cwd, initTime: new Date(), templatePath: '' }, {
        userVariables: scope.userVariables,
        enableEnv: false,
        buildName: scope.buildName,
        buildType: scope.buildType,
        data: new GoStruct('BuildInfoTemplate', { ...info, SourceAMITags: info.SourceAMITags ?? {} }),
    });
    return { ...base, extraFuncs: { ...base.extraFuncs, clean_resource_name: cleanResourceName } };
}
/** The plugin's clean_resource_name: every byte an AMI name does not allow becomes "-". */
function cleanResourceName(name) {
    const allowed = new Set(Buffer.from("()[] ./-'@_"));
    const bytes = Buffer.from(name);
    const isAlphanumeric = (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
    return Buffer.from(bytes.map((b) => (isAlphanumeric(b) || allowed.has(b) ? b : 45))).toString('latin1');
}
/** Renders a tag map; keys are sorted so calls are stable (Go's map order is random). */
function renderTags(tags, info, scope) {
    const out = [];
    const entries = Object.entries(tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, value] of entries) {
        try {
            out.push({ Key: renderWithBuildInfo(key, info, scope), Value: renderWithBuildInfo(value, info, scope) });
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`Error processing tag: ${key}:${value} - ${message}`, { cause: error });
        }
    }
    return out;
}
/** The user's tags with Kiln's run tags added (a user's own kiln:* tag wins). */
function withRunTags(tags, runId, build) {
    const own = new Set(tags.map((t) => t.Key));
    const added = [
        { Key: RUN_ID_TAG, Value: runId },
        { Key: BUILD_TAG, Value: build },
    ].filter((t) => !own.has(t.Key));
    return [...tags, ...added];
}
/** EC2Tags.TagSpecifications: one specification per resource type, none when there are no tags. */
function tagSpecifications(tags, ...types) {
    if (tags.length === 0)
        return [];
    return types.map((ResourceType) => ({ ResourceType, Tags: [...tags] }));
}
/** EC2Tags.Report: one line per tag. */
function reportTags(ui, tags) {
    for (const tag of tags)
        ui.message(`Adding tag: "${tag.Key ?? ''}": "${tag.Value ?? ''}"`);
}


/***/ })

};
