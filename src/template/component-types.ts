import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import { nameSuggestion } from '../hcl/didyoumean.js';
import { knownTypes, type ComponentUse } from '../components/registry.js';
import type { ComponentKind } from '../components/schema/index.js';
import type { PackerConfig } from './config.js';
import { sourceKey } from './source.js';

/*
 * initializeBlocks: every source, provisioner and post-processor a build uses
 * must be of a known type, and every source it names must be declared.
 * A type is known when Kiln has it or a plugin serves it (config.components).
 * Packer's detail suggests a near name, or points at the plugin directory;
 * Kiln adds the types it knows.
 */

/** The builder, provisioner and post-processor types the builds use, each once, in written order. */
export function usedComponents(config: PackerConfig): ComponentUse[] {
  const used = new Map<string, ComponentUse>();
  const add = (kind: ComponentUse['kind'], type: string) => used.set(`${kind}.${type}`, { kind, type });
  for (const build of config.builds) {
    for (const use of build.sources) if (config.sources.has(sourceKey(use))) add('builder', use.type);
    for (const p of build.provisioners) add('provisioner', p.type);
    if (build.errorCleanupProvisioner) add('provisioner', build.errorCleanupProvisioner.type);
    for (const pp of build.postProcessorChains.flat()) add('post-processor', pp.type);
  }
  return [...used.values()];
}

export function checkComponentTypes(config: PackerConfig): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const available = [...config.sources.keys()].sort();
  const lookupComponent = config.components;
  for (const build of config.builds) {
    for (const use of build.sources) {
      if (!lookupComponent('builder', use.type)) {
        diags.push(unknownType('builder', 'source', use.type, `Unknown source type ${use.type}`, build.block.defRange));
        continue;
      }
      const key = sourceKey(use);
      if (!config.sources.has(key)) {
        const suggestion = nameSuggestion(key, available);
        const detail = suggestion
          ? `Did you mean to use ${JSON.stringify(suggestion)}?`
          : `Known: [${available.join(' ')}]`;
        diags.push(errorDiag(`Unknown source ${key}`, detail, build.block.defRange));
      }
    }
    const provisioners = [...build.provisioners];
    for (const p of provisioners) {
      if (lookupComponent('provisioner', p.type)) continue;
      const summary = `Unknown provisioner type ${JSON.stringify(p.type)}`;
      diags.push(unknownType('provisioner', 'provisioner', p.type, summary, p.block.typeRange));
    }
    const cleanup = build.errorCleanupProvisioner;
    if (cleanup && !lookupComponent('provisioner', cleanup.type)) {
      const summary = `Unknown error-cleanup-provisioner type ${JSON.stringify(cleanup.type)}`;
      diags.push(
        unknownType('provisioner', 'error-cleanup-provisioner', cleanup.type, summary, cleanup.block.typeRange),
      );
    }
    for (const pp of build.postProcessorChains.flat()) {
      if (lookupComponent('post-processor', pp.type)) continue;
      const summary = `Unknown post-processor type ${JSON.stringify(pp.type)}`;
      diags.push(unknownType('post-processor', 'post-processor', pp.type, summary, pp.block.typeRange));
    }
  }
  return diags;
}

function unknownType(kind: ComponentKind, label: string, type: string, summary: string, subject: Range): Diagnostic {
  const known = knownTypes(kind);
  const suggestion = nameSuggestion(type, known);
  const detail = suggestion
    ? `Did you mean to use ${JSON.stringify(suggestion)}?`
    : `The ${label} ${type} is unknown by Packer, and is likely part of a plugin that is not installed.\n` +
      'You may find the needed plugin along with installation instructions documented on the Packer integrations page.\n\n' +
      `https://developer.hashicorp.com/packer/integrations?filter=${type.split('-')[0]}\n\n` +
      `Kiln knows these ${kind} types: ${known.join(', ')}. ` +
      `Any other runs through its plugin once one is installed (a required_plugins entry and kiln init, ` +
      `or a packer-${kind}-${type} binary in PACKER_PLUGIN_PATH).`;
  return errorDiag(summary, detail, subject);
}
