import { itemKey, type Exam, type ExamItem, type ExamPart, type ExamVariant } from '../exam/index.ts';
import type { ExamTranslate } from '../i18n/index.ts';
import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from './blocks.ts';
import { footerText, formatPoints } from './header.ts';
import { answerLineCount, partTypeLabel, printedHeading } from './layout-paper.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from './layout-types.ts';
import { SCORE_BOX_WIDTH, scoreBoxOps, sectionHeadingRow, totalTableOps } from './score-boxes.ts';
import { SHEET_AREA } from './sheet-stamp.ts';

const BODY = 10;
/** Bubbles are 3.9 mm across, 7 mm apart in a row: easy to fill, easy to tell apart when scanned. */
const BUBBLE_RADIUS = 5.5;
const BUBBLE_STEP = 20;
const ROW_HEIGHT = 24;
/** The 工号 grid: column width and row step in points (7 mm × 5.5 mm). */
const DIGIT_STEP = { x: 19.8, y: 15.6 };

/** Returns the bubbles of an objective question: printed label and the option recorded in layout.json. */
function bubbleOptions(body: Question | CasePart): { label: string; option: string }[] {
  if (body.type === 'truefalse') return [{ label: '√', option: 'true' }, { label: '×', option: 'false' }];
  if (body.type === 'single' || body.type === 'multiple') return body.options.map((_, i) => ({ label: indexToLetter(i), option: indexToLetter(i) }));
  return [];
}

/** Space from a cell's start to its first bubble: the label plus a gap, at least 24 pt so numbers line up. */
function labelSpace(metrics: FontMetrics, label: string): number {
  return Math.max(24, metrics.widthOf(label, BODY, 'regular') + 14);
}

interface BubbleCell {
  label: string;
  item: string;
  options: { label: string; option: string }[];
}

function bubbleCell(metrics: FontMetrics, cell: BubbleCell, x: number): DrawOp[] {
  const ops: DrawOp[] = [{ type: 'text', x, y: ROW_HEIGHT / 2 + 3.6, text: cell.label, size: BODY, weight: 'regular' }];
  const start = labelSpace(metrics, cell.label);
  cell.options.forEach(({ label, option }, i) => {
    const cx = x + start + i * BUBBLE_STEP;
    ops.push({ type: 'circle', x: cx, y: ROW_HEIGHT / 2, r: BUBBLE_RADIUS, lineWidth: 0.7, mark: { kind: 'option', item: cell.item, option } });
    ops.push({ type: 'text', x: cx - 8, y: ROW_HEIGHT / 2 + 2.5, text: label, size: 7, weight: 'regular', align: 'center', width: 16 });
  });
  return ops;
}

/** Rows of bubble cells, as many per row as fit, in columns. */
function bubbleGrid(metrics: FontMetrics, cells: BubbleCell[], indent = 0, width = CONTENT_WIDTH): Row[] {
  if (cells.length === 0) return [];
  const widest = Math.max(...cells.map((c) => labelSpace(metrics, c.label) + c.options.length * BUBBLE_STEP + 12));
  const perRow = Math.max(1, Math.floor((width - indent) / widest));
  const cellWidth = (width - indent) / perRow;
  const rows: Row[] = [];
  for (let i = 0; i < cells.length; i += perRow) {
    rows.push({ height: ROW_HEIGHT, ops: cells.slice(i, i + perRow).flatMap((cell, c) => bubbleCell(metrics, cell, MARGIN.left + indent + c * cellWidth)) });
  }
  return rows;
}

/** Rows of numbered blanks to write on, two per row, the first row ending in the score box. */
function blankRows(rows: RowBuilder, t: ExamTranslate, label: string, blanks: number, indent: number, item: string): Row[] {
  const perRow = 2;
  const width = CONTENT_WIDTH - indent - SCORE_BOX_WIDTH;
  const result: Row[] = [];
  for (let i = 0; i < blanks; i += perRow) {
    const ops: DrawOp[] = [];
    for (let b = i; b < Math.min(blanks, i + perRow); b++) {
      const x = MARGIN.left + indent + ((b - i) * width) / perRow;
      const text = `${b === 0 ? label : ''}${t('blank', { n: b + 1 })}`;
      ops.push({ type: 'text', x, y: 17, text, size: BODY, weight: 'regular' });
      const start = x + rows.metrics.widthOf(text, BODY, 'regular') + 2;
      ops.push({ type: 'line', x1: start, y1: 20, x2: x + width / perRow - 12, y2: 20, width: 0.5 });
    }
    if (i === 0) ops.push(...scoreBoxOps(rows, t, item, item, 4));
    result.push({ height: 28, ops });
  }
  return result;
}

/** A label row with the score box at its right. */
function labelRow(rows: RowBuilder, t: ExamTranslate, text: string, indent: number, item: string): Row {
  const lines = rows.text(text, { size: BODY, indent, width: CONTENT_WIDTH - SCORE_BOX_WIDTH });
  const height = Math.max(24, lines.reduce((h, r) => h + r.height, 0) + 4);
  const ops: DrawOp[] = [];
  let y = 4;
  for (const line of lines) {
    ops.push(...line.ops.map((op) => (op.type === 'text' ? { ...op, y: op.y + y } : op)));
    y += line.height;
  }
  return { height, ops: [...ops, ...scoreBoxOps(rows, t, item, item, 3)] };
}

function partRows(rows: RowBuilder, t: ExamTranslate, body: Question | CasePart, label: string, points: number, indent: number, item: string): Row[] {
  // A sheet holds only answers: a line less per point than the paper answered in place.
  if (body.type === 'short') return [labelRow(rows, t, label, indent, item), ...rows.answerLines(Math.min(12, answerLineCount(points)), { indent: indent + 12, spacing: 21 })];
  if (body.type === 'fill') return blankRows(rows, t, label, body.answers.length, indent, item);
  return bubbleGrid(rows.metrics, [{ label, item, options: bubbleOptions(body) }], indent);
}

function itemBlocks(rows: RowBuilder, t: ExamTranslate, type: Question['type'], items: ExamItem[], firstNumber: number): Block[] {
  if (type === 'single' || type === 'multiple' || type === 'truefalse') {
    const cells = items.map((item, i) => ({ label: String(firstNumber + i), item: itemKey(firstNumber + i), options: bubbleOptions(item.question) }));
    return [{ keepTogether: true, rows: bubbleGrid(rows.metrics, cells) }];
  }
  return items.map((item, i) => {
    const number = firstNumber + i;
    const { question } = item;
    const points = t('points.paren', { n: formatPoints(item.points) });
    const content =
      question.type === 'case'
        ? [
            ...rows.text(`${number}.${points}`, { size: BODY }),
            ...question.parts.flatMap((part, p) => {
              const placed: ExamPart = item.parts?.[p] ?? { points: part.points };
              const label = `${t('blank', { n: p + 1 })}${partTypeLabel(t, part, placed.points)}`;
              return partRows(rows, t, part, label, placed.points, 14, itemKey(number, p + 1));
            }),
          ]
        : partRows(rows, t, question, question.type === 'short' ? `${number}.${points}` : `${number}.`, item.points, 0, itemKey(number));
    return { keepTogether: true, questionId: question.id, spaceBefore: 6, rows: content };
  });
}

/** The page-1 registration area: 工号 grid at the left; rules, 缺考 and the total table at the right. */
function registrationRow(rows: RowBuilder, t: ExamTranslate, variant: string, digits: number): Row {
  const ops: DrawOp[] = [];
  const left = MARGIN.left;
  ops.push({ type: 'text', x: left, y: 10, text: t('sheet.idGrid'), size: 8.5, weight: 'bold' });
  const gridTop = 16;
  const boxHeight = 20;
  for (let position = 0; position < digits; position++) {
    const x = left + 14 + position * DIGIT_STEP.x;
    ops.push({ type: 'rect', x, y: gridTop, width: DIGIT_STEP.x, height: boxHeight, lineWidth: 0.6 });
    for (let digit = 0; digit <= 9; digit++) {
      const cy = gridTop + boxHeight + 10 + digit * DIGIT_STEP.y;
      ops.push({ type: 'circle', x: x + DIGIT_STEP.x / 2, y: cy, r: BUBBLE_RADIUS, lineWidth: 0.7, mark: { kind: 'digit', position, digit } });
      ops.push({ type: 'text', x: x + DIGIT_STEP.x / 2 - 8, y: cy + 2.5, text: String(digit), size: 7, weight: 'regular', align: 'center', width: 16 });
    }
  }
  const gridHeight = gridTop + boxHeight + 10 * DIGIT_STEP.y + 6;
  const gridRight = left + 14 + digits * DIGIT_STEP.x;
  // The right column starts after the grid (at least a third of the way across) and fills the rest.
  const x = Math.max(gridRight + 18, left + CONTENT_WIDTH * 0.4);
  const width = left + CONTENT_WIDTH - x;
  let y = 4;
  for (const line of [t('sheet.rule1'), t('sheet.rule2', { v: variant }), t('sheet.rule3')]) {
    for (const row of rows.text(line, { size: 8.5, indent: x - left, width: x - left + width, leading: 1.5 })) {
      ops.push(...row.ops.map((op) => (op.type === 'text' ? { ...op, y: op.y + y } : op)));
      y += row.height;
    }
  }
  y += 8;
  ops.push({ type: 'text', x, y: y + 8, text: t('sheet.absent'), size: 9.5, weight: 'bold' });
  const absentX = x + rows.metrics.widthOf(t('sheet.absent'), 9.5, 'bold') + 14;
  ops.push({ type: 'circle', x: absentX, y: y + 4.5, r: BUBBLE_RADIUS, lineWidth: 0.7, mark: { kind: 'absent' } });
  ops.push({ type: 'text', x: absentX + 12, y: y + 8, text: t('sheet.absentNote'), size: 7.5, weight: 'regular' });
  y += 24;
  ops.push(...totalTableOps(t, x, y, width));
  y += 50;
  return { height: Math.max(gridHeight, y), ops };
}

/**
 * Returns the pages of one variant's answer sheet (答题卡) before stamping: registration area,
 * bubbles, blanks and written areas, a score box beside every subjective item and a 得分 | 评卷人
 * table per section. `stampSheet` adds what differs per page and candidate (QR, strip, fiducials).
 */
export function layoutSheet(exam: Exam, variant: ExamVariant, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [...rows.text(exam.title, { size: 14, weight: 'bold', align: 'center', leading: 1.4 }), ...rows.text(t('sheet.title', { v: variant.label }), { size: 10.5, align: 'center' }), rows.space(4), registrationRow(rows, t, variant.label, exam.idDigits)],
    },
  ];
  let number = 0;
  variant.sections.forEach((section, s) => {
    const heading = printedHeading(t, section, s, 'points');
    const [first, ...rest] = itemBlocks(rows, t, section.type, section.items, number + 1);
    number += section.items.length;
    blocks.push({ keepTogether: true, keepWithNext: true, spaceBefore: 10, rows: [...sectionHeadingRow(rows, t, heading, heading), rows.space(2)] }, first!, ...rest);
  });
  const pages = addFooters(paginate(blocks, SHEET_AREA), (page, total) => footerText(t, page, total, variant.label, exam.bankVersion, t('kind.sheet')));
  return { kind: 'sheet', title: `${exam.title}${t('sheet.title', { v: variant.label })}`, pages };
}
