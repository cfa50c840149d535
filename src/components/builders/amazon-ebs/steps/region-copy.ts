import { CopyImageCommand } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { tagSpecifications, withRunTags } from '../../../common/amazon/tags.js';
import type { EbsState, EbsStepContext } from '../state.js';
import { destroyAmis, NEW_AMI_VISIBLE_MS, snapshotIds, waitForAmi } from './ami.js';

/*
 * StepAMIRegionCopy: copies the AMI to every ami_regions entry at once
 * (encrypted with encrypt_boot, kms_key_id and region_kms_key_ids), and, for
 * an intermediary AMI, into the build region too. Cleanup removes the
 * intermediary AMI; on failure or cancel it also removes the copies made.
 */

export function stepRegionCopy(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  let intermediary = '';
  const copies = new Map<string, string>();
  return {
    name: 'StepAMIRegionCopy',
    async run(state, signal) {
      if (c.skip_create_ami) {
        ui.say('Skipping AMI region copy...');
        return 'continue';
      }
      const original = ctx.session.region;
      const ami = state.amis[original] ?? '';
      const regions = copyRegions(original, c.ami_regions ?? [], state.intermediary, c.skip_save_build_region === true);
      if (state.intermediary) intermediary = ami;
      if (c.skip_save_build_region) {
        delete state.amis[original];
        delete state.snapshots[original];
      }
      const keys: Record<string, string> = { ...c.region_kms_key_ids };
      if (c.encrypt_boot && c.kms_key_id && keys[original] === undefined) keys[original] = c.kms_key_id;
      if (regions.length === 0) return 'continue';

      ui.say(`Copying/Encrypting AMI (${ami}) to other regions...`);
      for (const region of regions) ui.message(`Copying to: ${region}`);
      ui.message('Waiting for all copies to complete...');
      const results = await Promise.allSettled(
        regions.map(async (region) => {
          const ec2 = ctx.session.ec2(region);
          const keyId = c.encrypt_boot ? (keys[region] ?? '') : '';
          let copyId: string;
          try {
            // Not abortable: a copy started after an abort would leak.
            const out = await ec2.send(
              new CopyImageCommand({
                SourceRegion: original,
                SourceImageId: ami,
                Name: c.ami_name ?? '',
                ...(c.encrypt_boot !== undefined ? { Encrypted: c.encrypt_boot } : {}),
                ...(keyId ? { KmsKeyId: keyId } : {}),
                CopyImageTags: true,
                TagSpecifications: tagSpecifications(
                  withRunTags([], builder.runUuid, builder.build),
                  'image',
                  'snapshot',
                ),
                ...(c.snapshot_copy_duration_minutes
                  ? { SnapshotCopyCompletionDurationMinutes: c.snapshot_copy_duration_minutes }
                  : {}),
              }),
            );
            copyId = out.ImageId ?? '';
          } catch (error) {
            const inner = `Error Copying AMI (${ami}) to region (${region}): ${awsErrorMessage(error)}`;
            throw new Error(`Error copying AMI (${ami}) to region (${region}): ${inner}`, { cause: error });
          }
          copies.set(region, copyId);
          let image;
          try {
            image = await waitForAmi(ec2, copyId, c.aws_polling, signal);
          } catch (error) {
            if (signal.aborted) throw error;
            const message = `Error waiting for AMI (${ami}) in region (${region}): ${awsErrorMessage(error)}`;
            throw new Error(message, { cause: error });
          }
          state.amis[region] = copyId;
          state.snapshots[region] = snapshotIds(image);
        }),
      );
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
      if (signal.aborted) throw errors[0] ?? new Error('context canceled');
      if (errors.length > 0) {
        const message = multiErrorText(errors);
        ui.error(message);
        throw new Error(message, { cause: errors[0] });
      }
      return 'continue';
    },
    async cleanup(state) {
      if (state.failed || builder.signal.aborted) {
        for (const [region, id] of copies) await destroyQuietly(ctx, region, id);
      }
      copies.clear();
      if (!intermediary) return;
      ui.say('Deregistering the AMI and deleting unencrypted temporary AMIs and snapshots');
      await destroyQuietly(ctx, ctx.session.region, intermediary);
      intermediary = '';
    },
  };
}

/** DeduplicateRegions: the copy targets; the build region only for an intermediary AMI that is kept there. */
export function copyRegions(
  original: string,
  regions: readonly string[],
  intermediary: boolean,
  skipBuildRegion: boolean,
): string[] {
  const set = new Set([original, ...regions]);
  if (!intermediary || skipBuildRegion) set.delete(original);
  return [...set];
}

async function destroyQuietly(ctx: EbsStepContext, region: string, id: string): Promise<void> {
  try {
    await destroyAmis(ctx.session.ec2(region), [id], undefined, NEW_AMI_VISIBLE_MS);
  } catch (error) {
    ctx.builder.ui.error(awsErrorMessage(error));
  }
}

/** packersdk.MultiError's text. */
function multiErrorText(errors: readonly Error[]): string {
  const lines = errors.map((e) => `* ${e.message}`).join('\n');
  return `${errors.length} error(s) occurred:\n\n${lines}`;
}
