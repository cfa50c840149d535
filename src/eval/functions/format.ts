import { DynamicPseudoType, StringType, listOf, type Type } from '../types.js';
import { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec, type Parameter } from './function.js';
import { formatValues } from './format-verbs.js';

/*
 * format and formatlist (go-cty stdlib format.go). Both see their value
 * arguments raw: null, unknown and of any type.
 */

const params: readonly Parameter[] = [{ name: 'format', type: StringType }];
const varParam: Parameter = {
  name: 'args',
  type: DynamicPseudoType,
  allowNull: true,
  allowUnknown: true,
  allowDynamicType: true,
};

const format: FunctionSpec = {
  params,
  varParam,
  returnType: () => StringType,
  impl: ([spec, ...args]) => {
    // Collections are printed as JSON, which needs them wholly known.
    if (args.some((a) => !a.isWhollyKnown())) return Value.unknown(StringType);
    return Value.string(formatValues(spec!.asString(), args));
  },
};

function isSequence(t: Type): boolean {
  return t.kind === 'list' || t.kind === 'set' || t.kind === 'tuple';
}

/** The length of a list, set or tuple argument, or undefined when it cannot be known yet. */
function sequenceLength(arg: Value): number | undefined {
  if (arg.type.kind === 'tuple') return arg.isKnown() ? arg.length() : arg.type.elements.length;
  return arg.isKnown() ? arg.length() : undefined;
}

const formatlist: FunctionSpec = {
  params,
  varParam,
  returnType: () => listOf(StringType),
  impl: ([specVal, ...args]) => {
    const spec = specVal!.asString();
    if (args.length === 0) return Value.list([Value.string(formatValues(spec, []))]);

    // Sequences are iterated together; anything else is repeated on every iteration.
    let iterLen = -1;
    let lenChooser = -1;
    let unknown = false;
    args.forEach((arg, i) => {
      if (isSequence(arg.type) && !arg.isNull()) {
        const len = sequenceLength(arg);
        if (len === undefined) {
          unknown = true;
          return;
        }
        if (iterLen === -1) {
          iterLen = len;
          lenChooser = i;
        } else if (len !== iterLen) {
          throw new FunctionArgError(
            i + 1,
            `argument ${i + 1} has length ${len}, which is inconsistent with argument ${lenChooser + 1} of length ${iterLen}`,
          );
        }
        if (!arg.isKnown()) unknown = true;
      } else if (!arg.isKnown() && arg.type.kind === 'dynamic') {
        unknown = true;
      }
    });
    if (unknown) return Value.unknown(listOf(StringType));
    if (iterLen === 0) return Value.list([], StringType);

    const results: Value[] = [];
    for (let iteration = 0; iteration < Math.max(iterLen, 1); iteration++) {
      const values = args.map((arg) => (isSequence(arg.type) && !arg.isNull() ? arg.elements()[iteration]! : arg));
      // An iteration with unknown arguments gives an unknown element; the others are still computed.
      if (values.some((v) => !v.isWhollyKnown())) {
        results.push(Value.unknown(StringType));
        continue;
      }
      try {
        results.push(Value.string(formatValues(spec, values)));
      } catch (e) {
        throw new FunctionCallError(`error on format iteration ${iteration}: ${(e as Error).message}`);
      }
    }
    return Value.list(results, StringType);
  },
};

export const formatFunctions: Record<string, FunctionSpec> = { format, formatlist };
