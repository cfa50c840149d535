/*
 * Whether Go's filepath.Glob rejects a pattern as malformed (ErrBadPattern):
 * a character class that is empty, unterminated or has a dangling range,
 * or a backslash at the very end.
 */

export function isBadGlobPattern(pattern: string): boolean {
  const chars = [...pattern];
  /** The index after one class character at j, or -1 when there is none. */
  const classChar = (j: number): number => {
    if (j >= chars.length || chars[j] === '-' || chars[j] === ']') return -1;
    const next = chars[j] === '\\' ? j + 2 : j + 1;
    // A class character must be followed by more of the class.
    return next >= chars.length ? -1 : next;
  };
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === '\\') {
      if (i + 1 >= chars.length) return true;
      i += 2;
    } else if (chars[i] === '[') {
      i += chars[i + 1] === '^' ? 2 : 1;
      for (let ranges = 0; !(chars[i] === ']' && ranges > 0); ranges++) {
        i = classChar(i);
        if (i < 0) return true;
        if (chars[i] === '-') i = classChar(i + 1);
        if (i < 0) return true;
      }
      i++;
    } else {
      i++;
    }
  }
  return false;
}
