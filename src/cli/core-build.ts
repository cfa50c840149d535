import type { Build, BuildContext } from '../core/build-runner.js';
import type { Prompt } from '../core/events.js';
import { builderRunner } from '../components/builders/runners.js';
import { lookupComponent } from '../components/registry.js';
import { runPostProcessorChains } from '../components/post-processor-chains.js';
import { runProvisioners } from '../components/provision-hook.js';
import { multiErrorText } from '../components/schema/prepare.js';
import type { ProvisionContext, ProvisionHookData } from '../components/runtime.js';
import type { PlannedBuild } from '../template/plan.js';

/*
 * A planned build as the core runner runs it (Packer's CoreBuild.Run): the
 * builder, with the provision hook over the build's provisioners and the
 * error-cleanup-provisioner, then the post-processor chains. Builds using a
 * component Kiln cannot run are refused by unimplementedComponents before any starts.
 */

export interface CoreBuildOptions {
  readonly cwd: string;
  readonly force: boolean;
  /** The answer to a provisioner's question when the build has no terminal prompt. */
  readonly noPromptReason: string;
  /** PACKER_RUN_UUID: one per run. */
  readonly runUuid: string;
}

export function coreBuild(planned: PlannedBuild, options: CoreBuildOptions): Build {
  return {
    name: planned.name,
    async run(context: BuildContext) {
      const run = builderRunner(planned.builder.type);
      if (!run) throw new Error(`builder type ${JSON.stringify(planned.builder.type)} is not implemented by Kiln`);
      const prompt: Prompt = context.prompt ?? (() => Promise.reject(new Error(options.noPromptReason)));
      const provisionContext = (signal: AbortSignal, hook: ProvisionHookData): ProvisionContext => ({
        ui: context.ui,
        signal,
        prompt,
        buildName: planned.builder.name,
        builderType: planned.builder.type,
        cwd: options.cwd,
        generatedData: hook.generatedData,
        ...(hook.communicator ? { communicator: hook.communicator } : {}),
      });
      const cleanup = planned.errorCleanupProvisioner;
      const artifact = await run(planned.builder.config, {
        ...context,
        build: planned.name,
        cwd: options.cwd,
        force: options.force,
        runUuid: options.runUuid,
        provision: (signal, hook) => runProvisioners(planned.provisioners, provisionContext(signal, hook)),
        cleanupProvision: (signal, hook) =>
          cleanup ? runProvisioners([cleanup], provisionContext(signal, hook)) : Promise.resolve(),
      });
      if (!artifact) return [artifact];
      if (context.signal.aborted) throw new Error('context canceled');
      const { artifacts, errors } = await runPostProcessorChains(planned.postProcessors, artifact, context, {
        build: planned.name,
        buildName: planned.builder.name,
        builderType: planned.builder.type,
        runUuid: options.runUuid,
        force: options.force,
      });
      if (errors.length > 0) throw new Error(multiErrorText(errors));
      return artifacts;
    },
  };
}

/** "<kind> <type>" for each component of the builds that Kiln cannot run itself, once each. */
export function unimplementedComponents(builds: readonly PlannedBuild[]): string[] {
  const missing = new Set<string>();
  for (const b of builds) {
    if (!lookupComponent('builder', b.builder.type)?.implemented) missing.add(`builder ${b.builder.type}`);
    const provisioners = [...b.provisioners, ...(b.errorCleanupProvisioner ? [b.errorCleanupProvisioner] : [])];
    for (const p of provisioners) {
      if (!lookupComponent('provisioner', p.type)?.implemented) missing.add(`provisioner ${p.type}`);
    }
    for (const pp of b.postProcessors.flat()) {
      if (!lookupComponent('post-processor', pp.type)?.implemented) missing.add(`post-processor ${pp.type}`);
    }
  }
  return [...missing];
}
