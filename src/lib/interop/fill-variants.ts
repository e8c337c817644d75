import { normaliseFillAnswer } from '../questions/index.ts';

/**
 * Returns the spellings of a fill-in answer that trainbook's site accepts and an LMS would not:
 * the answer as written, its half-width form, its full-width form, and each without spaces.
 * Letter case is left to the LMS (Moodle's `usecase` off, GIFT's default).
 * `normaliseFillAnswer` (src/lib/questions) folds answers for comparison; an LMS needs the spellings listed.
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
    const key = normaliseFillAnswer(answer);
    if (!kept.some((k) => normaliseFillAnswer(k) === key)) kept.push(answer);
  }
  return kept;
}
