import type { Expression } from '../hcl/ast.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import { lookupVariable, type EvalContext } from './context.js';
import { getAttrValue, indexValue } from './evaluate-index.js';
import type { Num } from './number.js';
import { compareStrings, friendlyName, isPrimitive } from './types.js';
import type { Value } from './value.js';
import { variables, type Traversal } from './variables.js';

/*
 * The "with x as 1" lines of an expression diagnostic. hcl attaches the failing
 * expression and its EvalContext to a diagnostic, and its text writer prints the
 * value of every variable that expression references, which tells the user which
 * iteration of a for expression failed. Kiln renders those statements when the
 * diagnostic is made (values are immutable, so nothing changes before printing)
 * and keeps them as Diagnostic.valueContext, so the hcl layer need not know values.
 */

/** diag carrying the values of expr's variables in ctx, when there are any to show. */
export function withValues(diag: Diagnostic, expr: Expression, ctx: EvalContext | undefined): Diagnostic {
  const statements = valueStatements(expr, ctx);
  return statements.length === 0 ? diag : { ...diag, valueContext: statements };
}

/**
 * As hcl's diagnosticTextWriter: one statement per distinct traversal that
 * resolves without errors to a known value; null is "set to null", marked
 * (sensitive) values are left out; sorted.
 */
export function valueStatements(expr: Expression, ctx: EvalContext | undefined): string[] {
  if (!ctx) return [];
  const statements: string[] = [];
  const seen = new Set<string>();
  for (const traversal of variables(expr)) {
    const value = resolve(traversal, ctx);
    if (value === undefined) continue;
    const name = traversalString(traversal);
    if (seen.has(name) || !value.isKnown()) continue;
    if (value.isNull()) statements.push(`${name} set to null`);
    else if (value.isMarked()) continue;
    else statements.push(`${name} as ${valueString(value)}`);
    seen.add(name);
  }
  return statements.sort(compareStrings);
}

/** hcl.Traversal.TraverseAbs: the value, or undefined where it fails. */
function resolve(traversal: Traversal, ctx: EvalContext): Value | undefined {
  const [root, ...steps] = traversal;
  let value = lookupVariable(ctx, root.name);
  for (const step of steps) {
    if (value === undefined) return undefined;
    const r = step.kind === 'attr' ? getAttrValue(value, step.name) : indexValue(value, step.key);
    value = hasErrors(r.diags) ? undefined : r.value;
  }
  return value;
}

/** `var.list[0]`; a non-primitive index key is shown as `...`. */
export function traversalString(traversal: Traversal): string {
  const [root, ...steps] = traversal;
  let out = root.name;
  for (const step of steps) {
    if (step.kind === 'attr') out += `.${step.name}`;
    else out += isPrimitive(step.key.type) ? `[${valueString(step.key)}]` : '[...]';
  }
  return out;
}

/** hcl's concise description of a value for diagnostics: `1`, `"a"`, `list of string with 2 elements`. */
export function valueString(value: Value): string {
  if (value.isNull()) return 'null';
  if (!value.isKnown()) return '(not yet known)';
  const [v] = value.unmark();
  const ty = v.type;
  switch (ty.kind) {
    case 'bool':
      return String(v.asBool());
    case 'number':
      return numberG10(v.asNumber());
    case 'string':
      return goQuote(v.asString());
    case 'list':
    case 'set':
    case 'map':
    case 'tuple': {
      const n = v.length();
      if (n === 0) return `empty ${friendlyName(ty)}`;
      return `${friendlyName(ty)} with ${n} ${n === 1 ? 'element' : 'elements'}`;
    }
    case 'object': {
      const names = [...ty.attributes.keys()];
      if (names.length === 0) return 'object with no attributes';
      if (names.length === 1) return `object with 1 attribute ${goQuote(names[0]!)}`;
      return `object with ${names.length} attributes`;
    }
    default:
      return friendlyName(ty);
  }
}

const G_PRECISION = 10;

/**
 * Go's big.Float.Text('g', 10): ten significant digits without trailing zeros,
 * in exponent form (`1e+10`, `1.5e-05`) when the exponent is below -4 or at
 * least the number of digits shown.
 */
export function numberG10(n: Num): string {
  const sign = n.isNegative() ? '-' : '';
  if (!n.isFinite()) return `${sign || '+'}Inf`;
  // The decimal 0.<digits> × 10^exp, as math/big's decimal type after rounding.
  let digits = '';
  let exp = 0;
  if (!n.isZero()) {
    const [coefficient, e] = n.abs().toSignificantDigits(G_PRECISION).toExponential().split('e') as [string, string];
    digits = coefficient.replace('.', '').replace(/0+$/, '');
    exp = Number(e) + 1;
  }
  let eprec = G_PRECISION;
  if (eprec > digits.length && digits.length >= exp) eprec = digits.length;
  const x = exp - 1;
  if (x < -4 || x >= eprec) {
    // Only reached for non-zero numbers, so there is a first digit.
    const fraction = digits.slice(1, G_PRECISION);
    const mantissa = digits.charAt(0) + (fraction ? `.${fraction}` : '');
    return `${sign}${mantissa}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  }
  const prec = G_PRECISION > exp ? digits.length : G_PRECISION;
  const integer = exp > 0 ? digits.slice(0, exp).padEnd(exp, '0') : '0';
  const fractionDigits = Math.max(prec - exp, 0);
  let fraction = '';
  for (let i = 0; i < fractionDigits; i++) fraction += digits[exp + i] ?? '0';
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}
