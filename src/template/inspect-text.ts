import type { PackerConfig } from './config.js';
import { describeVariables } from './console-scope.js';
import { variableValue } from './variables.js';

/*
 * `inspect` in HCL2 mode (PackerConfig.InspectConfig): the variables as the
 * console lists them, then each build with its sources, provisioners and
 * post-processor chains.
 */

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
    for (const s of build.sources) out += `\n      ${s.type}.${s.localName || s.name}\n`;
    out += '\n    provisioners:\n\n';
    if (build.provisioners.length === 0) out += '      <no provisioner>\n';
    for (const p of build.provisioners) out += `      ${p.name ? `${p.type}.${p.name}` : p.type}\n`;
    out += '\n    post-processors:\n';
    if (build.postProcessorChains.length === 0) out += '\n      <no post-processor>\n';
    build.postProcessorChains.forEach((chain, j) => {
      out += `\n      ${j}:\n`;
      for (const pp of chain) out += `        ${pp.name ? `${pp.type}.${pp.name}` : pp.type}\n`;
    });
  });
  return out;
}
