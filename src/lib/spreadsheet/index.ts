export { cellRef, columnLetters } from './cell-ref.ts';
export { cellText, findColumn, normaliseHeader, placeOf, tableFromRows, type Table, type TableRow } from './table.ts';
export { readSpreadsheet, type ReadResult } from './read.ts';
export { csvBytes, displayWidth, workbookBytes, type ColumnSpec, type SheetSpec } from './write.ts';
export { plainWorkbookBytes } from './write-plain.ts';
