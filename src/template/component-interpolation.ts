import { resolve } from 'node:path';
import { PLACEHOLDER_MSG } from './gotemplate/packer-funcs.js';
import type { InterpolateContext } from './gotemplate/render.js';
import type { PackerConfig } from './config.js';
import { interpolateContext } from './legacy/context.js';

/*
 * The interpolate.Context an HCL2 component's Prepare renders its config with
 * (config.Decode's DetectContext over the packer_* keys Packer passes): the
 * build name and type, the template directory, Packer's version and one
 * instant per run. HCL2 provisioners and post-processors are prepared with
 * the source's builderVariables only (packer_build_name, packer_builder_type):
 * no template path, no Packer version, and as data an empty map (the override
 * or config comes last in their raws, not placeholder data), so
 * `{{ build "Host" }}` fails with "loaded data, but couldnt find Host in it.",
 * as `packer validate` 1.6.6 reports. Data sources get DetectContext's empty
 * context: no build, template path or version at all.
 */

/** packer.BasicPlaceholderData: what legacy JSON provisioners and post-processors see as `.Host` etc. at prepare time. */
export function placeholderData(): Record<string, string> {
  const keys = ['ID', 'Host', 'Port', 'User', 'Password', 'ConnType', 'PackerRunUUID', 'PackerHTTPPort'];
  keys.push('PackerHTTPIP', 'PackerHTTPAddr', 'SSHPublicKey', 'SSHPrivateKey', 'WinRMPassword');
  const data = Object.fromEntries(keys.map((k) => [k, `Build_${k}. ${PLACEHOLDER_MSG}`]));
  data.WinRMPassword = '{{.WinRMPassword}}';
  return data;
}

const initTimes = new WeakMap<PackerConfig, Date>();

export interface ComponentBuild {
  readonly name: string;
  readonly type: string;
  /** Provisioners and post-processors: builderVariables only, data an empty map. */
  readonly afterBuilder: boolean;
}

export function componentContext(config: PackerConfig, build: ComponentBuild): InterpolateContext {
  let initTime = initTimes.get(config);
  if (!initTime) {
    initTime = new Date();
    initTimes.set(config, initTime);
  }
  const fields = { userVariables: {}, enableEnv: false, buildName: build.name, buildType: build.type };
  if (build.afterBuilder) {
    const ctx = interpolateContext({ env: {}, cwd: config.cwd, initTime, templatePath: '' }, { ...fields, data: {} });
    return { ...ctx, packerVersion: '' };
  }
  // template_dir is the directory of templatePath: name a file inside the template directory.
  const templatePath = resolve(config.cwd, config.baseDir, 'template.pkr.hcl');
  return interpolateContext({ env: {}, cwd: config.cwd, initTime, templatePath }, fields);
}

/** interpolate.InitTime of the process data sources run in (Packer's own for http and null). */
const processStart = new Date();

/** The context config.Decode(..., nil, ...) detects for a data source: no packer_* keys are passed. */
export function datasourceContext(): InterpolateContext {
  const env = { env: {}, cwd: process.cwd(), initTime: processStart, templatePath: '' };
  return { ...interpolateContext(env, { userVariables: {}, enableEnv: false }), packerVersion: '' };
}
