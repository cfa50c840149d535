import { convert } from '../convert.js';
import { equals } from '../equality.js';
import {
  BoolType,
  DynamicPseudoType,
  EmptyObjectType,
  NumberType,
  StringType,
  friendlyName,
  listOf,
  mapOf,
  objectOf,
  tupleOf,
  typeEquals,
  type Type,
} from '../types.js';
import { unifyUnsafe } from '../unify.js';
import { Value, withMarksOf, type Marks } from '../value.js';
import { setFunctions } from './collection-set.js';
import { sequenceFunctions } from './collection-sequence.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import { graphemeCount } from './graphemes.js';

/*
 * Collection functions that search, test or reshape maps and lists: go-cty
 * stdlib collection.go, go-cty-funcs' coalesce, and Packer's own index, length,
 * alltrue and anytrue. Sequence and set functions live beside this file.
 */

const isTrue = (v: Value): boolean => v.isKnown() && !v.isNull() && v.asBool();

function elementType(t: Type): Type {
  return t.kind === 'list' || t.kind === 'set' || t.kind === 'map' ? t.element : DynamicPseudoType;
}

function allMarks(values: readonly Value[]): Marks {
  return new Set(values.flatMap((v) => [...v.marks]));
}

/** Packer's length: strings count grapheme clusters; tuples and objects count by type. */
const length: FunctionSpec = {
  params: [{ name: 'value', type: DynamicPseudoType, allowDynamicType: true, allowUnknown: true }],
  returnType: ([v]) => {
    if (['string', 'tuple', 'object', 'list', 'map', 'set', 'dynamic'].includes(v!.type.kind)) return NumberType;
    throw new FunctionCallError('argument must be a string, a collection type, or a structural type');
  },
  impl: ([v]) => {
    const t = v!.type;
    if (t.kind === 'tuple') return Value.number(t.elements.length);
    if (t.kind === 'object') return Value.number(t.attributes.size);
    if (!v!.isKnown() || t.kind === 'dynamic') return Value.unknown(NumberType);
    if (t.kind === 'string') return Value.number(graphemeCount(v!.asString()));
    // Unknown set elements may turn out equal to others, so the set's length is not known yet.
    if (t.kind === 'set' && v!.length() !== 1 && !v!.isWhollyKnown()) return Value.unknown(NumberType);
    return Value.number(v!.length());
  },
};

/** Packer's index: the first position of a value in a list or tuple. */
const index: FunctionSpec = {
  params: [
    { name: 'list', type: DynamicPseudoType },
    { name: 'value', type: DynamicPseudoType },
  ],
  returnType: () => NumberType,
  impl: ([list, value]) => {
    if (list!.type.kind !== 'list' && list!.type.kind !== 'tuple')
      throw new FunctionCallError('argument must be a list or tuple');
    if (list!.length() === 0) throw new FunctionCallError('cannot search an empty list');
    const elements = list!.elements();
    for (let i = 0; i < elements.length; i++) {
      const eq = equals(elements[i]!, value!);
      if (!eq.isKnown()) return Value.unknown(NumberType);
      if (eq.asBool()) return Value.number(i);
    }
    throw new FunctionCallError('item not found');
  },
};

const contains: FunctionSpec = {
  params: [
    { name: 'list', type: DynamicPseudoType },
    { name: 'value', type: DynamicPseudoType },
  ],
  returnType: () => BoolType,
  impl: ([list, value]) => {
    const kind = list!.type.kind;
    if (kind !== 'list' && kind !== 'tuple' && kind !== 'set')
      throw new FunctionCallError('argument must be list, tuple, or set');
    if (list!.length() === 0) return Value.bool(false);
    let containsUnknown = false;
    for (const element of list!.elements()) {
      const eq = equals(value!, element);
      if (!eq.isKnown()) containsUnknown = true;
      else if (eq.asBool()) return Value.bool(true);
    }
    return containsUnknown ? Value.unknown(BoolType) : Value.bool(false);
  },
};

const distinct: FunctionSpec = {
  params: [{ name: 'list', type: listOf(DynamicPseudoType) }],
  returnType: ([list]) => list!.type,
  impl: ([list], type) => {
    if (!list!.isWhollyKnown()) return Value.unknown(type);
    const kept: Value[] = [];
    for (const v of list!.elements()) if (!kept.some((k) => isTrue(equals(k, v)))) kept.push(v);
    return Value.list(kept, elementType(type));
  },
};

const compact: FunctionSpec = {
  params: [{ name: 'list', type: listOf(StringType) }],
  returnType: () => listOf(StringType),
  impl: ([list], type) => {
    if (!list!.isWhollyKnown()) return Value.unknown(type);
    const kept = list!.elements().filter((v) => !v.isNull() && v.asString() !== '');
    return Value.list(kept, StringType);
  },
};

/** go-cty-funcs' coalesce: the first argument that is neither null nor an empty string. */
const coalesce: FunctionSpec = {
  params: [],
  varParam: { name: 'vals', type: DynamicPseudoType, allowUnknown: true, allowDynamicType: true, allowNull: true },
  returnType: (args) => {
    const unified = args.length > 0 ? unifyUnsafe(args.map((a) => a.type)) : null;
    if (!unified) throw new FunctionCallError('all arguments must have the same type');
    return unified.type;
  },
  impl: (args, type) => {
    for (const arg of args) {
      const v = convert(arg, type);
      if (!v.isKnown()) return Value.unknown(type);
      if (v.isNull()) continue;
      if (type.kind === 'string' && v.asString() === '') continue;
      return v;
    }
    throw new FunctionCallError('no non-null, non-empty-string arguments');
  },
};

const coalescelist: FunctionSpec = {
  params: [],
  varParam: { name: 'vals', type: DynamicPseudoType, allowUnknown: true, allowDynamicType: true, allowNull: true },
  returnType: (args) => {
    if (args.length === 0) throw new FunctionCallError('at least one argument is required');
    // If any argument is unknown we can't know which one will be returned.
    if (args.some((a) => !a.isKnown())) return DynamicPseudoType;
    for (const a of args) {
      if (a.type.kind !== 'list' && a.type.kind !== 'tuple')
        throw new FunctionCallError('coalescelist arguments must be lists or tuples');
    }
    const first = args[0]!.type;
    return args.every((a) => typeEquals(a.type, first)) ? first : DynamicPseudoType;
  },
  impl: (args, type) => {
    for (const arg of args) {
      if (!arg.isKnown()) return Value.unknown(type);
      if (!arg.isNull() && arg.length() > 0) return arg;
    }
    throw new FunctionCallError('no non-null arguments');
  },
};

function boolAggregate(all: boolean): FunctionSpec {
  return {
    params: [{ name: 'list', type: listOf(BoolType) }],
    returnType: () => BoolType,
    impl: ([list]) => {
      let sawUnknown = false;
      for (const v of list!.elements()) {
        if (!v.isKnown()) {
          // alltrue cannot decide past an unknown; anytrue may still find a true.
          if (all) return Value.unknown(BoolType);
          sawUnknown = true;
        } else if (v.isNull()) {
          if (all) return Value.bool(false);
        } else if (v.asBool() !== all) {
          return Value.bool(!all);
        }
      }
      return sawUnknown ? Value.unknown(BoolType) : Value.bool(all);
    },
  };
}

const keys: FunctionSpec = {
  params: [{ name: 'inputMap', type: DynamicPseudoType, allowUnknown: true, allowMarked: true }],
  returnType: ([m]) => {
    const t = m!.type;
    if (t.kind === 'map') return listOf(StringType);
    if (t.kind === 'object') return tupleOf([...t.attributes.keys()].map(() => StringType));
    throw new FunctionArgError(0, 'must have map or object type');
  },
  impl: ([m], type) => {
    const t = m!.type;
    // Object keys come from the type, so they are known even when the value is not.
    if (t.kind === 'object') return withMarksOf(Value.tuple([...t.attributes.keys()].map((k) => Value.string(k))), m!);
    if (!m!.isKnown()) return withMarksOf(Value.unknown(type), m!);
    const names = [...m!.entries().keys()].map((k) => Value.string(k));
    return withMarksOf(Value.list(names, StringType), m!);
  },
};

const values: FunctionSpec = {
  params: [{ name: 'mapping', type: DynamicPseudoType, allowMarked: true }],
  returnType: ([m]) => {
    const t = m!.type;
    if (t.kind === 'map') return listOf(t.element);
    if (t.kind === 'object') return tupleOf([...t.attributes.values()]);
    throw new FunctionCallError('values() requires a map as the first argument');
  },
  impl: ([m], type) => {
    const [plain] = m!.unmark();
    const vals = [...plain.entries().values()];
    const out = type.kind === 'tuple' ? Value.tuple(vals) : Value.list(vals, elementType(type));
    return withMarksOf(out, m!);
  },
};

const lookup: FunctionSpec = {
  params: [
    { name: 'inputMap', type: DynamicPseudoType, allowMarked: true },
    { name: 'key', type: StringType, allowMarked: true },
    { name: 'default', type: DynamicPseudoType, allowMarked: true },
  ],
  returnType: ([m, key, fallback]) => {
    const t = m!.type;
    if (t.kind === 'object') {
      if (!key!.isKnown()) return DynamicPseudoType;
      return t.attributes.get(key!.asString()) ?? fallback!.type;
    }
    if (t.kind === 'map') {
      try {
        convert(fallback!.unmark()[0], t.element);
      } catch {
        throw new FunctionArgError(2, 'the default value must have the same type as the map elements');
      }
      return t.element;
    }
    throw new FunctionArgError(0, 'lookup() requires a map as the first argument');
  },
  impl: ([m, key, fallback], type) => {
    const [plain] = m!.unmark();
    const marks = allMarks([m!, key!]);
    if (!plain.isWhollyKnown()) return Value.unknown(type).withMarks(marks);
    const found = plain.entries().get(key!.asString());
    if (found) return found.withMarks(marks);
    try {
      const [plainFallback, fallbackMarks] = fallback!.unmark();
      return convert(plainFallback, type).withMarks(fallbackMarks).withMarks(marks);
    } catch (e) {
      throw new FunctionCallError((e as Error).message);
    }
  },
};

const merge: FunctionSpec = {
  params: [],
  varParam: { name: 'maps', type: DynamicPseudoType, allowDynamicType: true, allowNull: true, allowMarked: true },
  returnType: (args) => {
    if (args.length === 0) return EmptyObjectType;
    const attrs = new Map<string, Type>();
    let attrsKnown = true;
    for (const arg of args) {
      const t = arg.type;
      if (t.kind === 'dynamic') return DynamicPseudoType;
      if (t.kind === 'object') {
        if (!arg.isNull()) for (const [name, at] of t.attributes) attrs.set(name, at);
      } else if (t.kind === 'map') {
        if (!arg.isKnown()) attrsKnown = false;
        else if (!arg.isNull()) for (const name of arg.unmark()[0].entries().keys()) attrs.set(name, t.element);
      } else {
        throw new FunctionCallError(`arguments must be maps or objects, got "${friendlyName(t)}"`);
      }
    }
    // When every argument has the same type, that is the result type.
    const first = args[0]!.type;
    if (args.every((a) => typeEquals(a.type, first))) return first;
    if (!attrsKnown) return DynamicPseudoType;
    return objectOf(attrs);
  },
  impl: (args, type) => {
    const out = new Map<string, Value>();
    for (const arg of args) {
      if (arg.isNull()) continue;
      for (const [k, v] of arg.unmark()[0].entries()) out.set(k, v);
    }
    const marks = allMarks(args);
    if (type.kind === 'map') return Value.map(out, type.element).withMarks(marks);
    return Value.object(out).withMarks(marks);
  },
};

const zipmap: FunctionSpec = {
  params: [
    { name: 'keys', type: listOf(StringType), allowMarked: true },
    { name: 'values', type: DynamicPseudoType, allowMarked: true },
  ],
  returnType: ([keyList, vals]) => {
    const t = vals!.type;
    if (t.kind === 'list') return mapOf(t.element);
    if (t.kind !== 'tuple') throw new FunctionCallError('values argument must be a list or tuple value');
    // An object result needs every key name.
    if (!keyList!.isWhollyKnown()) return DynamicPseudoType;
    const names = zipKeys(keyList!);
    if (names.length !== t.elements.length)
      throw new FunctionCallError(
        `number of keys (${names.length}) does not match number of values (${t.elements.length})`,
      );
    return objectOf(new Map(names.map((n, i) => [n, t.elements[i]!])));
  },
  impl: ([keyList, vals], type) => {
    const [plainKeys, keysMarks] = keyList!.unmark();
    const [plainVals, valsMarks] = vals!.unmark();
    const marks = new Set([...keysMarks, ...valsMarks]);
    if (!plainKeys.isWhollyKnown()) return Value.unknown(type).withMarks(marks);
    const names = zipKeys(plainKeys);
    const elements = plainVals.elements();
    if (names.length !== elements.length)
      throw new FunctionCallError(
        `number of keys (${names.length}) does not match number of values (${elements.length})`,
      );
    // Keys cannot carry marks, so their marks go on the whole result.
    for (const k of plainKeys.elements()) for (const m of k.marks) marks.add(m);
    const out = new Map(names.map((n, i) => [n, elements[i]!]));
    const result = type.kind === 'map' ? Value.map(out, type.element) : Value.object(out);
    return result.withMarks(marks);
  },
};

function zipKeys(keyList: Value): string[] {
  return keyList
    .unmark()[0]
    .elements()
    .map((k, i) => {
      if (k.isNull()) throw new FunctionCallError(`keys list has null value at index ${i}`);
      return k.unmark()[0].asString();
    });
}

export const collectionFunctions: Record<string, FunctionSpec> = {
  alltrue: boolAggregate(true),
  anytrue: boolAggregate(false),
  coalesce,
  coalescelist,
  compact,
  contains,
  distinct,
  index,
  keys,
  length,
  lookup,
  merge,
  values,
  zipmap,
  ...sequenceFunctions,
  ...setFunctions,
};
