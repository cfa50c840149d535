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

/** DestroyAMIs: deregisters each image and deletes its snapshots; `say` reports each removal. */
export async function destroyAmis(
  ec2: EC2Client,
  imageIds: readonly string[],
  say: (line: string) => void = () => {},
): Promise<void> {
  const images = (await ec2.send(new DescribeImagesCommand({ ImageIds: [...imageIds] }))).Images ?? [];
  for (const image of images) {
    await ec2.send(new DeregisterImageCommand({ ImageId: image.ImageId }));
    say(`Deregistered AMI id: ${image.ImageId ?? ''}`);
    for (const snapshot of snapshotIds(image)) {
      await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshot }));
      say(`Deleted snapshot: ${snapshot}`);
    }
  }
}
