import { DeleteSnapshotCommand, DeregisterImageCommand, DescribeImagesCommand } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { snapshotIds } from './ami.js';

/*
 * StepDeregisterAMI: with force_deregister, removes our AMIs named ami_name
 * in the build region and every ami_regions entry (and their snapshots with
 * force_delete_snapshot).
 */

export function stepDeregisterAmi(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  return {
    name: 'StepDeregisterAMI',
    async run(_state, signal) {
      if (!c.force_deregister) return 'continue';
      const name = c.ami_name ?? '';
      for (const region of [...(c.ami_regions ?? []), ctx.session.region]) {
        const ec2 = ctx.session.ec2(region);
        const fail = (what: string, error: unknown) =>
          signal.aborted ? error : stepError(ctx, `${what}: ${awsErrorMessage(error)}`, error);
        let images;
        try {
          const input = { Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] };
          images = (await ec2.send(new DescribeImagesCommand(input), { abortSignal: signal })).Images ?? [];
        } catch (error) {
          throw fail('Error describing AMI', error);
        }
        for (const image of images) {
          try {
            await ec2.send(new DeregisterImageCommand({ ImageId: image.ImageId }), { abortSignal: signal });
          } catch (error) {
            throw fail('Error deregistering existing AMI', error);
          }
          builder.ui.say(`Deregistered AMI ${name}, id: ${image.ImageId ?? ''}`);
          if (!c.force_delete_snapshot) continue;
          for (const snapshot of snapshotIds(image)) {
            try {
              await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshot }), { abortSignal: signal });
            } catch (error) {
              throw fail('Error deleting existing snapshot', error);
            }
            builder.ui.say(`Deleted snapshot: ${snapshot}`);
          }
        }
      }
      return 'continue';
    },
  };
}
