import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker } from '../support/packer.js';
import { startSshd, type Sshd } from '../support/sshd.js';

/*
 * `kiln build` of legacy JSON templates, end to end, and side by side with
 * `packer build` (1.6.6) where the result is deterministic: the files made,
 * the manifest entries without times and uuids, and the summary lines.
 * Kiln follows current Packer where 1.6.6 differs: a builder named other than
 * its type is shown as `type.name`, and command output lines are `==>` lines.
 */

const withPacker = packerAvailable();

function workspace(template: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-legacy-build-'));
  writeFileSync(join(dir, 't.json'), typeof template === 'string' ? template : JSON.stringify(template, null, 2));
  return dir;
}

/** Relative paths of post-processors resolve against the process directory, as Packer's. */
async function kiln(dir: string, args: string[]): Promise<{ code: number; out: string }> {
  const { io, stdout } = memoryIO({ cwd: dir });
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const code = await runBuild(['-color=false', ...args, 't.json'], io);
    return { code, out: stable(stdout()) };
  } finally {
    process.chdir(previous);
  }
}

async function packer(dir: string, args: string[]): Promise<{ code: number | null; out: string }> {
  const run = await runPacker(['build', '-color=false', ...args, 't.json'], { cwd: dir });
  return { code: run.exit, out: stable(run.stdout) };
}

/** Durations and temp script names vary between runs. */
function stable(out: string): string {
  return out
    .replace(/after [0-9a-z ]+?(\.|:)/g, 'after <d>$1')
    .replace(/after [0-9a-z ]+$/gm, 'after <d>')
    .replace(/packer-shell\d+/g, 'packer-shell<n>');
}

/** Every file under dir but the template, with its content (a tarball as its entries). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const rel = relative(dir, path);
      if (statSync(path).isDirectory()) walk(path);
      else if (rel === 't.json') continue;
      else if (rel.endsWith('manifest.json')) out[rel] = JSON.stringify(manifestBuilds(path));
      else if (rel.endsWith('.tar.gz')) out[rel] = tarEntries(path);
      else out[rel] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function tarEntries(file: string): string {
  const names = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return names.map((n) => `${n}: ${spawnSync('tar', ['-xzOf', file, n], { encoding: 'utf8' }).stdout}`).join('\n');
}

interface ManifestBuild {
  readonly build_time: number;
  readonly packer_run_uuid: string;
}

function manifestBuilds(path: string): unknown[] {
  const m = JSON.parse(readFileSync(path, 'utf8')) as { builds: ManifestBuild[]; last_run_uuid: string };
  return m.builds.map((b) => {
    expect(b.packer_run_uuid).toBe(m.last_run_uuid);
    expect(typeof b.build_time).toBe('number');
    return { ...b, build_time: '<time>', packer_run_uuid: '<uuid>' };
  });
}

/**
 * The `-->` artifact lines, grouped by build. Packer 1.6.6 prints the builds
 * in Go map order, which changes from run to run, so the groups are sorted by
 * build name; the order within a build (artifact after post-processor) stays.
 */
function summary(out: string, rename: Record<string, string> = {}): string[] {
  const buildOf = (line: string) => /^--> ([^:]+):/.exec(line)?.[1] ?? '';
  return out
    .split('\n')
    .filter((l) => l.startsWith('--> '))
    .map((l) => Object.entries(rename).reduce((line, [from, to]) => line.replace(`--> ${from}:`, `--> ${to}:`), l))
    .sort((a, b) => buildOf(a).localeCompare(buildOf(b)));
}

const localTemplate = {
  variables: { greeting: 'hello', secret: 's3cr3t' },
  'sensitive-variables': ['secret'],
  builders: [
    { type: 'file', name: 'doc', content: '{{user `greeting`}} file', target: 'out/doc.txt' },
    { type: 'null', communicator: 'none' },
  ],
  provisioners: [
    {
      type: 'shell-local',
      inline: [
        'echo {{user `greeting`}} id={{build `ID`}} $PACKER_BUILD_NAME $PACKER_BUILDER_TYPE >> log-{{build_name}}.txt',
      ],
      override: { doc: { inline: ['echo override {{user `greeting`}} >> log-{{build_name}}.txt'] } },
    },
    { type: 'shell-local', only: ['null'], inline: ['echo secret={{user `secret`}}'] },
  ],
  'post-processors': [
    { type: 'manifest', output: 'manifest.json', custom_data: { greeting: '{{user `greeting`}}' } },
    [
      {
        type: 'checksum',
        checksum_types: ['sha256', 'md5'],
        output: 'out/{{.BuildName}}.{{.ChecksumType}}',
        only: ['doc'],
        keep_input_artifact: true,
      },
      { type: 'compress', output: 'out/{{.BuildName}}.tar.gz' },
    ],
    { type: 'shell-local', name: 'announce', inline: ['echo pp {{build_name}} >> pp.txt'] },
  ],
};

describe('kiln build of a legacy JSON template', () => {
  it('runs file and null builders with overrides, only, masking and post-processor chains', async () => {
    const dir = workspace(localTemplate);
    const { code, out } = await kiln(dir, ['-parallel-builds=1']);
    expect(out).toBe(
      [
        '==> file.doc: Running local shell script: /tmp/packer-shell<n>',
        '==> file.doc: Running post-processor: manifest',
        '==> file.doc: Running post-processor: checksum',
        '==> file.doc: Running post-processor: compress',
        '==> file.doc (compress): Tarring out/doc.tar.gz with pgzip',
        '==> file.doc (compress): Archive out/doc.tar.gz completed',
        '==> file.doc: Running post-processor: announce (type shell-local)',
        '==> file.doc (shell-local): Running local shell script: /tmp/packer-shell<n>',
        "Build 'file.doc' finished after <d>.",
        '==> null: Running local shell script: /tmp/packer-shell<n>',
        '==> null: Running local shell script: /tmp/packer-shell<n>',
        '==> null: secret=<sensitive>',
        '==> null: Running post-processor: manifest',
        '==> null: Running post-processor: compress',
        '==> null (compress): Tarring out/null.tar.gz with pgzip',
        '==> null (compress): Archive out/null.tar.gz completed',
        '==> null: Running post-processor: announce (type shell-local)',
        '==> null (shell-local): Running local shell script: /tmp/packer-shell<n>',
        "Build 'null' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> file.doc: Stored file: out/doc.txt',
        '--> file.doc: Stored file: out/doc.txt',
        '--> file.doc: compressed artifacts in: out/doc.tar.gz',
        '--> file.doc: Stored file: out/doc.txt',
        '--> null: Did not export anything. This is the null builder',
        '--> null: Did not export anything. This is the null builder',
        '--> null: compressed artifacts in: out/null.tar.gz',
        '--> null: Did not export anything. This is the null builder',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    const made = files(dir);
    // compress does not keep its input: the checksum artifact (the file and its sums) is deleted.
    expect(Object.keys(made)).toEqual([
      'log-doc.txt',
      'log-null.txt',
      'manifest.json',
      'out/doc.tar.gz',
      'out/null.tar.gz',
      'pp.txt',
    ]);
    expect(made['log-doc.txt']).toBe('override hello\n');
    expect(made['log-null.txt']).toBe('hello id=Null null null\n');
    expect(made['pp.txt']).toBe('pp doc\npp null\n');
    expect(made['out/doc.tar.gz']).toBe(
      [
        'doc.txt: hello file',
        `doc.sha256: ${sha('sha256', 'hello file')}\tdoc.txt\n`,
        `doc.md5: ${sha('md5', 'hello file')}\tdoc.txt\n`,
      ].join('\n'),
    );
    expect(JSON.parse(made['manifest.json'] ?? '')).toEqual([
      {
        name: 'doc',
        builder_type: 'file',
        build_time: '<time>',
        files: [{ name: 'out/doc.txt', size: 10 }],
        artifact_id: 'File',
        packer_run_uuid: '<uuid>',
        custom_data: { greeting: 'hello' },
      },
      {
        name: 'null',
        builder_type: 'null',
        build_time: '<time>',
        files: null,
        artifact_id: 'Null',
        packer_run_uuid: '<uuid>',
        custom_data: { greeting: 'hello' },
      },
    ]);

    if (!withPacker) return;
    const theirs = workspace(localTemplate);
    const p = await packer(theirs, ['-parallel-builds=1']);
    expect(p.code).toBe(0);
    expect(files(theirs)).toEqual(made);
    expect(summary(out, { 'file.doc': 'doc' })).toEqual(summary(p.out));
    expect(p.out).toContain('    null: secret=<sensitive>\n');
  });

  it.each([
    [['-only=doc'], ['log-doc.txt', 'manifest.json', 'out/doc.tar.gz', 'pp.txt']],
    [['-except=doc,manifest'], ['log-null.txt', 'out/null.tar.gz', 'pp.txt']],
    [
      ['-except=compress,announce'],
      ['log-doc.txt', 'log-null.txt', 'manifest.json', 'out/doc.md5', 'out/doc.sha256', 'out/doc.txt'],
    ],
  ])('selects builds and post-processors with %j as packer build', async (args, made) => {
    const dir = workspace(localTemplate);
    const { code, out } = await kiln(dir, ['-parallel-builds=1', ...args]);
    expect(code).toBe(0);
    expect(Object.keys(files(dir))).toEqual(made);
    if (!withPacker) return;
    const theirs = workspace(localTemplate);
    const p = await packer(theirs, ['-parallel-builds=1', ...args]);
    expect(p.code).toBe(0);
    expect(files(theirs)).toEqual(files(dir));
    expect(summary(out, { 'file.doc': 'doc' })).toEqual(summary(p.out));
  });

  it('refuses to run when no build is selected', async () => {
    const { code, out } = await kiln(workspace(localTemplate), ['-only=nope']);
    expect(out).toBe(
      [
        'Error: No builds to run',
        '',
        'A build command cannot run without at least one build to process. If the only or',
        'except flags have been specified at run time check that at least one build is',
        'selected for execution.',
        '',
        '',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('reports a build that fails to prepare, runs the others and exits 1, as packer build', async () => {
    const template = {
      builders: [
        { type: 'file', name: 'doc', content: 'x' },
        { type: 'null', communicator: 'none' },
      ],
    };
    const { code, out } = await kiln(workspace(template), []);
    expect(out).toBe(
      [
        'Error: Failed to prepare build: "doc"',
        '',
        '1 error(s) occurred:',
        '',
        '* target required',
        '',
        '',
        "Build 'null' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> null: Did not export anything. This is the null builder',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
    if (!withPacker) return;
    expect(await packer(workspace(template), [])).toEqual({ code: 1, out });
  });

  it('refuses a build using a component neither native nor provided by a plugin', async () => {
    const template = {
      builders: [{ type: 'null', communicator: 'none' }],
      provisioners: [{ type: 'windows-restart' }],
    };
    const { code, out } = await kiln(workspace(template), []);
    expect(out).toBe(
      [
        'Error: Unknown provisioner type "windows-restart"',
        '',
        'The provisioner windows-restart is unknown by Packer, and is likely part of a',
        'plugin that is not installed.',
        'You may find the needed plugin along with installation instructions documented',
        'on the Packer integrations page.',
        '',
        'https://developer.hashicorp.com/packer/integrations?filter=windows',
        '',
        'Kiln knows the provisioner windows-restart but does not run it natively: it runs',
        'through a plugin once one is installed (a required_plugins entry and kiln init,',
        'or a packer-provisioner-windows-restart binary in PACKER_PLUGIN_PATH).',
        '',
        '',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('prints a template that does not load as Packer does', async () => {
    const { code, out } = await kiln(workspace('{"builders": [}'), []);
    expect(out).toBe(
      [
        'Failed to parse file as legacy JSON template: if you are using an HCL template, check your file extensions; ' +
          'they should be either *.pkr.hcl or *.pkr.json; see the docs for more details: ' +
          'https://www.packer.io/docs/templates/hcl_templates. ',
        "Original error: Error parsing JSON: invalid character '}' looking for beginning of value",
        'At line 1, column 15 (offset 15):',
        '    1: {"builders": [}',
        '                    ^',
        '',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('retries a failing provisioner max_retries times, names where it is written and runs the cleanup provisioner', async () => {
    const template = `{
  "variables": {"retries": "1", "token": "hunter2"},
  "sensitive-variables": ["token"],
  "builders": [{"type": "null", "communicator": "none"}],
  "provisioners": [
    {"type": "shell-local", "inline": ["echo try {{user \`token\`}}", "echo try >> tries.txt", "exit 3"], "max_retries": "{{user \`retries\`}}"}
  ],
  "error-cleanup-provisioner": {"type": "shell-local", "inline": ["echo cleaned > cleanup.txt"]}
}`;
    const dir = workspace(template);
    const { code, out } = await kiln(dir, []);
    const failure = 'Script exited with non-zero exit status: 3. Allowed exit codes are: [0]';
    expect(out).toBe(
      [
        '==> null: Running local shell script: /tmp/packer-shell<n>',
        '==> null: try <sensitive>',
        `==> null: Provisioner failed with "${failure}", retrying with 1 trie(s) left`,
        '==> null: Running local shell script: /tmp/packer-shell<n>',
        '==> null: try <sensitive>',
        '==> null: retry limit reached.',
        '==> null: Provisioner shell-local (t.json:6) failed',
        '==> null: Provisioning step had errors: Running the cleanup provisioner, if present...',
        '==> null: Running local shell script: /tmp/packer-shell<n>',
        `Build 'null' errored after <d>: ${failure}`,
        '',
        '==> Wait completed after <d>',
        '',
        "==> Some builds didn't complete successfully and had errors:",
        `--> null: ${failure}`,
        '',
        '==> Builds finished but no artifacts were created.',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
    expect(files(dir)).toEqual({ 'cleanup.txt': 'cleaned\n', 'tries.txt': 'try\ntry\n' });
    if (!withPacker) return;
    const theirs = workspace(template);
    const p = await packer(theirs, []);
    expect(p.code).toBe(1);
    expect(files(theirs)).toEqual(files(dir));
  });
});

function sha(algorithm: string, text: string): string {
  return spawnSync('openssl', ['dgst', `-${algorithm}`, '-r'], { input: text, encoding: 'utf8' }).stdout.split(' ')[0]!;
}

describe.runIf(process.getuid?.() === 0)('kiln build of a legacy JSON template over SSH', () => {
  let sshd: Sshd;
  let work: string;
  beforeAll(async () => {
    sshd = await startSshd('127.0.0.37');
    work = mkdtempSync(join(tmpdir(), 'kiln-legacy-ssh-'));
  });
  afterAll(async () => {
    await sshd.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** Writes under the root variable on the machine, which is this one. */
  function template(): unknown {
    return {
      variables: { root: null, greeting: 'hi' },
      builders: [
        {
          type: 'null',
          name: 'box',
          ssh_host: sshd.host,
          ssh_port: sshd.port,
          ssh_username: 'root',
          ssh_private_key_file: sshd.userKeyFile,
        },
      ],
      provisioners: [
        {
          type: 'shell',
          inline: [
            'mkdir -p {{user `root`}}',
            'echo {{user `greeting`}} {{build `Host`}} {{build `User`}} $PACKER_BUILD_NAME > {{user `root`}}/info.txt',
          ],
        },
        {
          type: 'shell',
          environment_vars: ['GREETING={{user `greeting`}}'],
          execute_command: 'chmod +x {{ .Path }}; HOST={{ .Host }} USER_NAME={{ .User }} {{ .Vars }} {{ .Path }}',
          inline: ['echo "$GREETING $HOST $USER_NAME" > {{user `root`}}/env.txt'],
        },
        { type: 'file', source: 'payload.txt', destination: '{{user `root`}}/{{build `User`}}-payload.txt' },
        {
          type: 'file',
          direction: 'download',
          source: '{{user `root`}}/info.txt',
          destination: 'downloaded-{{build `Host`}}.txt',
        },
      ],
      'post-processors': [{ type: 'manifest', output: 'manifest.json' }],
    };
  }

  it('provisions with shell and file, rendering {{build}} and {{ .Host }} with the generated data', async () => {
    const ours = workspace(template());
    writeFileSync(join(ours, 'payload.txt'), 'payload\n');
    const root = join(work, 'kiln');
    const { code, out } = await kiln(ours, [`-var=root=${root}`]);
    expect(out).toContain(`==> null.box: Using SSH communicator to connect: ${sshd.host}\n`);
    expect(out).toContain(`==> null.box: Uploading payload.txt => ${root}/root-payload.txt\n`);
    expect(out).toContain(`==> null.box: Downloading ${root}/info.txt => downloaded-${sshd.host}.txt\n`);
    const nothing = '--> null.box: Did not export anything. This is the null builder';
    expect(summary(out)).toEqual([nothing, nothing]);
    expect(code).toBe(0);
    const remote = files(root);
    expect(remote).toEqual({
      'env.txt': `hi ${sshd.host} root\n`,
      'info.txt': `hi ${sshd.host} root box\n`,
      'root-payload.txt': 'payload\n',
    });
    const local = files(ours);
    expect(local[`downloaded-${sshd.host}.txt`]).toBe(remote['info.txt']);
    expect(JSON.parse(local['manifest.json'] ?? '')).toEqual([
      {
        name: 'box',
        builder_type: 'null',
        build_time: '<time>',
        files: null,
        artifact_id: 'Null',
        packer_run_uuid: '<uuid>',
        custom_data: null,
      },
    ]);

    if (!withPacker) return;
    const theirs = workspace(template());
    writeFileSync(join(theirs, 'payload.txt'), 'payload\n');
    const packerRoot = join(work, 'packer');
    const p = await packer(theirs, [`-var=root=${packerRoot}`]);
    expect(p.code).toBe(0);
    expect(files(packerRoot)).toEqual(remote);
    expect(files(theirs)).toEqual(local);
    expect(summary(out, { 'null.box': 'box' })).toEqual(summary(p.out));
    expect(existsSync(join(theirs, `downloaded-${sshd.host}.txt`))).toBe(true);
  });
});
