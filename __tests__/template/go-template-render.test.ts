import { expect, test } from 'vitest';
import { initializeConfig, parseTemplate, type LoadOptions } from '../../src/template/config.js';
import { planBuilds } from '../../src/template/plan.js';

/*
 * Go templates in HCL2 provisioner, post-processor and data source configs are
 * rendered before Prepare. Expected plugin errors are `packer validate` 1.6.6's
 * on the same fixtures; 1.6.6 has no data sources, so those follow
 * config.Decode(..., nil, ...) as the current SDK does it.
 */

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

test.each([
  [
    'go-template-provisioner.pkr.hcl',
    'Failed preparing provisioner-block "shell-local" ""',
    'Error decoding config: invalid \'inline\': template: root:1: function "bad" not defined in:\n\necho {{ bad',
  ],
  [
    'go-template-file.pkr.hcl',
    'Failed preparing provisioner-block "file" ""',
    'invalid \'source\': template: root:1: unexpected "}" in operand in:\n\n{{ user `x` }',
  ],
  [
    'go-template-post-processor.pkr.hcl',
    'Failed preparing post-processor-block "manifest" ""',
    'invalid \'output\': template: root:1: function "bad" not defined in:\n\n{{ bad',
  ],
  [
    // Prepared with builderVariables only: the data is an empty map, not placeholders.
    'go-template-build-host.pkr.hcl',
    'Failed preparing provisioner-block "shell-local" ""',
    'Error decoding config: render \'inline\': template: root:1:8: executing "root" at <build "Host">: ' +
      'error calling build: loaded data, but couldnt find Host in it. in:\n\necho {{ build "Host" }}',
  ],
])('%s fails Prepare with Packer text', async (path, summary, detail) => {
  const { builds, diags } = await plan(path);
  expect(builds).toEqual([]);
  expect(diags.map((d) => [d.severity, d.summary, d.detail, d.subject?.start.line])).toEqual([
    ['error', summary, detail, 8],
  ]);
});

test('provisioner and post-processor strings are rendered with the source name and type; excluded keys keep their text', async () => {
  const { builds, diags } = await plan('go-template-rendered.pkr.hcl');
  expect(diags).toEqual([]);
  expect(builds).toHaveLength(1);
  const [build] = builds;
  expect(build!.provisioners.map((p) => p.config)).toEqual([
    expect.objectContaining({
      inline: ['echo a null X'],
      // shell-local renders execute_command at run time, with the build's data.
      execute_command: ['sh', '-c', '{{.Vars}} {{ build `Host` }}'],
    }),
  ]);
  expect(build!.postProcessors.map((chain) => chain.map((p) => p.config))).toEqual([
    [expect.objectContaining({ output: 'a.json' })],
  ]);
});

test('a data source renders every string in an empty context before it is configured', async () => {
  const { config, diags } = parseTemplate(options('go-template-datasource.pkr.hcl'));
  expect(diags).toEqual([]);
  const init = await initializeConfig(config!, { executeDatasources: false });
  expect(init.map((d) => [d.severity, d.summary, d.detail, d.subject?.start.line])).toEqual([
    ['error', 'invalid \'input\': template: root:1: function "bad" not defined in:\n\n{{ bad', undefined, 1],
  ]);
});

test('a data source with valid templates executes with the rendered text', async () => {
  const { config, diags } = parseTemplate(options('go-template-datasource-rendered.pkr.hcl'));
  expect(diags).toEqual([]);
  expect(await initializeConfig(config!, { executeDatasources: true })).toEqual([]);
  const output = config!.values.data.get('null.x')?.value.attr('output')?.asString();
  expect(output).toMatch(/^V-\d{10}$/);
});
