/*
 * Go's json.MarshalIndent(v, "", "  ") for plain JSON data: the same text as
 * JSON.stringify with two-space indent, plus Go's HTML-safe escapes. Files
 * Packer writes this way (the manifest) stay byte-identical.
 */

const escapes: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function goJsonIndent(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c);
}
