import type { TrainbookConfig } from '../config.ts';
import { listLessons, type Course } from '../content/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { loadSkillModels } from '../skills/index.ts';
import { loadCoursePlans } from '../training/index.ts';

/** Returns the problems of the skill models (question-bank/skills/) and course plans (question-bank/courses/). */
export async function checkTrainingFiles(config: TrainbookConfig, course: Course): Promise<Diagnostic[]> {
  const lessons = new Set(listLessons(course).map((lesson) => lesson.id));
  const skills = await loadSkillModels(config.bankDir, config.rootDir, lessons);
  const plans = await loadCoursePlans(config.bankDir, config.rootDir, { lessons, skillModels: skills.models, skillModelNames: skills.names });
  return [...skills.diagnostics, ...plans.diagnostics];
}
