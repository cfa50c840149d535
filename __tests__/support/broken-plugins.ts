import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Single-component plugin binaries that never start: one exits at once with a
 * message, one exits quietly, one prints garbage instead of a handshake.
 */
const BROKEN_PLUGINS: Readonly<Record<string, string>> = {
  'packer-provisioner-crashy': 'echo boom >&2\nexit 1',
  'packer-provisioner-quiet': 'exit 0',
  'packer-provisioner-garbage': 'echo "this is not a handshake"\nsleep 1',
  'packer-builder-crashb': 'echo boom >&2\nexit 1',
  'packer-post-processor-crashpp': 'exit 1',
};

/** A new plugin directory (for PACKER_PLUGIN_PATH) holding the broken plugins. */
export async function brokenPluginDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [name, body] of Object.entries(BROKEN_PLUGINS)) {
    await writeFile(join(dir, name), `#!/bin/sh\n${body}\n`);
    await chmod(join(dir, name), 0o755);
  }
  return dir;
}
