import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareFile } from './prepare.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "file": the HCL fields of hashicorp/packer provisioner/file. */
export const fileFields = {
  ...packerCoreFields,
  content: z.string().optional().describe('This is the content to copy to `destination`.'),
  source: z.string().optional().describe('The path to a local file or directory to upload to the machine.'),
  sources: z.array(z.string()).optional().describe('A list of sources to upload.'),
  destination: z.string().optional().describe('The path where the file will be uploaded to in the machine.'),
  direction: z.string().optional().describe('The direction of the file transfer.'),
  generated: z.boolean().optional().describe('For advanced users only.'),
};

export type FileConfig = z.output<z.ZodObject<typeof fileFields>>;

export const fileSpec = defineComponent({
  kind: 'provisioner',
  type: 'file',
  fields: fileFields,
  prepare: prepareFile,
});
