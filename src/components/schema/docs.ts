import { typeString } from '../../eval/types.js';
import type { ComponentSpec } from './component.js';
import { defaultOf, descriptionOf } from './meta.js';
import type { FieldSpec, ObjectSpec } from './object-spec.js';

/*
 * The reference table of a component in markdown: one row per field (name,
 * HCL type, default, description), then one table per nested block type.
 */

export function componentDocs(spec: ComponentSpec<unknown>, level = 2, intro?: string): string {
  return objectDocs(spec.object, `${spec.kind} "${spec.type}"`, level, intro).join('\n');
}

function objectDocs(object: ObjectSpec, title: string, level: number, intro?: string): string[] {
  const lines = [
    `${'#'.repeat(level)} ${title}`,
    '',
    ...(intro === undefined ? [] : [intro, '']),
    '| Field | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...object.fields.map(row),
    '',
  ];
  for (const field of object.fields) {
    if (field.role !== 'attribute') lines.push(...objectDocs(field.nested, `\`${field.name}\` block`, level + 1));
  }
  return lines;
}

function row(field: FieldSpec): string {
  const type =
    field.role === 'attribute' ? typeString(field.type) : field.role === 'block' ? 'block' : 'repeated block';
  const fallback = defaultOf(field.schema);
  const shownDefault = fallback && !isEmpty(fallback.value) ? `\`${JSON.stringify(fallback.value)}\`` : '';
  const required = field.role === 'attribute' && field.required ? '**Required.** ' : '';
  const description = `${required}${descriptionOf(field.schema) ?? ''}`;
  return `| \`${field.name}\` | ${type} | ${cell(shownDefault)} | ${cell(description)} |`;
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
