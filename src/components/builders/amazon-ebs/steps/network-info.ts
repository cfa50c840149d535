import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Subnet,
} from '@aws-sdk/client-ec2';
import type { BuildUi } from '../../../../core/events.js';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { ec2Filters, filterMap } from './filters.js';

/*
 * StepNetworkInfo: resolves vpc_filter to one VPC and subnet_filter to one
 * subnet (most_free or random when several match); with
 * associate_public_ip_address and no subnet, infers a subnet of the default
 * VPC; finally looks up the subnet's zone and VPC.
 */

export function stepNetworkInfo(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  return {
    name: 'StepNetworkInfo',
    async run(state, signal) {
      const ec2 = ctx.session.ec2();
      const opts = { abortSignal: signal };
      let vpcId = c.vpc_id ?? '';
      let subnetId = c.subnet_id ?? '';
      let zone = c.availability_zone ?? '';
      const fail = (message: string, error: unknown): Error => {
        if (signal.aborted) return error instanceof Error ? error : new Error(String(error));
        return stepError(ctx, `${message}: ${awsErrorMessage(error)}`, error);
      };
      const vpcFilter = filterMap(c.vpc_filter);
      if (!vpcId && Object.keys(vpcFilter).length > 0) {
        const input = { Filters: ec2Filters(vpcFilter) };
        const vpcs = await ec2.send(new DescribeVpcsCommand(input), opts).then(
          (out) => out.Vpcs ?? [],
          (error: unknown) => Promise.reject(fail('Error querying VPCs', error)),
        );
        if (vpcs.length !== 1) {
          throw stepError(
            ctx,
            `Exactly one VPC should match the filter, but ${vpcs.length} VPC's was found matching filters: ${JSON.stringify(input)}`,
          );
        }
        vpcId = vpcs[0]?.VpcId ?? '';
        ui.message(`Found VPC ID: ${vpcId}`);
      }
      const subnetFilter = filterMap(c.subnet_filter);
      if (!subnetId && Object.keys(subnetFilter).length > 0) {
        const filters: Record<string, string> = { ...subnetFilter, state: 'available' };
        if (vpcId) filters['vpc-id'] = vpcId;
        if (zone) filters['availabilityZone'] = zone;
        const input = { Filters: ec2Filters(filters) };
        const subnets = await ec2.send(new DescribeSubnetsCommand(input), opts).then(
          (out) => out.Subnets ?? [],
          (error: unknown) => Promise.reject(fail('Error querying Subnets', error)),
        );
        if (subnets.length === 0) {
          throw stepError(ctx, `No Subnets was found matching filters: ${JSON.stringify(input)}`);
        }
        const { most_free: mostFree, random } = c.subnet_filter ?? {};
        if (subnets.length > 1 && !random && !mostFree) {
          throw stepError(
            ctx,
            `Your filter matched ${subnets.length} Subnets. Please try a more specific search, or set random or most_free to true.`,
          );
        }
        const subnet = mostFree
          ? mostFreeSubnet(subnets)
          : random
            ? subnets[Math.floor(Math.random() * subnets.length)]
            : subnets[0];
        subnetId = subnet?.SubnetId ?? '';
        ui.message(`Found Subnet ID: ${subnetId}`);
      }
      if (c.associate_public_ip_address !== undefined && !subnetId) {
        try {
          const found = await defaultVpcSubnet(
            ec2,
            ui,
            c.associate_public_ip_address,
            vpcId,
            c.instance_type ?? '',
            signal,
          );
          ({ subnetId, vpcId, zone } = found);
        } catch (error) {
          if (signal.aborted) throw error;
          ui.say('associate_public_ip_address is set without a subnet_id.');
          ui.say(
            `Packer attempted to infer a subnet from default VPC (if unspecified), but failed due to: ${awsErrorMessage(error)}`,
          );
          ui.say(
            'The associate_public_ip_address will be ignored for the remainder of the build, and a public IP will only be associated if the VPC chosen enables it by default.',
          );
        }
      }
      if (subnetId && (!zone || !vpcId)) {
        const subnets = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }), opts).then(
          (out) => out.Subnets ?? [],
          (error: unknown) => Promise.reject(fail(`Describing the subnet: ${subnetId} returned error`, error)),
        );
        zone ||= subnets[0]?.AvailabilityZone ?? '';
        vpcId ||= subnets[0]?.VpcId ?? '';
      }
      state.vpcId = vpcId;
      state.subnetId = subnetId;
      state.availabilityZone = zone;
      return 'continue';
    },
  };
}

/** The subnet with the most free addresses (the last of equals, as the plugin's sort leaves them). */
export function mostFreeSubnet(subnets: readonly Subnet[]): Subnet | undefined {
  return [...subnets].sort((a, b) => (a.AvailableIpAddressCount ?? 0) - (b.AvailableIpAddressCount ?? 0)).at(-1);
}

/** GetDefaultVPCAndSubnet: the most free subnet of the (default) VPC in a zone offering the instance type. */
async function defaultVpcSubnet(
  ec2: EC2Client,
  ui: BuildUi,
  publicIp: boolean,
  vpc: string,
  instanceType: string,
  signal: AbortSignal,
): Promise<{ subnetId: string; vpcId: string; zone: string }> {
  const opts = { abortSignal: signal };
  ui.say(`Setting public IP address to ${publicIp} on instance without a subnet ID`);
  if (!vpc) {
    ui.say('No VPC ID provided, Packer will use the default VPC');
    const filters = [{ Name: 'is-default', Values: ['true'] }];
    const vpcs = (await ec2.send(new DescribeVpcsCommand({ Filters: filters }), opts)).Vpcs ?? [];
    if (vpcs.length !== 1) throw new Error('No default VPC found');
    vpc = vpcs[0]?.VpcId ?? '';
  }
  ui.say(`Inferring subnet from the selected VPC "${vpc}"`);
  const filters = ec2Filters({ 'vpc-id': vpc, state: 'available' });
  let subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: filters }), opts)).Subnets ?? [];
  const zones = [...new Set(subnets.map((s) => s.AvailabilityZone ?? ''))];
  try {
    const offered: string[] = [];
    for (const zone of zones) {
      const out = await ec2.send(
        new DescribeInstanceTypeOfferingsCommand({
          LocationType: 'availability-zone',
          Filters: [
            { Name: 'location', Values: [zone] },
            { Name: 'instance-type', Values: [instanceType] },
          ],
        }),
        opts,
      );
      if ((out.InstanceTypeOfferings ?? []).some((o) => o.InstanceType === instanceType)) offered.push(zone);
    }
    if (offered.length === 0) throw new Error(`no AZ match the requested machine type "${instanceType}"`);
    subnets = subnets.filter((s) => offered.includes(s.AvailabilityZone ?? ''));
  } catch (error) {
    if (signal.aborted) throw error;
    ui.say(`Failed to filter subnets/AZ for the requested machine type "${instanceType}": ${awsErrorMessage(error)}`);
    ui.say("This may result in Packer picking a subnet/AZ that can't host the requested machine type");
    ui.say('Please check that you have the permissions required to run DescribeInstanceTypeOfferings and try again.');
  }
  const subnet = mostFreeSubnet(subnets);
  if (!subnet) throw new Error('Failed to get subnets for the filtered AZs');
  ui.say(`Set subnet as "${subnet.SubnetId ?? ''}"`);
  return { subnetId: subnet.SubnetId ?? '', vpcId: vpc, zone: subnet.AvailabilityZone ?? '' };
}
