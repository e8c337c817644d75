import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { fieldsRow, formatPoints } from '../exam-pdf/header.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from '../exam-pdf/layout-types.ts';
import type { ExamTranslate } from '../i18n/index.ts';
import type { Rubric } from './schema.ts';

const BODY = 9.5;
// Columns: dimension (with weight), criteria (the widest: editors write real sentences), score 1–5 with weighted values, weighted points.
const COLUMNS = [92, CONTENT_WIDTH - 92 - 132 - 48, 132, 48];

function cellX(column: number, widths = COLUMNS): number {
  return MARGIN.left + widths.slice(0, column).reduce((a, b) => a + b, 0);
}

type Cell = { text: string; bold?: boolean; size?: number; ops?: DrawOp[] };

/** One table row: text cells wrapped to their column, framed, all as tall as the tallest; `ops` are drawn relative to the cell. */
function tableRow(rows: RowBuilder, cells: Cell[], minHeight = 0, widths = COLUMNS): Row {
  const padding = 4;
  const laidOut = cells.map((cell, c) => rows.text(cell.text, { size: cell.size ?? BODY, weight: cell.bold ? 'bold' : 'regular', indent: cellX(c, widths) - MARGIN.left + padding, width: cellX(c, widths) - MARGIN.left + widths[c]! - padding, leading: 1.4 }));
  const height = Math.max(minHeight, ...laidOut.map((lines) => lines.reduce((h, r) => h + r.height, 0) + padding * 2));
  const ops: DrawOp[] = [];
  laidOut.forEach((lines, c) => {
    let y = padding;
    for (const line of lines) {
      ops.push(...line.ops.map((op) => (op.type === 'text' ? { ...op, y: op.y + y } : op)));
      y += line.height;
    }
    ops.push(...(cells[c]!.ops ?? []).map((op) => shift(op, cellX(c, widths), 0)));
    ops.push({ type: 'rect', x: cellX(c, widths), y: 0, width: widths[c]!, height, lineWidth: 0.6 });
  });
  return { height, ops };
}

function shift(op: DrawOp, dx: number, dy: number): DrawOp {
  if (op.type === 'line') return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
  return { ...op, x: op.x + dx, y: op.y + dy };
}

/** Scores 1–5 to circle, each with its weighted value printed under it: weight 30 → 6 12 18 24 30. */
function scoreScale(weight: number, width: number): DrawOp[] {
  const step = width / 5;
  return [1, 2, 3, 4, 5].flatMap((score, i) => [
    { type: 'text', x: i * step, y: 18, text: String(score), size: 11, weight: 'regular', align: 'center', width: step } as DrawOp,
    { type: 'text', x: i * step, y: 30, text: formatPoints((score / 5) * weight), size: 7, weight: 'regular', align: 'center', width: step } as DrawOp,
  ]);
}

/** A small tick box followed by its label, at x, y (row-relative). */
function tickBox(rows: RowBuilder, label: string, x: number, y: number, size = 10.5): DrawOp[] {
  return [
    { type: 'rect', x, y: y - 9, width: 10, height: 10, lineWidth: 0.7 },
    { type: 'text', x: x + 14, y, text: label, size, weight: 'bold' },
  ];
}

function header(rows: RowBuilder, rubric: Rubric, title: string): Row[] {
  return [...(rubric.organization ? rows.text(rubric.organization, { size: 10.5, align: 'center' }) : []), ...rows.text(title, { size: 16, weight: 'bold', align: 'center', leading: 1.5 }), rows.space(4)];
}

const split = (text: string) => text.split('|');
const footer = (t: ExamTranslate, text: string) => (page: number, total: number) => t('footer.plain', { page, total, text });

/** Returns the practical score sheet (实操评分表): task, a row per dimension, red lines, the 合格/不合格 result, comments. */
export function layoutRubric(rubric: Rubric, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [
    { keepTogether: true, rows: [...header(rows, rubric, rubric.title), fieldsRow(rows, split(t('rubric.fields1'))), fieldsRow(rows, split(t('rubric.fields2')))] },
    {
      keepTogether: true,
      spaceBefore: 6,
      rows: [
        ...rows.text(rubric.duration ? t('rubric.taskTime', { n: rubric.duration }) : t('rubric.task'), { size: 11, weight: 'bold' }),
        ...rows.text(rubric.task.trim(), { size: BODY }),
        ...rows.text(t('rubric.method'), { size: 9 }),
        ...(rubric.red_lines.length ? rows.text(t('rubric.redLineMethod'), { size: 9, weight: 'bold' }) : []),
      ],
    },
    { keepTogether: true, keepWithNext: true, spaceBefore: 8, rows: [tableRow(rows, [{ text: t('rubric.dimension'), bold: true }, { text: t('rubric.criteria'), bold: true }, { text: t('rubric.scoreColumn'), bold: true }, { text: t('rubric.weighted'), bold: true }])] },
  ];
  for (const dimension of rubric.dimensions) {
    const levels = ([5, 4, 3, 2, 1] as const).flatMap((level) => (dimension.levels[level] ? [t('rubric.level', { n: level, text: dimension.levels[level] })] : []));
    const indicators = dimension.indicators.length ? [t('rubric.indicators', { list: dimension.indicators.join('；') })] : [];
    blocks.push({
      keepTogether: true,
      rows: [tableRow(rows, [{ text: `${dimension.name}\n（${formatPoints(dimension.weight)}%）`, bold: true }, { text: [...indicators, ...levels].join('\n'), size: 8.5 }, { text: '', ops: scoreScale(dimension.weight, COLUMNS[2]!) }, { text: '' }], 44)],
    });
  }
  blocks.push({ keepTogether: true, rows: [tableRow(rows, [{ text: t('rubric.total'), bold: true }, { text: rubric.pass_mark !== undefined ? t('rubric.passMark', { n: formatPoints(rubric.pass_mark) }) : t('rubric.fullMarks') }, { text: '' }, { text: '' }], 28)] });
  if (rubric.red_lines.length) {
    const widths = [CONTENT_WIDTH - 60, 60];
    blocks.push({
      keepTogether: true,
      spaceBefore: 8,
      rows: [
        tableRow(rows, [{ text: t('rubric.redLines'), bold: true }, { text: t('rubric.redLineHappened'), bold: true }], 0, widths),
        ...rubric.red_lines.map((line) => tableRow(rows, [{ text: line }, { text: '', ops: [{ type: 'rect', x: 25, y: 6, width: 10, height: 10, lineWidth: 0.7 }] }], 22, widths)),
      ],
    });
  }
  const resultRow: Row = { height: 26, ops: [{ type: 'text', x: MARGIN.left, y: 17, text: `${t('rubric.result')}：`, size: 11, weight: 'bold' }, ...tickBox(rows, t('rubric.pass'), MARGIN.left + 90, 17), ...tickBox(rows, t('rubric.fail'), MARGIN.left + 170, 17)] };
  const commentBox: Row = { height: 72, ops: [{ type: 'rect', x: MARGIN.left, y: 0, width: CONTENT_WIDTH, height: 72, lineWidth: 0.6 }] };
  blocks.push({ keepTogether: true, spaceBefore: 8, rows: [resultRow, ...rows.text(t('rubric.comments'), { size: 11, weight: 'bold' }), commentBox, rows.space(10), fieldsRow(rows, split(t('rubric.signatures')))] });
  const pages = addFooters(paginate(blocks), footer(t, rubric.title));
  return { kind: 'rubric', title: rubric.title, pages };
}

/** Returns the trainee's task card (任务卡): what to do and in how long, nothing of how it is scored. */
export function layoutTaskCard(rubric: Rubric, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const title = t('rubric.taskCardTitle', { title: rubric.title });
  const blocks: Block[] = [
    { keepTogether: true, rows: [...header(rows, rubric, title), fieldsRow(rows, split(t('rubric.fields1')))] },
    {
      keepTogether: true,
      spaceBefore: 10,
      rows: [...rows.text(rubric.duration ? t('rubric.taskTime', { n: rubric.duration }) : t('rubric.task'), { size: 12, weight: 'bold' }), ...rows.text((rubric.trainee_task ?? rubric.task).trim(), { size: 11, leading: 1.8 }), rows.space(8), ...rows.text(t('rubric.taskCardNote'), { size: 9.5 })],
    },
  ];
  const pages = addFooters(paginate(blocks), footer(t, t('rubric.taskCard')));
  return { kind: 'task-card', title, pages };
}

/** Returns the examiner's role-play script (考官脚本): the task, what the customer says, how to escalate, what is watched. */
export function layoutScript(rubric: Rubric, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const title = t('rubric.scriptTitle', { title: rubric.title });
  const section = (heading: string, lines: string[]): Block => ({
    keepTogether: true,
    spaceBefore: 8,
    rows: [...rows.text(heading, { size: 11, weight: 'bold' }), ...lines.flatMap((line) => rows.text(`· ${line}`, { size: BODY, indent: 6, hanging: 8 }))],
  });
  const blocks: Block[] = [{ keepTogether: true, rows: header(rows, rubric, title) }, section(rubric.duration ? t('rubric.taskTime', { n: rubric.duration }) : t('rubric.task'), [rubric.task.trim()])];
  if (rubric.script) {
    blocks.push(section(t('rubric.scriptOpening'), [rubric.script.opening]));
    if (rubric.script.lines.length) blocks.push(section(t('rubric.scriptLines'), rubric.script.lines));
    if (rubric.script.escalation.length) blocks.push(section(t('rubric.scriptEscalation'), rubric.script.escalation));
    if (rubric.script.ending) blocks.push(section(t('rubric.scriptEnding'), [rubric.script.ending]));
  }
  blocks.push(section(t('rubric.criteria'), rubric.dimensions.map((d) => `${d.name}（${formatPoints(d.weight)}%）：${d.indicators.join('；')}`)));
  if (rubric.red_lines.length) blocks.push(section(t('rubric.redLines'), rubric.red_lines));
  const pages = addFooters(paginate(blocks), footer(t, t('rubric.script')));
  return { kind: 'script', title, pages };
}

/** Returns the group summary sheet (考核汇总表): one row per candidate of a session. */
export function layoutSummary(rubric: Rubric, metrics: FontMetrics, t: ExamTranslate, rowCount = 20): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const title = t('rubric.summaryTitle', { title: rubric.title });
  const columns = split(t('rubric.summaryColumns'));
  const widths = [30, 80, 70, 70, 50, 80, CONTENT_WIDTH - 380];
  const blocks: Block[] = [
    { keepTogether: true, rows: [...header(rows, rubric, title), fieldsRow(rows, split(t('rubric.summaryFields')))] },
    {
      keepTogether: false,
      spaceBefore: 8,
      rows: [
        tableRow(rows, columns.map((text) => ({ text, bold: true, size: 9 })), 22, widths),
        ...Array.from({ length: rowCount }, (_, i) => tableRow(rows, columns.map((_, c) => ({ text: c === 0 ? String(i + 1) : c === 5 ? `□${t('rubric.pass')}  □${t('rubric.fail')}` : '', size: 8.5 })), 26, widths)),
      ],
    },
  ];
  const pages = addFooters(paginate(blocks), footer(t, t('rubric.summary')));
  return { kind: 'summary', title, pages };
}

/** Returns the practical assessment set of a rubric: score sheet, task card, examiner script and group summary, with file names. */
export function layoutRubricSet(rubric: Rubric, metrics: FontMetrics, t: ExamTranslate): { name: string; document: LaidOutDocument }[] {
  return [
    { name: 'score-sheet.pdf', document: layoutRubric(rubric, metrics, t) },
    { name: 'task-card.pdf', document: layoutTaskCard(rubric, metrics, t) },
    { name: 'examiner-script.pdf', document: layoutScript(rubric, metrics, t) },
    { name: 'summary.pdf', document: layoutSummary(rubric, metrics, t) },
  ];
}
