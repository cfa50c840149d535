/*
 * The PACKER_LOG debug log (packer log.go): on when PACKER_LOG is set and not "" or
 * "0". With PACKER_LOG_PATH the file is created or truncated and gets every line;
 * without it lines go to stderr minus the UI's own lines ("ui:" / "ui error:").
 * Lines carry Go's standard log prefix, "2006/01/02 15:04:05 ".
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { EngineEvent, Listener } from '../events.js';
import { targetLines } from './targeted.js';

export interface PackerLog {
  readonly listener: Listener;
  close(): void;
}

export interface PackerLogOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly stderr: (text: string) => void;
  readonly now?: () => Date;
}

export function openPackerLog(options: PackerLogOptions): PackerLog | undefined {
  const level = options.env['PACKER_LOG'];
  if (level === undefined || level === '' || level === '0') return undefined;
  const path = options.env['PACKER_LOG_PATH'];
  const fd = path ? openSync(path, 'w') : undefined;
  const write = (line: string) => {
    const text = `${goLogTime(options.now?.() ?? new Date())} ${line}\n`;
    if (fd !== undefined) writeSync(fd, text);
    else if (!line.includes('ui:') && !line.includes('ui error:')) options.stderr(text);
  };
  return {
    listener: (event: EngineEvent) => {
      const line = logLine(event);
      if (line !== undefined) write(line);
    },
    close: () => {
      if (fd !== undefined) closeSync(fd);
    },
  };
}

function logLine(event: EngineEvent): string | undefined {
  if (event.type === 'log') return event.message;
  if (event.type !== 'ui') return undefined;
  const text = event.build === undefined ? event.text : targetLines(event.build, event.text, event.level);
  return event.level === 'error' ? `ui error: ${text}` : `ui: ${text}`;
}

function goLogTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
