import type { TrainbookConfig } from '../config.ts';
import { checkLessonMarkdown, listLessons, listLinkTargets, loadCourse, type Course } from '../content/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import type { CalloutKind } from '../content/index.ts';
import { createTranslator } from '../i18n/index.ts';

/** Everything `npm run check` knows after reading the project. */
export interface ProjectCheck {
  course: Course;
  diagnostics: Diagnostic[];
  /** How many files were read, for the summary line. */
  counts: { modules: number; lessons: number };
}

/**
 * Returns every problem in the course: module and lesson metadata, then each lesson's
 * Markdown (callouts, links, images), without building the site.
 */
export async function checkProject(config: TrainbookConfig): Promise<ProjectCheck> {
  const { course, diagnostics } = await loadCourse({ contentDir: config.contentDir, rootDir: config.rootDir });
  const t = createTranslator(config.lang);
  const labels: Record<CalloutKind, string> = { tip: t('callout.tip'), warning: t('callout.warning'), example: t('callout.example') };
  const targets = listLinkTargets(course);
  for (const module of course.modules) targets.add(`/${module.slug}/practice/`);
  const lessons = listLessons(course);
  for (const lesson of lessons) {
    diagnostics.push(
      ...checkLessonMarkdown(lesson.body, lesson.path, {
        base: config.base,
        contentDir: config.contentDir,
        publicDir: config.publicDir,
        rootDir: config.rootDir,
        labels,
        targets,
      }),
    );
  }
  return { course, diagnostics, counts: { modules: course.modules.length, lessons: lessons.length } };
}
