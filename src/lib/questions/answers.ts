/** Quotes an answer may be wrapped in, half- and full-width, Chinese corner brackets and title marks. */
const QUOTES = `"'\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009`;
const SURROUNDING_QUOTES = new RegExp(`^[${QUOTES}]+|[${QUOTES}]+$`, 'g');
/** Punctuation a trainee may end an answer with (after NFKC, full-width `，` is `,`). */
const TRAILING_PUNCTUATION = /[.,;:!?\u3002\u3001\u2026\uff61]+$/u;

/**
 * Returns a fill-in answer in the form used for comparison: full-width letters, digits and
 * punctuation folded to half-width (NFKC), letter case ignored, spaces removed, and surrounding
 * quotes and trailing punctuation dropped. The site, marking and import helpers all compare with it.
 * @example normaliseFillAnswer(' ＦＣＲ ') // => 'fcr'
 * @example normaliseFillAnswer('“先道歉”。') // => '先道歉'
 */
export function normaliseFillAnswer(value: string): string {
  let text = value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    const stripped = text.replace(TRAILING_PUNCTUATION, '').replace(SURROUNDING_QUOTES, '');
    // An answer that is only punctuation or quotes is kept as it is.
    if (stripped) text = stripped;
  }
  return text;
}

/** The same function under the spelling the first version exported; prefer `normaliseFillAnswer`. */
export const normalizeFillAnswer = normaliseFillAnswer;

/** Returns whether `given` matches one of the accepted variants of a blank. */
export function isFillAnswerCorrect(given: string, accepted: readonly string[]): boolean {
  const normalized = normaliseFillAnswer(given);
  return normalized !== '' && accepted.some((variant) => normaliseFillAnswer(variant) === normalized);
}
