import { loadBuilds } from '../../cli/load-builds.js';
import { buildMatrix } from '../../cli/plan.js';
import { setOutput, type ActionContext } from '../context.js';
import { loadOptions, reportLoaded } from '../diagnostics.js';
import { templateKind } from '../template-kind.js';
import { actionPlugins } from './init.js';

/*
 * `command: plan`, as `kiln plan`: the builds the same inputs would run, as
 * the output `matrix` ({"include":[{"build":"<name>"},...]}) for a later job's
 * `strategy.matrix`, whose jobs each build one with `only: ${{ matrix.build }}`.
 * The missing plugins are installed first, as validate does.
 */
export async function planCommand(ctx: ActionContext): Promise<string | undefined> {
  const kind = templateKind(ctx);
  if ('failure' in kind) return kind.failure;
  if (kind.kind === 'json') return 'Kiln plans HCL2 templates only; legacy JSON templates are not supported yet.';
  const loaded = await loadBuilds({ ...loadOptions(ctx, false, false), plugins: actionPlugins(ctx) });
  reportLoaded(ctx, loaded);
  if (!loaded.ok) return 'The template has errors; see the annotations.';
  const matrix = buildMatrix(loaded.builds);
  setOutput(ctx, 'matrix', matrix);
  ctx.io.stdout.write(`${matrix}\n`);
  // GitHub rejects a matrix without entries; say why here rather than in the next job.
  if (loaded.builds.length === 0) return 'No builds to run: the only and except inputs select none.';
  return undefined;
}
