import type { ListNode } from './ast.js';
import type { InterpolateContext } from './context.js';
import { GoTemplateError } from './errors.js';
import { execute } from './exec.js';
import { builtinFuncs } from './funcs-builtin.js';
import type { GoFunc } from './func-spec.js';
import { packerFuncs, pluginFunc } from './packer-funcs.js';
import { parseTrees } from './parser.js';

/*
 * The public entry of the Go template engine: parse once, render with a
 * context (Packer's interpolate.I), and interpolate = Packer's
 * interpolate.Render, which renders again until the output stops changing.
 */

export type { InterpolateContext } from './context.js';
export { GoTemplateError } from './errors.js';
export type { GoFunc, ParamType } from './func-spec.js';
export { GoStruct } from './values.js';

export interface GoTemplate {
  readonly name: string;
  readonly text: string;
  /** Every template the text defines, the top-level one included. */
  readonly trees: ReadonlyMap<string, ListNode>;
}

const PACKER_FUNC_NAMES: ReadonlySet<string> = new Set(
  packerFuncs({ userVariables: {}, enableEnv: false, initTime: new Date(0), packerVersion: '' }).keys(),
);

/**
 * Parses `text` as the template `name`. Function names are checked as Go
 * does: builtins, Packer's functions and `extraFuncNames` (plugins' functions).
 */
export function parseGoTemplate(
  text: string,
  name: string,
  extraFuncNames: Iterable<string> = [],
): { template?: GoTemplate; error?: GoTemplateError } {
  const extra = new Set(extraFuncNames);
  const hasFunction = (fn: string): boolean => builtinFuncs.has(fn) || PACKER_FUNC_NAMES.has(fn) || extra.has(fn);
  try {
    return { template: { name, text, trees: parseTrees(text, name, hasFunction) } };
  } catch (e) {
    if (e instanceof GoTemplateError) return { error: e };
    throw e;
  }
}

function funcTable(ctx: InterpolateContext): { funcs: Map<string, GoFunc>; builtins: ReadonlyMap<string, GoFunc> } {
  const funcs = packerFuncs(ctx);
  for (const [name, f] of Object.entries(ctx.extraFuncs ?? {})) funcs.set(name, pluginFunc(f));
  return { funcs, builtins: builtinFuncs };
}

/** Executes a parsed template; throws GoTemplateError with Go's execution error wording. */
export function renderGoTemplate(template: GoTemplate, ctx: InterpolateContext): string {
  return execute(
    { parseName: template.name, text: template.text, trees: template.trees },
    template.name,
    funcTable(ctx),
    ctx.data,
  );
}

/** Packer's interpolate.RenderOnce: parse as "root" and render once. */
export function interpolateOnce(text: string, ctx: InterpolateContext): string {
  const { template, error } = parseGoTemplate(text, 'root', Object.keys(ctx.extraFuncs ?? {}));
  if (error || !template) throw error;
  return renderGoTemplate(template, ctx);
}

/** Packer's interpolate.Render: render until the output no longer changes (values may hold templates). */
export function interpolate(text: string, ctx: InterpolateContext): string {
  for (;;) {
    const rendered = interpolateOnce(text, ctx);
    if (rendered === text) return rendered;
    text = rendered;
  }
}

/** Packer's interpolate.Validate: only checks that the text parses. */
export function validateGoTemplate(text: string, extraFuncNames: Iterable<string> = []): GoTemplateError | undefined {
  return parseGoTemplate(text, 'root', extraFuncNames).error;
}
