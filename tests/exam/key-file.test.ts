import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleExam, createManifest, examToKeyFile, parseBlueprint } from '../../src/lib/exam/index.ts';
import { indexToLetter, letterToIndex } from '../../src/lib/questions/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { ROOT } from '../support/paths.ts';

const bank = (await loadProject(loadProjectConfig())).bank;
const file = path.join(ROOT, 'question-bank/blueprints/communication-quiz.yaml');
const parsed = parseBlueprint(readFileSync(file, 'utf8'), 'question-bank/blueprints/communication-quiz.yaml').parsed!;
const exam = assembleExam(bank, parsed, { seed: '5', variants: 2 }).exam!;
const key = examToKeyFile(exam, { runId: 'communication-quiz-bank-x-seed-5' });

describe('examToKeyFile', () => {
  it('lists every variant item in paper order with case parts as items of their own', () => {
    const manifest = createManifest(exam);
    for (const [v, variant] of key.variants.entries()) {
      const printed = manifest.variants[v]!.sections.flatMap((s) => s.items);
      const expected = printed.flatMap((item) => (item.parts ? item.parts.map((_, p) => `${item.number}(${p + 1})`) : [String(item.number)]));
      expect(variant.items.map((i) => i.key)).toEqual(expected);
      expect(variant.sections.flatMap((s) => s.items)).toEqual(expected);
      expect(variant.items.reduce((sum, i) => sum + i.points, 0)).toBe(exam.totalPoints);
    }
    expect(key).toMatchObject({ trainbook: 1, runId: 'communication-quiz-bank-x-seed-5', multipleScoring: 'all-or-nothing', totalPoints: 50, passMark: 30 });
  });

  it('gives choice answers in the printed letters, which map back to the bank answer through `options`', () => {
    const checked = key.variants.flatMap((v) => v.items).filter((i) => i.type === 'single' || i.type === 'multiple');
    expect(checked.length).toBeGreaterThan(0);
    for (const item of checked) {
      const question = bank.byId.get(item.ref.split('@')[0]!)!;
      const body = question.type === 'case' ? question.parts[item.part! - 1]! : question;
      if (body.type !== 'single' && body.type !== 'multiple') throw new Error('not a choice');
      const bankLetters = [...item.answer!].map((printed) => item.options![letterToIndex(printed)]!).sort();
      expect(bankLetters).toEqual(body.answer.map(indexToLetter).sort());
    }
    // Variants shuffle options, so the same question's printed answer differs somewhere.
    const a = new Map(key.variants[0]!.items.filter((i) => i.options).map((i) => [`${i.ref}${i.part ?? ''}`, i.options]));
    expect(key.variants[1]!.items.some((i) => i.options && a.get(`${i.ref}${i.part ?? ''}`) !== i.options)).toBe(true);
  });

  it('records true/false as `true`/`false`, fill blanks and short-answer scoring that add up to the points', () => {
    const items = key.variants[0]!.items;
    for (const item of items.filter((i) => i.type === 'truefalse')) expect(['true', 'false']).toContain(item.answer);
    for (const item of items.filter((i) => i.type === 'fill')) expect(item.blanks!.every((b) => b.length > 0)).toBe(true);
    const short = items.filter((i) => i.type === 'short');
    expect(short.length).toBeGreaterThan(0);
    for (const item of short) expect(item.scoring!.reduce((s, p) => s + p.points, 0)).toBeCloseTo(item.points, 6);
  });
});
