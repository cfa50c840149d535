import type { ComponentResolver, ComponentUse } from '../../components/registry.js';
import { componentLookup } from '../../components/registry.js';
import { errorDiag, type Diagnostic } from '../../hcl/diagnostics.js';
import type { Range } from '../../hcl/range.js';
import { useSubjects } from '../../template/component-types.js';
import { specEncodingOf } from '../bridge/command.js';
import { DEFAULT_CALL_TIMEOUT_MS, prepareOn, wireConfigs, type ComponentOptions } from '../bridge/component-call.js';
import { launchPlugin, type LaunchOptions, type PluginCommand, type PluginProcess } from '../bridge/plugin-process.js';
import { retain } from '../bridge/retained.js';
import { isRecord } from '../bridge/rpc/codec.js';
import { chooseImplementation, type PluginCatalog } from '../resolve.js';
import { hclPluginConfig, type PluginComponent, type PluginComponentKind } from './component.js';
import { decodeGobObjectSpec } from './gob-spec.js';
import type { ObjectPluginSpec } from './model.js';

/*
 * The plugin components a template uses, found before it is planned: each
 * component type a plugin serves (resolve.ts chooseImplementation: not
 * native, or KILN_PREFER_PLUGINS) is started, all concurrently, and asked for
 * its ConfigSpec. Planning decodes each use of the component with that spec
 * and prepares it with the plugin: the first use on the process that gave the
 * spec, each further use on a process of its own, which the use keeps for its
 * run (Packer's startBuilder / startProvisioner / startPostProcessor start one
 * instance per use, and the build runs that instance). Every process is kept
 * (retained.ts) until releasePlugins().
 */

type Env = Readonly<Record<string, string | undefined>>;

export type FetchOptions = ComponentOptions & LaunchOptions;

const SPEC_METHOD: Readonly<Record<PluginComponentKind, string>> = {
  builder: 'Builder.ConfigSpec',
  provisioner: 'Provisioner.ConfigSpec',
  'post-processor': 'PostProcessor.ConfigSpec',
};

/** ConfigSpec of one component in a process of its own, killed afterwards. */
export async function fetchConfigSpec(
  command: PluginCommand,
  kind: PluginComponentKind,
  options: FetchOptions = {},
): Promise<ObjectPluginSpec> {
  const plugin = await launchPlugin(command, options);
  try {
    return await specOf(plugin, command, kind, options);
  } finally {
    await plugin.kill();
  }
}

/** ConfigSpec of a started component, decoded from gob or protobuf as its command says. */
async function specOf(
  plugin: PluginProcess,
  command: PluginCommand,
  kind: PluginComponentKind,
  options: FetchOptions,
): Promise<ObjectPluginSpec> {
  const reply = await plugin.call(SPEC_METHOD[kind], null, options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
  const bytes = isRecord(reply) ? reply.ConfigSpec : undefined;
  if (!(bytes instanceof Uint8Array)) throw new Error(`plugin ${command.name}: malformed ConfigSpec reply`);
  if (specEncodingOf(command) !== 'protobuf') return decodeGobObjectSpec(bytes);
  // protobufjs is loaded only when a plugin speaks protobuf: a build without one does not pay for it.
  return (await import('./protobuf-spec.js')).decodeProtobufSpec(bytes);
}

/** A started process no use has taken yet, and how to kill it. */
interface IdlePlugin {
  readonly plugin: PluginProcess;
  readonly release: () => Promise<void>;
}

/**
 * The plugin component serving `kind` `type` with `spec`, prepared through
 * `command`. A config of a use (PluginConfig.instance) is prepared on the
 * process of that use: `idle` first (the one that gave the spec), then a new
 * one; the use keeps it. A config of no use is prepared in a process killed
 * afterwards.
 */
export function pluginComponent(
  command: PluginCommand,
  kind: PluginComponentKind,
  type: string,
  spec: ObjectPluginSpec,
  options: FetchOptions = {},
  idle: IdlePlugin[] = [],
): PluginComponent {
  const take = async (): Promise<IdlePlugin> => {
    const kept = idle.shift();
    if (kept) return kept;
    const plugin = await launchPlugin(command, options);
    return { plugin, release: retain(plugin) };
  };
  return {
    kind,
    type,
    spec,
    async prepare(config) {
      const configs = wireConfigs({}, config, command.name);
      const instance = hclPluginConfig(config)?.instance;
      if (instance === undefined) {
        const { plugin, release } = await take();
        try {
          return await prepareOn(plugin, kind, configs, options);
        } finally {
          await release();
        }
      }
      instance.plugin ??= (await take()).plugin;
      return prepareOn(instance.plugin, kind, configs, options);
    },
  };
}

/**
 * A resolver for initializeConfig: the used component types that plugins
 * serve, with their specs. A plugin that cannot give its spec is reported
 * at each use (as Packer reports a component it cannot start), and its type
 * is served by a stand-in that only fails, so the template does not also
 * call it unknown.
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
          const plugin = await launchPlugin(command, options);
          const release = retain(plugin);
          try {
            const spec = await specOf(plugin, command, use.kind, options);
            return { component: pluginComponent(command, use.kind, use.type, spec, options, [{ plugin, release }]) };
          } catch (error) {
            await release();
            throw error;
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return { component: failedComponent(use, message), diags: loadFailures(use, message) };
        }
      }),
    );
    return {
      lookup: componentLookup(results.map((r) => r.component)),
      diags: results.flatMap((r) => r.diags ?? []),
    };
  };
}

/**
 * What Packer says when it cannot start a component, at each use: summaries
 * of current Packer's hcl2template startBuilder, startProvisioner and
 * startPostProcessor, ranges from usedComponents.
 */
function loadFailures(use: ComponentUse, message: string): Diagnostic[] {
  const subjects = useSubjects(use);
  const diag = (subject?: Range) => errorDiag(loadFailureSummary(use), message, subject);
  return subjects.length === 0 ? [diag()] : subjects.map(diag);
}

function loadFailureSummary(use: ComponentUse): string {
  switch (use.kind) {
    case 'builder':
      return 'Failed to load source type';
    case 'provisioner':
      return `failed loading ${use.type}`;
    case 'post-processor':
      return `Failed loading ${use.type}`;
  }
}

/** The stand-in for a component whose plugin did not start: any body decodes (to nothing), every Prepare fails. */
function failedComponent(use: ComponentUse, message: string): PluginComponent {
  return {
    kind: use.kind,
    type: use.type,
    spec: { kind: 'object', properties: new Map() },
    prepare: () => Promise.resolve({ generatedVars: [], warnings: [], error: message }),
  };
}
