import { lookupComponent } from '../components/registry.js';
import type { BuildComponentKind, Implementation } from '../plugins/resolve.js';
import type { PackerConfig } from './config.js';
import { describeVariables } from './console-scope.js';
import { variableValue } from './variables.js';

/*
 * `inspect` in HCL2 mode (PackerConfig.InspectConfig): the variables as the
 * console lists them, then each build with its sources, provisioners and
 * post-processor chains. Kiln adds what Packer has no need for: which
 * implementation serves each component ("native", or "plugin" and the command
 * starting it), so a user sees before a build what will run each part of the
 * template and what cannot run at all.
 */

/** Who serves a component type in this run: resolve.ts's chooseImplementation. */
export type ServedBy = (kind: BuildComponentKind, type: string) => Implementation | undefined;

function marked(servedBy: ServedBy, kind: BuildComponentKind, type: string, label: string): string {
  return `${label} ${implementationNote(servedBy, kind, type)}`;
}

/** Which implementation serves a component type: "(native)", "(plugin" and its command, or why none can. */
export function implementationNote(servedBy: ServedBy, kind: BuildComponentKind, type: string): string {
  const impl = servedBy(kind, type);
  if (impl?.native) return '(native)';
  if (impl) return `(plugin ${[impl.plugin.path, ...impl.plugin.args].join(' ')})`;
  return lookupComponent(kind, type) !== undefined
    ? '(not implemented in Kiln yet, no plugin installed)'
    : '(unknown, no plugin installed)';
}

export function inspectText(config: PackerConfig, servedBy: ServedBy): string[] {
  const variables = new Map([...config.variables].map(([name, v]) => [name, variableValue(v)]));
  return [
    'Packer Inspect: HCL2 mode\n',
    describeVariables(variables, config.values.locals),
    printBuilds(config, servedBy),
  ];
}

function printBuilds(config: PackerConfig, servedBy: ServedBy): string {
  let out = '> builds:\n';
  config.builds.forEach((build, i) => {
    out += `\n  > ${build.name || `<unnamed build ${i}>`}:\n`;
    if (build.description) out += `\n  > Description: ${build.description}\n`;
    out += '\n    sources:\n';
    if (build.sources.length === 0) out += '\n      <no source>\n';
    for (const s of build.sources)
      out += `\n      ${marked(servedBy, 'builder', s.type, `${s.type}.${s.localName || s.name}`)}\n`;
    out += '\n    provisioners:\n\n';
    if (build.provisioners.length === 0) out += '      <no provisioner>\n';
    for (const p of build.provisioners)
      out += `      ${marked(servedBy, 'provisioner', p.type, p.name ? `${p.type}.${p.name}` : p.type)}\n`;
    out += '\n    post-processors:\n';
    if (build.postProcessorChains.length === 0) out += '\n      <no post-processor>\n';
    build.postProcessorChains.forEach((chain, j) => {
      out += `\n      ${j}:\n`;
      for (const pp of chain)
        out += `        ${marked(servedBy, 'post-processor', pp.type, pp.name ? `${pp.type}.${pp.name}` : pp.type)}\n`;
    });
  });
  return out;
}
