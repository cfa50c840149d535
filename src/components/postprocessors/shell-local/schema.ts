import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { localShellFields } from '../../common/shell-local.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareLocalShell } from '../../common/shell-local.prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "shell-local": the HCL fields of hashicorp/packer-plugin-sdk shell-local. */
export const shellLocalFields = {
  ...packerCoreFields,
  ...localShellFields,
};

export type ShellLocalConfig = z.output<z.ZodObject<typeof shellLocalFields>>;

export const shellLocalSpec = defineComponent({
  kind: 'post-processor',
  type: 'shell-local',
  fields: shellLocalFields,
  interpolate: { exclude: ['execute_command'], decodeErrorPrefix: 'Error decoding config: ' },
  prepare: prepareLocalShell,
});
