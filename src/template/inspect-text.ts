import { lookupComponent } from '../components/registry.js';
import type { ComponentKind } from '../components/schema/index.js';
import type { PackerConfig } from './config.js';
import { describeVariables } from './console-scope.js';
import { variableValue } from './variables.js';

/*
 * `inspect` in HCL2 mode (PackerConfig.InspectConfig): the variables as the
 * console lists them, then each build with its sources, provisioners and
 * post-processor chains. Kiln adds one note Packer has no need for: a component
 * Kiln knows but does not run natively yet is marked, so a user sees before a
 * build which parts of the template Kiln cannot execute.
 */

function marked(kind: ComponentKind, type: string, label: string): string {
  return lookupComponent(kind, type)?.implemented === false ? `${label} (not implemented in Kiln yet)` : label;
}

export function inspectText(config: PackerConfig): string[] {
  const variables = new Map([...config.variables].map(([name, v]) => [name, variableValue(v)]));
  return ['Packer Inspect: HCL2 mode\n', describeVariables(variables, config.values.locals), printBuilds(config)];
}

function printBuilds(config: PackerConfig): string {
  let out = '> builds:\n';
  config.builds.forEach((build, i) => {
    out += `\n  > ${build.name || `<unnamed build ${i}>`}:\n`;
    if (build.description) out += `\n  > Description: ${build.description}\n`;
    out += '\n    sources:\n';
    if (build.sources.length === 0) out += '\n      <no source>\n';
    for (const s of build.sources)
      out += `\n      ${marked('builder', s.type, `${s.type}.${s.localName || s.name}`)}\n`;
    out += '\n    provisioners:\n\n';
    if (build.provisioners.length === 0) out += '      <no provisioner>\n';
    for (const p of build.provisioners)
      out += `      ${marked('provisioner', p.type, p.name ? `${p.type}.${p.name}` : p.type)}\n`;
    out += '\n    post-processors:\n';
    if (build.postProcessorChains.length === 0) out += '\n      <no post-processor>\n';
    build.postProcessorChains.forEach((chain, j) => {
      out += `\n      ${j}:\n`;
      for (const pp of chain)
        out += `        ${marked('post-processor', pp.type, pp.name ? `${pp.type}.${pp.name}` : pp.type)}\n`;
    });
  });
  return out;
}
