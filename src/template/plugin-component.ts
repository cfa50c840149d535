import type { EvalContext } from '../eval/context.js';
import type { Value } from '../eval/value.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import type { HclBody } from '../hcl/schema.js';
import { pluginConfig, type PluginComponent, type PluginConfig, type PrepareReply } from '../plugins/spec/component.js';
import { unknownPlaceholders } from '../plugins/spec/cty-json.js';
import { decodePluginBody } from '../plugins/spec/decode-body.js';
import { isJsonObject, type JsonValue } from './legacy/go-json.js';
import { rawConfig } from './provisioner-override.js';

/*
 * A component a plugin serves, planned as Packer's hcl2template does it:
 * decodeHCL2Spec with the plugin's own spec, unknown values replaced by
 * placeholders (current Packer does so before encoding), then the plugin's
 * Prepare with Packer's variables. No Kiln-side checks: the plugin's answer
 * is the verdict.
 */

/** Packer's variables for a plugin component (the first config its Prepare decodes). */
export type PluginVariables = Readonly<Record<string, string | readonly string[]>>;

export interface DecodedPluginConfig {
  /** Present when decoding gave no errors. */
  readonly config?: PluginConfig;
  readonly diags: Diagnostic[];
}

/** decodeHCL2Spec and WriteUnknownPlaceholderValues; `override` is a provisioner's for the source. */
export function decodePluginConfig(
  component: PluginComponent,
  body: HclBody,
  ctx: EvalContext | undefined,
  variables: PluginVariables,
  override?: Value,
): DecodedPluginConfig {
  const { value, diags } = decodePluginBody(component.spec, body, ctx);
  if (hasErrors(diags)) return { diags };
  const raw = override && plainObject(rawConfig(override));
  const config = pluginConfig({
    variables,
    value: unknownPlaceholders(value),
    ...(raw === undefined ? {} : { override: raw }),
    // A new use of the component: its Prepare starts (or takes) the process its run uses.
    instance: {},
  });
  return { config, diags };
}

/** The plugin's Prepare; a plugin that fails to answer is an error like a rejected config. */
export async function callPrepare(component: PluginComponent, config: PluginConfig): Promise<PrepareReply> {
  try {
    return await component.prepare(config);
  } catch (error) {
    return { generatedVars: [], warnings: [], error: error instanceof Error ? error.message : String(error) };
  }
}

export interface PreparedPlugin extends DecodedPluginConfig {
  /** Present when the config decoded and the plugin was asked. */
  readonly reply?: PrepareReply;
}

/** A builder: decoded, then prepared when it decoded. */
export async function preparePlugin(
  component: PluginComponent,
  body: HclBody,
  ctx: EvalContext,
  variables: PluginVariables,
): Promise<PreparedPlugin> {
  const decoded = decodePluginConfig(component, body, ctx, variables);
  if (!decoded.config) return decoded;
  return { ...decoded, reply: await callPrepare(component, decoded.config) };
}

/** warningErrorsToDiags: each warning, then the error's whole text as the summary, on the block. */
export function pluginPrepareDiagnostics(reply: PrepareReply, defRange: Range): Diagnostic[] {
  const diags: Diagnostic[] = reply.warnings.map((w) => ({ severity: 'warning', summary: w, subject: defRange }));
  if (reply.error !== undefined) diags.push({ severity: 'error', summary: reply.error, subject: defRange });
  return diags;
}

/** The override as the map[string]interface{} Packer passes (objects as plain records for the wire). */
function plainObject(value: JsonValue): Record<string, unknown> | undefined {
  const plain = (v: JsonValue): unknown => {
    if (Array.isArray(v)) return v.map(plain);
    if (isJsonObject(v)) return Object.fromEntries([...v].map(([k, e]) => [k, plain(e)]));
    return v;
  };
  return isJsonObject(value) ? (plain(value) as Record<string, unknown>) : undefined;
}
