import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument, type LaidOutPage } from '../exam-pdf/index.ts';
import { table, text, type Cell } from './draw.ts';
import { RATER_LABELS, type RaterKind, type Role, type SkillModel } from './schema.ts';
import type { Person } from './score.ts';

/** The rater kinds that fill in a form (the practical test is scored on its own score sheet). */
export const FORM_KINDS = ['self', 'supervisor', 'peer', 'customer'] as const satisfies readonly RaterKind[];
export type FormKind = (typeof FORM_KINDS)[number];

/** Form titles by rater kind. */
export const FORM_TITLES: Record<FormKind, string> = { self: '技能自评表', supervisor: '上级评价表', peer: '同事评价表', customer: '客户评价汇总表' };

const INSTRUCTIONS: Record<FormKind, string> = {
  self: '请根据最近一个评价周期的实际工作表现，对照各维度的等级说明如实自评，在每个指标右侧勾选 1–5 分（1 未达到要求，3 达到要求，5 表现突出）。没有机会表现的指标请勾选“未观察”。',
  supervisor: '请根据日常观察、质检录音和工单记录评分，在每个指标右侧勾选 1–5 分；没有观察到的指标勾选“未观察”。评分前可与被评价人面谈。',
  peer: '请根据日常合作中观察到的行为评分，在每个指标右侧勾选 1–5 分；没有观察到的指标勾选“未观察”。评价结果只以汇总形式反馈给本人。',
  customer: '由上级或质检人员根据本周期的客户满意度回访、在线评价和投诉记录汇总填写：每个指标写出样本数和平均分（1–5 分，可保留一位小数），没有样本的指标留空。',
};

const BOX = 8;

/** Returns a row with five numbered boxes (and 未观察, or 不适用) to tick for one item; the customer summary gets blanks for n and mean instead. */
export function scoreBoxesRow(rows: RowBuilder, label: string, kind: FormKind | 'feedback', minHeight = 14.5): Row {
  const textWidth = CONTENT_WIDTH - 200;
  const lines = rows.text(label, { size: 9, indent: 4, width: textWidth - 4, leading: 1.3 });
  const textHeight = lines.reduce((h, l) => h + l.height, 0);
  const height = Math.max(minHeight, textHeight + 3);
  const ops: DrawOp[] = [];
  let y = (height - textHeight) / 2;
  for (const line of lines) {
    ops.push(...line.ops.map((op) => (op.type === 'text' ? { ...op, y: op.y + y } : op)));
    y += line.height;
  }
  const x0 = MARGIN.left + textWidth;
  ops.push({ type: 'rect', x: MARGIN.left, y: 0, width: textWidth, height, lineWidth: 0.5 }, { type: 'rect', x: x0, y: 0, width: 200, height, lineWidth: 0.5 });
  const mid = height / 2;
  if (kind === 'customer') {
    ops.push(text(x0 + 8, mid + 3.5, '样本数', 8.5), { type: 'line', x1: x0 + 38, y1: mid + 5, x2: x0 + 86, y2: mid + 5, width: 0.5 });
    ops.push(text(x0 + 96, mid + 3.5, '平均分', 8.5), { type: 'line', x1: x0 + 126, y1: mid + 5, x2: x0 + 190, y2: mid + 5, width: 0.5 });
  } else {
    for (let score = 1; score <= 5; score++) {
      const bx = x0 + 8 + (score - 1) * 28;
      ops.push({ type: 'rect', x: bx, y: mid - BOX / 2, width: BOX, height: BOX, lineWidth: 0.6 }, text(bx + BOX + 2, mid + 3.2, String(score), 8.5));
    }
    const bx = x0 + 8 + 5 * 28;
    ops.push({ type: 'rect', x: bx, y: mid - BOX / 2, width: BOX, height: BOX, lineWidth: 0.6 }, text(bx + BOX + 2, mid + 3, kind === 'feedback' ? '不适用' : '未观察', 7.5));
  }
  return { height, ops };
}

/** Returns a row of label–value pairs; values are printed when known, otherwise left as blanks to fill in. */
export function infoRow(rows: RowBuilder, pairs: [string, string][]): Row {
  const cell = CONTENT_WIDTH / pairs.length;
  const ops: DrawOp[] = [];
  pairs.forEach(([label, value], i) => {
    const x = MARGIN.left + i * cell;
    const labelWidth = rows.metrics.widthOf(`${label}：`, 10, 'regular');
    ops.push(text(x, 17, `${label}：`, 10), { type: 'line', x1: x + labelWidth, y1: 20, x2: x + cell - 10, y2: 20, width: 0.6 });
    if (value) ops.push(text(x + labelWidth + 3, 16, value, 10));
  });
  return { height: 23, ops };
}

const asRow = (laid: { ops: DrawOp[]; height: number }): Row => ({ height: laid.height, ops: laid.ops });

/** Returns the pages of one rating form for one role (and person, when known). */
export function layoutRatingFormPages(model: SkillModel, kind: FormKind, role: Role, metrics: FontMetrics, person?: Person): LaidOutPage[] {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...(model.organization ? rows.text(model.organization, { size: 9.5, align: 'center' }) : []),
        ...rows.text(FORM_TITLES[kind], { size: 16, weight: 'bold', align: 'center', leading: 1.5 }),
        ...rows.text(`${model.title}　·　${role.name}`, { size: 9.5, align: 'center' }),
        rows.space(4),
        infoRow(rows, [['被评价人', person?.name ?? ''], ['工号', person?.id ?? ''], ['部门', person?.department ?? '']]),
        infoRow(rows, kind === 'self' ? [['评价周期', model.period], ['填写日期', '']] : [[kind === 'customer' ? '汇总人' : '评价人', ''], ['评价周期', model.period], ['填写日期', '']]),
        rows.space(4),
        ...rows.text(INSTRUCTIONS[kind], { size: 8.5, leading: 1.45 }),
      ],
    },
  ];
  if (kind === 'customer') {
    blocks.push({ keepTogether: true, spaceBefore: 4, rows: rows.text('数据来源（勾选）：□ 满意度回访　□ 在线评价　□ 投诉与表扬记录　□ 质检录音　□ 其他________', { size: 9 }) });
  }
  for (const id of role.dimensions) {
    const dimension = model.dimensions.find((d) => d.id === id)!;
    const header: Cell[] = [{ text: `${dimension.name}　　1 分：${dimension.levels[1]}；5 分：${dimension.levels[5]}`, size: 7.5, fill: 0.9 }];
    blocks.push({
      keepTogether: true,
      spaceBefore: 3,
      rows: [asRow(table(metrics, MARGIN.left, 0, [CONTENT_WIDTH], [header], { header: false, padding: 2 })), ...dimension.indicators.map((indicator) => scoreBoxesRow(rows, indicator.text, kind))],
    });
  }
  const commentHeight = 50;
  blocks.push({
    keepTogether: true,
    spaceBefore: 6,
    rows: [
      ...rows.text(kind === 'customer' ? '典型客户反馈摘录' : kind === 'self' ? '我的优势与希望提升的方面' : '评语与建议', { size: 10.5, weight: 'bold' }),
      { height: commentHeight, ops: [{ type: 'rect', x: MARGIN.left, y: 0, width: CONTENT_WIDTH, height: commentHeight, lineWidth: 0.6 }] },
      rows.space(2),
      infoRow(rows, [[kind === 'self' ? '本人签名' : kind === 'customer' ? '汇总人签名' : '评价人签名', ''], ['日期', '']]),
    ],
  });
  const who = person ? `${person.name}（${person.id}）` : role.name;
  return addFooters(paginate(blocks), (page, total) => `${FORM_TITLES[kind]}　·　${who}　·　第 ${page} 页 共 ${total} 页`);
}

/**
 * Returns one document per rater kind: a form per person (pre-filled) when people are given,
 * otherwise one blank form per role.
 */
export function layoutRatingForms(model: SkillModel, metrics: FontMetrics, people: readonly Person[] = [], kinds: readonly FormKind[] = FORM_KINDS): { kind: FormKind; document: LaidOutDocument }[] {
  return kinds.map((kind) => {
    const pages = people.length
      ? people.flatMap((person) => layoutRatingFormPages(model, kind, model.roles.find((r) => r.id === person.role)!, metrics, person))
      : model.roles.flatMap((role) => layoutRatingFormPages(model, kind, role, metrics));
    return { kind, document: { kind: 'skills', title: `${FORM_TITLES[kind]}（${RATER_LABELS[kind]}）`, pages } };
  });
}
