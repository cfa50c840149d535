import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "windows-restart": the HCL fields of hashicorp/packer provisioner/windows-restart. */
export const windowsRestartFields = {
  ...packerCoreFields,
  restart_command: z
    .string()
    .optional()
    .describe('Command that restarts Windows; default a shutdown /r with a short delay.'),
  restart_check_command: z
    .string()
    .optional()
    .describe('Command run repeatedly after the restart until it succeeds, to tell that the machine is back.'),
  restart_timeout: duration().optional().describe('How long to wait for the machine to come back; default 5m.'),
  check_registry: z.boolean().optional().describe('Also wait until the registry shows no pending reboot.'),
  registry_keys: z
    .array(z.string())
    .optional()
    .describe('Registry keys whose presence means a reboot is still pending; replaces the built-in list.'),
};

export type WindowsRestartConfig = z.output<z.ZodObject<typeof windowsRestartFields>>;

export const windowsRestartSpec = defineComponent({
  kind: 'provisioner',
  type: 'windows-restart',
  fields: windowsRestartFields,
  interpolate: { exclude: ['execute_command'] },
});
