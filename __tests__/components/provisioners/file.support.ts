import { chmodSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UiLevel } from '../../../src/core/events.js';
import type { Communicator } from '../../../src/communicator/communicator.js';
import type { ProvisionContext } from '../../../src/components/runtime.js';

/* Fixtures and observations shared by the file provisioner's tests. */

/**
 * Writes the local fixture into dir: file.txt (0640) and two.txt (0755);
 * tree/ with files of several modes, a nested 0750 dir and an empty 0700 dir;
 * wide/ with a 0666 file and a 0777 dir (what the remote umask does to them);
 * links/ with symbolic links to a 0755 file and to a dir.
 */
export function writeFixture(dir: string): void {
  const file = (rel: string, text: string, mode: number) => {
    writeFileSync(path.join(dir, rel), text);
    chmodSync(path.join(dir, rel), mode);
  };
  const folder = (rel: string, mode: number) => {
    mkdirSync(path.join(dir, rel), { recursive: true });
    chmodSync(path.join(dir, rel), mode);
  };
  folder('tree/sub/deep', 0o755);
  folder('tree/sub', 0o750);
  folder('tree/empty', 0o700);
  folder('wide/open', 0o777);
  folder('links', 0o755);
  file('file.txt', 'file\n', 0o640);
  file('two.txt', 'two two\n', 0o755);
  file('tree/a.txt', 'alpha\n', 0o644);
  file('tree/exec.sh', '#!/bin/sh\necho hi\n', 0o755);
  file('tree/sub/b.txt', 'b', 0o600);
  file('tree/sub/deep/c.txt', 'c\n', 0o644);
  file('wide/wide.txt', 'w\n', 0o666);
  symlinkSync('../tree/exec.sh', path.join(dir, 'links/link-file'));
  symlinkSync('../tree/sub', path.join(dir, 'links/link-dir'));
}

/** Every entry below root as "rel type mode size" (size for files), sorted; symlinks are not followed. */
export function snapshot(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const info = lstatSync(abs);
      const mode = (info.mode & 0o7777).toString(8).padStart(4, '0');
      if (info.isSymbolicLink()) out.push(`${rel} l`);
      else if (info.isDirectory()) {
        out.push(`${rel} d ${mode}`);
        visit(abs, rel);
      } else out.push(`${rel} f ${mode} ${info.size}`);
    }
  };
  visit(root, '');
  return out;
}

export function provisionContext(
  cwd: string,
  communicator: Communicator | undefined,
  signal = new AbortController().signal,
): { ctx: ProvisionContext; lines: [UiLevel, string][] } {
  const lines: [UiLevel, string][] = [];
  const ctx: ProvisionContext = {
    ui: {
      say: (t) => lines.push(['say', t]),
      message: (t) => lines.push(['message', t]),
      error: (t) => lines.push(['error', t]),
    },
    signal,
    prompt: () => Promise.reject(new Error('no available tty')),
    buildName: 't',
    builderType: 'null',
    cwd,
    communicator,
    generatedData: {},
  };
  return { ctx, lines };
}
