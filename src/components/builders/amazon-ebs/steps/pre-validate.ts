import { DescribeImagesCommand, DescribeRegionsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { filterMap } from './filters.js';

/*
 * StepPreValidate: the regions exist (unless skip_region_validation), a
 * vpc_id without subnet is a default VPC, and no AMI of ours has the name yet
 * (unless force_deregister, skip_save_build_region or skip_create_ami).
 */

export function stepPreValidate(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  return {
    name: 'StepPreValidate',
    async run(_state, signal) {
      const ec2 = ctx.session.ec2();
      if (!c.skip_region_validation) await validateRegions(ctx, signal);
      if (c.force_deregister) {
        ui.say('Force Deregister flag found, skipping prevalidating AMI Name');
        return 'continue';
      }
      if (c.skip_save_build_region) {
        ui.say('skip_build_region was set; not prevalidating AMI name');
        return 'continue';
      }
      if (c.skip_create_ami) {
        ui.say('skip_create_ami was set; not prevalidating AMI name');
        return 'continue';
      }
      ui.say('Prevalidating any provided VPC information');
      const hasSubnetFilter = Object.keys(filterMap(c.subnet_filter)).length > 0;
      if (c.vpc_id && !c.subnet_id && !hasSubnetFilter) {
        let isDefault: boolean | undefined;
        try {
          const out = await ec2.send(new DescribeVpcsCommand({ VpcIds: [c.vpc_id] }), { abortSignal: signal });
          isDefault = out.Vpcs?.length === 1 ? out.Vpcs[0]?.IsDefault : undefined;
        } catch (error) {
          if (signal.aborted) throw error;
          throw stepError(
            ctx,
            `Error retrieving VPC information for vpc_id ${c.vpc_id}: ${awsErrorMessage(error)}`,
            error,
          );
        }
        if (isDefault === false) {
          throw stepError(ctx, `Error: subnet_id or subnet_filter must be provided for non-default VPCs (${c.vpc_id})`);
        }
      }
      const name = c.ami_name ?? '';
      ui.say(`Prevalidating AMI Name: ${name}`);
      let images;
      try {
        const input = { Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] };
        images = (await ec2.send(new DescribeImagesCommand(input), { abortSignal: signal })).Images ?? [];
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(ctx, `Error querying AMI: ${awsErrorMessage(error)}`, error);
      }
      const existing = images[0];
      if (existing) {
        throw stepError(
          ctx,
          `Error: AMI Name: '${existing.Name ?? ''}' is used by an existing AMI: ${existing.ImageId ?? ''}`,
        );
      }
      return 'continue';
    },
  };
}

async function validateRegions(ctx: EbsStepContext, signal: AbortSignal): Promise<void> {
  const wanted = [...(ctx.config.ami_regions ?? []), ctx.config.region ?? ''].filter((r) => r !== '');
  let valid: string[];
  try {
    const out = await ctx.session.ec2().send(new DescribeRegionsCommand({}), { abortSignal: signal });
    valid = (out.Regions ?? []).map((r) => r.RegionName ?? '');
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(`error validating regions: ${awsErrorMessage(error)}`, { cause: error });
  }
  const invalid = wanted.filter((r) => !valid.includes(r));
  if (invalid.length > 0) {
    throw new Error(
      `error validating regions: Invalid region(s): [${invalid.join(' ')}], available regions: [${valid.join(' ')}]`,
    );
  }
}
