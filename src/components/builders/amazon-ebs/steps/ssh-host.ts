import { DescribeInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { abortableDelay } from '../../../provision-hook.js';
import type { EbsState, EbsStepContext } from '../state.js';

/*
 * The plugin's SSHHost: ssh_host if set, else the address ssh_interface
 * names; without ssh_interface, the public IP (the private one on the last
 * try) in a VPC, else the public DNS name. The instance is described again
 * while it has no address yet.
 */

const TRIES = 2;
const RETRY_DELAY_MS = 1000;

export interface HostState extends EbsState {
  sshHost?: string;
}

export function stepSshHost(ctx: EbsStepContext): Step<HostState> {
  const { config: c } = ctx;
  return {
    name: 'StepSSHHost',
    async run(state, signal) {
      if (c.ssh_host) {
        state.sshHost = c.ssh_host;
        return 'continue';
      }
      for (let attempt = 0; attempt <= TRIES; attempt++) {
        const instance = state.instance ?? {};
        const host = hostOf(instance, c.ssh_interface ?? '', attempt === TRIES);
        if (host) {
          state.sshHost = host;
          return 'continue';
        }
        const out = await ctx.session
          .ec2()
          .send(new DescribeInstancesCommand({ InstanceIds: [instance.InstanceId ?? ''] }), { abortSignal: signal });
        const described = out.Reservations?.[0]?.Instances?.[0];
        if (!described) throw new Error(`instance not found: ${instance.InstanceId ?? ''}`);
        state.instance = described;
        await abortableDelay(RETRY_DELAY_MS, signal);
      }
      throw new Error("couldn't determine address for instance");
    },
  };
}

export function hostOf(i: Instance, sshInterface: string, lastTry: boolean): string {
  switch (sshInterface) {
    case 'public_ip':
      return i.PublicIpAddress ?? '';
    case 'private_ip':
      return i.PrivateIpAddress ?? '';
    case 'public_dns':
      return i.PublicDnsName ?? '';
    case 'private_dns':
      return i.PrivateDnsName ?? '';
    case 'ipv6':
      return i.Ipv6Address ?? '';
    case 'session_manager':
      return 'localhost';
  }
  if (i.VpcId) return i.PublicIpAddress || (lastTry ? i.PrivateIpAddress || '' : '');
  return i.PublicDnsName ?? '';
}
