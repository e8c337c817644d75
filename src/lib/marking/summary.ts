import { mean, median, standardDeviation } from '../analysis/descriptive.ts';
import type { Marking } from './score.ts';

/** The class summary at the top of the report. Absent candidates are counted but not in the figures. */
export interface ClassSummary {
  /** Candidates listed, present or not. */
  listed: number;
  absent: number;
  /** Candidates who sat the paper. */
  n: number;
  mean: number;
  median: number;
  sd: number | null;
  min: number;
  max: number;
  passed: number;
  /** passed ÷ n, 0 without candidates. */
  passRate: number;
  /** Ten equal bins over 0…full marks; the last bin includes full marks. */
  histogram: { from: number; to: number; count: number }[];
  sections: { heading: string; points: number; mean: number }[];
}

/** Returns the class summary of a marked run. */
export function summarizeClass(marking: Marking, bins = 10): ClassSummary {
  const present = marking.candidates.filter((c) => !c.candidate.absent);
  const totals = present.map((c) => c.total);
  const full = marking.key.totalPoints;
  const width = full / bins;
  const histogram = Array.from({ length: bins }, (_, b) => ({ from: b * width, to: (b + 1) * width, count: 0 }));
  for (const t of totals) histogram[Math.min(bins - 1, Math.max(0, Math.floor(t / width)))]!.count++;
  const passed = present.filter((c) => c.passed).length;
  return {
    listed: marking.candidates.length,
    absent: marking.candidates.length - present.length,
    n: present.length,
    mean: present.length ? mean(totals) : 0,
    median: present.length ? median(totals) : 0,
    sd: standardDeviation(totals),
    min: present.length ? Math.min(...totals) : 0,
    max: present.length ? Math.max(...totals) : 0,
    passed,
    passRate: present.length ? passed / present.length : 0,
    histogram,
    sections: marking.index.sections.map((s, i) => ({ heading: s.heading, points: s.points, mean: present.length ? mean(present.map((c) => c.sections[i]!)) : 0 })),
  };
}

/** Returns competition ranks by total (1, 2, 2, 4 …) for present candidates, in candidate order; absent ones get undefined. */
export function rankCandidates(marking: Marking): (number | undefined)[] {
  const totals = marking.candidates.filter((c) => !c.candidate.absent).map((c) => c.total).sort((a, b) => b - a);
  // Rank = 1 + how many scored more: the first position of the total in the descending list.
  const firstAt = new Map<number, number>();
  totals.forEach((t, i) => firstAt.has(t) || firstAt.set(t, i + 1));
  return marking.candidates.map((c) => (c.candidate.absent ? undefined : firstAt.get(c.total)));
}
