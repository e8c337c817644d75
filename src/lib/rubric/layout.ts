import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { fieldsRow, formatPoints } from '../exam-pdf/header.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from '../exam-pdf/layout-types.ts';
import type { Rubric } from './schema.ts';

const BODY = 9.5;
// Columns: dimension (with weight), level descriptors, score 1–5, weighted points.
const COLUMNS = [110, CONTENT_WIDTH - 110 - 96 - 60, 96, 60];

function cellX(column: number): number {
  return MARGIN.left + COLUMNS.slice(0, column).reduce((a, b) => a + b, 0);
}

/** One table row: text cells wrapped to their column, framed, all as tall as the tallest. */
function tableRow(rows: RowBuilder, cells: { text: string; bold?: boolean; size?: number }[], minHeight = 0): Row {
  const padding = 4;
  const laidOut = cells.map((cell, c) => rows.text(cell.text, { size: cell.size ?? BODY, weight: cell.bold ? 'bold' : 'regular', indent: cellX(c) - MARGIN.left + padding, width: cellX(c) - MARGIN.left + COLUMNS[c]! - padding, leading: 1.4 }));
  const height = Math.max(minHeight, ...laidOut.map((lines) => lines.reduce((h, r) => h + r.height, 0) + padding * 2));
  const ops: DrawOp[] = [];
  laidOut.forEach((lines, c) => {
    let y = padding;
    for (const line of lines) {
      ops.push(...line.ops.map((op) => (op.type === 'text' ? { ...op, y: op.y + y } : op)));
      y += line.height;
    }
    ops.push({ type: 'rect', x: cellX(c), y: 0, width: COLUMNS[c]!, height, lineWidth: 0.6 });
  });
  return { height, ops };
}

/** Returns the printable practical score sheet (实操评分表): task, a row per dimension, comments and weighted total. */
export function layoutRubric(rubric: Rubric, metrics: FontMetrics, footer: string): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...(rubric.organization ? rows.text(rubric.organization, { size: 10.5, align: 'center' }) : []),
        ...rows.text(rubric.title, { size: 16, weight: 'bold', align: 'center', leading: 1.5 }),
        rows.space(4),
        fieldsRow(rows, ['学员姓名', '工号', '考核日期']),
        fieldsRow(rows, ['考评员', '部门', '用时（分钟）']),
      ],
    },
    {
      keepTogether: true,
      spaceBefore: 6,
      rows: [
        ...rows.text(`考核任务${rubric.duration ? `（限时 ${rubric.duration} 分钟）` : ''}`, { size: 11, weight: 'bold' }),
        ...rows.text(rubric.task.trim(), { size: BODY }),
        ...rows.text('评分方法：每个维度按 1–5 分评定（1 分未达到要求，3 分达到要求，5 分表现突出），加权分 = 得分 ÷ 5 × 权重。', { size: 9 }),
      ],
    },
    { keepTogether: true, spaceBefore: 8, rows: [tableRow(rows, [{ text: '评分维度（权重）', bold: true }, { text: '评分标准', bold: true }, { text: '得分（圈选 1–5）', bold: true }, { text: '加权分', bold: true }])] },
  ];
  for (const dimension of rubric.dimensions) {
    const levels = ([5, 4, 3, 2, 1] as const).flatMap((level) => (dimension.levels[level] ? [`${level} 分：${dimension.levels[level]}`] : []));
    const indicators = dimension.indicators.length ? [`观察要点：${dimension.indicators.join('；')}`] : [];
    blocks.push({
      keepTogether: true,
      rows: [tableRow(rows, [{ text: `${dimension.name}\n（${formatPoints(dimension.weight)}%）`, bold: true }, { text: [...indicators, ...levels].join('\n'), size: 8 }, { text: '1　2　3　4　5', size: 10.5 }, { text: '' }], 40)],
    });
  }
  blocks.push({ keepTogether: true, rows: [tableRow(rows, [{ text: '加权总分', bold: true }, { text: `满分 100 分${rubric.pass_mark !== undefined ? `，${formatPoints(rubric.pass_mark)} 分及格` : ''}` }, { text: '' }, { text: '' }], 28)] });
  const commentBox: Row = { height: 84, ops: [{ type: 'rect', x: MARGIN.left, y: 0, width: CONTENT_WIDTH, height: 84, lineWidth: 0.6 }] };
  blocks.push({
    keepTogether: true,
    spaceBefore: 10,
    rows: [...rows.text('评语与改进建议', { size: 11, weight: 'bold' }), commentBox, rows.space(10), fieldsRow(rows, ['考评员签名', '学员签名', '日期'])],
  });
  const pages = addFooters(paginate(blocks), (page, total) => `第 ${page} 页 共 ${total} 页　·　${footer}`);
  return { kind: 'rubric', title: rubric.title, pages };
}
