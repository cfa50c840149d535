import { configTypeOf, newMetaArgs } from '../cli/meta-args.js';
import type { ActionContext } from './context.js';

/** HCL2 or a legacy JSON template, as the CLI decides (a directory or *.pkr.hcl/json is HCL2); a failure message when the path is unusable. */
export function templateKind(ctx: ActionContext): { kind: 'hcl2' | 'json' } | { failure: string } {
  const kind = configTypeOf({ ...newMetaArgs(), path: ctx.inputs.template }, ctx.io.cwd);
  if (kind.error !== undefined) return { failure: `Template ${JSON.stringify(ctx.inputs.template)}: ${kind.error}` };
  return { kind: kind.type };
}
