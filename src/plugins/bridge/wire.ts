import type { GeneratedData } from '../../components/runtime.js';
import { isRecord } from './rpc/codec.js';

/* Conversions between msgpack values from Go and Kiln's values. */

const utf8 = new TextDecoder();

/** A Go string: msgpack str, or bin from an older encoder. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return utf8.decode(value);
  return value === null || value === undefined ? '' : String(value);
}

export function asTextList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asText) : [];
}

/** The strings, numbers and booleans of a Go map[string]interface{} (generated data). */
export function asGeneratedData(value: unknown): GeneratedData {
  const data: Record<string, string | number | boolean> = {};
  if (!isRecord(value)) return data;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') data[key] = item;
    else if (item instanceof Uint8Array) data[key] = asText(item);
  }
  return data;
}

/** A *BasicError reply field: its message, or undefined for nil. */
export function basicError(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  return asText(value.Message);
}
