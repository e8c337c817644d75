import type { SheetSpec } from '../spreadsheet/index.ts';
import { describeMissing } from './layout-report.ts';
import { RATER_KINDS, RATER_LABELS, type SkillModel } from './schema.ts';
import { roundHalfUp, tierFor, type TeamResult } from './score.ts';

/** Heat-map colours by tier position (Excel's good / neutral / bad styles), then a darker red. */
const TIER_COLOURS = ['C6EFCE', 'FFEB9C', 'FFC7CE', 'FF9999'];

const round = (value: number | undefined, decimals = 2) => (value === undefined ? '' : roundHalfUp(value, decimals));

/** Returns the colour of a heat-map cell for a 1–5 score, by the tier it falls in. */
export function heatColour(model: SkillModel, value: number | undefined): string | undefined {
  return value === undefined ? undefined : TIER_COLOURS[Math.min(model.tiers.indexOf(tierFor(model, value)), TIER_COLOURS.length - 1)];
}

/**
 * Returns the team workbook: 汇总 (one row per person), 热力图 (people × dimensions, coloured by
 * tier), 维度均值 (with n) and 指标明细 (every indicator's mean per rater kind, disagreements marked).
 */
export function teamWorkbook(model: SkillModel, team: TeamResult): SheetSpec[] {
  const dims = team.dimensions.filter((d) => d.n > 0);
  const people = team.people;
  const heatRows = people.map((p) => [p.person.id, p.person.name, p.role.name, round(p.score, model.decimals), p.tier?.name ?? '', ...dims.map((d) => round(p.dimensions.find((r) => r.dimension === d.dimension)?.score) )]);
  const heatFills = people.map((p) => [undefined, undefined, undefined, heatColour(model, p.score), heatColour(model, p.score), ...dims.map((d) => heatColour(model, p.dimensions.find((r) => r.dimension === d.dimension)?.score))]);
  return [
    {
      name: '汇总',
      columns: [
        { header: '工号' },
        { header: '姓名' },
        { header: '部门', width: 12 },
        { header: '岗位', width: 14 },
        { header: '加权得分', note: `四舍五入保留 ${model.decimals} 位小数后定级` },
        { header: '等级' },
        ...RATER_KINDS.map((kind) => ({ header: `${RATER_LABELS[kind]}（${model.weights[kind]}%）`, width: 12 })),
        { header: '分歧指标数', width: 12 },
        { header: '说明', width: 60 },
      ],
      rows: people.map((p) => [
        p.person.id,
        p.person.name,
        p.person.department,
        p.role.name,
        round(p.score, model.decimals),
        p.tier?.name ?? '无评分',
        ...RATER_KINDS.map((kind) => round(p.kinds.find((k) => k.kind === kind)?.score)),
        p.indicators.filter((i) => i.disagreement).length,
        describeMissing(p),
      ]),
    },
    {
      name: '热力图',
      columns: [{ header: '工号' }, { header: '姓名' }, { header: '岗位', width: 14 }, { header: '加权得分' }, { header: '等级' }, ...dims.map((d) => ({ header: d.dimension.name, width: 12 }))],
      rows: [...heatRows, [], ['', '维度均值', '', round(team.mean, model.decimals), '', ...dims.map((d) => round(d.mean))], ['', 'n（人）', '', people.length - team.unscored, '', ...dims.map((d) => d.n)]],
      fills: heatFills,
    },
    {
      name: '维度均值',
      columns: [{ header: '维度', width: 16 }, { header: '均值' }, { header: 'n（人）' }],
      rows: dims.map((d) => [d.dimension.name, round(d.mean), d.n]),
      fills: dims.map((d) => [undefined, heatColour(model, d.mean)]),
    },
    {
      name: '指标明细',
      columns: [
        { header: '工号' },
        { header: '姓名' },
        { header: '维度', width: 14 },
        { header: '指标', width: 14 },
        { header: '行为指标', width: 40 },
        ...RATER_KINDS.map((kind) => ({ header: RATER_LABELS[kind] })),
        { header: '加权' },
        { header: '分歧', note: `两类评价人均值相差 ≥ ${model.disagreement} 分` },
      ],
      rows: people.flatMap((p) =>
        p.indicators.map((i) => [
          p.person.id,
          p.person.name,
          i.dimension.name,
          i.indicator.id,
          i.indicator.text,
          ...RATER_KINDS.map((kind) => round(i.byKind[kind])),
          round(i.score),
          i.disagreement ? `${RATER_LABELS[i.disagreement.high]}−${RATER_LABELS[i.disagreement.low]} ${i.disagreement.gap}` : '',
        ]),
      ),
    },
  ];
}
