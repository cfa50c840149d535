import { interpolate } from '../../../template/gotemplate/render.js';
import { interpolateContext } from '../../../template/legacy/context.js';
import type { ProvisionContext } from '../../runtime.js';
import type { ShellConfig } from './schema.js';

/*
 * interpolate.Render with the context the provisioner's Prepare decoded
 * (user variables, build name and type, Packer's version) and `data` as the
 * dot: the generated data for inline commands, plus Vars, EnvVarFile and Path
 * for execute_command.
 */

/** interpolate.InitTime: one instant for the process. */
const processStart = new Date();

export function renderTemplate(
  text: string,
  data: Readonly<Record<string, unknown>>,
  config: ShellConfig,
  context: ProvisionContext,
): string {
  const env = { env: {}, cwd: context.cwd, initTime: processStart, templatePath: '' };
  const ctx = interpolateContext(env, {
    userVariables: config.packer_user_variables ?? {},
    sensitiveVariables: config.packer_sensitive_variables ?? [],
    enableEnv: false,
    buildName: context.buildName,
    buildType: context.builderType,
    data,
  });
  return interpolate(text, { ...ctx, packerVersion: config.packer_core_version ?? '' });
}
