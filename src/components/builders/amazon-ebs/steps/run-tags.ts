import type { Tag } from '@aws-sdk/client-ec2';
import { renderTags, withRunTags } from '../../../common/amazon/tags.js';
import { currentBuildInfo, type EbsState, type EbsStepContext } from '../state.js';

/** run_tags (with run_tag blocks) rendered with the build info so far, plus Kiln's run tags. */
export function runTags(ctx: EbsStepContext, state: EbsState): Tag[] {
  return withRunTags(userRunTags(ctx, state), ctx.builder.runUuid, ctx.builder.build);
}

/** run_tags as the user wrote them, rendered: what the plugin copies onto the AMI. */
export function userRunTags(ctx: EbsStepContext, state: EbsState): Tag[] {
  return renderTags(keyValueMap(ctx.config.run_tags, ctx.config.run_tag), currentBuildInfo(ctx, state), ctx.scope);
}

/** A tag map with its `*_tag { key value }` (or `{ name value }`) blocks copied on (KeyValues.CopyOn). */
export function keyValueMap(
  map: Readonly<Record<string, string>> | undefined,
  blocks: readonly { key?: string | undefined; name?: string | undefined; value?: string | undefined }[] = [],
): Record<string, string> {
  const out: Record<string, string> = { ...map };
  for (const b of blocks) out[b.key ?? b.name ?? ''] = b.value ?? '';
  return out;
}
