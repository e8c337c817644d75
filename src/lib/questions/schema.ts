import { LevelSchema } from '../content/schema.ts';
import { z } from '../z.ts';

/** Question types, as Chinese exams name them: 单选、多选、判断、填空、简答、案例分析. */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'fill', 'short', 'case'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types a case (案例分析题) may use for its sub-questions. */
export const PART_TYPES = ['single', 'multiple', 'truefalse', 'fill', 'short'] as const;

/** Ids are stable for life: lowercase words and digits, e.g. `com-012`. */
export const QUESTION_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Where a blank goes in a `fill` stem: four underscores. */
export const BLANK_MARKER = '____';

const text = (description: string) => z.string().describe(description);
const letters = z
  .union([z.string(), z.array(z.string())])
  .describe('the letter of the correct option (`B`), or a list of letters for `multiple` (`[A, C]`)');

/** An answer option: plain text, or `{ text, pin: true }` to keep it in place when options are shuffled. */
export const OptionSchema = z.union([
  z.string().describe('the option text'),
  z.strictObject({
    text: z.string().describe('the option text'),
    pin: z.boolean().default(false).describe('`true` keeps this option in its place when options are shuffled, e.g. for `以上都是`'),
  }),
]);
export type OptionInput = z.input<typeof OptionSchema>;

/** One scoring point (评分要点) of a short answer. */
export const ScoringPointSchema = z.strictObject({
  point: z.string().min(1).describe('what the answer must contain to earn these points'),
  points: z.number().positive().describe('points for this scoring point, e.g. `2`'),
});

const points = z.number().positive().optional().describe('points for this question; default: 2 for `single`, `multiple`, `truefalse` and `fill`; the sum of `scoring` for `short`, the sum of `parts` for `case`');
const stem = text('the question text (Markdown). In `fill`, mark each blank with four underscores `____`');
const explanation = text('解析: why the answer is right, shown after answering and in the answer key');

const fillAnswer = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])).min(1)])
  .describe('accepted answers for one blank: one text, or a list of accepted variants');

// The fields each type adds; shared by whole questions and by a case's sub-questions.
const typeFields = {
  single: { options: z.array(OptionSchema).describe('the options, shown as A, B, C…'), answer: letters },
  multiple: { options: z.array(OptionSchema).describe('the options, shown as A, B, C…'), answer: letters },
  truefalse: { answer: z.boolean().describe('`true` if the statement in the stem is correct, otherwise `false`') },
  fill: { answers: z.array(fillAnswer).describe('one entry per `____` blank, in order') },
  short: {
    reference: text('参考答案: a model answer'),
    scoring: z.array(ScoringPointSchema).describe('评分要点: the scoring points, each with its points'),
  },
} as const;

const partOf = <T extends keyof typeof typeFields>(type: T) =>
  z.strictObject({ type: z.literal(type), stem, points, explanation: explanation.optional(), ...typeFields[type] });

/** A sub-question of a `case`: a question of another type without id or metadata. */
export const CasePartSchema = z.discriminatedUnion('type', PART_TYPES.map(partOf) as unknown as [ReturnType<typeof partOf<'single'>>]);
export type CasePart = z.output<typeof CasePartSchema>;

const metaFields = {
  id: z.string().regex(QUESTION_ID_PATTERN).describe('a unique, permanent id such as `com-012`; never reuse or change it'),
  rev: z.number().int().min(1).describe('revision, starting at 1; increase it whenever the question’s content changes'),
  module: z.string().describe('slug of the module the question belongs to, e.g. `communication`'),
  lesson: z.string().optional().describe('slug of the lesson that teaches it, e.g. `complaint-handling`'),
  level: LevelSchema.default('basic'),
  difficulty: z.number().int().min(1).max(5).describe('1 (easy) to 5 (hard)'),
  tags: z.array(z.string().min(1)).default([]).describe('keywords used by quiz and exam filters'),
  visibility: z
    .enum(['practice', 'exam'])
    .default('exam')
    .describe('`practice` may be shown on the public site; `exam` (the default) only ever appears on printed papers'),
  retired: z.boolean().default(false).describe('`true` keeps the question for history but leaves it out of new quizzes and papers'),
  points,
  stem,
  explanation,
};

const questionOf = <T extends QuestionType>(type: T) =>
  z.strictObject({
    ...metaFields,
    type: z.literal(type),
    ...(type === 'case'
      ? { parts: z.array(CasePartSchema).describe('the sub-questions, in order') }
      : typeFields[type as Exclude<QuestionType, 'case'>]),
  });

/** One question of the bank. The `type` field decides which other fields it has. */
export const QuestionSchema = z.discriminatedUnion('type', QUESTION_TYPES.map(questionOf) as unknown as [ReturnType<typeof questionOf<'single'>>]);
export type QuestionInput = z.input<typeof QuestionSchema>;

/** A question file: `question-bank/<module>/<topic>.yaml`. */
export const QuestionFileSchema = z.strictObject({
  questions: z.array(z.unknown()).describe('the questions of this file'),
});

/** The bank's metadata file, `question-bank/bank.yaml`. */
export const BankMetaSchema = z.strictObject({
  title: z.string().min(1).describe('name of the question bank'),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .describe('semantic version `MAJOR.MINOR.PATCH`, bumped by `npm run bank:release`'),
});
export type BankMeta = z.output<typeof BankMetaSchema>;
