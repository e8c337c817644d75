import type { Question } from '../questions/index.ts';
import { CONTENT_FIELDS, changedFields, fingerprintFields, META_FIELDS, shortStem, type Field } from './fingerprint.ts';
import type { LockedQuestion } from './lock.ts';

/** A question named in a diff or changelog. */
export interface ChangeEntry {
  id: string;
  rev: number;
  type: string;
  module: string;
  visibility: 'practice' | 'exam';
  stem: string;
}

/** What changed in the bank between two states. */
export interface BankChanges {
  added: ChangeEntry[];
  changed: (ChangeEntry & { fromRev: number; fields: Field[] })[];
  retired: ChangeEntry[];
  /** Released questions that are gone (an error in `npm run check`, listed so reviewers see it). */
  deleted: { id: string; rev: number; stem: string }[];
}

const entryOf = (q: Question): ChangeEntry => ({ id: q.id, rev: q.rev, type: q.type, module: q.module, visibility: q.visibility, stem: shortStem(q) });

/** Returns the changes from `before` (lock entries by id) to the current questions. */
export function diffBank(before: Readonly<Record<string, LockedQuestion>>, after: readonly Question[]): BankChanges {
  const changes: BankChanges = { added: [], changed: [], retired: [], deleted: [] };
  const ids = new Set<string>();
  for (const question of after) {
    ids.add(question.id);
    const locked = before[question.id];
    if (!locked) {
      changes.added.push(entryOf(question));
      continue;
    }
    if (question.retired && !locked.retired) {
      changes.retired.push(entryOf(question));
      continue;
    }
    const fields = changedFields(locked.fields, fingerprintFields(question), [...CONTENT_FIELDS, ...META_FIELDS]);
    if (fields.length || question.rev !== locked.rev) changes.changed.push({ ...entryOf(question), fromRev: locked.rev, fields });
  }
  for (const [id, locked] of Object.entries(before)) if (!ids.has(id)) changes.deleted.push({ id, rev: locked.rev, stem: locked.stem });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  changes.added.sort(byId);
  changes.changed.sort(byId);
  changes.retired.sort(byId);
  changes.deleted.sort(byId);
  return changes;
}

/** Returns true when nothing changed. */
export function isEmptyChange(changes: BankChanges): boolean {
  return !changes.added.length && !changes.changed.length && !changes.retired.length && !changes.deleted.length;
}
