import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../../src/cli/build.js';
import type { Artifact, UiLevel } from '../../../../src/core/events.js';
import { runShellLocalPostProcessor } from '../../../../src/components/postprocessors/shell-local/post-processor.js';
import { memoryIO } from '../../../support/cli.js';

function context() {
  const lines: [UiLevel, string][] = [];
  const ctx = {
    buildName: 'tiny',
    builderType: 'file',
    runUuid: 'u',
    signal: new AbortController().signal,
    ui: {
      say: (t: string) => lines.push(['say', t]),
      message: (t: string) => lines.push(['message', t]),
      error: (t: string) => lines.push(['error', t]),
    },
  };
  return { ctx, lines };
}

/** Durations and temporary script names vary between runs. */
function stable(out: string): string {
  return out
    .replace(/after [0-9a-z ]+?(\.|:)/g, 'after <d>$1')
    .replace(/after [0-9a-z ]+$/gm, 'after <d>')
    .replace(/packer-shell\d+/g, 'packer-shell<n>');
}

describe('shell-local post-processor', () => {
  it('runs with the artifact generated data and hands the input artifact on, kept by force', async () => {
    const { ctx, lines } = context();
    const artifact: Artifact = {
      builderId: 'b',
      id: 'i',
      files: [],
      description: 'd',
      generatedData: { Host: 'h1' },
    };
    const result = await runShellLocalPostProcessor(
      { inline: ['echo "$PACKER_BUILD_NAME $PACKER_BUILDER_TYPE {{ build "Host" }}"', 'echo warn >&2'] },
      artifact,
      ctx,
    );
    expect(result).toEqual({ artifact, keepInputArtifact: true, forceKeep: true });
    expect(lines.slice(1).sort()).toEqual([
      ['error', 'warn'],
      ['say', 'tiny file h1'],
    ]);
  });

  it('runs a one-string execute_command through "sh -c", as before the merge with the provisioner', async () => {
    const { ctx, lines } = context();
    const artifact: Artifact = { builderId: 'b', id: 'i', files: [], description: 'd' };
    await runShellLocalPostProcessor(
      { inline: ['true'], execute_command: ['echo one {{.Script}} | sed "s/packer-shell[0-9]*/S/"'] },
      artifact,
      ctx,
    );
    expect(lines.slice(1)).toEqual([['say', 'one /tmp/S']]);
  });

  it('runs in the chain of kiln build, sees PACKER_BUILD_NAME and keeps the input despite keep_input_artifact = false', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-pp-shell-local-'));
    writeFileSync(
      join(dir, 't.pkr.hcl'),
      `
source "file" "a" {
  content = "hello"
  target  = "${dir}/a.txt"
}
build {
  sources = ["source.file.a"]
  post-processors {
    post-processor "shell-local" {
      keep_input_artifact = false
      inline = ["echo \\"$PACKER_BUILD_NAME $PACKER_BUILDER_TYPE $(cat ${dir}/a.txt)\\" | tee ${dir}/seen.txt"]
    }
    post-processor "checksum" {
      output = "${dir}/a.sum"
    }
  }
}
`,
    );
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    expect(stable(stdout())).toBe(
      [
        '==> file.a: Running post-processor: shell-local',
        '==> file.a (shell-local): Running local shell script: /tmp/packer-shell<n>',
        '==> file.a (shell-local): a file hello',
        '==> file.a: Running post-processor: checksum',
        "Build 'file.a' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        `--> file.a: Stored file: ${dir}/a.txt`,
        `--> file.a: Stored file: ${dir}/a.txt`,
        `--> file.a: Created artifact from files: ${dir}/a.txt, ${dir}/a.sum`,
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'seen.txt'), 'utf8')).toBe('a file hello\n');
    expect(existsSync(join(dir, 'a.txt'))).toBe(true);
  });
});
