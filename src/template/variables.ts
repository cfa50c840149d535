import type { Expression } from '../hcl/ast.js';
import { errorDiag, hasErrors, warningDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { jsonValueOf } from '../hcl/json/lower.js';
import { parseExpression } from '../hcl/parse.js';
import type { Range } from '../hcl/range.js';
import type { ContentBlock, HclAttribute, HclBody } from '../hcl/schema.js';
import { ConversionError, convert } from '../eval/convert.js';
import type { EvalContext } from '../eval/context.js';
import { evaluate } from '../eval/evaluate.js';
import { envFunctions } from '../eval/functions/env.js';
import { applyDefaults, typeConstraint, type TypeDefaults } from '../eval/typeexpr.js';
import {
  BoolType,
  DynamicPseudoType,
  EmptyObjectType,
  StringType,
  EmptyTupleType,
  typeEquals,
  type Type,
} from '../eval/types.js';
import { Sensitive, Value } from '../eval/value.js';
import { decodeLiteral } from './literal.js';
import { decodeValidationBlock, type VariableValidation } from './variable-validation.js';
import { isValidIdentifier, BAD_IDENTIFIER_DETAIL } from './names.js';

/*
 * Input variables (hcl2template/types.variables.go): declared by `variable`
 * blocks and the legacy `variables` block, valued by precedence — default,
 * then PKR_VAR_* environment, then var files, then -var — the last one wins.
 */

export type ValueSource = 'default' | 'env' | 'varfile' | 'cmd';

export interface InputVariable {
  readonly name: string;
  readonly type: Type;
  readonly typeDefaults?: TypeDefaults;
  readonly description?: string;
  readonly sensitive: boolean;
  readonly declRange: Range;
  /** Assignments in precedence order; the last one is the value. */
  readonly values: { from: ValueSource; value: Value; expr?: Expression }[];
  readonly validations?: readonly VariableValidation[];
}

export type InputVariables = Map<string, InputVariable>;

const variableBlockSchema = {
  attributes: [{ name: 'description' }, { name: 'default' }, { name: 'type' }, { name: 'sensitive' }],
  blocks: [{ type: 'validation', labelNames: [] }],
};

/** `default` may call env() and nothing else. */
const defaultContext: EvalContext = { variables: new Map(), functions: new Map(Object.entries(envFunctions)) };

export function decodeVariableBlock(block: ContentBlock, into: InputVariables): Diagnostic[] {
  const name = block.labels[0] ?? '';
  if (into.has(name)) {
    return [errorDiag('Duplicate variable', `Duplicate ${name} variable definition found.`, undefined, block.defRange)];
  }
  const { content, diags } = block.body.content(variableBlockSchema);
  if (!isValidIdentifier(name)) {
    diags.push(errorDiag('Invalid variable name', BAD_IDENTIFIER_DETAIL, block.labelRanges[0]));
  }
  let type: Type = DynamicPseudoType;
  let typeDefaults: TypeDefaults | undefined;
  const typeAttr = content.attributes.get('type');
  if (typeAttr) {
    const tc = typeConstraint(typeExpression(typeAttr.expr));
    diags.push(...tc.diags);
    if (hasErrors(tc.diags)) return diags;
    type = tc.type;
    typeDefaults = tc.defaults;
  }
  const descriptionAttr = content.attributes.get('description');
  const sensitiveAttr = content.attributes.get('sensitive');
  const description = descriptionAttr && decodeLiteral(descriptionAttr.expr, StringType, diags)?.asString();
  const sensitive = (sensitiveAttr && decodeLiteral(sensitiveAttr.expr, BoolType, diags)?.asBool()) ?? false;
  const values: InputVariable['values'] = [];
  const def = content.attributes.get('default');
  if (def) {
    const evaluated = evaluate(def.expr, defaultContext);
    diags.push(...evaluated.diags);
    if (hasErrors(evaluated.diags)) return diags;
    let value = evaluated.value;
    try {
      value = convert(applyDefaults(value, typeDefaults), type);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      diags.push(
        errorDiag(
          'Invalid default value for variable',
          `This default value is not compatible with the variable's type constraint: ${e.message}.`,
          def.expr.range,
        ),
      );
      value = Value.unknown(DynamicPseudoType);
    }
    values.push({ from: 'default', value, expr: def.expr });
    // With no type, the default's type becomes the variable's, except `{}` and `[]`.
    if (
      type.kind === 'dynamic' &&
      !typeEquals(value.type, EmptyObjectType) &&
      !typeEquals(value.type, EmptyTupleType)
    ) {
      type = value.type;
    }
  }
  const validations = content.blocks.map((b) => decodeValidationBlock(name, b, diags));
  into.set(name, { name, type, typeDefaults, description, sensitive, declRange: block.defRange, values, validations });
  return diags;
}

/**
 * In a .pkr.json file `type` is a JSON string holding the native type
 * expression: hcl's JSON ExprCall and AsTraversal parse it, counting positions
 * from the opening quote. When it does not parse, typeexpr sees no keyword and
 * no call, as with the JSON string itself.
 */
function typeExpression(expr: Expression): Expression {
  const json = jsonValueOf(expr);
  if (json?.kind !== 'string') return expr;
  const parsed = parseExpression(json.value, json.range.filename, json.range.start);
  return hasErrors(parsed.diags) ? expr : parsed.expr;
}

/** Declares the `variable` and `variables` blocks among `blocks`, in order; other types are skipped. */
export function decodeVariableBlocks(blocks: readonly ContentBlock[], into: InputVariables): Diagnostic[] {
  return blocks.flatMap((block) => {
    if (block.type === 'variable') return decodeVariableBlock(block, into);
    return block.type === 'variables' ? decodeVariablesBlock(block.body, into) : [];
  });
}

/** The legacy `variables { name = default }` block. */
export function decodeVariablesBlock(body: HclBody, into: InputVariables): Diagnostic[] {
  const { attributes, diags } = body.justAttributes();
  for (const attr of attributes.values()) {
    if (into.has(attr.name)) {
      diags.push(errorDiag('Duplicate variable', `Duplicate ${attr.name} variable definition found.`, attr.nameRange));
      continue;
    }
    const evaluated = evaluate(attr.expr, defaultContext);
    diags.push(...evaluated.diags);
    if (hasErrors(evaluated.diags)) continue;
    into.set(attr.name, {
      name: attr.name,
      type: evaluated.value.type,
      sensitive: false,
      declRange: attr.range,
      values: [{ from: 'default', value: evaluated.value, expr: attr.expr }],
    });
  }
  return diags;
}

export const VAR_ENV_PREFIX = 'PKR_VAR_';

export interface VariableInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Parsed var files in precedence order (HCL ones, then JSON ones). */
  readonly varFiles: readonly HclBody[];
  /** `-var name=value` in command-line order. */
  readonly argv: readonly (readonly [string, string])[];
  readonly warnOnUndeclaredVar: boolean;
}

/** Appends env, var-file and -var values to the declared variables (collectInputVariableValues). */
export function collectVariableValues(variables: InputVariables, inputs: VariableInputs): Diagnostic[] {
  const diags: Diagnostic[] = [];
  for (const [key, raw] of Object.entries(inputs.env)) {
    if (!key.startsWith(VAR_ENV_PREFIX) || raw === undefined) continue;
    const name = key.slice(VAR_ENV_PREFIX.length);
    const variable = variables.get(name);
    if (!variable) continue; // undeclared PKR_VAR_ values are ignored
    assignFromText(variable, 'env', raw, `<value for var.${name} from env>`, diags, 'Invalid value for variable');
  }
  for (const body of inputs.varFiles) diags.push(...collectVarFile(variables, body, inputs.warnOnUndeclaredVar));
  for (const [name, raw] of inputs.argv) {
    const variable = variables.get(name);
    if (!variable) {
      diags.push(
        errorDiag(
          'Undefined -var variable',
          `A ${JSON.stringify(name)} variable was passed in the command line but was not found in known variables. ` +
            `To declare variable ${JSON.stringify(name)}, place this block in one of your .pkr files, such as variables.pkr.hcl`,
        ),
      );
      continue;
    }
    assignFromText(
      variable,
      'cmd',
      raw,
      `<value for var.${name} from arguments>`,
      diags,
      'Invalid argument value for -var variable',
    );
  }
  return diags;
}

function collectVarFile(variables: InputVariables, body: HclBody, warnOnUndeclared: boolean): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const probe = body.partialContent({ attributes: [], blocks: [{ type: 'variable', labelNames: ['name'] }] });
  for (const block of probe.content.blocks) {
    const name = block.labels[0] ?? '';
    diags.push(
      errorDiag(
        'Variable declaration in a .pkrvar file',
        `A .pkrvar file is used to assign values to variables that have already been declared in .pkr files, not to declare new variables. ` +
          `To declare variable ${JSON.stringify(name)}, place this block in one of your .pkr files, such as variables.pkr.hcl\n\n` +
          `To set a value for this variable in ${block.typeRange.filename}, use the definition syntax instead:\n    ${name} = <value>`,
        block.typeRange,
      ),
    );
  }
  if (hasErrors(diags)) return diags;
  const { attributes, diags: attrDiags } = body.justAttributes();
  diags.push(...attrDiags);
  for (const attr of attributes.values()) {
    const variable = variables.get(attr.name);
    if (!variable) {
      if (warnOnUndeclared) diags.push(undeclaredWarning(attr));
      continue;
    }
    const evaluated = evaluate(attr.expr, undefined);
    diags.push(...evaluated.diags);
    const value = convertForVariable(variable, evaluated.value, attr.expr.range, diags, 'Invalid value for variable');
    variable.values.push({ from: 'varfile', value, expr: attr.expr });
  }
  return diags;
}

function undeclaredWarning(attr: HclAttribute): Diagnostic {
  const q = JSON.stringify(attr.name);
  return warningDiag(
    'Undefined variable',
    `The variable ${q} was set but was not declared as an input variable.\n` +
      `To declare variable ${q} place this block in one of your .pkr.hcl files, such as variables.pkr.hcl\n\n` +
      `variable ${q} {\n  type    = string\n  default = null\n}`,
    undefined,
    attr.range,
  );
}

/**
 * Env and -var values are literal strings for string, number and untyped
 * variables, and HCL expressions for every other type.
 */
function assignFromText(
  variable: InputVariable,
  from: ValueSource,
  raw: string,
  fakeFilename: string,
  diags: Diagnostic[],
  summary: string,
): void {
  const t = variable.type.kind;
  let value: Value;
  let expr: Expression | undefined;
  if (t === 'string' || t === 'number' || t === 'dynamic') {
    value = Value.string(raw);
  } else {
    const parsed = parseExpression(raw, fakeFilename);
    diags.push(...parsed.diags);
    if (hasErrors(parsed.diags)) return;
    expr = parsed.expr;
    const evaluated = evaluate(parsed.expr, undefined);
    diags.push(...evaluated.diags);
    value = evaluated.value;
  }
  value = convertForVariable(variable, value, expr?.range, diags, summary, from === 'cmd');
  variable.values.push({ from, value, expr });
}

function convertForVariable(
  variable: InputVariable,
  value: Value,
  subject: Range | undefined,
  diags: Diagnostic[],
  summary: string,
  fromArgs = false,
): Value {
  try {
    return convert(applyDefaults(value, variable.typeDefaults), variable.type);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    const detail = fromArgs
      ? `The received arg value for ${variable.name} is not compatible with the variable's type constraint: ${e.message}.`
      : `The value for ${variable.name} is not compatible with the variable's type constraint: ${e.message}.`;
    diags.push(errorDiag(summary, detail, fromArgs ? undefined : subject));
    return Value.unknown(DynamicPseudoType);
  }
}

/** The value `var.NAME` evaluates to: the last assignment, sensitive-marked when declared so. */
export function variableValue(v: InputVariable): Value {
  const last = v.values[v.values.length - 1];
  const value = last ? last.value : Value.unknown(v.type);
  return v.sensitive ? value.mark(Sensitive) : value;
}

/** `Unset variable` errors for variables with no value at all. */
export function unsetVariableDiags(variables: InputVariables): Diagnostic[] {
  return [...variables.values()]
    .filter((v) => v.values.length === 0)
    .map((v) =>
      errorDiag(
        `Unset variable ${JSON.stringify(v.name)}`,
        'A used variable must be set or have a default value; see https://packer.io/docs/templates/hcl_templates/syntax for details.',
        undefined,
        v.declRange,
      ),
    );
}
