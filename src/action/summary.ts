import * as core from '@actions/core';
import { formatDuration } from '../core/duration.js';
import type { Diagnostic } from '../hcl/diagnostics.js';
import { workspacePath } from './annotations.js';
import type { ActionContext } from './context.js';
import { failedStep, type BuildRecord } from './run-record.js';

/*
 * The job summary ($GITHUB_STEP_SUMMARY). For a build: a table of the run
 * (build, builder, status, artifact IDs, duration), each step's timing, and
 * the failures with the step they happened in. For validate: the diagnostics
 * with their location. Text is HTML-escaped and masked before it is written;
 * without GITHUB_STEP_SUMMARY (a local run) nothing is written.
 */

export interface SummaryBuild {
  readonly record: BuildRecord;
  readonly builderType: string;
  readonly cancelled: boolean;
}

export async function writeBuildSummary(ctx: ActionContext, builds: readonly SummaryBuild[]): Promise<void> {
  const { escape, code } = html(ctx);
  const s = core.summary;
  s.addHeading('Kiln build', 2);
  s.addTable([
    ['Build', 'Builder', 'Status', 'Artifact IDs', 'Duration'].map((data) => ({ data, header: true })),
    ...builds.map(({ record, builderType, cancelled }) => [
      code(record.name),
      escape(builderType),
      status(record, cancelled),
      record.artifacts.map((a) => code(a.id)).join('<br>') || '—',
      record.durationMs === undefined ? '—' : escape(formatDuration(record.durationMs)),
    ]),
  ]);
  const steps = builds.flatMap(({ record }) => record.steps.map((step) => ({ build: record.name, ...step })));
  if (steps.length > 0) {
    s.addHeading('Steps', 3);
    s.addTable([
      ['Build', 'Step', 'Result', 'Duration'].map((data) => ({ data, header: true })),
      ...steps.map((t) => [code(t.build), code(t.step), escape(t.outcome), escape(formatDuration(t.durationMs))]),
    ]);
  }
  const failures = builds.filter(({ record }) => record.error !== undefined);
  if (failures.length > 0) {
    s.addHeading('Failures', 3);
    s.addList(
      failures.map(({ record }) => {
        const step = failedStep(record);
        const where = step === undefined ? '' : ` (in step ${code(step)})`;
        return `${code(record.name)}${where}: ${escape(record.error ?? '')}`;
      }),
    );
  }
  await write(ctx);
}

export async function writeDiagnosticsSummary(
  ctx: ActionContext,
  title: string,
  diags: readonly Diagnostic[],
): Promise<void> {
  const { escape, code } = html(ctx);
  const s = core.summary;
  s.addHeading(title, 2);
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  s.addRaw(`<p>${errors === 0 ? 'The configuration is valid.' : 'The configuration is invalid.'} `);
  s.addRaw(`${errors} error(s), ${warnings} warning(s).</p>`, true);
  if (diags.length > 0) {
    s.addList(
      diags.map((d) => {
        const at = d.subject
          ? `${code(`${workspacePath(d.subject.filename, { cwd: ctx.io.cwd, workspace: ctx.inputs.workspace })}:${d.subject.start.line}:${d.subject.start.column}`)} `
          : '';
        const detail = d.detail ? ` ${escape(d.detail)}` : '';
        return `${d.severity === 'error' ? 'Error' : 'Warning'}: ${at}<strong>${escape(d.summary)}</strong>${detail}`;
      }),
    );
  }
  await write(ctx);
}

function status(record: BuildRecord, cancelled: boolean): string {
  if (record.error === undefined && record.durationMs !== undefined) return 'succeeded';
  if (cancelled) return 'cancelled';
  return record.durationMs === undefined ? 'not run' : 'failed';
}

/** Masks the whole summary, then appends it to the summary file. */
async function write(ctx: ActionContext): Promise<void> {
  const text = core.summary.stringify();
  core.summary.emptyBuffer();
  if (!ctx.io.env['GITHUB_STEP_SUMMARY']) return;
  await core.summary.addRaw(ctx.masker.mask(text)).write();
}

/** Text into HTML: masked first (a secret may contain characters escaping changes), then escaped. */
function html(ctx: ActionContext) {
  const escape = (text: string) =>
    ctx.masker
      .mask(text)
      .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return { escape, code: (text: string) => `<code>${escape(text)}</code>` };
}
