import { listLessons } from '../lib/content/index.ts';
import { ContentError, hasErrors } from '../lib/diagnostics/index.ts';
import { loadGlossary, type Glossary } from '../lib/glossary/index.ts';
import { config } from './config.ts';
import { getSiteCourse } from './course.ts';

let cached: Promise<Glossary> | undefined;

async function readGlossary(): Promise<Glossary> {
  const { course } = await getSiteCourse();
  const { glossary, diagnostics } = await loadGlossary(config.contentDir, config.rootDir, new Set(listLessons(course).map((l) => l.id)));
  // `npm run build` has checked the glossary already; this is the backstop for `npm run dev`.
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  return glossary;
}

/** Returns the course glossary (`content/glossary.yaml`), sorted by pinyin; loaded once per build. */
export function getSiteGlossary(): Promise<Glossary> {
  if (import.meta.env.DEV) return readGlossary();
  cached ??= readGlossary();
  return cached;
}
