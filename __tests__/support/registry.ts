import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { waitFor } from '../../src/communicator/waiter.js';

/*
 * A real Docker registry (Debian's docker-registry, distribution 2.x) on a
 * loopback address, storing into a temp dir removed by stop(). dockerd
 * pushes to loopback registries over plain HTTP without configuration.
 */

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface Registry {
  /** host:port, the prefix of the registry's image names. */
  readonly address: string;
  /** The tags of a repository, from GET /v2/<name>/tags/list; [] for an unknown repository. */
  tags(name: string): Promise<string[]>;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Require this user and password (htpasswd, bcrypt). */
  readonly user?: { readonly name: string; readonly password: string };
}

export function registryInstalled(): boolean {
  return existsSync(REGISTRY_BINARY);
}

export async function startRegistry(host: string, port: number, options: RegistryOptions = {}): Promise<Registry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiln-registry-'));
  const address = `${host}:${port}`;
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: path.join(dir, 'data') } },
    http: { addr: address },
  };
  const headers: Record<string, string> = {};
  if (options.user) {
    const htpasswd = path.join(dir, 'htpasswd');
    writeFileSync(htpasswd, `${options.user.name}:${bcrypt.hashSync(options.user.password, 6)}\n`);
    config.auth = { htpasswd: { realm: 'kiln-test', path: htpasswd } };
    headers.authorization = `Basic ${Buffer.from(`${options.user.name}:${options.user.password}`).toString('base64')}`;
  }
  // JSON is YAML: the registry reads it as its config file.
  const configFile = path.join(dir, 'config.yml');
  writeFileSync(configFile, JSON.stringify(config));
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const base = `http://${address}/v2/`;
  try {
    await waitFor({ what: `docker-registry on ${address}`, timeoutMs: 10_000 }, async () => {
      if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
      const response = await fetch(base, { headers });
      if (!response.ok) throw new Error(`GET /v2/ answered ${response.status}`);
    });
  } catch (error) {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    address,
    async tags(name) {
      const response = await fetch(`${base}${name}/tags/list`, { headers });
      if (response.status === 404) return [];
      if (!response.ok) throw new Error(`GET /v2/${name}/tags/list answered ${response.status}`);
      const body = (await response.json()) as { tags?: string[] | null };
      return [...(body.tags ?? [])].sort();
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  // A child ended by a signal has a signalCode and no exitCode.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
