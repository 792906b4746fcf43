/**
 * "Did you mean" suggestions for misspelt keys and options, by edit distance.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment, Damerau 1964 / Levenshtein
 * 1966): the fewest single-character insertions, deletions, substitutions and swaps of two neighbours
 * that turn `a` into `b`. Swapped letters are the commonest typo, so `fats` is one edit from `fast`.
 * Case-sensitive.
 *
 * @example
 * editDistance('listsize', 'listSize') // => 1
 * editDistance('fats', 'fast') // => 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/**
 * The known name closest to `name`, when it is close enough to be a likely typo: at most a third of
 * the longer name's length in edits (and at least 1), comparing case-insensitively. Ties go to the
 * first candidate.
 *
 * @returns the suggestion, or undefined when nothing is close
 * @example
 * didYouMean('chanels', ['channels', 'campaigns']) // => 'channels'
 * didYouMean('zzz', ['channels']) // => undefined
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
