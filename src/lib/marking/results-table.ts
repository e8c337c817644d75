import { chineseNumeral, formatPoints } from '../exam-pdf/header.ts';
import type { SheetSpec } from '../spreadsheet/index.ts';
import type { CourseResult } from './course.ts';
import type { Marking } from './score.ts';
import { rankCandidates } from './summary.ts';

/** Returns the section heading as printed: `一、单项选择题`. */
export function sectionLabel(heading: string, index: number): string {
  return `${chineseNumeral(index + 1)}、${heading}`;
}

/**
 * Returns the results sheet: per candidate (input order) the points of every item (columns in
 * variant A's order, headed `id@rev`), section totals, total, pass/fail and rank; the course
 * columns when course results are given.
 */
export function resultsSheet(marking: Marking, course?: Map<string, CourseResult>): SheetSpec {
  const ranks = rankCandidates(marking);
  const columns = [
    { header: '工号', width: 12 },
    { header: '姓名', width: 10 },
    { header: '部门', width: 12 },
    { header: '卷别', width: 6 },
    ...marking.index.items.map((item) => ({ header: item.ref, note: `A 卷第 ${item.label} 题，满分 ${formatPoints(item.points)}` })),
    ...marking.index.sections.map((s, i) => ({ header: sectionLabel(s.heading, i) })),
    { header: '总分' },
    { header: '理论结果' },
    { header: '名次' },
    ...(course ? [{ header: '理论（百分制）' }, { header: '实操' }, { header: '总评' }, { header: '课程结果' }, { header: '说明', width: 24 }] : []),
  ];
  const rows = marking.candidates.map((m, c) => {
    const { candidate } = m;
    const result = course?.get(candidate.id);
    return [
      candidate.id,
      candidate.name,
      candidate.department,
      candidate.variant,
      ...m.points,
      ...m.sections,
      m.total,
      candidate.absent ? '缺考' : m.passed ? '及格' : '不及格',
      ranks[c] ?? '',
      ...(course ? [result?.theory ?? '', result?.practical ?? '', result?.total ?? '', result ? (result.passed ? '通过' : '未通过') : '', result?.reasons.join('；') ?? ''] : []),
    ];
  });
  return { name: '成绩', columns, rows };
}
