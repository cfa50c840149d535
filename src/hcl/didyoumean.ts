/**
 * The first suggestion within edit distance 2 of `given`, as hcl's nameSuggestion
 * (earlier suggestions win), or undefined.
 */
export function nameSuggestion(given: string, suggestions: readonly string[]): string | undefined {
  return suggestions.find((s) => levenshtein(given, s) < 3);
}

/** Edit distance with unit costs, over code points. */
function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}
