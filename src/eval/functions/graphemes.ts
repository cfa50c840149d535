/*
 * Unicode "characters" as cty counts them: extended grapheme clusters (UAX #29),
 * which cty finds with go-textseg and we find with Intl.Segmenter.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

export function graphemeCount(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}
