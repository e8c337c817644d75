import { loadCoursePlans, type CoursePlan } from '../lib/training/index.ts';
import { config } from './config.ts';

let cached: Promise<Map<string, CoursePlan>> | undefined;

/**
 * Returns the course plans of question-bank/courses/ by name, loaded once per build. The build
 * runs `npm run check` first, so invalid plans never get this far; any that do are left out.
 */
export function getCoursePlans(): Promise<Map<string, CoursePlan>> {
  cached ??= loadCoursePlans(config.bankDir, config.rootDir).then((loaded) => loaded.plans);
  return cached;
}
