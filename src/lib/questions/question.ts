import type { Level } from '../content/schema.ts';
import type { Place } from '../diagnostics/index.ts';
import type { BankMeta, QuestionType } from './schema.ts';

/** An answer option after normalisation. */
export interface Choice {
  text: string;
  /** Stays at its index when options are shuffled (e.g. `以上都是`). */
  pin: boolean;
}

/** The answer-bearing fields of a question or of a case part, by type. */
export type QuestionBody =
  | { type: 'single'; options: Choice[]; /** Indexes of correct options (exactly one). */ answer: number[] }
  | { type: 'multiple'; options: Choice[]; /** Indexes of correct options (two or more). */ answer: number[] }
  | { type: 'truefalse'; answer: boolean }
  | { type: 'fill'; /** Accepted variants per blank, in order. */ answers: string[][] }
  | { type: 'short'; reference: string; scoring: { point: string; points: number }[] }
  | { type: 'case'; parts: CasePart[] };

/** A sub-question of a case. */
export type CasePart = Exclude<QuestionBody, { type: 'case' }> & { stem: string; points: number; explanation?: string };

/** A validated question with its defaults filled in and where it came from. */
export type Question = QuestionBody & {
  id: string;
  rev: number;
  module: string;
  lesson?: string;
  level: Level;
  difficulty: number;
  tags: string[];
  visibility: 'practice' | 'exam';
  retired: boolean;
  /** Resolved points (given, or the type's default). */
  points: number;
  stem: string;
  explanation: string;
  /** Bank file, relative to the project root. */
  file: string;
  /** Where the question's mapping starts in `file`. */
  place: Place;
  /** The question as written (plain data), for hashing and diffs. */
  source: Record<string, unknown>;
};

/** The whole bank: metadata and every question, in file order. */
export interface QuestionBank {
  meta: BankMeta;
  questions: Question[];
  /** Questions by id. */
  byId: Map<string, Question>;
  /**
   * Ids of questions that are in the bank's files but were left out because of their own errors
   * (already reported), each with its module folder. Other checks treat them as present, so one
   * mistake is reported once.
   */
  withheld?: ReadonlyMap<string, string>;
  /** Where `version:` is written in bank.yaml, for messages about the bank's version. */
  versionPlace?: Place;
}

/** Returns the option letter for an index: 0 → `A`. */
export function indexToLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Returns the index of an option letter, or -1: `B` → 1. */
export function letterToIndex(letter: string): number {
  const normalized = letter.trim().toUpperCase();
  return /^[A-Z]$/.test(normalized) ? normalized.charCodeAt(0) - 65 : -1;
}

/** Returns whether a question type is answered by choosing options. */
export function isChoiceType(type: QuestionType): type is 'single' | 'multiple' {
  return type === 'single' || type === 'multiple';
}

/** Returns how many `____` blanks a fill stem has, as written (see `countRenderedBlanks` for what readers see). */
export function countBlanks(stem: string): number {
  return stem.match(/_{4,}/g)?.length ?? 0;
}
