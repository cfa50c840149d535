import type { PostProcessorResult } from '../../components/common/post-processor.js';
import type { RunPostProcessor } from '../../components/postprocessors/runners.js';
import { preparedPlugin } from '../spec/component.js';
import { callCancellable, DEFAULT_CALL_TIMEOUT_MS, wireConfigs, type ComponentOptions } from './component-call.js';
import { launchPlugin, type LaunchOptions, type PluginCommand } from './plugin-process.js';
import { remoteArtifact } from './remote-artifact.js';
import { retain } from './retained.js';
import { isRecord } from './rpc/codec.js';
import { artifactService } from './services/artifact.js';
import { combine, serveOnBroker } from './services/serve.js';
import { uiService } from './services/ui.js';
import { basicError } from './wire.js';

/*
 * A post-processor plugin as Kiln's RunPostProcessor (sdk rpc/post_processor.go):
 * Configure, then PostProcess with the input artifact and Kiln's Ui served
 * back; the artifact it returns is proxied like a builder's. A config planned
 * from HCL2 runs on the process its use was configured on at plan time,
 * configured again with the artifact's data (Packer's
 * HCL2PostProcessor.PostProcess); any other in a process started for it.
 */

export function pluginPostProcessor(
  command: PluginCommand,
  options: ComponentOptions & LaunchOptions = {},
): RunPostProcessor {
  return async (config, artifact, context): Promise<PostProcessorResult> => {
    const prepared = preparedPlugin(config);
    const plugin = prepared ?? (await launchPlugin(command, options));
    // A process of the use ends with the run (releasePlugins) or with the artifact it serves.
    let keepRunning = prepared !== undefined;
    try {
      const variables = { packer_build_name: context.buildName, packer_builder_type: context.builderType };
      await plugin.call(
        'PostProcessor.Configure',
        { Configs: wireConfigs(variables, config, command.name) },
        options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      );
      const ui = { ui: context.ui, signal: context.signal };
      const callbackId = serveOnBroker(plugin, combine(uiService(ui), artifactService(artifact)));
      const reply = await callCancellable(plugin, 'PostProcessor.PostProcess', callbackId, context.signal, options);
      // A cancelled component may still return normally (a halted multistep sets no error).
      context.signal.throwIfAborted();
      if (!isRecord(reply)) throw new Error(`plugin ${command.name}: malformed PostProcess reply`);
      const failure = basicError(reply.Err);
      if (failure !== undefined) throw new Error(failure);
      if (typeof reply.StreamId !== 'number' || reply.StreamId === 0) {
        throw new Error(`plugin ${command.name}: the post-processor returned no artifact`);
      }
      const result = await remoteArtifact(plugin, reply.StreamId, retain(plugin));
      keepRunning = true;
      return { artifact: result, keepInputArtifact: reply.Keep === true, forceKeep: reply.ForceOverride === true };
    } finally {
      if (!keepRunning) await plugin.kill();
    }
  };
}
