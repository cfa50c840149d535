import { randomBytes } from 'node:crypto';
import type { BuildUi, Prompt } from '../../../core/events.js';
import type { RpcHandler, RpcResolver } from '../rpc/server.js';
import { asText } from '../wire.js';

/*
 * Kiln's build UI served to a plugin as Packer's "Ui" service (sdk rpc/ui.go,
 * ui_progress_tracking.go). Progress bars are accepted and not drawn, as with
 * Packer's machine-readable UI.
 */

export interface UiTarget {
  readonly ui: BuildUi;
  readonly signal: AbortSignal;
  readonly prompt?: Prompt;
  /** Debug-log lines (Ui.Machine records). */
  readonly log?: (line: string) => void;
}

export function uiService(target: UiTarget): RpcResolver {
  const trackers = new Set<string>();
  const methods = new Map<string, RpcHandler>([
    ['Ui.Say', (text) => void target.ui.say(asText(text))],
    ['Ui.Message', (text) => void target.ui.message(asText(text))],
    ['Ui.Error', (text) => void target.ui.error(asText(text))],
    ['Ui.Ask', (query) => ask(target, asText(query))],
    ['Ui.Machine', (args) => void target.log?.(`plugin machine-readable: ${JSON.stringify(args)}`)],
    [
      'Ui.NewTrackProgress',
      (params) => {
        const src = params instanceof Object && 'Src' in params ? asText(params.Src) : '';
        const id = `${src}${randomBytes(3).toString('hex')}`;
        trackers.add(id);
        return id;
      },
    ],
  ]);
  return (serviceMethod) => {
    const known = methods.get(serviceMethod);
    if (known !== undefined) return known;
    // Ui<tracking id>.Add / .Close: the progress of a transfer.
    const dot = serviceMethod.lastIndexOf('.');
    const service = serviceMethod.slice(0, dot);
    if (!service.startsWith('Ui') || !trackers.has(service.slice(2))) return undefined;
    if (serviceMethod.endsWith('.Close')) return () => void trackers.delete(service.slice(2));
    return () => null;
  };
}

async function ask(target: UiTarget, query: string): Promise<string> {
  const answer = target.prompt === undefined ? undefined : await target.prompt(query, target.signal);
  // As Packer's BasicUi without a terminal; the plugin takes its default.
  if (answer === undefined) throw new Error('no available tty');
  return answer;
}
