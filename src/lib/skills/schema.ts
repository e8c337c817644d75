import { z } from '../z.ts';

/** The rater kinds of a 360° evaluation, in the order forms and reports list them. */
export const RATER_KINDS = ['supervisor', 'self', 'peer', 'customer', 'practical'] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

/** Chinese labels of the rater kinds, as printed on forms and written in the ratings sheet. */
export const RATER_LABELS: Record<RaterKind, string> = { supervisor: '上级', self: '自评', peer: '同事', customer: '客户', practical: '实操' };

const ID = /^[a-z][a-z0-9-]*$/;
const LESSON_REF = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** Descriptions of the five levels of a dimension; every level is required, so a rater can read what each box means. */
export const LevelsSchema = z
  .strictObject({
    1: z.string().min(1).describe('1 = does not meet the standard, e.g. `打断客户，答非所问`'),
    2: z.string().min(1).describe('2 = partly meets the standard'),
    3: z.string().min(1).describe('3 = meets the standard'),
    4: z.string().min(1).describe('4 = above the standard'),
    5: z.string().min(1).describe('5 = outstanding, can coach others'),
  })
  .describe('what each score 1–5 means for this dimension');

/** One key behaviour indicator (关键行为指标), rated 1–5. */
export const IndicatorSchema = z.strictObject({
  id: z.string().regex(ID).describe('short id, unique in the model, used as the ratings sheet column, e.g. `com-listen`'),
  text: z.string().min(1).describe('the observable behaviour, e.g. `主动倾听并复述确认客户诉求`'),
  lessons: z
    .array(z.string().regex(LESSON_REF))
    .min(1)
    .describe('lessons to study when this indicator is low, as `module/lesson`, e.g. `communication/active-listening`'),
});

/** A dimension (能力维度) with 3–5 indicators. */
export const DimensionSchema = z.strictObject({
  id: z.string().regex(ID).describe('short id, e.g. `communication`'),
  name: z.string().min(1).describe('printed name, e.g. `沟通能力`'),
  core: z.boolean().default(false).describe('true for the core abilities every role takes; default false (role-specific)'),
  indicators: z.array(IndicatorSchema).min(3).max(5).describe('3–5 key behaviour indicators'),
  levels: LevelsSchema,
});

/** A job role (岗位) and the dimensions it is evaluated on. */
export const RoleSchema = z.strictObject({
  id: z.string().regex(ID).describe('short id, e.g. `inbound`; the roster’s 岗位 column may use it or the name'),
  name: z.string().min(1).describe('printed name, e.g. `呼入热线`'),
  dimensions: z.array(z.string().regex(ID)).min(1).describe('ids of the dimensions this role takes: the core ones and its own'),
});

/** A tier (等级) and its lower bound. */
export const TierSchema = z.strictObject({
  name: z.string().min(1).describe('e.g. `优秀`'),
  min: z.number().min(1).max(5).describe('lowest weighted score (after rounding) that reaches this tier; the tier includes it'),
  meaning: z.string().min(1).describe('what follows for the person, e.g. `可担任带教，辅导他人`'),
});

/** Weights of each rater kind in percent; they must add up to 100. */
export const RaterWeightsSchema = z
  .strictObject({
    supervisor: z.number().min(0).describe('上级评价, e.g. 40'),
    self: z.number().min(0).describe('自评, e.g. 20'),
    peer: z.number().min(0).describe('同事评价, e.g. 10'),
    customer: z.number().min(0).describe('客户评价, e.g. 20'),
    practical: z.number().min(0).describe('实操测试, e.g. 10'),
  })
  .describe('rater weights in percent, adding up to 100');

/** A skill evaluation model (技能评价模型): dimensions, roles, rater weights and tiers. */
export const SkillModelSchema = z.strictObject({
  title: z.string().min(1).describe('e.g. `客服人员技能评价（360°）`'),
  organization: z.string().default('').describe('printed above the title on forms and reports'),
  period: z.string().default('').describe('the evaluation period printed on forms, e.g. `2026 年第 1 季度`; default empty (a blank to fill in)'),
  weights: RaterWeightsSchema,
  decimals: z.number().int().min(1).max(2).default(2).describe('decimals the weighted score is rounded to (half up) before the tier is chosen; default 2'),
  disagreement: z.number().positive().default(1.5).describe('flag an indicator when two rater kinds’ means differ by at least this much; default 1.5'),
  tiers: z.array(TierSchema).min(2).describe('tiers from the highest `min` down; the last one should have `min: 1`'),
  dimensions: z.array(DimensionSchema).min(1),
  roles: z.array(RoleSchema).min(1),
});

export type SkillModel = z.output<typeof SkillModelSchema>;
export type Dimension = z.output<typeof DimensionSchema>;
export type Indicator = z.output<typeof IndicatorSchema>;
export type Role = z.output<typeof RoleSchema>;
export type Tier = z.output<typeof TierSchema>;
