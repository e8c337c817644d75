import { difficultyBand, discriminationBand, type DifficultyBand, type DiscriminationBand } from './bands.ts';
import { correlation, covariance, mean, median, standardDeviation, variance } from './descriptive.ts';

/**
 * Statistics of one item (a question or a case part) over the candidates who sat the paper.
 * Definitions follow Moodle's quiz statistics (docs/marking.md cites them); values are
 * fractions (Moodle prints them as percentages). `null` where a statistic is undefined:
 * fewer than two candidates, or no variance to correlate.
 */
export interface ItemStatistics {
  n: number;
  maxPoints: number;
  /** Mean points scored. */
  mean: number;
  /** Facility index F = mean ÷ full marks, also the 难度系数 P. */
  facility: number;
  /** Sample SD of the item's points ÷ full marks. */
  sd: number | null;
  /** Discrimination index: correlation of the item with the rest of the test (total minus this item). */
  discrimination: number | null;
  /** Discriminative efficiency: covariance(item, rest) ÷ the largest covariance those two distributions allow. */
  efficiency: number | null;
  /** 27 % group discrimination D = (mean of the top 27 % − mean of the bottom 27 %) ÷ full marks, groups by total score. */
  upperLower: number | null;
  difficultyBand: DifficultyBand;
  /** Band of `upperLower` (the value Chinese trainers read); absent when it is undefined. */
  discriminationBand?: DiscriminationBand;
}

/** Statistics of the whole test (Moodle's "quiz structure analysis"). */
export interface TestStatistics {
  n: number;
  maxPoints: number;
  mean: number;
  median: number;
  sd: number | null;
  min: number;
  max: number;
  /** Coefficient of internal consistency: Cronbach's α, which is KR-20 when every item is 0/1. */
  alpha: number | null;
  /** Error ratio ER = √(1 − α): the share of the SD that is random error. */
  errorRatio: number | null;
  /** Standard error SE = ER × SD, in points. */
  standardError: number | null;
}

export interface ItemAnalysis {
  test: TestStatistics;
  items: ItemStatistics[];
}

/** The share of candidates in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;

/** Largest covariance two samples can have: both sorted the same way (Moodle's C_max). */
function maxCovariance(x: readonly number[], y: readonly number[]): number | null {
  const sx = [...x].sort((a, b) => a - b);
  const sy = [...y].sort((a, b) => a - b);
  return covariance(sx, sy);
}

/**
 * Returns the item analysis of a score matrix: `scores[c][i]` is candidate c's points on item i,
 * `maxPoints[i]` item i's full marks. Candidates who were absent are left out by the caller.
 * Upper and lower groups hold round(27 % × n) candidates (at least one) by total score; ties keep
 * the matrix order.
 */
export function analyseItems(scores: readonly (readonly number[])[], maxPoints: readonly number[]): ItemAnalysis {
  const n = scores.length;
  const totals = scores.map((row) => row.reduce((s, v) => s + v, 0));
  const columns = maxPoints.map((_, i) => scores.map((row) => row[i]!));
  const groupSize = Math.max(1, Math.round(GROUP_SHARE * n));
  const ranked = totals.map((t, c) => ({ t, c })).sort((a, b) => b.t - a.t || a.c - b.c).map((r) => r.c);
  const upper = ranked.slice(0, groupSize);
  const lower = ranked.slice(-groupSize);

  const items = columns.map((x, i): ItemStatistics => {
    const max = maxPoints[i]!;
    const rest = totals.map((t, c) => t - x[c]!);
    const itemMean = n ? mean(x) : 0;
    const facility = max > 0 && n ? itemMean / max : 0;
    const sd = standardDeviation(x);
    const c = covariance(x, rest);
    const cMax = maxCovariance(x, rest);
    const upperLower = n >= 2 && max > 0 ? (mean(upper.map((k) => x[k]!)) - mean(lower.map((k) => x[k]!))) / max : null;
    return {
      n,
      maxPoints: max,
      mean: itemMean,
      facility,
      sd: sd === null || max === 0 ? null : sd / max,
      discrimination: correlation(x, rest),
      efficiency: c !== null && cMax ? c / cMax : null,
      upperLower,
      difficultyBand: difficultyBand(facility),
      ...(upperLower === null ? {} : { discriminationBand: discriminationBand(upperLower) }),
    };
  });

  const totalVariance = variance(totals);
  const itemVariances = columns.map((x) => variance(x) ?? 0);
  const p = columns.length;
  const alpha = totalVariance && p > 1 ? (p / (p - 1)) * (1 - itemVariances.reduce((s, v) => s + v, 0) / totalVariance) : null;
  // α can be negative on a tiny or incoherent test; the error ratio is then undefined.
  const errorRatio = alpha !== null && alpha <= 1 && alpha >= 0 ? Math.sqrt(1 - alpha) : null;
  const sd = standardDeviation(totals);
  return {
    test: {
      n,
      maxPoints: maxPoints.reduce((s, v) => s + v, 0),
      mean: n ? mean(totals) : 0,
      median: n ? median(totals) : 0,
      sd,
      min: n ? Math.min(...totals) : 0,
      max: n ? Math.max(...totals) : 0,
      alpha,
      errorRatio,
      standardError: errorRatio !== null && sd !== null ? errorRatio * sd : null,
    },
    items,
  };
}
