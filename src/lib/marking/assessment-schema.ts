import { z } from '../z.ts';

/**
 * A course assessment plan (课程考核方案), `question-bank/assessments/<name>.yaml`: which theory
 * paper and which practical rubric make up a course's result, their weights and the pass rules.
 */
export const AssessmentSchema = z.strictObject({
  title: z.string().min(1).describe('e.g. `新员工入职培训 课程考核`'),
  blueprint: z.string().min(1).describe('the theory paper: a blueprint name from `question-bank/blueprints/`, e.g. `new-hire-theory`'),
  rubric: z.string().min(1).describe('the practical assessment: a rubric name from `question-bank/rubrics/`, e.g. `delayed-delivery-complaint`'),
  weights: z
    .strictObject({
      theory: z.number().min(0).max(100).describe('weight of the theory paper in percent, e.g. `40`'),
      practical: z.number().min(0).max(100).describe('weight of the practical assessment in percent, e.g. `60`; the two add up to 100'),
    })
    .default({ theory: 40, practical: 60 })
    .describe('how the two parts make the course result; default theory 40, practical 60'),
  pass: z
    .strictObject({
      total: z.number().min(0).max(100).default(60).describe('course result (out of 100) needed to pass; default 60'),
      each: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .describe('also require each part (theory as a percentage, practical out of 100) to reach this, as national vocational appraisal does, e.g. `60`; default: no such rule'),
    })
    .default({ total: 60 })
    .describe('pass rules'),
  red_lines: z
    .array(z.string().min(1))
    .default([])
    .describe('红线项: behaviours that fail the practical assessment outright, e.g. `泄露客户个人信息`; one column each in the practical score sheet'),
});
export type Assessment = z.output<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;
