/*
 * Questions on a TTY (BasicUi.Ask): writes the query and a space, reads one line,
 * trims it. Questions from parallel builds wait their turn, as BasicUi holds a lock.
 * An aborted signal ends the wait with no answer.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Prompt } from '../events.js';

export function ttyPrompt(input: Readable, write: (text: string) => void, format: (query: string) => string): Prompt {
  const lines = createInterface({ input, terminal: false });
  const waiting: ((line: string) => void)[] = [];
  // Lines typed ahead of a question wait for it.
  const unread: string[] = [];
  lines.on('line', (line) => {
    const reader = waiting.shift();
    if (reader) reader(line);
    else unread.push(line);
  });
  let turn: Promise<unknown> = Promise.resolve();

  return (query, signal) => {
    const answer = turn.then(
      () =>
        new Promise<string | undefined>((resolve) => {
          if (signal.aborted) return resolve(undefined);
          write(format(query));
          const typedAhead = unread.shift();
          if (typedAhead !== undefined) return resolve(typedAhead.trim());
          const onLine = (line: string) => {
            signal.removeEventListener('abort', onAbort);
            resolve(line.trim());
          };
          const onAbort = () => {
            waiting.splice(waiting.indexOf(onLine), 1);
            write('\n');
            resolve(undefined);
          };
          signal.addEventListener('abort', onAbort, { once: true });
          waiting.push(onLine);
        }),
    );
    turn = answer;
    return answer;
  };
}
