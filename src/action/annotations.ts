import { relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import type { Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';

/*
 * Diagnostics as workflow annotations: an error or warning each, with the
 * summary as title and the detail as message, placed on the subject's range
 * (file relative to the repository root, so the pull request shows it on the
 * line). HCL ranges are half-open; endColumn is the column after the last
 * character, as hcl reports it.
 */

export interface AnnotationPlace {
  /** Directory the template's file names are relative to. */
  readonly cwd: string;
  /** The repository root (GITHUB_WORKSPACE). */
  readonly workspace: string;
  readonly mask: (text: string) => string;
}

export function annotateDiagnostics(diags: readonly Diagnostic[], place: AnnotationPlace): void {
  for (const d of diags) {
    const title = d.summary === '' ? undefined : place.mask(d.summary);
    const message = place.mask(diagnosticMessage(d));
    const properties: core.AnnotationProperties = {
      ...(title === undefined ? {} : { title }),
      ...(d.subject ? rangeProperties(d.subject, place) : {}),
    };
    if (d.severity === 'error') core.error(message, properties);
    else core.warning(message, properties);
  }
}

function diagnosticMessage(d: Diagnostic): string {
  const detail = d.detail ?? '';
  const context = d.valueContext && d.valueContext.length > 0 ? `\nwith ${d.valueContext.join(', ')}.` : '';
  const text = `${detail}${context}`;
  return text === '' ? d.summary : text;
}

export function workspacePath(filename: string, place: Pick<AnnotationPlace, 'cwd' | 'workspace'>): string {
  return relative(place.workspace, resolve(place.cwd, filename)).split(sep).join('/');
}

function rangeProperties(range: Range, place: AnnotationPlace): core.AnnotationProperties {
  return {
    file: workspacePath(range.filename, place),
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}
