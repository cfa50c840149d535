import * as core from '@actions/core';
import { runFmt } from '../cli/fmt.js';
import { processIO } from '../cli/io.js';

/*
 * The action's main step. It is a thin adapter over the engine: inputs become
 * command arguments, results become step outputs. This version serves `fmt`;
 * the other commands arrive with the engine (build, validate, inspect, plan).
 */
export async function run(): Promise<void> {
  const command = core.getInput('command') || 'fmt';
  const template = core.getInput('template') || '.';
  const workingDirectory = core.getInput('working-directory') || process.cwd();
  if (command !== 'fmt') {
    core.setFailed(`Kiln ${command} is not available in this release; supported: fmt`);
    return;
  }
  const write = core.getBooleanInput('fmt-write');
  const args = write ? [template] : ['-check', '-diff', template];
  const code = await runFmt(args, { ...processIO(), cwd: workingDirectory });
  core.setOutput('unformatted', code === 3 ? 'true' : 'false');
  if (code !== 0)
    core.setFailed(code === 3 ? 'Some files are not formatted; run `kiln fmt`.' : `kiln fmt exited ${code}`);
}
