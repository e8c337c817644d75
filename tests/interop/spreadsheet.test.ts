import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { readImportFile } from '../../src/lib/interop/index.ts';
import { FIXTURES } from './support.ts';

const context = { module: 'communication', modules: ['communication'] };
const strip = <T extends { origin: unknown }>({ origin: _origin, ...rest }: T) => rest;

describe('spreadsheet import', () => {
  it('forgives the usual variations: answer letters, 对/错 marks, blanks as brackets, full-width letters, difficulty words', async () => {
    const read = await readImportFile(path.join(FIXTURES, 'forgiving.csv'), 'forgiving.csv', context);
    expect(read.diagnostics).toEqual([]);
    const [single, multiple, pinned, yes, no, bracket, underscores] = read.drafts.map(strip);
    expect(single).toEqual({ rev: 1, module: 'communication', level: 'basic', difficulty: 2, tags: ['开场', '核实'], visibility: 'practice', type: 'single', stem: '客户来电先做什么？', options: ['直接查询', '问候并核实身份', '询问是否投诉'], answer: 'B', explanation: '先问候再核实。' });
    expect(multiple).toMatchObject({ answer: ['A', 'B', 'D'], difficulty: 3, visibility: 'exam' });
    expect(pinned).toMatchObject({ answer: ['A', 'B'], options: ['您好', '稍等', '喂', { text: '以上都是', pin: true }] });
    expect([yes, no].map((d) => d && 'answer' in d && d.answer)).toEqual([true, false]);
    expect(bracket).toMatchObject({ stem: '投诉处理顺序是先____、再倾听、后解决。', answers: [['道歉', '致歉']] });
    expect(underscores).toMatchObject({ stem: '首次解决率缩写为____，满意度缩写为____。', answers: ['FCR', ['CSAT', 'ＣＳＡＴ']] });
    expect(read.drafts[0]!.origin).toEqual({ file: 'forgiving.csv', place: { cell: 'B2' } });
  });

  it('decodes a GBK CSV as saved by Chinese Excel to the same questions', async () => {
    const utf8 = await readImportFile(path.join(FIXTURES, 'forgiving.csv'), 'x.csv', context);
    const gbk = await readImportFile(path.join(FIXTURES, 'gbk.csv'), 'x.csv', context);
    expect(gbk.diagnostics).toEqual([]);
    expect(gbk.drafts).toEqual(utf8.drafts);
  });

  it('reports every problem at its cell, all together', async () => {
    const read = await readImportFile(path.join(FIXTURES, 'errors.csv'), 'bank.csv', context);
    expect(read.drafts.length).toBe(0);
    expect(formatDiagnostics(read.diagnostics).split('\n').filter((l) => l.startsWith('bank.csv'))).toEqual([
      'bank.csv!F2  error  Unexpected 答案 ``, expected option letters such as `B` or `AC`  interop/invalid-answer',
      'bank.csv!F3  error  Unexpected 2 answers `AB` in a 单选 question, expected one letter  interop/single-answer-count',
      'bank.csv!D4  error  Unexpected empty 选项B before 选项C  interop/option-gap',
      'bank.csv!H4  error  Unexpected 难度 `9`, expected a whole number from 1 to 5  interop/invalid-difficulty',
      'bank.csv!F5  error  Unexpected 答案 `也许` in a 判断 question, expected `正确` or `错误`  interop/invalid-truefalse',
      'bank.csv!A6  error  Unexpected 题型 `问卷`, expected one of `单选`, `多选`, `判断`, `填空`, `简答`, `案例`  interop/unknown-type',
      'bank.csv!K7  error  Unexpected 评分要点 `表达歉意`, expected a point followed by its points, e.g. `表达歉意（2分）`  interop/invalid-scoring',
      'bank.csv!J8  error  Unexpected 案例编号 `K9` without a 案例 row  interop/unknown-case',
    ]);
  });
});
