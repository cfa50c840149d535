import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "windows-restart": the HCL fields of hashicorp/packer provisioner/windows-restart. */
export const windowsRestartFields = {
  ...packerCoreFields,
  restart_command: z.string().optional().describe('The command used to restart the guest machine'),
  restart_check_command: z
    .string()
    .optional()
    .describe('The command to run after executing `restart_command` to check if the guest machine has restarted.'),
  restart_timeout: duration().optional().describe('The timeout for waiting for the machine to restart'),
  check_registry: z
    .boolean()
    .optional()
    .describe('Whether to check the registry (see RegistryKeys) for pending reboots'),
  registry_keys: z.array(z.string()).optional().describe('custom keys to check for'),
};

export type WindowsRestartConfig = z.output<z.ZodObject<typeof windowsRestartFields>>;

export const windowsRestartSpec = defineComponent({
  kind: 'provisioner',
  type: 'windows-restart',
  fields: windowsRestartFields,
});
