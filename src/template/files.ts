import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { File } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { parseJSON } from '../hcl/json/parse.js';
import { NativeBody } from '../hcl/native-body.js';
import { parseConfig } from '../hcl/parse.js';
import { sourceOnlyFile } from '../hcl/source-file.js';
import type { HclBody } from '../hcl/schema.js';

/*
 * Finding and parsing template files as Packer does (hcl2template/parser.go):
 * a `*.pkr.hcl` or `*.pkr.json` file, or every regular file directly in a
 * directory, `*.pkr.hcl` first and then `*.pkr.json`, each group in lexical
 * order; `*.auto.pkrvars.*` only for a directory. Files are named by the path
 * as the user gave it (joined with the entry name for a directory), as Packer's
 * diagnostics show them; they are read relative to `cwd`.
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
  /** `path.root`: the template path as given for a directory, its parent for a file. */
  readonly baseDir: string;
  readonly configFiles: ParsedFile[];
  readonly autoVarFiles: ParsedFile[];
}

/** Parses one HCL or JSON file, choosing the syntax by extension. */
export function parseFile(filename: string, cwd: string): { file?: ParsedFile; diags: Diagnostic[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, filename));
  } catch (e) {
    return {
      diags: [errorDiag('Failed to read file', `The file "${filename}" could not be read: ${errnoMessage(e)}.`)],
    };
  }
  if (filename.endsWith('.json')) {
    const { body, diags } = parseJSON(bytes, filename);
    return { file: { filename, body, source: sourceOnlyFile(filename, bytes) }, diags };
  }
  const { file, diags } = parseConfig(bytes, filename);
  return { file: { filename, body: new NativeBody(file.body), source: file }, diags };
}

/** Loads the template at `path` (a file or a directory, relative to `cwd`). */
export function loadTemplateFiles(path: string, cwd: string): { files: TemplateFiles; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const kind = pathKind(resolve(cwd, path));
  if (kind === 'missing') {
    diags.push(errorDiag('Failed to read file', `The file "${path}" could not be read: no such file or directory.`));
    return { files: { baseDir: path, configFiles: [], autoVarFiles: [] }, diags };
  }
  const isDir = kind === 'directory';
  const names = isDir ? listDirectory(resolve(cwd, path)).map((n) => join(path, n)) : [path];
  const pick = (suffix: string) => names.filter((n) => n.endsWith(suffix));

  const configPaths = [...pick(HCL_SUFFIX), ...pick(JSON_SUFFIX)];
  const autoPaths = isDir ? [...pick(AUTO_VARS_HCL_SUFFIX), ...pick(AUTO_VARS_JSON_SUFFIX)] : [];
  if (configPaths.length === 0) {
    diags.push(
      errorDiag(
        'Could not find any config file in ' + path,
        'A config file must be suffixed with `.pkr.hcl` or `.pkr.json`. A folder can be referenced.',
      ),
    );
  }
  const parseAll = (paths: string[]): ParsedFile[] =>
    paths.flatMap((p) => {
      const r = parseFile(p, cwd);
      diags.push(...r.diags);
      return r.file ? [r.file] : [];
    });
  const baseDir = isDir ? path : normalize(dirname(path)); // Go's filepath.Dir cleans
  const files = { baseDir, configFiles: parseAll(configPaths), autoVarFiles: parseAll(autoPaths) };
  return { files, diags };
}

function pathKind(path: string): 'directory' | 'file' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

function listDirectory(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function errnoMessage(e: unknown): string {
  return e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file or directory' : String(e);
}

/**
 * Var files given with -var-file, by extension (`.hcl` or `.json`); one that
 * does not parse is left out, as Packer does. Parsed sources are added to `files`.
 */
export function parseVarFiles(
  paths: readonly string[],
  cwd: string,
  files: Map<string, File>,
  diags: Diagnostic[],
): ParsedFile[] {
  return paths.flatMap((path) => {
    const ext = extname(path);
    if (ext !== '.hcl' && ext !== '.json') {
      diags.push(errorDiag(`Could not guess format of ${path}`, 'A var file must be suffixed with `.hcl` or `.json`.'));
      return [];
    }
    const r = parseFile(path, cwd);
    diags.push(...r.diags);
    if (!r.file) return [];
    files.set(r.file.filename, r.file.source);
    return hasErrors(r.diags) ? [] : [r.file];
  });
}
