import type { ItemAnalysis } from '../analysis/item-analysis.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { formatPoints } from '../exam-pdf/header.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from '../exam-pdf/layout-types.ts';
import { indexToLetter } from '../questions/index.ts';
import { fixed, percent, tableRow, type TableColumn } from './_table.ts';
import type { CanonicalItem } from './items.ts';
import { sectionLabel } from './results-table.ts';
import type { DistractorCounts, Marking } from './score.ts';
import type { ClassSummary } from './summary.ts';

/** Chinese short names of item types for tables. */
export const TYPE_NAMES: Record<CanonicalItem['type'], string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空', short: '简答' };

/** Everything the class report shows, computed before any layout. */
export interface ReportData {
  marking: Marking;
  summary: ClassSummary;
  analysis: ItemAnalysis;
  /** Course results summary, when an assessment plan applied. */
  course?: { title: string; n: number; passed: number; mean: number };
}

const H2 = 11.5;
/** Table rows per page-sized chunk: 14-pt rows under a heading and note still fit an A4 body. */
const TABLE_ROWS_PER_PAGE = 44;

function heading(rows: RowBuilder, text: string): Row[] {
  return rows.text(text, { size: H2, weight: 'bold', leading: 1.9 });
}

/** The histogram as vector drawing: axes, hatched bars, counts above, bin labels below, pass mark dashed. */
function histogram(summary: ClassSummary, passMark: number, totalPoints: number): Row {
  const height = 170;
  const plot = { left: MARGIN.left + 30, top: 14, width: CONTENT_WIDTH - 40, height: 120 };
  const ops: DrawOp[] = [];
  const most = Math.max(1, ...summary.histogram.map((b) => b.count));
  const bottom = plot.top + plot.height;
  ops.push({ type: 'line', x1: plot.left, y1: bottom, x2: plot.left + plot.width, y2: bottom, width: 0.6 });
  ops.push({ type: 'line', x1: plot.left, y1: plot.top - 4, x2: plot.left, y2: bottom, width: 0.6 });
  // A few horizontal gridlines with their counts on the axis.
  const step = Math.max(1, Math.ceil(most / 4));
  for (let v = step; v <= most; v += step) {
    const y = bottom - (v / most) * plot.height;
    ops.push({ type: 'line', x1: plot.left, y1: y, x2: plot.left + plot.width, y2: y, width: 0.2, dash: true });
    ops.push({ type: 'text', x: MARGIN.left, y: y + 3, text: String(v), size: 7, weight: 'regular', align: 'right', width: 26 });
  }
  const slot = plot.width / summary.histogram.length;
  summary.histogram.forEach((bin, i) => {
    const x = plot.left + i * slot + slot * 0.12;
    const w = slot * 0.76;
    const h = (bin.count / most) * plot.height;
    if (bin.count > 0) {
      ops.push({ type: 'rect', x, y: bottom - h, width: w, height: h, lineWidth: 0.8 });
      // Hatching gives the bars some weight without a fill colour.
      for (let y = bottom - 2.5; y > bottom - h + 1; y -= 2.5) ops.push({ type: 'line', x1: x, y1: y, x2: x + w, y2: y, width: 0.35 });
    }
    ops.push({ type: 'text', x: x, y: bottom - h - 3, text: String(bin.count), size: 7.5, weight: 'regular', align: 'center', width: w });
    ops.push({ type: 'text', x: plot.left + i * slot, y: bottom + 11, text: `${formatPoints(bin.from)}–${formatPoints(bin.to)}`, size: 7, weight: 'regular', align: 'center', width: slot });
  });
  const passX = plot.left + (passMark / totalPoints) * plot.width;
  ops.push({ type: 'line', x1: passX, y1: plot.top - 6, x2: passX, y2: bottom + 2, width: 0.9, dash: true });
  ops.push({ type: 'text', x: passX + 3, y: plot.top - 1, text: `及格线 ${formatPoints(passMark)}`, size: 7.5, weight: 'regular' });
  ops.push({ type: 'text', x: plot.left, y: bottom + 26, text: '总分分段（左闭右开，最后一段含满分）', size: 7.5, weight: 'regular', align: 'center', width: plot.width });
  return { height, ops };
}

function summaryRows(summary: ClassSummary): Row[] {
  const labels = ['应考人数', '实考人数', '平均分', '中位数', '标准差', '最高分', '最低分', '及格率'];
  const values = [
    String(summary.listed),
    String(summary.n),
    fixed(summary.mean, 1),
    fixed(summary.median, 1),
    fixed(summary.sd, 1),
    formatPoints(summary.max),
    formatPoints(summary.min),
    `${percent(summary.passRate)}（${summary.passed} 人）`,
  ];
  const widths = [54, 54, 58, 58, 58, 58, 58, CONTENT_WIDTH - 54 * 2 - 58 * 5];
  const columns: TableColumn[] = widths.map((width) => ({ width }));
  return [tableRow(columns, labels, { size: 8.5, height: 17, bold: true }), tableRow(columns, values, { size: 9, height: 19 })];
}

function sectionRows(summary: ClassSummary): Row[] {
  const columns: TableColumn[] = [{ width: 190, align: 'left' }, { width: 70 }, { width: 80 }, { width: CONTENT_WIDTH - 340 }];
  return [
    tableRow(columns, ['大题', '满分', '平均分', '得分率'], { bold: true, size: 8.5, height: 16 }),
    ...summary.sections.map((s, i) => tableRow(columns, [sectionLabel(s.heading, i), formatPoints(s.points), fixed(s.mean, 2), percent(s.points ? s.mean / s.points : null)], { size: 8.5, height: 16 })),
  ];
}

function testRows(analysis: ItemAnalysis): Row[] {
  const t = analysis.test;
  const columns: TableColumn[] = [{ width: 170, align: 'left' }, { width: 80 }, { width: CONTENT_WIDTH - 250, align: 'left' }];
  const row = (cells: string[], bold = false) => tableRow(columns, cells, { bold, size: 8.5, height: 16 });
  return [
    row(['试卷指标', '数值', '说明'], true),
    row(['内部一致性系数（Cronbach α / KR-20）', percent(t.alpha), '≥ 75% 较好；< 64% 试卷题目测的不是同一种能力或题太少']),
    row(['误差比 ER', percent(t.errorRatio), '标准差中随机误差所占的比例；< 50% 较好']),
    row(['标准误 SE', t.standardError === null ? '—' : `${fixed(t.standardError, 1)} 分`, '同一考生重考，总分大约在 ± SE 内波动']),
  ];
}

const ITEM_COLUMNS: TableColumn[] = [
  { width: 30 },
  { width: 96, align: 'left' },
  { width: 28 },
  { width: 28 },
  { width: 34 },
  { width: 38 },
  { width: 34 },
  { width: 38 },
  { width: 38 },
  { width: 38 },
  { width: CONTENT_WIDTH - 30 - 96 - 28 * 2 - 34 * 2 - 38 * 4 },
];

function itemRows(data: ReportData): Row[] {
  const { marking, analysis } = data;
  const header = tableRow(ITEM_COLUMNS, ['题号', '题目 id@rev', '题型', '满分', '平均分', '难度 P', '标准差', '区分度 r', '效率 DE', 'D(27%)', '评价'], { bold: true, size: 7.5, height: 16 });
  return [
    header,
    ...marking.index.items.map((item, i) => {
      const s = analysis.items[i]!;
      const verdict = [s.difficultyBand, s.discriminationBand ?? ''].filter(Boolean).join('·');
      return tableRow(
        ITEM_COLUMNS,
        [item.label, item.ref, TYPE_NAMES[item.type], formatPoints(item.points), fixed(s.mean, 2), fixed(s.facility, 2), percent(s.sd, 0), fixed(s.discrimination, 2), percent(s.efficiency, 0), fixed(s.upperLower, 2), verdict],
        { size: 7.5, height: 14 },
      );
    }),
  ];
}

function distractorRows(data: ReportData): Row[] {
  const { marking } = data;
  const choice = marking.index.items.flatMap((item, i) => (marking.distractors[i] ? [{ item, counts: marking.distractors[i]! }] : []));
  if (!choice.length) return [];
  const options = Math.max(...choice.map((c) => c.counts.options.length));
  const optionWidth = Math.min(44, (CONTENT_WIDTH - 30 - 110 - 40 - 50) / options);
  const columns: TableColumn[] = [{ width: 30 }, { width: 110, align: 'left' }, ...Array.from({ length: options }, () => ({ width: optionWidth })), { width: 40 }, { width: 50 }];
  const cell = (counts: DistractorCounts, o: number) => {
    if (o >= counts.options.length) return '';
    const mark = counts.correct.includes(indexToLetter(o)) ? '*' : '';
    return `${counts.options[o]}${mark}`;
  };
  return [
    tableRow(columns, ['题号', '题目 id@rev', ...Array.from({ length: options }, (_, o) => indexToLetter(o)), '未答', '正确'], { bold: true, size: 7.5, height: 16 }),
    ...choice.map(({ item, counts }) => tableRow(columns, [item.label, item.ref, ...Array.from({ length: options }, (_, o) => cell(counts, o)), String(counts.blank), counts.correct], { size: 7.5, height: 14 })),
  ];
}

/**
 * Returns the class report (成绩分析报告): summary, histogram, section means, test reliability,
 * item analysis and the distractor table; A4 like the papers.
 */
export function layoutReport(data: ReportData, metrics: FontMetrics): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const { key } = data.marking;
  const scoring = key.multipleScoring === 'partial' ? '多选题：全对得满分，少选且无错选得一半分，有错选不得分' : '多选题：全对得分，少选、错选均不得分';
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...rows.text(key.title, { size: 17, weight: 'bold', align: 'center', leading: 1.5 }),
        ...rows.text('成绩分析报告', { size: 12, align: 'center' }),
        ...rows.text(`满分 ${formatPoints(key.totalPoints)} 分　及格 ${formatPoints(key.passMark)} 分　题库版本 ${key.bank.version}　种子 ${key.seed}　${key.variants.length} 套试卷（${key.variants.map((v) => v.label).join('、')}）`, { size: 8.5, align: 'center' }),
        rows.space(6),
      ],
    },
    { keepTogether: true, rows: [...heading(rows, '一、总体情况'), ...summaryRows(data.summary)] },
  ];
  if (data.course) {
    const c = data.course;
    blocks.push({ keepTogether: true, spaceBefore: 4, rows: rows.text(`${c.title}：${c.n} 人有课程总评，平均 ${fixed(c.mean, 1)} 分，通过 ${c.passed} 人（${percent(c.n ? c.passed / c.n : null)}）。`, { size: 9 }) });
  }
  blocks.push(
    { keepTogether: true, spaceBefore: 6, rows: [...heading(rows, '二、成绩分布'), histogram(data.summary, key.passMark, key.totalPoints)] },
    { keepTogether: true, spaceBefore: 2, rows: [...heading(rows, '三、各大题得分'), ...sectionRows(data.summary)] },
    { keepTogether: true, spaceBefore: 6, rows: [...heading(rows, '四、试卷信度'), ...testRows(data.analysis)] },
  );
  // Long tables go in page-sized chunks, each with its header row, so every page can be read alone.
  const chunked = (title: Row[], rowsOf: Row[], spaceBefore: number) => {
    const [header, ...body] = rowsOf;
    for (let start = 0; start < body.length || start === 0; start += TABLE_ROWS_PER_PAGE) {
      blocks.push({ keepTogether: true, spaceBefore: start ? 0 : spaceBefore, rows: [...(start ? [] : title), header!, ...body.slice(start, start + TABLE_ROWS_PER_PAGE)] });
    }
  };
  chunked([...heading(rows, '五、逐题分析'), ...rows.text(`题号为 A 卷题号；难度 P = 平均分 ÷ 满分（≥ 0.70 容易，0.30–0.69 适中，< 0.30 较难）；区分度 r 为该题与其余题目总分的相关系数；效率 DE = 实际协方差 ÷ 最大可能协方差；D(27%) = (高分组平均 − 低分组平均) ÷ 满分，高、低分组各取总分前、后 27%（≥ 0.40 很好，0.30–0.39 良好，0.20–0.29 尚可，< 0.20 需修改）。评分规则：${scoring}。`, { size: 7.5, leading: 1.5 })], itemRows(data), 6);
  const distractors = distractorRows(data);
  if (distractors.length) chunked([...heading(rows, '六、选项分析'), ...rows.text('按题库中的原始选项顺序统计（各卷选项顺序不同，已换算）；* 为正确选项。没有人选的干扰项应当修改。', { size: 7.5, leading: 1.5 })], distractors, 8);
  const pages = addFooters(paginate(blocks), (page, total) => `第 ${page} 页 共 ${total} 页　·　成绩分析报告　·　${key.runId}`);
  return { kind: 'report', title: `${key.title} 成绩分析报告`, pages };
}
