// Writes docs/components.md and the README's component block from the component
// schemas. Run as `npm run docs`, which loads this file with tsx so it can import
// the TypeScript sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { componentsPage } from '../src/components/docs-page.ts';
import { readmeComponents, withReadmeComponents } from '../src/components/readme-section.ts';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/components.md', componentsPage());
writeFileSync('README.md', withReadmeComponents(readFileSync('README.md', 'utf8'), readmeComponents()));
console.log('wrote docs/components.md and the component block of README.md');
