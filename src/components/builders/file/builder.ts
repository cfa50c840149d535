import { copyFile, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Artifact } from '../../../core/events.js';
import { MockCommunicator } from '../../../communicator/mock.js';
import type { BuilderContext } from '../../runtime.js';
import type { FileConfig } from './schema.js';

/*
 * builder/file: writes `content` to `target` (mode 0600) or copies `source`
 * there, then runs the provision hook; the artifact is the target file.
 * Relative paths resolve against the working directory, as Packer's do.
 */

export async function runFileBuilder(config: FileConfig, context: BuilderContext): Promise<Artifact> {
  const target = config.target ?? '';
  const targetPath = resolve(context.cwd, target);
  if (dirname(target) !== '.') await mkdir(dirname(targetPath), { recursive: true, mode: 0o755 });
  if (config.source) {
    context.ui.say(`Copying ${config.source} to ${target}`);
    await copyFile(resolve(context.cwd, config.source), targetPath);
    context.ui.say(`Copied ${(await stat(targetPath)).size} bytes`);
  } else {
    await writeFile(targetPath, config.content ?? '', { mode: 0o600 });
  }
  // Packer's file builder runs the hook with no data and a mock communicator.
  await context.provision(context.signal, { communicator: new MockCommunicator(), generatedData: {} });
  return fileArtifact(target, targetPath);
}

export function fileArtifact(target: string, path: string): Artifact {
  return {
    builderId: 'packer.file',
    id: 'File',
    files: [target],
    description: `Stored file: ${target}`,
    destroy: () => unlink(path),
  };
}
