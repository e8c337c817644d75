import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { loadQuestionBank, parseQuestionFile } from '../../src/lib/questions/index.ts';
import { ROOT } from '../support/paths.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const relative = (name: string) => path.relative(ROOT, path.join(fixtures, name));

function check(name: string) {
  const file = relative(`${name}.yaml`);
  return parseQuestionFile(readFileSync(path.join(ROOT, file), 'utf8'), file);
}

// Each fixture holds exactly one mistake an editor could make; the golden file pins the whole message.
const cases: [fixture: string, ruleId: string][] = [
  ['yaml-syntax', 'yaml/syntax'],
  ['unknown-field', 'question/unknown-field'],
  ['missing-field', 'question/missing-field'],
  ['wrong-type', 'question/wrong-type'],
  ['unknown-type', 'question/invalid-value'],
  ['invalid-level', 'question/invalid-value'],
  ['unknown-answer', 'question/unknown-answer'],
  ['single-answer-count', 'question/single-answer-count'],
  ['multiple-answer-count', 'question/multiple-answer-count'],
  ['duplicate-option', 'question/duplicate-option'],
  ['fill-blank-count', 'question/fill-blank-count'],
  ['empty-stem', 'question/empty-stem'],
  ['difficulty-out-of-range', 'question/out-of-range'],
  ['case-without-parts', 'question/case-without-parts'],
  ['points-mismatch', 'question/points-mismatch'],
];

describe('parseQuestionFile', () => {
  it('has a test case for every fixture', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.yaml')).map((f) => f.replace('.yaml', ''));
    expect(files.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it.each(cases)('reports %s as %s with file:line:col and a fix', async (name, ruleId) => {
    const { questions, diagnostics } = check(name);
    expect(questions).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual([ruleId]);
    const text = formatDiagnostics(diagnostics);
    expect(text).toMatch(new RegExp(`^tests/questions/fixtures/${name}\\.yaml:\\d+:\\d+  error  `));
    expect(text).toContain('note: ');
    await expect(text).toMatchFileSnapshot(`fixtures/${name}.expected.txt`);
  });

  it('suggests the field an editor meant', () => {
    expect(formatDiagnostics(check('unknown-field').diagnostics)).toContain('did you mean `answer`?');
  });

  it('points at both options of a duplicate', () => {
    const [diagnostic] = check('duplicate-option').diagnostics;
    expect(diagnostic!.place).toEqual({ line: 13, column: 9 });
    expect(diagnostic!.cause?.place).toEqual({ line: 11, column: 9 });
  });

  it('normalises a valid question and fills in defaults', () => {
    const source = 'questions:\n  - id: ok-001\n    rev: 3\n    type: multiple\n    module: basics\n    difficulty: 2\n    stem: 选出礼貌用语\n    options: [您好, { text: 以上都是, pin: true }, 请稍等]\n    answer: [c, A]\n    explanation: 都礼貌。\n';
    const { questions, diagnostics } = parseQuestionFile(source, 'x.yaml');
    expect(diagnostics).toEqual([]);
    expect(questions[0]).toMatchObject({
      id: 'ok-001',
      rev: 3,
      type: 'multiple',
      visibility: 'exam',
      level: 'basic',
      retired: false,
      points: 2,
      answer: [0, 2],
      options: [
        { text: '您好', pin: false },
        { text: '以上都是', pin: true },
        { text: '请稍等', pin: false },
      ],
      place: { line: 2, column: 5 },
    });
  });

  it('places every question the same whether the file is valid (fast path) or not (positioned path)', () => {
    const file = 'question-bank/communication/complaint-handling.yaml';
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const fast = parseQuestionFile(source, file);
    expect(fast.diagnostics).toEqual([]);
    // A mistake in the last question sends the whole file down the positioned path.
    const broken = source.replace(/answer: ([A-E])\n(?![\s\S]*answer: [A-E]\n)/, 'answer: Z\n');
    const slow = parseQuestionFile(broken, file);
    expect(slow.diagnostics.map((d) => d.ruleId)).toEqual(['question/unknown-answer']);
    const places = (questions: typeof fast.questions) => Object.fromEntries(questions.map((q) => [q.id, q.place]));
    const slowPlaces = places(slow.questions);
    expect(Object.keys(slowPlaces).length).toBe(fast.questions.length - 1);
    for (const [id, place] of Object.entries(slowPlaces)) expect(place, id).toEqual(places(fast.questions)[id]);
  });

  it('totals case and short-answer points from their parts', () => {
    const source = readFileSync(path.join(ROOT, 'tests/fixtures/course/question-bank/advanced-topics/questions.yaml'), 'utf8');
    const { questions, diagnostics } = parseQuestionFile(source, 'q.yaml');
    expect(diagnostics).toEqual([]);
    expect(questions.map((q) => [q.id, q.points])).toEqual([
      ['adv-001', 6],
      ['adv-002', 3],
    ]);
  });
});

describe('loadQuestionBank', () => {
  it('reports duplicate ids at both places, unknown modules, lessons and folders, and missing images', async () => {
    const bankDir = path.join(fixtures, 'bank-errors');
    const { bank, diagnostics } = await loadQuestionBank({ bankDir, rootDir: ROOT, modules: new Map([['basics', new Set(['first-steps'])]]) });
    expect(bank.meta.version).toBe('1.0.0');
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(
      ['question/duplicate-id', 'question/explanation-names-option', 'question/missing-image', 'question/module-mismatch', 'question/unknown-lesson', 'question/unknown-module', 'question/unknown-module-folder'].sort(),
    );
    await expect(formatDiagnostics(diagnostics)).toMatchFileSnapshot('fixtures/bank-errors.expected.txt');
  });
});
