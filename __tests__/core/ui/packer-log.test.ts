import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/core/events.js';
import { openPackerLog } from '../../../src/core/ui/packer-log.js';

const at = new Date(2024, 0, 2, 3, 4, 5);

function emitAll(bus: EventBus): void {
  bus.emit({ type: 'log', message: 'Starting build run: null.a' });
  bus.emit({ type: 'ui', level: 'say', text: 'hello', build: 'null.a' });
  bus.emit({ type: 'ui', level: 'error', text: 'oops' });
}

describe('PACKER_LOG', () => {
  it.each([{}, { PACKER_LOG: '' }, { PACKER_LOG: '0' }])('is off for %j', (env) => {
    expect(openPackerLog({ env, stderr: () => undefined })).toBeUndefined();
  });

  it('truncates PACKER_LOG_PATH and writes every line to it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kiln-log-')), 'packer.log');
    writeFileSync(path, 'old content that must go\n'.repeat(10));
    const stderr: string[] = [];
    const log = openPackerLog({
      env: { PACKER_LOG: '1', PACKER_LOG_PATH: path },
      stderr: (t) => stderr.push(t),
      now: () => at,
    });
    const bus = new EventBus();
    bus.subscribe(log!.listener);
    emitAll(bus);
    log!.close();
    expect(readFileSync(path, 'utf8')).toBe(
      '2024/01/02 03:04:05 Starting build run: null.a\n' +
        '2024/01/02 03:04:05 ui: ==> null.a: hello\n' +
        '2024/01/02 03:04:05 ui error: oops\n',
    );
    expect(stderr).toEqual([]);
  });

  it('writes to stderr without the UI lines when no path is set', () => {
    const stderr: string[] = [];
    const log = openPackerLog({ env: { PACKER_LOG: 'true' }, stderr: (t) => stderr.push(t), now: () => at });
    const bus = new EventBus();
    bus.subscribe(log!.listener);
    emitAll(bus);
    expect(stderr).toEqual(['2024/01/02 03:04:05 Starting build run: null.a\n']);
  });
});
