import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CreateFleetCommand,
  CreateLaunchTemplateCommand,
  CreateTagsCommand,
  DeleteLaunchTemplateCommand,
  TerminateInstancesCommand,
  type CreateFleetCommandInput,
  type CreateFleetCommandOutput,
  type CreateLaunchTemplateCommandInput,
  type LaunchTemplateBlockDeviceMappingRequest,
  type RequestLaunchTemplateData,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { renderTags, reportTags, tagSpecifications, withRunTags } from '../../../common/amazon/tags.js';
import { abortableDelay } from '../../../provision-hook.js';
import { currentBuildInfo, stepError, type EbsState, type EbsStepContext } from '../state.js';
import { ec2BlockDeviceMappings } from './block-devices.js';
import { waitForInstance } from './instance-waits.js';
import { isBase64 } from './run-instance.js';
import { keyValueMap, runTags } from './run-tags.js';
import { creditAndMetadataOptions } from './instance-options.js';

/*
 * StepRunSpotInstance: a launch template holding the instance settings and an
 * `instant` EC2 fleet of one spot instance made from it. The run tags go on
 * the instance, its interface and volumes through the template; the template
 * itself carries spot_tags and Kiln's run tags so a sweep finds it. Neither
 * create call is abortable, so cleanup always knows what AWS made: it
 * terminates the instance and deletes the template.
 */

const FLEET_TRIES = 11;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface SpotTags {
  instance: Tag[];
  volume: Tag[];
  /** spot_tags with the run tags: on the launch template and the spot request. */
  spot: Tag[];
  fleet: Tag[];
}

export function stepRunSpotInstance(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  let instanceId = '';
  let templateName = '';
  return {
    name: 'StepRunSpotInstance',
    async run(state, signal) {
      const ec2 = ctx.session.ec2();
      ui.say('Launching a spot AWS instance...');
      const image = state.sourceImage;
      if (!image) throw new Error('source_image type assertion failed');
      if (image.RootDeviceType !== 'ebs') {
        throw new Error(
          `The provided source AMI has an invalid root device type.\nExpected 'ebs', got '${image.RootDeviceType ?? ''}'.`,
        );
      }
      ui.say('Interpolating tags for spot instance...');
      const tags = spotTags(ctx, state);
      reportTags(ui, tags.instance);
      reportTags(ui, tags.volume);

      ui.message('Loading User Data File...');
      const userData = await loadUserData(ctx);
      const name = `packer-fleet-launch-template-${randomAlphaNum(7)}`;
      ui.message('Creating Spot Fleet launch template...');
      const templateInput = launchTemplateInput(ctx, state, name, userData, tags);
      if (state.subnetId && c.associate_public_ip_address !== undefined) {
        ui.say(
          `changing public IP address config to ${c.associate_public_ip_address} for instance on subnet "${state.subnetId}"`,
        );
      }
      try {
        const out = await ec2.send(new CreateLaunchTemplateCommand(templateInput));
        templateName = name;
        ui.message(`Created Spot Fleet launch template: ${out.LaunchTemplate?.LaunchTemplateId ?? ''}`);
      } catch (error) {
        throw stepError(ctx, `Error creating launch template for spot instance: ${awsErrorMessage(error)}`, error);
      }

      const fleetInput = createFleetInput(ctx, name, tags.fleet);
      reportTags(ui, tags.fleet);
      instanceId = await createFleet(ctx, fleetInput, signal);

      ui.message(`Instance ID: ${instanceId}`);
      ui.say(`Waiting for instance (${instanceId}) to become ready...`);
      try {
        state.instance = await waitForInstance(ec2, instanceId, 'running', c.aws_polling, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(
          ctx,
          `Error waiting for instance (${instanceId}) to become ready: ${awsErrorMessage(error)}`,
          error,
        );
      }
      const request = state.instance.SpotInstanceRequestId;
      if (request && (c.spot_tags !== undefined || c.spot_tag.length > 0)) {
        reportTags(ui, tags.spot);
        try {
          await ec2.send(new CreateTagsCommand({ Resources: [request], Tags: tags.spot }));
        } catch (error) {
          throw stepError(ctx, `Error tagging spot request: ${awsErrorMessage(error)}`, error);
        }
      }
      if (c.packer_debug) {
        const i = state.instance;
        if (i.PublicDnsName) ui.message(`Public DNS: ${i.PublicDnsName}`);
        if (i.PublicIpAddress) ui.message(`Public IP: ${i.PublicIpAddress}`);
        if (i.PrivateIpAddress) ui.message(`Private IP: ${i.PrivateIpAddress}`);
      }
      return 'continue';
    },
    async cleanup(state) {
      const ec2 = ctx.session.ec2();
      if (instanceId) {
        ui.say('Terminating the source AWS instance...');
        try {
          await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
          await waitForInstance(ec2, instanceId, 'terminated', c.aws_polling, new AbortController().signal);
          instanceId = '';
          state.instance = undefined;
        } catch (error) {
          ui.error(`Error terminating instance, may still be around: ${awsErrorMessage(error)}`);
        }
      }
      // Unlike the plugin, the template goes even when the instance would not: it holds nothing up.
      if (!templateName) return;
      try {
        await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: templateName }));
        templateName = '';
      } catch (error) {
        ui.error(awsErrorMessage(error));
      }
    },
  };
}

/** The tags of the spot launch, rendered with the build info so far. */
function spotTags(ctx: EbsStepContext, state: EbsState): SpotTags {
  const c = ctx.config;
  const { runUuid, build } = ctx.builder;
  const render = (what: string, map: Record<string, string>): Tag[] => {
    try {
      return renderTags(map, currentBuildInfo(ctx, state), ctx.scope);
    } catch (error) {
      throw stepError(ctx, `Error generating ${what}: ${(error as Error).message}`, error);
    }
  };
  let instance: Tag[];
  try {
    instance = runTags(ctx, state);
  } catch (error) {
    throw stepError(ctx, `Error generating tags for source instance: ${(error as Error).message}`, error);
  }
  return {
    instance,
    volume: withRunTags(render('volume tags', keyValueMap(c.run_volume_tags, c.run_volume_tag)), runUuid, build),
    spot: withRunTags(render('tags for spot request', keyValueMap(c.spot_tags, c.spot_tag)), runUuid, build),
    fleet: render('fleet tags', keyValueMap(c.fleet_tags, c.fleet_tag)),
  };
}

async function loadUserData(ctx: EbsStepContext): Promise<string> {
  const c = ctx.config;
  let userData = c.user_data ?? '';
  if (c.user_data_file) {
    try {
      userData = await readFile(path.resolve(ctx.builder.cwd, c.user_data_file), 'utf8');
    } catch (error) {
      throw new Error(`Problem reading user data file: ${(error as Error).message}`, { cause: error });
    }
  }
  return isBase64(userData) ? userData : Buffer.from(userData).toString('base64');
}

/** The plugin's CreateTemplateData plus the template's name and tags. */
export function launchTemplateInput(
  ctx: EbsStepContext,
  state: EbsState,
  name: string,
  userData: string,
  tags: SpotTags,
): CreateLaunchTemplateCommandInput {
  const c = ctx.config;
  const type = c.instance_type ?? '';
  const network: RequestLaunchTemplateData = state.subnetId
    ? {
        NetworkInterfaces: [
          {
            Groups: [...state.securityGroupIds],
            DeleteOnTermination: true,
            DeviceIndex: 0,
            SubnetId: state.subnetId,
            ...(c.associate_public_ip_address !== undefined
              ? { AssociatePublicIpAddress: c.associate_public_ip_address }
              : {}),
          },
        ],
      }
    : { SecurityGroupIds: [...state.securityGroupIds] };
  const spotOptions = {
    ...(c.spot_price !== 'auto' ? { MaxPrice: c.spot_price } : {}),
    ...(c.block_duration_minutes ? { BlockDurationMinutes: c.block_duration_minutes } : {}),
  };
  const data: RequestLaunchTemplateData = {
    BlockDeviceMappings: launchBlockDevices(ctx),
    DisableApiTermination: false,
    EbsOptimized: c.ebs_optimized ?? false,
    ...(c.iam_instance_profile ? { IamInstanceProfile: { Name: c.iam_instance_profile } } : {}),
    ImageId: state.sourceImage?.ImageId ?? '',
    InstanceMarketOptions: { MarketType: 'spot', SpotOptions: spotOptions },
    Placement: state.availabilityZone ? { AvailabilityZone: state.availabilityZone } : {},
    UserData: userData,
    ...network,
    ...creditAndMetadataOptions(c),
    ...(type ? { InstanceType: type as RequestLaunchTemplateData['InstanceType'] } : {}),
    ...(state.keyPairName ? { KeyName: state.keyPairName } : {}),
    TagSpecifications: [
      ...tagSpecifications(tags.instance, 'instance', 'network-interface'),
      ...tagSpecifications(tags.volume, 'volume'),
    ],
  };
  return {
    LaunchTemplateData: data,
    LaunchTemplateName: name,
    VersionDescription: 'template generated by packer for launching spot instances',
    TagSpecifications: tagSpecifications(tags.spot, 'launch-template'),
  };
}

/** launch_block_device_mappings (and no_ephemeral's empty xvdca-xvdcz) as launch template mappings. */
function launchBlockDevices(ctx: EbsStepContext): LaunchTemplateBlockDeviceMappingRequest[] {
  const out: LaunchTemplateBlockDeviceMappingRequest[] = ec2BlockDeviceMappings(
    ctx.config.launch_block_device_mappings,
  ).map(({ DeviceName, VirtualName, Ebs }) => ({
    DeviceName,
    ...(VirtualName ? { VirtualName } : {}),
    ...(Ebs
      ? {
          Ebs: {
            DeleteOnTermination: Ebs.DeleteOnTermination,
            Encrypted: Ebs.Encrypted,
            Iops: Ebs.Iops,
            KmsKeyId: Ebs.KmsKeyId,
            SnapshotId: Ebs.SnapshotId,
            Throughput: Ebs.Throughput,
            VolumeSize: Ebs.VolumeSize,
            VolumeType: Ebs.VolumeType,
          },
        }
      : {}),
  }));
  if (ctx.config.no_ephemeral) {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') out.push({ DeviceName: `xvdc${letter}`, NoDevice: '' });
  }
  return out;
}

/** One spot instance from the template, any of spot_instance_types acceptable. */
export function createFleetInput(ctx: EbsStepContext, templateName: string, fleetTags: Tag[]): CreateFleetCommandInput {
  const c = ctx.config;
  const types = c.spot_instance_types ?? [];
  return {
    LaunchTemplateConfigs: [
      {
        LaunchTemplateSpecification: { LaunchTemplateName: templateName, Version: '1' },
        ...(types.length > 0
          ? { Overrides: types.map((t) => ({ InstanceType: t as RequestLaunchTemplateData['InstanceType'] })) }
          : {}),
      },
    ],
    ReplaceUnhealthyInstances: false,
    TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: 'spot' },
    Type: 'instant',
    ...(c.spot_allocation_strategy
      ? { SpotOptions: { AllocationStrategy: c.spot_allocation_strategy as 'lowest-price' } }
      : {}),
    ...(fleetTags.length > 0 ? { TagSpecifications: tagSpecifications(fleetTags, 'fleet') } : {}),
  };
}

/**
 * CreateFleet until an instance comes: a new instance profile takes a while to be
 * usable, and spot capacity may be short for a while. Errors for some pools do
 * not matter once an instance runs.
 */
async function createFleet(ctx: EbsStepContext, input: CreateFleetCommandInput, signal: AbortSignal): Promise<string> {
  const ec2 = ctx.session.ec2();
  for (let attempt = 1; ; attempt++) {
    let out: CreateFleetCommandOutput;
    try {
      out = await ec2.send(new CreateFleetCommand(input));
    } catch (error) {
      if (awsErrorMessage(error).includes('Invalid IAM Instance Profile name') && attempt < FLEET_TRIES) {
        await abortableDelay(Math.min(500 * attempt, 30_000), signal);
        continue;
      }
      throw stepError(ctx, awsErrorMessage(error), error);
    }
    const id = out.Instances?.[0]?.InstanceIds?.[0];
    if (id) return id;
    const errors = out.Errors ?? [];
    if (errors.some((e) => e.ErrorCode === 'InsufficientInstanceCapacity') && attempt < FLEET_TRIES) {
      await abortableDelay(Math.min(500 * attempt, 30_000), signal);
      continue;
    }
    const fleet = out.FleetId ?? '';
    const message =
      errors.length > 0
        ? `Error waiting for fleet request (${fleet}) to become ready:${errors.map((e) => e.ErrorMessage ?? '').join('')}`
        : `Error waiting for fleet request (${fleet}): no instance was launched`;
    throw stepError(ctx, message);
  }
}

function randomAlphaNum(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}
