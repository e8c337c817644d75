import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import type { QuestionBank } from '../questions/index.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';

/**
 * Returns an error for each module in a section's `filters.modules` that has no question in the
 * bank, at the module's place in the blueprint, with the nearest module as a suggestion. Without
 * it a typo reads as “0 matching questions”, which sends the editor looking for missing questions.
 */
export function checkSectionModules(bank: QuestionBank, { blueprint, file, source }: Pick<ParsedBlueprint, 'blueprint' | 'file' | 'source'>): Diagnostic[] {
  // Questions left out for their own errors still name a real module.
  const known = [...new Set([...bank.questions.map((q) => q.module), ...(bank.withheld?.values() ?? [])])].sort();
  return blueprint.sections.flatMap((section, s) =>
    (section.filters.modules ?? []).flatMap((module, i) => {
      if (known.includes(module)) return [];
      const suggestion = closestMatch(module, known);
      return [
        createError(
          file,
          source.placeOf(['sections', s, 'filters', 'modules', i]),
          'blueprint/unknown-module',
          `Unexpected module \`${module}\` in the filters of section ${s + 1}, expected a module with questions in question-bank/: ${known.map((m) => `\`${m}\``).join(', ')}`,
          suggestion ? `did you mean \`${suggestion}\`?` : 'write the folder name of a module in question-bank/.',
        ),
      ];
    }),
  );
}
