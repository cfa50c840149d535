import { Ec2Error } from '../errors.js';
import { matchesFilters } from '../filters.js';
import { filters, objects, str, strings, tags } from '../params.js';
import type { Handler } from '../runtime.js';
import { upsertTags } from '../store.js';

/* CreateTags, DeleteTags, DescribeTags over every taggable resource. */

function resourceTags(ctx: Parameters<Handler>[0]) {
  return strings(ctx.params, 'ResourceId').map((id) => {
    const list = ctx.store.tagsOf(id);
    if (!list) {
      const kind = id.split('-')[0] ?? '';
      const code =
        kind === 'ami'
          ? 'InvalidAMIID.NotFound'
          : kind === 'i'
            ? 'InvalidInstanceID.NotFound'
            : kind === 'snap'
              ? 'InvalidSnapshot.NotFound'
              : kind === 'vol'
                ? 'InvalidVolume.NotFound'
                : 'InvalidID';
      throw new Ec2Error(code, `The ID '${id}' is not valid`);
    }
    return list;
  });
}

export const createTags: Handler = (ctx) => {
  const wanted = tags(ctx.params);
  for (const list of resourceTags(ctx)) upsertTags(list, wanted);
  return { return: true };
};

export const deleteTags: Handler = (ctx) => {
  const doomed = objects(ctx.params, 'Tag').map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') }));
  for (const list of resourceTags(ctx)) {
    for (let i = list.length - 1; i >= 0; i--) {
      const tag = list[i];
      const hit =
        doomed.length === 0 ||
        doomed.some((d) => d.key === tag?.key && (d.value === undefined || d.value === tag?.value));
      if (hit) list.splice(i, 1);
    }
  }
  return { return: true };
};

export const describeTags: Handler = (ctx) => {
  const wanted = filters(ctx.params);
  const all = ctx.store.allTags();
  return {
    tagSet: all
      .filter((t) =>
        matchesFilters(
          { 'resource-id': t.resourceId, 'resource-type': t.resourceType, key: t.key, value: t.value },
          [],
          wanted,
        ),
      )
      .map((t) => ({ resourceId: t.resourceId, resourceType: t.resourceType, key: t.key, value: t.value })),
  };
};
