import { BankLockSchema } from '../bank/index.ts';
import { BlueprintSchema } from '../exam/index.ts';
import { AssessmentSchema } from '../marking/assessment-schema.ts';
import { BankMetaSchema, QuestionSchema } from '../questions/index.ts';
import { RubricSchema } from '../rubric/index.ts';
import { SkillModelSchema } from '../skills/index.ts';
import { CoursePlanSchema } from '../training/index.ts';
import { z } from '../z.ts';

/**
 * Returns the JSON Schemas editors' VS Code uses for completion and checks, by file name in
 * `question-bank/schema/`, generated from the same Zod schemas `npm run check` validates with.
 */
export function createEditorJsonSchemas(): Record<string, string> {
  const toJson = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }), title }, null, 2)}\n`;
  return {
    'question-file.schema.json': toJson(z.strictObject({ questions: z.array(QuestionSchema) }), 'trainbook question file'),
    'bank.schema.json': toJson(BankMetaSchema, 'trainbook question bank metadata'),
    'blueprint.schema.json': toJson(BlueprintSchema, 'trainbook exam blueprint'),
    'rubric.schema.json': toJson(RubricSchema, 'trainbook practical assessment rubric'),
    'assessment.schema.json': toJson(AssessmentSchema, 'trainbook course assessment plan'),
    'skill-model.schema.json': toJson(SkillModelSchema, 'trainbook skill evaluation model'),
    'course-plan.schema.json': toJson(CoursePlanSchema, 'trainbook course plan'),
    'bank-lock.schema.json': toJson(BankLockSchema, 'trainbook bank lock (written by npm run bank:release)'),
  };
}
