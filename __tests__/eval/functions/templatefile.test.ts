import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodingFunctions } from '../../../src/eval/functions/encoding.js';
import type { FunctionSpec } from '../../../src/eval/functions/function.js';
import { stringFunctions } from '../../../src/eval/functions/string.js';
import { makeTemplateFileFunction } from '../../../src/eval/functions/templatefile.js';
import { BoolType, StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, evaluator, invalidArg } from './packer-eval.js';

/* Packer's hcl2template/function/testdata templates, and the documentation's. */
const files: Record<string, string | Buffer> = {
  'hello.txt': 'Hello World',
  'hello.tmpl': 'Hello, ${name}!',
  'func.tmpl': 'The items are ${join(", ", list)}',
  'list.tmpl': '%{ for x in list ~}\n- ${x}\n%{ endfor ~}\n',
  'recursive.tmpl': '${templatefile("recursive.tmpl", {})}',
  'bare.tmpl': '${val}',
  'icon.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]),
  'backends.tmpl': '%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n',
  'config.tmpl': '%{ for config_key, config_value in config }\nset ${config_key} = ${config_value}\n%{ endfor ~}\n',
  'json.tmpl': '${jsonencode({\n  "backends": [for addr in ip_addrs : "${addr}:${port}"],\n})}',
  'broken.tmpl': 'a ${',
  'two.tmpl': '${a} and ${b.c} ${a}',
};

let dir: string;
let t: ReturnType<typeof evaluator>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiln-tmpl-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const table: Record<string, FunctionSpec> = { ...stringFunctions, ...encodingFunctions };
  table.templatefile = makeTemplateFileFunction(dir, () => new Map(Object.entries(table)));
  t = evaluator(table);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('templatefile', () => {
  test.each([
    // Packer's test cases.
    ['"hello.txt", {}', 'Hello World'],
    ['"hello.tmpl", {name = "Jimbo"}', 'Hello, Jimbo!'],
    ['"func.tmpl", {list = ["a", "b", "c"]}', 'The items are a, b, c'],
    ['"list.tmpl", {list = ["a", "b", "c"]}', '- a\n- b\n- c\n'],
    // Documentation examples.
    [
      '"backends.tmpl", { port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"] }',
      'backend 10.0.0.1:8080\nbackend 10.0.0.2:8080\n',
    ],
    [
      '"config.tmpl", { config = { "x" = "y", "foo" = "bar", "key" = "value" } }',
      '\nset foo = bar\n\nset key = value\n\nset x = y\n',
    ],
    [
      '"json.tmpl", { port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"] }',
      '{"backends":["10.0.0.1:8080","10.0.0.2:8080"]}',
    ],
  ])('templatefile(%s)', (args, want) => {
    expect(t.str(`templatefile(${args})`)).toBe(want);
  });

  test('a template that is only an interpolation keeps its type', () => {
    t.expectValue('templatefile("bare.tmpl", {val = true})', Value.bool(true));
    t.expectValue('templatefile("bare.tmpl", {val = [1]})', Value.tuple([Value.number(1)]));
  });

  test('reads the file relative to the template directory, or absolute', () => {
    expect(t.str(`templatefile("${dir}/hello.tmpl", {name = "x"})`)).toBe('Hello, x!');
  });

  test.each([
    [
      '"icon.png", {}',
      callFailed(
        'templatefile',
        'contents of icon.png are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead',
      ),
    ],
    [
      '"hello.tmpl", {"name!" = "Jodie"}',
      invalidArg(
        'vars',
        'invalid template variable name "name!": must start with a letter, followed by zero or more letters, digits, and underscores',
      ),
    ],
    ['"hello.tmpl", {}', invalidArg('vars', 'vars map does not contain key "name", referenced at hello.tmpl:1,10-14')],
    ['"two.tmpl", {b = 1}', invalidArg('vars', 'vars map does not contain key "a", referenced at two.tmpl:1,3-4')],
    ['"hello.tmpl", "x"', invalidArg('vars', 'invalid vars value: must be a map')],
    [
      '"recursive.tmpl", {}',
      callFailed(
        'templatefile',
        'recursive.tmpl:1,3-16: Error in function call; Call to function "templatefile" failed: cannot recursively call templatefile from inside templatefile call.',
      ),
    ],
    [
      '"list.tmpl", {list = true}',
      callFailed(
        'templatefile',
        "list.tmpl:1,13-17: Iteration over non-iterable value; A value of type bool cannot be used as the collection in a 'for' expression.",
      ),
    ],
  ])('templatefile(%s) fails', (args, want) => {
    expect(t.errorOf(`templatefile(${args})`)).toBe(want);
  });

  test('a missing file names the resolved path', () => {
    expect(t.errorOf('templatefile("missing", {})')).toBe(
      callFailed('templatefile', `no file exists at ${dir}/missing`),
    );
  });

  test('template syntax errors are reported with their position', () => {
    expect(t.errorOf('templatefile("broken.tmpl", {})')).toMatch(
      /^Error in function call: Call to function "templatefile" failed: broken\.tmpl:1,\d+-\d+: .+\.$/,
    );
  });

  test('unknown arguments give an unknown result of unknown type', () => {
    t.expectValue('templatefile("hello.tmpl", v.ud)', Value.unknown({ kind: 'dynamic' }));
    t.expectValue('templatefile("hello.tmpl", {name = v.us})', Value.unknown(StringType));
  });

  test('the result type is checked before evaluation', () => {
    expect(t.value('templatefile("bare.tmpl", {val = false})').type).toEqual(BoolType);
  });
});
