import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byId, comparable, loadSample, roundTrip } from './support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-interop-'));

describe('round trips of the sample bank', () => {
  it('xlsx: export then import gives back every question unchanged, in files laid out like the hand-written ones', async () => {
    const { modules, bank } = await loadSample();
    const { back, plan, read } = await roundTrip(bank.questions, 'xlsx', path.join(dir, 'bank.xlsx'), modules);
    expect(read.diagnostics).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
    expect(back.length).toBe(bank.questions.length);
    expect(back.map(comparable).sort(byId)).toEqual(bank.questions.map(comparable).sort(byId));
    // The same files, the same order, the same text: only the quoting of a digit-only answer may differ.
    const written = plan.files.find((f) => f.file.endsWith('communication/complaint-handling.yaml'))!;
    expect(written.content).toBe(readFileSync('question-bank/communication/complaint-handling.yaml', 'utf8'));
    expect(plan.files.map((f) => path.relative('/bank', f.file)).sort()).toEqual([...new Set(bank.questions.map((q) => q.file.replace(/^question-bank\//, '')))].sort());
  });

  it('xlsx: the sheet has drop-downs for 题型, 难度, 层级 and 可见性, a frozen header, and an instructions sheet', async () => {
    const { modules, bank } = await loadSample();
    const file = path.join(dir, 'look.xlsx');
    await roundTrip(bank.questions.slice(0, 3), 'xlsx', file, modules);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('题目')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['题号', '题型', '案例编号', '题干', '选项A', '选项B']);
    const cellOf = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cellOf('题型').dataValidation).toMatchObject({ type: 'list', formulae: ['"单选,多选,判断,填空,简答,案例"'] });
    expect(cellOf('难度').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5"'] });
    expect(cellOf('可见性').dataValidation).toMatchObject({ formulae: ['"练习,考试"'] });
    expect(book.getWorksheet('说明')).toBeTruthy();
  });

  it('csv: the same columns, also lossless', async () => {
    const { modules, bank } = await loadSample();
    const { back } = await roundTrip(bank.questions, 'csv', path.join(dir, 'bank.csv'), modules);
    expect(back.map(comparable).sort(byId)).toEqual(bank.questions.map(comparable).sort(byId));
  });

  it('moodle-xml: every question comes back with its content and metadata', async () => {
    const { modules, bank } = await loadSample();
    const { back, read, plan } = await roundTrip(bank.questions, 'moodle-xml', path.join(dir, 'bank.xml'), modules);
    expect(read.skipped).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
    expect(back.map(comparable).sort(byId)).toEqual(bank.questions.map(comparable).sort(byId));
  });

  it('gift: everything but fill questions with several blanks (and cases holding one) comes back unchanged', async () => {
    const { modules, bank } = await loadSample();
    const { back, exported } = await roundTrip(bank.questions, 'gift', path.join(dir, 'bank.gift'), modules);
    const multiBlank = (q: (typeof bank.questions)[number]) => (q.type === 'fill' && q.answers.length > 1) || (q.type === 'case' && q.parts.some((p) => p.type === 'fill' && p.answers.length > 1));
    const expected = bank.questions.filter((q) => !multiBlank(q));
    expect(exported.skipped.map((s) => s.name).sort()).toEqual(bank.questions.filter(multiBlank).map((q) => q.id).sort());
    expect(back.map(comparable).sort(byId)).toEqual(expected.map(comparable).sort(byId));
  });
});
