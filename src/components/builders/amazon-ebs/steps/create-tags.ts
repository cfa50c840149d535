import { CreateTagsCommand, DeleteTagsCommand, DescribeImagesCommand, type Tag } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { BUILD_TAG, renderTags, reportTags, RUN_ID_TAG } from '../../../common/amazon/tags.js';
import { waitFor } from '../../../common/amazon/waiter.js';
import { currentBuildInfo, stepError, type EbsState, type EbsStepContext } from '../state.js';
import { sortedEntries } from './ami-attributes.js';
import { snapshotIds } from './ami.js';
import { keyValueMap } from './run-tags.js';

/*
 * StepCreateTags: tags (with tag blocks) on every AMI and its snapshots,
 * snapshot_tags on the snapshots; a new AMI or snapshot not yet visible is
 * retried. Then Kiln takes its run tags off the finished AMIs and snapshots,
 * unless the template's own tags set them.
 */

const NOT_FOUND = ['InvalidAMIID.NotFound', 'InvalidSnapshot.NotFound'];

export function stepCreateTags(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  return {
    name: 'StepCreateTags',
    async run(state, signal) {
      if (c.skip_create_ami) {
        ui.say('Skipping AMI create tags...');
        return 'continue';
      }
      const tags = keyValueMap(c.tags, c.tag);
      const snapshotTagMap = keyValueMap(c.snapshot_tags, c.snapshot_tag);
      if (Object.keys(tags).length === 0 && Object.keys(snapshotTagMap).length === 0) return 'continue';
      for (const [region, ami] of sortedEntries(state.amis)) {
        ui.say(`Adding tags to AMI (${ami})...`);
        const ec2 = ctx.session.ec2(region);
        let image;
        try {
          image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [ami] }), { abortSignal: signal })).Images?.[0];
        } catch (error) {
          if (signal.aborted) throw error;
          throw stepError(ctx, `Error retrieving details for AMI (${ami}): ${awsErrorMessage(error)}`, error);
        }
        if (!image) throw stepError(ctx, `Error retrieving details for AMI (${ami}), no images found`);
        const snapshots = snapshotIds(image);
        for (const id of snapshots) ui.say(`Tagging snapshot: ${id}`);
        const info = currentBuildInfo(ctx, state);
        let amiTags: Tag[];
        let snapshotTags: Tag[];
        try {
          ui.say('Creating AMI tags');
          amiTags = renderTags(tags, info, ctx.scope);
          reportTags(ui, amiTags);
          ui.say('Creating snapshot tags');
          snapshotTags = renderTags(snapshotTagMap, info, ctx.scope);
          reportTags(ui, snapshotTags);
        } catch (error) {
          throw stepError(ctx, (error as Error).message, error);
        }
        const resources = [ami, ...snapshots];
        try {
          await waitFor({
            what: `AMI ${ami} and its snapshots to take tags`,
            signal,
            timeoutMs: 5 * 60_000,
            retryCodes: NOT_FOUND,
            check: async () => {
              if (amiTags.length > 0) {
                await ec2.send(new CreateTagsCommand({ Resources: resources, Tags: amiTags }), { abortSignal: signal });
              }
              if (snapshotTags.length > 0 && snapshots.length > 0) {
                const input = { Resources: snapshots, Tags: snapshotTags };
                await ec2.send(new CreateTagsCommand(input), { abortSignal: signal });
              }
              return { done: true, value: undefined };
            },
          });
        } catch (error) {
          if (signal.aborted) throw error;
          const message = `Error adding tags to Resources (${JSON.stringify(resources)}): ${awsErrorMessage(error)}`;
          throw stepError(ctx, message, error);
        }
      }
      return 'continue';
    },
  };
}

/** Takes Kiln's run tags off the finished AMIs and snapshots; the user's own tags of the same keys stay. */
export function stepRemoveRunTags(ctx: EbsStepContext): Step<EbsState> {
  const { config: c } = ctx;
  return {
    name: 'StepRemoveRunTags',
    async run(state, signal) {
      const own = new Set([
        ...Object.keys(keyValueMap(c.tags, c.tag)),
        ...(c.skip_ami_run_tags ? [] : Object.keys(keyValueMap(c.run_tags, c.run_tag))),
      ]);
      const ownSnapshot = new Set([...own, ...Object.keys(keyValueMap(c.snapshot_tags, c.snapshot_tag))]);
      const strip = (keep: Set<string>) => [RUN_ID_TAG, BUILD_TAG].filter((k) => !keep.has(k)).map((Key) => ({ Key }));
      for (const [region, ami] of sortedEntries(state.amis)) {
        const ec2 = ctx.session.ec2(region);
        const jobs = [
          { Resources: [ami], Tags: strip(own) },
          { Resources: state.snapshots[region] ?? [], Tags: strip(ownSnapshot) },
        ];
        for (const input of jobs) {
          if (input.Resources.length === 0 || input.Tags.length === 0) continue;
          try {
            await ec2.send(new DeleteTagsCommand(input), { abortSignal: signal });
          } catch (error) {
            if (signal.aborted) throw error;
            throw stepError(
              ctx,
              `Error removing Kiln's run tags from ${input.Resources.join(', ')}: ${awsErrorMessage(error)}`,
              error,
            );
          }
        }
      }
      return 'continue';
    },
  };
}
