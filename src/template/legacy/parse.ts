import { MultiError } from './errors.js';
import { highlightPosition, isJsonObject, parseGoJson, type JsonObject, type JsonValue } from './go-json.js';
import { goKindName } from './go-values.js';
import { errorText, MapDecoder, matchField, T, type GoType } from './mapstructure.js';
import type { LegacyBuilder, LegacyPostProcessor, LegacyProvisioner, LegacyTemplate, LegacyVariable } from './model.js';

/*
 * The SDK's template.Parse / ParseFile (template/parse.go): the JSON document
 * decoded into rawTemplate, root keys checked, then turned into a Template with
 * every problem gathered as one multierror. Messages are Packer's.
 */

export type ParseResult = { readonly template: LegacyTemplate } | { readonly error: string };

/** rawTemplate's fields: the key mapstructure matches (tag, else Go field name) and type. */
const ROOT_FIELDS: readonly (readonly [string, GoType])[] = [
  ['min_packer_version', T.string],
  ['Description', T.string],
  ['builders', T.slice(T.any)],
  ['Comments', T.slice(T.map(T.string))],
  ['Push', T.map(T.any)],
  ['post-processors', T.slice(T.any)],
  ['Provisioners', T.slice(T.any)],
  ['error-cleanup-provisioner', T.any],
  ['Variables', T.map(T.any)],
  ['sensitive-variables', T.slice(T.string)],
];

type Root = Map<string, unknown>;

/** Parses template text (ParseFile's error wording included); `path` is the absolute template path. */
export function parseLegacyTemplate(src: Buffer, path: string): ParseResult {
  const json = parseGoJson(src);
  if ('error' in json) {
    const { line, col, highlight } = highlightPosition(src, json.error.offset);
    return {
      error: `Error parsing JSON: ${json.error.message}\nAt line ${line}, column ${col} (offset ${json.error.offset}):\n${highlight}`,
    };
  }
  if (json.duplicate !== undefined) return { error: `template has duplicate field: ${json.duplicate}` };
  const raw = json.value;
  if (!isJsonObject(raw)) return { error: `'' expected a map, got '${goKindName(raw)}'` };

  const decoder = new MapDecoder({ weak: false });
  const root: Root = new Map();
  const used = new Set<string>();
  for (const [field, type] of ROOT_FIELDS) {
    const key = matchField(
      [...raw.keys()].filter((k) => !used.has(k)),
      field,
    );
    if (key === undefined) continue;
    used.add(key);
    const d = decoder.decode(field, raw.get(key) ?? null, type);
    if (d.ok && d.value !== undefined) root.set(field, d.value);
  }
  if (decoder.errors.length > 0) return { error: errorText(decoder.errors) };

  const comments = new Map<string, string>();
  for (const c of (root.get('Comments') as Map<string, string>[] | undefined) ?? []) {
    for (const [k, v] of c) comments.set(k, v);
  }
  const unknown: string[] = [];
  for (const key of [...raw.keys()].filter((k) => !used.has(k)).sort()) {
    if (key.startsWith('_')) {
      const value = raw.get(key);
      if (typeof value !== 'string') {
        return { error: `Failed to cast root level comment value in comment "${key}" to string.` };
      }
      comments.set(key, value);
      continue;
    }
    unknown.push(`Unknown root level key in template: '${key}'`);
  }
  if (unknown.length > 0) return { error: new MultiError(unknown).text() };
  return buildTemplate(root, comments, path);
}

function buildTemplate(root: Root, comments: Map<string, string>, path: string): ParseResult {
  const errs: string[] = [];
  const sensitive = (root.get('sensitive-variables') as string[] | undefined) ?? [];

  const variables = new Map<string, LegacyVariable>();
  const sensitiveVariables: string[] = [];
  for (const [key, rawV] of (root.get('Variables') as Map<string, JsonValue> | undefined) ?? []) {
    const d = new MapDecoder({ weak: false });
    const decoded = d.decode('', rawV, T.string);
    if (!decoded.ok) {
      errs.push(`variable ${key}: ${d.errors[0]}`);
      continue;
    }
    if (sensitive.includes(key)) sensitiveVariables.push(key);
    variables.set(key, { key, default: (decoded.value as string | undefined) ?? '', required: rawV === null });
  }

  const builders = new Map<string, LegacyBuilder>();
  ((root.get('builders') as JsonValue[] | undefined) ?? []).forEach((rawB, i) => {
    const b = decodeBuilder(rawB);
    if ('error' in b) errs.push(`builder ${i + 1}: ${b.error}`);
    else if (builders.has(b.name)) errs.push(`builder ${i + 1}: builder with name '${b.name}' already exists`);
    else builders.set(b.name, b);
  });

  const postProcessors: LegacyPostProcessor[][] = [];
  ((root.get('post-processors') as JsonValue[] | undefined) ?? []).forEach((v, i) => {
    const configs = postProcessorConfigs(i, v);
    if ('errors' in configs) {
      errs.push(...configs.errors);
      return;
    }
    const chain: LegacyPostProcessor[] = [];
    configs.list.forEach((c, j) => {
      const pp = decodePostProcessor(c);
      if ('error' in pp) errs.push(`post-processor ${i + 1}.${j + 1}: ${pp.error}`);
      else chain.push(pp);
    });
    postProcessors.push(chain);
  });

  const provisioners: LegacyProvisioner[] = [];
  ((root.get('Provisioners') as JsonValue[] | undefined) ?? []).forEach((v, i) => {
    const p = decodeProvisioner(v);
    if ('error' in p) errs.push(`provisioner ${i + 1}: ${p.error}`);
    else provisioners.push(p);
  });

  let cleanupProvisioner: LegacyProvisioner | undefined;
  const rawCleanup = root.get('error-cleanup-provisioner') as JsonValue | undefined;
  if (rawCleanup !== undefined) {
    const p = decodeProvisioner(rawCleanup);
    if ('error' in p) errs.push(`On Error Cleanup Provisioner error: ${p.error}`);
    else cleanupProvisioner = p;
  }

  if (errs.length > 0) return { error: new MultiError(errs).text() };
  return {
    template: {
      path,
      description: (root.get('Description') as string | undefined) ?? '',
      minVersion: (root.get('min_packer_version') as string | undefined) ?? '',
      comments,
      variables,
      sensitiveVariables,
      builders,
      provisioners,
      ...(cleanupProvisioner ? { cleanupProvisioner } : {}),
      postProcessors,
    },
  };
}

/** Decodes the fields of a struct from `raw`, returning the values by field name. */
function decodeStruct(
  raw: JsonValue,
  fields: readonly (readonly [string, GoType])[],
  weak: boolean,
): { values: Map<string, unknown> } | { error: string } {
  if (!isJsonObject(raw)) return { error: `'' expected a map, got '${goKindName(raw)}'` };
  const decoder = new MapDecoder({ weak });
  const values = new Map<string, unknown>();
  for (const [field, type] of fields) {
    const key = matchField([...raw.keys()], field);
    if (key === undefined) continue;
    const d = decoder.decode(field, raw.get(key) ?? null, type);
    if (d.ok && d.value !== undefined) values.set(field, d.value);
  }
  return decoder.errors.length > 0 ? { error: errorText(decoder.errors) } : { values };
}

function without(raw: JsonObject, keys: readonly string[]): JsonObject {
  return new Map([...raw].filter(([k]) => !keys.includes(k)));
}

const BUILDER_FIELDS = [
  ['Name', T.string],
  ['Type', T.string],
  ['Config', T.map(T.any)],
] as const;

function decodeBuilder(raw: JsonValue): LegacyBuilder | { error: string } {
  const d = decodeStruct(raw, BUILDER_FIELDS, true);
  if ('error' in d) return d;
  const type = (d.values.get('Type') as string | undefined) ?? '';
  if (type === '') return { error: "missing 'type'" };
  const name = (d.values.get('Name') as string | undefined) || type;
  return { name, type, config: without(raw as JsonObject, ['name', 'type']) };
}

const PROVISIONER_FIELDS = [
  ['Only', T.slice(T.string)],
  ['Except', T.slice(T.string)],
  ['Type', T.string],
  ['Config', T.map(T.any)],
  ['Override', T.map(T.any)],
  ['pause_before', T.duration],
  ['max_retries', T.string],
  ['timeout', T.duration],
] as const;

function decodeProvisioner(raw: JsonValue): LegacyProvisioner | { error: string } {
  const d = decodeStruct(raw, PROVISIONER_FIELDS, true);
  if ('error' in d) return { error: `Error decoding provisioner: ${d.error}` };
  const v = d.values;
  const type = (v.get('Type') as string | undefined) ?? '';
  if (type === '') return { error: "Provisioner missing 'type'" };
  const override = v.get('Override') as Map<string, JsonValue> | undefined;
  return {
    type,
    only: (v.get('Only') as string[] | undefined) ?? [],
    except: (v.get('Except') as string[] | undefined) ?? [],
    config: without(raw as JsonObject, [
      'except',
      'only',
      'override',
      'pause_before',
      'max_retries',
      'type',
      'timeout',
    ]),
    ...(override ? { override } : {}),
    pauseBeforeMs: (v.get('pause_before') as number | undefined) ?? 0,
    maxRetries: (v.get('max_retries') as string | undefined) ?? '',
    timeoutMs: (v.get('timeout') as number | undefined) ?? 0,
  };
}

/** A post-processor entry is a type name, an object, or a chain of those. */
function postProcessorConfigs(i: number, raw: JsonValue): { list: JsonValue[] } | { errors: string[] } {
  const one = (v: JsonValue): JsonValue => (typeof v === 'string' ? new Map([['type', v]]) : v);
  if (typeof raw === 'string' || isJsonObject(raw)) return { list: [one(raw)] };
  if (!Array.isArray(raw)) return { errors: [`post-processor ${i + 1}: bad format`] };
  const errors: string[] = [];
  raw.forEach((inner, j) => {
    if (Array.isArray(inner)) {
      errors.push(`post-processor ${i + 1}.${j + 1}: sequence not allowed to be nested in a sequence`);
    } else if (typeof inner !== 'string' && !isJsonObject(inner)) {
      errors.push(`post-processor ${i + 1}.${j + 1}: unknown format`);
    }
  });
  return errors.length > 0 ? { errors } : { list: raw.map(one) };
}

const POST_PROCESSOR_FIELDS = [
  ['Only', T.slice(T.string)],
  ['Except', T.slice(T.string)],
  ['Name', T.string],
  ['Type', T.string],
  ['keep_input_artifact', T.bool],
  ['Config', T.map(T.any)],
] as const;

function decodePostProcessor(raw: JsonValue): LegacyPostProcessor | { error: string } {
  const d = decodeStruct(raw, POST_PROCESSOR_FIELDS, false);
  if ('error' in d) return d;
  const v = d.values;
  const type = (v.get('Type') as string | undefined) ?? '';
  if (type === '') return { error: 'type is required' };
  const keep = v.get('keep_input_artifact') as boolean | undefined;
  return {
    name: (v.get('Name') as string | undefined) || type,
    type,
    only: (v.get('Only') as string[] | undefined) ?? [],
    except: (v.get('Except') as string[] | undefined) ?? [],
    ...(keep !== undefined ? { keepInputArtifact: keep } : {}),
    config: without(raw as JsonObject, ['except', 'only', 'keep_input_artifact', 'type', 'name']),
  };
}
