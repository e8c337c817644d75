import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { roundHundredths, sum } from '../numbers.ts';
import type { Question } from '../questions/index.ts';
import type { ScoringPoints } from './exam.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';
import { sectionName, type ResolvedBlueprint, type SectionPool } from './pools.ts';

/** Returns scoring points scaled so they add up to `target` exactly, in steps of 0.5 point where possible. */
export function scaleScoring(scoring: ScoringPoints, target: number): ScoringPoints {
  const total = sum(scoring.map((s) => s.points));
  if (total === target) return scoring;
  // Largest remainder in half points (hundredths when the target is not a whole number of halves):
  // never negative, and the parts always add up to the target exactly.
  const unit = Number.isInteger(target * 2) ? 0.5 : 0.01;
  const units = Math.round(target / unit);
  const exact = scoring.map((s) => (s.points / total) * units);
  const given = exact.map(Math.floor);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = units - sum(given), k = 0; left > 0; left--, k++) given[order[k % order.length]![1]]! += 1;
  return scoring.map((s, i) => ({ point: s.point, points: roundHundredths(given[i]! * unit) }));
}

/** Returns part points scaled to a case's points on the paper (same rounding as scoring points). */
export function scaleParts(question: Extract<Question, { type: 'case' }>, target: number): number[] {
  return scaleScoring(question.parts.map((p, i) => ({ point: String(i), points: p.points })), target).map((p) => p.points);
}

/** Returns every number a question prints with when given `points`: its points, scaled parts and scoring points. */
function printedPoints(question: Question, points: number): number[] {
  if (question.type === 'short') return [points, ...scaleScoring(question.scoring, points).map((s) => s.points)];
  if (question.type !== 'case') return [points];
  const parts = scaleParts(question, points);
  return [points, ...parts, ...question.parts.flatMap((part, p) => (part.type === 'short' ? scaleScoring(part.scoring, parts[p]!).map((s) => s.points) : []))];
}

/** Returns the points a question gets in a section: the section's `points`, or its own. */
export function pointsIn(section: SectionPool['section'], question: Question): number {
  return section.points ?? question.points;
}

/**
 * Returns each section's total, known before drawing, or diagnostics: a section without `points`
 * whose possible draws are worth different totals (`blueprint/points-vary`), sections that do not
 * add up to `total_points` (`blueprint/points-mismatch`), and half points produced by scaling
 * unless `allow_half_points: true` (`blueprint/half-points`).
 */
export function planPoints(resolved: ResolvedBlueprint, { blueprint, file, source }: ParsedBlueprint): { sectionPoints?: number[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sectionPoints = resolved.sections.map((pool) => {
    const fixed = sum(pool.fixed.map((q) => pointsIn(pool.section, q)));
    const values = pool.pool.map((q) => pointsIn(pool.section, q)).sort((a, b) => a - b);
    const lowest = roundHundredths(fixed + sum(values.slice(0, pool.need)));
    const highest = roundHundredths(fixed + sum(values.slice(-pool.need)));
    if (pool.need > 0 && lowest !== highest) {
      const worth = [...new Set(values)].join(', ');
      diagnostics.push(
        createError(
          file,
          source.placeOf(['sections', pool.index]),
          'blueprint/points-vary',
          `Unexpected ${sectionName(pool)} without \`points\` drawing questions worth ${worth} points, expected one value: the section would be worth ${lowest}–${highest} depending on the draw`,
          'add `points: N` to the section (every question then counts N points), or narrow the filters to questions of equal points.',
        ),
      );
    }
    return lowest;
  });

  if (!blueprint.allow_half_points) {
    for (const pool of resolved.sections) {
      const at = pool.section.points === undefined ? ['sections', pool.index] : ['sections', pool.index, 'points'];
      if (pool.section.points !== undefined && !Number.isInteger(pool.section.points)) {
        diagnostics.push(createError(file, source.placeOf(at), 'blueprint/half-points', `Unexpected \`points: ${pool.section.points}\`, expected whole points`, 'use whole points, or add `allow_half_points: true` to the blueprint if half points are intended.'));
        continue;
      }
      if (pool.section.points === undefined) continue;
      const halves = [...pool.fixed, ...pool.pool].filter((q) => printedPoints(q, pool.section.points!).some((p) => !Number.isInteger(p)));
      if (!halves.length) continue;
      const example = halves[0]!;
      const shown = example.type === 'case' ? `parts ${example.parts.map((p) => p.points).join(' + ')} become ${scaleParts(example, pool.section.points).join(' + ')}` : example.type === 'short' ? `scoring points ${example.scoring.map((s) => s.points).join(' + ')} become ${scaleScoring(example.scoring, pool.section.points).map((s) => s.points).join(' + ')}` : '';
      diagnostics.push(
        createError(
          file,
          source.placeOf(at),
          'blueprint/half-points',
          `Unexpected fractional points when ${sectionName(pool)} scales its questions to \`points: ${pool.section.points}\` (${halves.length} of them, e.g. \`${example.id}\`: ${shown}), expected whole points`,
          `set \`points\` to the questions’ own total or a multiple of it (here ${[...new Set(halves.map((q) => q.points))].sort((a, b) => a - b).join(', ')}), or add \`allow_half_points: true\` to the blueprint if half points are fine.`,
        ),
      );
    }
  }

  const total = roundHundredths(sum(sectionPoints));
  if (!diagnostics.length && total !== blueprint.total_points) {
    const difference = roundHundredths(total - blueprint.total_points);
    diagnostics.push(
      createError(
        file,
        source.placeOf(['total_points']),
        'blueprint/points-mismatch',
        `Unexpected sections worth ${total} points in total (${sectionPoints.map((p, s) => `section ${s + 1}: ${p}`).join(', ')}), expected \`total_points: ${blueprint.total_points}\`; ${difference > 0 ? 'over' : 'short'} by ${Math.abs(difference)}`,
        'change the sections’ `count` or `points`, or `total_points`.',
      ),
    );
  }
  return diagnostics.length ? { diagnostics } : { sectionPoints, diagnostics };
}
