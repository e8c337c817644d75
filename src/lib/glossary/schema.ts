import { z } from '../z.ts';

/** One entry of `content/glossary.yaml`. */
export const GlossaryEntrySchema = z.strictObject({
  /** The term as the course writes it; the 术语表 page lists entries by its pinyin. Example: `首次解决率`. */
  term: z.string().trim().min(1).describe('the term as lessons write it, e.g. `首次解决率`'),
  /** An English name or abbreviation shown beside the term. Default: none. Example: `FCR`. */
  en: z.string().trim().min(1).optional().describe('an English name or abbreviation, e.g. `FCR`'),
  /** One or two sentences in plain words. */
  definition: z.string().trim().min(1).describe('one or two sentences explaining the term'),
  /** Other ways trainees say it: synonyms, colloquial words, abbreviations. Search treats them as the term. Default: none. */
  synonyms: z.array(z.string().trim().min(1)).default([]).describe('other words trainees use for it, e.g. `[死机, 宕机]`'),
  /** Lessons that explain the term, as `module/lesson`. Default: none. Example: `[system-ops/tickets]`. */
  lessons: z.array(z.string().trim().min(1)).default([]).describe('related lessons as `module/lesson`, e.g. `[system-ops/tickets]`'),
});
export type GlossaryEntry = z.output<typeof GlossaryEntrySchema>;
export type GlossaryEntryInput = z.input<typeof GlossaryEntrySchema>;

/** `content/glossary.yaml`: a list of entries. */
export const GlossarySchema = z.array(GlossaryEntrySchema);
