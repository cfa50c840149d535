import { ModifyInstanceAttributeCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { waitFor } from '../../../common/amazon/waiter.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { waitForInstance } from './instance-waits.js';

/*
 * StepStopEBSBackedInstance (stop unless disable_stop_instance, then wait
 * until stopped) and StepModifyEBSBackedInstance (sriov_support, ena_support).
 */

export function stepStopInstance(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  return {
    name: 'StepStopEBSBackedInstance',
    async run(state, signal) {
      const ec2 = ctx.session.ec2();
      const instanceId = state.instance?.InstanceId ?? '';
      if (!c.disable_stop_instance) {
        ui.say('Stopping the source instance...');
        try {
          await waitFor({
            what: `instance ${instanceId} to accept a stop`,
            signal,
            timeoutMs: 5 * 60_000,
            minDelayMs: 1000,
            retryCodes: ['InvalidInstanceID.NotFound'],
            check: async () => {
              ui.message('Stopping instance');
              await ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
              return { done: true, value: undefined };
            },
          });
        } catch (error) {
          if (signal.aborted) throw error;
          throw stepError(ctx, `Error stopping instance: ${awsErrorMessage(error)}`, error);
        }
      } else {
        ui.say('Automatic instance stop disabled. Please stop instance manually.');
      }
      ui.say('Waiting for the instance to stop...');
      try {
        state.instance = await waitForInstance(ec2, instanceId, 'stopped', c.aws_polling, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(ctx, `Error waiting for instance to stop: ${awsErrorMessage(error)}`, error);
      }
      return 'continue';
    },
  };
}

export function stepModifyInstance(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  return {
    name: 'StepModifyEBSBackedInstance',
    async run(state, signal) {
      const ec2 = ctx.session.ec2();
      const InstanceId = state.instance?.InstanceId ?? '';
      if (c.sriov_support) {
        builder.ui.say('Enabling Enhanced Networking (SR-IOV)...');
        try {
          const input = { InstanceId, SriovNetSupport: { Value: 'simple' } };
          await ec2.send(new ModifyInstanceAttributeCommand(input), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) throw error;
          const message = `Error enabling Enhanced Networking (SR-IOV) on ${InstanceId}: ${awsErrorMessage(error)}`;
          throw stepError(ctx, message, error);
        }
      }
      if (c.ena_support !== undefined) {
        const prefix = c.ena_support ? 'En' : 'Dis';
        builder.ui.say(`${prefix}abling Enhanced Networking (ENA)...`);
        try {
          const input = { InstanceId, EnaSupport: { Value: c.ena_support } };
          await ec2.send(new ModifyInstanceAttributeCommand(input), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) throw error;
          const message = `Error ${prefix.toLowerCase()}abling Enhanced Networking (ENA) on ${InstanceId}: ${awsErrorMessage(error)}`;
          throw stepError(ctx, message, error);
        }
      }
      return 'continue';
    },
  };
}
