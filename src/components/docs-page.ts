import { knownTypes, lookupComponent } from './registry.js';
import { componentDocs, type ComponentKind } from './schema/index.js';

/*
 * docs/components.md: the reference of every component Kiln knows, generated
 * from the schemas (`npm run docs`) and checked against them by a test.
 */

const SECTIONS: readonly (readonly [ComponentKind, string])[] = [
  ['builder', 'Builders'],
  ['provisioner', 'Provisioners'],
  ['post-processor', 'Post-processors'],
  ['data', 'Data sources'],
];

export function componentsPage(): string {
  const lines = [
    '# Component reference',
    '',
    '<!-- Generated from the component schemas by `npm run docs`; do not edit by hand. -->',
    '',
    'Every component Kiln knows, with its fields, their HCL types, defaults and descriptions, as in Packer.',
    '',
  ];
  for (const [kind, heading] of SECTIONS) {
    lines.push(`## ${heading}`, '');
    for (const type of knownTypes(kind)) lines.push(componentSection(kind, type));
  }
  return lines.join('\n');
}

function componentSection(kind: ComponentKind, type: string): string {
  const component = lookupComponent(kind, type);
  if (!component) throw new Error(`registry lists ${kind} "${type}" but cannot look it up`);
  const status = component.implemented ? 'Runs natively in Kiln.' : 'Schema and validation only; not run by Kiln yet.';
  return componentDocs(component.spec, 3, status);
}
