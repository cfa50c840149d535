import type { Expression, ObjectItem, ObjectKey } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseTemplate } from '../parse.js';
import type { JsonString, JsonValue } from './values.js';

/*
 * JSON values become the native expression nodes, so that the evaluator has one
 * input language (hcl's "full expression mode"): strings are templates, numbers
 * keep their text, arrays are tuples, objects are objects whose keys are templates.
 * Each lowered node remembers the JSON value it came from, for the places where
 * hcl treats JSON specially (static analysis, literal-only evaluation).
 */

interface Lowered {
  readonly expr: Expression;
  readonly diags: Diagnostic[];
}

const lowered = new WeakMap<JsonValue, Lowered>();
const origins = new WeakMap<Expression | ObjectKey, JsonValue>();

/** The JSON value an expression (or object key) was lowered from, if it came from JSON. */
export function jsonValueOf(expr: Expression | ObjectKey): JsonValue | undefined {
  return origins.get(expr);
}

/**
 * The expression for a JSON value, with the diagnostics of parsing its strings as
 * templates. hcl reports those when the value is evaluated; Kiln when it is
 * decoded, which for Packer's attributes is the same moment. Results are cached,
 * so asking twice gives the same nodes.
 */
export function lowerJsonValue(v: JsonValue): Lowered {
  const cached = lowered.get(v);
  if (cached) return cached;
  const diags: Diagnostic[] = [];
  const expr = lower(v, diags);
  const result = { expr, diags };
  lowered.set(v, result);
  return result;
}

function lower(v: JsonValue, diags: Diagnostic[]): Expression {
  let expr: Expression;
  switch (v.kind) {
    case 'string':
      expr = lowerString(v, diags);
      break;
    case 'number':
      expr = { kind: 'Literal', type: 'number', text: v.text, range: v.range };
      break;
    case 'bool':
      expr = { kind: 'Literal', type: 'bool', value: v.value, range: v.range };
      break;
    case 'array':
      expr = {
        kind: 'Tuple',
        items: v.items.map((item) => lower(item, diags)),
        openRange: v.openRange,
        range: v.range,
      };
      break;
    case 'object': {
      const items: ObjectItem[] = v.properties.map((prop) => {
        const name: JsonString = { kind: 'string', value: prop.name, range: prop.nameRange };
        const key: ObjectKey = {
          kind: 'ObjectKey',
          wrapped: lowerString(name, diags),
          forceNonLiteral: false,
          range: prop.nameRange,
        };
        origins.set(key, name);
        return { key, value: lower(prop.value, diags) };
      });
      expr = { kind: 'Object', items, openRange: v.openRange, range: v.range };
      break;
    }
    case 'null':
    case 'invalid':
      // An invalid value exists only where parsing already failed; null keeps the tree whole.
      expr = { kind: 'Literal', type: 'null', range: v.range };
      break;
  }
  origins.set(expr, v);
  return expr;
}

/**
 * A string's contents parsed as a template. Inner ranges start just after the
 * opening quote (escapes in the JSON text shift them, as in hcl); the template
 * node itself spans the whole JSON string, quotes included.
 */
function lowerString(v: JsonString, diags: Diagnostic[]): Expression {
  const { start } = v.range;
  const parsed = parseTemplate(v.value, v.range.filename, {
    line: start.line,
    column: start.column + 1,
    byte: start.byte + 1,
  });
  diags.push(...parsed.diags);
  const expr: Expression = { ...parsed.expr, range: v.range };
  origins.set(expr, v);
  return expr;
}
