import { addFooters, paginate, RowBuilder, type Block, type Row } from '../exam-pdf/blocks.ts';
import { formatPoints } from '../exam-pdf/header.ts';
import { CONTENT_WIDTH, MARGIN, type FontMetrics, type LaidOutDocument, type LaidOutPage } from '../exam-pdf/layout-types.ts';
import type { Rubric } from '../rubric/index.ts';
import { gridTable, type TableColumn } from './_table.ts';
import type { CourseResult } from './course.ts';
import { isObjective } from './items.ts';
import type { PracticalScore } from './practical.ts';
import { sectionLabel } from './results-table.ts';
import type { MarkedCandidate, Marking } from './score.ts';
import { rankCandidates } from './summary.ts';

/** What a 成绩单 shows besides the theory paper, when an assessment plan applied. */
export interface TranscriptCourse {
  title: string;
  rubric: Rubric;
  results: Map<string, CourseResult>;
  practical: Map<string, PracticalScore>;
}

const SMALL = 8.5;

function objectiveGrid(candidate: MarkedCandidate): Row[] {
  const items = candidate.items.filter((i) => isObjective(i.type));
  if (!items.length) return [];
  const groups = Math.min(5, Math.max(3, Math.ceil(items.length / 18)));
  const perGroup = Math.ceil(items.length / groups);
  const share = [0.22, 0.28, 0.28, 0.22];
  const columns: TableColumn[] = Array.from({ length: groups }, () => share.map((s) => ({ width: (CONTENT_WIDTH / groups) * s }))).flat();
  const cells: string[][] = [Array.from({ length: groups }, () => ['题号', '作答', '答案', '得分']).flat()];
  for (let r = 0; r < perGroup; r++) {
    cells.push(
      Array.from({ length: groups }, (_, g) => {
        const item = items[g * perGroup + r];
        // A lost point is marked ● so it stands out in black and white.
        return item ? [item.key, item.given || '—', item.answer, item.points === item.max ? formatPoints(item.points) : `${formatPoints(item.points)} ●`] : ['', '', '', ''];
      }).flat(),
    );
  }
  return [gridTable(columns, cells, { size: SMALL, height: 14 })];
}

function subjectiveRow(candidate: MarkedCandidate): Row[] {
  const items = candidate.items.filter((i) => !isObjective(i.type));
  if (!items.length) return [];
  const perRow = 8;
  const columns: TableColumn[] = Array.from({ length: perRow }, () => ({ width: CONTENT_WIDTH / perRow }));
  const out: Row[] = [];
  for (let start = 0; start < items.length; start += perRow) {
    const chunk = items.slice(start, start + perRow);
    out.push(gridTable(columns.slice(0, chunk.length), [chunk.map((i) => i.key), chunk.map((i) => `${formatPoints(i.points)} / ${formatPoints(i.max)}`)], { size: SMALL, height: 15 }));
  }
  return out;
}

function courseRows(rows: RowBuilder, course: TranscriptCourse, id: string): Row[] {
  const result = course.results.get(id);
  const practical = course.practical.get(id);
  const out: Row[] = [...rows.text(`课程总评：${course.title}`, { size: 11, weight: 'bold', leading: 1.9 })];
  if (practical) {
    const columns: TableColumn[] = course.rubric.dimensions.map(() => ({ width: CONTENT_WIDTH / course.rubric.dimensions.length }));
    out.push(gridTable(columns, [course.rubric.dimensions.map((d) => `${d.name}（${d.weight}%）`), practical.levels.map((l) => `${formatPoints(l)} / 5`)], { size: SMALL, height: 15 }));
  }
  if (result) {
    const parts = [`理论 ${formatPoints(result.theory)}`, `实操 ${result.practical === undefined ? '—' : formatPoints(result.practical)}`, `总评 ${result.total === undefined ? '—' : formatPoints(result.total)}`, result.passed ? '通过' : '未通过'];
    out.push(rows.space(4), ...rows.text(parts.join('　　'), { size: 10.5, weight: 'bold' }));
    if (result.reasons.length) out.push(...rows.text(`说明：${result.reasons.join('；')}`, { size: 9 }));
  }
  return out;
}

/** Returns the blocks of one candidate's 成绩单, which fit on one page for papers of up to about 90 objective items. */
function transcriptBlocks(rows: RowBuilder, marking: Marking, m: MarkedCandidate, rank: number | undefined, present: number, course?: TranscriptCourse): Block[] {
  const { key } = marking;
  const c = m.candidate;
  const status = c.absent ? '缺考' : m.passed ? '及格' : '不及格';
  const sectionColumns: TableColumn[] = [...marking.index.sections.map(() => ({ width: (CONTENT_WIDTH - 70) / marking.index.sections.length })), { width: 70 }];
  return [
    {
      keepTogether: true,
      rows: [
        ...rows.text(key.title, { size: 16, weight: 'bold', align: 'center', leading: 1.5 }),
        ...rows.text('成绩单', { size: 12, align: 'center' }),
        rows.space(4),
        ...rows.text(`姓名：${c.name || '—'}　　工号：${c.id}　　部门：${c.department || '—'}　　卷别：${c.variant} 卷`, { size: 10.5 }),
        ...rows.text(`理论成绩：${formatPoints(m.total)} / ${formatPoints(key.totalPoints)} 分　　${status}${rank ? `　　名次：${rank} / ${present}` : ''}`, { size: 12, weight: 'bold', leading: 1.9 }),
        gridTable(sectionColumns, [
          [...marking.index.sections.map((s, i) => sectionLabel(s.heading, i)), '总分'],
          [...marking.index.sections.map((s, i) => `${formatPoints(m.sections[i]!)} / ${formatPoints(s.points)}`), formatPoints(m.total)],
        ], { size: SMALL, height: 16 }),
      ],
    },
    { keepTogether: true, spaceBefore: 8, rows: [...rows.text('客观题作答与答案（题号为本人试卷题号；● 为失分）', { size: 10, weight: 'bold', leading: 1.8 }), ...objectiveGrid(m)] },
    { keepTogether: true, spaceBefore: 8, rows: [...rows.text('主观题得分（阅卷评分）', { size: 10, weight: 'bold', leading: 1.8 }), ...subjectiveRow(m)] },
    ...(course ? [{ keepTogether: true, spaceBefore: 8, rows: courseRows(rows, course, c.id) }] : []),
  ];
}

/** Returns the 成绩单 of every candidate, one page each, in input (roster) order. */
export function layoutTranscripts(marking: Marking, metrics: FontMetrics, course?: TranscriptCourse): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const ranks = rankCandidates(marking);
  const present = marking.candidates.filter((c) => !c.candidate.absent).length;
  const pages: LaidOutPage[] = [];
  marking.candidates.forEach((m, i) => {
    // Each candidate is paginated alone so a page never holds two people's results.
    pages.push(...addFooters(paginate(transcriptBlocks(rows, marking, m, ranks[i], present, course)), () => `${m.candidate.id}　·　${marking.key.title} 成绩单　·　${marking.key.runId}`));
  });
  return { kind: 'transcripts', title: `${marking.key.title} 成绩单`, pages };
}
