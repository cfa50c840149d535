import type { Provision } from '../runtime.js';
import { provisionBreakpoint } from './breakpoint/provisioner.js';
import type { BreakpointConfig } from './breakpoint/schema.js';
import { provisionFile } from './file/provisioner.js';
import type { FileConfig } from './file/schema.js';
import { provisionShell } from './shell/provisioner.js';
import type { ShellConfig } from './shell/schema.js';
import { provisionShellLocal } from './shell-local/provisioner.js';
import type { ShellLocalConfig } from './shell-local/schema.js';
import { provisionSleep } from './sleep/provisioner.js';
import type { SleepConfig } from './sleep/schema.js';

/* The provisioners Kiln runs natively; each config was decoded by that type's schema. */
const runners: ReadonlyMap<string, Provision> = new Map<string, Provision>([
  ['breakpoint', (config, context) => provisionBreakpoint(config as BreakpointConfig, context)],
  ['file', (config, context) => provisionFile(config as FileConfig, context)],
  ['shell', (config, context) => provisionShell(config as ShellConfig, context)],
  ['shell-local', (config, context) => provisionShellLocal(config as ShellLocalConfig, context)],
  ['sleep', (config, context) => provisionSleep(config as SleepConfig, context)],
]);

export function provisionerRunner(type: string): Provision | undefined {
  return runners.get(type);
}
