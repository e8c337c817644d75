import { closestMatch, createError, createWarning, type Diagnostic } from '../diagnostics/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics, type YamlSource } from '../yaml/index.ts';
import { RATER_KINDS, SkillModelSchema, type SkillModel } from './schema.ts';

/** What a model is checked against: the lessons of the course, as `module/lesson`. */
export interface SkillModelContext {
  lessons?: ReadonlySet<string>;
}

const quote = (values: Iterable<string>) => [...values].map((v) => `\`${v}\``).join(', ');

/** Returns the problems a schema cannot see: weights, tier order, unique ids, roles' dimensions, lesson links. */
function checkModel(model: SkillModel, source: YamlSource, file: string, { lessons }: SkillModelContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const total = RATER_KINDS.reduce((sum, kind) => sum + model.weights[kind], 0);
  if (Math.abs(total - 100) > 1e-9) {
    const by = Math.round(Math.abs(total - 100) * 100) / 100;
    diagnostics.push(createError(file, source.placeOf(['weights']), 'skills/weights-not-100', `Unexpected rater weights adding up to ${Math.round(total * 100) / 100}, expected 100; ${total > 100 ? 'over' : 'short'} by ${by}`, 'adjust `supervisor`, `self`, `peer`, `customer` and `practical` so they add up to 100 (e.g. 40, 20, 10, 20, 10).'));
  }
  model.tiers.forEach((tier, i) => {
    const previous = model.tiers[i - 1];
    if (previous && tier.min >= previous.min) {
      diagnostics.push(createError(file, source.placeOf(['tiers', i, 'min']), 'skills/tier-order', `Unexpected tier \`${tier.name}\` with \`min: ${tier.min}\` after \`${previous.name}\` (min ${previous.min}), expected tiers from the highest \`min\` down`, 'list tiers from the best to the lowest, each with a smaller `min`.'));
    }
  });
  const lowest = model.tiers.at(-1)!;
  if (lowest.min > 1) {
    diagnostics.push(createError(file, source.placeOf(['tiers', model.tiers.length - 1, 'min']), 'skills/tier-gap', `Unexpected lowest tier \`${lowest.name}\` starting at ${lowest.min}, expected \`min: 1\` so that every score from 1 to 5 has a tier`, 'set `min: 1` on the last tier.'));
  }

  const dimensions = new Map<string, number>();
  const indicators = new Map<string, [number, number]>();
  model.dimensions.forEach((dimension, d) => {
    if (dimensions.has(dimension.id)) {
      diagnostics.push(createError(file, source.placeOf(['dimensions', d, 'id']), 'skills/duplicate-id', `Unexpected duplicate dimension id \`${dimension.id}\`, expected each id once`, 'give this dimension another id.'));
    } else dimensions.set(dimension.id, d);
    dimension.indicators.forEach((indicator, i) => {
      if (indicators.has(indicator.id)) {
        diagnostics.push(createError(file, source.placeOf(['dimensions', d, 'indicators', i, 'id']), 'skills/duplicate-id', `Unexpected duplicate indicator id \`${indicator.id}\`, expected each id once in the model`, 'give this indicator another id; ids head the columns of the ratings sheet.'));
      } else indicators.set(indicator.id, [d, i]);
      if (!lessons) return;
      indicator.lessons.forEach((lesson, l) => {
        if (lessons.has(lesson)) return;
        const suggestion = closestMatch(lesson, lessons);
        diagnostics.push(createError(file, source.placeOf(['dimensions', d, 'indicators', i, 'lessons', l]), 'skills/unknown-lesson', `Unexpected lesson \`${lesson}\`, expected a lesson of content/ as \`module/lesson\``, suggestion ? `did you mean \`${suggestion}\`?` : 'use the folder and file name (without .md) of a lesson in content/.'));
      });
    });
  });

  const roles = new Set<string>();
  model.roles.forEach((role, r) => {
    if (roles.has(role.id)) diagnostics.push(createError(file, source.placeOf(['roles', r, 'id']), 'skills/duplicate-id', `Unexpected duplicate role id \`${role.id}\`, expected each id once`, 'give this role another id.'));
    roles.add(role.id);
    const taken = new Set<string>();
    role.dimensions.forEach((id, i) => {
      if (taken.has(id)) diagnostics.push(createError(file, source.placeOf(['roles', r, 'dimensions', i]), 'skills/duplicate-dimension', `Unexpected dimension \`${id}\` listed twice for role \`${role.id}\``, 'remove the second one.'));
      taken.add(id);
      if (dimensions.has(id)) return;
      const suggestion = closestMatch(id, dimensions.keys());
      diagnostics.push(createError(file, source.placeOf(['roles', r, 'dimensions', i]), 'skills/unknown-dimension', `Unexpected dimension \`${id}\`, expected one of ${quote(dimensions.keys())}`, suggestion ? `did you mean \`${suggestion}\`?` : 'add the dimension under `dimensions:` or remove it here.'));
    });
    for (const dimension of model.dimensions) {
      if (dimension.core && !taken.has(dimension.id)) {
        diagnostics.push(createWarning(file, source.placeOf(['roles', r, 'dimensions']), 'skills/missing-core', `Unexpected role \`${role.id}\` without the core dimension \`${dimension.id}\`, expected every role to take the core dimensions`, `add \`${dimension.id}\` to the role’s dimensions, or set \`core: false\` on the dimension.`));
      }
    }
  });
  return diagnostics;
}

/**
 * Returns a validated skill model, or positioned diagnostics: schema problems, weights that
 * do not add up to 100, tiers out of order, unknown dimensions and lessons.
 */
export function parseSkillModel(text: string, file: string, context: SkillModelContext = {}): { model?: SkillModel; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics };
  const result = SkillModelSchema.safeParse(source.value ?? {});
  if (!result.success) return { diagnostics: zodIssuesToDiagnostics(result.error.issues, source.value, SkillModelSchema, source, file, { namespace: 'skills' }) };
  const diagnostics = checkModel(result.data, source, file, context);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { model: result.data, diagnostics };
}
