import type { ExamTranslate } from '../i18n/index.ts';
import type { Row, RowBuilder } from './blocks.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp } from './layout-types.ts';

/** Width a score box takes at the right of a row: the label 得分 and the box. */
export const SCORE_BOX_WIDTH = 62;
const BOX = { width: 38, height: 17 };

/** Returns a "得分 [ ]" box at the right edge of the text area, top at `y`, recorded for layout.json as `item`. */
export function scoreBoxOps(rows: RowBuilder, t: ExamTranslate, item: string, label: string, y: number): DrawOp[] {
  const right = MARGIN.left + CONTENT_WIDTH;
  const text = t('score');
  const textWidth = rows.metrics.widthOf(text, 8, 'regular');
  return [
    { type: 'text', x: right - BOX.width - textWidth - 3, y: y + BOX.height * 0.68, text, size: 8, weight: 'regular' },
    { type: 'rect', x: right - BOX.width, y, width: BOX.width, height: BOX.height, lineWidth: 0.6, box: { item, label } },
  ];
}

/**
 * Returns a section heading row with a 得分 | 评卷人 table at its right: markers write the
 * section's score and sign it. The score cell is recorded for layout.json as a `section` box.
 */
export function sectionHeadingRow(rows: RowBuilder, t: ExamTranslate, heading: string, label: string): Row[] {
  const cells = [t('score'), '', t('marker'), ''];
  const widths = [30, 40, 38, 48];
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const height = 18;
  const text = rows.text(heading, { size: 11, weight: 'bold', width: CONTENT_WIDTH - tableWidth - 8 });
  const textHeight = text.reduce((h, r) => h + r.height, 0);
  const rowHeight = Math.max(textHeight, height + 4);
  const ops: DrawOp[] = [];
  let y = (rowHeight - textHeight) / 2;
  for (const line of text) {
    ops.push(...line.ops.map((op) => (op.type === 'text' ? { ...op, y: op.y + y } : op)));
    y += line.height;
  }
  let x = MARGIN.left + CONTENT_WIDTH - tableWidth;
  const top = (rowHeight - height) / 2;
  cells.forEach((cell, i) => {
    ops.push({ type: 'rect', x, y: top, width: widths[i]!, height, lineWidth: 0.6, ...(i === 1 ? { box: { item: 'section', label } } : {}) });
    if (cell) ops.push({ type: 'text', x, y: top + height * 0.66, text: cell, size: 8.5, weight: 'regular', align: 'center', width: widths[i]! });
    x += widths[i]!;
  });
  return [{ height: rowHeight, ops }];
}

/**
 * Returns the page-1 total table: 总分 | 评卷人 | 复核人 over empty cells, `width` wide with its
 * left edge at `x` (row-relative). The 总分 cell is recorded for layout.json as the `total` box.
 */
export function totalTableOps(t: ExamTranslate, x: number, y: number, width: number, size = 9): DrawOp[] {
  const headers = [t('total'), t('marker'), t('checker')];
  const cell = width / headers.length;
  const ops: DrawOp[] = [];
  headers.forEach((text, i) => {
    ops.push({ type: 'rect', x: x + i * cell, y, width: cell, height: 16, lineWidth: 0.6 });
    ops.push({ type: 'text', x: x + i * cell, y: y + 11.5, text, size, weight: 'regular', align: 'center', width: cell });
    ops.push({ type: 'rect', x: x + i * cell, y: y + 16, width: cell, height: 30, lineWidth: 0.6, ...(i === 0 ? { box: { item: 'total', label: text } } : {}) });
  });
  return ops;
}
