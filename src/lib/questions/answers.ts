/**
 * Returns a fill-in answer in the form used for comparison: full-width letters, digits and
 * punctuation folded to half-width (NFKC), letter case ignored, surrounding and inner spaces removed.
 * @example normalizeFillAnswer(' ＦＣＲ ') // => 'fcr'
 */
export function normalizeFillAnswer(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Returns whether `given` matches one of the accepted variants of a blank. */
export function isFillAnswerCorrect(given: string, accepted: readonly string[]): boolean {
  const normalized = normalizeFillAnswer(given);
  return normalized !== '' && accepted.some((variant) => normalizeFillAnswer(variant) === normalized);
}
