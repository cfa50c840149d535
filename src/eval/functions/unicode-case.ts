/*
 * Go's unicode.ToUpper / ToLower / ToTitle: one code point to one code point
 * (simple case mapping). JavaScript's toUpperCase applies full mappings
 * ("ß" -> "SS") and context rules (final sigma), so we map per code point and
 * keep only single code point results, with the few simple mappings that
 * differ from the full ones listed here.
 */

// Greek letters with ypogegrammeni: simple upper/title mapping is the prosgegrammeni form.
function greekIotaSubscriptUpper(cp: number): number | undefined {
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7)) return cp + 8;
  if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) return cp + 9;
  return undefined;
}

function single(mapped: string, original: string): string {
  return [...mapped].length === 1 ? mapped : original;
}

export function toUpperRune(ch: string): string {
  const greek = greekIotaSubscriptUpper(ch.codePointAt(0)!);
  if (greek !== undefined) return String.fromCodePoint(greek);
  return single(ch.toUpperCase(), ch);
}

export function toLowerRune(ch: string): string {
  if (ch === '\u0130') return 'i'; // full mapping is "i̇"; Go's simple mapping is plain i
  return single(ch.toLowerCase(), ch);
}

// Digraphs whose title case differs from their upper case (DŽ/Dž/dž, LJ, NJ, DZ).
const TITLE_DIGRAPHS: ReadonlyMap<number, number> = new Map([
  [0x01c4, 0x01c5],
  [0x01c5, 0x01c5],
  [0x01c6, 0x01c5],
  [0x01c7, 0x01c8],
  [0x01c8, 0x01c8],
  [0x01c9, 0x01c8],
  [0x01ca, 0x01cb],
  [0x01cb, 0x01cb],
  [0x01cc, 0x01cb],
  [0x01f1, 0x01f2],
  [0x01f2, 0x01f2],
  [0x01f3, 0x01f2],
]);

export function toTitleRune(ch: string): string {
  const digraph = TITLE_DIGRAPHS.get(ch.codePointAt(0)!);
  return digraph === undefined ? toUpperRune(ch) : String.fromCodePoint(digraph);
}

export function mapRunes(s: string, f: (ch: string) => string): string {
  let out = '';
  for (const ch of s) out += f(ch);
  return out;
}
