import type { JsonObject, JsonValue } from './go-json.js';

/*
 * A parsed legacy JSON template: the SDK's template.Template. Component configs
 * stay raw JSON objects (special keys removed); they are interpolated and decoded
 * when a build is prepared, as Packer does.
 */

export interface OnlyExcept {
  readonly only: readonly string[];
  readonly except: readonly string[];
}

export interface LegacyVariable {
  readonly key: string;
  /** The default as a string ("" when required). */
  readonly default: string;
  /** Declared as `null`: a value must be given with -var or -var-file. */
  readonly required: boolean;
}

export interface LegacyBuilder {
  /** `name`, defaulting to `type`; may hold templates (`{{user "x"}}`), rendered per build. */
  readonly name: string;
  readonly type: string;
  readonly config: JsonObject;
}

export interface LegacyProvisioner extends OnlyExcept {
  readonly type: string;
  readonly config: JsonObject;
  /** Config overrides keyed by builder name. */
  readonly override?: JsonObject;
  readonly pauseBeforeMs: number;
  /** Interpolated when the build is created, then parsed as an integer. */
  readonly maxRetries: string;
  readonly timeoutMs: number;
}

export interface LegacyPostProcessor extends OnlyExcept {
  readonly name: string;
  readonly type: string;
  readonly keepInputArtifact?: boolean;
  readonly config: JsonObject;
}

export interface LegacyTemplate {
  /** Absolute path of the template file. */
  readonly path: string;
  readonly description: string;
  readonly minVersion: string;
  readonly comments: ReadonlyMap<string, string>;
  /** In document order. */
  readonly variables: ReadonlyMap<string, LegacyVariable>;
  readonly sensitiveVariables: readonly string[];
  /** Keyed by (uninterpolated) name, in document order. */
  readonly builders: ReadonlyMap<string, LegacyBuilder>;
  readonly provisioners: readonly LegacyProvisioner[];
  readonly cleanupProvisioner?: LegacyProvisioner;
  /** Each entry is a chain: the artifact of one feeds the next. */
  readonly postProcessors: readonly (readonly LegacyPostProcessor[])[];
}

export type { JsonObject, JsonValue };
