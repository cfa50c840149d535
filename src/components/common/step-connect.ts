import type { Communicator } from '../../communicator/communicator.js';
import { NoneCommunicator } from '../../communicator/none.js';
import { SSH_DEFAULTS, type SshConfig } from '../../communicator/ssh/config.js';
import { SshCommunicator } from '../../communicator/ssh/communicator.js';
import { messageOf } from '../../communicator/waiter.js';
import type { Step } from '../../core/step.js';
import { abortableDelay } from '../provision-hook.js';
import { goDurationString } from '../go-duration-string.js';
import type { BuilderContext } from '../runtime.js';
import type { CommunicatorConfig } from './communicator.prepare.js';
import { populateProvisionHookData, type HookCommunicatorSettings } from './provision-hook-data.js';
import type { ProvisionState } from './step-provision.js';

/*
 * communicator.StepConnect of packer-plugin-sdk: "none" connects to nothing
 * (its communicator runs no command and refuses file transfers);
 * "ssh" says where it connects, waits for SSH (retrying until ssh_timeout),
 * optionally pauses and reconnects (pause_before_connecting), then hands the
 * communicator and its settings to the provision step as hook data. Unlike
 * Packer's, its cleanup closes the connection.
 */

/** Where and how to connect, as the builder works it out from its state. */
export interface ConnectTarget {
  readonly host: string;
  readonly port?: number;
  /** A key pair the builder generated (ssh_private_key / ssh_public_key in Packer's config). */
  readonly privateKey?: string;
  readonly publicKey?: string;
  /** The "instance_id" state provisioners see as build.ID. */
  readonly instanceId?: string;
}

export interface ConnectState extends ProvisionState {
  communicator?: Communicator;
}

export function stepConnect<S extends ConnectState>(
  config: CommunicatorConfig,
  context: BuilderContext,
  target: (state: S) => ConnectTarget,
): Step<S> {
  const type = config.communicator || 'ssh';
  return {
    name: 'StepConnect',
    async run(state, signal) {
      const where = target(state);
      if (type === 'none') {
        // Packer returns before storing communicator_config: no Host, User ... for provisioners.
        const instance = where.instanceId !== undefined ? { instanceId: where.instanceId } : {};
        state.hook = {
          communicator: new NoneCommunicator(),
          generatedData: populateProvisionHookData({ runUuid: context.runUuid, ...instance }),
        };
        return 'continue';
      }
      if (type !== 'ssh') throw new Error(`communicator type ${JSON.stringify(type)} is not implemented by Kiln yet`);
      context.ui.say(`Using SSH communicator to connect: ${where.host}`);
      const sshConfig = toSshConfig(config, where);
      state.communicator = await connect(sshConfig, context, signal);
      if (config.pause_before_connecting) {
        context.ui.say(`Pausing ${goDurationString(config.pause_before_connecting)} before connecting...`);
        await abortableDelay(config.pause_before_connecting, signal);
        await state.communicator.close();
        state.communicator = undefined;
        state.communicator = await connect(sshConfig, context, signal);
      }
      state.hook = { communicator: state.communicator, generatedData: sshHookData(config, where, context.runUuid) };
      return 'continue';
    },
    async cleanup(state) {
      await state.communicator?.close();
      state.communicator = undefined;
    },
  };
}

async function connect(config: SshConfig, context: BuilderContext, signal: AbortSignal): Promise<Communicator> {
  context.ui.say('Waiting for SSH to become available...');
  try {
    const communicator = await SshCommunicator.connect(config, signal);
    context.ui.say('Connected to SSH!');
    return communicator;
  } catch (error) {
    if (signal.aborted) throw error;
    context.ui.error(`Error waiting for SSH: ${messageOf(error)}`);
    throw error;
  }
}

/** The communicator settings (communicator.Config with the builder's host, port and keys) for ssh2. */
export function toSshConfig(c: CommunicatorConfig, where: ConnectTarget): SshConfig {
  const optional = <K extends keyof SshConfig>(key: K, value: SshConfig[K] | undefined) =>
    value === undefined || value === '' ? {} : { [key]: value };
  return {
    ssh_host: where.host,
    ssh_port: where.port ?? (c.ssh_port || SSH_DEFAULTS.port),
    ssh_username: c.ssh_username ?? '',
    ...optional('ssh_password', c.ssh_password),
    ...optional('ssh_private_key_file', c.ssh_private_key_file),
    ...optional('ssh_private_key', where.privateKey),
    ...optional('ssh_certificate_file', c.ssh_certificate_file),
    ...optional('ssh_agent_auth', c.ssh_agent_auth),
    ...optional('ssh_disable_agent_forwarding', c.ssh_disable_agent_forwarding),
    ...optional('ssh_pty', c.ssh_pty),
    // ssh_wait_timeout is the older name; Packer copies it over when ssh_timeout is unset.
    ...optional('ssh_timeout', c.ssh_timeout || c.ssh_wait_timeout || undefined),
    ...optional('ssh_handshake_attempts', c.ssh_handshake_attempts || undefined),
    ...optional('ssh_keep_alive_interval', c.ssh_keep_alive_interval || undefined),
    ...optional('ssh_read_write_timeout', c.ssh_read_write_timeout || undefined),
    ...optional('ssh_file_transfer_method', c.ssh_file_transfer_method),
    ...optional('ssh_bastion_host', c.ssh_bastion_host),
    ...optional('ssh_bastion_port', c.ssh_bastion_port || undefined),
    ...optional('ssh_bastion_username', c.ssh_bastion_username),
    ...optional('ssh_bastion_password', c.ssh_bastion_password),
    ...optional('ssh_bastion_private_key_file', c.ssh_bastion_private_key_file),
    ...optional('ssh_bastion_certificate_file', c.ssh_bastion_certificate_file),
    ...optional('ssh_bastion_agent_auth', c.ssh_bastion_agent_auth),
  };
}

function sshHookData(c: CommunicatorConfig, where: ConnectTarget, runUuid: string) {
  const settings: HookCommunicatorSettings = {
    type: 'ssh',
    host: where.host,
    port: where.port ?? (c.ssh_port || SSH_DEFAULTS.port),
    user: c.ssh_username ?? '',
    password: c.ssh_password ?? '',
    sshPublicKey: where.publicKey ?? '',
    sshPrivateKey: where.privateKey ?? '',
    sshPrivateKeyFile: c.ssh_private_key_file ?? '',
    sshAgentAuth: c.ssh_agent_auth ?? false,
    winrmPassword: c.winrm_password ?? '',
  };
  const instance = where.instanceId !== undefined ? { instanceId: where.instanceId } : {};
  return populateProvisionHookData({ runUuid, ...instance, communicator: settings });
}
