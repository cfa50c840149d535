import type { Type } from '../../eval/types.js';
import { GobInterface, decodeGob, isGobStruct, type GobStruct, type GobValue } from '../gob/decode.js';
import { ctyTypeOf } from './gob-cty.js';
import type { ObjectPluginSpec, PluginSpec } from './model.js';

/*
 * A ConfigSpec / OutputSpec as a plugin sends it in gob mode: a gob stream of one
 * hcldec.ObjectSpec (map[string]hcldec.Spec), each Spec an interface holding one
 * of hcldec's registered spec types. gob names pointers to them "*hcldec.AttrSpec"
 * and named non-pointer types by their package path, which differs when a plugin
 * vendors hcl ("github.com/hashicorp/packer/vendor/github.com/hashicorp/hcl/v2/hcldec.ObjectSpec"),
 * so the name is matched on its "hcldec.X" tail.
 */

/** The ConfigSpec bytes a plugin returns in gob mode, as Kiln's spec model. */
export function decodeGobObjectSpec(bytes: Uint8Array): ObjectPluginSpec {
  const values = decodeGob(bytes);
  const [root] = values;
  if (values.length !== 1 || !(root instanceof Map)) throw new Error('gob spec: expected one hcldec.ObjectSpec');
  return objectSpec(root, 'ObjectSpec');
}

function objectSpec(entries: ReadonlyMap<GobValue, GobValue>, path: string): ObjectPluginSpec {
  const properties = new Map<string, PluginSpec>();
  const keys = [...entries.keys()].map((key) => {
    if (typeof key !== 'string') throw new Error(`gob spec: ${path} has a non-string key`);
    return key;
  });
  // gob writes Go maps in random order; keep the spec stable.
  for (const key of keys.sort()) properties.set(key, spec(entries.get(key) ?? null, `${path}.${key}`));
  return { kind: 'object', properties };
}

function spec(value: GobValue, path: string): PluginSpec {
  if (!(value instanceof GobInterface)) throw new Error(`gob spec: ${path} is not an hcldec.Spec`);
  const kind = specKind(value.name);
  const body = value.value;
  if (kind === 'ObjectSpec') {
    if (!(body instanceof Map)) throw new Error(`gob spec: ${path} is a malformed hcldec.ObjectSpec`);
    return objectSpec(body, path);
  }
  if (!isGobStruct(body)) throw new Error(`gob spec: ${path} is a malformed ${value.name}`);
  switch (kind) {
    case '*AttrSpec':
      return {
        kind: 'attr',
        name: text(body, 'Name', path),
        type: ctyType(body, 'Type', path),
        required: flag(body, 'Required', path),
      };
    case '*BlockSpec':
      return {
        kind: 'block',
        name: text(body, 'TypeName', path),
        required: flag(body, 'Required', path),
        nested: spec(body['Nested'] ?? null, `${path}.Nested`),
      };
    case '*BlockListSpec':
      return {
        kind: 'block-list',
        name: text(body, 'TypeName', path),
        nested: spec(body['Nested'] ?? null, `${path}.Nested`),
        minItems: count(body, 'MinItems', path),
        maxItems: count(body, 'MaxItems', path),
      };
    case '*BlockAttrsSpec':
      return {
        kind: 'block-attrs',
        name: text(body, 'TypeName', path),
        elementType: ctyType(body, 'ElementType', path),
        required: flag(body, 'Required', path),
      };
    default:
      throw new Error(`gob spec: ${path}: unsupported spec type ${value.name}`);
  }
}

/** "*hcldec.AttrSpec" -> "*AttrSpec", ".../hcldec.ObjectSpec" -> "ObjectSpec"; anything else as given. */
function specKind(name: string): string {
  const pointer = name.startsWith('*') ? '*' : '';
  const tail = name.slice(name.lastIndexOf('/') + 1).replace(/^\*/, '');
  return tail.startsWith('hcldec.') ? pointer + tail.slice('hcldec.'.length) : name;
}

function text(body: GobStruct, field: string, path: string): string {
  const v = body[field];
  if (typeof v !== 'string') throw new Error(`gob spec: ${path}: ${field} is not a string`);
  return v;
}

function flag(body: GobStruct, field: string, path: string): boolean {
  const v = body[field];
  if (typeof v !== 'boolean') throw new Error(`gob spec: ${path}: ${field} is not a bool`);
  return v;
}

function count(body: GobStruct, field: string, path: string): number {
  const v = body[field];
  if (typeof v !== 'number' || v < 0) throw new Error(`gob spec: ${path}: ${field} is not a count`);
  return v;
}

function ctyType(body: GobStruct, field: string, path: string): Type {
  return ctyTypeOf(body[field], `gob spec: ${path}: ${field}`);
}
