import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { packerFunctions } from '../../src/eval/functions/index.js';
import { parseExpression } from '../../src/hcl/parse.js';
import { loadConsoleScope } from '../../src/template/console-scope.js';
import { memoryIO } from '../support/cli.js';

/*
 * Parsing and evaluating generated expressions never throws and never hangs:
 * grammar-shaped expressions over the console's real scope (the console-basic
 * template), the same expressions mutated character by character, and random
 * text. Numbers stay small so that legitimately costly calls (range, nested
 * for) stay fast; functions that read the file system or are slow by design
 * are left out.
 */

const templateDir = join(import.meta.dirname, '..', 'fixtures', 'templates');
const { scope } = loadConsoleScope({
  template: 'console-basic',
  cwd: templateDir,
  env: {},
  vars: [['required', 'r']],
  varFiles: [],
});

const excluded =
  /^(file|fileset|filebase64|filebase64sha\d+|filesha\d+|filemd5|fileexists|templatefile|bcrypt|abspath|pathexpand)$/;
const functionNames = [...packerFunctions('.').keys()].filter((n) => !excluded.test(n));
const references = [
  'var.name',
  'var.size',
  'var.tags',
  'var.flags',
  'var.secret',
  'var.anything',
  'var.nothing',
  'var.required',
  'local.greeting',
  'local.doubled',
  'path.root',
  'path.cwd',
  'packer.version',
  'packer.iterationID',
  'source.name',
  'build',
  'var',
  'local',
  'nope',
  'var.missing',
];
const operators = ['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||'];

const literal = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.constantFrom('0.5', '1e3', '1.5e-3', '9007199254740993', '-0', '3.14159'),
  fc.constantFrom('true', 'false', 'null'),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"a\\nb"', '"\\u00e9"', '"$${x}"', '"%%{y}"', '"\\t"', '""'),
);

const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(literal, fc.constantFrom(...references)),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    tie('atom'),
    fc.tuple(tie('expr'), fc.constantFrom(...operators), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('!', '-'), tie('expr')).map(([op, a]) => `${op}${a}`),
    tie('expr').map((a) => `(${a})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc
      .tuple(fc.constantFrom(...functionNames), fc.array(tie('expr'), { maxLength: 3 }), fc.boolean())
      .map(([f, args, spread]) => `${f}(${args.join(', ')}${spread && args.length > 0 ? '...' : ''})`),
    fc.array(tie('expr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(fc.tuple(fc.constantFrom('a', 'b', '"c d"', '(var.name)'), tie('expr')), { maxLength: 3 })
      .map((items) => `{${items.map(([k, v]) => `${k} = ${v}`).join(', ')}}`),
    fc
      .tuple(tie('expr'), tie('expr'), fc.option(tie('expr')))
      .map(([coll, body, cond]) => `[for k, v in ${coll} : ${body}${cond === null ? '' : ` if ${cond}`}]`),
    fc.tuple(tie('expr'), tie('expr')).map(([coll, body]) => `{for k, v in ${coll} : k => ${body}...}`),
    fc.tuple(tie('expr'), fc.constantFrom('[*]', '.*')).map(([coll, s]) => `${coll}${s}.name`),
    fc.tuple(tie('expr'), tie('expr')).map(([coll, key]) => `${coll}[${key}]`),
    fc.tuple(tie('expr'), fc.constantFrom('name', 'a', '0')).map(([e, attr]) => `${e}.${attr}`),
    tie('expr').map((a) => `"x\${${a}}y"`),
    fc.tuple(tie('expr'), tie('expr')).map(([c, a]) => `"%{if ${c}}\${${a}}%{else}e%{endif}"`),
    fc.tuple(tie('expr'), tie('expr')).map(([coll, a]) => `"%{for x in ${coll}~}\${${a}}%{endfor}"`),
    tie('expr').map((a) => `<<EOT\n\${${a}}\nEOT\n`),
  ),
}));

/** A generated expression with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    expr,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace'),
        fc.constantFrom(...'()[]{}"$%~.,:?=<>!*/\\ \n\tx0'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([src, edits]) =>
    edits.reduce((s, [at, op, ch]) => {
      const i = s.length === 0 ? 0 : at % s.length;
      if (op === 'insert') return s.slice(0, i) + ch + s.slice(i);
      if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i) + ch + s.slice(i + 1);
    }, src),
  );

const randomText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

/**
 * Parses and evaluates `src`, even after parse errors (hcl's parser returns a
 * usable tree), and returns how long it took. Throws only if the parser or the
 * evaluator does.
 */
function parseAndEvaluate(src: string): number {
  const started = performance.now();
  const parsed = parseExpression(src, '<fuzz>');
  evaluate(parsed.expr, scope.context);
  return performance.now() - started;
}

function neverThrowsNorHangs(arbitrary: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (src) => {
      expect(parseAndEvaluate(src)).toBeLessThan(1000);
    }),
    { numRuns, seed: Number(process.env.KILN_FUZZ_SEED ?? 20_260_101) },
  );
}

describe('parse and evaluate never throw nor hang', () => {
  it('on grammar-shaped expressions', () => neverThrowsNorHangs(expr, 1500));
  it('on mutated expressions', () => neverThrowsNorHangs(mutated, 1500));
  it('on random text', () => neverThrowsNorHangs(randomText, 1500));
});

describe('an invalid number literal', () => {
  // As in hcl, the parser reports it and the evaluator treats it as an unknown number.
  it('evaluates to an unknown number after the parse error', () => {
    const parsed = parseExpression('(0.5.0)', '<fuzz>');
    expect(parsed.diags.map((d) => d.summary)).toEqual(['Invalid number literal']);
    const { value } = evaluate(parsed.expr, scope.context);
    expect(value.isKnown()).toBe(false);
    expect(value.type.kind).toBe('number');
  });
});

describe('kiln console never throws', () => {
  it('on random lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(expr, mutated, randomText), { minLength: 1, maxLength: 4 }), async (lines) => {
        const m = memoryIO({ cwd: templateDir, stdin: `${lines.join('\n')}\n` });
        const exit = await runConsole(['-var', 'required=r', 'console-basic'], m.io);
        expect([0, 1]).toContain(exit);
        expect(m.stdout()).toMatch(/\n$/);
      }),
      { numRuns: 150, seed: Number(process.env.KILN_FUZZ_SEED ?? 20_260_101) },
    );
  });
});
