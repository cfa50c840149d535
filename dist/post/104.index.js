export const id = 104;
export const ids = [104];
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

/***/ 42636:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ runBuilderSteps)
});

;// CONCATENATED MODULE: ./build/core/events.js
/*
 * The engine's typed event stream. The engine only emits; sinks (terminal,
 * machine-readable, PACKER_LOG, the GitHub Action adapter) decide what to print.
 */
/** A minimal synchronous typed emitter: listeners run in subscription order. */
class EventBus {
    #listeners = new Set();
    subscribe(listener) {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }
    emit(event) {
        for (const listener of this.#listeners)
            listener(event);
    }
}
function buildUi(bus, build) {
    return {
        say: (text) => bus.emit({ type: 'ui', level: 'say', text, build }),
        message: (text) => bus.emit({ type: 'ui', level: 'message', text, build }),
        error: (text) => bus.emit({ type: 'ui', level: 'error', text, build }),
    };
}

;// CONCATENATED MODULE: ./build/core/runner.js
/*
 * Runs a builder's steps (packer-plugin-sdk multistep BasicRunner, DebugRunner and
 * commonsteps' -on-error wrappers): steps in order; on success, halt, error or
 * cancellation, cleanup in reverse for every step whose run was called, except
 * where -on-error=abort (or an "abort" answer to -on-error=ask) skips it.
 */

const ASK_PROMPT = '[c] Clean up and exit, [a] abort without cleanup, or [r] retry step (build may fail even if retry succeeds)?';
async function runSteps(steps, state, options) {
    const { bus, build, signal } = options;
    const onError = options.onError ?? 'cleanup';
    const ui = buildUi(bus, build);
    const flags = { cancelled: false, halted: false, aborted: false, abortLogged: false };
    let error;
    const ask = async (query) => {
        if (!options.prompt) {
            bus.emit({ type: 'log', message: 'Error asking for input: no available tty' });
            return '';
        }
        try {
            return (await raceAbort(options.prompt(query, signal), signal)) ?? '';
        }
        catch (thrown) {
            bus.emit({ type: 'log', message: `Error asking for input: ${toError(thrown).message}` });
            return '';
        }
    };
    const pause = async (location, name) => {
        if (signal.aborted)
            return;
        await ask(`Pausing ${location} step '${name}'. Press enter to continue.`);
    };
    const attempt = async (step) => {
        bus.emit({ type: 'step-started', build, step: step.name });
        let outcome;
        try {
            outcome = await step.run(state, signal);
        }
        catch (thrown) {
            if (!signal.aborted)
                error = toError(thrown);
            outcome = signal.aborted ? 'cancelled' : 'error';
        }
        bus.emit({ type: 'step-finished', build, step: step.name, outcome });
        return outcome === 'continue' ? 'continue' : 'halt';
    };
    const runWithAsk = async (step) => {
        for (;;) {
            const action = await attempt(step);
            if (action !== 'halt' || signal.aborted)
                return action;
            if (error)
                ui.error(error.message);
            const answer = await askOnFailure(ui, step.name, ask, signal);
            if (answer === 'abort')
                flags.aborted = true;
            if (answer !== 'retry')
                return 'halt';
        }
    };
    const ran = [];
    for (const step of steps) {
        if (signal.aborted) {
            flags.cancelled = true;
            break;
        }
        ran.push({ name: step.name, cleanup: () => cleanupStep(step) });
        const action = onError === 'ask' ? await runWithAsk(step) : await attempt(step);
        if (signal.aborted) {
            flags.cancelled = true;
            break;
        }
        if (action === 'halt') {
            flags.halted = true;
            break;
        }
        if (options.debug) {
            await pause('after run of', step.name);
            ran.push({ name: step.name, cleanup: () => pause('before cleanup of', step.name) });
        }
    }
    // sdk handleAbortsAndInterupts: false when this cleanup must be skipped.
    const shouldCleanup = (name) => {
        const alreadyLogged = flags.abortLogged;
        if (error && !alreadyLogged) {
            ui.error(error.message);
            flags.abortLogged = true;
        }
        if (!flags.cancelled && !flags.halted)
            return true;
        if (alreadyLogged)
            ui.error(`aborted: skipping cleanup of step ${goQuote(name)}`);
        else
            ui.error(flags.cancelled ? 'Interrupted, aborting...' : `Step ${goQuote(name)} failed, aborting...`);
        flags.abortLogged = true;
        return false;
    };
    async function cleanupStep(step) {
        const abortPolicy = onError === 'abort' || (onError === 'run-cleanup-provisioner' && !step.provision);
        const skipChecked = abortPolicy || (onError === 'ask' && flags.aborted);
        if (skipChecked && !shouldCleanup(step.name))
            return;
        try {
            await step.cleanup?.(state);
        }
        catch (thrown) {
            ui.error(`Error cleaning up step ${goQuote(step.name)}: ${toError(thrown).message}`);
        }
    }
    for (const entry of ran.reverse())
        await entry.cleanup();
    const status = flags.cancelled ? 'cancelled' : flags.halted ? 'halted' : 'completed';
    return error ? { status, error } : { status };
}
/**
 * The error a builder returns after its steps (the pattern Packer's builders share):
 * the step's error, else "Build was cancelled." or "Build was halted.".
 */
function resultError(result) {
    if (result.error)
        return result.error;
    if (result.status === 'cancelled')
        return new Error('Build was cancelled.');
    if (result.status === 'halted')
        return new Error('Build was halted.');
    return undefined;
}
async function askOnFailure(ui, name, ask, signal) {
    ui.say(`Step ${goQuote(name)} failed`);
    for (;;) {
        const line = await ask(ASK_PROMPT);
        // An interrupt while asking means clean up (sdk ask polls StateCancelled).
        if (signal.aborted)
            return 'cleanup';
        // An empty or failed answer is "c": Packer appends "c" and reads the first letter.
        const first = `${line.toLowerCase()}c`[0];
        if (first === 'c')
            return 'cleanup';
        if (first === 'a')
            return 'abort';
        if (first === 'r')
            return 'retry';
        ui.say(`Incorrect input: ${goQuote(line)}`);
    }
}
function raceAbort(promise, signal) {
    if (signal.aborted)
        return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(undefined);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (reason) => {
            signal.removeEventListener('abort', onAbort);
            reject(reason);
        });
    });
}
/** Go's %q for the plain strings used here (step names, answers). */
function goQuote(text) {
    return JSON.stringify(text);
}
function toError(thrown) {
    return thrown instanceof Error ? thrown : new Error(String(thrown));
}

;// CONCATENATED MODULE: ./build/components/common/run-builder-steps.js

/**
 * Runs a builder's steps with the build's UI, signal, -on-error policy, -debug
 * and prompt, and throws the build's error: the one a step stored in state
 * (multistep's "error" key) or the runner's.
 */
async function runBuilderSteps(steps, state, context) {
    const result = await runSteps(steps, state, {
        build: context.build,
        bus: context.bus,
        signal: context.signal,
        onError: context.onError,
        debug: context.debug,
        ...(context.prompt ? { prompt: context.prompt } : {}),
    });
    const error = state.error ?? resultError(result);
    if (error)
        throw error;
}


/***/ }),

/***/ 34473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ stepConnect)
});

// UNUSED EXPORTS: toSshConfig

// EXTERNAL MODULE: ./build/communicator/none.js
var none = __webpack_require__(83982);
;// CONCATENATED MODULE: ./build/communicator/ssh/config.js
/** Packer's defaults (communicator.Config.prepareSSH). */
const SSH_DEFAULTS = {
    port: 22,
    timeoutMs: 5 * 60_000,
    handshakeAttempts: 10,
    keepAliveIntervalMs: 5_000,
};
/** "user@host:port", the name errors and waits use for a connection. */
function sshTarget(username, host, port) {
    return `${username}@${host}:${port}`;
}

// EXTERNAL MODULE: ./build/communicator/communicator.js
var communicator = __webpack_require__(70731);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./build/communicator/waiter.js

/** The wait ran out of time; says what it waited for and why the last attempt failed. */
class WaitTimeoutError extends Error {
    what;
    attempts;
    lastError;
    name = 'WaitTimeoutError';
    constructor(what, attempts, lastError, elapsedMs) {
        super(`Timeout waiting for ${what} after ${(elapsedMs / 1000).toFixed(1)}s (${attempts} attempts); ` +
            `last attempt failed: ${messageOf(lastError)}`, { cause: lastError });
        this.what = what;
        this.attempts = attempts;
        this.lastError = lastError;
    }
}
/** The caller's signal aborted the wait. */
class WaitAbortedError extends Error {
    name = 'AbortError';
    constructor(what, reason) {
        super(`Cancelled while waiting for ${what}`, { cause: reason });
    }
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/**
 * Calls attempt until it resolves, pausing with exponential backoff and jitter
 * between failures, until timeoutMs has passed or the signal aborts. Each
 * attempt gets a signal that aborts at the deadline or on the caller's abort.
 */
async function waitFor(options, attempt) {
    const { what, timeoutMs, signal } = options;
    const initialDelay = options.initialDelayMs ?? 100;
    const maxDelay = options.maxDelayMs ?? 2000;
    const started = Date.now();
    const deadline = started + timeoutMs;
    let attempts = 0;
    let lastError = new Error('no attempt was made');
    let delay = initialDelay;
    for (;;) {
        if (signal?.aborted)
            throw new WaitAbortedError(what, signal.reason);
        const remaining = deadline - Date.now();
        if (remaining <= 0)
            throw new WaitTimeoutError(what, attempts, lastError, Date.now() - started);
        attempts++;
        const timeout = AbortSignal.timeout(remaining);
        const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
        try {
            return await attempt(attemptSignal);
        }
        catch (error) {
            if (signal?.aborted)
                throw new WaitAbortedError(what, signal.reason);
            if (options.retryable && !options.retryable(error))
                throw error;
            lastError = error;
        }
        const pause = Math.min(delay * (0.8 + Math.random() * 0.4), Math.max(0, deadline - Date.now()));
        delay = Math.min(delay * 2, maxDelay);
        try {
            await (0,promises_.setTimeout)(pause, undefined, signal ? { signal } : undefined);
        }
        catch {
            throw new WaitAbortedError(what, signal?.reason);
        }
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/protocol/utils.js
var utils = __webpack_require__(42184);
;// CONCATENATED MODULE: ./build/communicator/ssh/certificate.js


/*
 * OpenSSH user certificates (PROTOCOL.certkeys) for ssh_certificate_file.
 *
 * ssh2 1.17 cannot log in with a certificate (mscdex/ssh2#551; PRs #808, #1486
 * and #1495 are unmerged): Protocol.authPK writes one algorithm name both as
 * the request's public key algorithm and inside the signature blob, while sshd
 * wants the certificate algorithm ("ssh-ed25519-cert-v01@openssh.com") in the
 * request and the plain one ("ssh-ed25519") in the signature. So for a key
 * paired here with certifyKey, enableCertificateLogin has that client's own
 * protocol instance write the request itself; every other key goes through
 * ssh2's authPK unchanged.
 */
const { sendPacket, convertSignature } = utils;
const CERT_SUFFIX = '-cert-v01@openssh.com';
/** How many fields the certified public key has in a certificate, by key type (PROTOCOL.certkeys). */
const KEY_FIELDS = {
    'ssh-rsa': 2,
    'ssh-dss': 4,
    'ecdsa-sha2-nistp256': 2,
    'ecdsa-sha2-nistp384': 2,
    'ecdsa-sha2-nistp521': 2,
    'ssh-ed25519': 1,
};
const VALID_FOREVER = 2n ** 64n - 1n;
const MSG_USERAUTH_REQUEST = 50;
/**
 * Reads an OpenSSH certificate file's text ("type base64 [comment]"). Throws
 * with Packer's wording (communicator/ssh.ReadCertificate).
 */
function parseCertificate(file, text) {
    // As in authorized_keys files, blank lines and # comments are skipped.
    const line = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
    const [type = '', base64 = ''] = line.trim().split(/\s+/);
    const blob = Buffer.from(base64, 'base64');
    if (!type || blob.length === 0)
        throw new Error('unable to parse public key: ssh: no key found');
    const keyType = type.endsWith(CERT_SUFFIX) ? type.slice(0, -CERT_SUFFIX.length) : type;
    const fields = KEY_FIELDS[keyType];
    if (fields === undefined)
        throw new Error(`unable to parse public key: ssh: unknown key algorithm: ${type}`);
    if (keyType === type)
        throw new Error('Error loading certificate');
    try {
        const reader = new WireReader(blob);
        if (reader.string().toString('latin1') !== type)
            throw new Error('ssh: key type does not match the file');
        reader.string(); // nonce
        const keyStart = reader.offset;
        for (let i = 0; i < fields; i++)
            reader.string();
        const publicKey = Buffer.concat([sshString(keyType), blob.subarray(keyStart, reader.offset)]);
        reader.uint64(); // serial
        reader.uint32(); // certificate type: user or host
        const keyId = reader.string().toString('utf8');
        const principalList = new WireReader(reader.string());
        const principals = [];
        while (!principalList.done)
            principals.push(principalList.string().toString('utf8'));
        return {
            file,
            type,
            keyType,
            blob,
            publicKey,
            keyId,
            principals,
            validAfter: reader.uint64(),
            validBefore: reader.uint64(),
        };
    }
    catch (error) {
        throw new Error(`unable to parse public key: ${messageOf(error)}`, { cause: error });
    }
}
/** Certificates by the private key (as parsed by ssh2) they go with. */
const certificates = new WeakMap();
/**
 * Makes key log in with cert, after Packer's checks: the certificate must be
 * valid now and certify key's public key (x/crypto/ssh.NewCertSigner).
 */
function certifyKey(key, cert, nowMs = Date.now()) {
    const problem = validityProblem(cert, BigInt(Math.floor(nowMs / 1000)));
    if (problem)
        throw new Error(`${cert.file} not a valid cert: ${problem}`);
    if (!cert.publicKey.equals(key.getPublicSSH())) {
        throw new Error('failed to create cert signer: ssh: signer and cert have different public key');
    }
    certificates.set(key, cert);
}
/** Packer's checkValidCert: Go compares as int64, so times past 2^63 count as invalid. */
function validityProblem(cert, now) {
    const int64Max = 2n ** 63n - 1n;
    if (cert.validAfter > int64Max || now < cert.validAfter)
        return 'ssh: cert is not yet valid';
    if (cert.validBefore !== VALID_FOREVER && (now >= cert.validBefore || cert.validBefore > int64Max)) {
        return 'ssh: cert has expired';
    }
    return undefined;
}
/** Why sshd may have refused cert for username, when the certificate itself tells. */
function refusalHint(cert, username) {
    if (cert.principals.length === 0 || cert.principals.includes(username))
        return '';
    return ` (certificate ${cert.file} is for ${cert.principals.map((p) => `"${p}"`).join(', ')}, not "${username}")`;
}
/**
 * Has client's protocol instance send certified keys' publickey requests with
 * the certificate. Call right after client.connect(), before authentication.
 */
function enableCertificateLogin(client) {
    const protocol = client._protocol;
    if (!protocol)
        throw new Error('enableCertificateLogin needs a connecting ssh2 client');
    const authPK = protocol.authPK.bind(protocol);
    protocol.authPK = (username, key, keyAlgo, cbSign) => {
        const cert = typeof key === 'object' && key !== null ? certificates.get(key) : undefined;
        if (!cert)
            return authPK(username, key, keyAlgo, cbSign);
        // ssh2 passes the signature algorithm it chose (rsa-sha2-256 for RSA), or none for one-algorithm keys.
        sendCertificateRequest(protocol, username, cert, keyAlgo ?? cert.keyType, cbSign);
    };
}
/** SSH_MSG_USERAUTH_REQUEST for "publickey" (RFC 4252 section 7), without the signature. */
function publickeyRequest(username, algorithm, publicKey, signed) {
    return Buffer.concat([
        Buffer.of(MSG_USERAUTH_REQUEST),
        sshString(username),
        sshString('ssh-connection'),
        sshString('publickey'),
        Buffer.of(signed ? 1 : 0),
        sshString(algorithm),
        sshString(publicKey),
    ]);
}
function sendCertificateRequest(protocol, username, cert, algorithm, cbSign) {
    const request = publickeyRequest(username, `${algorithm}${CERT_SUFFIX}`, cert.blob, cbSign !== undefined);
    if (!cbSign)
        return send(protocol, request);
    cbSign(Buffer.concat([sshString(protocol._kex.sessionID), request]), (signature) => {
        const wire = convertSignature(signature, cert.keyType);
        if (wire === false)
            throw new Error('Error while converting handshake signature');
        // The signature blob names the plain algorithm: sshd checks it against the certified key's type.
        send(protocol, Buffer.concat([request, sshString(Buffer.concat([sshString(algorithm), sshString(wire)]))]));
    });
}
/** Sends payload as ssh2's own authPK does. */
function send(protocol, payload) {
    const writer = protocol._packetRW.write;
    const packet = writer.alloc(payload.length);
    packet.set(payload, writer.allocStart);
    // Replies to user-auth requests are told apart by what was asked.
    protocol._authsQueue.push('publickey');
    sendPacket(protocol, writer.finalize(packet));
}
function sshString(value) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
}
/** Reads SSH wire types (RFC 4251 section 5) from a buffer. */
class WireReader {
    bytes;
    offset = 0;
    constructor(bytes) {
        this.bytes = bytes;
    }
    get done() {
        return this.offset >= this.bytes.length;
    }
    uint32() {
        return this.take(4).readUInt32BE();
    }
    uint64() {
        return this.take(8).readBigUInt64BE();
    }
    string() {
        return this.take(this.uint32());
    }
    take(size) {
        if (this.offset + size > this.bytes.length)
            throw new Error('ssh: short read');
        const slice = this.bytes.subarray(this.offset, this.offset + size);
        this.offset += size;
        return slice;
    }
}

;// CONCATENATED MODULE: ./build/communicator/ssh/connect.js







// ssh2 is CommonJS: Node's ESM loader sees only its default export.
const { Client, utils: connect_utils } = lib;
/** The server refused every credential offered; counts against ssh_handshake_attempts. */
class AuthenticationError extends Error {
}
/**
 * Connects to config.ssh_host (through the bastion when one is set), retrying
 * with backoff until ssh_timeout passes or the signal aborts, as Packer's
 * StepConnectSSH does. Authentication failures are retried up to
 * ssh_handshake_attempts times. With `once`, a failed attempt is final.
 */
async function connectSsh(config, signal, connectOptions = {}) {
    const port = config.ssh_port ?? SSH_DEFAULTS.port;
    const target = sshTarget(config.ssh_username, config.ssh_host, port);
    const agentSock = process.env['SSH_AUTH_SOCK'];
    const agentForward = !config.ssh_disable_agent_forwarding && Boolean(agentSock);
    const endpoint = {
        host: config.ssh_host,
        port,
        username: config.ssh_username,
        ...(await authMethods(target, config.ssh_username, {
            password: config.ssh_password,
            privateKeyFile: config.ssh_private_key_file,
            privateKey: config.ssh_private_key,
            certificateFile: config.ssh_certificate_file,
            agent: config.ssh_agent_auth ? agentSock : undefined,
            agentWanted: config.ssh_agent_auth,
        })),
    };
    const bastion = await bastionEndpoint(config, agentSock);
    const options = {
        keepaliveInterval: config.ssh_keep_alive_interval ?? SSH_DEFAULTS.keepAliveIntervalMs,
        readWriteTimeout: config.ssh_read_write_timeout ?? 0,
        agent: agentForward ? agentSock : undefined,
    };
    const maxAuthAttempts = config.ssh_handshake_attempts ?? SSH_DEFAULTS.handshakeAttempts;
    let authFailures = 0;
    try {
        const { client, bastionClient } = connectOptions.once
            ? await connectOnce(endpoint, bastion, options, signal ?? new AbortController().signal)
            : await waitFor({
                what: `SSH on ${target}${bastion ? ` through ${sshTarget(bastion.username, bastion.host, bastion.port)}` : ''}`,
                timeoutMs: config.ssh_timeout ?? SSH_DEFAULTS.timeoutMs,
                signal,
                retryable: (error) => !(error instanceof AuthenticationError) || ++authFailures < maxAuthAttempts,
            }, (attemptSignal) => connectOnce(endpoint, bastion, options, attemptSignal));
        let closed = false;
        client.once('close', () => {
            closed = true;
        });
        return {
            client,
            target,
            agentForward,
            get closed() {
                return closed;
            },
            close: () => {
                client.end();
                bastionClient?.end();
            },
        };
    }
    catch (error) {
        if (error instanceof AuthenticationError) {
            throw new communicator/* CommunicatorError */.y(target, 'Packer experienced an authentication error when trying to connect via SSH. This can happen if your ' +
                'username/password are wrong. You may want to double-check your credentials as part of your ' +
                `debugging process. original error: ${error.message}`, { cause: error });
        }
        if (error instanceof WaitTimeoutError)
            throw new communicator/* CommunicatorError */.y(target, error.message, { cause: error });
        throw error;
    }
}
/**
 * The ssh2 auth methods for one login, in Packer's order: agent, keys,
 * password. With a certificate file, every private key logs in with it.
 */
async function authMethods(target, username, creds) {
    const methods = [];
    const certificate = creds.certificateFile ? await readCertificate(target, creds.certificateFile) : undefined;
    if (creds.agentWanted) {
        if (!creds.agent)
            throw new communicator/* CommunicatorError */.y(target, 'SSH_AUTH_SOCK is not set: no SSH agent to authenticate with');
        methods.push({ type: 'agent', username, agent: creds.agent });
    }
    const keys = [];
    if (creds.privateKeyFile)
        keys.push(await readKeyFile(target, creds.privateKeyFile));
    if (creds.privateKey)
        keys.push(Buffer.from(creds.privateKey));
    for (const key of keys) {
        const parsed = connect_utils.parseKey(key);
        if (parsed instanceof Error)
            throw new communicator/* CommunicatorError */.y(target, `Error parsing SSH private key: ${parsed.message}`);
        if (certificate) {
            try {
                certifyKey(parsed, certificate);
            }
            catch (error) {
                throw new communicator/* CommunicatorError */.y(target, messageOf(error), { cause: error });
            }
        }
        methods.push({ type: 'publickey', username, key: parsed });
    }
    if (creds.password !== undefined) {
        const password = creds.password;
        methods.push({ type: 'password', username, password });
        methods.push({
            type: 'keyboard-interactive',
            username,
            prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)),
        });
    }
    return { auth: methods, ...(certificate ? { certificate } : {}) };
}
async function readCertificate(target, file) {
    let text;
    try {
        text = await (0,external_node_fs_promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new communicator/* CommunicatorError */.y(target, `unable to read certificate file: ${messageOf(error)}`, { cause: error });
    }
    try {
        return parseCertificate(file, text);
    }
    catch (error) {
        throw new communicator/* CommunicatorError */.y(target, `${file}: ${messageOf(error)}`, { cause: error });
    }
}
async function readKeyFile(target, file) {
    try {
        return await (0,external_node_fs_promises_.readFile)(file);
    }
    catch (error) {
        throw new communicator/* CommunicatorError */.y(target, `Error reading key file ${file}: ${messageOf(error)}`, { cause: error });
    }
}
async function bastionEndpoint(config, agentSock) {
    if (!config.ssh_bastion_host)
        return undefined;
    const port = config.ssh_bastion_port ?? SSH_DEFAULTS.port;
    const username = config.ssh_bastion_username ?? config.ssh_username;
    return {
        host: config.ssh_bastion_host,
        port,
        username,
        ...(await authMethods(sshTarget(username, config.ssh_bastion_host, port), username, {
            password: config.ssh_bastion_password,
            privateKeyFile: config.ssh_bastion_private_key_file ?? config.ssh_private_key_file,
            // Packer's default for the bastion's certificate, as for its key, is the machine's.
            certificateFile: config.ssh_bastion_certificate_file ?? config.ssh_certificate_file,
            agent: config.ssh_bastion_agent_auth ? agentSock : undefined,
            agentWanted: config.ssh_bastion_agent_auth,
        })),
    };
}
async function connectOnce(endpoint, bastion, options, signal) {
    if (!bastion) {
        const sock = await tcpConnect(endpoint.host, endpoint.port, options.readWriteTimeout, signal);
        return { client: await handshake(sock, endpoint, options, signal) };
    }
    const bastionSock = await tcpConnect(bastion.host, bastion.port, options.readWriteTimeout, signal);
    const bastionClient = await handshake(bastionSock, bastion, { ...options, agent: undefined }, signal);
    try {
        const tunnel = await new Promise((resolve, reject) => bastionClient.forwardOut('127.0.0.1', 0, endpoint.host, endpoint.port, (err, stream) => err
            ? reject(new Error(`bastion could not reach ${endpoint.host}:${endpoint.port}: ${err.message}`))
            : resolve(stream)));
        return { client: await handshake(tunnel, endpoint, options, signal), bastionClient };
    }
    catch (error) {
        bastionClient.end();
        throw error;
    }
}
function tcpConnect(host, port, idleTimeout, signal) {
    return new Promise((resolve, reject) => {
        const sock = external_node_net_.connect({ host, port });
        const onAbort = () => sock.destroy(new Error(`connection to ${host}:${port} cancelled`));
        signal.addEventListener('abort', onAbort, { once: true });
        sock.once('connect', () => {
            signal.removeEventListener('abort', onAbort);
            // As Go (and so Packer) does by default: small SSH round trips must not wait for Nagle's 40 ms.
            sock.setNoDelay(true);
            sock.removeListener('error', reject);
            // Packer's ssh_read_write_timeout: drop a connection on which nothing moves for that long.
            if (idleTimeout > 0)
                sock.setTimeout(idleTimeout, () => sock.destroy(new Error('read/write timeout')));
            resolve(sock);
        });
        sock.once('error', (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
function handshake(sock, endpoint, options, signal) {
    return new Promise((resolve, reject) => {
        const client = new Client();
        const onAbort = () => {
            client.end();
            sock.destroy();
            reject(new Error(`SSH handshake with ${endpoint.host}:${endpoint.port} cancelled`));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        client.once('ready', () => {
            signal.removeEventListener('abort', onAbort);
            client.removeAllListeners('error');
            // Later failures surface through the channel that is in use; keep them from crashing the process.
            client.on('error', () => undefined);
            resolve(client);
        });
        client.once('close', () => reject(new Error(`connection to ${endpoint.host}:${endpoint.port} closed during the SSH handshake`)));
        // ssh2 may report a second error ("Connection lost before handshake"); every one needs a listener.
        client.on('error', (error) => {
            signal.removeEventListener('abort', onAbort);
            sock.destroy();
            reject(error.level === 'client-authentication'
                ? new AuthenticationError(`ssh: unable to authenticate as "${endpoint.username}" on ${endpoint.host}:${endpoint.port}, ` +
                    `attempted methods [${['none', ...new Set(endpoint.auth.map((m) => m.type))].join(' ')}]: ${error.message}` +
                    (endpoint.certificate ? refusalHint(endpoint.certificate, endpoint.username) : ''))
                : error);
        });
        const config = {
            sock,
            username: endpoint.username,
            authHandler: [...endpoint.auth],
            readyTimeout: 20_000,
            keepaliveInterval: options.keepaliveInterval > 0 ? options.keepaliveInterval : 0,
            ...(options.agent ? { agent: options.agent, agentForward: true } : {}),
        };
        client.connect(config);
        if (endpoint.certificate)
            enableCertificateLogin(client);
    });
}

;// CONCATENATED MODULE: ./build/communicator/ssh/exec.js
/** Packer's pty request: xterm, 40x80, no echo, 14.4 kbaud. */
const PTY = {
    term: 'xterm',
    rows: 40,
    cols: 80,
    modes: { ECHO: 0, TTY_OP_ISPEED: 14400, TTY_OP_OSPEED: 14400 },
};
function openExec(conn, command, pty = false) {
    const options = {};
    if (pty)
        options.pty = PTY;
    if (conn.agentForward)
        options.agentForward = true;
    return new Promise((resolve, reject) => {
        conn.client.exec(command, options, (err, channel) => {
            if (err) {
                reject(err);
                return;
            }
            let result = { code: null };
            channel.on('exit', (code, signal) => {
                result = signal ? { code: null, signal } : { code };
            });
            const exit = new Promise((done) => channel.once('close', () => done(result)));
            resolve({ channel, exit });
        });
    });
}
/** Single-quotes a path for the remote POSIX shell. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./build/communicator/local-tree.js




// The callback forms, promisified: for thousands of small files they cost a
// fraction of the CPU of node:fs/promises (no FileHandle per file).
const stat = (0,external_node_util_.promisify)(external_node_fs_.stat);
const lstat = (0,external_node_util_.promisify)(external_node_fs_.lstat);
const readFile = (0,external_node_util_.promisify)(external_node_fs_.readFile);
/** Entries stat'ed at once; one at a time, each would wait a whole trip through libuv's thread pool. */
const STAT_BATCH = 64;
/** Files up to this size are read whole, ahead of their turn; larger ones are streamed in their turn. */
const SMALL_FILE = 1024 * 1024;
/** How much read-ahead may hold: files and bytes. */
const AHEAD_FILES = 64;
const AHEAD_BYTES = 16 * 1024 * 1024;
/** Read size for streamed files: fewer, larger reads cost far less CPU than fs's 64 KiB default. */
const STREAM_CHUNK = 1024 * 1024;
/** Go's FileMode.Perm(): Packer sends no setuid, setgid or sticky bit. */
const PERM = 0o777;
/** The mode Packer's scp sends a file that is not regular with (it copies it to a temporary file first). */
const OTHER_FILE_MODE = 0o644;
/**
 * Walks the directory `src` for an upload with Packer's trailing-slash rule:
 * "dir" yields the directory itself first (enter "dir" ... leave), "dir/" only
 * its contents. Symbolic links are followed, as Packer's scp upload does.
 * relPath is slash-separated and relative to the upload's destination;
 * entries whose path relative to src is listed in `exclude` are skipped.
 */
async function* walkUpload(src, exclude = [], order = 'directory') {
    const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
    const root = external_node_path_.resolve(src);
    const info = await stat(root);
    if (!info.isDirectory())
        throw new Error(`${src} is not a directory`);
    if (src.endsWith('/')) {
        yield* walkContents(root, '', '', excluded, order, [dirKey(info)]);
        return;
    }
    const name = external_node_path_.basename(root);
    yield { kind: 'enter', name, relPath: name, mode: info.mode & PERM, link: false, mtime: info.mtime };
    yield* walkContents(root, name, '', excluded, order, [dirKey(info)]);
    yield { kind: 'leave', relPath: name };
}
async function* walkContents(dir, prefix, srcRel, excluded, order, ancestors) {
    const names = [];
    for await (const entry of await (0,external_node_fs_promises_.opendir)(dir))
        names.push(entry.name);
    if (order === 'name')
        names.sort();
    const kept = names.filter((name) => !excluded.has(srcRel ? `${srcRel}/${name}` : name));
    for (let start = 0; start < kept.length; start += STAT_BATCH) {
        const batch = kept.slice(start, start + STAT_BATCH);
        const infos = await Promise.all(batch.map((name) => linkedStat(external_node_path_.join(dir, name))));
        for (const [i, name] of batch.entries()) {
            const { own, info } = infos[i];
            const absPath = external_node_path_.join(dir, name);
            const relPath = prefix ? `${prefix}/${name}` : name;
            if (info.isDirectory()) {
                // A followed link back to an ancestor would make the walk endless.
                if (ancestors.includes(dirKey(info)))
                    throw new Error(`symbolic link loop at ${absPath}`);
                const link = own.isSymbolicLink();
                yield { kind: 'enter', name, relPath, mode: own.mode & PERM, link, mtime: info.mtime };
                const rel = srcRel ? `${srcRel}/${name}` : name;
                yield* walkContents(absPath, relPath, rel, excluded, order, [...ancestors, dirKey(info)]);
                yield { kind: 'leave', relPath };
            }
            else {
                const regular = own.isFile();
                const mode = regular ? own.mode & PERM : OTHER_FILE_MODE;
                yield { kind: 'file', name, relPath, absPath, mode, regular, size: info.size, mtime: info.mtime };
            }
        }
    }
}
/** An entry's own lstat and, for a symbolic link, its target's stat (the entry's own otherwise). */
async function linkedStat(file) {
    const own = await lstat(file);
    return { own, info: own.isSymbolicLink() ? await stat(file) : own };
}
function dirKey(info) {
    return `${info.dev}:${info.ino}`;
}
/**
 * The walk of `src` (see walkUpload) with small files read concurrently
 * ahead of the consumer, in order. Reading thousands of small files one at a
 * time is mostly waiting: open, read and close each take a trip through the
 * thread pool.
 */
async function* walkUploadLoaded(src, exclude = [], order = 'directory') {
    const queue = [];
    let aheadBytes = 0;
    const walk = walkUpload(src, exclude, order);
    let done = false;
    try {
        for (;;) {
            while (!done && queue.length < AHEAD_FILES && aheadBytes < AHEAD_BYTES) {
                const next = await walk.next();
                if (next.done) {
                    done = true;
                    break;
                }
                const event = next.value;
                // Size 0 is also what devices and FIFOs report: those are streamed in their turn, as before.
                if (event.kind === 'file' && event.size > 0 && event.size <= SMALL_FILE) {
                    const data = readFile(event.absPath);
                    // Awaited in its turn; until then a failure must not count as unhandled.
                    data.catch(() => undefined);
                    queue.push({ event, data, size: event.size });
                    aheadBytes += event.size;
                }
                else {
                    queue.push({ event, size: 0 });
                }
            }
            const head = queue.shift();
            if (!head)
                return;
            aheadBytes -= head.size;
            yield head.data ? { event: head.event, data: await head.data } : { event: head.event };
        }
    }
    finally {
        await walk.return(undefined);
    }
}
/** The content of a file of the walk: what was read ahead, or a stream read in large chunks. */
function fileContent(event, data) {
    return data ?? (0,external_node_fs_.createReadStream)(event.absPath, { highWaterMark: STREAM_CHUNK });
}

;// CONCATENATED MODULE: ./build/communicator/ssh/byte-reader.js

/** Pulls bytes, lines and counted runs from a stream, for line-and-count protocols such as scp. */
class ByteReader {
    pending = Buffer.alloc(0);
    chunks;
    constructor(stream) {
        // destroyOnReturn: false keeps the channel open once its output ends, so its exit status still arrives.
        this.chunks = stream.iterator({ destroyOnReturn: false });
    }
    /** The next byte, or null at the end of the stream. */
    async readByte() {
        if (!(await this.fill()))
            return null;
        const byte = this.pending[0] ?? null;
        this.pending = this.pending.subarray(1);
        return byte;
    }
    /** The text up to the next newline (not included), or null at the end of the stream. */
    async readLine() {
        const parts = [];
        while (await this.fill()) {
            const newline = this.pending.indexOf(0x0a);
            if (newline >= 0) {
                parts.push(this.pending.subarray(0, newline));
                this.pending = this.pending.subarray(newline + 1);
                return Buffer.concat(parts).toString('utf8');
            }
            parts.push(this.pending);
            this.pending = Buffer.alloc(0);
        }
        return parts.length > 0 ? Buffer.concat(parts).toString('utf8') : null;
    }
    /** Copies exactly size bytes to output, waiting for it to drain; fails if the stream ends first. */
    async copyTo(output, size) {
        let left = size;
        while (left > 0) {
            if (!(await this.fill()))
                throw new Error(`stream ended ${left} bytes before the end of the file`);
            const piece = this.pending.subarray(0, left);
            this.pending = this.pending.subarray(piece.length);
            left -= piece.length;
            if (!output.write(piece))
                await (0,external_node_events_.once)(output, 'drain');
        }
    }
    /** Reads and drops everything up to the end of the stream, so the channel can close. */
    async drain() {
        this.pending = Buffer.alloc(0);
        while (!(await this.chunks.next()).done)
            ;
    }
    async fill() {
        while (this.pending.length === 0) {
            const next = await this.chunks.next();
            if (next.done)
                return false;
            this.pending = next.value;
        }
        return true;
    }
}

;// CONCATENATED MODULE: ./build/communicator/ssh/scp.js










/* The scp protocol as Packer speaks it: `scp -t` (sink) for uploads, `scp -f` (source) for downloads. */
/** Read size for the spool file: fewer, larger reads cost far less CPU than fs's 64 KiB default. */
const SPOOL_CHUNK = 1024 * 1024;
async function scpUpload(conn, remotePath, input, info, signal) {
    const dir = external_node_path_.posix.dirname(remotePath);
    const name = external_node_path_.posix.basename(remotePath);
    if (info) {
        await scpSession(conn, `scp -vt ${shellQuote(dir)}`, signal, async (channel, reader) => {
            await checkStatus(reader);
            await sendFile(channel, reader, name, input, info);
        });
        return;
    }
    // scp announces the size before the bytes, so an input of unknown length is spooled to disk first.
    const spoolDir = await (0,external_node_fs_promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'kiln-upload-'));
    try {
        const spool = external_node_path_.join(spoolDir, 'data');
        await (0,external_node_stream_promises_.pipeline)(input, (0,external_node_fs_.createWriteStream)(spool));
        const { size } = await (0,external_node_fs_promises_.stat)(spool);
        await scpSession(conn, `scp -vt ${shellQuote(dir)}`, signal, async (channel, reader) => {
            await checkStatus(reader);
            await sendFile(channel, reader, name, (0,external_node_fs_.createReadStream)(spool, { highWaterMark: SPOOL_CHUNK }), {
                mode: 0o644,
                size,
            });
        });
    }
    finally {
        await (0,external_node_fs_promises_.rm)(spoolDir, { recursive: true, force: true });
    }
}
/**
 * Uploads a local directory with `scp -rvt dst`, as Packer does: dst is not
 * created first, so for a missing dst the sink makes "dir" into dst itself and
 * fails on the entries of "dir/".
 */
async function scpUploadDir(conn, dst, src, exclude, signal) {
    await scpSession(conn, `scp -rvt ${shellQuote(dst)}`, signal, async (channel, reader) => {
        await checkStatus(reader); // the sink's "ready"
        for await (const { event, data } of walkUploadLoaded(src, exclude)) {
            if (event.kind === 'enter') {
                await scp_send(channel, `D${octal(event.mode)} 0 ${event.name}\n`);
                await checkStatus(reader);
            }
            else if (event.kind === 'leave') {
                await scp_send(channel, 'E\n');
                await checkStatus(reader);
            }
            else {
                // A file read ahead announces the size it was read with, in case it changed since the walk saw it.
                const info = { mode: event.mode, size: data?.length ?? event.size };
                await sendFile(channel, reader, event.name, fileContent(event, data), info);
            }
        }
    });
}
async function scpDownload(conn, remotePath, output, signal) {
    await scpSession(conn, `scp -vf ${shellQuote(remotePath)}`, signal, async (channel, reader) => {
        await scp_send(channel, '\0');
        const line = await readHeader(reader);
        if (line.startsWith('D'))
            throw new Error('remote file is directory');
        const { size } = parseEntry(line, 'C');
        await scp_send(channel, '\0');
        await reader.copyTo(output, size);
        await checkStatus(reader);
        await scp_send(channel, '\0');
    });
}
/**
 * Downloads a remote directory with `scp -vrf`; as in Packer, the directory
 * itself arrives first, so `src` lands in `dst/<basename of src>`.
 */
async function scpDownloadDir(conn, src, dst, exclude, signal) {
    const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
    await scpSession(conn, `scp -vrf ${globQuote(src)}`, signal, async (channel, reader) => {
        const stack = [];
        let skipDepth = 0; // inside an excluded directory: read entries, write nothing
        await scp_send(channel, '\0');
        for (;;) {
            const line = await reader.readLine();
            if (line === null)
                return;
            if (line.startsWith('\x01') || line.startsWith('\x02'))
                throw new Error(line.slice(1));
            if (line === 'E') {
                stack.pop();
                if (skipDepth > 0)
                    skipDepth--;
                await scp_send(channel, '\0');
                continue;
            }
            const entry = parseEntry(line, line.startsWith('D') ? 'D' : 'C');
            // Below src itself: the path an exclude entry names.
            const rel = [...stack.slice(1), entry.name].join('/');
            const skip = skipDepth > 0 || (stack.length > 0 && excluded.has(rel));
            const local = external_node_path_.join(dst, ...stack, entry.name);
            if (line.startsWith('D')) {
                if (skip)
                    skipDepth++;
                else
                    await (0,external_node_fs_promises_.mkdir)(local, { recursive: true, mode: entry.mode });
                stack.push(entry.name);
                await scp_send(channel, '\0');
                continue;
            }
            await scp_send(channel, '\0');
            const out = skip ? discard() : (0,external_node_fs_.createWriteStream)(local, { mode: entry.mode });
            // A file that cannot be created fails here; later, copyTo would wait for a 'drain' that never comes.
            if (!skip)
                await (0,external_node_events_.once)(out, 'open');
            await reader.copyTo(out, entry.size);
            out.end();
            await (0,external_node_stream_promises_.finished)(out);
            await checkStatus(reader);
            await scp_send(channel, '\0');
        }
    });
}
/** Runs one scp command, drives it with body, and turns a failed exit into an error with scp's stderr. */
async function scpSession(conn, command, signal, body) {
    signal?.throwIfAborted();
    const { channel, exit } = await openExec(conn, command);
    let stderr = '';
    channel.stderr.on('data', (chunk) => {
        // scp -v is chatty; keep the tail, where the reason for a failure is.
        stderr = (stderr + chunk.toString('utf8')).slice(-4096);
    });
    const onAbort = () => channel.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const reader = new ByteReader(channel);
        try {
            await body(channel, reader);
        }
        catch (error) {
            channel.close();
            // The sink's own messages already start with "scp: ".
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`${message.startsWith('scp: ') ? '' : 'scp: '}${message}${stderrNote(stderr)}`, {
                cause: error,
            });
        }
        channel.end();
        await reader.drain();
        const result = await exit;
        signal?.throwIfAborted();
        if (result.code === 127) {
            throw new Error('SCP failed to start. This usually means that SCP is not\nproperly installed on the remote system.');
        }
        if (result.code !== 0) {
            throw new Error(`scp exited with ${result.signal ? `signal ${result.signal}` : `status ${result.code}`}${stderrNote(stderr)}`);
        }
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
    }
}
function stderrNote(stderr) {
    const lines = stderr
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('Executing:') && !l.startsWith('Sink:') && !l.startsWith('Sending'));
    return lines.length ? ` (${lines.slice(-3).join('; ')})` : '';
}
async function sendFile(channel, reader, name, input, info) {
    await scp_send(channel, `C${octal(info.mode)} ${info.size} ${name}\n`);
    await checkStatus(reader);
    let sent = 0;
    const chunks = Buffer.isBuffer(input) ? [input] : input;
    for await (const chunk of chunks) {
        sent += chunk.length;
        if (sent > info.size)
            throw new Error(`${name}: input is longer than its announced ${info.size} bytes`);
        await scp_send(channel, chunk);
    }
    if (sent < info.size)
        throw new Error(`${name}: input ended after ${sent} of ${info.size} bytes`);
    await scp_send(channel, '\0');
    await checkStatus(reader);
}
async function scp_send(channel, data) {
    if (!channel.write(data))
        await (0,external_node_events_.once)(channel, 'drain');
}
/** Reads scp's one-byte reply: 0 is success, 1 and 2 are followed by a message line. */
async function checkStatus(reader) {
    const code = await reader.readByte();
    if (code === null)
        throw new Error('connection closed before scp replied');
    if (code !== 0)
        throw new Error((await reader.readLine()) ?? `scp replied with status ${code}`);
}
async function readHeader(reader) {
    const line = await reader.readLine();
    if (line === null || line === '')
        throw new Error('empty response from server');
    if (line.startsWith('\x01') || line.startsWith('\x02'))
        throw new Error(line.slice(1));
    return line;
}
function parseEntry(line, kind) {
    const match = /^[CD]([0-7]{4}) (\d+) (.+)$/.exec(line);
    if (!match || line[0] !== kind)
        throw new Error(`unexpected server response (${JSON.stringify(line)})`);
    const name = match[3] ?? '';
    if (name.includes('/') || name === '.' || name === '..')
        throw new Error(`unsafe name in server response: ${name}`);
    return { mode: parseInt(match[1] ?? '0', 8), size: Number(match[2]), name };
}
/** Quotes a path for the remote shell but leaves glob characters active: Packer downloads `dir/*` this way. */
function globQuote(text) {
    return text
        .split(/([*?[\]])/)
        .map((part, i) => (i % 2 === 1 || part === '' ? part : shellQuote(part)))
        .join('');
}
/** The permission bits only, as Go's FileMode.Perm() that Packer sends. */
function octal(mode) {
    return (mode & 0o777).toString(8).padStart(4, '0');
}
function discard() {
    return new external_node_stream_.Writable({ write: (_chunk, _enc, done) => done() });
}

;// CONCATENATED MODULE: ./build/communicator/ssh/sftp.js





/**
 * The SSH packet size SFTP write requests are cut to fit (OpenSSH's channel
 * packet size), the bytes of a WRITE request besides its data and handle, and
 * how many requests may be unanswered at once (2 MiB, the channel window;
 * OpenSSH's sftp and ssh2's fastPut send 64 requests of 32 KiB too).
 */
const PACKET = 32 * 1024;
const WRITE_OVERHEAD = 4 + 1 + 4 + 4 + 8 + 4; // length, type, id, handle length, offset, data length
const IN_FLIGHT = 64;
async function withSftp(conn, body) {
    const sftp = await new Promise((resolve, reject) => conn.client.sftp((err, session) => (err ? reject(err) : resolve(session))));
    try {
        return await body(sftp);
    }
    finally {
        sftp.end();
    }
}
/** Writes input to remotePath with pipelined requests; chmods it when the source's mode is known, as Packer does. */
async function sftpUpload(sftp, remotePath, input, info) {
    const handle = await call((cb) => sftp.open(remotePath, 'w', cb));
    try {
        await writePipelined(sftp, handle, input);
    }
    finally {
        await call((cb) => sftp.close(handle, (err) => cb(err)));
    }
    if (info)
        await call((cb) => sftp.chmod(remotePath, info.mode & 0o777, (err) => cb(err)));
}
/**
 * Sends input as WRITE requests, keeping up to IN_FLIGHT of them unanswered
 * (one counter and one waiter, not a promise per request). Each request is
 * sized to fill one SSH packet exactly: ssh2 sends every request as packets of
 * its own, so a request of 32 KiB of data would cost a full packet and a
 * 29-byte one, and the cost of a packet (encryption, padding, a socket write)
 * hardly depends on its size. Input chunks are joined or cut to that size.
 */
async function writePipelined(sftp, handle, input) {
    const size = PACKET - WRITE_OVERHEAD - handle.length;
    let inFlight = 0;
    let failure;
    let wake;
    const answered = (err) => {
        inFlight--;
        failure ??= err ?? undefined;
        wake?.();
    };
    const settle = (limit) => new Promise((resolve) => {
        wake = () => {
            if (inFlight <= limit || failure)
                resolve();
        };
        wake();
    });
    let position = 0;
    const send = async (piece) => {
        sftp.write(handle, piece, 0, piece.length, position, answered);
        position += piece.length;
        inFlight++;
        if (inFlight >= IN_FLIGHT)
            await settle(IN_FLIGHT - 1);
        if (failure)
            throw failure;
    };
    let partial; // the tail of the last chunk, short of a full request
    try {
        for await (const chunk of input) {
            let offset = 0;
            if (partial) {
                offset = Math.min(size - partial.length, chunk.length);
                partial = Buffer.concat([partial, chunk.subarray(0, offset)]);
                if (partial.length < size)
                    continue;
                await send(partial);
                partial = undefined;
            }
            for (; offset + size <= chunk.length; offset += size)
                await send(chunk.subarray(offset, offset + size));
            if (offset < chunk.length)
                partial = chunk.subarray(offset);
        }
        if (partial)
            await send(partial);
    }
    finally {
        await settle(0);
    }
    if (failure)
        throw failure;
}
async function sftpDownload(sftp, remotePath, output) {
    await (0,external_node_stream_promises_.pipeline)(sftp.createReadStream(remotePath), output, { end: false });
}
/**
 * Packer's sftpUploadDirSession: walk src, mkdir + chmod directories, upload
 * files (chmod when regular). dst is not created: "dir" goes to dst/dir,
 * whose parent must exist, "dir/" into dst, which must exist unless dst is
 * not in Go's clean form (e.g. "new/"): then it is made and chmodded like a
 * directory of the walk. Linked directories are followed (Packer's upload
 * fails on them) and made without chmod.
 */
async function sftpUploadDir(sftp, dst, src, exclude) {
    const root = await sftpRootMode(dst, src);
    if (root !== undefined)
        await sftpMkdir(sftp, goClean(dst), root);
    for await (const { event, data } of walkUploadLoaded(src, exclude, 'name')) {
        const remote = external_node_path_.posix.join(dst, event.relPath);
        if (event.kind === 'enter') {
            await sftpMkdir(sftp, remote, event.link ? undefined : event.mode);
        }
        else if (event.kind === 'file') {
            const content = fileContent(event, data);
            const input = Buffer.isBuffer(content) ? external_node_stream_.Readable.from([content]) : content;
            await sftpUpload(sftp, remote, input, event.regular ? event : undefined);
        }
    }
}
/**
 * The mode Packer's sftp upload of "dir/" gives dst itself, when it does: its
 * walk maps src to Go's path.Clean(dst) and skips that only when it equals dst.
 */
async function sftpRootMode(dst, src) {
    if (!src.endsWith('/') || goClean(dst) === dst)
        return undefined;
    return (await (0,external_node_fs_promises_.stat)(src)).mode & 0o777;
}
/** Go's path.Clean: normalized, without a trailing slash. */
function goClean(p) {
    const normal = external_node_path_.posix.normalize(p);
    return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}
/** Packer's sftpMkdir: one level, an existing directory is fine; then chmod when a mode is given. */
async function sftpMkdir(sftp, dir, mode) {
    try {
        await call((cb) => sftp.mkdir(dir, (err) => cb(err)));
    }
    catch (error) {
        const existing = await call((cb) => sftp.lstat(dir, cb)).catch(() => undefined);
        if (!existing?.isDirectory())
            throw error;
    }
    if (mode !== undefined)
        await call((cb) => sftp.chmod(dir, mode, (err) => cb(err)));
}
/** Adapts one ssh2 callback-style call to a promise. */
function call(start) {
    return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./build/communicator/ssh/tar.js








/** Probes for GNU tar; undefined when the remote has another tar or none. */
async function probeRemoteTar(conn) {
    const { channel, exit } = await openExec(conn, 'tar --version 2>/dev/null | head -n 1; umask');
    let stdout = '';
    channel.on('data', (chunk) => (stdout += chunk.toString('utf8')));
    channel.stderr.resume();
    channel.end();
    await exit;
    const [version = '', umask = ''] = stdout.trim().split('\n');
    return version.startsWith('tar (GNU tar)') && /^[0-7]{1,4}$/.test(umask) ? { umask: parseInt(umask, 8) } : undefined;
}
/**
 * Whether the tar stream gives what Packer's transfer would: dst must be an
 * existing directory (where it is missing, scp and sftp each do something of
 * their own), and for scp none of the upload's top-level names may exist in
 * it, since scp's sink keeps an existing file's mode and writes through a
 * link, which no tar option combines with keeping directories as they are.
 */
async function tarFits(conn, dst, src, method) {
    const { channel, exit } = await openExec(conn, `cd ${shellQuote(dst)} && ls -A`);
    let listing = '';
    channel.on('data', (chunk) => (listing += chunk.toString('utf8')));
    channel.stderr.resume();
    channel.end();
    if ((await exit).code !== 0)
        return false;
    if (method === 'sftp')
        return true;
    // One name a line: a name with a newline shows as several, which can only make this answer no.
    const existing = new Set(listing.split('\n'));
    const names = src.endsWith('/') ? await (0,external_node_fs_promises_.readdir)(src) : [external_node_path_.basename(external_node_path_.resolve(src))];
    return !names.some((n) => existing.has(n) || n.includes('\n'));
}
/**
 * Extraction flags: modes exactly as sent (Kiln applies the umask where
 * Packer's transfer would), owned by the login user, mtimes of the upload.
 * scp's sink leaves an existing directory's mode and a link to a directory
 * alone (see tarFits for files); Packer's sftp upload chmods existing
 * directories and files and writes through links.
 */
const TAR_FLAGS = {
    scp: '-x -m -p --no-same-owner --no-overwrite-dir --keep-directory-symlink',
    sftp: '-x -m -p --no-same-owner --overwrite --dereference',
};
/**
 * Uploads a local directory as one tar stream unpacked by the remote's GNU
 * tar into dst (where tarFits) with the layout and modes Packer's upload
 * over `method` gives (see entryMode). Small files are read ahead,
 * large ones streamed in their turn.
 */
async function tarUploadDir(conn, dst, src, exclude, method, remote, signal) {
    signal?.throwIfAborted();
    const { channel, exit } = await openExec(conn, `tar -C ${shellQuote(dst)} ${TAR_FLAGS[method]} -f -`);
    let stderr = '';
    channel.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
    channel.resume();
    const onAbort = () => channel.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const archive = (0,tar_stream.pack)();
        const sent = (0,external_node_stream_promises_.pipeline)(archive, coalesce(), channel);
        try {
            const root = method === 'sftp' ? await sftpRootMode(dst, src) : undefined;
            if (root !== undefined)
                archive.entry({ name: './', type: 'directory', mode: root });
            for await (const { event, data } of walkUploadLoaded(src, exclude)) {
                if (event.kind === 'leave')
                    continue;
                const mode = entryMode(event, method, remote.umask);
                if (event.kind === 'enter') {
                    archive.entry({ name: `${event.relPath}/`, type: 'directory', mode, mtime: event.mtime });
                }
                else {
                    const header = { name: event.relPath, size: event.size, mode, mtime: event.mtime };
                    const content = fileContent(event, data);
                    if (Buffer.isBuffer(content))
                        await addEntry(archive, header, content);
                    else
                        await (0,external_node_stream_promises_.pipeline)(content, archive.entry(header));
                }
            }
            archive.finalize();
        }
        catch (error) {
            archive.destroy(error instanceof Error ? error : new Error(String(error)));
            throw error;
        }
        finally {
            await sent.catch(() => undefined);
        }
        const result = await exit;
        signal?.throwIfAborted();
        if (result.code !== 0) {
            const detail = stderr.trim() ? `: ${stderr.trim()}` : '';
            throw new Error(`tar upload to ${dst} exited with ${result.signal ? `signal ${result.signal}` : `status ${result.code}`}${detail}`);
        }
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
    }
}
/**
 * The mode an entry ends up with after Packer's upload: scp's sink creates
 * everything with the sent mode less the umask; Packer's sftp upload chmods
 * regular files and directories to their own modes and leaves the rest (what
 * a link leads to) as the sftp server creates them, under the umask.
 */
function entryMode(event, method, umask) {
    if (method === 'scp')
        return event.mode & ~umask;
    if (event.kind === 'enter')
        return event.link ? 0o777 & ~umask : event.mode;
    return event.regular ? event.mode : 0o666 & ~umask;
}
/** Adds a file held in memory; resolves once the archive has taken it, so packing keeps to the channel's pace. */
function addEntry(archive, header, content) {
    return new Promise((resolve, reject) => archive.entry(header, content, (err) => (err ? reject(err) : resolve())));
}
/** Bytes gathered before a write to the channel. */
const WRITE_CHUNK = 256 * 1024;
/**
 * Joins the archive's small pieces (a 512-byte header, a 4 KiB file, its
 * padding ...) into large writes: ssh2 sends every channel write as at least
 * one SSH packet, so a tree of small files would otherwise cost thousands of
 * tiny packets, each encrypted and written to the socket on its own.
 */
function coalesce() {
    let parts = [];
    let bytes = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            parts.push(chunk);
            bytes += chunk.length;
            if (bytes >= WRITE_CHUNK) {
                this.push(Buffer.concat(parts, bytes));
                parts = [];
                bytes = 0;
            }
            done();
        },
        flush(done) {
            if (bytes > 0)
                this.push(Buffer.concat(parts, bytes));
            done();
        },
    });
}

;// CONCATENATED MODULE: ./build/communicator/ssh/communicator.js







/** How long a cancelled command's kill may take before the cancellation is reported anyway. */
const KILL_TIMEOUT_MS = 3000;
/**
 * sshd ignores signal requests on root logins (they run without privilege
 * separation) and leaves a command without a pty running when its channel
 * closes. So a second session on the same connection kills the process group
 * of every other command the connection's sshd process runs (each is a
 * session leader). Matching the cancelled command by its argv is not reliable:
 * the login shell may exec it in place. Best effort: failures are not reported.
 */
async function killCommand(conn) {
    const script = [
        'for d in /proc/[0-9]*; do',
        '  p=${d#/proc/}',
        `  [ "$p" != "$$" ] && [ "$(sed -n 's/^PPid:[[:space:]]*//p' "$d/status" 2>/dev/null)" = "$PPID" ] &&`,
        '    kill -KILL -- "-$p" 2>/dev/null',
        'done',
        'true',
    ].join('\n');
    const timeout = new Promise((resolve) => setTimeout(resolve, KILL_TIMEOUT_MS).unref());
    const kill = (async () => {
        const { channel, exit } = await openExec(conn, script);
        channel.resume();
        channel.stderr.resume();
        channel.end();
        await exit;
    })();
    await Promise.race([kill.catch(() => undefined), timeout]);
}
class AbortError extends Error {
    name = 'AbortError';
    constructor(message, reason) {
        super(message, { cause: reason });
    }
}
/**
 * Packer's SSH communicator over ssh2: commands on exec channels, files over
 * scp (default) or sftp. Like Packer's, it connects again (one attempt) when a
 * session cannot be opened because the connection died, e.g. across a reboot.
 */
class SshCommunicator {
    conn;
    config;
    options;
    /** The remote's GNU tar once probed; false when it has none. */
    remoteTar;
    reconnecting;
    constructor(conn, config, options) {
        this.conn = conn;
        this.config = config;
        this.options = options;
    }
    /** Connects, retrying until ssh_timeout or the signal; see connectSsh. */
    static async connect(config, signal, options = {}) {
        const method = config.ssh_file_transfer_method ?? 'scp';
        if (method !== 'scp' && method !== 'sftp') {
            throw new communicator/* CommunicatorError */.y(config.ssh_host, `ssh_file_transfer_method must be "scp" or "sftp", got "${method}"`);
        }
        return new SshCommunicator(await connectSsh(config, signal), config, options);
    }
    get target() {
        return this.conn.target;
    }
    get sftp() {
        return this.config.ssh_file_transfer_method === 'sftp';
    }
    async start(cmd, signal) {
        signal?.throwIfAborted();
        const { conn, channel, exit } = await this.guard(`start "${cmd.command}"`, () => this.openSession(async (conn) => ({ conn, ...(await openExec(conn, cmd.command, this.config.ssh_pty)) }), signal));
        // On abort, have the command killed and stop waiting for it to end.
        let onAbort = () => undefined;
        const aborted = new Promise((_resolve, reject) => {
            onAbort = () => {
                channel.signal('KILL');
                channel.close();
                const error = new AbortError(`Cancelled "${cmd.command}" on ${conn.target}`, signal?.reason);
                void killCommand(conn).then(() => reject(error));
            };
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted)
            onAbort(); // aborted while the session was opening
        try {
            if (cmd.stdout)
                channel.pipe(cmd.stdout, { end: false });
            else
                channel.resume();
            if (cmd.stderr)
                channel.stderr.pipe(cmd.stderr, { end: false });
            else
                channel.stderr.resume();
            if (cmd.stdin)
                cmd.stdin.pipe(channel);
            else
                channel.end();
            const result = await Promise.race([exit, aborted]);
            if (signal?.aborted)
                await aborted;
            if (result.signal)
                return { exitStatus: -1, signal: result.signal };
            return { exitStatus: result.code ?? communicator/* CMD_DISCONNECT */._ };
        }
        finally {
            signal?.removeEventListener('abort', onAbort);
            if (cmd.stdin)
                cmd.stdin.unpipe(channel);
        }
    }
    upload(path, input, fileInfo, signal) {
        return this.guard(`upload to ${path}`, async () => {
            const conn = await this.liveConnection(signal);
            return this.sftp
                ? withSftp(conn, (sftp) => sftpUpload(sftp, path, input, fileInfo))
                : scpUpload(conn, path, input, fileInfo, signal);
        });
    }
    uploadDir(dst, src, exclude = [], signal) {
        return this.guard(`upload of directory ${src} to ${dst}`, async () => {
            const conn = await this.liveConnection(signal);
            if (this.options.tarDirectories !== false) {
                this.remoteTar ??= (await probeRemoteTar(conn)) ?? false;
                const tar = this.remoteTar;
                const method = this.sftp ? 'sftp' : 'scp';
                if (tar && (await tarFits(conn, dst, src, method))) {
                    return tarUploadDir(conn, dst, src, exclude, method, tar, signal);
                }
            }
            return this.sftp
                ? withSftp(conn, (sftp) => sftpUploadDir(sftp, dst, src, exclude))
                : scpUploadDir(conn, dst, src, exclude, signal);
        });
    }
    download(path, output, signal) {
        return this.guard(`download of ${path}`, async () => {
            const conn = await this.liveConnection(signal);
            return this.sftp
                ? withSftp(conn, (sftp) => sftpDownload(sftp, path, output))
                : scpDownload(conn, path, output, signal);
        });
    }
    /** Always over scp, as Packer's DownloadDir, whatever ssh_file_transfer_method says. */
    downloadDir(src, dst, exclude = [], signal) {
        return this.guard(`download of directory ${src} to ${dst}`, async () => {
            const conn = await this.liveConnection(signal);
            return scpDownloadDir(conn, src, dst, exclude, signal);
        });
    }
    async close() {
        this.conn.close();
    }
    /**
     * Packer's newSession: open a session; when that fails, connect again and
     * open it once more. A connection already known dead is replaced first.
     */
    async openSession(open, signal) {
        if (!this.conn.closed) {
            try {
                return await open(this.conn);
            }
            catch (error) {
                if (signal?.aborted)
                    throw error;
            }
        }
        await this.reconnect(signal);
        return open(this.conn);
    }
    /**
     * The connection file transfers run on: their sessions are opened inside
     * the transfer, after its input is consumed, so a dead connection is
     * replaced before they start rather than on a failed open.
     */
    async liveConnection(signal) {
        if (this.conn.closed)
            await this.reconnect(signal);
        return this.conn;
    }
    /** Packer's comm.reconnect: close the old connection and make one new attempt with the same config. */
    reconnect(signal) {
        this.reconnecting ??= (async () => {
            this.conn.close();
            this.conn = await connectSsh(this.config, signal, { once: true });
        })().finally(() => {
            this.reconnecting = undefined;
        });
        return this.reconnecting;
    }
    /** Runs an operation, turning its failure into a CommunicatorError that names the host and the operation. */
    async guard(what, run) {
        try {
            return await run();
        }
        catch (error) {
            if (error instanceof communicator/* CommunicatorError */.y || (error instanceof Error && error.name === 'AbortError'))
                throw error;
            throw new communicator/* CommunicatorError */.y(this.conn.target, `${what} failed: ${messageOf(error)}`, { cause: error });
        }
    }
}

// EXTERNAL MODULE: ./build/components/provision-hook.js
var provision_hook = __webpack_require__(2084);
// EXTERNAL MODULE: ./build/components/go-duration-string.js
var go_duration_string = __webpack_require__(22400);
// EXTERNAL MODULE: ./build/components/common/provision-hook-data.js
var provision_hook_data = __webpack_require__(30455);
;// CONCATENATED MODULE: ./build/components/common/step-connect.js







function stepConnect(config, context, target) {
    const type = config.communicator || 'ssh';
    return {
        name: 'StepConnect',
        async run(state, signal) {
            const where = target(state);
            if (type === 'none') {
                // Packer returns before storing communicator_config: no Host, User ... for provisioners.
                const instance = where.instanceId !== undefined ? { instanceId: where.instanceId } : {};
                state.hook = {
                    communicator: new none/* NoneCommunicator */.k(),
                    generatedData: (0,provision_hook_data/* populateProvisionHookData */.ts)({ runUuid: context.runUuid, ...instance }),
                };
                return 'continue';
            }
            if (type !== 'ssh')
                throw new Error(`communicator type ${JSON.stringify(type)} is not implemented by Kiln yet`);
            context.ui.say(`Using SSH communicator to connect: ${where.host}`);
            const sshConfig = toSshConfig(config, where);
            state.communicator = await connect(sshConfig, context, signal);
            if (config.pause_before_connecting) {
                context.ui.say(`Pausing ${(0,go_duration_string/* goDurationString */.g)(config.pause_before_connecting)} before connecting...`);
                await (0,provision_hook/* abortableDelay */.s)(config.pause_before_connecting, signal);
                await state.communicator.close();
                state.communicator = undefined;
                state.communicator = await connect(sshConfig, context, signal);
            }
            state.hook = { communicator: state.communicator, generatedData: sshHookData(config, where, context.runUuid) };
            return 'continue';
        },
        async cleanup(state) {
            await state.communicator?.close();
            state.communicator = undefined;
        },
    };
}
async function connect(config, context, signal) {
    context.ui.say('Waiting for SSH to become available...');
    try {
        const communicator = await SshCommunicator.connect(config, signal);
        context.ui.say('Connected to SSH!');
        return communicator;
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        context.ui.error(`Error waiting for SSH: ${messageOf(error)}`);
        throw error;
    }
}
/** The communicator settings (communicator.Config with the builder's host, port and keys) for ssh2. */
function toSshConfig(c, where) {
    const optional = (key, value) => value === undefined || value === '' ? {} : { [key]: value };
    return {
        ssh_host: where.host,
        ssh_port: where.port ?? (c.ssh_port || SSH_DEFAULTS.port),
        ssh_username: c.ssh_username ?? '',
        ...optional('ssh_password', c.ssh_password),
        ...optional('ssh_private_key_file', c.ssh_private_key_file),
        ...optional('ssh_private_key', where.privateKey),
        ...optional('ssh_certificate_file', c.ssh_certificate_file),
        ...optional('ssh_agent_auth', c.ssh_agent_auth),
        ...optional('ssh_disable_agent_forwarding', c.ssh_disable_agent_forwarding),
        ...optional('ssh_pty', c.ssh_pty),
        // ssh_wait_timeout is the older name; Packer copies it over when ssh_timeout is unset.
        ...optional('ssh_timeout', c.ssh_timeout || c.ssh_wait_timeout || undefined),
        ...optional('ssh_handshake_attempts', c.ssh_handshake_attempts || undefined),
        ...optional('ssh_keep_alive_interval', c.ssh_keep_alive_interval || undefined),
        ...optional('ssh_read_write_timeout', c.ssh_read_write_timeout || undefined),
        ...optional('ssh_file_transfer_method', c.ssh_file_transfer_method),
        ...optional('ssh_bastion_host', c.ssh_bastion_host),
        ...optional('ssh_bastion_port', c.ssh_bastion_port || undefined),
        ...optional('ssh_bastion_username', c.ssh_bastion_username),
        ...optional('ssh_bastion_password', c.ssh_bastion_password),
        ...optional('ssh_bastion_private_key_file', c.ssh_bastion_private_key_file),
        ...optional('ssh_bastion_certificate_file', c.ssh_bastion_certificate_file),
        ...optional('ssh_bastion_agent_auth', c.ssh_bastion_agent_auth),
    };
}
function sshHookData(c, where, runUuid) {
    const settings = {
        type: 'ssh',
        host: where.host,
        port: where.port ?? (c.ssh_port || SSH_DEFAULTS.port),
        user: c.ssh_username ?? '',
        password: c.ssh_password ?? '',
        sshPublicKey: where.publicKey ?? '',
        sshPrivateKey: where.privateKey ?? '',
        sshPrivateKeyFile: c.ssh_private_key_file ?? '',
        sshAgentAuth: c.ssh_agent_auth ?? false,
        winrmPassword: c.winrm_password ?? '',
    };
    const instance = where.instanceId !== undefined ? { instanceId: where.instanceId } : {};
    return (0,provision_hook_data/* populateProvisionHookData */.ts)({ runUuid, ...instance, communicator: settings });
}


/***/ }),

/***/ 36075:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ stepProvision)
/* harmony export */ });
/* harmony import */ var _provision_hook_data_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30455);

function stepProvision(context) {
    return {
        name: 'StepProvision',
        provision: true,
        async run(state, signal) {
            try {
                await context.provision(signal, hookData(state, context));
            }
            catch (thrown) {
                if (signal.aborted)
                    return 'halt';
                state.error = thrown instanceof Error ? thrown : new Error(String(thrown));
                throw state.error;
            }
            return 'continue';
        },
        async cleanup(state) {
            if (!state.error)
                return;
            context.ui.say('Provisioning step had errors: Running the cleanup provisioner, if present...');
            try {
                await context.cleanupProvision(context.signal, hookData(state, context));
            }
            catch (thrown) {
                const message = thrown instanceof Error ? thrown.message : String(thrown);
                const wrapped = new Error(`Cleanup failed: ${message}. Original Provisioning error: ${state.error.message}`);
                state.error = wrapped;
                throw wrapped;
            }
        },
    };
}
/** The builder's hook data, or what Packer populates for a builder that set none. */
function hookData(state, context) {
    return state.hook ?? { generatedData: (0,_provision_hook_data_js__WEBPACK_IMPORTED_MODULE_0__/* .populateProvisionHookData */ .ts)({ runUuid: context.runUuid }) };
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


/***/ })

};
