import { basename } from 'node:path';
import type { PluginCommand } from './plugin-process.js';

/*
 * How a component's binary is run: an older single-component binary
 * (packer-builder-NAME, packer-provisioner-NAME ...) as is; a multi-component
 * packer-plugin-NAME with `start KIND NAME` (sdk plugin/set.go). Specs travel
 * as gob: `--protobuf` is not passed.
 */

export type ComponentKind = 'builder' | 'provisioner' | 'post-processor' | 'datasource';

/** The component a multi-component plugin serves under its own name (`source "NAME"` for packer-plugin-NAME). */
export const DEFAULT_COMPONENT_NAME = '-packer-default-plugin-name-';

export function pluginCommand(binaryPath: string, component?: { kind: ComponentKind; name: string }): PluginCommand {
  const binary = basename(binaryPath);
  if (component === undefined) return { path: binaryPath, args: [], name: binary };
  return {
    path: binaryPath,
    args: ['start', component.kind, component.name],
    name: `${binary} ${component.kind} ${component.name}`,
  };
}
