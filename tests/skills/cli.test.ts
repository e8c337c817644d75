import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../src/lib/spreadsheet/index.ts';
import { runScript } from '../support/run-script.ts';

const out = await mkdtemp(path.join(tmpdir(), 'trainbook-skills-'));
afterAll(() => rm(out, { recursive: true, force: true }));
const team = path.join(import.meta.dirname, 'fixtures', 'team-12');

/** Text of a PDF per page, without whitespace (Chinese lines wrap anywhere). */
const pagesOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ''));

// Each test runs the CLI as a child process; on a busy machine that takes longer than the default minute.
describe('npm run skills', { timeout: 240_000 }, () => {
  it('prints one A4 form per person and rater kind, pre-filled from the roster, and the ratings template', async () => {
    const result = await runScript('skills', ['hotline', '--forms', '--roster', path.join(team, 'roster.csv'), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = path.join(out, 'skills-hotline-forms');
    expect(readdirSync(folder).sort()).toEqual(['.trainbook-output', 'form-customer.pdf', 'form-peer.pdf', 'form-self.pdf', 'form-supervisor.pdf', 'ratings.xlsx']);
    const self = pagesOf(path.join(folder, 'form-self.pdf'));
    expect(self).toHaveLength(12);
    expect(self[0]).toContain('技能自评表');
    expect(self[0]).toContain('被评价人：林晓雨');
    expect(self[0]).toContain('耐心听完客户陈述');
    // Chat agents are rated on written expression; inbound agents are not.
    expect(self[8]).toContain('文字表达');
    expect(self[0]).not.toContain('文字表达');
    expect(pagesOf(path.join(folder, 'form-customer.pdf'))[0]).toContain('客户评价汇总表');
    const template = await readSpreadsheet(path.join(folder, 'ratings.xlsx'));
    expect(template.tables[0]!.rows).toHaveLength(72);
  });

  it('prints blank forms, one per role, without a roster', async () => {
    const result = await runScript('skills', ['hotline', '--forms', '--out', out]);
    expect(result.code).toBe(0);
    expect(pagesOf(path.join(out, 'skills-hotline-forms', 'form-supervisor.pdf')).map((p) => /呼入热线|呼出营销与回访|在线客服/.exec(p)?.[0])).toEqual(['呼入热线', '呼出营销与回访', '在线客服']);
  });

  it('scores the team: a one-page report per person, the team summary as PDF and xlsx', async () => {
    const result = await runScript('skills', ['hotline', '--ratings', path.join(team, 'ratings.csv'), '--practical', path.join(team, 'results.csv'), '--roster', path.join(team, 'roster.csv'), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('T004     赵明轩    4.15 良好  (no 客户: weights re-normalised)');
    const folder = path.join(out, 'skills-hotline-reports');
    const reports = readdirSync(path.join(folder, 'reports')).sort();
    expect(reports).toHaveLength(12);
    for (const report of reports) expect(pagesOf(path.join(folder, 'reports', report))).toHaveLength(1);

    const [page] = pagesOf(path.join(folder, 'reports', 'T004-赵明轩.pdf'));
    expect(page).toContain('技能评分报告');
    expect(page).toContain('4.15');
    expect(page).toContain('等级：良好');
    expect(page).toContain('缺少客户评价，其余权重按比例放大后计算（上级40%→50%，自评20%→25%，同事10%→12.5%，实操10%→12.5%）');
    expect(page).toContain('最需提升的三个指标与建议学习内容');
    expect(page).toContain('个人改进计划');
    const [low] = pagesOf(path.join(folder, 'reports', 'T003-王可欣.pdf'));
    expect(low).toContain('等级：待提升');
    expect(low).toMatch(/《[^》]+》system-ops\/tickets/);

    const summary = pagesOf(path.join(folder, 'team-summary.pdf')).join('');
    expect(summary).toContain('参评12人');
    expect(summary).toContain('2（17%）8（67%）2（17%）');
    expect(summary).toContain('个人×维度热力图');

    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'team-summary.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '热力图', '维度均值', '指标明细']);
    const heat = workbook.getWorksheet('热力图')!;
    const row = heat.getRow(4);
    expect(row.getCell(1).value).toBe('T003');
    expect(row.getCell(5).value).toBe('待提升');
    expect((row.getCell(4).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('reports bad cells with their place, and writes nothing', async () => {
    const target = path.join(out, 'bad');
    const result = await runScript('skills', ['hotline', '--ratings', path.join(import.meta.dirname, 'fixtures', 'bad-ratings.csv'), '--out', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad-ratings.csv!G6  error  Unexpected score `7`, expected a number from 1 to 5');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });

  it('never replaces a folder it did not write', async () => {
    const mine = path.join(out, 'mine');
    await mkdir(path.join(mine, 'skills-hotline-template'), { recursive: true });
    await writeFile(path.join(mine, 'skills-hotline-template', 'notes.txt'), 'keep me');
    const result = await runScript('skills', ['hotline', '--template', '--out', mine]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the folder has files trainbook did not write');
    expect(readdirSync(path.join(mine, 'skills-hotline-template'))).toEqual(['notes.txt']);
  });

  it('explains usage mistakes', async () => {
    expect((await runScript('skills', ['hotline'])).stderr).toContain('error: choose `--forms`, `--template` or `--ratings <file>`');
    const unknown = await runScript('skills', ['nope', '--forms']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error: no skill model `nope`; available: `hotline`');
    expect((await runScript('skills', ['hotline', '--froms'])).code).toBe(2);
  });
});
