import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/core/events.js';
import { rfc3339, TerminalSink } from '../../../src/core/ui/terminal.js';

const savedTz = process.env['TZ'];
beforeEach(() => {
  process.env['TZ'] = 'Asia/Kolkata';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

function render(options: { color: boolean; timestamp?: boolean; noColorEnv?: boolean }) {
  const out: string[] = [];
  const bus = new EventBus();
  const sink = new TerminalSink({ write: (t) => out.push(t), now: () => at, ...options });
  bus.subscribe(sink.listener);
  bus.emit({ type: 'run-started', builds: ['a', 'b'] });
  bus.emit({ type: 'ui', level: 'say', text: 'two\nlines  ', build: 'b' });
  bus.emit({ type: 'ui', level: 'message', text: 'output', build: 'a' });
  bus.emit({ type: 'ui', level: 'error', text: 'failed', build: 'a' });
  bus.emit({ type: 'ui', level: 'say', text: 'summary' });
  return { out, sink };
}

describe('terminal sink', () => {
  it('formats RFC3339 in local time as Go does', () => {
    expect(rfc3339(at)).toBe('2024-01-02T08:34:05+05:30');
    process.env['TZ'] = 'UTC';
    expect(rfc3339(at)).toBe('2024-01-02T03:04:05Z');
  });

  it('prefixes and colours per build, Message unbolded, errors red', () => {
    expect(render({ color: true }).out).toEqual([
      '\u001b[1;32ma: output will be in this color.\u001b[0m\n',
      '\u001b[1;36mb: output will be in this color.\u001b[0m\n',
      '\n',
      '\u001b[1;36m==> b: two\n==> b: lines\u001b[0m\n',
      '\u001b[0;32m    a: output\u001b[0m\n',
      '\u001b[1;31m==> a: failed\u001b[0m\n',
      'summary\n',
    ]);
  });

  it('puts the timestamp before the target prefix with -timestamp-ui -color=false', () => {
    expect(render({ color: false, timestamp: true }).out).toEqual([
      '2024-01-02T08:34:05+05:30: ==> b: two\n==> b: lines\n',
      '2024-01-02T08:34:05+05:30:     a: output\n',
      '2024-01-02T08:34:05+05:30: ==> a: failed\n',
      'summary\n',
    ]);
  });

  it('keeps the colour lines but drops escapes under PACKER_NO_COLOR', () => {
    const { out, sink } = render({ color: true, noColorEnv: true });
    expect(out.slice(0, 4)).toEqual([
      'a: output will be in this color.\n',
      'b: output will be in this color.\n',
      '\n',
      '==> b: two\n==> b: lines\n',
    ]);
    expect(sink.askText('a', 'Go?')).toBe('==> a: Go? ');
  });
});
