import type { Question } from '../questions/index.ts';
import { createRandom, permutationWithPins, shuffle } from '../quiz/index.ts';
import type { Blueprint } from './blueprint-schema.ts';
import { SECTION_NAMES, variantLabel, type ExamItem, type ExamPart, type ExamSection, type ExamVariant } from './exam.ts';
import { pointsIn, scaleParts, scaleScoring } from './points.ts';
import type { Selection } from './draw.ts';

/** Returns a question as placed on one variant: its points (scaled parts and scoring) and option order. */
function placeItem(question: Question, points: number, random: () => number, shuffleOptions: boolean): ExamItem {
  const order = (pins: boolean[]) => (shuffleOptions ? permutationWithPins(pins, random) : pins.map((_, i) => i));
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { question, points, optionOrder: order(question.options.map((o) => o.pin)) };
    case 'short':
      return { question, points, scoring: scaleScoring(question.scoring, points) };
    case 'case': {
      const partPoints = scaleParts(question, points);
      const parts: ExamPart[] = question.parts.map((part, i) => {
        const placed: ExamPart = { points: partPoints[i]! };
        if (part.type === 'single' || part.type === 'multiple') placed.optionOrder = order(part.options.map((o) => o.pin));
        if (part.type === 'short') placed.scoring = scaleScoring(part.scoring, placed.points);
        return placed;
      });
      return { question, points, parts };
    }
    default:
      return { question, points };
  }
}

/**
 * Returns variant `index` of a paper: its selection's questions in a per-variant order within each
 * section (unless `shuffle.questions: false`) with per-variant option orders (pinned options stay).
 * The generator is seeded by the seed and the variant's label only, so variant B is the same
 * whether 2 or 5 variants are printed.
 */
export function placeVariant(blueprint: Blueprint, selection: Selection, sectionPoints: readonly number[], seed: string, index: number): ExamVariant {
  const label = variantLabel(index);
  const random = createRandom(`${seed}:variant:${label}`);
  return {
    label,
    sections: blueprint.sections.map((section, s): ExamSection => {
      const questions = blueprint.shuffle.questions ? shuffle(selection[s]!, random) : selection[s]!;
      const items = questions.map((q) => placeItem(q, pointsIn(section, q), random, blueprint.shuffle.options));
      const uniform = new Set(items.map((i) => i.points)).size === 1;
      return {
        heading: section.heading ?? SECTION_NAMES[section.type],
        type: section.type,
        ...(uniform ? { pointsEach: items[0]!.points } : {}),
        points: sectionPoints[s]!,
        items,
      };
    }),
  };
}
