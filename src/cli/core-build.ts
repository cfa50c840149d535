import type { Build, BuildContext } from '../core/build-runner.js';
import type { Prompt } from '../core/events.js';
import { builderRunner } from '../components/builders/runners.js';
import { runPostProcessorChains } from '../components/post-processor-chains.js';
import {
  postProcessorRunner,
  preloadPostProcessor,
  type RunPostProcessor,
} from '../components/postprocessors/runners.js';
import { runProvisioners } from '../components/provision-hook.js';
import { preloadProvisioner, provisionerRunner } from '../components/provisioners/runners.js';
import { runWhenIdle } from '../core/idle.js';
import { multiErrorText } from '../components/schema/prepare.js';
import type { Provision, ProvisionContext, ProvisionHookData, RunBuilder } from '../components/runtime.js';
import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { pluginBuilder } from '../plugins/bridge/builder.js';
import type { LaunchOptions } from '../plugins/bridge/plugin-process.js';
import { pluginPostProcessor } from '../plugins/bridge/post-processor.js';
import { pluginProvisioner } from '../plugins/bridge/provisioner.js';
import { chooseImplementation, type BuildComponentKind, type PluginCatalog } from '../plugins/resolve.js';
import { sameInstance } from '../plugins/spec/component.js';
import type { BuildValues, PlannedBuild, PlannedPostProcessor, PlannedProvisioner } from '../template/plan.js';

/*
 * A planned build as the core runner runs it (Packer's CoreBuild.Run): the
 * builder, with the provision hook over the build's provisioners and the
 * error-cleanup-provisioner, then the post-processor chains. Each component
 * runs natively when Kiln has it, else through the plugin that provides it
 * (resolve.ts); builds using a component served by neither are refused by
 * missingComponents before any starts. A plugin receives the config planning
 * gave it: from an HCL2 template, the body decoded with the plugin's own
 * ConfigSpec (sent as cty JSON) with the process it was prepared on, which
 * runs it (a provisioner's or post-processor's config decoded again with the
 * builder's values keeps that process); from a legacy JSON template, a map.
 */

export interface CoreBuildOptions {
  readonly cwd: string;
  readonly force: boolean;
  /** The answer to a provisioner's question when the build has no terminal prompt. */
  readonly noPromptReason: string;
  /** PACKER_RUN_UUID: one per run. */
  readonly runUuid: string;
  /** The plugins found for the run, and the environment they inherit (KILN_PREFER_PLUGINS is read from it). */
  readonly plugins: PluginCatalog;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function coreBuild(build: PlannedBuild, options: CoreBuildOptions): Build {
  const planned = onPlannedInstances(build);
  return {
    name: planned.name,
    async run(context: BuildContext) {
      const runners = componentRunners(options, context);
      const run = runners.builder(planned.builder.type);
      if (!run) throw new Error(`builder type ${JSON.stringify(planned.builder.type)} is not implemented by Kiln`);
      const stopPreloading = preloadNative(planned, options);
      const prompt: Prompt = context.prompt ?? (() => Promise.reject(new Error(options.noPromptReason)));
      const provisionContext = (signal: AbortSignal, hook: ProvisionHookData): ProvisionContext => {
        const { communicator } = hook;
        return {
          ui: context.ui,
          signal,
          prompt,
          buildName: planned.builder.name,
          builderType: planned.builder.type,
          cwd: options.cwd,
          generatedData: hook.generatedData,
          ...(communicator ? { communicator } : {}),
        };
      };
      const provision = (list: PlannedBuild['provisioners'], signal: AbortSignal, hook: ProvisionHookData) =>
        runProvisioners(list, provisionContext(signal, hook), runners.provisioner);
      const cleanup = planned.errorCleanupProvisioner;
      try {
        const artifact = await run(planned.builder.config, {
          ...context,
          build: planned.name,
          cwd: options.cwd,
          force: options.force,
          runUuid: options.runUuid,
          provision: (signal, hook) => provision(planned.provisioners, signal, hook),
          cleanupProvision: (signal, hook) => (cleanup ? provision([cleanup], signal, hook) : Promise.resolve()),
        });
        if (!artifact) return [artifact];
        if (context.signal.aborted) throw new Error('context canceled');
        const { artifacts, errors } = await runPostProcessorChains(planned.postProcessors, artifact, context, {
          build: planned.name,
          buildName: planned.builder.name,
          builderType: planned.builder.type,
          runUuid: options.runUuid,
          force: options.force,
          runners: runners.postProcessor,
        });
        if (errors.length > 0) throw new Error(multiErrorText(errors));
        return artifacts;
      } finally {
        stopPreloading();
      }
    },
  };
}

/** The build whose provisioners and post-processors, decoded again for the run, keep their plan-time process. */
function onPlannedInstances(planned: PlannedBuild): PlannedBuild {
  const keep = <T extends PlannedProvisioner | PlannedPostProcessor>(c: T): T => ({
    ...c,
    prepareWith: (values: BuildValues) => sameInstance(c.config, c.prepareWith(values)),
  });
  const cleanup = planned.errorCleanupProvisioner;
  return {
    ...planned,
    provisioners: planned.provisioners.map(keep),
    postProcessors: planned.postProcessors.map((chain) => chain.map(keep)),
    ...(cleanup ? { errorCleanupProvisioner: keep(cleanup) } : {}),
  };
}

/**
 * Kiln's own provisioners and post-processors of the build load while its
 * builder waits on its machine (each is imported on use otherwise). Returns
 * the function that stops what has not started.
 */
function preloadNative(build: PlannedBuild, options: CoreBuildOptions): () => void {
  const native = (kind: BuildComponentKind, type: string) =>
    chooseImplementation(kind, type, options.plugins, options.env)?.native === true;
  const provisioners = build.errorCleanupProvisioner
    ? [...build.provisioners, build.errorCleanupProvisioner]
    : build.provisioners;
  const types = (kind: BuildComponentKind, list: readonly { readonly type: string }[]) =>
    [...new Set(list.map((c) => c.type))].filter((type) => native(kind, type));
  return runWhenIdle([
    ...types('provisioner', provisioners).map((type) => () => preloadProvisioner(type)),
    ...types('post-processor', build.postProcessors.flat()).map((type) => () => preloadPostProcessor(type)),
  ]);
}

interface ComponentRunners {
  builder(type: string): RunBuilder | undefined;
  provisioner(type: string): Provision | undefined;
  postProcessor(type: string): RunPostProcessor | undefined;
}

/** Kiln's runner or the plugin's proxy for each type; plugins log to the build's debug log. */
function componentRunners(options: CoreBuildOptions, context: BuildContext): ComponentRunners {
  const launch: LaunchOptions = {
    // Packer core exports PACKER_RUN_UUID and every plugin inherits it.
    env: { ...options.env, PACKER_RUN_UUID: options.runUuid },
    log: (message) => context.bus.emit({ type: 'log', message }),
    cwd: options.cwd,
  };
  const choose = (kind: BuildComponentKind, type: string) =>
    chooseImplementation(kind, type, options.plugins, options.env);
  return {
    builder(type) {
      const impl = choose('builder', type);
      if (!impl) return undefined;
      return impl.native ? builderRunner(type) : pluginBuilder(impl.plugin, type, launch);
    },
    provisioner(type) {
      const impl = choose('provisioner', type);
      if (!impl) return undefined;
      return impl.native ? provisionerRunner(type) : pluginProvisioner(impl.plugin, launch);
    },
    postProcessor(type) {
      const impl = choose('post-processor', type);
      if (!impl) return undefined;
      return impl.native ? postProcessorRunner(type) : pluginPostProcessor(impl.plugin, launch);
    },
  };
}

/**
 * One error for each component of the builds that is neither run by Kiln nor
 * provided by a plugin, once each, in Packer's words for a plugin that is not
 * installed (hcl2template/plugin.go initializeBlocks) with Kiln's hint added.
 */
export function missingComponents(
  builds: readonly PlannedBuild[],
  plugins: PluginCatalog,
  env: Readonly<Record<string, string | undefined>>,
): Diagnostic[] {
  const diags = new Map<string, Diagnostic>();
  const check = (kind: BuildComponentKind, label: string, type: string) => {
    const key = `${label} ${type}`;
    if (diags.has(key) || chooseImplementation(kind, type, plugins, env)) return;
    const quoted = kind === 'builder' ? type : JSON.stringify(type);
    diags.set(key, errorDiag(`Unknown ${label} type ${quoted}`, missingPluginDetail(kind, label, type)));
  };
  for (const b of builds) {
    check('builder', 'source', b.builder.type);
    for (const p of b.provisioners) check('provisioner', 'provisioner', p.type);
    if (b.errorCleanupProvisioner) check('provisioner', 'error-cleanup-provisioner', b.errorCleanupProvisioner.type);
    for (const pp of b.postProcessors.flat()) check('post-processor', 'post-processor', pp.type);
  }
  return [...diags.values()];
}

function missingPluginDetail(kind: BuildComponentKind, label: string, type: string): string {
  return (
    `The ${label} ${type} is unknown by Packer, and is likely part of a plugin that is not installed.\n` +
    'You may find the needed plugin along with installation instructions documented on the Packer integrations page.\n\n' +
    `https://developer.hashicorp.com/packer/integrations?filter=${type.split('-')[0]}\n\n` +
    `Kiln knows the ${kind} ${type} but does not run it natively: it runs through a plugin ` +
    `once one is installed (a required_plugins entry and kiln init, or a packer-${kind}-${type} binary in PACKER_PLUGIN_PATH).`
  );
}
