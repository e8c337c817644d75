/**
 * Returns the spellings of a fill-in answer that trainbook's site accepts and an LMS would not:
 * the answer as written, its half-width form, its full-width form, and each without spaces.
 * Letter case is left to the LMS (Moodle's `usecase` off, GIFT's default).
 * Written here because `normaliseFillAnswer` in src/lib/questions folds, but does not list, variants.
 * @example fillAnswerVariants('FCR') // => ['FCR', 'ＦＣＲ']
 */
export function fillAnswerVariants(answer: string): string[] {
  const half = answer.normalize('NFKC');
  const forms = [answer, half, toFullWidth(half)];
  const all = [...forms, ...forms.map((form) => form.replace(/[\s\u3000]+/g, ''))].filter((v) => v.trim() !== '');
  return [...new Set(all)];
}

/** ASCII letters, digits and punctuation as their full-width forms (U+FF01–U+FF5E); other text unchanged. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Returns the accepted answers of a blank with the variants an LMS needs removed: the inverse of adding them. */
export function withoutAddedVariants(accepted: readonly string[]): string[] {
  const kept: string[] = [];
  for (const answer of accepted) {
    const key = answer.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();
    if (!kept.some((k) => k.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase() === key)) kept.push(answer);
  }
  return kept;
}
