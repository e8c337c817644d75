import type { SearchTry } from './query.ts';

/** What one try found: result ids (Pagefind page ids or URLs) in Pagefind's order. */
export interface TryResult {
  try: SearchTry;
  ids: readonly string[];
}

export interface RankedResult {
  id: string;
  /** The best tier of any try that found the page (0 = the whole query). */
  tier: number;
  score: number;
}

export interface MergedResults {
  results: RankedResult[];
  /** Set when the whole query found nothing: the words the first results were found with. */
  fallbackWords?: string[];
}

/**
 * Merges the results of several tries: pages the whole query found come first, in Pagefind's
 * order; then pages found by fewer words, ranked by how many tries found them and how high
 * (weighted: found at all, plus reciprocal rank), so a page with two of the query's words beats a page with one.
 */
export function mergeResults(tries: readonly TryResult[]): MergedResults {
  const byId = new Map<string, { id: string; scores: number[]; best: { gain: number; words: string[] }[]; order: number }>();
  let order = 0;
  for (const { try: attempt, ids } of tries) {
    ids.forEach((id, rank) => {
      const entry = byId.get(id) ?? { id, scores: [], best: [], order: order++ };
      // Being found at all counts as much as being found first, so pages with more of the words rise.
      const gain = attempt.weight * (1 + 1 / (rank + 1));
      entry.scores[attempt.tier] = (entry.scores[attempt.tier] ?? 0) + gain;
      if (gain > (entry.best[attempt.tier]?.gain ?? 0)) entry.best[attempt.tier] = { gain, words: attempt.words };
      byId.set(id, entry);
    });
  }
  // A page is ranked within its best tier by that tier's tries only, so weaker tries never reorder the whole query's results.
  const ranked = [...byId.values()]
    .map(({ id, scores, best, order }) => {
      const tier = scores.findIndex((score) => score !== undefined);
      return { id, tier, score: scores[tier]!, order, words: best[tier]!.words };
    })
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.order - b.order);
  const results = ranked.map(({ id, tier, score }) => ({ id, tier, score }));
  if (ranked.length === 0 || ranked[0]!.tier === 0) return { results };
  // The message names the words that found the first results, not every word tried.
  const fallbackWords = [...new Set(ranked.slice(0, 3).flatMap((r) => r.words))];
  return { results, fallbackWords };
}
