import type { LessonFrontmatter, ModuleMeta } from './schema.ts';

/** A lesson file with validated front matter. */
export interface Lesson {
  /** `<module>/<lesson>`, e.g. `communication/complaint-handling`. */
  id: string;
  module: string;
  slug: string;
  /** Path relative to the project root, as editors see it in diagnostics. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  format: 'md' | 'mdx';
  data: LessonFrontmatter;
  /** Markdown body with front matter blanked out (line numbers preserved). */
  body: string;
}

/** A module folder with its metadata and its published lessons in order. */
export interface Module {
  slug: string;
  file: string;
  data: ModuleMeta;
  lessons: Lesson[];
}

/** The whole course: modules in order, each with its lessons in order. */
export interface Course {
  modules: Module[];
}

const byOrderThenSlug = <T extends { slug: string; data: { order: number } }>(a: T, b: T) =>
  a.data.order - b.data.order || a.slug.localeCompare(b.slug);

/** Returns the course with modules and lessons sorted by `order`, then by slug. */
export function sortCourse(course: Course): Course {
  return {
    modules: [...course.modules]
      .sort(byOrderThenSlug)
      .map((module) => ({ ...module, lessons: [...module.lessons].sort(byOrderThenSlug) })),
  };
}

/** Returns every lesson of the course in reading order. */
export function listLessons(course: Course): Lesson[] {
  return course.modules.flatMap((module) => module.lessons);
}

/** Returns the lessons before and after `lessonId` in reading order, across module boundaries. */
export function adjacentLessons(course: Course, lessonId: string): { previous?: Lesson; next?: Lesson } {
  const lessons = listLessons(course);
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (index === -1) return {};
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}

/**
 * Returns the URL path of a page below `base`, always with a trailing slash.
 * @example pagePath('/handbook/', 'communication', 'active-listening') // => '/handbook/communication/active-listening/'
 */
export function pagePath(base: string, ...segments: string[]): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = segments.filter(Boolean).join('/');
  return rest ? `${prefix}${rest}/` : prefix;
}

/** Returns the total study minutes of a module's lessons. */
export function totalMinutes(module: Module): number {
  return module.lessons.reduce((sum, lesson) => sum + lesson.data.duration, 0);
}

/** Returns every page path an editor may link to (without base): modules, lessons, print and practice pages. */
export function listLinkTargets(course: Course): Set<string> {
  const targets = new Set<string>(['/', '/search/', '/changelog/']);
  for (const module of course.modules) {
    targets.add(`/${module.slug}/`);
    targets.add(`/${module.slug}/print/`);
    targets.add(`/${module.slug}/practice/`);
    for (const lesson of module.lessons) targets.add(`/${lesson.id}/`);
  }
  return targets;
}
