// Did-you-mean suggestions for unknown rule ids, config keys and flags.

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest known id, when it is close enough to be a plausible typo. */
export function didYouMean(id: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  const tail = id.includes('/') ? id.slice(id.indexOf('/') + 1) : id;
  for (const k of known) {
    const kTail = k.slice(k.indexOf('/') + 1);
    const score = Math.min(editDistance(id, k), editDistance(tail, kTail) + (id.includes('/') ? 1 : 0));
    if (score < bestScore) { bestScore = score; best = k; }
  }
  if (best === null) return null;
  return bestScore <= Math.max(3, Math.floor(id.length / 3)) ? best : null;
}
