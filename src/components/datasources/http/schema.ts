import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareHttp } from './prepare.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The data "http": the HCL fields of hashicorp/packer datasource/http. */
export const httpFields = {
  ...packerCoreFields,
  url: z.string().optional().describe('The URL to request data from.'),
  method: z.string().optional().describe('HTTP method used for the request.'),
  request_headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('A map of strings representing additional HTTP headers to include in the request.'),
  request_body: z.string().optional().describe('HTTP request payload send with the request.'),
};

export type HttpConfig = z.output<z.ZodObject<typeof httpFields>>;

export const httpSpec = defineComponent({
  kind: 'data',
  type: 'http',
  fields: httpFields,
  prepare: prepareHttp,
});
