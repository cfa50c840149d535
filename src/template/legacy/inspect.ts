import type { BuildComponentKind } from '../../plugins/resolve.js';
import { implementationNote, type ServedBy } from '../inspect-text.js';
import type { LegacyTemplate, LegacyVariable } from './model.js';

/*
 * packer.Core.InspectConfig: what `inspect` prints for a legacy template, as
 * Ui calls (Say lines and Machine records) so that both the plain and the
 * -machine-readable outputs can be written from it. Given who serves each
 * component type, Kiln adds to each builder and provisioner line what the
 * HCL2 inspect adds (inspect-text.ts): "(native)", or "(plugin" and the
 * command starting it, or why nothing can run it. Machine records stay
 * Packer's.
 */

export type InspectLine = { readonly say: string } | { readonly machine: readonly [type: string, ...args: string[]] };

/** A default equal to a sensitive variable's default is hidden (Packer compares the values). */
function shownDefault(v: LegacyVariable, sensitiveDefaults: ReadonlySet<string>): string {
  return sensitiveDefaults.has(v.default) ? '<sensitive>' : v.default;
}

/** Packer's lines; with `servedBy`, each builder and provisioner also names its implementation. */
export function inspectLegacyTemplate(t: LegacyTemplate, servedBy?: ServedBy): InspectLine[] {
  const note = (kind: BuildComponentKind, type: string) =>
    servedBy ? ` ${implementationNote(servedBy, kind, type)}` : '';
  const out: InspectLine[] = [];
  const say = (s: string) => out.push({ say: s });
  const machine = (type: string, ...args: string[]) => out.push({ machine: [type, ...args] });
  say('Packer Inspect: JSON mode');
  if (t.description !== '') {
    say('Description:\n');
    say(`${t.description}\n`);
  }

  const vars = [...t.variables.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (vars.length === 0) {
    say('Variables:\n');
    say('  <No variables>');
  } else {
    const sensitiveDefaults = new Set(t.sensitiveVariables.map((k) => t.variables.get(k)?.default ?? ''));
    const required = vars.filter((v) => v.required);
    if (required.length > 0) {
      say('Required variables:\n');
      for (const v of required) {
        machine('template-variable', v.key, shownDefault(v, sensitiveDefaults), '1');
        say(`  ${v.key}`);
      }
      say('');
    }
    say('Optional variables and their defaults:\n');
    const width = Math.max(...vars.map((v) => v.key.length));
    for (const v of vars.filter((x) => !x.required)) {
      const value = shownDefault(v, sensitiveDefaults);
      machine('template-variable', v.key, value, '0');
      say(`  ${v.key.padEnd(width)} = ${value}`);
    }
  }
  say('');

  say('Builders:\n');
  if (t.builders.size === 0) {
    say('  <No builders>');
  } else {
    const names = [...t.builders.keys()].sort();
    const width = Math.max(...names.map((n) => n.length));
    for (const name of names) {
      const b = t.builders.get(name)!;
      machine('template-builder', name, b.type);
      say(`  ${name.padEnd(width)}${b.name !== b.type ? ` (${b.type})` : ''}${note('builder', b.type)}`);
    }
  }
  say('');

  say('Provisioners:\n');
  if (t.provisioners.length === 0) say('  <No provisioners>');
  for (const p of t.provisioners) {
    machine('template-provisioner', p.type);
    say(`  ${p.type}${note('provisioner', p.type)}`);
  }
  say(
    "\nNote: If your build names contain user variables or template\nfunctions such as 'timestamp', these are processed at build time,\nand therefore only show in their raw form here.",
  );
  return out;
}
