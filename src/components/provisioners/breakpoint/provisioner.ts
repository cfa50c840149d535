import type { ProvisionContext } from '../../runtime.js';
import type { BreakpointConfig } from './schema.js';

/*
 * provisioner/breakpoint: says where it pauses and waits for enter. Without a
 * TTY the question fails and so does the build, with Packer's
 * "Error asking for input: no available tty".
 */

export async function provisionBreakpoint(config: BreakpointConfig, context: ProvisionContext): Promise<void> {
  const { ui } = context;
  const note = config.note ?? '';
  if (config.disable) {
    ui.say(
      note
        ? `Breakpoint provisioner with note "${note}" disabled; continuing...`
        : 'Breakpoint provisioner disabled; continuing...',
    );
    return;
  }
  ui.say(note ? `Pausing at breakpoint provisioner with note "${note}".` : 'Pausing at breakpoint provisioner.');
  try {
    await context.prompt('Press enter to continue.', context.signal);
  } catch (thrown) {
    throw new Error(`Error asking for input: ${thrown instanceof Error ? thrown.message : String(thrown)}`, {
      cause: thrown,
    });
  }
}
