import { execFile } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pluginCommand } from '../../../src/plugins/bridge/command.js';
import type { PluginCommand } from '../../../src/plugins/bridge/plugin-process.js';
import { EventBus, type BuildUi } from '../../../src/core/events.js';

/* Real plugin processes for the bridge tests: Packer 1.6.6 runs each built-in component as a plugin. */

const run = promisify(execFile);

/** `packer plugin packer-KIND-NAME`: a built-in component of Packer 1.6.6 as a plugin process. */
export function packerPlugin(name: string): PluginCommand {
  return { path: 'packer', args: ['plugin', name], name };
}

/** A single-component plugin binary as Packer installs one: a one-line script named packer-KIND-NAME. */
export async function installedPlugin(dir: string, name: string): Promise<PluginCommand> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\nexec packer plugin ${name} "$@"\n`);
  await chmod(path, 0o755);
  return pluginCommand(path);
}

/** A script that is not a plugin, for the launch failure paths. */
export async function script(dir: string, name: string, body: string): Promise<PluginCommand> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return { path, args: [], name };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kiln-bridge-'));
}

/** Processes this test process started that still exist (zombies included): must be none after each test. */
export async function childProcesses(): Promise<string[]> {
  try {
    const { stdout } = await run('pgrep', ['-a', '-P', String(process.pid)]);
    return stdout.split('\n').filter((line) => line !== '');
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface RecordedUi extends BuildUi {
  readonly lines: string[];
}

export function recordingUi(): RecordedUi {
  const lines: string[] = [];
  return {
    lines,
    say: (text) => void lines.push(`say: ${text}`),
    message: (text) => void lines.push(`message: ${text}`),
    error: (text) => void lines.push(`error: ${text}`),
  };
}

export function logBus(): { bus: EventBus; logs: string[] } {
  const bus = new EventBus();
  const logs: string[] = [];
  bus.subscribe((event) => {
    if (event.type === 'log') logs.push(event.message);
  });
  return { bus, logs };
}
