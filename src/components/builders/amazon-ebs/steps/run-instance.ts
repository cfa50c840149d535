import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DescribeInstancesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type RunInstancesCommandInput,
  type ShutdownBehavior,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMatches, awsErrorMessage } from '../../../common/amazon/errors.js';
import { renderTags, reportTags, tagSpecifications, withRunTags } from '../../../common/amazon/tags.js';
import { abortableDelay } from '../../../provision-hook.js';
import { currentBuildInfo, stepError, type EbsState, type EbsStepContext } from '../state.js';
import { ec2BlockDeviceMappings } from './block-devices.js';
import { waitForInstance } from './instance-waits.js';
import { keyValueMap, runTags } from './run-tags.js';
import { creditAndMetadataOptions } from './instance-options.js';

/*
 * StepRunSourceInstance: launches the build instance from the source AMI
 * with the run tags on the instance, its network interface and (with
 * run_volume_tags) its volumes, then waits for it to run. RunInstances itself
 * is not abortable, so an instance AWS created is always known to cleanup,
 * which terminates it and waits until it is gone.
 */

const PROFILE_RETRIES = 11;

export function stepRunInstance(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  let instanceId = '';
  return {
    name: 'StepRunSourceInstance',
    async run(state, signal) {
      const ec2 = ctx.session.ec2();
      let userData = c.user_data ?? '';
      if (c.user_data_file) {
        try {
          userData = await readFile(path.resolve(builder.cwd, c.user_data_file), 'utf8');
        } catch (error) {
          throw new Error(`Problem reading user data file: ${(error as Error).message}`, { cause: error });
        }
      }
      if (!isBase64(userData)) userData = Buffer.from(userData).toString('base64');

      ui.say('Launching a source AWS instance...');
      const image = state.sourceImage;
      if (!image) throw new Error('source_image type assertion failed');
      if (image.RootDeviceType !== 'ebs') {
        throw new Error(
          `The provided source AMI has an invalid root device type.\nExpected 'ebs', got '${image.RootDeviceType ?? ''}'.`,
        );
      }
      let instanceTags: Tag[];
      let volumeTags: Tag[];
      try {
        instanceTags = runTags(ctx, state);
      } catch (error) {
        throw stepError(ctx, `Error tagging source instance: ${(error as Error).message}`, error);
      }
      try {
        const userVolumeTags = keyValueMap(c.run_volume_tags, c.run_volume_tag);
        const rendered = renderTags(userVolumeTags, currentBuildInfo(ctx, state), ctx.scope);
        volumeTags = withRunTags(rendered, builder.runUuid, builder.build);
      } catch (error) {
        throw stepError(ctx, `Error tagging volumes: ${(error as Error).message}`, error);
      }
      const input = runInstancesInput(ctx, state, userData, instanceTags, volumeTags);
      reportTags(ui, instanceTags);
      reportTags(ui, volumeTags);
      if (state.subnetId && c.associate_public_ip_address !== undefined) {
        ui.say(
          `changing public IP address config to ${c.associate_public_ip_address} for instance on subnet "${state.subnetId}"`,
        );
      }

      for (let attempt = 1; ; attempt++) {
        try {
          const out = await ec2.send(new RunInstancesCommand(input));
          instanceId = out.Instances?.[0]?.InstanceId ?? '';
          break;
        } catch (error) {
          // A new instance profile takes a while to be usable (IAM eventual consistency).
          const retry = awsErrorMatches(error, 'InvalidParameterValue', 'iamInstanceProfile');
          if (retry && attempt < PROFILE_RETRIES && !signal.aborted) {
            await abortableDelay(Math.min(200 * attempt, 30_000), signal);
            continue;
          }
          if (!state.subnetId && awsErrorMatches(error, 'VPCIdNotSpecified', 'No default VPC for this user')) {
            throw stepError(ctx, 'Error launching source instance: a valid Subnet Id was not specified', error);
          }
          throw stepError(ctx, `Error launching source instance: ${awsErrorMessage(error)}`, error);
        }
      }

      ui.message(`Instance ID: ${instanceId}`);
      ui.say(`Waiting for instance (${instanceId}) to become ready...`);
      try {
        state.instance = await waitForInstance(ec2, instanceId, 'running', c.aws_polling, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        const message = `Error waiting for instance (${instanceId}) to become ready: ${awsErrorMessage(error)}`;
        ui.error(message);
        await reportStateReason(ctx, instanceId);
        throw new Error(message, { cause: error });
      }
      if (c.packer_debug) debugAddresses(ctx, state);
      return 'continue';
    },
    async cleanup(state) {
      if (!instanceId) return;
      const ec2 = ctx.session.ec2();
      ui.say('Terminating the source AWS instance...');
      try {
        await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
      } catch (error) {
        ui.error(`Error terminating instance, may still be around: ${awsErrorMessage(error)}`);
        return;
      }
      try {
        await waitForInstance(ec2, instanceId, 'terminated', c.aws_polling, new AbortController().signal);
      } catch (error) {
        ui.error(awsErrorMessage(error));
      }
      instanceId = '';
      state.instance = undefined;
    },
  };
}

/** The RunInstances request of the plugin, from the config and what earlier steps found. */
export function runInstancesInput(
  ctx: EbsStepContext,
  state: EbsState,
  userData: string,
  instanceTags: readonly Tag[],
  volumeTags: readonly Tag[],
): RunInstancesCommandInput {
  const c = ctx.config;
  const type = c.instance_type ?? '';
  const tenancy = c.placement?.tenancy || c.tenancy || '';
  const publicIp = c.associate_public_ip_address;
  const network =
    state.subnetId && publicIp !== undefined
      ? {
          NetworkInterfaces: [
            {
              DeviceIndex: 0,
              AssociatePublicIpAddress: publicIp,
              SubnetId: state.subnetId,
              Groups: [...state.securityGroupIds],
              DeleteOnTermination: true,
            },
          ],
        }
      : { ...(state.subnetId ? { SubnetId: state.subnetId } : {}), SecurityGroupIds: [...state.securityGroupIds] };
  const reservation = c.capacity_reservation_id || c.capacity_reservation_group_arn;
  const blockDevices = ec2BlockDeviceMappings(c.launch_block_device_mappings);
  if (c.no_ephemeral) {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') blockDevices.push({ DeviceName: `xvdc${letter}`, NoDevice: '' });
  }
  return {
    ImageId: state.sourceImage?.ImageId ?? '',
    InstanceType: type as RunInstancesCommandInput['InstanceType'],
    ...(userData ? { UserData: userData } : {}),
    MaxCount: 1,
    MinCount: 1,
    ...(c.iam_instance_profile ? { IamInstanceProfile: { Name: c.iam_instance_profile } } : {}),
    ...(blockDevices.length > 0 ? { BlockDeviceMappings: blockDevices } : {}),
    Placement: {
      ...(state.availabilityZone ? { AvailabilityZone: state.availabilityZone } : {}),
      ...(c.placement?.host_resource_group_arn ? { HostResourceGroupArn: c.placement.host_resource_group_arn } : {}),
      ...(c.placement?.host_id ? { HostId: c.placement.host_id } : {}),
      ...(tenancy ? { Tenancy: tenancy as 'default' } : {}),
    },
    EbsOptimized: c.ebs_optimized ?? false,
    EnclaveOptions: { Enabled: c.enable_nitro_enclave ?? false },
    ...creditAndMetadataOptions(c),
    TagSpecifications: [
      ...tagSpecifications(instanceTags, 'instance', 'network-interface'),
      ...tagSpecifications(volumeTags, 'volume'),
    ],
    ...(state.keyPairName ? { KeyName: state.keyPairName } : {}),
    ...network,
    InstanceInitiatedShutdownBehavior: (c.shutdown_behavior || 'stop') as ShutdownBehavior,
    ...(c.license_specifications.length > 0
      ? {
          LicenseSpecifications: c.license_specifications.map((l) => ({
            LicenseConfigurationArn: l.license_configuration_request?.license_configuration_arn ?? '',
          })),
        }
      : {}),
    ...(c.capacity_reservation_preference || reservation
      ? {
          CapacityReservationSpecification: {
            ...(c.capacity_reservation_preference
              ? { CapacityReservationPreference: c.capacity_reservation_preference as 'open' }
              : {}),
            ...(reservation
              ? {
                  CapacityReservationTarget: {
                    ...(c.capacity_reservation_id ? { CapacityReservationId: c.capacity_reservation_id } : {}),
                    ...(c.capacity_reservation_group_arn
                      ? { CapacityReservationResourceGroupArn: c.capacity_reservation_group_arn }
                      : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

/** Go's base64.StdEncoding.DecodeString succeeds: the plugin then sends the user data as it is. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

async function reportStateReason(ctx: EbsStepContext, instanceId: string): Promise<void> {
  try {
    const out = await ctx.session.ec2().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = out.Reservations?.[0]?.Instances?.[0];
    if (instance?.StateTransitionReason && instance.StateReason?.Message) {
      ctx.builder.ui.error(
        `Instance state change details: ${instance.StateTransitionReason}: ${instance.StateReason.Message}`,
      );
    }
  } catch {
    // Only extra detail for an error already reported.
  }
}

function debugAddresses(ctx: EbsStepContext, state: EbsState): void {
  const i = state.instance;
  if (i?.PublicDnsName) ctx.builder.ui.message(`Public DNS: ${i.PublicDnsName}`);
  if (i?.PublicIpAddress) ctx.builder.ui.message(`Public IP: ${i.PublicIpAddress}`);
  if (i?.PrivateIpAddress) ctx.builder.ui.message(`Private IP: ${i.PrivateIpAddress}`);
}
