import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Question, QuestionBank } from '../questions/index.ts';
import { z } from '../z.ts';
import type { LockPlaces } from './lock-places.ts';
import { CONTENT_FIELDS, changedFields, fingerprintFields, fingerprintQuestion, shortStem } from './fingerprint.ts';

/** What the lock remembers of one released question. */
export const LockedQuestionSchema = z.strictObject({
  rev: z.number().int().min(1),
  type: z.string(),
  module: z.string(),
  visibility: z.enum(['practice', 'exam']),
  retired: z.boolean(),
  hash: z.string(),
  fields: z.record(z.string(), z.string()),
  /** Kept for messages when the question has been deleted; exam stems never leave the repository. */
  stem: z.string(),
});
export type LockedQuestion = z.output<typeof LockedQuestionSchema>;

/** One bank release, as the site's changelog page shows it. */
export const ReleaseSchema = z.strictObject({
  version: z.string(),
  date: z.string(),
  added: z.array(z.strictObject({ id: z.string(), visibility: z.enum(['practice', 'exam']) })),
  changed: z.array(z.strictObject({ id: z.string(), visibility: z.enum(['practice', 'exam']), rev: z.number(), fields: z.array(z.string()) })),
  retired: z.array(z.strictObject({ id: z.string(), visibility: z.enum(['practice', 'exam']) })),
});
export type Release = z.output<typeof ReleaseSchema>;

/** `question-bank/bank.lock.json`: the released state of every question, written only by `bank:release`. */
export const BankLockSchema = z.strictObject({
  version: z.string(),
  questions: z.record(z.string(), LockedQuestionSchema),
  releases: z.array(ReleaseSchema),
});
export type BankLock = z.output<typeof BankLockSchema>;

/** Returns the lock entry for a question as it is now. */
export function lockQuestion(question: Question): LockedQuestion {
  return {
    rev: question.rev,
    type: question.type,
    module: question.module,
    visibility: question.visibility,
    retired: question.retired,
    hash: fingerprintQuestion(question),
    fields: fingerprintFields(question),
    stem: shortStem(question),
  };
}

/**
 * Returns a diagnostic for every way the bank breaks its lock: content changed without a new
 * `rev`, a `rev` that went down, an id reused for a different question, a released question deleted
 * (at its entry in the lock, when `places` says where that is).
 */
export function checkBankAgainstLock(bank: QuestionBank, lock: BankLock, lockFile: string, places?: LockPlaces): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const question of bank.questions) {
    const locked = lock.questions[question.id];
    if (!locked) continue;
    const where = [question.file, question.place] as const;
    if (locked.type !== question.type || locked.module !== question.module) {
      diagnostics.push(
        createError(...where, 'bank/id-reused', `Unexpected reuse of released id \`${question.id}\` (was a \`${locked.type}\` question in \`${locked.module}\`: “${locked.stem}”), expected a new id for a different question`, 'give this question the next free id and put the released one back, marked `retired: true` if it is no longer wanted.'),
      );
      continue;
    }
    if (question.rev < locked.rev) {
      diagnostics.push(createError(...where, 'bank/rev-decreased', `Unexpected \`rev: ${question.rev}\` for \`${question.id}\`, expected at least ${locked.rev} (released revision)`, `set \`rev: ${locked.rev}\`, or \`rev: ${locked.rev + 1}\` if the content changed.`));
      continue;
    }
    // Visibility decides what is published: making an exam question practice publishes a paper's
    // question, so it takes a new revision like a content change and shows in bank:diff.
    const visibility = locked.visibility !== question.visibility ? ['visibility'] : [];
    const fields = [...changedFields(locked.fields, fingerprintFields(question), CONTENT_FIELDS), ...visibility];
    if (fields.length && question.rev === locked.rev) {
      diagnostics.push(
        createError(...where, 'bank/rev-not-bumped', `Unexpected change to \`${question.id}\` (${fields.map((f) => `\`${f}\``).join(', ')}) without a new revision, expected \`rev: ${locked.rev + 1}\``, `set \`rev: ${locked.rev + 1}\`: papers, keys and trainees’ progress record \`${question.id}@rev\` and must see that the question changed.`),
      );
    }
  }
  for (const [id, locked] of Object.entries(lock.questions)) {
    if (bank.byId.has(id) || bank.withheld?.has(id)) continue;
    diagnostics.push(
      createError(lockFile, places?.questions.get(id), 'bank/question-deleted', `Unexpected deletion of released question \`${id}\` (“${locked.stem}”), expected it to stay in the bank`, `put it back and add \`retired: true\`: it then stays out of new quizzes and papers, but old papers that used ${id}@${locked.rev} can still be traced.`),
    );
  }
  return diagnostics;
}

