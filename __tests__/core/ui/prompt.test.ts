import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ttyPrompt } from '../../../src/core/ui/prompt.js';

describe('ttyPrompt', () => {
  it('asks in turn, trims answers and gives up when aborted', async () => {
    const input = new PassThrough();
    const out: string[] = [];
    const prompt = ttyPrompt(
      input,
      (t) => out.push(t),
      (q) => `==> a: ${q} `,
    );
    const signal = new AbortController().signal;
    const first = prompt('One?', signal);
    const second = prompt('Two?', signal);
    input.write('  r \nc\n');
    expect([await first, await second]).toEqual(['r', 'c']);
    const controller = new AbortController();
    const third = prompt('Three?', controller.signal);
    await new Promise(setImmediate);
    controller.abort();
    expect(await third).toBeUndefined();
    expect(out).toEqual(['==> a: One? ', '==> a: Two? ', '==> a: Three? ', '\n']);
  });
});
