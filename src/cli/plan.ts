import { releasePlugins } from '../plugins/bridge/retained.js';
import type { PlannedBuild } from '../template/plan.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { loadBuilds, templatePlugins } from './load-builds.js';
import { helpRequested, metaFlags, newMetaArgs, templateKind, writeDiags } from './meta-args.js';
import { commandUi } from './ui.js';

/*
 * `kiln plan [options] TEMPLATE` (Kiln's own; Packer has none): the builds a
 * `kiln build` with the same options would run, as one line of JSON ready for
 * a GitHub Actions `strategy.matrix`: {"include":[{"build":"<name>"},...]}.
 * Each matrix job then builds one of them with -only. The template is checked
 * as `kiln validate` does (data sources are not run; components served by
 * plugins are decoded with their own spec and prepared by their plugin);
 * diagnostics go to stderr and errors exit 1.
 */

const help = `Usage: kiln plan [options] TEMPLATE

  Lists the builds of the template as a GitHub Actions matrix:
  {"include":[{"build":"<name>"},...]}. Run each one with -only=<name>.

Options:

  -except=foo,bar,baz           Plan all builds other than these.
  -only=foo,bar,baz             Plan only these builds.
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables, can be used multiple times.`;

export async function runPlan(argv: string[], io: CliIO): Promise<number> {
  const { args, ui } = commandUi(argv, io);
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const meta = newMetaArgs();
  const parsed = parseGoFlags(args, metaFlags(meta));
  if (!parsed.ok || parsed.args.length !== 1) {
    if (!parsed.ok && parsed.message) ui.error(parsed.message);
    ui.say(help);
    return 1;
  }
  meta.path = parsed.args[0];
  const kind = templateKind(ui, meta, io.cwd);
  if (kind === undefined) return 1;
  if (kind === 'json') {
    ui.error('Error: kiln plan reads HCL2 templates only; legacy JSON templates are not supported yet.');
    return 1;
  }
  // The plugin processes started for specs and Prepare end with planning.
  const loaded = await loadBuilds({
    path: meta.path ?? '',
    cwd: io.cwd,
    env: io.env,
    vars: meta.vars,
    varFiles: meta.varFiles,
    warnOnUndeclaredVar: false,
    only: meta.only,
    except: meta.except,
    executeDatasources: false,
    plugins: (config) => templatePlugins(config.requiredPlugins, { env: io.env, cwd: io.cwd }),
  }).finally(releasePlugins);
  // As validate: parse diagnostics quote the source, later ones do not. They go to
  // stderr so that stdout is the JSON alone, for `matrix=$(kiln plan .)`.
  const diagUi = commandUi(argv, { ...io, stdout: io.stderr }).ui;
  for (const { stage, diags } of loaded.stages) {
    if (writeDiags(diagUi, stage === 'parse' ? loaded.files : new Map(), diags) !== 0) return 1;
  }
  io.stdout.write(`${buildMatrix(loaded.builds)}\n`);
  return 0;
}

/** The `strategy.matrix` value listing the builds. */
export function buildMatrix(builds: readonly PlannedBuild[]): string {
  return JSON.stringify({ include: builds.map((b) => ({ build: b.name })) });
}
