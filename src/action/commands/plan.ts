import { loadBuilds } from '../../cli/load-builds.js';
import { buildMatrix, legacyBuildNames } from '../../cli/plan.js';
import { setOutput, type ActionContext } from '../context.js';
import { loadOptions, reportLoaded } from '../diagnostics.js';
import { loadLegacyBuilds } from '../legacy.js';
import { templateKind } from '../template-kind.js';
import { actionPlugins } from './init.js';

/*
 * `command: plan`, as `kiln plan`: the builds the same inputs would run, as
 * the output `matrix` ({"include":[{"build":"<name>"},...]}) for a later job's
 * `strategy.matrix`, whose jobs each build one with `only: ${{ matrix.build }}`.
 * The missing plugins are installed first, as validate does. A legacy JSON
 * template's builds are named as `only` selects them: the builder's name,
 * else its type.
 */
export async function planCommand(ctx: ActionContext): Promise<string | undefined> {
  const kind = templateKind(ctx);
  if ('failure' in kind) return kind.failure;
  const names = kind.kind === 'json' ? await planLegacy(ctx) : await planHcl2(ctx);
  if (names === undefined) return 'The template has errors; see the annotations.';
  const matrix = buildMatrix(names);
  setOutput(ctx, 'matrix', matrix);
  ctx.io.stdout.write(`${matrix}\n`);
  // GitHub rejects a matrix without entries; say why here rather than in the next job.
  if (names.length === 0) return 'No builds to run: the only and except inputs select none.';
  return undefined;
}

async function planHcl2(ctx: ActionContext): Promise<string[] | undefined> {
  const loaded = await loadBuilds({ ...loadOptions(ctx, false, false), plugins: actionPlugins(ctx) });
  reportLoaded(ctx, loaded);
  return loaded.ok ? loaded.builds.map((b) => b.name) : undefined;
}

async function planLegacy(ctx: ActionContext): Promise<string[] | undefined> {
  const planned = await loadLegacyBuilds(ctx);
  if (!planned || planned.diags.some((d) => d.severity === 'error')) return undefined;
  return legacyBuildNames(planned.builds);
}
