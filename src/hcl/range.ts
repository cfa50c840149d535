/** A position in a source file. Lines and columns count from 1, bytes from 0 (UTF-8 offset). */
export interface Pos {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/** A half-open span [start, end) of a source file, as hcl.Range. */
export interface Range {
  readonly filename: string;
  readonly start: Pos;
  readonly end: Pos;
}

export function rangeBetween(from: Range, to: Range): Range {
  return { filename: from.filename, start: from.start, end: to.end };
}

/** A zero-width range at the given range's start. */
export function rangeAtStart(r: Range): Range {
  return { filename: r.filename, start: r.start, end: r.start };
}

export function formatRange(r: Range): string {
  return `${r.filename}:${r.start.line},${r.start.column}-${r.end.line === r.start.line ? '' : `${r.end.line},`}${r.end.column}`;
}
