import { BoolType, NumberType, StringType, compareStrings, listOf, mapOf, type Type } from '../../eval/types.js';
import type { ObjectPluginSpec, PluginSpec } from './model.js';
import { SpecMessage, type CtyTypeMessage, type SpecMessageObject } from './protobuf-schema.js';

/*
 * A plugin's ConfigSpec / OutputSpec as it arrives with --protobuf: one `Spec`
 * message of sdk rpc/hcl_spec.proto, mapped back to hcldec specs as the SDK's
 * protobufToHCL2Spec / FromProto do (rpc/common.go, rpc/convert.go), with
 * their error wording. Where the SDK would dereference a missing message and
 * panic, this reports an error naming what is missing.
 */

/** The primitive types by CtyPrimitive.typeString (cty.Type.GoString on the plugin side). */
const PRIMITIVES: ReadonlyMap<string, Type> = new Map([
  ['cty.String', StringType],
  ['cty.Bool', BoolType],
  ['cty.Number', NumberType],
]);

export function decodeProtobufSpec(bytes: Uint8Array): ObjectPluginSpec {
  let message: SpecMessageObject;
  try {
    message = SpecMessage.toObject(SpecMessage.decode(bytes), { oneofs: true }) as SpecMessageObject;
  } catch (error) {
    throw new Error(`failed to unmarshal hclspec.Spec from raw protobuf: ${JSON.stringify(errorText(error))}`, {
      cause: error,
    });
  }
  let spec: PluginSpec;
  try {
    spec = fromProto(message);
  } catch (error) {
    throw new Error(`failed to decode HCL spec: ${JSON.stringify(errorText(error))}`, { cause: error });
  }
  if (spec.kind !== 'object') throw new Error(`decoded HCL spec is not an object spec: ${GO_SPEC_TYPES[spec.kind]}`);
  return spec;
}

const GO_SPEC_TYPES: Readonly<Record<PluginSpec['kind'], string>> = {
  object: '*hcldec.ObjectSpec',
  attr: '*hcldec.AttrSpec',
  block: '*hcldec.BlockSpec',
  'block-list': '*hcldec.BlockListSpec',
  'block-attrs': '*hcldec.BlockAttrsSpec',
};

function fromProto(message: SpecMessageObject | undefined): PluginSpec {
  switch (message?.block) {
    case 'object': {
      const entries = Object.entries(message.object?.attributes ?? {}).sort(([a], [b]) => compareStrings(a, b));
      const properties = new Map<string, PluginSpec>();
      for (const [key, nested] of entries) {
        properties.set(
          key,
          wrap(`failed to decode object attribute ${JSON.stringify(key)}`, () => fromProto(nested)),
        );
      }
      return { kind: 'object', properties };
    }
    case 'attr': {
      const attr = message.attr ?? {};
      const name = attr.name ?? '';
      const type = wrap(`failed to convert type of attribute ${JSON.stringify(name)}`, () => ctyType(attr.type));
      return { kind: 'attr', name, type, required: attr.required ?? false };
    }
    case 'block_value': {
      const block = message.block_value ?? {};
      const nested = wrap('failed to decode block nested type from proto', () => fromProto(block.nested));
      return { kind: 'block', name: block.name ?? '', required: block.required ?? false, nested };
    }
    case 'block_list': {
      const list = message.block_list ?? {};
      const nested = wrap('failed to decode block list nested type from proto', () => fromProto(list.nested));
      return { kind: 'block-list', name: list.name ?? '', nested, minItems: 0, maxItems: 0 };
    }
    default:
      throw new Error(message === undefined ? 'missing spec' : 'unsupported spec type: empty Spec message');
  }
}

function ctyType(message: CtyTypeMessage | undefined): Type {
  switch (message?.typeDef) {
    case 'primitive': {
      const name = message.primitive?.typeString ?? '';
      const type = PRIMITIVES.get(name);
      if (type === undefined) throw new Error(`unsupported cty.Type: primitive typeString ${JSON.stringify(name)}`);
      return type;
    }
    case 'list':
      return listOf(wrap('failed to convert list element type', () => ctyType(message.list?.elementType)));
    case 'map':
      return mapOf(wrap('failed to convert map element type', () => ctyType(message.map?.elementType)));
    default:
      throw new Error(message === undefined ? 'missing cty.Type' : 'unsupported cty.Type: empty CtyType message');
  }
}

/** Runs `decode`, prefixing any error with `context` as the SDK's fmt.Errorf chain does. */
function wrap<T>(context: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new Error(`${context}: ${errorText(error)}`, { cause: error });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
