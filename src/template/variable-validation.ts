import type { Expression } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { formatRange, type Range } from '../hcl/range.js';
import type { ContentBlock } from '../hcl/schema.js';
import { ConversionError, convert } from '../eval/convert.js';
import type { EvalContext } from '../eval/context.js';
import { withValues } from '../eval/diagnostic-values.js';
import { evaluate } from '../eval/evaluate.js';
import { packerFunctions } from '../eval/functions/index.js';
import { BoolType, StringType } from '../eval/types.js';
import { Value } from '../eval/value.js';
import { variables as referencesOf, traversalRange } from '../eval/variables.js';
import { decodeLiteral } from './literal.js';

/*
 * `validation { condition, error_message }` inside a `variable` block
 * (types.variables.go decodeVariableValidationBlock, validateValue): the
 * condition may refer to var.NAME only; the message must read as sentences.
 * The rules are checked against the variable's final value once every source
 * of values has been read.
 */

export interface VariableValidation {
  readonly condition?: Expression;
  readonly errorMessage: string;
  readonly declRange: Range;
}

const schema = {
  attributes: [
    { name: 'condition', required: true },
    { name: 'error_message', required: true },
  ],
  blocks: [],
};

export function decodeValidationBlock(varName: string, block: ContentBlock, diags: Diagnostic[]): VariableValidation {
  const { content, diags: d } = block.body.content(schema);
  diags.push(...d);
  const condition = content.attributes.get('condition');
  if (condition) {
    let good = 0;
    for (const t of referencesOf(condition.expr)) {
      const step = t[1];
      if (t[0].name === 'var' && step?.kind === 'attr' && step.name === varName) {
        good++;
        continue;
      }
      diags.push(
        errorDiag(
          'Invalid reference in variable validation',
          `The condition for variable ${JSON.stringify(varName)} can only refer to the variable itself, using var.${varName}.`,
          traversalRange(t),
        ),
      );
    }
    if (good < 1) {
      diags.push(
        errorDiag(
          'Invalid variable validation condition',
          `The condition for variable ${JSON.stringify(varName)} must refer to var.${varName} in order to test incoming values.`,
          condition.expr.range,
        ),
      );
    }
  }
  let errorMessage = '';
  const message = content.attributes.get('error_message');
  if (message) {
    const own: Diagnostic[] = [];
    errorMessage = decodeLiteral(message.expr, StringType, own)?.asString() ?? '';
    diags.push(...own);
    if (!hasErrors(own)) {
      const summary = 'Invalid validation error message';
      if (errorMessage === '') {
        diags.push(errorDiag(summary, 'An empty string is not a valid nor useful error message.', message.expr.range));
      } else if (!looksLikeSentences(errorMessage)) {
        diags.push(
          errorDiag(
            summary,
            'Validation error message must be at least one full sentence starting with an uppercase letter ( if the alphabet permits it ) and ending with a period or question mark.',
            message.expr.range,
          ),
        );
      }
    }
  }
  return { condition: condition?.expr, errorMessage, declRange: block.defRange };
}

function looksLikeSentences(text: string): boolean {
  const s = text.trim();
  const runes = [...s];
  const first = runes[0];
  const last = runes[runes.length - 1];
  if (first === undefined || last === undefined) return false;
  if (/\p{L}/u.test(first) && !/\p{Lu}/u.test(first)) return false;
  return last === '.' || last === '?' || last === '!';
}

export interface ValidatedAssignment {
  readonly from: string;
  readonly value: Value;
  readonly expr?: Expression;
}

/** Variable.validateValue: every rule against the assignment that won. */
export function validateValue(
  name: string,
  validations: readonly VariableValidation[],
  assignment: ValidatedAssignment,
): Diagnostic[] {
  if (validations.length === 0) return [];
  const diags: Diagnostic[] = [];
  const ctx: EvalContext = {
    variables: new Map([['var', Value.object({ [name]: assignment.value })]]),
    functions: packerFunctions(''),
  };
  for (const rule of validations) {
    if (!rule.condition) continue;
    const summary = 'Invalid variable validation result';
    const evaluated = evaluate(rule.condition, ctx);
    diags.push(...evaluated.diags);
    let result = evaluated.value;
    if (!result.isKnown()) continue;
    if (result.isNull()) {
      const d = errorDiag(
        summary,
        'Validation condition expression must return either true or false, not null.',
        rule.condition.range,
      );
      diags.push(withValues(d, rule.condition, ctx));
      continue;
    }
    try {
      result = convert(result, BoolType);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      const d = errorDiag(summary, `Invalid validation condition result value: ${e.message}.`, rule.condition.range);
      diags.push(withValues(d, rule.condition, ctx));
      continue;
    }
    if (!result.unmark()[0].asBool()) {
      diags.push(
        errorDiag(
          `Invalid value for ${assignment.from} variable`,
          `${rule.errorMessage}\n\nThis was checked by the validation rule at ${formatRange(rule.declRange)}.`,
          assignment.expr?.range ?? rule.declRange,
        ),
      );
    }
  }
  return diags;
}
