import type { Provision } from '../../components/runtime.js';
import { callCancellable, configMap, DEFAULT_CALL_TIMEOUT_MS, type ComponentOptions } from './component-call.js';
import { launchPlugin, type LaunchOptions, type PluginCommand } from './plugin-process.js';
import { serveOnBroker } from './services/serve.js';
import { uiService } from './services/ui.js';

/*
 * A provisioner plugin as Kiln's Provision (sdk rpc/provisioner.go): Prepare
 * with the build's variables and the config, then Provision with the generated
 * data while Kiln's Ui is served back. The plugin lives for this one call.
 */

export function pluginProvisioner(command: PluginCommand, options: ComponentOptions & LaunchOptions = {}): Provision {
  return async (config, context) => {
    const plugin = await launchPlugin(command, options);
    try {
      const variables = { packer_build_name: context.buildName, packer_builder_type: context.builderType };
      await plugin.call(
        'Provisioner.Prepare',
        { Configs: [variables, configMap(config, command.name)] },
        options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      );
      // Kiln's communicator is not served yet: a plugin that uses it gets "can't find method".
      const ui = { ui: context.ui, signal: context.signal, prompt: context.prompt };
      const callbackId = serveOnBroker(plugin, uiService(ui));
      const args = { GeneratedData: { ...context.generatedData }, StreamID: callbackId };
      await callCancellable(plugin, 'Provisioner.Provision', args, context.signal, options);
      // A cancelled component may still return normally (a halted multistep sets no error).
      context.signal.throwIfAborted();
    } finally {
      await plugin.kill();
    }
  };
}
