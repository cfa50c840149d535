import type { Provision } from '../../components/runtime.js';
import { preparedPlugin } from '../spec/component.js';
import { callCancellable, DEFAULT_CALL_TIMEOUT_MS, wireConfigs, type ComponentOptions } from './component-call.js';
import { launchPlugin, type LaunchOptions, type PluginCommand } from './plugin-process.js';
import { communicatorService, type CommunicatorService } from './services/communicator.js';
import { combine, serveOnBroker } from './services/serve.js';
import { uiService } from './services/ui.js';

/*
 * A provisioner plugin as Kiln's Provision (sdk rpc/provisioner.go): Prepare
 * with the build's variables and the config, then Provision with the generated
 * data while Kiln's Ui and the build's communicator are served back on one
 * stream. A config planned from HCL2 runs on the process its use was prepared
 * on at plan time, prepared again with the builder's values (Packer's
 * HCL2Provisioner.Provision); any other in a process started for this call.
 * Every command and transfer the plugin started on the machine ends with the
 * call.
 */

/** Packer's ProvisionHook.Run when the build has no communicator: no provisioner runs. */
const NO_COMMUNICATOR =
  'No communicator found for provisioners! This is usually because the\n' +
  '`communicator` config was set to "none". If you have any provisioners\n' +
  'then a communicator is required. Please fix this to continue.';

export function pluginProvisioner(command: PluginCommand, options: ComponentOptions & LaunchOptions = {}): Provision {
  return async (config, context) => {
    const prepared = preparedPlugin(config);
    const plugin = prepared ?? (await launchPlugin(command, options));
    const done = new AbortController();
    let communicator: CommunicatorService | undefined;
    try {
      const variables = { packer_build_name: context.buildName, packer_builder_type: context.builderType };
      await plugin.call(
        'Provisioner.Prepare',
        { Configs: wireConfigs(variables, config, command.name) },
        options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
      );
      // Packer prepares every provisioner before the build runs, so a config error comes first.
      // communicator = "none" is a communicator that refuses transfers; none at all is refused.
      if (context.communicator === undefined) throw new Error(NO_COMMUNICATOR);
      const signal = AbortSignal.any([context.signal, done.signal, plugin.ended]);
      communicator = communicatorService(context.communicator, plugin.broker, signal, context.cwd);
      const ui = uiService({ ui: context.ui, signal, prompt: context.prompt });
      const callbackId = serveOnBroker(plugin, combine(ui, communicator));
      const args = { GeneratedData: { ...context.generatedData }, StreamID: callbackId };
      await callCancellable(plugin, 'Provisioner.Provision', args, context.signal, options);
      // A cancelled component may still return normally (a halted multistep sets no error).
      context.signal.throwIfAborted();
    } finally {
      // A process of the use stays for a retry and ends with the run (releasePlugins).
      if (prepared === undefined) await plugin.kill();
      // A command the plugin left running (it was cancelled, or it died) is killed on the machine.
      done.abort(new Error(`provisioner plugin ${command.name} ended`));
      await communicator?.idle();
    }
  };
}
