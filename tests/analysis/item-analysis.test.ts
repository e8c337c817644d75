import { describe, expect, it } from 'vitest';
import { analyseItems, difficultyBand, discriminationBand } from '../../src/lib/analysis/index.ts';

// An independent implementation, written from the textbook formulas with raw sums rather than
// deviations, so a slip in either one shows up as a mismatch.
function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  const sxy = x.reduce((a, v, i) => a + v * y[i]!, 0);
  const sxx = x.reduce((a, v) => a + v * v, 0);
  const syy = y.reduce((a, v) => a + v * v, 0);
  const denominator = Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  return n < 2 || denominator === 0 ? null : (n * sxy - sx * sy) / denominator;
}
const populationVariance = (x: number[]) => x.reduce((a, v) => a + v * v, 0) / x.length - (x.reduce((a, v) => a + v, 0) / x.length) ** 2;
/** KR-20 for 0/1 items: k/(k−1) · (1 − Σ p·q / σ²), population variances throughout. */
function kr20(matrix: number[][]): number {
  const k = matrix[0]!.length;
  const totals = matrix.map((r) => r.reduce((a, b) => a + b, 0));
  const pq = Array.from({ length: k }, (_, i) => {
    const p = matrix.filter((r) => r[i] === 1).length / matrix.length;
    return p * (1 - p);
  }).reduce((a, b) => a + b, 0);
  return (k / (k - 1)) * (1 - pq / populationVariance(totals));
}

// Six candidates, four right/wrong items (rows are candidates).
const BINARY = [
  [1, 1, 1, 0],
  [1, 1, 0, 1],
  [1, 0, 1, 0],
  [1, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
];

describe('analyseItems', () => {
  it('computes facility, item–rest correlation and KR-20 as the textbook formulas do', () => {
    const { items, test } = analyseItems(BINARY, [1, 1, 1, 1]);
    const totals = BINARY.map((r) => r.reduce((a, b) => a + b, 0));
    items.forEach((item, i) => {
      const x = BINARY.map((r) => r[i]!);
      expect(item.facility).toBeCloseTo(x.reduce((a, b) => a + b, 0) / 6, 12);
      expect(item.discrimination).toBeCloseTo(pearson(x, totals.map((t, c) => t - x[c]!))!, 12);
    });
    expect(items[0]!.facility).toBeCloseTo(4 / 6, 12);
    expect(test.alpha).toBeCloseTo(kr20(BINARY), 12);
    expect(test.mean).toBeCloseTo(12 / 6, 12);
    expect(test.median).toBe(2);
    expect([test.min, test.max]).toEqual([1, 3]);
  });

  it('gives the error ratio √(1−α) and the standard error ER × SD', () => {
    const { test } = analyseItems(BINARY, [1, 1, 1, 1]);
    const totals = BINARY.map((r) => r.reduce((a, b) => a + b, 0));
    const sampleSd = Math.sqrt((populationVariance(totals) * 6) / 5);
    expect(test.sd).toBeCloseTo(sampleSd, 12);
    if (test.alpha! >= 0) {
      expect(test.errorRatio).toBeCloseTo(Math.sqrt(1 - test.alpha!), 12);
      expect(test.standardError).toBeCloseTo(Math.sqrt(1 - test.alpha!) * sampleSd, 12);
    } else {
      expect(test.errorRatio).toBeNull();
    }
  });

  it('uses 27 % upper and lower groups by total score: round(0.27 × 10) = 3 each', () => {
    // Totals fall from candidate 0 to 9; item 0 is right for the top 3, item 1 for the bottom 3.
    const matrix = Array.from({ length: 10 }, (_, c) => [c < 3 ? 1 : 0, c >= 7 ? 1 : 0, ...Array.from({ length: 5 }, (_, j) => (j < 9 - c ? 1 : 0))]);
    const { items } = analyseItems(matrix, [1, 1, 1, 1, 1, 1, 1]);
    expect(items[0]!.upperLower).toBe(1);
    expect(items[1]!.upperLower).toBe(-1);
    expect(items[0]!.discriminationBand).toBe('很好');
    expect(items[1]!.discriminationBand).toBe('需修改');
  });

  it('reports an item everyone got right as facility 1 with no correlation', () => {
    const { items } = analyseItems([[1, 1], [1, 0], [1, 1]], [1, 1]);
    expect(items[0]).toMatchObject({ facility: 1, sd: 0, discrimination: null, efficiency: null, upperLower: 0, difficultyBand: '容易' });
  });

  it('reports an item nobody got right as facility 0', () => {
    const { items } = analyseItems([[0, 1], [0, 0], [0, 1]], [2, 1]);
    expect(items[0]).toMatchObject({ facility: 0, mean: 0, discrimination: null, difficultyBand: '较难' });
  });

  it('leaves every spread statistic undefined for a single candidate', () => {
    const { items, test } = analyseItems([[1, 0, 2]], [1, 1, 2]);
    expect(items.map((i) => i.facility)).toEqual([1, 0, 1]);
    expect(items.every((i) => i.sd === null && i.discrimination === null && i.upperLower === null)).toBe(true);
    expect(test).toMatchObject({ n: 1, mean: 3, median: 3, sd: null, alpha: null, errorRatio: null, standardError: null });
  });

  it('gives no reliability when every candidate has the same total', () => {
    const { test, items } = analyseItems([[1, 0], [0, 1], [1, 0]], [1, 1]);
    expect(test.sd).toBe(0);
    expect(test.alpha).toBeNull();
    // Each item is perfectly anti-correlated with the rest of the test.
    expect(items[0]!.discrimination).toBeCloseTo(-1, 12);
  });

  it('handles partial credit: facility is mean ÷ full marks, efficiency 1 when item and rest rank alike', () => {
    const matrix = [
      [3, 4],
      [1.5, 2],
      [0, 1],
      [1.5, 3],
    ];
    const { items } = analyseItems(matrix, [3, 4]);
    expect(items[0]!.facility).toBeCloseTo(6 / 12, 12);
    expect(items[1]!.facility).toBeCloseTo(10 / 16, 12);
    expect(items[0]!.discrimination).toBeCloseTo(pearson([3, 1.5, 0, 1.5], [4, 2, 1, 3])!, 12);
    // Item and rest are ordered the same way (ties aside), so the covariance is the largest possible.
    expect(items[0]!.efficiency).toBeCloseTo(1, 12);
    const sample = Math.sqrt([3, 1.5, 0, 1.5].reduce((a, v) => a + (v - 1.5) ** 2, 0) / 3);
    expect(items[0]!.sd).toBeCloseTo(sample / 3, 12);
  });

  it('names the usual bands', () => {
    expect([0.45, 0.4, 0.35, 0.25, 0.19, -0.1].map(discriminationBand)).toEqual(['很好', '很好', '良好', '尚可', '需修改', '需修改']);
    expect([0.95, 0.7, 0.5, 0.3, 0.1].map(difficultyBand)).toEqual(['容易', '容易', '适中', '适中', '较难']);
  });
});
