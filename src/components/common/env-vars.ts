import { sprintf } from '../../template/gotemplate/fmt.js';
import {
  HTTP_ADDR_NOT_IMPLEMENTED,
  HTTP_IP_NOT_IMPLEMENTED,
  HTTP_PORT_NOT_IMPLEMENTED,
} from './provision-hook-data.js';
import type { GeneratedData } from '../runtime.js';

/*
 * createFlattenedEnvVars of the remote shell provisioner (with its
 * escapeEnvVars) and of the SDK's shell-local, which build the same string:
 * Packer's own variables, the HTTP server's address when the builder has one, then
 * environment_vars and env (later ones win), single quotes escaped so they
 * survive the default '%s' format, sorted by name, each put through
 * env_var_format with Go's Sprintf.
 */

export interface EnvVarSources {
  readonly buildName: string;
  readonly builderType: string;
  readonly generatedData: GeneratedData;
  readonly environmentVars?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

const HTTP_VARS: readonly (readonly [string, string, string])[] = [
  ['PACKER_HTTP_ADDR', 'PackerHTTPAddr', HTTP_ADDR_NOT_IMPLEMENTED],
  ['PACKER_HTTP_IP', 'PackerHTTPIP', HTTP_IP_NOT_IMPLEMENTED],
  ['PACKER_HTTP_PORT', 'PackerHTTPPort', HTTP_PORT_NOT_IMPLEMENTED],
];

const escapeQuotes = (value: string) => value.replaceAll("'", `'"'"'`);

/** The variables by name, values escaped, in sorted order. */
export function escapedEnvVars(sources: EnvVarSources): [string, string][] {
  const vars = new Map<string, string>([
    ['PACKER_BUILD_NAME', sources.buildName],
    ['PACKER_BUILDER_TYPE', sources.builderType],
  ]);
  for (const [name, key, notImplemented] of HTTP_VARS) {
    const value = sources.generatedData[key];
    if (value !== undefined && value !== notImplemented) vars.set(name, String(value));
  }
  for (const entry of sources.environmentVars ?? []) {
    const eq = entry.indexOf('=');
    vars.set(entry.slice(0, eq), escapeQuotes(entry.slice(eq + 1)));
  }
  for (const [key, value] of Object.entries(sources.env ?? {})) vars.set(key, escapeQuotes(value));
  return [...vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every variable through env_var_format, concatenated. */
export function flattenEnvVars(format: string, sources: EnvVarSources): string {
  return escapedEnvVars(sources)
    .map(([key, value]) => sprintf(format, [key, value]))
    .join('');
}
