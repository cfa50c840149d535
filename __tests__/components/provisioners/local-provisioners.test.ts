import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { UiLevel } from '../../../src/core/events.js';
import { KILL_GRACE_MS } from '../../../src/components/common/shell-local.communicator.js';
import {
  HTTP_IP_NOT_IMPLEMENTED,
  HTTP_PORT_NOT_IMPLEMENTED,
} from '../../../src/components/common/provision-hook-data.js';
import { goDurationString } from '../../../src/components/go-duration-string.js';
import { provisionBreakpoint } from '../../../src/components/provisioners/breakpoint/provisioner.js';
import { provisionShellLocal } from '../../../src/components/provisioners/shell-local/provisioner.js';
import { provisionSleep } from '../../../src/components/provisioners/sleep/provisioner.js';
import type { ProvisionContext } from '../../../src/components/runtime.js';

function context(signal = new AbortController().signal, extra: Partial<ProvisionContext> = {}) {
  const lines: [UiLevel, string][] = [];
  const ctx: ProvisionContext = {
    ui: {
      say: (t) => lines.push(['say', t]),
      message: (t) => lines.push(['message', t]),
      error: (t) => lines.push(['error', t]),
    },
    signal,
    prompt: () => Promise.reject(new Error('no available tty')),
    buildName: 'b',
    builderType: 'null',
    cwd: process.cwd(),
    generatedData: {},
    ...extra,
  };
  return { ctx, lines };
}

describe('local provisioners', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [90_000, '1m30s'],
    [7_200_000, '2h0m0s'],
  ])('formats %d ms as Go does: %s', (ms, text) => expect(goDurationString(ms)).toBe(text));

  it('breakpoint: disabled says so; without a TTY fails as Packer does', async () => {
    const a = context();
    await provisionBreakpoint({ disable: true, note: 'n' }, a.ctx);
    expect(a.lines).toEqual([['say', 'Breakpoint provisioner with note "n" disabled; continuing...']]);
    const b = context();
    await expect(provisionBreakpoint({}, b.ctx)).rejects.toThrow('Error asking for input: no available tty');
    expect(b.lines).toEqual([['say', 'Pausing at breakpoint provisioner.']]);
  });

  it('sleep: cancelled with "context canceled"', async () => {
    const controller = new AbortController();
    const { ctx } = context(controller.signal);
    const done = provisionSleep({ duration: '1h' }, ctx);
    controller.abort();
    await expect(done).rejects.toThrow('context canceled');
  });

  it('shell-local: environment, stdout/stderr lines and valid_exit_codes', async () => {
    const { ctx, lines } = context();
    await provisionShellLocal(
      {
        inline: ['echo "$PACKER_BUILD_NAME $PACKER_BUILDER_TYPE $FOO"', 'echo oops >&2', 'exit 2'],
        environment_vars: ["FOO=it's"],
        valid_exit_codes: [0, 2],
      },
      ctx,
    );
    expect(lines.slice(1).sort()).toEqual([
      ['error', 'oops'],
      ['say', "b null it's"],
    ]);
    const failing = context();
    await expect(provisionShellLocal({ command: 'exit 4' }, failing.ctx)).rejects.toThrow(
      'Script exited with non-zero exit status: 4. Allowed exit codes are: [0]',
    );
  });
});

/** The temporary script named in the "Running local shell script" line. */
function tempScriptOf(lines: readonly [UiLevel, string][]): string {
  const said = lines.find(([, text]) => text.startsWith('Running local shell script: '));
  const path = said?.[1].slice('Running local shell script: '.length) ?? '';
  expect(path).toMatch(/^\/tmp\/packer-shell\d+/);
  return path;
}

/** Processes whose command line contains `marker`. */
function processesWith(marker: string): number {
  const found = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean).length;
}

async function untilRunning(marker: string, count: number): Promise<void> {
  while (processesWith(marker) < count) await delay(20);
}

describe('shell-local as the SDK runs it', () => {
  it('writes the inline commands, rendered with the generated data, under the shebang and extension; then removes the file', async () => {
    const { ctx, lines } = context(undefined, { generatedData: { Host: '10.0.0.5' } });
    await provisionShellLocal(
      {
        inline: ['echo {{ build "Host" }}', 'echo {{ .Host }}'],
        inline_shebang: '/bin/bash -eu',
        tempfile_extension: '.sh',
        execute_command: ['/bin/cat', '{{.Script}}'],
      },
      ctx,
    );
    const script = tempScriptOf(lines);
    expect(script).toMatch(/^\/tmp\/packer-shell\d+\.sh$/);
    expect(lines).toEqual([
      ['say', `Running local shell script: ${script}`],
      ['say', '#!/bin/bash -eu'],
      ['say', 'echo 10.0.0.5'],
      ['say', 'echo 10.0.0.5'],
    ]);
    expect(existsSync(script)).toBe(false);
  });

  it('renders execute_command as a Go template: Vars, Script, Command, build, build_name and user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-shell-local-'));
    writeFileSync(join(dir, 's.sh'), 'true\n');
    const generatedData = {
      Host: 'h1',
      PackerHTTPAddr: '10.0.0.1:8080',
      PackerHTTPIP: HTTP_IP_NOT_IMPLEMENTED,
      PackerHTTPPort: HTTP_PORT_NOT_IMPLEMENTED,
    };
    const { ctx, lines } = context(undefined, { cwd: dir, generatedData });
    await provisionShellLocal(
      {
        scripts: ['s.sh'],
        environment_vars: ['WHERE={{ build "Host" }}', "Q=it's"],
        env: { Z: 'z' },
        packer_user_variables: { u: 'uv' },
        execute_command: [
          '/bin/echo',
          '{{.Vars}}|{{ build "Host" }}|{{.Script}}|{{.Command}}|{{ build_name }}|{{ user "u" }}',
        ],
      },
      ctx,
    );
    const vars =
      "PACKER_BUILDER_TYPE='null' PACKER_BUILD_NAME='b' PACKER_HTTP_ADDR='10.0.0.1:8080' " +
      `Q='it'"'"'s' WHERE='h1' Z='z' `;
    expect(lines).toEqual([
      ['say', 'Running local shell script: s.sh'],
      ['say', `${vars}|h1|${dir}/s.sh|${dir}/s.sh|b|uv`],
    ]);
  });

  it.each([
    [['windows'], [['say', 'Skipping shell-local due to runtime OS']]],
    [['darwin', 'linux'], [['say', 'ran']]],
  ])('only_on %j', async (onlyOn, expected) => {
    const { ctx, lines } = context();
    await provisionShellLocal(
      { command: 'echo ran', only_on: onlyOn, execute_command: ['/bin/sh', '{{.Script}}'] },
      ctx,
    );
    expect(lines.filter(([, text]) => !text.startsWith('Running local shell script: '))).toEqual(expected);
  });

  it.each([
    [
      'a command that cannot be rendered',
      ['/bin/echo', '{{ build "Missing" }}'],
      'Error processing command: template: root:1:3: executing "root" at <build "Missing">: ' +
        'error calling build: loaded data, but couldnt find Missing in it.',
    ],
    [
      'a program that cannot be started',
      ['/nonexistent/shell', '{{.Script}}'],
      'Error executing script: <script>\n\nPlease see output above for more information.',
    ],
    [
      'an exit code not allowed',
      ['/bin/sh', '-c', 'exit 3'],
      'Script exited with non-zero exit status: 3. Allowed exit codes are: [0 1]',
    ],
  ])('fails with the SDK error for %s and removes the temporary script', async (_what, executeCommand, error) => {
    const { ctx, lines } = context();
    const run = provisionShellLocal(
      { inline: ['true'], execute_command: executeCommand, valid_exit_codes: [0, 1] },
      ctx,
    );
    const message = await run.then(
      () => 'resolved',
      (e: unknown) => (e as Error).message,
    );
    const script = lines.length > 0 ? tempScriptOf(lines) : '';
    expect(message).toBe(error.replace('<script>', script));
    expect(existsSync(script)).toBe(false);
  });

  it('an empty valid_exit_codes allows 0 alone', async () => {
    await provisionShellLocal({ inline: ['exit 0'], valid_exit_codes: [] }, context().ctx);
    await expect(provisionShellLocal({ inline: ['exit 1'], valid_exit_codes: [] }, context().ctx)).rejects.toThrow(
      'Script exited with non-zero exit status: 1. Allowed exit codes are: [0]',
    );
  });

  it('on cancellation kills the whole process group, background children too, and removes the script', async () => {
    const marker = `sleep 300.${randomInt(100_000, 999_999)}`;
    const controller = new AbortController();
    const { ctx, lines } = context(controller.signal);
    const run = provisionShellLocal({ inline: [`${marker} &`, marker] }, ctx);
    await untilRunning(marker, 2);
    const script = tempScriptOf(lines);
    controller.abort();
    await expect(run).rejects.toThrow(
      `Error executing script: ${script}\n\nPlease see output above for more information.`,
    );
    expect(processesWith(marker)).toBe(0);
    expect(existsSync(script)).toBe(false);
  });

  it('kills a process group that ignores SIGTERM with SIGKILL after the grace period', async () => {
    const marker = `sleep 300.${randomInt(100_000, 999_999)}`;
    const controller = new AbortController();
    const { ctx } = context(controller.signal);
    const run = provisionShellLocal({ inline: ["trap '' TERM", marker] }, ctx);
    await untilRunning(marker, 1);
    const started = Date.now();
    controller.abort();
    await expect(run).rejects.toThrow('Error executing script: ');
    expect(Date.now() - started).toBeGreaterThanOrEqual(KILL_GRACE_MS);
    await delay(100);
    expect(processesWith(marker)).toBe(0);
  });
});
