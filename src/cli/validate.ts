import { templateComponentUses } from '../plugins/component-uses.js';
import { releasePlugins } from '../plugins/bridge/retained.js';
import { detectPluginBinaries } from '../plugins/required.js';
import { discoverPlugins } from '../plugins/resolve.js';
import { pluginComponentResolver } from '../plugins/spec/fetch.js';
import { initializeConfig, parseTemplate } from '../template/config.js';
import { planBuilds } from '../template/plan.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { validateLegacyTemplate } from './legacy.js';
import { helpRequested, metaFlags, newMetaArgs, templateKind, writeDiags } from './meta-args.js';
import { commandUi } from './ui.js';

/*
 * `kiln validate [options] TEMPLATE`, as `packer validate` (command/validate.go):
 * parse (errors quote the source), then -syntax-only stops; else initialize
 * (variable validation, data sources unless -evaluate-datasources is off,
 * locals) and plan the builds, whose diagnostics Packer prints without source.
 * Components served by plugins are decoded with the plugin's ConfigSpec and
 * checked by the plugin's Prepare, as Packer's GetBuilds does.
 * Everything is written to stdout, as Packer's UI does; any error exits 1.
 */

const help = `Usage: kiln validate [options] TEMPLATE

  Checks the template is valid by parsing the template and also
  checking the configuration with the various builders, provisioners, etc.

  If it is not valid, the errors will be shown and the command will exit
  with a non-zero exit status. If it is valid, it will exit with a zero
  exit status.

Options:

  -syntax-only                  Only check syntax. Do not verify config of the template.
  -except=foo,bar,baz           Validate all builds other than these.
  -only=foo,bar,baz             Validate only these builds.
  -machine-readable             Produce machine-readable output.
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables, can be used multiple times.
  -no-warn-undeclared-var       Disable warnings for user variable files containing undeclared variables.
  -evaluate-datasources         Evaluate data sources during validation (HCL2 only, may incur costs); Defaults to false. 
  -ignore-prerelease-plugins    Disable the loading of prerelease plugin binaries (x.y.z-dev).
  -use-sequential-evaluation    Fallback to using a sequential approach for local/datasource evaluation.`;

export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  const { args, ui } = commandUi(argv, io);
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const meta = newMetaArgs();
  let syntaxOnly = false;
  let noWarnUndeclared = false;
  let evaluateDatasources = false;
  let releasesOnly = false;
  const ignore = { kind: 'bool', set: () => undefined } as const;
  const parsed = parseGoFlags(args, {
    ...metaFlags(meta),
    'syntax-only': { kind: 'bool', set: (b) => (syntaxOnly = b) },
    'no-warn-undeclared-var': { kind: 'bool', set: (b) => (noWarnUndeclared = b) },
    'evaluate-datasources': { kind: 'bool', set: (b) => (evaluateDatasources = b) },
    'ignore-prerelease-plugins': { kind: 'bool', set: (b) => (releasesOnly = b) },
    'use-sequential-evaluation': ignore,
  });
  if (!parsed.ok || parsed.args.length !== 1) {
    if (!parsed.ok && parsed.message) ui.error(parsed.message);
    ui.say(help);
    return 1;
  }
  meta.path = parsed.args[0];
  const path = meta.path ?? '';

  const kind = templateKind(ui, meta, io.cwd);
  if (kind === undefined) return 1;
  if (kind === 'json') return validateLegacyTemplate(ui, meta, io, syntaxOnly);

  const { config, files, diags } = parseTemplate({
    path,
    cwd: io.cwd,
    env: io.env,
    vars: meta.vars,
    varFiles: meta.varFiles,
    warnOnUndeclaredVar: !noWarnUndeclared,
  });
  if (writeDiags(ui, files, diags) !== 0 || !config) return 1;
  if (syntaxOnly) {
    ui.say('Syntax-only check passed. Everything looks okay.');
    return 0;
  }
  // Packer writes the diagnostics of these stages without the files (no source lines).
  const plugins = await detectPluginBinaries(config.requiredPlugins, {
    env: io.env,
    releasesOnly,
    uses: templateComponentUses(config),
  });
  if (writeDiags(ui, new Map(), plugins.diags) !== 0) return 1;
  const catalog = await discoverPlugins({ env: io.env, cwd: io.cwd, resolved: plugins.resolved });
  const components = pluginComponentResolver(catalog, io.env, { env: io.env, cwd: io.cwd });
  const datasources = { catalog, env: io.env, launch: { env: io.env, cwd: io.cwd } };
  try {
    const initDiags = await initializeConfig(config, {
      executeDatasources: evaluateDatasources,
      components,
      datasources,
    });
    if (writeDiags(ui, new Map(), initDiags) !== 0) return 1;
    const plan = await planBuilds(config, { only: meta.only, except: meta.except });
    if (writeDiags(ui, new Map(), plan.diags) !== 0) return 1;
  } finally {
    // The plugin processes started for the specs and Prepare calls.
    await releasePlugins();
  }
  ui.say('The configuration is valid.');
  return 0;
}
