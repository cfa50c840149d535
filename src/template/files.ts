import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { File } from '../hcl/ast.js';
import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { parseJSON } from '../hcl/json/parse.js';
import { NativeBody } from '../hcl/native-body.js';
import { parseConfig } from '../hcl/parse.js';
import { sourceOnlyFile } from '../hcl/source-file.js';
import type { HclBody } from '../hcl/schema.js';

/*
 * Finding and parsing template files as Packer does (hcl2template/parser.go):
 * a file, or every regular file directly in a directory, `*.pkr.hcl` first and
 * then `*.pkr.json`, each group in lexical order; `*.auto.pkrvars.*` only for a
 * directory.
 */

export const HCL_SUFFIX = '.pkr.hcl';
export const JSON_SUFFIX = '.pkr.json';
export const VARS_HCL_SUFFIX = '.pkrvars.hcl';
export const VARS_JSON_SUFFIX = '.pkrvars.json';
export const AUTO_VARS_HCL_SUFFIX = '.auto.pkrvars.hcl';
export const AUTO_VARS_JSON_SUFFIX = '.auto.pkrvars.json';

export interface ParsedFile {
  readonly filename: string;
  readonly body: HclBody;
  /** The source, for quoting lines in diagnostics. */
  readonly source: File;
}

export interface TemplateFiles {
  /** The directory relative paths resolve against (`path.root`). */
  readonly baseDir: string;
  readonly configFiles: ParsedFile[];
  readonly autoVarFiles: ParsedFile[];
}

/** Parses one HCL or JSON file, choosing the syntax by extension. */
export function parseFile(filename: string): { file?: ParsedFile; diags: Diagnostic[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filename);
  } catch (e) {
    return { diags: [errorDiag('Failed to read file', `The file "${filename}" could not be read: ${errnoMessage(e)}.`)] };
  }
  if (filename.endsWith('.json')) {
    const { body, diags } = parseJSON(bytes, filename);
    return { file: { filename, body, source: sourceOnlyFile(filename, bytes) }, diags };
  }
  const { file, diags } = parseConfig(bytes, filename);
  return { file: { filename, body: new NativeBody(file.body), source: file }, diags };
}

/** Loads the template at `path` (a file or a directory). */
export function loadTemplateFiles(path: string): { files: TemplateFiles; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const absolute = resolve(path);
  const isDir = isDirectory(absolute);
  const names = isDir ? listDirectory(absolute) : [basename(absolute)];
  const dir = isDir ? absolute : dirname(absolute);
  const pick = (suffix: string) => names.filter((n) => n.endsWith(suffix)).map((n) => join(dir, n));

  const configPaths = isDir ? [...pick(HCL_SUFFIX), ...pick(JSON_SUFFIX)] : [absolute];
  const autoPaths = isDir ? [...pick(AUTO_VARS_HCL_SUFFIX), ...pick(AUTO_VARS_JSON_SUFFIX)] : [];
  if (configPaths.length === 0) {
    diags.push(errorDiag('Could not find any config file in ' + path, 'A template directory must hold at least one *.pkr.hcl or *.pkr.json file.'));
  }
  const parseAll = (paths: string[]): ParsedFile[] =>
    paths.flatMap((p) => {
      const r = parseFile(p);
      diags.push(...r.diags);
      return r.file ? [r.file] : [];
    });
  const files = { baseDir: dir, configFiles: parseAll(configPaths), autoVarFiles: parseAll(autoPaths) };
  return { files, diags };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listDirectory(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

function errnoMessage(e: unknown): string {
  return e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file or directory' : String(e);
}
