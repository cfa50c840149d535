import {
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { waitBounds, waitFor, type PollingConfig } from '../../../common/amazon/waiter.js';

/* What several steps and the artifact do with AMIs: wait for one, and deregister one with its snapshots. */

const DEFAULT_AMI_WAIT_MS = 30 * 60 * 1000;

/** WaitUntilAMIAvailable, tolerating an AMI not yet visible (eventual consistency); resolves the image. */
export function waitForAmi(
  ec2: EC2Client,
  imageId: string,
  polling: PollingConfig | undefined,
  signal: AbortSignal,
): Promise<Image> {
  return waitFor({
    what: `AMI ${imageId} to become available`,
    signal,
    ...waitBounds(polling, DEFAULT_AMI_WAIT_MS),
    retryCodes: ['InvalidAMIID.NotFound'],
    check: async () => {
      const out = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }), { abortSignal: signal });
      const image = out.Images?.[0];
      if (!image) return { done: false, seen: 'AMI not listed yet' };
      if (image.State === 'available') return { done: true, value: image };
      if (image.State === 'failed' || image.State === 'error' || image.State === 'invalid') {
        const reason = image.StateReason?.Message ? `: ${image.StateReason.Message}` : '';
        throw new Error(`AMI ${imageId} is ${image.State}${reason}`);
      }
      return { done: false, seen: `state ${image.State ?? ''}` };
    },
  });
}

/** The snapshot IDs of an image's EBS mappings. */
export function snapshotIds(image: Image): string[] {
  return (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
}

/** How long cleanup waits for an AMI it just created to be listed (EC2 is eventually consistent). */
export const NEW_AMI_VISIBLE_MS = 2 * 60_000;

/**
 * DestroyAMIs: deregisters each image and deletes its snapshots; `say` reports each removal.
 * With visibleWithinMs, images not listed yet (just created) are waited for that long: else a
 * cancelled build would leave an AMI that DescribeImages did not return at once.
 */
export async function destroyAmis(
  ec2: EC2Client,
  imageIds: readonly string[],
  say: (line: string) => void = () => {},
  visibleWithinMs = 0,
): Promise<void> {
  for (const image of await describeImages(ec2, imageIds, visibleWithinMs)) {
    await ec2.send(new DeregisterImageCommand({ ImageId: image.ImageId }));
    say(`Deregistered AMI id: ${image.ImageId ?? ''}`);
    for (const snapshot of snapshotIds(image)) {
      await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshot }));
      say(`Deleted snapshot: ${snapshot}`);
    }
  }
}

async function describeImages(ec2: EC2Client, imageIds: readonly string[], visibleWithinMs: number): Promise<Image[]> {
  const describe = async () => (await ec2.send(new DescribeImagesCommand({ ImageIds: [...imageIds] }))).Images ?? [];
  if (visibleWithinMs <= 0) return describe();
  return waitFor({
    what: `AMI(s) ${imageIds.join(', ')} to be listed`,
    signal: new AbortController().signal,
    timeoutMs: visibleWithinMs,
    retryCodes: ['InvalidAMIID.NotFound'],
    check: async () => {
      const images = await describe();
      if (images.length === imageIds.length) return { done: true, value: images };
      return { done: false, seen: `${images.length} of ${imageIds.length} listed` };
    },
  });
}
