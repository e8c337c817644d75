import { getCollection, render, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { readGitDates, sortCourse, type Course, type Lesson, type Module } from '../lib/content/index.ts';
import { config } from './config.ts';

export type LessonEntry = CollectionEntry<'lessons'>;

/** True under `npm run dev` only (set by the `trainbook` integration from Astro's command, not from NODE_ENV). */
declare const __TRAINBOOK_SHOW_DRAFTS__: boolean;

/** The course as the site shows it, plus the collection entries Astro needs to render lessons. */
export interface SiteCourse {
  course: Course;
  entries: Map<string, LessonEntry>;
  /** Last commit date per lesson id, when the content is in git. */
  updated: Map<string, string>;
}

let cached: Promise<SiteCourse> | undefined;

async function buildSiteCourse(): Promise<SiteCourse> {
  const includeDrafts = __TRAINBOOK_SHOW_DRAFTS__;
  const lessonEntries = (await getCollection('lessons')).filter((entry) => includeDrafts || !entry.data.draft);
  const gitDates = readGitDates(config.contentDir);
  const entries = new Map<string, LessonEntry>();
  const updated = new Map<string, string>();
  const lessonsByModule = new Map<string, Lesson[]>();
  for (const entry of lessonEntries) {
    const [module, slug] = entry.id.split('/') as [string, string];
    const filePath = path.resolve(config.rootDir, entry.filePath ?? '');
    entries.set(entry.id, entry);
    const date = gitDates.get(filePath);
    if (date) updated.set(entry.id, date);
    const lesson: Lesson = {
      id: entry.id,
      module,
      slug,
      file: path.relative(config.rootDir, filePath),
      path: filePath,
      format: filePath.endsWith('.mdx') ? 'mdx' : 'md',
      data: entry.data,
      body: entry.body ?? '',
    };
    lessonsByModule.set(module, [...(lessonsByModule.get(module) ?? []), lesson]);
  }
  const modules: Module[] = (await getCollection('modules')).map((entry) => {
    const slug = entry.id.split('/')[0]!;
    return { slug, file: entry.filePath ?? '', data: entry.data, lessons: lessonsByModule.get(slug) ?? [] };
  });
  return { course: sortCourse({ modules }), entries, updated };
}

/** Returns the course, loaded once per build from Astro's content collections. */
export function getSiteCourse(): Promise<SiteCourse> {
  // The dev server must see edits, so only a production build keeps the first result.
  if (import.meta.env.DEV) return buildSiteCourse();
  cached ??= buildSiteCourse();
  return cached;
}

/** Returns one static path per module, for the module, print and practice pages. */
export async function moduleStaticPaths() {
  const { course } = await getSiteCourse();
  return course.modules.map((module) => ({ params: { module: module.slug }, props: { module } }));
}

/** One self-check of a lesson: where its record is kept and the `id@rev` list it was drawn from. */
export interface LessonQuiz {
  key: string;
  sig: string;
}

/**
 * Returns each lesson's self-checks in page order (the `::quiz` directives; `<Quiz>` components
 * with computed attributes are not known before rendering). Progress needs them to ignore scores
 * earned on questions that have since changed, and to require every self-check of a lesson.
 */
export function getLessonQuizzes(): Promise<Map<string, LessonQuiz[]>> {
  if (__TRAINBOOK_SHOW_DRAFTS__) return readLessonQuizzes();
  quizzes ??= readLessonQuizzes();
  return quizzes;
}

let quizzes: Promise<Map<string, LessonQuiz[]>> | undefined;

async function readLessonQuizzes(): Promise<Map<string, LessonQuiz[]>> {
  const { entries } = await getSiteCourse();
  const found = new Map<string, LessonQuiz[]>();
  for (const [id, entry] of entries) {
    const { remarkPluginFrontmatter } = await render(entry);
    if (Array.isArray(remarkPluginFrontmatter.quizzes)) found.set(id, remarkPluginFrontmatter.quizzes as LessonQuiz[]);
  }
  return found;
}
