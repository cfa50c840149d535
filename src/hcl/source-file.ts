import type { File } from './ast.js';

/**
 * Source text that has no native-syntax body (a JSON file, a console line) as a
 * File, so diagnostics can still quote its lines.
 */
export function sourceOnlyFile(filename: string, bytes: Buffer): File {
  const start = { line: 1, column: 1, byte: 0 };
  const range = { filename, start, end: start };
  return { filename, bytes, body: { kind: 'Body', attributes: [], blocks: [], range, endRange: range } };
}
