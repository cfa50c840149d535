import { collectionFunctions } from '../../../src/eval/functions/collection.js';
import { formatFunctions } from '../../../src/eval/functions/format.js';
import { numericFunctions } from '../../../src/eval/functions/numeric.js';
import { regexFunctions } from '../../../src/eval/functions/regex.js';
import { stringFunctions } from '../../../src/eval/functions/string.js';
import { NumberType, StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, evaluator, invalidArg } from './packer-eval.js';

/*
 * Evaluates real HCL call expressions against this library's function modules,
 * so arguments go through the same conversion and call machinery as in a template.
 */

export const s = Value.string;
export const n = Value.number;
export const b = Value.bool;
export const list = (...elements: Value[]): Value => Value.list(elements);
export const tuple = (...elements: Value[]): Value => Value.tuple(elements);
export const strings = (...items: string[]): Value => Value.list(items.map(s), StringType);
export const numbers = (...items: (number | string)[]): Value => Value.list(items.map(n), NumberType);

const library = evaluator(numericFunctions, stringFunctions, regexFunctions, formatFunctions, collectionFunctions);

/** The value of src, which must evaluate without diagnostics. */
export const value = library.value;
/** Asserts src evaluates to exactly `want` (type, state and marks). */
export const expectValue = library.expectValue;
/** The single error of src as "Summary: detail". */
export const errorOf = library.errorOf;

export { callFailed, invalidArg };
