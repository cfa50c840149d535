import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { HttpConfig } from './schema.js';

/* datasource/http Datasource.Configure of Packer: its checks, order and messages. */

const METHODS = ['HEAD', 'GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

export function prepareHttp(c: HttpConfig): PrepareResult {
  const out = new PrepareErrors();
  if (!c.url) out.error('the `url` must be specified');
  if (!METHODS.includes(c.method || 'GET')) out.error(`the \`method\` must be one of [${METHODS.join(' ')}]`);
  return out.result();
}
