import { parse as hcl2json } from '@cdktf/hcl2json';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/hcl/parse.js';
import { hcl2jsonShape } from '../support/hcl2json-shape.js';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'hcl-corpus');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.hcl'))
  .sort();

describe('native parser against @cdktf/hcl2json', () => {
  it('has a corpus of at least 100 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
  });

  it.each(files)('%s', async (name) => {
    const src = readFileSync(join(CORPUS, name));
    const { file, diags } = parseConfig(src, name);
    expect(diags).toEqual([]);
    const expected: unknown = await hcl2json(name, src.toString('utf8'));
    expect(hcl2jsonShape(file)).toEqual(expected);
  });
});
