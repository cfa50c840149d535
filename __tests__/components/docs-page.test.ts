import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentsPage } from '../../src/components/docs-page.js';

describe('componentsPage', () => {
  it('is what docs/components.md holds, byte for byte', () => {
    const committed = readFileSync(new URL('../../docs/components.md', import.meta.url), 'utf8');
    expect(committed, 'docs/components.md is stale: run `npm run docs`').toBe(componentsPage());
  });

  it('has a section per component with its run status, then its reference table', () => {
    const page = componentsPage();
    expect(page).toContain(
      ['### builder "null"', '', 'Runs natively in Kiln.', '', '| Field | Type | Default | Description |'].join('\n'),
    );
    expect(page).toContain(
      ['### builder "qemu"', '', 'Schema and validation only; not run by Kiln yet.', ''].join('\n'),
    );
    // Kinds are the only level-2 headings; components are level 3, their nested blocks deeper.
    expect(page.match(/^## .*$/gm)).toEqual([
      '## Builders',
      '## Provisioners',
      '## Post-processors',
      '## Data sources',
    ]);
  });
});
