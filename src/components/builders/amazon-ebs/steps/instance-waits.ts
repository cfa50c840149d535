import { DescribeInstancesCommand, type EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { waitFor, waitBounds, type PollingConfig } from '../../../common/amazon/waiter.js';

/* The instance waiters the plugin takes from the SDK (InstanceRunning, InstanceStopped, InstanceTerminated). */

const DEFAULT_WAIT_MS = 10 * 60 * 1000;

type Target = 'running' | 'stopped' | 'terminated';

/** States after which the target can no longer be reached. */
const FAILURES: Readonly<Record<Target, readonly string[]>> = {
  running: ['shutting-down', 'terminated', 'stopping'],
  stopped: ['pending', 'terminated'],
  terminated: ['pending', 'stopping'],
};

export function waitForInstance(
  ec2: EC2Client,
  instanceId: string,
  target: Target,
  polling: PollingConfig | undefined,
  signal: AbortSignal,
): Promise<Instance> {
  const bounds = waitBounds(polling, DEFAULT_WAIT_MS);
  return waitFor({
    what: `instance ${instanceId} to become ${target}`,
    signal,
    ...bounds,
    // A new instance may not be visible to Describe* yet; a terminated one may already be gone.
    retryCodes: target === 'terminated' ? [] : ['InvalidInstanceID.NotFound'],
    check: async () => {
      const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
      const instance = out.Reservations?.[0]?.Instances?.[0];
      if (!instance) {
        return target === 'terminated' ? { done: true, value: {} } : { done: false, seen: 'instance not listed' };
      }
      const state = instance.State?.Name ?? '';
      if (state === target) return { done: true, value: instance };
      if (FAILURES[target].includes(state)) {
        throw new Error(`instance ${instanceId} is ${state}, so it will not become ${target}`);
      }
      return { done: false, seen: `state ${state}` };
    },
  });
}
