import type { Ui } from './ui.js';

/*
 * Packer's ColoredUi (packer/ui.go) as `init` and `plugins install` wrap
 * their UI in it: Say in bold cyan, Error in bold red, machine records as
 * they are. Colors are on whatever the output is (a pipe too), except when
 * PACKER_NO_COLOR is set or on Windows outside Cygwin.
 */

const CYAN = 36;
const RED = 31;

export function coloredUi(ui: Ui, env: Readonly<Record<string, string | undefined>>, platform = process.platform): Ui {
  if (!supportsColors(env, platform)) return ui;
  const colorize = (text: string, color: number) => `\x1b[1;${color}m${text}\x1b[0m`;
  return {
    say: (text) => ui.say(colorize(text, CYAN)),
    error: (text) => ui.error(colorize(text, RED)),
    machine: (type, ...args) => ui.machine(type, ...args),
  };
}

function supportsColors(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): boolean {
  if (env['PACKER_NO_COLOR']) return false;
  if (platform !== 'win32') return true;
  return Boolean(env['CYGWIN']) || env['OSTYPE'] === 'cygwin' || env['TERM'] === 'cygwin';
}
