import { planLegacyTemplate, type LegacyPlan, type LegacyRunFlags } from '../cli/legacy-build.js';
import type { Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import type { ActionContext } from './context.js';
import { annotate, printDiagnostics } from './diagnostics.js';

/*
 * A legacy JSON template taken as far as its builds, for `command: build` and
 * `command: plan`: loaded with the variables and var files, initialized, and
 * its builds selected by only/except and prepared (plugins found in the plugin
 * directories, as Packer 1.6.6 found them; a legacy template requires none).
 * The values of its sensitive variables are masked from then on. Problems
 * are printed as Packer prints them (no source lines) and annotated on the
 * template: a build's problem on its builder, a syntax error where it is,
 * other loading errors at the start of the file.
 */

export async function loadLegacyBuilds(
  ctx: ActionContext,
  flags: LegacyRunFlags = {},
): Promise<LegacyPlan | undefined> {
  const { inputs, io } = ctx;
  const planned = await planLegacyTemplate(
    {
      path: inputs.template,
      vars: inputs.variables,
      varFiles: inputs.varFiles,
      only: inputs.only,
      except: inputs.except,
      ...flags,
    },
    io,
  );
  if (!planned.ok) {
    // Packer's loading error is one text (no summary of its own): the annotation's message.
    const diags: Diagnostic[] =
      planned.uiError !== undefined ? [{ severity: 'error', summary: '', detail: planned.uiError }] : planned.diags;
    if (planned.uiError !== undefined) io.stdout.write(`${planned.uiError}\n`);
    else printDiagnostics(ctx, diags);
    annotate(
      ctx,
      placed(diags, () => planned.place),
    );
    return undefined;
  }
  for (const secret of planned.secrets) ctx.masker.add(secret);
  printDiagnostics(ctx, planned.diags);
  annotate(
    ctx,
    placed(planned.diags, (d) => planned.places.get(d)),
  );
  return planned;
}

function placed(diags: readonly Diagnostic[], place: (d: Diagnostic) => Range | undefined): Diagnostic[] {
  return diags.map((d) => {
    const subject = d.subject ?? place(d);
    return subject ? { ...d, subject } : d;
  });
}
