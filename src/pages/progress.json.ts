// The course as progress needs it, fetched once by every page's navigation, the home page and the module pages:
// one definition of which lessons count and how, so every page counts the same way.
import { pagePath } from '../lib/content/index.ts';
import { config } from '../site/config.ts';
import { getLessonQuizzes, getSiteCourse } from '../site/course.ts';

export async function GET() {
  const { course } = await getSiteCourse();
  const quizzes = await getLessonQuizzes();
  const manifest = {
    passMark: config.passMark,
    modules: course.modules.map((module) => ({
      slug: module.slug,
      title: module.data.title,
      // [lesson id, title, URL, [[record key, `id@rev,…`], …]]
      lessons: module.lessons.map((lesson) => [lesson.id, lesson.data.title, pagePath(config.base, lesson.module, lesson.slug), (quizzes.get(lesson.id) ?? []).map((q) => [q.key, q.sig])]),
    })),
  };
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });
}
