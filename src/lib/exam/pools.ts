import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Question, QuestionBank } from '../questions/index.ts';
import type { YamlPath } from '../yaml/index.ts';
import type { BlueprintSection } from './blueprint-schema.ts';
import { SECTION_NAMES } from './exam.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';
import { checkSectionModules } from './section-modules.ts';

/** One section with what it may hold: its fixed questions and the questions it may draw. */
export interface SectionPool {
  index: number;
  section: BlueprintSection;
  /** The section's `ids`, validated. */
  fixed: Question[];
  /** Eligible questions matching the section's type and filters, sorted by id, without any fixed id of the paper. */
  pool: Question[];
  /** How many questions are drawn: `count` minus the fixed ones. */
  need: number;
}

/** A blueprint resolved against a bank: every section's pool and the module minimums. */
export interface ResolvedBlueprint {
  sections: SectionPool[];
  /** Modules the sections can draw from at all, sorted. */
  modules: string[];
  /** `min_per_module` for a module (0 when none). */
  minimumFor: (module: string) => number;
}

/** Returns the section name used in messages: `section 2 `判断题``. */
export function sectionName(pool: Pick<SectionPool, 'index' | 'section'>): string {
  return `section ${pool.index + 1} \`${pool.section.heading ?? SECTION_NAMES[pool.section.type]}\``;
}

/** Returns the section's filters in words, for messages. */
export function describeFilters(section: BlueprintSection): string {
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

/**
 * Returns every section's fixed questions and pool, or diagnostics for fixed ids (unknown, wrong
 * type, retired, practice, used twice, too many), unknown modules in section filters and `min_per_module` and a pass
 * mark above the total. Nothing is drawn here.
 */
export function resolvePools(bank: QuestionBank, { blueprint, file, source }: ParsedBlueprint): { resolved?: ResolvedBlueprint; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (path: YamlPath, ruleId: string, reason: string, note: string) => diagnostics.push(createError(file, source.placeOf(path), ruleId, reason, note));
  const eligible = bank.questions.filter((q) => !q.retired && (blueprint.include_practice || q.visibility === 'exam'));

  if (blueprint.pass_mark > blueprint.total_points) {
    error(['pass_mark'], 'blueprint/pass-mark-too-high', `Unexpected \`pass_mark: ${blueprint.pass_mark}\`, expected at most \`total_points\` (${blueprint.total_points})`, 'lower `pass_mark`, e.g. to 60 % of the total.');
  }
  diagnostics.push(...checkSectionModules(bank, { blueprint, file, source }));
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
    if (blueprint.distinct_variants && section.ids.length) {
      error(['sections', s, 'ids'], 'blueprint/fixed-ids-in-distinct-variants', 'Unexpected fixed `ids` with `distinct_variants: true`, expected variants that share no question', 'remove `ids` (a fixed question would be on every variant), or drop `distinct_variants`.');
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
  if (diagnostics.length) return { diagnostics };

  const fixedIds = new Set(fixed.flat().map((q) => q.id));
  const sections = blueprint.sections.map(
    (section, s): SectionPool => ({
      index: s,
      section,
      fixed: fixed[s]!,
      pool: eligible.filter((q) => matchesFilters(q, section) && !fixedIds.has(q.id)).sort((a, b) => a.id.localeCompare(b.id)),
      need: section.count - fixed[s]!.length,
    }),
  );
  const minimumFor = (module: string) => (typeof minimum === 'number' ? minimum : (minimum?.[module] ?? 0));
  return { resolved: { sections, modules, minimumFor }, diagnostics };
}
