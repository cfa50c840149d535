import { randomInt } from 'node:crypto';
import { CreateImageCommand, DescribeImagesCommand, type Tag } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMatches, awsErrorMessage } from '../../../common/amazon/errors.js';
import { tagSpecifications, withRunTags } from '../../../common/amazon/tags.js';
import { abortableDelay } from '../../../provision-hook.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { destroyAmis, NEW_AMI_VISIBLE_MS, snapshotIds, waitForAmi } from './ami.js';
import { userRunTags } from './run-tags.js';
import { ec2BlockDeviceMappings } from './block-devices.js';

/*
 * stepCreateAMI: creates the AMI from the stopped instance (a randomly named
 * intermediary one when encrypt_boot or skip_save_build_region), with the run
 * tags unless skip_ami_run_tags, and waits for it. Kiln's run tags go on too,
 * so a killed run's half-made AMI can be found; the last step takes them off.
 * Unlike the plugin, cleanup removes the AMI as soon as CreateImage returned,
 * not only once it was available, when the build fails or is cancelled.
 */

const CREATE_TIMEOUT_MS = 15 * 60_000;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function stepCreateAmi(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  let imageId = '';
  return {
    name: 'stepCreateAMI',
    async run(state, signal) {
      if (c.skip_create_ami) {
        ui.say('Skipping AMI creation...');
        return 'continue';
      }
      const ec2 = ctx.session.ec2();
      const region = ctx.session.region;
      let name = c.ami_name ?? '';
      state.intermediary = c.encrypt_boot === true || c.skip_save_build_region === true;
      if (state.intermediary) name = Array.from({ length: 7 }, () => ALPHANUMERIC[randomInt(62)]).join('');
      const instanceId = state.instance?.InstanceId ?? '';
      ui.say(`Creating AMI ${name} from instance ${instanceId}`);
      let tags: Tag[];
      try {
        tags = c.skip_ami_run_tags ? [] : userRunTags(ctx, state);
      } catch (error) {
        throw stepError(ctx, `Error tagging AMI: ${(error as Error).message}`, error);
      }
      ui.say(c.skip_ami_run_tags ? 'Skipping attaching run tags to AMI...' : 'Attaching run tags to AMI...');
      const mappings = ec2BlockDeviceMappings(c.ami_block_device_mappings);
      const input = {
        InstanceId: instanceId,
        Name: name,
        ...(mappings.length > 0 ? { BlockDeviceMappings: mappings } : {}),
        TagSpecifications: tagSpecifications(withRunTags(tags, builder.runUuid, builder.build), 'image', 'snapshot'),
      };
      const deadline = Date.now() + CREATE_TIMEOUT_MS;
      for (let attempt = 1; ; attempt++) {
        try {
          // Not abortable: an AMI created after an abort would leak.
          imageId = (await ec2.send(new CreateImageCommand(input))).ImageId ?? '';
          break;
        } catch (error) {
          const notStopped = awsErrorMatches(error, 'InvalidParameterValue', 'Instance is not in state');
          if (notStopped && Date.now() < deadline && !signal.aborted) {
            await abortableDelay(Math.min(200 * attempt, 30_000), signal);
            continue;
          }
          throw stepError(ctx, `Error creating AMI: ${awsErrorMessage(error)}`, error);
        }
      }
      ui.message(`AMI: ${imageId}`);
      state.amis = { [region]: imageId };
      ui.say('Waiting for AMI to become ready...');
      try {
        await waitForAmi(ec2, imageId, c.aws_polling, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(ctx, `Error waiting for AMI: ${awsErrorMessage(error)}`, error);
      }
      let images;
      try {
        images = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }), { abortSignal: signal })).Images;
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(ctx, `Error searching for AMI: ${awsErrorMessage(error)}`, error);
      }
      state.snapshots = { [region]: images?.[0] ? snapshotIds(images[0]) : [] };
      return 'continue';
    },
    async cleanup(state) {
      if (!imageId || !(state.failed || builder.signal.aborted)) return;
      ui.say('Deregistering the AMI and deleting associated snapshots because of cancellation, or error...');
      try {
        await destroyAmis(ctx.session.ec2(), [imageId], (line) => ui.say(line), NEW_AMI_VISIBLE_MS);
      } catch (error) {
        ui.error(`Error deregistering existing AMI: ${awsErrorMessage(error)}`);
      }
      imageId = '';
    },
  };
}
