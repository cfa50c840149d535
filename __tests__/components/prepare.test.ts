import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupComponent } from '../../src/components/registry.js';
import {
  decodeComponent,
  multiErrorText,
  prepareDiagnostics,
  type ComponentKind,
} from '../../src/components/schema/index.js';
import { at, hclBlock } from './helpers.js';

/* Each plugin's Prepare checks, with Packer's exact messages, from real blocks. */

function prepare(kind: ComponentKind, src: string) {
  const spec = lookupComponent(kind, /"([^"]+)"/.exec(src)?.[1] ?? '')?.spec;
  if (!spec) throw new Error(`no spec for ${src}`);
  const block = hclBlock(src);
  const decoded = decodeComponent(spec, block.body, undefined);
  expect(decoded.diags).toEqual([]);
  if (!decoded.config) throw new Error('no config');
  return { result: spec.prepare(decoded.config), defRange: block.defRange };
}

const dir = mkdtempSync(join(tmpdir(), 'kiln-prepare-'));
writeFileSync(join(dir, 'script.sh'), 'echo hi\n');

describe.each<[string, ComponentKind, string, string[], string[]]>([
  [
    'docker: no image, two artifact modes',
    'builder',
    'source "docker" "x" {\n  commit = true\n  discard = true\n}',
    [
      "missing 'image' attribute or 'build' section, either needs to be specified for a build to run.",
      'Cannot specify more than one of commit, discard, and export_path',
    ],
    [],
  ],
  [
    'docker: no artifact mode',
    'builder',
    'source "docker" "x" { image = "debian" }',
    ['No instructions given for handling the artifact; expected commit, discard, or export_path'],
    [],
  ],
  [
    'docker: build block without a path, with image and pull',
    'builder',
    'source "docker" "x" {\n  image = "a"\n  pull = true\n  discard = true\n  build { build_dir = "." }\n}',
    [
      '`path` is required for bootstrapping a build with `docker build`',
      '`image` cannot be specified with a build config',
    ],
    ['when running a bootstrap build, the `pull` option is ignored and is replaced by `build.pull` (true by default)'],
  ],
  [
    'docker: export_path a directory, ecr without server, bad communicator',
    'builder',
    `source "docker" "x" {\n  image = "a"\n  export_path = "${dir}"\n  ecr_login = true\n  communicator = "telnet"\n}`,
    [
      'Communicator type telnet is invalid',
      'export_path must be a file, not a directory',
      'ECR login requires login server to be provided.',
    ],
    [],
  ],
  ['docker: valid', 'builder', 'source "docker" "x" {\n  image = "debian"\n  commit = true\n}', [], []],
  [
    'null: ssh without anything',
    'builder',
    'source "null" "x" {}',
    [
      'An ssh_username must be specified\n  Note: some builders used to default ssh_username to "root".',
      'a Host must be specified, please reference your communicator documentation',
      'a Username must be specified, please reference your communicator documentation',
      'one authentication method must be specified, please reference your communicator documentation',
    ],
    [],
  ],
  [
    'null: two ssh authentications, bad transfer method',
    'builder',
    'source "null" "x" {\n  ssh_host = "h"\n  ssh_username = "u"\n  ssh_password = "p"\n  ssh_agent_auth = true\n  ssh_file_transfer_method = "ftp"\n}',
    [
      "ssh_file_transfer_method ('ftp') is invalid, valid methods: sftp, scp",
      'only one of ssh_agent_auth, ssh_password, and ssh_private_key_file must be specified',
    ],
    [],
  ],
  ['null: communicator none', 'builder', 'source "null" "x" { communicator = "none" }', [], []],
  [
    'file builder: no target, both source and content',
    'builder',
    'source "file" "x" {\n  source = "a"\n  content = "b"\n}',
    ['target required', 'Cannot specify source file AND content'],
    [],
  ],
  [
    'file builder: empty target file',
    'builder',
    'source "file" "x" { target = "out" }',
    [],
    ['Both source file and contents are blank; target will have no content'],
  ],
  [
    'amazon-ebs: bad name, no source, no type',
    'builder',
    'source "amazon-ebs" "x" {\n  ami_name = "a!"\n  ssh_username = "ubuntu"\n}',
    [
      'ami_name must be between 3 and 128 characters long',
      "AMIName should only contain alphanumeric characters, parentheses (()), square brackets ([]), spaces ( ), periods (.), slashes (/), dashes (-), single quotes ('), at-signs (@), or underscores(_). You can use the `clean_resource_name` template filter to automatically clean your ami name.",
      'A source_ami or source_ami_filter must be specified',
      'For security reasons, your source AMI filter must declare an owner.',
      'either instance_type or spot_instance_types must be specified',
    ],
    [],
  ],
  [
    'amazon-ebs: missing name and ssh user, filter without owner',
    'builder',
    'source "amazon-ebs" "x" {\n  instance_type = "t3.micro"\n  source_ami_filter {\n    filters = { name = "ubuntu/*" }\n  }\n}',
    [
      'ami_name must be specified',
      'ami_name must be between 3 and 128 characters long',
      'An ssh_username must be specified\n  Note: some builders used to default ssh_username to "root".',
      'For security reasons, your source AMI filter must declare an owner.',
    ],
    [],
  ],
  [
    'amazon-ebs: valid',
    'builder',
    'source "amazon-ebs" "x" {\n  ami_name = "kiln-(test) [1]"\n  instance_type = "t3.micro"\n  ssh_username = "ubuntu"\n  source_ami_filter {\n    owners = ["099720109477"]\n    filters = { name = "ubuntu/*" }\n  }\n}',
    [],
    [],
  ],
  [
    'shell: neither script nor inline',
    'provisioner',
    'provisioner "shell" { inline = [] }',
    ['Either a script file or inline script must be specified.'],
    [],
  ],
  [
    'shell: script and scripts and inline, bad env',
    'provisioner',
    'provisioner "shell" {\n  script = "nope.sh"\n  scripts = ["a.sh"]\n  inline = ["echo"]\n  environment_vars = ["=x", "FOO"]\n}',
    [
      'Only one of script or scripts can be specified.',
      'Only a script file or an inline script can be specified, not both.',
      "Bad script 'nope.sh': stat nope.sh: no such file or directory",
      "Environment variable not in format 'key=value': =x",
      "Environment variable not in format 'key=value': FOO",
    ],
    [],
  ],
  ['shell: one script', 'provisioner', `provisioner "shell" { script = "${dir}/script.sh" }`, [], []],
  [
    'file provisioner: bad direction, no destination, source and content',
    'provisioner',
    'provisioner "file" {\n  direction = "sideways"\n  source = "x"\n  content = "y"\n}',
    [
      'Direction must be one of: download, upload.',
      'source(s) conflicts with content.',
      'Destination must be specified.',
    ],
    [],
  ],
  [
    'http data source: no url, bad method',
    'data',
    'data "http" "x" { method = "FETCH" }',
    ['the `url` must be specified', 'the `method` must be one of [HEAD GET POST PUT DELETE OPTIONS PATCH]'],
    [],
  ],
])('%s', (_name, kind, src, errors, warnings) => {
  it("returns Packer's messages together", () => {
    const { result } = prepare(kind, src);
    expect(result).toEqual({ errors, warnings });
  });
});

describe('prepareDiagnostics', () => {
  it('reports warnings one by one and errors as one multi-error on the block header', () => {
    const { result, defRange } = prepare('builder', 'source "file" "x" {}');
    expect(prepareDiagnostics(result, defRange).map((d) => [d.severity, d.summary, at(d.subject)])).toEqual([
      ['warning', 'Both source file and contents are blank; target will have no content', '1:1:0-1:18:17'],
      ['error', '1 error(s) occurred:\n\n* target required', '1:1:0-1:18:17'],
    ]);
    expect(multiErrorText(['a', 'b'])).toBe('2 error(s) occurred:\n\n* a\n* b');
  });
});
