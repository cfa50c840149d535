import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/action/inputs.js';

/*
 * The example workflows and the project's CI parse, and use the action as
 * action.yml declares it: only its inputs, valid commands, only its outputs;
 * every `steps.*.outputs`, `needs.*.outputs` and `matrix.*` they read exists.
 */

const root = join(import.meta.dirname, '..', '..');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

const read = (path: string) => load(readFileSync(join(root, path), 'utf8')) as Workflow;
const examples = readdirSync(join(root, 'examples', 'workflows')).sort();
const files = [...examples.map((f) => `examples/workflows/${f}`), '.github/workflows/ci.yml'];

/** A step running this action: the published one in the examples, the checkout in CI. */
const isKiln = (step: Step) => step.uses !== undefined && (/^kiln\/kiln@v\d+$/.test(step.uses) || step.uses === './');

const refs = (value: unknown, re: RegExp): [string, string][] =>
  [...JSON.stringify(value).matchAll(re)].map((m) => [m[1]!, m[2]!]);

const needsOf = (job: Job) => (job.needs === undefined ? [] : [job.needs].flat());

describe.each(files)('%s', (file) => {
  const wf = read(file);

  it('uses only inputs and commands the action declares', () => {
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps.filter(isKiln));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
      expect(COMMANDS).toContain(step.with?.['command'] ?? 'build');
    }
  });

  it("reads only outputs that exist: the action's, a needed job's, the plan's matrix", () => {
    for (const [name, job] of Object.entries(wf.jobs)) {
      for (const [id, output] of refs(job, /steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = job.steps.find((s) => s.id === id);
        expect(step && isKiln(step), `${name}: steps.${id} is a step of the action`).toBe(true);
        expect(Object.keys(action.outputs)).toContain(output);
      }
      for (const [needed, output] of refs(job, /needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(needsOf(job)).toContain(needed);
        expect(Object.keys(wf.jobs[needed]?.outputs ?? {})).toContain(output);
      }
      for (const [key] of refs(job.steps, /matrix\.([\w-]+)()/g)) {
        // A matrix from `plan` has one key per entry: build.
        expect(key).toBe('build');
        const [needed, output] = refs(job.strategy?.matrix, /fromJSON\(needs\.([\w-]+)\.outputs\.([\w-]+)\)/g)[0] ?? [];
        const source = wf.jobs[needed ?? '']?.outputs?.[output ?? ''] ?? '';
        const [[stepId] = []] = refs(source, /steps\.([\w-]+)\.outputs\.matrix()/g);
        const plan = wf.jobs[needed ?? '']?.steps.find((s) => s.id === stepId);
        expect(plan?.with?.['command']).toBe('plan');
      }
    }
  });
});

describe('the example workflows', () => {
  it('are the three the README links to', () => {
    expect(examples).toEqual(['build-on-tag.yml', 'matrix.yml', 'pr-gate.yml']);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The GitHub Action'), readme.indexOf('## The CLI'));
    for (const f of examples) expect(section).toContain(`(examples/workflows/${f})`);
  });

  it('build on a tag push and read the outputs in a later step', () => {
    const wf = read('examples/workflows/build-on-tag.yml');
    expect(wf.on).toEqual({ push: { tags: ['v*'] } });
    const steps = wf.jobs['build']?.steps ?? [];
    const kiln = steps.findIndex(isKiln);
    expect(steps[kiln]?.with?.['command']).toBeUndefined();
    const later = steps.slice(kiln + 1).flatMap((s) => refs(s, /steps\.(kiln)\.outputs\.([\w-]+)/g).map(([, o]) => o));
    expect(later).toEqual(['image-id', 'image-ids', 'manifest']);
  });

  it('gate pull requests on fmt and validate, validating even after fmt failed', () => {
    const wf = read('examples/workflows/pr-gate.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const kiln = (wf.jobs['check']?.steps ?? []).filter(isKiln);
    expect(kiln.map((s) => s.with?.['command'])).toEqual(['fmt', 'validate']);
    expect(kiln[1]?.if).toBe('${{ !cancelled() }}');
  });

  it('plan, build each matrix entry with only, and merge the manifests', () => {
    const wf = read('examples/workflows/matrix.yml');
    expect(Object.entries(wf.jobs).map(([name, job]) => [name, needsOf(job)])).toEqual([
      ['plan', []],
      ['build', ['plan']],
      ['merge-manifests', ['build']],
    ]);
    expect(wf.jobs['build']?.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(wf.jobs['build']?.steps.find(isKiln)?.with?.['only']).toBe('${{ matrix.build }}');
    const merge = wf.jobs['merge-manifests']?.steps ?? [];
    // The build jobs' artifacts are named kiln-<job id>-<only>-<attempt> (artifact-name's default).
    expect(merge[0]?.with).toEqual({ pattern: 'kiln-build-*', path: 'manifests' });
    expect(
      merge.some((s) => s.run?.includes(' merge-manifests packer-manifest.json manifests/*/packer-manifest.json')),
    ).toBe(true);
  });
});
