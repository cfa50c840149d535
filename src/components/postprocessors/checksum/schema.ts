import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareChecksum } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "checksum": the HCL fields of hashicorp/packer post-processor/checksum. */
export const checksumFields = {
  ...packerCoreFields,
  checksum_types: z
    .array(z.string())
    .optional()
    .describe('Hash algorithms to use: md5 (default), sha1, sha224, sha256, sha384 or sha512.'),
  output: z
    .string()
    .optional()
    .describe('Path of the checksum file; a template with BuildName, BuilderType and ChecksumType.'),
};

export type ChecksumConfig = z.output<z.ZodObject<typeof checksumFields>>;

export const checksumSpec = defineComponent({
  kind: 'post-processor',
  type: 'checksum',
  fields: checksumFields,
  interpolate: { exclude: ['output'] },
  prepare: prepareChecksum,
});
