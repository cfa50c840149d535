import { Value } from './value.js';

/*
 * cty's ElementIterator, shared by `for` expressions and `dynamic` blocks:
 * [key, value] pairs of a known collection or structural value.
 */

/** Positions for lists and tuples, keys for maps and objects; a set element is its own key. */
export function elementPairs(collection: Value): [Value, Value][] {
  switch (collection.type.kind) {
    case 'map':
    case 'object':
      return [...collection.entries()].map(([k, v]) => [Value.string(k), v]);
    case 'set':
      return collection.elements().map((v) => [v, v]);
    default:
      return collection.elements().map((v, i) => [Value.number(i), v]);
  }
}
