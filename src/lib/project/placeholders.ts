import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Lesson } from '../content/index.ts';
import type { Question } from '../questions/index.ts';

/** The marker `npm run new` puts where an editor still has to write something. */
export const PLACEHOLDER = '【待填写】';

/** Returns an error for every published lesson or question that still contains the placeholder. */
export function findPlaceholders(lessons: readonly Lesson[], questions: readonly Question[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const lesson of lessons) {
    const text = `${JSON.stringify(lesson.data)}\n${lesson.body}`;
    if (!text.includes(PLACEHOLDER)) continue;
    const line = lesson.body.split('\n').findIndex((l) => l.includes(PLACEHOLDER));
    diagnostics.push(createError(lesson.file, line >= 0 ? { line: line + 1, column: lesson.body.split('\n')[line]!.indexOf(PLACEHOLDER) + 1 } : { line: 1, column: 1 }, 'content/placeholder', `Unexpected placeholder \`${PLACEHOLDER}\` in a published lesson, expected real text`, `replace every ${PLACEHOLDER}, or keep \`draft: true\` until the lesson is ready.`));
  }
  for (const question of questions) {
    if (!JSON.stringify(question.source).includes(PLACEHOLDER)) continue;
    diagnostics.push(createError(question.file, question.place, 'question/placeholder', `Unexpected placeholder \`${PLACEHOLDER}\` in \`${question.id}\`, expected real text`, `replace every ${PLACEHOLDER} in the question.`));
  }
  return diagnostics;
}
