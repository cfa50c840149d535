import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { coreBuild, missingComponents } from '../../cli/core-build.js';
import { loadBuilds, type LoadedBuilds } from '../../cli/load-builds.js';
import { runBuilds } from '../../core/build-runner.js';
import { EventBus } from '../../core/events.js';
import { handleInterrupts } from '../../core/interrupt.js';
import { openPackerLog } from '../../core/ui/packer-log.js';
import type { Diagnostic } from '../../hcl/diagnostics.js';
import { releasePlugins } from '../../plugins/bridge/retained.js';
import { discoverPlugins, type PluginCatalog } from '../../plugins/resolve.js';
import type { PlannedBuild } from '../../template/plan.js';
import { checksumFiles, debugLogCopy, MANIFEST_FILE, uploadRunArtifact } from '../artifacts.js';
import { templateRequirements } from '../cache-key.js';
import { restoreCaches, settleCacheKey } from '../cache.js';
import { AWS_SWEEP_STATE, awsSweepTargets, RUN_ID_STATE } from '../cleanup.js';
import type { ActionContext } from '../context.js';
import { annotate, loadOptions, printDiagnostics, reportLoaded } from '../diagnostics.js';
import { groupedLog } from '../log-groups.js';
import { manifestEntries, writeManifest } from '../manifest.js';
import { setBuildOutputs } from '../outputs.js';
import { RunRecorder } from '../run-record.js';
import { writeBuildSummary } from '../summary.js';
import { templateKind } from '../template-kind.js';
import { loadLegacyBuilds } from '../legacy.js';
import { actionPlugins } from './init.js';

/*
 * `command: build`, as `kiln build`: the template is loaded and planned, the
 * builds run through the engine with the action's sinks on its event stream
 * (grouped log, run record, PACKER_LOG when `debug`), then the run's manifest,
 * the outputs and the job summary are written, and the run's files uploaded
 * as a workflow artifact. Components served by plugins are decoded and
 * prepared by their plugins while planning, so the required plugins still
 * missing are installed first (as `command: init`), after restoring the cache
 * that may hold them; otherwise the cache is restored once the builds are
 * planned. A legacy JSON template requires no plugins: its builds are planned
 * with the plugins found in the plugin directories, and the cache restored
 * for their downloads. The run id is saved for the post step, which removes
 * what a killed run left behind and saves the caches.
 */

export async function buildCommand(ctx: ActionContext): Promise<string | undefined> {
  const kind = templateKind(ctx);
  if ('failure' in kind) return kind.failure;
  return kind.kind === 'json' ? buildLegacy(ctx) : buildHcl2(ctx);
}

async function buildHcl2(ctx: ActionContext): Promise<string | undefined> {
  // Planning needs the plugins the template uses: when some are missing, the cache (which
  // may hold them) is restored before they are installed, keyed on the plugins only.
  let restored: boolean | undefined;
  const loaded = await loadBuilds({
    ...loadOptions(ctx, true, false),
    force: ctx.inputs.force,
    onError: ctx.inputs.onError,
    plugins: actionPlugins(ctx, async (config) => {
      restored = await restoreCaches(ctx.inputs.cache, templateRequirements(config.requiredPlugins, []));
    }),
  });
  reportLoaded(ctx, loaded);
  if (!loaded.ok) return loadFailure(loaded);
  const req = templateRequirements(loaded.config?.requiredPlugins ?? [], loaded.builds);
  if (restored === undefined) await restoreCaches(ctx.inputs.cache, req);
  else if (restored) settleCacheKey(req);
  const plugins = loaded.catalog ?? (await discoverPlugins({ env: ctx.io.env, cwd: ctx.io.cwd, resolved: [] }));
  return refused(ctx, loaded.builds, plugins) ?? run(ctx, loaded.builds, plugins);
}

/**
 * As `kiln build` of a legacy template: the builds that prepared run, the
 * others are reported (annotated on their builder) and fail the step.
 */
async function buildLegacy(ctx: ActionContext): Promise<string | undefined> {
  const { inputs } = ctx;
  const planned = await loadLegacyBuilds(ctx, { force: inputs.force, onError: inputs.onError });
  if (!planned) return 'The template has errors; see the annotations.';
  const unprepared = planned.diags.some((d) => d.severity === 'error');
  if (unprepared && planned.builds.length === 0) return 'The template has errors; see the annotations.';
  await restoreCaches(inputs.cache, templateRequirements([], planned.builds));
  const plugins = planned.plugins.catalog;
  const failure = refused(ctx, planned.builds, plugins) ?? (await run(ctx, planned.builds, plugins));
  if (failure !== undefined || !unprepared) return failure;
  return 'Some builds failed to prepare; see the annotations.';
}

/** The step's failure: the plugins still missing, by name, else the template's errors. */
function loadFailure(loaded: LoadedBuilds): string {
  const last = loaded.stages.at(-1);
  if (last?.stage !== 'plugins') return 'The template has errors; see the annotations.';
  return last.diags
    .filter((d) => d.severity === 'error')
    .map((d) => d.summary)
    .join('; ');
}

/** Why the builds cannot start, printed and annotated: none selected, or a component Kiln cannot run. */
function refused(ctx: ActionContext, builds: readonly PlannedBuild[], plugins: PluginCatalog): string | undefined {
  const diags = refusal(builds, plugins, ctx.io.env);
  if (!diags) return undefined;
  printDiagnostics(ctx, diags);
  annotate(ctx, diags);
  return diags.map((d) => d.summary).join('; ');
}

function refusal(
  builds: readonly PlannedBuild[],
  plugins: PluginCatalog,
  env: Readonly<Record<string, string | undefined>>,
): Diagnostic[] | undefined {
  if (builds.length === 0) {
    return [
      {
        severity: 'error',
        summary: 'No builds to run',
        detail:
          'A build command cannot run without at least one build to process. ' +
          'If the only or except inputs are set, check that at least one build is selected for execution.',
      },
    ];
  }
  const missing = missingComponents(builds, plugins, env);
  return missing.length === 0 ? undefined : missing;
}

async function run(
  ctx: ActionContext,
  builds: readonly PlannedBuild[],
  plugins: PluginCatalog,
): Promise<string | undefined> {
  const { inputs, io } = ctx;
  const runUuid = randomUUID();
  core.saveState(RUN_ID_STATE, runUuid);
  const sweep = awsSweepTargets(builds);
  if (sweep.length > 0) core.saveState(AWS_SWEEP_STATE, JSON.stringify(sweep));

  const bus = new EventBus();
  const recorder = new RunRecorder();
  bus.subscribe(recorder.listener);
  bus.subscribe(
    groupedLog({
      write: (text) => void io.stdout.write(text),
      startGroup: (name) => core.startGroup(name),
      endGroup: () => core.endGroup(),
      buffered: builds.length > 1 && inputs.parallelBuilds !== 1,
    }),
  );
  const runDir = join(io.env['RUNNER_TEMP'] || tmpdir(), 'kiln', runUuid);
  const mask = (text: string) => ctx.masker.mask(text);
  const logCopy = inputs.debug && inputs.uploadArtifact ? debugLogCopy(runDir, mask) : undefined;
  const log = openPackerLog({
    env: io.env,
    stderr: (text) => {
      io.stderr.write(text);
      logCopy?.write(text);
    },
  });
  if (log) bus.subscribe(log.listener);

  const interrupts = handleInterrupts({ onCancel: (text) => bus.emit({ type: 'ui', level: 'error', text }) });
  const options = {
    cwd: io.cwd,
    force: inputs.force,
    noPromptReason: 'no available tty',
    runUuid,
    plugins,
    env: io.env,
  };
  let code: number;
  try {
    code = await runBuilds(
      builds.map((b) => coreBuild(b, options)),
      { bus, signal: interrupts.signal, parallelBuilds: inputs.parallelBuilds, onError: inputs.onError },
    );
  } finally {
    await releasePlugins();
    interrupts.dispose();
    log?.close();
    logCopy?.close();
  }

  const byName = new Map(builds.map((b) => [b.name, b]));
  const records = recorder.builds.map((record) => {
    const planned = byName.get(record.name);
    return {
      record,
      name: planned?.builder.name ?? record.name,
      builderType: planned?.builder.type ?? '',
      cancelled: interrupts.signal.aborted,
    };
  });
  const manifestPath = join(runDir, MANIFEST_FILE);
  const entries = await manifestEntries(records, runUuid, io.cwd, mask);
  await writeManifest(manifestPath, entries, runUuid);
  setBuildOutputs(
    ctx,
    records.map((r) => r.record),
    entries,
    manifestPath,
  );
  if (inputs.summary) await writeBuildSummary(ctx, records);
  if (inputs.uploadArtifact) {
    const checksums = checksumFiles(recorder.builds, io.cwd);
    await uploadRunArtifact({
      name: inputs.artifactName,
      runDir,
      debugLog: logCopy !== undefined,
      checksums,
      cwd: io.cwd,
      mask,
    });
  }
  if (code === 0) return undefined;
  if (interrupts.signal.aborted) return 'The build was cancelled.';
  const failed = recorder.builds.filter((r) => r.error !== undefined).map((r) => r.name);
  return `${failed.length} build(s) failed: ${failed.join(', ')}`;
}
