import { LevelSchema } from '../content/schema.ts';
import { QUESTION_TYPES } from '../questions/schema.ts';
import { z } from '../z.ts';

/** Which questions a section may draw from. Every filter given must match. */
export const SectionFiltersSchema = z.strictObject({
  modules: z.array(z.string()).optional().describe('module slugs, e.g. `[communication, problem-solving]`; default: all'),
  tags: z.array(z.string()).optional().describe('a question matches when it has at least one of these tags'),
  level: z.array(LevelSchema).optional().describe('levels to include, e.g. `[basic, advanced]`'),
  difficulty: z
    .tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
    .optional()
    .describe('inclusive difficulty range `[min, max]`, e.g. `[1, 3]`'),
});

/** One part of the paper: 一、单项选择题 … */
export const SectionSchema = z.strictObject({
  heading: z.string().optional().describe('section title; default: the type’s Chinese name, e.g. `单项选择题`'),
  type: z.enum(QUESTION_TYPES).describe('question type of the whole section'),
  count: z.number().int().min(1).describe('how many questions'),
  points: z
    .number()
    .positive()
    .optional()
    .describe('points for each question; default: the question’s own points (short and case scoring points are scaled to it)'),
  filters: SectionFiltersSchema.default({}),
  ids: z.array(z.string()).default([]).describe('questions that must be on the paper, counted in `count`'),
});

/** A blueprint (组卷方案): how to assemble a paper from the bank. */
export const BlueprintSchema = z.strictObject({
  title: z.string().min(1).describe('paper title, e.g. `新员工入职培训理论考试`'),
  organization: z.string().default('').describe('organisation line above the title'),
  duration: z.number().int().positive().describe('exam time in minutes'),
  total_points: z.number().positive().describe('full marks; sections must add up to it'),
  pass_mark: z.number().nonnegative().describe('points needed to pass'),
  instructions: z.array(z.string()).default([]).describe('考生须知, one line per item'),
  sections: z.array(SectionSchema).min(1).describe('the sections, in order'),
  id_digits: z.number().int().min(1).max(20).default(8).describe('digits of the 工号 grid on the answer sheet; default 8'),
  variants: z.number().int().min(1).max(26).default(1).describe('number of variants (A, B, …); `--variants` overrides it'),
  shuffle: z
    .strictObject({
      questions: z.boolean().default(true).describe('shuffle question order within each section per variant'),
      options: z.boolean().default(true).describe('shuffle options per variant (pinned options stay)'),
    })
    .default({ questions: true, options: true }),
  answers: z
    .enum(['sheet', 'paper'])
    .default('sheet')
    .describe('where trainees answer: `sheet` (default) on the separate answer sheet (答题卡), the paper has no answer brackets or lines; `paper` on the paper itself, and no sheet is printed'),
  multiple_scoring: z
    .enum(['all-or-nothing', 'partial'])
    .default('all-or-nothing')
    .describe('how a multiple-choice answer scores: `all-or-nothing` (default) full points only for exactly the right letters; `partial` part of the points for a correct subset with no wrong letter'),
  allow_half_points: z
    .boolean()
    .default(false)
    .describe('`true` allows half points (1.5, 6.5) where a section’s `points` are shared out over scoring points or case parts; default: such a blueprint is an error'),
  distinct_variants: z
    .boolean()
    .default(false)
    .describe('`true` gives every variant its own questions, no question on two variants (正考/补考); default: every variant has the same questions in another order (乱序卷)'),
  balance_truefalse: z
    .boolean()
    .default(true)
    .describe('draw about as many true as false statements in each true/false section when the pool allows (default `true`); `false` draws without looking at the answers'),
  include_practice: z
    .boolean()
    .default(false)
    .describe('`true` also draws practice questions (which trainees may have seen on the site); default: exam questions only'),
  constraints: z
    .strictObject({
      min_per_module: z
        .union([z.number().int().min(0), z.record(z.string(), z.number().int().min(0))])
        .optional()
        .describe('at least this many questions from every module (a number), or per module (`{ communication: 5 }`)'),
      difficulty_average: z
        .tuple([z.number().min(1).max(5), z.number().min(1).max(5)])
        .optional()
        .describe('the average difficulty of the paper must lie in `[min, max]`, e.g. `[2, 3.5]`'),
    })
    .default({}),
});
export type Blueprint = z.output<typeof BlueprintSchema>;
export type BlueprintSection = z.output<typeof SectionSchema>;
export type BlueprintInput = z.input<typeof BlueprintSchema>;
