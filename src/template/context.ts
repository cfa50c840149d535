import type { EvalContext } from '../eval/context.js';
import { packerFunctions } from '../eval/functions/index.js';
import { EmptyObjectType, StringType } from '../eval/types.js';
import { Value } from '../eval/value.js';
import { PACKER_COMPAT_VERSION } from '../version.js';

/*
 * The evaluation scope Packer gives template expressions (PackerConfig.EvalContext):
 * var, local, source, build, path and packer; data only where data sources ran.
 */

export interface ScopeValues {
  readonly cwd: string;
  readonly baseDir: string;
  readonly variables: ReadonlyMap<string, Value>;
  readonly locals: ReadonlyMap<string, Value>;
  /** `data.TYPE.NAME` values, for the contexts that see data sources. */
  readonly data?: Value;
}

export function templateContext(scope: ScopeValues): EvalContext {
  const vars = new Map<string, Value>([
    ['var', Value.object(scope.variables)],
    ['local', Value.object(scope.locals)],
    ['source', Value.object({ type: Value.unknown(StringType), name: Value.unknown(StringType) })],
    ['build', Value.unknown(EmptyObjectType)],
    [
      'path',
      Value.object({
        cwd: Value.string(scope.cwd.replaceAll('\\', '/')),
        root: Value.string(scope.baseDir.replaceAll('\\', '/')),
      }),
    ],
    [
      'packer',
      Value.object({
        version: Value.string(PACKER_COMPAT_VERSION),
        iterationID: Value.unknown(StringType),
        versionFingerprint: Value.unknown(StringType),
      }),
    ],
  ]);
  if (scope.data) vars.set('data', scope.data);
  // As in Packer, file functions join relative paths to the template directory as given
  // ("" without a template), so their messages name paths the way the user wrote them.
  return { variables: vars, functions: packerFunctions(scope.baseDir) };
}
