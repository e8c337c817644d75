import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Question, QuestionBank } from '../questions/index.ts';
import { createRandom, permutationWithPins, shuffle } from '../quiz/index.ts';
import type { YamlPath } from '../yaml/index.ts';
import type { BlueprintSection } from './blueprint-schema.ts';
import { examHeaderOf, SECTION_NAMES, variantLabel, type Exam, type ExamItem, type ExamPart, type ExamSection, type ExamVariant, type ScoringPoints } from './exam.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';

export interface AssembleOptions {
  seed: string;
  /** Overrides the blueprint's `variants`. */
  variants?: number;
}

/** How many times a paper is redrawn to satisfy module and difficulty constraints before giving up. */
const MAX_ATTEMPTS = 200;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round = (value: number) => Math.round(value * 100) / 100;

function describeFilters(section: BlueprintSection): string {
  const f = section.filters;
  const parts = [`type \`${section.type}\``];
  if (f.modules?.length) parts.push(`modules ${f.modules.map((m) => `\`${m}\``).join(', ')}`);
  if (f.tags?.length) parts.push(`tags ${f.tags.map((t) => `\`${t}\``).join(', ')}`);
  if (f.level?.length) parts.push(`level ${f.level.map((l) => `\`${l}\``).join(', ')}`);
  if (f.difficulty) parts.push(`difficulty ${f.difficulty[0]}–${f.difficulty[1]}`);
  return parts.join(', ');
}

function matchesFilters(question: Question, section: BlueprintSection): boolean {
  const f = section.filters;
  return (
    question.type === section.type &&
    (!f.modules?.length || f.modules.includes(question.module)) &&
    (!f.tags?.length || f.tags.some((tag) => question.tags.includes(tag))) &&
    (!f.level?.length || f.level.includes(question.level)) &&
    (!f.difficulty || (question.difficulty >= f.difficulty[0] && question.difficulty <= f.difficulty[1]))
  );
}

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
  return scoring.map((s, i) => ({ point: s.point, points: round(given[i]! * unit) }));
}

/** Returns part points scaled to a case's points on the paper (same rounding as scoring points). */
function scaleParts(question: Extract<Question, { type: 'case' }>, target: number): number[] {
  return scaleScoring(question.parts.map((p, i) => ({ point: String(i), points: p.points })), target).map((p) => p.points);
}

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
 * Returns an exam assembled from the bank by a blueprint: the same questions in every variant
 * (so sections are worth the same), each variant in its own order. Same bank, blueprint and seed
 * give the same exam. Problems are positioned in the blueprint file.
 */
export function assembleExam(
  bank: QuestionBank,
  { blueprint, file, hash, source }: ParsedBlueprint,
  { seed, variants = blueprint.variants }: AssembleOptions,
): { exam?: Exam; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (path: YamlPath, ruleId: string, reason: string, note: string) =>
    diagnostics.push(createError(file, source.placeOf(path), ruleId, reason, note));
  const eligible = bank.questions.filter((q) => !q.retired && (blueprint.include_practice || q.visibility === 'exam'));

  if (blueprint.pass_mark > blueprint.total_points) {
    error(['pass_mark'], 'blueprint/pass-mark-too-high', `Unexpected \`pass_mark: ${blueprint.pass_mark}\`, expected at most \`total_points\` (${blueprint.total_points})`, 'lower `pass_mark`, e.g. to 60 % of the total.');
  }
  // Fixed ids first: they must exist, fit the section type, be used once, and not be retired or public.
  const seenIds = new Map<string, YamlPath>();
  const fixed = blueprint.sections.map((section, s) =>
    section.ids.flatMap((id, i) => {
      const question = bank.byId.get(id);
      const at = ['sections', s, 'ids', i];
      if (seenIds.has(id)) {
        error(at, 'blueprint/duplicate-question', `Unexpected second use of \`${id}\`, expected every question once on a paper`, 'remove one of the two entries.');
        return [];
      }
      seenIds.set(id, at);
      if (!question) {
        const suggestion = closestMatch(id, bank.byId.keys());
        error(at, 'blueprint/unknown-question', `Unexpected question id \`${id}\`, expected an id in question-bank/`, suggestion ? `did you mean \`${suggestion}\`?` : 'check the id in the question bank.');
        return [];
      }
      if (question.type !== section.type) {
        error(at, 'blueprint/wrong-question-type', `Unexpected \`${id}\` of type \`${question.type}\` in a \`${section.type}\` section, expected a \`${section.type}\` question`, `move \`${id}\` to a \`${question.type}\` section or pick another question.`);
        return [];
      }
      if (question.retired) {
        error(at, 'blueprint/retired-question', `Unexpected retired question \`${id}\`, expected a current question`, 'remove it from `ids`; retired questions stay in the bank only for history.');
        return [];
      }
      if (question.visibility === 'practice' && !blueprint.include_practice) {
        error(at, 'blueprint/practice-question', `Unexpected practice question \`${id}\` on a paper, expected an exam question`, 'trainees can see practice questions on the site: pick an exam question, or set `include_practice: true` if that is intended.');
        return [];
      }
      return [question];
    }),
  );
  for (const [s, section] of blueprint.sections.entries()) {
    if (section.ids.length > section.count) {
      error(['sections', s, 'ids'], 'blueprint/too-many-ids', `Unexpected ${section.ids.length} fixed ids in a section of \`count: ${section.count}\`, expected at most ${section.count}`, 'raise `count` or remove ids.');
    }
  }
  const minimum = blueprint.constraints.min_per_module;
  // Modules the sections can draw from at all: a number in `min_per_module` applies only to those.
  const modules = [...new Set(eligible.filter((q) => blueprint.sections.some((section) => matchesFilters(q, section))).map((q) => q.module))].sort();
  if (minimum && typeof minimum === 'object') {
    for (const module of Object.keys(minimum)) {
      if (!modules.includes(module)) {
        const suggestion = closestMatch(module, new Set(bank.questions.map((q) => q.module)));
        diagnostics.push(createError(file, source.keyPlaceOf(['constraints', 'min_per_module', module]), 'blueprint/unknown-module', `Unexpected module \`${module}\` in \`min_per_module\`, expected one the sections draw from: ${modules.map((m) => `\`${m}\``).join(', ')}`, suggestion ? `did you mean \`${suggestion}\`?` : 'use a module slug the section filters allow.'));
      }
    }
  }
  const minimumFor = (module: string) => (typeof minimum === 'number' ? minimum : (minimum?.[module] ?? 0));

  if (diagnostics.length) return { diagnostics };

  // Draw the selection; redraw (with a derived seed) until the paper-wide constraints hold.
  let selection: Question[][] | undefined;
  let lastProblem = '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !selection; attempt++) {
    const used = new Set(fixed.flat().map((q) => q.id));
    const counts = new Map<string, number>();
    for (const q of fixed.flat()) counts.set(q.module, (counts.get(q.module) ?? 0) + 1);
    const drawn: Question[][] = [];
    let tooSmall = false;
    for (const [s, section] of blueprint.sections.entries()) {
      const random = createRandom(`${seed}:select:${attempt}:${s}`);
      const pool = eligible.filter((q) => matchesFilters(q, section) && !used.has(q.id)).sort((a, b) => a.id.localeCompare(b.id));
      const needed = section.count - fixed[s]!.length;
      if (pool.length < needed) {
        if (attempt === 0) {
          const matching = eligible.filter((q) => matchesFilters(q, section)).length;
          error(
            ['sections', s],
            'blueprint/pool-too-small',
            `Unexpected ${matching} matching question${matching === 1 ? '' : 's'} for section ${s + 1} \`${section.heading ?? SECTION_NAMES[section.type]}\` (${describeFilters(section)}${blueprint.include_practice ? '' : ', exam only'}), expected at least ${section.count}${fixed[s]!.length ? ` (${fixed[s]!.length} fixed)` : ''}`,
            'loosen the filters, lower `count`, or add questions to the bank.',
          );
        }
        tooSmall = true;
        continue;
      }
      // Modules still below their minimum get just the questions they lack first (so the constraint is met
      // without luck, and without tilting the rest of the draw towards them); the rest follows the shuffle.
      const shuffled = shuffle(pool, random);
      const picked: Question[] = [];
      const take = (q: Question) => {
        picked.push(q);
        used.add(q.id);
        counts.set(q.module, (counts.get(q.module) ?? 0) + 1);
      };
      for (const q of shuffled) if (picked.length < needed && (counts.get(q.module) ?? 0) < minimumFor(q.module)) take(q);
      for (const q of shuffled) if (picked.length < needed && !used.has(q.id)) take(q);
      drawn.push([...fixed[s]!, ...picked]);
    }
    if (tooSmall) return { diagnostics };
    const short = modules.filter((m) => (counts.get(m) ?? 0) < minimumFor(m));
    const all = drawn.flat();
    const average = sum(all.map((q) => q.difficulty)) / all.length;
    const range = blueprint.constraints.difficulty_average;
    if (short.length) lastProblem = `modules below \`min_per_module\`: ${short.map((m) => `\`${m}\` (${counts.get(m) ?? 0}/${minimumFor(m)})`).join(', ')}`;
    else if (range && (average < range[0] || average > range[1])) lastProblem = `average difficulty ${average.toFixed(2)} outside ${range[0]}–${range[1]}`;
    else selection = drawn;
  }
  if (!selection) {
    error(['constraints'], 'blueprint/unsatisfiable-constraints', `Unexpected constraints no selection of ${MAX_ATTEMPTS} attempts could meet: ${lastProblem}`, 'relax `constraints`, widen the section filters, or add questions to the bank.');
    return { diagnostics };
  }

  // Points: per section, then the paper total.
  const pointsOf = (section: BlueprintSection, question: Question) => section.points ?? question.points;
  const sectionPoints = blueprint.sections.map((section, s) => sum(selection[s]!.map((q) => pointsOf(section, q))));
  const total = round(sum(sectionPoints));
  if (total !== blueprint.total_points) {
    const difference = round(total - blueprint.total_points);
    error(
      ['total_points'],
      'blueprint/points-mismatch',
      `Unexpected sections worth ${total} points in total (${sectionPoints.map((p, s) => `section ${s + 1}: ${p}`).join(', ')}), expected \`total_points: ${blueprint.total_points}\`; ${difference > 0 ? 'over' : 'short'} by ${Math.abs(difference)}`,
      'change the sections’ `count` or `points`, or `total_points`.',
    );
    return { diagnostics };
  }

  const exam: Exam = {
    ...examHeaderOf(blueprint),
    bankTitle: bank.meta.title,
    bankVersion: bank.meta.version,
    seed,
    blueprintFile: file,
    blueprintHash: hash,
    variants: Array.from({ length: variants }, (_, v): ExamVariant => {
      const label = variantLabel(v);
      const random = createRandom(`${seed}:variant:${label}`);
      return {
        label,
        sections: blueprint.sections.map((section, s): ExamSection => {
          const questions = blueprint.shuffle.questions ? shuffle(selection[s]!, random) : selection[s]!;
          const items = questions.map((q) => placeItem(q, pointsOf(section, q), random, blueprint.shuffle.options));
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
    }),
  };
  return { exam, diagnostics };
}
