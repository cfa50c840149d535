import type { Expression, File } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import type { Pos } from './range.js';

/* Public entry points of the native-syntax parser. Work in progress: signatures are final. */

export function parseConfig(src: Buffer | string, filename: string): { file: File; diags: Diagnostic[] } {
  const bytes = typeof src === 'string' ? Buffer.from(src, 'utf8') : src;
  const start = { line: 1, column: 1, byte: 0 };
  const range = { filename, start, end: start };
  return {
    file: { filename, bytes, body: { kind: 'Body', attributes: [], blocks: [], range, endRange: range } },
    diags: [],
  };
}

export function parseExpression(src: string, filename: string, start?: Pos): { expr: Expression; diags: Diagnostic[] } {
  const s = start ?? { line: 1, column: 1, byte: 0 };
  return { expr: { kind: 'Literal', type: 'string', value: src, range: { filename, start: s, end: s } }, diags: [] };
}

export function parseTemplate(src: string, filename: string, start?: Pos): { expr: Expression; diags: Diagnostic[] } {
  return parseExpression(src, filename, start);
}
