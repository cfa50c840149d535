import { expect, test } from 'vitest';
import { initializeConfig, parseTemplate, type LoadOptions } from '../../src/template/config.js';
import { planBuilds } from '../../src/template/plan.js';

/* Expected values are what `packer build` / `packer validate` 1.6.6 do with the same templates. */

const cwd = new URL('../fixtures/templates/validate-cases/', import.meta.url).pathname;

function options(path: string): LoadOptions {
  return { path, cwd, env: {}, vars: [], varFiles: [], warnOnUndeclaredVar: true };
}

async function plan(path: string) {
  const { config, diags } = parseTemplate(options(path));
  expect(diags).toEqual([]);
  expect(await initializeConfig(config!, { executeDatasources: false })).toEqual([]);
  return planBuilds(config!, { only: [], except: [] });
}

test('an override changes the config of the source it names only, as mapstructure merges it', async () => {
  const { builds, diags } = await plan('provisioner-override.pkr.hcl');
  expect(diags).toEqual([]);
  expect(builds.map((b) => [b.name, b.provisioners.map((p) => p.config)])).toEqual([
    ['null.a', [expect.objectContaining({ inline: ['echo one', 'echo two'], environment_vars: ['A=1'] })]],
    // A shorter list overwrites the first elements and keeps the rest.
    ['null.b', [expect.objectContaining({ inline: ['echo three', 'echo two'], environment_vars: ['A=1'] })]],
    // Keyed by the build-level name; a string for a list is split at commas.
    ['null.c', [expect.objectContaining({ inline: ['echo one', 'echo two'], environment_vars: ['B=2', 'C=3'] })]],
  ]);
});

test('an override that does not decode fails the provisioner with config.Decode error text', async () => {
  const { builds, diags } = await plan('provisioner-override-invalid.pkr.hcl');
  expect(builds).toEqual([]);
  expect(diags.map((d) => [d.severity, d.summary, d.detail, d.subject?.start.line])).toEqual([
    [
      'error',
      'Failed preparing provisioner-block "shell-local" ""',
      'Error decoding config: 1 error(s) decoding:\n\n' +
        '* cannot parse \'use_linux_pathing\' as bool: strconv.ParseBool: parsing "maybe": invalid syntax',
      8,
    ],
  ]);
});
