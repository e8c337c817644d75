import type { Exam } from '../exam/index.ts';
import type { ExamTranslate } from '../i18n/index.ts';
import type { Block, Row, RowBuilder } from './blocks.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp } from './layout-types.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Returns a Chinese numeral for section numbers.
 * @example chineseNumeral(12) // => '十二'
 */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  return `${NUMERALS[Math.floor(n / 10)]}十${n % 10 ? NUMERALS[n % 10] : ''}`;
}

/** Formats points without a trailing `.0`: 2 → `2`, 2.5 → `2.5`. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** Returns a section's number as printed: `三、` in Chinese, `Part 3. ` in English. */
export function sectionNumber(t: ExamTranslate, n: number): string {
  return t('section.number', { numeral: chineseNumeral(n), n });
}

/** Returns the title block: organisation, title, subtitle (e.g. "A 卷 · 答案与评分标准") and facts line. */
export function titleBlock(rows: RowBuilder, exam: Exam, subtitle: string, t: ExamTranslate): Block {
  const centered = { align: 'center' as const };
  return {
    keepTogether: true,
    rows: [
      ...(exam.organization ? rows.text(exam.organization, { size: 10.5, ...centered }) : []),
      ...rows.text(exam.title, { size: 18, weight: 'bold', leading: 1.5, ...centered }),
      ...rows.text(subtitle, { size: 12, ...centered }),
      ...rows.text(t('facts', { duration: exam.duration, total: formatPoints(exam.totalPoints), pass: formatPoints(exam.passMark) }), { size: 10, ...centered }),
      rows.space(6),
    ],
  };
}

/** Returns a row with labelled blanks to fill in, e.g. 姓名 ____ 工号 ____ 部门 ____. */
export function fieldsRow(rows: RowBuilder, labels: string[], size = 10.5): Row {
  const ops: DrawOp[] = [];
  const cell = CONTENT_WIDTH / labels.length;
  labels.forEach((label, i) => {
    if (!label) return;
    const x = MARGIN.left + i * cell;
    // A Latin label takes a Latin colon; a full-width one after `Name` looks like a stray space.
    const text = /^[\x20-\x7e]+$/.test(label) ? `${label}: ` : `${label}：`;
    const labelWidth = rows.metrics.widthOf(text, size, 'regular');
    ops.push({ type: 'text', x, y: 18, text, size, weight: 'regular' });
    ops.push({ type: 'line', x1: x + labelWidth, y1: 21, x2: x + cell - 12, y2: 21, width: 0.6 });
  });
  return { height: 30, ops };
}

/** Returns a grid table row set: one header row and one empty row per `rowLabels`, equal columns. */
export function gridTable(rows: RowBuilder, header: string[], rowLabels: string[], { size = 10, rowHeight = 24 } = {}): Row[] {
  const columns = header.length;
  const cell = CONTENT_WIDTH / columns;
  const makeRow = (cells: string[]): Row => {
    const ops: DrawOp[] = [];
    cells.forEach((text, i) => {
      const x = MARGIN.left + i * cell;
      ops.push({ type: 'rect', x, y: 0, width: cell, height: rowHeight, lineWidth: 0.6 });
      if (text) ops.push({ type: 'text', x, y: rowHeight / 2 + size * 0.36, text, size, weight: 'regular', align: 'center', width: cell });
    });
    return { height: rowHeight, ops };
  };
  return [makeRow(header), ...rowLabels.map((label) => makeRow([label, ...Array(columns - 1).fill('')]))];
}

/** Returns the "第 x 页 共 y 页 · A 卷 试卷 · 题库版本 1.2.0" footer text. */
export function footerText(t: ExamTranslate, page: number, total: number, variant: string, bankVersion: string, kind: string): string {
  return t('footer', { page, total, variant, kind, version: bankVersion });
}

/**
 * Returns a boxed variant letter printed large (so papers and sheets of different variants are
 * told apart at a glance), with its top-left corner at x, y.
 */
export function variantBadge(label: string, x: number, y: number, size = 26): DrawOp[] {
  return [
    { type: 'rect', x, y, width: size, height: size, lineWidth: 1.4 },
    { type: 'text', x, y: y + size * 0.78, text: label, size: size * 0.72, weight: 'bold', align: 'center', width: size },
  ];
}
