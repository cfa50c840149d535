import type { Range } from '../range.js';

/*
 * JSON values as the HCL JSON syntax sees them: object properties keep their
 * written order and duplicates, numbers keep their source text, and every value
 * has its source range.
 */

export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonBool | JsonNull | JsonInvalid;

export interface JsonProperty {
  readonly name: string;
  readonly value: JsonValue;
  /** The property name string, quotes included. */
  readonly nameRange: Range;
}

export interface JsonObject {
  readonly kind: 'object';
  readonly properties: readonly JsonProperty[];
  readonly range: Range;
  readonly openRange: Range;
  readonly closeRange: Range;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonValue[];
  readonly range: Range;
  readonly openRange: Range;
}

export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
  readonly range: Range;
}

export interface JsonNumber {
  readonly kind: 'number';
  readonly text: string;
  readonly range: Range;
}

export interface JsonBool {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly range: Range;
}

export interface JsonNull {
  readonly kind: 'null';
  readonly range: Range;
}

/** Stands where a value could not be parsed, so that partial results keep their shape. */
export interface JsonInvalid {
  readonly kind: 'invalid';
  readonly range: Range;
}

/** The range a diagnostic about the whole value points at: the opening brace or bracket of containers. */
export function startRange(v: JsonValue): Range {
  return v.kind === 'object' || v.kind === 'array' ? v.openRange : v.range;
}
