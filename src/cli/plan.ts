import { templateComponentUses } from '../plugins/component-uses.js';
import { releasePlugins } from '../plugins/bridge/retained.js';
import type { PlannedBuild } from '../template/plan.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { maskedUi, planLegacyTemplate } from './legacy-build.js';
import { loadBuilds, templatePlugins } from './load-builds.js';
import { helpRequested, metaFlags, newMetaArgs, templateKind, writeDiags, type MetaArgs } from './meta-args.js';
import { commandUi, type Ui } from './ui.js';

/*
 * `kiln plan [options] TEMPLATE` (Kiln's own; Packer has none): the builds a
 * `kiln build` with the same options would run, as one line of JSON ready for
 * a GitHub Actions `strategy.matrix`: {"include":[{"build":"<name>"},...]}.
 * Each matrix job then builds one of them with -only. The template is checked
 * as `kiln validate` does (data sources are not run; components served by
 * plugins are decoded with their own spec and prepared by their plugin);
 * diagnostics go to stderr and errors exit 1. A legacy JSON template's
 * builds are named as -only selects them: the builder's name, else its type.
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
  // As validate: parse diagnostics quote the source, later ones do not. They go to
  // stderr so that stdout is the JSON alone, for `matrix=$(kiln plan .)`.
  const diagUi = commandUi(argv, { ...io, stdout: io.stderr }).ui;
  const names = kind === 'json' ? await planLegacy(meta, io, diagUi) : await planHcl2(meta, io, diagUi);
  if (names === undefined) return 1;
  io.stdout.write(`${buildMatrix(names)}\n`);
  return 0;
}

/** The names of the builds, or undefined when there are errors (written). */
async function planHcl2(meta: MetaArgs, io: CliIO, diagUi: Ui): Promise<string[] | undefined> {
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
    plugins: (config) =>
      templatePlugins(config.requiredPlugins, { env: io.env, cwd: io.cwd, uses: templateComponentUses(config) }),
  }).finally(releasePlugins);
  for (const { stage, diags } of loaded.stages) {
    if (writeDiags(diagUi, stage === 'parse' ? loaded.files : new Map(), diags) !== 0) return undefined;
  }
  return loaded.builds.map((b) => b.name);
}

/** As `kiln validate` of a legacy template; sensitive values in the diagnostics are shown as <sensitive>. */
async function planLegacy(meta: MetaArgs, io: CliIO, diagUi: Ui): Promise<string[] | undefined> {
  const planned = await planLegacyTemplate(
    { path: meta.path ?? '', vars: meta.vars, varFiles: meta.varFiles, only: meta.only, except: meta.except },
    io,
  ).finally(releasePlugins);
  if (!planned.ok) {
    if (planned.uiError !== undefined) diagUi.error(planned.uiError);
    else writeDiags(diagUi, new Map(), planned.diags);
    return undefined;
  }
  if (writeDiags(maskedUi(diagUi, planned.secrets), new Map(), planned.diags) !== 0) return undefined;
  return legacyBuildNames(planned.builds);
}

/** The names -only selects a legacy template's builds by (Packer 1.6.6's build names). */
export function legacyBuildNames(builds: readonly PlannedBuild[]): string[] {
  return builds.map((b) => b.builder.name);
}

/** The `strategy.matrix` value listing the builds by name. */
export function buildMatrix(names: readonly string[]): string {
  return JSON.stringify({ include: names.map((build) => ({ build })) });
}
