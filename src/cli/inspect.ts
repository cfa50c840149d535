import { detectPluginBinaries } from '../plugins/required.js';
import { chooseImplementation, discoverPlugins, type BuildComponentKind } from '../plugins/resolve.js';
import { initializeConfig, parseTemplate } from '../template/config.js';
import { inspectText } from '../template/inspect-text.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { inspectLegacy } from './legacy.js';
import { helpRequested, metaFlags, newMetaArgs, templateKind, writeDiags } from './meta-args.js';
import { commandUi } from './ui.js';

/*
 * `kiln inspect TEMPLATE`, as `packer inspect` (command/inspect.go): the
 * template is parsed (errors end the command), initialized with its
 * diagnostics ignored (so unset variables can still be shown; data sources
 * Kiln runs natively are executed, as Packer does), then listed with the
 * implementation serving each component: Kiln's own, or an installed plugin.
 */

const help = `Usage: kiln inspect TEMPLATE

  Inspects a template, parsing and outputting the components a template
  defines. This does not validate the contents of a template (other than
  basic syntax by necessity).

Options:

  -machine-readable             Machine-readable output
  -use-sequential-evaluation    Fallback to using a sequential approach for local/datasource evaluation.`;

export async function runInspect(argv: string[], io: CliIO): Promise<number> {
  const { args, ui } = commandUi(argv, io);
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const meta = newMetaArgs();
  const parsed = parseGoFlags(args, {
    ...metaFlags(meta),
    'use-sequential-evaluation': { kind: 'bool', set: () => undefined },
  });
  if (!parsed.ok) {
    if (parsed.message) ui.error(parsed.message);
    ui.say(help);
    return 1;
  }
  if (parsed.args.length === 1) meta.path = parsed.args[0];
  const path = meta.path ?? '';
  const kind = templateKind(ui, meta, io.cwd);
  if (kind === undefined) return 1;
  if (kind === 'json') return inspectLegacy(ui, meta, io);

  const { config, files, diags } = parseTemplate({
    path,
    cwd: io.cwd,
    env: io.env,
    vars: meta.vars,
    varFiles: meta.varFiles,
    warnOnUndeclaredVar: false,
  });
  if (writeDiags(ui, files, diags) !== 0 || !config) return 1;
  // Missing required plugins are not inspect's concern: their components show as served by nothing.
  const required = await detectPluginBinaries(config.requiredPlugins, { env: io.env });
  const plugins = await discoverPlugins({ env: io.env, cwd: io.cwd, resolved: required.resolved });
  const datasources = { catalog: plugins, env: io.env, launch: { env: io.env, cwd: io.cwd } };
  await initializeConfig(config, { executeDatasources: true, datasources });
  const servedBy = (kind: BuildComponentKind, type: string) => chooseImplementation(kind, type, plugins, io.env);
  for (const text of inspectText(config, servedBy)) ui.say(text);
  return 0;
}
