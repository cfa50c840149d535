import { checkPluginSource } from '../template/plugin-source.js';

/*
 * A plugin source address (hcl2template/addrs.Plugin): "github.com/OWNER/NAME".
 * Its parts are the folders the plugin is installed under; its last part is
 * the NAME in `packer-plugin-NAME` binaries.
 */

export interface PluginIdentifier {
  readonly source: string;
  readonly parts: readonly string[];
  readonly name: string;
}

/** ParsePluginSourceString: the identifier, or the error text Packer gives. */
export function parsePluginIdentifier(source: string): { id?: PluginIdentifier; error?: string } {
  const error = checkPluginSource(source);
  if (error !== undefined) return { error };
  const parts = source.split('/').filter((p) => p !== '');
  return { id: { source, parts, name: parts[parts.length - 1] ?? '' } };
}
