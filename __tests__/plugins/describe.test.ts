import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePlugin } from '../../src/plugins/describe.js';
import { chooseSpecEncoding } from '../../src/plugins/spec/protocol.js';

/* `describe` run on real executables printing what SDK versions print. */

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiln-describe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function plugin(name: string, output: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n[ "$1" = describe ] || exit 2\nprintf '%s' '${output}'\n`);
  await chmod(path, 0o755);
  return path;
}

describe('describePlugin', () => {
  it('keeps protocol_version (SDK >= 0.6)', async () => {
    const path = await plugin(
      'packer-plugin-modern',
      '{"version":"1.2.3","sdk_version":"0.6.1","api_version":"x5.0","builders":["-packer-default-plugin-name-"],"post_processors":[],"provisioners":[],"datasources":["ami"],"protocol_version":"v2"}',
    );
    expect(await describePlugin(path)).toEqual({
      version: '1.2.3',
      sdk_version: '0.6.1',
      api_version: 'x5.0',
      builders: ['-packer-default-plugin-name-'],
      post_processors: [],
      provisioners: [],
      datasources: ['ami'],
      protocol_version: 'v2',
    });
  });

  it('has none for an older SDK, which then forces gob', async () => {
    const modern = await describePlugin(
      await plugin('packer-plugin-a', '{"version":"1.0.0","api_version":"x5.0","protocol_version":"v2"}'),
    );
    const older = await describePlugin(
      await plugin(
        'packer-plugin-b',
        '{"version":"0.3.0","sdk_version":"0.2.9","api_version":"x5.0","builders":["x"]}',
      ),
    );
    expect(older.protocol_version).toBeUndefined();
    expect(chooseSpecEncoding([modern], {})).toBe('protobuf');
    expect(chooseSpecEncoding([modern, older], {})).toBe('gob');
  });
});
