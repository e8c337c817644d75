import { createError, createWarning, type Diagnostic } from '../diagnostics/index.ts';
import { sum } from '../numbers.ts';
import type { QuestionBank } from '../questions/index.ts';
import { countDistinct, extremeDifficulty, findOverbookedGroups, isFillable, maxFromModule, type SlotGroup } from './feasibility.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';
import { planPoints } from './points.ts';
import { describeFilters, resolvePools, sectionName, type ResolvedBlueprint } from './pools.ts';

/** A true/false section whose majority answer reaches this share is reported as lopsided. */
const LOPSIDED_SHARE = 0.7;

/** A blueprint that can be assembled: its pools and each section's total. */
export interface CheckedBlueprint {
  resolved: ResolvedBlueprint;
  sectionPoints: number[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const listSections = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!);

/** Returns errors when no draw can fill the sections with distinct questions and meet `min_per_module`. */
function checkFeasibility(resolved: ResolvedBlueprint, { blueprint, file, source }: ParsedBlueprint, variants: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const copies = blueprint.distinct_variants ? variants : 1;
  const exclusive = copies > 1 ? ` (${copies} variants that share no question)` : '';
  for (const pool of resolved.sections) {
    if (pool.pool.length >= pool.need * copies) continue;
    const matching = pool.pool.length + pool.fixed.length;
    diagnostics.push(
      createError(
        file,
        source.placeOf(['sections', pool.index]),
        'blueprint/pool-too-small',
        `Unexpected ${plural(matching, 'matching question')} for ${sectionName(pool)} (${describeFilters(pool.section)}${blueprint.include_practice ? '' : ', exam only'}), expected at least ${pool.section.count * copies}${pool.fixed.length ? ` (${pool.fixed.length} fixed)` : ''}${exclusive}`,
        'loosen the filters, lower `count`, or add questions to the bank.',
      ),
    );
  }
  if (diagnostics.length) return diagnostics;

  const groups: SlotGroup[] = Array.from({ length: copies }, () => resolved.sections.map((s) => ({ need: s.need, pool: s.pool }))).flat();
  const overbooked = [...new Set(findOverbookedGroups({ groups }).map((g) => g % resolved.sections.length))].sort((a, b) => a - b);
  if (overbooked.length) {
    const sections = overbooked.map((s) => resolved.sections[s]!);
    const available = countDistinct(sections.map((s) => ({ need: s.need, pool: s.pool })));
    const need = sum(sections.map((s) => s.need)) * copies;
    diagnostics.push(
      createError(
        file,
        source.placeOf(['sections', overbooked[0]!]),
        'blueprint/pools-overlap',
        `Unexpected ${plural(available, 'question')} for ${listSections(sections.map(sectionName))} together, expected at least ${need}${exclusive}: their filters match the same questions, and a question is used once`,
        'narrow the filters so the sections draw from different questions, lower a `count`, or add questions to the bank.',
      ),
    );
    return diagnostics;
  }

  const minimum = new Map(resolved.modules.map((m) => [m, resolved.minimumFor(m) - resolved.sections.flatMap((s) => s.fixed).filter((q) => q.module === m).length]));
  const wanted = new Map([...minimum].map(([m, n]) => [m, n * copies]));
  if (!isFillable({ groups, minimum: wanted })) {
    const one = { groups: resolved.sections.map((s) => ({ need: s.need, pool: s.pool })) };
    const short = [...minimum].filter(([m, n]) => n > 0 && maxFromModule(one, m) < n).map(([m, n]) => `\`${m}\` (at most ${maxFromModule(one, m) + resolved.minimumFor(m) - n} of ${resolved.minimumFor(m)})`);
    const what = short.length ? `modules that cannot get their minimum: ${short.join(', ')}` : `modules whose minimums do not fit into ${plural(sum(resolved.sections.map((s) => s.section.count)), 'question')} together${exclusive}`;
    diagnostics.push(
      createError(file, source.placeOf(['constraints', 'min_per_module']), 'blueprint/unsatisfiable-constraints', `Unexpected \`min_per_module\` that no paper can meet: ${what}`, 'lower `min_per_module`, widen the section filters, or add questions to the bank.'),
    );
  }
  const range = blueprint.constraints.difficulty_average;
  if (range && !diagnostics.length) {
    // The easiest and the hardest paper the pools allow (minimum-cost flows): if even these miss the range, no draw meets it.
    const count = sum(resolved.sections.map((s) => s.section.count));
    const fixed = sum(resolved.sections.flatMap((s) => s.fixed.map((q) => q.difficulty)));
    const [easiest, hardest] = ([1, -1] as const).map((order) => (fixed + extremeDifficulty({ groups: resolved.sections.map((s) => ({ need: s.need, pool: s.pool })), minimum }, order)) / count) as [number, number];
    if (hardest < range[0] || easiest > range[1]) {
      diagnostics.push(
        createError(file, source.placeOf(['constraints', 'difficulty_average']), 'blueprint/unsatisfiable-constraints', `Unexpected \`difficulty_average: [${range[0]}, ${range[1]}]\` that no paper can meet: the pools allow averages from ${easiest.toFixed(2)} to ${hardest.toFixed(2)}`, 'change the range, widen the section filters, or add questions to the bank.'),
      );
    }
  }
  return diagnostics;
}

/** Returns warnings for true/false sections whose drawn answers will mostly be the same. */
function checkTrueFalseBalance(resolved: ResolvedBlueprint, { blueprint, file, source }: ParsedBlueprint): Diagnostic[] {
  return resolved.sections.flatMap((pool) => {
    if (pool.section.type !== 'truefalse') return [];
    const all = [...pool.fixed, ...pool.pool];
    const trues = all.filter((q) => q.type === 'truefalse' && q.answer).length;
    const minority = Math.min(trues, all.length - trues);
    const count = pool.section.count;
    // Balanced draws take as many of the rarer answer as the pool has, up to half; otherwise the pool's own share shows.
    const share = blueprint.balance_truefalse ? (count - Math.min(minority, Math.floor(count / 2))) / count : Math.max(trues, all.length - trues) / all.length;
    if (share < LOPSIDED_SHARE) return [];
    const majority = trues > all.length - trues ? '√ (true)' : '× (false)';
    return [
      createWarning(
        file,
        source.placeOf(['sections', pool.index]),
        'blueprint/lopsided-truefalse',
        `Unexpected true/false ${sectionName(pool)} with ${Math.round(share * 100)} % of its answers ${majority}, expected a mix of √ and ×: its pool has ${trues} true and ${all.length - trues} false statements`,
        blueprint.balance_truefalse ? 'add exam true/false questions with the other answer (rewrite a statement so that it is the other way round), or lower `count`.' : 'remove `balance_truefalse: false`, or add questions with the other answer.',
      ),
    ];
  });
}

/**
 * Returns what `npm run check` reports for a blueprint, without drawing anything: fixed ids, pass
 * mark, whether every section can be filled (overlapping pools and `min_per_module` decided as a
 * matching problem, for every seed at once), points known before the draw, and lopsided true/false
 * sections (warnings). `checked` is set when the blueprint can be assembled.
 */
export function checkBlueprint(bank: QuestionBank, parsed: ParsedBlueprint, { variants = parsed.blueprint.variants }: { variants?: number } = {}): { checked?: CheckedBlueprint; diagnostics: Diagnostic[] } {
  const { resolved, diagnostics } = resolvePools(bank, parsed);
  if (!resolved) return { diagnostics };
  const infeasible = checkFeasibility(resolved, parsed, variants);
  if (infeasible.length) return { diagnostics: infeasible };
  const { sectionPoints, diagnostics: points } = planPoints(resolved, parsed);
  if (!sectionPoints) return { diagnostics: points };
  return { checked: { resolved, sectionPoints }, diagnostics: checkTrueFalseBalance(resolved, parsed) };
}
