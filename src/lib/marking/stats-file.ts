import { indexToLetter } from '../questions/index.ts';
import type { ItemAnalysis } from '../analysis/item-analysis.ts';
import type { Marking } from './score.ts';

/** Statistics of one question (or case part) as `question-bank/stats/<run-id>.json` records them. */
export interface ItemStatsRecord {
  n: number;
  /** Facility index (难度系数 P), 0–1. */
  facility: number;
  /** Item–rest correlation; null when undefined (no variance). */
  discrimination: number | null;
  /** 27 % upper/lower discrimination D. */
  upperLower: number | null;
  /** How many chose each option, by bank letter, for choice items. */
  distractors?: Record<string, number>;
}

/**
 * `question-bank/stats/<run-id>.json`, written by `mark --record`: per `id@rev` (case parts
 * `id@rev(2)`), the statistics editors need to revise questions. Ids and numbers only.
 */
export interface StatsFile {
  trainbook: 1;
  runId: string;
  bank: { version: string };
  n: number;
  items: Record<string, ItemStatsRecord>;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

/** Returns the stats file of a marked run and its item analysis. */
export function createStatsFile(marking: Marking, analysis: ItemAnalysis): StatsFile {
  const items: Record<string, ItemStatsRecord> = {};
  marking.index.items.forEach((item, i) => {
    const stats = analysis.items[i]!;
    const counts = marking.distractors[i];
    items[item.ref] = {
      n: stats.n,
      facility: round(stats.facility)!,
      discrimination: round(stats.discrimination),
      upperLower: round(stats.upperLower),
      ...(counts ? { distractors: Object.fromEntries(counts.options.map((count, o) => [indexToLetter(o), count])) } : {}),
    };
  });
  return { trainbook: 1, runId: marking.key.runId, bank: { version: marking.key.bank.version }, n: analysis.test.n, items };
}
