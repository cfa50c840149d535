import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/core/events.js';
import { escapeMachineArg, machineReadableSink } from '../../../src/core/ui/machine-readable.js';

describe('machine-readable sink', () => {
  it.each([
    ['a,b', 'a%!(PACKER_COMMA)b'],
    ['line1\nline2\r\n', 'line1\\nline2\\r\\n'],
    ['plain', 'plain'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMachineArg(input)).toBe(expected);
  });

  it('writes ui lines, error and artifact records as Packer does', () => {
    const out: string[] = [];
    const bus = new EventBus();
    bus.subscribe(machineReadableSink({ write: (t) => out.push(t), now: () => new Date(1_700_000_000_999) }));
    bus.emit({ type: 'ui', level: 'say', text: 'Creating, then\nwaiting', build: 'docker.x' });
    bus.emit({ type: 'ui', level: 'message', text: 'out', build: 'docker.x' });
    bus.emit({ type: 'ui', level: 'error', text: '\n==> Some builds failed' });
    bus.emit({ type: 'error-count', count: 1 });
    bus.emit({ type: 'error', build: 'null.b', message: 'bad, very' });
    bus.emit({ type: 'artifact-count', build: 'docker.x', count: 2 });
    bus.emit({
      type: 'artifact',
      build: 'docker.x',
      index: 0,
      artifact: { builderId: 'packer.docker', id: 'sha256:1', files: ['a.tar'], description: 'Image, sha256:1' },
    });
    bus.emit({ type: 'artifact', build: 'docker.x', index: 1, artifact: null });
    bus.emit({ type: 'step-started', build: 'docker.x', step: 'ignored' });
    expect(out.join('')).toBe(
      [
        '1700000000,,ui,say,==> docker.x: Creating%!(PACKER_COMMA) then\\n==> docker.x: waiting',
        '1700000000,,ui,message,    docker.x: out',
        '1700000000,,ui,error,\\n==> Some builds failed',
        '1700000000,,error-count,1',
        '1700000000,null.b,error,bad%!(PACKER_COMMA) very',
        '1700000000,docker.x,artifact-count,2',
        '1700000000,docker.x,artifact,0,builder-id,packer.docker',
        '1700000000,docker.x,artifact,0,id,sha256:1',
        '1700000000,docker.x,artifact,0,string,Image%!(PACKER_COMMA) sha256:1',
        '1700000000,docker.x,artifact,0,files-count,1',
        '1700000000,docker.x,artifact,0,file,0,a.tar',
        '1700000000,docker.x,artifact,0,end',
        '1700000000,docker.x,artifact,1,nil',
        '1700000000,docker.x,artifact,1,end',
        '',
      ].join('\n'),
    );
  });
});
