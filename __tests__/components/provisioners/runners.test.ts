import { describe, expect, it } from 'vitest';
import { preloadProvisioner, provisionerRunner } from '../../../src/components/provisioners/runners.js';
import type { ProvisionContext } from '../../../src/components/runtime.js';

function context(said: string[], signal = new AbortController().signal): ProvisionContext {
  return {
    ui: { say: (t: string) => void said.push(t), message: () => undefined, error: () => undefined },
    signal,
    prompt: () => Promise.reject(new Error('no available tty')),
    buildName: 'app',
    builderType: 'null',
    cwd: '.',
    generatedData: {},
  };
}

describe('provisionerRunner', () => {
  it.each(['breakpoint', 'file', 'shell', 'shell-local', 'sleep'])('runs %s natively', (type) => {
    expect(provisionerRunner(type)).toBeTypeOf('function');
  });

  it.each(['powershell', 'windows-restart', 'ansible', ''])('has no runner for %j', (type) => {
    expect(provisionerRunner(type)).toBeUndefined();
  });

  it('runs the provisioner its module exports once loaded', async () => {
    const said: string[] = [];
    await provisionerRunner('breakpoint')?.({ disable: true, note: 'here' }, context(said));
    expect(said).toEqual(['Breakpoint provisioner with note "here" disabled; continuing...']);
  });

  it('rejects with the provisioner’s own error', async () => {
    const said: string[] = [];
    await expect(provisionerRunner('breakpoint')?.({}, context(said))).rejects.toThrow(
      new Error('Error asking for input: no available tty'),
    );
    expect(said).toEqual(['Pausing at breakpoint provisioner.']);
  });

  it('fails a cancelled sleep with "context canceled"', async () => {
    const controller = new AbortController();
    const run = provisionerRunner('sleep')?.({ duration: '1h' }, context([], controller.signal));
    controller.abort();
    await expect(run).rejects.toThrow('context canceled');
  });
});

describe('preloadProvisioner', () => {
  it.each(['shell', 'nope'])('returns at once for %j', (type) => {
    expect(preloadProvisioner(type)).toBeUndefined();
  });
});
