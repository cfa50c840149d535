import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoTemplateError } from '../gotemplate/errors.js';
import { parseGoTemplate, renderGoTemplate } from '../gotemplate/render.js';
import { interpolateContext, type LegacyEnvironment } from './context.js';
import { isJsonObject, parseGoJson } from './go-json.js';
import type { LegacyTemplate } from './model.js';

/*
 * User variables of a legacy template: values from -var-file (FlagJSON) and
 * -var, where -var wins (command/meta.go Core), then every variable rendered
 * as core.renderVarsRecursively does, `env` allowed and `{{ .Field }}` left alone.
 */

/** os.Open's error text for a missing or unreadable file. */
function openError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : String((e as Error).message);
  return `open ${file}: ${reason}`;
}

/** kvflag.FlagJSON.Set for each file in order: a JSON object of strings, later files overriding. */
export function readVarFiles(files: readonly string[], cwd: string): { vars: Map<string, string> } | { error: string } {
  const vars = new Map<string, string>();
  for (const file of files) {
    let src: Buffer;
    try {
      src = readFileSync(path.resolve(cwd, file));
    } catch (e) {
      return { error: openError(file, e) };
    }
    const fail = (err: string) => ({ error: `Error reading variables in '${file}': ${err}` });
    const json = parseGoJson(src, true);
    if ('error' in json) {
      if (json.error.message !== 'unexpected end of JSON input') return fail(json.error.message);
      return fail(src.toString().trim() === '' ? 'EOF' : 'unexpected EOF');
    }
    const value = json.value;
    if (value === null) continue;
    if (!isJsonObject(value))
      return fail(`json: cannot unmarshal ${jsonKind(value)} into Go value of type map[string]string`);
    let typeError: string | undefined;
    for (const [k, v] of value) {
      if (typeof v === 'string' || v === null) vars.set(k, v ?? '');
      else typeError ??= `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`;
    }
    if (typeError) return fail(typeError);
  }
  return { vars };
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** -var values (the last of a repeated name wins), then var-file values for names -var did not give. */
export function cliVariables(vars: readonly (readonly [string, string])[], fileVars: ReadonlyMap<string, string>) {
  const out = new Map<string, string>(vars.map(([k, v]) => [k, v]));
  for (const [k, v] of fileVars) if (!out.has(k)) out.set(k, v);
  return out;
}

/** Matches what Packer's ErrVariableNotSetString errors say. */
const NOT_SET = 'Error: variable not set:';
/** `{{ .Field }}` is left for later (RenderRegex's filter). */
const DEFERRED = /{{(\s|)\.(.*?)(\s|)}}/g;
/** A `user` call with a backquoted name means the value may change on the next pass. */
const USES_USER = /{{\s*user\s*`.*`\s*}}/;

type RenderOutcome = { ok: string } | { notSet: string } | { fatal: string };

function renderOnce(
  value: string,
  key: string,
  e: LegacyEnvironment,
  userVariables: Readonly<Record<string, string>>,
): RenderOutcome {
  const held: string[] = [];
  const masked = value.replace(DEFERRED, (m) => {
    held.push(m);
    return `\ue000kiln-deferred-${held.length - 1}\ue001`;
  });
  const parsed = parseGoTemplate(masked, 'root', ['env', 'pwd']);
  if (!parsed.template) return { fatal: `error interpolating default value for '${key}': ${parsed.error?.message}` };
  try {
    const out = renderGoTemplate(parsed.template, interpolateContext(e, { userVariables, enableEnv: true }));
    return { ok: out.replace(/\ue000kiln-deferred-(\d+)\ue001/g, (_m, i: string) => held[Number(i)]!) };
  } catch (err) {
    if (!(err instanceof GoTemplateError)) throw err;
    return err.message.includes(NOT_SET) ? { notSet: err.message } : { fatal: err.message };
  }
}

/**
 * core.renderVarsRecursively: renders defaults (overridden by `cli` values) in
 * key order, retrying those waiting for another variable, up to 100 passes.
 * Returns the final user variables (the CLI values plus every rendered one).
 */
export function renderVariables(
  template: LegacyTemplate,
  cli: ReadonlyMap<string, string>,
  e: LegacyEnvironment,
): { vars: Record<string, string> } | { error: string } {
  const variables: Record<string, string> = Object.fromEntries(cli);
  const values = new Map<string, string>();
  const keys: string[] = [];
  for (const [k, v] of template.variables) {
    values.set(k, v.default);
    keys.push(k);
  }
  for (const [k, v] of cli) {
    values.set(k, v);
    keys.push(k);
  }
  // Keys given both ways appear twice, as in Packer; rendering one twice is harmless.
  let pending = keys.sort().map((k) => [k, values.get(k)!] as const);
  let userVariables: Record<string, string> = {};
  let changed = false;
  let retry = false;
  let failed = '';
  for (let i = 0; i < 100; i++) {
    retry = false;
    changed = false;
    const done = new Set<string>();
    for (const [key, value] of pending) {
      const r = renderOnce(value, key, e, userVariables);
      if ('fatal' in r) return { error: r.fatal };
      if ('notSet' in r) {
        retry = true;
        failed = `"${key}": "${value}"; error: ${r.notSet}`;
        continue;
      }
      changed = true;
      variables[key] = r.ok;
      userVariables = variables;
      if (USES_USER.test(value)) retry = true;
      else done.add(key);
    }
    if (!retry) break;
    pending = pending.filter(([k]) => !done.has(k));
  }
  if (!changed && retry) {
    return {
      error:
        `Failed to interpolate ${failed}: Please make sure that the variable you're referencing has been defined; ` +
        'Packer treats all variables used to interpolate other user variables as required.',
    };
  }
  return { vars: variables };
}
