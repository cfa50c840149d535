import type { Diagnostic } from '../hcl/diagnostics.js';

/*
 * The `only` / `except` lists of provisioners and post-processors
 * (types.build.provisioners.go OnlyExcept): exact source names `type.name`.
 */

export interface OnlyExcept {
  readonly only: readonly string[];
  readonly except: readonly string[];
}

export function skips(oe: OnlyExcept, sourceName: string): boolean {
  if (oe.only.length > 0) return !oe.only.includes(sourceName);
  return oe.except.includes(sourceName);
}

export function validateOnlyExcept(oe: OnlyExcept): Diagnostic[] {
  if (oe.only.length > 0 && oe.except.length > 0) {
    return [{ severity: 'error', summary: "only one of 'only' or 'except' may be specified" }];
  }
  return [];
}
