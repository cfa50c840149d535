import { Writable } from 'node:stream';
import * as core from '@actions/core';
import { runFmt } from '../../cli/fmt.js';
import { workspacePath } from '../annotations.js';
import { setOutput, type ActionContext } from '../context.js';

/*
 * `command: fmt`: with `fmt-write` the files are rewritten (`kiln fmt`);
 * otherwise they are checked (`kiln fmt -check`). Each file that needs
 * formatting becomes the `unformatted` output, an error annotation on the
 * file carrying the diff, and the diff again in a collapsed log group.
 */
export async function fmtCommand(ctx: ActionContext): Promise<string | undefined> {
  const { inputs, io } = ctx;
  if (inputs.fmtWrite) {
    const code = await runFmt([inputs.template], io);
    return code === 0 ? undefined : `kiln fmt exited ${code}`;
  }
  // `fmt -check` prints one file name a line.
  const check = await capture((stdout) => runFmt(['-check', inputs.template], { ...io, stdout }));
  if (check.code !== 0 && check.code !== 3) {
    io.stdout.write(check.text); // the diagnostics of a file that does not parse
    setOutput(ctx, 'unformatted', '[]');
    return `kiln fmt exited ${check.code}`;
  }
  const files = check.code === 3 ? check.text.split('\n').filter((line) => line !== '') : [];
  setOutput(ctx, 'unformatted', JSON.stringify(files));
  for (const file of files) {
    const diff = await capture((stdout) => runFmt(['-check', '-diff', file], { ...io, stdout }));
    const lines = diff.text.split('\n');
    if (lines[0] === file) lines.shift(); // -check names the file before its diff
    const text = lines.join('\n');
    core.error(`Run \`kiln fmt\` (or \`packer fmt\`) to rewrite it:\n\n${ctx.masker.mask(text)}`, {
      title: 'File is not formatted',
      file: workspacePath(file, { cwd: io.cwd, workspace: inputs.workspace }),
    });
    core.startGroup(`Diff of ${file}`);
    io.stdout.write(text);
    core.endGroup();
  }
  if (files.length > 0) return `${files.length} file(s) are not formatted; run \`kiln fmt\`.`;
  return undefined;
}

async function capture(run: (stdout: Writable) => Promise<number>): Promise<{ code: number; text: string }> {
  let text = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const code = await run(stdout);
  return { code, text };
}
