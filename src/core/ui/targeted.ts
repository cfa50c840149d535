/*
 * Packer's TargetedUI prefix: every line of a build's output gets "==> name: "
 * (Say, Error, Ask) or "    name: " (Message), and trailing whitespace is trimmed.
 */
import type { UiLevel } from '../events.js';

export function targetLines(build: string, text: string, level: UiLevel | 'ask'): string {
  const arrow = level === 'message' ? '   ' : '==>';
  return text
    .split('\n')
    .map((line) => `${arrow} ${build}: ${line}`)
    .join('\n')
    .trimEnd();
}
