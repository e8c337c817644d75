import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import type { KeyFile } from '../../src/lib/exam/index.ts';
import { indexItems, markRun, rankCandidates, scoreResponses, spreadsheetSource, summarizeClass, type ResponseSet } from '../../src/lib/marking/index.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const key = JSON.parse(readFileSync(path.join(fixtures, 'run', 'key.json'), 'utf8')) as KeyFile;
const index = indexItems(key);

async function read(name: string, context = {}) {
  return spreadsheetSource(path.join(fixtures, name), name)({ index, ...context });
}

describe('reading responses', () => {
  it('reads letters in any case and separators, √/对 for true, points, and treats an empty row as absent', async () => {
    const { responses, diagnostics } = await read('responses.csv');
    expect(diagnostics).toEqual([]);
    const [first, second, , fourth] = responses!.candidates;
    expect(first).toMatchObject({ id: '0101', name: '张敏', department: '客服一部', variant: 'A', absent: false });
    expect(Object.fromEntries(second!.answers)).toEqual({
      '1': { kind: 'choice', letters: 'D' },
      '2': { kind: 'choice', letters: 'BD' },
      '3': { kind: 'truefalse', value: true },
      '4': { kind: 'points', points: 0 },
      '5(1)': { kind: 'choice', letters: 'C' },
      '5(2)': { kind: 'points', points: 2.5 },
    });
    expect(fourth).toMatchObject({ id: '0104', absent: true });
  });

  it('detects a GBK-encoded CSV and reads the same responses', async () => {
    const utf8 = await read('responses.csv');
    const gbk = await read('responses-gbk.csv');
    expect(gbk.diagnostics).toEqual([]);
    expect(gbk.responses!.candidates).toEqual(utf8.responses!.candidates);
  });

  it('reports every bad cell at once, located, and returns no responses', async () => {
    const { responses, diagnostics } = await read('responses-bad.csv');
    expect(responses).toBeUndefined();
    expect(formatDiagnostics(diagnostics)).toBe(
      [
        "responses-bad.csv!E2  error  'E' is not an option of question 1 (A–D)  marking/invalid-answer\n  note: enter the letters the candidate chose, e.g. `B`; leave the cell empty for no answer",
        'responses-bad.csv!D3  error  Unexpected 卷别 `C`, expected `A`, `B`  marking/unknown-variant\n  note: enter the letter printed on the candidate’s paper',
        'responses-bad.csv!A4  error  Duplicate 工号 `0101`  marking/duplicate-id\n  note: each candidate has one row: merge the two rows or correct the 工号\n  cause: first row of this 工号 at responses-bad.csv!A2',
        "responses-bad.csv!F5  error  'E' is not an option of question 2 (A–D)  marking/invalid-answer\n  note: enter the letters the candidate chose, e.g. `ACD`; leave the cell empty for no answer",
        "responses-bad.csv!G5  error  '是非' is not a true/false answer of question 3  marking/invalid-answer\n  note: enter `√` or `×` (also `T`/`F`, `对`/`错`); leave the cell empty for no answer",
        'responses-bad.csv!H5  error  3 points is above the maximum 2 of question 4  marking/invalid-answer\n  note: enter at most 2',
        "responses-bad.csv!I5  error  'D' is not an option of question 5 part 1 (A–C)  marking/invalid-answer\n  note: enter the letters the candidate chose, e.g. `B`; leave the cell empty for no answer",
        'responses-bad.csv!J5  error  5 points is above the maximum 4 of question 5 part 2  marking/invalid-answer\n  note: enter at most 4',
        '✖ 8 errors',
      ].join('\n\n'),
    );
  });

  it('holds a candidate to the variant the roster printed', async () => {
    const roster = [{ id: '0101', name: '张敏', department: '客服一部', variant: 'B' }];
    const { diagnostics } = await read('responses.csv', { roster });
    expect(diagnostics.map((d) => `${d.severity} ${'cell' in d.place! ? d.place.cell : ''} ${d.ruleId}`)).toEqual([
      'error D2 marking/wrong-variant',
      'warning A3 marking/not-in-roster',
      'warning A4 marking/not-in-roster',
      'warning A5 marking/not-in-roster',
    ]);
  });
});

describe('scoring', () => {
  const responses = async () => (await read('responses.csv')).responses!;

  it('scores each variant against its own printed key, in canonical order', async () => {
    const marking = scoreResponses(key, await responses());
    expect(marking.candidates.map((c) => c.points)).toEqual([
      [2, 2, 2, 2, 2, 4],
      [2, 2, 2, 0, 2, 2.5],
      [0, 0, 0, 1, 0, 1],
      [0, 0, 0, 0, 0, 0],
    ]);
    expect(marking.candidates.map((c) => [c.total, c.passed])).toEqual([[14, true], [10.5, true], [2, false], [0, false]]);
    expect(marking.candidates[1]!.sections).toEqual([2, 2, 2, 0, 4.5]);
    expect(rankCandidates(marking)).toEqual([1, 2, 3, undefined]);
  });

  it('gives half points for a correct incomplete multiple choice under partial scoring, none with a wrong option', async () => {
    const marking = scoreResponses({ ...key, multipleScoring: 'partial' }, await responses());
    expect(marking.candidates[2]!.points[1]).toBe(1);
    const wrong: ResponseSet = { source: 'x', candidates: [{ id: '1', name: '', department: '', variant: 'A', absent: false, answers: new Map([['2', { kind: 'choice', letters: 'AB' }]]) }] };
    expect(scoreResponses({ ...key, multipleScoring: 'partial' }, wrong).candidates[0]!.points[1]).toBe(0);
  });

  it('counts options in bank order whatever the variant printed, leaving absent candidates out', async () => {
    const marking = scoreResponses(key, await responses());
    expect(marking.distractors[0]).toEqual({ options: [0, 2, 1, 0], blank: 0, correct: 'B' });
    expect(marking.distractors[1]).toEqual({ options: [3, 0, 2, 0], blank: 0, correct: 'AC' });
    expect(marking.distractors[4]).toEqual({ options: [2, 1, 0], blank: 0, correct: 'A' });
    expect(marking.distractors[2]).toBeUndefined();
  });

  it('summarises the class over candidates who sat the paper', async () => {
    const summary = summarizeClass(scoreResponses(key, await responses()));
    expect(summary).toMatchObject({ listed: 4, absent: 1, n: 3, mean: 26.5 / 3, median: 10.5, min: 2, max: 14, passed: 2 });
    expect(summary.passRate).toBeCloseTo(2 / 3, 12);
    expect(summary.histogram.map((b) => b.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 1]);
    expect(summary.sections.map((s) => s.mean)).toEqual([4 / 3, 4 / 3, 4 / 3, 1, 11.5 / 3]);
  });

  it('analyses items over present candidates only', async () => {
    const run = markRun(key, await responses());
    expect(run.analysis.test.n).toBe(3);
    expect(run.analysis.items[0]!.facility).toBeCloseTo(2 / 3, 12);
  });
});
