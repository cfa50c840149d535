/*
 * Version constraints with hashicorp/go-version semantics, as Packer checks
 * `required_version` and plugin `version` strings: comma-separated `OP VERSION`
 * terms, OP one of = != > < >= <= ~> (default =). Versions are compared by
 * numeric segments padded to three, then by pre-release; a pre-release version
 * only satisfies a constraint naming a pre-release of the same segments.
 */

export interface GoVersion {
  readonly segments: readonly number[];
  /** How many segments were written (for `~>`). */
  readonly specified: number;
  readonly prerelease: string;
  readonly original: string;
}

export interface VersionConstraintTerm {
  readonly op: string;
  readonly version: GoVersion;
}

const VERSION =
  'v?([0-9]+(\\.[0-9]+)*?)' +
  '(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-?([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?' +
  '(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?';
const VERSION_RE = new RegExp(`^${VERSION}$`);
const OPS = ['=', '!=', '>', '<', '>=', '<=', '~>'];
const CONSTRAINT_RE = new RegExp(
  `^\\s*(${OPS.map((o) => o.replace(/[>~!]/g, (c) => `\\${c}`)).join('|')})?\\s*(${VERSION})\\s*$`,
);

export function parseGoVersion(text: string): GoVersion | undefined {
  const m = VERSION_RE.exec(text);
  if (!m) return undefined;
  const parts = m[1]!.split('.').map(Number);
  const specified = parts.length;
  while (parts.length < 3) parts.push(0);
  return { segments: parts, specified, prerelease: m[7] ?? m[4] ?? '', original: text };
}

/** version.NewConstraint: the terms, or an error message as go-version words it. */
export function parseConstraints(text: string): { terms?: VersionConstraintTerm[]; error?: string } {
  const terms: VersionConstraintTerm[] = [];
  for (const single of text.split(',')) {
    const m = CONSTRAINT_RE.exec(single);
    const version = m && parseGoVersion(m[2]!);
    if (!m || !version) return { error: `Malformed constraint: ${single}` };
    terms.push({ op: m[1] ?? '=', version });
  }
  return { terms };
}

export function checkConstraints(terms: readonly VersionConstraintTerm[], v: GoVersion): boolean {
  return terms.every((t) => checkTerm(t, v));
}

function checkTerm({ op, version: c }: VersionConstraintTerm, v: GoVersion): boolean {
  if (!prereleaseCheck(v, c)) return false;
  const cmp = compare(v, c);
  switch (op) {
    case '=':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '>':
      return cmp > 0;
    case '<':
      return cmp < 0;
    case '>=':
      return cmp >= 0;
    case '<=':
      return cmp <= 0;
    default: {
      // ~>: at least the constraint, and the same leading segments but the last one written.
      if (v.prerelease && !c.prerelease) return false;
      if (cmp < 0) return false;
      for (let i = 0; i < c.specified - 1; i++) if (v.segments[i] !== c.segments[i]) return false;
      return (c.segments[c.specified - 1] ?? 0) <= (v.segments[c.specified - 1] ?? 0);
    }
  }
}

function prereleaseCheck(v: GoVersion, c: GoVersion): boolean {
  if (c.prerelease && v.prerelease) return sameSegments(v, c);
  return !(v.prerelease && !c.prerelease);
}

function sameSegments(a: GoVersion, b: GoVersion): boolean {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) if ((a.segments[i] ?? 0) !== (b.segments[i] ?? 0)) return false;
  return true;
}

function compare(a: GoVersion, b: GoVersion): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const d = (a.segments[i] ?? 0) - (b.segments[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

/** Semver pre-release ordering: none sorts after any; dot parts numerically or lexically. */
function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Math.sign(Number(p) - Number(q));
    if (pn) return -1;
    if (qn) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
