/** How Chinese trainers read a discrimination value (Ebel's bands), for the report and `check`. */
export type DiscriminationBand = '很好' | '良好' | '尚可' | '需修改';

/** How hard an item was by its difficulty coefficient P (the facility). */
export type DifficultyBand = '容易' | '适中' | '较难';

/**
 * Returns Ebel's band of a discrimination value: ≥ 0.40 很好, 0.30–0.39 良好, 0.20–0.29 尚可
 * (improve it), < 0.20 需修改 (revise or drop).
 * @example discriminationBand(0.35) // => '良好'
 */
export function discriminationBand(d: number): DiscriminationBand {
  if (d >= 0.4) return '很好';
  if (d >= 0.3) return '良好';
  if (d >= 0.2) return '尚可';
  return '需修改';
}

/**
 * Returns the difficulty band of a difficulty coefficient P (mean score ÷ full marks):
 * P ≥ 0.70 容易, 0.30 ≤ P < 0.70 适中, P < 0.30 较难.
 */
export function difficultyBand(p: number): DifficultyBand {
  if (p >= 0.7) return '容易';
  if (p >= 0.3) return '适中';
  return '较难';
}
