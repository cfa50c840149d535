import { runShellLocal } from '../../common/shell-local.run.js';
import type { ProvisionContext } from '../../runtime.js';
import type { ShellLocalConfig } from './schema.js';

/*
 * The shell-local provisioner (hashicorp/packer provisioner/shell-local):
 * the SDK's shell-local Run with the provision hook's generated data, in the
 * template's directory. use_linux_pathing (WSL paths) only applies on Windows;
 * on other systems Prepare rejects every configuration that sets it.
 */

export function provisionShellLocal(config: ShellLocalConfig, context: ProvisionContext): Promise<void> {
  return runShellLocal(config, context);
}
