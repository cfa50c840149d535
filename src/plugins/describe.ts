import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';

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

/**
 * One `describe` per binary and run: installation listing, required-plugin
 * checks and discovery all ask, and each answer is a process start. Keyed on
 * the file's identity too, so a binary replaced in place is asked again.
 */
const described = new Map<string, Promise<PluginDescription>>();

export const describePlugin: Describe = async (binaryPath) => {
  const info = await stat(binaryPath);
  const key = `${binaryPath}\0${info.ino}\0${info.size}\0${info.mtimeMs}`;
  let answer = described.get(key);
  if (!answer) {
    answer = runDescribe(binaryPath);
    described.set(key, answer);
    // A failure (a binary that is not a plugin, a timeout) is not remembered.
    answer.catch(() => described.delete(key));
  }
  return answer;
};

function runDescribe(binaryPath: string): Promise<PluginDescription> {
  return new Promise((resolve, reject) => {
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
}
