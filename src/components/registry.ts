import type { Diagnostic } from '../hcl/diagnostics.js';
import type { PluginComponent, PluginComponentKind } from '../plugins/spec/component.js';
import type { ComponentKind, ComponentSpec } from './schema/index.js';
import { amazonEbsSpec as amazonEbs } from './builders/amazon-ebs/schema.js';
import { dockerSpec as docker } from './builders/docker/schema.js';
import { fileSpec as fileBuilder } from './builders/file/schema.js';
import { nullSpec as nullBuilder } from './builders/null/schema.js';
import { qemuSpec as qemu } from './builders/qemu/schema.js';
import { amazonAmiSpec as amazonAmi } from './datasources/amazon-ami/schema.js';
import { amazonParameterstoreSpec as amazonParameterstore } from './datasources/amazon-parameterstore/schema.js';
import { amazonSecretsmanagerSpec as amazonSecretsmanager } from './datasources/amazon-secretsmanager/schema.js';
import { httpSpec as httpData } from './datasources/http/schema.js';
import { nullSpec as nullData } from './datasources/null/schema.js';
import { amazonImportSpec as amazonImport } from './postprocessors/amazon-import/schema.js';
import { artificeSpec as artifice } from './postprocessors/artifice/schema.js';
import { checksumSpec as checksum } from './postprocessors/checksum/schema.js';
import { compressSpec as compress } from './postprocessors/compress/schema.js';
import { dockerImportSpec as dockerImport } from './postprocessors/docker-import/schema.js';
import { dockerPushSpec as dockerPush } from './postprocessors/docker-push/schema.js';
import { dockerSaveSpec as dockerSave } from './postprocessors/docker-save/schema.js';
import { dockerTagSpec as dockerTag } from './postprocessors/docker-tag/schema.js';
import { manifestSpec as manifest } from './postprocessors/manifest/schema.js';
import { shellLocalSpec as shellLocalPostProcessor } from './postprocessors/shell-local/schema.js';
import { breakpointSpec as breakpoint } from './provisioners/breakpoint/schema.js';
import { fileSpec as fileProvisioner } from './provisioners/file/schema.js';
import { powershellSpec as powershell } from './provisioners/powershell/schema.js';
import { shellSpec as shell } from './provisioners/shell/schema.js';
import { shellLocalSpec as shellLocalProvisioner } from './provisioners/shell-local/schema.js';
import { sleepSpec as sleep } from './provisioners/sleep/schema.js';
import { windowsRestartSpec as windowsRestart } from './provisioners/windows-restart/schema.js';
import { windowsShellSpec as windowsShell } from './provisioners/windows-shell/schema.js';

/*
 * Every component type Kiln knows, by kind and type label. `implemented` says
 * whether Kiln runs it natively; a known but unimplemented type still decodes
 * and validates (its schema is Packer's), and a build would need its plugin.
 */

export interface RegisteredComponent {
  readonly spec: ComponentSpec<unknown>;
  readonly implemented: boolean;
}

/** The types Kiln runs natively, as `${kind}.${type}`. */
const IMPLEMENTED: ReadonlySet<string> = new Set<string>([
  'builder.amazon-ebs',
  'builder.docker',
  'builder.file',
  'builder.null',
  'data.amazon-ami',
  'data.amazon-parameterstore',
  'data.amazon-secretsmanager',
  'post-processor.artifice',
  'post-processor.checksum',
  'post-processor.compress',
  'post-processor.docker-import',
  'post-processor.docker-push',
  'post-processor.docker-save',
  'post-processor.docker-tag',
  'post-processor.manifest',
  'post-processor.shell-local',
  'provisioner.breakpoint',
  'provisioner.file',
  'provisioner.shell',
  'provisioner.shell-local',
  'provisioner.sleep',
]);

function entry(spec: ComponentSpec<unknown>): [string, RegisteredComponent] {
  const key = `${spec.kind}.${spec.type}`;
  return [key, { spec, implemented: IMPLEMENTED.has(key) }];
}

const registry: ReadonlyMap<string, RegisteredComponent> = new Map([
  entry(nullBuilder),
  entry(fileBuilder),
  entry(docker),
  entry(amazonEbs),
  entry(qemu),
  entry(shell),
  entry(fileProvisioner),
  entry(shellLocalProvisioner),
  entry(breakpoint),
  entry(sleep),
  entry(powershell),
  entry(windowsShell),
  entry(windowsRestart),
  entry(manifest),
  entry(checksum),
  entry(compress),
  entry(shellLocalPostProcessor),
  entry(artifice),
  entry(dockerTag),
  entry(dockerImport),
  entry(dockerPush),
  entry(dockerSave),
  entry(amazonImport),
  entry(httpData),
  entry(nullData),
  entry(amazonAmi),
  entry(amazonParameterstore),
  entry(amazonSecretsmanager),
]);

export function lookupComponent(kind: ComponentKind, type: string): RegisteredComponent | undefined {
  return registry.get(`${kind}.${type}`);
}

/**
 * How template code finds a component: one a plugin serves (decoded with the
 * plugin's own spec), else Kiln's own.
 */
export type ComponentLookup = (kind: ComponentKind, type: string) => RegisteredComponent | PluginComponent | undefined;

export function isPluginComponent(component: RegisteredComponent | PluginComponent): component is PluginComponent {
  return 'prepare' in component;
}

/** Plugin components over Kiln's registry. */
export function componentLookup(plugins: readonly PluginComponent[]): ComponentLookup {
  const served = new Map(plugins.map((p) => [`${p.kind}.${p.type}`, p]));
  return (kind, type) => served.get(`${kind}.${type}`) ?? lookupComponent(kind, type);
}

/** A builder, provisioner or post-processor type a template uses. */
export interface ComponentUse {
  readonly kind: PluginComponentKind;
  readonly type: string;
}

/** Finds the plugin components among `used` (fetching their specs); diagnostics for those that failed. */
export type ComponentResolver = (
  used: readonly ComponentUse[],
) => Promise<{ readonly lookup: ComponentLookup; readonly diags: readonly Diagnostic[] }>;

/** The known type labels of a kind, sorted, for "unknown type" errors. */
export function knownTypes(kind: ComponentKind): string[] {
  return [...registry.values()]
    .filter((c) => c.spec.kind === kind)
    .map((c) => c.spec.type)
    .sort();
}
