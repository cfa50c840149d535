import type { BuilderContext } from '../../../components/runtime.js';
import type { RpcHandler, RpcResolver } from '../rpc/server.js';
import { isRecord } from '../rpc/codec.js';
import { asGeneratedData, asText } from '../wire.js';

/*
 * Kiln's provision hooks served to a builder plugin as Packer's "Hook" service
 * (sdk rpc/hook.go). The builder calls Hook.Run("packer_provision", data) once
 * its machine is up; the data is the provision hook data (Host, Port, ID ...).
 */

const HOOK_PROVISION = 'packer_provision';
const HOOK_CLEANUP_PROVISION = 'packer_cleanup_provision';

export function hookService(context: BuilderContext): RpcResolver {
  let cancel = new AbortController();
  const run: RpcHandler = async (args) => {
    if (!isRecord(args)) throw new Error('Hook.Run: malformed arguments');
    const name = asText(args.Name);
    const hook = { generatedData: asGeneratedData(args.Data) };
    // The plugin also serves its communicator on args.StreamId; serving it to
    // Kiln's provisioners is not done yet, so they run without one.
    const signal = AbortSignal.any([context.signal, cancel.signal]);
    if (name === HOOK_PROVISION) await context.provision(signal, hook);
    else if (name === HOOK_CLEANUP_PROVISION) await context.cleanupProvision(signal, hook);
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
  return (serviceMethod) => methods.get(serviceMethod);
}
