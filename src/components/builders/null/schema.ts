import { z } from 'zod';
import { communicatorFields } from '../../common/communicator.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareNull } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The builder "null": the HCL fields of hashicorp/packer builder/null. */
export const nullFields = {
  ...packerCoreFields,
  ...communicatorFields,
};

export type NullConfig = z.output<z.ZodObject<typeof nullFields>>;

export const nullSpec = defineComponent({
  kind: 'builder',
  type: 'null',
  fields: nullFields,
  prepare: prepareNull,
});
