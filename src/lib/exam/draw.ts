import { sum } from '../numbers.ts';
import type { Question } from '../questions/index.ts';
import { createRandom, shuffle } from '../quiz/index.ts';
import type { Blueprint } from './blueprint-schema.ts';
import { variantLabel } from './exam.ts';
import { isFillable, type SlotGroup } from './feasibility.ts';
import type { ResolvedBlueprint } from './pools.ts';

/** How many times a paper is redrawn to satisfy `difficulty_average` before giving up. */
export const MAX_ATTEMPTS = 200;

/** The questions of one paper, per section: fixed ids first, then the drawn ones. */
export type Selection = Question[][];

interface DrawOptions {
  seed: string;
  attempt: number;
  /** Index of the selection (0 unless `distinct_variants`): selections after the first get their own seeds. */
  selection: number;
  /** How many more selections (variants) must still be drawable after this one, from what is left. */
  later: number;
  balance: boolean;
  /** Questions already on earlier variants. */
  taken: ReadonlySet<string>;
}

const answerOf = (q: Question) => (q.type === 'truefalse' ? q.answer : undefined);

/**
 * Returns one selection drawn from the resolved pools, or undefined if it could not be completed
 * (only possible when later selections compete for the same questions). Section by section, the
 * sorted pool minus what is already used is shuffled with a generator seeded by the seed, the
 * attempt and the section; questions of modules below `min_per_module` come first, then (for
 * true/false sections, when balancing) the answer that is still short, then the rest. A question
 * is taken only if the rest of the paper can still be filled (a matching test), so an assemblable
 * blueprint never fails because of the order of the draw.
 */
function drawSelection(resolved: ResolvedBlueprint, options: DrawOptions): Selection | undefined {
  const used = new Set(options.taken);
  const counts = new Map<string, number>();
  for (const q of resolved.sections.flatMap((s) => s.fixed)) {
    used.add(q.id);
    counts.set(q.module, (counts.get(q.module) ?? 0) + 1);
  }
  const key = options.selection === 0 ? `${options.seed}:select:${options.attempt}` : `${options.seed}:select:${options.attempt}:${variantLabel(options.selection)}`;
  const drawn: Selection = [];
  for (const current of resolved.sections) {
    const random = createRandom(`${key}:${current.index}`);
    const shuffled = shuffle(current.pool.filter((q) => !used.has(q.id)), random);
    const picked: Question[] = [];
    // True/false balance: at most half (rounded up) of the section with the same answer, while that is possible.
    const half = Math.ceil(current.section.count / 2);
    const answers = new Map<boolean | undefined, number>();
    for (const q of current.fixed) answers.set(answerOf(q), (answers.get(answerOf(q)) ?? 0) + 1);
    const balanced = (q: Question) => !options.balance || q.type !== 'truefalse' || (answers.get(q.answer) ?? 0) < half;
    const canTake = (q: Question) => {
      const remaining: SlotGroup[] = [
        { need: current.need - picked.length - 1, pool: current.pool },
        ...resolved.sections.slice(current.index + 1).map((s) => ({ need: s.need, pool: s.pool })),
      ];
      const after = new Set(used).add(q.id);
      const minimum = new Map(resolved.modules.map((m) => [m, resolved.minimumFor(m) - (counts.get(m) ?? 0) - (m === q.module ? 1 : 0)]));
      if (!isFillable({ groups: remaining, minimum, used: after })) return false;
      if (!options.later) return true;
      const others = resolved.sections.map((s) => ({ need: s.need * options.later, pool: s.pool }));
      return isFillable({ groups: [...remaining, ...others], used: after });
    };
    const take = (q: Question) => {
      picked.push(q);
      used.add(q.id);
      counts.set(q.module, (counts.get(q.module) ?? 0) + 1);
      answers.set(answerOf(q), (answers.get(answerOf(q)) ?? 0) + 1);
    };
    const passes: ((q: Question) => boolean)[] = [
      (q) => (counts.get(q.module) ?? 0) < resolved.minimumFor(q.module) && balanced(q),
      balanced,
      () => true,
    ];
    let firstPass = 0;
    for (const [pass, wanted] of passes.entries()) {
      for (const q of shuffled) if (picked.length < current.need && !used.has(q.id) && wanted(q) && canTake(q)) take(q);
      if (pass === 0) firstPass = picked.length;
    }
    if (picked.length < current.need) return undefined;
    // Module minimums first, then the rest in shuffle order: the order the draw had before balancing
    // existed, so a section whose balance changed nothing keeps its order (and its seeds their papers).
    const position = new Map(shuffled.map((q, i) => [q.id, i]));
    const rest = picked.slice(firstPass).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    drawn.push([...current.fixed, ...picked.slice(0, firstPass), ...rest]);
  }
  return drawn;
}

const averageOf = (selection: Selection) => {
  const all = selection.flat();
  return sum(all.map((q) => q.difficulty)) / all.length;
};

/**
 * Returns the selection with drawn questions swapped, one at a time, for unused questions of the
 * same section until the average difficulty lies in `range`; or undefined when no swap helps.
 * A swap keeps module minimums, true/false answers (when balancing) and, with `stillFillable`,
 * what later variants need. Fixed questions stay. Deterministic: candidates are tried by id.
 */
function repairDifficulty(
  selection: Selection,
  resolved: ResolvedBlueprint,
  [low, high]: [number, number],
  { unavailable, balance, stillFillable }: { unavailable: ReadonlySet<string>; balance: boolean; stillFillable: (used: Set<string>) => boolean },
): Selection | undefined {
  const current = selection.map((questions) => [...questions]);
  const size = current.flat().length;
  const distance = (total: number) => Math.max(0, low * size - total, total - high * size);
  for (let total = sum(current.flat().map((q) => q.difficulty)); distance(total) > 1e-9; ) {
    const used = new Set([...unavailable, ...current.flat().map((q) => q.id)]);
    const counts = new Map<string, number>();
    for (const q of current.flat()) counts.set(q.module, (counts.get(q.module) ?? 0) + 1);
    let best: { s: number; out: number; replacement: Question; after: number } | undefined;
    for (const pool of resolved.sections) {
      const questions = current[pool.index]!;
      for (let out = pool.fixed.length; out < questions.length; out++) {
        const q = questions[out]!;
        for (const replacement of pool.pool) {
          if (used.has(replacement.id)) continue;
          if (replacement.module !== q.module && (counts.get(q.module) ?? 0) - 1 < resolved.minimumFor(q.module)) continue;
          if (balance && q.type === 'truefalse' && replacement.type === 'truefalse' && q.answer !== replacement.answer) continue;
          const after = total - q.difficulty + replacement.difficulty;
          if (distance(after) >= distance(total) - 1e-9) continue;
          if (best && (distance(after) > distance(best.after) || (distance(after) === distance(best.after) && Math.abs(after - total) >= Math.abs(best.after - total)))) continue;
          best = { s: pool.index, out, replacement, after };
        }
      }
    }
    if (!best) return undefined;
    const next = current.map((questions) => [...questions]);
    next[best.s]![best.out] = best.replacement;
    if (!stillFillable(new Set([...unavailable, ...next.flat().map((q) => q.id)]))) return undefined;
    current.splice(0, current.length, ...next);
    total = best.after;
  }
  return current;
}

/**
 * Returns the selections of a paper: one shared by every variant, or one per variant with
 * `distinct_variants`; redrawn with the next attempt's seeds until `difficulty_average` holds.
 * If no attempt meets it, the first attempt's draw is repaired by swapping questions within their
 * sections (so a possible average is not left to luck). `problem` says what could not be met.
 */
export function drawSelections(resolved: ResolvedBlueprint, blueprint: Blueprint, seed: string, variants: number, attempts = MAX_ATTEMPTS): { selections?: Selection[]; problem: string } {
  const count = blueprint.distinct_variants ? variants : 1;
  const range = blueprint.constraints.difficulty_average;
  const balance = blueprint.balance_truefalse;
  let problem = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    const selections: Selection[] = [];
    const taken = new Set<string>();
    for (let v = 0; v < count; v++) {
      const selection = drawSelection(resolved, { seed, attempt, selection: v, later: count - v - 1, balance, taken });
      if (!selection) {
        problem = `variant ${variantLabel(v)} could not be filled with questions no other variant has`;
        break;
      }
      const average = averageOf(selection);
      if (range && (average < range[0] || average > range[1])) {
        problem = `average difficulty ${average.toFixed(2)} outside ${range[0]}–${range[1]}`;
        break;
      }
      for (const q of selection.flat()) taken.add(q.id);
      selections.push(selection);
    }
    if (selections.length === count) return { selections, problem: '' };
  }
  if (!range) return { problem };
  const selections: Selection[] = [];
  const taken = new Set<string>();
  for (let v = 0; v < count; v++) {
    const later = count - v - 1;
    const drawn = drawSelection(resolved, { seed, attempt: 0, selection: v, later, balance, taken });
    const stillFillable = (used: Set<string>) => !later || isFillable({ groups: resolved.sections.map((s) => ({ need: s.need * later, pool: s.pool })), used });
    const repaired = drawn && repairDifficulty(drawn, resolved, range, { unavailable: taken, balance, stillFillable });
    if (!repaired) return { problem };
    for (const q of repaired.flat()) taken.add(q.id);
    selections.push(repaired);
  }
  return { selections, problem: '' };
}
