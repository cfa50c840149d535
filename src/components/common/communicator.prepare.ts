import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import type { z } from 'zod';
import type { communicatorFields } from './communicator.schema.js';

/*
 * communicator.Config.Prepare of packer-plugin-sdk: the checks, in its order,
 * with its messages. Defaults it fills in (port 22, timeout 5m ...) are the
 * communicator's business at connect time, not errors.
 */

export type CommunicatorConfig = z.output<z.ZodObject<typeof communicatorFields>>;

/** Errors for the communicator fields; `fallbackType` is the builder's default communicator. */
export function prepareCommunicator(c: CommunicatorConfig, fallbackType = 'ssh'): string[] {
  const type = c.communicator || fallbackType;
  switch (type) {
    case 'ssh':
      return prepareSSH(c);
    case 'winrm':
      return c.winrm_username ? [] : ['winrm_username must be specified.'];
    case 'docker':
    case 'dockerWindowsContainer':
    case 'none':
      return [];
    default:
      return [`Communicator type ${type} is invalid`];
  }
}

function prepareSSH(c: CommunicatorConfig): string[] {
  const errs: string[] = [];
  if (!c.ssh_private_key_file && c.ssh_certificate_file) {
    errs.push('ssh_private_key_file must be specified if ssh_certificate_file is specified');
  }
  if (!c.ssh_bastion_private_key_file && c.ssh_bastion_certificate_file) {
    errs.push('ssh_bastion_private_key_file must be specified if ssh_bastion_certificate_file is specified');
  }
  const method = c.ssh_file_transfer_method || 'scp';
  if (!c.ssh_username) {
    errs.push('An ssh_username must be specified\n  Note: some builders used to default ssh_username to "root".');
  }
  if (c.ssh_private_key_file) {
    const problem = statProblem(c.ssh_private_key_file);
    if (problem) errs.push(`ssh_private_key_file is invalid: ${problem}`);
  }
  if (c.ssh_bastion_host) {
    const bastionKey = c.ssh_bastion_private_key_file || c.ssh_private_key_file;
    if (!c.ssh_bastion_password && !bastionKey && !c.ssh_bastion_agent_auth) {
      errs.push('ssh_bastion_password, ssh_bastion_private_key_file or ssh_bastion_agent_auth must be specified');
    } else if (bastionKey) {
      const problem = statProblem(bastionKey);
      if (problem) errs.push(`ssh_bastion_private_key_file is invalid: ${problem}`);
    }
  }
  if (method !== 'scp' && method !== 'sftp') {
    errs.push(`ssh_file_transfer_method ('${method}') is invalid, valid methods: sftp, scp`);
  }
  if (c.ssh_bastion_host && c.ssh_proxy_host) {
    errs.push('please specify either ssh_bastion_host or ssh_proxy_host, not both');
  }
  return errs;
}

/** Go's os.Stat error text for a path after ~ expansion, or undefined when it exists. */
export function statProblem(path: string): string | undefined {
  const expanded = path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
  try {
    statSync(expanded);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code);
    return `stat ${expanded}: ${reason}`;
  }
}
