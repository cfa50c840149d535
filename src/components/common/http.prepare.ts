import type { PrepareErrors } from '../schema/index.js';

/* HTTPConfig.Prepare of packer-plugin-sdk (the builder's HTTP server for boot files). */

export interface HttpServerFields {
  readonly http_directory?: string;
  readonly http_content?: Readonly<Record<string, string>>;
  readonly http_port_min?: number;
  readonly http_port_max?: number;
  readonly http_bind_address?: string;
  readonly http_interface?: string;
  readonly http_network_protocol?: string;
}

const PROTOCOLS = ['tcp', 'tcp4', 'tcp6', 'unix', 'unixpacket'];

export function checkHttpServer(c: HttpServerFields, out: PrepareErrors): void {
  if (c.http_interface && c.http_bind_address) out.error('either http_interface or http_bind_address can be specified');
  if ((c.http_port_min || 8000) > (c.http_port_max || 9000)) out.error('http_port_min must be less than http_port_max');
  if (Object.keys(c.http_content ?? {}).length > 0 && c.http_directory) {
    out.error(
      'http_content cannot be used in conjunction with http_dir. Consider using the file function to load file in ' +
        'memory and serve them with http_content: https://www.packer.io/docs/templates/hcl_templates/functions/file/file',
    );
  }
  if (!PROTOCOLS.includes(c.http_network_protocol || 'tcp')) {
    out.error(`http_network_protocol is invalid. Must be one of: [${PROTOCOLS.join(' ')}]`);
  }
}
