import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { roundHundredths } from '../numbers.ts';
import { parseYamlSource, zodIssuesToDiagnostics } from '../yaml/index.ts';
import { RubricSchema, type Rubric } from './schema.ts';

/** Returns a validated rubric, or positioned diagnostics (including weights that do not add up to 100). */
export function parseRubric(text: string, file: string): { rubric?: Rubric; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics };
  const result = RubricSchema.safeParse(source.value ?? {});
  if (!result.success) return { diagnostics: zodIssuesToDiagnostics(result.error.issues, source.value, RubricSchema, source, file, { namespace: 'rubric' }) };
  const total = result.data.dimensions.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(total - 100) > 1e-9) {
    return {
      diagnostics: [createError(file, source.placeOf(['dimensions']), 'rubric/weights-not-100', `Unexpected weights adding up to ${total}, expected 100; ${total > 100 ? 'over' : 'short'} by ${Math.abs(roundHundredths(total - 100))}`, 'adjust the `weight` of the dimensions so they add up to 100.')],
    };
  }
  return { rubric: result.data, diagnostics: [] };
}
