import { analyseItems, mean, type ItemAnalysis } from '../analysis/index.ts';
import type { KeyFile } from '../exam/index.ts';
import type { Rubric } from '../rubric/index.ts';
import type { Assessment } from './assessment-schema.ts';
import { courseResult, type CourseResult } from './course.ts';
import type { ReportData } from './layout-report.ts';
import type { TranscriptCourse } from './layout-transcripts.ts';
import type { PracticalScore } from './practical.ts';
import type { ResponseSet } from './responses.ts';
import { scoreResponses, type Marking } from './score.ts';
import { summarizeClass, type ClassSummary } from './summary.ts';

/** A course assessment applied to a run: the plan, its rubric and the practical scores. */
export interface CourseInput {
  plan: Assessment;
  rubric: Rubric;
  practical: Map<string, PracticalScore>;
}

/** Everything `mark` computes before writing files. */
export interface MarkedRun {
  marking: Marking;
  summary: ClassSummary;
  analysis: ItemAnalysis;
  /** Course results by 工号, when a course assessment applied. */
  course?: Map<string, CourseResult>;
  report: ReportData;
  transcriptCourse?: TranscriptCourse;
}

/** Returns the item analysis over the candidates who sat the paper. */
export function analyseMarking(marking: Marking): ItemAnalysis {
  const present = marking.candidates.filter((c) => !c.candidate.absent);
  return analyseItems(present.map((c) => c.points), marking.index.items.map((i) => i.points));
}

/** Returns the scored run, its class summary, item analysis and (with a plan) course results: pure data. */
export function markRun(key: KeyFile, responses: ResponseSet, courseInput?: CourseInput): MarkedRun {
  const marking = scoreResponses(key, responses);
  const summary = summarizeClass(marking);
  const analysis = analyseMarking(marking);
  let course: Map<string, CourseResult> | undefined;
  let courseSummary: ReportData['course'];
  let transcriptCourse: TranscriptCourse | undefined;
  if (courseInput) {
    const { plan, rubric, practical } = courseInput;
    course = new Map(marking.candidates.map((m) => [m.candidate.id, courseResult(plan, m.total, key.totalPoints, practical.get(m.candidate.id), m.candidate.absent)]));
    const totals = [...course.values()].flatMap((r) => (r.total === undefined ? [] : [r.total]));
    courseSummary = { title: plan.title, n: totals.length, passed: [...course.values()].filter((r) => r.passed).length, mean: totals.length ? mean(totals) : 0 };
    transcriptCourse = { title: plan.title, rubric, results: course, practical };
  }
  return { marking, summary, analysis, ...(course ? { course } : {}), report: { marking, summary, analysis, ...(courseSummary ? { course: courseSummary } : {}) }, ...(transcriptCourse ? { transcriptCourse } : {}) };
}
