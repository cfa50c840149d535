/*
 * The line a plugin prints on stdout once it listens: `5|unix|/tmp/packer-plugin123`
 * from Packer 1.6.6's built-ins and SDK < 0.1 (API major only), or
 * `5|0|unix|/tmp/packer-plugin123` (API major|minor) from the current SDK.
 * Wording of the errors as packer/plugin_client.go.
 */

export const API_VERSION_MAJOR = '5';
export const API_VERSION_MINOR = '0';

export type PluginAddress =
  | { readonly network: 'unix'; readonly path: string }
  | { readonly network: 'tcp'; readonly host: string; readonly port: number };

export function parseHandshake(text: string): PluginAddress {
  const line = text.trim();
  const parts = line.split('|');
  if (parts.length < 3) throw new Error(`Unrecognized remote plugin message: ${line}`);
  const [major] = parts;
  const hasMinor = parts.length >= 4;
  const minor = hasMinor ? parts[1] : undefined;
  const network = hasMinor ? parts[2] : parts[1];
  const address = parts.slice(hasMinor ? 3 : 2).join('|');
  if (major !== API_VERSION_MAJOR) {
    throw new Error(
      `Incompatible API version with plugin. Plugin version: ${major}, Ours: ${API_VERSION_MAJOR}` +
        (minor === undefined ? '' : `.${API_VERSION_MINOR}`),
    );
  }
  if (minor !== undefined && Number(minor) > Number(API_VERSION_MINOR)) {
    throw new Error(
      `Incompatible API MINOR version with plugin. plugin MINOR API version: ${minor}, Ours: ${API_VERSION_MINOR}. Please upgrade Kiln.`,
    );
  }
  switch (network) {
    case 'unix':
      return { network, path: address };
    case 'tcp': {
      const colon = address.lastIndexOf(':');
      const port = Number(address.slice(colon + 1));
      if (colon < 0 || !Number.isInteger(port)) throw new Error(`Unrecognized remote plugin message: ${line}`);
      return { network, host: address.slice(0, colon), port };
    }
    default:
      throw new Error(`Unknown address type: ${network ?? ''}`);
  }
}
