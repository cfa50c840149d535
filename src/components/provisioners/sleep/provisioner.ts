import { parseGoDuration } from '../../schema/go-duration.js';
import { abortableDelay } from '../../provision-hook.js';
import type { ProvisionContext } from '../../runtime.js';
import type { SleepConfig } from './schema.js';

/* provisioner/sleep: waits `duration`, or fails with "context canceled" when the build is cancelled. */

export async function provisionSleep(config: SleepConfig, context: ProvisionContext): Promise<void> {
  const parsed = parseGoDuration(config.duration ?? '0s');
  // The schema has already rejected what ParseDuration would; an unset duration is Go's zero.
  await abortableDelay(parsed.ok ? parsed.ms : 0, context.signal);
}
