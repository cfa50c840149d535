import type { PrepareErrors } from '../schema/index.js';
import { statProblem } from './communicator.prepare.js';
import { isBadGlobPattern } from './go-glob.js';

/*
 * FloppyConfig.Prepare and CDConfig.Prepare of packer-plugin-sdk: each listed
 * path must exist, unless it is a glob pattern, which only has to be well formed.
 */

export interface MediaFiles {
  readonly floppy_files?: readonly string[];
  readonly floppy_dirs?: readonly string[];
  readonly cd_files?: readonly string[];
}

export function checkFloppy(c: MediaFiles, out: PrepareErrors): void {
  for (const path of c.floppy_files ?? []) {
    const problem = pathProblem(path);
    if (problem) out.error(`Bad Floppy disk file '${path}': ${problem}`);
  }
  for (const path of c.floppy_dirs ?? []) {
    const problem = pathProblem(path);
    if (problem) out.error(`Bad Floppy disk directory '${path}': ${problem}`);
  }
}

export function checkCd(c: MediaFiles, out: PrepareErrors): void {
  for (const path of c.cd_files ?? []) {
    const problem = pathProblem(path);
    if (problem) out.error(`Bad CD disk file '${path}': ${problem}`);
  }
}

function pathProblem(path: string): string | undefined {
  if (/[*?[]/.test(path)) return isBadGlobPattern(path) ? 'syntax error in pattern' : undefined;
  return statProblem(path);
}
