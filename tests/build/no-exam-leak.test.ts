import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import type { Question } from '../../src/lib/questions/index.ts';
import { SITES } from '../support/paths.ts';
import { readSiteTexts } from '../support/site-files.ts';

/** Returns text with markup, Markdown syntax, punctuation-free whitespace and entities removed, for comparison. */
function normalize(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, '')
    .replace(/[\s*_`#>|[\]()!-]+/g, '');
}

/**
 * Returns the fields written for one question (stem, explanation, long options, reference and
 * scoring points, and the same for each part of a case), normalised. Short options such as
 * `以上都是` are left out: they are not the question's own text and also occur in lessons.
 */
function fieldsOf(question: Question): string[] {
  const fields: string[] = [];
  const add = (q: Question | Extract<Question, { type: 'case' }>['parts'][number]) => {
    fields.push(q.stem, q.explanation ?? '');
    if (q.type === 'single' || q.type === 'multiple') fields.push(...q.options.map((o) => o.text).filter((t) => [...t].length >= 12));
    if (q.type === 'short') fields.push(q.reference, ...q.scoring.map((s) => s.point).filter((t) => [...t].length >= 12));
  };
  add(question);
  if (question.type === 'case') question.parts.forEach(add);
  return fields.map(normalize).filter((field) => [...field].length >= 10);
}

const siteTexts = () => new Map([...readSiteTexts(SITES.sample)].map(([file, text]) => [file, normalize(text)]));

describe('the built sample site', () => {
  it('contains no text of any exam question in any file, including the search index', async () => {
    const { bank } = await loadProject(loadProjectConfig());
    const exam = bank.questions.filter((q) => q.visibility === 'exam');
    expect(exam.length).toBeGreaterThanOrEqual(60);
    const pieces = new Map(exam.flatMap((q) => fieldsOf(q).map((piece) => [piece, q.id] as const)));
    expect(pieces.size).toBeGreaterThan(250);
    const texts = siteTexts();
    expect([...texts.keys()].some((f) => f.includes('pagefind/fragment/'))).toBe(true);
    const leaks: string[] = [];
    for (const [file, text] of texts) {
      for (const [piece, id] of pieces) if (text.includes(piece)) leaks.push(`${id}: “${piece.slice(0, 30)}” in ${file}`);
    }
    expect(leaks).toEqual([]);
  });

  it('does show practice questions, so the check above can find text when it is there', async () => {
    const { bank } = await loadProject(loadProjectConfig());
    const practice = bank.questions.find((q) => q.visibility === 'practice' && q.lesson)!;
    const texts = siteTexts();
    const [stem, explanation] = fieldsOf(practice);
    const lessonPage = texts.get(`${practice.module}/${practice.lesson}/index.html`)!;
    expect(lessonPage).toContain(stem);
    expect(lessonPage).toContain(explanation);
  });

  it('keeps quiz questions, answers and explanations out of the search index', async () => {
    const { bank } = await loadProject(loadProjectConfig());
    const practice = bank.questions.filter((q) => q.visibility === 'practice');
    const answers = practice.flatMap((q) => [normalize(q.explanation), normalize(q.stem)]).filter((t) => [...t].length >= 10);
    const index = [...siteTexts()].filter(([file]) => file.startsWith('pagefind/')).map(([, text]) => text).join('\n');
    expect(answers.filter((piece) => index.includes(piece))).toEqual([]);
  });
});
