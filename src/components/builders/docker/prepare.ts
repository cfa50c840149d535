import { statSync } from 'node:fs';
import { prepareCommunicator, statProblem } from '../../common/communicator.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { DockerConfig } from './schema.js';

/* builder/docker Config.Prepare of packer-plugin-docker: its checks, order and messages. */

export function prepareDocker(c: DockerConfig): PrepareResult {
  const out = new PrepareErrors();
  const build = c.build;
  const hasBuild = build !== undefined && Object.entries(build).some(([k, v]) => k !== 'arguments' && v !== undefined);
  if (hasBuild || Object.keys(build?.arguments ?? {}).length > 0) {
    const problem = dockerfileProblem(build?.path, build?.build_dir);
    if (problem) out.error(problem);
    if (c.image) out.error('`image` cannot be specified with a build config');
    if (c.pull) {
      out.warn(
        'when running a bootstrap build, the `pull` option is ignored and is replaced by `build.pull` (true by default)',
      );
    }
  } else if (!c.image) {
    out.error("missing 'image' attribute or 'build' section, either needs to be specified for a build to run.");
  }
  for (const e of prepareCommunicator(c, c.windows_container ? 'dockerWindowsContainer' : 'docker')) out.error(e);
  const exportPath = c.export_path ?? '';
  const uses = [exportPath !== '', c.commit === true, c.discard === true].filter(Boolean).length;
  if (uses > 1) out.error('Cannot specify more than one of commit, discard, and export_path');
  if (uses === 0)
    out.error('No instructions given for handling the artifact; expected commit, discard, or export_path');
  if (exportPath !== '' && isDirectory(exportPath)) out.error('export_path must be a file, not a directory');
  if (c.ecr_login && !c.login_server) out.error('ECR login requires login server to be provided.');
  return out.result();
}

/** DockerfileBootstrapConfig.Prepare for a non-default build block. */
function dockerfileProblem(path: string | undefined, buildDir: string | undefined): string | undefined {
  if (!path) return '`path` is required for bootstrapping a build with `docker build`';
  const missing = statProblem(path);
  if (missing) return `failed to stat file ${JSON.stringify(path)}: ${missing}`;
  if (!statSync(path).isFile()) return `dockerfile ${JSON.stringify(path)} is not a regular file`;
  const dir = buildDir || '.';
  const dirMissing = statProblem(dir);
  if (dirMissing) return `failed to stat build directory ${JSON.stringify(dir)}: ${dirMissing}`;
  if (!isDirectory(dir)) return `specified build_dir ${JSON.stringify(dir)} is not a directory`;
  return undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
