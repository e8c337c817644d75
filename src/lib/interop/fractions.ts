/**
 * Moodle accepts only these grade fractions for an answer (in percent), the list its question
 * editor offers (question_bank::fraction_options); anything else is rounded or refused on import.
 */
export const MOODLE_FRACTIONS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5] as const;

/**
 * Returns a fraction from Moodle's list for each of `count` correct options, summing to 100 %
 * (to within Moodle's rounding of 1/3, 1/6, 1/7, 1/9): equal shares where the list has one,
 * otherwise the closest pair of values (11 correct options: 9 × 10 % and 2 × 5 %). More than 20 correct
 * options cannot be expressed (5 % is the smallest share).
 * @example correctFractions(3) // => [33.33333, 33.33333, 33.33333]
 */
export function correctFractions(count: number): number[] {
  if (count < 1) throw new RangeError('correctFractions needs at least one correct option');
  const equal = MOODLE_FRACTIONS.find((f) => Math.abs(f * count - 100) < 0.001);
  if (equal !== undefined) return Array.from({ length: count }, () => equal);
  // The closest pair around 100 / count keeps the shares as even as the list allows.
  const share = 100 / count;
  const highs = MOODLE_FRACTIONS.filter((f) => f > share).reverse();
  const lows = MOODLE_FRACTIONS.filter((f) => f < share);
  for (const high of highs) {
    for (const low of lows) {
      for (let h = 1; h < count; h++) {
        if (Math.abs(h * high + (count - h) * low - 100) < 0.001) return [...Array.from({ length: h }, () => high), ...Array.from({ length: count - h }, () => low)];
      }
    }
  }
  throw new RangeError(`No combination of Moodle's fractions gives 100 % over ${count} correct options`);
}

/** Formats a percentage as Moodle writes it: `33.33333`, `50`, `-100`. */
export function formatFraction(percent: number): string {
  return String(Number(percent.toFixed(5)));
}
