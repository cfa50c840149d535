import type { Filter } from '@aws-sdk/client-ec2';

/** buildEc2Filters of the plugin: one single-valued filter per entry, sorted by name (Go's map order is random). */
export function ec2Filters(filters: Readonly<Record<string, string>>): Filter[] {
  return Object.keys(filters)
    .sort()
    .map((Name) => ({ Name, Values: [filters[Name] ?? ''] }));
}

/** A filter block's `filters` map with its `filter { name value }` blocks copied on (NameValues.CopyOn). */
export function filterMap(
  block:
    | {
        filters?: Record<string, string> | undefined;
        filter?: readonly { name?: string | undefined; value?: string | undefined }[];
      }
    | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...block?.filters };
  for (const f of block?.filter ?? []) out[f.name ?? ''] = f.value ?? '';
  return out;
}
