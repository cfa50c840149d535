import { z } from 'zod';
import { duration } from '../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** packer-plugin-sdk communicator.Config. */
export const communicatorFields = {
  communicator: z.string().optional().describe('Packer currently supports three kinds of communicators:'),
  pause_before_connecting: duration()
    .optional()
    .describe(
      "We recommend that you enable SSH or WinRM as the very last step in your guest's bootstrap script, but sometimes you may have a race condition where you need Packer to wait before attempting to connect to your guest.",
    ),
  ssh_host: z.string().optional().describe('The address to SSH to.'),
  ssh_port: z.number().optional().describe('The port to connect to SSH.'),
  ssh_username: z.string().optional().describe('The username to connect to SSH with.'),
  ssh_password: z.string().optional().describe('A plaintext password to use to authenticate with SSH.'),
  ssh_keypair_name: z
    .string()
    .optional()
    .describe('If specified, this is the key that will be used for SSH with the machine.'),
  temporary_key_pair_name: z.string().optional().describe('The name of the temporary key pair to generate.'),
  temporary_key_pair_type: z.string().optional().describe('`dsa` | `ecdsa` | `ed25519` | `rsa` ( the default )'),
  temporary_key_pair_bits: z.number().optional().describe('Specifies the number of bits in the key to create.'),
  ssh_ciphers: z
    .array(z.string())
    .optional()
    .describe('This overrides the value of ciphers supported by default by Golang.'),
  ssh_clear_authorized_keys: z
    .boolean()
    .optional()
    .describe(
      'If true, Packer will attempt to remove its temporary key from `~/.ssh/authorized_keys` and `/root/.ssh/authorized_keys`.',
    ),
  ssh_key_exchange_algorithms: z
    .array(z.string())
    .optional()
    .describe(
      'If set, Packer will override the value of key exchange (kex) algorithms supported by default by Golang.',
    ),
  ssh_private_key_file: z
    .string()
    .optional()
    .describe('Path to a PEM encoded private key file to use to authenticate with SSH.'),
  ssh_certificate_file: z.string().optional().describe('Path to user certificate used to authenticate with SSH.'),
  ssh_pty: z.boolean().optional().describe('If `true`, a PTY will be requested for the SSH connection.'),
  ssh_timeout: duration().optional().describe('The time to wait for SSH to become available.'),
  ssh_wait_timeout: duration().optional().describe('Deprecated in favor of SSHTimeout'),
  ssh_agent_auth: z
    .boolean()
    .optional()
    .describe('If true, the local SSH agent will be used to authenticate connections to the source instance.'),
  ssh_disable_agent_forwarding: z.boolean().optional().describe('If true, SSH agent forwarding will be disabled.'),
  ssh_handshake_attempts: z
    .number()
    .optional()
    .describe('The number of handshakes to attempt with SSH once it can connect.'),
  ssh_bastion_host: z.string().optional().describe('A bastion host to use for the actual SSH connection.'),
  ssh_bastion_port: z.number().optional().describe('The port of the bastion host.'),
  ssh_bastion_agent_auth: z
    .boolean()
    .optional()
    .describe('If `true`, the local SSH agent will be used to authenticate with the bastion host.'),
  ssh_bastion_username: z.string().optional().describe('The username to connect to the bastion host.'),
  ssh_bastion_password: z.string().optional().describe('The password to use to authenticate with the bastion host.'),
  ssh_bastion_interactive: z
    .boolean()
    .optional()
    .describe('If `true`, the keyboard-interactive used to authenticate with bastion host.'),
  ssh_bastion_private_key_file: z
    .string()
    .optional()
    .describe('Path to a PEM encoded private key file to use to authenticate with the bastion host.'),
  ssh_bastion_certificate_file: z
    .string()
    .optional()
    .describe('Path to user certificate used to authenticate with bastion host.'),
  ssh_file_transfer_method: z
    .string()
    .optional()
    .describe('`scp` or `sftp` - How to transfer files, Secure copy (default) or SSH File Transfer Protocol.'),
  ssh_proxy_host: z.string().optional().describe('A SOCKS proxy host to use for SSH connection'),
  ssh_proxy_port: z.number().optional().describe('A port of the SOCKS proxy.'),
  ssh_proxy_username: z.string().optional().describe('The optional username to authenticate with the proxy server.'),
  ssh_proxy_password: z
    .string()
    .optional()
    .describe('The optional password to use to authenticate with the proxy server.'),
  ssh_keep_alive_interval: duration().optional().describe('How often to send "keep alive" messages to the server.'),
  ssh_read_write_timeout: duration().optional().describe('The amount of time to wait for a remote command to end.'),
  ssh_remote_tunnels: z
    .array(z.string())
    .optional()
    .describe('Remote tunnels forward a port from your local machine to the instance.'),
  ssh_local_tunnels: z
    .array(z.string())
    .optional()
    .describe('Local tunnels forward a port from the instance to your local machine.'),
  ssh_public_key: z.array(z.number()).optional().describe('SSH Internals'),
  ssh_private_key: z.array(z.number()).optional(),
  winrm_username: z.string().optional().describe('The username to use to connect to WinRM.'),
  winrm_password: z.string().optional().describe('The password to use to connect to WinRM.'),
  winrm_host: z.string().optional().describe('The address for WinRM to connect to.'),
  winrm_no_proxy: z
    .boolean()
    .optional()
    .describe('Setting this to `true` adds the remote `host:port` to the `NO_PROXY` environment variable.'),
  winrm_port: z.number().optional().describe('The WinRM port to connect to.'),
  winrm_timeout: duration().optional().describe('The amount of time to wait for WinRM to become available.'),
  winrm_use_ssl: z.boolean().optional().describe('If `true`, use HTTPS for WinRM.'),
  winrm_insecure: z.boolean().optional().describe('If `true`, do not check server certificate chain and host name.'),
  winrm_use_ntlm: z
    .boolean()
    .optional()
    .describe(
      'If `true`, NTLMv2 authentication (with session security) will be used for WinRM, rather than default (basic authentication), removing the requirement for basic authentication to be enabled within the target guest.',
    ),
};
