import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';

/*
 * Plugin addresses as hcl2template/addrs/plugin.go checks them: local names
 * and source strings such as "github.com/hashicorp/happycloud".
 */

/** ParsePluginPart, for the ASCII names Kiln meets (idna's mapping only lowercases them). */
function parsePluginPart(given: string): { normalized?: string; error?: string } {
  if (given.length === 0) return { error: 'must have at least one character' };
  if (given.includes('.')) return { error: 'dots are not allowed' };
  if (given.includes('--')) return { error: 'cannot use multiple consecutive dashes' };
  if (!/^[A-Za-z0-9-]+$/.test(given) || given.startsWith('-') || given.endsWith('-')) {
    return {
      error: `must contain only letters, digits, and dashes, and may not use leading or trailing dashes: idna: disallowed rune`,
    };
  }
  return { normalized: given.toLowerCase() };
}

export function checkPluginLocalName(name: string, range: Range): Diagnostic[] {
  const { normalized, error } = parsePluginPart(name);
  if (error)
    return [errorDiag('Invalid plugin local name', `${name} is an invalid plugin local name: ${error}`, range)];
  if (normalized !== name) {
    return [
      errorDiag(
        'Invalid plugin local name',
        `Plugin names must be normalized. Replace ${JSON.stringify(name)} with ${JSON.stringify(normalized)} to fix this error.`,
        range,
      ),
    ];
  }
  return [];
}

/** ParsePluginSourceString: undefined when valid, else the error text. */
export function checkPluginSource(source: string): string | undefined {
  const errs: string[] = [];
  if (source.startsWith('/')) errs.push("A source URL must not start with a '/' character.");
  if (source.endsWith('/')) errs.push("A source URL must not end with a '/' character.");
  if ((source.match(/\//g) ?? []).length < 2)
    errs.push('A source URL must at least contain a host and a path with 2 components');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(source)) errs.push('A source URL must not contain a scheme (e.g. https://).');
  if (/\?./.test(source)) errs.push('A source URL must not contain a query (e.g. ?var=val)');
  if (/#./.test(source)) errs.push('A source URL must not contain a fragment (e.g. #anchor).');
  if (errs.length > 0) {
    return (
      `The provided source URL is invalid.\nThe following errors have been discovered:\n${errs.map((e) => `* ${e}\n`).join('')}` +
      `\nA valid source looks like "github.com/hashicorp/happycloud"`
    );
  }
  const name = source.slice(source.lastIndexOf('/') + 1);
  const part = parsePluginPart(name);
  if (part.error) return `Invalid plugin type ${JSON.stringify(name)} in source: ${part.error}"`;
  if (name.startsWith('packer-')) {
    const suggested = name.replaceAll('packer-plugin-', '');
    if (name.startsWith('packer-plugin-') && !parsePluginPart(suggested).error) {
      return (
        `Plugin source has a type with the prefix "packer-plugin-", which isn't valid.\n` +
        `Although that prefix is often used in the names of version control repositories for Packer plugins, plugin source strings should not include it.\n` +
        `\nDid you mean ${JSON.stringify(suggested)}?`
      );
    }
    return (
      `Plugin source has a type with the "packer-" prefix, which isn't valid.\n` +
      `If you are the author of this plugin, rename it to not include the prefix.\nEx: ${JSON.stringify(name.replace('packer-', ''))}`
    );
  }
  const parts = source.split('/').filter((p) => p !== '');
  if (parts.length > 16) {
    return (
      `The source URL must have at most 16 components, and the one provided has ${parts.length}.\n` +
      'This is unsupported by Packer, please consider using a source that has less components to it.\n' +
      'If this is a blocking issue for you, please open an issue to ask for supporting more components to the source URI.'
    );
  }
  return undefined;
}
