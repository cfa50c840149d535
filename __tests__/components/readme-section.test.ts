import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  README_BEGIN,
  README_END,
  readmeComponents,
  withReadmeComponents,
} from '../../src/components/readme-section.js';

describe('README component block', () => {
  it('is what README.md holds, byte for byte', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withReadmeComponents(readme, readmeComponents()), 'README.md is stale: run `npm run docs`').toBe(readme);
  });

  it('lists each implemented component with its own options, the communicator ones summed up', () => {
    const block = readmeComponents();
    expect(block.startsWith(`${README_BEGIN}\n`)).toBe(true);
    expect(block.endsWith(README_END)).toBe(true);
    expect(block).toContain(
      '#### Builder `file`\n\nOptions: `source`, `target`, `content`. [Reference](docs/components.md#builder-file)\n',
    );
    expect(block).toContain(
      '#### Builder `null`\n\nOptions: none of its own. Plus the communicator options (`ssh_*` ...). [Reference](docs/components.md#builder-null)\n',
    );
    // Schema-only components are not in the README block.
    expect(block).not.toContain('`qemu`');
  });

  it('refuses a README without the block markers', () => {
    expect(() => withReadmeComponents('# x\n', 'b')).toThrow('README.md has no');
  });
});
