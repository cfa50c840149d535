import { execFile } from 'node:child_process';

/*
 * `packer-plugin-NAME describe` (GetPluginDescription): the JSON a
 * multi-component plugin prints about itself (sdk plugin/set.go SetDescription).
 */

export interface PluginDescription {
  readonly version: string;
  readonly sdk_version?: string;
  readonly api_version: string;
  readonly builders?: readonly string[];
  readonly post_processors?: readonly string[];
  readonly provisioners?: readonly string[];
  readonly datasources?: readonly string[];
  readonly protocol_version?: string;
}

export type Describe = (binaryPath: string) => Promise<PluginDescription>;

// A plugin answers `describe` at once; a binary that does not is not a plugin.
const DESCRIBE_TIMEOUT_MS = 30_000;

export const describePlugin: Describe = (binaryPath) =>
  new Promise((resolve, reject) => {
    execFile(binaryPath, ['describe'], { timeout: DESCRIBE_TIMEOUT_MS, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) {
        reject(err);
        return;
      }
      try {
        const parsed = JSON.parse(stdout) as Partial<PluginDescription>;
        resolve({ ...parsed, version: String(parsed.version ?? ''), api_version: String(parsed.api_version ?? '') });
      } catch (e) {
        reject(e as Error);
      }
    });
  });
