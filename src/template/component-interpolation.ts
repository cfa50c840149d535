import { resolve } from 'node:path';
import { PLACEHOLDER_MSG } from './gotemplate/packer-funcs.js';
import type { InterpolateContext } from './gotemplate/render.js';
import type { PackerConfig } from './config.js';
import { interpolateContext } from './legacy/context.js';

/*
 * The interpolate.Context an HCL2 component's Prepare renders its config with
 * (config.Decode's DetectContext over the packer_* keys Packer passes): the
 * build name and type, the template directory, Packer's version and one
 * instant per run. Provisioners and post-processors also see the builder's
 * data as placeholders, so `{{ build "Host" }}` stays `{{.Host}}` for run time.
 */

/** packer.BasicPlaceholderData: what provisioners and post-processors see as `.Host` etc. at prepare time. */
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
  /** Provisioners and post-processors get the builder's placeholder data. */
  readonly afterBuilder: boolean;
}

export function componentContext(config: PackerConfig, build: ComponentBuild): InterpolateContext {
  let initTime = initTimes.get(config);
  if (!initTime) {
    initTime = new Date();
    initTimes.set(config, initTime);
  }
  // template_dir is the directory of templatePath: name a file inside the template directory.
  const templatePath = resolve(config.cwd, config.baseDir, 'template.pkr.hcl');
  const env = { env: {}, cwd: config.cwd, initTime, templatePath };
  const fields = { userVariables: {}, enableEnv: false, buildName: build.name, buildType: build.type };
  const data = build.afterBuilder ? placeholderData() : undefined;
  return interpolateContext(env, data ? { ...fields, data, generatedData: data } : fields);
}
