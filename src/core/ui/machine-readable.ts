/*
 * The -machine-readable sink (packer/ui.go MachineReadableUi): one record a line,
 * `<unix time>,<target>,<type>,<args>` with `,` as %!(PACKER_COMMA) and CR/LF as
 * literal \r and \n. UI lines keep their TargetedUI prefix under an empty target.
 */
import type { Artifact, EngineEvent, Listener } from '../events.js';
import { targetLines } from './targeted.js';

export interface MachineReadableOptions {
  readonly write: (text: string) => void;
  readonly now?: () => Date;
}

export function escapeMachineArg(arg: string): string {
  return arg.replaceAll(',', '%!(PACKER_COMMA)').replaceAll('\r', '\\r').replaceAll('\n', '\\n');
}

export function machineReadableSink(options: MachineReadableOptions): Listener {
  const record = (target: string, type: string, ...args: string[]) => {
    const seconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
    options.write(`${seconds},${target},${type},${args.map(escapeMachineArg).join(',')}\n`);
  };
  return (event: EngineEvent) => {
    switch (event.type) {
      case 'ui':
        record(
          '',
          'ui',
          event.level,
          event.build === undefined || event.untargeted
            ? event.text
            : targetLines(event.build, event.text, event.level),
        );
        return;
      case 'error-count':
        record('', 'error-count', String(event.count));
        return;
      case 'error':
        record(event.build, 'error', event.message);
        return;
      case 'artifact-count':
        record(event.build, 'artifact-count', String(event.count));
        return;
      case 'artifact':
        for (const args of artifactRecords(event.index, event.artifact)) record(event.build, 'artifact', ...args);
        return;
    }
  };
}

/** The `artifact,<i>,...` records command/build.go writes for one artifact. */
function artifactRecords(index: number, artifact: Artifact | null): string[][] {
  const i = String(index);
  if (artifact === null)
    return [
      [i, 'nil'],
      [i, 'end'],
    ];
  return [
    [i, 'builder-id', artifact.builderId],
    [i, 'id', artifact.id],
    [i, 'string', artifact.description],
    [i, 'files-count', String(artifact.files.length)],
    ...artifact.files.map((file, fi) => [i, 'file', String(fi), file]),
    [i, 'end'],
  ];
}
