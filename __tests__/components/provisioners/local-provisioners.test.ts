import { describe, expect, it } from 'vitest';
import type { UiLevel } from '../../../src/core/events.js';
import { goDurationString } from '../../../src/components/go-duration-string.js';
import { provisionBreakpoint } from '../../../src/components/provisioners/breakpoint/provisioner.js';
import { provisionShellLocal } from '../../../src/components/provisioners/shell-local/provisioner.js';
import { provisionSleep } from '../../../src/components/provisioners/sleep/provisioner.js';
import type { ProvisionContext } from '../../../src/components/runtime.js';

function context(signal = new AbortController().signal) {
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
      'Script exited with non-zero exit status: 4.Allowed exit codes are: [0]',
    );
  });
});
