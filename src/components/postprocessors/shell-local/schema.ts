import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { localShellFields } from '../../common/shell-local.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

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
});
