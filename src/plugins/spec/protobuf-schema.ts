import protobuf from 'protobufjs';

/*
 * The messages of packer-plugin-sdk rpc/hcl_spec.proto as a protobufjs JSON
 * descriptor, so the bundle reads no .proto file at run time. Field names and
 * numbers are the wire contract; keep them as the SDK has them.
 */

const descriptor = {
  nested: {
    CtyType: {
      oneofs: { typeDef: { oneof: ['primitive', 'list', 'map'] } },
      fields: {
        primitive: { type: 'CtyPrimitive', id: 1 },
        list: { type: 'CtyList', id: 2 },
        map: { type: 'CtyMap', id: 3 },
      },
    },
    CtyPrimitive: { fields: { typeString: { type: 'string', id: 1 } } },
    CtyList: { fields: { elementType: { type: 'CtyType', id: 1 } } },
    CtyMap: { fields: { elementType: { type: 'CtyType', id: 1 } } },
    HCL2Spec: { fields: { TypeSpec: { keyType: 'string', type: 'Spec', id: 1 } } },
    Spec: {
      oneofs: { block: { oneof: ['object', 'attr', 'block_value', 'block_list'] } },
      fields: {
        object: { type: 'Object', id: 1 },
        attr: { type: 'Attr', id: 2 },
        block_value: { type: 'Block', id: 3 },
        block_list: { type: 'BlockList', id: 4 },
      },
    },
    Attr: {
      fields: {
        name: { type: 'string', id: 1 },
        type: { type: 'CtyType', id: 2 },
        required: { type: 'bool', id: 3 },
      },
    },
    Block: {
      fields: {
        name: { type: 'string', id: 1 },
        required: { type: 'bool', id: 2 },
        nested: { type: 'Spec', id: 3 },
      },
    },
    BlockList: {
      fields: {
        name: { type: 'string', id: 1 },
        nested: { type: 'Spec', id: 2 },
      },
    },
    Object: { fields: { attributes: { keyType: 'string', type: 'Spec', id: 1 } } },
  },
};

/** The root message a plugin sends from ConfigSpec / OutputSpec with --protobuf (sdk rpc/common.go). */
export const SpecMessage: protobuf.Type = protobuf.Root.fromJSON(descriptor).lookupType('Spec');

/* The decoded shapes (protobufjs toObject with oneofs; absent fields are missing). */

export interface CtyTypeMessage {
  readonly typeDef?: 'primitive' | 'list' | 'map';
  readonly primitive?: { readonly typeString?: string };
  readonly list?: { readonly elementType?: CtyTypeMessage };
  readonly map?: { readonly elementType?: CtyTypeMessage };
}

export interface SpecMessageObject {
  readonly block?: 'object' | 'attr' | 'block_value' | 'block_list';
  readonly object?: { readonly attributes?: Readonly<Record<string, SpecMessageObject>> };
  readonly attr?: { readonly name?: string; readonly type?: CtyTypeMessage; readonly required?: boolean };
  readonly block_value?: { readonly name?: string; readonly required?: boolean; readonly nested?: SpecMessageObject };
  readonly block_list?: { readonly name?: string; readonly nested?: SpecMessageObject };
}
