import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectLegacyTemplate, loadLegacyTemplate } from '../../../src/template/legacy/index.js';
import { runPacker } from '../../support/packer.js';

/* `inspect` of a legacy template against `packer inspect` 1.6.6 (the same InspectConfig code as current Packer). */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/legacy');

function inspectText(file: string): string {
  const loaded = loadLegacyTemplate(file, { vars: [], varFiles: [], env: {}, cwd: FIXTURES });
  return inspectLegacyTemplate(loaded.template!)
    .flatMap((l) => ('say' in l ? [`${l.say}\n`] : []))
    .join('');
}

describe('inspectLegacyTemplate', () => {
  it('lists description, variables (sensitive hidden), builders and provisioners', () => {
    expect(inspectText('inspect.json')).toBe(
      [
        'Packer Inspect: JSON mode',
        'Description:\n',
        'hello\nworld\n',
        'Required variables:\n',
        '  a',
        '',
        'Optional variables and their defaults:\n',
        '  b         = x',
        '  long_name = {{env `HOME`}}',
        '  s         = <sensitive>',
        '',
        'Builders:\n',
        '  docker',
        '  zeta   (null)',
        '',
        'Provisioners:\n',
        '  shell',
        '  file',
        "\nNote: If your build names contain user variables or template\nfunctions such as 'timestamp', these are processed at build time,\nand therefore only show in their raw form here.",
        '',
      ].join('\n'),
    );
  });

  it.each(['inspect.json', 'valid.json', 'no-builders.json'])('matches packer inspect for %s', async (file) => {
    const run = await runPacker(['inspect', file], { cwd: FIXTURES });
    expect(run.exit).toBe(0);
    expect(inspectText(file)).toBe(run.stdout);
  });
});
