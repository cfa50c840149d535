import { formatDiagnostics } from '../hcl/diagnostic-text.js';
import type { Diagnostic } from '../hcl/diagnostics.js';
import type { LoadedBuilds } from '../cli/load-builds.js';
import { annotateDiagnostics } from './annotations.js';
import type { ActionContext } from './context.js';
import { buildSecrets, configSecrets } from '../template/secrets.js';

/*
 * A loaded template's diagnostics, shown twice: in the log as Packer prints
 * them (parse diagnostics quote the source, later stages do not) and as
 * annotations. The template's secrets are registered first, since diagnostics
 * may quote their values.
 */

export function reportLoaded(ctx: ActionContext, loaded: LoadedBuilds): void {
  if (loaded.config) for (const secret of configSecrets(loaded.config)) ctx.masker.add(secret);
  for (const secret of buildSecrets(loaded.builds)) ctx.masker.add(secret);
  for (const { stage, diags } of loaded.stages) {
    printDiagnostics(ctx, diags, stage === 'parse' ? loaded.files : new Map());
  }
  annotate(
    ctx,
    loaded.stages.flatMap((s) => s.diags),
  );
}

export function printDiagnostics(
  ctx: ActionContext,
  diags: readonly Diagnostic[],
  files: LoadedBuilds['files'] = new Map(),
): void {
  const text = formatDiagnostics(diags, files, { width: 80, color: false });
  if (text !== '') ctx.io.stdout.write(`${text}\n`);
}

export function annotate(ctx: ActionContext, diags: readonly Diagnostic[]): void {
  annotateDiagnostics(diags, {
    cwd: ctx.io.cwd,
    workspace: ctx.inputs.workspace,
    mask: (text) => ctx.masker.mask(text),
  });
}

/** The engine's load options from the inputs: variables and var files as -var and -var-file. */
export function loadOptions(ctx: ActionContext, executeDatasources: boolean, warnOnUndeclaredVar: boolean) {
  const { inputs, io } = ctx;
  return {
    path: inputs.template,
    cwd: io.cwd,
    env: io.env,
    vars: inputs.variables,
    varFiles: inputs.varFiles,
    warnOnUndeclaredVar,
    only: inputs.only,
    except: inputs.except,
    executeDatasources,
  };
}
