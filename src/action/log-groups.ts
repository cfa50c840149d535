import type { EngineEvent, Listener } from '../core/events.js';
import { targetLines } from '../core/ui/targeted.js';

/*
 * The build log in collapsible groups, one per build, holding Packer's UI lines
 * ("==> file.a: ..."). When builds run one at a time the group opens at the
 * build's start and lines stream live. When several may run at once their
 * lines would interleave inside each other's groups, so each build's lines are
 * buffered and its group is written whole when the build finishes (the
 * "==> name:" prefix still tells the lines apart). Lines outside any build (the
 * closing summary) are written as they come.
 */

export interface GroupedLogOptions {
  readonly write: (text: string) => void;
  readonly startGroup: (name: string) => void;
  readonly endGroup: () => void;
  /** True when builds may overlap: buffer each build's lines. */
  readonly buffered: boolean;
}

export function groupedLog(options: GroupedLogOptions): Listener {
  const buffers = new Map<string, string[]>();
  const { write } = options;
  return (event: EngineEvent) => {
    switch (event.type) {
      case 'build-started':
        if (options.buffered) buffers.set(event.build, []);
        else options.startGroup(groupName(event.build));
        return;
      case 'build-finished': {
        const lines = buffers.get(event.build);
        if (!options.buffered) options.endGroup();
        else if (lines) {
          buffers.delete(event.build);
          options.startGroup(groupName(event.build));
          for (const line of lines) write(line);
          options.endGroup();
        }
        return;
      }
      case 'ui': {
        const line = `${event.build === undefined || event.untargeted ? event.text : targetLines(event.build, event.text, event.level)}\n`;
        const buffer = event.build === undefined ? undefined : buffers.get(event.build);
        if (buffer) buffer.push(line);
        else write(line);
        return;
      }
      default:
    }
  };
}

function groupName(build: string): string {
  return `Build '${build}'`;
}
