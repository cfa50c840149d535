import {
  BoolType,
  DynamicPseudoType,
  NumberType,
  StringType,
  compareStrings,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  type Type,
} from '../../eval/types.js';

/*
 * cty.Type's JSON form (go-cty cty/json.go): "string", "number", "bool",
 * "dynamic", ["list", T], ["set", T], ["map", T], ["tuple", [T...]],
 * ["object", {NAME: T}] with a third element listing optional attributes.
 * It names the type of a dynamic value in cty msgpack and cty JSON.
 */

/** Type.MarshalJSON: attribute names sorted and escaped as Go's encoding/json writes them. */
export function ctyTypeJson(type: Type): string {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return `"${type.kind}"`;
    case 'list':
    case 'set':
    case 'map':
      return `["${type.kind}",${ctyTypeJson(type.element)}]`;
    case 'tuple':
      return `["tuple",[${type.elements.map(ctyTypeJson).join(',')}]]`;
    case 'object': {
      const names = [...type.attributes.keys()].sort(compareStrings);
      const attributes = names.map((name) => `${goJsonString(name)}:${ctyTypeJson(type.attributes.get(name)!)}`);
      const optional = [...type.optional].sort(compareStrings);
      const tail = optional.length > 0 ? `,[${optional.map(goJsonString).join(',')}]` : '';
      return `["object",{${attributes.join(',')}}${tail}]`;
    }
  }
}

/** Type.UnmarshalJSON; throws with go-cty's wording on a malformed description. */
export function parseCtyTypeJson(text: string): Type {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid type description: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return fromJson(parsed);
}

const PRIMITIVES: Readonly<Record<string, Type>> = {
  bool: BoolType,
  number: NumberType,
  string: StringType,
  dynamic: DynamicPseudoType,
};

function fromJson(json: unknown): Type {
  if (typeof json === 'string') {
    const type = Object.hasOwn(PRIMITIVES, json) ? PRIMITIVES[json] : undefined;
    if (type === undefined) throw new Error(`invalid primitive type name ${JSON.stringify(json)}`);
    return type;
  }
  if (!Array.isArray(json)) throw new Error('invalid type description');
  const [kind, argument, optional, ...extra] = json as unknown[];
  if (extra.length > 0 || (optional !== undefined && kind !== 'object') || argument === undefined)
    throw new Error('unexpected extra data in type description');
  switch (kind) {
    case 'list':
      return listOf(fromJson(argument));
    case 'set':
      return setOf(fromJson(argument));
    case 'map':
      return mapOf(fromJson(argument));
    case 'tuple':
      if (!Array.isArray(argument)) throw new Error('invalid tuple element types');
      return tupleOf(argument.map(fromJson));
    case 'object': {
      if (typeof argument !== 'object' || argument === null || Array.isArray(argument))
        throw new Error('invalid object attribute types');
      const attributes = new Map(Object.entries(argument).map(([name, t]) => [name, fromJson(t)] as const));
      if (optional !== undefined && (!Array.isArray(optional) || optional.some((o) => typeof o !== 'string')))
        throw new Error('invalid optional attribute names');
      return objectOf(attributes, (optional ?? []) as string[]);
    }
    default:
      throw new Error('invalid complex type kind name');
  }
}

/** A JSON string as Go's encoding/json writes it: <, > and & (and U+2028/9) escaped for HTML. */
function goJsonString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
