import { z } from 'zod';
import { duration } from '../schema/index.js';

/* Field names and HCL types follow the SDK's HCL spec; descriptions are Kiln's own. */

/** packer-plugin-sdk communicator.Config. */
export const communicatorFields = {
  communicator: z
    .string()
    .optional()
    .describe('How Packer talks to the machine: "ssh", "winrm" or "none"; the default depends on the builder.'),
  pause_before_connecting: duration()
    .optional()
    .describe('Extra wait after the first successful connection, before Packer reconnects and provisions.'),
  ssh_host: z.string().optional().describe('Address to connect to; normally the builder works it out.'),
  ssh_port: z.number().optional().describe('TCP port of the SSH server; default 22.'),
  ssh_username: z.string().optional().describe('User to log in as over SSH.'),
  ssh_password: z.string().optional().describe('Password for SSH login.'),
  ssh_keypair_name: z
    .string()
    .optional()
    .describe('Name of an existing cloud key pair to put on the machine instead of a generated one.'),
  temporary_key_pair_name: z
    .string()
    .optional()
    .describe('Name for the key pair Packer generates; a random name by default.'),
  temporary_key_pair_type: z
    .string()
    .optional()
    .describe('Algorithm of the generated key pair: rsa (default), dsa, ecdsa or ed25519.'),
  temporary_key_pair_bits: z
    .number()
    .optional()
    .describe('Key size in bits for the generated key pair; the default depends on the algorithm.'),
  ssh_ciphers: z.array(z.string()).optional().describe('SSH ciphers to offer, replacing the built-in list.'),
  ssh_clear_authorized_keys: z
    .boolean()
    .optional()
    .describe("Remove the generated public key from the user's and root's authorized_keys before the image is made."),
  ssh_key_exchange_algorithms: z
    .array(z.string())
    .optional()
    .describe('SSH key exchange algorithms to offer, replacing the built-in list.'),
  ssh_private_key_file: z.string().optional().describe('Path of a PEM private key used to log in.'),
  ssh_certificate_file: z
    .string()
    .optional()
    .describe('Path of an SSH user certificate presented with the private key.'),
  ssh_pty: z.boolean().optional().describe('Ask the server for a pseudo-terminal for each command.'),
  ssh_timeout: duration().optional().describe('How long to keep trying to connect over SSH; default 5m.'),
  ssh_wait_timeout: duration().optional().describe('Older name for ssh_timeout.'),
  ssh_agent_auth: z.boolean().optional().describe('Log in with the keys of the local SSH agent.'),
  ssh_disable_agent_forwarding: z.boolean().optional().describe('Do not forward the local SSH agent to the machine.'),
  ssh_handshake_attempts: z
    .number()
    .optional()
    .describe('How many SSH handshakes to try once the port answers; default 10.'),
  ssh_bastion_host: z.string().optional().describe('Jump host to reach the machine through.'),
  ssh_bastion_port: z.number().optional().describe('SSH port of the jump host; default 22.'),
  ssh_bastion_agent_auth: z
    .boolean()
    .optional()
    .describe('Log in to the jump host with the keys of the local SSH agent.'),
  ssh_bastion_username: z.string().optional().describe('User to log in as on the jump host.'),
  ssh_bastion_password: z.string().optional().describe('Password for the jump host.'),
  ssh_bastion_interactive: z.boolean().optional().describe('Use keyboard-interactive login on the jump host.'),
  ssh_bastion_private_key_file: z
    .string()
    .optional()
    .describe('Path of a PEM private key for the jump host; defaults to ssh_private_key_file.'),
  ssh_bastion_certificate_file: z.string().optional().describe('Path of an SSH user certificate for the jump host.'),
  ssh_file_transfer_method: z.string().optional().describe('How files are copied over SSH: "scp" (default) or "sftp".'),
  ssh_proxy_host: z.string().optional().describe('SOCKS5 proxy to connect through.'),
  ssh_proxy_port: z.number().optional().describe('Port of the SOCKS5 proxy; default 1080.'),
  ssh_proxy_username: z.string().optional().describe('User name for the SOCKS5 proxy, if it needs one.'),
  ssh_proxy_password: z.string().optional().describe('Password for the SOCKS5 proxy, if it needs one.'),
  ssh_keep_alive_interval: duration()
    .optional()
    .describe('Interval between keep-alive messages; default 5s, negative turns them off.'),
  ssh_read_write_timeout: duration()
    .optional()
    .describe('Longest a remote command may run before the connection is dropped; unlimited by default.'),
  ssh_remote_tunnels: z
    .array(z.string())
    .optional()
    .describe('Ports on the machine forwarded back to this host, in ssh -R syntax.'),
  ssh_local_tunnels: z
    .array(z.string())
    .optional()
    .describe('Ports on this host forwarded to the machine, in ssh -L syntax.'),
  ssh_public_key: z
    .array(z.number())
    .optional()
    .describe('Bytes of the generated public key; set by the builder, not by templates.'),
  ssh_private_key: z
    .array(z.number())
    .optional()
    .describe('Bytes of the generated private key; set by the builder, not by templates.'),
  winrm_username: z.string().optional().describe('User to log in as over WinRM.'),
  winrm_password: z.string().optional().describe('Password for WinRM login.'),
  winrm_host: z.string().optional().describe('Address to connect to over WinRM; normally the builder works it out.'),
  winrm_no_proxy: z
    .boolean()
    .optional()
    .describe('Bypass any HTTP proxy for the WinRM connection by adding it to NO_PROXY.'),
  winrm_port: z.number().optional().describe('WinRM port; default 5985, or 5986 with SSL.'),
  winrm_timeout: duration().optional().describe('How long to keep trying to connect over WinRM; default 30m.'),
  winrm_use_ssl: z.boolean().optional().describe('Connect to WinRM over HTTPS.'),
  winrm_insecure: z.boolean().optional().describe('Skip checking the WinRM server certificate.'),
  winrm_use_ntlm: z.boolean().optional().describe('Authenticate with NTLMv2 instead of basic authentication.'),
};
