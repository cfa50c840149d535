import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Step } from '../../../core/step.js';
import type { DockerState, DockerStepContext } from './state.js';

/*
 * StepTempDir: a fresh directory under Packer's config directory (or
 * PACKER_TMP_DIR), mounted into the container at container_dir; removed on
 * cleanup whatever happened.
 */

export function stepTempDir({ builder }: DockerStepContext): Step<DockerState> {
  return {
    name: 'StepTempDir',
    async run(state) {
      builder.ui.say('Creating a temporary directory for sharing data...');
      try {
        const base = configTmpDir(process.env);
        await mkdir(base, { recursive: true, mode: 0o755 });
        state.tempDir = await mkdtemp(path.join(base, 'tmp'));
      } catch (error) {
        const message = `Error making temp dir: ${error instanceof Error ? error.message : String(error)}`;
        builder.ui.error(message);
        throw new Error(message, { cause: error });
      }
      return 'continue';
    },
    async cleanup(state) {
      if (state.tempDir) await rm(state.tempDir, { recursive: true, force: true });
      state.tempDir = undefined;
    },
  };
}

/** The SDK's ConfigTmpDir parent: PACKER_TMP_DIR, else pathing.ConfigDir(). */
export function configTmpDir(env: NodeJS.ProcessEnv): string {
  if (env.PACKER_TMP_DIR) return path.resolve(env.PACKER_TMP_DIR);
  if (env.PACKER_CONFIG_DIR) return path.join(env.PACKER_CONFIG_DIR, '.packer.d');
  const home = env.HOME;
  if (!home) throw new Error('No $HOME environment variable found, required to set Config Directory');
  if (existsSync(path.join(home, '.packer.d'))) return path.join(home, '.packer.d');
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, 'packer');
  return path.join(home, '.config', 'packer');
}
