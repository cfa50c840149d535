import { PACKER_COMPAT_VERSION } from '../../version.js';
import { interpolate } from '../gotemplate/render.js';
import { checkConstraints, parseGoVersion, type GoVersion } from '../version-constraint.js';
import { interpolateContext, type LegacyEnvironment } from './context.js';
import { MultiError } from './errors.js';
import type { LegacyBuilder, LegacyTemplate, OnlyExcept } from './model.js';
import { renderVariables } from './variables.js';

/*
 * packer.Core.Initialize for a legacy template: template.Validate, the
 * min_packer_version check, required variables, user variables rendered, and
 * build names interpolated. Any failure is one error text, which Packer shows
 * as a diagnostic with an empty summary.
 */

export interface InitializedCore {
  /** Rendered user variables (what `{{user}}` reads from here on). */
  readonly variables: Readonly<Record<string, string>>;
  /** Values of sensitive variables, for the log masker. */
  readonly secrets: readonly string[];
  /** Builders by interpolated build name. */
  readonly builds: ReadonlyMap<string, LegacyBuilder>;
}

function onlyExceptErrors(o: OnlyExcept, t: LegacyTemplate): string[] {
  if (o.only.length > 0 && o.except.length > 0) return ["only one of 'only' or 'except' may be specified"];
  return [
    ...o.only.filter((n) => !t.builders.has(n)).map((n) => `'only' specified builder '${n}' not found`),
    ...o.except.filter((n) => !t.builders.has(n)).map((n) => `'except' specified builder '${n}' not found`),
  ];
}

/** template.Validate: the errors, or an empty list. */
export function validateTemplate(t: LegacyTemplate): string[] {
  const errs: string[] = [];
  if (t.builders.size === 0) errs.push('at least one builder must be defined');
  t.provisioners.forEach((p, i) => {
    for (const e of onlyExceptErrors(p, t)) errs.push(`provisioner ${i + 1}: ${e}`);
    for (const name of p.override?.keys() ?? []) {
      if (!t.builders.has(name)) errs.push(`provisioner ${i + 1}: override '${name}' doesn't exist`);
    }
  });
  t.postProcessors.forEach((chain, i) =>
    chain.forEach((p, j) => {
      for (const e of onlyExceptErrors(p, t)) errs.push(`post-processor ${i + 1}.${j + 1}: ${e}`);
    }),
  );
  return errs;
}

/** go-version's Version.String(). */
function versionString(v: GoVersion): string {
  const meta = /\+([0-9A-Za-z\-~.]+)$/.exec(v.original)?.[1];
  return `${v.segments.join('.')}${v.prerelease ? `-${v.prerelease}` : ''}${meta ? `+${meta}` : ''}`;
}

function checkMinVersion(min: string): string | undefined {
  if (min === '') return undefined;
  const actual = parseGoVersion(PACKER_COMPAT_VERSION)!;
  const wanted = parseGoVersion(min);
  if (!wanted) return `min_version is invalid: Malformed version: ${min}`;
  if (checkConstraints([{ op: '>=', version: wanted }], actual)) return undefined;
  return `This template requires Packer version ${versionString(wanted)} or higher; using ${versionString(actual)}`;
}

/** core.validate then core.init and the build-name pass of Initialize. */
export function initializeCore(
  t: LegacyTemplate,
  cli: ReadonlyMap<string, string>,
  e: LegacyEnvironment,
): { core: InitializedCore } | { error: string } {
  const invalid = validateTemplate(t);
  if (invalid.length > 0) return { error: new MultiError(invalid).text() };
  const versionError = checkMinVersion(t.minVersion);
  if (versionError) return { error: versionError };
  const missing = [...t.variables.values()]
    .filter((v) => v.required && !cli.has(v.key))
    .map((v) => `required variable not set: ${v.key}`);
  if (missing.length > 0) return { error: new MultiError(missing).text() };

  const rendered = renderVariables(t, cli, e);
  if ('error' in rendered) return rendered;
  const variables = rendered.vars;
  const secrets = t.sensitiveVariables.map((k) => variables[k] ?? '');

  const builds = new Map<string, LegacyBuilder>();
  const ctx = interpolateContext(e, { userVariables: variables, enableEnv: false });
  for (const b of t.builders.values()) {
    try {
      builds.set(interpolate(b.name, ctx), b);
    } catch (err) {
      return { error: `Error interpolating builder '${b.name}': ${(err as Error).message}` };
    }
  }
  return { core: { variables, secrets, builds } };
}
