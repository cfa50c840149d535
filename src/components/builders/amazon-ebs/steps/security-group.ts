import { isIPv4 } from 'node:net';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
} from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { timeOrderedUUID } from '../../../../template/gotemplate/packer-funcs.js';
import { abortableDelay } from '../../../provision-hook.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { tagSpecifications } from '../../../common/amazon/tags.js';
import { waitFor } from '../../../common/amazon/waiter.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { ec2Filters, filterMap } from './filters.js';
import { runTags } from './run-tags.js';

/*
 * StepSecurityGroup: uses security_group_id(s) or security_group_filter, else
 * creates a temporary group in the VPC, tagged with the run tags, that lets
 * the communicator port in from temporary_security_group_source_cidrs (or this
 * host's public IP; default 0.0.0.0/0). Cleanup deletes it, retrying while
 * the terminating instance still holds it.
 */

const DELETE_ATTEMPTS = 5;

export function stepSecurityGroup(ctx: EbsStepContext, checkPublicIp = defaultCheckPublicIp): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  let createdGroupId = '';
  return {
    name: 'StepSecurityGroup',
    async run(state, signal) {
      const ec2 = ctx.session.ec2();
      const ids = c.security_group_ids?.length
        ? c.security_group_ids
        : c.security_group_id
          ? [c.security_group_id]
          : [];
      if (ids.length > 0) {
        try {
          await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ids }), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) throw error;
          throw new Error(`Couldn't find specified security group: ${awsErrorMessage(error)}`, { cause: error });
        }
        state.securityGroupIds = [...ids];
        return 'continue';
      }
      const filter = filterMap(c.security_group_filter);
      if (Object.keys(filter).length > 0) {
        if (state.vpcId) filter['vpc-id'] = state.vpcId;
        let groups;
        try {
          const input = { Filters: ec2Filters(filter) };
          groups = (await ec2.send(new DescribeSecurityGroupsCommand(input), { abortSignal: signal })).SecurityGroups;
        } catch (error) {
          if (signal.aborted) throw error;
          throw new Error(`Couldn't find security groups for filter: ${awsErrorMessage(error)}`, { cause: error });
        }
        state.securityGroupIds = (groups ?? []).map((g) => g.GroupId ?? '');
        ui.message(`Found Security Group(s): ${state.securityGroupIds.join(', ')}`);
        return 'continue';
      }

      const groupName = `packer_${timeOrderedUUID()}`;
      ui.say(`Creating temporary security group for this instance: ${groupName}`);
      let tags;
      try {
        tags = runTags(ctx, state);
      } catch (error) {
        throw stepError(ctx, `Error tagging security group: ${(error as Error).message}`, error);
      }
      try {
        // Not abortable: a group created after an abort would leak.
        const out = await ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: groupName,
            Description: 'Temporary group for Packer',
            TagSpecifications: tagSpecifications(tags, 'security-group'),
            ...(state.vpcId ? { VpcId: state.vpcId } : {}),
          }),
        );
        createdGroupId = out.GroupId ?? '';
      } catch (error) {
        throw stepError(ctx, awsErrorMessage(error), error);
      }
      const groupId = createdGroupId;
      try {
        await waitFor({
          what: `security group ${groupId} to exist`,
          signal,
          timeoutMs: 200_000,
          retryCodes: ['InvalidGroup.NotFound', 'InvalidSecurityGroupID.NotFound'],
          check: async () => {
            const out = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }), {
              abortSignal: signal,
            });
            return (out.SecurityGroups ?? []).length > 0
              ? { done: true, value: undefined }
              : { done: false, seen: 'no group' };
          },
        });
      } catch (error) {
        if (signal.aborted) throw error;
        throw new Error(`Timed out waiting for security group ${groupId}: ${awsErrorMessage(error)}`, { cause: error });
      }

      let cidrs = c.temporary_security_group_source_cidrs ?? [];
      if (cidrs.length > 0 && c.temporary_security_group_source_public_ip) {
        ui.say(
          'Using temporary_security_group_source_public_ip with temporary_security_group_source_cidrs is unsupported, ignoring temporary_security_group_source_public_ip.',
        );
      }
      if (cidrs.length === 0 && c.temporary_security_group_source_public_ip) {
        ui.say("Checking current host's public IP...");
        let ip: string;
        try {
          ip = await checkPublicIp(signal);
        } catch (error) {
          if (signal.aborted) throw error;
          throw stepError(ctx, (error as Error).message, error);
        }
        if (ip === '0.0.0.0' || ip === '::') throw stepError(ctx, `Current host's public IP is unspecified: ${ip}`);
        ui.say(`Current host's public IP: ${ip}`);
        cidrs = [`${ip}/${isIPv4(ip) ? 32 : 128}`];
      }
      if (cidrs.length === 0) cidrs = ['0.0.0.0/0'];
      state.securityGroupIds = [groupId];
      if (c.ssh_interface === 'session_manager') return 'continue';

      const port = communicatorPort(c);
      ui.say(`Authorizing access to port ${port} from [${cidrs.join(' ')}] in the temporary security groups...`);
      try {
        await ec2.send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: groupId,
            IpPermissions: [
              {
                FromPort: port,
                ToPort: port,
                IpProtocol: 'tcp',
                IpRanges: cidrs.filter((r) => isIPv4(r.split('/')[0] ?? '')).map((CidrIp) => ({ CidrIp })),
                Ipv6Ranges: cidrs.filter((r) => !isIPv4(r.split('/')[0] ?? '')).map((CidrIpv6) => ({ CidrIpv6 })),
              },
            ],
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(ctx, `Error authorizing temporary security group: ${awsErrorMessage(error)}`, error);
      }
      return 'continue';
    },
    async cleanup() {
      if (!createdGroupId) return;
      ui.say('Deleting temporary security group...');
      const never = new AbortController().signal;
      let lastError: unknown;
      for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
        try {
          await ctx.session.ec2().send(new DeleteSecurityGroupCommand({ GroupId: createdGroupId }));
          createdGroupId = '';
          return;
        } catch (error) {
          lastError = error;
          // DependencyViolation while the instance's interface goes away: wait a little longer each time.
          if (attempt < DELETE_ATTEMPTS - 1) await abortableDelay(500 * 2 ** attempt, never);
        }
      }
      ui.error(
        `Error cleaning up security group. Please delete the group manually: err: ${awsErrorMessage(lastError)}; security group ID: ${createdGroupId}`,
      );
    },
  };
}

/** communicator.Config.Port(): the SSH or WinRM port with its default. */
export function communicatorPort(c: EbsStepContext['config']): number {
  if (c.communicator === 'winrm') return c.winrm_port || (c.winrm_use_ssl ? 5986 : 5985);
  return c.ssh_port || 22;
}

/** CheckPublicIp: asks checkip.amazonaws.com for this host's public address. */
async function defaultCheckPublicIp(signal: AbortSignal): Promise<string> {
  const response = await fetch('https://checkip.amazonaws.com', { signal });
  if (!response.ok) throw new Error(`Error checking public IP: ${response.status} ${response.statusText}`);
  return (await response.text()).trim();
}
