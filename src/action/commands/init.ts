import * as core from '@actions/core';
import { runInit } from '../../cli/init.js';
import { hasErrors } from '../../hcl/diagnostics.js';
import { detectPluginBinaries, type ResolvedPlugin } from '../../plugins/required.js';
import { pluginRequirements } from '../../plugins/requirement.js';
import { parseTemplate } from '../../template/config.js';
import type { RequiredPlugin } from '../../template/packer-block.js';
import { setOutput, type ActionContext } from '../context.js';
import { annotate, loadOptions, printDiagnostics } from '../diagnostics.js';
import { templateKind } from '../template-kind.js';

/*
 * `command: init`, as `kiln init TEMPLATE` with the inputs' variables and var
 * files: each required plugin that is not installed is downloaded from its
 * GitHub releases into the plugin folder (the one the cache keeps), with the
 * `github-token` input as PACKER_GITHUB_API_TOKEN (over one the step sets in its
 * environment, when the input is not empty). A runner starts with no
 * plugins, so build and validate run the same init first, in a log group,
 * when the template requires one that is missing.
 */

const INIT_GROUP = 'Installing the missing plugins (kiln init)';

export async function initCommand(ctx: ActionContext): Promise<string | undefined> {
  const status = await runKilnInit(ctx);
  return status === 0 ? undefined : 'kiln init failed; see the log.';
}

export type EnsuredPlugins = { readonly resolved: ResolvedPlugin[] } | { readonly failure: string };

/**
 * The template's required plugins with their binaries, after installing the
 * missing ones; or, when some are still missing, the failure (its diagnostics
 * printed and annotated).
 */
export async function ensurePlugins(ctx: ActionContext, required: readonly RequiredPlugin[]): Promise<EnsuredPlugins> {
  const env = ctx.io.env;
  let detected = await detectPluginBinaries(required, { env });
  const { requirements, diags } = pluginRequirements(required);
  if (!hasErrors(diags) && detected.resolved.length < requirements.length) {
    core.startGroup(INIT_GROUP);
    try {
      await runKilnInit(ctx);
    } finally {
      core.endGroup();
    }
    detected = await detectPluginBinaries(required, { env });
  }
  if (!hasErrors(detected.diags)) return { resolved: detected.resolved };
  printDiagnostics(ctx, detected.diags);
  annotate(ctx, detected.diags);
  const errors = detected.diags.filter((d) => d.severity === 'error');
  return { failure: errors.map((d) => d.summary).join('; ') };
}

/**
 * The implicit init of `command: validate`: the template is parsed for its
 * required plugins only (validate reports its own diagnostics; a template
 * that does not parse, or a legacy JSON one, installs nothing). Missing
 * plugins that cannot be installed make the template invalid.
 */
export async function initBeforeValidate(ctx: ActionContext): Promise<string | undefined> {
  const kind = templateKind(ctx);
  if ('failure' in kind || kind.kind === 'json') return undefined;
  const { config, diags } = parseTemplate(loadOptions(ctx, false, false));
  if (!config || hasErrors(diags)) return undefined;
  const ensured = await ensurePlugins(ctx, config.requiredPlugins);
  if ('resolved' in ensured) return undefined;
  setOutput(ctx, 'valid', 'false');
  return ensured.failure;
}

/** `kiln init` on the template, its output (masked) in the step's log. */
function runKilnInit(ctx: ActionContext): Promise<number> {
  const { inputs, io } = ctx;
  const token = inputs.githubToken;
  if (token !== '') ctx.masker.add(token);
  const args = [
    ...inputs.variables.flatMap(([name, value]) => ['-var', `${name}=${value}`]),
    ...inputs.varFiles.flatMap((file) => ['-var-file', file]),
    // The template path is never taken for a flag.
    '--',
    inputs.template,
  ];
  const env = token === '' ? io.env : { ...io.env, PACKER_GITHUB_API_TOKEN: token };
  return runInit(args, { ...io, env });
}
