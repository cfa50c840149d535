import type { CliIO } from './io.js';

/*
 * Packer's command UI: BasicUi writes Say and Error alike to stdout;
 * MachineReadableUi (-machine-readable) writes `<unix time>,,ui,say|error,<text>`
 * lines with commas and line breaks escaped (packer/ui.go).
 */

export interface Ui {
  say(text: string): void;
  error(text: string): void;
  /** A machine-readable record; only the -machine-readable UI prints it. */
  machine(type: string, ...args: string[]): void;
}

export function basicUi(io: CliIO): Ui {
  return {
    say: (text) => io.stdout.write(`${text}\n`),
    error: (text) => io.stdout.write(`${text}\n`),
    machine: () => undefined,
  };
}

export function machineReadableUi(io: CliIO, now: () => number = Date.now): Ui {
  const escape = (text: string) =>
    text.replaceAll(',', '%!(PACKER_COMMA)').replaceAll('\r', '\\r').replaceAll('\n', '\\n');
  const record = (type: string, args: readonly string[]) =>
    io.stdout.write(`${Math.floor(now() / 1000)},,${type},${args.map(escape).join(',')}\n`);
  return {
    say: (text) => record('ui', ['say', text]),
    error: (text) => record('ui', ['error', text]),
    machine: (type, ...args) => record(type, args),
  };
}

/** main.go extractMachineReadable: the first literal -machine-readable is removed from anywhere in argv. */
export function extractMachineReadable(argv: readonly string[]): { args: string[]; machineReadable: boolean } {
  const i = argv.indexOf('-machine-readable');
  if (i < 0) return { args: [...argv], machineReadable: false };
  return { args: [...argv.slice(0, i), ...argv.slice(i + 1)], machineReadable: true };
}

/** The UI a command writes through: -machine-readable (from anywhere in argv) chooses it. */
export function commandUi(argv: readonly string[], io: CliIO): { args: string[]; ui: Ui } {
  const { args, machineReadable } = extractMachineReadable(argv);
  return { args, ui: machineReadable ? machineReadableUi(io) : basicUi(io) };
}
