import type { Type } from '../../eval/types.js';

/*
 * A plugin component's configuration spec (hcldec.Spec) as it arrives from
 * ConfigSpec / OutputSpec, whichever encoding carried it (gob or protobuf):
 * the root is an object spec whose entries are keyed by the result key
 * (mapstructure name) of each field.
 */

export type PluginSpec =
  ObjectPluginSpec | AttrPluginSpec | BlockPluginSpec | BlockListPluginSpec | BlockAttrsPluginSpec;

/** hcldec.ObjectSpec: a result object whose properties come from the nested specs. */
export interface ObjectPluginSpec {
  readonly kind: 'object';
  readonly properties: ReadonlyMap<string, PluginSpec>;
}

/** hcldec.AttrSpec: the attribute `name`, converted to `type`. */
export interface AttrPluginSpec {
  readonly kind: 'attr';
  readonly name: string;
  readonly type: Type;
  readonly required: boolean;
}

/** hcldec.BlockSpec: at most one block of type `name`, decoded with `nested` (null when absent). */
export interface BlockPluginSpec {
  readonly kind: 'block';
  readonly name: string;
  readonly required: boolean;
  readonly nested: PluginSpec;
}

/** hcldec.BlockListSpec: zero or more blocks of type `name`, a list of `nested` results. */
export interface BlockListPluginSpec {
  readonly kind: 'block-list';
  readonly name: string;
  readonly nested: PluginSpec;
  /** 0 when not set. */
  readonly minItems: number;
  /** 0 when not set (no limit). */
  readonly maxItems: number;
}

/** hcldec.BlockAttrsSpec: one block of type `name` whose attributes form a map of `elementType`. */
export interface BlockAttrsPluginSpec {
  readonly kind: 'block-attrs';
  readonly name: string;
  readonly elementType: Type;
  readonly required: boolean;
}
