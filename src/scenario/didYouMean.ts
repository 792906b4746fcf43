/**
 * "Did you mean" suggestions for misspelt keys and options, by edit distance.
 */

/**
 * Levenshtein edit distance: the fewest single-character insertions, deletions and substitutions
 * that turn `a` into `b` (V. I. Levenshtein, 1966). Case-sensitive.
 *
 * @example
 * editDistance('listsize', 'listSize') // => 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
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
