// Writes docs/components.md from the component schemas. Run as `npm run docs`,
// which loads this file with tsx so it can import the TypeScript sources.
import { mkdirSync, writeFileSync } from 'node:fs';
import { componentsPage } from '../src/components/docs-page.ts';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/components.md', componentsPage());
console.log('wrote docs/components.md');
