import type { Exam, ExamItem, ExamPart, ExamVariant } from '../exam/index.ts';
import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from './blocks.ts';
import { chineseNumeral, fieldsRow, footerText, formatPoints, titleBlock } from './header.ts';
import { answerLineCount } from './layout-paper.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from './layout-types.ts';

const BODY = 10;
const BUBBLE_RADIUS = 5.5;
const BUBBLE_STEP = 17;
const ROW_HEIGHT = 20;

/** Returns the bubble labels for an objective question: its letters, or √ ×. */
function bubbleLabels(body: Question | CasePart): string[] {
  if (body.type === 'truefalse') return ['√', '×'];
  if (body.type === 'single' || body.type === 'multiple') return body.options.map((_, i) => indexToLetter(i));
  return [];
}

/** Space from a cell's start to its first bubble: the label plus a gap, at least 24 pt so numbers line up. */
function labelSpace(metrics: FontMetrics, label: string): number {
  return Math.max(24, metrics.widthOf(label, BODY, 'regular') + 12);
}

function bubbleCell(metrics: FontMetrics, label: string, bubbles: string[], x: number): DrawOp[] {
  const ops: DrawOp[] = [{ type: 'text', x, y: ROW_HEIGHT / 2 + 3.6, text: label, size: BODY, weight: 'regular' }];
  const start = labelSpace(metrics, label);
  bubbles.forEach((letter, i) => {
    const cx = x + start + i * BUBBLE_STEP;
    ops.push({ type: 'circle', x: cx, y: ROW_HEIGHT / 2, r: BUBBLE_RADIUS, lineWidth: 0.6 });
    ops.push({ type: 'text', x: cx - 8, y: ROW_HEIGHT / 2 + 2.5, text: letter, size: 7, weight: 'regular', align: 'center', width: 16 });
  });
  return ops;
}

/** Rows of bubble cells, as many per row as fit. */
function bubbleGrid(metrics: FontMetrics, cells: { label: string; bubbles: string[] }[], indent = 0): Row[] {
  if (cells.length === 0) return [];
  const widest = Math.max(...cells.map((c) => labelSpace(metrics, c.label) + c.bubbles.length * BUBBLE_STEP + 10));
  const perRow = Math.max(1, Math.floor((CONTENT_WIDTH - indent) / widest));
  const cellWidth = (CONTENT_WIDTH - indent) / perRow;
  const rows: Row[] = [];
  for (let i = 0; i < cells.length; i += perRow) {
    rows.push({
      height: ROW_HEIGHT,
      ops: cells.slice(i, i + perRow).flatMap((cell, c) => bubbleCell(metrics, cell.label, cell.bubbles, MARGIN.left + indent + c * cellWidth)),
    });
  }
  return rows;
}

function blankRows(rows: RowBuilder, label: string, blanks: number, indent: number): Row[] {
  const perRow = 2;
  const result: Row[] = [];
  for (let i = 0; i < blanks; i += perRow) {
    const ops: DrawOp[] = [];
    for (let b = i; b < Math.min(blanks, i + perRow); b++) {
      const x = MARGIN.left + indent + ((b - i) * (CONTENT_WIDTH - indent)) / perRow;
      const text = `${b === 0 ? label : ''}（${b + 1}）`;
      ops.push({ type: 'text', x, y: 16, text, size: BODY, weight: 'regular' });
      const start = x + rows.metrics.widthOf(text, BODY, 'regular') + 2;
      ops.push({ type: 'line', x1: start, y1: 19, x2: x + (CONTENT_WIDTH - indent) / perRow - 14, y2: 19, width: 0.5 });
    }
    result.push({ height: 26, ops });
  }
  return result;
}

/** Rows for one written part: a label and ruled lines, inside a frame. */
function writtenRows(rows: RowBuilder, label: string, points: number, indent: number): Row[] {
  return [...rows.text(`${label}（${formatPoints(points)} 分）`, { size: BODY, indent }), ...rows.answerLines(answerLineCount(points), { indent: indent + 12, spacing: 22 })];
}

function partRows(rows: RowBuilder, body: Question | CasePart, label: string, placed: { points: number }, indent: number, showPoints = false): Row[] {
  if (body.type === 'short') return writtenRows(rows, label, placed.points, indent);
  // Inside a case every part shows its points, as the written part does.
  const labelled = showPoints ? `${label}（${formatPoints(placed.points)} 分）` : label;
  if (body.type === 'fill') return blankRows(rows, labelled, body.answers.length, indent);
  return bubbleGrid(rows.metrics, [{ label: labelled, bubbles: bubbleLabels(body) }], indent);
}

function itemBlocks(rows: RowBuilder, type: Question['type'], items: ExamItem[], firstNumber: number): Block[] {
  if (type === 'single' || type === 'multiple' || type === 'truefalse') {
    return [{ keepTogether: true, rows: bubbleGrid(rows.metrics, items.map((item, i) => ({ label: String(firstNumber + i), bubbles: bubbleLabels(item.question) }))) }];
  }
  return items.map((item, i) => {
    const number = `${firstNumber + i}.`;
    const { question } = item;
    const content =
      question.type === 'case'
        ? [
            ...rows.text(`${number}（${formatPoints(item.points)} 分）`, { size: BODY }),
            ...question.parts.flatMap((part, p) => partRows(rows, part, `（${p + 1}）`, item.parts?.[p] ?? ({ points: part.points } as ExamPart), 14, true)),
          ]
        : partRows(rows, question, number, item, 0);
    return { keepTogether: true, questionId: question.id, spaceBefore: 6, rows: content };
  });
}

/** Returns the pages of one variant's answer sheet (答题卡): bubbles, blanks and ruled boxes. */
export function layoutSheet(exam: Exam, variant: ExamVariant, metrics: FontMetrics): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [titleBlock(rows, exam, `（${variant.label} 卷）答题卡`)];
  blocks.push({ keepTogether: true, rows: [fieldsRow(rows, ['姓名', '工号', '部门'])] });
  blocks.push({
    keepTogether: true,
    spaceBefore: 4,
    rows: [
      '1. 请用黑色字迹的笔作答，并在上方填写姓名、工号和部门。',
      `2. 本答题卡只适用于 ${variant.label} 卷；选择题和判断题将所选答案的圆圈涂满 ●，修改时请擦净。`,
      '3. 请在各题对应区域内作答，超出区域的答案无效。',
    ].flatMap((line) => rows.text(line, { size: 9 })),
  });
  let number = 0;
  variant.sections.forEach((section, s) => {
    const heading = rows.text(`${chineseNumeral(s + 1)}、${section.heading}（共 ${formatPoints(section.points)} 分）`, { size: 11, weight: 'bold' });
    const [first, ...rest] = itemBlocks(rows, section.type, section.items, number + 1);
    number += section.items.length;
    blocks.push({ ...first!, spaceBefore: 12, rows: [...heading, rows.space(4), ...first!.rows] }, ...rest);
  });
  const pages = addFooters(paginate(blocks), (page, total) => footerText(page, total, variant.label, exam.bankVersion, '答题卡'));
  return { kind: 'sheet', title: `${exam.title}（${variant.label} 卷）答题卡`, pages };
}
