/*
 * Unicode "characters" as cty counts them: extended grapheme clusters (UAX #29),
 * which cty finds with go-textseg and we find with Intl.Segmenter.
 */

// Made on first use: the first Intl.Segmenter in a process loads ICU's break
// rules, ~8 ms that a start which never counts characters should not pay.
let segmenter: Intl.Segmenter | undefined;

function segments(s: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter.segment(s);
}

export function graphemes(s: string): string[] {
  return Array.from(segments(s), (g) => g.segment);
}

export function graphemeCount(s: string): number {
  let n = 0;
  for (const _ of segments(s)) n++;
  return n;
}
