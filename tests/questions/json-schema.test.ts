import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEditorJsonSchemas } from '../../src/lib/project/index.ts';
import { ROOT } from '../support/paths.ts';

describe('editor JSON Schemas', () => {
  it('are committed exactly as the Zod schemas generate them (run `npm run schemas` after a schema change)', () => {
    for (const [name, text] of Object.entries(createEditorJsonSchemas())) {
      expect(readFileSync(path.join(ROOT, 'question-bank/schema', name), 'utf8'), name).toBe(text);
    }
  });

  it('describe every question type and offer enum completion for visibility', () => {
    const schema = JSON.parse(createEditorJsonSchemas()['question-file.schema.json']!);
    const variants = schema.properties.questions.items.oneOf as { properties: Record<string, { const?: string; enum?: string[] }> }[];
    expect(variants.map((v) => v.properties.type!.const)).toEqual(['single', 'multiple', 'truefalse', 'fill', 'short', 'case']);
    expect(variants[0]!.properties.visibility!.enum).toEqual(['practice', 'exam']);
  });
});
