import type { Expression, TemplateExpr, TemplateForExpr, TemplateIfExpr } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { ConversionError } from './convert.js';
import { withValues } from './diagnostic-values.js';
import { conditional } from './evaluate-constructors.js';
import { evalForParts } from './evaluate-for.js';
import { tryConvert, type Result } from './evaluate-index.js';
import { evalIn, type Scope } from './evaluate.js';
import { StringType } from './types.js';
import { Value, type Marks } from './value.js';

/*
 * String templates, as hclsyntax's TemplateExpr, and its directives: `%{ if }`
 * is a conditional between two sub-templates and `%{ for }` a tuple-for whose
 * results are joined (TemplateJoinExpr). Marks of every part go onto the result.
 */

const InvalidInterpolation = 'Invalid template interpolation value';

export function evalTemplate(expr: TemplateExpr, scope: Scope): Result {
  const diags: Diagnostic[] = [];
  const marks: Marks[] = [];
  let known = true;
  let text = '';
  for (const part of expr.parts) {
    const r = evalIn(part, scope);
    diags.push(...r.diags);
    if (r.value.isNull()) {
      const detail = 'The expression result is null. Cannot include a null value in a string template.';
      diags.push(withValues(errorDiag(InvalidInterpolation, detail, part.range, expr.range), part, scope.ctx));
      continue;
    }
    const [value, partMarks] = r.value.unmark();
    marks.push(partMarks);
    if (!value.isKnown()) {
      // Keep going: later parts may still have diagnostics to report.
      known = false;
      continue;
    }
    const str = tryConvert(value, StringType);
    if (str instanceof ConversionError) {
      const detail = `Cannot include the given value in a string template: ${str.message}.`;
      diags.push(withValues(errorDiag(InvalidInterpolation, detail, part.range, expr.range), part, scope.ctx));
      continue;
    }
    if (known && !hasErrors(diags)) text += str.asString();
  }
  const result = known ? Value.string(text) : Value.unknown(StringType);
  return { value: marks.reduce((v, m) => v.withMarks(m), result), diags };
}

export function evalTemplateIf(expr: TemplateIfExpr, scope: Scope): Result {
  const otherwise: Expression = expr.else ?? {
    kind: 'Literal',
    type: 'string',
    value: '',
    range: { filename: expr.range.filename, start: expr.range.end, end: expr.range.end },
  };
  return conditional(expr, expr.condition, expr.then, otherwise, scope);
}

export function evalTemplateFor(expr: TemplateForExpr, scope: Scope): Result {
  const tuple = evalForParts(
    {
      keyVar: expr.keyVar,
      valueVar: expr.valueVar,
      collection: expr.collection,
      valueExpr: expr.body,
      group: false,
      range: expr.range,
    },
    scope,
  );
  const diags = [...tuple.diags];
  const unknown = Value.unknown(StringType);
  if (tuple.value.type.kind === 'dynamic' || !tuple.value.isKnown()) return { value: unknown, diags };

  const [elements, marks] = tuple.value.unmark();
  const allMarks: Marks[] = [marks];
  const marked = (v: Value): Value => allMarks.reduce((acc, m) => acc.withMarks(m), v);
  let text = '';
  for (const element of elements.elements()) {
    if (element.isNull()) {
      const detail = 'An iteration result is null. Cannot include a null value in a string template.';
      diags.push(withValues(errorDiag(InvalidInterpolation, detail, expr.range), expr, scope.ctx));
      continue;
    }
    // hcl keeps only the tuple's marks here; Kiln keeps the element's too, so a secret is never unmarked.
    allMarks.push(element.marks);
    if (element.type.kind === 'dynamic') return { value: marked(unknown), diags };
    const str = tryConvert(element, StringType);
    if (str instanceof ConversionError) {
      const detail = `Cannot include one of the interpolation results into the string template: ${str.message}.`;
      diags.push(withValues(errorDiag(InvalidInterpolation, detail, expr.range), expr, scope.ctx));
      continue;
    }
    if (!element.isKnown()) return { value: marked(unknown), diags };
    text += str.unmark()[0].asString();
  }
  return { value: marked(Value.string(text)), diags };
}
