import { PACKER_COMPAT_VERSION } from '../../version.js';
import { GoFuncError } from '../gotemplate/errors.js';
import type { GoFunc, InterpolateContext } from '../gotemplate/render.js';

/*
 * What every interpolation of one legacy template shares: the environment and
 * working directory it was loaded with (instead of the process's), one instant
 * for timestamp/isotime, and the template path.
 */

export interface LegacyEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly initTime: Date;
  /** Absolute path of the template, for template_dir. */
  readonly templatePath: string;
}

export type ContextFields = Omit<InterpolateContext, 'initTime' | 'packerVersion' | 'templatePath' | 'extraFuncs'>;

export function interpolateContext(e: LegacyEnvironment, fields: ContextFields): InterpolateContext {
  const env: GoFunc = {
    params: ['string'],
    call: ([k]) => {
      if (!fields.enableEnv) throw new GoFuncError('env vars are not allowed here');
      return e.env[k as string] ?? '';
    },
  };
  const pwd: GoFunc = { params: [], call: () => e.cwd };
  return {
    ...fields,
    initTime: e.initTime,
    packerVersion: PACKER_COMPAT_VERSION,
    templatePath: e.templatePath,
    extraFuncs: { env, pwd },
  };
}
