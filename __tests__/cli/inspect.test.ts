import { describe, expect, test } from 'vitest';
import { runInspect } from '../../src/cli/inspect.js';
import { memoryIO } from '../support/cli.js';

const dir = new URL('../fixtures/templates/', import.meta.url).pathname;

async function inspect(args: string[], cwd = `${dir}validate-cases`) {
  const m = memoryIO({ cwd });
  const code = await runInspect(args, m.io);
  return { code, stdout: m.stdout() };
}

// Kiln marks components it knows but does not run natively yet; none of these runs yet.
describe('kiln inspect', () => {
  test('lists variables, locals (data sources executed) and builds', async () => {
    expect(await inspect(['datasource.pkr.hcl'])).toEqual({
      code: 0,
      stdout: `Packer Inspect: HCL2 mode

> input-variables:

var.who: "world"

> local-variables:

local.message: "HELLO WORLD"

> builds:

  > b:

    sources:

      null.x

    provisioners:

      shell-local

    post-processors:

      <no post-processor>

`,
    });
  });

  test('sensitive values, unnamed builds, named components and chains', async () => {
    expect(await inspect(['build.pkr.hcl'], `${dir}validate-basic`)).toEqual({
      code: 0,
      stdout: `Packer Inspect: HCL2 mode

> input-variables:

var.v: "<sensitive>"

> local-variables:

local.x: "<sensitive>"

> builds:

  > bn:

    sources:

      null.x

      null.x

    provisioners:

      shell-local

    post-processors:

      0:
        manifest

      1:
        checksum
        manifest.m2

`,
    });
  });

  test('parse errors end the command with status 1', async () => {
    const r = await inspect(['unsupported-block.pkr.hcl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Error: Unsupported block type');
  });
});
