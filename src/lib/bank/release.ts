import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';
import { readTextFile } from '../encoding/index.ts';
import type { QuestionBank } from '../questions/index.ts';
import type { BankChanges } from './diff.ts';
import { BankLockSchema, lockQuestion, type BankLock, type Release } from './lock.ts';
import { locateLockEntries, type LockPlaces } from './lock-places.ts';

/**
 * Returns the next semantic version.
 * @example bumpVersion('1.4.2', 'minor') // => '1.5.0'
 */
export function bumpVersion(version: string, level: 'patch' | 'minor' | 'major'): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Returns the lock after a release: every question as it is now, and the release prepended to the history. */
export function createRelease(bank: QuestionBank, previous: BankLock | undefined, changes: BankChanges, version: string, date: string): BankLock {
  const release: Release = {
    version,
    date,
    added: changes.added.map((q) => ({ id: q.id, visibility: q.visibility })),
    changed: changes.changed.map((q) => ({ id: q.id, visibility: q.visibility, rev: q.rev, fields: q.fields })),
    retired: changes.retired.map((q) => ({ id: q.id, visibility: q.visibility })),
  };
  const questions = Object.fromEntries([...bank.questions].sort((a, b) => a.id.localeCompare(b.id)).map((q) => [q.id, lockQuestion(q)]));
  return { version, questions, releases: [release, ...(previous?.releases ?? [])] };
}

/**
 * Returns the bank's lock and where its entries are written, `undefined` when there is none yet,
 * or a located diagnostic when it is unreadable.
 */
export async function readBankLock(file: string, displayName: string): Promise<{ lock?: BankLock; places?: LockPlaces; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    const read = await readTextFile(file, displayName);
    if (!read.ok) return { diagnostics: [read.diagnostic] };
    text = read.text;
  } catch {
    return { diagnostics: [] };
  }
  let place: Place | undefined;
  try {
    const result = BankLockSchema.safeParse(JSON.parse(text));
    if (result.success) return { lock: result.data, places: locateLockEntries(text), diagnostics: [] };
  } catch (error) {
    // V8 says where JSON stops making sense: "… in JSON at position 14 (line 3 column 3)".
    const match = /\(line (\d+) column (\d+)\)/.exec((error as Error).message);
    if (match) place = { line: Number(match[1]), column: Number(match[2]) };
  }
  return {
    diagnostics: [createError(displayName, place, 'bank/invalid-lock', 'Unexpected content in the bank lock, expected the JSON written by `npm run bank:release`', 'do not edit the lock by hand: restore it with `git checkout -- question-bank/bank.lock.json`.')],
  };
}
