import type { CellPlace } from '../diagnostics/index.ts';
import { cellRef } from './cell-ref.ts';

/** One data row of a sheet: its 1-based row number as Excel shows it, and its cells as text. */
export interface TableRow {
  number: number;
  cells: string[];
}

/**
 * A sheet read as text: the first non-empty row is the header, the rest are data rows (blank rows
 * skipped). Every value is the text a person sees, so `0123` stays `0123` and nothing is a Date.
 */
export interface Table {
  /** Path as given, for messages. */
  file: string;
  /** Sheet name (absent for CSV). */
  sheet?: string;
  header: string[];
  headerRow: number;
  rows: TableRow[];
}

/** Returns the column index of the first header matching any of the names (trimmed, case-insensitive). */
export function findColumn(table: Table, ...names: string[]): number | undefined {
  const wanted = names.map(normaliseHeader);
  const index = table.header.findIndex((h) => wanted.includes(normaliseHeader(h)));
  return index < 0 ? undefined : index;
}

/** Returns the place of a cell for a diagnostic: `file!D12`, with the sheet name for workbooks of several sheets. */
export function placeOf(table: Table, columnIndex: number, rowNumber: number, withSheet = false): CellPlace {
  const cell = cellRef(columnIndex, rowNumber);
  return withSheet && table.sheet ? { sheet: table.sheet, cell } : { cell };
}

/** Returns the trimmed text of a cell, '' when the row is shorter. */
export function cellText(row: TableRow, columnIndex: number | undefined): string {
  if (columnIndex === undefined) return '';
  return (row.cells[columnIndex] ?? '').trim();
}

/** Header cells are compared without spaces, full-width parentheses or case: `分值（分）` = `分值(分)`. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Builds a Table from rows of text; the first row with any non-blank cell is the header. */
export function tableFromRows(file: string, rows: string[][], sheet?: string): Table {
  const numbered = rows.map((cells, i) => ({ number: i + 1, cells }));
  const isBlank = (r: TableRow) => r.cells.every((c) => c.trim() === '');
  const headerIndex = numbered.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return { file, sheet, header: [], headerRow: 1, rows: [] };
  const header = numbered[headerIndex]!.cells.map((c) => c.trim());
  return {
    file,
    sheet,
    header,
    headerRow: numbered[headerIndex]!.number,
    rows: numbered.slice(headerIndex + 1).filter((r) => !isBlank(r)),
  };
}
