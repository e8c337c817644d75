import { addFooters } from '../exam-pdf/blocks.ts';
import { CONTENT_WIDTH, MARGIN, PAGE, type DrawOp, type FontMetrics, type LaidOutDocument } from '../exam-pdf/index.ts';
import { RowBuilder } from '../exam-pdf/blocks.ts';
import { formatScore, stack, table, text } from './draw.ts';
import { radarChart } from './radar.ts';
import { RATER_LABELS, type SkillModel } from './schema.ts';
import type { PersonResult } from './score.ts';

/** What a report prints besides the result: lesson titles by `module/lesson`. */
export interface ReportOptions {
  lessonTitles?: ReadonlyMap<string, string>;
  /** Printed in the footer, e.g. the model file. */
  footer?: string;
}

const pct = (value: number) => `${Math.round(value * 10) / 10}%`;

/** Returns the tier rule as printed on reports, e.g. `≥ 4.50 优秀；3.50–4.49 良好；< 3.50 待提升`. */
export function describeTierRule(model: SkillModel): string {
  const step = 1 / 10 ** model.decimals;
  const f = (v: number) => v.toFixed(model.decimals);
  const parts = model.tiers.map((tier, i) => {
    const upper = model.tiers[i - 1]?.min;
    if (upper === undefined) return `≥ ${f(tier.min)} ${tier.name}`;
    if (i === model.tiers.length - 1) return `< ${f(upper)} ${tier.name}`;
    return `${f(tier.min)}–${f(upper - step)} ${tier.name}`;
  });
  return `加权得分四舍五入保留 ${model.decimals} 位小数后定级：${parts.join('；')}`;
}

/** Returns the sentence a report prints about missing raters, or '' when every kind rated. */
export function describeMissing(result: PersonResult): string {
  const notes: string[] = [];
  if (result.missing.length) {
    const applied = result.kinds.filter((k) => k.score !== undefined && k.weight > 0).map((k) => `${RATER_LABELS[k.kind]} ${pct(k.weight)}→${pct(k.applied)}`);
    notes.push(`缺少${result.missing.map((k) => RATER_LABELS[k]).join('、')}评价，其余权重按比例放大后计算（${applied.join('，')}）。`);
  }
  const course = result.kinds.find((k) => k.source === 'course');
  if (course) notes.push(`实操得分取自课程成绩（百分制 ÷ 20）：${formatScore(course.score, 2)}。`);
  return notes.join('');
}

/**
 * Returns the one-page 技能评分报告 of a person: score and tier, raters and their weights, a radar
 * chart of the dimensions (self dashed, others filled), strengths, the three lowest indicators with
 * the lessons to study, rater disagreements and a plan box.
 */
export function layoutSkillReport(model: SkillModel, result: PersonResult, metrics: FontMetrics, options: ReportOptions = {}): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const ops: DrawOp[] = [];
  const left = MARGIN.left;
  const right = MARGIN.left + CONTENT_WIDTH;
  let y: number = MARGIN.top;
  const put = (laid: { ops: DrawOp[]; height: number }, gap = 0) => {
    ops.push(...laid.ops);
    y += laid.height + gap;
  };

  if (model.organization) put(stack(rows.text(model.organization, { size: 9, align: 'center' }), y));
  put(stack(rows.text('技能评分报告', { size: 17, weight: 'bold', align: 'center', leading: 1.4 }), y));
  put(stack(rows.text([model.title, model.period].filter(Boolean).join('　·　'), { size: 9.5, align: 'center' }), y), 4);

  const { person, role } = result;
  const labelCell = (t: string) => ({ text: t, weight: 'bold' as const, fill: 0.92 });
  put(table(metrics, left, y, [44, 70, 44, 62, 44, 80, 44, 99.28], [[labelCell('姓名'), { text: person.name }, labelCell('工号'), { text: person.id }, labelCell('部门'), { text: person.department }, labelCell('岗位'), { text: role.name }]], { size: 9.5, header: false, padding: 4 }), 10);

  // Score and tier on the left, raters on the right.
  const scoreTop = y;
  const scoreWidth = 150;
  const raters = table(
    metrics,
    left + scoreWidth + 12,
    y,
    [70, 60, 70, 60, CONTENT_WIDTH - scoreWidth - 12 - 260],
    [
      [{ text: '评价人' }, { text: '权重', align: 'right' }, { text: '实际权重', align: 'right' }, { text: '平均分', align: 'right' }, { text: '份数', align: 'right' }],
      ...result.kinds.map((k) => [
        { text: `${RATER_LABELS[k.kind]}评价` },
        { text: pct(k.weight), align: 'right' as const },
        { text: k.score === undefined ? '—' : pct(k.applied), align: 'right' as const },
        { text: formatScore(k.score, 2), align: 'right' as const },
        { text: k.source === 'course' ? '课程成绩' : k.score === undefined ? '缺' : String(k.forms), align: 'right' as const },
      ]),
    ],
    { size: 8.5, padding: 2.5 },
  );
  ops.push(...raters.ops);
  const boxHeight = raters.height;
  ops.push({ type: 'rect', x: left, y: scoreTop, width: scoreWidth, height: boxHeight, lineWidth: 0.8 });
  ops.push(text(left, scoreTop + 15, '360° 加权得分', 9, { align: 'center', width: scoreWidth }));
  ops.push(text(left, scoreTop + 46, result.score === undefined ? '—' : result.score.toFixed(model.decimals), 28, { weight: 'bold', align: 'center', width: scoreWidth }));
  ops.push(text(left, scoreTop + 68, result.tier ? `等级：${result.tier.name}` : '无评分', 13, { weight: 'bold', align: 'center', width: scoreWidth }));
  if (result.tier) ops.push(...stack(rows.text(result.tier.meaning, { size: 7.5, align: 'center', indent: 6, width: scoreWidth - 6, leading: 1.3 }), scoreTop + 74).ops);
  y = scoreTop + boxHeight + 3;
  const notes = [describeMissing(result), describeTierRule(model)].filter(Boolean).join(' ');
  put(stack(rows.text(notes, { size: 7.5, leading: 1.35 }), y), 8);

  // Radar chart and the dimension table beside it.
  const section = (title: string) => put(stack(rows.text(title, { size: 11, weight: 'bold', leading: 1.5 }), y), 2);
  section('能力维度');
  const chartTop = y;
  const radius = 86;
  const cx = left + 128;
  const cy = chartTop + radius + 22;
  ops.push(
    ...radarChart(
      metrics,
      cx,
      cy,
      radius,
      result.dimensions.map((d) => d.dimension.name),
      [
        { values: result.dimensions.map((d) => d.others), style: 'filled' },
        { values: result.dimensions.map((d) => d.self), style: 'dashed' },
      ],
    ),
  );
  const tableX = left + 262;
  const dims = table(
    metrics,
    tableX,
    chartTop + 6,
    [right - tableX - 132, 44, 44, 44],
    [
      [{ text: '维度' }, { text: '自评', align: 'right' }, { text: '他评', align: 'right' }, { text: '加权', align: 'right' }],
      ...result.dimensions.map((d) => [{ text: d.dimension.name }, { text: formatScore(d.self), align: 'right' as const }, { text: formatScore(d.others), align: 'right' as const }, { text: formatScore(d.score, 2), align: 'right' as const, weight: 'bold' as const }]),
    ],
    { size: 9, padding: 3 },
  );
  ops.push(...dims.ops);
  const strengths = result.strengths.map((d) => `${d.dimension.name}（${formatScore(d.score, 2)}）`).join('、') || '—';
  const strengthRows = stack(rows.text(`优势：${strengths}`, { size: 9, weight: 'bold', indent: tableX - left, leading: 1.4 }), chartTop + 12 + dims.height);
  ops.push(...strengthRows.ops);
  // The legend sits under the table, so the chart keeps the full height on the left.
  const legendX = tableX;
  const legendY = chartTop + 12 + dims.height + strengthRows.height + 14;
  ops.push({ type: 'path', x: legendX, y: legendY - 7, points: [[0, 0], [18, 0], [18, 8], [0, 8]], closed: true, fill: 0.82, lineWidth: 1.2 });
  ops.push(text(legendX + 24, legendY, '他评（上级、同事、客户、实操按权重）', 7.5));
  ops.push({ type: 'path', x: legendX, y: legendY + 9, points: [[0, 0], [18, 0]], lineWidth: 1.5, dash: true });
  ops.push(text(legendX + 24, legendY + 12, '自评', 7.5));
  y = Math.max(cy + radius + 26, legendY + 20);

  section('最需提升的三个指标与建议学习内容');
  const lessonText = (slugs: string[]) => slugs.map((slug) => (options.lessonTitles?.get(slug) ? `《${options.lessonTitles.get(slug)}》${slug}` : slug)).join('\n');
  put(
    table(
      metrics,
      left,
      y,
      [170, 64, 42, CONTENT_WIDTH - 276],
      [
        [{ text: '行为指标' }, { text: '维度' }, { text: '得分', align: 'right' }, { text: '建议学习（手册课程）' }],
        ...result.lowest.map((i) => [{ text: i.indicator.text }, { text: i.dimension.name }, { text: formatScore(i.score, 2), align: 'right' as const }, { text: lessonText(i.indicator.lessons), size: 8 }]),
      ],
      { size: 8.5, padding: 3 },
    ),
    6,
  );

  const flagged = result.indicators.filter((i) => i.disagreement);
  // At most three on the page, so the plan box always fits; the team summary lists them all.
  const disagreement = flagged.length
    ? flagged
        .slice(0, 3)
        .map((i) => `${i.indicator.text}（${RATER_LABELS[i.disagreement!.high]} ${formatScore(i.byKind[i.disagreement!.high])} / ${RATER_LABELS[i.disagreement!.low]} ${formatScore(i.byKind[i.disagreement!.low])}）`)
        .join('；') + (flagged.length > 3 ? `；等共 ${flagged.length} 项（见团队汇总）` : '')
    : '无';
  put(stack(rows.text(`评价分歧（两类评价人相差 ≥ ${model.disagreement} 分，建议面谈核实）：${disagreement}`, { size: 8, leading: 1.4 }), y), 8);

  section('个人改进计划（与上级面谈后填写）');
  const planTop = y;
  const planHeight = PAGE.height - MARGIN.bottom - 4 - planTop;
  ops.push({ type: 'rect', x: left, y: planTop, width: CONTENT_WIDTH, height: planHeight, lineWidth: 0.8 });
  // One large space for goals and actions, one line for dates, then signatures.
  const slots: [string, number][] = [['改进目标与行动措施（课程、练习、带教人）：', planHeight - 56], ['完成时间：　　　　　　　　　　复评时间：', 26]];
  let slotTop = planTop + 2;
  for (const [label, height] of slots) {
    ops.push(text(left + 8, slotTop + 13, label, 9));
    ops.push({ type: 'line', x1: left + 8, y1: slotTop + height - 2, x2: right - 8, y2: slotTop + height - 2, width: 0.3, dash: true });
    slotTop += height;
  }
  ops.push(text(left + 8, planTop + planHeight - 8, '员工签名：　　　　　　　上级签名：　　　　　　　日期：', 9));

  const pages = addFooters([{ ops, questions: [] }], () => `${model.title}　·　${person.name}（${person.id}）${options.footer ? `　·　${options.footer}` : ''}`);
  return { kind: 'skills', title: `技能评分报告 ${person.name}`, pages };
}
