import type { Row } from '../exam-pdf/blocks.ts';
import { MARGIN, type DrawOp } from '../exam-pdf/layout-types.ts';

/** A column of a report table: width in points and text alignment. */
export interface TableColumn {
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** Returns one framed table row with single-line cells (text is cut to its cell by the caller's choice of widths). */
export function tableRow(columns: readonly TableColumn[], cells: readonly string[], { size = 8, height = 15, bold = false, left = MARGIN.left as number }: { size?: number; height?: number; bold?: boolean; left?: number } = {}): Row {
  const ops: DrawOp[] = [];
  let x = left;
  columns.forEach((column, c) => {
    ops.push({ type: 'rect', x, y: 0, width: column.width, height, lineWidth: 0.4 });
    const text = cells[c] ?? '';
    if (text) ops.push({ type: 'text', x: x + 3, y: height / 2 + size * 0.36, text, size, weight: bold ? 'bold' : 'regular', align: column.align ?? 'center', width: column.width - 6 });
    x += column.width;
  });
  return { height, ops };
}

/** Formats a number with fixed decimals, or `—` when it is undefined. */
export function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

/** Formats a fraction as a percentage: 0.523 → `52.3%`, or `—`. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(digits)}%`;
}

/**
 * Returns a whole table as one row: its rule lines drawn once per table (not a frame per cell,
 * which made a 1,000-page candidates.pdf twice as heavy) and its single-line cells.
 */
export function gridTable(columns: readonly TableColumn[], cells: readonly (readonly string[])[], { size = 8, height = 15, boldFirst = true, left = MARGIN.left as number } = {}): Row {
  const ops: DrawOp[] = [];
  const width = columns.reduce((s, c) => s + c.width, 0);
  const total = cells.length * height;
  for (let r = 0; r <= cells.length; r++) ops.push({ type: 'line', x1: left, y1: r * height, x2: left + width, y2: r * height, width: 0.4 });
  let x = left;
  for (let c = 0; c <= columns.length; c++) {
    ops.push({ type: 'line', x1: x, y1: 0, x2: x, y2: total, width: 0.4 });
    x += columns[c]?.width ?? 0;
  }
  cells.forEach((row, r) => {
    let cx = left;
    columns.forEach((column, c) => {
      const text = row[c] ?? '';
      if (text) ops.push({ type: 'text', x: cx + 3, y: r * height + height / 2 + size * 0.36, text, size, weight: boldFirst && r === 0 ? 'bold' : 'regular', align: column.align ?? 'center', width: column.width - 6 });
      cx += column.width;
    });
  });
  return { height: total, ops };
}
