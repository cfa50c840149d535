import type { Expression, FunctionCallExpr, ObjectItem } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { rangeBetween, type Range } from '../hcl/range.js';
import { ConversionError, convert } from './convert.js';
import { literalDefault } from './typeexpr-literal.js';
import {
  BoolType,
  DynamicPseudoType,
  NumberType,
  StringType,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  type Type,
} from './types.js';
import type { Value } from './value.js';

/*
 * Type constraints written as HCL expressions (`list(string)`,
 * `object({name = string, port = optional(number, 22)})`), as hcl's
 * ext/typeexpr TypeConstraintWithDefaults, with its diagnostics.
 */

export { applyDefaults } from './typeexpr-defaults.js';

/** Default values of optional object attributes, as hcl typeexpr.Defaults. */
export interface TypeDefaults {
  readonly type: Type;
  /** Defaults of this object's optional attributes, by name. */
  readonly defaultValues: ReadonlyMap<string, Value>;
  /** Defaults nested in attributes (by name), tuple elements (by index) or collection elements (key ""). */
  readonly children: ReadonlyMap<string, TypeDefaults>;
}

export interface TypeConstraintResult {
  readonly type: Type;
  readonly defaults?: TypeDefaults;
  readonly diags: Diagnostic[];
}

/** Evaluates an optional() default expression without variables or functions (hcl's Value(nil)). */
export type EvalDefault = (expr: Expression) => { value: Value; diags: Diagnostic[] };

const INVALID = 'Invalid type specification';

interface Parsed {
  type: Type;
  defaults?: TypeDefaults;
  diags: Diagnostic[];
}

/** hcl typeexpr.TypeConstraintWithDefaults: the type (and defaults) an expression denotes. */
export function typeConstraint(expr: Expression, evalDefault: EvalDefault = literalDefault): TypeConstraintResult {
  return getType(expr, evalDefault);
}

/** hcl.ExprAsKeyword: a bare name (or the keywords null/true/false), else "". */
function keyword(expr: Expression): string {
  if (expr.kind === 'Variable') return expr.name;
  if (expr.kind === 'Literal' && expr.type === 'null') return 'null';
  if (expr.kind === 'Literal' && expr.type === 'bool') return String(expr.value);
  return '';
}

const invalid = (detail: string, subject: Range, context?: Range): Parsed => ({
  type: DynamicPseudoType,
  diags: [errorDiag(INVALID, detail, subject, context)],
});

const argsRange = (call: FunctionCallExpr): Range => rangeBetween(call.openParenRange, call.closeParenRange);

function constructorDetail(name: string): string | undefined {
  switch (name) {
    case 'list':
    case 'map':
    case 'set':
      return `The ${name} type constructor requires one argument specifying the element type.`;
    case 'object':
      return 'The object type constructor requires one argument specifying the attribute types and values as a map.';
    case 'tuple':
      return 'The tuple type constructor requires one argument specifying the element types as a list.';
    default:
      return undefined;
  }
}

function getType(expr: Expression, evalDefault: EvalDefault): Parsed {
  const kw = keyword(expr);
  switch (kw) {
    case 'bool':
      return { type: BoolType, diags: [] };
    case 'string':
      return { type: StringType, diags: [] };
    case 'number':
      return { type: NumberType, diags: [] };
    case 'any':
      return { type: DynamicPseudoType, diags: [] };
    case '':
      break;
    default:
      return invalid(constructorDetail(kw) ?? `The keyword "${kw}" is not a valid type specification.`, expr.range);
  }

  if (expr.kind !== 'FunctionCall') {
    return invalid(
      'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).',
      expr.range,
    );
  }
  const call = expr;
  switch (call.name) {
    case 'bool':
    case 'string':
    case 'number':
      return invalid(`Primitive type keyword "${call.name}" does not expect arguments.`, argsRange(call));
    case 'any':
      return invalid(`Type constraint keyword "${call.name}" does not expect arguments.`, argsRange(call));
  }

  const ctorDetail = constructorDetail(call.name);
  if (call.args.length !== 1 && ctorDetail) {
    const context = argsRange(call);
    const subject = call.args.length > 1 ? rangeBetween(call.args[1]!.range, call.args.at(-1)!.range) : context;
    return invalid(ctorDetail, subject, context);
  }

  switch (call.name) {
    case 'list':
    case 'set':
    case 'map': {
      const make = call.name === 'list' ? listOf : call.name === 'set' ? setOf : mapOf;
      const inner = getType(call.args[0]!, evalDefault);
      const type = make(inner.type);
      const defaults = inner.defaults && { type, defaultValues: new Map(), children: new Map([['', inner.defaults]]) };
      return { type, defaults, diags: inner.diags };
    }
    case 'object':
      return objectType(call, evalDefault);
    case 'tuple':
      return tupleType(call, evalDefault);
    case 'optional':
      return invalid(`Keyword "optional" is valid only as a modifier for object type attributes.`, call.nameRange);
    default:
      return invalid(`Keyword "${call.name}" is not a valid type constructor.`, expr.range);
  }
}

function tupleType(call: FunctionCallExpr, evalDefault: EvalDefault): Parsed {
  const arg = call.args[0]!;
  if (arg.kind !== 'Tuple')
    return invalid('Tuple type constructor requires a list of element types.', arg.range, call.range);
  const diags: Diagnostic[] = [];
  const children = new Map<string, TypeDefaults>();
  const elements = arg.items.map((item, i) => {
    const el = getType(item, evalDefault);
    diags.push(...el.diags);
    if (el.defaults) children.set(String(i), el.defaults);
    return el.type;
  });
  const type = tupleOf(elements);
  return { type, defaults: structuredDefaults(type, new Map(), children), diags };
}

function objectType(call: FunctionCallExpr, evalDefault: EvalDefault): Parsed {
  const arg = call.args[0]!;
  if (arg.kind !== 'Object') {
    return invalid(
      'Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.',
      arg.range,
      call.range,
    );
  }
  const diags: Diagnostic[] = [];
  const attrs = new Map<string, Type>();
  const optional: string[] = [];
  const defaultValues = new Map<string, Value>();
  const children = new Map<string, TypeDefaults>();

  for (const item of arg.items) {
    const name = item.key.forceNonLiteral ? '' : keyword(item.key.wrapped);
    if (!name) {
      diags.push(
        errorDiag(INVALID, 'Object constructor map keys must be attribute names.', item.key.range, call.range),
      );
      continue;
    }
    if (attrs.has(name)) {
      diags.push(errorDiag(INVALID, 'Object constructor map keys must be unique.', item.key.range, call.range));
      continue;
    }
    const attr = attributeType(item, evalDefault);
    if (!attr) {
      diags.push(
        errorDiag(
          INVALID,
          'Optional attribute modifier requires the attribute type as its argument.',
          argsRange(item.value as FunctionCallExpr),
          item.value.range,
        ),
      );
      continue;
    }
    diags.push(...attr.diags);
    if (attr.optional) optional.push(name);
    if (attr.default) {
      try {
        defaultValues.set(name, convert(attr.default.value, attr.type));
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        diags.push(
          errorDiag(
            'Invalid default value for optional attribute',
            `This default value is not compatible with the attribute's type constraint: ${e.message}.`,
            attr.default.expr.range,
          ),
        );
      }
    }
    attrs.set(name, attr.type);
    if (attr.defaults) children.set(name, attr.defaults);
  }
  const type = objectOf(attrs, optional);
  return { type, defaults: structuredDefaults(type, defaultValues, children), diags };
}

interface AttributeType extends Parsed {
  optional: boolean;
  default?: { value: Value; expr: Expression };
}

/** An object attribute's type, unwrapping optional(T) / optional(T, default); undefined for a bare optional(). */
function attributeType(item: ObjectItem, evalDefault: EvalDefault): AttributeType | undefined {
  const expr = item.value;
  if (expr.kind !== 'FunctionCall' || expr.name !== 'optional') {
    return { ...getType(expr, evalDefault), optional: false };
  }
  if (expr.args.length < 1) return undefined;
  const diags: Diagnostic[] = [];
  let optional = false;
  let dflt: AttributeType['default'];
  if (expr.args.length === 2) {
    const defaultExpr = expr.args[1]!;
    const evaluated = evalDefault(defaultExpr);
    diags.push(...evaluated.diags);
    if (!hasErrors(evaluated.diags)) {
      optional = true;
      dflt = { value: evaluated.value, expr: defaultExpr };
    }
  } else if (expr.args.length === 1) {
    optional = true;
  } else {
    diags.push(
      errorDiag(
        INVALID,
        'Optional attribute modifier expects at most two arguments: the attribute type, and a default value.',
        argsRange(expr),
        expr.range,
      ),
    );
  }
  const inner = getType(expr.args[0]!, evalDefault);
  return { ...inner, diags: [...diags, ...inner.diags], optional, default: dflt };
}

function structuredDefaults(
  type: Type,
  defaultValues: ReadonlyMap<string, Value>,
  children: ReadonlyMap<string, TypeDefaults>,
): TypeDefaults | undefined {
  if (defaultValues.size === 0 && children.size === 0) return undefined;
  return { type, defaultValues, children };
}
