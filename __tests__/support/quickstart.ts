import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Copies of examples/quickstart for Packer 1.6.6 (the side-by-side test and
 * bench/docker): 1.6.6 knows neither `required_plugins` nor the `regex`
 * function the app_name validation uses, so the copy drops the `packer` block
 * and the validation; the rest is the example as written.
 */

export const QUICKSTART = path.resolve(import.meta.dirname, '../../examples/quickstart');

export interface QuickstartCopy {
  /** Keep the docker-tag and manifest post-processors (default true). */
  readonly postProcessors?: boolean;
}

/** Writes the Packer 1.6.6-compatible quickstart (template, app/, auto var file) into dir. */
export function copyQuickstart(dir: string, options: QuickstartCopy = {}): void {
  cpSync(path.join(QUICKSTART, 'app'), path.join(dir, 'app'), { recursive: true });
  cpSync(path.join(QUICKSTART, 'quickstart.auto.pkrvars.hcl'), path.join(dir, 'quickstart.auto.pkrvars.hcl'));
  let text = readFileSync(path.join(QUICKSTART, 'quickstart.pkr.hcl'), 'utf8');
  text = cut(text, 'packer {\n', '\n}\n\n');
  text = cut(text, '\n  validation {\n', '\n  }\n');
  if (options.postProcessors === false) text = cut(text, '\n  post-processors {\n', '\n  }\n');
  writeFileSync(path.join(dir, 'quickstart.pkr.hcl'), text);
}

/** Removes the first block from `start` to the next `end` (both included); the example must have it. */
function cut(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = from < 0 ? -1 : text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`examples/quickstart changed: no ${JSON.stringify(start)} ... ${JSON.stringify(end)}`);
  return text.slice(0, from) + text.slice(to + end.length);
}
