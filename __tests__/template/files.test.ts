import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplateFiles, parseFile } from '../../src/template/files.js';
import { packerAvailable } from '../support/packer.js';
import { diagLine, fixtures, kilnConsole, load, packerConsole, tempTemplate, valueIn } from './scope-helpers.js';

/* Finding and parsing a template's files (hcl2template/parser.go, GetHCL2Files). */

const dir = tempTemplate({
  'b.pkr.hcl': 'variable "b" {\n  default = 1\n}\n',
  'a.pkr.json': '{"variable": {"a": {"default": 1}}}\n',
  'c.pkr.hcl': '',
  'z.auto.pkrvars.json': '{}\n',
  'y.auto.pkrvars.hcl': '',
  'x.pkrvars.hcl': '',
  'notes.txt': 'not a template',
  'sub/d.pkr.hcl': 'variable "d" {}\n',
});

describe('loadTemplateFiles', () => {
  it('reads a directory: *.pkr.hcl then *.pkr.json, and its auto var files, not sub directories', () => {
    const { files, diags } = loadTemplateFiles('.', dir);
    expect(diags).toEqual([]);
    expect(files.baseDir).toBe('.');
    expect(files.configFiles.map((f) => f.filename)).toEqual(['b.pkr.hcl', 'c.pkr.hcl', 'a.pkr.json']);
    expect(files.autoVarFiles.map((f) => f.filename)).toEqual(['y.auto.pkrvars.hcl', 'z.auto.pkrvars.json']);
  });

  it('names the files by the path as given, cleaned as Go joins paths', () => {
    const parent = join(dir, '..');
    const name = dir.slice(parent.length + 1);
    const { files } = loadTemplateFiles(`./${name}/`, parent);
    expect(files.baseDir).toBe(`./${name}/`);
    expect(files.configFiles.map((f) => f.filename)).toEqual([
      `${name}/b.pkr.hcl`,
      `${name}/c.pkr.hcl`,
      `${name}/a.pkr.json`,
    ]);
  });

  it('reads a single file without the auto var files beside it', () => {
    const { files, diags } = loadTemplateFiles('./b.pkr.hcl', dir);
    expect(diags).toEqual([]);
    expect(files.baseDir).toBe('.');
    expect(files.configFiles.map((f) => f.filename)).toEqual(['./b.pkr.hcl']);
    expect(files.autoVarFiles).toEqual([]);
    expect(loadTemplateFiles('sub/d.pkr.hcl', dir).files.baseDir).toBe('sub');
  });

  it.each([
    ['an empty directory', 'empty', { 'empty/.keep': '' }],
    ['a directory of other files', 'other', { 'other/vars.pkrvars.hcl': '', 'other/t.hcl': '' }],
    ['a file of another extension', 'template.hcl', { 'template.hcl': 'variable "x" {}\n' }],
  ])('finds no config file in %s', (_what, path, files) => {
    const { diags } = loadTemplateFiles(path, tempTemplate(files));
    expect(diags.map(diagLine)).toEqual([
      `error: Could not find any config file in ${path} | A config file must be suffixed with \`.pkr.hcl\` or \`.pkr.json\`. A folder can be referenced. | - | -`,
    ]);
  });

  it('reports a path that does not exist', () => {
    expect(loadTemplateFiles('missing', dir).diags.map(diagLine)).toEqual([
      'error: Failed to read file | The file "missing" could not be read: no such file or directory. | - | -',
    ]);
  });

  it('reports the syntax errors of each file', () => {
    const broken = tempTemplate({
      'a.pkr.hcl': 'variable "x" {\n  default = \n}\n',
      'b.pkr.json': '{"variable": tru}',
    });
    expect(loadTemplateFiles('.', broken).diags.map((d) => `${d.summary} @ ${diagLine(d).split(' | ')[2]}`)).toEqual([
      'Invalid expression @ a.pkr.hcl:2,13-3,1',
      'Invalid JSON keyword @ b.pkr.json:1,14-17',
    ]);
  });
});

describe('parseFile', () => {
  it('chooses the syntax by extension', () => {
    const json = parseFile('a.pkr.json', dir);
    const hcl = parseFile('b.pkr.hcl', dir);
    expect([json.diags, hcl.diags]).toEqual([[], []]);
    const blocks = (f: typeof json) =>
      f
        .file!.body.partialContent({ attributes: [], blocks: [{ type: 'variable', labelNames: ['name'] }] })
        .content.blocks.map((b) => b.labels[0]);
    expect(blocks(json)).toEqual(['a']);
    expect(blocks(hcl)).toEqual(['b']);
  });
});

describe('the console scope of a template', () => {
  it('stops at a file that does not parse, before decoding any block', () => {
    const broken = tempTemplate({
      'a.pkr.hcl': 'variable "x" {\n  default = 1\n}\n',
      'b.pkr.hcl': 'locals {\n  y = \n}\n',
    });
    const { scope, diags, initDiags } = load({ cwd: broken, template: '.', vars: [['undeclared', '1']] });
    expect(diags.map((d) => d.summary)).toEqual(['Invalid expression']);
    expect(initDiags).toEqual([]);
    expect(valueIn(scope, 'var').toString()).toBe('object{}');
  });

  it.each([
    ['.', '.'],
    ['./', './'],
    ['console-basic', 'console-basic'],
    ['./console-basic/', './console-basic/'],
    ['console-basic/variables.pkr.hcl', 'console-basic'],
    ['./console-basic/variables.pkr.hcl', 'console-basic'],
  ])('gives path.root for %s as Packer does', (template, root) => {
    const cwd =
      template.startsWith('.') && !template.includes('console-basic') ? join(fixtures, 'console-basic') : fixtures;
    const { scope } = load({ cwd, template, vars: [['required', 'r']] });
    expect(valueIn(scope, 'path.root').asString()).toBe(root);
    expect(valueIn(scope, 'path.cwd').asString()).toBe(cwd);
  });

  it('has an empty path.root without a template', () => {
    expect(valueIn(load({ cwd: dir }).scope, 'path.root').asString()).toBe('');
  });
});

describe.runIf(packerAvailable())('packer console 1.6.6 on the same paths', () => {
  it.each([
    'console-basic',
    './console-basic/',
    'console-basic/variables.pkr.hcl',
    './console-basic/variables.pkr.hcl',
  ])('path.root of %s', async (template) => {
    const args = ['-var', 'required=r', template];
    const packer = await packerConsole(args, fixtures, 'path.root\n');
    const ours = await kilnConsole(args, fixtures, 'path.root\n');
    expect(ours).toEqual({ ...packer, stderr: '' });
  });

  it('no config file in a directory', async () => {
    const empty = tempTemplate({ 'empty/notes.txt': '' });
    const packer = await packerConsole(['empty'], empty, '1\n');
    const ours = await kilnConsole(['empty'], empty, '1\n');
    expect(ours).toEqual({ ...packer, stderr: '' });
  });
});
