import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { parseSkillModel, ratingsTemplate, readCourseResults, readRatings, readRoster } from '../../src/lib/skills/index.ts';
import { readSpreadsheet, workbookBytes } from '../../src/lib/spreadsheet/index.ts';
import { ROOT } from '../support/paths.ts';

const model = parseSkillModel(readFileSync(path.join(ROOT, 'question-bank/skills/hotline.yaml'), 'utf8'), 'hotline.yaml').model!;
const fixtures = path.join(import.meta.dirname, 'fixtures');
const out = await mkdtemp(path.join(tmpdir(), 'trainbook-skills-sheets-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('ratings sheet', () => {
  it('writes a template pre-filled from the roster that reads back as the same people, with nothing rated', async () => {
    const roster = await readSpreadsheet(path.join(fixtures, 'team-12/roster.csv'));
    const { people, diagnostics } = readRoster(model, roster.tables[0]!);
    expect(diagnostics).toEqual([]);
    const file = path.join(out, 'ratings.xlsx');
    await writeFile(file, await workbookBytes([ratingsTemplate(model, people)]));
    const read = await readSpreadsheet(file);
    expect(read.tables[0]!.sheet).toBe('评分');
    expect(read.tables[0]!.header.slice(0, 7)).toEqual(['工号', '姓名', '部门', '岗位', '评价人类型', '评价人', 'com-listen 耐心听完客户陈述，用复述确认诉求']);
    // Six rows per person: 自评, 上级, two 同事, 客户, 实操.
    expect(read.tables[0]!.rows).toHaveLength(72);
    const ratings = readRatings(model, read.tables[0]!);
    expect(ratings.diagnostics).toEqual([]);
    expect(ratings.people).toEqual(people);
    expect(ratings.forms.every((f) => f.scores.size === 0)).toBe(true);
  });

  it('reports every wrong cell of a filled-in sheet by its cell', async () => {
    const read = await readSpreadsheet(path.join(fixtures, 'bad-ratings.csv'), 'bad-ratings.csv');
    const { diagnostics } = readRatings(model, read.tables[0]!);
    expect(formatDiagnostics(diagnostics)).toMatchInlineSnapshot(`
      "bad-ratings.csv!E3  error  Unexpected second 自评 for \`B01\`, first on row 2  skills/duplicate-self
        note: keep one self-assessment per person.

      bad-ratings.csv!E4  error  Unexpected 评价人类型 \`领导\`, expected one of \`上级\`, \`自评\`, \`同事\`, \`客户\`, \`实操\`  skills/unknown-rater-kind
        note: choose the rater kind from the drop-down.

      bad-ratings.csv!D5  error  Unexpected 岗位 \`热线\`, expected one of \`呼入热线\` (\`inbound\`), \`呼出营销与回访\` (\`outbound\`), \`在线客服\` (\`chat\`)  skills/unknown-role
        note: write the role’s name or id as the skill model lists it.

      bad-ratings.csv!G6  error  Unexpected score \`7\`, expected a number from 1 to 5  skills/invalid-score
        note: write 1, 2, 3, 4 or 5 (a summary of customer ratings may have decimals); leave the cell empty if not rated.

      bad-ratings.csv!I6  error  Unexpected score \`四\`, expected a number from 1 to 5  skills/invalid-score
        note: write 1, 2, 3, 4 or 5 (a summary of customer ratings may have decimals); leave the cell empty if not rated.

      bad-ratings.csv!A7  error  Missing 工号, expected the person rated on every row  skills/missing-id
        note: fill in the 工号 or delete the row.

      ✖ 6 errors"
    `);
  });

  it('reads course results for the practical-test rater from marking’s results file', async () => {
    const read = await readSpreadsheet(path.join(fixtures, 'team-12/results.csv'));
    const { scores, diagnostics } = readCourseResults(read.tables[0]!);
    expect(diagnostics).toEqual([]);
    expect(scores.get('T001')).toBe(92);
    expect(scores.has('T008')).toBe(false);
  });

  it('takes 总评 from a results.csv in marking’s layout, skipping people without a course result', async () => {
    const read = await readSpreadsheet(path.join(fixtures, 'marking-results.csv'));
    const { scores, diagnostics } = readCourseResults(read.tables[0]!);
    expect(diagnostics).toEqual([]);
    expect([...scores]).toEqual([['T001', 91.6]]);
  });
});
