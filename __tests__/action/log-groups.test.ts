import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/core/events.js';
import { groupedLog } from '../../src/action/log-groups.js';

function replay(buffered: boolean, events: EngineEvent[]): string {
  let out = '';
  const listener = groupedLog({
    write: (text) => (out += text),
    startGroup: (name) => (out += `::group::${name}\n`),
    endGroup: () => (out += '::endgroup::\n'),
    buffered,
  });
  for (const e of events) listener(e);
  return out;
}

const ui = (build: string | undefined, text: string, level: 'say' | 'message' | 'error' = 'say'): EngineEvent =>
  build === undefined ? { type: 'ui', level, text } : { type: 'ui', level, text, build };

// Two builds whose lines interleave, as parallel builds do.
const events: EngineEvent[] = [
  { type: 'run-started', builds: ['a', 'b'] },
  { type: 'build-started', build: 'a' },
  { type: 'build-started', build: 'b' },
  ui('a', 'one'),
  ui('b', 'two', 'message'),
  ui('a', 'three\nfour', 'error'),
  { type: 'ui', level: 'say', text: "Build 'b' finished after 1 second.", build: 'b', untargeted: true },
  { type: 'build-finished', build: 'b', durationMs: 1000 },
  { type: 'build-finished', build: 'a', durationMs: 1200, error: 'boom' },
  ui(undefined, '==> Wait completed after 1 second'),
];

describe('groupedLog', () => {
  it('buffers each build and writes it as one group when it finishes', () => {
    expect(replay(true, events)).toBe(
      [
        "::group::Build 'b'",
        '    b: two',
        "Build 'b' finished after 1 second.",
        '::endgroup::',
        "::group::Build 'a'",
        '==> a: one',
        '==> a: three',
        '==> a: four',
        '::endgroup::',
        '==> Wait completed after 1 second',
        '',
      ].join('\n'),
    );
  });

  it('streams lines into the open group when builds run one at a time', () => {
    const sequential: EngineEvent[] = [
      { type: 'build-started', build: 'a' },
      ui('a', 'one'),
      { type: 'build-finished', build: 'a', durationMs: 1 },
      { type: 'build-started', build: 'b' },
      ui('b', 'two'),
      { type: 'build-finished', build: 'b', durationMs: 1 },
    ];
    expect(replay(false, sequential)).toBe(
      ["::group::Build 'a'", '==> a: one', '::endgroup::', "::group::Build 'b'", '==> b: two', '::endgroup::', ''].join(
        '\n',
      ),
    );
  });
});
