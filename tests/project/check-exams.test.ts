import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/lib/config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { checkExamFiles } from '../../src/lib/project/check-exams.ts';
import { loadQuestionBank } from '../../src/lib/questions/index.ts';
import { ROOT } from '../support/paths.ts';

const { bank } = await loadQuestionBank({
  bankDir: path.join(ROOT, 'tests/exam/fixtures/pools/question-bank'),
  rootDir: ROOT,
  modules: new Map([
    ['alpha', new Set<string>()],
    ['beta', new Set<string>()],
  ]),
});
const config = resolveConfig(ROOT, { bankDir: path.join(import.meta.dirname, 'fixtures/exam-files') });

describe('checkExamFiles (part of npm run check)', () => {
  it('reports every blueprint and rubric problem at once, without drawing', async () => {
    const output = formatDiagnostics(await checkExamFiles(config, bank));
    const lines = output.split('\n').filter((line) => /^\S+:\d+:\d+|^\S+\.yaml\s/.test(line)).map((line) => line.replace(/\s{2,}/g, ' | '));
    expect(lines).toEqual([
      expect.stringMatching(/^tests\/project\/fixtures\/exam-files\/blueprints\/gbk\.yaml:\d+:\d+ \| error \| .*GB/),
      'tests/project/fixtures/exam-files/blueprints/fixed-ids.yaml:4:12 | error | Unexpected `pass_mark: 5`, expected at most `total_points` (4) | blueprint/pass-mark-too-high',
      'tests/project/fixtures/exam-files/blueprints/fixed-ids.yaml:9:11 | error | Unexpected retired question `b-005`, expected a current question | blueprint/retired-question',
      'tests/project/fixtures/exam-files/blueprints/fixed-ids.yaml:9:18 | error | Unexpected question id `a-01`, expected an id in question-bank/ | blueprint/unknown-question',
      'tests/project/fixtures/exam-files/blueprints/overlap.yaml:6:5 | error | Unexpected 8 questions for section 1 `单项选择题` and section 2 `单项选择题` together, expected at least 9: their filters match the same questions, and a question is used once | blueprint/pools-overlap',
      'tests/project/fixtures/exam-files/rubrics/weights-only.yaml:5:3 | error | Unexpected weights adding up to 95, expected 100; short by 5 | rubric/weights-not-100',
      expect.stringMatching(/^tests\/project\/fixtures\/exam-files\/rubrics\/weights\.yaml:3:12 \| error \| .*100.* \| rubric\//),
    ]);
    expect(output).toContain('note: did you mean `a-001`?');
  });

  it('only parses blueprints while the bank has errors, so missing questions are not blamed on them', async () => {
    const diagnostics = await checkExamFiles(config, bank, { bankHasErrors: true });
    expect(diagnostics.filter((d) => d.ruleId.startsWith('blueprint/'))).toEqual([]);
    expect(diagnostics.some((d) => d.ruleId.startsWith('rubric/'))).toBe(true);
  });
});
