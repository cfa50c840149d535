import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareHttp } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The data "http": the HCL fields of hashicorp/packer datasource/http. */
export const httpFields = {
  ...packerCoreFields,
  url: z.string().optional().describe('URL to request; required.'),
  method: z.string().optional().describe('HTTP method: GET (default), HEAD, POST, PUT, DELETE, OPTIONS or PATCH.'),
  request_headers: z.record(z.string(), z.string()).optional().describe('Extra request headers, by header name.'),
  request_body: z.string().optional().describe('Body sent with the request.'),
};

export type HttpConfig = z.output<z.ZodObject<typeof httpFields>>;

export const httpSpec = defineComponent({
  kind: 'data',
  type: 'http',
  fields: httpFields,
  prepare: prepareHttp,
});
