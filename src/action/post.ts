import { templateComponentUses } from '../plugins/component-uses.js';
import * as core from '@actions/core';
import { planLegacyTemplate } from '../cli/legacy-build.js';
import { loadBuilds, templatePlugins } from '../cli/load-builds.js';
import { releasePlugins } from '../plugins/bridge/retained.js';
import type { AmazonAccessConfig } from '../components/common/amazon-access.prepare.js';
import type { PlannedBuild } from '../template/plan.js';
import { saveCaches } from './cache.js';
import { AWS_SWEEP_STATE, RUN_ID_STATE, removeRunContainers, sweepAwsResources } from './cleanup.js';
import { actionContext, type ActionContext } from './context.js';
import { loadOptions } from './diagnostics.js';
import { readInputs } from './inputs.js';
import { templateKind } from './template-kind.js';

/*
 * The action's post step runs even when the main step was cancelled or
 * killed. It removes the resources labelled or tagged with the run id the
 * main step saved (none when no build started), then saves the caches the
 * main step restored. It never fails the job.
 */
export async function runPost(): Promise<void> {
  await cleanup(core.getState(RUN_ID_STATE));
  try {
    await saveCaches();
  } catch (error) {
    core.notice(`Kiln cache not saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function cleanup(runId: string): Promise<void> {
  if (runId === '') {
    core.debug('kiln post: no build ran in the main step; nothing to clean up');
    return;
  }
  const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };
  try {
    await removeRunContainers(runId, log);
    await sweepAwsResources(runId, core.getState(AWS_SWEEP_STATE), log, templateKeys);
  } catch (error) {
    core.warning(`Kiln cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A build's static AWS keys, from the template loaded again with the step's inputs (data sources not run). */
async function templateKeys(build: string) {
  const ctx = actionContext(
    readInputs((name) => core.getInput(name), process.env, process.cwd()),
    process,
  );
  const builds = await plannedBuilds(ctx).finally(releasePlugins);
  const config = builds.find((b) => b.name === build)?.builder.config as AmazonAccessConfig | undefined;
  return config && { access_key: config.access_key, secret_key: config.secret_key, token: config.token };
}

async function plannedBuilds(ctx: ActionContext): Promise<readonly PlannedBuild[]> {
  const kind = templateKind(ctx);
  if ('failure' in kind) return [];
  if (kind.kind === 'json') {
    const { inputs } = ctx;
    const opts = { path: inputs.template, vars: inputs.variables, varFiles: inputs.varFiles };
    const planned = await planLegacyTemplate({ ...opts, only: inputs.only, except: inputs.except }, ctx.io);
    return planned.ok ? planned.builds : [];
  }
  const loaded = await loadBuilds({
    ...loadOptions(ctx, false, false),
    plugins: (config) => templatePlugins(config.requiredPlugins, { ...ctx.io, uses: templateComponentUses(config) }),
  });
  return loaded.builds;
}

void runPost();
