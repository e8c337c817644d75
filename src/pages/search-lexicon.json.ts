// The words search needs in the browser: glossary synonyms and lessons, course words for typo correction, character readings.
import { listLessons, pagePath } from '../lib/content/index.ts';
import { buildPinyinTable } from '../lib/glossary/index.ts';
import { buildSearchLexicon } from '../lib/search/index.ts';
import { config } from '../site/config.ts';
import { getSiteCourse } from '../site/course.ts';
import { getSiteGlossary } from '../site/glossary.ts';

export async function GET() {
  const glossary = await getSiteGlossary();
  const { course } = await getSiteCourse();
  const lessons = listLessons(course);
  const url = (id: string) => pagePath(config.base, ...id.split('/'));
  const modules = new Map(course.modules.map((m) => [m.slug, m.data.title]));
  const pages = Object.fromEntries(lessons.map((l) => [url(l.id), { title: l.data.title, module: modules.get(l.module) ?? '' }]));
  const entries = glossary.terms.map((term) => ({ ...term, lessons: term.lessons.map(url) }));
  const lexicon = buildSearchLexicon(entries, lessons.flatMap((lesson) => lesson.data.tags), pages);
  return new Response(JSON.stringify({ ...lexicon, pinyin: buildPinyinTable() }), { headers: { 'content-type': 'application/json' } });
}
