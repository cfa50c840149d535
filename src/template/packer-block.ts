import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import type { HclAttribute, HclBody } from '../hcl/schema.js';
import { ConversionError, convert } from '../eval/convert.js';
import { evaluate } from '../eval/evaluate.js';
import { StringType } from '../eval/types.js';
import type { Value } from '../eval/value.js';
import { PACKER_COMPAT_VERSION } from '../version.js';
import { checkPluginSource, checkPluginLocalName } from './plugin-source.js';
import {
  checkConstraints,
  parseConstraints,
  parseGoVersion,
  type VersionConstraintTerm,
} from './version-constraint.js';

/*
 * The `packer` block (hcl2template parser.go sniffCoreVersionRequirements,
 * version_required.go, types.required_plugins.go): `required_version` is read
 * from every file before anything else and checked against the core version
 * Kiln is compatible with; `required_plugins` entries are objects holding
 * `source` and `version`.
 */

const packerBlockSchema = {
  attributes: [{ name: 'required_version' }],
  blocks: [{ type: 'required_plugins', labelNames: [] }],
};

export interface VersionConstraint {
  readonly terms: readonly VersionConstraintTerm[];
  readonly text: string;
  readonly declRange: Range;
}

export interface RequiredPlugin {
  readonly name: string;
  readonly source?: string;
  readonly version?: string;
  readonly declRange: Range;
}

const DOCS = 'https://packer.io/docs/templates/hcl_templates/blocks/packer#version-constraints';

/** Every `required_version` of a file's `packer` blocks. */
export function sniffRequiredVersions(body: HclBody): { constraints: VersionConstraint[]; diags: Diagnostic[] } {
  const { content, diags } = body.partialContent({ attributes: [], blocks: [{ type: 'packer', labelNames: [] }] });
  const constraints: VersionConstraint[] = [];
  for (const block of content.blocks) {
    const inner = block.body.content(packerBlockSchema);
    diags.push(...inner.diags);
    const attr = inner.content.attributes.get('required_version');
    if (!attr) continue;
    const c = decodeVersionConstraint(attr, diags);
    if (c) constraints.push(c);
  }
  return { constraints, diags };
}

function decodeVersionConstraint(attr: HclAttribute, diags: Diagnostic[]): VersionConstraint | undefined {
  const evaluated = evaluate(attr.expr, undefined);
  diags.push(...evaluated.diags);
  if (hasErrors(evaluated.diags)) return undefined;
  let value: Value;
  try {
    value = convert(evaluated.value, StringType);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    diags.push(
      errorDiag('Invalid version constraint', `A string value is required for ${attr.name}.`, attr.expr.range),
    );
    return undefined;
  }
  if (value.isNull() || !value.isWhollyKnown()) return undefined;
  const text = value.asString();
  const { terms } = parseConstraints(text);
  if (!terms) {
    diags.push(
      errorDiag(
        'Invalid version constraint',
        `This string does not use correct version constraint syntax. Check out the docs: ${DOCS}`,
        attr.expr.range,
      ),
    );
    return undefined;
  }
  return { terms, text, declRange: attr.range };
}

/** CheckCoreVersionRequirements against PACKER_COMPAT_VERSION. */
export function checkCoreVersion(
  constraints: readonly VersionConstraint[],
  core = PACKER_COMPAT_VERSION,
): Diagnostic[] {
  const version = parseGoVersion(core)!;
  return constraints
    .filter((c) => !checkConstraints(c.terms, version))
    .map((c) =>
      errorDiag(
        'Unsupported Packer Core version',
        `This configuration does not support Packer version ${core}. To proceed, either choose another supported Packer version or update this version constraint. Version constraints are normally set for good reason, so updating the constraint may lead to other errors or unexpected behavior.`,
        c.declRange,
      ),
    );
}

/** The `required_plugins` blocks of a file's `packer` blocks (decodeRequiredPluginsBlock). */
export function decodeRequiredPlugins(body: HclBody): { plugins: RequiredPlugin[]; diags: Diagnostic[] } {
  const { content } = body.partialContent({ attributes: [], blocks: [{ type: 'packer', labelNames: [] }] });
  const diags: Diagnostic[] = [];
  const plugins: RequiredPlugin[] = [];
  for (const block of content.blocks) {
    const inner = block.body.content(packerBlockSchema);
    diags.push(...inner.diags);
    for (const req of inner.content.blocks) {
      const { attributes, diags: d } = req.body.justAttributes();
      diags.push(...d);
      for (const attr of attributes.values()) {
        const plugin = decodeRequiredPlugin(attr, diags);
        if (plugin) plugins.push(plugin);
      }
    }
  }
  return { plugins, diags };
}

function decodeRequiredPlugin(attr: HclAttribute, diags: Diagnostic[]): RequiredPlugin | undefined {
  const evaluated = evaluate(attr.expr, undefined);
  diags.push(...evaluated.diags);
  diags.push(...checkPluginLocalName(attr.name, attr.expr.range));
  const value = evaluated.value;
  const at = attr.expr.range;
  const t = value.type.kind;
  if (t === 'string' || t === 'number' || t === 'bool') {
    const raw = t === 'string' && value.isKnown() && !value.isNull() ? value.asString() : '';
    const c = raw && parseConstraints(raw).terms ? raw : 'version';
    diags.push(
      errorDiag(
        'Invalid plugin requirement',
        `'${attr.name} = "${c}"' plugin requirement calls are not possible. You must define a whole block. For example:\n` +
          `${attr.name} = {\n  source  = "github.com/hashicorp/${attr.name}"\n  version = "${c}"\n}`,
        attr.range,
      ),
    );
    return undefined;
  }
  if (t !== 'object') {
    diags.push(errorDiag('Invalid required_plugins syntax', 'required_plugins entries must be objects.', at));
    return { name: attr.name, declRange: at };
  }
  const version = value.attr('version');
  if (!version) {
    diags.push(
      errorDiag(
        'No version constraint was set',
        'The version field must be specified as a string. Ex: `version = ">= 1.2.0, < 2.0.0". See https://www.packer.io/docs/templates/hcl_templates/blocks/packer#version-constraints for docs',
        at,
      ),
    );
    return undefined;
  }
  const syntaxDocs = 'https://www.packer.io/docs/templates/hcl_templates/blocks/packer#version-constraint-syntax';
  if (version.type.kind !== 'string' || version.isNull() || !version.isKnown()) {
    diags.push(
      errorDiag('Invalid version constraint', `Version must be specified as a string. See ${syntaxDocs} for docs.`, at),
    );
    return undefined;
  }
  const versionText = version.asString();
  const parsed = parseConstraints(versionText);
  if (!parsed.terms) {
    diags.push(
      errorDiag(
        'Invalid version constraint',
        `This string does not use correct version constraint syntax. See ${syntaxDocs} for docs.\n${parsed.error}`,
        at,
      ),
    );
    return undefined;
  }
  if (parsed.terms.some((term) => term.version.prerelease !== '')) {
    diags.push(
      errorDiag(
        'Invalid version constraint',
        `Unsupported prerelease for constraint ${JSON.stringify(versionText)}`,
        at,
      ),
    );
  }
  const source = value.attr('source');
  if (!source) {
    diags.push(
      errorDiag(
        'No source was set',
        'The source field must be specified as a string. Ex: `source = "coolcloud". See https://www.packer.io/docs/templates/hcl_templates/blocks/packer#specifying-plugin-requirements for docs',
        at,
      ),
    );
    return undefined;
  }
  if (source.type.kind !== 'string' || source.isNull() || !source.isKnown()) {
    diags.push(
      errorDiag('Invalid source', 'Source must be specified as a string. For example: source = "coolcloud"', at),
    );
    return undefined;
  }
  const sourceError = checkPluginSource(source.asString());
  if (sourceError) {
    diags.push(errorDiag('Failed to parse source', sourceError, attr.range));
    return undefined;
  }
  if ([...value.entries().keys()].some((k) => k !== 'version' && k !== 'source')) {
    diags.push(
      errorDiag(
        'Invalid required_plugins object',
        'required_plugins objects can only contain "version" and "source" attributes.',
        at,
      ),
    );
  }
  return { name: attr.name, source: source.asString(), version: versionText, declRange: at };
}
