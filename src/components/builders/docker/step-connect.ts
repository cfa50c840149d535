import { DockerCommunicator } from '../../../communicator/docker/communicator.js';
import type { Step } from '../../../core/step.js';
import { goDurationString } from '../../go-duration-string.js';
import { abortableDelay } from '../../provision-hook.js';
import { populateProvisionHookData } from '../../common/provision-hook-data.js';
import { stepConnect } from '../../common/step-connect.js';
import type { DockerState, DockerStepContext } from './state.js';

/*
 * communicator.StepConnect with the plugin's custom "docker" connect
 * (StepConnectDocker): the docker communicator on the container, which
 * receives uploads as the container's user. "ssh" and "none" connect as
 * every builder does, to the container's IP address.
 */

export function stepConnectDocker(ctx: DockerStepContext): Step<DockerState> {
  const { settings, builder, engine } = ctx;
  const type = settings.communicator;
  if (type === 'ssh' || type === 'none') {
    return stepConnect<DockerState>(settings.config, builder, (state) => ({
      host: settings.config.ssh_host || state.containerIp || '',
      instanceId: state.containerId ?? '',
    }));
  }
  return {
    name: 'StepConnect',
    async run(state, signal) {
      if (type !== 'docker')
        throw new Error(`communicator type ${JSON.stringify(type)} is not implemented by Kiln yet`);
      const containerId = state.containerId ?? '';
      builder.ui.say(`Using docker communicator to connect: ${state.containerIp ?? ''}`);
      const { pause_before_connecting: pause } = settings.config;
      if (pause) {
        builder.ui.say(`Pausing ${goDurationString(pause)} before connecting...`);
        await abortableDelay(pause, signal);
      }
      state.communicator = new DockerCommunicator({
        engine,
        containerId,
        execUser: settings.config.exec_user ?? '',
        pty: settings.config.pty ?? false,
        containerUser: state.containerUser,
        fixUploadOwner: settings.fixUploadOwner,
        ...(state.tempDir ? { spoolDir: state.tempDir } : {}),
      });
      state.hook = {
        communicator: state.communicator,
        generatedData: populateProvisionHookData({
          runUuid: builder.runUuid,
          generated: state.generated,
          instanceId: containerId,
          communicator: {
            type,
            host: '',
            port: 0,
            user: '',
            password: '',
            sshPublicKey: '',
            sshPrivateKey: '',
            sshPrivateKeyFile: settings.config.ssh_private_key_file ?? '',
            sshAgentAuth: settings.config.ssh_agent_auth ?? false,
            winrmPassword: settings.config.winrm_password ?? '',
          },
        }),
      };
      return 'continue';
    },
    async cleanup(state) {
      state.communicator = undefined;
    },
  };
}
