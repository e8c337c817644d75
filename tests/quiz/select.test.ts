import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/lib/questions/index.ts';
import { createRandom, permutationWithPins, selectQuizQuestions } from '../../src/lib/quiz/index.ts';
import { isFillAnswerCorrect, normalizeFillAnswer } from '../../src/lib/questions/index.ts';
import { FIXTURE_COURSE, ROOT } from '../support/paths.ts';

const { bank } = await loadQuestionBank({
  bankDir: path.join(FIXTURE_COURSE, 'question-bank'),
  rootDir: ROOT,
  modules: new Map([
    ['basics', new Set(['first-steps', 'second-steps'])],
    ['advanced-topics', new Set(['mdx-lesson'])],
  ]),
});
const where = { file: 'content/basics/first-steps.md', place: { line: 3, column: 1 } };

describe('selectQuizQuestions', () => {
  it('keeps the order of explicit ids', () => {
    const { questions, diagnostics } = selectQuizQuestions(bank, { ids: ['bas-003', 'bas-001'] }, 'x', where);
    expect(diagnostics).toEqual([]);
    expect(questions.map((q) => q.id)).toEqual(['bas-003', 'bas-001']);
  });

  it('refuses exam questions and unknown ids at the quiz’s place', () => {
    const { questions, diagnostics } = selectQuizQuestions(bank, { ids: ['bas-004', 'bas-01'] }, 'x', where);
    expect(questions).toEqual([]);
    expect(diagnostics.map((d) => [d.ruleId, d.place])).toEqual([
      ['content/exam-question-in-quiz', { line: 3, column: 1 }],
      ['content/unknown-question-ref', { line: 3, column: 1 }],
    ]);
    expect(diagnostics[1]!.note).toBe('did you mean `bas-001`?');
  });

  it('draws the same practice questions for the same seed, never exam ones', () => {
    const draw = (seed: string) => selectQuizQuestions(bank, { module: 'basics', count: 2 }, seed, where).questions.map((q) => q.id);
    expect(draw('basics/second-steps')).toEqual(draw('basics/second-steps'));
    expect(draw('basics/second-steps')).toHaveLength(2);
    const seen = new Set(Array.from({ length: 30 }, (_, i) => draw(`seed-${i}`).join()).flatMap((ids) => ids.split(',')));
    expect([...seen].sort()).toEqual(['bas-001', 'bas-002', 'bas-003']);
  });

  it('warns when a filter asks for more questions than exist', () => {
    const { questions, diagnostics } = selectQuizQuestions(bank, { module: 'basics', count: 9 }, 's', where);
    expect(questions).toHaveLength(3);
    expect(diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'content/quiz-pool-too-small']]);
  });
});

describe('permutationWithPins', () => {
  it('keeps pinned options in place and shuffles the rest deterministically', () => {
    const pinned = [false, false, false, true];
    const results = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const permutation = permutationWithPins(pinned, createRandom(seed));
      expect(permutation[3]).toBe(3);
      expect([...permutation].sort()).toEqual([0, 1, 2, 3]);
      results.add(permutation.join());
    }
    expect(results.size).toBeGreaterThan(3);
    expect(permutationWithPins(pinned, createRandom('s'))).toEqual(permutationWithPins(pinned, createRandom('s')));
  });
});

describe('fill-in answers', () => {
  it('ignore surrounding spaces, full-width forms and letter case', () => {
    expect(normalizeFillAnswer(' ＦＣＲ ')).toBe('fcr');
    expect(isFillAnswerCorrect('ｆｃｒ', ['FCR'])).toBe(true);
    expect(isFillAnswerCorrect(' 道歉 ', ['道歉'])).toBe(true);
    expect(isFillAnswerCorrect('５', ['5'])).toBe(true);
    expect(isFillAnswerCorrect('', ['5'])).toBe(false);
    expect(isFillAnswerCorrect('倾诉', ['倾听', '聆听'])).toBe(false);
  });

  it('are what the browser quiz imports, so the site and the exam key agree', () => {
    expect(readFileSync(path.join(ROOT, 'src/scripts/quiz.ts'), 'utf8')).toContain("from '../lib/questions/answers.ts'");
  });
});
