import type { Diagnostic } from '../../hcl/diagnostics.js';
import type { Range } from '../../hcl/range.js';

/*
 * What a plugin's Prepare returns: warnings, and errors gathered as
 * packer.MultiError does. Packer turns them into diagnostics on the block's
 * definition range (hcl2template warningErrorsToDiags): one per warning, and
 * one error whose summary is the whole multi-error text.
 */

export interface PrepareResult {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

/** packer.MultiError.Error(). */
export function multiErrorText(errors: readonly string[]): string {
  return `${errors.length} error(s) occurred:\n\n${errors.map((e) => `* ${e}`).join('\n')}`;
}

export function prepareDiagnostics(result: PrepareResult, defRange: Range): Diagnostic[] {
  const diags: Diagnostic[] = result.warnings.map((w) => ({ severity: 'warning', summary: w, subject: defRange }));
  if (result.errors.length > 0) {
    diags.push({ severity: 'error', summary: multiErrorText(result.errors), subject: defRange });
  }
  return diags;
}

/** Collects errors and warnings in the order checks run, as MultiErrorAppend. */
export class PrepareErrors {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  error(message: string): void {
    this.errors.push(message);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  result(): PrepareResult {
    return { errors: this.errors, warnings: this.warnings };
  }
}
