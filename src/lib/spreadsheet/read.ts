import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { decodeSpreadsheetText } from '../encoding/index.ts';
import { tableFromRows, type Table } from './table.ts';

export type ReadResult = { tables: Table[]; diagnostics: Diagnostic[]; encoding?: string };

/**
 * Reads a spreadsheet a person made: `.xlsx` (every sheet) or `.csv` (UTF-8 with or without BOM,
 * UTF-16 with BOM, or GBK as older Chinese Excel saves it). Problems are diagnostics on `file`,
 * never exceptions, so callers report them with everything else.
 */
export async function readSpreadsheet(file: string, displayName = file): Promise<ReadResult> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'this is a folder, not a spreadsheet' : `cannot read the file (${code})`;
    return { tables: [], diagnostics: [createError(displayName, undefined, 'spreadsheet/unreadable', reason, 'give the path of an .xlsx or .csv file')] };
  }
  if (ext === '.csv' || ext === '.txt') return readCsv(bytes, displayName);
  if (ext === '.xlsx') return readXlsx(bytes, displayName);
  const note = ext === '.xls' ? 'open it in Excel or WPS and "Save As" → Excel Workbook (.xlsx)' : 'use an .xlsx or .csv file';
  return { tables: [], diagnostics: [createError(displayName, undefined, 'spreadsheet/unsupported-format', `unsupported file type '${ext || '(none)'}'`, note)] };
}

async function readCsv(bytes: Buffer, file: string): Promise<ReadResult> {
  const decoded = decodeSpreadsheetText(bytes);
  if (!decoded.ok) return { tables: [], diagnostics: [createError(file, undefined, 'spreadsheet/encoding', decoded.reason, decoded.note)] };
  const { parse } = await import('csv-parse/sync');
  try {
    const rows: string[][] = parse(decoded.text, { relax_column_count: true, skip_empty_lines: false, bom: true });
    return { tables: [tableFromRows(file, rows)], diagnostics: [], encoding: decoded.encoding };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      tables: [],
      diagnostics: [createError(file, { line, column: 1 }, 'spreadsheet/csv-syntax', String((error as Error).message).replace(/^Invalid Record Length: /, ''), 'check the quotes on this line: a cell with a comma or line break must be wrapped in "…", and a " inside it doubled ("")')],
    };
  }
}

async function readXlsx(bytes: Buffer, file: string): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { tables: [], diagnostics: [createError(file, undefined, 'spreadsheet/not-xlsx', 'the file is not a readable .xlsx workbook', 'open it in Excel or WPS and save it again as .xlsx')] };
  }
  const tables: Table[] = [];
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        cells[columnNumber - 1] = cellValueText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    tables.push(tableFromRows(file, Array.from(rows, (r) => r ?? []), sheet.name));
  }
  return { tables, diagnostics: [] };
}

/** The text a person sees in a cell; formulas give their cached result, rich text its plain text. */
function cellValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellValueText(v.result);
  if ('text' in v) return cellValueText(v.text);
  if (v.error) return v.error;
  return String(value);
}
