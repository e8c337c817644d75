import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleExam, createManifest, examToKeyFile, parseBlueprint } from '../../src/lib/exam/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { readSpreadsheet } from '../../src/lib/spreadsheet/index.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { runScript } from '../support/run-script.ts';
import { ROOT } from '../support/paths.ts';

const out = await mkdtemp(path.join(tmpdir(), 'trainbook-mark-'));
afterAll(() => rm(out, { recursive: true, force: true, maxRetries: 5 }));
const bankCopy = path.join(out, 'question-bank');
await cp(loadProjectConfig().bankDir, bankCopy, { recursive: true });
const env = { TRAINBOOK_BANK_DIR: bankCopy };
const run = path.join(out, 'new-hire-theory-bank-1.0.0-seed-11');
const roster = [
  { id: '0101', name: '张敏', department: '客服一部', variant: 'A' },
  { id: '0102', name: '李强', department: '客服一部', variant: 'B' },
  { id: '0103', name: '王芳', department: '客服二部', variant: 'A' },
  { id: '0104', name: '赵磊', department: '客服二部', variant: 'B' },
];
// The same key `exam` printed, computed independently of the run folder.
const project = await loadProject(loadProjectConfig());
const blueprintFile = 'question-bank/blueprints/new-hire-theory.yaml';
const exam = assembleExam(project.bank, parseBlueprint(readFileSync(path.join(ROOT, blueprintFile), 'utf8'), blueprintFile).parsed!, { seed: '11' }).exam!;
const key = examToKeyFile(exam, { runId: path.basename(run) });
// The run folder as `exam` writes it, less the PDFs `mark` never reads, plus the roster helper 10's
// `exam --roster` records; without key.json, so `mark` rebuilds the key from manifest and bank.
await mkdir(run, { recursive: true });
await writeFile(path.join(run, 'manifest.json'), JSON.stringify({ ...createManifest(exam), candidates: roster }, null, 2));

async function fillWorkbook(file: string, target: string, fill: (row: number, header: string[], variant: string) => (string | number | undefined)[]) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  for (let r = 2; r <= roster.length + 1; r++) {
    const values = fill(r, header, String(sheet.getRow(r).getCell(4).value));
    values.forEach((v, c) => v !== undefined && (sheet.getRow(r).getCell(c + 1).value = v));
  }
  await workbook.xlsx.writeFile(target);
}

/** Answers of a variant: the key's for `right`, a wrong option otherwise; subjective items full or zero points. */
function answers(variant: string, header: string[], right: boolean): (string | number | undefined)[] {
  const items = new Map(key.variants.find((v) => v.label === variant)!.items.map((i) => [i.key, i]));
  return header.map((h) => {
    const item = items.get(h.replace(/（.*$/, ''));
    if (!item) return undefined;
    if (item.type === 'truefalse') return (item.answer === 'true') === right ? '√' : '×';
    if (item.answer) return right ? item.answer : item.answer === 'A' ? 'B' : 'A';
    return right ? item.points : 0;
  });
}

describe('npm run mark', () => {
  it('writes response and practical templates from the roster, with drop-downs, maximum points and a frozen header', { timeout: 180_000 }, async () => {
    const result = await runScript('mark', [run, '--template'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(run)).toEqual(expect.arrayContaining(['responses.xlsx', 'responses.csv', 'practical.xlsx']));
    const csv = readFileSync(path.join(run, 'responses.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('\r\n0102,李强,客服一部,B,');

    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(run, 'responses.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['工号', '姓名', '部门', '卷别', '1']);
    expect(header).toContain('36（满分10）');
    expect(header.filter((h) => /^\d+\(\d+\)/.test(h)).length).toBeGreaterThan(1);
    expect(sheet.getRow(2).getCell(5).dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B,C,D"'] });
    expect(sheet.getRow(2).getCell(4).dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B"'] });
    expect(sheet.getRow(3).getCell(1).value).toBe('0102');
  });

  it('refuses to overwrite templates that may hold answers', { timeout: 180_000 }, async () => {
    const result = await runScript('mark', [run, '--template'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exist');
  });

  it('reports bad cells located in the xlsx and writes nothing', { timeout: 180_000 }, async () => {
    await fillWorkbook(path.join(run, 'responses.xlsx'), path.join(out, 'bad.xlsx'), (row, header, variant) => {
      const values = answers(variant, header, true);
      if (row === 2) values[4] = 'E';
      if (row === 3) values[3] = 'C';
      return values;
    });
    const result = await runScript('mark', [run, '--responses', path.join(out, 'bad.xlsx')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.xlsx!E2  error  'E' is not an option of question 1 (A–D)  marking/invalid-answer");
    expect(result.stderr).toContain('bad.xlsx!D3  error  Unexpected 卷别 `C`, expected `A`, `B`  marking/unknown-variant');
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(run, 'results'))).toBe(false);
  });

  it('marks responses and practical scores into results/, records stats and makes check flag questions', { timeout: 240_000 }, async () => {
    await fillWorkbook(path.join(run, 'responses.xlsx'), path.join(out, 'filled.xlsx'), (row, header, variant) => (row === 5 ? header.map((_, c) => (c < 4 ? undefined : '')) : answers(variant, header, row !== 4)));
    const practical = ['工号,沟通能力,情绪管理,问题解决,规范操作,"红线：泄露客户个人信息",红线：与客户争吵或使用不文明用语', '0101,5,5,5,5,,', '0102,4,4,4,4,√,', '0103,3,3,3,3,,', ''].join('\n');
    const rubric = readFileSync(path.join(ROOT, 'question-bank/rubrics/delayed-delivery-complaint.yaml'), 'utf8');
    const dimensions = [...rubric.matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]!);
    await writeFile(path.join(out, 'practical.csv'), practical.replace('沟通能力,情绪管理,问题解决,规范操作', dimensions.join(',')));

    const result = await runScript('mark', [run, '--responses', path.join(out, 'filled.xlsx'), '--practical', path.join(out, 'practical.csv'), '--record'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ 3 candidates marked (1 absent)');
    // Dot files are trainbook's own output marker.
    expect(readdirSync(path.join(run, 'results')).filter((f) => !f.startsWith('.')).sort()).toEqual(['candidates.pdf', 'report.pdf', 'results.csv', 'results.xlsx']);

    const { tables } = await readSpreadsheet(path.join(run, 'results', 'results.xlsx'));
    const table = tables[0]!;
    const column = (name: string) => table.header.indexOf(name);
    const rows = table.rows.map((r) => r.cells);
    expect(rows.map((r) => [r[0], r[column('总分')], r[column('理论结果')], r[column('名次')]])).toEqual([
      ['0101', '100', '及格', '1'],
      ['0102', '100', '及格', '1'],
      ['0103', '0', '不及格', '3'],
      ['0104', '0', '缺考', ''],
    ]);
    expect(rows.map((r) => [r[column('实操')], r[column('总评')], r[column('课程结果')]])).toEqual([
      ['100', '100', '通过'],
      ['80', '88', '未通过'],
      ['60', '36', '未通过'],
      ['', '', '未通过'],
    ]);
    expect(rows[1]![column('说明')]).toBe('触犯红线：泄露客户个人信息');
    expect(readFileSync(path.join(run, 'results', 'results.csv'), 'utf8').split('\r\n')[0]).toContain('com-');

    const report = execFileSync('pdftotext', ['-layout', path.join(run, 'results', 'report.pdf'), '-'], { encoding: 'utf8' });
    for (const text of ['成绩分析报告', '应考人数', '成绩分布', '逐题分析', '选项分析', 'Cronbach']) expect(report).toContain(text);
    const pages = execFileSync('qpdf', ['--show-npages', path.join(run, 'results', 'candidates.pdf')], { encoding: 'utf8' });
    expect(Number(pages)).toBe(4);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(run, 'results', 'candidates.pdf'), '-'], { encoding: 'utf8' });
    expect(first).toContain('张敏');
    expect(first).toContain('成绩单');

    const stats = JSON.parse(readFileSync(path.join(bankCopy, 'stats', `${path.basename(run)}.json`), 'utf8'));
    expect(stats).toMatchObject({ trainbook: 1, runId: path.basename(run), n: 3 });
    expect(Object.keys(stats.items)).toHaveLength(key.variants[0]!.items.length);
    // Three candidates are too few for discrimination flags, but options nobody chose are flagged.
    const check = await runScript('check', [], env);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/question-bank\/[a-z-]+\/[a-z-]+\.yaml:\d+:\d+  warning  Question `[a-z]+-\d+@\d+(\(\d\))?`: nobody chose option.* in run `new-hire-theory-bank-1.0.0-seed-11`  stats\/unused-distractor/);
    expect(check.stderr).not.toContain('stats/low-discrimination');
  });
});
