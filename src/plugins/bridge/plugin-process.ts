import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { createInterface, type Interface } from 'node:readline';
import type { Readable } from 'node:stream';
import { goQuote } from '../../hcl/quote.js';
import { MuxBroker } from './broker.js';
import { parseHandshake, type PluginAddress } from './handshake.js';
import { RemoteError, RpcClient } from './rpc/client.js';

/*
 * Starts a plugin binary as Packer does (packer/plugin_client.go): the magic
 * cookie and port range in its environment, one handshake line on stdout, then
 * one connection carrying a yamux session. The process is killed on every
 * failure path and when the host is done with it; none outlives the host.
 */

export const MAGIC_COOKIE_KEY = 'PACKER_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** How to run one plugin component. */
export interface PluginCommand {
  readonly path: string;
  readonly args: readonly string[];
  /** Names the plugin in errors and log lines: "packer-builder-null". */
  readonly name: string;
}

export interface LaunchOptions {
  /** Packer waits a minute for the handshake line. */
  readonly startTimeoutMs?: number;
  /** Receives the plugin's stderr lines (its log), for the debug log. */
  readonly log?: (line: string) => void;
  /** Environment of the plugin; the host's by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory of the plugin (relative paths in its config resolve against it); the host's by default. */
  readonly cwd?: string;
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
/** Lines of the plugin's stderr quoted when it fails to start. */
const STDERR_TAIL = 10;
/** How long a dead plugin's pipes may take to deliver their last lines. */
const PIPE_DRAIN_MS = 500;

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A started plugin: its main RPC service (stream 0) and its broker for callbacks. */
export class PluginProcess {
  readonly name: string;
  readonly pid: number;
  readonly broker: MuxBroker;
  readonly rpc: RpcClient;
  /** Aborted once the process has exited or its connection has closed: nothing it was serving goes on. */
  readonly ended: AbortSignal;
  readonly #child: ChildProcess;
  readonly #exited: Promise<string>;

  constructor(name: string, child: ChildProcess, exited: Promise<string>, broker: MuxBroker, rpc: RpcClient) {
    this.name = name;
    this.pid = child.pid ?? -1;
    this.#child = child;
    this.#exited = exited;
    this.broker = broker;
    this.rpc = rpc;
    const ended = new AbortController();
    this.ended = ended.signal;
    void exited.then((how) => ended.abort(new Error(`plugin ${name} ${how}`)));
    void broker.session.closed.then((error) => ended.abort(error));
  }

  /** Calls a method of the plugin's main service; a dead plugin gives an error naming it. */
  call(method: string, args: unknown, timeoutMs?: number): Promise<unknown> {
    return this.callOn(this.rpc, method, args, timeoutMs);
  }

  /** Calls `method` through `client` (a service on a broker stream of this plugin). */
  async callOn(client: RpcClient, method: string, args: unknown, timeoutMs?: number): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      if (timeoutMs === undefined) return;
      timer = setTimeout(
        () => reject(new Error(`plugin ${this.name} did not answer ${method} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([client.call(method, args), timeout]);
    } catch (error) {
      if (error instanceof RemoteError) throw error;
      throw await this.#explain(error, method);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Opens an RPC client on broker stream `id` (a service the plugin serves there). */
  async dialClient(id: number): Promise<RpcClient> {
    return new RpcClient(await this.broker.dial(id), `plugin ${this.name}`);
  }

  /** Kills the plugin (SIGKILL, as Packer's Kill) and resolves once it is reaped. */
  async kill(): Promise<void> {
    this.broker.close();
    await killChild(this.#child, this.#exited);
  }

  async #explain(error: unknown, method: string): Promise<Error> {
    const message = error instanceof Error ? error.message : String(error);
    // A closed connection usually means the process died: say how, when it did so promptly.
    const how = await Promise.race([this.#exited, delay(500).then(() => undefined)]);
    if (how === undefined) return error instanceof Error ? error : new Error(message);
    // Its stderr is in the debug log already; the error only says what happened.
    return new Error(`plugin ${this.name} ${how} during ${method}`);
  }
}

/** Starts `command`, reads its handshake and connects; kills it again on any failure. */
export async function launchPlugin(command: PluginCommand, options: LaunchOptions = {}): Promise<PluginProcess> {
  installExitHook();
  // Packer's line (packer/plugin_client.go), the argv as Go's %#v prints a []string.
  const argv = [command.path, ...command.args].map(goQuote).join(', ');
  options.log?.(`Starting plugin: ${command.path} []string{${argv}}`);
  const [file, args] = withParentDeathSignal(command);
  const child = spawn(file, args, {
    env: {
      ...(options.env ?? process.env),
      [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
      PACKER_PLUGIN_MIN_PORT: '10000',
      PACKER_PLUGIN_MAX_PORT: '25000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  live.add(child);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(signal === null ? `exited with status ${code ?? 0}` : `was killed by ${signal}`);
    });
    child.once('error', (error) => {
      live.delete(child);
      resolve(`could not be started: ${error.message}`);
    });
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > STDERR_TAIL) stderr.shift();
    options.log?.(`${command.name} plugin: ${line}`);
  });
  const stdoutLines = createInterface({ input: child.stdout! });

  let socket: Socket | undefined;
  try {
    const line = await firstLine(stdoutLines, exited, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    // Later stdout lines are the plugin's business; keep the pipe drained.
    stdoutLines.on('line', (text) => options.log?.(`${command.name} plugin stdout: ${text}`));
    const address = parseHandshake(line);
    socket = await connectTo(address);
    const broker = new MuxBroker(socket);
    const rpc = new RpcClient(await broker.dial(0), `plugin ${command.name}`);
    return new PluginProcess(command.name, child, exited, broker, rpc);
  } catch (error) {
    socket?.destroy();
    await killChild(child, exited);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Failed to start plugin ${command.name}: ${message}${tail(stderr)}`, { cause: error });
  }
}

function firstLine(lines: Interface, exited: Promise<string>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout while waiting for plugin to start')), timeoutMs);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`plugin exited before we could connect (it ${how})`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
}

function connectTo(address: PluginAddress): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket =
      address.network === 'unix' ? connect(address.path) : connect({ host: address.host, port: address.port });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/**
 * SIGKILLs the plugin and closes its pipes: a process it started (a wrapper
 * script's child) may still hold them, and open pipes would keep Kiln alive.
 */
async function killChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
  // The last lines of its log first, unless something else holds the pipes open.
  await Promise.race([pipesClosed(child), delay(PIPE_DRAIN_MS)]);
  child.stdout?.destroy();
  child.stderr?.destroy();
  child.unref();
}

function pipesClosed(child: ChildProcess): Promise<unknown> {
  const pipes = [child.stdout, child.stderr].filter((pipe): pipe is Readable => pipe !== null && !pipe.closed);
  return Promise.all(pipes.map((pipe) => once(pipe, 'close')));
}

/** util-linux's setpriv, on every Debian and Ubuntu machine. */
const SETPRIV = '/usr/bin/setpriv';
let setprivAvailable: boolean | undefined;

/**
 * On Linux a plugin is started through `setpriv --pdeathsig KILL` (prctl
 * PR_SET_PDEATHSIG, kept across its exec): the kernel kills it when Kiln dies
 * by any means, SIGKILL included, where the exit hook below cannot run.
 * Plugins do not exit by themselves when their host goes away.
 */
function withParentDeathSignal(command: PluginCommand): [string, string[]] {
  setprivAvailable ??= process.platform === 'linux' && isExecutable(SETPRIV);
  if (!setprivAvailable || !isExecutable(command.path)) return [command.path, [...command.args]];
  return [SETPRIV, ['--pdeathsig', 'KILL', '--', command.path, ...command.args]];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // The last resort: whatever path ends the host, no plugin is left behind.
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

function tail(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `\nPlugin output:\n${lines.join('\n')}`;
}

/** A wait that does not keep Kiln alive: a race already won must not hold the exit back. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
