import { describe, expect, it } from 'vitest';
import { prepareBlock } from '../helpers.js';

/* Configure checks of the post-processors, with Packer's messages. */

describe.each<[string, string, string[]]>([
  ['manifest: default output', 'post-processor "manifest" {}', []],
  [
    'manifest: output that does not parse',
    'post-processor "manifest" { output = "{{ .Foo" }',
    ['Error parsing target template: template: root:1: unclosed action'],
  ],
  [
    'checksum: unknown type, unknown function in output',
    'post-processor "checksum" {\n  checksum_types = ["md5", "crc32", "sha512"]\n  output = "{{ nope }}"\n}',
    [
      'Unrecognized checksum type: crc32',
      'Error parsing target template: template: root:1: function "nope" not defined',
    ],
  ],
  [
    'checksum: templated output with every hash',
    'post-processor "checksum" {\n  checksum_types = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]\n  output = "{{.BuildName}}_{{.ChecksumType}}.sum"\n}',
    [],
  ],
  [
    'compress: output that does not parse',
    'post-processor "compress" { output = "out-{{" }',
    ['Error parsing target template: template: root:1: unclosed action'],
  ],
  ['compress: default output', 'post-processor "compress" { compression_level = 9 }', []],
  ['artifice: no files', 'post-processor "artifice" { files = [] }', ['No files specified in artifice configuration']],
  ['artifice: files', 'post-processor "artifice" { files = ["a.img"] }', []],
  [
    'docker-push: ECR without a server',
    'post-processor "docker-push" { ecr_login = true }',
    ['ECR login requires login server to be provided.'],
  ],
  ['docker-push: ECR with a server', 'post-processor "docker-push" {\n  ecr_login = true\n  login_server = "r"\n}', []],
  ['docker-tag: no checks', 'post-processor "docker-tag" { repository = "r" }', []],
  ['docker-import: no checks', 'post-processor "docker-import" {}', []],
  ['docker-save: no checks', 'post-processor "docker-save" { path = "i.tar" }', []],
  [
    'amazon-import: everything wrong',
    'post-processor "amazon-import" {\n  format = "qcow2"\n  boot_mode = "efi"\n  platform = "bsd"\n  s3_encryption = "x"\n  access_key = "a"\n  s3_key_name = "{{ .X"\n  imds_support = "v1"\n}',
    [
      "invalid boot mode \"efi\", valid values are either 'uefi', 'legacy-bios' or 'uefi-preferred'",
      'Error parsing s3_key_name template: template: root:1: unclosed action',
      '`access_key` and `secret_key` must both be either set or not set.',
      's3_bucket_name must be set',
      "invalid format 'qcow2'. Only 'ova', 'raw', 'vhd', 'vhdx', or 'vmdk' are allowed",
      "invalid platform 'bsd'. Only 'linux' and 'windows' are allowed",
      "invalid s3 encryption format 'x'. Only 'AES256' and 'aws:kms' are allowed",
      "invalid boot mode 'efi'. Only 'uefi' and 'legacy-bios' are allowed",
      'The only valid imds_support values are "v2.0" or the empty string',
    ],
  ],
  [
    'amazon-import: arm64 needs uefi, uefi needs a platform, uefi-preferred is refused later',
    'post-processor "amazon-import" {\n  s3_bucket_name = "b"\n  architecture = "arm64"\n  boot_mode = "uefi-preferred"\n}',
    [
      "invalid boot mode 'uefi-preferred'. Only 'uefi' and 'legacy-bios' are allowed",
      "invalid boot mode 'uefi-preferred' for 'arm64' architecture",
    ],
  ],
  [
    'amazon-import: arm64 defaults to uefi, which needs a platform',
    'post-processor "amazon-import" {\n  s3_bucket_name = "b"\n  architecture = "arm64"\n}',
    ["invalid platform '', 'platform' must be set for 'uefi' image imports"],
  ],
  [
    'amazon-import: vault together with an access key',
    'post-processor "amazon-import" {\n  s3_bucket_name = "b"\n  access_key = "a"\n  secret_key = "s"\n  vault_aws_engine { name = "r" }\n  s3_key_name = "{{ clean_resource_name \\"x\\" }}"\n}',
    ['If you have set vault_aws_engine, you must not set the access_key or secret_key.'],
  ],
  [
    'amazon-import: valid',
    'post-processor "amazon-import" {\n  s3_bucket_name = "b"\n  format = "vmdk"\n  platform = "linux"\n  s3_encryption = "aws:kms"\n  imds_support = "v2.0"\n}',
    [],
  ],
])('%s', (_name, src, errors) => {
  it("returns Packer's messages in Packer's order", () => {
    expect(prepareBlock('post-processor', src).result).toEqual({ errors, warnings: [] });
  });
});
