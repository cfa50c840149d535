import type { ComponentResolver, ComponentUse } from '../../components/registry.js';
import { componentLookup } from '../../components/registry.js';
import { errorDiag, type Diagnostic } from '../../hcl/diagnostics.js';
import {
  DEFAULT_CALL_TIMEOUT_MS,
  prepareComponent,
  wireConfigs,
  type ComponentOptions,
} from '../bridge/component-call.js';
import { specEncodingOf } from '../bridge/command.js';
import { launchPlugin, type LaunchOptions, type PluginCommand } from '../bridge/plugin-process.js';
import { isRecord } from '../bridge/rpc/codec.js';
import { chooseImplementation, type PluginCatalog } from '../resolve.js';
import type { PluginComponent, PluginComponentKind } from './component.js';
import { decodeGobObjectSpec } from './gob-spec.js';
import type { ObjectPluginSpec } from './model.js';
import { decodeProtobufSpec } from './protobuf-spec.js';

/*
 * The specs of the plugin components a template uses, fetched before it is
 * planned: each component type a plugin serves (resolve.ts
 * chooseImplementation: not native, or KILN_PREFER_PLUGINS) is started once,
 * asked for its ConfigSpec, and killed; all of them concurrently. Planning
 * then decodes those components with their own spec and prepares them with
 * the plugin (a fresh process per Prepare, as Packer starts one per build).
 */

type Env = Readonly<Record<string, string | undefined>>;

export type FetchOptions = ComponentOptions & LaunchOptions;

const SPEC_METHOD: Readonly<Record<PluginComponentKind, string>> = {
  builder: 'Builder.ConfigSpec',
  provisioner: 'Provisioner.ConfigSpec',
  'post-processor': 'PostProcessor.ConfigSpec',
};

/** ConfigSpec of one component, decoded from gob or protobuf as its command says. */
export async function fetchConfigSpec(
  command: PluginCommand,
  kind: PluginComponentKind,
  options: FetchOptions = {},
): Promise<ObjectPluginSpec> {
  const plugin = await launchPlugin(command, options);
  try {
    const reply = await plugin.call(SPEC_METHOD[kind], null, options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
    const bytes = isRecord(reply) ? reply.ConfigSpec : undefined;
    if (!(bytes instanceof Uint8Array)) throw new Error(`plugin ${command.name}: malformed ConfigSpec reply`);
    return specEncodingOf(command) === 'protobuf' ? decodeProtobufSpec(bytes) : decodeGobObjectSpec(bytes);
  } finally {
    await plugin.kill();
  }
}

/** The plugin component serving `kind` `type` with `spec`, prepared through `command`. */
export function pluginComponent(
  command: PluginCommand,
  kind: PluginComponentKind,
  type: string,
  spec: ObjectPluginSpec,
  options: FetchOptions = {},
): PluginComponent {
  return {
    kind,
    type,
    spec,
    prepare: (config) => prepareComponent(command, kind, wireConfigs({}, config, command.name), options),
  };
}

/**
 * A resolver for initializeConfig: the used component types that plugins
 * serve, with their specs. A plugin that cannot give its spec is reported
 * (as Packer's failure to start a component) and its type stays unknown.
 */
export function pluginComponentResolver(
  catalog: PluginCatalog,
  env: Env,
  options: FetchOptions = {},
): ComponentResolver {
  return async (used) => {
    const wanted = new Map<string, { use: ComponentUse; command: PluginCommand }>();
    for (const use of used) {
      const impl = chooseImplementation(use.kind, use.type, catalog, env);
      if (impl && !impl.native) wanted.set(`${use.kind}.${use.type}`, { use, command: impl.plugin });
    }
    const results = await Promise.all(
      [...wanted.values()].map(async ({ use, command }) => {
        try {
          return pluginComponent(
            command,
            use.kind,
            use.type,
            await fetchConfigSpec(command, use.kind, options),
            options,
          );
        } catch (error) {
          return loadFailure(use, error instanceof Error ? error.message : String(error));
        }
      }),
    );
    const components = results.filter((r): r is PluginComponent => 'prepare' in r);
    const diags = results.filter((r): r is Diagnostic => !('prepare' in r));
    return { lookup: componentLookup(components), diags };
  };
}

/** What Packer says when it cannot start a component (hcl2template startBuilder, startProvisioner ...). */
function loadFailure(use: ComponentUse, message: string): Diagnostic {
  switch (use.kind) {
    case 'builder':
      return errorDiag('Failed to load source type', message);
    case 'provisioner':
      return errorDiag(`failed loading ${use.type}`, message);
    case 'post-processor':
      return errorDiag(`Failed loading ${use.type}`, message);
  }
}
