import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Runs the committed action bundle the way the runner does: inputs as INPUT_*
 * environment variables, outputs read back from the GITHUB_OUTPUT file.
 */

const bundle = join(import.meta.dirname, '..', '..', 'dist', 'main', 'index.js');

function runAction(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-action-'));
  const outputFile = join(dir, 'github-output');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const r = spawnSync(process.execPath, [bundle], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) };
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!;
  return outputs;
}

function templateDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-fmt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const defaults = { command: 'fmt', template: '.', 'fmt-write': 'false' };

describe('the action bundle, command fmt', () => {
  it('fails and lists the files that need formatting, with a diff in the log', () => {
    const dir = templateDir({ 'a.pkr.hcl': 'a   = 1\nbb = 2\n', 'b.pkr.hcl': 'x = 1\n' });
    const r = runAction({ ...defaults, 'working-directory': dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.outputs.unformatted ?? 'null')).toEqual(['a.pkr.hcl']);
    expect(r.stdout).toContain('-a   = 1');
    expect(r.stdout).toContain('::error::1 file(s) are not formatted');
  });

  it('passes with an empty list when every file is formatted', () => {
    const dir = templateDir({ 'b.pkr.hcl': 'x = 1\n' });
    const r = runAction({ ...defaults, 'working-directory': dir });
    expect(r.status).toBe(0);
    expect(r.outputs.unformatted).toBe('[]');
  });

  it('rewrites files with fmt-write', () => {
    const dir = templateDir({ 'a.pkr.hcl': 'a   = 1\nbb = 2\n' });
    const r = runAction({ ...defaults, 'working-directory': dir, 'fmt-write': 'true' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'a.pkr.hcl'), 'utf8')).toBe('a  = 1\nbb = 2\n');
  });

  it('reports a file that does not parse', () => {
    const dir = templateDir({ 'bad.pkr.hcl': 'a = \n' });
    const r = runAction({ ...defaults, 'working-directory': dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('bad.pkr.hcl');
    expect(r.outputs.unformatted).toBe('[]');
  });

  it('refuses commands this release does not have', () => {
    const r = runAction({ ...defaults, command: 'build' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::Kiln build is not available in this release; supported: fmt');
  });
});
