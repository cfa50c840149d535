import { errorDiag } from '../hcl/diagnostics.js';
import { pluginRequirements, type PluginRequirement } from '../plugins/requirement.js';
import { parseTemplate, type PackerConfig } from '../template/config.js';
import type { CliIO } from './io.js';
import { templateKind, writeDiags, type MetaArgs } from './meta-args.js';
import type { Ui } from './ui.js';

/*
 * The required plugins of the template that `kiln init` and `kiln plugins
 * required` read: HCL2 only (Packer refuses legacy JSON here), parsed without
 * evaluating anything else. Undefined once the diagnostics are written.
 */
export function templateRequirements(ui: Ui, meta: MetaArgs, io: CliIO): PluginRequirement[] | undefined {
  return parsedRequirements(ui, meta, io)?.requirements;
}

/** templateRequirements with the parsed template. */
export function parsedRequirements(
  ui: Ui,
  meta: MetaArgs,
  io: CliIO,
): { config: PackerConfig; requirements: PluginRequirement[] } | undefined {
  const kind = templateKind(ui, meta, io.cwd);
  if (kind === undefined) return undefined;
  if (kind === 'json') {
    writeDiags(ui, new Map(), [
      errorDiag(
        'Packer plugins currently only works with HCL2 configuration templates',
        'Please manually install plugins with the plugins command or use a HCL2 configuration that will do that for you.',
      ),
    ]);
    return undefined;
  }
  const { config, files, diags } = parseTemplate({
    path: meta.path ?? '',
    cwd: io.cwd,
    env: io.env,
    vars: meta.vars,
    varFiles: meta.varFiles,
    warnOnUndeclaredVar: false,
  });
  if (writeDiags(ui, files, diags) !== 0 || !config) return undefined;
  const { requirements, diags: reqDiags } = pluginRequirements(config.requiredPlugins);
  if (writeDiags(ui, new Map(), reqDiags) !== 0) return undefined;
  return { config, requirements };
}
