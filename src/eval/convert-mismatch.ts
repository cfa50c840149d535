import { getPathConversion } from './convert.js';
import { friendlyNameForConstraint, isCollection, typeEquals, type ObjectType, type Type } from './types.js';

/*
 * cty convert.MismatchMessage: why a value of type `got` does not convert to
 * `want`, in the words users see after "Invalid value for ... parameter:".
 */

export function mismatchMessage(got: Type, want: Type): string {
  if (got.kind === 'object' && want.kind === 'object') return mismatchObjects(got, want);
  const dynamicElement = isCollection(want) && want.element.kind === 'dynamic';
  if (got.kind === 'tuple' && want.kind === 'list' && dynamicElement)
    return 'all list elements must have the same type';
  if (got.kind === 'tuple' && want.kind === 'set' && dynamicElement) return 'all set elements must have the same type';
  if (got.kind === 'object' && want.kind === 'map' && dynamicElement) return 'all map elements must have the same type';
  if ((got.kind === 'tuple' || got.kind === 'object') && isCollection(want)) {
    return mismatchCollectionFromStructural(got, want);
  }
  if (isCollection(got) && isCollection(want)) return mismatchCollections(got, want);
  // Packer pins go-cty v1.13.3, which predates the "X required, but have Y" wording.
  return `${friendlyNameForConstraint(want)} required`;
}

const quote = (s: string): string => JSON.stringify(s);

function mismatchObjects(got: ObjectType, want: ObjectType): string {
  // Missing attributes first, then at most one attribute that cannot convert,
  // preferring one that cannot convert even unsafely.
  const missing: string[] = [];
  let unsafeMismatch = '';
  let safeMismatch = '';
  for (const [name, wantT] of want.attributes) {
    const gotT = got.attributes.get(name);
    if (!gotT) {
      if (!want.optional.has(name)) missing.push(name);
      continue;
    }
    if (typeEquals(gotT, wantT) || unsafeMismatch) continue;
    if (!getPathConversion(gotT, wantT, true)) {
      unsafeMismatch = `attribute ${quote(name)}: ${mismatchMessage(gotT, wantT)}`;
    }
    if (!safeMismatch && !getPathConversion(gotT, wantT, false)) {
      safeMismatch = `attribute ${quote(name)}: ${mismatchMessage(gotT, wantT)}`;
    }
  }
  if (missing.length === 1) return `attribute ${quote(missing[0]!)} is required`;
  if (missing.length === 2) return `attributes ${quote(missing[0]!)} and ${quote(missing[1]!)} are required`;
  if (missing.length > 2) {
    const last = missing.pop()!;
    return `attributes ${missing.map((m) => `${quote(m)}, `).join('')}and ${quote(last)} are required`;
  }
  return unsafeMismatch || safeMismatch || 'incorrect object attributes';
}

function mismatchCollectionFromStructural(got: Type, want: Type & { element: Type }): string {
  if ((want.kind === 'list' || want.kind === 'set') && got.kind !== 'tuple') {
    return `${friendlyNameForConstraint(want)} required`;
  }
  if (want.kind === 'map' && got.kind !== 'object') return `${friendlyNameForConstraint(want)} required`;
  const wantEty = want.element;
  const members: [string, Type][] =
    got.kind === 'tuple'
      ? got.elements.map((t, i) => [String(i), t])
      : got.kind === 'object'
        ? [...got.attributes].map(([k, t]) => [quote(k), t])
        : [];
  for (const [label, t] of members) {
    if (typeEquals(t, wantEty) || getPathConversion(t, wantEty, true)) continue;
    return `element ${label}: ${mismatchMessage(t, wantEty)}`;
  }
  return `all elements must be ${friendlyNameForConstraint(wantEty)}`;
}

function mismatchCollections(got: Type & { element: Type }, want: Type & { element: Type }): string {
  const listLike = got.kind === 'list' || got.kind === 'set';
  if ((want.kind === 'list' || want.kind === 'set') && !listLike) return `${friendlyNameForConstraint(want)} required`;
  if (want.kind === 'map' && got.kind !== 'map') return `${friendlyNameForConstraint(want)} required`;
  return `incorrect ${want.kind} element type: ${mismatchMessage(got.element, want.element)}`;
}
