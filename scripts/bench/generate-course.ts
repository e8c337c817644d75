import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRandom } from '../../src/lib/quiz/index.ts';

/**
 * A seeded, deterministic synthetic course for benchmarks: N lessons across the five modules
 * with realistic Chinese text, headings, tables, lists, callouts and quizzes, and M questions
 * of all six types, in the same layout as content/ and question-bank/.
 */
export interface SyntheticCourseOptions {
  dir: string;
  lessons: number;
  questions: number;
  seed?: string;
}

const MODULES = [
  ['service-mindset', '服务意识与职业素养', 'sm'],
  ['communication', '沟通技巧与情绪管理', 'com'],
  ['product-knowledge', '产品与业务知识', 'pk'],
  ['system-ops', '客服系统操作', 'ops'],
  ['problem-solving', '问题分析与解决', 'ps'],
] as const;

const SUBJECTS = ['客服代表', '一线坐席', '值班主管', '新入职的同事', '在线客服', '热线坐席', '售后专员', '质检人员', '培训讲师', '团队组长'];
const ACTIONS = ['先确认客户的真实诉求', '在工单中记录关键信息', '用复述的方式核对订单号', '主动告知处理时限', '避免使用内部术语', '查询知识库中的最新政策', '把超出权限的问题按流程升级', '在约定时间内回访客户', '保持语速平稳和语气友好', '为客户提供两个可选方案', '核实身份后再查询资料', '在 CRM 系统中更新联系方式', '先道歉再倾听最后解决', '把处理结果同步给相关部门', '记录客户的情绪变化'];
const REASONS = ['这样可以减少重复来电', '客户会感到被尊重', '首次解决率会明显提高', '可以避免答非所问', '后续同事接手时一目了然', '投诉升级的概率会降低', '平均处理时长更可控', '客户满意度随之上升', '团队的服务口径保持一致', '出现争议时有据可查'];
const CONTEXTS = ['在高峰时段', '当客户情绪激动时', '遇到系统故障时', '处理退换货申请时', '面对重复投诉时', '接到物流延误的咨询时', '客户要求赔偿时', '在线会话同时接待多位客户时', '夜间值班时', '新政策刚上线的第一周'];
const TERMS = ['工单', '首次解决率', '话术', '知识库', '回访', '升级', '物流跟踪', '退换货', '情绪安抚', '满意度', '质检', '转接', '录音', '必填字段', '服务时限'];

function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return `${pick(CONTEXTS)}，${pick(SUBJECTS)}应当${pick(ACTIONS)}，${pick(REASONS)}。`;
}

function paragraph(random: () => number, sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(random)).join('');
}

function lessonMarkdown(random: () => number, module: string, index: number, quizIds: string[]): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const term = pick(TERMS);
  const sections: string[] = [];
  for (let s = 1; s <= 4; s++) {
    sections.push(`## 第 ${s} 部分：${pick(TERMS)}与${pick(TERMS)}`, '', paragraph(random, 5), '');
    if (s === 1) sections.push('| 场景 | ✗ 不当话术 | ✓ 推荐话术 |', '| --- | --- | --- |', ...Array.from({ length: 3 }, () => `| ${pick(CONTEXTS)} | ${pick(ACTIONS)}之前先解释规定 | ${pick(ACTIONS)}，并说明原因 |`), '');
    if (s === 2) sections.push(`### 要点`, '', ...Array.from({ length: 4 }, () => `- ${pick(ACTIONS)}`), '', `:::tip`, paragraph(random, 2), ':::', '');
    if (s === 3) sections.push(`### 检查清单`, '', ...Array.from({ length: 4 }, () => `- [ ] ${pick(ACTIONS)}`), '', `:::example[案例：${pick(CONTEXTS)}]`, paragraph(random, 3), ':::', '');
    if (s === 4) sections.push(':::warning', paragraph(random, 2), ':::', '', paragraph(random, 4), '');
  }
  return [
    '---',
    `title: ${term}实务（第 ${index + 1} 课）`,
    `description: 本课介绍${term}的要点与常见情境下的做法。`,
    `order: ${index + 1}`,
    `duration: ${15 + Math.floor(random() * 20)}`,
    `level: ${pick(['basic', 'advanced', 'expert'])}`,
    'objectives:',
    `  - 能说明${term}的基本做法`,
    `  - 能在${pick(CONTEXTS).replace('时', '')}时正确应对`,
    `tags: [${term}]`,
    '---',
    '',
    paragraph(random, 3),
    '',
    ...sections,
    ...(quizIds.length ? ['## 自测', '', `::quiz{ids="${quizIds.join(',')}"}`, ''] : []),
  ].join('\n');
}

const TYPES = ['single', 'single', 'single', 'multiple', 'multiple', 'truefalse', 'truefalse', 'fill', 'short', 'case'] as const;

function questionYaml(random: () => number, id: string, module: string, lesson: string | undefined, type: (typeof TYPES)[number], practice: boolean): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lines = [`  - id: ${id}`, '    rev: 1', `    type: ${type}`, `    module: ${module}`];
  if (lesson) lines.push(`    lesson: ${lesson}`);
  lines.push(`    level: ${pick(['basic', 'advanced', 'expert'])}`, `    difficulty: ${1 + Math.floor(random() * 5)}`, `    tags: [${pick(TERMS)}]`, `    visibility: ${practice ? 'practice' : 'exam'}`);
  const options = () => ['    options:', ...Array.from({ length: 4 }, (_, i) => `      - ${pick(ACTIONS)}（${id}-${i}）`)];
  switch (type) {
    case 'single':
      lines.push(`    stem: ${pick(CONTEXTS)}，${pick(SUBJECTS)}首先应该怎么做？（${id}）`, ...options(), `    answer: ${pick(['A', 'B', 'C', 'D'])}`);
      break;
    case 'multiple':
      lines.push(`    stem: ${pick(CONTEXTS)}，下列哪些做法是恰当的？（${id}）`, ...options(), '    answer: [A, C]');
      break;
    case 'truefalse':
      lines.push(`    stem: ${sentence(random)}（${id}）`, `    answer: ${random() < 0.5}`);
      break;
    case 'fill':
      lines.push(`    stem: ${pick(CONTEXTS)}，应当先____，再处理具体问题。（${id}）`, '    answers: [[道歉, 致歉]]');
      break;
    case 'short':
      lines.push(`    stem: 请简述${pick(CONTEXTS)}的处理步骤。（${id}）`, `    reference: ${paragraph(random, 2)}`, '    scoring:', `      - { point: ${pick(ACTIONS)}, points: 4 }`, `      - { point: ${pick(ACTIONS)}, points: 4 }`);
      break;
    case 'case':
      lines.push(`    stem: ${paragraph(random, 3)}（${id}）`, '    parts:', '      - type: single', `        stem: ${pick(SUBJECTS)}第一句话应该说什么？`, '        options: [先道歉并表示理解, 解释公司规定, 请客户稍后再来电]', '        answer: A', '        points: 4', '      - type: short', `        stem: 写出你的处理方案。`, `        reference: ${paragraph(random, 1)}`, '        scoring:', `          - { point: ${pick(ACTIONS)}, points: 6 }`, '        points: 6');
      break;
  }
  lines.push(`    explanation: ${paragraph(random, 1)}`);
  return lines.join('\n');
}

/** The 30-question, 100-point blueprint the benchmark prints. */
export const BENCH_BLUEPRINT = `title: 基准测试理论考试
organization: 基准测试
duration: 90
total_points: 100
pass_mark: 60
include_practice: true
instructions: [本试卷用于性能测试。]
sections:
  - { type: single, count: 12, points: 2 }
  - { type: multiple, count: 6, points: 3 }
  - { type: truefalse, count: 6, points: 1 }
  - { type: fill, count: 3, points: 4 }
  - { type: short, count: 2, points: 10 }
  - { type: case, count: 1, points: 20 }
`;

/** Writes the synthetic course into `dir` (replacing it) and returns its content and bank folders. */
export async function generateSyntheticCourse({ dir, lessons, questions, seed = 'bench' }: SyntheticCourseOptions): Promise<{ contentDir: string; bankDir: string; blueprint: string }> {
  const random = createRandom(seed);
  await rm(dir, { recursive: true, force: true });
  const contentDir = path.join(dir, 'content');
  const bankDir = path.join(dir, 'question-bank');
  await mkdir(path.join(bankDir, 'blueprints'), { recursive: true });
  await writeFile(path.join(bankDir, 'bank.yaml'), 'title: 基准测试题库\nversion: 1.0.0\n');
  const blueprint = path.join(bankDir, 'blueprints', 'bench-30.yaml');
  await writeFile(blueprint, BENCH_BLUEPRINT);

  for (const [m, [slug, title, prefix]] of MODULES.entries()) {
    const lessonCount = Math.floor(lessons / MODULES.length) + (m < lessons % MODULES.length ? 1 : 0);
    const questionCount = Math.floor(questions / MODULES.length) + (m < questions % MODULES.length ? 1 : 0);
    const lessonSlugs = Array.from({ length: lessonCount }, (_, i) => `lesson-${String(i + 1).padStart(4, '0')}`);
    await mkdir(path.join(contentDir, slug), { recursive: true });
    await mkdir(path.join(bankDir, slug), { recursive: true });
    await writeFile(path.join(contentDir, slug, 'module.yaml'), `title: ${title}\norder: ${m + 1}\nsummary: ${paragraph(random, 1)}\nobjectives:\n  - 能掌握${title}的要点\nestimated_minutes: ${lessonCount * 25}\n`);

    // Questions, 40% practice, each tied to a lesson; files of 50 questions like an editor's topic files.
    const quizzes = new Map<string, string[]>();
    const entries: string[] = [];
    for (let q = 0; q < questionCount; q++) {
      const id = `${prefix}-${String(q + 1).padStart(5, '0')}`;
      const lesson = lessonSlugs.length ? lessonSlugs[q % lessonSlugs.length] : undefined;
      const type = TYPES[q % TYPES.length]!;
      // Every type gets both practice and exam questions (types cycle every 10 ids, visibility every 50).
      const practice = Math.floor(q / 10) % 5 < 2 && type !== 'short';
      if (practice && lesson) quizzes.set(lesson, [...(quizzes.get(lesson) ?? []), id].slice(0, 3));
      entries.push(questionYaml(random, id, slug, lesson, type, practice));
    }
    for (let f = 0; f * 50 < entries.length; f++) {
      await writeFile(path.join(bankDir, slug, `topic-${String(f + 1).padStart(3, '0')}.yaml`), `questions:\n${entries.slice(f * 50, f * 50 + 50).join('\n')}\n`);
    }
    for (const [i, lesson] of lessonSlugs.entries()) {
      await writeFile(path.join(contentDir, slug, `${lesson}.md`), lessonMarkdown(random, slug, i, quizzes.get(lesson) ?? []));
    }
  }
  return { contentDir, bankDir, blueprint };
}
