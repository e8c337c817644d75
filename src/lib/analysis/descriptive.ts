/** Returns the arithmetic mean, or NaN for no values. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Returns the median (the mean of the two middle values for an even count), or NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Returns the sample covariance (divided by n − 1, as Moodle's quiz statistics do),
 * or null with fewer than two values.
 */
export function covariance(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = mean(x);
  const my = mean(y);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[i]! - mx) * (y[i]! - my);
  return sum / (n - 1);
}

/** Returns the sample variance (n − 1), or null with fewer than two values. */
export function variance(values: readonly number[]): number | null {
  return covariance(values, values);
}

/** Returns the sample standard deviation (n − 1), or null with fewer than two values. */
export function standardDeviation(values: readonly number[]): number | null {
  const v = variance(values);
  return v === null ? null : Math.sqrt(v);
}

/** Returns Pearson's correlation, or null when either side has no variance or there are fewer than two values. */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
  const c = covariance(x, y);
  const vx = variance(x);
  const vy = variance(y);
  if (c === null || !vx || !vy) return null;
  return c / Math.sqrt(vx * vy);
}
