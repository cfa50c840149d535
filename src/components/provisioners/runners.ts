import type { Provision } from '../runtime.js';
import type { BreakpointConfig } from './breakpoint/schema.js';
import type { FileConfig } from './file/schema.js';
import type { ShellConfig } from './shell/schema.js';
import type { ShellLocalConfig } from './shell-local/schema.js';
import type { SleepConfig } from './sleep/schema.js';

/*
 * The provisioners Kiln runs natively; each config was decoded by that type's
 * schema. Each is imported when a build uses it, as the builders are
 * (builders/runners.ts): start-up is part of every build's wall time.
 */
const loaders: ReadonlyMap<string, () => Promise<Provision>> = new Map<string, () => Promise<Provision>>([
  [
    'breakpoint',
    async () => {
      const { provisionBreakpoint } = await import('./breakpoint/provisioner.js');
      return (config, context) => provisionBreakpoint(config as BreakpointConfig, context);
    },
  ],
  [
    'file',
    async () => {
      const { provisionFile } = await import('./file/provisioner.js');
      return (config, context) => provisionFile(config as FileConfig, context);
    },
  ],
  [
    'shell',
    async () => {
      const { provisionShell } = await import('./shell/provisioner.js');
      return (config, context) => provisionShell(config as ShellConfig, context);
    },
  ],
  [
    'shell-local',
    async () => {
      const { provisionShellLocal } = await import('./shell-local/provisioner.js');
      return (config, context) => provisionShellLocal(config as ShellLocalConfig, context);
    },
  ],
  [
    'sleep',
    async () => {
      const { provisionSleep } = await import('./sleep/provisioner.js');
      return (config, context) => provisionSleep(config as SleepConfig, context);
    },
  ],
]);

export function provisionerRunner(type: string): Provision | undefined {
  const load = loaders.get(type);
  return load && (async (config, context) => (await load())(config, context));
}

/**
 * Starts loading a provisioner's module so that it is ready when the build
 * reaches it (while the builder waits on its machine). A failure to load is
 * reported by the run, which loads it again.
 */
export function preloadProvisioner(type: string): void {
  loaders
    .get(type)?.()
    .catch(() => undefined);
}
