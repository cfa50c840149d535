import { goQuote } from '../../../hcl/quote.js';

/*
 * Picking a value out of a Secrets Manager secret string, as Packer does: a
 * plaintext secret is its own value; a JSON object secret yields the value of
 * a key (a string, or a number printed without decimals). Two variants:
 * the data source's (datasource/secretsmanager getSecretValue) and the
 * aws_secretsmanager function's (packer-plugin-sdk secretsmanager.getSecretValue),
 * which differ in what an unset or missing key means.
 */

/** The data source's `value`: the key's value, the first value without a key, "" for a missing key. */
export function datasourceSecretValue(secretString: string, key: string): string {
  const object = decodeObject(secretString);
  if (object === undefined) return secretString;
  if (key === '') {
    // Go ranges over a map in random order; Kiln takes the first key as written.
    const first = Object.values(object)[0];
    if (first !== undefined) return stringSecretValue(first);
  }
  return Object.hasOwn(object, key) ? stringSecretValue(object[key]) : '';
}

/** aws_secretsmanager(name, key): the key's value, the only value without a key; otherwise an error. */
export function functionSecretValue(secretString: string, key: string): string {
  const object = decodeObject(secretString);
  if (object === undefined) return secretString;
  const values = Object.values(object);
  if (key === '' && values.length > 1) throw new Error('Secret has multiple values and no key was set');
  if (key === '' && values.length === 1) return stringSecretValue(values[0]);
  if (Object.hasOwn(object, key)) return stringSecretValue(object[key]);
  throw new Error(`No secret found for key ${goQuote(key)}`);
}

/**
 * The secret as Go's json.Unmarshal into map[string]interface{} sees it:
 * undefined for text that is not JSON (a plaintext secret), an empty object
 * for `null`, an error for JSON that is not an object.
 */
function decodeObject(secretString: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    return undefined;
  }
  if (parsed === null) return {};
  if (typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  const kind = Array.isArray(parsed) ? 'array' : typeof parsed === 'boolean' ? 'bool' : typeof parsed;
  throw new Error(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
}

function stringSecretValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatWhole(v);
  throw new Error(`Unsupported secret value type: ${goTypeName(v)}`);
}

/** %T of what encoding/json decodes into an interface{}. */
function goTypeName(v: unknown): string {
  if (v === null) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** strconv.FormatFloat(v, 'f', 0, 64): rounded half to even, the sign kept ("-0"), never an exponent. */
function formatWhole(v: number): string {
  const a = Math.abs(v);
  let whole = a;
  if (a < 2 ** 52) {
    const floor = Math.floor(a);
    const fraction = a - floor; // exact below 2^52
    whole = fraction > 0.5 || (fraction === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  }
  return (v < 0 || Object.is(v, -0) ? '-' : '') + BigInt(whole).toString();
}
