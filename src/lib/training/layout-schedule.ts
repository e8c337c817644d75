import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument } from '../exam-pdf/index.ts';
import { table, type Cell } from '../skills/index.ts';
import { SESSION_METHODS, type CoursePlan } from './schema.ts';

const asRow = (laid: { ops: DrawOp[]; height: number }): Row => ({ height: laid.height, ops: laid.ops });

/** Returns the course's title block rows: organisation, title, subtitle. */
export function courseTitleRows(rows: RowBuilder, plan: CoursePlan, subtitle: string): Row[] {
  return [
    ...(plan.organization ? rows.text(plan.organization, { size: 9.5, align: 'center' }) : []),
    ...rows.text(subtitle, { size: 16, weight: 'bold', align: 'center', leading: 1.5 }),
    ...rows.text(plan.title, { size: 10, align: 'center' }),
    rows.space(6),
  ];
}

/** Returns `module/lesson` refs as printed: the lesson's title when known. */
export function lessonNames(refs: readonly string[], titles?: ReadonlyMap<string, string>): string {
  return refs.map((ref) => titles?.get(ref) ?? ref).join('；');
}

/**
 * Returns the printable schedule (培训日程表): goals, then a table per day with time, content,
 * method, handbook lessons, trainer and room.
 */
export function layoutSchedule(plan: CoursePlan, metrics: FontMetrics, lessonTitles?: ReadonlyMap<string, string>): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...courseTitleRows(rows, plan, '培训日程表'),
        ...rows.text(`培训对象：${plan.audience}`, { size: 9.5 }),
        ...rows.text('培训目标：', { size: 9.5, weight: 'bold' }),
        ...plan.goals.flatMap((goal, i) => rows.text(`${i + 1}. ${goal}`, { size: 9.5, indent: 12, hanging: 12 })),
        ...rows.text('每天最后 30 分钟为答疑时间，请学员提前整理当天的问题。', { size: 9 }),
      ],
    },
  ];
  const widths = [62, 150, 50, 115, 55, CONTENT_WIDTH - 432];
  for (const day of plan.days) {
    const header: Cell[] = [{ text: '时间' }, { text: '内容' }, { text: '形式' }, { text: '手册课程' }, { text: '讲师' }, { text: '地点' }];
    const body: Cell[][] = day.sessions.map((s) => [
      { text: s.time.replace(/\s*[-–~]\s*/, '–') },
      { text: s.title, weight: s.method === 'qa' ? 'bold' : 'regular' },
      { text: SESSION_METHODS[s.method] },
      { text: lessonNames(s.lessons, lessonTitles) || '—', size: 8 },
      { text: s.trainer },
      { text: s.room ?? plan.room },
    ]);
    blocks.push({
      keepTogether: true,
      spaceBefore: 10,
      rows: [...rows.text(`${day.title}${day.date ? `（${day.date}）` : ''}`, { size: 11, weight: 'bold', leading: 1.6 }), asRow(table(metrics, MARGIN.left, 0, widths, [header, ...body], { size: 9, padding: 3 }))],
    });
  }
  const pages = addFooters(paginate(blocks), (page, total) => `第 ${page} 页 共 ${total} 页　·　${plan.title}　·　培训日程表`);
  return { kind: 'training', title: `培训日程表 ${plan.title}`, pages };
}
