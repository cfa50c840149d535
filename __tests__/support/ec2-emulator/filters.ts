import type { Filter } from './params.js';
import type { Tag } from './types.js';

/*
 * EC2 filters: a resource matches when, for every filter, one of its values for that
 * name matches one of the filter's values; `*` and `?` are wildcards. Tag filters
 * (`tag:Key`, `tag-key`, `tag-value`) come from the resource's tags.
 */

export type FilterFields = Record<
  string,
  (string | number | boolean | undefined)[] | string | number | boolean | undefined
>;

export function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export function matchesFilters(fields: FilterFields, tags: Tag[], filters: Filter[]): boolean {
  return filters.every((filter) => {
    const values = valuesFor(fields, tags, filter.name);
    return filter.values.some((pattern) => {
      const re = wildcard(pattern);
      return values.some((value) => re.test(value));
    });
  });
}

function valuesFor(fields: FilterFields, tags: Tag[], name: string): string[] {
  if (name.startsWith('tag:')) return tags.filter((t) => t.key === name.slice(4)).map((t) => t.value);
  if (name === 'tag-key') return tags.map((t) => t.key);
  if (name === 'tag-value') return tags.map((t) => t.value);
  const value = fields[name];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== undefined).map(String);
}
