/*
 * The terminal sink: Packer's BasicUi wrapped per build in ColoredUi, then
 * TimestampedUi (-timestamp-ui), then TargetedUI (command/build.go). Say, Message
 * and Error all go to the same stream (stdout), as Packer's BasicUi does.
 */
import type { EngineEvent, Listener, UiLevel } from '../events.js';
import { targetLines } from './targeted.js';

export interface TerminalOptions {
  readonly write: (text: string) => void;
  /** -color (default true); false drops ColoredUi and its "output will be in this color." lines. */
  readonly color: boolean;
  /** PACKER_NO_COLOR: ColoredUi stays (and its lines) but prints no escape codes. */
  readonly noColorEnv?: boolean;
  /** -timestamp-ui */
  readonly timestamp?: boolean;
  readonly now?: () => Date;
}

/** Per-build colours in build order (command/build.go): green, cyan, magenta, yellow, blue. */
const BUILD_COLORS = [32, 36, 35, 33, 34] as const;
const RED = 31;

export class TerminalSink {
  readonly #options: TerminalOptions;
  readonly #colors = new Map<string, number>();

  constructor(options: TerminalOptions) {
    this.#options = options;
  }

  readonly listener: Listener = (event: EngineEvent) => {
    if (event.type === 'run-started') this.#announceColors(event.builds);
    else if (event.type === 'ui')
      this.#options.write(`${this.#line(event.level, event.text, event.build, event.untargeted ?? false)}\n`);
  };

  /** The text BasicUi.Ask writes before reading an answer: no timestamp, then a space. */
  askText(build: string | undefined, query: string): string {
    if (build === undefined) return `${query} `;
    return `${this.#colorize(targetLines(build, query, 'ask'), this.#colors.get(build), true)} `;
  }

  #announceColors(builds: readonly string[]): void {
    if (!this.#options.color) return;
    builds.forEach((build, i) => {
      const color = BUILD_COLORS[i % BUILD_COLORS.length] ?? BUILD_COLORS[0];
      this.#colors.set(build, color);
      this.#options.write(`${this.#colorize(`${build}: output will be in this color.`, color, true)}\n`);
    });
    if (builds.length > 0) this.#options.write('\n');
  }

  #line(level: UiLevel, text: string, build: string | undefined, untargeted: boolean): string {
    if (build === undefined) return text;
    let line = untargeted ? text : targetLines(build, text, level);
    if (this.#options.timestamp) line = `${rfc3339(this.#options.now?.() ?? new Date())}: ${line}`;
    if (level === 'error') return this.#colorize(line, this.#colors.has(build) ? RED : undefined, true);
    return this.#colorize(line, this.#colors.get(build), level === 'say');
  }

  #colorize(text: string, color: number | undefined, bold: boolean): string {
    if (color === undefined || this.#options.noColorEnv) return text;
    return `\u001b[${bold ? 1 : 0};${color}m${text}\u001b[0m`;
  }
}

/** Go's time.RFC3339 in local time: 2006-01-02T15:04:05Z07:00. */
export function rfc3339(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone =
    offset === 0
      ? 'Z'
      : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`
  );
}
