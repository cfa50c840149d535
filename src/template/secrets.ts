import { Writable } from 'node:stream';
import { Sensitive, type Value } from '../eval/value.js';
import { hclPluginConfig } from '../plugins/spec/component.js';
import type { PackerConfig } from './config.js';
import type { PlannedBuild, PlannedComponent } from './plan.js';

/*
 * Secrets of a run: the values of sensitive variables and locals, and the
 * component settings the evaluator marked sensitive. Each is registered with
 * the runner (core.setSecret, so the log masks it) before anything is printed,
 * and replaced by "<sensitive>" (as Packer's UI filter does) in everything the
 * action writes itself: log lines, outputs, the summary and the manifest.
 */

export const MASK = '<sensitive>';

export class SecretMasker {
  readonly #secrets = new Set<string>();
  #ordered: string[] = [];
  readonly #register: (secret: string) => void;

  constructor(register: (secret: string) => void) {
    this.#register = register;
  }

  add(secret: string): void {
    if (secret === '' || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#register(secret);
    // The runner masks line by line: each line of a multi-line secret is registered too.
    const parts = secret.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (parts.length > 1) for (const line of parts) this.add(line);
    // Longest first, so a secret containing another is replaced whole.
    this.#ordered = [...this.#secrets].sort((a, b) => b.length - a.length);
  }

  mask(text: string): string {
    let out = text;
    for (const secret of this.#ordered) out = out.replaceAll(secret, MASK);
    return out;
  }

  /**
   * A stream that masks each write (whole UI lines) and passes it on at once, so
   * its lines keep their order with the workflow commands core writes to stdout.
   */
  stream(target: Writable): Writable {
    return new Writable({
      write: (chunk: Buffer | string, _encoding, done) => {
        target.write(this.mask(chunk.toString()));
        done();
      },
    });
  }
}

/** Strings of sensitive variables and locals, once the config is parsed (variables) or initialized (locals). */
export function configSecrets(config: PackerConfig): string[] {
  const out: string[] = [];
  for (const v of config.variables.values()) {
    const last = v.values[v.values.length - 1];
    if (v.sensitive && last) leaves(last.value, true, out);
  }
  for (const value of config.values.locals.values()) leaves(value, false, out);
  return out;
}

/** Settings of the builds' components that were evaluated from sensitive values. */
export function buildSecrets(builds: readonly PlannedBuild[]): string[] {
  const out: string[] = [];
  const fromComponent = (c: PlannedComponent) => {
    // A plugin's config is a cty value that keeps its marks.
    const hcl = hclPluginConfig(c.config);
    if (hcl) leaves(hcl.value, false, out);
    for (const path of c.sensitive) plainLeaves(at(c.config, path), out);
  };
  for (const b of builds) {
    fromComponent(b.builder);
    b.provisioners.forEach(fromComponent);
    b.postProcessors.flat().forEach(fromComponent);
    if (b.errorCleanupProvisioner) fromComponent(b.errorCleanupProvisioner);
  }
  return out;
}

/** String and number leaves of a value, of the parts marked sensitive (all of it when `marked`). */
function leaves(value: Value, marked: boolean, out: string[]): void {
  const sensitive = marked || value.hasMark(Sensitive);
  if (!sensitive && !value.hasMarkDeep(Sensitive)) return;
  const [v] = value.unmark();
  if (!v.isKnown() || v.isNull()) return;
  switch (v.type.kind) {
    case 'string':
      if (sensitive) out.push(v.asString());
      return;
    case 'number':
      if (sensitive) out.push(v.asNumber().toString());
      return;
    case 'bool':
      return;
    case 'list':
    case 'set':
    case 'tuple':
      for (const e of v.elements()) leaves(e, sensitive, out);
      return;
    default:
      for (const e of v.entries().values()) leaves(e, sensitive, out);
  }
}

function at(config: unknown, path: readonly (string | number)[]): unknown {
  let node = config;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function plainLeaves(node: unknown, out: string[]): void {
  // "<unknown>" stands for a value not known yet (Packer's placeholder), not a secret.
  if (typeof node === 'string') {
    if (node !== '<unknown>') out.push(node);
  } else if (typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) for (const e of node) plainLeaves(e, out);
  else if (typeof node === 'object' && node !== null) for (const e of Object.values(node)) plainLeaves(e, out);
}
