import type { BuilderContext, RunBuilder } from '../../components/runtime.js';
import { resultError } from '../../core/runner.js';
import { preparedPlugin } from '../spec/component.js';
import { callCancellable, DEFAULT_CALL_TIMEOUT_MS, wireConfigs, type ComponentOptions } from './component-call.js';
import { launchPlugin, type LaunchOptions, type PluginCommand, type PluginProcess } from './plugin-process.js';
import { remoteArtifact } from './remote-artifact.js';
import { retain } from './retained.js';
import { isRecord } from './rpc/codec.js';
import { hookService } from './services/hook.js';
import { combine, serveOnBroker } from './services/serve.js';
import { uiService } from './services/ui.js';
import { asTextList, basicError } from './wire.js';

/*
 * A builder plugin as Kiln's RunBuilder (sdk rpc/builder.go). A config
 * planned from HCL2 was prepared at plan time on the process of its use
 * (PluginConfig.instance), which runs it without another Prepare, as
 * Packer's CoreBuild.Prepare skips HCL2 builds; any other config (a legacy
 * JSON template's) is prepared with Packer's builder variables in a process
 * started for the run. Run gets Kiln's Ui and provision hooks served back;
 * the artifact it returns is proxied and its plugin kept running until the
 * artifact is destroyed or releasePlugins().
 */

export function pluginBuilder(
  command: PluginCommand,
  builderType: string,
  options: ComponentOptions & LaunchOptions = {},
): RunBuilder {
  return async (config, context) => {
    const log = (message: string) => context.bus.emit({ type: 'log', message });
    const prepared = preparedPlugin(config);
    // Packer core exports PACKER_RUN_UUID and its plugins inherit it.
    const env = { ...(options.env ?? process.env), PACKER_RUN_UUID: context.runUuid };
    const plugin = prepared ?? (await launchPlugin(command, { log, ...options, env }));
    let keepRunning = prepared !== undefined;
    try {
      if (prepared === undefined) await prepare(plugin, command, builderType, config, context, options, log);
      const artifactStream = await run(plugin, context, options, log);
      if (typeof artifactStream !== 'number' || artifactStream === 0) return null;
      const artifact = await remoteArtifact(plugin, artifactStream, retain(plugin));
      keepRunning = true;
      return artifact;
    } finally {
      if (!keepRunning) await plugin.kill();
    }
  };
}

/**
 * Builder.Run with Kiln's Ui and hooks served back. Whatever the plugin
 * started on Kiln's side (a provisioner in its provision hook, a prompt) is
 * stopped when Run ends or the plugin dies, and has settled before the build
 * is reported. A cancelled build is "Build was cancelled.", as a native
 * builder's, whatever the plugin returned or failed with.
 */
async function run(
  plugin: PluginProcess,
  context: BuilderContext,
  options: ComponentOptions,
  log: (message: string) => void,
): Promise<unknown> {
  const runEnded = new AbortController();
  const ended = AbortSignal.any([runEnded.signal, plugin.ended]);
  const ui = { ui: context.ui, signal: AbortSignal.any([context.signal, ended]), prompt: context.prompt, log };
  const hooks = hookService(context, plugin, ended);
  const callbackId = serveOnBroker(plugin, combine(uiService(ui), hooks));
  let reply: unknown;
  let failure: unknown;
  try {
    reply = await callCancellable(plugin, 'Builder.Run', callbackId, context.signal, options);
  } catch (error) {
    failure = error;
  }
  runEnded.abort(new Error(`plugin ${plugin.name}: Builder.Run ended`));
  await hooks.idle();
  // A cancelled component may return normally (a halted multistep sets no error) or with any error.
  if (context.signal.aborted) throw resultError({ status: 'cancelled' });
  if (failure !== undefined) throw failure;
  return reply;
}

/** Builder.Prepare of a config not prepared at plan time; its error fails the build. */
async function prepare(
  plugin: PluginProcess,
  command: PluginCommand,
  builderType: string,
  config: unknown,
  context: BuilderContext,
  options: ComponentOptions,
  log: (message: string) => void,
): Promise<void> {
  const variables = {
    packer_build_name: context.build,
    packer_builder_type: builderType,
    packer_debug: String(context.debug),
    packer_force: String(context.force),
    packer_on_error: context.onError,
  };
  const reply = await plugin.call(
    'Builder.Prepare',
    { Configs: wireConfigs(variables, config, command.name) },
    options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
  );
  const failure = isRecord(reply) ? basicError(reply.Error) : undefined;
  if (failure !== undefined) throw new Error(failure);
  for (const warning of isRecord(reply) ? asTextList(reply.Warnings) : []) log(`${command.name}: ${warning}`);
}
