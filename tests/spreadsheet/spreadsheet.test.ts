import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { cellRef, csvBytes, findColumn, placeOf, readSpreadsheet, workbookBytes } from '../../src/lib/spreadsheet/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-sheet-'));

describe('spreadsheets', () => {
  it('names cells as Excel does', () => {
    expect([cellRef(0, 1), cellRef(25, 9), cellRef(26, 12), cellRef(701, 3)]).toEqual(['A1', 'Z9', 'AA12', 'ZZ3']);
  });

  it('reads back an xlsx it wrote, as text, with drop-downs and a frozen header', async () => {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(
      file,
      await workbookBytes([{ name: '答题', columns: [{ header: '工号' }, { header: '1', choices: ['A', 'B', 'C', 'D'] }], rows: [['0123', 'AC'], ['0456', 1.5]] }]),
    );
    const { tables, diagnostics } = await readSpreadsheet(file);
    expect(diagnostics).toEqual([]);
    expect(tables[0]!.sheet).toBe('答题');
    expect(tables[0]!.header).toEqual(['工号', '1']);
    expect(tables[0]!.rows.map((r) => [r.number, ...r.cells])).toEqual([[2, '0123', 'AC'], [3, '0456', '1.5']]);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('答题')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B,C,D"'] });
  });

  it('reads CSV in UTF-8 with BOM, UTF-16 and GBK alike', async () => {
    const text = '工号,姓名\r\n"0123","张三, 李"\r\n';
    const utf8 = path.join(dir, 'utf8.csv');
    writeFileSync(utf8, csvBytes(['工号', '姓名'], [['0123', '张三, 李']]));
    const utf16 = path.join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const gbk = path.join(dir, 'gbk.csv');
    // 工号,姓名 / 0123,张三 encoded in GBK by hand: Node has a GBK decoder but no encoder.
    writeFileSync(gbk, Buffer.from([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0x30, 0x31, 0x32, 0x33, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd]));
    for (const file of [utf8, utf16]) {
      const { tables } = await readSpreadsheet(file);
      expect(tables[0]!.header, file).toEqual(['工号', '姓名']);
      expect(tables[0]!.rows[0]!.cells, file).toEqual(['0123', '张三, 李']);
    }
    const fromGbk = await readSpreadsheet(gbk);
    expect(fromGbk.encoding).toBe('gb18030');
    expect(fromGbk.tables[0]!.rows[0]!.cells).toEqual(['0123', '张三']);
  });

  it('locates header columns and cells for messages', async () => {
    const file = path.join(dir, 'find.csv');
    writeFileSync(file, '\r\n 分值（分） ,题干\r\n2,x\r\n');
    const { tables } = await readSpreadsheet(file);
    const table = tables[0]!;
    const points = findColumn(table, '分值(分)');
    expect(points).toBe(0);
    expect(placeOf(table, points!, table.rows[0]!.number)).toEqual({ cell: 'A3' });
  });

  it('refuses unreadable inputs with a located hint instead of throwing', async () => {
    const xls = path.join(dir, 'old.xls');
    writeFileSync(xls, 'x');
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip');
    const messages = await Promise.all([xls, broken, path.join(dir, 'missing.csv')].map(async (f) => formatDiagnostics((await readSpreadsheet(f, path.basename(f))).diagnostics)));
    expect(messages[0]).toContain("old.xls  error  unsupported file type '.xls'");
    expect(messages[0]).toContain('Save As');
    expect(messages[1]).toContain('broken.xlsx  error  the file is not a readable .xlsx workbook');
    expect(messages[2]).toContain('missing.csv  error  file not found');
  });
});
