import { convert } from '../convert.js';
import { num, type Num } from '../number.js';
import { DynamicPseudoType, NumberType, StringType, friendlyName, listOf, tupleOf, type Type } from '../types.js';
import { unifyUnsafe } from '../unify.js';
import { Value, type Marks } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import { WHOLE_NUMBER_ERROR, compareCodePoints, goInt } from './gocty.js';

/*
 * Functions over ordered sequences (lists and tuples): go-cty stdlib's
 * chunklist, concat, element, flatten, range, reverse, slice and sort.
 */

function elementType(t: Type): Type {
  return t.kind === 'list' || t.kind === 'set' ? t.element : DynamicPseudoType;
}

function collectMarks(values: readonly Value[]): Marks {
  return new Set(values.flatMap((v) => [...v.marks]));
}

const chunklist: FunctionSpec = {
  params: [
    { name: 'list', type: listOf(DynamicPseudoType), allowMarked: true },
    { name: 'size', type: NumberType, allowMarked: true },
  ],
  returnType: ([list]) => listOf(list!.type),
  impl: ([list, sizeVal]) => {
    const marks = collectMarks([list!, sizeVal!]);
    const [plain] = list!.unmark();
    const size = goInt(sizeVal!.asNumber());
    if (size === undefined) throw new FunctionCallError(`invalid size: ${WHOLE_NUMBER_ERROR}`);
    if (size < 0) throw new FunctionCallError('the size argument must be positive');
    const elements = plain.elements();
    if (elements.length === 0) return Value.list([], plain.type).withMarks(marks);
    // A size of zero gives one chunk holding the whole list.
    if (size === 0) return Value.list([plain]).withMarks(marks);
    const chunks: Value[] = [];
    for (let i = 0; i < elements.length; i += size) chunks.push(Value.list(elements.slice(i, i + size)));
    return Value.list(chunks).withMarks(marks);
  },
};

const concat: FunctionSpec = {
  params: [],
  varParam: { name: 'seqs', type: DynamicPseudoType, allowMarked: true },
  returnType: (args) => {
    if (args.length === 0) throw new FunctionCallError('at least one argument is required');
    // All lists with a common element type give a list; anything else gives a tuple.
    if (args.every((a) => a.type.kind === 'list')) {
      const unified = unifyUnsafe(args.map((a) => a.type));
      if (unified) return unified.type;
    }
    const types: Type[] = [];
    for (const [i, arg] of args.entries()) {
      const t = arg.type;
      if (t.kind === 'tuple') types.push(...t.elements);
      else if (t.kind === 'list') {
        // A tuple type needs the list's length.
        if (!arg.isKnown()) return DynamicPseudoType;
        types.push(
          ...arg
            .unmark()[0]
            .elements()
            .map(() => t.element),
        );
      } else {
        throw new FunctionArgError(i, `all arguments must be lists or tuples; got ${friendlyName(t)}`);
      }
    }
    return tupleOf(types);
  },
  impl: (args, type) => {
    const marks = collectMarks(args);
    const elements: Value[] = [];
    for (const [i, arg] of args.entries()) {
      let seq = arg.unmark()[0];
      if (type.kind === 'list') {
        try {
          seq = convert(seq, type);
        } catch (e) {
          throw new FunctionArgError(i, (e as Error).message);
        }
      }
      elements.push(...seq.elements());
    }
    const out = type.kind === 'list' ? Value.list(elements, type.element) : Value.tuple(elements);
    return out.withMarks(marks);
  },
};

const NEGATIVE_INDEX = 'cannot use element function with a negative index';
const EMPTY_LIST = 'cannot use element function with an empty list';

/** element's index: negative indexes are an error in the cty version Packer uses. */
function elementIndex(index: Value): number {
  const i = goInt(index.asNumber());
  if (index.asNumber().isNegative() && !index.asNumber().isZero()) throw new FunctionCallError(NEGATIVE_INDEX);
  if (i === undefined) throw new FunctionCallError(`invalid index: ${WHOLE_NUMBER_ERROR}`);
  return i;
}

const element: FunctionSpec = {
  params: [
    { name: 'list', type: DynamicPseudoType, allowMarked: true },
    { name: 'index', type: NumberType },
  ],
  returnType: ([list, index]) => {
    if (index!.isKnown() && index!.asNumber().isNegative() && !index!.asNumber().isZero())
      throw new FunctionCallError(NEGATIVE_INDEX);
    const t = list!.type;
    if (t.kind === 'list') return t.element;
    if (t.kind !== 'tuple') throw new FunctionCallError(`cannot read elements from ${friendlyName(t)}`);
    // Each tuple element has its own type, so the index decides the result type.
    if (!index!.isKnown()) return DynamicPseudoType;
    const i = elementIndex(index!);
    if (t.elements.length === 0) throw new FunctionCallError(EMPTY_LIST);
    return t.elements[i % t.elements.length]!;
  },
  impl: ([list, index]) => {
    const i = elementIndex(index!);
    const [plain, marks] = list!.unmark();
    const elements = plain.elements();
    if (elements.length === 0) throw new FunctionCallError(EMPTY_LIST);
    return elements[i % elements.length]!.withMarks(marks);
  },
};

interface Flattened {
  readonly values: Value[];
  readonly marks: Set<string>;
  readonly known: boolean;
}

/** Flattens nested lists, sets and tuples; unknown nested sequences make the result unknown. */
function flattener(seq: Value): Flattened {
  const [plain, ownMarks] = seq.unmark();
  const out: Flattened = { values: [], marks: new Set(ownMarks), known: true };
  if (plain.type.kind === 'set' && plain.length() !== 1 && !plain.isWhollyKnown()) return { ...out, known: false };
  let known = true;
  for (const v of plain.elements()) {
    // A value of unknown type could be another sequence.
    if (!v.isKnown() && v.type.kind === 'dynamic') known = false;
    const kind = v.type.kind;
    if (!v.isNull() && (kind === 'list' || kind === 'set' || kind === 'tuple')) {
      if (!v.isKnown()) {
        known = false;
        for (const m of v.marks) out.marks.add(m);
        continue;
      }
      const inner = flattener(v);
      for (const m of inner.marks) out.marks.add(m);
      if (inner.known) out.values.push(...inner.values);
      else known = false;
    } else {
      out.values.push(v);
    }
  }
  return { ...out, known };
}

const flatten: FunctionSpec = {
  params: [{ name: 'list', type: DynamicPseudoType, allowMarked: true }],
  returnType: ([list]) => {
    if (!list!.isWhollyKnown()) return DynamicPseudoType;
    const kind = list!.type.kind;
    if (kind !== 'list' && kind !== 'set' && kind !== 'tuple')
      throw new FunctionCallError('can only flatten lists, sets and tuples');
    const flat = flattener(list!);
    return flat.known ? tupleOf(flat.values.map((v) => v.type)) : DynamicPseudoType;
  },
  impl: ([list], type) => {
    const [plain, marks] = list!.unmark();
    if (plain.length() === 0) return Value.tuple([]).withMarks(marks);
    const flat = flattener(list!);
    if (!flat.known) return Value.unknown(type).withMarks(flat.marks);
    return Value.tuple(flat.values).withMarks(flat.marks);
  },
};

const RANGE_LIMIT = 1024;

/** start, end and step from range's one, two or three arguments; the step defaults towards end. */
function rangeBounds(nums: readonly Num[]): [Num, Num, Num] {
  const [a, b, c] = nums;
  if (nums.length === 1) return [num(0), a!, num(a!.isNegative() && !a!.isZero() ? -1 : 1)];
  if (nums.length === 2) return [a!, b!, num(b!.lt(a!) ? -1 : 1)];
  if (nums.length === 3) return [a!, b!, c!];
  throw new FunctionCallError('must have one, two, or three arguments');
}

const range: FunctionSpec = {
  params: [],
  varParam: { name: 'params', type: NumberType },
  returnType: () => listOf(NumberType),
  impl: (args) => {
    const [start, end, step] = rangeBounds(args.map((a) => a.asNumber()));
    // cty's "step must not be zero" check compares value identity and never fires for
    // a given zero step, which therefore runs into the length limit instead.
    const down = step.isNegative() && !step.isZero();
    if (down && end.gt(start)) throw new FunctionArgError(1, 'end must be less than start when step is negative');
    if (!down && end.lt(start)) throw new FunctionArgError(1, 'end must be greater than start when step is positive');
    const values: Value[] = [];
    for (let n = start; down ? n.gt(end) : n.lt(end); n = n.plus(step)) {
      if (values.length >= RANGE_LIMIT)
        throw new FunctionCallError(
          'more than 1024 values were generated; either decrease the difference between start and end or use a smaller step',
        );
      values.push(Value.number(n));
    }
    return Value.list(values, NumberType);
  },
};

const reverse: FunctionSpec = {
  params: [{ name: 'list', type: DynamicPseudoType, allowMarked: true }],
  returnType: ([list]) => {
    const t = list!.type;
    if (t.kind === 'tuple') return tupleOf([...t.elements].reverse());
    // Sets are accepted, as if converted to a list.
    if (t.kind === 'list' || t.kind === 'set') return listOf(t.element);
    throw new FunctionArgError(0, `can only reverse list or tuple values, not ${friendlyName(t)}`);
  },
  impl: ([list], type) => {
    const [plain, marks] = list!.unmark();
    const reversed = [...plain.elements()].reverse();
    const out = type.kind === 'tuple' ? Value.tuple(reversed) : Value.list(reversed, elementType(type));
    return out.withMarks(marks);
  },
};

interface SliceBounds {
  readonly start: number;
  readonly end: number;
  readonly known: boolean;
}

function sliceIndex(v: Value, which: 'start' | 'end', argIndex: number, length: number | undefined): number {
  const i = goInt(v.asNumber());
  if (i === undefined) throw new FunctionArgError(argIndex, `invalid ${which} index: ${WHOLE_NUMBER_ERROR}`);
  if (i < 0) throw new FunctionArgError(argIndex, `${which} index must not be less than zero`);
  if (length !== undefined && i > length)
    throw new FunctionArgError(argIndex, `${which} index must not be greater than the length of the list`);
  return i;
}

function sliceBounds(list: Value, startVal: Value, endVal: Value): SliceBounds {
  const [plain] = list.unmark();
  const length =
    plain.type.kind === 'tuple' ? plain.type.elements.length : plain.isKnown() ? plain.length() : undefined;
  const start = startVal.isKnown() ? sliceIndex(startVal, 'start', 1, length) : undefined;
  const end = endVal.isKnown() ? sliceIndex(endVal, 'end', 2, length) : undefined;
  if (start !== undefined && end !== undefined && start > end)
    throw new FunctionArgError(1, 'start index must not be greater than end index');
  return { start: start ?? 0, end: end ?? 0, known: start !== undefined && end !== undefined };
}

const slice: FunctionSpec = {
  params: [
    { name: 'list', type: DynamicPseudoType, allowMarked: true },
    { name: 'start_index', type: NumberType },
    { name: 'end_index', type: NumberType },
  ],
  returnType: ([list, start, end]) => {
    const t = list!.type;
    if (t.kind === 'set')
      throw new FunctionArgError(
        0,
        'cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important',
      );
    if (t.kind !== 'list' && t.kind !== 'tuple') throw new FunctionArgError(0, 'must be a list or tuple value');
    const bounds = sliceBounds(list!, start!, end!);
    if (t.kind === 'list') return t;
    // A tuple's result type depends on which elements are taken.
    return bounds.known ? tupleOf(t.elements.slice(bounds.start, bounds.end)) : DynamicPseudoType;
  },
  impl: ([list, start, end], type) => {
    const [plain, marks] = list!.unmark();
    if (type.kind === 'dynamic') return Value.unknown(DynamicPseudoType).withMarks(marks);
    const bounds = sliceBounds(list!, start!, end!);
    const taken = plain.elements().slice(bounds.start, bounds.end);
    const out = type.kind === 'tuple' ? Value.tuple(taken) : Value.list(taken, elementType(type));
    return out.withMarks(marks);
  },
};

const sort: FunctionSpec = {
  params: [{ name: 'list', type: listOf(StringType), allowUnknown: true }],
  returnType: () => listOf(StringType),
  impl: ([list], type) => {
    // Unknown elements leave the order unknown.
    if (!list!.isWhollyKnown()) return Value.unknown(type);
    const strings = list!.elements().map((v, i) => {
      if (v.isNull()) throw new FunctionCallError(`given list element ${i} is null; a null string cannot be sorted`);
      return v.asString();
    });
    strings.sort(compareCodePoints);
    return Value.list(
      strings.map((s) => Value.string(s)),
      StringType,
    );
  },
};

export const sequenceFunctions: Record<string, FunctionSpec> = {
  chunklist,
  concat,
  element,
  flatten,
  range,
  reverse,
  slice,
  sort,
};
