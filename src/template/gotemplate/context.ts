import type { GoFunc } from './func-spec.js';

/** What a Go template is rendered with: Packer's interpolate.Context. */
export interface InterpolateContext {
  /** The template's dot, e.g. {Path, Vars} for execute_command or {HTTPIP, HTTPPort} for boot_command. */
  readonly data?: unknown;
  /** Values `user` reads. */
  readonly userVariables: Readonly<Record<string, string>>;
  readonly sensitiveVariables?: readonly string[];
  /** True only while rendering `variables`: enables env, consul_key, vault and aws_secretsmanager. */
  readonly enableEnv: boolean;
  readonly buildName?: string;
  readonly buildType?: string;
  /** Path of the template file, for template_dir. */
  readonly templatePath?: string;
  /** One instant per run, for isotime, strftime and timestamp. */
  readonly initTime: Date;
  readonly packerVersion: string;
  /** Builder-generated data `build` reads (Host, Port, ID ...); defaults to `data` when that is a map. */
  readonly generatedData?: Readonly<Record<string, string>>;
  /**
   * Functions plugins add, e.g. clean_resource_name. A plain function is called
   * as a Go func of `fn.length` string parameters returning a string.
   */
  readonly extraFuncs?: Readonly<Record<string, GoFunc | ((...args: string[]) => unknown)>>;
}
