import { errorDiag, type Diagnostic } from '../diagnostics.js';
import type { HclBody } from '../schema.js';
import { JsonBody } from './body.js';
import { parseJsonValue } from './parser.js';
import { startRange, type JsonValue } from './values.js';

/** A parsed JSON-syntax file (.pkr.json, .pkrvars.json). `bytes` is kept for quoting source lines. */
export interface JsonFile {
  readonly filename: string;
  readonly root: JsonValue;
  readonly bytes: Buffer;
}

/**
 * Parses an HCL JSON-syntax file, as hcl's json.Parse. The root must be an object
 * or an array of objects; otherwise the body is empty so that asking it for
 * content adds no second error about the same thing.
 */
export function parseJSON(
  src: Buffer | string,
  filename: string,
): { file: JsonFile; body: HclBody; diags: Diagnostic[] } {
  const bytes = typeof src === 'string' ? Buffer.from(src, 'utf8') : src;
  const parsed = parseJsonValue(bytes, filename);
  const diags = parsed.diags;
  let root = parsed.value;
  if (root.kind !== 'object' && root.kind !== 'array') {
    diags.push(
      errorDiag(
        'Root value must be object',
        'The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.',
        startRange(root),
      ),
    );
    const start = { line: 1, column: 1, byte: 0 };
    const nowhere = { filename, start, end: start };
    root = { kind: 'object', properties: [], range: nowhere, openRange: nowhere, closeRange: nowhere };
  }
  return { file: { filename, root, bytes }, body: new JsonBody(root), diags };
}
