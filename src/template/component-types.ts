import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import type { ContentBlock } from '../hcl/schema.js';
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

/** A used component type and where each use of it is written, for a failure to start its plugin. */
export interface LocatedComponentUse extends ComponentUse {
  readonly subjects: readonly Range[];
}

/** Where a use given to a ComponentResolver is written: none for a use not from usedComponents. */
export function useSubjects(use: ComponentUse): readonly Range[] {
  return 'subjects' in use ? (use as LocatedComponentUse).subjects : [];
}

/**
 * The builder, provisioner and post-processor types the builds use, each
 * once, in written order, with the ranges Packer's startBuilder,
 * startProvisioner and startPostProcessor give their "cannot start"
 * errors: the source's type label (Packer 1.6.6), the provisioner's type
 * label, the post-processor block.
 */
export function usedComponents(config: PackerConfig): LocatedComponentUse[] {
  const used = new Map<string, { kind: ComponentUse['kind']; type: string; subjects: Range[] }>();
  const add = (kind: ComponentUse['kind'], type: string, subject: Range) => {
    const use = used.get(`${kind}.${type}`);
    if (!use) used.set(`${kind}.${type}`, { kind, type, subjects: [subject] });
    else if (!use.subjects.includes(subject)) use.subjects.push(subject);
  };
  const labelOf = (block: ContentBlock) => block.labelRanges[0] ?? block.defRange;
  for (const build of config.builds) {
    for (const use of build.sources) {
      const source = config.sources.get(sourceKey(use));
      if (source) add('builder', use.type, labelOf(source.block));
    }
    for (const p of build.provisioners) add('provisioner', p.type, labelOf(p.block));
    const cleanup = build.errorCleanupProvisioner;
    if (cleanup) add('provisioner', cleanup.type, labelOf(cleanup.block));
    for (const pp of build.postProcessorChains.flat()) add('post-processor', pp.type, pp.block.defRange);
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
