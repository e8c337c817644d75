import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument, type LaidOutPage } from '../exam-pdf/index.ts';
import { infoRow, layoutRatingFormPages, scoreBoxesRow, table, type Cell, type Person, type SkillModel } from '../skills/index.ts';
import { courseTitleRows, lessonNames } from './layout-schedule.ts';
import { SESSION_METHODS, type CoursePlan } from './schema.ts';

/** A trainee on the course roster (工号, 姓名, 部门; the role only matters for the 技能自评表). */
export type Trainee = Pick<Person, 'id' | 'name' | 'department'> & { role?: string };

/** Items of the feedback form when the plan lists none. */
export const DEFAULT_FEEDBACK_ITEMS = [
  '课程内容与日常工作相关，学了能用',
  '内容难度和进度适中',
  '案例、角色扮演和演练对提升技能有帮助',
  '每天的答疑解决了我的问题',
  '日程安排与时间长度合理',
  '场地、设备和学习资料准备充分',
  '总体而言，我对本次培训满意',
];

const asRow = (laid: { ops: DrawOp[]; height: number }): Row => ({ height: laid.height, ops: laid.ops });

function box(rows: RowBuilder, title: string, height: number): Row[] {
  return [...rows.text(title, { size: 10, weight: 'bold', leading: 1.6 }), { height, ops: [{ type: 'rect', x: MARGIN.left, y: 0, width: CONTENT_WIDTH, height, lineWidth: 0.6 }] }];
}

const finish = (plan: CoursePlan, blocks: Block[], name: string): LaidOutPage[] => addFooters(paginate(blocks), (page, total) => `第 ${page} 页 共 ${total} 页　·　${plan.title}　·　${name}`);

/** Returns the lessons the plan covers, in order of first appearance. */
function coveredLessons(plan: CoursePlan): string[] {
  return [...new Set(plan.days.flatMap((d) => d.sessions.flatMap((s) => s.lessons)))];
}

/**
 * Returns the 培训需求调研表: the course's topics (its handbook lessons) with a priority to tick
 * (高 / 中 / 低 / 不需要), preferred methods, and open questions about recent difficult cases.
 */
export function layoutNeedsSurvey(plan: CoursePlan, metrics: FontMetrics, lessonTitles?: ReadonlyMap<string, string>): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const tick = '□';
  const topics = coveredLessons(plan);
  const widths = [CONTENT_WIDTH - 4 * 52, 52, 52, 52, 52];
  const body: Cell[][] = [...topics.map((ref) => [{ text: lessonNames([ref], lessonTitles) }, ...[0, 1, 2, 3].map(() => ({ text: tick, align: 'center' as const }))]), [{ text: '其他（请写明）：' }, ...[0, 1, 2, 3].map(() => ({ text: tick, align: 'center' as const }))]];
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...courseTitleRows(rows, plan, '培训需求调研表'),
        ...rows.text('为了让培训内容贴近一线工作，请根据最近三个月的工作情况填写。本表不记名也可，结果只用于安排培训内容和优先级。', { size: 9, leading: 1.5 }),
        infoRow(rows, [['岗位', ''], ['部门', ''], ['入职时间', '']]),
        infoRow(rows, [['姓名（可不填）', ''], ['填写日期', '']]),
      ],
    },
    {
      keepTogether: true,
      spaceBefore: 6,
      rows: [
        ...rows.text('一、以下主题对你的工作有多需要？（每行勾选一项）', { size: 10, weight: 'bold', leading: 1.6 }),
        asRow(table(metrics, MARGIN.left, 0, widths, [[{ text: '培训主题（手册课程）' }, { text: '高', align: 'center' }, { text: '中', align: 'center' }, { text: '低', align: 'center' }, { text: '不需要', align: 'center' }], ...body], { size: 9, padding: 3 })),
      ],
    },
    {
      keepTogether: true,
      spaceBefore: 8,
      rows: [
        ...rows.text('二、你希望的培训形式（可多选）', { size: 10, weight: 'bold', leading: 1.6 }),
        ...rows.text(`${Object.entries(SESSION_METHODS).filter(([key]) => key !== 'qa' && key !== 'exam').map(([, label]) => `□ ${label}`).join('　　')}　　□ 线上自学　　□ 师傅带教`, { size: 9.5 }),
      ],
    },
    { keepTogether: true, spaceBefore: 8, rows: box(rows, '三、最近三个月你最难处理的一类客户问题是什么？当时是怎么处理的？', 70) },
    { keepTogether: true, spaceBefore: 6, rows: box(rows, '四、你最常被客户问住的业务或系统问题', 56) },
    { keepTogether: true, spaceBefore: 6, rows: box(rows, '五、对培训时间、讲师或案例的其他建议', 50) },
  ];
  return { kind: 'training', title: `培训需求调研表 ${plan.title}`, pages: finish(plan, blocks, '培训需求调研表') };
}

/**
 * Returns the 培训签到与现场记录表: per day, an attendance table (pre-filled from the roster, or
 * blank lines) with morning and afternoon signatures, then a record row per session for the
 * trainer: participation and the questions trainees asked.
 */
export function layoutSessionRecord(plan: CoursePlan, metrics: FontMetrics, trainees: readonly Trainee[] = [], blankRows = 25): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const pages: LaidOutPage[] = [];
  plan.days.forEach((day) => {
    const people: Cell[][] = (trainees.length ? trainees : Array.from({ length: blankRows }, () => undefined)).map((t, i) => [
      { text: String(i + 1), align: 'center' },
      { text: t?.id ?? '' },
      { text: t?.name ?? '' },
      { text: t?.department ?? '' },
      { text: '' },
      { text: '' },
      { text: '' },
    ]);
    const attendanceWidths = [30, 60, 70, 80, 80, 80, CONTENT_WIDTH - 400];
    const header: Cell[] = [{ text: '序号', align: 'center' }, { text: '工号' }, { text: '姓名' }, { text: '部门' }, { text: '上午签到' }, { text: '下午签到' }, { text: '备注（迟到、请假）' }];
    const sessionWidths = [58, 130, 52, 70, CONTENT_WIDTH - 310];
    const sessions: Cell[][] = day.sessions.map((s) => [{ text: s.time.replace(/\s*[-–~]\s*/, '–'), size: 8.5 }, { text: `${s.title}（${SESSION_METHODS[s.method]}）`, size: 8.5 }, { text: s.trainer, size: 8.5 }, { text: '□ 积极\n□ 一般\n□ 较少', size: 8 }, { text: '' }]);
    const blocks: Block[] = [
      {
        keepTogether: true,
        rows: [
          ...courseTitleRows(rows, plan, '培训签到与现场记录表'),
          infoRow(rows, [['培训日', day.title], ['日期', day.date ?? '']]),
          infoRow(rows, [['地点', plan.room], ['应到', trainees.length ? `${trainees.length} 人` : ''], ['实到', '']]),
        ],
      },
      // Attendance rows flow onto further pages for a large class.
      { keepTogether: false, spaceBefore: 6, rows: [...rows.text('一、签到', { size: 10, weight: 'bold', leading: 1.6 }), ...[header, ...people].map((cells, i) => asRow(table(metrics, MARGIN.left, 0, attendanceWidths, [cells], { size: 9, padding: 3, minRowHeight: 21, header: i === 0 })))] },
      { keepTogether: true, spaceBefore: 10, rows: [...rows.text('二、现场记录（讲师填写）', { size: 10, weight: 'bold', leading: 1.6 }), asRow(table(metrics, MARGIN.left, 0, sessionWidths, [[{ text: '时间' }, { text: '内容（形式）' }, { text: '讲师' }, { text: '参与情况' }, { text: '学员提问与答复要点' }], ...sessions], { size: 9, padding: 3, minRowHeight: 44 }))] },
      { keepTogether: true, spaceBefore: 8, rows: [...box(rows, '当日作业与需跟进的问题', 50), rows.space(6), infoRow(rows, [['记录人', ''], ['讲师签名', '']])] },
    ];
    pages.push(...addFooters(paginate(blocks), (page, total) => `${day.title}　·　第 ${page} 页 共 ${total} 页　·　培训签到与现场记录表`));
  });
  return { kind: 'training', title: `培训签到与现场记录表 ${plan.title}`, pages };
}

/**
 * Returns the 培训效果反馈表: each item (the plan's or the default list) and each trainer rated
 * 1–5 in boxes, then open questions.
 */
export function layoutFeedback(plan: CoursePlan, metrics: FontMetrics): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const trainers = [...new Set(plan.days.flatMap((d) => d.sessions.filter((s) => s.method !== 'qa').flatMap((s) => s.trainer.split(/[、,，\s]+/).filter(Boolean))))];
  const items = plan.feedback ?? DEFAULT_FEEDBACK_ITEMS;
  const blocks: Block[] = [
    {
      keepTogether: true,
      rows: [
        ...courseTitleRows(rows, plan, '培训效果反馈表'),
        ...rows.text('请在每项右侧勾选 1–5 分（1 非常不同意，3 一般，5 非常同意）。本表可以不记名，你的意见会用于改进下一期培训。', { size: 9, leading: 1.5 }),
        infoRow(rows, [['姓名（可不填）', ''], ['岗位', ''], ['日期', '']]),
      ],
    },
    { keepTogether: true, spaceBefore: 6, rows: [...rows.text('一、课程与组织', { size: 10, weight: 'bold', leading: 1.6 }), ...items.map((item) => scoreBoxesRow(rows, item, 'feedback', 21))] },
    { keepTogether: true, spaceBefore: 8, rows: [...rows.text('二、讲师（讲解清楚、互动充分、能解答问题）', { size: 10, weight: 'bold', leading: 1.6 }), ...trainers.map((trainer) => scoreBoxesRow(rows, trainer, 'feedback', 21))] },
    { keepTogether: true, spaceBefore: 8, rows: box(rows, '三、收获最大的内容，以及回到岗位后你打算怎么用', 64) },
    { keepTogether: true, spaceBefore: 6, rows: box(rows, '四、最需要改进的地方', 50) },
    { keepTogether: true, spaceBefore: 6, rows: box(rows, '五、希望以后增加的课程或练习', 44) },
  ];
  return { kind: 'training', title: `培训效果反馈表 ${plan.title}`, pages: finish(plan, blocks, '培训效果反馈表') };
}

/**
 * Returns the 技能自评表 of the course's skill model: one per trainee with a role (the plan's
 * role when the roster gives none), or one blank form for the plan's role.
 */
export function layoutCourseSelfAssessment(plan: CoursePlan, model: SkillModel, metrics: FontMetrics, trainees: readonly Trainee[] = []): LaidOutDocument {
  const roleOf = (id: string | undefined) => model.roles.find((r) => r.id === id) ?? model.roles.find((r) => r.id === plan.role) ?? model.roles[0]!;
  const pages = trainees.length
    ? trainees.flatMap((t) => layoutRatingFormPages(model, 'self', roleOf(t.role), metrics, { ...t, role: roleOf(t.role).id }))
    : layoutRatingFormPages(model, 'self', roleOf(plan.role), metrics);
  return { kind: 'training', title: `技能自评表 ${plan.title}`, pages };
}
