import type { Assessment } from './assessment-schema.ts';
import type { PracticalScore } from './practical.ts';

/** A candidate's course result: both parts out of 100, weighted, and whether the pass rules are met. */
export interface CourseResult {
  /** Theory points ÷ full marks × 100. */
  theory: number;
  /** Practical weighted total out of 100; undefined when the candidate has no practical score. */
  practical?: number;
  /** theory × weight + practical × weight, out of 100; undefined without both parts. */
  total?: number;
  passed: boolean;
  /** Why the candidate failed, in the order checked (Chinese, printed on the 成绩单). */
  reasons: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Returns the course result of one candidate under a plan: total ≥ `pass.total`, each part
 * ≥ `pass.each` when set, and no red line crossed.
 */
export function courseResult(plan: Assessment, theoryPoints: number, theoryFull: number, practical: PracticalScore | undefined, absent: boolean): CourseResult {
  const theory = round2((theoryPoints / theoryFull) * 100);
  const reasons: string[] = [];
  if (absent) reasons.push('理论缺考');
  if (!practical) reasons.push('无实操成绩');
  const total = practical ? round2((theory * plan.weights.theory + practical.score * plan.weights.practical) / 100) : undefined;
  if (total !== undefined && total < plan.pass.total) reasons.push(`总评低于 ${plan.pass.total} 分`);
  if (plan.pass.each !== undefined) {
    if (theory < plan.pass.each) reasons.push(`理论低于 ${plan.pass.each} 分`);
    if (practical && practical.score < plan.pass.each) reasons.push(`实操低于 ${plan.pass.each} 分`);
  }
  for (const line of practical?.redLines ?? []) reasons.push(`触犯红线：${line}`);
  return { theory, ...(practical ? { practical: practical.score } : {}), ...(total !== undefined ? { total } : {}), passed: reasons.length === 0, reasons };
}
