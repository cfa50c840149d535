import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runAction, tempTree, type ActionBundle } from './support/run-action.js';

/* command validate, plan and inspect, run as the runner runs them. */

let bundle: ActionBundle;
beforeAll(() => {
  bundle = bundleAction();
});
afterAll(() => bundle.dispose());

const valid = `
variable "region" {
  type = string
}
source "null" "a" {
  communicator = "none"
}
source "null" "b" {
  communicator = "none"
}
build {
  name    = "img"
  sources = ["source.null.a", "source.null.b"]
}
`;

describe('the action, command validate', () => {
  it('annotates each diagnostic at its range relative to the workspace and outputs valid=false', () => {
    const ws = tempTree({
      'pkr/t.pkr.hcl':
        'source "null" "a" {\n  communicator = "none"\n  foo          = "bar"\n}\nbuild {\n  sources = ["source.null.a"]\n}\n',
    });
    const r = runAction(bundle, { command: 'validate', template: 'pkr' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.outputs).toEqual({ valid: 'false' });
    expect(r.stdout).toBe(
      [
        'Error: Unsupported argument',
        '',
        '  on pkr/t.pkr.hcl line 3:',
        '  (source code not available)',
        '',
        'An argument named "foo" is not expected here.',
        '',
        '',
        '::error title=Unsupported argument,file=pkr/t.pkr.hcl,line=3,endLine=3,col=3,endColumn=6::An argument named "foo" is not expected here.',
        '::error::The configuration is invalid: 1 error(s).',
        '',
      ].join('\n'),
    );
    expect(r.summary).toBe(
      [
        '<h2>Kiln validate</h2>',
        '<p>The configuration is invalid. 1 error(s), 0 warning(s).</p>',
        '<ul><li>Error: <code>pkr/t.pkr.hcl:3:3</code> <strong>Unsupported argument</strong> An argument named &quot;foo&quot; is not expected here.</li></ul>',
        '',
      ].join('\n'),
    );
  });

  it('quotes the source of parse errors, relative to working-directory', () => {
    const ws = tempTree({ 'sub/dir/t.pkr.hcl': 'build {\n  sources = [\n' });
    const r = runAction(
      bundle,
      { command: 'validate', 'working-directory': 'sub', template: 'dir' },
      { workspace: ws },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error title=[^,]+,file=sub\/dir\/t\.pkr\.hcl,line=\d+,endLine=\d+,col=\d+,endColumn=\d+::/m,
    );
    expect(r.outputs).toEqual({ valid: 'false' });
  });

  it('passes variables as -var does and outputs valid=true; summary off', () => {
    const ws = tempTree({ 't.pkr.hcl': valid });
    const r = runAction(
      bundle,
      { command: 'validate', variables: 'region="eu-west-1"', summary: 'false' },
      { workspace: ws },
    );
    expect(r.stdout).toBe('The configuration is valid.\n');
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({ valid: 'true' });
    expect(r.summary).toBe('');
  });

  it('reads var-files relative to working-directory', () => {
    const ws = tempTree({ 'p/t.pkr.hcl': valid, 'p/vars/x.pkrvars.hcl': 'region = "a"\n' });
    const r = runAction(
      bundle,
      { command: 'validate', 'working-directory': 'p', 'var-files': 'vars/x.pkrvars.hcl\n' },
      { workspace: ws },
    );
    expect(r.outputs).toEqual({ valid: 'true' });
  });

  it('reports an unset variable without a file location', () => {
    const ws = tempTree({ 't.pkr.hcl': valid });
    const r = runAction(bundle, { command: 'validate' }, { workspace: ws });
    expect(r.outputs).toEqual({ valid: 'false' });
    expect(r.stdout).toContain(
      '::error title=Unset variable "region"::A used variable must be set or have a default value; see https://packer.io/docs/templates/hcl_templates/syntax for details.\n',
    );
  });
});

describe('the action, command plan', () => {
  it('outputs the builds as a matrix, filtered by except', () => {
    const ws = tempTree({ 't.pkr.hcl': valid });
    const r = runAction(bundle, { command: 'plan', variables: 'region=x' }, { workspace: ws });
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({ matrix: '{"include":[{"build":"img.null.a"},{"build":"img.null.b"}]}' });
    expect(r.stdout).toBe('{"include":[{"build":"img.null.a"},{"build":"img.null.b"}]}\n');
    const only = runAction(bundle, { command: 'plan', variables: 'region=x', except: 'img.null.a' }, { workspace: ws });
    expect(only.outputs).toEqual({ matrix: '{"include":[{"build":"img.null.b"}]}' });
  });

  it('fails when no build is selected', () => {
    const ws = tempTree({ 't.pkr.hcl': valid });
    const r = runAction(bundle, { command: 'plan', variables: 'region=x', only: 'nothing.*' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.outputs).toEqual({ matrix: '{"include":[]}' });
    expect(r.stdout).toContain('::error::No builds to run: the only and except inputs select none.\n');
  });
});

describe('the action, command inspect', () => {
  it('prints the template with sensitive values masked', () => {
    const ws = tempTree({
      't.pkr.hcl':
        'variable "pw" {\n  type      = string\n  sensitive = true\n}\nsource "null" "a" {\n  communicator = "none"\n}\nbuild {\n  sources = ["source.null.a"]\n}\n',
    });
    const r = runAction(bundle, { command: 'inspect', variables: 'pw=s3cr3t-value' }, { workspace: ws });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('::add-mask::s3cr3t-value');
    expect(r.stdout.split('\n').slice(1).join('\n')).not.toContain('s3cr3t-value');
    expect(r.stdout).toContain('> input-variables:');
  });
});
