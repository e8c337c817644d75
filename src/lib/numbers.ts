/**
 * Returns `value` rounded to hundredths, the precision points and weights are shown with
 * (so floating-point sums such as 0.1 + 0.2 print as 0.3).
 * @example roundHundredths(2.675000001) // => 2.68
 */
export function roundHundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Returns the sum of `values`. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
