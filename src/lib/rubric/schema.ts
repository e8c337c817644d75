import { z } from '../z.ts';

/** One scored dimension of a practical assessment, e.g. 沟通能力. */
export const RubricDimensionSchema = z.strictObject({
  name: z.string().min(1).describe('dimension name, e.g. `沟通能力`'),
  weight: z.number().positive().describe('weight in percent; all weights add up to 100'),
  indicators: z.array(z.string().min(1)).default([]).describe('key behaviours the trainer watches for (3–5)'),
  levels: z
    .strictObject({
      1: z.string().min(1).describe('1 = does not meet the standard'),
      2: z.string().min(1).optional(),
      3: z.string().min(1).describe('3 = meets the standard'),
      4: z.string().min(1).optional(),
      5: z.string().min(1).describe('5 = outstanding'),
    })
    .describe('what each score means; 1, 3 and 5 are required, 2 and 4 optional'),
});

/** A practical assessment score sheet (实操评分表). */
export const RubricSchema = z.strictObject({
  title: z.string().min(1).describe('e.g. `实操考核评分表：快递延误投诉处理`'),
  organization: z.string().default(''),
  task: z.string().min(1).describe('the simulated task the trainee performs, as read to them'),
  duration: z.number().int().positive().optional().describe('minutes allowed for the task'),
  pass_mark: z.number().min(0).max(100).optional().describe('weighted total (out of 100) needed to pass'),
  dimensions: z.array(RubricDimensionSchema).min(1),
  red_lines: z
    .array(z.string().min(1))
    .default([])
    .describe('一票否决: behaviours that fail the assessment whatever the total, e.g. `泄露客户个人信息`'),
  trainee_task: z
    .string()
    .min(1)
    .optional()
    .describe('the task as the trainee’s task card (任务卡) states it; default: `task`'),
  script: z
    .strictObject({
      opening: z.string().min(1).describe('what the role-played customer says first'),
      lines: z.array(z.string().min(1)).default([]).describe('further things the customer says, picked by how the trainee responds'),
      escalation: z.array(z.string().min(1)).default([]).describe('how the customer adds pressure or asks for a supervisor, and when'),
      ending: z.string().min(1).optional().describe('when the examiner ends the role play'),
    })
    .optional()
    .describe('the examiner’s role-play script (考官脚本); never shown to trainees'),
});
export type Rubric = z.output<typeof RubricSchema>;
