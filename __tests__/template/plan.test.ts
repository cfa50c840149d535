import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initializeConfig, parseTemplate } from '../../src/template/config.js';
import { planBuilds } from '../../src/template/plan.js';

/*
 * build.* in provisioner and post-processor bodies: packer.BuilderDataCommonKeys
 * plus the generated-variable names the builder's Prepare returns (the docker
 * plugin: ImageSha256, SourceImageDigest), as "<unknown>" until the builder ran.
 * Packer 1.6.6's built-in docker builder declared only ImageSha256; the current
 * plugin declares both, and Kiln follows the plugin.
 */

const dir = mkdtempSync(join(tmpdir(), 'kiln-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function plan(template: string) {
  const path = join(dir, 't.pkr.hcl');
  writeFileSync(path, template);
  const { config, diags } = parseTemplate({
    path,
    cwd: dir,
    env: {},
    vars: [],
    varFiles: [],
    warnOnUndeclaredVar: true,
  });
  expect(diags).toEqual([]);
  expect(await initializeConfig(config!, { executeDatasources: false })).toEqual([]);
  return planBuilds(config!, { only: [], except: [] });
}

const usingGenerated = (source: string) => `
source "docker" "d" {
  image   = "debian:bookworm"
  discard = true
}
source "null" "n" {
  communicator = "none"
}
build {
  sources = ["source.${source}"]
  provisioner "shell-local" {
    inline = ["echo \${build.ImageSha256} \${build.SourceImageDigest} \${build.ID}"]
  }
  post-processor "shell-local" {
    inline = ["echo \${build.SourceImageDigest}"]
  }
}
`;

describe('build.* of a builder with generated data', () => {
  it('knows the docker builder generated names, as placeholders until the builder ran', async () => {
    const { builds, diags } = await plan(usingGenerated('docker.d'));
    expect(diags).toEqual([]);
    const [build] = builds;
    expect(build?.provisioners[0]?.config).toMatchObject({ inline: ['echo <unknown> <unknown> <unknown>'] });
    expect(build?.postProcessors[0]?.[0]?.config).toMatchObject({ inline: ['echo <unknown>'] });
    // At run time the builder's values replace the placeholders.
    expect(
      build?.provisioners[0]?.prepareWith({ ImageSha256: 'sha256:abc', SourceImageDigest: 'sha256:def', ID: 'c1' }),
    ).toMatchObject({ inline: ['echo sha256:abc sha256:def c1'] });
  });

  it('refuses them for a builder that does not generate them', async () => {
    const { builds, diags } = await plan(usingGenerated('null.n'));
    expect(builds).toEqual([]);
    // As packer validate 1.6.6 says it; the build stops at its first failing provisioner.
    expect(diags.map((d) => [d.summary, d.detail])).toEqual([
      [
        'Failed preparing provisioner-block "shell-local" ""',
        `${join(dir, 't.pkr.hcl')}:12,28-40: Unsupported attribute; This object does not have an attribute named "ImageSha256"., and 1 other diagnostic(s)`,
      ],
    ]);
  });
});
