import { readTextFile } from '../encoding/index.ts';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.ts';
import { listYamlFiles, type SkillModel } from '../skills/index.ts';
import { parseCoursePlan } from './parse.ts';
import type { CoursePlan } from './schema.ts';

/** The folder of course plans inside the question bank. */
export const COURSES_FOLDER = 'courses';

/**
 * Returns every course plan of `question-bank/courses/` by name, checked against the lessons
 * and the skill models, with the diagnostics of those that are invalid.
 */
export async function loadCoursePlans(
  bankDir: string,
  rootDir: string,
  { lessons, skillModels, skillModelNames }: { lessons?: ReadonlySet<string>; skillModels?: ReadonlyMap<string, SkillModel>; skillModelNames?: readonly string[] } = {},
): Promise<{ plans: Map<string, CoursePlan>; diagnostics: Diagnostic[] }> {
  const dir = path.join(bankDir, COURSES_FOLDER);
  const plans = new Map<string, CoursePlan>();
  const diagnostics: Diagnostic[] = [];
  // Invalid model files are known by name only: their own diagnostics explain them.
  const models = skillModels
    ? new Map<string, ReadonlySet<string> | undefined>([...(skillModelNames ?? []).map((name) => [name, undefined] as const), ...[...skillModels].map(([name, model]) => [name, new Set(model.roles.map((r) => r.id))] as const)])
    : undefined;
  for (const name of await listYamlFiles(dir)) {
    const file = path.relative(rootDir, path.join(dir, name)).split(path.sep).join('/');
    const read = await readTextFile(path.join(dir, name), file);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseCoursePlan(read.text, file, { lessons, skillModels: models });
    diagnostics.push(...parsed.diagnostics);
    if (parsed.plan) plans.set(name.replace(/\.ya?ml$/, ''), parsed.plan);
  }
  return { plans, diagnostics };
}
