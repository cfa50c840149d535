import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sensitive, Value } from '../../src/eval/value.js';
import { packerAvailable } from '../support/packer.js';
import { diagLine, fixtures, kilnConsole, load, packerConsole, tempTemplate, valueIn } from './scope-helpers.js';

/* Locals (`locals {}` and `local "x" {}`): dependency order, cycles, duplicates, sensitivity. */

const str = Value.string;

/** Loads a one-file template and returns the scope with both kinds of diagnostics as lines. */
function loadLocals(src: string) {
  const dir = tempTemplate({ 'l.pkr.hcl': src });
  const { scope, diags, initDiags } = load({ cwd: dir, template: 'l.pkr.hcl' });
  return { scope, parse: diags.map(diagLine), init: initDiags.map(diagLine) };
}

const graphError = (problems: string) =>
  `An error occurred while building the graph for datasources/locals: 1 error occurred:\n\t* ${problems}\n\n`;

describe('locals', () => {
  it('are evaluated after what they reference, whatever the written order', () => {
    const { scope, diags, initDiags } = load({ cwd: fixtures, template: 'console-basic', vars: [['required', 'r']] });
    expect([...diags, ...initDiags]).toEqual([]);
    expect(valueIn(scope, 'local.shout').toString()).toBe('"HELLO KILN"');
    expect(valueIn(scope, 'local.greeting').toString()).toBe('"hello kiln"');
    expect(valueIn(scope, 'local.doubled').toString()).toBe('6');
  });

  it('reference locals and variables of other files of a directory', () => {
    const { scope, diags, initDiags } = load({ cwd: fixtures, template: 'console-dir' });
    expect([...diags, ...initDiags]).toEqual([]);
    expect(valueIn(scope, 'local.image').toString()).toBe('"ghcr.io/app:from-auto-hcl"');
    expect(valueIn(scope, 'local').toString()).toBe('object{base: "ghcr.io/app", image: "ghcr.io/app:from-auto-hcl"}');
  });

  it('come from local blocks too, marked when sensitive', () => {
    const { scope, diags, initDiags } = load({ cwd: fixtures, template: 'console-local-block/locals.pkr.hcl' });
    expect([...diags, ...initDiags]).toEqual([]);
    expect(valueIn(scope, 'local.token').toString()).toBe(str('hunter2-x').mark(Sensitive).toString());
    expect(valueIn(scope, 'local.plain').toString()).toBe('"X"');
    // A local computed from a sensitive variable carries its mark.
    const derived = loadLocals(
      'variable "p" {\n  default   = "s"\n  sensitive = true\n}\nlocals {\n  d = "${var.p}!"\n}\n',
    );
    expect(valueIn(derived.scope, 'local.d').toString()).toBe(str('s!').mark(Sensitive).toString());
  });

  it('keep evaluating the ones that do not depend on a failing one', () => {
    const { scope, parse, init } = loadLocals(
      'locals {\n  bad   = 1 + "x"\n  after = local.bad\n  good  = "fine"\n}\n',
    );
    expect(parse).toEqual([]);
    expect(init).toEqual([
      'error: Invalid operand | Unsuitable value for right operand: a number is required. | l.pkr.hcl:2,15-18 | l.pkr.hcl:2,11-18',
      'error: Unsupported attribute | This object does not have an attribute named "bad". | l.pkr.hcl:3,16-20 | -',
    ]);
    expect(valueIn(scope, 'local').toString()).toBe('object{good: "fine"}');
  });
});

describe('cycles', () => {
  it.each([
    [
      'a cycle of two',
      'locals {\n  a = local.b\n  b = local.a\n  c = "ok"\n}\n',
      'Cycle: local.b, local.a',
      'l.pkr.hcl:3,3-4',
    ],
    [
      'a self reference',
      'locals {\n  a = "${local.a}x"\n  c = "ok"\n}\n',
      'Self reference: local.a',
      'l.pkr.hcl:2,3-4',
    ],
    [
      'a cycle of three across block kinds',
      'local "a" {\n  expression = local.b\n}\nlocals {\n  b = local.c\n  c = [local.a]\n  d = "ok"\n}\n',
      'Cycle: local.c, local.b, local.a',
      'l.pkr.hcl:6,3-4',
    ],
    [
      'two cycles and a self reference, all in one error',
      'locals {\n  a = local.b\n  b = local.a\n  s = local.s\n  x = local.y\n  y = local.x\n  d = "ok"\n}\n',
      'Cycle: local.b, local.a\nCycle: local.y, local.x\nSelf reference: local.s',
      'l.pkr.hcl:3,3-4',
    ],
  ])('%s is one error naming every local in it', (_what, src, problems, subject) => {
    const { scope, parse, init } = loadLocals(src);
    expect(parse).toEqual([]);
    expect(init).toEqual([`error: failed to prepare execution graph | ${graphError(problems)} | ${subject} | -`]);
    // The locals outside the cycles are evaluated.
    expect(valueIn(scope, 'local').toString()).toMatch(/^object\{(c|d): "ok"\}$/);
  });

  it('leaves the locals depending on a cycle unevaluated, each with its own error', () => {
    const { scope, init } = loadLocals('locals {\n  a = local.b\n  b = local.a\n  user = local.a\n}\n');
    expect(init).toEqual([
      `error: failed to prepare execution graph | ${graphError('Cycle: local.b, local.a')} | l.pkr.hcl:3,3-4 | -`,
      'error: Unsupported attribute | This object does not have an attribute named "a". | l.pkr.hcl:4,15-17 | -',
    ]);
    expect(valueIn(scope, 'local').toString()).toBe('object{}');
  });
});

describe('local declaration errors', () => {
  it('reports a second definition of a name, in one file or across files', () => {
    expect(loadLocals('locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n').parse).toEqual([
      'error: Duplicate local definition | Local variable "a" is defined twice in your templates. Other definition found at "l.pkr.hcl:2,7-8" | l.pkr.hcl:5,7-8 | -',
    ]);
    const dir = tempTemplate({
      'a.pkr.hcl': 'locals {\n  a = "a"\n}\n',
      'b.pkr.hcl': 'local "a" {\n  expression = "from b"\n}\n',
    });
    expect(load({ cwd: dir, template: '.' }).diags.map(diagLine)).toEqual([
      'error: Duplicate local definition | Local variable "a" is defined twice in your templates. Other definition found at "a.pkr.hcl:2,7-10" | b.pkr.hcl:2,16-24 | -',
    ]);
  });

  it('reports an invalid local name and a non-boolean sensitive', () => {
    expect(loadLocals('local "9lives" {\n  expression = 1\n  sensitive  = "maybe"\n}\n').parse).toEqual([
      'error: Invalid local name | A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes. | l.pkr.hcl:1,7-15 | -',
      'error: Unsuitable value type | Unsuitable value: a bool is required | l.pkr.hcl:3,16-16 | l.pkr.hcl:3,16-23',
    ]);
  });

  it('reports an argument a local block does not take', () => {
    expect(loadLocals('local "a" {\n  expression = 1\n  value      = 2\n}\n').parse).toEqual([
      'error: Unsupported argument | An argument named "value" is not expected here. | l.pkr.hcl:3,3-8 | -',
    ]);
  });
});

describe.runIf(packerAvailable())('packer console 1.6.6 on the same locals', () => {
  // Packer's console evaluates past a broken local; its stdout must be ours.
  it.each([
    ['out of order', 'locals {\n  b = "${local.a}b"\n  a = "a"\n}\n'],
    ['a cycle', 'locals {\n  a = local.b\n  b = local.a\n  c = "ok"\n}\n'],
    ['a self reference', 'locals {\n  a = local.a\n  c = "ok"\n}\n'],
    ['a failing local', 'locals {\n  bad  = 1 + "x"\n  good = "fine"\n}\n'],
  ])('%s', async (_what, src) => {
    const dir = tempTemplate({ 'l.pkr.hcl': src });
    const packer = await packerConsole(['.'], dir, 'variables\n');
    const ours = await kilnConsole(['.'], dir, 'variables\n');
    expect({ stdout: ours.stdout, exit: ours.exit }).toEqual({ stdout: packer.stdout, exit: packer.exit });
  });

  it('the locals of a directory', async () => {
    const dir = join(fixtures, 'console-dir');
    const packer = await packerConsole(['-var-file=release.pkrvars.hcl', '.'], dir, 'variables\n');
    const ours = await kilnConsole(['-var-file=release.pkrvars.hcl', '.'], dir, 'variables\n');
    expect(ours).toEqual({ stdout: packer.stdout, stderr: '', exit: 0 });
  });
});
