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

/** Fragments searched for: every window of this many characters of exam-only text. */
const WINDOW = 12;

function windowsOf(text: string): string[] {
  const windows: string[] = [];
  for (let i = 0; i + WINDOW <= text.length; i++) windows.push(text.slice(i, i + WINDOW));
  return windows;
}

describe('the built sample site', () => {
  it('contains no 12-character fragment of any exam question in any file, including the search index', async () => {
    const { bank, course } = await loadProject(loadProjectConfig());
    const exam = bank.questions.filter((q) => q.visibility === 'exam');
    expect(exam.length).toBeGreaterThanOrEqual(60);
    // Text that is also written in a lesson or a practice question is public by its author's choice, not a leak.
    const publicText = [
      ...course.modules.flatMap((m) => m.lessons.map((l) => normalize(l.body))),
      ...bank.questions.filter((q) => q.visibility === 'practice').flatMap(fieldsOf),
    ].join('\n');
    const fragments = new Map<string, string>();
    for (const question of exam) for (const field of fieldsOf(question)) for (const w of windowsOf(field)) if (!publicText.includes(w)) fragments.set(w, question.id);
    expect(fragments.size).toBeGreaterThan(5000);
    const texts = siteTexts();
    expect([...texts.keys()].some((f) => f.includes('pagefind/fragment/'))).toBe(true);
    const leaks: string[] = [];
    for (const [file, text] of texts) {
      for (let i = 0; i + WINDOW <= text.length; i++) {
        const id = fragments.get(text.slice(i, i + WINDOW));
        if (id) {
          leaks.push(`${id}: “${text.slice(i, i + WINDOW)}” in ${file}`);
          i += WINDOW - 1;
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('would find a fragment of an exam question that is not a whole field', async () => {
    const { bank } = await loadProject(loadProjectConfig());
    const question = bank.questions.find((q) => q.visibility === 'exam' && fieldsOf(q)[0]!.length > 30)!;
    const middle = fieldsOf(question)[0]!.slice(8, 8 + WINDOW);
    const page = `<p>某页面引用了：${middle}……</p>`;
    expect(windowsOf(normalize(page)).some((w) => windowsOf(fieldsOf(question)[0]!).includes(w))).toBe(true);
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
