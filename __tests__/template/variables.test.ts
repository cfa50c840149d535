import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeString } from '../../src/eval/types.js';
import { rawEquals, Sensitive, Value } from '../../src/eval/value.js';
import { NativeBody } from '../../src/hcl/native-body.js';
import { parseConfig } from '../../src/hcl/parse.js';
import {
  collectVariableValues,
  decodeVariableBlock,
  decodeVariablesBlock,
  unsetVariableDiags,
  variableValue,
  type InputVariables,
} from '../../src/template/variables.js';
import { packerAvailable } from '../support/packer.js';
import {
  diagLine,
  errorSummaries,
  fixtures,
  kilnConsole,
  load,
  packerConsole,
  tempTemplate,
  valueIn,
} from './scope-helpers.js';

/* Input variables (hcl2template/types.variables.go): declarations, values by precedence, and their diagnostics. */

const str = Value.string;

/** Decodes every `variable` and `variables` block of one HCL source, as the console scope does. */
function decode(src: string): { variables: InputVariables; diags: string[] } {
  const { file, diags: parseDiags } = parseConfig(src, 'v.pkr.hcl');
  expect(parseDiags).toEqual([]);
  const { content } = new NativeBody(file.body).partialContent({
    attributes: [],
    blocks: [
      { type: 'variable', labelNames: ['name'] },
      { type: 'variables', labelNames: [] },
    ],
  });
  const variables: InputVariables = new Map();
  const diags = content.blocks.flatMap((b) =>
    b.type === 'variable' ? decodeVariableBlock(b, variables) : decodeVariablesBlock(b.body, variables),
  );
  return { variables, diags: diags.map(diagLine) };
}

/** A var file's body, parsed as HCL. */
function varFile(src: string, filename = 'x.pkrvars.hcl') {
  return new NativeBody(parseConfig(src, filename).file.body);
}

function expectValue(got: Value, want: Value): void {
  expect(got.toString()).toBe(want.toString());
  expect(rawEquals(got, want)).toBe(true);
}

describe('variable blocks', () => {
  const basic = decode(`variable "name" {
  type        = string
  default     = "kiln"
  description = "The image name"
}
variable "size" {
  default = 3
}
variable "tags" {
  type    = list(string)
  default = ["a", "b"]
}
variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}
variable "anything" {
  default = {}
}
variable "nothing" {
  default = []
}
variable "required" {
  type = string
}
variable "untyped" {}
`);

  it('decodes without diagnostics', () => {
    expect(basic.diags).toEqual([]);
    expect([...basic.variables.keys()]).toEqual([
      'name',
      'size',
      'tags',
      'secret',
      'anything',
      'nothing',
      'required',
      'untyped',
    ]);
  });

  it.each([
    // name, type, value, description, sensitive
    ['name', 'string', str('kiln'), 'The image name', false],
    ['size', 'number', Value.number(3), undefined, false],
    ['tags', 'list(string)', Value.list([str('a'), str('b')]), undefined, false],
    ['secret', 'string', str('hunter2').mark(Sensitive), undefined, true],
    // `{}` and `[]` defaults leave the variable untyped.
    ['anything', 'any', Value.object({}), undefined, false],
    ['nothing', 'any', Value.tuple([]), undefined, false],
    ['required', 'string', Value.unknown(basic.variables.get('required')!.type), undefined, false],
  ] as const)('%s: type %s', (name, type, value, description, sensitive) => {
    const v = basic.variables.get(name)!;
    expect(typeString(v.type)).toBe(type);
    expect(v.description).toBe(description);
    expect(v.sensitive).toBe(sensitive);
    expectValue(variableValue(v), value);
  });

  it('infers a type only from a non-empty default', () => {
    expect(typeString(basic.variables.get('untyped')!.type)).toBe('any');
    const inferred = decode('variable "o" {\n  default = { a = 1, b = ["x"] }\n}\n');
    expect(typeString(inferred.variables.get('o')!.type)).toBe('object({a=number, b=tuple([string])})');
  });

  it('records each declaration range and the default as the first assignment', () => {
    const v = basic.variables.get('size')!;
    expect(diagLine({ severity: 'error', summary: 'range', subject: v.declRange })).toBe(
      'error: range |  | v.pkr.hcl:6,1-16 | -',
    );
    expect(v.values.map((a) => a.from)).toEqual(['default']);
    expect(basic.variables.get('required')!.values).toEqual([]);
  });

  it('lets a default call env() and nothing else', () => {
    process.env.KILN_TEST_VARIABLE = 'from-env';
    const ok = decode('variable "e" {\n  default = env("KILN_TEST_VARIABLE")\n}\n');
    expect(ok.diags).toEqual([]);
    expectValue(variableValue(ok.variables.get('e')!), str('from-env'));
    const bad = decode('variable "e" {\n  default = upper("x")\n}\n');
    expect(bad.diags).toEqual([
      'error: Call to unknown function | There is no function named "upper". | v.pkr.hcl:2,13-18 | v.pkr.hcl:2,13-23',
    ]);
    expect(bad.variables.has('e')).toBe(false);
  });

  it.each([
    [
      'a default of the wrong type',
      'variable "x" {\n  type    = number\n  default = "abc"\n}\n',
      [
        "error: Invalid default value for variable | This default value is not compatible with the variable's type constraint: a number is required. | v.pkr.hcl:3,13-18 | -",
      ],
    ],
    [
      'a list default for a string',
      'variable "x" {\n  type    = string\n  default = ["a"]\n}\n',
      [
        "error: Invalid default value for variable | This default value is not compatible with the variable's type constraint: string required. | v.pkr.hcl:3,13-18 | -",
      ],
    ],
    [
      'two blocks of one name',
      'variable "x" {\n  default = 1\n}\nvariable "x" {\n  default = 2\n}\n',
      ['error: Duplicate variable | Duplicate x variable definition found. | - | v.pkr.hcl:4,1-13'],
    ],
    [
      'a variable block and a legacy entry of one name',
      'variable "x" {\n  default = 1\n}\nvariables {\n  x = 2\n}\n',
      ['error: Duplicate variable | Duplicate x variable definition found. | v.pkr.hcl:5,3-4 | -'],
    ],
    [
      'a name that is not an identifier',
      'variable "1x" {\n  default = 1\n}\n',
      [
        'error: Invalid variable name | A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes. | v.pkr.hcl:1,10-14 | -',
      ],
    ],
    [
      'an unknown argument',
      'variable "x" {\n  defualt = 1\n}\n',
      [
        'error: Unsupported argument | An argument named "defualt" is not expected here. Did you mean "default"? | v.pkr.hcl:2,3-10 | -',
      ],
    ],
  ])('reports %s', (_what, src, want) => {
    expect(decode(src).diags).toEqual(want);
  });

  it('keeps the first of two declarations, and an invalid default as an unknown value', () => {
    expectValue(
      variableValue(decode('variable "x" {\n  default = 1\n}\nvariable "x" {\n  default = 2\n}\n').variables.get('x')!),
      Value.number(1),
    );
    const bad = decode('variable "x" {\n  type    = number\n  default = "abc"\n}\n').variables.get('x')!;
    expect(typeString(bad.type)).toBe('number');
    expect(variableValue(bad).isKnown()).toBe(false);
  });

  it('reports a duplicate across the files of a directory', () => {
    const dir = tempTemplate({
      'a.pkr.hcl': 'variable "x" {\n  default = "a"\n}\n',
      'b.pkr.hcl': 'variable "x" {\n  default = "b"\n}\n',
    });
    const { diags, scope } = load({ cwd: dir, template: '.' });
    expect(diags.map(diagLine)).toEqual([
      'error: Duplicate variable | Duplicate x variable definition found. | - | b.pkr.hcl:1,1-13',
    ]);
    expectValue(valueIn(scope, 'var.x'), str('a'));
  });
});

describe('the legacy variables block', () => {
  it('declares each attribute with the type of its value', () => {
    const { variables, diags } = decode(
      'variables {\n  a = "one"\n  b = [1, 2]\n  c = env("KILN_UNSET_FOR_TEST")\n}\n',
    );
    expect(diags).toEqual([]);
    expect([...variables.values()].map((v) => `${v.name}: ${typeString(v.type)} = ${variableValue(v)}`)).toEqual([
      'a: string = "one"',
      'b: tuple([number, number]) = tuple[1, 2]',
      'c: string = ""',
    ]);
    expect(diagLine({ severity: 'error', summary: 'range', subject: variables.get('b')!.declRange })).toBe(
      'error: range |  | v.pkr.hcl:3,3-13 | -',
    );
  });
});

describe('values by precedence', () => {
  // default < PKR_VAR_ < auto var files (HCL, then JSON) < -var-file in the order given < -var
  const dir = tempTemplate({
    'vars.pkr.hcl': 'variable "p" {\n  default = "default"\n}\n',
    'a.auto.pkrvars.json': '{"p": "auto json"}\n',
    'b.auto.pkrvars.hcl': 'p = "auto hcl"\n',
    'one.pkrvars.hcl': 'p = "one.pkrvars.hcl"\n',
    'two.pkrvars.json': '{"p": "two.pkrvars.json"}\n',
  });
  const onlyDefault = tempTemplate({ 'vars.pkr.hcl': 'variable "p" {\n  default = "default"\n}\n' });

  it.each([
    ['the default', onlyDefault, {}, [], [], 'default'],
    ['PKR_VAR_ over the default', onlyDefault, { PKR_VAR_p: 'env' }, [], [], 'env'],
    [
      'an auto JSON var file over an auto HCL one, and both over PKR_VAR_',
      dir,
      { PKR_VAR_p: 'env' },
      [],
      [],
      'auto json',
    ],
    ['a -var-file over the auto var files', dir, {}, ['one.pkrvars.hcl'], [], 'one.pkrvars.hcl'],
    // Since Packer 1.13 (#13350) the given order wins, whatever the extension.
    ['the last -var-file given (JSON)', dir, {}, ['one.pkrvars.hcl', 'two.pkrvars.json'], [], 'two.pkrvars.json'],
    ['the last -var-file given (HCL)', dir, {}, ['two.pkrvars.json', 'one.pkrvars.hcl'], [], 'one.pkrvars.hcl'],
    ['-var over everything', dir, { PKR_VAR_p: 'env' }, ['one.pkrvars.hcl'], [['p', 'cmd']], 'cmd'],
    [
      'the last of two -var',
      onlyDefault,
      {},
      [],
      [
        ['p', 'first'],
        ['p', 'second'],
      ],
      'second',
    ],
  ] as const)('%s', (_what, cwd, env, varFiles, vars, want) => {
    const { scope, diags, initDiags } = load({ cwd, template: '.', env, varFiles, vars });
    expect([...diags, ...initDiags]).toEqual([]);
    expectValue(valueIn(scope, 'var.p'), str(want));
  });

  it('records every assignment with where it came from', () => {
    const variables = decode('variable "p" {\n  default = "d"\n}\n').variables;
    const diags = collectVariableValues(variables, {
      env: { PKR_VAR_p: 'e', PKR_VAR_other: 'ignored', HOME: '/root' },
      varFiles: [varFile('p = "f"\n')],
      argv: [['p', 'c']],
      warnOnUndeclaredVar: false,
    });
    expect(diags).toEqual([]);
    expect(variables.get('p')!.values.map((a) => `${a.from}=${a.value}`)).toEqual([
      'default="d"',
      'env="e"',
      'varfile="f"',
      'cmd="c"',
    ]);
  });
});

describe('values from text (PKR_VAR_ and -var)', () => {
  const src = `variable "s" {
  type = string
}
variable "n" {
  type = number
}
variable "u" {}
variable "inferred" {
  default = 1
}
variable "l" {
  type = list(string)
}
variable "b" {
  type = bool
}
variable "o" {
  type = object({ name = string, size = optional(number, 10) })
}
`;

  it.each([
    // variable, text, value
    ['s', '["a"]', str('["a"]')],
    ['s', '${upper("x")}', str('${upper("x")}')],
    ['n', '007', Value.number(7)],
    ['u', '[1, 2]', str('[1, 2]')],
    ['inferred', '2', Value.number(2)],
    ['l', '["a", "b"]', Value.list([str('a'), str('b')])],
    ['b', 'true', Value.bool(true)],
    ['o', '{ name = "x" }', Value.object({ name: str('x'), size: Value.number(10) })],
  ] as const)('%s = %s', (name, text, want) => {
    for (const inputs of [
      { env: { [`PKR_VAR_${name}`]: text }, argv: [] },
      { env: {}, argv: [[name, text] as const] },
    ]) {
      const { variables } = decode(src);
      const diags = collectVariableValues(variables, { ...inputs, varFiles: [], warnOnUndeclaredVar: false });
      expect(diags.map(diagLine)).toEqual([]);
      expectValue(variableValue(variables.get(name)!), want);
    }
  });

  it('reports text that does not convert, with the fake file name of its source', () => {
    const { variables } = decode(src);
    const diags = collectVariableValues(variables, {
      env: { PKR_VAR_n: 'many', PKR_VAR_l: '5' },
      varFiles: [],
      argv: [
        ['l', '"x"'],
        ['b', 'maybe'],
        ['n', 'lots'],
      ],
      warnOnUndeclaredVar: false,
    });
    expect(diags.map(diagLine)).toEqual([
      "error: Invalid value for variable | The value for n is not compatible with the variable's type constraint: a number is required. | - | -",
      "error: Invalid value for variable | The value for l is not compatible with the variable's type constraint: list of string required. | <value for var.l from env>:1,1-2 | -",
      "error: Invalid argument value for -var variable | The received arg value for l is not compatible with the variable's type constraint: list of string required. | - | -",
      'error: Variables not allowed | Variables may not be used here. | <value for var.b from arguments>:1,1-6 | -',
      "error: Invalid argument value for -var variable | The received arg value for n is not compatible with the variable's type constraint: a number is required. | - | -",
    ]);
  });

  it('reports a -var for an undeclared variable, and ignores such a PKR_VAR_', () => {
    const { variables } = decode(src);
    const diags = collectVariableValues(variables, {
      env: { PKR_VAR_nope: '1' },
      varFiles: [],
      argv: [['nope', '1']],
      warnOnUndeclaredVar: false,
    });
    expect(diags.map(diagLine)).toEqual([
      'error: Undefined -var variable | A "nope" variable was passed in the command line but was not found in known variables. To declare variable "nope", place this block in one of your .pkr files, such as variables.pkr.hcl | - | -',
    ]);
  });
});

describe('var files', () => {
  const declared = 'variable "tags" {\n  type = list(string)\n  default = []\n}\n';

  it('ignores an undeclared entry unless warnOnUndeclaredVar', () => {
    for (const warn of [false, true]) {
      const { variables } = decode(declared);
      const diags = collectVariableValues(variables, {
        env: {},
        varFiles: [varFile('tags = ["x"]\nextra = 1\n')],
        argv: [],
        warnOnUndeclaredVar: warn,
      });
      expect(diags.map(diagLine)).toEqual(
        warn
          ? [
              'warning: Undefined variable | The variable "extra" was set but was not declared as an input variable.\nTo declare variable "extra" place this block in one of your .pkr.hcl files, such as variables.pkr.hcl\n\nvariable "extra" {\n  type    = string\n  default = null\n} | - | x.pkrvars.hcl:2,1-10',
            ]
          : [],
      );
      expectValue(variableValue(variables.get('tags')!), Value.list([str('x')]));
    }
  });

  it('rejects a variable declaration, and then reads nothing of that file', () => {
    const { variables } = decode(declared);
    const diags = collectVariableValues(variables, {
      env: {},
      varFiles: [varFile('tags = ["x"]\n\nvariable "tags" {\n  default = ["y"]\n}\n')],
      argv: [],
      warnOnUndeclaredVar: false,
    });
    expect(diags.map(diagLine)).toEqual([
      'error: Variable declaration in a .pkrvar file | A .pkrvar file is used to assign values to variables that have already been declared in .pkr files, not to declare new variables. To declare variable "tags", place this block in one of your .pkr files, such as variables.pkr.hcl\n\nTo set a value for this variable in x.pkrvars.hcl, use the definition syntax instead:\n    tags = <value> | x.pkrvars.hcl:3,1-9 | -',
    ]);
    expect(variables.get('tags')!.values.map((a) => a.from)).toEqual(['default']);
  });

  it('reports a value of the wrong type at its line in the var file', () => {
    const dir = tempTemplate({
      'vars.pkr.hcl': declared,
      'bad.pkrvars.hcl': '# tags\n\ntags = "not a list"\n',
    });
    const { diags } = load({ cwd: dir, template: 'vars.pkr.hcl', varFiles: ['bad.pkrvars.hcl'] });
    expect(diags.map(diagLine)).toEqual([
      "error: Invalid value for variable | The value for tags is not compatible with the variable's type constraint: list of string required. | bad.pkrvars.hcl:3,8-20 | -",
    ]);
  });

  it('reports a var file of another extension, and leaves out one that does not parse', () => {
    const dir = tempTemplate({
      'vars.pkr.hcl': 'variable "p" {\n  default = "d"\n}\n',
      'vars.txt': 'p = "txt"\n',
      'broken.pkrvars.hcl': 'p = "broken"\nq = \n',
    });
    const { diags, scope } = load({ cwd: dir, template: '.', varFiles: ['vars.txt', 'broken.pkrvars.hcl'] });
    expect(diags.map(diagLine)).toEqual([
      'error: Could not guess format of vars.txt | A var file must be suffixed with `.hcl` or `.json`. | - | -',
      'error: Invalid expression | Expected the start of an expression, but found an invalid expression token. | broken.pkrvars.hcl:2,5-3,1 | -',
    ]);
    expectValue(valueIn(scope, 'var.p'), str('d'));
  });
});

describe('unset and sensitive variables', () => {
  it('reports a variable with no value at all, which evaluates to unknown', () => {
    const { variables } = decode('variable "x" {\n  type = string\n}\nvariable "y" {\n  default = null\n}\n');
    expect(unsetVariableDiags(variables).map(diagLine)).toEqual([
      'error: Unset variable "x" | A used variable must be set or have a default value; see https://packer.io/docs/templates/hcl_templates/syntax for details. | - | v.pkr.hcl:1,1-13',
    ]);
    expectValue(variableValue(variables.get('y')!), Value.null(variables.get('y')!.type));
  });

  it('is reported by the scope among the evaluation diagnostics, not the parse ones', () => {
    const dir = tempTemplate({ 'a.pkr.hcl': 'variable "x" {\n  type = string\n}\n' });
    const { diags, initDiags, scope } = load({ cwd: dir, template: 'a.pkr.hcl' });
    expect(diags).toEqual([]);
    expect(initDiags.map((d) => d.summary)).toEqual(['Unset variable "x"']);
    expectValue(
      valueIn(scope, 'var.x'),
      Value.unknown(variableValue(decode('variable "x" {\n  type = string\n}\n').variables.get('x')!).type),
    );
  });

  it('marks a sensitive variable whatever its value came from', () => {
    const { variables } = decode('variable "s" {\n  type      = list(string)\n  sensitive = true\n}\n');
    collectVariableValues(variables, { env: {}, varFiles: [], argv: [['s', '["a"]']], warnOnUndeclaredVar: false });
    expectValue(variableValue(variables.get('s')!), Value.list([str('a')]).mark(Sensitive));
  });
});

describe('JSON templates', () => {
  it('give the same variables as the HCL equivalent', () => {
    const hcl = load({ cwd: fixtures, template: 'console-basic', vars: [['required', 'r']] });
    const json = load({ cwd: fixtures, template: 'console-json', vars: [['required', 'r']] });
    expect(hcl.diags).toEqual([]);
    expect(json.diags).toEqual([]);
    expect(json.scope.describeVariables()).toBe(hcl.scope.describeVariables().replace(/^local\..*\n/gm, ''));
    for (const name of ['name', 'size', 'tags', 'flags', 'secret', 'anything', 'nothing', 'required', 'legacy']) {
      expectValue(valueIn(json.scope, `var.${name}`), valueIn(hcl.scope, `var.${name}`));
    }
  });

  it('reads a JSON declaration error at its place in the JSON file', () => {
    const dir = tempTemplate({
      'a.pkr.json': '{\n  "variable": {\n    "x": {"type": "number", "default": "abc"}\n  }\n}\n',
    });
    expect(load({ cwd: dir, template: '.' }).diags.map(diagLine)).toEqual([
      "error: Invalid default value for variable | This default value is not compatible with the variable's type constraint: a number is required. | a.pkr.json:3,40-45 | -",
    ]);
  });
});

describe.runIf(packerAvailable())('error summaries match packer console 1.6.6', () => {
  it.each([
    ['invalid default', { 'a.pkr.hcl': 'variable "x" {\n  type    = number\n  default = "abc"\n}\n' }, []],
    ['duplicate', { 'a.pkr.hcl': 'variable "x" {\n  default = 1\n}\nvariable "x" {\n  default = 2\n}\n' }, []],
    [
      'duplicate across files',
      { 'a.pkr.hcl': 'variable "x" {\n  default = 1\n}\n', 'b.pkr.hcl': 'variable "x" {\n  default = 1\n}\n' },
      [],
    ],
    ['invalid name', { 'a.pkr.hcl': 'variable "1x" {\n  default = 1\n}\n' }, []],
    ['undefined -var', { 'a.pkr.hcl': 'variable "x" {\n  default = 1\n}\n' }, ['-var', 'y=2']],
    ['-var of the wrong type', { 'a.pkr.hcl': 'variable "x" {\n  type = list(string)\n}\n' }, ['-var', 'x="a"']],
    [
      'a declaration in a var file',
      { 'a.pkr.hcl': 'variable "x" {\n  default = 1\n}\n', 'v.pkrvars.hcl': 'variable "x" {}\n' },
      ['-var-file', 'v.pkrvars.hcl'],
    ],
    [
      'a var file value of the wrong type',
      { 'a.pkr.hcl': 'variable "x" {\n  type = list(string)\n  default = []\n}\n', 'v.pkrvars.hcl': 'x = "a"\n' },
      ['-var-file', 'v.pkrvars.hcl'],
    ],
    ['no config file', { 'notes.txt': '' }, []],
  ])('%s', async (_what, files, args) => {
    const dir = tempTemplate(files);
    const packer = await packerConsole([...args, '.'], dir, 'variables\n');
    const ours = await kilnConsole([...args, '.'], dir, 'variables\n');
    expect(errorSummaries(packer.stdout).length).toBeGreaterThan(0);
    expect(errorSummaries(ours.stdout)).toEqual(errorSummaries(packer.stdout));
    expect([ours.exit, packer.exit]).toEqual([1, 1]);
  });

  it('the variables listing of the same template', async () => {
    const dir = join(fixtures, 'console-basic');
    const args = ['-var', 'required=r', '-var', 'tags=["x"]', '.'];
    const packer = await packerConsole(args, dir, 'variables\n');
    const ours = await kilnConsole(args, dir, 'variables\n');
    expect(ours).toEqual({ stdout: packer.stdout, stderr: '', exit: 0 });
  });
});
