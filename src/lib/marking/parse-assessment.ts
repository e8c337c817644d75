import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { closestMatch } from '../diagnostics/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics } from '../yaml/index.ts';
import { AssessmentSchema, type Assessment } from './assessment-schema.ts';

/** Names of the files an assessment plan may refer to, without `.yaml`. */
export interface AssessmentTargets {
  blueprints: readonly string[];
  rubrics: readonly string[];
}

/**
 * Returns a validated course assessment plan, or positioned diagnostics: schema problems,
 * weights that do not add up to 100, a blueprint or rubric that does not exist, repeated red lines.
 */
export function parseAssessment(text: string, file: string, targets: AssessmentTargets): { assessment?: Assessment; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics };
  const result = AssessmentSchema.safeParse(source.value ?? {});
  if (!result.success) return { diagnostics: zodIssuesToDiagnostics(result.error.issues, source.value, AssessmentSchema, source, file, { namespace: 'assessment' }) };
  const plan = result.data;
  const diagnostics: Diagnostic[] = [];
  const sum = plan.weights.theory + plan.weights.practical;
  if (Math.abs(sum - 100) > 1e-9) {
    diagnostics.push(createError(file, source.placeOf(['weights']), 'assessment/weights-not-100', `Unexpected weights adding up to ${sum}, expected 100`, 'set `theory` and `practical` so they add up to 100, e.g. 40 and 60.'));
  }
  for (const [field, names, folder] of [['blueprint', targets.blueprints, 'blueprints'], ['rubric', targets.rubrics, 'rubrics']] as const) {
    const name = plan[field];
    if (names.includes(name)) continue;
    const guess = closestMatch(name, names);
    diagnostics.push(createError(file, source.placeOf([field]), `assessment/unknown-${field}`, `Unexpected ${field} \`${name}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ') || '(none)'}`, guess ? `did you mean \`${guess}\`?` : `add question-bank/${folder}/${name}.yaml or correct the name.`));
  }
  const seen = new Map<string, number>();
  plan.red_lines.forEach((line, i) => {
    if (seen.has(line)) diagnostics.push({ ...createError(file, source.placeOf(['red_lines', i]), 'assessment/duplicate-red-line', `Duplicate red line \`${line}\``, 'delete one of them.'), cause: { file, place: source.placeOf(['red_lines', seen.get(line)!]), reason: 'first listed here' } });
    else seen.set(line, i);
  });
  return diagnostics.length ? { diagnostics } : { assessment: plan, diagnostics };
}
