import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';

/*
 * Without `login`, the plugin's `docker push` runs with an empty temporary
 * client configuration unless DOCKER_CONFIG is set, in which case the
 * credentials stored there by `docker login` are used. This reads the
 * plain "auths" entries of $DOCKER_CONFIG/config.json for the registry of a
 * reference; credential helpers (credsStore, credHelpers) are not run.
 */

const DOCKER_HUB = 'https://index.docker.io/v1/';

interface StoredEntry {
  readonly auth?: string;
  readonly identitytoken?: string;
}

interface ConfigFile {
  readonly auths?: Readonly<Record<string, StoredEntry>>;
}

/** The registry a reference names: its first component when that looks like a host, else Docker Hub. */
export function registryOf(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return DOCKER_HUB;
  const first = reference.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost' ? first : DOCKER_HUB;
}

/** registry.ConvertToHostname: "https://host:5000/v1/" -> "host:5000". */
function hostname(key: string): string {
  const bare = key.replace(/^https?:\/\//, '');
  return bare.split('/')[0] ?? bare;
}

export async function storedAuth(
  reference: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Docker.AuthConfigObject | undefined> {
  const dir = env.DOCKER_CONFIG;
  if (!dir) return undefined;
  let config: ConfigFile;
  try {
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as ConfigFile;
  } catch {
    // The docker CLI treats a missing or unreadable configuration as one without credentials.
    return undefined;
  }
  const registry = registryOf(reference);
  const entry = Object.entries(config.auths ?? {}).find(([key]) => hostname(key) === hostname(registry))?.[1];
  if (!entry) return undefined;
  if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress: registry };
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: registry };
}
