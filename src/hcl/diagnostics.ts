import type { Range } from './range.js';

export type Severity = 'error' | 'warning';

/**
 * A problem found in user input, shaped as hcl.Diagnostic: a short fixed `summary`
 * (Packer's wording, so users recognise it), a full-sentence `detail`, the `subject`
 * range to underline and an optional wider `context` range.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly subject?: Range;
  readonly context?: Range;
  /**
   * What hcl shows from Diagnostic.Expression + EvalContext: the values of the
   * variables the failing expression refers to, rendered and sorted by the
   * evaluator ("x as 1", "var.foo set to null"). Written as "with x as 1.".
   */
  readonly valueContext?: readonly string[];
}

export type Diagnostics = Diagnostic[];

export function errorDiag(summary: string, detail: string, subject?: Range, context?: Range): Diagnostic {
  return { severity: 'error', summary, detail, subject, context };
}

export function warningDiag(summary: string, detail: string, subject?: Range, context?: Range): Diagnostic {
  return { severity: 'warning', summary, detail, subject, context };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Thrown only where a caller cannot continue after error diagnostics (e.g. CLI boundaries). */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostics) {
    super(diagnostics.map((d) => `${d.summary}${d.detail ? `: ${d.detail}` : ''}`).join('\n'));
    this.name = 'DiagnosticsError';
  }
}
