import type { Expression } from '../hcl/ast.js';
import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { ConversionError, convert } from './convert.js';
import { parseNumber } from './number-text.js';
import { DynamicPseudoType, StringType } from './types.js';
import { DynamicVal, Value } from './value.js';

/*
 * The default evaluator for optional() defaults when the caller passes none:
 * constant expressions only, as hcl's Expression.Value(nil) sees them (no
 * variables, no functions). Operators and for-expressions need the real
 * evaluator, which callers should pass to typeConstraint.
 */

interface Evaluated {
  value: Value;
  diags: Diagnostic[];
}

const ok = (value: Value): Evaluated => ({ value, diags: [] });
const failed = (diag: Diagnostic): Evaluated => ({ value: DynamicVal, diags: [diag] });

export function literalDefault(expr: Expression): Evaluated {
  switch (expr.kind) {
    case 'Literal':
      if (expr.type === 'number') return ok(Value.number(parseNumber(expr.text) ?? expr.text));
      if (expr.type === 'bool') return ok(Value.bool(expr.value));
      if (expr.type === 'string') return ok(Value.string(expr.value));
      return ok(Value.null(DynamicPseudoType));
    case 'Parentheses':
      return literalDefault(expr.expression);
    case 'TemplateWrap':
      return literalDefault(expr.wrapped);
    case 'Template': {
      if (expr.parts.every((p) => p.kind === 'Literal' && p.type === 'string')) {
        return ok(
          Value.string(expr.parts.map((p) => (p.kind === 'Literal' && p.type === 'string' ? p.value : '')).join('')),
        );
      }
      break;
    }
    case 'UnaryOp': {
      const operand = literalDefault(expr.operand);
      const v = operand.value;
      if (expr.op === '-' && v.type.kind === 'number' && v.isKnown() && !v.isNull())
        return ok(Value.number(v.asNumber().neg()));
      if (expr.op === '!' && v.type.kind === 'bool' && v.isKnown() && !v.isNull()) return ok(Value.bool(!v.asBool()));
      break;
    }
    case 'Tuple':
      return collect(expr.items.map(literalDefault), (values) => Value.tuple(values));
    case 'Object':
      return objectValue(expr);
    case 'Variable':
    case 'GetAttr':
    case 'Index':
      return failed(errorDiag('Variables not allowed', 'Variables may not be used here.', expr.range));
    case 'FunctionCall':
      return failed(errorDiag('Function calls not allowed', 'Functions may not be called here.', expr.range));
  }
  return failed(
    errorDiag('Unsupported default value', 'An optional() default here must be a constant value.', expr.range),
  );
}

function collect(results: readonly Evaluated[], build: (values: Value[]) => Value): Evaluated {
  const diags = results.flatMap((r) => r.diags);
  if (diags.length) return { value: DynamicVal, diags };
  return ok(build(results.map((r) => r.value)));
}

function objectValue(expr: Extract<Expression, { kind: 'Object' }>): Evaluated {
  const diags: Diagnostic[] = [];
  const attrs = new Map<string, Value>();
  for (const item of expr.items) {
    const wrapped = item.key.wrapped;
    let key: string | undefined;
    if (!item.key.forceNonLiteral && wrapped.kind === 'Variable') key = wrapped.name;
    else {
      const k = literalDefault(wrapped);
      diags.push(...k.diags);
      try {
        if (!k.diags.length) key = convert(k.value, StringType).asString();
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        diags.push(errorDiag('Incorrect key type', `Can't use this value as a key: ${e.message}.`, wrapped.range));
      }
    }
    const v = literalDefault(item.value);
    diags.push(...v.diags);
    if (key !== undefined) attrs.set(key, v.value);
  }
  return diags.length ? { value: DynamicVal, diags } : ok(Value.object(attrs));
}
