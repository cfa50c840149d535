import type { Communicator } from '../../../communicator/communicator.js';
import type { BuilderContext, GeneratedData, ProvisionHookData } from '../../../components/runtime.js';
import type { PluginProcess } from '../plugin-process.js';
import { remoteCommunicator } from '../remote-communicator.js';
import type { RpcHandler, RpcResolver } from '../rpc/server.js';
import { isRecord } from '../rpc/codec.js';
import { asGeneratedData, asText } from '../wire.js';

/*
 * Kiln's provision hooks served to a builder plugin as Packer's "Hook" service
 * (sdk rpc/hook.go). The builder calls Hook.Run("packer_provision", data,
 * StreamId) once its machine is up; the data is the provision hook data (Host,
 * Port, ID ...) and the plugin serves its communicator on StreamId, which
 * Kiln's provisioners then run over.
 */

const HOOK_PROVISION = 'packer_provision';
const HOOK_CLEANUP_PROVISION = 'packer_cleanup_provision';

/** The Hook service; `idle()` settles once no hook the plugin started is running. */
export type HookService = RpcResolver & { readonly idle: () => Promise<void> };

/**
 * Aborting `ended` (the plugin's Run is over: it returned, failed or the
 * plugin died) stops the hooks still running for it, as does Hook.Cancel.
 */
export function hookService(context: BuilderContext, plugin: PluginProcess, ended: AbortSignal): HookService {
  let cancel = new AbortController();
  const running = new Set<Promise<void>>();
  const runHook = async (name: string, args: Record<string, unknown>): Promise<void> => {
    const generatedData = asGeneratedData(args.Data);
    const signal = AbortSignal.any([context.signal, ended, cancel.signal]);
    const communicator = await hookCommunicator(plugin, args.StreamId, generatedData);
    const hook: ProvisionHookData = { generatedData, ...(communicator ? { communicator } : {}) };
    try {
      if (name === HOOK_PROVISION) await context.provision(signal, hook);
      else await context.cleanupProvision(signal, hook);
    } finally {
      await communicator?.close();
    }
  };
  const run: RpcHandler = async (args) => {
    if (!isRecord(args)) throw new Error('Hook.Run: malformed arguments');
    const name = asText(args.Name);
    if (name !== HOOK_PROVISION && name !== HOOK_CLEANUP_PROVISION) return null;
    const hook = runHook(name, args);
    running.add(hook);
    const forget = () => void running.delete(hook);
    hook.then(forget, forget);
    await hook;
    return null;
  };
  const methods = new Map<string, RpcHandler>([
    ['Hook.Run', run],
    [
      'Hook.Cancel',
      () => {
        cancel.abort(new Error('hook cancelled by the plugin'));
        cancel = new AbortController();
        return null;
      },
    ],
  ]);
  const resolve: RpcResolver = (serviceMethod) => methods.get(serviceMethod);
  return Object.assign(resolve, {
    idle: async () => void (await Promise.allSettled(running)),
  });
}

/**
 * The communicator the plugin serves on the hook's stream. Packer always uses
 * it (rpc HookServer.Run): a builder that connected nothing serves its "none"
 * communicator there, and builders with their own communicator (chroot, lxd)
 * set no ConnType. Only an explicit "none" is left to Kiln's own handling.
 */
async function hookCommunicator(
  plugin: PluginProcess,
  streamId: unknown,
  data: GeneratedData,
): Promise<Communicator | undefined> {
  if (typeof streamId !== 'number' || streamId === 0 || data['ConnType'] === 'none') return undefined;
  const machine = machineName(data);
  return remoteCommunicator(plugin, streamId, machine === undefined ? {} : { machine });
}

const NOT_IMPLEMENTED = /^ERR_[A-Z_]+_NOT_IMPLEMENTED_BY_BUILDER$/;

/** The machine as Kiln's own communicators name it, from what the builder reported. */
function machineName(data: GeneratedData): string | undefined {
  const known = (key: string) => {
    const value = data[key];
    return value === undefined || value === '' || NOT_IMPLEMENTED.test(String(value)) ? undefined : String(value);
  };
  const type = known('ConnType');
  // Without a ConnType the builder reported nothing about a connection ("none", or a chroot's own).
  if (type === undefined) return undefined;
  const host = known('Host');
  if ((type === 'ssh' || type === 'winrm') && host !== undefined) {
    const user = known('User');
    const port = known('Port');
    return `${user === undefined ? '' : `${user}@`}${host}${port === undefined ? '' : `:${port}`}`;
  }
  const id = known('ID');
  if (type.startsWith('docker') && id !== undefined) return `container ${id.slice(0, 12)}`;
  return id ?? host;
}
