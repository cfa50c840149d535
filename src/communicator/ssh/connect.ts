import { readFile } from 'node:fs/promises';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import ssh2, { type AnyAuthMethod, type Client as SshClient, type ConnectConfig } from 'ssh2';
import { CommunicatorError } from '../communicator.js';
import { messageOf, waitFor, WaitTimeoutError } from '../waiter.js';
import {
  certifyKey,
  enableCertificateLogin,
  parseCertificate,
  refusalHint,
  type UserCertificate,
} from './certificate.js';
import { SSH_DEFAULTS, sshTarget, type SshConfig } from './config.js';

// ssh2 is CommonJS: Node's ESM loader sees only its default export.
const { Client, utils } = ssh2;

/** A logged-in SSH client, with the bastion connection it runs through, if any. */
export interface SshConnection {
  client: SshClient;
  /** "user@host:port" of the machine. */
  target: string;
  /** Whether commands should ask for the local agent to be forwarded. */
  agentForward: boolean;
  /** True once the connection has ended; sessions can no longer be opened on it. */
  readonly closed: boolean;
  close(): void;
}

export interface ConnectOptions {
  /**
   * Make one attempt instead of retrying until ssh_timeout, as the SSH
   * communicator's reconnect does (Packer's comm.reconnect).
   */
  once?: boolean;
}

interface Endpoint {
  host: string;
  port: number;
  username: string;
  auth: AnyAuthMethod[];
  /** The certificate the private keys log in with (ssh_certificate_file). */
  certificate?: UserCertificate;
}

/** The server refused every credential offered; counts against ssh_handshake_attempts. */
class AuthenticationError extends Error {}

/**
 * Connects to config.ssh_host (through the bastion when one is set), retrying
 * with backoff until ssh_timeout passes or the signal aborts, as Packer's
 * StepConnectSSH does. Authentication failures are retried up to
 * ssh_handshake_attempts times. With `once`, a failed attempt is final.
 */
export async function connectSsh(
  config: SshConfig,
  signal?: AbortSignal,
  connectOptions: ConnectOptions = {},
): Promise<SshConnection> {
  const port = config.ssh_port ?? SSH_DEFAULTS.port;
  const target = sshTarget(config.ssh_username, config.ssh_host, port);
  const agentSock = process.env['SSH_AUTH_SOCK'];
  const agentForward = !config.ssh_disable_agent_forwarding && Boolean(agentSock);
  const endpoint: Endpoint = {
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
  const options: HandshakeOptions = {
    keepaliveInterval: config.ssh_keep_alive_interval ?? SSH_DEFAULTS.keepAliveIntervalMs,
    readWriteTimeout: config.ssh_read_write_timeout ?? 0,
    agent: agentForward ? agentSock : undefined,
  };

  const maxAuthAttempts = config.ssh_handshake_attempts ?? SSH_DEFAULTS.handshakeAttempts;
  let authFailures = 0;
  try {
    const { client, bastionClient } = connectOptions.once
      ? await connectOnce(endpoint, bastion, options, signal ?? new AbortController().signal)
      : await waitFor(
          {
            what: `SSH on ${target}${bastion ? ` through ${sshTarget(bastion.username, bastion.host, bastion.port)}` : ''}`,
            timeoutMs: config.ssh_timeout ?? SSH_DEFAULTS.timeoutMs,
            signal,
            retryable: (error) => !(error instanceof AuthenticationError) || ++authFailures < maxAuthAttempts,
          },
          (attemptSignal) => connectOnce(endpoint, bastion, options, attemptSignal),
        );
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
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new CommunicatorError(
        target,
        'Packer experienced an authentication error when trying to connect via SSH. This can happen if your ' +
          'username/password are wrong. You may want to double-check your credentials as part of your ' +
          `debugging process. original error: ${error.message}`,
        { cause: error },
      );
    }
    if (error instanceof WaitTimeoutError) throw new CommunicatorError(target, error.message, { cause: error });
    throw error;
  }
}

interface Credentials {
  password?: string;
  privateKeyFile?: string;
  privateKey?: string | Buffer;
  certificateFile?: string;
  agent?: string;
  agentWanted?: boolean;
}

/**
 * The ssh2 auth methods for one login, in Packer's order: agent, keys,
 * password. With a certificate file, every private key logs in with it.
 */
async function authMethods(
  target: string,
  username: string,
  creds: Credentials,
): Promise<Pick<Endpoint, 'auth' | 'certificate'>> {
  const methods: AnyAuthMethod[] = [];
  const certificate = creds.certificateFile ? await readCertificate(target, creds.certificateFile) : undefined;
  if (creds.agentWanted) {
    if (!creds.agent)
      throw new CommunicatorError(target, 'SSH_AUTH_SOCK is not set: no SSH agent to authenticate with');
    methods.push({ type: 'agent', username, agent: creds.agent });
  }
  const keys: Buffer[] = [];
  if (creds.privateKeyFile) keys.push(await readKeyFile(target, creds.privateKeyFile));
  if (creds.privateKey) keys.push(Buffer.from(creds.privateKey));
  for (const key of keys) {
    const parsed = utils.parseKey(key);
    if (parsed instanceof Error)
      throw new CommunicatorError(target, `Error parsing SSH private key: ${parsed.message}`);
    if (certificate) {
      try {
        certifyKey(parsed, certificate);
      } catch (error) {
        throw new CommunicatorError(target, messageOf(error), { cause: error });
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

async function readCertificate(target: string, file: string): Promise<UserCertificate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CommunicatorError(target, `unable to read certificate file: ${messageOf(error)}`, { cause: error });
  }
  try {
    return parseCertificate(file, text);
  } catch (error) {
    throw new CommunicatorError(target, `${file}: ${messageOf(error)}`, { cause: error });
  }
}

async function readKeyFile(target: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new CommunicatorError(target, `Error reading key file ${file}: ${messageOf(error)}`, { cause: error });
  }
}

async function bastionEndpoint(config: SshConfig, agentSock: string | undefined): Promise<Endpoint | undefined> {
  if (!config.ssh_bastion_host) return undefined;
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

interface HandshakeOptions {
  keepaliveInterval: number;
  readWriteTimeout: number;
  agent: string | undefined;
}

async function connectOnce(
  endpoint: Endpoint,
  bastion: Endpoint | undefined,
  options: HandshakeOptions,
  signal: AbortSignal,
): Promise<{ client: SshClient; bastionClient?: SshClient }> {
  if (!bastion) {
    const sock = await tcpConnect(endpoint.host, endpoint.port, options.readWriteTimeout, signal);
    return { client: await handshake(sock, endpoint, options, signal) };
  }
  const bastionSock = await tcpConnect(bastion.host, bastion.port, options.readWriteTimeout, signal);
  const bastionClient = await handshake(bastionSock, bastion, { ...options, agent: undefined }, signal);
  try {
    const tunnel = await new Promise<Duplex>((resolve, reject) =>
      bastionClient.forwardOut('127.0.0.1', 0, endpoint.host, endpoint.port, (err, stream) =>
        err
          ? reject(new Error(`bastion could not reach ${endpoint.host}:${endpoint.port}: ${err.message}`))
          : resolve(stream),
      ),
    );
    return { client: await handshake(tunnel, endpoint, options, signal), bastionClient };
  } catch (error) {
    bastionClient.end();
    throw error;
  }
}

function tcpConnect(host: string, port: number, idleTimeout: number, signal: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    const onAbort = () => sock.destroy(new Error(`connection to ${host}:${port} cancelled`));
    signal.addEventListener('abort', onAbort, { once: true });
    sock.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      // As Go (and so Packer) does by default: small SSH round trips must not wait for Nagle's 40 ms.
      sock.setNoDelay(true);
      sock.removeListener('error', reject);
      // Packer's ssh_read_write_timeout: drop a connection on which nothing moves for that long.
      if (idleTimeout > 0) sock.setTimeout(idleTimeout, () => sock.destroy(new Error('read/write timeout')));
      resolve(sock);
    });
    sock.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

function handshake(
  sock: Duplex,
  endpoint: Endpoint,
  options: HandshakeOptions,
  signal: AbortSignal,
): Promise<SshClient> {
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
    client.once('close', () =>
      reject(new Error(`connection to ${endpoint.host}:${endpoint.port} closed during the SSH handshake`)),
    );
    // ssh2 may report a second error ("Connection lost before handshake"); every one needs a listener.
    client.on('error', (error: Error & { level?: string }) => {
      signal.removeEventListener('abort', onAbort);
      sock.destroy();
      reject(
        error.level === 'client-authentication'
          ? new AuthenticationError(
              `ssh: unable to authenticate as "${endpoint.username}" on ${endpoint.host}:${endpoint.port}, ` +
                `attempted methods [${['none', ...new Set(endpoint.auth.map((m) => m.type))].join(' ')}]: ${error.message}` +
                (endpoint.certificate ? refusalHint(endpoint.certificate, endpoint.username) : ''),
            )
          : error,
      );
    });
    const config: ConnectConfig = {
      sock,
      username: endpoint.username,
      authHandler: [...endpoint.auth],
      readyTimeout: 20_000,
      keepaliveInterval: options.keepaliveInterval > 0 ? options.keepaliveInterval : 0,
      ...(options.agent ? { agent: options.agent, agentForward: true } : {}),
    };
    client.connect(config);
    if (endpoint.certificate) enableCertificateLogin(client);
  });
}
