import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { formatRange } from '../hcl/range.js';
import type { RequiredPlugin } from '../template/packer-block.js';
import { parseConstraints, type VersionConstraintTerm } from '../template/version-constraint.js';
import { parsePluginIdentifier, type PluginIdentifier } from './identifier.js';

/*
 * A template's plugin requirements (hcl2template/plugin.go PluginRequirements):
 * one per `required_plugins` entry, the local name (accessor) unique across
 * every `packer` block.
 */

/** What `init` and `plugins required` say for a template without required_plugins. */
export const NO_REQUIREMENTS = `
No plugins requirement found, make sure you reference a Packer config
containing a packer.required_plugins block. See
https://www.packer.io/docs/templates/hcl_templates/blocks/packer
for more info.`;

export interface PluginRequirement {
  /** The local name: `amazon` in `required_plugins { amazon = {...} }`. */
  readonly accessor: string;
  readonly id: PluginIdentifier;
  readonly constraints: readonly VersionConstraintTerm[];
  /** The constraint as written (go-version's Constraints.String()). */
  readonly constraintText: string;
}

export function pluginRequirements(plugins: readonly RequiredPlugin[]): {
  requirements: PluginRequirement[];
  diags: Diagnostic[];
} {
  const diags: Diagnostic[] = [];
  const requirements: PluginRequirement[] = [];
  const seen = new Map<string, RequiredPlugin>();
  for (const plugin of plugins) {
    const previous = seen.get(plugin.name);
    if (previous) {
      diags.push(
        errorDiag(
          `Duplicate required_plugin.${JSON.stringify(plugin.name)} block`,
          `Block previously seen at ${formatRange(previous.declRange)} is already named ${JSON.stringify(plugin.name)}.\n` +
            'Names at the left hand side of required_plugins are made available to use in your HCL2 configurations.\n' +
            'To allow to calling to their features correctly two plugins have to have different accessors.',
          undefined,
          plugin.declRange,
        ),
      );
      continue;
    }
    seen.set(plugin.name, plugin);
    const req = requirementOf(plugin.name, plugin.source ?? '', plugin.version ?? '');
    if (typeof req !== 'string') requirements.push(req);
  }
  return { requirements, diags };
}

/** A requirement from a source and an optional constraint, or the error text (as `plugins install` reports it). */
export function requirementOf(accessor: string, source: string, constraint: string): PluginRequirement | string {
  const { id, error } = parsePluginIdentifier(source);
  if (!id) return error ?? '';
  if (constraint === '') return { accessor, id, constraints: [], constraintText: '' };
  const { terms, error: constraintError } = parseConstraints(constraint);
  if (!terms) return constraintError ?? '';
  return { accessor, id, constraints: terms, constraintText: constraint };
}
