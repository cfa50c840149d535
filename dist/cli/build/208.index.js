export const id = 208;
export const ids = [208];
export const modules = {

/***/ 6208:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeProtobufSpec: () => (/* binding */ decodeProtobufSpec)
});

// EXTERNAL MODULE: ./build/eval/types.js
var types = __webpack_require__(6650);
// EXTERNAL MODULE: ./node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(3928);
;// CONCATENATED MODULE: ./build/plugins/spec/protobuf-schema.js

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
const SpecMessage = protobufjs.Root.fromJSON(descriptor).lookupType('Spec');

;// CONCATENATED MODULE: ./build/plugins/spec/protobuf-spec.js


/*
 * A plugin's ConfigSpec / OutputSpec as it arrives with --protobuf: one `Spec`
 * message of sdk rpc/hcl_spec.proto, mapped back to hcldec specs as the SDK's
 * protobufToHCL2Spec / FromProto do (rpc/common.go, rpc/convert.go), with
 * their error wording. Where the SDK would dereference a missing message and
 * panic, this reports an error naming what is missing.
 */
/** The primitive types by CtyPrimitive.typeString (cty.Type.GoString on the plugin side). */
const PRIMITIVES = new Map([
    ['cty.String', types/* StringType */.cT],
    ['cty.Bool', types/* BoolType */.dA],
    ['cty.Number', types/* NumberType */.wl],
]);
function decodeProtobufSpec(bytes) {
    let message;
    try {
        message = SpecMessage.toObject(SpecMessage.decode(bytes), { oneofs: true });
    }
    catch (error) {
        throw new Error(`failed to unmarshal hclspec.Spec from raw protobuf: ${JSON.stringify(errorText(error))}`, {
            cause: error,
        });
    }
    let spec;
    try {
        spec = fromProto(message);
    }
    catch (error) {
        throw new Error(`failed to decode HCL spec: ${JSON.stringify(errorText(error))}`, { cause: error });
    }
    if (spec.kind !== 'object')
        throw new Error(`decoded HCL spec is not an object spec: ${GO_SPEC_TYPES[spec.kind]}`);
    return spec;
}
const GO_SPEC_TYPES = {
    object: '*hcldec.ObjectSpec',
    attr: '*hcldec.AttrSpec',
    block: '*hcldec.BlockSpec',
    'block-list': '*hcldec.BlockListSpec',
    'block-attrs': '*hcldec.BlockAttrsSpec',
};
function fromProto(message) {
    switch (message?.block) {
        case 'object': {
            const entries = Object.entries(message.object?.attributes ?? {}).sort(([a], [b]) => (0,types/* compareStrings */.Kt)(a, b));
            const properties = new Map();
            for (const [key, nested] of entries) {
                properties.set(key, wrap(`failed to decode object attribute ${JSON.stringify(key)}`, () => fromProto(nested)));
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
function ctyType(message) {
    switch (message?.typeDef) {
        case 'primitive': {
            const name = message.primitive?.typeString ?? '';
            const type = PRIMITIVES.get(name);
            if (type === undefined)
                throw new Error(`unsupported cty.Type: primitive typeString ${JSON.stringify(name)}`);
            return type;
        }
        case 'list':
            return (0,types/* listOf */.c3)(wrap('failed to convert list element type', () => ctyType(message.list?.elementType)));
        case 'map':
            return (0,types/* mapOf */.A7)(wrap('failed to convert map element type', () => ctyType(message.map?.elementType)));
        default:
            throw new Error(message === undefined ? 'missing cty.Type' : 'unsupported cty.Type: empty CtyType message');
    }
}
/** Runs `decode`, prefixing any error with `context` as the SDK's fmt.Errorf chain does. */
function wrap(context, decode) {
    try {
        return decode();
    }
    catch (error) {
        throw new Error(`${context}: ${errorText(error)}`, { cause: error });
    }
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
