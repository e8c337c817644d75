import { closestMatch, createError, type Diagnostic, type Place } from '../diagnostics/index.ts';
import type { Question, QuestionBank } from '../questions/index.ts';
import { createRandom, shuffle } from './random.ts';

/** What a lesson asks for: explicit ids, or a filter drawn from the practice questions. */
export interface QuizSpec {
  ids?: string[];
  module?: string;
  tags?: string[];
  count?: number;
}

/** Returns the bank's questions that may appear on the public site: practice and not retired. */
export function listPracticeQuestions(bank: QuestionBank, module?: string): Question[] {
  return bank.questions.filter((q) => q.visibility === 'practice' && !q.retired && (!module || q.module === module));
}

/**
 * Returns the questions of a lesson quiz. Explicit ids keep their order; a filter is drawn
 * deterministically from `seed` (the lesson id), so every build selects the same questions.
 * Naming an unknown, exam-only or retired question is an error at the quiz's place.
 */
export function selectQuizQuestions(
  bank: QuestionBank,
  spec: QuizSpec,
  seed: string,
  where: { file: string; place?: Place },
): { questions: Question[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (ruleId: string, reason: string, note: string) => diagnostics.push(createError(where.file, where.place, ruleId, reason, note));

  if (spec.ids?.length) {
    const questions: Question[] = [];
    for (const id of spec.ids) {
      const question = bank.byId.get(id);
      // A question left out for its own errors was reported where it is written.
      if (!question && bank.withheld?.has(id)) continue;
      if (!question) {
        const suggestion = closestMatch(id, bank.byId.keys());
        error('content/unknown-question-ref', `Unexpected question id \`${id}\`, expected an id in question-bank/`, suggestion ? `did you mean \`${suggestion}\`?` : 'check the id in the question bank file.');
      } else if (question.visibility !== 'practice') {
        error('content/exam-question-in-quiz', `Unexpected exam question \`${id}\` in a self-check, expected a question with \`visibility: practice\``, `exam questions never appear on the site; pick a practice question, or set \`visibility: practice\` in ${question.file} if it is meant to be public.`);
      } else if (question.retired) {
        error('content/retired-question-in-quiz', `Unexpected retired question \`${id}\` in a self-check, expected a current question`, 'remove the id from the quiz or pick a current question.');
      } else {
        questions.push(question);
      }
    }
    return { questions, diagnostics };
  }

  if (!spec.module && !spec.tags?.length) {
    error('content/empty-quiz', 'Unexpected quiz without questions, expected `ids`, or a `module` or `tags` filter', 'write e.g. `::quiz{ids="com-001,com-002"}` or `::quiz{module="communication" count="3"}`.');
    return { questions: [], diagnostics };
  }
  if (spec.module && !hasModule(bank, spec.module)) {
    const known = [...new Set([...bank.questions.map((q) => q.module), ...(bank.withheld?.values() ?? [])])].sort();
    const suggestion = closestMatch(spec.module, known);
    error('content/unknown-quiz-module', `Unexpected module \`${spec.module}\` in a quiz filter, expected a module with questions in question-bank/: ${known.map((m) => `\`${m}\``).join(', ')}`, suggestion ? `did you mean \`${suggestion}\`?` : 'write the folder name of a module, e.g. `module="communication"`.');
    return { questions: [], diagnostics };
  }
  const pool = listPracticeQuestions(bank, spec.module).filter((q) => !spec.tags?.length || spec.tags.some((tag) => q.tags.includes(tag)));
  const filter = [spec.module && `module \`${spec.module}\``, spec.tags?.length && `tags ${spec.tags.map((t) => `\`${t}\``).join(', ')}`].filter(Boolean).join(' and ');
  if (pool.length === 0) {
    // Questions left out for their own errors may be the ones this filter needs: they were reported there.
    if (withheldFrom(bank, spec.module)) return { questions: [], diagnostics };
    error('content/empty-quiz', `Unexpected quiz filter ${filter} matching no practice question, expected at least one`, 'check the module slug and tags, or mark matching questions `visibility: practice`.');
    return { questions: [], diagnostics };
  }
  const count = Math.min(spec.count ?? pool.length, pool.length);
  if (spec.count && spec.count > pool.length && !withheldFrom(bank, spec.module)) {
    diagnostics.push({ ...createError(where.file, where.place, 'content/quiz-pool-too-small', `Unexpected \`count="${spec.count}"\` for ${filter}, only ${pool.length} practice questions match`, 'lower `count` or add practice questions.'), severity: 'warning' });
  }
  // Sort by id first so the draw depends on the bank's content, not on file order.
  const ordered = [...pool].sort((a, b) => a.id.localeCompare(b.id));
  return { questions: shuffle(ordered, createRandom(seed)).slice(0, count), diagnostics };
}

/** Returns whether the bank has any question of `module`, counting those left out for their own errors. */
function hasModule(bank: QuestionBank, module: string): boolean {
  return bank.questions.some((q) => q.module === module) || [...(bank.withheld?.values() ?? [])].includes(module);
}

/** Returns whether questions of `module` (any module when undefined) were left out of the bank for their errors. */
function withheldFrom(bank: QuestionBank, module: string | undefined): boolean {
  return [...(bank.withheld?.values() ?? [])].some((m) => !module || m === module);
}
