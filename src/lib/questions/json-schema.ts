import { z } from '../z.ts';
import { BankMetaSchema, QuestionSchema } from './schema.ts';

/** The files editors' VS Code validates against, by file name in `question-bank/schema/`. */
export function createEditorJsonSchemas(): Record<string, string> {
  const toJson = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }), title }, null, 2)}\n`;
  return {
    'question-file.schema.json': toJson(z.strictObject({ questions: z.array(QuestionSchema) }), 'trainbook question file'),
    'bank.schema.json': toJson(BankMetaSchema, 'trainbook question bank metadata'),
  };
}
