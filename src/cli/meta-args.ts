import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { File } from '../hcl/ast.js';
import { formatDiagnostics } from '../hcl/diagnostic-text.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { FlagSpec } from './goflag.js';
import type { Ui } from './ui.js';

/*
 * Packer's MetaArgs (command/cli.go): -only, -except, -var, -var-file and
 * -config-type, shared by validate, inspect and build (console takes only
 * the variable flags); the HCL2-or-legacy
 * choice (GetConfigType); and writeDiags (command/build.go).
 */

export interface MetaArgs {
  only: string[];
  except: string[];
  vars: [string, string][];
  varFiles: string[];
  configType: 'json' | 'hcl2';
  path?: string;
}

export function newMetaArgs(): MetaArgs {
  return { only: [], except: [], vars: [], varFiles: [], configType: 'json' };
}

export function metaFlags(args: MetaArgs): Record<string, FlagSpec> {
  return {
    only: { kind: 'value', set: (v) => void args.only.push(...v.split(',')) },
    except: { kind: 'value', set: (v) => void args.except.push(...v.split(',')) },
    ...varFlags(args),
    'config-type': {
      kind: 'value',
      set: (v) => {
        if (v !== 'json' && v !== 'hcl2') throw new Error(`${v} does not belong to configType values`);
        args.configType = v;
      },
    },
  };
}

/** -var (Packer's kvflag; the flag package prints its error after "invalid value ... for flag -var: ") and -var-file. */
export function varFlags(args: Pick<MetaArgs, 'vars' | 'varFiles'>): Record<'var' | 'var-file', FlagSpec> {
  return {
    var: {
      kind: 'value',
      set: (v) => {
        const eq = v.indexOf('=');
        if (eq < 0) throw new Error(`No '=' value in arg: ${v}`);
        args.vars.push([v.slice(0, eq), v.slice(eq + 1)]);
      },
    },
    'var-file': { kind: 'value', set: (v) => void args.varFiles.push(v) },
  };
}

/** GetConfigType: HCL2 for *.pkr.hcl, *.pkr.json or a directory; else -config-type (json by default). */
export function configTypeOf(args: MetaArgs, cwd: string): { type: 'json' | 'hcl2'; error?: string } {
  const path = args.path ?? '';
  if (path === '' || path === '-') return { type: args.configType };
  if (path.endsWith('.pkr.hcl') || path.endsWith('.pkr.json')) return { type: 'hcl2' };
  try {
    return { type: statSync(resolve(cwd, path)).isDirectory() ? 'hcl2' : args.configType };
  } catch {
    return { type: args.configType, error: `stat ${path}: no such file or directory` };
  }
}

/** writeDiags: diagnostics as hcl's text writer renders them; errors through Ui.Error and status 1. */
export function writeDiags(ui: Ui, files: ReadonlyMap<string, File>, diags: readonly Diagnostic[]): number {
  const text = formatDiagnostics(diags, files, { width: 80, color: false });
  if (text.length === 0) return 0;
  if (hasErrors(diags)) {
    ui.error(text);
    return 1;
  }
  ui.say(text);
  return 0;
}

/** mitchellh/cli answers -h, -help and --help anywhere before "--" with the command's help. */
export function helpRequested(args: readonly string[]): boolean {
  const before = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return before.some((a) => a === '-h' || a === '-help' || a === '--help');
}

/** configTypeOf for a command: prints Packer's error for an unusable path and gives undefined. */
export function templateKind(ui: Ui, meta: MetaArgs, cwd: string): 'json' | 'hcl2' | undefined {
  const kind = configTypeOf(meta, cwd);
  if (kind.error === undefined) return kind.type;
  ui.error(`${JSON.stringify(meta.path ?? '')}: ${kind.error}`);
  return undefined;
}

/** `packer build`'s error when -only/-except (or the template) leave no build to run. */
export const NO_BUILDS_TO_RUN: Diagnostic = {
  severity: 'error',
  summary: 'No builds to run',
  detail:
    'A build command cannot run without at least one build to process. ' +
    'If the only or except flags have been specified at run time check that at least one build is selected for execution.',
};
