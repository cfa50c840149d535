import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runAction, tempTree, type ActionBundle, type ActionRun } from './support/run-action.js';

/*
 * command: build, run as the runner runs it, with the builders and the
 * provisioner that run natively (file, null, shell-local): outputs, the
 * manifest of the run, log groups, the job summary, and secret masking.
 */

const SECRET = 'canary-7f3a9c';

const template = `
variable "token" {
  type      = string
  sensitive = true
}
source "file" "a" {
  content = "built"
  target  = "out/a.txt"
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.file.a", "source.null.b"]
  provisioner "shell-local" {
    inline = ["echo token=\${var.token} for \${source.name}"]
  }
}
`;

let bundle: ActionBundle;
beforeAll(() => {
  bundle = bundleAction();
});
afterAll(() => bundle.dispose());

/** Durations, temp script names and the run's id vary between runs. */
function stable(text: string, run?: ActionRun): string {
  let out = text
    .replace(
      /\d+ (?:(?:minute|second|millisecond|microsecond)s?)(?: \d+ (?:second|millisecond|microsecond)s?)?/g,
      '<d>',
    )
    .replace(/packer-shell\d+/g, 'packer-shell<n>')
    .replace(/"build_time": ?\d+/g, '"build_time":<t>');
  if (run?.state['run-id']) out = out.replaceAll(run.state['run-id'], '<uuid>');
  if (run) out = out.replaceAll(run.runnerTemp, '<temp>');
  return out;
}

function build(inputs: Record<string, string>) {
  const ws = tempTree({ 'images/t.pkr.hcl': template });
  const r = runAction(
    bundle,
    { command: 'build', 'working-directory': 'images', variables: `token=${SECRET}`, ...inputs },
    { workspace: ws },
  );
  return { ws, r };
}

describe('the action, command build', () => {
  it('runs the builds one at a time in a log group each, and writes outputs, manifest and summary', () => {
    const { ws, r } = build({ 'parallel-builds': '1' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(ws, 'images/out/a.txt'), 'utf8')).toBe('built');
    const uuid = r.state['run-id'] ?? '';
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    expect(stable(r.stdout, r)).toBe(
      [
        `::add-mask::${SECRET}`,
        // The provisioner's settings evaluated from the sensitive variable, per build.
        `::add-mask::echo token=${SECRET} for a`,
        `::add-mask::echo token=${SECRET} for b`,
        '::debug::Kiln cache: the template requires no plugins and no downloads; nothing to cache',
        "::group::Build 'file.a'",
        '==> file.a: Running local shell script: /tmp/packer-shell<n>',
        '==> file.a: token=<sensitive> for a',
        "Build 'file.a' finished after <d>.",
        '::endgroup::',
        "::group::Build 'null.b'",
        '==> null.b: Running local shell script: /tmp/packer-shell<n>',
        '==> null.b: token=<sensitive> for b',
        "Build 'null.b' finished after <d>.",
        '::endgroup::',
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> file.a: Stored file: out/a.txt',
        '--> null.b: Did not export anything. This is the null builder',
        '::notice::Kiln did not upload the artifact kiln: ACTIONS_RUNTIME_TOKEN is not set (a local run?).',
        '',
      ].join('\n'),
    );

    const manifestPath = join(r.runnerTemp, 'kiln', uuid, 'packer-manifest.json');
    const entries = [
      {
        name: 'a',
        builder_type: 'file',
        build_time: '<t>',
        files: [{ name: 'out/a.txt', size: 5 }],
        artifact_id: 'File',
        packer_run_uuid: uuid,
        custom_data: null,
      },
      {
        name: 'b',
        builder_type: 'null',
        build_time: '<t>',
        files: null,
        artifact_id: 'Null',
        packer_run_uuid: uuid,
        custom_data: null,
      },
    ];
    const withTime = (text: string) => text.replace(/("build_time": ?)\d+/g, '$1"<t>"');
    expect(Object.keys(r.outputs)).toEqual(['image-ids', 'artifacts', 'manifest']);
    expect(JSON.parse(r.outputs['image-ids'] ?? '')).toEqual({ 'file.a': 'File', 'null.b': 'Null' });
    expect(JSON.parse(withTime(r.outputs['artifacts'] ?? ''))).toEqual(entries);
    expect(r.outputs['manifest']).toBe(manifestPath);
    const manifest = readFileSync(manifestPath, 'utf8');
    // Written as Packer writes a manifest: two-space indent, no final newline.
    expect(withTime(manifest)).toBe(JSON.stringify({ builds: entries, last_run_uuid: uuid }, null, 2));

    expect(stable(r.summary, r)).toBe(
      [
        '<h2>Kiln build</h2>',
        '<table><tr><th>Build</th><th>Builder</th><th>Status</th><th>Artifact IDs</th><th>Duration</th></tr>' +
          '<tr><td><code>file.a</code></td><td>file</td><td>succeeded</td><td><code>File</code></td><td><d></td></tr>' +
          '<tr><td><code>null.b</code></td><td>null</td><td>succeeded</td><td><code>Null</code></td><td><d></td></tr></table>',
        '<h3>Steps</h3>',
        '<table><tr><th>Build</th><th>Step</th><th>Result</th><th>Duration</th></tr>' +
          '<tr><td><code>null.b</code></td><td><code>StepConnect</code></td><td>continue</td><td><d></td></tr>' +
          '<tr><td><code>null.b</code></td><td><code>StepProvision</code></td><td>continue</td><td><d></td></tr></table>',
        '',
      ].join('\n'),
    );
  });

  it('never shows a sensitive value: stdout (but the mask command), outputs, summary, manifest, log', () => {
    const { r } = build({ debug: 'true' });
    expect(r.status).toBe(0);
    const manifest = readFileSync(r.outputs['manifest'] ?? '', 'utf8');
    const masked = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [masked, r.stderr, r.outputFile, r.summary, manifest]) expect(text).not.toContain(SECRET);
    expect(r.stdout).toContain('token=<sensitive> for a');
    // debug: PACKER_LOG lines on stderr, masked too.
    expect(r.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Build debug mode: false$/m);
  });

  it('buffers each build of a parallel run into one whole group', () => {
    const { r } = build({});
    expect(r.status).toBe(0);
    const groups = [...r.stdout.matchAll(/::group::Build '([^']+)'\n([\s\S]*?)::endgroup::\n/g)];
    expect(groups.map((g) => g[1]).sort()).toEqual(['file.a', 'null.b']);
    for (const [, name, body] of groups) {
      expect(stable(body ?? '')).toBe(
        [
          `==> ${name}: Running local shell script: /tmp/packer-shell<n>`,
          `==> ${name}: token=<sensitive> for ${name?.slice(-1)}`,
          `Build '${name}' finished after <d>.`,
          '',
        ].join('\n'),
      );
    }
  });

  it('sets image-id when the run made exactly one artifact (only)', () => {
    const { r } = build({ only: 'file.a' });
    expect(r.status).toBe(0);
    expect(r.outputs['image-ids']).toBe('{"file.a":"File"}');
    expect(r.outputs['image-id']).toBe('File');
  });

  it('fails the step and reports the failure and its step in the summary', () => {
    const ws = tempTree({
      't.pkr.hcl': `
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.null.b"]
  provisioner "shell-local" {
    inline = ["exit 3"]
  }
}
`,
    });
    const r = runAction(bundle, { command: 'build' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::1 build(s) failed: null.b\n');
    expect(r.outputs['image-ids']).toBe('{}');
    expect(r.outputs['artifacts']).toBe('[]');
    expect(stable(r.summary, r)).toContain(
      [
        '<tr><td><code>null.b</code></td><td>null</td><td>failed</td><td>—</td><td><d></td></tr></table>',
        '<h3>Steps</h3>',
        '<table><tr><th>Build</th><th>Step</th><th>Result</th><th>Duration</th></tr>' +
          '<tr><td><code>null.b</code></td><td><code>StepConnect</code></td><td>continue</td><td><d></td></tr>' +
          '<tr><td><code>null.b</code></td><td><code>StepProvision</code></td><td>error</td><td><d></td></tr></table>',
        '<h3>Failures</h3>',
        '<ul><li><code>null.b</code> (in step <code>StepProvision</code>): Script exited with non-zero exit status: 3. Allowed exit codes are: [0]</li></ul>',
        '',
      ].join('\n'),
    );
  });

  it('annotates template errors and runs nothing', () => {
    const ws = tempTree({
      'a/t.pkr.hcl':
        'source "null" "b" {\n  communicator = "none"\n  bogus = 1\n}\nbuild {\n  sources = ["source.null.b"]\n}\n',
    });
    const r = runAction(bundle, { command: 'build', template: 'a' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '::error title=Unsupported argument,file=a/t.pkr.hcl,line=3,endLine=3,col=3,endColumn=8::An argument named "bogus" is not expected here.\n',
    );
    expect(r.stdout).toContain('::error::The template has errors; see the annotations.\n');
    expect(r.state).toEqual({});
  });

  it('hands the force input to the components as -force does (qemu refuses an existing output directory)', () => {
    const ws = tempTree({
      't.pkr.hcl':
        'source "qemu" "q" {\n  iso_url = "boot.iso"\n  iso_checksum = "none"\n  communicator = "none"\n' +
        '  output_directory = "out"\n}\nbuild {\n  sources = ["source.qemu.q"]\n}\n',
      'boot.iso': 'iso',
      'out/keep': '',
    });
    const refused = runAction(bundle, { command: 'build', template: 't.pkr.hcl' }, { workspace: ws });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("Output directory 'out' already exists. It must not exist.");
    const forced = runAction(bundle, { command: 'build', template: 't.pkr.hcl', force: 'true' }, { workspace: ws });
    expect(forced.stdout).not.toContain('Output directory');
    expect(forced.status).toBe(1);
  });

  it('runs in working-directory as `cd DIR && packer build`: relative outputs land beside the template', () => {
    const ws = tempTree({
      'images/t.pkr.hcl':
        'source "file" "a" {\n  content = "x"\n  target = "out/a.txt"\n}\n' +
        'build {\n  sources = ["source.file.a"]\n  post-processor "manifest" {\n    output = "m.json"\n  }\n}\n',
    });
    const r = runAction(bundle, { command: 'build', 'working-directory': 'images' }, { workspace: ws });
    expect(r.status, r.stdout).toBe(0);
    expect(existsSync(join(ws, 'images/out/a.txt'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ws, 'images/m.json'), 'utf8')).builds[0].files).toEqual([
      { name: 'out/a.txt', size: 1 },
    ]);
    expect(existsSync(join(ws, 'm.json'))).toBe(false);
  });

  it('fails with the input named when working-directory does not exist', () => {
    const ws = tempTree({ 't.pkr.hcl': '' });
    const r = runAction(bundle, { command: 'build', 'working-directory': 'nope' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `::error::Input "working-directory" is ${JSON.stringify(join(ws, 'nope'))}: no such directory\n`,
    );
  });
});
