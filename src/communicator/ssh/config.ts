/**
 * The SSH communicator's settings, with Packer's field names as decoded by
 * communicator.schema.ts (durations in milliseconds).
 */
export interface SshConfig {
  ssh_host: string;
  ssh_port?: number;
  ssh_username: string;
  ssh_password?: string;
  ssh_private_key_file?: string;
  /** The key a builder generated (ssh_private_key in Packer's state), PEM/OpenSSH text. */
  ssh_private_key?: string | Buffer;
  ssh_certificate_file?: string;
  ssh_agent_auth?: boolean;
  ssh_disable_agent_forwarding?: boolean;
  ssh_pty?: boolean;
  ssh_timeout?: number;
  ssh_handshake_attempts?: number;
  ssh_keep_alive_interval?: number;
  ssh_read_write_timeout?: number;
  ssh_file_transfer_method?: string;
  ssh_bastion_host?: string;
  ssh_bastion_port?: number;
  ssh_bastion_username?: string;
  ssh_bastion_password?: string;
  ssh_bastion_private_key_file?: string;
  ssh_bastion_certificate_file?: string;
  ssh_bastion_agent_auth?: boolean;
}

/** Packer's defaults (communicator.Config.prepareSSH). */
export const SSH_DEFAULTS = {
  port: 22,
  timeoutMs: 5 * 60_000,
  handshakeAttempts: 10,
  keepAliveIntervalMs: 5_000,
} as const;

/** "user@host:port", the name errors and waits use for a connection. */
export function sshTarget(username: string, host: string, port: number): string {
  return `${username}@${host}:${port}`;
}
