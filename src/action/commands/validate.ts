import { hasErrors } from '../../hcl/diagnostics.js';
import { legacyPlugins } from '../../cli/legacy-build.js';
import { loadBuilds } from '../../cli/load-builds.js';
import { validateLegacy } from '../../template/legacy/index.js';
import { setOutput, type ActionContext } from '../context.js';
import { annotate, loadOptions, printDiagnostics, reportLoaded } from '../diagnostics.js';
import { writeDiagnosticsSummary } from '../summary.js';
import { templateKind } from '../template-kind.js';
import { actionPlugins } from './init.js';

/*
 * `command: validate`, as `kiln validate`: the template is parsed, its
 * missing plugins installed, then it is initialized (data sources are not
 * run) and planned, components served by plugins checked by their plugin. Every diagnostic is printed and
 * annotated; the output `valid` is "true" or "false", and an invalid template
 * fails the step.
 */
export async function validateCommand(ctx: ActionContext): Promise<string | undefined> {
  const kind = templateKind(ctx);
  if ('failure' in kind) {
    setOutput(ctx, 'valid', 'false');
    return kind.failure;
  }
  const diags = kind.kind === 'json' ? await validateJson(ctx) : await validateHcl2(ctx);
  const valid = !hasErrors(diags);
  setOutput(ctx, 'valid', String(valid));
  if (ctx.inputs.summary) await writeDiagnosticsSummary(ctx, 'Kiln validate', diags);
  if (!valid) return `The configuration is invalid: ${diags.filter((d) => d.severity === 'error').length} error(s).`;
  ctx.io.stdout.write('The configuration is valid.\n');
  return undefined;
}

async function validateHcl2(ctx: ActionContext) {
  const loaded = await loadBuilds({ ...loadOptions(ctx, false, true), plugins: actionPlugins(ctx) });
  reportLoaded(ctx, loaded);
  return loaded.stages.flatMap((s) => s.diags);
}

async function validateJson(ctx: ActionContext) {
  const { inputs, io } = ctx;
  const result = await validateLegacy(inputs.template, {
    vars: inputs.variables,
    varFiles: inputs.varFiles,
    env: io.env,
    cwd: io.cwd,
    only: inputs.only,
    except: inputs.except,
    plugins: await legacyPlugins(io),
  });
  if (result.uiError !== undefined) {
    const diag = { severity: 'error', summary: result.uiError } as const;
    io.stdout.write(`${result.uiError}\n`);
    annotate(ctx, [diag]);
    return [diag];
  }
  printDiagnostics(ctx, result.diags);
  annotate(ctx, result.diags);
  return result.diags;
}
