import { templateComponentUses } from '../../plugins/component-uses.js';
import type { ComponentUse } from '../../plugins/native.js';
import * as core from '@actions/core';
import { runInit } from '../../cli/init.js';
import { pluginsOf, type TemplatePlugins } from '../../cli/load-builds.js';
import { hasErrors, type Diagnostic } from '../../hcl/diagnostics.js';
import { detectPluginBinaries, type ResolvedPlugin } from '../../plugins/required.js';
import { pluginRequirements } from '../../plugins/requirement.js';
import type { PackerConfig } from '../../template/config.js';
import type { RequiredPlugin } from '../../template/packer-block.js';
import type { ActionContext } from '../context.js';

/*
 * `command: init`, as `kiln init TEMPLATE` with the inputs' variables and var
 * files: each required plugin that is not installed is downloaded from its
 * GitHub releases into the plugin folder (the one the cache keeps), with the
 * `github-token` input as PACKER_GITHUB_API_TOKEN (over one the step sets in its
 * environment, when the input is not empty). A runner starts with no
 * plugins, so build, validate and plan run the same init first, in a log
 * group, when the template requires one that is missing.
 */

const INIT_GROUP = 'Installing the missing plugins (kiln init)';

export async function initCommand(ctx: ActionContext): Promise<string | undefined> {
  const status = await runKilnInit(ctx);
  return status === 0 ? undefined : 'kiln init failed; see the log.';
}

/**
 * The template's required plugins with their binaries, after installing the
 * missing ones (`beforeInstall` runs first, only when some are missing: the
 * build restores its cache there, which may hold them); the diagnostics of
 * those still missing.
 */
export async function ensurePlugins(
  ctx: ActionContext,
  required: readonly RequiredPlugin[],
  beforeInstall?: () => Promise<void>,
  uses?: readonly ComponentUse[],
): Promise<{ resolved: ResolvedPlugin[]; diags: Diagnostic[] }> {
  const env = ctx.io.env;
  const detect = () => detectPluginBinaries(required, { env, ...(uses ? { uses } : {}) });
  const detected = await detect();
  const { requirements, diags } = pluginRequirements(required);
  if (hasErrors(diags) || detected.resolved.length >= requirements.length) return detected;
  if (beforeInstall) {
    await beforeInstall();
    // The cache may have brought them back.
    const restored = await detect();
    if (restored.resolved.length >= requirements.length) return restored;
  }
  core.startGroup(INIT_GROUP);
  try {
    await runKilnInit(ctx);
  } finally {
    core.endGroup();
  }
  return detect();
}

/**
 * The plugins of a template in the action (loadBuilds' `plugins`): the
 * missing required ones installed as `command: init` does, then every plugin
 * found, whose components decode with their own spec and are prepared by
 * their plugin, as `kiln validate` and `kiln build` do.
 */
export function actionPlugins(
  ctx: ActionContext,
  beforeInstall?: (config: PackerConfig) => Promise<void>,
): (config: PackerConfig) => Promise<TemplatePlugins> {
  return async (config) => {
    const before = beforeInstall && (() => beforeInstall(config));
    const ensured = await ensurePlugins(ctx, config.requiredPlugins, before, templateComponentUses(config));
    if (hasErrors(ensured.diags)) return { diags: ensured.diags };
    return { ...(await pluginsOf(ensured.resolved, ctx.io)), diags: ensured.diags };
  };
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
