import { runInspect } from '../../cli/inspect.js';
import { parseTemplate } from '../../template/config.js';
import type { ActionContext } from '../context.js';
import { configSecrets } from '../../template/secrets.js';
import { templateKind } from '../template-kind.js';

/*
 * `command: inspect`, as `kiln inspect` with the inputs' variables and var
 * files as -var and -var-file. The template is parsed once beforehand so its
 * sensitive values are masked before inspect prints anything.
 */
export async function inspectCommand(ctx: ActionContext): Promise<string | undefined> {
  const { inputs, io } = ctx;
  const kind = templateKind(ctx);
  if ('failure' in kind) return kind.failure;
  if (kind.kind === 'hcl2') {
    const { config } = parseTemplate({
      path: inputs.template,
      cwd: io.cwd,
      env: io.env,
      vars: inputs.variables,
      varFiles: inputs.varFiles,
      warnOnUndeclaredVar: false,
    });
    if (config) for (const secret of configSecrets(config)) ctx.masker.add(secret);
  }
  const args = [
    ...inputs.variables.flatMap(([name, value]) => ['-var', `${name}=${value}`]),
    ...inputs.varFiles.map((file) => `-var-file=${file}`),
    inputs.template,
  ];
  const code = await runInspect(args, io);
  return code === 0 ? undefined : `kiln inspect exited ${code}`;
}
