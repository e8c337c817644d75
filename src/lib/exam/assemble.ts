import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { QuestionBank } from '../questions/index.ts';
import { checkBlueprint } from './check-blueprint.ts';
import { drawSelections, MAX_ATTEMPTS } from './draw.ts';
import { examHeaderOf, type Exam } from './exam.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';
import { placeVariant } from './place.ts';

export interface AssembleOptions {
  seed: string;
  /** Overrides the blueprint's `variants`. */
  variants?: number;
}

/**
 * Returns an exam assembled from the bank by a blueprint: checked first (the same checks as
 * `npm run check`, so a blueprint that passes assembles for every seed), then drawn, then placed
 * per variant. Without `distinct_variants` every variant has the same questions (so sections are
 * worth the same), each in its own order. Same bank, blueprint and seed give the same exam.
 * Problems are positioned in the blueprint file.
 */
export function assembleExam(bank: QuestionBank, parsed: ParsedBlueprint, { seed, variants = parsed.blueprint.variants }: AssembleOptions): { exam?: Exam; diagnostics: Diagnostic[] } {
  const { blueprint, file, hash, source } = parsed;
  // Warnings (lopsided true/false sections) are `npm run check`'s to show; a run reports errors only.
  const { checked, diagnostics } = checkBlueprint(bank, parsed, { variants });
  if (!checked) return { diagnostics };
  const { selections, problem } = drawSelections(checked.resolved, blueprint, seed, variants);
  if (!selections) {
    const reason = `Unexpected constraints no selection of ${MAX_ATTEMPTS} attempts could meet: ${problem}`;
    return { diagnostics: [createError(file, source.placeOf(['constraints']), 'blueprint/unsatisfiable-constraints', reason, 'relax `constraints`, widen the section filters, or add questions to the bank.')] };
  }
  const exam: Exam = {
    ...examHeaderOf(blueprint),
    bankTitle: bank.meta.title,
    bankVersion: bank.meta.version,
    seed,
    blueprintFile: file,
    blueprintHash: hash,
    variants: Array.from({ length: variants }, (_, v) => placeVariant(blueprint, selections[Math.min(v, selections.length - 1)]!, checked.sectionPoints, seed, v)),
  };
  return { exam, diagnostics: [] };
}
