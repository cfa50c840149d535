import { basename } from 'node:path';
import type { SpecEncoding } from '../spec/protocol.js';
import type { PluginCommand } from './plugin-process.js';

/*
 * How a component's binary is run: an older single-component binary
 * (packer-builder-NAME, packer-provisioner-NAME ...) as is; a multi-component
 * packer-plugin-NAME with `start KIND [--protobuf] NAME`, the flag where
 * Packer puts it (packer/plugin.go; the SDK's plugin/set.go takes it anywhere).
 * With the flag, the plugin sends its specs as protobuf and data-source
 * results as cty msgpack; without it, both as gob.
 */

export type ComponentKind = 'builder' | 'provisioner' | 'post-processor' | 'datasource';

/** The component a multi-component plugin serves under its own name (`source "NAME"` for packer-plugin-NAME). */
export const DEFAULT_COMPONENT_NAME = '-packer-default-plugin-name-';

const PROTOBUF_FLAG = '--protobuf';

export interface ComponentSelector {
  readonly kind: ComponentKind;
  readonly name: string;
  /** Start it with --protobuf (see chooseSpecEncoding); gob when absent. */
  readonly protobuf?: boolean;
}

export function pluginCommand(binaryPath: string, component?: ComponentSelector): PluginCommand {
  const binary = basename(binaryPath);
  if (component === undefined) return { path: binaryPath, args: [], name: binary };
  const { kind, name } = component;
  return {
    path: binaryPath,
    args: component.protobuf === true ? ['start', kind, PROTOBUF_FLAG, name] : ['start', kind, name],
    name: `${binary} ${kind} ${name}`,
  };
}

/** The encoding a started component speaks: protobuf exactly when its command carries the flag. */
export function specEncodingOf(command: PluginCommand): SpecEncoding {
  return command.args.includes(PROTOBUF_FLAG) ? 'protobuf' : 'gob';
}
