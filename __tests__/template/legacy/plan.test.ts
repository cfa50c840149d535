import { describe, expect, it } from 'vitest';
import { initializeLegacy, loadLegacyTemplate } from '../../../src/template/legacy/index.js';
import type { LegacyBuildOptions } from '../../../src/template/legacy/index.js';
import { legacyBuildName, legacyLoadPlace, planLegacyBuilds } from '../../../src/template/legacy/plan.js';
import type { PlannedBuild } from '../../../src/template/plan.js';

/*
 * Legacy JSON templates planned as PlannedBuilds: names, the selection,
 * provisioner wrappers, post-processor chain shapes, and where each component
 * is written.
 */

const template = `{
  "variables": {"who": "world", "retries": "2"},
  "builders": [
    {"type": "null", "name": "first", "communicator": "none"},
    {"type": "null", "communicator": "none"},
    {"type": "file", "name": "{{user \`who\`}}-doc", "content": "x", "target": "out.txt"}
  ],
  "provisioners": [
    {
      "type": "shell-local",
      "inline": ["echo {{user \`who\`}} {{build \`Host\`}} {{ .Host }}"],
      "override": {"first": {"inline": ["echo override"]}},
      "max_retries": "{{user \`retries\`}}",
      "timeout": "5m"
    },
    {"type": "shell-local", "only": ["null"], "inline": ["echo only"], "pause_before": "1s", "timeout": "1m"},
    {"type": "shell-local", "except": ["first"], "inline": ["echo except"], "timeout": "1m"}
  ],
  "post-processors": [
    "manifest",
    {"type": "checksum", "name": "sums", "keep_input_artifact": true, "only": ["first"]},
    [
      {"type": "compress", "output": "out.tar.gz"},
      {"type": "shell-local", "name": "announce", "inline": ["echo {{build_name}}"], "keep_input_artifact": false}
    ]
  ],
  "error-cleanup-provisioner": {"type": "shell-local", "inline": ["echo cleanup"]}
}
`;

async function plan(text: string, only: string[] = [], except: string[] = [], flags: Partial<LegacyBuildOptions> = {}) {
  const loaded = loadLegacyTemplate('-', { vars: [], varFiles: [], env: {}, cwd: '/tmp', stdin: Buffer.from(text) });
  const init = initializeLegacy(loaded);
  if (!init.core) throw new Error(JSON.stringify(init.diags));
  const opts = { only, except, ...flags };
  return planLegacyBuilds(loaded, init.core, opts, { filename: 't.json', bytes: Buffer.from(text) });
}

function byName(builds: readonly PlannedBuild[], name: string): PlannedBuild {
  const found = builds.find((b) => b.name === name);
  if (!found) throw new Error(`no build ${name}`);
  return found;
}

describe('planLegacyBuilds', () => {
  it('names builds as current Packer: the type prefixes a builder named otherwise', async () => {
    const { builds, diags } = await plan(template);
    expect(diags).toEqual([]);
    expect(builds.map((b) => [b.name, b.builder.name, b.builder.type])).toEqual([
      ['null.first', 'first', 'null'],
      ['null', 'null', 'null'],
      ['file.world-doc', 'world-doc', 'file'],
    ]);
  });

  it.each([
    ['null', 'null', 'null'],
    ['first', 'null', 'null.first'],
    ['{{user `x`}}', 'file', 'file.rendered'],
  ])('legacyBuildName(%s, %s) is %s', (raw, type, expected) => {
    expect(legacyBuildName(raw, type, raw.startsWith('{{') ? 'rendered' : raw)).toBe(expected);
  });

  it.each([
    [['first'], [], ['null.first']],
    [['world-doc', 'null'], [], ['null', 'file.world-doc']],
    [[], ['first'], ['null', 'file.world-doc']],
    // Exact builder names only: neither the type-prefixed name nor a glob selects.
    [['null.first', 'null*'], [], []],
  ])('-only=%j -except=%j selects %j', async (only, except, names) => {
    expect((await plan(template, only, except)).builds.map((b) => b.name)).toEqual(names);
  });

  it('applies provisioner only/except and the override for the build, keeping {{build}} for run time', async () => {
    const { builds } = await plan(template);
    const inline = (b: PlannedBuild) => b.provisioners.map((p) => (p.config as { inline: string[] }).inline);
    expect(inline(byName(builds, 'null.first'))).toEqual([['echo override']]);
    const placeholder = 'Build_Host. To set this dynamically in the Packer template, you must use the `build` function';
    expect(inline(byName(builds, 'null'))).toEqual([
      [`echo world {{.Host}} ${placeholder}`],
      ['echo only'],
      ['echo except'],
    ]);
    expect(inline(byName(builds, 'file.world-doc'))).toEqual([
      [`echo world {{.Host}} ${placeholder}`],
      ['echo except'],
    ]);
  });

  it('keeps the prepared config when the builder has run: the provisioner renders the generated data itself', async () => {
    const p = byName((await plan(template)).builds, 'null').provisioners[0]!;
    expect(p.prepareWith({ Host: '10.0.0.1' })).toBe(p.config);
  });

  it('wraps provisioners as Packer wraps legacy ones: max_retries rendered, a pause replacing the timeout', async () => {
    const blocks = byName((await plan(template)).builds, 'null').provisioners.map((p) => p.block);
    expect(blocks.map((b) => [b.maxRetries, b.pauseBeforeMs, b.timeoutMs])).toEqual([
      [2, 0, 300_000],
      [0, 1000, 0],
      [0, 0, 60_000],
    ]);
    expect(blocks.map((b) => [b.type, b.name, b.onlyExcept])).toEqual([
      ['shell-local', '', { only: [], except: [] }],
      ['shell-local', '', { only: ['null'], except: [] }],
      ['shell-local', '', { only: [], except: ['first'] }],
    ]);
  });

  it('points each component at the JSON object it is written in', async () => {
    const b = byName((await plan(template)).builds, 'null.first');
    const lines = (list: readonly { block: { block: { defRange: { start: { line: number; column: number } } } } }[]) =>
      list.map((c) => [c.block.block.defRange.start.line, c.block.block.defRange.start.column]);
    expect(lines(b.provisioners)).toEqual([[9, 5]]);
    expect(lines(b.postProcessors.flat())).toEqual([
      [20, 5],
      [21, 5],
      [23, 7],
      [24, 7],
    ]);
    expect(b.errorCleanupProvisioner?.block.block.defRange.start.line).toBe(27);
    expect(b.provisioners[0]?.block.block.defRange.filename).toBe('t.json');
    expect(b.build.block.defRange.start.line).toBe(4);
  });

  it('takes post-processors as a string, an object or an array = one chain, with keep_input_artifact', async () => {
    const chains = (b: PlannedBuild) =>
      b.postProcessors.map((chain) => chain.map((pp) => [pp.type, pp.block.name, pp.block.keepInputArtifact]));
    const { builds } = await plan(template);
    expect(chains(byName(builds, 'null.first'))).toEqual([
      [['manifest', 'manifest', undefined]],
      [['checksum', 'sums', true]],
      [
        ['compress', 'compress', undefined],
        ['shell-local', 'announce', false],
      ],
    ]);
    expect(chains(byName(builds, 'null')).map((c) => c.map(([type]) => type))).toEqual([
      ['manifest'],
      ['compress', 'shell-local'],
    ]);
  });

  it('drops a post-processor named by -except and the rest of its chain', async () => {
    const b = byName((await plan(template, [], ['compress', 'sums'])).builds, 'null.first');
    expect(b.postProcessors.map((c) => c.map((pp) => pp.type))).toEqual([['manifest']]);
  });

  it.each([
    [{}, { packer_debug: false, packer_force: false, packer_on_error: '' }],
    [
      { debug: true, force: true, onError: 'abort' },
      { packer_debug: true, packer_force: true, packer_on_error: 'abort' },
    ],
  ])('prepares every component with -debug, -force and -on-error %j', async (flags, expected) => {
    const b = byName((await plan(template, ['first'], [], flags)).builds, 'null.first');
    const configs = [b.builder, ...b.provisioners, b.errorCleanupProvisioner!, ...b.postProcessors.flat()];
    expect(configs.map((c) => c.type)).toEqual([
      'null',
      'shell-local',
      'shell-local',
      'manifest',
      'checksum',
      'compress',
      'shell-local',
    ]);
    for (const c of configs) expect(c.config).toMatchObject(expected);
  });

  it("places each build's diagnostics on its builder, for annotations", async () => {
    const text = `{
  "variables": {"n": "doc"},
  "builders": [
    {"type": "null", "communicator": "none"},
    {"type": "file", "name": "{{user \`n\`}}", "content": "x"}
  ]
}`;
    const { diags, places } = await plan(text);
    expect(diags.map((d) => d.summary)).toEqual(['Failed to prepare build: "doc"']);
    // Packer shows them without a source range.
    expect(diags[0]?.subject).toBeUndefined();
    expect(places.get(diags[0]!)).toEqual({
      filename: 't.json',
      start: { line: 5, column: 5, byte: 97 },
      end: { line: 5, column: 6, byte: 98 },
    });
  });

  // A syntax error where it is (the trailing comma), another loading error at the file's start.
  it.each([
    ['{\n  "builders": [\n    {"type": "null",}\n  ]\n}', { line: 3, column: 20, byte: 37 }],
    ['{"builderz": []}', { line: 1, column: 1, byte: 0 }],
  ])('places a template that fails to load: %j', (text, start) => {
    expect(legacyLoadPlace({ filename: 't.json', bytes: Buffer.from(text) }).start).toEqual(start);
  });

  it('reports a build that fails to prepare and plans the others', async () => {
    const text = `{
  "builders": [
    {"type": "file", "name": "doc", "content": "x"},
    {"type": "null", "communicator": "none"}
  ]
}`;
    const { builds, diags } = await plan(text);
    expect(builds.map((b) => b.name)).toEqual(['null']);
    expect(diags).toEqual([
      {
        severity: 'error',
        summary: 'Failed to prepare build: "doc"',
        detail: '1 error(s) occurred:\n\n* target required',
      },
    ]);
  });

  it('points at the file start when the source is not at hand', async () => {
    const loaded = loadLegacyTemplate('-', {
      vars: [],
      varFiles: [],
      env: {},
      cwd: '/tmp',
      stdin: Buffer.from(template),
    });
    const init = initializeLegacy(loaded);
    const { builds } = await planLegacyBuilds(loaded, init.core!, { only: ['null'], except: [] }, { filename: '-' });
    expect(builds[0]?.provisioners[0]?.block.block.defRange).toEqual({
      filename: '-',
      start: { line: 1, column: 1, byte: 0 },
      end: { line: 1, column: 1, byte: 0 },
    });
  });
});
