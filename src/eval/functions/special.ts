import type { Expression } from '../../hcl/ast.js';
import { formatRange } from '../../hcl/range.js';
import { hasErrors, type Diagnostic } from '../../hcl/diagnostics.js';
import { ConversionError, convert } from '../convert.js';
import { typeConstraint } from '../typeexpr.js';
import { BoolType, DynamicPseudoType } from '../types.js';
import { DynamicVal, Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';

/*
 * Functions whose arguments are expressions rather than values (hcl's
 * customdecode extension): try and can (ext/tryfunc) evaluate their arguments
 * themselves, and convert (ext/typeexpr) reads its second argument as a type
 * expression. The evaluator recognises them by their FunctionSpec object and
 * hands them closures instead of values.
 */

/** An argument as written, with a way to evaluate it where the call is. */
export interface ArgClosure {
  readonly expr: Expression;
  value(): { value: Value; diags: Diagnostic[] };
}

/**
 * The implementation of an expression function. It returns the result and any
 * diagnostics of its own, or throws FunctionCallError/FunctionArgError, which
 * the evaluator reports as for any other function.
 */
export type ExpressionImpl = (args: readonly ArgClosure[]) => { value: Value; diags: Diagnostic[] };

const impls = new WeakMap<FunctionSpec, ExpressionImpl>();

/** The closure-taking implementation of spec, if it is an expression function. */
export function expressionImpl(spec: FunctionSpec): ExpressionImpl | undefined {
  return impls.get(spec);
}

function expressionFunction(spec: Omit<FunctionSpec, 'impl' | 'returnType'>, impl: ExpressionImpl): FunctionSpec {
  const full: FunctionSpec = {
    ...spec,
    returnType: () => DynamicPseudoType,
    impl: () => {
      throw new FunctionCallError('this function can only be called from an HCL expression');
    },
  };
  impls.set(full, impl);
  return full;
}

export const tryFunction = expressionFunction(
  {
    description:
      'Evaluates all of its argument expressions in turn and returns the result of the first one that does not produce any errors.',
    params: [],
    varParam: { name: 'expressions', type: DynamicPseudoType },
  },
  (args) => {
    if (args.length === 0) throw new FunctionCallError('at least one argument is required');
    const diags: Diagnostic[] = [];
    for (const arg of args) {
      const r = arg.value();
      diags.push(...r.diags);
      if (hasErrors(r.diags)) continue;
      // A partly-unknown result could still fail once known, and so change which argument wins.
      if (!r.value.isWhollyKnown()) return { value: DynamicVal, diags: [] };
      return { value: r.value, diags: [] };
    }
    let message = 'no expression succeeded:\n';
    for (const d of diags) {
      message += d.subject
        ? `- ${d.summary} (at ${formatRange(d.subject)})\n  ${d.detail ?? ''}\n`
        : `- ${d.summary}\n  ${d.detail ?? ''}\n`;
    }
    message += '\nAt least one expression must produce a successful result';
    throw new FunctionCallError(message);
  },
);

export const canFunction = expressionFunction(
  {
    description:
      'Tries to evaluate the expression given in its first argument and returns whether it succeeded without errors.',
    params: [{ name: 'expression', type: DynamicPseudoType }],
  },
  ([arg]) => {
    const r = arg!.value();
    if (hasErrors(r.diags)) return { value: Value.bool(false), diags: [] };
    return { value: r.value.isWhollyKnown() ? Value.bool(true) : Value.unknown(BoolType), diags: [] };
  },
);

export const convertFunction = expressionFunction(
  {
    description: 'Converts a value to the given type constraint, or fails if it cannot be converted.',
    params: [
      { name: 'value', type: DynamicPseudoType, allowNull: true, allowDynamicType: true },
      { name: 'type', type: DynamicPseudoType },
    ],
  },
  ([valueArg, typeArg]) => {
    const wanted = typeConstraint(typeArg!.expr);
    const arg = valueArg!.value();
    const diags = [...arg.diags, ...wanted.diags];
    if (hasErrors(diags)) return { value: DynamicVal, diags };
    // As cty's function.Call: marks at any depth come off the argument and go onto the result.
    const [value, marks] = arg.value.unmarkDeep();
    try {
      return { value: convert(value, wanted.type).withMarks(marks), diags };
    } catch (e) {
      if (e instanceof ConversionError) throw new FunctionArgError(0, e.message);
      throw e;
    }
  },
);

/** The expression functions Packer registers, by name. */
export const expressionFunctions: Readonly<Record<string, FunctionSpec>> = {
  can: canFunction,
  convert: convertFunction,
  try: tryFunction,
};
