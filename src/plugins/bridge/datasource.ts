import type { EvalContext } from '../../eval/context.js';
import { DynamicPseudoType } from '../../eval/types.js';
import { Value } from '../../eval/value.js';
import { errorDiag, hasErrors, type Diagnostic } from '../../hcl/diagnostics.js';
import type { ContentBlock } from '../../hcl/schema.js';
import { decodeGob, GobEncoded } from '../gob/decode.js';
import { marshalCtyJson, unknownPlaceholders } from '../spec/cty-json.js';
import { decodeCtyMsgpack } from '../spec/cty-msgpack.js';
import { decodePluginBody, impliedType } from '../spec/decode-body.js';
import { decodeGobCtyValue } from '../spec/gob-cty.js';
import { decodeGobObjectSpec } from '../spec/gob-spec.js';
import type { ObjectPluginSpec } from '../spec/model.js';
import type { SpecEncoding } from '../spec/protocol.js';
import { specEncodingOf } from './command.js';
import { callCancellable, DEFAULT_CALL_TIMEOUT_MS, type ComponentOptions } from './component-call.js';
import { launchPlugin, type LaunchOptions, type PluginCommand, type PluginProcess } from './plugin-process.js';
import { RemoteError } from './rpc/client.js';
import { isRecord } from './rpc/codec.js';
import { basicError } from './wire.js';

/*
 * A data-source plugin as Kiln evaluates a `data` block it serves (sdk
 * rpc/datasource.go; Packer hcl2template startDatasource and
 * evaluateDatasource): ConfigSpec, the block decoded with it, Configure with
 * that value as cty JSON, then OutputSpec (validate: the result is unknown of
 * its type) or Execute (build: the result). Specs and the result come as gob
 * or, when the plugin was started with --protobuf, as protobuf and cty msgpack.
 */

export type DatasourceOptions = ComponentOptions & LaunchOptions;

/** How a started data source's specs and result are encoded. */
interface DatasourceCodec {
  spec(bytes: Uint8Array): ObjectPluginSpec;
  value(bytes: Uint8Array): Value;
}

/** protobufjs is loaded only for a plugin started with --protobuf: a build without one does not pay for it. */
async function codecFor(encoding: SpecEncoding): Promise<DatasourceCodec> {
  if (encoding === 'gob') return { spec: decodeGobObjectSpec, value: decodeGobExecuteValue };
  const { decodeProtobufSpec } = await import('../spec/protobuf-spec.js');
  // Execute marshals its result as cty.DynamicPseudoType: the value carries its own type.
  return { spec: decodeProtobufSpec, value: (bytes) => decodeCtyMsgpack(bytes, DynamicPseudoType) };
}

/** One running data-source component; close() kills it. */
export interface PluginDatasource {
  readonly name: string;
  configSpec(): Promise<ObjectPluginSpec>;
  /** Datasource.Configure with the decoded config; rejects with the plugin's error text. */
  configure(config: Value): Promise<void>;
  outputSpec(): Promise<ObjectPluginSpec>;
  /** Datasource.Execute; rejects with "Datasource.Execute failed: ..." as Packer words it. */
  execute(signal?: AbortSignal): Promise<Value>;
  close(): Promise<void>;
}

export async function startPluginDatasource(
  command: PluginCommand,
  options: DatasourceOptions = {},
): Promise<PluginDatasource> {
  const codec = await codecFor(specEncodingOf(command));
  const plugin = await launchPlugin(command, options);
  const timeout = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  return {
    name: command.name,
    configSpec: async () =>
      codec.spec(replyBytes(await plugin.call('Datasource.ConfigSpec', null, timeout), 'ConfigSpec', plugin)),
    configure: async (config) => {
      // Configure returns its error both in the reply and as the call's (DatasourceServer.Configure).
      const reply = await plugin.call('Datasource.Configure', { Configs: [marshalCtyJson(config)] }, timeout);
      const failure = isRecord(reply) ? basicError(reply.Error) : undefined;
      if (failure !== undefined) throw new RemoteError(failure);
    },
    outputSpec: async () =>
      codec.spec(replyBytes(await plugin.call('Datasource.OutputSpec', null, timeout), 'OutputSpec', plugin)),
    execute: async (signal) => {
      let reply: unknown;
      try {
        reply =
          signal === undefined
            ? await plugin.call('Datasource.Execute', null)
            : await callCancellable(plugin, 'Datasource.Execute', null, signal, options);
      } catch (error) {
        if (error instanceof RemoteError) throw new RemoteError(`Datasource.Execute failed: ${error.message}`);
        throw error;
      }
      // A cancelled data source may still return normally.
      signal?.throwIfAborted();
      const failure = isRecord(reply) ? basicError(reply.Error) : undefined;
      if (failure !== undefined) throw new RemoteError(failure);
      const bytes = replyBytes(reply, 'Value', plugin);
      try {
        return codec.value(bytes);
      } catch (error) {
        const what = specEncodingOf(command) === 'protobuf' ? 'msgpack' : 'gob';
        throw new Error(
          `plugin ${command.name}: failed to unmarshal cty.Value from ${what} blob: ${errorText(error)}`,
          {
            cause: error,
          },
        );
      }
    },
    close: () => plugin.kill(),
  };
}

/** What a `data` block a plugin serves evaluates to, and the diagnostics of getting it. */
export interface DatasourceResult {
  /** Unknown of the output type when not executed; null of dynamic type when it failed. */
  readonly value: Value;
  readonly diags: Diagnostic[];
}

/**
 * Packer's startDatasource + evaluateDatasource for one data block served by
 * `command`: with `execute` false (validate without
 * -evaluate-datasources) the value is unknown of the OutputSpec's type.
 */
export async function evaluatePluginDatasource(
  command: PluginCommand,
  block: Pick<ContentBlock, 'body' | 'defRange'>,
  ctx: EvalContext | undefined,
  opts: DatasourceOptions & { readonly execute: boolean; readonly signal?: AbortSignal },
): Promise<DatasourceResult> {
  const failed = (message: string, diags: Diagnostic[] = []): DatasourceResult => ({
    value: Value.null(DynamicPseudoType),
    diags: [...diags, errorDiag(message, '', block.defRange)],
  });
  let datasource: PluginDatasource;
  try {
    datasource = await startPluginDatasource(command, opts);
  } catch (error) {
    return failed(errorText(error));
  }
  try {
    const decoded = decodePluginBody(await datasource.configSpec(), block.body, ctx);
    if (hasErrors(decoded.diags)) return { value: Value.null(DynamicPseudoType), diags: decoded.diags };
    try {
      // Unknowns (validate) cannot be encoded; Packer writes placeholders of their type.
      await datasource.configure(unknownPlaceholders(decoded.value));
    } catch (error) {
      return failed(errorText(error), decoded.diags);
    }
    if (!opts.execute)
      return { value: Value.unknown(impliedType(await datasource.outputSpec())), diags: decoded.diags };
    try {
      return { value: await datasource.execute(opts.signal), diags: decoded.diags };
    } catch (error) {
      return failed(errorText(error), decoded.diags);
    }
  } catch (error) {
    return failed(errorText(error));
  } finally {
    await datasource.close();
  }
}

/** Execute's gob reply: a gob stream of one cty.Value, which travels as its GobEncode bytes. */
function decodeGobExecuteValue(bytes: Uint8Array): Value {
  const [value] = decodeGob(bytes);
  if (!(value instanceof GobEncoded)) throw new Error('not a gob-encoded cty.Value');
  return decodeGobCtyValue(value.bytes);
}

function replyBytes(reply: unknown, field: string, plugin: PluginProcess): Uint8Array {
  const bytes = isRecord(reply) ? reply[field] : undefined;
  if (!(bytes instanceof Uint8Array)) throw new Error(`plugin ${plugin.name}: malformed reply (no ${field})`);
  return bytes;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
