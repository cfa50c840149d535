import { z } from 'zod';
import { objectSpec, type ObjectSpec } from './object-spec.js';
import type { PrepareResult } from './prepare.js';

/*
 * A component (builder, provisioner, post-processor, data source) declared once
 * as a zod object with Packer's field names. Decoding, JSON Schema and the docs
 * table are all derived from `schema`; `prepare` holds the plugin's Prepare
 * checks that look at several fields together.
 */

export type ComponentKind = 'builder' | 'provisioner' | 'post-processor' | 'data';

/**
 * How the plugin's Prepare asks config.Decode to interpolate (DecodeOpts.Interpolate
 * and InterpolateFilter.Exclude): excluded keys are only checked for syntax and
 * rendered later, at run time, with build data. `false`: no interpolation.
 */
export type InterpolateOptions =
  | false
  | {
      /** Top-level keys not rendered at prepare time (compared case-insensitively). */
      readonly exclude: readonly string[];
      /** Text the plugin puts before a config.Decode error (shell-local's "Error decoding config: "). */
      readonly decodeErrorPrefix?: string;
    };

export interface ComponentSpec<T> {
  readonly kind: ComponentKind;
  /** The type label of the block, e.g. "docker" in `source "docker" "x"`. */
  readonly type: string;
  readonly schema: z.ZodType<T>;
  readonly object: ObjectSpec;
  readonly interpolate: InterpolateOptions;
  /**
   * A builder's generated-variable names (the first value its Prepare returns),
   * valid as build.* in provisioners and post-processors besides
   * packer.BuilderDataCommonKeys.
   */
  readonly generatedData?: readonly string[];
  /** Declared as a method so that a spec of any config type fits ComponentSpec<unknown>. */
  prepare(config: T): PrepareResult;
}

export interface ComponentDefinition<S extends z.ZodRawShape> {
  readonly kind: ComponentKind;
  readonly type: string;
  readonly fields: S;
  /** Defaults to rendering every key. */
  readonly interpolate?: InterpolateOptions;
  readonly generatedData?: readonly string[];
  readonly prepare?: (config: z.output<z.ZodObject<S>>) => PrepareResult;
}

/** What the plugin puts before a config.Decode error ('' for most). */
export function decodeErrorPrefix(spec: ComponentSpec<unknown>): string {
  return spec.interpolate === false ? '' : (spec.interpolate.decodeErrorPrefix ?? '');
}

const NoChecks = (): PrepareResult => ({ errors: [], warnings: [] });

export function defineComponent<S extends z.ZodRawShape>(
  definition: ComponentDefinition<S>,
): ComponentSpec<z.output<z.ZodObject<S>>> {
  const schema = z.object(definition.fields);
  const check = definition.prepare ?? NoChecks;
  return {
    kind: definition.kind,
    type: definition.type,
    schema,
    object: objectSpec(schema),
    interpolate: definition.interpolate ?? { exclude: [] },
    ...(definition.generatedData ? { generatedData: definition.generatedData } : {}),
    prepare: (config) => check(config),
  };
}
