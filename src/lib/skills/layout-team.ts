import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from '../exam-pdf/index.ts';
import { formatScore, table, type Cell } from './draw.ts';
import { describeTierRule } from './layout-report.ts';
import { RATER_LABELS, type SkillModel } from './schema.ts';
import { tierFor, type TeamResult } from './score.ts';

/** Grey behind a heat-map cell: the lower the tier, the darker, so weak spots stand out on a black-and-white print. */
export function heatFill(model: SkillModel, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const index = model.tiers.indexOf(tierFor(model, value));
  return [1, 0.88, 0.72, 0.6][Math.min(index, 3)];
}

const asRow = (laid: { ops: DrawOp[]; height: number }): Row => ({ height: laid.height, ops: laid.ops });

/**
 * Returns the team summary: tier counts, dimension means (with n), a heat-map table of people ×
 * dimensions shaded by tier, and every rater disagreement.
 */
export function layoutTeamSummary(model: SkillModel, team: TeamResult, metrics: FontMetrics, footer = ''): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const n = team.people.length;
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...(model.organization ? rows.text(model.organization, { size: 9.5, align: 'center' }) : []),
        ...rows.text('技能评价团队汇总', { size: 16, weight: 'bold', align: 'center', leading: 1.5 }),
        ...rows.text([model.title, model.period].filter(Boolean).join('　·　'), { size: 9.5, align: 'center' }),
        rows.space(6),
        ...rows.text(`参评 ${n} 人，平均加权得分 ${formatScore(team.mean, 2)}（n = ${n - team.unscored}）。${describeTierRule(model)}。人数少时均值波动大，请结合 n 解读。`, { size: 9, leading: 1.5 }),
        rows.space(4),
      ],
    },
  ];
  const tierRow: Cell[] = [{ text: '等级', weight: 'bold', fill: 0.92 }, ...team.tiers.map((t) => ({ text: t.tier.name, weight: 'bold' as const, fill: 0.92, align: 'center' as const })), ...(team.unscored ? [{ text: '无评分', weight: 'bold' as const, fill: 0.92, align: 'center' as const }] : [])];
  const countRow: Cell[] = [{ text: '人数' }, ...team.tiers.map((t) => ({ text: `${t.count}（${n ? Math.round((t.count / n) * 100) : 0}%）`, align: 'center' as const })), ...(team.unscored ? [{ text: String(team.unscored), align: 'center' as const }] : [])];
  const tierWidths = tierRow.map((_, i) => (i === 0 ? 60 : (CONTENT_WIDTH - 60) / (tierRow.length - 1)));
  blocks.push({ keepTogether: true, rows: [asRow(table(metrics, MARGIN.left, 0, tierWidths, [tierRow, countRow], { header: false, size: 9.5, padding: 4 }))] });

  const dims = team.dimensions.filter((d) => d.n > 0);
  blocks.push({
    keepTogether: true,
    spaceBefore: 10,
    rows: [
      ...rows.text('维度均值', { size: 11, weight: 'bold', leading: 1.6 }),
      asRow(
        table(
          metrics,
          MARGIN.left,
          0,
          [CONTENT_WIDTH - 180, 90, 90],
          [[{ text: '维度' }, { text: '均值', align: 'right' }, { text: 'n（人）', align: 'right' }], ...dims.map((d) => [{ text: d.dimension.name }, { text: formatScore(d.mean, 2), align: 'right' as const, fill: heatFill(model, d.mean) }, { text: String(d.n), align: 'right' as const }])],
          { size: 9, padding: 3 },
        ),
      ),
    ],
  });

  // The heat map: one row per person, one column per dimension; 28 people per page with the header repeated.
  const fixed = [58, 62, 36, 36];
  const dimWidth = (CONTENT_WIDTH - fixed.reduce((a, b) => a + b, 0)) / dims.length;
  const header: Cell[] = [{ text: '姓名' }, { text: '岗位' }, { text: '得分', align: 'right' }, { text: '等级' }, ...dims.map((d) => ({ text: d.dimension.name, size: 7.5, align: 'center' as const }))];
  const widths = [...fixed, ...dims.map(() => dimWidth)];
  const legend = rows.text(`热力图：单元格为该维度的加权得分，底色越深等级越低（${model.tiers.map((t) => t.name).join(' / ')}）；“·”表示该岗位不评此维度。`, { size: 8, leading: 1.5 });
  for (let start = 0; start < n || start === 0; start += 28) {
    const chunk = team.people.slice(start, start + 28);
    const body = chunk.map((p) => [
      { text: p.person.name },
      { text: p.role.name, size: 8 },
      { text: formatScore(p.score, model.decimals), align: 'right' as const, weight: 'bold' as const },
      { text: p.tier?.name ?? '—' },
      ...dims.map((d) => {
        const result = p.dimensions.find((r) => r.dimension === d.dimension);
        return { text: result ? formatScore(result.score) : '·', align: 'center' as const, fill: heatFill(model, result?.score) };
      }),
    ]);
    blocks.push({ keepTogether: true, spaceBefore: 10, rows: [...(start === 0 ? [...rows.text('个人 × 维度热力图', { size: 11, weight: 'bold', leading: 1.6 }), ...legend] : []), asRow(table(metrics, MARGIN.left, 0, widths, [header, ...body], { size: 8.5, padding: 2.5 }))] });
    if (!n) break;
  }

  blocks.push({
    keepTogether: false,
    spaceBefore: 10,
    rows: [
      ...rows.text(`评价分歧（两类评价人均值相差 ≥ ${model.disagreement} 分）：${team.disagreements.length} 处`, { size: 11, weight: 'bold', leading: 1.6 }),
      ...team.disagreements.flatMap(({ person, indicator }) => {
        const d = indicator.disagreement!;
        return rows.text(`${person.name}（${person.id}）· ${indicator.indicator.text}：${RATER_LABELS[d.high]} ${formatScore(indicator.byKind[d.high])}，${RATER_LABELS[d.low]} ${formatScore(indicator.byKind[d.low])}`, { size: 8.5, indent: 8, leading: 1.45 });
      }),
    ],
  });
  const pages = addFooters(paginate(blocks), (page, total) => `第 ${page} 页 共 ${total} 页　·　技能评价团队汇总${footer ? `　·　${footer}` : ''}`);
  return { kind: 'skills', title: '技能评价团队汇总', pages };
}
