import type { Question } from '../questions/index.ts';

/** Which questions an export takes: practice only (the default), exam only, or all. */
export type ExportVisibility = 'practice' | 'exam' | 'all';

/**
 * Returns the questions an export may take. Exam questions are included only when asked for by
 * name (`exam` or `all`), so a bank export never carries them out of the repository by accident.
 */
export function selectForExport(
  questions: readonly Question[],
  { visibility, module, includeRetired }: { visibility: ExportVisibility; module?: string; includeRetired: boolean },
): Question[] {
  return questions.filter(
    (q) => (visibility === 'all' || q.visibility === visibility) && (module === undefined || q.module === module) && (includeRetired || !q.retired),
  );
}
