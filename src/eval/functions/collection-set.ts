import { convert } from '../convert.js';
import { DynamicPseudoType, listOf, setOf, tupleOf, typeEquals, type Type } from '../types.js';
import { unifyUnsafe } from '../unify.js';
import { Value, canonicalKey } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec, type Parameter } from './function.js';

/*
 * Set functions: go-cty stdlib's setunion, setintersection (set.go) and
 * setproduct (collection.go).
 */

const setParam = (name: string): Parameter => ({ name, type: setOf(DynamicPseudoType), allowDynamicType: true });

/** The set type all arguments convert to; empty sets of unknown element type fit any. */
function setOperationType(args: readonly Value[]): Type {
  const elementTypes = args
    .filter((a) => !(a.isKnown() && a.length() === 0 && elementOf(a.type).kind === 'dynamic'))
    .map((a) => elementOf(a.type));
  if (elementTypes.length === 0) return setOf(DynamicPseudoType);
  const unified = unifyUnsafe(elementTypes);
  if (!unified) throw new FunctionCallError('given sets must all have compatible element types');
  return setOf(unified.type);
}

function elementOf(t: Type): Type {
  return t.kind === 'set' || t.kind === 'list' ? t.element : DynamicPseudoType;
}

function toSet(arg: Value, type: Type, argIndex: number): Value {
  try {
    return convert(arg, type);
  } catch (e) {
    throw new FunctionArgError(argIndex, (e as Error).message);
  }
}

function setOperation(
  combine: (acc: readonly Value[], next: readonly Value[]) => Value[],
  allowUnknowns: boolean,
): FunctionSpec {
  return {
    params: [setParam('first_set')],
    varParam: setParam('other_sets'),
    returnType: setOperationType,
    impl: (args, type) => {
      const sets = args.map((a, i) => toSet(a, type, i));
      // Unknown elements may later equal others, so only union can proceed with them.
      if (!allowUnknowns && sets.some((s) => !s.isWhollyKnown())) return Value.unknown(type);
      const result = sets.slice(1).reduce((acc, s) => combine(acc, s.elements()), [...sets[0]!.elements()]);
      return Value.set(result, elementOf(type));
    },
  };
}

function keysOf(values: readonly Value[]): Set<string> {
  return new Set(values.map(canonicalKey));
}

const setproduct: FunctionSpec = {
  params: [],
  varParam: { name: 'sets', type: DynamicPseudoType, allowMarked: true, allowUnknown: true },
  returnType: (args) => {
    if (args.length < 2) throw new FunctionCallError('at least two arguments are required');
    let listCount = 0;
    const elementTypes = args.map((arg, i) => {
      const t = arg.type;
      if (t.kind === 'set') return t.element;
      if (t.kind === 'list') {
        listCount++;
        return t.element;
      }
      if (t.kind !== 'tuple') throw new FunctionArgError(i, 'a set or a list is required');
      listCount++;
      if (t.elements.length === 0) return DynamicPseudoType;
      const unified = unifyUnsafe(t.elements);
      if (!unified) throw new FunctionArgError(i, 'all elements must be of the same type');
      return unified.type;
    });
    const element = tupleOf(elementTypes);
    return listCount === args.length ? listOf(element) : setOf(element);
  },
  impl: (args, type) => {
    const marks = new Set(args.flatMap((a) => [...a.marks]));
    const plain = args.map((a) => a.unmark()[0]);
    const lengthUnknown = (v: Value): boolean =>
      !v.isKnown() || (v.type.kind === 'set' && v.length() !== 1 && !v.isWhollyKnown());
    if (plain.some(lengthUnknown)) return Value.unknown(type).withMarks(marks);
    const element = elementOf(type);
    const componentTypes = element.kind === 'tuple' ? element.elements : [];
    // Cartesian product in argument order, the last argument varying fastest.
    let product: Value[][] = [[]];
    plain.forEach((arg, j) => {
      const items = arg
        .elements()
        .map((v) => (typeEquals(v.type, componentTypes[j]!) ? v : convert(v, componentTypes[j]!)));
      product = product.flatMap((prefix) => items.map((item) => [...prefix, item]));
    });
    const tuples = product.map((p) => Value.tuple(p));
    const out = type.kind === 'list' ? Value.list(tuples, element) : Value.set(tuples, element);
    return out.withMarks(marks);
  },
};

export const setFunctions: Record<string, FunctionSpec> = {
  setintersection: setOperation((acc, next) => {
    const present = keysOf(next);
    return acc.filter((v) => present.has(canonicalKey(v)));
  }, false),
  setproduct,
  setunion: setOperation((acc, next) => [...acc, ...next], true),
};
