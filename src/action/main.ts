import { Writable } from 'node:stream';
import * as core from '@actions/core';
import { runFmt } from '../cli/fmt.js';
import { processIO } from '../cli/io.js';

/*
 * The action's main step. It is a thin adapter over the engine: inputs become
 * command arguments, results become step outputs. This release serves `fmt`;
 * the other commands arrive with the engine (build, validate, inspect, plan).
 */
export async function run(): Promise<void> {
  const command = core.getInput('command') || 'fmt';
  const template = core.getInput('template') || '.';
  const cwd = core.getInput('working-directory') || process.cwd();
  if (command !== 'fmt') {
    core.setFailed(`Kiln ${command} is not available in this release; supported: fmt`);
    return;
  }
  const io = processIO();
  if (core.getBooleanInput('fmt-write')) {
    const code = await runFmt([template], { ...io, cwd });
    if (code !== 0) core.setFailed(`kiln fmt exited ${code}`);
    return;
  }
  // `fmt -check` prints one file name a line: they become the `unformatted` output, and a
  // second pass with -diff shows what would change.
  let printed = '';
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed += chunk.toString();
      done();
    },
  });
  const code = await runFmt(['-check', template], { ...io, stdout: capture, cwd });
  const files = code === 3 ? printed.split('\n').filter((line) => line !== '') : [];
  core.setOutput('unformatted', JSON.stringify(files));
  if (code === 3) {
    await runFmt(['-check', '-diff', template], { ...io, cwd });
    core.setFailed(`${files.length} file(s) are not formatted; run \`kiln fmt\`.`);
  } else if (code !== 0) {
    io.stdout.write(printed); // the diagnostics of a file that does not parse
    core.setFailed(`kiln fmt exited ${code}`);
  }
}
