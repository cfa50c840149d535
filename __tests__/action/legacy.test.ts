import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPlugin } from '../plugins/bridge/support.js';
import { bundleAction, runAction, tempTree, type ActionBundle, type ActionRun } from './support/run-action.js';

/*
 * command build and plan with a legacy JSON template, run as the runner runs
 * them: the builds planned as `kiln build` plans them (only/except, variables,
 * sensitive-variables masked), run through the same run as HCL2 builds
 * (outputs, the run's manifest, the job summary), problems annotated on the
 * template, and the plan's matrix named as `only` selects legacy builds.
 */

const SECRET = 'canary-legacy-51d2';

const template = {
  variables: { token: '', greeting: 'hello' },
  'sensitive-variables': ['token'],
  builders: [
    { type: 'null', communicator: 'none' },
    { type: 'file', name: 'doc', content: '{{user `greeting`}} file', target: 'out/doc.txt' },
  ],
  provisioners: [{ type: 'shell-local', inline: ['echo token={{user `token`}} for {{build_name}}'] }],
  'post-processors': [{ type: 'manifest', output: 'pp-manifest.json', strip_time: true, only: ['null'] }],
};

let bundle: ActionBundle;
beforeAll(() => {
  bundle = bundleAction();
});
afterAll(() => bundle.dispose());

/** Durations, temp script names and the run's id vary between runs. */
function stable(text: string, run: ActionRun): string {
  let out = text
    .replace(
      /\d+ (?:(?:minute|second|millisecond|microsecond)s?)(?: \d+ (?:second|millisecond|microsecond)s?)?/g,
      '<d>',
    )
    .replace(/packer-shell\d+/g, 'packer-shell<n>');
  if (run.state['run-id']) out = out.replaceAll(run.state['run-id'], '<uuid>');
  return out.replaceAll(run.runnerTemp, '<temp>');
}

function workspace(files: Record<string, unknown>): string {
  return tempTree(
    Object.fromEntries(
      Object.entries(files).map(([name, t]) => [name, typeof t === 'string' ? t : JSON.stringify(t, null, 2)]),
    ),
  );
}

describe('the action, command build, with a legacy JSON template', () => {
  it('runs the builds as HCL2 ones: log groups, outputs, manifest, summary, the sensitive variable masked', () => {
    const ws = workspace({ 't.json': template });
    const r = runAction(
      bundle,
      { command: 'build', template: 't.json', variables: `token=${SECRET}`, 'parallel-builds': '1' },
      { workspace: ws },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // Builds in Packer's order (sorted by name), named as current Packer shows legacy builds.
    expect(stable(r.stdout, r)).toBe(
      [
        `::add-mask::${SECRET}`,
        '::debug::Kiln cache: the template requires no plugins and no downloads; nothing to cache',
        "::group::Build 'file.doc'",
        '==> file.doc: Running local shell script: /tmp/packer-shell<n>',
        '==> file.doc: token=<sensitive> for doc',
        "Build 'file.doc' finished after <d>.",
        '::endgroup::',
        "::group::Build 'null'",
        '==> null: Running local shell script: /tmp/packer-shell<n>',
        '==> null: token=<sensitive> for null',
        '==> null: Running post-processor: manifest',
        "Build 'null' finished after <d>.",
        '::endgroup::',
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> file.doc: Stored file: out/doc.txt',
        '--> null: Did not export anything. This is the null builder',
        '--> null: Did not export anything. This is the null builder',
        '::notice::Kiln did not upload the artifact kiln: ACTIONS_RUNTIME_TOKEN is not set (a local run?).',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(ws, 'out/doc.txt'), 'utf8')).toBe('hello file');

    const uuid = r.state['run-id'] ?? '';
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const entry = (name: string, type: string, id: string, files: unknown) => ({
      name,
      builder_type: type,
      build_time: '<t>',
      files,
      artifact_id: id,
      packer_run_uuid: uuid,
      custom_data: null,
    });
    // The builder's name, as Packer's manifest names legacy builds; the manifest post-processor's artifact too.
    const entries = [
      entry('doc', 'file', 'File', [{ name: 'out/doc.txt', size: 10 }]),
      entry('null', 'null', 'Null', null),
      entry('null', 'null', 'Null', null),
    ];
    const withTime = (text: string) => text.replace(/("build_time": ?)\d+/g, '$1"<t>"');
    const manifestPath = join(r.runnerTemp, 'kiln', uuid, 'packer-manifest.json');
    expect(r.outputs).toEqual({
      'image-ids': '{"file.doc":"File","null":["Null","Null"]}',
      artifacts: expect.any(String),
      manifest: manifestPath,
    });
    expect(JSON.parse(withTime(r.outputs['artifacts'] ?? ''))).toEqual(entries);
    expect(withTime(readFileSync(manifestPath, 'utf8'))).toBe(
      JSON.stringify({ builds: entries, last_run_uuid: uuid }, null, 2),
    );
    // The template's own manifest post-processor ran with the run's uuid.
    const own = JSON.parse(readFileSync(join(ws, 'pp-manifest.json'), 'utf8')) as { last_run_uuid: string };
    expect(own.last_run_uuid).toBe(uuid);

    expect(stable(r.summary, r)).toBe(
      [
        '<h2>Kiln build</h2>',
        '<table><tr><th>Build</th><th>Builder</th><th>Status</th><th>Artifact IDs</th><th>Duration</th></tr>' +
          '<tr><td><code>file.doc</code></td><td>file</td><td>succeeded</td><td><code>File</code></td><td><d></td></tr>' +
          '<tr><td><code>null</code></td><td>null</td><td>succeeded</td><td><code>Null</code><br><code>Null</code></td><td><d></td></tr></table>',
        '<h3>Steps</h3>',
        '<table><tr><th>Build</th><th>Step</th><th>Result</th><th>Duration</th></tr>' +
          '<tr><td><code>null</code></td><td><code>StepConnect</code></td><td>continue</td><td><d></td></tr>' +
          '<tr><td><code>null</code></td><td><code>StepProvision</code></td><td>continue</td><td><d></td></tr></table>',
        '',
      ].join('\n'),
    );
    for (const text of [r.stdout.replace(`::add-mask::${SECRET}\n`, ''), r.outputFile, r.summary]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('selects builds with only, and fails the step when none is selected', () => {
    const ws = workspace({ 't.json': template });
    const r = runAction(bundle, { command: 'build', template: 't.json', only: 'doc' }, { workspace: ws });
    expect(r.status).toBe(0);
    expect(r.outputs['image-ids']).toBe('{"file.doc":"File"}');
    expect(r.outputs['image-id']).toBe('File');

    const none = runAction(bundle, { command: 'build', template: 't.json', only: 'file.doc' }, { workspace: ws });
    expect(none.status).toBe(1);
    expect(none.stdout).toContain(
      '::error title=No builds to run::A build command cannot run without at least one build to process. ' +
        'If the only or except inputs are set, check that at least one build is selected for execution.\n',
    );
    expect(none.state).toEqual({});
  });

  it('annotates a build that fails to prepare on its builder, runs the others, and fails the step', () => {
    const text = [
      '{',
      '  "variables": {"token": ""},',
      '  "sensitive-variables": ["token"],',
      '  "builders": [',
      '    {"type": "null", "communicator": "none"},',
      '    {',
      '      "type": "null",',
      '      "name": "bad",',
      '      "ssh_host": "h",',
      '      "ssh_username": "u",',
      '      "ssh_private_key_file": "/nope/{{user `token`}}"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const ws = workspace({ 'packer/t.json': text });
    const r = runAction(
      bundle,
      { command: 'build', 'working-directory': 'packer', template: 't.json', variables: `token=${SECRET}` },
      { workspace: ws },
    );
    expect(r.status).toBe(1);
    const lines = stable(r.stdout, r).split('\n');
    expect(lines.slice(0, 10)).toEqual([
      `::add-mask::${SECRET}`,
      // Printed as Packer prints it, without source lines.
      'Error: Failed to prepare build: "bad"',
      '',
      '1 error(s) occurred:',
      '',
      // Wrapped with the value, then masked, as Packer's LogSecretFilter does.
      '* ssh_private_key_file is invalid: stat /nope/<sensitive>: no such file',
      'or directory',
      '',
      '',
      '::error title=Failed to prepare build%3A "bad",file=packer/t.json,line=6,endLine=6,col=5,endColumn=6::1 error(s) occurred:%0A%0A* ssh_private_key_file is invalid: stat /nope/<sensitive>: no such file or directory',
    ]);
    expect(lines).toContain("Build 'null' finished after <d>.");
    expect(lines.at(-2)).toBe('::error::Some builds failed to prepare; see the annotations.');
    expect(r.outputs['image-ids']).toBe('{"null":"Null"}');
  });

  it('annotates a syntax error where it is', () => {
    const ws = workspace({ 't.json': '{\n  "builders": [\n    {"type": "null",}\n  ]\n}\n' });
    const r = runAction(bundle, { command: 'build', template: 't.json' }, { workspace: ws });
    expect(r.status).toBe(1);
    // Printed as Packer prints it; annotated at the stray comma.
    expect(r.stdout).toContain(
      "Original error: Error parsing JSON: invalid character '}' looking for beginning of object key string\n",
    );
    expect(r.stdout).toMatch(
      /^::error file=t\.json,line=3,endLine=3,col=20,endColumn=21::Failed to parse file as legacy JSON template: if you are using an HCL template, .*%0AOriginal error: Error parsing JSON: invalid character '}' looking for beginning of object key string%0A/m,
    );
    expect(r.stdout).toContain('::error::The template has errors; see the annotations.\n');
    expect(r.state).toEqual({});
  });
});

describe("the action's force and on-error reach a legacy template's components", () => {
  it('force: qemu accepts an existing output directory (refused in Prepare otherwise)', () => {
    const qemu = {
      type: 'qemu',
      iso_url: 'boot.iso',
      iso_checksum: 'none',
      communicator: 'none',
      output_directory: 'out',
    };
    const ws = workspace({ 't.json': { builders: [qemu] }, 'boot.iso': 'iso', 'out/keep': '' });
    const refused = runAction(bundle, { command: 'build', template: 't.json' }, { workspace: ws });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      '::error title=Failed to prepare build%3A "qemu",file=t.json,line=3,endLine=3,col=5,endColumn=6::1 error(s) occurred:%0A%0A* Output directory \'out\' already exists. It must not exist.\n',
    );
    const forced = runAction(bundle, { command: 'build', template: 't.json', force: 'true' }, { workspace: ws });
    expect(forced.stdout).not.toContain('Output directory');
    // Prepared (with its warning); Kiln runs qemu only through a plugin, and none is installed.
    expect(forced.stdout.split('\n')[0]).toBe('Warning: Warning when preparing build: "qemu"');
    expect(forced.stdout).toContain('::error::Unknown source type qemu\n');
    expect(forced.status).toBe(1);
  });

  it("on-error: abort reaches Packer 1.6.6's null builder run as a plugin", async () => {
    const plugins = tempTree({});
    await installedPlugin(plugins, 'packer-builder-null');
    const ws = workspace({
      't.json': {
        builders: [
          {
            type: 'null',
            ssh_host: '127.0.0.79',
            ssh_port: 1,
            ssh_username: 'u',
            ssh_password: 'p',
            ssh_timeout: '1s',
          },
        ],
      },
    });
    const env = { PACKER_PLUGIN_PATH: plugins, KILN_PREFER_PLUGINS: '1' };
    const r = runAction(bundle, { command: 'build', template: 't.json', 'on-error': 'abort' }, { workspace: ws, env });
    expect(r.status).toBe(1);
    expect(stable(r.stdout, r)).toContain(
      [
        "::group::Build 'null'",
        '==> null: Using ssh communicator to connect: 127.0.0.79',
        '==> null: Waiting for SSH to become available...',
        '==> null: Timeout waiting for SSH.',
        '==> null: Timeout waiting for SSH.',
        '==> null: Step "StepConnect" failed, aborting...',
        "Build 'null' errored after <d>: Timeout waiting for SSH.",
        '::endgroup::',
      ].join('\n'),
    );
    const cleanup = runAction(bundle, { command: 'build', template: 't.json' }, { workspace: ws, env });
    expect(cleanup.stdout).not.toContain('aborting');
  });
});

describe('the action, command plan, with a legacy JSON template', () => {
  it('outputs the builds as a matrix named as only selects them, filtered by only and except', () => {
    const ws = workspace({ 't.json': template });
    const all = runAction(bundle, { command: 'plan', template: 't.json' }, { workspace: ws });
    expect(all.status).toBe(0);
    expect(all.outputs).toEqual({ matrix: '{"include":[{"build":"doc"},{"build":"null"}]}' });
    expect(all.stdout).toBe('{"include":[{"build":"doc"},{"build":"null"}]}\n');
    const except = runAction(bundle, { command: 'plan', template: 't.json', except: 'doc' }, { workspace: ws });
    expect(except.outputs).toEqual({ matrix: '{"include":[{"build":"null"}]}' });
    const none = runAction(bundle, { command: 'plan', template: 't.json', only: 'null.doc' }, { workspace: ws });
    expect(none.status).toBe(1);
    expect(none.outputs).toEqual({ matrix: '{"include":[]}' });
    expect(none.stdout).toContain('::error::No builds to run: the only and except inputs select none.\n');
  });

  it("annotates Core.Initialize's error at the start of the template, and takes variables", () => {
    const ws = workspace({
      'p/t.json': {
        variables: { region: null },
        builders: [{ type: 'null', name: '{{user `region`}}', communicator: 'none' }],
      },
    });
    const unset = runAction(bundle, { command: 'plan', template: 'p/t.json' }, { workspace: ws });
    expect(unset.status).toBe(1);
    expect(unset.outputs).toEqual({});
    expect(unset.stdout).toBe(
      [
        'Error: ',
        '',
        '1 error occurred:',
        '\t* required variable not set: region',
        '',
        '',
        '',
        '',
        '::error file=p/t.json,line=1,endLine=1,col=1,endColumn=1::1 error occurred:%0A\t* required variable not set: region%0A%0A',
        '::error::The template has errors; see the annotations.',
        '',
      ].join('\n'),
    );
    const set = runAction(bundle, { command: 'plan', template: 'p/t.json', variables: 'region=eu' }, { workspace: ws });
    expect(set.outputs).toEqual({ matrix: '{"include":[{"build":"eu"}]}' });
  });
});
